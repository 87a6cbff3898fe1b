"""``run_gui``: the entry point ``annotator`` and ``annotator open PATH`` call."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from PySide6.QtWidgets import QApplication

from annotator import app as app_module
from annotator.qt.window.main_window import MainWindow
from annotator.qt.window.platform_check import missing_xcb_packages
from tests.qt.conftest import HARBOUR

pytestmark = pytest.mark.gui


def run_until_loaded(qtbot, monkeypatch, path):
    """Run ``run_gui(path)`` with an event loop that ends once the article is shown."""
    seen = {}

    def fake_exec(*_args):
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        (window,) = windows
        qtbot.addWidget(window)
        qtbot.waitUntil(lambda: window.current is not None, timeout=20000)
        seen["title"] = window.windowTitle()
        seen["path"] = window.current.path
        seen["quotes"] = window.sidebar.tab_title(window.sidebar.quotes)
        window.close()
        return 0

    monkeypatch.setattr(QApplication, "exec", fake_exec)
    code = app_module.run_gui(path)
    return code, seen


def test_run_gui_opens_the_sample_article_by_default(qtbot, monkeypatch, settings, tmp_path):
    """From the user's copy in their data folder, so its sidecar and exports land there."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    code, seen = run_until_loaded(qtbot, monkeypatch, None)
    assert code == 0
    assert seen["title"].startswith("sample_article.txt")
    assert seen["path"] == tmp_path / "Annotator" / "sample_article.txt"


def test_run_gui_opens_a_given_path(qtbot, monkeypatch, settings):
    code, seen = run_until_loaded(qtbot, monkeypatch, str(HARBOUR))
    assert code == 0
    assert seen["title"].startswith("harbour_article.txt")


def test_run_gui_refuses_a_missing_file(capsys, tmp_path):
    assert app_module.run_gui(str(tmp_path / "nope.txt")) == 1
    assert "nope.txt: file not found" in capsys.readouterr().err


def test_this_pyside_keeps_none_alive():
    # The installed PySide6 must not be the build that aborts the window on Python 3.11.
    assert not app_module.pyside_drops_none_references()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="xcb is Linux only")
def test_missing_system_libraries_are_named_before_qt_starts():
    missing = missing_xcb_packages()
    if not missing:
        pytest.skip("this machine has every xcb library; nothing to report")
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "WAYLAND_DISPLAY")}
    env["DISPLAY"] = ":99"
    result = subprocess.run(
        [sys.executable, "-m", "annotator"], env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 1
    assert f"sudo apt install {' '.join(missing)}" in result.stderr
    assert "could not load the Qt platform plugin" not in result.stderr


@pytest.mark.gui
def test_the_window_shows_the_application_icon(window):
    sizes = {size.width() for size in window.windowIcon().availableSizes()}
    assert {16, 32, 256} <= sizes
