"""The sidebar at the default window size: wide enough for its columns, its width remembered."""

from __future__ import annotations

import pytest
from annotator.qt.window.main_window import DEFAULT_SIDEBAR_WIDTH, DEFAULT_SIZE
from tests.qt.conftest import HARBOUR, open_and_wait

pytestmark = pytest.mark.gui


def test_the_people_columns_fit_without_cutting_names_or_roles(qtbot, window):
    open_and_wait(qtbot, window, HARBOUR)
    assert (window.width(), window.height()) == DEFAULT_SIZE
    assert window.splitter.sizes()[1] == DEFAULT_SIDEBAR_WIDTH
    window.sidebar.setCurrentWidget(window.sidebar.people)
    table = window.sidebar.people.table
    qtbot.waitUntil(table.isVisible)
    metrics = table.fontMetrics()
    model = table.model()
    for row in range(model.rowCount()):
        for column in (0, 1):
            text = model.index(row, column).data() or ""
            assert table.columnWidth(column) >= metrics.horizontalAdvance(text), (row, column, text)
    assert not table.horizontalScrollBar().isVisible()


def test_the_sidebar_keeps_the_width_the_reader_gave_it(qtbot, make_window):
    window = make_window()
    total = sum(window.splitter.sizes())
    window.splitter.setSizes([total - 530, 530])
    window.close()  # saves the settings
    again = make_window()
    assert again.splitter.sizes()[1] == 530
    again.set_sidebar_visible(False)
    again.set_sidebar_visible(True)
    assert again.splitter.sizes()[1] > 0
    assert again.actions.show_sidebar.isChecked()
