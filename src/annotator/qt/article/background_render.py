"""Builds a long article's document again on a worker, after a zoom or a theme change.

A zoom or a theme change needs the document rebuilt with new formats: on a 5 MB article that
held the window for about a second. The rebuild runs on the thread pool instead (as the first
build does in the loader), and the view swaps the new document in when it arrives. Only the
latest request counts: a result built for an article or formats the view no longer shows is
dropped, so zooming three steps quickly swaps once.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from annotator.core.article import Article
from annotator.qt.gui_handoff import GuiMailbox


class _RenderJob(QRunnable):
    def __init__(
        self, number: int, article: Article, render: Callable[[Article], object], renderer: BackgroundRenderer
    ) -> None:
        super().__init__()
        self._number, self._article, self._render, self._renderer = number, article, render, renderer

    def run(self) -> None:
        rendered = self._render(self._article)
        self._renderer.mailbox.deliver(self._renderer._done, self._number, self._article, rendered)


class BackgroundRenderer(QObject):
    """Renders on a thread pool of its own; ``rendered(article, document)`` reports the latest."""

    rendered = Signal(object, object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._requested = 0
        self._delivered = 0
        # A pool of its own, made before the mailbox: children are deleted in the order they
        # were made, and a pool's destructor waits for its jobs, so a rebuild still running when
        # the view goes away finishes before the mailbox it reports to is deleted.
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self.mailbox = GuiMailbox(self)

    @property
    def pending(self) -> bool:
        return self._requested != self._delivered

    def render(self, article: Article, render: Callable[[Article], object]) -> None:
        self._requested += 1
        self._pool.start(_RenderJob(self._requested, article, render, self))

    def wait(self, msecs: int = -1) -> bool:
        """Block until running rebuilds finish (for shutdown and tests)."""
        return self._pool.waitForDone(msecs)

    def cancel(self) -> None:
        """Forget what is being built (a new article replaced the one being rebuilt)."""
        self._requested += 1
        self._delivered = self._requested

    def _done(self, number: int, article: Article, rendered: object) -> None:
        if number == self._requested:
            self._delivered = number
            self.rendered.emit(article, rendered)
