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
  carriage return is executed as a formula by spreadsheets (OWASP "CSV injection"). Such
  free-text cells (label, tags, text, note, speaker) get a leading ``'``, which
  spreadsheets hide and show the text as typed. It is visible to other readers; it is
  the price of not running a quoted ``=HYPERLINK(...)`` on a colleague's machine.
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


def csv_row(annotation: Annotation, text: str, extraction: Extraction | None) -> list[str]:
    placed = is_placed(annotation, text)
    return [
        annotation.id,
        guard_formula(annotation.label),
        guard_formula(TAG_SEPARATOR.join(annotation.tags)),
        annotation.verdict or "",
        guard_formula(annotation.selector.exact),
        guard_formula(annotation.note),
        str(annotation.start) if placed else "",
        str(annotation.end) if placed else "",
        guard_formula(speaker_for(annotation, extraction) or ""),
        annotation.created,
        annotation.modified,
        annotation.status if placed else "orphan",
    ]


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
