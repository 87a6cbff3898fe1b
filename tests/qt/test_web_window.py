"""The web in the window, driven as a user would: Ctrl+L, a dropped link, Compare Versions."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from annotator.core.annotations import AnnotationStore
from annotator.core.readers import read_article
from annotator.qt.web.url_dialog import OpenUrlDialog
from tests.core.annotations_support import annotate
from tests.core.web_pages import STORY_V1, STORY_V2, html_page
from tests.core.web_server import PageServer

pytestmark = pytest.mark.gui


@pytest.fixture
def server():
    with PageServer() as running:
        yield running


@pytest.fixture
def web_window(real_window, tmp_path):
    real_window.web.root = tmp_path / "web"
    yield real_window
    real_window.web.wait(10000)


def url_dialog(window) -> OpenUrlDialog:
    dialogs = [d for d in window.findChildren(OpenUrlDialog) if d.isVisible()]
    assert len(dialogs) == 1
    return dialogs[0]


def press_ctrl_l(qtbot, window) -> None:
    window.activateWindow()  # back in the window after a dialog, as a click would bring it
    window.view.setFocus()
    qtbot.waitUntil(window.view.hasFocus)
    qtbot.keyClick(window.view, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)


def fetch_with_ctrl_l(qtbot, window, url: str) -> None:
    press_ctrl_l(qtbot, window)
    dialog = url_dialog(window)
    open_button = dialog.buttons.button(QDialogButtonBox.StandardButton.Open)
    assert not open_button.isEnabled()  # nothing typed yet
    qtbot.keyClicks(dialog.line, url)
    assert open_button.isEnabled()
    with qtbot.waitSignal(window.article_changed, timeout=30000):
        qtbot.keyClick(dialog.line, Qt.Key.Key_Return)


def test_ctrl_l_fetches_the_page_and_opens_it_without_freezing(qtbot, web_window, server, tmp_path):
    url = server.page("/news/bridge", html_page(STORY_V1), delay=0.6)
    ticks = []
    timer = QTimer(web_window)
    timer.timeout.connect(lambda: ticks.append(web_window.web.job.running))
    timer.start(20)
    fetch_with_ctrl_l(qtbot, web_window, url)
    timer.stop()
    assert sum(ticks) >= 10  # the event loop ran on while the site took its time

    path = web_window.current.path
    assert path.parent.parent == tmp_path / "web" and path.suffix == ".html"
    assert "ending two years of argument" in web_window.view.article.text
    assert web_window.view.article.metadata["url"] == url
    fetched = web_window.view.article.metadata["fetched"]
    assert f"Fetched {fetched}" in web_window.header.text() and f'href="{url}"' in web_window.header.text()
    assert "first version" in web_window.status.currentMessage()
    assert not web_window.web.compare_action.isEnabled()  # one version: nothing to compare


def test_the_url_box_accepts_only_web_addresses(qtbot, web_window):
    press_ctrl_l(qtbot, web_window)
    dialog = url_dialog(web_window)
    qtbot.keyClicks(dialog.line, "story.html")
    assert not dialog.buttons.button(QDialogButtonBox.StandardButton.Open).isEnabled()
    qtbot.keyClick(dialog.line, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and not web_window.web.job.running


def test_a_failed_fetch_says_why_and_keeps_the_open_article(qtbot, web_window, server, tmp_path):
    fetch_with_ctrl_l(qtbot, web_window, server.page("/news/bridge", html_page(STORY_V1)))
    shown = web_window.current.path
    press_ctrl_l(qtbot, web_window)
    dialog = url_dialog(web_window)
    qtbot.keyClicks(dialog.line, server.url("/gone"))
    with qtbot.waitSignal(web_window.web.fetch_failed, timeout=30000) as failure:
        qtbot.keyClick(dialog.line, Qt.Key.Key_Return)
    assert "404" in failure.args[0]
    box = web_window.web.error_dialog
    assert box is not None and box.isVisible() and "404" in box.informativeText()
    box.close()
    assert web_window.current.path == shown
    assert sorted(p.name for p in (tmp_path / "web").iterdir()) == [shown.parent.name]


def test_a_link_dropped_on_the_window_is_fetched_and_opened(qtbot, web_window, server):
    url = server.page("/news/bridge", html_page(STORY_V1))
    mime = QMimeData()
    mime.setUrls([QUrl(url)])
    enter = QDragEnterEvent(QPoint(50, 50), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(web_window, enter)
    assert enter.isAccepted()
    drop = QDropEvent(QPointF(50, 50), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    with qtbot.waitSignal(web_window.article_changed, timeout=30000):
        QApplication.sendEvent(web_window, drop)
    assert drop.isAccepted()
    assert web_window.view.article.metadata["url"] == url


def test_compare_versions_marks_changes_flags_quotes_and_lists_highlights(qtbot, web_window, server):
    url = server.page("/news/bridge", html_page(STORY_V1))
    fetch_with_ctrl_l(qtbot, web_window, url)
    web_window.close_article()
    path = next((web_window.web.root).glob("*/*.html"))
    store = AnnotationStore.open(read_article(path))
    annotate(store.annotations, "will cost less than any road we could build")
    annotate(store.annotations, "who leads the cycling club", label="Quote")
    store.save()

    server.page("/news/bridge", html_page(STORY_V2))
    fetch_with_ctrl_l(qtbot, web_window, url)
    message = web_window.status.currentMessage()
    assert "version 2" in message and "1 quote removed" in message and "1 needs review" in message
    assert web_window.web.compare_action.isEnabled()

    view_menu = next(m for m in web_window.menuBar().findChildren(type(web_window.annotate_menu)) if m.title() == "&View")
    assert web_window.web.compare_action in view_menu.actions()
    web_window.web.compare_action.trigger()
    dialog = web_window.web.compare_dialog
    assert dialog is not None
    if dialog.diff is None:
        with qtbot.waitSignal(dialog.diff_shown, timeout=30000):
            pass
    assert "2 sentences changed" in dialog.summary.text()
    html = dialog.text.toHtml()
    assert "line-through" in html and ">two<" in html and ">three<" in html
    assert "ending twothree years" in dialog.text.toPlainText()  # struck "two", then "three"
    quotes = [dialog.quotes.item(i).text() for i in range(dialog.quotes.count())]
    assert any(q.startswith("⚑ removed — Tomas Lind") for q in quotes)
    assert any(q.startswith("⚑ changed — Anna Berg") and "2029" in q for q in quotes)
    highlights = [dialog.highlights.item(i).text() for i in range(dialog.highlights.count())]
    assert "Quote: “who leads the cycling club” — needs review" in highlights
    assert any(h.startswith("Claim: “will cost less") and h.endswith("— moved") for h in highlights)

    qtbot.mouseClick(dialog.side_by_side, Qt.MouseButton.LeftButton)
    assert dialog.old_text.isVisible()
    assert "ending two years of argument" in dialog.old_text.toPlainText()
    assert "ending three years of argument" in dialog.text.toPlainText()
    assert "line-through" in dialog.old_text.toHtml() and "line-through" not in dialog.text.toHtml()
    qtbot.mouseClick(dialog.side_by_side, Qt.MouseButton.LeftButton)
    assert not dialog.old_text.isVisible() and "ending twothree years" in dialog.text.toPlainText()

    dialog.old_box.setCurrentIndex(1)  # version 2 with itself: nothing changed
    with qtbot.waitSignal(dialog.diff_shown, timeout=30000):
        pass
    assert "no change in the text" in dialog.summary.text()
    dialog.close()
