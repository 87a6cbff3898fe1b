"""The README's fault table in the window: open, select, press a label's key, look at the disk.

Each test drives the window as a user would and checks what they are shown and what is
kept on disk. Full disks and (for root) read-only folders are simulated at the system call
with the helpers of ``tests/core/test_faults.py``, which say why.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtGui import QTextOption
from PySide6.QtWidgets import QApplication, QFileDialog

from annotator.core.readers import decoding
from annotator.qt.article.document_builder import LONG_UNBROKEN_RUN, wrap_mode_for
from annotator.qt.window.main_window import MainWindow
from tests.core.test_faults import HOSTILE_PAGE, full_disk, nested_page, network_refused, read_only_folder  # noqa: F401
from tests.qt.conftest import HARBOUR, open_and_wait
from tests.qt.test_annotating import (  # noqa: F401 (article is a fixture)
    article,
    click_button_when_asked,
    highlight_and_wait_for_autosave,
    saved_annotations,
    select,
    sidecar_of,
)

pytestmark = pytest.mark.gui


def span_of(window: MainWindow, phrase: str) -> tuple[int, int]:
    start = window.view.article.text.index(phrase)
    return start, start + len(phrase)


def highlight(qtbot, window: MainWindow, phrase: str, key: str = "1") -> None:
    """Select ``phrase`` in the article and press a label's key (no waiting for the save)."""
    select(window, *span_of(window, phrase))
    qtbot.keyClick(window.view, key)


def return_to(window: MainWindow) -> None:
    """The user comes back to the window from another program."""
    QApplication.sendEvent(window, QEvent(QEvent.Type.WindowActivate))


def answer_save_as_with(monkeypatch, path: Path) -> None:
    """The Save Annotations As dialog, answered with ``path``."""
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(path), ""))


# -- files that cannot be opened ----------------------------------------------------------


def _binary(path: Path) -> None:
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(300))


def _empty(path: Path) -> None:
    path.write_bytes(b"")


def _over_50_mb(path: Path) -> None:
    with open(path, "wb") as handle:
        handle.truncate(decoding.MAX_ARTICLE_BYTES + 1)  # sparse: nothing is written


def _nested_html(path: Path) -> None:
    path.write_text(nested_page(50_000), encoding="utf-8")


@pytest.mark.parametrize(
    "name, make, reason",
    [
        ("photo.txt", _binary, "this is a PNG image, not text"),
        ("empty.txt", _empty, "the file is empty"),
        ("dump.txt", _over_50_mb, "articles larger than 50 MB are refused"),
        ("nested.html", _nested_html, "nested more than 255 elements deep"),
    ],
)
def test_unreadable_file_keeps_the_open_article(qtbot, window, article, tmp_path, name, make, reason):
    open_and_wait(qtbot, window, article)
    highlight_and_wait_for_autosave(qtbot, window, article, 10, 30)
    saved = sidecar_of(article).read_bytes()
    bad = tmp_path / name
    make(bad)
    with qtbot.waitSignal(window.loader.failed, timeout=20000):
        window.open_path(bad)
    box = window.error_dialog
    assert box is not None and box.isVisible()
    assert box.text() == f"Could not open {name}."
    assert reason in box.informativeText() and "story.txt is still open." in box.informativeText()
    assert window.view.article.source == article
    assert [(a.start, a.end) for a in window.annotations.store.annotations] == [(10, 30)]
    highlight(qtbot, window, "Café")
    window.annotations.save_action.trigger()
    assert len(saved_annotations(article)) == 2 and not sidecar_of(bad).exists()
    assert saved != sidecar_of(article).read_bytes()


def test_invalid_utf8_is_shown_replaced_and_said(qtbot, window, tmp_path):
    good = "Harbour talks\n\nKyiv’s “talks” – résumé, naïve café, the minister’s aides said.\n\n"
    path = tmp_path / "mangled.txt"
    path.write_bytes(good.encode("utf-8") + b"One stray \x92 byte.\n")
    open_and_wait(qtbot, window, path)
    assert window.view.article.text == good + "One stray \ufffd byte.\n"
    assert "mangled.txt: 1 invalid byte(s) in this UTF-8 file are shown as \ufffd" in window.statusBar().currentMessage()
    highlight_and_wait_for_autosave(qtbot, window, path, *span_of(window, "stray \ufffd byte"))
    (saved,) = saved_annotations(path)
    assert saved["selector"]["exact"] == "stray \ufffd byte"


# -- the article changes on disk while open ------------------------------------------------


def test_article_deleted_while_open(qtbot, make_window, article):
    window = make_window()
    open_and_wait(qtbot, window, article)
    text = window.view.article.text
    return_to(window)
    assert "since it was opened" not in window.statusBar().currentMessage()  # unchanged: nothing to say
    article.unlink()
    return_to(window)
    assert "story.txt was deleted or moved since it was opened; its text stays here" in window.statusBar().currentMessage()
    highlight_and_wait_for_autosave(qtbot, window, article, *span_of(window, "Café Étoile"))
    assert window.view.article.text == text  # still readable
    assert [a["selector"]["exact"] for a in saved_annotations(article)] == ["Café Étoile"]
    window.close()
    article.write_text(text, encoding="utf-8")  # the file comes back: so do its highlights
    again = make_window()
    open_and_wait(qtbot, again, article)
    assert [(a.exact, a.status) for a in again.annotations.store.annotations] == [("Café Étoile", "anchored")]


def test_article_folder_deleted_while_open(qtbot, window, tmp_path, monkeypatch):
    folder = tmp_path / "inbox"
    folder.mkdir()
    article = folder / "story.txt"
    shutil.copyfile(HARBOUR, article)
    open_and_wait(qtbot, window, article)
    shutil.rmtree(folder)
    highlight(qtbot, window, "Café Étoile")
    elsewhere = tmp_path / "rescued.annotations.json"
    answer_save_as_with(monkeypatch, elsewhere)
    asked = click_button_when_asked(monkeypatch, "Save As…")
    window.annotations.save_action.trigger()
    assert asked == ["Your annotations could not be saved."]
    (saved,) = json.loads(elsewhere.read_text(encoding="utf-8"))["annotations"]
    assert saved["selector"]["exact"] == "Café Étoile"
    assert not window.isWindowModified()


def test_article_changed_while_open(qtbot, make_window, article):
    """The window keeps the text it read; the next opening re-anchors, dropping nothing."""
    window = make_window()
    open_and_wait(qtbot, window, article)
    text = window.view.article.text
    highlight_and_wait_for_autosave(qtbot, window, article, *span_of(window, "Café Étoile"))
    paragraph = text.index("A spokesman")
    edited = "UPDATE: the harbour reopened on Friday.\n\n" + text[:paragraph] + text[text.index("\n", paragraph) + 1 :]
    article.write_text(edited, encoding="utf-8")
    return_to(window)
    assert "story.txt changed on disk since it was opened; this is the text as it was" in window.statusBar().currentMessage()
    assert window.view.article.text == text
    highlight(qtbot, window, "A spokesman", "2")  # made after the change, on the text shown
    window.close()
    assert len(saved_annotations(article)) == 2

    again = make_window()
    open_and_wait(qtbot, again, article)
    statuses = {a.exact: a.status for a in again.annotations.store.annotations}
    assert statuses == {"Café Étoile": "moved", "A spokesman": "orphan"}
    moved = next(a for a in again.annotations.store.annotations if a.status == "moved")
    assert edited[moved.start : moved.end] == "Café Étoile"
    assert "changed since it was annotated" in again.statusBar().currentMessage()
    assert "2 need review (1 not found)" in again.statusBar().currentMessage()


def test_reload_reads_the_changed_article_and_reattaches_highlights(qtbot, make_window, article):
    window = make_window()
    open_and_wait(qtbot, window, article)
    text = window.view.article.text
    highlight_and_wait_for_autosave(qtbot, window, article, *span_of(window, "Café Étoile"))
    edited = "UPDATE: the harbour reopened on Friday.\n\n" + text
    article.write_text(edited, encoding="utf-8")
    return_to(window)
    assert window.actions.reload.isEnabled()
    with qtbot.waitSignal(window.article_changed, timeout=10_000):
        window.actions.reload.trigger()
    assert window.view.article.text == edited
    (moved,) = window.annotations.store.annotations
    assert moved.status == "moved" and edited[moved.start : moved.end] == "Café Étoile"
    assert len(saved_annotations(article)) == 1


# -- saving fails ---------------------------------------------------------------------------


def _refused_save_keeps_everything(qtbot, window, article, monkeypatch, fault) -> list[str]:
    """Save under ``fault``: the user is told, nothing on disk changes, Save As elsewhere works."""
    problems: list[str] = []
    window.annotations.problem_shown.connect(problems.append)
    open_and_wait(qtbot, window, article)
    highlight_and_wait_for_autosave(qtbot, window, article, 10, 30)
    before = sidecar_of(article).read_bytes()
    asked = click_button_when_asked(monkeypatch, "Cancel")
    with fault:
        highlight(qtbot, window, "Café Étoile")
        window.annotations.save_action.trigger()
        assert asked == ["Your annotations could not be saved."]
        assert window.isWindowModified() and len(window.annotations.store.annotations) == 2
        assert sidecar_of(article).read_bytes() == before
        assert sorted(os.listdir(article.parent)) == ["story.txt", "story.txt.annotations.json"]
        elsewhere = article.parent.parent / "elsewhere.annotations.json"
        assert window.annotations.save_as(elsewhere)  # Save As to another folder works meanwhile
    assert len(json.loads(elsewhere.read_text(encoding="utf-8"))["annotations"]) == 2
    assert not window.isWindowModified()
    return problems


def test_read_only_folder(qtbot, window, article, monkeypatch):
    fault = read_only_folder(article.parent, monkeypatch)
    problems = _refused_save_keeps_everything(qtbot, window, article, monkeypatch, fault)
    assert any(f"the folder {article.parent} is not writable" in problem for problem in problems)


def test_full_disk(qtbot, window, article, monkeypatch):
    problems = _refused_save_keeps_everything(qtbot, window, article, monkeypatch, full_disk(article.parent, monkeypatch))
    assert any("the disk is full; the previous version is unchanged" in problem for problem in problems)


# -- the sidecar ------------------------------------------------------------------------------


def test_sidecar_from_a_newer_version(qtbot, window, article, tmp_path, monkeypatch):
    newer = json.dumps({"format": "annotator.sidecar", "version": 7, "annotations": [], "labels": []}).encode()
    sidecar_of(article).write_bytes(newer)
    open_and_wait(qtbot, window, article)
    qtbot.waitUntil(lambda: window.annotations.dialog is not None)
    dialog = window.annotations.dialog
    assert "could not be read" in dialog.text()
    assert "written by a newer Annotator (sidecar version 7" in dialog.informativeText()
    assert "kept exactly as it is" in dialog.informativeText()
    dialog.close()
    highlight(qtbot, window, "Café Étoile")
    assert len(window.annotations.store.annotations) == 0
    assert "read-only" in window.statusBar().currentMessage()
    fresh = tmp_path / "story.txt.mine.annotations.json"
    answer_save_as_with(monkeypatch, fresh)
    assert not window.annotations.save_action.isEnabled()
    window.annotations.save_as_action.trigger()  # File → Save Annotations As…: a fresh sidecar
    highlight(qtbot, window, "Café Étoile")
    window.annotations.save_action.trigger()
    assert sidecar_of(article).read_bytes() == newer
    (saved,) = json.loads(fresh.read_text(encoding="utf-8"))["annotations"]
    assert saved["selector"]["exact"] == "Café Étoile"


def test_sidecar_edited_by_another_program_save_as_keeps_both(qtbot, window, article, tmp_path, monkeypatch):
    open_and_wait(qtbot, window, article)
    highlight_and_wait_for_autosave(qtbot, window, article, 10, 30)
    theirs = sidecar_of(article).read_text(encoding="utf-8").replace('"note": ""', '"note": "theirs"')
    sidecar_of(article).write_text(theirs, encoding="utf-8")
    highlight(qtbot, window, "Café Étoile", "2")
    ours = tmp_path / "story.txt.ours.annotations.json"
    answer_save_as_with(monkeypatch, ours)
    asked = click_button_when_asked(monkeypatch, "Save As…")
    window.annotations.save_action.trigger()
    assert len(asked) == 1 and "changed by another program" in asked[0]
    assert sidecar_of(article).read_text(encoding="utf-8") == theirs
    assert [a["note"] for a in json.loads(ours.read_text(encoding="utf-8"))["annotations"]] == ["", ""]
    assert window.annotations.store.path == ours and not window.isWindowModified()


# -- hostile and extreme content ---------------------------------------------------------


def test_html_with_scripts_frames_and_remote_resources(qtbot, window, tmp_path, network_refused):
    page = tmp_path / "pier.html"
    page.write_text(HOSTILE_PAGE, encoding="utf-8")
    open_and_wait(qtbot, window, page)
    shown = window.view.toPlainText()
    assert "reopened on Saturday" in shown and "Priya Okafor" in shown
    assert "LEAK" not in shown and "http://" not in shown
    highlight_and_wait_for_autosave(qtbot, window, page, *span_of(window, "three weeks ahead of schedule"))
    assert [a["selector"]["exact"] for a in saved_annotations(page)] == ["three weeks ahead of schedule"]
    assert network_refused == []


def test_extremely_long_line_without_spaces(qtbot, window, article, tmp_path):
    """A 300,000-character line with nowhere to break: laid out wrapping anywhere (Qt's word
    wrapping is quadratic on it: seconds here, minutes at 2 MB), then highlighted as usual."""
    blob = tmp_path / "blob.txt"
    blob.write_text("Attachment\n\n" + "QmFzZTY0" * 37_500 + " end of the attachment.\n", encoding="utf-8")
    open_and_wait(qtbot, window, blob)
    assert window.view.wordWrapMode() == QTextOption.WrapMode.WrapAnywhere
    highlight_and_wait_for_autosave(qtbot, window, blob, *span_of(window, "end of the attachment"))
    assert [a["selector"]["exact"] for a in saved_annotations(blob)] == ["end of the attachment"]
    open_and_wait(qtbot, window, article)
    assert window.view.wordWrapMode() == QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere


@pytest.mark.parametrize(
    "text, anywhere",
    [
        ("The ferry ran late again on Monday, passengers said. " * 200_000, False),
        ("x" * LONG_UNBROKEN_RUN, True),
        ("x" * (LONG_UNBROKEN_RUN - 1), False),
        ("ab " * 3001 + "z" * LONG_UNBROKEN_RUN + " cd" * 3000, True),  # a run across window edges
        ("ab " * 3001 + "z" * (LONG_UNBROKEN_RUN - 1) + " cd" * 3000, False),
        (("y" * (LONG_UNBROKEN_RUN - 1) + " ") * 50, False),
        ("word\u00a0" * 3000, True),  # no-break spaces do not break
        ("half-" * 5000, False),  # hyphens do
        ("港口星期一重新开放。" * 2000, True),  # harmless: CJK breaks anywhere anyway
    ],
)
def test_wrap_anywhere_only_for_a_long_unbreakable_run(text, anywhere):
    expected = QTextOption.WrapMode.WrapAnywhere if anywhere else QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere
    assert wrap_mode_for(text) == expected
