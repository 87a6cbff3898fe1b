"""Quotes interrupted by their own attribution: one quote with parts, and only then."""

from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from annotator.core.extraction.model import Quote
from annotator.core.extraction.quotes import QUOTE_CHARS
from tests.core.extraction_support import person_named, run, span_text

INTRO = "Ines Varga runs the ferry company on the island of Tessel.\n\n"


def parts_of(text: str, quote: Quote) -> list[str]:
    return [text[part.start : part.end] for part in quote.parts]


@pytest.mark.parametrize(
    ("opening", "closing"),
    [("“", "”"), ('"', '"'), ("‘", "’"), ("'", "'"), ("«", "»"), ("„", "“")],
)
def test_a_quote_interrupted_by_he_said_is_one_quote_in_two_parts(opening, closing):
    first = f"{opening}The ferry will run,{closing}"
    second = f"{opening}but only twice a day.{closing}"
    text = f"{INTRO}{first} she said, {second}\n"
    result = run(text)
    assert len(result.quotes) == 1
    quote = result.quotes[0]
    assert parts_of(text, quote) == [first, second]
    assert (quote.start, quote.end) == (quote.parts[0].start, quote.parts[-1].end)
    assert quote.text == text[quote.start : quote.end]  # the attribution between the parts included
    assert quote.display_text == f"{first} … {second}"
    assert quote.speaker == "Ines Varga"
    assert span_text(text, quote.speaker_mention) == "she"
    assert quote.cue_text == "said"
    assert quote.parts[0].end <= quote.speaker_mention.start < quote.cue.end <= quote.parts[1].start
    assert quote.kind == "direct"


@pytest.mark.parametrize(
    ("first", "between", "second", "speaker"),
    [
        # British single quotes, apostrophes in both parts
        ("‘The islanders’ boats can’t wait,’", " said Ines Varga, ", "‘and the council’s ferry won’t either.’", "Ines Varga"),
        # an inverted attribution with an apposition that ends the sentence
        ("“We sold every ticket,”", " said Ines Varga, the ferry company’s owner. ", "“The next boat is already full.”", "Ines Varga"),
        # a dash interruption, a role before the name
        ("“We were —”", " harbour master Tomasz Brandt said, ", "“we were lost out there.”", "Tomasz Brandt"),
        # a title and an age in the apposition
        ("“It is over,”", " said Dr. Tomasz Brandt, 61, a retired skipper. ", "“Let the young ones sail.”", "Tomasz Brandt"),
    ],
)
def test_attributions_that_interrupt_a_quote(first, between, second, speaker):
    text = f"{first}{between}{second}\n"
    (quote,) = run(text).quotes
    assert parts_of(text, quote) == [first, second]
    assert quote.speaker == speaker
    assert quote.speaker_mention.start > quote.parts[0].end and quote.speaker_mention.end < quote.parts[1].start


def test_a_comma_after_the_closing_mark_also_pauses():
    text = f"{INTRO}“The ferry will run”, she said, “but only twice a day.”\n"
    (quote,) = run(text).quotes
    assert len(quote.parts) == 2


def test_a_middle_piece_with_its_own_attribution_starts_a_new_quote():
    text = (
        f"{INTRO}“The ferry will run,” she said, “but only twice a day,” she added, "
        "“and never in a storm.”\n"
    )
    first, second = run(text).quotes
    assert not first.parts and first.cue_text == "said"
    assert second.display_text == "“but only twice a day,” … “and never in a storm.”"
    assert second.cue_text == "added"


def test_an_interrupted_quote_counts_once_for_its_speaker():
    text = f"{INTRO}“The ferry will run,” she said, “but only twice a day.”\n\n“Tickets are cheaper,” Varga said.\n"
    result = run(text)
    varga = person_named(result, "Ines Varga")
    assert len(result.quotes) == 2
    assert varga.quote_count == 2


def test_the_json_record_lists_the_parts():
    text = f"{INTRO}“The ferry will run,” she said, “but only twice a day.”\n"
    (record,) = run(text).to_json()["quotes"]
    assert [text[p["start"] : p["end"]] for p in record["parts"]] == ["“The ferry will run,”", "“but only twice a day.”"]
    assert record["start"] == record["parts"][0]["start"] and record["end"] == record["parts"][-1]["end"]
    assert record["text"] == text[record["start"] : record["end"]]


# -- never joined ----------------------------------------------------------------------------


def test_two_sentences_each_with_its_own_attribution_stay_two_quotes():
    text = f"{INTRO}“The ferry will run,” Varga said. “The road will not,” she added.\n"
    result = run(text)
    assert [q.parts for q in result.quotes] == [[], []]
    assert [q.cue_text for q in result.quotes] == ["said", "added"]


def test_different_speakers_stay_two_quotes():
    text = (
        "Ines Varga and Tomasz Brandt spoke at the harbour.\n\n"
        "“The ferry will run,” Varga said, “The road will not,” Brandt said.\n"
    )
    result = run(text)
    assert len(result.quotes) == 2 and not any(q.parts for q in result.quotes)
    assert [q.speaker for q in result.quotes] == ["Ines Varga", "Tomasz Brandt"]


@pytest.mark.parametrize(
    "story",
    [
        "“The ferry will run!” Varga said. “Book early.”",  # the first piece ends its sentence
        "“The ferry will run,” Varga said.\n\n“Book early.”",  # another paragraph
        "“The ferry will run,” she said, smiling at the crowd, “but only twice a day.”",  # a clause
        "“The ferry will run,” she said Monday. Then she left the stage. “Book early.”",  # a sentence
        "“The ferry will run,” she said, adding that the tickets were sold, “but only twice a day.”",
        "“The ferry will run,” she said. Her brother Tomasz Brandt agreed: “Book early.”",  # someone else
        "“The ferry will run,” she said, calling it “Island Pride.”",  # a title, not a part
    ],
)
def test_more_than_an_attribution_between_the_pieces_keeps_them_apart(story):
    result = run(f"{INTRO}{story}\n")
    assert len(result.quotes) == 2 and not any(q.parts for q in result.quotes), result.quotes


# -- exports with parts -------------------------------------------------------------------


def test_exports_show_the_parts_without_the_attribution_and_credit_only_the_words():
    from annotator.core.annotations.model import DEFAULT_LABELS, Annotation
    from annotator.core.export import export_brat, export_markdown
    from annotator.core.export.common import speaker_for
    from tests.core.extraction_support import article

    text = f"{INTRO}“The ferry will run,” she said, “but only twice a day.”\n"
    extraction = run(text)
    (quote,) = extraction.quotes
    inside = text.index("twice a day")
    on_words = Annotation.create(text, inside, inside + len("twice a day"), "Claim")
    on_cue = Annotation.create(text, quote.cue.start, quote.cue.end, "Claim")
    assert speaker_for(on_words, extraction) == "Ines Varga"
    assert speaker_for(on_cue, extraction) is None  # "said" is not what Ines Varga said

    report = export_markdown(article(text), [], DEFAULT_LABELS, extraction)
    assert "“The ferry will run,” … “but only twice a day.”" in report
    assert "she said, “but" not in report

    ann = export_brat(article(text), [], DEFAULT_LABELS, extraction).ann
    (line,) = [row for row in ann.splitlines() if "Extracted_quote" in row]
    offsets = ";".join(f"{p.start} {p.end}" for p in quote.parts)
    assert line.split("\t")[1] == f"Extracted_quote {offsets}"


def test_a_line_separator_ends_a_paragraph_for_quotes_too():
    text = f"{INTRO}“The ferry will run,” Varga said.\u2028“Book early.”\u2029“Bring a coat.”\n"
    result = run(text)  # no reader blocks: units are lines
    assert [q.text for q in result.quotes] == ["“The ferry will run,”", "“Book early.”", "“Bring a coat.”"]
    assert not any(q.parts for q in result.quotes)


# -- any mix of quotes and attributions ------------------------------------------------------

PIECES = st.sampled_from(
    [
        "“The ferry will run,”", "“but only twice a day.”", "‘We stay,’", "‘and we sail.’", "«Oui,»", "\"No —\"",
        "“Island Pride”", " she said, ", " said Ines Varga, a nurse. ", " Varga said. ", " he added, ",
        " Tomasz Brandt said, smiling, ", " said Dr. Brandt, 61, ", " and ", " — ", "\n", "\n\n", "\u2028", ". ",
        "Ines Varga runs the ferry. ", "Tomasz Brandt agreed: ",
    ]
)


@given(st.lists(PIECES, max_size=14).map("".join))
@example("“The ferry will run,” she said, “but only twice a day.”")  # "she" is nobody known: still one quote
@example("“The ferry will run,” she said, ‘We stay,’Ines Varga runs the ferry. ")  # a second mark never closed
def test_parts_are_ordered_marked_pieces_with_the_attribution_between_them(text):
    for quote in run(text).quotes:
        if not quote.parts:
            continue
        assert len(quote.parts) >= 2
        assert (quote.parts[0].start, quote.parts[-1].end) == (quote.start, quote.end)
        for first, second in zip(quote.parts, quote.parts[1:]):
            gap = text[first.end : second.start]
            assert first.end < second.start and "\n" not in gap and "\u2028" not in gap
        for part in quote.parts:
            assert text[part.start] in QUOTE_CHARS and text[part.end - 1] in QUOTE_CHARS
        assert quote.speaker_mention is not None and quote.cue is not None and quote.kind != "scare"
        assert quote.parts[0].end <= quote.cue.start and quote.cue.end <= quote.parts[1].start
        assert quote.display_text == " … ".join(text[p.start : p.end] for p in quote.parts)


def test_a_lower_case_continuation_joins_across_a_relative_clause_on_the_speaker():
    first = "‘The ferry will run,’"
    second = "‘but only in daylight, and never in fog.’"
    text = f"{INTRO}{first} said Ines Varga, 47, whose family has run the ticket kiosk for three decades, {second}\n"
    (quote,) = run(text).quotes
    assert parts_of(text, quote) == [first, second]
    assert quote.speaker == "Ines Varga"


def test_a_relative_clause_does_not_join_a_new_sentence():
    text = (
        f"{INTRO}‘The ferry will run,’ said Ines Varga, who has run the kiosk for decades, "
        "‘But the island needs a second boat.’\n"
    )
    result = run(text)
    assert all(not quote.parts for quote in result.quotes)
