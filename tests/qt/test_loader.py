"""Loading off the GUI thread: results, failures, and only the latest request counts."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from annotator.core.article import ArticleError
from annotator.qt.window.loader import ArticleLoader, count_words
from annotator.core.readers import read_article
from tests.qt.conftest import HARBOUR, harbour_extract

pytestmark = pytest.mark.gui


def test_count_words_counts_contractions_and_hyphenated_words_once():
    assert count_words("Don’t stop — the half-built wall, 6\u00a0pm.") == 7


def test_load_runs_off_the_gui_thread(qtbot):
    threads = []

    def read(path: Path):
        threads.append(threading.current_thread())
        return read_article(path)

    def render(article):
        threads.append(threading.current_thread())
        return len(article.text)

    loader = ArticleLoader(read, harbour_extract)
    texts = []
    loader.text_ready.connect(texts.append)
    with qtbot.waitSignal(loader.loaded, timeout=20000) as blocker:
        loader.load(HARBOUR, render=render)
    assert blocker.args[0].path == HARBOUR
    assert len(blocker.args[0].extraction.quotes) == 5
    assert blocker.args[0].problem is None
    assert [text.rendered for text in texts] == [len(HARBOUR.read_text(encoding="utf-8"))]
    assert len(threads) == 2 and threading.main_thread() not in threads
    assert not loader.busy


def test_article_error_message_reaches_the_user(qtbot):
    def read(path: Path):
        raise ArticleError(f"{path.name} is not a text file")

    loader = ArticleLoader(read, harbour_extract)
    with qtbot.waitSignal(loader.failed, timeout=20000) as blocker:
        loader.load("/tmp/x.bin")
    assert blocker.args == ["/tmp/x.bin", "x.bin is not a text file"]


def test_a_bug_in_loading_becomes_a_message(qtbot, capsys):
    def read(path: Path):
        raise ZeroDivisionError("division by zero")

    loader = ArticleLoader(read, harbour_extract)
    with qtbot.waitSignal(loader.failed, timeout=20000) as blocker:
        loader.load("/tmp/y.txt")
    assert "ZeroDivisionError" in blocker.args[1]
    assert "y.txt" in blocker.args[1]
    assert "Traceback" in capsys.readouterr().err


def test_only_the_latest_request_is_reported(qtbot):
    release = threading.Event()

    def read(path: Path):
        if path.name == "slow.txt":
            release.wait(10)
            raise ArticleError("slow one failed late")
        return read_article(HARBOUR)

    loader = ArticleLoader(read, harbour_extract)
    failures = []
    loader.failed.connect(lambda *args: failures.append(args))
    loader.load("slow.txt")
    with qtbot.waitSignal(loader.loaded, timeout=20000):
        loader.load(HARBOUR)
    release.set()
    loader.wait()
    qtbot.wait(50)  # let the stale failure's queued signal arrive, if it were to be delivered
    assert failures == []


def test_failed_extraction_still_shows_the_article(qtbot):
    def extract(article):
        raise RuntimeError("extractor bug")

    loader = ArticleLoader(read_article, extract)
    with qtbot.waitSignal(loader.loaded, timeout=20000) as blocker:
        loader.load(HARBOUR)
    loaded = blocker.args[0]
    assert loaded.extraction.quotes == [] and loaded.extraction.people == []
    assert "extractor bug" in loaded.problem


def test_failed_newer_request_keeps_the_shown_article_extracting(qtbot):
    release = threading.Event()

    def read(path: Path):
        if path.name == "broken.bin":
            raise ArticleError("broken.bin is not a text file")
        return read_article(path)

    def extract(article):
        release.wait(10)
        return harbour_extract(article)

    loader = ArticleLoader(read, extract)
    with qtbot.waitSignal(loader.text_ready, timeout=20000):
        loader.load(HARBOUR)
    with qtbot.waitSignal(loader.failed, timeout=20000):
        loader.load("broken.bin")
    with qtbot.waitSignal(loader.loaded, timeout=20000) as blocker:
        release.set()
    assert blocker.args[0].path == HARBOUR
    assert len(blocker.args[0].extraction.quotes) == 5


def test_superseded_article_gets_no_late_extraction(qtbot):
    release = threading.Event()

    def extract(article):
        if article.source.name == HARBOUR.name:
            release.wait(10)
        return harbour_extract(article)

    other = Path(__file__).with_name("conftest.py")
    loader = ArticleLoader(read_article, extract)
    loaded = []
    loader.loaded.connect(loaded.append)
    with qtbot.waitSignal(loader.text_ready, timeout=20000):
        loader.load(HARBOUR)
    with qtbot.waitSignal(loader.loaded, timeout=20000):
        loader.load(other)
    release.set()
    loader.wait()
    qtbot.wait(50)
    assert [item.path for item in loaded] == [other]


def test_a_load_leaves_its_results_out_of_later_collections(qtbot):
    """The collector is paused during the load and what the load built is frozen, not rescanned."""
    import gc
    import sys

    seen_during: list[bool] = []

    def extract(article):
        seen_during.append(gc.isenabled())
        return harbour_extract(article)

    loader = ArticleLoader(read=read_article, extract=extract)
    frozen_before = gc.get_freeze_count()
    with qtbot.waitSignal(loader.loaded, timeout=20000) as blocker:
        loader.load(HARBOUR)
    loader.wait()
    assert seen_during == [False]
    assert gc.isenabled()
    assert gc.get_freeze_count() > frozen_before
    assert sys.getswitchinterval() <= 0.0005  # the GUI thread gets the interpreter back quickly
