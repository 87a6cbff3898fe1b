"""The index file: its SQLite schema, how it is opened, and how it rebuilds itself.

SQLite in WAL mode: one writer (the indexer, in one process) and any number of readers, who
keep reading while it writes. The schema's version is ``PRAGMA user_version``; an index of
another version, or a file that is not a readable database, is deleted and built again — it
is a cache, and the articles and sidecars hold everything it knows.

Paths are stored relative to the folder, with ``/`` separators, so that a folder moved or
mounted elsewhere keeps its index. Full-text search uses FTS5 tables whose rowids are the
ids of the rows they index: the article text (``text_fts``), the quotes (``quote_fts``) and
the annotations' text, note and tags (``annotation_fts``). ``speakers`` lists every speaker's
name once, so a search by part of a name reads a few thousand names, not every quote.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from annotator.core.library.location import index_path_for

SCHEMA_VERSION = 3
BUSY_TIMEOUT_MS = 30_000

SCHEMA = """
CREATE TABLE sources (
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL UNIQUE,
    size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    sidecar_size INTEGER,
    sidecar_mtime_ns INTEGER,
    sidecar_sha256 TEXT,
    indexed_at REAL NOT NULL
);
CREATE TABLE articles (
    id INTEGER PRIMARY KEY REFERENCES sources(id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    outlet TEXT NOT NULL,
    author TEXT NOT NULL,
    date TEXT NOT NULL,
    format TEXT NOT NULL,
    chars INTEGER NOT NULL,
    words INTEGER NOT NULL,
    extraction_seconds REAL NOT NULL
);
CREATE TABLE quotes (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    quote_id TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    kind TEXT NOT NULL,
    speaker TEXT,
    speaker_id TEXT,
    speaker_role TEXT,
    cue TEXT,
    words INTEGER NOT NULL
);
CREATE INDEX quotes_article ON quotes(article_id);
CREATE INDEX quotes_speaker ON quotes(speaker);
CREATE TABLE speakers (name TEXT PRIMARY KEY) WITHOUT ROWID;
CREATE TABLE people (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    person_id TEXT NOT NULL,
    name TEXT NOT NULL,
    aliases TEXT NOT NULL,
    role TEXT,
    mentions INTEGER NOT NULL,
    quotes INTEGER NOT NULL
);
CREATE INDEX people_article ON people(article_id);
CREATE TABLE annotations (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    annotation_id TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    label TEXT NOT NULL,
    tags TEXT NOT NULL,
    note TEXT NOT NULL,
    verdict TEXT,
    text TEXT NOT NULL,
    speaker TEXT,
    quote_id TEXT,
    author TEXT NOT NULL,
    status TEXT NOT NULL,
    created TEXT NOT NULL,
    modified TEXT NOT NULL
);
CREATE INDEX annotations_article ON annotations(article_id);
CREATE TABLE failures (
    path TEXT PRIMARY KEY,
    file TEXT NOT NULL,
    size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    sidecar_size INTEGER,
    sidecar_mtime_ns INTEGER,
    reason TEXT NOT NULL
);
CREATE VIRTUAL TABLE text_fts USING fts5(text, tokenize = 'unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE quote_fts USING fts5(text, speaker, tokenize = 'unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE annotation_fts USING fts5(text, note, tags, tokenize = 'unicode61 remove_diacritics 2');
"""

CONTENT_TABLES = ("annotations", "people", "quotes", "articles", "sources", "failures")


class LibraryError(Exception):
    """The folder cannot be indexed or its index cannot be read; the message is for the user."""


class Library:
    """An open index of one folder: ``connection`` for queries, ``folder`` to resolve paths."""

    def __init__(self, folder: Path, path: Path, connection: sqlite3.Connection) -> None:
        self.folder = folder
        self.path = path
        self.connection = connection

    def article_path(self, relative: str) -> Path:
        """The article file for a path as the index stores it."""
        return self.folder.joinpath(*relative.split("/"))

    def counts(self) -> dict[str, int]:
        """How many articles, quotes, people, annotations and failures the index holds."""
        query = self.connection.execute
        return {
            table: query(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("articles", "quotes", "people", "annotations", "failures")
        }

    def failures(self) -> list[tuple[str, str]]:
        """Each file that could not be indexed (folder-relative path) and why."""
        return list(self.connection.execute("SELECT file, reason FROM failures ORDER BY file"))

    def close(self) -> None:
        self.connection.close()

    def __enter__(self) -> "Library":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def check_folder(folder: Path | str) -> Path:
    """``folder`` as an absolute path, or LibraryError when it is not a folder."""
    path = Path(folder)
    if not path.exists():
        raise LibraryError(f"{folder}: folder not found")
    if not path.is_dir():
        raise LibraryError(f"{folder}: this is a file, not a folder; a library is a folder of articles")
    return path.resolve()


def open_library(folder: Path | str, *, index_path: Path | None = None) -> Library:
    """The index of ``folder``, created (empty) or rebuilt when missing, stale or unreadable."""
    root = check_folder(folder)
    path = Path(index_path) if index_path is not None else index_path_for(root)
    return Library(root, path, connect(path))


def connect(path: Path) -> sqlite3.Connection:
    """A connection to the index at ``path`` with the current schema, rebuilding it if need be."""
    try:
        connection = _open(path)
        if _version(connection) == SCHEMA_VERSION:
            return connection
        connection.close()
    except sqlite3.DatabaseError:  # not a database, truncated, or of another program
        pass
    _delete(path)
    connection = _open(path)
    _create(connection)
    return connection


def _open(path: Path) -> sqlite3.Connection:
    try:
        connection = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
    except sqlite3.OperationalError as error:
        raise LibraryError(f"cannot open the library index {path}: {error}") from error
    connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    connection.execute("PRAGMA journal_mode = WAL")
    connection.execute("PRAGMA synchronous = NORMAL")
    connection.execute("PRAGMA foreign_keys = ON")
    return connection


def _version(connection: sqlite3.Connection) -> int:
    version = connection.execute("PRAGMA user_version").fetchone()[0]
    if version == 0 and connection.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] == 0:
        _create(connection)
        return SCHEMA_VERSION
    return version


def _create(connection: sqlite3.Connection) -> None:
    connection.execute("BEGIN IMMEDIATE")
    for statement in SCHEMA.split(";"):
        if statement.strip():
            connection.execute(statement)
    connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    connection.execute("COMMIT")


def _delete(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        try:
            Path(str(path) + suffix).unlink()
        except FileNotFoundError:
            pass
        except OSError as error:
            raise LibraryError(f"the library index {path} is out of date and cannot be replaced: {error}") from error
