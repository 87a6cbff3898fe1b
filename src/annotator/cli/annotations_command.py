"""``annotator annotations``: print an article's annotations, re-anchored, with their status.

Read-only by design: it never writes the sidecar, so it is safe on a corrupt one (exit 1,
file untouched) and in scripts that only inspect.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter

from annotator.core.annotations import ANCHOR_STATUSES, Annotation, AnnotationStore
from annotator.core.article import ArticleError
from annotator.core.readers import read_article

EXCERPT_CHARS = 60


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "annotations",
        help="print an article's annotations (from its sidecar), re-anchored, each with its status",
    )
    parser.add_argument("path", metavar="PATH", help="the article file")
    parser.add_argument("--format", choices=("json", "text"), default="json")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    try:
        article = read_article(args.path)
    except ArticleError as error:
        print(f"annotator: {args.path}: {error}", file=sys.stderr)
        return 1
    store = AnnotationStore.open(article)
    if store.problem is not None:
        print(f"annotator: {store.problem}", file=sys.stderr)
        return 1
    for warning in store.warnings:
        print(f"annotator: warning: {store.path}: {warning}", file=sys.stderr)
    if args.format == "json":
        json.dump(annotations_record(store), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(annotations_text(store))
    return 0


def annotations_record(store: AnnotationStore) -> dict:
    return {
        "article": str(store.article.source),
        "sidecar": str(store.path),
        "sha256": store.article.sha256,
        "reanchored": store.reanchored,
        "counts": status_counts(store.annotations),
        "labels": store.annotations.labels.to_json(),
        "annotations": [annotation.to_json() for annotation in store.annotations],
    }


def status_counts(annotations) -> dict[str, int]:
    counts = Counter(annotation.status for annotation in annotations)
    return {status: counts.get(status, 0) for status in ANCHOR_STATUSES}


def annotations_text(store: AnnotationStore) -> str:
    annotations = list(store.annotations)
    if not annotations:
        return f"{store.article.source}: no annotations\n"
    counts = ", ".join(f"{n} {status}" for status, n in status_counts(annotations).items() if n)
    lines = [f"{store.article.source}: {len(annotations)} annotation(s) ({counts})"]
    if store.reanchored:
        lines.append("The article changed since the annotations were saved; they were re-anchored.")
    for annotation in annotations:
        lines.append(_text_line(annotation))
    orphans = [a for a in annotations if a.status == "orphan"]
    if orphans:
        lines.append("")
        lines.append(f"Needs review: {len(orphans)} orphan(s) whose text was not found in the article.")
    return "\n".join(lines) + "\n"


def _text_line(annotation: Annotation) -> str:
    exact = " ".join(annotation.exact.split())
    if len(exact) > EXCERPT_CHARS:
        exact = exact[: EXCERPT_CHARS - 1] + "…"
    parts = [f"{annotation.status:<8} {annotation.start}-{annotation.end}", annotation.label, f"“{exact}”"]
    if annotation.tags:
        parts.append(" ".join(f"#{tag}" for tag in annotation.tags))
    if annotation.verdict:
        parts.append(f"verdict: {annotation.verdict}")
    if annotation.note:
        parts.append(f"note: {' '.join(annotation.note.split())}")
    parts.append(annotation.id)
    return "  ".join(parts)
