"""Reads and extracts an article on a worker thread, so the window never freezes.

Signals of ``ArticleLoader``:
    started(str): a file began loading (the window shows its busy indicator).
    loaded(LoadedArticle): reading and extraction finished.
    failed(str, str): the path and a message for the user; nothing else changes.

Only the latest request counts: if the user opens B while A is still loading, A's result
is dropped when it arrives.
"""

from __future__ import annotations

import re
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from annotator.core.article import Article, ArticleError
from annotator.core.extraction.model import Extraction

_WORD = re.compile(r"\w+(?:[’'-]\w+)*")


@dataclass(frozen=True)
class LoadedArticle:
    """An article with its extraction and the figures the status bar shows."""

    path: Path
    article: Article
    extraction: Extraction
    word_count: int
    read_seconds: float
    extract_seconds: float


def count_words(text: str) -> int:
    """Words as a reader counts them: "don’t" and "half-built" are one word each."""
    return sum(1 for _ in _WORD.finditer(text))


def read_and_extract(path: Path) -> LoadedArticle:
    """The default loading work: the core reader, then the core extractor, timed."""
    from annotator.core.extraction import extract
    from annotator.core.readers import read_article

    started = time.perf_counter()
    article = read_article(path)
    read_done = time.perf_counter()
    extraction = extract(article)
    extract_done = time.perf_counter()
    return LoadedArticle(
        path=path,
        article=article,
        extraction=extraction,
        word_count=count_words(article.text),
        read_seconds=read_done - started,
        extract_seconds=extract_done - read_done,
    )


LoadFunction = Callable[[Path], LoadedArticle]


class _Relay(QObject):
    """Carries a worker's outcome back to the GUI thread (signals cross threads queued)."""

    done = Signal(int, object)
    error = Signal(int, str, str)


class _LoadJob(QRunnable):
    def __init__(self, generation: int, path: Path, load: LoadFunction, relay: _Relay) -> None:
        super().__init__()
        self._generation = generation
        self._path = path
        self._load = load
        self._relay = relay

    def run(self) -> None:
        try:
            result = self._load(self._path)
        except ArticleError as error:
            self._relay.error.emit(self._generation, str(self._path), str(error))
        except Exception as error:  # a bug must reach the user as a message, not kill the app
            traceback.print_exc()
            message = f"Annotator could not open {self._path.name}: {type(error).__name__}: {error}"
            self._relay.error.emit(self._generation, str(self._path), message)
        else:
            self._relay.done.emit(self._generation, result)


class ArticleLoader(QObject):
    """Starts loads on a thread pool and reports the latest one; see the module docstring."""

    started = Signal(str)
    loaded = Signal(object)
    failed = Signal(str, str)

    def __init__(self, load: LoadFunction = read_and_extract, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._load = load
        self._generation = 0
        self._busy = False
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(2)
        self._relay = _Relay(self)
        self._relay.done.connect(self._finished)
        self._relay.error.connect(self._failed)

    @property
    def busy(self) -> bool:
        return self._busy

    def load(self, path: str | Path) -> None:
        self._generation += 1
        self._busy = True
        path = Path(path)
        self.started.emit(str(path))
        self._pool.start(_LoadJob(self._generation, path, self._load, self._relay))

    def wait(self, msecs: int = -1) -> bool:
        """Block until running loads finish (for shutdown and tests)."""
        return self._pool.waitForDone(msecs)

    def _finished(self, generation: int, result: LoadedArticle) -> None:
        if generation == self._generation:
            self._busy = False
            self.loaded.emit(result)

    def _failed(self, generation: int, path: str, message: str) -> None:
        if generation == self._generation:
            self._busy = False
            self.failed.emit(path, message)
