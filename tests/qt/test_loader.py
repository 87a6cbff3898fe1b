"""Loading off the GUI thread: results, failures, and only the latest request counts."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from annotator.core.article import ArticleError
from annotator.qt.loader import ArticleLoader, count_words
from tests.qt.conftest import HARBOUR, harbour_load

pytestmark = pytest.mark.gui


def test_count_words_counts_contractions_and_hyphenated_words_once():
    assert count_words("Don’t stop — the half-built wall, 6\u00a0pm.") == 7


def test_load_runs_off_the_gui_thread(qtbot):
    threads = []

    def load(path: Path):
        threads.append(threading.current_thread())
        return harbour_load(path)

    loader = ArticleLoader(load)
    with qtbot.waitSignal(loader.loaded, timeout=20000) as blocker:
        loader.load(HARBOUR)
    assert blocker.args[0].path == HARBOUR
    assert threads and threads[0] is not threading.main_thread()
    assert not loader.busy


def test_article_error_message_reaches_the_user(qtbot):
    def load(path: Path):
        raise ArticleError(f"{path.name} is not a text file")

    loader = ArticleLoader(load)
    with qtbot.waitSignal(loader.failed, timeout=20000) as blocker:
        loader.load("/tmp/x.bin")
    assert blocker.args == ["/tmp/x.bin", "x.bin is not a text file"]


def test_a_bug_in_loading_becomes_a_message(qtbot, capsys):
    def load(path: Path):
        raise ZeroDivisionError("division by zero")

    loader = ArticleLoader(load)
    with qtbot.waitSignal(loader.failed, timeout=20000) as blocker:
        loader.load("/tmp/y.txt")
    assert "ZeroDivisionError" in blocker.args[1]
    assert "y.txt" in blocker.args[1]
    assert "Traceback" in capsys.readouterr().err


def test_only_the_latest_request_is_reported(qtbot):
    release = threading.Event()

    def load(path: Path):
        if path.name == "slow.txt":
            release.wait(10)
            raise ArticleError("slow one failed late")
        return harbour_load(HARBOUR)

    loader = ArticleLoader(load)
    failures = []
    loader.failed.connect(lambda *args: failures.append(args))
    loader.load("slow.txt")
    with qtbot.waitSignal(loader.loaded, timeout=20000):
        loader.load(HARBOUR)
    release.set()
    loader.wait()
    qtbot.wait(50)  # let the stale failure's queued signal arrive, if it were to be delivered
    assert failures == []
