"""Light and dark themes: the application palette and the colours the article view uses.

"system" follows the desktop's light or dark setting (Qt's ``QStyleHints.colorScheme``), and
is the default; a desktop that does not say gets the light theme.

The article's own colours (muted captions, mention and find highlights) are chosen per
theme here rather than derived on the fly, so that each pair was looked at together and
keeps readable contrast on its background.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

SYSTEM_THEME = "system"
THEMES: tuple[str, ...] = ("light", "dark", SYSTEM_THEME)
DEFAULT_THEME = SYSTEM_THEME


@dataclass(frozen=True)
class ArticleColors:
    """Colours of the article view for one theme."""

    text: QColor
    muted: QColor
    mention_background: QColor
    find_background: QColor
    caption_marker: QColor


@dataclass(frozen=True)
class Theme:
    name: str
    palette: QPalette
    article: ArticleColors


def _palette(colors: dict[QPalette.ColorRole, str], disabled_text: str, disabled_placeholder: str) -> QPalette:
    """The palette; a disabled field's placeholder is fainter than its disabled text.

    Qt leaves the disabled placeholder at the enabled colour, so an empty disabled field
    ("Note", "tag, another tag") looked brighter than a filled one, as if it held text.
    """
    palette = QPalette()
    for role, value in colors.items():
        palette.setColor(role, QColor(value))
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText, QPalette.ColorRole.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(disabled_text))
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.PlaceholderText, QColor(disabled_placeholder))
    return palette


def _light() -> Theme:
    role = QPalette.ColorRole
    palette = _palette(
        {
            role.Window: "#f3f2ef",
            role.WindowText: "#1d1d1b",
            role.Base: "#fdfcfa",
            role.AlternateBase: "#f1efea",
            role.Text: "#1d1d1b",
            role.Button: "#ecebe7",
            role.ButtonText: "#1d1d1b",
            role.Highlight: "#2f6fb3",
            role.HighlightedText: "#ffffff",
            role.ToolTipBase: "#fffbe6",
            role.ToolTipText: "#1d1d1b",
            role.PlaceholderText: "#8a877f",
            role.Link: "#2258a0",
            role.Mid: "#c9c6bf",
            role.Midlight: "#e2e0da",
            role.Dark: "#a09d96",
            role.Light: "#ffffff",
        },
        disabled_text="#9a9892",
        disabled_placeholder="#c2bfb8",
    )
    article = ArticleColors(
        text=QColor("#1d1d1b"),
        muted=QColor("#66645f"),
        mention_background=QColor("#ffe08a"),
        find_background=QColor("#c7e3ff"),
        caption_marker=QColor("#b9b5ab"),
    )
    return Theme("light", palette, article)


def _dark() -> Theme:
    role = QPalette.ColorRole
    palette = _palette(
        {
            role.Window: "#232427",
            role.WindowText: "#e6e4df",
            role.Base: "#1a1b1e",
            role.AlternateBase: "#26272b",
            role.Text: "#e6e4df",
            role.Button: "#2d2e32",
            role.ButtonText: "#e6e4df",
            role.Highlight: "#3d7bd0",
            role.HighlightedText: "#ffffff",
            role.ToolTipBase: "#2d2e32",
            role.ToolTipText: "#e6e4df",
            role.PlaceholderText: "#7a7873",
            role.Link: "#8cb8ff",
            role.Mid: "#3b3c41",
            role.Midlight: "#45464b",
            role.Dark: "#141517",
            role.Light: "#505157",
        },
        disabled_text="#6c6b67",
        disabled_placeholder="#4a4a47",
    )
    article = ArticleColors(
        text=QColor("#e6e4df"),
        muted=QColor("#a3a19b"),
        mention_background=QColor("#6b5310"),
        find_background=QColor("#24476e"),
        caption_marker=QColor("#5b5a57"),
    )
    return Theme("dark", palette, article)


def system_prefers_dark() -> bool:
    """Whether the desktop asks for dark windows (False when it does not say)."""
    app = QGuiApplication.instance()
    if not isinstance(app, QGuiApplication):
        return False
    return QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark


def theme_named(name: str) -> Theme:
    """The theme called ``name`` ("system": the desktop's); unknown names (an old settings file) give light."""
    if name == SYSTEM_THEME:
        name = "dark" if system_prefers_dark() else "light"
    return _dark() if name == "dark" else _light()


def apply_theme(app: QApplication, theme: Theme) -> None:
    """Use ``theme``'s palette for every widget (with Fusion, which honours palettes fully)."""
    if app.style().name().lower() != "fusion":
        app.setStyle("Fusion")
    app.setPalette(theme.palette)
