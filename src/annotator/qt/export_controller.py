"""File → Export Annotations…: the window's way to the exporters the command line uses.

The window already holds the article, its annotations and its extraction, so an export
includes the extracted people and quotes (brat relations, report sections, speakers)
without running extraction again. Files are built and written by ``core.export.files``,
exactly as ``annotator export`` does; the file dialog has already asked before
replacing a file, so existing outputs are overwritten here.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from annotator.core.annotations import AnnotationStore
from annotator.core.export import FORMATS, PDF_FORMAT
from annotator.core.export.files import ExportError, export_files, write_files
from annotator.core.preferences import annotator_name
from annotator.core.extraction.model import Extraction
from annotator.qt.pdf_export import html_to_pdf

FILTERS: dict[str, str] = {
    **{name: f"{fmt.description} (*{fmt.suffix})" for name, fmt in FORMATS.items()},
    PDF_FORMAT: "PDF document, the HTML page rendered by Qt (*.pdf)",
}


class ExportController(QObject):
    """Owns the Export action; asks where and in which format, then writes the files."""

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
        self.action = QAction("&Export Annotations…", self)
        self.action.setShortcut("Ctrl+E")
        self.action.setStatusTip("Export the annotations as W3C, brat, CSV, Markdown, ClaimReview, HTML or PDF")
        self.action.triggered.connect(self.ask_and_export)
        window.addAction(self.action)

    def ask_and_export(self) -> list[Path]:
        store = self._store()
        if store is None:
            return []
        suggested = store.article.source.with_suffix(FORMATS["w3c"].suffix)
        path, chosen_filter = QFileDialog.getSaveFileName(
            self._window, "Export Annotations", str(suggested), ";;".join(FILTERS.values())
        )
        if not path:
            return []
        format_name = next((name for name, text in FILTERS.items() if text == chosen_filter), "w3c")
        return self.export(format_name, Path(path))

    def export(self, format_name: str, output: Path) -> list[Path]:
        """Write ``format_name`` to ``output``; the written paths, or [] after telling the user why not."""
        store = self._store()
        if store is None:
            return []
        try:
            export = export_files(
                format_name,
                output,
                store.article,
                list(store.annotations),
                list(store.annotations.labels),
                self._extraction(),
                reviewer=annotator_name(),
                pdf_renderer=lambda html, title: html_to_pdf(html, title=title),
            )
            write_files(export.files, store.article, force=True)
        except ExportError as error:
            box = QMessageBox(QMessageBox.Icon.Warning, "Export Failed", "The annotations were not exported.", parent=self._window)
            box.setInformativeText(str(error))
            box.open()
            return []
        written = list(export.files)
        remarks = " ".join(export.notes)
        self._window.statusBar().showMessage(
            f"Exported {len(store.annotations)} annotations to {', '.join(p.name for p in written)}. {remarks}".strip(),
            8000,
        )
        return written
