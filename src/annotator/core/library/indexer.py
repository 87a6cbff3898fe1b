"""Bring a folder's index up to date: read only what changed, in parallel, with one writer.

Each article file is compared with what the index recorded of it and of its sidecar: same
size and modification time means unchanged; a different time with the same size is settled by
the SHA-256 of the bytes (a file saved again unchanged, a checkout, a copy keep their index
rows). Changed and new articles are read again — by a pool of worker processes when there are
enough of them to repay the pool's start-up, else here — and the parent process, the index's
only writer, stores each result as it arrives, committing in batches so an interrupted run
keeps what it did. An article whose file is gone leaves the index; a file that cannot be read
is kept in ``failures`` with its reason and read again only when it changes.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from itertools import repeat
from pathlib import Path

from annotator.core.annotations import sidecar_path_for
from annotator.core.library.database import Library, open_library
from annotator.core.library.discovery import article_paths
from annotator.core.library.records import ArticleEntry, FailedEntry, FileState, file_digest, read_entry

# Below this many articles to read, a pool costs more to start than it saves.
POOL_THRESHOLD = 12
COMMIT_EVERY_SECONDS = 1.0

Progress = Callable[[int, int, str], None]


class IndexCancelled(Exception):
    """Raised by a progress callback to stop a run; what was stored so far is kept."""


@dataclass(slots=True)
class IndexReport:
    """What one indexing run did, and what the index holds afterwards."""

    index_path: Path
    read: int = 0
    unchanged: int = 0
    removed: int = 0
    new_failures: list[tuple[str, str]] = field(default_factory=list)
    totals: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0


@dataclass(frozen=True, slots=True)
class _Known:
    id: int | None
    size: int
    mtime_ns: int
    sha256: str
    sidecar_size: int | None
    sidecar_mtime_ns: int | None
    sidecar_sha256: str | None


def index_folder(
    folder: Path | str,
    *,
    workers: int | None = None,
    progress: Progress | None = None,
    index_path: Path | None = None,
) -> IndexReport:
    """Index ``folder`` incrementally (see the module docstring) and report what changed."""
    with open_library(folder, index_path=index_path) as library:
        return update_library(library, workers=workers, progress=progress)


def update_library(library: Library, *, workers: int | None = None, progress: Progress | None = None) -> IndexReport:
    """Bring ``library`` up to date with its folder (its connection is the writer)."""
    began = time.perf_counter()
    connection = library.connection
    report = IndexReport(library.path)
    known = _known_sources(connection)
    failed = _known_failures(connection)
    found = []
    for relative in article_paths(library.folder):
        if _encodable(relative):
            found.append(relative)
        else:  # a name in no known encoding: SQLite keeps text only as UTF-8
            shown = relative.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
            report.new_failures.append((shown, "the file name is not valid UTF-8; rename the file to index it"))
    gone = (set(known) | set(failed)) - set(found)

    to_read: list[str] = []
    touched: list[tuple[str, FileState]] = []
    for relative in found:
        previous = known.get(relative) or failed.get(relative)
        decision = _compare(library.article_path(relative), previous)
        if decision is None:
            to_read.append(relative)
        elif decision is True:
            report.unchanged += 1
        else:
            touched.append((relative, decision))
            report.unchanged += 1

    with _Writer(connection) as writer:
        for relative in sorted(gone):
            writer.remove(relative)
            report.removed += 1
        for relative, state in touched:
            writer.restat(relative, state)
        total = len(to_read)
        for done, entry in enumerate(_read_all(library.folder, to_read, workers), start=1):
            writer.store(entry)
            report.read += 1
            if isinstance(entry, FailedEntry):
                report.new_failures.append((entry.file, entry.reason))
            elif entry.sidecar_problem:
                report.new_failures.append((_sidecar_relative(entry.path), entry.sidecar_problem))
            if progress is not None:
                progress(done, total, entry.path)
            writer.maybe_commit()
        if report.read or report.removed:
            writer.forget_unquoted_speakers()
    report.totals = library.counts()
    report.seconds = time.perf_counter() - began
    return report


def _encodable(relative: str) -> bool:
    try:
        relative.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _compare(path: Path, previous: _Known | None) -> bool | FileState | None:
    """True when unchanged; a FileState when only times changed (same bytes); None to read again."""
    if previous is None:
        return None
    try:
        status = os.stat(path)
        sidecar = sidecar_path_for(path)
        try:
            side = os.stat(sidecar)
            side_stat: tuple[int, int] | None = (side.st_size, side.st_mtime_ns)
        except FileNotFoundError:
            side_stat = None
    except OSError:
        return None
    known_side = None if previous.sidecar_size is None else (previous.sidecar_size, previous.sidecar_mtime_ns)
    same_article = (status.st_size, status.st_mtime_ns) == (previous.size, previous.mtime_ns)
    if same_article and side_stat == known_side:
        return True
    if previous.id is None:  # a failed file: no hash kept, read it again
        return None
    if status.st_size != previous.size or (side_stat is None) != (known_side is None):
        return None
    if side_stat is not None and known_side is not None and side_stat[0] != known_side[0]:
        return None
    try:
        size, mtime_ns, sha256 = file_digest(path)
        side_digest = file_digest(sidecar) if side_stat is not None else (None, None, None)
    except OSError:
        return None
    if sha256 != previous.sha256 or side_digest[2] != previous.sidecar_sha256:
        return None
    return FileState(size, mtime_ns, sha256, *side_digest)


def _read_all(root: Path, paths: list[str], workers: int | None) -> Iterator[ArticleEntry | FailedEntry]:
    workers = workers or os.cpu_count() or 1
    if workers <= 1 or len(paths) < POOL_THRESHOLD:
        for relative in paths:
            yield read_entry(str(root), relative)
        return
    # "spawn": fork is unsafe in a process with threads (the window's, a test runner's).
    context = multiprocessing.get_context("spawn")
    chunksize = max(1, min(16, len(paths) // (workers * 8)))
    done = 0
    pool = ProcessPoolExecutor(max_workers=min(workers, len(paths)), mp_context=context)
    try:
        for entry in pool.map(read_entry, repeat(str(root)), paths, chunksize=chunksize):
            done += 1
            yield entry
    except BrokenProcessPool:
        # A worker died (killed for memory, or the pool cannot start here): read the rest in
        # this process, so the run still finishes and a file that kills a reader is reported.
        for relative in paths[done:]:
            yield read_entry(str(root), relative)
    finally:
        # Stopped early (Ctrl+C, a closing window): articles not started yet are not read.
        pool.shutdown(wait=True, cancel_futures=True)


def _sidecar_relative(relative: str) -> str:
    return sidecar_path_for(Path(relative)).as_posix()


def _known_sources(connection: sqlite3.Connection) -> dict[str, _Known]:
    rows = connection.execute(
        "SELECT path, id, size, mtime_ns, sha256, sidecar_size, sidecar_mtime_ns, sidecar_sha256 FROM sources"
    )
    return {row[0]: _Known(*row[1:]) for row in rows}


def _known_failures(connection: sqlite3.Connection) -> dict[str, _Known]:
    rows = connection.execute(
        "SELECT path, size, mtime_ns, sidecar_size, sidecar_mtime_ns FROM failures WHERE path = file"
    )
    return {row[0]: _Known(None, row[1], row[2], "", row[3], row[4], None) for row in rows}


class _Writer:
    """The index's one writer: stores entries in IMMEDIATE transactions, committed in batches."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self.connection = connection
        self.since = time.monotonic()

    def __enter__(self) -> "_Writer":
        self.connection.execute("BEGIN IMMEDIATE")
        return self

    def __exit__(self, kind: object, *rest: object) -> None:
        keep = kind is None or (isinstance(kind, type) and issubclass(kind, (KeyboardInterrupt, IndexCancelled)))
        self.connection.execute("COMMIT" if keep else "ROLLBACK")

    def maybe_commit(self) -> None:
        if time.monotonic() - self.since >= COMMIT_EVERY_SECONDS:
            self.connection.execute("COMMIT")
            self.connection.execute("BEGIN IMMEDIATE")
            self.since = time.monotonic()

    def remove(self, relative: str) -> None:
        execute = self.connection.execute
        row = execute("SELECT id FROM sources WHERE path = ?", (relative,)).fetchone()
        if row is not None:
            article_id = row[0]
            execute("DELETE FROM text_fts WHERE rowid = ?", (article_id,))
            execute("DELETE FROM quote_fts WHERE rowid IN (SELECT id FROM quotes WHERE article_id = ?)", (article_id,))
            execute(
                "DELETE FROM annotation_fts WHERE rowid IN (SELECT id FROM annotations WHERE article_id = ?)",
                (article_id,),
            )
            execute("DELETE FROM sources WHERE id = ?", (article_id,))
        execute("DELETE FROM failures WHERE path = ?", (relative,))

    def forget_unquoted_speakers(self) -> None:
        self.connection.execute(
            "DELETE FROM speakers WHERE NOT EXISTS (SELECT 1 FROM quotes WHERE quotes.speaker = speakers.name)"
        )

    def restat(self, relative: str, state: FileState) -> None:
        self.connection.execute(
            "UPDATE sources SET mtime_ns = ?, sidecar_mtime_ns = ? WHERE path = ?",
            (state.mtime_ns, state.sidecar_mtime_ns, relative),
        )

    def store(self, entry: ArticleEntry | FailedEntry) -> None:
        self.remove(entry.path)
        if isinstance(entry, FailedEntry):
            self._failure(entry.path, entry.file, entry.state, entry.reason)
            return
        self._article(entry)
        if entry.sidecar_problem:
            self._failure(entry.path, _sidecar_relative(entry.path), entry.state, entry.sidecar_problem)

    def _failure(self, relative: str, file: str, state: FileState, reason: str) -> None:
        self.connection.execute(
            "INSERT INTO failures (path, file, size, mtime_ns, sidecar_size, sidecar_mtime_ns, reason) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (relative, file, state.size, state.mtime_ns, state.sidecar_size, state.sidecar_mtime_ns, reason),
        )

    def _article(self, entry: ArticleEntry) -> None:
        execute = self.connection.execute
        state = entry.state
        article_id = execute(
            "INSERT INTO sources (path, size, mtime_ns, sha256, sidecar_size, sidecar_mtime_ns, sidecar_sha256, "
            "indexed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (entry.path, state.size, state.mtime_ns, state.sha256, state.sidecar_size, state.sidecar_mtime_ns,
             state.sidecar_sha256, time.time()),
        ).lastrowid
        execute(
            "INSERT INTO articles (id, title, outlet, author, date, format, chars, words, extraction_seconds) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (article_id, entry.title, entry.outlet, entry.author, entry.date, entry.format, len(entry.text),
             entry.words, entry.extraction_seconds),
        )
        execute("INSERT INTO text_fts (rowid, text) VALUES (?, ?)", (article_id, entry.text))
        for row in entry.quotes:
            quote_row = execute(
                'INSERT INTO quotes (article_id, quote_id, start, "end", text, kind, speaker, speaker_id, '
                "speaker_role, cue, words) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (article_id, *row),
            ).lastrowid
            execute("INSERT INTO quote_fts (rowid, text, speaker) VALUES (?, ?, ?)", (quote_row, row[3], row[5] or ""))
        self.connection.executemany(
            "INSERT OR IGNORE INTO speakers (name) VALUES (?)",
            [(name,) for name in {row[5] for row in entry.quotes if row[5]}],
        )
        self.connection.executemany(
            "INSERT INTO people (article_id, person_id, name, aliases, role, mentions, quotes) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            _with_id(article_id, entry.people),
        )
        for row in entry.annotations:
            annotation_row = execute(
                'INSERT INTO annotations (article_id, annotation_id, start, "end", label, tags, note, verdict, '
                "text, speaker, quote_id, author, status, created, modified) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (article_id, *row),
            ).lastrowid
            tags = " ".join(_json_tags(row[4]))
            execute(
                "INSERT INTO annotation_fts (rowid, text, note, tags) VALUES (?, ?, ?, ?)",
                (annotation_row, row[7], row[5], tags),
            )


def _with_id(article_id: int, rows: Iterable[tuple]) -> Iterator[tuple]:
    for row in rows:
        yield (article_id, *row)


def _json_tags(value: str) -> list[str]:
    return list(json.loads(value))
