"""A muted line above the article: who wrote it, where and when it appeared, and its address.

The metadata is not part of the canonical text (offsets never count it), so it is shown in a
label of its own above the view rather than in the article's document; it lines up with the
text column. A plain-text article's byline and dateline, an HTML page's author, date, site
and URL, a Markdown file's front matter and a fetched page's fetch time all come through
``Article.metadata``.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from urllib.parse import urlsplit

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QLabel, QWidget

# (metadata key, how it is introduced); shown in this order, each once.
FIELDS: tuple[tuple[str, str], ...] = (
    ("author", "By "),
    ("site", ""),
    ("date", ""),
    ("dateline", ""),
    ("fetched", "Fetched "),
)
MAX_FIELD_CHARS = 160


def _clip(value: str) -> str:
    flat = " ".join(value.split())
    return flat if len(flat) <= MAX_FIELD_CHARS else flat[: MAX_FIELD_CHARS - 1] + "…"


def header_parts(metadata: Mapping[str, object]) -> list[str]:
    """The header's parts as plain text, e.g. ``["By Lena Marsh", "Northgate Echo", "2025-11-02"]``."""
    parts: list[str] = []
    for key, intro in FIELDS:
        value = metadata.get(key)
        if isinstance(value, str) and value.strip():
            text = intro + _clip(value)
            if key == "dateline" and any(_clip(value) in part for part in parts):
                continue
            parts.append(text)
    return parts


def safe_link(url: object) -> str | None:
    """``url`` when it is an http(s) address to show as a link; anything else is not linked."""
    if not isinstance(url, str):
        return None
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    return url if parts.scheme in ("http", "https") and parts.netloc else None


def header_html(metadata: Mapping[str, object]) -> str:
    """The header as escaped rich text: the parts joined by middle dots, then the page's link."""
    pieces = [html.escape(part) for part in header_parts(metadata)]
    url = safe_link(metadata.get("url"))
    if url:
        shown = html.escape(_clip(url))
        pieces.append(f'<a href="{html.escape(url, quote=True)}">{shown}</a>')
    return " · ".join(pieces)


class ArticleHeader(QLabel):
    """The muted metadata line; hidden when the article has none."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse)
        self.setOpenExternalLinks(True)  # only http(s) addresses are ever links (safe_link)
        self.setWordWrap(True)
        self.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.Base)
        self.setAccessibleName("Article details")
        self.hide()

    def show_metadata(self, metadata: Mapping[str, object] | None) -> None:
        text = header_html(metadata or {})
        self.setText(text)
        self.setToolTip(str((metadata or {}).get("url") or ""))
        self.setVisible(bool(text))

    def align_with_text(self, left: int, width: int) -> None:
        """Start where the article's text column starts and wrap at its width."""
        margins = self.contentsMargins()
        right = max(0, self.width() - left - width)
        if (margins.left(), margins.right()) != (left, right):
            self.setContentsMargins(left, 10, right, 2)
