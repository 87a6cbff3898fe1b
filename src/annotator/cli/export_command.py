"""``annotator export``: an article's annotations in another tool's format.

Output: ``-o OUT`` writes a file (atomically; an existing file is kept unless ``--force``);
without ``-o`` (or with ``-o -``) text formats go to stdout. PDF needs ``-o``.

brat is two files, the ``.ann`` and the ``.txt`` its offsets count into (the article's
canonical text): ``-o story`` (or ``story.ann``/``story.txt``) writes ``story.ann`` and
``story.txt``, plus ``annotation.conf`` and ``visual.conf`` in that folder when it has
none (an existing configuration is shared by a whole brat collection, so it is never
replaced). To stdout, brat prints only the ``.ann``.

CSV written to a file starts with a UTF-8 byte-order mark so spreadsheets read it as
UTF-8; on stdout it has none, for scripts.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from annotator.core.annotations import AnnotationStore
from annotator.core.annotations.atomic import AtomicWriteError, atomic_write_bytes
from annotator.core.annotations.sidecar import sidecar_path_for
from annotator.core.article import Article, ArticleError
from annotator.core.export import ALL_FORMAT_NAMES, FORMATS, PDF_FORMAT
from annotator.core.export.brat import export_brat
from annotator.core.export.claimreview import export_claimreview
from annotator.core.export.common import article_title
from annotator.core.export.csv_export import export_csv
from annotator.core.export.html_page import export_html
from annotator.core.extraction.model import Extraction
from annotator.core.readers import read_article

STDOUT = "-"


class ExportFailure(Exception):
    """An export that cannot be done; the message is for the user."""


def register(subparsers: argparse._SubParsersAction) -> None:
    formats = ", ".join(f"{name} ({fmt.description})" for name, fmt in FORMATS.items())
    parser = subparsers.add_parser(
        "export",
        help="export an article's annotations (W3C, brat, CSV, Markdown, ClaimReview, HTML, PDF)",
        description=f"Formats: {formats}, pdf (the HTML page rendered by Qt). "
        "Text formats go to stdout without -o. brat writes OUT.ann and OUT.txt (and annotation.conf "
        "and visual.conf when the folder has none).",
    )
    parser.add_argument("path", metavar="PATH", help="the article file (its sidecar is read beside it)")
    parser.add_argument("--format", required=True, choices=ALL_FORMAT_NAMES)
    parser.add_argument("-o", "--output", metavar="OUT", help="file to write ('-' or none: stdout)")
    parser.add_argument(
        "--include-extracted",
        action="store_true",
        help="add extracted people and quotes (brat spans and relations, report sections, speakers)",
    )
    parser.add_argument("--force", action="store_true", help="overwrite existing output files")
    parser.add_argument(
        "--review-url", metavar="URL", help="claimreview: the address of the page publishing the fact check"
    )
    parser.set_defaults(func=run, parser=parser)


def run(args: argparse.Namespace) -> int:
    to_stdout = args.output in (None, STDOUT)
    if args.format == PDF_FORMAT and to_stdout:
        args.parser.error("--format pdf needs -o OUT.pdf")
    try:
        article = read_article(args.path)
    except ArticleError as error:
        return _fail(f"{args.path}: {error}")
    store = AnnotationStore.open(article)
    if store.problem is not None:
        return _fail(f"{store.problem}; nothing was exported")
    annotations = list(store.annotations)
    labels = list(store.annotations.labels)
    if store.reanchored:
        _note("the article changed since its annotations were saved; they were re-anchored for this export")
    extraction = _extraction(article) if args.include_extracted else None
    try:
        files = _render(args, article, annotations, labels, extraction, to_stdout)
        if to_stdout:
            sys.stdout.write(files[Path(STDOUT)].decode("utf-8"))
            sys.stdout.flush()
        else:
            _write_all(files, article, force=args.force)
            written = ", ".join(str(path) for path in files)
            _note(f"wrote {written} ({len(annotations)} annotation{'' if len(annotations) == 1 else 's'})")
    except ExportFailure as error:
        return _fail(str(error))
    return 0


def _extraction(article: Article) -> Extraction:
    from annotator.core.extraction import extract  # only when asked: extraction takes time

    return extract(article)


def _render(
    args: argparse.Namespace,
    article: Article,
    annotations: list,
    labels: list,
    extraction: Extraction | None,
    to_stdout: bool,
) -> dict[Path, bytes]:
    """The files to write (path → bytes); a single ``-`` path means stdout."""
    output = Path(STDOUT if to_stdout else args.output)
    if args.format == "brat":
        export = export_brat(article, annotations, labels, extraction)
        if export.skipped:
            _note(
                f"{len(export.skipped)} annotation(s) left out of the brat files: "
                "their text is not in the article (orphans) or is only line breaks"
            )
        if to_stdout:
            return {output: export.ann.encode("utf-8")}
        base = output.with_suffix("") if output.suffix in (".ann", ".txt") else output
        files = {
            base.with_name(base.name + ".ann"): export.ann.encode("utf-8"),
            base.with_name(base.name + ".txt"): export.txt.encode("utf-8"),
        }
        for name, content in (("annotation.conf", export.annotation_conf), ("visual.conf", export.visual_conf)):
            conf = base.parent / name
            if conf.exists():
                _note(f"kept the existing {conf} (shared by the brat collection in that folder)")
            else:
                files[conf] = content.encode("utf-8")
        return files
    if args.format == PDF_FORMAT:
        return {output: _pdf(export_html(article, annotations, labels, extraction), article_title(article))}
    if args.format == "csv":
        text = export_csv(article, annotations, labels, extraction, bom=not to_stdout)
    elif args.format == "claimreview":
        text = export_claimreview(article, annotations, labels, extraction, review_url=args.review_url)
    else:
        text = FORMATS[args.format].render(article, annotations, labels, extraction)
    return {output: text.encode("utf-8")}


def _pdf(html: str, title: str) -> bytes:
    try:
        from annotator.qt.pdf_export import html_to_pdf  # Qt only for this one format
    except ImportError as error:
        raise ExportFailure(f"PDF export needs PySide6 (Qt), which could not be loaded: {error}") from error
    return html_to_pdf(html, title=title)


def _write_all(files: dict[Path, bytes], article: Article, *, force: bool) -> None:
    """Write every file, or none when one would overwrite something it must not."""
    protected = {Path(article.source).resolve(), sidecar_path_for(article.source).resolve()}
    for path in files:
        if path.resolve() in protected:
            raise ExportFailure(f"{path} is the article or its sidecar; choose another output name")
        if path.exists() and not force:
            raise ExportFailure(f"{path} already exists; use --force to overwrite it")
        if not path.parent.is_dir():
            raise ExportFailure(f"cannot write {path}: the folder {path.parent} does not exist")
    for path, data in files.items():
        try:
            atomic_write_bytes(path, data)
        except AtomicWriteError as error:
            raise ExportFailure(str(error)) from error


def _note(message: str) -> None:
    print(f"annotator: {message}", file=sys.stderr)


def _fail(message: str) -> int:
    print(f"annotator: {message}", file=sys.stderr)
    return 1
