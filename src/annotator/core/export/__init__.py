"""Exporters: one module per format, each a pure function of the article and its annotations.

Every exporter has the signature
``export_x(article, annotations, labels, extraction=None) -> str`` and does no I/O, so the
command line, the window and the tests share them. ``FORMATS`` maps a format name to its
exporter; brat has more than one file (:func:`annotator.core.export.brat.export_brat`),
its registry entry renders the ``.ann``. PDF is not here: it needs Qt's text engine and
lives in ``annotator.qt.export.pdf_export``, rendering the ``html`` export.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from annotator.core.annotations.model import Annotation, Label
from annotator.core.article import Article
from annotator.core.export.brat import export_brat
from annotator.core.export.claimreview import export_claimreview
from annotator.core.export.csv_export import export_csv
from annotator.core.export.html_page import export_html
from annotator.core.export.markdown_report import export_markdown
from annotator.core.export.w3c import export_w3c
from annotator.core.extraction.model import Extraction

Exporter = Callable[[Article, Sequence[Annotation], Sequence[Label], "Extraction | None"], str]


@dataclass(frozen=True, slots=True)
class ExportFormat:
    """A text export format: its name, what it is for, its file suffix and its exporter."""

    name: str
    description: str
    suffix: str
    render: Exporter


def _brat_ann(
    article: Article,
    annotations: Sequence[Annotation],
    labels: Sequence[Label],
    extraction: Extraction | None = None,
) -> str:
    return export_brat(article, annotations, labels, extraction).ann


FORMATS: dict[str, ExportFormat] = {
    fmt.name: fmt
    for fmt in (
        ExportFormat("w3c", "W3C Web Annotation JSON-LD (AnnotationCollection)", ".jsonld", export_w3c),
        ExportFormat("brat", "brat standoff (.ann beside the .txt)", ".ann", _brat_ann),
        ExportFormat("csv", "CSV, one row per annotation, for spreadsheets", ".csv", export_csv),
        ExportFormat("markdown", "Markdown report grouped by label", ".md", export_markdown),
        ExportFormat("claimreview", "schema.org ClaimReview JSON-LD for verdicts", ".json", export_claimreview),
        ExportFormat("html", "standalone HTML page with highlights and notes", ".html", export_html),
    )
}
PDF_FORMAT = "pdf"
GOLD_FORMAT = "gold"  # the corrected quotes and people as the scorer's gold JSONL (core/export/gold.py)
ALL_FORMAT_NAMES: tuple[str, ...] = (*FORMATS, PDF_FORMAT, GOLD_FORMAT)

__all__ = [
    "ALL_FORMAT_NAMES",
    "FORMATS",
    "GOLD_FORMAT",
    "PDF_FORMAT",
    "ExportFormat",
    "export_brat",
    "export_claimreview",
    "export_csv",
    "export_html",
    "export_markdown",
    "export_w3c",
]
