"""Reads, renders and extracts an article on a worker thread, so the window never freezes.

Signals of ``ArticleLoader``:
    started(str): a file began loading (the window shows its busy indicator).
    text_ready(ReadArticle): the text is read and its document rendered; show it now,
        quotes and people follow (on a 5 MB article, extraction takes seconds).
    loaded(LoadedArticle): extraction finished (or failed: then ``problem`` says why and
        the extraction is empty, so the article stays readable).
    failed(str, str): the path and a message for the user when the file cannot be read;
        nothing else changes.

Only what the user will see counts: if they open B while A is still loading, A's text is
dropped when it arrives, and A's quotes once B's text is on screen. If B then cannot be
read, A (whose text is still shown) still gets its quotes and people.
"""

from __future__ import annotations

import gc
import re
import sys
import time
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from annotator.core.article import Article, ArticleError
from annotator.core.extraction.model import Extraction
from annotator.qt.gui_handoff import GuiMailbox

_WORD = re.compile(r"\w+(?:[’'-]\w+)*")
# How long a thread running Python may keep the interpreter when another asks for it. Python's
# default, 5 ms, is paid by the GUI thread each time it enters Python (every paint, every item
# of a view) while a worker extracts: a repaint that enters Python twenty times waited 100 ms.
# A tenth of a millisecond keeps every event under 50 ms on a 10 MB article (half a millisecond
# still let 60–90 ms through) and costs the worker nothing measurable.
GUI_FRIENDLY_SWITCH_INTERVAL_S = 0.0001


@dataclass(frozen=True)
class ReadArticle:
    """An article read from disk, with what the window asked to have prepared on the worker.

    ``rendered`` is its document when a renderer was given; ``prepared`` what ``prepare(article)``
    returned (the window opens the article's annotations there: reading and re-anchoring 10,000
    of them on the GUI thread, while extraction competed for the interpreter, took 0.5 s).
    """

    path: Path
    article: Article
    word_count: int
    read_seconds: float
    rendered: object | None = None
    prepared: object | None = None


@dataclass(frozen=True)
class LoadedArticle:
    """An article with its extraction and the figures the status bar shows."""

    path: Path
    article: Article
    extraction: Extraction
    word_count: int
    read_seconds: float
    extract_seconds: float
    problem: str | None = None


def count_words(text: str) -> int:
    """Words as a reader counts them: "don’t" and "half-built" are one word each."""
    return sum(1 for _ in _WORD.finditer(text))


def read_with_core(path: Path) -> Article:
    from annotator.core.readers import read_article

    return read_article(path)


def extract_with_core(article: Article) -> Extraction:
    from annotator.core.extraction import extract

    return extract(article)


@contextmanager
def long_lived_results() -> Iterator[None]:
    """Build an article's results without the cyclic collector, then exempt them from it.

    Python's collector runs on whichever thread allocates, holding the interpreter: while a
    worker read a 10 MB article it ran full collections of 20–60 ms, and after extraction one
    pass over the millions of new objects (text pieces, quotes, mentions) took 110–180 ms per
    generation, twice on the GUI thread (measured with ``gc.callbacks``). Those objects are
    freed by reference counting when the article is closed; they hold no cycles for the
    collector to find. So the collector is paused for the whole job and, at its end,
    ``gc.freeze()`` moves every object alive into the permanent generation, which later
    collections skip, instead of scanning the lot again and again.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if was_enabled:
            gc.enable()


ReadFunction = Callable[[Path], Article]
ExtractFunction = Callable[[Article], Extraction]
RenderFunction = Callable[[Article], object]
PrepareFunction = Callable[[Article], object]


class _LoadJob(QRunnable):
    def __init__(
        self,
        generation: int,
        path: Path,
        steps: tuple[ReadFunction, ExtractFunction, RenderFunction | None, PrepareFunction | None],
        loader: ArticleLoader,
    ) -> None:
        super().__init__()
        self._generation = generation
        self._path = path
        self._read, self._extract, self._render, self._prepare = steps
        self._loader = loader

    def run(self) -> None:
        with long_lived_results():
            self._load()

    def _report(self, receiver: Callable[..., None], *result: object) -> None:
        """Hand ``result`` to the loader on the GUI thread (see ``gui_handoff`` for why not a signal)."""
        self._loader.mailbox.deliver(receiver, self._generation, *result)

    def _load(self) -> None:
        started = time.perf_counter()
        try:
            article = self._read(self._path)
            rendered = self._render(article) if self._render else None
        except ArticleError as error:
            self._report(self._loader._failed, str(self._path), str(error))
            return
        except Exception as error:  # a bug must reach the user as a message, not kill the app
            traceback.print_exc()
            message = f"Annotator could not open {self._path.name}: {type(error).__name__}: {error}"
            self._report(self._loader._failed, str(self._path), message)
            return
        prepared = None
        if self._prepare is not None:
            try:
                prepared = self._prepare(article)
            except Exception:  # the window prepares it again itself, and reports what goes wrong
                traceback.print_exc()
        read_seconds = time.perf_counter() - started
        words = count_words(article.text)
        read = ReadArticle(self._path, article, words, read_seconds, rendered, prepared)
        self._report(self._loader._text_ready, read)
        # The document now belongs to the GUI thread: let it be the one to delete it.
        del read, rendered, prepared
        extract_started = time.perf_counter()
        problem = None
        try:
            extraction = self._extract(article)
        except Exception as error:
            traceback.print_exc()
            extraction = Extraction()
            problem = f"Quotes and people could not be found: {type(error).__name__}: {error}"
        loaded = LoadedArticle(
            self._path, article, extraction, words, read_seconds, time.perf_counter() - extract_started, problem
        )
        self._report(self._loader._finished, loaded)


class ArticleLoader(QObject):
    """Starts loads on a thread pool and reports the latest one; see the module docstring."""

    started = Signal(str)
    text_ready = Signal(object)
    loaded = Signal(object)
    failed = Signal(str, str)

    def __init__(
        self,
        read: ReadFunction = read_with_core,
        extract: ExtractFunction = extract_with_core,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._read = read
        self._extract = extract
        self._generation = 0  # the latest request
        self._shown = 0  # the request whose text was last handed to the window
        self._busy = False
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(2)
        self.mailbox = GuiMailbox(self)

    @property
    def busy(self) -> bool:
        return self._busy

    def load(
        self, path: str | Path, render: RenderFunction | None = None, prepare: PrepareFunction | None = None
    ) -> None:
        """Load ``path``; ``render(article)`` and ``prepare(article)`` run on the worker too (see ``ReadArticle``)."""
        self._generation += 1
        self._busy = True
        if sys.getswitchinterval() > GUI_FRIENDLY_SWITCH_INTERVAL_S:
            sys.setswitchinterval(GUI_FRIENDLY_SWITCH_INTERVAL_S)
        path = Path(path)
        self.started.emit(str(path))
        steps = (self._read, self._extract, render, prepare)
        self._pool.start(_LoadJob(self._generation, path, steps, self))

    def wait(self, msecs: int = -1) -> bool:
        """Block until running loads finish (for shutdown and tests)."""
        return self._pool.waitForDone(msecs)

    def _text_ready(self, generation: int, result: ReadArticle) -> None:
        if generation == self._generation:
            self._shown = generation
            self.text_ready.emit(result)

    def _finished(self, generation: int, result: LoadedArticle) -> None:
        if generation == self._generation:
            self._busy = False
        if generation == self._shown:
            self.loaded.emit(result)

    def _failed(self, generation: int, path: str, message: str) -> None:
        if generation == self._generation:
            self._busy = False
            self.failed.emit(path, message)
