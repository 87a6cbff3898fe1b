"""Item models of the Quotes tab: one row per extracted quote, and its filter.

``QuotesModel`` adapts ``Extraction.quotes`` (in text order) for a list view; the roles
below carry what the delegate paints and what the window needs to act on a row.
``QuotesFilterModel`` narrows it to one speaker and/or a text query, both of which the
user sets from the Quotes tab or by selecting a person.

A quote interrupted by its attribution is one row: its text roles give the parts joined by
`` … `` (``Quote.display_text``), never the attribution between them, while ``START_ROLE``
and the quote itself still cover the whole span, so that selecting the row selects it all.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from annotator.core.extraction.model import Extraction, Quote
from annotator.qt.sidebar.attribution import speaker_key, speaker_label
from annotator.qt.sidebar.predicate_filter import ACCEPT_ROLE, PredicateFilterModel, RowFilterSource
from annotator.qt.sidebar.quote_lookup import in_text_order

ModelIndex = QModelIndex | QPersistentModelIndex

SPEAKER_ROLE = Qt.ItemDataRole.UserRole + 1
TEXT_ROLE = Qt.ItemDataRole.UserRole + 2
KIND_ROLE = Qt.ItemDataRole.UserRole + 3
QUOTE_ID_ROLE = Qt.ItemDataRole.UserRole + 4
SPEAKER_ID_ROLE = Qt.ItemDataRole.UserRole + 5
START_ROLE = Qt.ItemDataRole.UserRole + 6
ROLE_ROLE = Qt.ItemDataRole.UserRole + 7
SPEAKER_KEY_ROLE = Qt.ItemDataRole.UserRole + 8
CORRECTED_ROLE = Qt.ItemDataRole.UserRole + 9  # the reader corrected this quote (core/corrections)


class QuotesModel(RowFilterSource, QAbstractListModel):
    """The quotes of one extraction, in the order they appear in the article."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._quotes: list[Quote] = []
        self._roles: dict[str, str | None] = {}

    def set_extraction(self, extraction: Extraction | None, ordered: list[Quote] | None = None) -> None:
        """Show ``extraction``'s quotes; ``ordered`` is them already in text order, when known."""
        self.beginResetModel()
        if extraction is None:
            self._quotes = []
        else:
            self._quotes = list(ordered) if ordered is not None else in_text_order(extraction.quotes)
        self._roles = {person.id: person.role for person in (extraction.people if extraction else [])}
        self.endResetModel()

    def quote(self, row: int) -> Quote:
        return self._quotes[row]

    def quotes(self) -> list[Quote]:
        return list(self._quotes)

    def row_of(self, quote_id: str) -> int:
        return next((row for row, quote in enumerate(self._quotes) if quote.id == quote_id), -1)

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: N802 (Qt override)
        return 0 if parent.isValid() else len(self._quotes)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._quotes) or index.column() != 0:
            return None
        quote = self._quotes[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{speaker_label(quote)}: {quote.display_text}"
        if role == Qt.ItemDataRole.ToolTipRole:
            kind = f"{quote.kind}, in {len(quote.parts)} parts" if quote.parts else quote.kind
            tip = f"{quote.display_text}\n— {speaker_label(quote)} ({kind})"
            if quote.corrected:
                said = (quote.proposed or {}).get("speaker") if quote.proposed is not None else None
                tip += "\nCorrected by you; " + (
                    f"the extractor said {said or 'unattributed'}" if quote.proposed is not None else "missed by the extractor"
                )
            return tip
        if role == CORRECTED_ROLE:
            return quote.corrected
        if role == SPEAKER_ROLE:
            return speaker_label(quote)
        if role == TEXT_ROLE:
            return quote.display_text
        if role == ACCEPT_ROLE:
            return self.accept_role_value(index.row())
        if role == KIND_ROLE:
            return quote.kind
        if role == QUOTE_ID_ROLE:
            return quote.id
        if role == SPEAKER_ID_ROLE:
            return quote.speaker_id
        if role == SPEAKER_KEY_ROLE:
            return speaker_key(quote)
        if role == START_ROLE:
            return quote.start
        if role == ROLE_ROLE:
            return self._roles.get(quote.speaker_id) if quote.speaker_id else None
        return None


class QuotesFilterModel(PredicateFilterModel):
    """Quotes by one speaker (see ``attribution.speaker_key``) whose text matches a query."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._speaker_id: str | None = None
        self._query = ""

    @property
    def speaker_id(self) -> str | None:
        return self._speaker_id

    def set_speaker_id(self, speaker_id: str | None) -> None:
        """Keep only quotes with this speaker key (a person id, or the label of an unnamed one)."""
        if speaker_id != self._speaker_id:
            self._speaker_id = speaker_id
            self._refilter()

    def set_query(self, query: str) -> None:
        """Keep only quotes whose text or speaker contains ``query`` (case-insensitive)."""
        query = query.strip().casefold()
        if query != self._query:
            self._query = query
            self._refilter()

    def setSourceModel(self, model) -> None:  # noqa: N802 (Qt override)
        super().setSourceModel(model)
        self._refilter()

    def _refilter(self) -> None:
        model = self.sourceModel()
        if not isinstance(model, QuotesModel) or (self._speaker_id is None and not self._query):
            self.set_row_filter(None)
            return
        speaker_id, query = self._speaker_id, self._query

        def accepts(row: int) -> bool:
            quote = model.quote(row)
            if speaker_id is not None and speaker_key(quote) != speaker_id:
                return False
            if query:
                return query in f"{quote.display_text}\n{speaker_label(quote)}".casefold()
            return True

        self.set_row_filter(accepts)
