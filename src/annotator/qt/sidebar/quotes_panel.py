"""The Quotes tab: filter by speaker and text, a list of quote cards, copy with attribution.

Signals:
    quote_selected(Quote): the user made a quote current (the window selects it in the text).
    counts_changed(int, int): visible and total quotes, for the tab title.
"""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import QItemSelection, QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QListView,
    QMenu,
    QVBoxLayout,
    QWidget,
)

from annotator.core.extraction.model import Extraction, Quote
from annotator.qt.sidebar.attribution import UNATTRIBUTED, label_of_speaker, with_attribution
from annotator.qt.sidebar.quote_delegate import QuoteCardDelegate
from annotator.qt.sidebar.quotes_model import QuotesFilterModel, QuotesModel

ALL_SPEAKERS = "All speakers"


class QuotesPanel(QWidget):
    """Lists the quotes of the current article; see the module docstring for signals."""

    quote_selected = Signal(object)
    counts_changed = Signal(int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._extraction: Extraction | None = None
        self._quiet = False
        self.model = QuotesModel(self)
        self.filter_model = QuotesFilterModel(self)
        self.filter_model.setSourceModel(self.model)

        self.speaker_box = QComboBox(self)
        self.speaker_box.setAccessibleName("Filter by speaker")
        self.speaker_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.speaker_box.setMinimumContentsLength(10)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText("Filter quotes…")
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName("Filter quotes by text")

        self.list = QListView(self)
        self.list.setModel(self.filter_model)
        self.list.setItemDelegate(QuoteCardDelegate(self.list))
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setUniformItemSizes(False)
        # Lay out a few hundred cards per event-loop turn: thousands of quotes never freeze the window.
        self.list.setLayoutMode(QListView.LayoutMode.Batched)
        self.list.setBatchSize(200)
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list.setAlternatingRowColors(True)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.setAccessibleName("Quotes")

        self.copy_action = QAction("Copy with Attribution", self)
        self.copy_action.setToolTip("Copy the quote as ‘…’ — Name, role (Ctrl+Shift+C, the window's action)")
        self.copy_action.setEnabled(False)
        # More actions for the context menu, added by later features ("Highlight This Quote").
        self.menu_actions: list[QAction] = []

        filters = QHBoxLayout()
        filters.setContentsMargins(0, 0, 0, 0)
        filters.addWidget(self.speaker_box, 2)
        filters.addWidget(self.search, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(filters)
        layout.addWidget(self.list)

        self.speaker_box.currentIndexChanged.connect(self._speaker_chosen)
        self.search.textChanged.connect(self._query_changed)
        self.list.selectionModel().selectionChanged.connect(self._selection_changed)
        self.list.customContextMenuRequested.connect(self._show_menu)
        self.copy_action.triggered.connect(self.copy_with_attribution)
        self.filter_model.rowsInserted.connect(self._emit_counts)
        self.filter_model.rowsRemoved.connect(self._emit_counts)
        self.filter_model.modelReset.connect(self._emit_counts)
        self.filter_model.layoutChanged.connect(self._emit_counts)

    # -- content -------------------------------------------------------------------

    def set_extraction(self, extraction: Extraction | None, ordered: list[Quote] | None = None) -> None:
        self._extraction = extraction
        self.model.set_extraction(extraction, ordered)
        self._fill_speakers(extraction)
        self._emit_counts()

    def _fill_speakers(self, extraction: Extraction | None) -> None:
        self.speaker_box.blockSignals(True)
        self.speaker_box.clear()
        self.speaker_box.addItem(ALL_SPEAKERS, None)
        # Counted per distinct speaker, not per quote: 56,000 quotes held the window for 0.1 s.
        tally = Counter((quote.speaker_id, quote.speaker) for quote in (extraction.quotes if extraction else ()))
        labels: dict[str, str] = {}
        counts: Counter[str] = Counter()
        for (speaker_id, speaker), count in tally.items():
            label = label_of_speaker(speaker)
            key = speaker_id or label
            labels.setdefault(key, label)
            counts[key] += count
        ordered = sorted(counts.items(), key=lambda item: (item[0] == UNATTRIBUTED, -item[1], labels[item[0]]))
        for key, count in ordered:
            self.speaker_box.addItem(f"{labels[key]} ({count})", key)
        self.speaker_box.setCurrentIndex(0)
        self.speaker_box.blockSignals(False)
        self.filter_model.set_speaker_id(None)

    # -- filtering -----------------------------------------------------------------

    def set_speaker_filter(self, key: str | None) -> None:
        """Show only the quotes of ``key`` (a person id or speaker label); None shows all."""
        row = self.speaker_box.findData(key) if key is not None else 0
        if row < 0:
            # A person with no quotes: filter to nobody, and say so in the box.
            self.speaker_box.blockSignals(True)
            self.speaker_box.setCurrentIndex(0)
            self.speaker_box.blockSignals(False)
            self.filter_model.set_speaker_id(key)
            self._emit_counts()
            return
        self.speaker_box.setCurrentIndex(row)
        self.filter_model.set_speaker_id(key)
        self._emit_counts()

    def _speaker_chosen(self, row: int) -> None:
        self.filter_model.set_speaker_id(self.speaker_box.itemData(row))
        self._emit_counts()

    def _query_changed(self, text: str) -> None:
        self.filter_model.set_query(text)
        self._emit_counts()

    def _emit_counts(self, *_args) -> None:
        self.counts_changed.emit(self.filter_model.rowCount(), self.model.rowCount())

    # -- selection -----------------------------------------------------------------

    def current_quote(self) -> Quote | None:
        indexes = self.list.selectionModel().selectedIndexes()
        if not indexes:
            return None
        return self.model.quote(self.filter_model.mapToSource(indexes[0]).row())

    def select_quote(self, quote_id: str, *, notify: bool = True) -> bool:
        """Make ``quote_id`` current; False if it is filtered out.

        With ``notify`` False the list follows the article (a click in the text) without
        emitting ``quote_selected``, so the article's own selection is left alone.
        """
        source_row = self.model.row_of(quote_id)
        if source_row < 0:
            return False
        index = self.filter_model.mapFromSource(self.model.index(source_row, 0))
        if not index.isValid():
            return False
        self._quiet = not notify
        try:
            self.list.setCurrentIndex(index)
        finally:
            self._quiet = False
        self.list.scrollTo(index)
        return True

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        quote = self.current_quote()
        self.copy_action.setEnabled(quote is not None)
        if quote is not None and not self._quiet:
            self.quote_selected.emit(quote)

    # -- copying -------------------------------------------------------------------

    def attribution_text(self, quote: Quote) -> str:
        person = self._extraction.person(quote.speaker_id) if self._extraction and quote.speaker_id else None
        return with_attribution(quote, person)

    def copy_with_attribution(self) -> str:
        """Put the current quote, attributed, on the clipboard; return what was copied."""
        quote = self.current_quote()
        if quote is None:
            return ""
        text = self.attribution_text(quote)
        QGuiApplication.clipboard().setText(text)
        return text

    def _show_menu(self, point) -> None:
        index: QModelIndex = self.list.indexAt(point)
        if not index.isValid():
            return
        menu = QMenu(self)
        menu.addAction(self.copy_action)
        for action in self.menu_actions:
            menu.addAction(action)
        menu.exec(self.list.viewport().mapToGlobal(point))
