"""What a batch job reads: files, folders, glob patterns, fsspec URLs and JSON Lines records.

Each input becomes :class:`Item` values planned on the machine that starts the job. An item
carries where to read it (an absolute path or a URL, so a worker with another working folder
finds it), the hash of its bytes (so the partition key changes when the content does) and, for a
JSON Lines record, the byte range of its line, so workers read the record themselves instead of
receiving its text through the scheduler.
"""

from __future__ import annotations

import glob
import hashlib
import io
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

JSONL_SUFFIXES = (".jsonl", ".ndjson")
GLOB_CHARS = frozenset("*?[")


@dataclass(frozen=True, slots=True)
class Item:
    """One article to extract, or one input that could not be found.

    ``kind`` is ``file`` (an article file), ``record`` (one line of a JSON Lines file, at
    ``offset``/``length`` bytes) or ``missing`` (nothing to read; ``reason`` says why).
    """

    kind: str
    location: str
    name: str
    content_sha256: str = ""
    size: int = 0
    line: int | None = None
    offset: int = 0
    reason: str = ""

    @property
    def identity(self) -> str:
        """What names this item in a partition key: where it is and what its bytes are."""
        return f"{self.kind}\x00{self.location}\x00{self.line}\x00{self.content_sha256}\x00{self.reason}"


def expand_inputs(inputs: Iterable[str], exclude: str | os.PathLike[str] | None = None) -> list[Item]:
    """Every item of ``inputs`` in order: folders recursively in sorted order, globs sorted.

    Files under ``exclude`` (the job's own output folder, when it lies inside an input folder)
    are left out, so a rerun does not read the dataset as articles.
    """
    excluded = os.path.abspath(exclude) + os.sep if exclude is not None else None
    items: list[Item] = []
    for raw in inputs:
        items.extend(
            item for item in _expand_one(raw)
            if excluded is None or item.kind != "file" or not item.location.startswith(excluded)
        )
    return items


def _expand_one(raw: str) -> Iterator[Item]:
    if "://" in raw:
        yield from _expand_url(raw)
        return
    path = Path(raw)
    if path.is_dir():
        for found in sorted(p for p in path.rglob("*") if p.is_file() and not _skipped(p.relative_to(path))):
            yield from _file_items(found)
        return
    if not path.exists() and GLOB_CHARS & set(raw):
        matches = sorted(glob.glob(raw, recursive=True))
        files = [Path(m) for m in matches if Path(m).is_file() and not _skipped(Path(Path(m).name))]
        if not files:
            yield Item(kind="missing", location=raw, name=raw, reason="no file matches this pattern")
        for found in files:
            yield from _file_items(found)
        return
    yield from _file_items(path)


def _skipped(relative: Path) -> bool:
    """Sidecars, and hidden files or folders (``.git``, a half-written part of another job)."""
    return relative.name.endswith(".annotations.json") or any(part.startswith(".") for part in relative.parts)


def _file_items(path: Path) -> Iterator[Item]:
    location = os.path.abspath(path)
    try:
        if path.suffix.lower() in JSONL_SUFFIXES:
            with open(path, "rb") as handle:  # line by line: a corpus dump may not fit in memory
                yield from record_items(location, handle)
            return
        data = path.read_bytes()
    except OSError:
        # The worker reads it again and reports the reason in the words of ``annotator extract``.
        yield Item(kind="file", location=location, name=str(path))
        return
    yield Item(kind="file", location=location, name=str(path), content_sha256=_sha256(data), size=len(data))


def record_items(location: str, lines: Iterable[bytes]) -> Iterator[Item]:
    """One item per non-blank line of a JSON Lines file (``line`` counts from 1)."""
    offset = 0
    for number, line in enumerate(lines, 1):
        if line.strip():
            yield Item(
                kind="record", location=location, name=f"{location}:{number}", content_sha256=_sha256(line),
                size=len(line), line=number, offset=offset,
            )
        offset += len(line)


def _expand_url(url: str) -> Iterator[Item]:
    """A file, folder or glob on any file system fsspec knows (s3://, gs://, file://…)."""
    try:
        import fsspec
    except ImportError:
        yield Item(kind="missing", location=url, name=url, reason="URLs need the fsspec package: pip install fsspec")
        return
    try:
        fs, path = fsspec.core.url_to_fs(url)
        if GLOB_CHARS & set(path):
            paths = sorted(fs.glob(path))
        elif fs.isdir(path):
            paths = sorted(fs.find(path))
        else:
            paths = [path]  # a missing file is reported by the worker that reads it
        if len(paths) != 1 or paths[0] != path:
            paths = [p for p in paths if fs.isfile(p)]
    except ImportError as error:
        yield Item(kind="missing", location=url, name=url, reason=f"this file system needs a package: {error}")
        return
    except (OSError, ValueError) as error:
        yield Item(kind="missing", location=url, name=url, reason=f"cannot list this location: {error}")
        return
    if not paths:
        yield Item(kind="missing", location=url, name=url, reason="no file matches this pattern")
    protocol = fs.protocol[0] if isinstance(fs.protocol, (tuple, list)) else fs.protocol
    for path in paths:
        full = fs.unstrip_protocol(path) if hasattr(fs, "unstrip_protocol") else f"{protocol}://{path}"
        try:
            with fs.open(path, "rb") as handle:
                data = handle.read()
        except (OSError, ValueError):
            yield Item(kind="file", location=full, name=full)
            continue
        if path.lower().endswith(JSONL_SUFFIXES):
            yield from record_items(full, io.BytesIO(data))
        else:
            yield Item(kind="file", location=full, name=full, content_sha256=_sha256(data), size=len(data))


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
