"""The status bar: file name, word count, quotes and people, extraction time, busy state."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QProgressBar, QStatusBar, QWidget

from annotator.qt.window.loader import LoadedArticle, ReadArticle


def format_seconds(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms" if seconds < 1 else f"{seconds:.1f} s"


class ArticleStatusBar(QStatusBar):
    """Figures about the open article, and a busy indicator while one loads."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.file_label = QLabel(self)
        self.words_label = QLabel(self)
        self.quotes_label = QLabel(self)
        self.people_label = QLabel(self)
        self.time_label = QLabel(self)
        self.busy = QProgressBar(self)
        self.busy.setRange(0, 0)  # indeterminate
        self.busy.setMaximumWidth(120)
        self.busy.setMaximumHeight(14)
        self.busy.setTextVisible(False)
        self.busy.hide()
        self.addWidget(self.file_label, 1)
        for label in (self.words_label, self.quotes_label, self.people_label, self.time_label):
            self.addPermanentWidget(label)
        self.addPermanentWidget(self.busy)
        self.show_article(None)

    def show_article(self, loaded: LoadedArticle | None) -> None:
        if loaded is None:
            texts = ["No article", "", "", "", ""]
        else:
            extraction = loaded.extraction
            texts = [
                loaded.path.name,
                f"{loaded.word_count:,} words",
                f"{len(extraction.quotes)} quotes",
                f"{len(extraction.people)} people",
                f"extracted in {format_seconds(loaded.extract_seconds)}",
            ]
            self.file_label.setToolTip(str(loaded.path))
        labels = (self.file_label, self.words_label, self.quotes_label, self.people_label, self.time_label)
        for label, text in zip(labels, texts, strict=True):
            label.setText(text)
            label.setVisible(bool(text))

    def show_reading(self, read: ReadArticle) -> None:
        """The text is shown and extraction is still running."""
        self.file_label.setText(read.path.name)
        self.file_label.setToolTip(str(read.path))
        self.words_label.setText(f"{read.word_count:,} words")
        self.words_label.show()
        for label in (self.quotes_label, self.people_label, self.time_label):
            label.hide()

    def set_busy(self, message: str | None) -> None:
        """Show the busy indicator with ``message``; None hides it."""
        self.busy.setVisible(message is not None)
        if message:
            self.showMessage(message)
        else:
            self.clearMessage()
