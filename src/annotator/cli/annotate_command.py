"""``annotator annotate``: add one annotation to an article's sidecar, for scripts.

It goes through the same core operation and atomic save as the window, so a script
cannot write what the window would refuse: a span outside the text, an unknown label
or verdict, an ambiguous quote, or over a sidecar that could not be read. The addition
is made under the sidecar's lock on what it holds at that moment, so scripts adding to
one article at the same time keep each other's annotations.
"""

from __future__ import annotations

import argparse
import sys

from annotator.cli.article_store import CommandFailure, fail, open_article_store
from annotator.core.annotations import (
    AddAnnotation,
    AnnotationError,
    AnnotationSet,
    LabelError,
    SidecarError,
)
from annotator.core.annotations.labels import check_label_name
from annotator.core.annotations.operations import canonical_verdict
from annotator.core.preferences import annotator_name

MAX_LISTED_MATCHES = 5


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "annotate",
        help="add one annotation (by offsets or by quoting its text) to an article's sidecar",
        description="Adds one annotation and prints its id. Offsets are code points into the "
        "article's canonical text (as 'annotator extract' prints it), end exclusive.",
    )
    parser.add_argument("path", metavar="PATH", help="the article file")
    where = parser.add_mutually_exclusive_group(required=True)
    where.add_argument("--quote", metavar="TEXT", help="the exact text to annotate; must occur once")
    where.add_argument("--start", type=int, metavar="N", help="start offset (with --end)")
    parser.add_argument("--end", type=int, metavar="N", help="end offset, exclusive (with --start)")
    parser.add_argument("--label", required=True, metavar="NAME", help="a label of the article's set")
    parser.add_argument("--tag", action="append", default=[], metavar="T", help="a tag (repeatable)")
    parser.add_argument("--note", default="", metavar="TEXT")
    parser.add_argument("--verdict", metavar="V", help="e.g. 'Mostly false' (case does not matter)")
    parser.add_argument(
        "--author", metavar="NAME", help="who annotates (default: the name set with 'annotator config --name')"
    )
    parser.set_defaults(func=run, parser=parser)


def run(args: argparse.Namespace) -> int:
    if args.start is not None and args.end is None:
        args.parser.error("--start needs --end")
    if args.end is not None and args.start is None:
        args.parser.error("--end needs --start")
    try:
        article, store = open_article_store(args.path, "nothing was added")
    except CommandFailure as error:
        return fail(str(error))
    def add(annotations: AnnotationSet) -> AddAnnotation:
        # Run under the sidecar's lock on what it holds then, so another program's
        # additions made since it was opened are kept and this one goes on top.
        start, end = _span(article.text, args)
        check_label_name(args.label)
        label = annotations.labels.find(args.label)
        if label is None:
            raise LabelError(f"no label called {args.label!r} (labels: {', '.join(annotations.labels.names)})")
        operation = AddAnnotation.new(
            annotations,
            start,
            end,
            label.name,
            tags=args.tag,
            note=args.note,
            verdict=canonical_verdict(args.verdict),
            author=args.author if args.author is not None else annotator_name(),
        )
        annotations.apply(operation)
        return operation

    try:
        operation = store.update(add)
    except (AnnotationError, LabelError, SidecarError) as error:
        return fail(f"{args.path}: {error}")
    if store.reanchored:
        print(
            "annotator: note: the article changed since its annotations were saved; "
            "they were re-anchored and saved with the new one",
            file=sys.stderr,
        )
    print(operation.annotation.id)
    return 0


def _span(text: str, args: argparse.Namespace) -> tuple[int, int]:
    if args.quote is None:
        return args.start, args.end
    if not args.quote:
        raise AnnotationError("--quote needs some text")
    starts = []
    position = text.find(args.quote)
    while position != -1:
        starts.append(position)
        position = text.find(args.quote, position + 1)
    if not starts:
        raise AnnotationError(f"the text {args.quote!r} does not occur in the article")
    if len(starts) > 1:
        shown = ", ".join(str(s) for s in starts[:MAX_LISTED_MATCHES])
        more = "…" if len(starts) > MAX_LISTED_MATCHES else ""
        raise AnnotationError(
            f"the text {args.quote!r} occurs {len(starts)} times (at offsets {shown}{more}); "
            "quote more of it, or give --start and --end"
        )
    return starts[0], starts[0] + len(args.quote)


