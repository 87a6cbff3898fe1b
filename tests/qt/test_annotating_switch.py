"""Switching articles never puts a highlight in the wrong sidecar or drops unsaved ones."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from annotator.core.annotations import SidecarWriteError
from annotator.core.article import Article
from annotator.core.extraction.model import Extraction
from annotator.core.readers import read_article
from tests.qt.conftest import open_and_wait
from tests.qt.test_annotating import select, sidecar_of

pytestmark = pytest.mark.gui


@pytest.fixture
def two_articles(tmp_path) -> tuple[Path, Path]:
    first = tmp_path / "alpha.txt"
    first.write_text("Alpha story\n\nThe alpha harbour wall was rebuilt.\n", encoding="utf-8")
    second = tmp_path / "beta.txt"
    second.write_text("Beta story\n\nThe beta ferry timetable changed.\n", encoding="utf-8")
    return first, second


def test_a_highlight_made_before_extraction_finishes_lands_in_the_new_article(qtbot, make_window, two_articles):
    first, second = two_articles
    release = threading.Event()

    def slow_for_beta(article: Article) -> Extraction:
        if Path(article.source).name == second.name:
            release.wait(10)
        return Extraction()

    window = make_window(read_article, slow_for_beta)
    open_and_wait(qtbot, window, first)
    with qtbot.waitSignal(window.loader.text_ready, timeout=10000):
        window.open_path(second)
    assert window.view.article.source == second
    start = window.view.article.text.index("beta ferry")
    select(window, start, start + len("beta ferry"))
    qtbot.keyClick(window.view, "1")
    window.annotations.save_action.trigger()
    release.set()
    qtbot.waitUntil(lambda: window.current is not None and window.current.path == second, timeout=10000)
    assert not sidecar_of(first).exists()
    (saved,) = json.loads(sidecar_of(second).read_text(encoding="utf-8"))["annotations"]
    assert saved["selector"]["exact"] == "beta ferry"
    assert [a.exact for a in window.annotations.store.annotations] == ["beta ferry"]


def test_opening_another_article_asks_when_unsaved_highlights_cannot_be_written(
    qtbot, window, two_articles, monkeypatch
):
    first, second = two_articles
    open_and_wait(qtbot, window, first)
    store = window.annotations.store

    def failing_save(*, overwrite=False):
        raise SidecarWriteError(store.path, "the disk is full")

    monkeypatch.setattr(store, "save", failing_save)
    asked: list[str] = []

    def cancel(box: QMessageBox) -> int:
        asked.append(box.text())
        return 0  # no button clicked: Cancel

    monkeypatch.setattr(QMessageBox, "exec", cancel)
    start = window.view.article.text.index("alpha harbour")
    select(window, start, start + len("alpha harbour"))
    qtbot.keyClick(window.view, "1")
    window.open_path(second)
    assert any("not saved" in text for text in asked)
    assert window.annotations.store is store
    assert [a.exact for a in store.annotations] == ["alpha harbour"]
    assert window.view.article.source == first
    monkeypatch.undo()  # the disk has room again: the highlight is saved, nothing was lost
    assert window.annotations.flush()
    (saved,) = json.loads(sidecar_of(first).read_text(encoding="utf-8"))["annotations"]
    assert saved["selector"]["exact"] == "alpha harbour"


def test_annotations_are_opened_on_the_loader_thread(qtbot, make_window, two_articles, monkeypatch):
    from annotator.core.annotations import AnnotationStore

    first, _ = two_articles
    threads: list[bool] = []
    real_open = AnnotationStore.open.__func__

    def recording_open(cls, article, path=None):
        threads.append(threading.current_thread() is threading.main_thread())
        return real_open(cls, article, path)

    monkeypatch.setattr(AnnotationStore, "open", classmethod(recording_open))
    window = make_window(read_article, lambda article: Extraction())
    open_and_wait(qtbot, window, first)
    assert threads == [False]
    assert window.annotations.store is not None and window.annotations.store.article is window.view.article


def test_a_store_prepared_before_its_sidecar_changed_is_opened_again(qtbot, make_window, two_articles):
    """The same article reopened: its last edits are saved at binding time, after the worker read it."""
    from annotator.core.annotations import AddAnnotation, AnnotationStore

    first, _ = two_articles
    window = make_window(read_article, lambda article: Extraction())
    open_and_wait(qtbot, window, first)
    article = read_article(first)
    stale = AnnotationStore.open(article)  # what the worker read: no annotations yet
    store = window.annotations.store
    start = store.annotations.text.index("harbour wall")
    store.annotations.apply(AddAnnotation.new(store.annotations, start, start + len("harbour wall"), "Claim"))
    window.annotations.open_article(article, prepared=stale)  # flushes the edit, then binds
    assert window.annotations.store is not stale
    assert [a.exact for a in window.annotations.store.annotations] == ["harbour wall"]
