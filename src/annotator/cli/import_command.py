"""``annotator import``: bring annotations from W3C Web Annotation or brat files into a sidecar.

The imported annotations are placed on the article (by their offsets when the text there
is their quote, else by searching for the quote), duplicates are skipped, and what
cannot be found is kept as orphans to review, never dropped. One line on stdout says
what happened; ``--dry-run`` says it without saving.

For brat, ``FILE`` is the ``.ann``; the ``.txt`` beside it (its offsets count into that
text) and the folder's ``visual.conf`` (display names of types) are used when present.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from annotator.cli.article_store import CommandFailure, fail, note, open_article_store
from annotator.core.annotations import AnnotationError, AnnotationStore, LabelError, SidecarError
from annotator.core.importers import (
    IMPORT_FORMATS,
    ImportFormatError,
    MergePlan,
    ParsedImport,
    parse_brat,
    parse_w3c,
    plan_merge,
)

MAX_IMPORT_BYTES = 64 * 1024 * 1024


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "import",
        help="import annotations from a W3C Web Annotation JSON or brat .ann file into an article's sidecar",
        description="Adds the file's annotations to the article's sidecar: placed by offsets or, when they "
        "disagree, by quote; duplicates (same span and label) skipped; unmatched kept as orphans.",
    )
    parser.add_argument("path", metavar="PATH", help="the article file")
    parser.add_argument("--format", required=True, choices=IMPORT_FORMATS)
    parser.add_argument("file", metavar="FILE", help="the file to import (for brat: the .ann)")
    parser.add_argument("--dry-run", action="store_true", help="report what would be imported; save nothing")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    try:
        _, store = open_article_store(args.path, "nothing was imported")
    except CommandFailure as error:
        return fail(str(error))
    source = Path(args.file)
    try:
        parsed = _parse(args.format, source, store.annotations.labels.names)
    except ImportFormatError as error:
        return fail(f"{source}: {error}")
    except OSError as error:
        return fail(f"cannot read {source}: {error.strerror or error}")
    if args.dry_run:
        plan = plan_merge(store.annotations, parsed, room=store.room_left())
    else:
        try:
            # Planned under the sidecar's lock on what it holds then: duplicates are
            # judged against another program's additions made meanwhile, which are kept.
            plan = store.update(lambda _: _merge(store, parsed))
        except (AnnotationError, LabelError, SidecarError) as error:
            return fail(f"{args.path}: {error}; the sidecar was not changed")
        if plan.operation is not None and store.reanchored:
            note("the article changed since its annotations were saved; they were re-anchored and saved too")
    prefix = "would have: " if args.dry_run else ""
    print(prefix + plan.summary())
    return 0


def _merge(store: AnnotationStore, parsed: ParsedImport) -> MergePlan:
    """Merge into what the sidecar holds now, no more than it may hold; apply the result."""
    annotations = store.annotations
    plan = plan_merge(annotations, parsed, room=store.room_left())
    if plan.operation is not None:
        annotations.apply(plan.operation)
    return plan


def _parse(format_name: str, source: Path, known_labels: tuple[str, ...]) -> ParsedImport:
    data = _read_text(source)
    if format_name == "w3c":
        return parse_w3c(data)
    base = source.with_suffix("") if source.suffix == ".ann" else source
    txt_path = base.with_name(base.name + ".txt")
    visual_path = source.parent / "visual.conf"
    txt = _read_text(txt_path) if txt_path.is_file() else None
    visual = _read_text(visual_path) if visual_path.is_file() else None
    return parse_brat(data, txt, known_labels=known_labels, visual_conf=visual)


def _read_text(path: Path) -> str:
    with open(path, "rb") as handle:
        data = handle.read(MAX_IMPORT_BYTES + 1)
    if len(data) > MAX_IMPORT_BYTES:
        raise ImportFormatError(f"larger than {MAX_IMPORT_BYTES // 1024 // 1024} MB; not read")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ImportFormatError(f"not UTF-8 text (byte {error.start})") from error
