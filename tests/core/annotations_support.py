"""Fixtures shared by the annotation, sidecar and re-anchoring tests: an invented article."""

from __future__ import annotations

from pathlib import Path

from annotator.core.annotations import AddAnnotation, AnnotationSet, AnnotationStore
from annotator.core.article import Article

STORY = (
    "Ferry fares to rise in spring\n"
    "\n"
    "Passengers on the Lowmoor ferry will pay more from April, the operator said on Monday.\n"
    "\n"
    "The harbour board said the new fares would fund two replacement boats by 2028. "
    "“We cannot run forty-year-old engines for ever,” said Ines Caldwell, who chairs the board.\n"
    "\n"
    "Commuters were unconvinced. The fares went up last year as well, and the timetable got worse.\n"
    "\n"
    "A council spokesman said the figures would be published in full. "
    "The fares went up last year as well, he added, but by less than inflation.\n"
)


def article_at(folder: Path, text: str = STORY, name: str = "story.txt") -> Article:
    """An article whose file exists on disk (so its sidecar has a folder to live in)."""
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return Article(source=path, text=text)


def span_of(text: str, phrase: str, occurrence: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(phrase, start + 1)
    return start, start + len(phrase)


def annotate(annotations: AnnotationSet, phrase: str, label: str = "Claim", occurrence: int = 0, **fields):
    """Add an annotation over ``phrase`` and return it."""
    start, end = span_of(annotations.text, phrase, occurrence)
    operation = AddAnnotation.new(annotations, start, end, label, **fields)
    annotations.apply(operation)
    return operation.annotation


def saved_store(folder: Path, phrases: list[str], text: str = STORY) -> AnnotationStore:
    store = AnnotationStore.open(article_at(folder, text))
    for phrase in phrases:
        annotate(store.annotations, phrase)
    store.save()
    return store
