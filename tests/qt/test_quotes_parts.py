"""A quote interrupted by its attribution is one entry in the Quotes tab, and one on the clipboard."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from annotator.core.extraction.model import Extraction, Person, Quote, Span
from annotator.qt.sidebar.attribution import spoken_words, with_attribution
from annotator.qt.sidebar.quotes_model import START_ROLE, TEXT_ROLE, QuotesFilterModel, QuotesModel
from tests.qt.conftest import open_and_wait
from tests.qt.test_main_window import click_quote

pytestmark = pytest.mark.gui

STORY = (
    "Ferry timetable cut for the winter\n\n"
    "Ines Varga runs the ferry company on the island of Tessel.\n\n"
    "“The ferry will run,” she said, “but only twice a day.”\n\n"
    "“Tickets stay at the old price,” Varga said.\n"
)


def interrupted(text: str, first: str, second: str, speaker: str | None = "Ines Varga") -> Quote:
    """A quote made of two pieces of ``text``, the words between them left out."""
    a = text.index(first)
    b = text.index(second, a + len(first))
    parts = [Span(a, a + len(first)), Span(b, b + len(second))]
    return Quote("q1", a, b + len(second), text[a : b + len(second)], "direct", speaker, "p1" if speaker else None, parts=parts)


@pytest.mark.parametrize(
    ("text", "first", "second", "words"),
    [
        ("“The bridge,” he said, “is closed.”", "“The bridge,”", "“is closed.”", "The bridge is closed."),
        ("“If we wait,” she said, “the bridge will fall.”", "“If we wait,”", "“the bridge will fall.”", "If we wait, the bridge will fall."),
        ("‘Yes,’ said Jo Park, a nurse. ‘We stay.’", "‘Yes,’", "‘We stay.’", "Yes. We stay."),
        ("«Oui», dit-elle, «on reste.»", "«Oui»", "«on reste.»", "Oui on reste."),
        ("“We were —” he said — “we were lost.”", "“We were —”", "“we were lost.”", "We were — we were lost."),
        ("“Frankly,” she said, “it is a mess,”", "“Frankly,”", "“it is a mess,”", "Frankly, it is a mess"),
    ],
)
def test_spoken_words_join_the_parts_as_one_sentence(text, first, second, words):
    assert spoken_words(interrupted(text, first, second)) == words


def test_copy_with_attribution_of_an_interrupted_quote():
    quote = interrupted(STORY, "“The ferry will run,”", "“but only twice a day.”")
    person = Person("p1", "Ines Varga", role="ferry operator")
    assert with_attribution(quote, person) == "‘The ferry will run but only twice a day.’ — Ines Varga, ferry operator"


def test_quotes_model_shows_one_row_without_the_attribution(qtmodeltester):
    quote = interrupted(STORY, "“The ferry will run,”", "“but only twice a day.”")
    model = QuotesModel()
    model.set_extraction(Extraction([Person("p1", "Ines Varga")], [quote]))
    qtmodeltester.check(model)
    index = model.index(0, 0)
    assert model.rowCount() == 1
    assert index.data(TEXT_ROLE) == "“The ferry will run,” … “but only twice a day.”"
    assert index.data(Qt.ItemDataRole.DisplayRole) == "Ines Varga: “The ferry will run,” … “but only twice a day.”"
    assert "in 2 parts" in index.data(Qt.ItemDataRole.ToolTipRole)
    assert "she said" not in index.data(Qt.ItemDataRole.ToolTipRole)
    assert index.data(START_ROLE) == quote.start

    proxy = QuotesFilterModel()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy)
    proxy.set_query("twice a day")
    assert proxy.rowCount() == 1
    proxy.set_query("she said")  # the attribution is not the quote's words
    assert proxy.rowCount() == 0


def test_the_real_extractor_gives_one_entry_that_selects_the_whole_span(qtbot, real_window, tmp_path: Path):
    path = tmp_path / "ferry.txt"
    path.write_text(STORY, encoding="utf-8")
    open_and_wait(qtbot, real_window, path)
    quotes = real_window.current.extraction.quotes
    assert len(quotes) == 2
    quote = quotes[0]
    assert len(quote.parts) == 2
    panel = real_window.sidebar.quotes
    assert panel.model.rowCount() == 2

    click_quote(qtbot, real_window, quote.id)
    assert real_window.view.selected_span() == (quote.start, quote.end)
    real_window.actions.copy_with_attribution.trigger()
    assert QGuiApplication.clipboard().text() == "‘The ferry will run but only twice a day.’ — Ines Varga"
