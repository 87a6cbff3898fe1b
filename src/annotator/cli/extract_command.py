"""``annotator extract``: print each article's text, structure, people and quotes.

The reader's corrections kept in an article's sidecar are applied by default (each changed
quote or person is marked ``corrected``, with what the extractor proposed beside it);
``--raw`` prints the extractor's result alone.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from pathlib import Path

from annotator.core.article import Article, ArticleError
from annotator.core.corrections.reading import corrected_extraction as corrected_extraction_of
from annotator.core.extraction import extract
from annotator.core.extraction.model import Extraction
from annotator.core.extraction.summary import format_summary
from annotator.core.readers import read_article
from annotator.core.web.snapshots import is_page_record


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "extract", help="print text, blocks, people and quotes of articles (JSON, JSON Lines or text)"
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="files or folders (searched recursively)")
    parser.add_argument("--format", choices=("json", "jsonl", "text"), default="json")
    parser.add_argument(
        "--raw", action="store_true", help="the extractor alone, without the corrections kept in the sidecars"
    )
    parser.set_defaults(func=run)


def iter_files(paths: list[str]) -> Iterator[Path]:
    """Each path in input order; a folder yields its files recursively in sorted order."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.is_file() and not _is_sidecar(p) and not is_page_record(p))
        else:
            yield path


def _is_sidecar(path: Path) -> bool:
    return path.name.endswith(".annotations.json")


def article_record(article: Article, extraction: Extraction | None = None) -> dict:
    record = article.to_json()
    record.update((extraction if extraction is not None else extract(article)).to_json())
    return record


def corrected_extraction(article: Article, path: Path) -> Extraction:
    """The extraction with the sidecar's corrections applied (the extractor's alone if none)."""
    extraction, found = corrected_extraction_of(article, extract(article))
    if found.problem is not None:
        print(f"annotator: note: {found.problem}; its corrections were not applied", file=sys.stderr)
    if found.corrections and found.reanchored:
        print(f"annotator: note: {path}: the article changed; its corrections were re-anchored", file=sys.stderr)
    return extraction


def run(args: argparse.Namespace) -> int:
    failed = False
    records: list[dict] = []
    for path in iter_files(args.paths):
        try:
            article = read_article(path)
        except ArticleError as error:
            print(f"annotator: {path}: {error}", file=sys.stderr)
            failed = True
            continue
        if article.metadata.get("encoding_warning"):
            print(f"annotator: note: {path}: {article.metadata['encoding_warning']}", file=sys.stderr)
        extraction = extract(article) if args.raw else corrected_extraction(article, path)
        if args.format == "text":
            sys.stdout.write(format_summary(article, extraction))
            sys.stdout.write("\n")
            continue
        record = article_record(article, extraction)
        if args.format == "jsonl":
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
            sys.stdout.flush()
        else:
            records.append(record)
    if args.format == "json" and (records or not failed):  # nothing on stdout when every file failed
        payload = records[0] if len(records) == 1 and len(args.paths) == 1 and not Path(args.paths[0]).is_dir() else records
        json.dump(payload, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    return 1 if failed else 0
