"""Fixtures for the window tests: throwaway settings, fixture articles, a window to drive.

The window tests run the real reader (``read_article``) on fixture files. Where a test
needs exact quote and people counts it uses ``harbour_extraction``: an extraction built by
hand for ``fixtures/harbour_article.txt`` (spans found by searching the text), so the GUI
behaviour is tested independently of how good the extractor is.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QStandardPaths

from annotator.core.article import Article
from annotator.core.extraction.model import Extraction, Person, Quote, Span
from annotator.core.readers import read_article
from annotator.qt.window.loader import ArticleLoader
from annotator.qt.window.main_window import MainWindow
from annotator.qt.window.settings import AppSettings

FIXTURES = Path(__file__).resolve().parent / "fixtures"
HARBOUR = FIXTURES / "harbour_article.txt"
SHARED = Path(__file__).resolve().parents[2].parent / "shared"
SEED_ARTICLE = SHARED / "corpus" / "dev" / "seed_article.txt"


@pytest.fixture
def settings(qapp) -> Iterator[AppSettings]:
    """Settings in Qt's test location, empty at the start and end of each test."""
    QStandardPaths.setTestModeEnabled(True)
    app_settings = AppSettings()
    app_settings.clear()
    yield app_settings
    app_settings.clear()
    app_settings.sync()


def _spans(text: str, pattern: str) -> list[Span]:
    return [Span(match.start(), match.end()) for match in re.finditer(pattern, text)]


def harbour_extraction(article: Article) -> Extraction:
    """People and quotes of the harbour fixture, located by searching its text."""
    text = article.text
    lefevre = Person("p1", "Renée Lefèvre", ["Lefèvre"], "owner of Café Étoile", _spans(text, "(?:Renée )?Lefèvre"))
    wisniewski = Person(
        "p2", "Tomasz Wiśniewski", ["Wiśniewski"], "harbour master", _spans(text, "(?:Tomasz )?Wiśniewski")
    )
    quinones = Person("p3", "Zoe\u0308 Quiñones", [], None, _spans(text, "Zoe\u0308 Quiñones"))
    quotes: list[Quote] = []

    def add(fragment: str, kind: str, speaker: Person | None) -> None:
        start = text.index(fragment)
        quotes.append(
            Quote(
                f"q{len(quotes) + 1}",
                start,
                start + len(fragment),
                fragment,
                kind,
                speaker.name if speaker else None,
                speaker.id if speaker else None,
            )
        )
        if speaker:
            speaker.quote_count += 1

    add("“faster than a tide should”", "partial", lefevre)
    add(text[text.index("“We lost") : text.index("called,”") + len("called,”")], "direct", lefevre)
    add("‘We sent the warning to every registered number,’", "direct", wisniewski)
    add("‘If a number was missing, we could not reach it.’", "direct", wisniewski)
    add("“I never got a message. Not one.”", "direct", lefevre)
    return Extraction([lefevre, wisniewski, quinones], quotes, 0.001)


def harbour_extract(article: Article) -> Extraction:
    """The hand-made extraction for the harbour fixture; an empty one for other files."""
    return harbour_extraction(article) if Path(article.source).name == HARBOUR.name else Extraction()


@pytest.fixture
def make_window(qtbot, settings) -> Callable[..., MainWindow]:
    """Builds a shown window reading with ``read`` and extracting with ``extract``."""

    def make(
        read: Callable[[Path], Article] = read_article, extract: Callable[[Article], Extraction] = harbour_extract
    ) -> MainWindow:
        window = MainWindow(settings, ArticleLoader(read, extract))
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        return window

    return make


@pytest.fixture
def window(make_window) -> MainWindow:
    return make_window()


def open_and_wait(qtbot, window: MainWindow, path: Path | str) -> None:
    """Open ``path`` as the user would and wait until the window shows it."""
    with qtbot.waitSignal(window.article_changed, timeout=20000):
        window.open_path(path)


@pytest.fixture
def real_window(make_window) -> MainWindow:
    """A window that loads with the application's own reader and extractor."""
    from annotator.qt.window.loader import extract_with_core, read_with_core

    return make_window(read_with_core, extract_with_core)
