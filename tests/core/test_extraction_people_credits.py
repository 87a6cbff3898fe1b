"""Credits: photographers, bylines, wire credits and "with files from" lines are listed apart
from the people of the story, with what they did, and never counted as people or mentions."""

from __future__ import annotations

import json

from annotator.cli import main
from annotator.core.extraction.summary import format_summary
from tests.core.extraction_support import article, run

STORY = (
    "By Maren Solvik and Tobias Ekwall, Nordwire\n\n"
    "OSLO (Nordwire) - Harbour master Kofi Mensah said on Monday the ferry would sail again. "
    "Lena Brandt, a fisher, said the ice had gone.\n\n"
    "Boats waited at the quay. (Pia Halvorsen/Reuters)\n\n"
    "Photo: ANDERS KVAM/AFP/Getty Images\n\n"
    "A crowd watched. Photograph by Ruth Okoye for The Guardian\n\n"
    "(Reporting by Sami Virtanen in Helsinki; Additional reporting by Li Wen; Editing by Grant Olsen and Sara Fox)\n\n"
    "With files from Noor Haddad and The Canadian Press\n"
)


def test_credited_names_are_listed_apart_with_their_kind():
    text = STORY
    result = run(text)
    credited = [(c.name, c.kind, text[c.start : c.end]) for c in result.credits]
    assert credited == [
        ("Maren Solvik", "byline", "Maren Solvik"),
        ("Tobias Ekwall", "byline", "Tobias Ekwall"),
        ("Pia Halvorsen", "photo", "Pia Halvorsen"),
        ("Anders Kvam", "photo", "ANDERS KVAM"),
        ("Ruth Okoye", "photo", "Ruth Okoye"),
        ("Sami Virtanen", "reporting", "Sami Virtanen"),
        ("Li Wen", "reporting", "Li Wen"),
        ("Grant Olsen", "editing", "Grant Olsen"),
        ("Sara Fox", "editing", "Sara Fox"),
        ("Noor Haddad", "files", "Noor Haddad"),
    ]
    assert {p.name for p in result.people} == {"Kofi Mensah", "Lena Brandt"}


def test_words_that_only_look_like_credits_are_not_credits():
    text = (
        "By contrast, Lena Brandt said the ice had gone.\n\n"
        "By Monday the ferry was sailing, and a list compiled by Kofi Mensah showed it.\n\n"
        "The ticket (Anna Berg/Tomas Lind) lost; the photo by the quay was old.\n"
    )
    result = run(text)
    assert result.credits == []
    assert {"Lena Brandt", "Kofi Mensah"} <= {p.name for p in result.people}


def test_a_photographer_who_is_also_in_the_story_is_still_a_person_there():
    text = "Pia Halvorsen, a photographer, said the storm came fast.\n\nThe harbour at dawn. (Pia Halvorsen/Reuters)\n"
    result = run(text)
    person = next(p for p in result.people if p.name == "Pia Halvorsen")
    assert [text[m.start : m.end] for m in person.mentions] == ["Pia Halvorsen"]  # the credit is not a mention
    assert [(c.name, c.kind) for c in result.credits] == [("Pia Halvorsen", "photo")]


def test_jsonl_has_a_credits_array_and_text_shows_them_apart(tmp_path, capsys):
    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    assert main(["extract", "--format", "jsonl", str(path)]) == 0
    record = json.loads(capsys.readouterr().out)
    assert {"name": "Pia Halvorsen", "kind": "photo", "start": STORY.index("Pia"), "end": STORY.index("Pia") + 13} in record[
        "credits"
    ]
    assert all(set(c) == {"name", "kind", "start", "end"} for c in record["credits"])
    names = {p["name"] for p in record["people"]}
    assert not names & {c["name"] for c in record["credits"]}

    summary = format_summary(article(STORY), run(STORY))
    people_part, credits_part = summary.split("Credits (10), not people in the story\n")
    assert "Pia Halvorsen" not in people_part
    assert "  photo: Pia Halvorsen, Anders Kvam, Ruth Okoye\n" in credits_part
    assert "  files: Noor Haddad\n" in credits_part
