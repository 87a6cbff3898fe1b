"""``annotator corrections``: list an article's corrections, each with what became of it.

Read-only: the sidecar is never written. Each correction is ``applied``, ``stale`` (the
extractor's result changed and it no longer applies; the reason says how) or ``orphan``
(its text is gone from the article); none is ever left out.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter

from annotator.cli.article_store import CommandFailure, fail, note, open_article_store
from annotator.core.corrections.apply import STATUSES, CorrectionResult
from annotator.core.corrections.book import CorrectionBook
from annotator.core.extraction import extract

EXCERPT_CHARS = 60


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "corrections", help="list the corrections kept in an article's sidecar, each with its status"
    )
    parser.add_argument("path", metavar="PATH", help="the article file")
    parser.add_argument("--format", choices=("json", "text"), default="json")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    try:
        article, store = open_article_store(args.path, "nothing was listed")
    except CommandFailure as error:
        return fail(str(error))
    book = CorrectionBook(store)
    if store.reanchored and len(book):
        note("the article changed since its sidecar was saved; the corrections were re-anchored (not saved)")
    results = book.apply(extract(article)).results
    if args.format == "json":
        json.dump([r.to_json() for r in results], sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(format_results(results))
    return 0


def format_results(results: list[CorrectionResult]) -> str:
    counts = Counter(r.status for r in results)
    summary = ", ".join(f"{counts[s]} {s}" for s in STATUSES if counts[s]) or "none"
    lines = [f"{len(results)} correction{'' if len(results) == 1 else 's'} ({summary})"]
    for result in results:
        c = result.correction
        excerpt = " ".join(c.anchor.exact.split())
        if len(excerpt) > EXCERPT_CHARS:
            excerpt = excerpt[: EXCERPT_CHARS - 1] + "…"
        lines.append(f"  {result.status:<8} {c.operation:<19} “{excerpt}”: {c.describe()}")
        if result.reason:
            lines.append(f"           {result.reason}")
        if c.anchor.status not in ("anchored", "orphan"):
            lines.append(f"           found again {c.anchor.status} at {c.anchor.start}")
    return "\n".join(lines) + "\n"
