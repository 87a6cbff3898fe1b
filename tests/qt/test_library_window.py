"""The Library view: File → Open Folder…, the articles table, search, sources chart, live updates."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from annotator.core.library.overview import ArticleSummary
from annotator.qt.library.articles_model import ArticlesFilterModel, LibraryArticlesModel
from tests.core.library_support import annotate, build_collection


@pytest.fixture
def collection(tmp_path) -> Path:
    return build_collection(tmp_path / "desk")


def open_folder(qtbot, window, folder: Path, monkeypatch) -> None:
    """Open ``folder`` through File → Open Folder… as the user would, and wait for the index."""
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *args, **kwargs: str(folder))
    panel = window.library_dock.panel
    with qtbot.waitSignal(panel.indexed, timeout=60000):
        window.library_dock.open_action.trigger()


def test_models_pass_qtmodeltester(qtmodeltester):
    model = LibraryArticlesModel()
    model.set_articles([
        ArticleSummary("a.txt", "Harbour", "Echo", "", "2026-01-02", 3, 2, 1, {"False": 1}),
        ArticleSummary("b/c.md", "", "", "", "", 0, 0, 0, {}),
    ])
    qtmodeltester.check(model)
    proxy = ArticlesFilterModel()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy)


@pytest.mark.gui
def test_open_folder_is_in_the_file_menu_and_fills_the_articles_table(qtbot, real_window, collection, monkeypatch):
    window = real_window
    file_menu = next(action.menu() for action in window.menuBar().actions() if action.text() == "&File")
    assert window.library_dock.open_action in file_menu.actions()
    open_folder(qtbot, window, collection, monkeypatch)
    panel = window.library_dock.panel
    assert window.library_dock.isVisible()
    proxy = panel.articles_proxy
    titles = [proxy.index(row, 0).data() for row in range(proxy.rowCount())]
    assert titles == ["Bridge closed for repairs", "Ferry fares to rise in spring", "Harbour plan approved after a long night"]
    assert "could not be read" in panel.status.text()
    panel.articles_view.sortByColumn(3, Qt.SortOrder.DescendingOrder)  # Quotes, as numbers
    assert [proxy.index(row, 3).data() for row in range(3)] == [3, 3, 1]
    qtbot.keyClicks(panel.filter_edit, "gazette")
    assert proxy.rowCount() == 1 and proxy.index(0, 1).data() == "Lowmoor Gazette"
    panel.filter_edit.clear()
    qtbot.keyClicks(panel.filter_edit, "unverifiable")  # the Verdicts column filters too
    assert [proxy.index(0, 0).data(), proxy.index(0, 6).data()] == ["Ferry fares to rise in spring", "Unverifiable 1"]
    assert proxy.rowCount() == 1


@pytest.mark.gui
def test_search_enter_and_open_the_article_at_the_hit(qtbot, real_window, collection, monkeypatch):
    window = real_window
    open_folder(qtbot, window, collection, monkeypatch)
    panel = window.library_dock.panel
    panel.tabs.setCurrentIndex(1)
    panel.search_edit.setFocus()
    qtbot.keyClicks(panel.search_edit, "lorries")
    qtbot.keyClick(panel.search_edit, Qt.Key.Key_Return)
    assert panel.results.topLevelItemCount() == 1
    article = panel.results.topLevelItem(0)
    assert article.text(0) == "Bridge closed for repairs (2)"
    hit = panel.results.currentItem()
    assert "«lorries»" in hit.text(0)
    with qtbot.waitSignal(window.article_changed, timeout=20000):
        panel.results.setFocus()
        qtbot.keyClick(panel.results, Qt.Key.Key_Return)
    assert window.current.path.name == "bridge.md"
    start, end = window.view.selected_span()
    assert window.current.article.text[start:end] in ("“The bridge is not safe for lorries,”", "lorries")


@pytest.mark.gui
def test_sources_chart_exports_png_and_svg(qtbot, real_window, collection, monkeypatch, tmp_path):
    window = real_window
    open_folder(qtbot, window, collection, monkeypatch)
    panel = window.library_dock.panel
    panel.tabs.setCurrentIndex(2)
    chart = panel.chart
    assert chart is not None
    assert [row.name for row in chart.rows] == ["Ruth Alder", "Kofi Mensah", "a resident", "Ines Caldwell",
                                                 "Tom Briggs", "(unattributed)"]
    assert panel.voice_table.topLevelItem(0).text(0) == "Ruth Alder"
    assert panel.voice_table.topLevelItem(0).text(2) == "28.6%"
    png, svg = tmp_path / "voice.png", tmp_path / "voice.svg"
    for path, kind in ((png, "png"), (svg, "svg")):
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, _p=path, **kwargs: (str(_p), ""))
        qtbot.mouseClick(panel.png_button if kind == "png" else panel.svg_button, Qt.MouseButton.LeftButton)
    assert png.read_bytes().startswith(b"\x89PNG")
    text = svg.read_text(encoding="utf-8")
    assert "<svg" in text and "Ruth Alder" in text


@pytest.mark.gui
def test_the_view_follows_changes_in_the_folder(qtbot, real_window, collection, monkeypatch):
    window = real_window
    open_folder(qtbot, window, collection, monkeypatch)
    panel = window.library_dock.panel
    with qtbot.waitSignal(panel.indexed, timeout=30000):
        (collection / "news" / "ferry.html").unlink()
    assert panel.articles_proxy.rowCount() == 2
    with qtbot.waitSignal(panel.indexed, timeout=30000):
        annotate(collection / "news" / "bridge.md", ("not safe for lorries", "Claim", {"verdict": "False"}))
    rows = {panel.articles_model.article(row).path: panel.articles_model.article(row) for row in range(2)}
    assert rows["news/bridge.md"].verdicts == {"False": 1}


@pytest.mark.gui
def test_opening_an_article_from_the_table(qtbot, real_window, collection, monkeypatch):
    window = real_window
    open_folder(qtbot, window, collection, monkeypatch)
    panel = window.library_dock.panel
    index = panel.articles_proxy.index(2, 0)  # Harbour…, sorted by title
    with qtbot.waitSignal(window.article_changed, timeout=20000):
        panel.articles_view.activated.emit(index)
    assert window.current.path.name == "harbour.txt"


@pytest.mark.gui
def test_a_folder_indexed_before_shows_its_list_before_the_new_indexing_run_ends(qtbot, real_window, collection, monkeypatch):
    from annotator.core.library import index_folder

    index_folder(collection)  # indexed earlier, e.g. by 'annotator library index' or a previous session
    (collection / "late.txt").write_text("Late arrival\n\n“We came late,” said Ada Pike.\n", encoding="utf-8")
    panel = real_window.library_dock.panel
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *args, **kwargs: str(collection))
    with qtbot.waitSignal(panel.indexed, timeout=60000):
        real_window.library_dock.open_action.trigger()
        # Before the run ends: the three articles the index already held are listed.
        assert panel.articles_model.rowCount() == 3
    assert panel.articles_model.rowCount() == 4  # and the new one once the run has read it


def test_sorting_by_a_column_sorts_the_articles_by_value_and_keeps_persistent_indexes(qtmodeltester):
    from PySide6.QtCore import QPersistentModelIndex

    model = LibraryArticlesModel()
    model.set_articles([
        ArticleSummary("a.txt", "harbour", "Echo", "", "2026-01-02", 3, 2, 1, {}),
        ArticleSummary("b.txt", "Bridge", "Gazette", "", "2026-01-01", 12, 0, 0, {}),
        ArticleSummary("c.txt", "ferry", "Echo", "", "2026-01-03", 7, 1, 0, {}),
    ])
    proxy = ArticlesFilterModel()
    proxy.setSourceModel(model)
    kept = QPersistentModelIndex(model.index(0, 0))  # the harbour row
    proxy.sort(3, Qt.SortOrder.DescendingOrder)  # Quotes, as numbers: 12, 7, 3 (not "7" > "3" > "12")
    assert [proxy.index(row, 3).data() for row in range(3)] == [12, 7, 3]
    assert kept.row() == 2 and kept.data() == "harbour"
    proxy.sort(0, Qt.SortOrder.AscendingOrder)  # titles without case
    assert [proxy.index(row, 0).data() for row in range(3)] == ["Bridge", "ferry", "harbour"]
    model.set_articles([*(model.article(row) for row in range(3)), ArticleSummary("d.txt", "Anchor", "", "", "", 0, 0, 0, {})])
    assert proxy.index(0, 0).data() == "Anchor"  # new rows arrive in the chosen order
    qtmodeltester.check(proxy)
