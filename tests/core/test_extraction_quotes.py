"""Quotation marks: every family, apostrophes, paragraphs, nesting and stray marks."""

from __future__ import annotations

import pytest

from tests.core.extraction_support import quote_containing, run


@pytest.mark.parametrize(
    ("opening", "closing"),
    [('"', '"'), ("“", "”"), ("‘", "’"), ("'", "'"), ("«", "»"), ("„", "“"), ("„", "”"), ("‹", "›")],
)
def test_every_quotation_mark_family_is_found(opening, closing):
    text = f"{opening}The bridge opens on Monday,{closing} said Ana Lima.\n"
    result = run(text)
    assert [q.text for q in result.quotes] == [f"{opening}The bridge opens on Monday,{closing}"]
    assert result.quotes[0].speaker == "Ana Lima"


def test_apostrophes_inside_british_single_quotes_do_not_close_them():
    text = "‘It’s Putin’s plan and we don’t accept the Ukrainians’ loss of it,’ said Ana Lima.\n"
    quote = run(text).quotes[0]
    assert quote.text == "‘It’s Putin’s plan and we don’t accept the Ukrainians’ loss of it,’"


def test_a_plural_possessive_before_the_real_closer_is_an_apostrophe():
    text = "She called it ‘the workers’ own victory’ in her speech.\n"
    assert [q.text for q in run(text).quotes] == ["‘the workers’ own victory’"]


def test_a_closing_mark_after_a_plural_closes_when_nothing_better_follows():
    text = "Ana Lima said the town would ‘stand with the islanders’ whatever happens.\n"
    assert [q.text for q in run(text).quotes] == ["‘stand with the islanders’"]


def test_straight_single_quotes_and_contractions():
    text = "'We can't wait for the ferry's owners,' said Ana Lima.\n"
    assert [q.text for q in run(text).quotes] == ["'We can't wait for the ferry's owners,'"]


def test_a_quote_running_over_paragraphs_is_reopened_in_each():
    text = (
        "Ana Lima explained:\n\n"
        "“We kept every boat running through the storms.\n\n"
        "“Next winter we will need help from the mainland.”\n"
    )
    result = run(text)
    first = quote_containing(result, "storms")
    second = quote_containing(result, "mainland")
    assert first.text == "“We kept every boat running through the storms."
    assert first.speaker == second.speaker == "Ana Lima"


def test_nested_quotes_stay_inside_the_outer_quote():
    text = "“He told me ‘never again’ and walked out,” said Ana Lima.\n"
    result = run(text)
    assert [q.text for q in result.quotes] == ["“He told me ‘never again’ and walked out,”"]


def test_one_stray_mark_never_loses_the_rest_of_the_document():
    paragraphs = [f"“Crossing {n} was calm,” said Ana Lima." for n in range(5)]
    paragraphs.insert(2, "The 6\" pipe and a stray “ mark sit here with ” odd spacing and an opener “ alone")
    result = run("\n\n".join(paragraphs) + "\n")
    calm = [q for q in result.quotes if "was calm" in q.text]
    assert len(calm) == 5
    assert all(q.speaker == "Ana Lima" for q in calm)


def test_an_unclosed_opener_recovers_within_its_paragraph():
    text = "“The ferry will not sail today, said the notice.\n\n“The café stays open,” said Ana Lima.\n"
    result = run(text)
    cafe = quote_containing(result, "café")
    assert cafe.text == "“The café stays open,”"
    assert cafe.speaker == "Ana Lima"


def test_quotes_never_overlap_and_stay_within_the_text():
    text = "“A ‘b’ c,” she said. «d» „e“ 'f' \"g\" ‘h’s’ “i\n“j”\n"
    result = run(text)
    spans = sorted((q.start, q.end) for q in result.quotes)
    for (a_start, a_end), (b_start, _) in zip(spans, spans[1:]):
        assert a_end <= b_start
    assert all(0 <= q.start < q.end <= len(text) and q.text == text[q.start : q.end] for q in result.quotes)


def test_kinds_direct_partial_and_scare():
    text = (
        "“We will rebuild the pier,” said Ana Lima.\n\n"
        "Ana Lima said the council would ‘find the money somewhere’ next year.\n\n"
        "The so-called ‘harbour tax’ is unpopular.\n"
    )
    result = run(text)
    assert quote_containing(result, "rebuild").kind == "direct"
    assert quote_containing(result, "find the money").kind == "partial"
    scare = quote_containing(result, "harbour tax")
    assert scare.kind == "scare"
    assert scare.speaker is None


def test_a_curly_quote_inside_a_straight_one_is_nested_not_stray():
    text = "\"He read the question: “Are you ready?” and nobody answered,\" said Ana Lima.\n"
    result = run(text)
    assert [q.text for q in result.quotes] == ["\"He read the question: “Are you ready?” and nobody answered,\""]


def test_programme_and_headline_titles_are_scare_quotes_even_near_a_speaker():
    text = "Ana Lima said on “Harbour Watch Tonight,” that the ferry would run.\n"
    quote = run(text).quotes[0]
    assert quote.kind == "scare"
    assert quote.speaker is None


def test_a_spaced_straight_closer_after_a_nested_quote_still_closes():
    text = "\"I never liked the phrase 'harbour renewal,' \" she told the meeting.\n"
    result = run(text)
    assert [q.text for q in result.quotes] == ["\"I never liked the phrase 'harbour renewal,' \""]
    assert result.quotes[0].cue_text == "told"


def test_a_capitalised_utterance_is_not_mistaken_for_a_title():
    text = "“Here Comes The Ferry,” Ana Lima said, waving. “Our Ferry. At Last.”\n"
    result = run(text)
    assert [q.kind for q in result.quotes] == ["direct", "direct"]
    assert {q.speaker for q in result.quotes} == {"Ana Lima"}


def test_quote_ids_come_from_the_quotes_words_and_survive_text_added_above():
    from pathlib import Path

    from annotator.core.article import Article
    from annotator.core.extraction import extract

    body = "“The wall will hold,” said Ana Ruiz.\n\n“We will see,” said Tom Hale.\n\n“We will see,” said Ana Ruiz.\n"
    before = extract(Article(source=Path("a.txt"), text=body))
    after = extract(Article(source=Path("a.txt"), text="“Nobody asked us,” said Lena Park.\n\n" + body))
    assert [q.id for q in after.quotes[1:]] == [q.id for q in before.quotes]
    ids = [q.id for q in before.quotes]
    assert len(set(ids)) == 3 and ids[2] == ids[1] + "-2"  # the same words twice: told apart by order
    assert all(q.id.startswith("q") for q in after.quotes)


def test_a_paragraph_opening_on_a_closing_mark_before_an_ellipsis_is_a_quote():
    text = "Ana Pike spoke in March.\n\n” … in the end, the ferry will run all winter,” she said. “We will see.”\n"
    quote = quote_containing(run(text), "the ferry will run all winter")
    assert quote.text.startswith("” … in the end")
    assert quote.speaker == "Ana Pike"


def test_a_direction_mark_before_a_quote_is_invisible():
    text = "Ana Pike posted a photo of the ferry.\n\n\u202a”Lovely boat, I rode it every summer!!” posted Tom Reed.\n"
    quote = quote_containing(run(text), "Lovely boat")
    assert quote.text == "”Lovely boat, I rode it every summer!!”"
    assert quote.kind == "direct"
    assert quote.speaker == "Tom Reed"


def test_a_lone_closing_mark_inside_a_paragraph_opens_nothing():
    text = "Ana Pike spoke in March.\n\nShe said the ferry ” will run all winter and left.\n"
    assert run(text).quotes == []
