"""The filter proxies ask Python about rows only while a filter is set."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QAbstractListModel, QModelIndex, Qt

from annotator.qt.sidebar.predicate_filter import ACCEPT_ROLE, PredicateFilterModel, RowFilterSource

pytestmark = pytest.mark.gui


class Words(RowFilterSource, QAbstractListModel):
    def __init__(self, words: list[str]) -> None:
        super().__init__()
        self.words = words
        self.accept_questions = 0

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.words)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        if role == ACCEPT_ROLE:
            self.accept_questions += 1
            return self.accept_role_value(index.row())
        if role == Qt.ItemDataRole.DisplayRole:
            return self.words[index.row()]
        return None

    def replace(self, words: list[str]) -> None:
        self.beginResetModel()
        self.words = words
        self.endResetModel()


def shown(proxy: PredicateFilterModel) -> list[str]:
    return [proxy.index(row, 0).data() for row in range(proxy.rowCount())]


def test_unfiltered_resets_ask_nothing_and_filters_ask_each_row(qtmodeltester):
    words = Words([f"word{n}" for n in range(1000)])
    proxy = PredicateFilterModel()
    proxy.setSourceModel(words)
    qtmodeltester.check(proxy)
    words.replace([f"other{n}" for n in range(1000)])
    assert proxy.rowCount() == 1000
    assert words.accept_questions == 0

    proxy.set_row_filter(lambda row: words.words[row].endswith("7"))
    assert shown(proxy) == [w for w in words.words if w.endswith("7")]
    assert words.accept_questions >= 1000

    proxy.set_row_filter(lambda row: words.words[row].endswith("99"))  # same pattern, new predicate
    assert shown(proxy) == [w for w in words.words if w.endswith("99")]

    proxy.set_row_filter(None)
    asked = words.accept_questions
    words.replace(list(words.words))
    assert proxy.rowCount() == 1000
    assert words.accept_questions == asked
    qtmodeltester.check(proxy)
