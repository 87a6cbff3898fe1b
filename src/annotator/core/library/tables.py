"""The collection as tables — articles, quotes, people, annotations — in CSV or Parquet.

For analysis in pandas, DuckDB, R or Spark: one file per table in the output folder, joined
on ``path`` (the article's folder-relative path). CSV files are UTF-8 without a byte-order
mark, comma-separated with a header (what ``pandas.read_csv``, ``read.csv`` and DuckDB's
``read_csv_auto`` expect) and keep every value exactly as the index has it; for a
spreadsheet, ``annotator export --format csv`` guards formula-like cells instead. Parquet
files carry typed columns (integers stay integers, missing values are nulls). Each file is
written beside its final name and renamed into place, so a reader never sees half a table.
"""

from __future__ import annotations

import csv
import json
import os
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from annotator.core.library.database import Library

TABLE_FORMATS = ("csv", "parquet")

# Each table: its columns (name, Parquet type) and the query that yields them in that order.
TABLES: dict[str, tuple[tuple[tuple[str, str], ...], str]] = {
    "articles": (
        (("path", "string"), ("title", "string"), ("outlet", "string"), ("author", "string"), ("date", "string"),
         ("format", "string"), ("chars", "int64"), ("words", "int64"), ("quotes", "int64"), ("people", "int64"),
         ("annotations", "int64"), ("sha256", "string")),
        "SELECT s.path, a.title, a.outlet, a.author, a.date, a.format, a.chars, a.words, "
        "(SELECT count(*) FROM quotes q WHERE q.article_id = a.id), "
        "(SELECT count(*) FROM people p WHERE p.article_id = a.id), "
        "(SELECT count(*) FROM annotations n WHERE n.article_id = a.id), s.sha256 "
        "FROM articles a JOIN sources s ON s.id = a.id ORDER BY s.path",
    ),
    "quotes": (
        (("path", "string"), ("quote_id", "string"), ("start", "int64"), ("end", "int64"), ("text", "string"),
         ("kind", "string"), ("speaker", "string"), ("speaker_id", "string"), ("speaker_role", "string"),
         ("cue", "string"), ("words", "int64"), ("outlet", "string"), ("date", "string")),
        'SELECT s.path, q.quote_id, q.start, q."end", q.text, q.kind, q.speaker, q.speaker_id, q.speaker_role, '
        "q.cue, q.words, a.outlet, a.date FROM quotes q JOIN sources s ON s.id = q.article_id "
        "JOIN articles a ON a.id = q.article_id ORDER BY s.path, q.start",
    ),
    "people": (
        (("path", "string"), ("person_id", "string"), ("name", "string"), ("aliases", "string"),
         ("role", "string"), ("mentions", "int64"), ("quotes", "int64")),
        "SELECT s.path, p.person_id, p.name, p.aliases, p.role, p.mentions, p.quotes FROM people p "
        "JOIN sources s ON s.id = p.article_id ORDER BY s.path, p.id",
    ),
    "annotations": (
        (("path", "string"), ("annotation_id", "string"), ("start", "int64"), ("end", "int64"),
         ("label", "string"), ("tags", "string"), ("verdict", "string"), ("text", "string"), ("note", "string"),
         ("speaker", "string"), ("quote_id", "string"), ("author", "string"), ("status", "string"),
         ("created", "string"), ("modified", "string")),
        "SELECT s.path, n.annotation_id, nullif(n.start, -1), nullif(n.\"end\", -1), n.label, n.tags, n.verdict, "
        "n.text, n.note, n.speaker, n.quote_id, n.author, n.status, n.created, n.modified FROM annotations n "
        "JOIN sources s ON s.id = n.article_id ORDER BY s.path, n.start, n.annotation_id",
    ),
}
TAG_SEPARATOR = "; "


def table_rows(library: Library, table: str) -> list[tuple]:
    """The rows of ``table`` (tags as one ``; ``-joined string)."""
    columns, sql = TABLES[table]
    rows = library.connection.execute(sql).fetchall()
    if table == "annotations":
        tags = [name for name, _ in columns].index("tags")
        rows = [(*row[:tags], TAG_SEPARATOR.join(json.loads(row[tags])), *row[tags + 1 :]) for row in rows]
    return rows


def export_tables(library: Library, out: Path, table_format: str) -> list[Path]:
    """Write every table to ``out`` (a folder, created if need be); return the files written."""
    if table_format not in TABLE_FORMATS:
        raise ValueError(f"unknown table format {table_format!r}")
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for table, (columns, _) in TABLES.items():
        target = out / f"{table}.{table_format}"
        rows = table_rows(library, table)
        if table_format == "csv":
            _replace(target, lambda path: _write_csv(path, [name for name, _ in columns], rows))
        else:
            _replace(target, lambda path: _write_parquet(path, columns, rows))
        written.append(target)
    return written


def _write_csv(path: Path, header: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)


def _write_parquet(path: Path, columns: Sequence[tuple[str, str]], rows: list[tuple]) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    types = {"string": pa.string(), "int64": pa.int64()}
    schema = pa.schema([(name, types[kind]) for name, kind in columns])
    data = {name: [row[i] for row in rows] for i, (name, _) in enumerate(columns)}
    pq.write_table(pa.Table.from_pydict(data, schema=schema), path)


def _replace(target: Path, write: Any) -> None:
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    os.close(handle)
    try:
        write(Path(temporary))
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
