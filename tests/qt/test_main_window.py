"""The reading window driven as a user drives it: open, click, select, find, drop, close."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QGuiApplication, QTextCursor
from PySide6.QtWidgets import QApplication

from annotator.qt.window.main_window import MainWindow
from annotator.qt.sidebar.people_model import NAME
from tests.qt.conftest import HARBOUR, SEED_ARTICLE, open_and_wait

pytestmark = pytest.mark.gui


def click_quote(qtbot, window: MainWindow, quote_id: str) -> None:
    panel = window.sidebar.quotes
    window.sidebar.setCurrentWidget(panel)
    row = panel.model.row_of(quote_id)
    index = panel.filter_model.mapFromSource(panel.model.index(row, 0))
    panel.list.scrollTo(index)
    rect = panel.list.visualRect(index)
    qtbot.mouseClick(panel.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def click_person(qtbot, window: MainWindow, person_id: str) -> None:
    panel = window.sidebar.people
    window.sidebar.setCurrentWidget(panel)
    index = panel.sort_model.mapFromSource(panel.model.index(panel.model.row_of(person_id), NAME))
    rect = panel.table.visualRect(index)
    qtbot.mouseClick(panel.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def point_of_offset(window: MainWindow, offset: int) -> QPoint:
    cursor = QTextCursor(window.view.document())
    cursor.setPosition(window.view.position_map.to_document(offset))
    return window.view.cursorRect(cursor).center()


def test_opening_shows_title_counts_and_status(qtbot, window):
    open_and_wait(qtbot, window, HARBOUR)
    assert "harbour_article.txt" in window.windowTitle()
    assert window.sidebar.tab_title(window.sidebar.quotes) == "Quotes (5)"
    assert window.sidebar.tab_title(window.sidebar.people) == "People (3)"
    assert window.status.file_label.text() == "harbour_article.txt"
    assert window.status.quotes_label.text() == "5 quotes"
    assert window.status.people_label.text() == "3 people"
    assert window.status.words_label.text().endswith(" words")
    assert not window.status.busy.isVisible()
    assert window.view.article.text == HARBOUR.read_text(encoding="utf-8")


def test_clicking_a_quote_selects_exactly_its_span(qtbot, window):
    open_and_wait(qtbot, window, HARBOUR)
    quote = window.current.extraction.quotes[1]  # contains 🔥: positions shift by one after it
    click_quote(qtbot, window, quote.id)
    cursor = window.view.textCursor()
    span = window.view.position_map.span_to_text(cursor.selectionStart(), cursor.selectionEnd())
    assert span == (quote.start, quote.end)
    assert window.view.selected_text() == quote.text
    assert cursor.selectedText() == quote.text  # no line break inside, so Qt's text is the same


def test_quote_after_emoji_and_nbsp_is_still_exact(qtbot, window):
    open_and_wait(qtbot, window, HARBOUR)
    quotes = window.current.extraction.quotes
    for quote in quotes:
        click_quote(qtbot, window, quote.id)
        assert window.view.selected_span() == (quote.start, quote.end)
        assert window.view.selected_text() == window.current.article.text[quote.start : quote.end]


def test_hovering_a_quote_names_its_speaker(qtbot, window):
    open_and_wait(qtbot, window, HARBOUR)
    quote = window.current.extraction.quotes[2]
    window.view.scroll_to_offset(quote.start)
    tip = window.view.tooltip_at(point_of_offset(window, quote.start + 5))
    assert tip is not None and "Tomasz Wiśniewski, harbour master" in tip
    window.view.scroll_to_offset(0, margin_fraction=0)
    assert window.view.tooltip_at(point_of_offset(window, 3)) is None  # the headline is no quote


def test_selecting_a_person_marks_mentions_and_filters_quotes(qtbot, window):
    open_and_wait(qtbot, window, HARBOUR)
    person = window.current.extraction.person("p1")
    click_person(qtbot, window, "p1")
    marks = window.view.extraSelections()
    assert len(marks) == len(person.mentions) == 4
    marked = {window.view.position_map.span_to_text(m.cursor.selectionStart(), m.cursor.selectionEnd()) for m in marks}
    assert marked == {(m.start, m.end) for m in person.mentions}
    assert {m.format.background().color().name() for m in marks} == {window.view.colors.mention_background.name()}
    assert window.sidebar.tab_title(window.sidebar.quotes) == "Quotes (3/5)"
    qtbot.keyClick(window.sidebar.people.table, Qt.Key.Key_Escape)
    assert window.view.extraSelections() == []
    assert window.sidebar.tab_title(window.sidebar.quotes) == "Quotes (5)"


def test_person_without_quotes_filters_quotes_to_none(qtbot, window):
    open_and_wait(qtbot, window, HARBOUR)
    click_person(qtbot, window, "p3")
    assert len(window.view.extraSelections()) == 1
    assert window.sidebar.tab_title(window.sidebar.quotes) == "Quotes (0/5)"


def test_quotes_filter_by_text_and_speaker(qtbot, window):
    open_and_wait(qtbot, window, HARBOUR)
    panel = window.sidebar.quotes
    qtbot.keyClicks(panel.search, "WARNING")
    assert panel.filter_model.rowCount() == 1
    panel.search.clear()
    panel.speaker_box.setCurrentIndex(panel.speaker_box.findData("p2"))
    assert panel.filter_model.rowCount() == 2
    assert window.sidebar.tab_title(panel) == "Quotes (2/5)"


def test_copy_with_attribution(qtbot, window):
    open_and_wait(qtbot, window, HARBOUR)
    click_quote(qtbot, window, "q3")
    window.actions.copy_with_attribution.trigger()
    assert QGuiApplication.clipboard().text() == (
        "‘We sent the warning to every registered number’ — Tomasz Wiśniewski, harbour master"
    )


def test_copy_keeps_the_canonical_text(qtbot, window):
    open_and_wait(qtbot, window, HARBOUR)
    text = window.current.article.text
    start = text.index("6\u00a0pm")
    window.view.select_span(start - 10, start + 20)
    window.actions.copy.trigger()
    assert QGuiApplication.clipboard().text() == text[start - 10 : start + 20]
    assert "\u00a0" in QGuiApplication.clipboard().text()


def test_find_bar_counts_steps_and_closes(qtbot, window):
    open_and_wait(qtbot, window, HARBOUR)
    text = window.current.article.text
    expected = text.casefold().count("lefèvre")
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.find_bar.isVisible()
    qtbot.keyClicks(window.find_bar.field, "LEFÈVRE")
    assert window.find_bar.count_label.text() == f"1 of {expected}"
    assert window.view.selected_text() == "Lefèvre"
    qtbot.keyClick(window.find_bar.field, Qt.Key.Key_Return)
    assert window.find_bar.count_label.text() == f"2 of {expected}"
    qtbot.keyClick(window.find_bar.field, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert window.find_bar.count_label.text() == f"1 of {expected}"
    assert len(window.view.highlights.layer("find")) == expected
    qtbot.mouseClick(window.find_bar.case_box, Qt.MouseButton.LeftButton)
    assert window.find_bar.count_label.text() == "No matches"
    qtbot.keyClick(window.find_bar.field, Qt.Key.Key_Escape)
    assert not window.find_bar.isVisible()
    assert window.view.highlights.layer("find") == []


def test_dropping_a_file_opens_it(qtbot, window):
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(HARBOUR))])
    enter = QDragEnterEvent(QPoint(50, 50), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    drop = QDropEvent(QPointF(50, 50), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    with qtbot.waitSignal(window.article_changed, timeout=20000):
        QApplication.sendEvent(window, drop)
    assert window.current.path == HARBOUR


def test_dragging_text_is_refused(qtbot, window):
    mime = QMimeData()
    mime.setText("not a file")
    enter = QDragEnterEvent(QPoint(5, 5), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, enter)
    assert not enter.isAccepted()


def test_unreadable_file_shows_error_and_keeps_article(qtbot, window, tmp_path):
    open_and_wait(qtbot, window, HARBOUR)
    before = window.view.toPlainText()
    binary = tmp_path / "photo.txt"
    binary.write_bytes(bytes(range(256)) * 64)
    with qtbot.waitSignal(window.loader.failed, timeout=20000):
        window.open_path(binary)
    box = window.error_dialog
    assert box is not None and box.isVisible()
    assert "photo.txt" in box.text()
    assert "harbour_article.txt is still open" in box.informativeText()
    assert window.current.path == HARBOUR
    assert window.view.toPlainText() == before
    assert "harbour_article.txt" in window.windowTitle()
    assert not window.status.busy.isVisible()


def test_close_and_open_recent(qtbot, window):
    open_and_wait(qtbot, window, HARBOUR)
    qtbot.keyClick(window, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)
    assert window.current is None
    assert window.windowTitle() == "Annotator"
    assert window.sidebar.tab_title(window.sidebar.quotes) == "Quotes (0)"
    assert window.view.extraSelections() == []
    window.recent_menu.rebuild()
    recent = [a for a in window.recent_menu.actions() if a.toolTip() == str(HARBOUR.resolve())]
    assert len(recent) == 1
    with qtbot.waitSignal(window.article_changed, timeout=20000):
        recent[0].trigger()
    assert window.current.path == HARBOUR


def test_zoom_shortcuts(qtbot, window):
    open_and_wait(qtbot, window, HARBOUR)
    size = window.view.point_size
    qtbot.keyClick(window, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert window.view.point_size == size + 1
    assert window.view.document().defaultFont().pointSizeF() == size + 1
    qtbot.keyClick(window, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert window.view.point_size == size - 1
    qtbot.keyClick(window, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert window.view.point_size == size
    assert window.view.article.text == HARBOUR.read_text(encoding="utf-8")


def test_zoom_and_theme_keep_selection_and_marks(qtbot, window):
    open_and_wait(qtbot, window, HARBOUR)
    click_person(qtbot, window, "p2")
    quote = window.current.extraction.quotes[3]
    window.view.select_span(quote.start, quote.end)
    window.actions.dark_theme.trigger()
    window.actions.zoom_in.trigger()
    assert window.view.selected_span() == (quote.start, quote.end)
    marks = window.view.extraSelections()
    assert len(marks) == len(window.current.extraction.person("p2").mentions)
    assert {m.format.background().color().name() for m in marks} == {window.view.colors.mention_background.name()}
    assert QApplication.instance().palette().base().color().lightness() < 80


def test_sidebar_collapses_and_returns(qtbot, window):
    window.actions.show_sidebar.trigger()
    assert window.splitter.sizes()[1] == 0
    window.actions.show_sidebar.trigger()
    assert window.splitter.sizes()[1] > 0


def test_shortcuts_are_listed_from_the_actions(window):
    from annotator.qt.window.help_dialogs import shortcut_rows

    rows = {name: keys.split(" or ") for name, keys in shortcut_rows(window.actions.all())}
    assert "Ctrl+O" in rows["Open"]
    assert "Ctrl+F" in rows["Find"]
    assert "Ctrl++" in rows["Zoom In"]
    assert "Ctrl+-" in rows["Zoom Out"]
    assert "Ctrl+0" in rows["Actual Size"]
    assert "Ctrl+Q" in rows["Quit"]
    assert "Ctrl+W" in rows["Close"]


def test_sample_article_opens_with_real_extraction(qtbot, real_window):
    from annotator.core.resources import sample_article_path

    open_and_wait(qtbot, real_window, sample_article_path())
    extraction = real_window.current.extraction
    assert real_window.sidebar.tab_title(real_window.sidebar.quotes) == f"Quotes ({len(extraction.quotes)})"
    assert real_window.sidebar.tab_title(real_window.sidebar.people) == f"People ({len(extraction.people)})"
    assert extraction.quotes, "the sample article is full of quotes"
    quote = extraction.quotes[0]
    click_quote(qtbot, real_window, quote.id)
    assert real_window.view.selected_span() == (quote.start, quote.end)
    assert real_window.view.selected_text() == real_window.current.article.text[quote.start : quote.end]


@pytest.mark.skipif(not SEED_ARTICLE.is_file(), reason="../shared corpus not present")
def test_seed_article_opens_and_people_are_marked(qtbot, real_window):
    open_and_wait(qtbot, real_window, SEED_ARTICLE)
    extraction = real_window.current.extraction
    assert real_window.sidebar.tab_title(real_window.sidebar.people) == f"People ({len(extraction.people)})"
    top = real_window.sidebar.people.model.person(0)
    click_person(qtbot, real_window, top.id)
    assert len(real_window.view.extraSelections()) == len(top.mentions)
    real_window.sidebar.people.select_person(None)
    for quote in extraction.quotes:
        click_quote(qtbot, real_window, quote.id)
        assert real_window.view.selected_text() == real_window.current.article.text[quote.start : quote.end]


def test_opening_a_missing_path_from_recent_reports_it(qtbot, window, tmp_path):
    with qtbot.waitSignal(window.loader.failed, timeout=20000):
        window.open_path(tmp_path / "gone.txt")
    assert window.error_dialog is not None
    assert "gone.txt" in window.error_dialog.text()
    assert window.current is None
    assert Path(tmp_path / "gone.txt").exists() is False


def test_text_shows_while_extraction_runs(qtbot, make_window):
    import threading

    from annotator.core.readers import read_article
    from tests.qt.conftest import harbour_extract

    release = threading.Event()

    def slow_extract(article):
        release.wait(20)
        return harbour_extract(article)

    window = make_window(read_article, slow_extract)
    try:
        with qtbot.waitSignal(window.loader.text_ready, timeout=20000):
            window.open_path(HARBOUR)
        assert window.view.article.text == HARBOUR.read_text(encoding="utf-8")
        assert window.status.busy.isVisible()
        assert "harbour_article.txt" in window.windowTitle()
        assert window.sidebar.tab_title(window.sidebar.quotes) == "Quotes (0)"
    finally:
        release.set()
    with qtbot.waitSignal(window.article_changed, timeout=20000):
        pass
    assert window.sidebar.tab_title(window.sidebar.quotes) == "Quotes (5)"
    assert not window.status.busy.isVisible()


def test_failed_extraction_keeps_the_text_and_says_so(qtbot, make_window, capsys):
    from annotator.core.readers import read_article

    def broken_extract(article):
        raise RuntimeError("extractor bug")

    window = make_window(read_article, broken_extract)
    open_and_wait(qtbot, window, HARBOUR)
    assert window.view.article.text == HARBOUR.read_text(encoding="utf-8")
    assert window.error_dialog is not None
    assert "without quotes and people" in window.error_dialog.text()
    assert "extractor bug" in window.error_dialog.informativeText()
    assert "RuntimeError" in capsys.readouterr().err


def test_clicking_inside_a_quote_finds_it_in_the_quotes_tab(qtbot, window):
    open_and_wait(qtbot, window, HARBOUR)
    quote = window.current.extraction.quotes[3]
    window.view.scroll_to_offset(quote.start)
    qtbot.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton, pos=point_of_offset(window, quote.start + 4))
    assert window.sidebar.quotes.current_quote() is quote
    assert window.view.selected_span() is None  # the reader's click is not turned into a selection


def test_right_click_on_a_quote_offers_copy_with_attribution(qtbot, window):
    open_and_wait(qtbot, window, HARBOUR)
    quote = window.current.extraction.quotes[2]
    window.view.scroll_to_offset(quote.start)
    actions = window.view.context_actions_at(point_of_offset(window, quote.start + 3))
    assert [action.text() for action in actions] == ["Copy Quote with Attribution"]
    actions[0].trigger()
    assert QGuiApplication.clipboard().text() == (
        "‘We sent the warning to every registered number’ — Tomasz Wiśniewski, harbour master"
    )
    window.view.scroll_to_offset(0, margin_fraction=0)
    assert window.view.context_actions_at(point_of_offset(window, 2)) == []


def test_help_keyboard_shortcuts_lists_each_action_once_with_readable_keys(qtbot, window):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from annotator.qt.window.help_dialogs import ShortcutsDialog

    seen: dict[str, str] = {}

    def read_and_close() -> None:
        dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, ShortcutsDialog) and w.isVisible())
        for row in range(dialog.table.rowCount()):
            seen[dialog.table.item(row, 0).text()] = dialog.table.item(row, 1).text()
        assert dialog.table.rowCount() == len(seen)  # each action once
        dialog.reject()

    QTimer.singleShot(0, read_and_close)
    window.actions.shortcuts.trigger()  # Help → Keyboard Shortcuts (modal until closed)
    assert seen["Copy"] == "Ctrl+C or Ctrl+Ins"
    assert seen["Open"] == "Ctrl+O"
    every_key = " ".join(seen.values())
    assert "F16" not in every_key and "F20" not in every_key
    assert not any(part.strip() in {"Copy", "Paste", "Cut", "Open", "Find", "Undo"} for part in every_key.replace(" or ", ",").split(","))
