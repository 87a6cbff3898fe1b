"""File → Open Folder…: the Library view in a dock beside the article, wired to the window."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QFileDialog, QMenu

from annotator.qt.library.library_panel import LibraryPanel


class LibraryDock(QDockWidget):
    """The Library panel in a dock; opening an article from it selects the hit once shown."""

    def __init__(self, window) -> None:
        super().__init__("Library", window)
        self.setObjectName("library_dock")
        self.window_ = window
        self.panel = LibraryPanel(self)
        self.setWidget(self.panel)
        self._pending: tuple[Path, int, int] | None = None
        self.panel.open_requested.connect(self.open_article)
        window.article_changed.connect(self._article_shown)
        window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self)
        self.hide()
        self.open_action = QAction("Open &Folder…", window)
        self.open_action.setShortcut(QKeySequence("Ctrl+Shift+O"))
        self.open_action.setToolTip("Open a folder of articles as a library: search, sources, tables")
        self.open_action.triggered.connect(self.choose_folder)
        self._add_to_file_menu(window)

    def _add_to_file_menu(self, window) -> None:
        menus = {menu.title(): menu for menu in window.menuBar().findChildren(QMenu)}
        file_menu = menus["&File"]
        actions = file_menu.actions()
        open_index = actions.index(window.actions.open)
        before = actions[open_index + 1] if open_index + 1 < len(actions) else None
        file_menu.insertAction(before, self.open_action)
        window.addAction(self.open_action)

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self.window_, "Open Folder of Articles")
        if folder:
            self.open_folder(folder)

    def open_folder(self, folder: str | Path) -> None:
        self.show()
        self.raise_()
        self.panel.open_folder(folder)

    def open_article(self, path: Path, start: int, end: int) -> None:
        window = self.window_
        current = window.current.path if window.current is not None else None
        if current is not None and Path(current).resolve() == Path(path).resolve():
            self._select(start, end)
            return
        self._pending = (Path(path).resolve(), start, end)
        window.open_path(path)

    def _article_shown(self, loaded) -> None:
        """Select the hit once the article is shown with its quotes (the text view is final then)."""
        pending, self._pending = self._pending, None
        if pending is not None and loaded is not None and Path(loaded.path).resolve() == pending[0]:
            self._select(pending[1], pending[2])

    def _select(self, start: int, end: int) -> None:
        if start >= 0 and end > start:
            self.window_.view.select_span(start, end)
            self.window_.view.setFocus()

    def shutdown(self) -> None:
        self.panel.close_library()
