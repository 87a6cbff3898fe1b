"""The single-line recognisers, each with lines it must and must not accept."""

from __future__ import annotations

import pytest

from annotator.core.readers import line_cues as cues


@pytest.mark.parametrize(
    "line",
    ["By Jane Doe, Political Correspondent", "By JANE DOE and JOHN ROE", "By Ana de la Cruz for the Herald",
     "Written by Tom O’Neill", "By J. Doe Jr.", "By Li Wei | Beijing",
     "By Zoe\u0308 Quin\u0303ones", "By Zoe\u0308 Quiñones, Harbour Reporter", "By Zoë Quiñones",
     "By Ngo\u0323c Anh Tra\u0302\u0300n"],  # combining accents, with and without a precomposed form
)
def test_bylines(line):
    assert cues.is_byline(line)


@pytest.mark.parametrize(
    "line",
    ["By Tuesday the river had risen.", "By the close Yorkshire had turned that round", "By Jane Doe.",
     "By contrast, Trump has 5 percent", "Bystanders Filmed The Scene", "By March 2024 Prices Had Doubled"],
)
def test_not_bylines(line):
    assert not cues.is_byline(line)


@pytest.mark.parametrize(
    "line",
    ["LONDON 1996-08-30", "MILWAUKEE, Wisconsin 1996-08-29", "KYIV, 11 March 2026", "NEW YORK (Reuters) March 3, 2025",
     "Published: 3 May 2024", "Updated: 09:30, 14 June 2025", "Wednesday 11 March 2026", "1996-08-30"],
)
def test_datelines(line):
    assert cues.is_dateline(line)


@pytest.mark.parametrize("line", ["LONDON", "The vote is on 3 May 2024.", "May 13 Arrive in London", "NATO said on 3 May"])
def test_not_datelines(line):
    assert not cues.is_dateline(line)


@pytest.mark.parametrize(
    ("line", "expected"),
    [("READ MORE: Floods explained", True), ("Read more: x", True), ("RELATED: y", True), ("MORE: z", True),
     ("SEE ALSO – w", True), ("Read the rest here.", True), ("More – much more – is needed.", False),
     ("Related issues were raised at the meeting.", False), ("Reading more into it: nothing", False)],
)
def test_related_links(line, expected):
    assert cues.is_related_link(line) is expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [("Source: Read Full Article", True), ("Credit: Wey Valley Press", True), ("Photo: Jon Hale", True),
     ("(Reporting by Ana Ruiz; Editing by Tom Lee)", True), ("-- London Newsroom +44 20 7000 0000", True),
     ("© Example Media 2026", True), ("Sources said the deal was close.", False), ("Photos of the scene spread fast.", False)],
)
def test_source_lines(line, expected):
    assert cues.is_source_line(line) is expected


@pytest.mark.parametrize(
    ("line", "marker"),
    [("• Point", "•"), ("  * Point", "*"), ("- Point", "-"), ("\u00a0– Point", "–"), ("- - - -", None), ("-5 degrees", None),
     ("*Emphasis* here", None)],
)
def test_bullet_markers(line, marker):
    assert cues.bullet_marker(line) == marker


@pytest.mark.parametrize(
    ("line", "expected"),
    [("He left.", True), ("‘It’s over,’", True), ("“Done”", True), ("He said (quietly).", True), ("Who knows?", True),
     ("Kirill Budanov, pictured in September 2022", False), ("the residents’", False), ("Photo: Jon Hale", False)],
)
def test_ends_like_sentence(line, expected):
    assert cues.ends_like_sentence(line) is expected


def test_quotation_ignores_apostrophes():
    assert not cues.has_quotation("Putin’s allies and the residents’ homes")
    assert cues.has_quotation("a ‘political settlement’ was floated")
    assert cues.has_quotation("He called it “quack” medicine")


@pytest.mark.parametrize(
    ("line", "expected"),
    [("Warnings Ignored", True), ("What Happens Next", True), ("Plan for the Port", True),
     ("What happens next", False), ("Residents wade through floodwater", False)],
)
def test_title_like(line, expected):
    assert cues.is_title_like(line) is expected


def test_dash_clause_and_sentence_break():
    assert cues.ends_with_dash_clause("Members of the circle are spying for Ukraine, the chief claims – as Zelensky insists")
    assert not cues.ends_with_dash_clause("A short – but very, very long clause follows here and goes on")
    assert cues.has_sentence_break("One sentence. Another one.")
    assert not cues.has_sentence_break("One sentence only, with a clause.")


def test_picture_cues_and_photo_verbs():
    assert cues.has_picture_cue("Mayor Colin Trent (left) and Amira Said (right)")
    assert cues.has_picture_cue("Budanov, pictured in 2022")
    assert not cues.has_picture_cue("He left the site and turned right")
    assert cues.has_photo_verb("Zelensky attends a press conference")
    assert cues.has_date("on Tuesday night") and cues.has_date("in September 2022")


@pytest.mark.parametrize("line", ["Larry Fine", "José Núñez", "Zoe\u0308 Quin\u0303ones", "Zoë Quiñones"])
def test_name_only_lines(line):
    assert cues.is_person_name_line(line)


@pytest.mark.parametrize("line", ["The harbour", "José Núñez said no.", "ZOË QUIÑONES"])
def test_not_name_only_lines(line):
    assert not cues.is_person_name_line(line)
