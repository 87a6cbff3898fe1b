"""CSV export: one row per annotation, for the team spreadsheet.

Decisions, all for people who open the file in Excel, LibreOffice or Google Sheets:

- RFC 4180: comma separated, CRLF between records, fields with commas, quotes or line
  breaks quoted with ``"`` and inner quotes doubled (the csv module's ``excel`` dialect).
  A note's own line breaks stay inside its quoted cell.
- Encoding UTF-8 *with* a byte-order mark when written to a file: Excel reads a
  BOM-less CSV in the system's legacy code page and turns ``€``, ``é`` and emoji into
  mojibake; with the BOM every spreadsheet program reads UTF-8. (Scripts reading the
  file with ``encoding="utf-8-sig"`` see no BOM; stdout output has none.)
- Formula injection: a cell whose text begins with ``=``, ``+``, ``-``, ``@``, tab or
  carriage return is executed as a formula by spreadsheets (OWASP "CSV injection"). Every
  cell of every row, whatever its column (an ``id`` or a timestamp comes from a sidecar
  anyone can edit), passes through :func:`guard_formula` on its way out: such a cell gets a
  leading ``'``, which spreadsheets hide and show the text as typed. It is visible to other
  readers; it is the price of not running a quoted ``=HYPERLINK(...)`` on a colleague's
  machine.
- Tags are joined with ``; ``. Orphans (text no longer found) have empty start/end and
  ``status`` ``orphan`` (else the anchoring status: anchored, moved or fuzzy); ``status``
  is the one column beyond the issue's list.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from annotator.core.annotations.model import Annotation, Label
from annotator.core.article import Article
from annotator.core.export.common import is_placed, ordered, speaker_for
from annotator.core.extraction.model import Extraction

COLUMNS: tuple[str, ...] = (
    "id",
    "label",
    "tags",
    "verdict",
    "text",
    "note",
    "start",
    "end",
    "speaker",
    "created",
    "modified",
    "status",
)
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
TAG_SEPARATOR = "; "
BOM = "\ufeff"


def guard_formula(value: str) -> str:
    """``value`` made inert for spreadsheets: a leading ``'`` if it would start a formula."""
    return "'" + value if value.startswith(FORMULA_TRIGGERS) else value


def csv_cells(annotation: Annotation, text: str, extraction: Extraction | None) -> dict[str, str]:
    """The annotation's values by column, as they are (not yet guarded)."""
    placed = is_placed(annotation, text)
    return {
        "id": annotation.id,
        "label": annotation.label,
        "tags": TAG_SEPARATOR.join(annotation.tags),
        "verdict": annotation.verdict or "",
        "text": annotation.selector.exact,
        "note": annotation.note,
        "start": str(annotation.start) if placed else "",
        "end": str(annotation.end) if placed else "",
        "speaker": speaker_for(annotation, extraction) or "",
        "created": annotation.created,
        "modified": annotation.modified,
        "status": annotation.status if placed else "orphan",
    }


def csv_row(annotation: Annotation, text: str, extraction: Extraction | None) -> list[str]:
    """One record in :data:`COLUMNS` order, every cell guarded against formulas."""
    cells = csv_cells(annotation, text, extraction)
    return [guard_formula(cells[column]) for column in COLUMNS]


def export_csv(
    article: Article,
    annotations: Sequence[Annotation],
    labels: Sequence[Label],
    extraction: Extraction | None = None,
    *,
    bom: bool = True,
) -> str:
    """The annotations as CSV text (with a leading BOM unless ``bom`` is false)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, dialect="excel", lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for annotation in ordered(annotations):
        writer.writerow(csv_row(annotation, article.text, extraction))
    return (BOM if bom else "") + buffer.getvalue()
