"""What the window remembers between runs (QSettings in Qt's test location)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings

from annotator.qt.article.fonts import DEFAULT_POINT_SIZE
from annotator.qt.window.main_window import MainWindow
from annotator.qt.window.settings import MAX_RECENT_FILES, AppSettings
from tests.qt.conftest import HARBOUR, open_and_wait

pytestmark = pytest.mark.gui


def test_settings_live_in_the_test_location(settings):
    assert ".qttest" in settings.file_name()


def test_window_state_round_trip(qtbot, make_window, settings):
    first = make_window()
    open_and_wait(qtbot, first, HARBOUR)
    first.resize(760, 560)  # within the offscreen screen (800x600), which restoreGeometry respects
    first.splitter.setSizes([460, 300])
    sizes = first.splitter.sizes()
    first.actions.zoom_in.trigger()
    first.actions.zoom_in.trigger()
    first.actions.dark_theme.trigger()
    first.close()  # saves

    second = make_window()
    assert (second.size().width(), second.size().height()) == (760, 560)
    assert second.splitter.sizes() == sizes
    assert second.view.point_size == DEFAULT_POINT_SIZE + 2
    assert second.actions.dark_theme.isChecked()
    assert second.settings.recent_files() == [str(HARBOUR.resolve())]
    second.actions.light_theme.trigger()
    assert AppSettings().theme() == "light"


def test_collapsed_sidebar_stays_collapsed(qtbot, make_window):
    first = make_window()
    first.actions.show_sidebar.trigger()
    first.close()
    second = make_window()
    assert second.splitter.sizes()[1] == 0
    assert not second.actions.show_sidebar.isChecked()


def test_recent_files_move_to_front_and_are_capped(settings, tmp_path):
    paths = [tmp_path / f"a{i}.txt" for i in range(MAX_RECENT_FILES + 3)]
    for path in paths:
        settings.add_recent_file(path)
    settings.add_recent_file(paths[5])
    recent = settings.recent_files()
    assert len(recent) == MAX_RECENT_FILES
    assert recent[0] == str(paths[5].resolve())
    assert recent.count(str(paths[5].resolve())) == 1
    settings.clear_recent_files()
    assert settings.recent_files() == []


def test_bad_values_fall_back_to_defaults(settings):
    raw = QSettings("Annotator", "Annotator")
    raw.setValue("reading/point_size", "huge")
    raw.setValue("reading/theme", "neon")
    raw.setValue("files/recent", 42)
    raw.setValue("window/geometry", "not bytes")
    raw.sync()
    assert settings.point_size() == DEFAULT_POINT_SIZE
    assert settings.theme() == "system"  # the default: follow the desktop
    assert settings.recent_files() == []
    assert settings.geometry() is None
    with pytest.raises(ValueError):
        settings.set_theme("neon")


def test_window_starts_cleanly_from_bad_settings(qtbot, settings):
    raw = QSettings("Annotator", "Annotator")
    raw.setValue("window/splitter", b"\x00garbage")
    raw.setValue("reading/point_size", 500)
    raw.sync()
    window = MainWindow(settings)
    qtbot.addWidget(window)
    assert window.view.point_size <= 36
    assert window.splitter.sizes()[1] > 0 or window.splitter.sizes() == [0, 0]


def test_system_theme_follows_the_desktop(qtbot, make_window, monkeypatch):
    from annotator.qt.window import theme as theme_module

    dark_desktop = [False]
    monkeypatch.setattr(theme_module, "system_prefers_dark", lambda: dark_desktop[0])
    window = make_window()
    window.actions.system_theme.trigger()
    assert window.settings.theme() == "system"
    assert window.view.colors.text.lightness() < 128  # a light desktop: dark text
    dark_desktop[0] = True
    window._desktop_scheme_changed(None)  # what Qt's colorSchemeChanged calls
    assert window.view.colors.text.lightness() > 128
    assert window.actions.system_theme.isChecked()
    window.actions.light_theme.trigger()
    window._desktop_scheme_changed(None)  # a chosen theme stays put
    assert window.view.colors.text.lightness() < 128
    assert window.settings.theme() == "light"
