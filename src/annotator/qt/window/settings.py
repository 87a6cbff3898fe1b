"""What the window remembers between runs, typed, over QSettings.

Window geometry and state, the splitter, the reading size, the theme and the recent
files. Values read back are checked (an old or hand-edited settings file can hold
anything) and fall back to defaults rather than failing. Tests enable
``QStandardPaths.setTestModeEnabled(True)`` so they never touch the user's settings.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from annotator.qt.article.fonts import DEFAULT_POINT_SIZE, clamp_point_size
from annotator.qt.window.theme import DEFAULT_THEME, THEMES

ORGANIZATION = "Annotator"
APPLICATION = "Annotator"
MAX_RECENT_FILES = 10


class AppSettings:
    """Typed access to the window's persistent settings."""

    def __init__(self, settings: QSettings | None = None) -> None:
        self._settings = settings if settings is not None else QSettings(ORGANIZATION, APPLICATION)

    def sync(self) -> None:
        self._settings.sync()

    def clear(self) -> None:
        self._settings.clear()

    def file_name(self) -> str:
        return self._settings.fileName()

    # -- window --------------------------------------------------------------------

    def _bytes(self, key: str) -> QByteArray | None:
        value = self._settings.value(key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def geometry(self) -> QByteArray | None:
        return self._bytes("window/geometry")

    def set_geometry(self, value: QByteArray) -> None:
        self._settings.setValue("window/geometry", value)

    def window_state(self) -> QByteArray | None:
        return self._bytes("window/state")

    def set_window_state(self, value: QByteArray) -> None:
        self._settings.setValue("window/state", value)

    def splitter_state(self) -> QByteArray | None:
        return self._bytes("window/splitter")

    def set_splitter_state(self, value: QByteArray) -> None:
        self._settings.setValue("window/splitter", value)

    # -- reading -------------------------------------------------------------------

    def point_size(self) -> float:
        try:
            return clamp_point_size(float(self._settings.value("reading/point_size", DEFAULT_POINT_SIZE)))
        except (TypeError, ValueError):
            return DEFAULT_POINT_SIZE

    def set_point_size(self, value: float) -> None:
        self._settings.setValue("reading/point_size", float(value))

    def theme(self) -> str:
        value = self._settings.value("reading/theme", DEFAULT_THEME)
        return value if value in THEMES else DEFAULT_THEME

    def set_theme(self, value: str) -> None:
        if value not in THEMES:
            raise ValueError(f"unknown theme {value!r}")
        self._settings.setValue("reading/theme", value)

    # -- recent files --------------------------------------------------------------

    def recent_files(self) -> list[str]:
        value = self._settings.value("files/recent", [])
        if isinstance(value, str):  # QSettings returns a lone entry as a plain string
            value = [value]
        if not isinstance(value, list):
            return []
        return [str(item) for item in value if isinstance(item, str) and item][:MAX_RECENT_FILES]

    def add_recent_file(self, path: str | Path) -> list[str]:
        """Put ``path`` first (moving it if already listed); returns the new list."""
        entry = str(Path(path).resolve())
        files = [entry] + [item for item in self.recent_files() if item != entry]
        files = files[:MAX_RECENT_FILES]
        self._settings.setValue("files/recent", files)
        return files

    def remove_recent_file(self, path: str) -> None:
        self._settings.setValue("files/recent", [item for item in self.recent_files() if item != path])

    def clear_recent_files(self) -> None:
        self._settings.setValue("files/recent", [])
