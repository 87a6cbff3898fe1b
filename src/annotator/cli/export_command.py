"""``annotator export``: an article's annotations in another tool's format.

Output: ``-o OUT`` writes a file (atomically; an existing file is kept unless ``--force``);
without ``-o`` (or with ``-o -``) text formats go to stdout. PDF needs ``-o``.

brat is two files, the ``.ann`` and the ``.txt`` its offsets count into (the article's
canonical text): ``-o story`` (or ``story.ann``/``story.txt``) writes ``story.ann`` and
``story.txt``, plus ``annotation.conf`` and ``visual.conf`` in that folder when it has
none (an existing configuration is shared by a whole brat collection, so it is never
replaced). To stdout, brat prints only the ``.ann``.

CSV written to a file starts with a UTF-8 byte-order mark so spreadsheets read it as
UTF-8; on stdout it has none, for scripts. The file rules live in
``annotator.core.export.files``, shared with the window.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from annotator.cli.article_store import CommandFailure, fail, note, open_article_store
from annotator.core.article import Article
from annotator.core.corrections.book import CorrectionBook
from annotator.core.corrections.speakers import with_corrected_speakers
from annotator.core.export import ALL_FORMAT_NAMES, FORMATS, GOLD_FORMAT, PDF_FORMAT
from annotator.core.export.files import ExportError, export_files, export_text, exported_summary, write_files
from annotator.core.extraction.model import Extraction
from annotator.core.preferences import annotator_name

STDOUT = "-"


def register(subparsers: argparse._SubParsersAction) -> None:
    formats = ", ".join(f"{name} ({fmt.description})" for name, fmt in FORMATS.items())
    parser = subparsers.add_parser(
        "export",
        help="export an article's annotations (W3C, brat, CSV, Markdown, ClaimReview, HTML, PDF)",
        description=f"Formats: {formats}, pdf (the HTML page rendered by Qt), gold (the corrected "
        "quotes and people as one JSON Lines record in the extraction scorer's gold format). "
        "The reader's corrections kept in the sidecar apply to every format. "
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
        article, store = open_article_store(args.path, "nothing was exported")
    except CommandFailure as error:
        return fail(str(error))
    annotations = list(store.annotations)
    labels = list(store.annotations.labels)
    if store.reanchored:
        note("the article changed since its annotations were saved; they were re-anchored for this export")
    book = CorrectionBook(store)
    wants_extraction = args.include_extracted or args.format == GOLD_FORMAT
    corrected = book.apply(_extraction(article)) if wants_extraction or len(book) else None
    if corrected is not None and len(book):
        annotations = with_corrected_speakers(annotations, corrected)
    extraction = corrected if wants_extraction else None
    results = corrected.results if corrected is not None else []
    try:
        if to_stdout:
            text = export_text(
                args.format, article, annotations, labels, extraction, review_url=args.review_url,
                reviewer=annotator_name(), corrections=results,
            )
            sys.stdout.write(text)
            sys.stdout.flush()
            if args.format == "brat":
                note("printed the .ann only; with -o OUT the .txt its offsets count into is written beside it")
            return 0
        export = export_files(
            args.format,
            Path(args.output),
            article,
            annotations,
            labels,
            extraction,
            review_url=args.review_url,
            reviewer=annotator_name(),
            pdf_renderer=_render_pdf,
            corrections=results,
        )
        for remark in export.notes:
            note(remark)
        write_files(export.files, article, force=args.force)
    except ExportError as error:
        return fail(str(error))
    written = ", ".join(str(path) for path in export.files)
    if args.format == GOLD_FORMAT and extraction is not None:  # the gold record holds quotes and people
        quotes = sum(quote.kind != "scare" for quote in extraction.quotes)  # scare quotes are nobody's words
        summary = f"{quotes} quotes, {len(extraction.people)} people"
    else:
        summary = exported_summary(args.format, annotations)
    note(f"wrote {written} ({summary})")
    return 0


def _extraction(article: Article) -> Extraction:
    from annotator.core.extraction import extract  # only when asked: extraction takes time

    return extract(article)


def _render_pdf(html: str, title: str) -> bytes:
    try:
        from annotator.qt.export.pdf_export import html_to_pdf  # Qt only for this one format
    except ImportError as error:
        raise ExportError(f"PDF export needs PySide6 (Qt), which could not be loaded: {error}") from error
    return html_to_pdf(html, title=title)
