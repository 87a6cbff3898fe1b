"""File → Export Annotations…: the window's way to the exporters the command line uses.

The dialog asks where, in which format, and whether to include the extracted quotes and
people — the choice ``annotator export --include-extracted`` makes on the command line; the
window already holds the extraction, so including it costs nothing, and for the same choice
both write the same file. Files are built and written by ``core.export.files``, exactly as
``annotator export`` does; the file dialog has already asked before replacing a file, so
existing outputs are overwritten here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QCheckBox, QDialog, QFileDialog, QGridLayout, QMessageBox, QWidget

from annotator.core.annotations import AnnotationStore
from annotator.core.export import FORMATS, PDF_FORMAT
from annotator.core.corrections.apply import CorrectedExtraction
from annotator.core.export.files import ExportError, export_files, exported_summary, write_files
from annotator.core.extraction.model import Extraction
from annotator.core.preferences import annotator_name
from annotator.qt.export.pdf_export import html_to_pdf

FILTERS: dict[str, str] = {
    **{name: f"{fmt.description} (*{fmt.suffix})" for name, fmt in FORMATS.items()},
    PDF_FORMAT: "PDF document, the HTML page rendered by Qt (*.pdf)",
}
INCLUDE_TEXT = "Include the extracted quotes and people (speakers, brat relations, report sections)"


@dataclass(frozen=True, slots=True)
class ExportChoice:
    """What the reader chose in the export dialog."""

    path: Path
    format_name: str
    include_extracted: bool


class ExportDialog(QFileDialog):
    """A save dialog with the formats and an "include quotes and people" check box.

    Qt's own dialog rather than the desktop's: only it can carry the extra choice.
    """

    def __init__(self, parent: QWidget, suggested: Path, include_extracted: bool) -> None:
        super().__init__(parent, "Export Annotations", str(suggested), ";;".join(FILTERS.values()))
        self.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        self.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        self.include_box = QCheckBox(INCLUDE_TEXT, self)
        self.include_box.setChecked(include_extracted)
        self._stem = suggested.stem
        self.filterSelected.connect(self._follow_format)
        layout = self.layout()
        if isinstance(layout, QGridLayout):
            layout.addWidget(self.include_box, layout.rowCount(), 0, 1, layout.columnCount())
        else:  # pragma: no cover - Qt's own dialog has always used a grid
            layout.addWidget(self.include_box)

    def _follow_format(self, chosen: str) -> None:
        """A new format gives the suggested name that format's suffix (story.jsonld → story.csv)."""
        format_name = next((name for name, text in FILTERS.items() if text == chosen), None)
        if format_name is not None:
            suffix = FORMATS[format_name].suffix if format_name in FORMATS else ".pdf"
            self.selectFile(self._stem + suffix)

    def choice(self) -> ExportChoice | None:
        files = self.selectedFiles()
        if not files:
            return None
        chosen = self.selectedNameFilter()
        format_name = next((name for name, text in FILTERS.items() if text == chosen), "w3c")
        return ExportChoice(Path(files[0]), format_name, self.include_box.isChecked())


class ExportController(QObject):
    """Owns the Export action; asks where, in which format and with what, then writes the files."""

    def __init__(
        self,
        window: QWidget,
        store: Callable[[], AnnotationStore | None],
        extraction: Callable[[], Extraction | None],
    ) -> None:
        super().__init__(window)
        self._window = window
        self._store = store
        self._extraction = extraction
        self.include_extracted = False  # as on the command line; the dialog remembers the last choice
        self.dialog: ExportDialog | None = None
        self.action = QAction("&Export Annotations…", self)
        self.action.setShortcut("Ctrl+E")
        self.action.setStatusTip("Export the annotations as W3C, brat, CSV, Markdown, ClaimReview, HTML or PDF")
        self.action.triggered.connect(self.ask_and_export)
        window.addAction(self.action)

    def ask_and_export(self) -> None:
        """Open the export dialog (window-modal); the export runs when the reader accepts it."""
        store = self._store()
        if store is None:
            box = QMessageBox(
                QMessageBox.Icon.Information,
                "Nothing to Export",
                "No article is open, so there are no annotations to export.",
                parent=self._window,
            )
            box.setInformativeText("Open an article (File → Open…), then export its annotations.")
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            box.open()
            return
        suggested = store.article.source.with_suffix(FORMATS["w3c"].suffix)
        self.dialog = ExportDialog(self._window, suggested, self.include_extracted)
        self.dialog.accepted.connect(self._dialog_accepted)
        self.dialog.open()

    def _dialog_accepted(self) -> None:
        dialog, self.dialog = self.dialog, None
        choice = dialog.choice() if dialog is not None else None
        if dialog is not None:
            dialog.deleteLater()
        if choice is not None:
            self.include_extracted = choice.include_extracted
            self.export(choice.format_name, choice.path, include_extracted=choice.include_extracted)

    def export(self, format_name: str, output: Path, *, include_extracted: bool = False) -> list[Path]:
        """Write ``format_name`` to ``output``; the written paths, or [] after telling the user why not."""
        store = self._store()
        if store is None:
            return []
        annotations = list(store.annotations)
        extraction = self._extraction()
        corrections = extraction.results if isinstance(extraction, CorrectedExtraction) else []
        try:
            export = export_files(
                format_name,
                output,
                store.article,
                annotations,
                list(store.annotations.labels),
                extraction if include_extracted else None,
                reviewer=annotator_name(),
                pdf_renderer=lambda html, title: html_to_pdf(html, title=title),
                corrections=corrections,  # the reader's corrections travel in the W3C export
            )
            write_files(export.files, store.article, force=True)
        except ExportError as error:
            box = QMessageBox(QMessageBox.Icon.Warning, "Export Failed", "The annotations were not exported.", parent=self._window)
            box.setInformativeText(str(error))
            box.open()
            return []
        written = list(export.files)
        remarks = " ".join(export.notes)
        summary = exported_summary(format_name, annotations)
        self._window.statusBar().showMessage(
            f"Exported {summary} to {', '.join(p.name for p in written)}. {remarks}".strip(), 8000
        )
        return written
