"""The Library view: a folder's articles, search across them, and who is quoted.

Three tabs over the folder's index: **Articles** (a sortable, filterable table), **Search**
(hits grouped by article; Enter or a double-click opens the article at the hit) and
**Sources** (share of voice as a chart, exported as PNG or SVG, with the figures in a table).
Indexing runs on a worker thread with a progress bar, and runs again when files in the folder
change (a file system watcher, settled for a moment so a burst of saves is one run).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTableView,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.core.library import SEARCH_SCOPES, IndexReport, Library, LibraryError, open_library, search
from annotator.core.library import share_of_voice
from annotator.core.library.discovery import is_article_name
from annotator.core.library.location import index_path_for
from annotator.core.library.overview import article_overview
from annotator.core.library.voice import VoiceRow
from annotator.qt.library.articles_model import PATH_ROLE, ArticlesFilterModel, LibraryArticlesModel
from annotator.qt.library.index_runner import IndexRunner

HIT_ROLE = Qt.ItemDataRole.UserRole + 1
SETTLE_MS = 400
MAX_WATCHED = 4000  # inotify watches are a shared, limited resource
SCOPE_LABELS = {"all": "Everywhere", "text": "Article text", "quotes": "Quotes", "annotations": "Annotations"}


RESIZE_PRECISION_ROWS = 200


class LibraryPanel(QWidget):
    """The Library view of one folder. ``open_requested(path, start, end)``: -1 when no span."""

    open_requested = Signal(object, int, int)
    indexed = Signal(object)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.folder: Path | None = None
        self.library: Library | None = None
        self.runner = IndexRunner(self)
        self.watcher = QFileSystemWatcher(self)
        self.settle = QTimer(self, singleShot=True, interval=SETTLE_MS)
        self.chart = None

        self.folder_label = QLabel("No folder open", self)
        self.progress = QProgressBar(self)
        self.progress.setVisible(False)
        self.status = QLabel("", self)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._articles_tab(), "Articles")
        self.tabs.addTab(self._search_tab(), "Search")
        self.tabs.addTab(self._sources_tab(), "Sources")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.folder_label)
        layout.addWidget(self.progress)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.status)

        self.runner.started.connect(self._indexing_started)
        self.runner.progress.connect(self._indexing_progress)
        self.runner.finished.connect(self._indexing_finished)
        self.runner.failed.connect(self._indexing_failed)
        self.watcher.directoryChanged.connect(lambda _path: self.settle.start())
        self.watcher.fileChanged.connect(lambda _path: self.settle.start())
        self.settle.timeout.connect(self.reindex)
        self.tabs.currentChanged.connect(self._tab_changed)

    # -- tabs -----------------------------------------------------------------------------

    def _articles_tab(self) -> QWidget:
        tab = QWidget(self)
        self.filter_edit = QLineEdit(tab, placeholderText="Filter articles (title, outlet, date, verdict…)")
        self.filter_edit.setClearButtonEnabled(True)
        self.articles_model = LibraryArticlesModel(self)
        self.articles_proxy = ArticlesFilterModel(self)
        self.articles_proxy.setSourceModel(self.articles_model)
        self.articles_view = QTableView(tab)
        self.articles_view.setModel(self.articles_proxy)
        self.articles_view.setSortingEnabled(True)
        self.articles_view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.articles_view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.articles_view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.articles_view.verticalHeader().setVisible(False)
        self.articles_view.setWordWrap(False)
        header = self.articles_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setResizeContentsPrecision(RESIZE_PRECISION_ROWS)  # not every row of a large library
        self.articles_view.activated.connect(self._article_activated)
        self.filter_edit.textChanged.connect(self.articles_proxy.setFilterFixedString)
        layout = QVBoxLayout(tab)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.articles_view, 1)
        return tab

    def _search_tab(self) -> QWidget:
        tab = QWidget(self)
        self.search_edit = QLineEdit(tab, placeholderText='Search words, "a phrase", prefix*')
        self.search_edit.setClearButtonEnabled(True)
        self.scope_combo = QComboBox(tab)
        for scope in SEARCH_SCOPES[::-1]:
            self.scope_combo.addItem(SCOPE_LABELS[scope], scope)
        self.results = QTreeWidget(tab)
        self.results.setHeaderHidden(True)
        self.results.setRootIsDecorated(True)
        self.results.itemActivated.connect(self._hit_activated)
        self.search_edit.returnPressed.connect(self.run_search)
        self.scope_combo.currentIndexChanged.connect(lambda _i: self.run_search() if self.search_edit.text() else None)
        row = QHBoxLayout()
        row.addWidget(self.search_edit, 1)
        row.addWidget(self.scope_combo)
        layout = QVBoxLayout(tab)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.results, 1)
        return tab

    def _sources_tab(self) -> QWidget:
        tab = QWidget(self)
        self.sources_layout = QVBoxLayout(tab)
        self.sources_layout.setContentsMargins(0, 0, 0, 0)
        self.voice_table = QTreeWidget(tab)
        self.voice_table.setRootIsDecorated(False)
        self.voice_table.setHeaderLabels(["Speaker", "Quotes", "Share", "Words", "Articles", "Roles"])
        self.png_button = QPushButton("Export PNG…", tab)
        self.svg_button = QPushButton("Export SVG…", tab)
        self.png_button.clicked.connect(lambda: self._export_chart("png"))
        self.svg_button.clicked.connect(lambda: self._export_chart("svg"))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.png_button)
        buttons.addWidget(self.svg_button)
        self.sources_layout.addLayout(buttons)
        self.sources_layout.addWidget(self.voice_table, 1)
        return tab

    # -- folder and indexing ----------------------------------------------------------------

    def open_folder(self, folder: str | Path) -> None:
        """Show ``folder``: index it (incrementally) on the worker, then fill the tabs."""
        self.close_library()
        self.folder = Path(folder).resolve()
        self.folder_label.setText(str(self.folder))
        self.folder_label.setToolTip(str(self.folder))
        self._show_cached_index()
        self.reindex()

    def _show_cached_index(self) -> None:
        """List what the folder's index already holds at once; the indexing run then brings it up to date.

        A library of thousands of articles opens with its list shown in a fraction of a second
        instead of after every file has been checked for changes.
        """
        try:
            if self.folder is None or not index_path_for(self.folder).is_file():
                return
            self.library = open_library(self.folder)
        except (LibraryError, OSError):
            self.library = None
            return
        self.refresh()

    def reindex(self) -> None:
        if self.folder is not None:
            self.runner.run(self.folder)

    def close_library(self) -> None:
        self.runner.wait()
        if self.library is not None:
            self.library.close()
            self.library = None
        paths = self.watcher.directories() + self.watcher.files()
        if paths:
            self.watcher.removePaths(paths)

    def _indexing_started(self) -> None:
        self.progress.setRange(0, 0)
        self.progress.setVisible(True)
        self.status.setText("Indexing…")

    def _indexing_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)
        self.status.setText(f"Indexing {done:,} of {total:,} articles…")

    def _indexing_finished(self, report: IndexReport) -> None:
        self.progress.setVisible(False)
        totals = report.totals
        failures = f", {totals['failures']:,} could not be read" if totals["failures"] else ""
        self.status.setText(f"{totals['articles']:,} articles, {totals['quotes']:,} quotes, "
                            f"{totals['annotations']:,} annotations{failures}")
        if self.library is None and self.folder is not None:
            try:
                self.library = open_library(self.folder, index_path=report.index_path)
            except LibraryError as error:
                self._indexing_failed(str(error))
                return
        self.refresh()
        self._watch()
        self.indexed.emit(report)

    def _indexing_failed(self, message: str) -> None:
        self.progress.setVisible(False)
        self.status.setText(f"The folder could not be indexed: {message}")

    def _watch(self) -> None:
        """Watch the folder, its sub-folders and its articles (up to MAX_WATCHED paths)."""
        if self.folder is None:
            return
        wanted = [str(self.folder)]
        for path in sorted(self.folder.rglob("*")):
            if len(wanted) >= MAX_WATCHED:
                break
            relative = path.relative_to(self.folder).parts
            if any(part.startswith(".") for part in relative):
                continue
            if path.is_dir() or is_article_name(path.name) or path.name.endswith(".annotations.json"):
                wanted.append(str(path))
        watched = set(self.watcher.directories() + self.watcher.files())
        new = [path for path in wanted if path not in watched]
        if new:
            self.watcher.addPaths(new)

    # -- filling the tabs -------------------------------------------------------------------

    def refresh(self) -> None:
        if self.library is None:
            return
        self.articles_model.set_articles(article_overview(self.library))
        self._fill_sources()
        if self.search_edit.text():
            self.run_search()

    def run_search(self) -> None:
        self.results.clear()
        if self.library is None:
            return
        query = self.search_edit.text()
        hits = search(self.library, query, scope=self.scope_combo.currentData())
        parents: dict[str, QTreeWidgetItem] = {}
        for hit in hits:
            parent = parents.get(hit.path)
            if parent is None:
                parent = QTreeWidgetItem(self.results, [hit.title or hit.path])
                parent.setToolTip(0, hit.path)
                parent.setData(0, HIT_ROLE, (hit.path, -1, -1))
                parents[hit.path] = parent
            kind = {"text": "", "quotes": "quote: ", "annotations": "annotation: "}[hit.scope]
            item = QTreeWidgetItem(parent, [f"{kind}{hit.before}«{hit.match}»{hit.after}"])
            item.setToolTip(0, hit.snippet)
            item.setData(0, HIT_ROLE, (hit.path, -1 if hit.start is None else hit.start,
                                       -1 if hit.end is None else hit.end))
        for parent in parents.values():
            parent.setText(0, f"{parent.text(0)} ({parent.childCount()})")
        self.results.expandAll()
        if self.results.topLevelItemCount():
            first = self.results.topLevelItem(0).child(0)
            self.results.setCurrentItem(first)
        self.status.setText(f"{len(hits):,} hits in {len(parents):,} articles" if hits else "No hits")

    def _fill_sources(self) -> None:
        if self.library is None:
            return
        rows = share_of_voice(self.library)
        self.voice_table.clear()
        for row in rows:
            QTreeWidgetItem(self.voice_table, [row.name, str(row.quotes), f"{row.quote_share:.1%}", str(row.words),
                                               str(row.articles), "; ".join(row.roles)])
        if self.chart is not None:
            self.chart.set_rows(rows)

    def voice_rows(self) -> list[VoiceRow]:
        return share_of_voice(self.library) if self.library is not None else []

    def _tab_changed(self, index: int) -> None:
        if self.tabs.tabText(index) == "Sources" and self.chart is None and self.png_button.isEnabled():
            self.ensure_chart()

    def ensure_chart(self):
        """The chart, created (and pyqtgraph imported) the first time it is needed."""
        if self.chart is None:
            try:
                from annotator.qt.library.voice_chart import VoiceChart

                self.chart = VoiceChart(self)
            except ImportError:
                self.png_button.setEnabled(False)
                self.svg_button.setEnabled(False)
                self.sources_layout.insertWidget(0, QLabel(
                    "The chart needs pyqtgraph: python3 -m pip install 'annotator[charts]'. "
                    "The figures are in the table below.", self))
                return None
            self.sources_layout.insertWidget(0, self.chart, 2)
            self.chart.set_rows(self.voice_rows())
        return self.chart

    def _export_chart(self, kind: str) -> None:
        path, _ = QFileDialog.getSaveFileName(self, f"Export Chart as {kind.upper()}", f"share-of-voice.{kind}",
                                              f"{kind.upper()} (*.{kind})")
        if path:
            self.export_chart(Path(path), kind)

    def export_chart(self, path: Path, kind: str) -> None:
        chart = self.ensure_chart()
        if chart is None:
            return
        (chart.export_png if kind == "png" else chart.export_svg)(path)
        self.status.setText(f"Chart saved to {path}")

    # -- opening ----------------------------------------------------------------------------

    def _article_activated(self, index: QModelIndex) -> None:
        if self.folder is not None and index.isValid():
            self.open_requested.emit(self.folder / index.data(PATH_ROLE), -1, -1)

    def _hit_activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        data = item.data(0, HIT_ROLE)
        if data and self.folder is not None:
            path, start, end = data
            self.open_requested.emit(self.folder / path, start, end)
