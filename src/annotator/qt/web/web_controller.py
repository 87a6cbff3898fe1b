"""The window's web actions: File → Open URL… (Ctrl+L), a dropped link, View → Compare Versions.

A fetch runs on a worker (``BackgroundJob``), so the window stays usable while a site answers;
the fetched article then opens like any saved page, and the status bar says what changed
since the previous version ("2 sentences changed, 1 quote removed; 3 highlights moved").
Fetched pages go to the web folder (Documents/Annotator unless ``root`` is set).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QMessageBox

from annotator.core.web.model import FetchError, looks_like_url
from annotator.core.web.snapshots import PageFolder, default_web_folder
from annotator.qt.web.background import BackgroundJob
from annotator.qt.web.compare_dialog import CompareVersionsDialog
from annotator.qt.web.url_dialog import OpenUrlDialog


class WebController(QObject):
    """Owns the web actions of one window; ``window`` must offer ``open_path``, ``annotations``,
    ``status`` and the ``article_changed`` signal (the main window does)."""

    fetched = Signal(object)  # FetchOutcome
    fetch_failed = Signal(str)

    def __init__(self, window: QMainWindow, root: Path | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.root = root
        self.error_dialog: QMessageBox | None = None
        self.compare_dialog: CompareVersionsDialog | None = None
        self._pending_summary: str | None = None
        self._folder: PageFolder | None = None

        self.open_url_action = QAction("Open &URL…", window)
        self.open_url_action.setShortcut(QKeySequence("Ctrl+L"))
        self.open_url_action.setStatusTip("Fetch a web page and read it; a later fetch keeps a new version")
        self.open_url_action.triggered.connect(self.open_url_dialog)
        self.compare_action = QAction("Compare &Versions", window)
        self.compare_action.setStatusTip("What changed between two fetched versions of this article")
        self.compare_action.triggered.connect(self.show_compare)
        self.compare_action.setEnabled(False)
        for action in self.actions:
            window.addAction(action)  # shortcuts work even with the menu bar hidden

        self.job = BackgroundJob((FetchError,), self)
        self.job.finished.connect(self._fetched)
        self.job.failed.connect(self._failed)
        window.article_changed.connect(self._article_changed)

    @property
    def actions(self) -> list[QAction]:
        return [self.open_url_action, self.compare_action]

    def add_to_menus(self, file_menu: QMenu, view_menu: QMenu, after_open: QAction) -> None:
        items = file_menu.actions()
        index = items.index(after_open) + 1 if after_open in items else 0
        file_menu.insertAction(items[index] if index < len(items) else None, self.open_url_action)
        view_menu.addSeparator()
        view_menu.addAction(self.compare_action)

    @property
    def web_folder(self) -> Path:
        return self.root if self.root is not None else default_web_folder()

    # -- fetching -------------------------------------------------------------------------

    def open_url_dialog(self) -> OpenUrlDialog:
        dialog = OpenUrlDialog(str(self.web_folder), self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.fetch(dialog.url))
        dialog.open()
        return dialog

    def fetch(self, url: str) -> None:
        """Fetch ``url`` on the worker; the annotations of the open article are saved first."""
        if not self.window.annotations.confirm_close():
            return
        from annotator.core.web.update import fetch_into  # the HTTP client, only once it is needed

        root = self.web_folder
        self.window.status.set_busy(f"Fetching {url}…")
        self.job.start(lambda: fetch_into(url, root))

    def _fetched(self, outcome) -> None:  # a FetchOutcome
        self.window.status.set_busy(None)
        self._pending_summary = f"{outcome.folder.url}: version {outcome.version.number} — {outcome.summary()}"
        self.fetched.emit(outcome)
        self.window.open_path(outcome.article_path)

    def _failed(self, message: str) -> None:
        self.window.status.set_busy(None)
        box = QMessageBox(QMessageBox.Icon.Warning, "Could Not Fetch Page", "The page could not be fetched.", parent=self.window)
        box.setInformativeText(message)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(lambda _result: setattr(self, "error_dialog", None))
        self.error_dialog = box
        box.open()
        self.fetch_failed.emit(message)

    # -- drops ----------------------------------------------------------------------------

    @staticmethod
    def dropped_url(mime: QMimeData) -> str | None:
        """The web address a drag carries (a link dragged from a browser), if any."""
        if mime.hasUrls():
            for url in mime.urls():
                if url.scheme() in ("http", "https"):
                    return url.toString()
        if mime.hasText() and looks_like_url(mime.text()) and len(mime.text().split()) == 1:
            return mime.text().strip()
        return None

    # -- versions ---------------------------------------------------------------------------

    def _article_changed(self, loaded: object) -> None:
        path = getattr(loaded, "path", None)
        folder = PageFolder.at(Path(path)) if path is not None else None
        self._folder = folder if folder is not None and len(folder.versions()) >= 2 else None
        self.compare_action.setEnabled(self._folder is not None)
        if self._pending_summary and path is not None:
            self.window.status.showMessage(self._pending_summary, 20000)
        self._pending_summary = None

    def show_compare(self) -> CompareVersionsDialog | None:
        if self._folder is None:
            return None
        self.window.annotations.flush()  # the comparison reads the highlights from the sidecar
        dialog = CompareVersionsDialog(self._folder, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _result: setattr(self, "compare_dialog", None))
        self.compare_dialog = dialog
        dialog.open()
        return dialog

    def wait(self, msecs: int = -1) -> bool:
        return self.job.wait(msecs)

