"""The Annotations tab: filter and list the annotations, and edit the selected one.

Each change in the detail pane is one undoable edit made through the controller, so the
table, the article highlights and the sidecar all follow from the one ``AnnotationSet``.

Signals:
    annotation_selected(str): the user picked a row; the window shows its text.
    counts_changed(int, int): rows shown and annotations in all, for the tab title — sent
        once an edit is complete (the filter proxy reports a removed row while the table
        still counts it).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelectionModel, QObject, QSize, QStringListModel, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QStyle,
    QStyleOptionViewItem,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from annotator.core.annotations import ANCHOR_STATUSES, VERDICTS, Annotation, Change, MoveSpan, RemoveAnnotation, UpdateAnnotation
from annotator.qt.window.actions import key_sequences
from annotator.qt.annotations.annotation_controller import AnnotationController
from annotator.qt.annotations.annotations_model import (
    ANNOTATION_ROLE,
    LABEL,
    OPTIONAL_COLUMNS,
    STATUS,
    TEXT,
    AnnotationsFilterModel,
    AnnotationsModel,
)

ALL_LABELS, ALL_TAGS, ALL_VERDICTS = "All labels", "All tags", "All verdicts"
NO_VERDICT = "No verdict"
REVIEW_TEXT = "Needs review"


def split_tags(text: str) -> list[str]:
    """Tags as typed: comma-separated, blanks dropped (the core normalises the rest)."""
    return [tag.strip() for tag in text.split(",") if tag.strip()]


def byline(annotation: Annotation) -> str:
    """Who made an annotation and when it last changed, e.g. "Ada Lovelace · 2026-12-05 18:30"."""
    when = annotation.modified[:16].replace("T", " ")
    return " · ".join(part for part in (annotation.author, when) if part)


def refill(combo: QComboBox, values: list[str]) -> bool:
    """New choices in a filter combo, keeping the chosen one when it is still there.

    Returns whether the choice changed (it was a tag or label that no longer exists).
    """
    current = combo.currentText()
    combo.blockSignals(True)
    combo.clear()
    combo.addItems(values)
    combo.setCurrentIndex(max(0, combo.findText(current)))
    combo.blockSignals(False)
    return combo.currentText() != current


class AnnotationsPanel(QWidget):
    """Filter row, table, and a detail pane for the selected annotation."""

    annotation_selected = Signal(str)
    counts_changed = Signal(int, int)

    def __init__(self, controller: AnnotationController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.model = AnnotationsModel(self)
        self.filter_model = AnnotationsFilterModel(self)
        self.filter_model.setSourceModel(self.model)

        self.label_filter = QComboBox(self)
        self.label_filter.setAccessibleName("Filter by label")
        self.verdict_filter = QComboBox(self)
        self.verdict_filter.setAccessibleName("Filter by verdict")
        self.verdict_filter.addItems([ALL_VERDICTS, *VERDICTS])
        self.tag_filter = QComboBox(self)
        self.tag_filter.setAccessibleName("Filter by tag")
        self.text_filter = QLineEdit(self)
        self.text_filter.setPlaceholderText("Filter text, notes, tags…")
        self.text_filter.setClearButtonEnabled(True)
        # A checkable button, not a check box: its frame reads in both themes (a dark check box's
        # outline all but vanished), and it carries the count of what needs review.
        self.review_filter = QToolButton(self)
        self.review_filter.setCheckable(True)
        self.review_filter.setText(REVIEW_TEXT)
        self.review_filter.setToolTip(
            "Only annotations the article's changes moved, attached to similar text, or could not find"
        )

        self.table = QTableView(self)
        self.table.setModel(self.filter_model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.setAccessibleName("Annotations")
        header = self.table.horizontalHeader()
        # The text is what the reader scans for in a narrow sidebar: it takes the room; tags,
        # verdict and note keep a narrow (resizable) column and are hidden while all empty,
        # status only shows while something needs review. The detail pane shows them in full.
        # Label and status fit their longest possible value (``_fit_columns``): Qt's
        # ResizeToContents would measure up to 1,000 rows again on every change.
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setDefaultSectionSize(64)
        header.setSectionResizeMode(TEXT, QHeaderView.ResizeMode.Stretch)

        self.delete_action = QAction("Delete Annotation", self.table)
        self.delete_action.setShortcuts(key_sequences(["Del", QKeySequence.StandardKey.Delete, "Backspace"]))
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.delete_action.triggered.connect(self.delete_selected)
        self.table.addAction(self.delete_action)

        self.label_edit = QComboBox(self)
        self.tags_edit = QLineEdit(self)
        self.tags_edit.setPlaceholderText("tag, another tag")
        self.tag_completions = QStringListModel(self)
        completer = QCompleter(self.tag_completions, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.tags_edit.setCompleter(completer)
        self.verdict_edit = QComboBox(self)
        self.verdict_edit.addItems([NO_VERDICT, *VERDICTS])
        self.note_edit = QPlainTextEdit(self)
        self.note_edit.setPlaceholderText("Note")
        self.note_edit.setMaximumHeight(90)
        self.apply_note_button = QPushButton("Save Note", self)
        self.delete_button = QPushButton("Delete", self)
        self.accept_button = QPushButton("Accept Position", self)
        self.accept_button.setToolTip("The article changed: confirm this annotation's new place (no longer needs review)")
        self.adjust_button = QPushButton("Adjust Span to Selection", self)
        self.adjust_button.setToolTip("Move this annotation to the text selected in the article (re-attaches orphans)")

        filters = QHBoxLayout()
        filters.addWidget(self.label_filter)
        filters.addWidget(self.tag_filter)
        filters.addWidget(self.verdict_filter)
        filters.addWidget(self.review_filter)
        form = QFormLayout()
        form.addRow("Label", self.label_edit)
        form.addRow("Tags", self.tags_edit)
        form.addRow("Verdict", self.verdict_edit)
        form.addRow("Note", self.note_edit)
        self.byline = QLabel(self)
        self.byline.setEnabled(False)  # muted: who and when, not something to edit
        self.byline.setAccessibleName("Author and date")
        form.addRow("By", self.byline)
        buttons = QHBoxLayout()
        buttons.addWidget(self.apply_note_button)
        buttons.addWidget(self.adjust_button)
        buttons.addWidget(self.accept_button)
        buttons.addStretch(1)
        buttons.addWidget(self.delete_button)
        self.detail = QWidget(self)
        detail_layout = QVBoxLayout(self.detail)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        detail_layout.addLayout(form)
        detail_layout.addLayout(buttons)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(filters)
        layout.addWidget(self.text_filter)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.detail)

        for combo in (self.label_filter, self.tag_filter, self.verdict_filter):
            combo.currentIndexChanged.connect(self._filter_changed)
        self.text_filter.textChanged.connect(self._filter_changed)
        self.review_filter.toggled.connect(self._filter_changed)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.label_edit.activated.connect(lambda _index: self._update("label", self.label_edit.currentText()))
        self.verdict_edit.activated.connect(lambda index: self._update("verdict", None if index == 0 else self.verdict_edit.currentText()))
        self.tags_edit.editingFinished.connect(lambda: self._update("tags", split_tags(self.tags_edit.text())))
        self.apply_note_button.clicked.connect(self.save_note)
        # Leaving the note (clicking another row, the article, anywhere) keeps what was typed:
        # a note must never be lost for want of pressing Save Note.
        self.note_edit.installEventFilter(self)
        self.delete_button.clicked.connect(self.delete_selected)
        self.adjust_button.clicked.connect(self.adjust_span)
        self.accept_button.clicked.connect(self.accept_position)
        controller.store_changed.connect(self._store_changed)
        controller.change_applied.connect(self._change_applied)
        self._shown_labels: list[str] | None = None  # what the label and tag choices hold now
        self._shown_tags: list[str] | None = None
        self._store_changed(controller.store)

    # -- following the store -----------------------------------------------------------

    def _store_changed(self, store) -> None:
        self.model.set_annotations(store.annotations if store is not None else None)
        self._rows_changed(None)

    def _change_applied(self, change: Change) -> None:
        """One edit, undo or redo: the model follows it row by row, the rest only if it differs."""
        self._rows_changed(change)

    def _rows_changed(self, change: Change | None) -> None:
        selected = self.selected_id()
        if change is not None:
            self.model.apply_change(change)
        self._hide_empty_columns()
        self._refill_choices()
        if selected is not None and self.selected_id() != selected and self.model.row_of(selected) >= 0:
            self.select(selected, emit=False, reveal=False)  # the model was reset: select it again
        self._show_detail()
        self._emit_counts()

    def _emit_counts(self) -> None:
        self.counts_changed.emit(self.filter_model.rowCount(), self.model.rowCount())
        review = self.model.needs_review_count()
        self.review_filter.setText(f"{REVIEW_TEXT} ({review})" if review else REVIEW_TEXT)
        self.review_filter.setEnabled(bool(review) or self.review_filter.isChecked())

    def _hide_empty_columns(self) -> None:
        for column in OPTIONAL_COLUMNS:
            hidden = not self.model.column_in_use(column)
            if self.table.isColumnHidden(column) != hidden:
                self.table.setColumnHidden(column, hidden)

    def _refill_choices(self) -> None:
        store = self.controller.store
        names = list(store.annotations.labels.names) if store is not None else []
        tags = self.model.tags()
        filter_lost = False
        if tags != self._shown_tags:
            self._shown_tags = tags
            self.tag_completions.setStringList(tags)
            filter_lost |= refill(self.tag_filter, [ALL_TAGS, *tags])
        if names != self._shown_labels:
            self._shown_labels = names
            filter_lost |= refill(self.label_filter, [ALL_LABELS, *names])
            self.label_edit.blockSignals(True)
            self.label_edit.clear()
            self.label_edit.addItems(names)
            self.label_edit.blockSignals(False)
            self._fit_columns()
        if filter_lost:
            self._filter_changed()

    def _fit_columns(self) -> None:
        """Label and status columns as wide as their widest possible cell (a few names to measure)."""
        header = self.table.horizontalHeader()
        labels = [self._cell_width(name, decorated=True) for name in self._shown_labels or ()]
        statuses = [self._cell_width(status, decorated=False) for status in ANCHOR_STATUSES]
        header.resizeSection(LABEL, max([header.sectionSizeHint(LABEL), *labels]))
        header.resizeSection(STATUS, max([header.sectionSizeHint(STATUS), *statuses]))

    def _cell_width(self, text: str, *, decorated: bool) -> int:
        """The width the table's style gives a cell showing ``text`` (with a colour swatch)."""
        option = QStyleOptionViewItem()
        option.initFrom(self.table)
        option.text = text
        option.features = QStyleOptionViewItem.ViewItemFeature.HasDisplay
        if decorated:
            option.features |= QStyleOptionViewItem.ViewItemFeature.HasDecoration
            extent = self.table.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize, None, self.table)
            option.decorationSize = self.table.iconSize() if self.table.iconSize().isValid() else QSize(extent, extent)
        hint = self.table.style().sizeFromContents(QStyle.ContentsType.CT_ItemViewItem, option, QSize(), self.table)
        return hint.width()

    def _filter_changed(self) -> None:
        def chosen(combo: QComboBox) -> str | None:
            return None if combo.currentIndex() <= 0 else combo.currentText()

        self.filter_model.set_criteria(
            label=chosen(self.label_filter),
            tag=chosen(self.tag_filter),
            verdict=chosen(self.verdict_filter),
            text=self.text_filter.text(),
            needs_review_only=self.review_filter.isChecked(),
        )
        self._emit_counts()

    # -- selection ---------------------------------------------------------------------

    def selected(self) -> Annotation | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].data(ANNOTATION_ROLE) if rows else None

    def selected_id(self) -> str | None:
        annotation = self.selected()
        return annotation.id if annotation is not None else None

    def select(self, annotation_id: str, *, emit: bool = True, reveal: bool = True) -> bool:
        """Select the row of ``annotation_id``; ``reveal`` clears filters that hide it."""
        row = self.model.row_of(annotation_id)
        if row < 0:
            return False
        index = self.filter_model.mapFromSource(self.model.index(row, LABEL))
        if not index.isValid() and not reveal:
            return False
        if not index.isValid():
            self.label_filter.setCurrentIndex(0)
            self.tag_filter.setCurrentIndex(0)
            self.verdict_filter.setCurrentIndex(0)
            self.text_filter.clear()
            self.review_filter.setChecked(False)
            index = self.filter_model.mapFromSource(self.model.index(row, LABEL))
        self.table.blockSignals(not emit)
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        self.table.selectionModel().blockSignals(not emit)
        self.table.selectionModel().setCurrentIndex(index, flags)
        self.table.selectionModel().blockSignals(False)
        self.table.blockSignals(False)
        self.table.scrollTo(index)
        self._show_detail()
        return True

    def _selection_changed(self) -> None:
        self._show_detail()
        annotation_id = self.selected_id()
        if annotation_id is not None:
            self.annotation_selected.emit(annotation_id)

    def _show_detail(self) -> None:
        annotation = self.selected()
        editable = annotation is not None and self.controller.can_edit
        self.detail.setEnabled(editable)
        self.accept_button.setVisible(annotation is not None and annotation.status in ("moved", "fuzzy"))
        if annotation is None:
            self.tags_edit.clear()
            self.note_edit.clear()
            self.byline.clear()
            return
        self.byline.setText(byline(annotation))
        self.label_edit.setCurrentText(annotation.label)
        self.tags_edit.setText(", ".join(annotation.tags))
        self.verdict_edit.setCurrentIndex(self.verdict_edit.findText(annotation.verdict) if annotation.verdict else 0)
        if self.note_edit.toPlainText() != annotation.note:
            self.note_edit.setPlainText(annotation.note)

    # -- edits -------------------------------------------------------------------------

    def _update(self, field: str, value) -> None:
        annotation = self.selected()
        if annotation is None or getattr(annotation, field) == (tuple(value) if isinstance(value, list) else value):
            return
        self.controller.edit(UpdateAnnotation(annotation.id, {field: value}))

    def save_note(self) -> None:
        self._update("note", self.note_edit.toPlainText())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if watched is self.note_edit and event.type() == QEvent.Type.FocusOut:
            self.save_note()
        return super().eventFilter(watched, event)

    def delete_selected(self) -> None:
        annotation = self.selected()
        if annotation is not None:
            self.controller.edit(RemoveAnnotation(annotation.id))

    def accept_position(self) -> None:
        """Confirm where re-anchoring put a moved or fuzzy annotation."""
        annotation = self.selected()
        if annotation is not None and annotation.status in ("moved", "fuzzy"):
            self.controller.edit(MoveSpan(annotation.id, annotation.start, annotation.end))

    def adjust_span(self) -> None:
        annotation = self.selected()
        span = self.controller.selected_span()
        if annotation is None:
            return
        if span is None:
            self.controller.status("Select the new text in the article first.")
            return
        self.controller.edit(MoveSpan(annotation.id, *span))
