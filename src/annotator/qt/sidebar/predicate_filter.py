"""A filter proxy that asks Python about each row only while a filter is set.

Overriding ``QSortFilterProxyModel.filterAcceptsRow`` in Python makes Qt call into Python
once per row at every reset, filtered or not. While the loader's worker runs Python, each of
those calls first waits for the interpreter: listing 10,000 annotations as a new article's text
appeared held the window 0.1–0.2 s, 52,000 quotes about as long (measured). Here the proxy
filters natively on ``ACCEPT_ROLE``: with no filter its pattern is empty and Qt accepts every
row without asking; with one, the source model answers ``ACCEPT_ROLE`` from ``row_filter``.

Source models mix in ``RowFilterSource``: they hold ``row_filter`` (a predicate on their
own rows, or None) and return ``accept_role_value(row)`` for ``ACCEPT_ROLE``.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QSortFilterProxyModel, Qt

ACCEPT_ROLE = Qt.ItemDataRole.UserRole + 64
_ACCEPTED = "1"
_REFUSED = "0"

RowPredicate = Callable[[int], bool]


class RowFilterSource:
    """What a source model of ``PredicateFilterModel`` keeps and answers."""

    row_filter: RowPredicate | None = None

    def accept_role_value(self, row: int) -> str:
        row_filter = self.row_filter
        return _ACCEPTED if row_filter is None or row_filter(row) else _REFUSED


class PredicateFilterModel(QSortFilterProxyModel):
    """Shows the source rows its predicate accepts; see the module docstring."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setFilterRole(ACCEPT_ROLE)

    def set_row_filter(self, predicate: RowPredicate | None) -> None:
        """Filter by ``predicate(source_row)`` (None: every row, without asking Python)."""
        source = self.sourceModel()
        self.beginFilterChange()
        if isinstance(source, RowFilterSource):
            source.row_filter = predicate
        pattern = _ACCEPTED if predicate is not None else ""
        if self.filterRegularExpression().pattern() != pattern:
            self.setFilterFixedString(pattern)
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
