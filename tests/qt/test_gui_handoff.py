"""Workers hand results and documents to the GUI thread through a mailbox, never a signal or a bare move."""

from __future__ import annotations

import threading
import time

import pytest
from PySide6.QtCore import QThread
from PySide6.QtGui import QTextDocument

from annotator.core.readers import read_article
from annotator.qt.article.article_view import ArticleView
from annotator.qt.article.document_builder import RenderedDocument
from annotator.qt.gui_handoff import GuiMailbox
from tests.qt.conftest import HARBOUR

pytestmark = pytest.mark.gui


def on_worker(work):
    """Run ``work()`` on a plain worker thread; its result or exception is kept."""
    outcome: dict[str, object] = {}

    def run() -> None:
        try:
            outcome["result"] = work()
        except BaseException as error:  # reported by the test, not lost in the thread
            outcome["error"] = error

    thread = threading.Thread(target=run)
    thread.start()
    return thread, outcome


def test_a_delivery_runs_on_the_gui_thread_with_its_arguments(qtbot, qapp):
    mailbox = GuiMailbox()
    received: list[tuple[object, bool]] = []

    def receive(value: object) -> None:
        received.append((value, QThread.currentThread() is qapp.thread()))

    thread, _ = on_worker(lambda: mailbox.deliver(receive, {"quotes": 3}))
    thread.join()
    qtbot.waitUntil(lambda: bool(received), timeout=5000)
    assert received == [({"quotes": 3}, True)]


def test_a_document_built_on_a_worker_is_moved_to_the_gui_thread_with_its_text(qtbot, qapp):
    mailbox = GuiMailbox()

    def build_and_move():
        document = QTextDocument()
        document.setPlainText("“We lost everything,” she said.")
        return document, mailbox.move_here(document)

    thread, outcome = on_worker(build_and_move)
    qtbot.waitUntil(lambda: "result" in outcome or "error" in outcome, timeout=5000)
    thread.join()
    document, moved = outcome["result"]
    assert moved is True
    assert document.thread() is qapp.thread()
    assert document.toPlainText() == "“We lost everything,” she said."


def test_a_worker_gives_up_at_once_when_the_gui_thread_will_not_come(qapp):
    mailbox = GuiMailbox()
    mailbox.abandon()  # as the window does before it waits for its workers at shutdown
    started = time.perf_counter()
    thread, outcome = on_worker(lambda: (document := QTextDocument(), mailbox.move_here(document), document.thread()))
    thread.join(timeout=5)  # the GUI thread is blocked here, as at shutdown: no event loop runs
    assert not thread.is_alive()
    _, moved, owner = outcome["result"]
    assert moved is False and owner is not qapp.thread()
    assert time.perf_counter() - started < 1.0


def test_a_deleted_mailbox_neither_delivers_nor_keeps_a_worker_waiting(qtbot):
    mailbox = GuiMailbox()
    mailbox.deleteLater()
    qtbot.waitUntil(lambda: not _alive(mailbox), timeout=5000)
    thread, outcome = on_worker(lambda: (mailbox.deliver(print, "never"), mailbox.move_here(QTextDocument())))
    thread.join(timeout=5)
    assert not thread.is_alive() and outcome["result"] == (None, False)


def _alive(qobject) -> bool:
    try:
        qobject.objectName()
    except RuntimeError:
        return False
    return True


def test_the_view_builds_the_document_itself_when_the_worker_could_not_hand_it_over(qtbot):
    view = ArticleView()
    qtbot.addWidget(view)
    article = read_article(HARBOUR)
    renderer = view.document_renderer()
    view.mailbox.abandon()
    thread, outcome = on_worker(lambda: renderer(article))
    thread.join(timeout=5)
    rendered = outcome["result"]
    assert isinstance(rendered, RenderedDocument) and rendered.document is None
    view.show_article(article, rendered)
    assert view.article is article and view.document().characterCount() == len(article.text.encode("utf-16-le")) // 2 + 1
    assert view.document().thread() is view.thread()


def test_the_loader_hands_the_window_a_document_it_built_on_its_worker(qtbot, window):
    with qtbot.waitSignal(window.loader.text_ready, timeout=20000) as blocker:
        window.open_path(HARBOUR)
    (read,) = blocker.args
    assert isinstance(read.rendered, RenderedDocument) and read.rendered.document is not None
    qtbot.waitUntil(lambda: window.view.document() is read.rendered.document, timeout=5000)
    assert window.view.document().thread() is window.thread()


def test_moving_an_object_already_on_the_gui_thread_neither_waits_nor_moves(qapp):
    mailbox = GuiMailbox()
    document = QTextDocument()
    started = time.perf_counter()
    assert mailbox.move_here(document) is True
    assert document.thread() is qapp.thread() and time.perf_counter() - started < 0.5
