"""The reading font: a book-like serif when one is installed, at a comfortable size."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase

READING_FAMILIES: tuple[str, ...] = (
    "Source Serif 4",
    "Source Serif Pro",
    "Charter",
    "Georgia",
    "Literata",
    "Noto Serif",
    "Merriweather",
    "DejaVu Serif",
    "Liberation Serif",
    "Times New Roman",
)
DEFAULT_POINT_SIZE = 12.0
MIN_POINT_SIZE = 7.0
MAX_POINT_SIZE = 36.0
ZOOM_STEP = 1.0


def reading_font(point_size: float = DEFAULT_POINT_SIZE) -> QFont:
    """The first installed family of ``READING_FAMILIES`` (else the system serif)."""
    installed = set(QFontDatabase.families())
    family = next((name for name in READING_FAMILIES if name in installed), None)
    font = QFont(family) if family else QFont()
    if not family:
        font.setStyleHint(QFont.StyleHint.Serif)
    font.setPointSizeF(clamp_point_size(point_size))
    font.setKerning(True)
    font.setHintingPreference(QFont.HintingPreference.PreferVerticalHinting)
    return font


def clamp_point_size(point_size: float) -> float:
    return max(MIN_POINT_SIZE, min(MAX_POINT_SIZE, point_size))
