"""From a format and an output name to the files an export writes, and writing them safely.

Shared by ``annotator export`` and the window's File → Export…, so both name brat's file
set the same way, refuse the same overwrites and write atomically. Rules:

- brat is a file set: ``OUT`` (or ``OUT.ann``/``OUT.txt``) → ``OUT.ann`` + ``OUT.txt``,
  plus ``annotation.conf`` and ``visual.conf`` in that folder when it has none; an
  existing configuration belongs to the whole brat collection and is never replaced.
- CSV files start with a UTF-8 BOM (see ``csv_export``).
- PDF bytes come from a renderer passed in (Qt's, in ``annotator.qt.export.pdf_export``), so
  this module stays Qt-free.
- Nothing is written when any target exists (unless ``force``), is a symbolic link
  (dangling or not, even with ``force``: it would write outside the chosen folder), is
  the article itself or its sidecar, or sits in a missing folder; each file is replaced
  atomically. A brat configuration that is a link is left alone, like an existing one.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from annotator.core.annotations.atomic import AtomicWriteError, atomic_write_bytes, symlink_refusal
from annotator.core.annotations.model import Annotation, Label
from annotator.core.annotations.sidecar import sidecar_path_for
from annotator.core.article import Article
from annotator.core.corrections.apply import CorrectionResult
from annotator.core.export import FORMATS, GOLD_FORMAT, PDF_FORMAT
from annotator.core.export.brat import export_brat
from annotator.core.export.claimreview import export_claimreview
from annotator.core.export.common import article_title
from annotator.core.export.csv_export import export_csv
from annotator.core.export.gold import export_gold
from annotator.core.export.html_page import export_html
from annotator.core.export.w3c import export_w3c
from annotator.core.extraction.model import Extraction
from annotator.core.lone_surrogates import utf8_bytes

PdfRenderer = Callable[[str, str], bytes]  # (html, title) -> PDF bytes
BRAT_CONFIGS = ("annotation.conf", "visual.conf")


class ExportError(Exception):
    """An export that cannot be done or written; the message is meant for the user."""


@dataclass(slots=True)
class ExportFiles:
    """The files of one export (path → bytes) and notes for the user about them."""

    files: dict[Path, bytes] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)


def exported_summary(format_name: str, annotations: Sequence[Annotation]) -> str:
    """What an export holds, in words, for the message after it: ClaimReview counts its reviews."""
    total = len(annotations)
    if format_name == "claimreview":
        reviews = sum(1 for annotation in annotations if annotation.verdict)
        left_out = total - reviews
        summary = f"{reviews} claim review{'' if reviews == 1 else 's'}"
        if left_out:
            summary += f"; {left_out} annotation{'' if left_out == 1 else 's'} without a verdict left out"
        return summary
    return f"{total} annotation{'' if total == 1 else 's'}"


def export_text(
    format_name: str,
    article: Article,
    annotations: Sequence[Annotation],
    labels: Sequence[Label],
    extraction: Extraction | None = None,
    *,
    bom: bool = False,
    review_url: str | None = None,
    reviewer: str | None = None,
    corrections: Sequence[CorrectionResult] = (),
) -> str:
    """A text format's output for a stream (brat: the ``.ann``; CSV without BOM by default).

    ``corrections`` (with their status) go into the W3C export; the gold format needs the
    (corrected) extraction.
    """
    if format_name == GOLD_FORMAT:
        if extraction is None:
            raise ExportError("the gold format is made of the extracted quotes and people; none were given")
        return export_gold(article, extraction)
    if format_name == "w3c":
        return export_w3c(article, annotations, labels, extraction, corrections)
    if format_name == "csv":
        return export_csv(article, annotations, labels, extraction, bom=bom)
    if format_name == "claimreview":
        return export_claimreview(article, annotations, labels, extraction, review_url=review_url, reviewer=reviewer)
    if format_name not in FORMATS:
        raise ExportError(f"{format_name} is not a text format")
    return FORMATS[format_name].render(article, annotations, labels, extraction)


def brat_paths(output: Path) -> tuple[Path, Path]:
    """The ``.ann`` and ``.txt`` written for ``-o output``."""
    base = output.with_suffix("") if output.suffix in (".ann", ".txt") else output
    return base.with_name(base.name + ".ann"), base.with_name(base.name + ".txt")


def export_files(
    format_name: str,
    output: Path,
    article: Article,
    annotations: Sequence[Annotation],
    labels: Sequence[Label],
    extraction: Extraction | None = None,
    *,
    review_url: str | None = None,
    reviewer: str | None = None,
    pdf_renderer: PdfRenderer | None = None,
    corrections: Sequence[CorrectionResult] = (),
) -> ExportFiles:
    """The files an export to ``output`` consists of, not yet written."""
    result = ExportFiles()
    if format_name == "brat":
        export = export_brat(article, annotations, labels, extraction)
        if export.skipped:
            result.notes.append(
                f"{len(export.skipped)} annotation(s) left out of the brat files: "
                "their text is not in the article (orphans) or is only line breaks"
            )
        ann_path, txt_path = brat_paths(output)
        result.files[ann_path] = utf8_bytes(export.ann)
        result.files[txt_path] = utf8_bytes(export.txt)
        for name, content in zip(BRAT_CONFIGS, (export.annotation_conf, export.visual_conf)):
            conf = ann_path.parent / name
            if conf.is_symlink():
                result.notes.append(f"did not write {conf}: it is a symbolic link, and links are not written through")
            elif conf.exists():
                result.notes.append(f"kept the existing {conf} (shared by the brat collection in that folder)")
            else:
                result.files[conf] = utf8_bytes(content)
    elif format_name == PDF_FORMAT:
        if pdf_renderer is None:
            raise ExportError("PDF export needs Qt's renderer, which is not available here")
        html = export_html(article, annotations, labels, extraction, notes_beside=False)
        result.files[output] = pdf_renderer(html, article_title(article))
    else:
        text = export_text(
            format_name, article, annotations, labels, extraction, bom=True, review_url=review_url,
            reviewer=reviewer, corrections=corrections,
        )
        result.files[output] = utf8_bytes(text)
    return result


def write_files(files: dict[Path, bytes], article: Article, *, force: bool = False) -> None:
    """Write every file atomically, or none when one of them must not be written."""
    protected = {Path(article.source).resolve(), sidecar_path_for(article.source).resolve()}
    for path in files:
        if path.is_symlink():
            raise ExportError(symlink_refusal(path))
        if path.resolve() in protected:
            raise ExportError(f"{path} is the article or its sidecar; choose another output name")
        if path.exists() and not force:
            raise ExportError(f"{path} already exists; use --force to overwrite it")
        if not path.parent.is_dir():
            raise ExportError(f"cannot write {path}: the folder {path.parent} does not exist")
    for path, data in files.items():
        try:
            atomic_write_bytes(path, data)
        except AtomicWriteError as error:
            raise ExportError(str(error)) from error
