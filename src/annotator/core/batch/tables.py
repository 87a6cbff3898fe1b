"""The four Parquet tables of a batch dataset, their rows, and how a part is written.

``DIR/articles``, ``DIR/quotes``, ``DIR/people`` and ``DIR/errors`` each hold one
``part-<key>.parquet`` per partition. A part is written under a hidden temporary name and then
renamed, so a reader (pandas, DuckDB, Spark, pyarrow) never sees half a file; ``articles`` is
renamed last, and a partition counts as done only when all four of its parts exist.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from annotator.core.article import Article
from annotator.core.extraction import Extraction

TABLES = ("quotes", "people", "errors", "articles")  # the order parts are renamed in: articles last
PART_PREFIX = "part-"
PART_SUFFIX = ".parquet"

# (name, type) per column; types are pyarrow factory names, so this module imports without pyarrow.
COLUMNS: dict[str, list[tuple[str, str]]] = {
    "articles": [
        ("id", "string"), ("path", "string"), ("line", "int64"), ("sha256", "string"),
        ("source_sha256", "string"), ("format", "string"), ("title", "string"), ("outlet", "string"),
        ("date", "string"), ("url", "string"), ("author", "string"), ("chars", "int64"),
        ("quote_count", "int64"), ("people_count", "int64"), ("encoding_warning", "string"),
    ],
    "quotes": [
        ("article_id", "string"), ("quote_id", "string"), ("start", "int64"), ("end", "int64"),
        ("text", "string"), ("kind", "string"), ("speaker", "string"), ("speaker_id", "string"),
        ("cue", "string"), ("cue_start", "int64"), ("cue_end", "int64"), ("parts", "spans"),
    ],
    "people": [
        ("article_id", "string"), ("person_id", "string"), ("name", "string"), ("aliases", "strings"),
        ("role", "string"), ("mentions", "int64"), ("quote_count", "int64"),
    ],
    "errors": [("path", "string"), ("line", "int64"), ("id", "string"), ("reason", "string")],
}  # fmt: skip


def schema(table: str):
    """The pyarrow schema of ``table``."""
    import pyarrow as pa

    span = pa.struct([("start", pa.int64()), ("end", pa.int64())])
    types = {"string": pa.string(), "int64": pa.int64(), "strings": pa.list_(pa.string()), "spans": pa.list_(span)}
    return pa.schema([(name, types[kind]) for name, kind in COLUMNS[table]])


def article_row(
    article_id: str, path: str, line: int | None, source_sha256: str, article: Article, extraction: Extraction,
    extra: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """The ``articles`` row; ``extra`` (a JSON Lines record's fields) wins over the file's metadata."""
    metadata = article.metadata
    extra = extra or {}
    return {
        "id": article_id,
        "path": path,
        "line": line,
        "sha256": article.sha256,
        "source_sha256": source_sha256,
        "format": article.format,
        "title": _text(extra.get("title")) or article.title,
        "outlet": _text(extra.get("outlet")) or metadata.get("site") or metadata.get("outlet") or None,
        "date": _text(extra.get("date")) or metadata.get("date") or metadata.get("dateline") or None,
        "url": _text(extra.get("url")) or metadata.get("url") or None,
        "author": _text(extra.get("author")) or metadata.get("author") or None,
        "chars": len(article.text),
        "quote_count": len(extraction.quotes),
        "people_count": len(extraction.people),
        "encoding_warning": metadata.get("encoding_warning"),
    }


def _text(value: Any) -> str | None:
    if value is None or value == "":
        return None
    return value if isinstance(value, str) else str(value)


def quote_rows(article_id: str, extraction: Extraction) -> list[dict[str, Any]]:
    return [
        {
            "article_id": article_id,
            "quote_id": quote.id,
            "start": quote.start,
            "end": quote.end,
            "text": quote.text,
            "kind": quote.kind,
            "speaker": quote.speaker,
            "speaker_id": quote.speaker_id,
            "cue": quote.cue_text,
            "cue_start": quote.cue.start if quote.cue else None,
            "cue_end": quote.cue.end if quote.cue else None,
            "parts": [{"start": part.start, "end": part.end} for part in quote.parts],
        }
        for quote in extraction.quotes
    ]


def people_rows(article_id: str, extraction: Extraction) -> list[dict[str, Any]]:
    return [
        {
            "article_id": article_id,
            "person_id": person.id,
            "name": person.name,
            "aliases": list(person.aliases),
            "role": person.role,
            "mentions": len(person.mentions),
            "quote_count": person.quote_count,
        }
        for person in extraction.people
    ]


def part_path(out_dir: str | os.PathLike[str], table: str, key: str) -> Path:
    return Path(out_dir) / table / f"{PART_PREFIX}{key}{PART_SUFFIX}"


def write_part(out_dir: str | os.PathLike[str], key: str, rows: dict[str, list[dict[str, Any]]]) -> None:
    """Write the four parts of partition ``key``: each to a hidden temporary file, then renamed."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    staged: list[tuple[Path, Path]] = []
    try:
        for table in TABLES:
            final = part_path(out_dir, table, key)
            final.parent.mkdir(parents=True, exist_ok=True)
            temporary = final.with_name(f".{final.name}.{os.getpid()}.tmp")
            staged.append((temporary, final))
            pq.write_table(pa.Table.from_pylist(rows.get(table, []), schema=schema(table)), temporary)
        for temporary, final in staged:
            os.replace(temporary, final)
    finally:
        for temporary, _final in staged:
            if temporary.exists():
                temporary.unlink()


def done_keys(out_dir: str | os.PathLike[str]) -> set[str]:
    """Keys of the partitions whose four parts all exist in ``out_dir``."""
    keys: set[str] | None = None
    for table in TABLES:
        folder = Path(out_dir) / table
        found = {
            name[len(PART_PREFIX) : -len(PART_SUFFIX)]
            for name in (os.listdir(folder) if folder.is_dir() else ())
            if name.startswith(PART_PREFIX) and name.endswith(PART_SUFFIX)
        }
        keys = found if keys is None else keys & found
    return keys or set()


def all_part_keys(out_dir: str | os.PathLike[str]) -> set[str]:
    """Keys of every part file in any table, complete or not."""
    keys: set[str] = set()
    for table in TABLES:
        folder = Path(out_dir) / table
        if folder.is_dir():
            keys |= {
                name[len(PART_PREFIX) : -len(PART_SUFFIX)]
                for name in os.listdir(folder)
                if name.startswith(PART_PREFIX) and name.endswith(PART_SUFFIX)
            }
    return keys


def remove_parts(out_dir: str | os.PathLike[str], keys: set[str]) -> None:
    for key in keys:
        for table in TABLES:
            part_path(out_dir, table, key).unlink(missing_ok=True)


def remove_temporaries(out_dir: str | os.PathLike[str]) -> int:
    """Delete the hidden temporaries of parts whose writer died (a job killed half-way); their count.

    Only called once every partition of the job is written, when no writer of this job is left.
    """
    removed = 0
    for table in TABLES:
        folder = Path(out_dir) / table
        for leftover in folder.glob(f".{PART_PREFIX}*.tmp") if folder.is_dir() else ():
            leftover.unlink(missing_ok=True)
            removed += 1
    return removed


def row_counts(out_dir: str | os.PathLike[str], keys: set[str]) -> dict[str, int]:
    """Rows per table over the parts ``keys``, read from the Parquet footers (no data is read)."""
    import pyarrow.parquet as pq

    return {
        table: sum(pq.read_metadata(part_path(out_dir, table, key)).num_rows for key in keys)
        for table in ("articles", "quotes", "people", "errors")
    }
