"""The window as one writer among others: it waits for the sidecar's lock, and never
writes through a symbolic link."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from tests.qt.conftest import open_and_wait
from tests.qt.test_annotating import (  # noqa: F401 (article is a fixture)
    article,
    click_button_when_asked,
    highlight_and_wait_for_autosave,
    select,
    sidecar_of,
)

pytestmark = pytest.mark.gui

HOLDER = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from annotator.core.annotations.sidecar_lock import sidecar_lock

    with sidecar_lock(Path(sys.argv[1])):
        print("locked", flush=True)
        time.sleep(1.0)
    """
)


def _environment() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(Path(__file__).resolve().parents[2] / "src") + os.pathsep + env.get("PYTHONPATH", "")
    return env


def highlight(qtbot, window, phrase: str) -> None:
    start = window.view.article.text.index(phrase)
    select(window, start, start + len(phrase))
    qtbot.keyClick(window.view, "1")


def test_the_window_waits_while_another_program_holds_the_lock_then_saves(qtbot, window, article):
    open_and_wait(qtbot, window, article)
    highlight_and_wait_for_autosave(qtbot, window, article, 10, 30)
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(sidecar_of(article))], stdout=subprocess.PIPE, text=True, env=_environment()
    )
    try:
        assert holder.stdout.readline().strip() == "locked"
        began = time.monotonic()
        highlight(qtbot, window, "Café Étoile")
        window.annotations.save_action.trigger()
        waited = time.monotonic() - began
    finally:
        holder.wait(timeout=30)
        holder.stdout.close()
    assert waited > 0.3  # it did not write while the other program held the lock
    assert not window.isWindowModified()
    assert len(json.loads(sidecar_of(article).read_text(encoding="utf-8"))["annotations"]) == 2
    assert sorted(os.listdir(article.parent)) == ["story.txt", "story.txt.annotations.json"]


def test_a_sidecar_that_is_a_dangling_link_is_not_written_and_save_as_keeps_the_work(
    qtbot, window, article, monkeypatch, tmp_path
):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    sidecar_of(article).symlink_to(elsewhere / "planted.json")
    problems: list[str] = []
    window.annotations.problem_shown.connect(problems.append)
    open_and_wait(qtbot, window, article)
    asked = click_button_when_asked(monkeypatch, "Cancel")
    highlight(qtbot, window, "Café Étoile")
    window.annotations.save_action.trigger()
    assert asked == ["Your annotations could not be saved."]
    assert any(f"{sidecar_of(article)} is a symbolic link" in problem for problem in problems)
    assert os.listdir(elsewhere) == [] and sidecar_of(article).is_symlink()
    assert window.isWindowModified() and len(window.annotations.store.annotations) == 1
    kept = tmp_path / "story.mine.annotations.json"
    assert window.annotations.save_as(kept)
    assert len(json.loads(kept.read_text(encoding="utf-8"))["annotations"]) == 1


HOLD_UNTIL_TOLD = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from annotator.core.annotations.sidecar_lock import sidecar_lock

    with sidecar_lock(Path(sys.argv[1])):
        print("locked", flush=True)
        sys.stdin.readline()
    """
)


def test_autosave_does_not_freeze_the_window_while_another_program_holds_the_lock(qtbot, window, article, monkeypatch):
    open_and_wait(qtbot, window, article)
    highlight_and_wait_for_autosave(qtbot, window, article, 10, 30)
    asked = click_button_when_asked(monkeypatch, "Cancel")
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_UNTIL_TOLD, str(sidecar_of(article))],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=_environment(),
    )  # fmt: skip
    try:
        assert holder.stdout.readline().strip() == "locked"
        highlight(qtbot, window, "Café Étoile")
        window.annotations.autosave()  # returns while the other program still holds the lock
        assert holder.poll() is None and window.isWindowModified() and asked == []
        assert "another program" in window.statusBar().currentMessage()
        holder.stdin.write("done\n")
        holder.stdin.flush()
        holder.wait(timeout=30)
        # The autosave tries again by itself once the lock is free.
        qtbot.waitUntil(lambda: not window.isWindowModified(), timeout=10000)
    finally:
        if holder.poll() is None:
            holder.kill()
        holder.wait(timeout=30)
        holder.stdout.close()
        holder.stdin.close()
    assert len(json.loads(sidecar_of(article).read_text(encoding="utf-8"))["annotations"]) == 2
    assert asked == []
