"""What the indexer learns from one article file: read, extract, attach its sidecar's annotations.

:func:`read_entry` runs in a worker process, so it takes a path and returns plain, picklable
records; the parent process (the index's one writer) stores them. A file that cannot be read
comes back as a :class:`FailedEntry` with the reason the reader gave, and the rest of the
folder goes on. A sidecar that cannot be read leaves the article indexed without annotations,
and its reason is kept as a failure of the sidecar file.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import time
from dataclasses import dataclass, field
from pathlib import Path

from annotator.core.annotations import AnnotationStore, sidecar_path_for
from annotator.core.article import Article, ArticleError
from annotator.core.export.common import is_placed, speaker_for
from annotator.core.extraction.model import Extraction, Quote
from annotator.core.library.extraction import article_extraction
from annotator.core.readers import read_article

WORD = re.compile(r"\w+(?:['’-]\w+)*")
QUOTE_MARKS = "\"'“”‘’«»„‚‹›「」『』"


@dataclass(frozen=True, slots=True)
class FileState:
    """An article file and its sidecar as seen on disk: what decides whether to read it again."""

    size: int
    mtime_ns: int
    sha256: str
    sidecar_size: int | None = None
    sidecar_mtime_ns: int | None = None
    sidecar_sha256: str | None = None


@dataclass(slots=True)
class ArticleEntry:
    """One article ready to store: metadata, text, quotes, people and annotations as rows."""

    path: str
    state: FileState
    title: str
    outlet: str
    author: str
    date: str
    format: str
    text: str
    words: int
    extraction_seconds: float
    quotes: list[tuple] = field(default_factory=list)
    people: list[tuple] = field(default_factory=list)
    annotations: list[tuple] = field(default_factory=list)
    sidecar_problem: str | None = None


@dataclass(slots=True)
class FailedEntry:
    """A file that could not be indexed (``file`` is the article or its sidecar) and why."""

    path: str
    file: str
    state: FileState
    reason: str


def file_digest(path: Path) -> tuple[int, int, str]:
    """``(size, mtime_ns, sha256)`` of the file at ``path``, its stat taken before reading."""
    status = os.stat(path)
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
    return status.st_size, status.st_mtime_ns, digest.hexdigest()


def file_state(path: Path) -> FileState:
    """The on-disk state of the article at ``path`` and of its sidecar (if it has one)."""
    size, mtime_ns, sha256 = file_digest(path)
    sidecar = sidecar_path_for(path)
    try:
        side = file_digest(sidecar)
    except FileNotFoundError:
        return FileState(size, mtime_ns, sha256)
    except OSError:
        side = (0, 0, "")  # unreadable: the store reports why below
    return FileState(size, mtime_ns, sha256, *side)


def read_entry(root: str, relative: str) -> ArticleEntry | FailedEntry:
    """Everything the index stores about the article ``relative`` (``/``-separated) under ``root``."""
    path = Path(root).joinpath(*relative.split("/"))
    try:
        state = file_state(path)
    except OSError as error:
        return FailedEntry(relative, relative, FileState(0, 0, ""), f"cannot read the file: {error.strerror or error}")
    try:
        article = read_article(path)
    except ArticleError as error:
        return FailedEntry(relative, relative, state, str(error))
    except Exception as error:  # noqa: BLE001 — one bad file must not stop a folder of thousands
        return FailedEntry(relative, relative, state, f"could not be read ({type(error).__name__}: {error})")
    began = time.perf_counter()
    try:
        extraction = article_extraction(path, article)
    except Exception as error:  # noqa: BLE001
        return FailedEntry(relative, relative, state, f"extraction failed ({type(error).__name__}: {error})")
    seconds = time.perf_counter() - began
    entry = _article_entry(relative, state, article, extraction, seconds)
    store = AnnotationStore.open(article)
    if store.problem is not None:
        entry.sidecar_problem = str(store.problem)
    else:
        entry.annotations = _annotation_rows(store, article.text, extraction)
    return entry


def _article_entry(relative: str, state: FileState, article: Article, extraction: Extraction, seconds: float) -> ArticleEntry:
    metadata = article.metadata
    roles = {person.id: person.role for person in extraction.people}
    quotes = [
        (
            quote.id,
            quote.start,
            quote.end,
            quote.display_text,
            quote.kind,
            quote.speaker,
            quote.speaker_id,
            roles.get(quote.speaker_id) if quote.speaker_id else None,
            quote.cue_text,
            quoted_words(quote),
        )
        for quote in extraction.quotes
    ]
    people = [
        (person.id, person.name, "; ".join(person.aliases), person.role, len(person.mentions), person.quote_count)
        for person in extraction.people
    ]
    return ArticleEntry(
        path=relative,
        state=state,
        title=article.title or metadata.get("title", ""),
        outlet=metadata.get("site") or metadata.get("source") or "",
        author=metadata.get("author", ""),
        date=metadata.get("date") or metadata.get("dateline", ""),
        format=article.format,
        text=article.text,
        words=len(WORD.findall(article.text)),
        extraction_seconds=seconds,
        quotes=quotes,
        people=people,
    )


def quoted_words(quote: Quote) -> int:
    """The words inside a quote's marks (the attribution between its parts left out)."""
    return sum(len(WORD.findall(part.strip(QUOTE_MARKS))) for part in quote.part_texts)


def _annotation_rows(store: AnnotationStore, text: str, extraction: Extraction) -> list[tuple]:
    rows = []
    for annotation in store.annotations.annotations:
        placed = is_placed(annotation, text)
        rows.append(
            (
                annotation.id,
                annotation.start if placed else -1,
                annotation.end if placed else -1,
                annotation.label,
                json.dumps(list(annotation.tags), ensure_ascii=False),
                annotation.note,
                annotation.verdict,
                text[annotation.start : annotation.end] if placed else annotation.selector.exact,
                speaker_for(annotation, extraction),
                annotation.quote_id,
                annotation.author,
                annotation.status,
                annotation.created,
                annotation.modified,
            )
        )
    return rows
