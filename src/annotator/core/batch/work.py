"""What a Dask worker does with one partition: read, extract, write its four parts.

The reading and the extraction are those of ``annotator extract`` (``core.readers`` and
``core.extraction.extract``), so a batch gives the same quotes as the command run on each file.
Nothing a single input does can fail the partition: an unreadable file, a malformed JSON Lines
record, or even an error inside the extractor becomes a row of the ``errors`` table.
"""

from __future__ import annotations

import hashlib
import json
import time
from pathlib import Path
from typing import Any

from annotator.core.article import Article, ArticleError
from annotator.core.batch.inputs import Item
from annotator.core.batch.partitions import Partition
from annotator.core.batch.tables import article_row, people_rows, quote_rows, write_part
from annotator.core.extraction import extract
from annotator.core.gc_pause import cyclic_gc_paused
from annotator.core.readers import article_from_decoded
from annotator.core.readers.decoding import MAX_ARTICLE_BYTES, decode_text, read_file_bytes

CHANGED = "the input changed while the job ran; run the same command again to extract its new content"


class RecordError(Exception):
    """A JSON Lines record that is not an article record; the message says what is wrong."""

    def __init__(self, message: str, record_id: str | None = None) -> None:
        super().__init__(message)
        self.record_id = record_id


def process_partition(partition: Partition, out_dir: str) -> dict[str, Any]:
    """Extract every item of ``partition`` and write its parts; return the partition's figures."""
    began = time.perf_counter()
    rows: dict[str, list[dict[str, Any]]] = {"articles": [], "quotes": [], "people": [], "errors": []}
    figures = {"key": partition.key, "items": len(partition.items), "bytes": partition.size_bytes, "chars": 0}
    figures["extract_seconds"] = 0.0  # reading and extracting alone, without what batching adds
    # A partition's rows are many small acyclic objects; a worker's heap (Dask's own state) is large,
    # so the cyclic collector would rescan it again and again while they are built.
    with cyclic_gc_paused():
        for item in partition.items:
            _process_item(item, rows, figures)
        write_part(out_dir, partition.key, rows)
    figures.update(
        articles=len(rows["articles"]), quotes=len(rows["quotes"]), people=len(rows["people"]),
        errors=len(rows["errors"]), seconds=time.perf_counter() - began, written=True,
    )
    return figures


def failed_partition(partition: Partition, out_dir: str, reason: str) -> dict[str, Any]:
    """Write a partition whose every attempt killed its worker as error rows, one per input."""
    errors = [{"path": item.location, "line": item.line, "id": None, "reason": reason} for item in partition.items]
    write_part(out_dir, partition.key, {"errors": errors})
    return {
        "key": partition.key, "items": len(partition.items), "bytes": partition.size_bytes, "chars": 0,
        "articles": 0, "quotes": 0, "people": 0, "errors": len(errors), "seconds": 0.0, "extract_seconds": 0.0,
        "written": True,
    }


def _process_item(item: Item, rows: dict[str, list[dict[str, Any]]], figures: dict[str, Any]) -> None:
    record_id: str | None = None
    began = time.perf_counter()
    try:
        if item.kind == "missing":
            raise ArticleError(item.reason)
        if item.kind == "record":
            record = _read_record(item)
            record_id = record["id"]
            # No suffix of the id chooses the reader: the text is read as a page when it is one, else as plain text.
            source = Path(f"{record_id}.record")
            article = article_from_decoded(source, decode_text(record["text"].encode("utf-8", "surrogatepass")))
            article_id, extra = record_id, record
        else:
            data = _read_file(item.location)
            if item.content_sha256 and hashlib.sha256(data).hexdigest() != item.content_sha256:
                raise ArticleError(CHANGED)
            article = article_from_decoded(Path(item.location), decode_text(data))
            article_id, extra = item.name, None
        extraction = extract(article)
    except (ArticleError, RecordError) as error:
        figures["extract_seconds"] += time.perf_counter() - began
        record_id = getattr(error, "record_id", None) or record_id
        rows["errors"].append({"path": item.location, "line": item.line, "id": record_id, "reason": str(error)})
        return
    except Exception as error:  # noqa: BLE001 - one article must never fail the corpus
        figures["extract_seconds"] += time.perf_counter() - began
        reason = f"extraction failed: {type(error).__name__}: {error}"
        rows["errors"].append({"path": item.location, "line": item.line, "id": record_id, "reason": reason})
        return
    figures["extract_seconds"] += time.perf_counter() - began
    rows["articles"].append(article_row(article_id, item.location, item.line, item.content_sha256, article, extraction, extra))
    rows["quotes"].extend(quote_rows(article_id, extraction))
    rows["people"].extend(people_rows(article_id, extraction))
    figures["chars"] += len(article.text)


def _read_file(location: str) -> bytes:
    if "://" not in location:
        return read_file_bytes(Path(location))
    return _read_url(location, 0, MAX_ARTICLE_BYTES + 1)


def _read_url(url: str, offset: int, length: int) -> bytes:
    try:
        import fsspec

        with fsspec.open(url, "rb") as handle:
            handle.seek(offset)
            data = handle.read(length)
    except ImportError as error:
        raise ArticleError(f"reading this URL needs a package that is not installed: {error}") from None
    except FileNotFoundError:
        raise ArticleError("file not found") from None
    except (OSError, ValueError) as error:
        raise ArticleError(f"cannot read this URL: {error}") from None
    if len(data) > MAX_ARTICLE_BYTES:
        raise ArticleError(f"the file is over {MAX_ARTICLE_BYTES // 1_000_000} MB; larger articles are refused")
    return data


def _read_record(item: Item) -> dict[str, Any]:
    if "://" in item.location:
        data = _read_url(item.location, item.offset, item.size)
    else:
        try:
            with open(item.location, "rb") as handle:
                handle.seek(item.offset)
                data = handle.read(item.size)
        except OSError as error:
            raise ArticleError(f"cannot read this file: {error.strerror or error}") from None
    if hashlib.sha256(data).hexdigest() != item.content_sha256:
        raise ArticleError(CHANGED)
    try:
        record = json.loads(data)
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise RecordError(f"this line is not valid JSON ({error})") from None
    if not isinstance(record, dict):
        raise RecordError("this line is not a JSON object with 'id' and 'text'")
    record_id = record.get("id")
    if record_id is None or record_id == "" or isinstance(record_id, (dict, list, bool)):
        raise RecordError("this record has no 'id' (a string or a number)")
    record_id = str(record_id)
    text = record.get("text")
    if not isinstance(text, str):
        raise RecordError("this record has no 'text' string", record_id)
    if not text.strip():
        raise RecordError("this record's 'text' is empty", record_id)
    return {**record, "id": record_id}
