"""Text whose paragraph breaks were lost (an article body stored as one line, as corpora, databases and
CSV/JSON Lines exports keep it) is read in paragraphs again, so a colon paragraph, a quote-only
paragraph and a quote running over paragraphs are attributed as in the text with its breaks.

Every text here is written for these tests.
"""

from __future__ import annotations

import pytest

from annotator.core.extraction.flat_paragraphs import recover_paragraphs
from annotator.core.extraction.units import Unit, text_units
from tests.core.extraction_support import article, run

COLON = [
    "Transit fares to rise",
    "The transit board voted on Monday to raise fares by ten cents.",
    "Board chair Ruth Amos was blunt:",
    "“We have no money left. None. The province has to step in.”",
    "Riders' groups said they would protest.",
]
MULTI = [
    "Port strike ends",
    "Union leader Sam Ortiz said on Sunday that the strike was over.",
    "“We got what we came for. The members voted and they were clear.",
    "“Now we go back to work.”",
    "Port manager Lena Fisk said ships would move by Tuesday.",
]
CARRY = [
    "Mayor backs stadium.",
    "Mayor Ken Abe backed the stadium plan on Monday.",
    "“This city deserves a home for its team.”",
    "Councillor Jo Park, who voted against it, called the cost reckless.",
]


def _spaced(paragraphs: list[str]) -> str:
    """Blank-line paragraphs with every newline replaced by a space (offsets kept)."""
    return "\n\n".join(paragraphs).replace("\n", " ")


def _collapsed(paragraphs: list[str]) -> str:
    """Paragraphs joined by one space: nothing is left of the breaks."""
    return " ".join(paragraphs)


def _units(text: str) -> list[str]:
    return [text[u.start : u.end] for u in recover_paragraphs(text, text_units(article(text)))]


def _speakers(text: str) -> list[tuple[str, str | None]]:
    return [(q.text.split()[0], q.speaker) for q in run(text).quotes]


@pytest.mark.parametrize("flatten", [_spaced, _collapsed])
def test_a_colon_paragraph_introduces_the_quote_after_it(flatten):
    assert _speakers(flatten(COLON)) == [("“We", "Ruth Amos")]


@pytest.mark.parametrize("flatten", [_spaced, _collapsed])
def test_a_quote_left_open_and_reopened_runs_over_both_paragraphs(flatten):
    speakers = _speakers(flatten(MULTI))
    assert speakers == _speakers("\n\n".join(MULTI)) == [("“We", "Sam Ortiz"), ("“Now", "Sam Ortiz")]


@pytest.mark.parametrize("flatten", [_spaced, _collapsed])
def test_a_quote_only_paragraph_is_spoken_by_the_paragraph_before(flatten):
    assert _speakers(flatten(CARRY)) == [("“This", "Ken Abe")]


def test_runs_of_spaces_left_by_newlines_are_the_paragraphs():
    assert _units(_spaced(COLON)) == COLON


def test_without_a_trace_each_sentence_is_a_paragraph_but_an_open_quote_keeps_its_sentences():
    assert _units(_collapsed(MULTI)) == [
        "Port strike ends Union leader Sam Ortiz said on Sunday that the strike was over.",
        "“We got what we came for. The members voted and they were clear.",
        "“Now we go back to work.”",
        "Port manager Lena Fisk said ships would move by Tuesday.",
    ]


def test_two_spaces_after_every_sentence_are_a_habit_not_paragraph_breaks():
    text = "Fares rise today.  “It hurts.  We ride every day,” said Ana Gil.  The board met at noon.  It voted."
    assert _units(text) == [
        "Fares rise today.",
        "“It hurts.  We ride every day,” said Ana Gil.",
        "The board met at noon.",
        "It voted.",
    ]


def test_text_with_line_breaks_keeps_its_own_paragraphs():
    text = "One line. Two sentences.\nAnother line. “With a quote,” she said."
    units = text_units(article(text))
    assert recover_paragraphs(text, units) == units
    assert recover_paragraphs(text, units) == [Unit(0, 24), Unit(25, len(text))]


@pytest.mark.parametrize("gap", [" ", "\n\n"])
def test_markup_attribute_values_are_not_quotes_even_after_a_speech_verb(gap):
    text = (
        "The name was posted by several people who heard the scanner."
        f"{gap}<post id=\"5550001112223334\" author=\"@harbourwatch\">Scanner: suspect named</post>."
        f"{gap}Police confirmed it later."
    )
    assert [q.kind for q in run(text).quotes] == ["scare", "scare"]


def test_an_unpunctuated_headline_ends_where_a_dateline_starts_the_body():
    text = (
        "Ferry service returns to the island after storm HALIFAX, N.S. — The first ferry in a week "
        "docked on Friday. Captain Rosa Lund said the crossing was calm. \"We waited long enough,\" Lund said."
    )
    assert _units(text)[:2] == [
        "Ferry service returns to the island after storm",
        "HALIFAX, N.S. — The first ferry in a week docked on Friday.",
    ]


def test_an_unpunctuated_headline_ends_where_the_body_opens_on_a_quote():
    text = (
        "Cab drivers protest new fees \"We pay twice what we did a year ago.\" "
        "Omar Sato, who has driven a cab for ten years, said the fees came without warning. The city did not comment."
    )
    assert _units(text)[:2] == ["Cab drivers protest new fees", "\"We pay twice what we did a year ago.\""]
    assert [q.speaker for q in run(text).quotes] == ["Omar Sato"]


def test_a_quote_in_prose_after_a_speech_verb_is_no_headline_end():
    text = "The mayor said \"We will rebuild the pier\" at the meeting. Work starts in May. Crews are ready."
    assert _units(text)[0] == "The mayor said \"We will rebuild the pier\" at the meeting."


def test_the_short_tag_after_a_quote_ending_on_an_exclamation_stays_with_it():
    paragraphs = [
        "Fans filled the square on Sunday.",
        "Striker Nia Osei spoke from the stage.",
        "\"We are not done!\" Osei shouted. \"Next year again!\"",
        "Coach Ben Hart was calmer.",
    ]
    text = _collapsed(paragraphs)
    assert "\"We are not done!\" Osei shouted." in _units(text)
    assert [q.speaker for q in run(text).quotes] == ["Nia Osei", "Nia Osei"]


def test_a_stray_double_space_inside_a_clause_is_no_paragraph_break():
    text = (
        "Ferry fares rise  The board met on Monday.  \"It is a hard year,\" said Mike Roe,  a historian "
        "of the port,  who sits on the board.  Riders were not asked."
    )
    assert _units(text) == [
        "Ferry fares rise",
        "The board met on Monday.",
        "\"It is a hard year,\" said Mike Roe,  a historian of the port,  who sits on the board.",
        "Riders were not asked.",
    ]


@pytest.mark.parametrize(
    "chrome",
    ["Story continues below advertisement", "READ MORE: Harbour repairs run over budget"],
)
def test_page_chrome_run_into_a_quote_paragraph_is_set_apart(chrome):
    paragraphs = [
        "Harbour reopens to ferries.",
        "\"The pier is safe again,\" harbour master Ines Kolar said on Monday.",
        chrome,
        "\"We checked every pile twice.\"",
        "Councillor Tom Reyes asked why the repairs took a year.",
    ]
    text = _collapsed(paragraphs)
    units = recover_paragraphs(text, text_units(article(text)))
    assert [text[u.start : u.end] for u in units] == paragraphs
    assert units[2].kind in ("furniture", "related_link")
    assert [q.speaker for q in run(text).quotes] == ["Ines Kolar", "Ines Kolar"]


@pytest.mark.parametrize("flatten", [_spaced, _collapsed])
def test_a_caption_ending_on_its_picture_credit_is_set_apart(flatten):
    paragraphs = [
        "Clinic closes its doors",
        "Dr. Lena Moss closed the Eastside clinic on Friday after 30 years.",
        "\"I kept it open as long as I could,\" Moss said.",
        "Patients wait outside the Eastside clinic on Friday. (Raj Patel/The Daily Star)",
        "\"Nobody wanted to take it over.\"",
        "The health authority said patients would be moved to other clinics.",
    ]
    text = flatten(paragraphs)
    units = recover_paragraphs(text, text_units(article(text)))
    assert [u.kind for u in units if "Raj Patel" in text[u.start : u.end]] == ["caption"]
    assert [q.speaker for q in run(text).quotes] == ["Lena Moss", "Lena Moss"]


def test_a_sentence_pointing_back_at_the_quote_stays_with_it():
    paragraphs = [
        "Cab drivers rally at city hall.",
        "\"We drive all night and go home with nothing.\" That's how Omar Sato, who has driven a cab for ten years, puts it.",
        "The city said fees would be reviewed.",
    ]
    text = _collapsed(paragraphs)
    assert _units(text) == paragraphs
    assert [q.speaker for q in run(text).quotes] == ["Omar Sato"]


INTRODUCED = [
    "Ferry service resumes",
    "The harbour ferry sailed again on Monday after a week in dry dock.",
    "“We missed it every single day,” said rider Ana Lima.",
    "Tom Reed has run the ferry for thirty years.",
    "“It is my whole life and more.”",
]


@pytest.mark.parametrize("flatten", [_spaced, _collapsed])
def test_a_quote_only_paragraph_after_one_opening_on_a_person_is_theirs_after_earlier_quotes(flatten):
    # The paragraph before is the one recovered, not everything since the text's start (which quotes Ana Lima).
    assert _speakers(flatten(INTRODUCED)) == _speakers("\n\n".join(INTRODUCED)) == [("“We", "Ana Lima"), ("“It", "Tom Reed")]
