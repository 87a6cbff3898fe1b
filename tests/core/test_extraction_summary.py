"""The ``--format text`` summary: people by prominence with roles, then who said what."""

from __future__ import annotations

from annotator.core.extraction.summary import format_summary
from tests.core.extraction_support import article, fixture, run


def test_summary_lists_people_by_prominence_with_roles_and_quotes_with_speakers():
    text = fixture("british_harbour.txt")
    doc = article(text)
    doc.title = "Harbour chief warns of another hard winter"
    summary = format_summary(doc, run(text))
    lines = summary.splitlines()
    assert lines[0] == "Harbour chief warns of another hard winter"
    people_at = lines.index(next(line for line in lines if line.startswith("People (")))
    assert lines[people_at + 1] == "  Agnieszka Kowalczyk — head of the Marlow Harbour Authority"
    assert "also Kowalczyk" in lines[people_at + 2]
    assert any("Tomasz Nowicki, direct, “said”:" in line for line in lines)
    assert any(line.strip().startswith("‘This has been the longest season") for line in lines)
    assert "A senior council official, partial" in summary
    assert summary.endswith("\n")


def test_summary_of_an_article_without_people_or_quotes_says_so():
    text = "Tide tables\n\nHigh water at six.\n"
    summary = format_summary(article(text), run(text))
    assert "No people found." in summary
    assert "No attributed quotes." in summary


def test_scare_quotes_are_listed_as_terms():
    text = "The so-called ‘harbour tax’ is unpopular.\n"
    summary = format_summary(article(text), run(text))
    assert "Terms in quotation marks (1): ‘harbour tax’" in summary
