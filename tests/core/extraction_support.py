"""Helpers for the extraction tests: articles built by hand and lookups into results."""

from __future__ import annotations

from annotator.core.resources import resource
from pathlib import Path

from annotator.core.article import Article, Block
from annotator.core.extraction import extract
from annotator.core.extraction.model import Extraction, Person, Quote

FIXTURES = Path(__file__).parent / "fixtures" / "extraction"


def article(text: str, blocks: list[Block] | None = None) -> Article:
    return Article(source=Path("story.txt"), text=text, blocks=blocks or [])


def run(text: str, blocks: list[Block] | None = None) -> Extraction:
    return extract(article(text, blocks))


def fixture(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


def quote_containing(result: Extraction, words: str) -> Quote:
    matches = [q for q in result.quotes if words in q.text]
    assert len(matches) == 1, f"{len(matches)} quotes contain {words!r}: {[q.text for q in result.quotes]}"
    return matches[0]


def person_named(result: Extraction, name: str) -> Person:
    matches = [p for p in result.people if p.name == name]
    assert matches, f"no person {name!r} in {[p.name for p in result.people]}"
    return matches[0]


def span_text(text: str, span) -> str | None:
    return text[span.start : span.end] if span is not None else None


def lexicon_file(name: str) -> str:
    return resource("lexicon", name).read_text(encoding="utf-8")
