"""View → Compare Versions: what changed between two fetched versions of the open article.

The new version's text with insertions and deletions marked inline, the quotes that changed,
were reattributed, removed or added (with their speakers), and where each highlight went.
The diff (extraction on both versions, re-anchoring) runs on a worker, so a long article
never freezes the window.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from annotator.core.annotations.sidecar import sidecar_path_for
from annotator.core.article import ArticleError
from annotator.core.web.article_diff import ArticleDiff, diff_articles
from annotator.core.web.snapshots import PageFolder, Version
from annotator.qt.web.background import BackgroundJob
from annotator.qt.web.diff_html import inline_html, side_by_side_html

_PLACES = {"anchored": "in place", "moved": "moved", "fuzzy": "moved, text changed", "orphan": "needs review"}


class CompareVersionsDialog(QDialog):
    """Compares two versions of one fetched page; ``diff_shown`` fires when a diff is on screen."""

    diff_shown = Signal(object)

    def __init__(self, folder: PageFolder, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.folder = folder
        self.versions: list[Version] = folder.versions()
        self.diff: ArticleDiff | None = None
        self.setWindowTitle(f"Compare Versions — {folder.url}")
        self.resize(1000, 700)

        self.old_box, self.new_box = QComboBox(self), QComboBox(self)
        for version in self.versions:
            for box in (self.old_box, self.new_box):
                box.addItem(f"Version {version.number} — {version.fetched_at}", version.number)
        self.old_box.setCurrentIndex(max(0, len(self.versions) - 2))
        self.new_box.setCurrentIndex(len(self.versions) - 1)
        choose = QHBoxLayout()
        choose.addWidget(QLabel("Compare", self))
        choose.addWidget(self.old_box, 1)
        choose.addWidget(QLabel("with", self))
        choose.addWidget(self.new_box, 1)
        self.side_by_side = QCheckBox("Side by side", self)
        self.side_by_side.setToolTip("The old version beside the new one, instead of one text with both marked")
        choose.addWidget(self.side_by_side)

        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.text = QTextBrowser(self)
        self.text.setOpenLinks(False)
        self.old_text = QTextBrowser(self)
        self.old_text.setOpenLinks(False)
        self.old_text.hide()
        self.quotes = QListWidget(self)
        self.highlights = QListWidget(self)
        side = QWidget(self)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(QLabel("Quotes that changed", side))
        side_layout.addWidget(self.quotes, 1)
        side_layout.addWidget(QLabel("Highlights", side))
        side_layout.addWidget(self.highlights, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.old_text)
        splitter.addWidget(self.text)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 3)
        splitter.setStretchFactor(2, 2)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(choose)
        layout.addWidget(self.summary)
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)

        self.job = BackgroundJob((ArticleError,), self)
        self.job.finished.connect(self._show)
        self.job.failed.connect(self._failed)
        self.old_box.currentIndexChanged.connect(self.compare)
        self.new_box.currentIndexChanged.connect(self.compare)
        self.side_by_side.toggled.connect(self._show_texts)
        self.compare()

    def compare(self) -> None:
        """Diff the two chosen versions on the worker."""
        old_number, new_number = self.old_box.currentData(), self.new_box.currentData()
        if old_number is None or new_number is None:
            return
        self.summary.setText(f"Comparing version {old_number} with version {new_number}…")
        folder, sidecar = self.folder, self._sidecar()

        def work() -> ArticleDiff:
            old = folder.version_article(folder.version(old_number))
            new = folder.version_article(folder.version(new_number))
            return diff_articles(old, new, sidecar)

        self.job.start(work)

    def _sidecar(self) -> Path | None:
        article = self.folder.current_article_path()
        return sidecar_path_for(article) if article is not None else None

    def _show(self, diff: ArticleDiff) -> None:
        self.diff = diff
        counts = ", ".join(diff.counts()) or "no change in the text"
        old_v, new_v = diff.old.metadata.get("web_version"), diff.new.metadata.get("web_version")
        self.summary.setText(f"Version {old_v} → version {new_v}: {counts}.")
        self._show_texts()
        self.quotes.clear()
        for change in diff.quotes:
            speaker = change.speaker or "unattributed"
            if change.kind == "changed" and change.old and change.new:
                line = f"⚑ changed — {speaker}: {change.old.display_text}  →  {change.new.display_text}"
            elif change.kind == "reattributed" and change.old and change.new:
                line = f"⚑ now attributed to {change.new.speaker or 'nobody'} (was {speaker}): {change.new.display_text}"
            elif change.kind == "removed" and change.old:
                line = f"⚑ removed — {speaker}: {change.old.display_text}"
            else:
                line = f"added — {speaker}: {change.new.display_text if change.new else ''}"
            self.quotes.addItem(line)
        if not diff.quotes:
            self.quotes.addItem("No quote changed.")
        self.highlights.clear()
        for place in diff.annotations:
            before, after = place.annotation, place.placed
            where = _PLACES.get(after.status, after.status)
            self.highlights.addItem(f"{before.label}: “{before.exact[:80]}” — {where}")
        if diff.sidecar_problem:
            self.highlights.addItem(f"Highlights not shown: {diff.sidecar_problem}")
        elif not diff.annotations:
            self.highlights.addItem("No highlights.")
        self.diff_shown.emit(diff)

    def _show_texts(self) -> None:
        """Inline: the new text with both kinds of change; side by side: each text with its own."""
        if self.diff is None:
            return
        if self.side_by_side.isChecked():
            old_html, new_html = side_by_side_html(self.diff)
            self.old_text.setHtml(old_html)
            self.text.setHtml(new_html)
        else:
            self.text.setHtml(inline_html(self.diff))
        self.old_text.setVisible(self.side_by_side.isChecked())

    def _failed(self, message: str) -> None:
        self.summary.setText(f"These versions could not be compared: {message}")

    def done(self, result: int) -> None:  # Qt override: let a running diff finish first
        self.job.wait(10000)
        super().done(result)
