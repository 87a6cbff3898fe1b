"""The sidebar's item models: checked by qtmodeltester, ordered and filtered as users expect."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from annotator.core.article import Article
from annotator.core.extraction.model import Extraction, Person, Quote, Span
from annotator.qt.sidebar.attribution import UNATTRIBUTED
from annotator.qt.sidebar.people_model import MENTIONS, NAME, QUOTES, PeopleModel, PeopleSortModel
from annotator.qt.sidebar.quotes_model import (
    KIND_ROLE,
    QUOTE_ID_ROLE,
    ROLE_ROLE,
    SPEAKER_ROLE,
    QuotesFilterModel,
    QuotesModel,
)
from tests.qt.conftest import HARBOUR, harbour_extraction
from annotator.core.readers import read_article

pytestmark = pytest.mark.gui


@pytest.fixture
def extraction() -> Extraction:
    return harbour_extraction(read_article(HARBOUR))


def test_quotes_model_passes_modeltester(qtmodeltester, extraction):
    model = QuotesModel()
    model.set_extraction(extraction)
    qtmodeltester.check(model, force_py=True)
    model.set_extraction(Extraction())
    qtmodeltester.check(model, force_py=True)


def test_quotes_filter_model_passes_modeltester(qtmodeltester, extraction):
    model = QuotesModel()
    model.set_extraction(extraction)
    proxy = QuotesFilterModel()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy, force_py=True)
    proxy.set_speaker_id("p1")
    proxy.set_query("cellar")
    qtmodeltester.check(proxy, force_py=True)
    assert proxy.rowCount() == 1


def test_people_models_pass_modeltester(qtmodeltester, extraction):
    model = PeopleModel()
    model.set_extraction(extraction)
    qtmodeltester.check(model, force_py=True)
    proxy = PeopleSortModel()
    proxy.setSourceModel(model)
    proxy.sort(MENTIONS, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(proxy, force_py=True)


def test_quotes_are_in_text_order_with_their_roles(extraction):
    shuffled = Extraction(extraction.people, list(reversed(extraction.quotes)))
    model = QuotesModel()
    model.set_extraction(shuffled)
    starts = [model.quote(row).start for row in range(model.rowCount())]
    assert starts == sorted(starts)
    index = model.index(model.row_of("q3"), 0)
    assert model.data(index, SPEAKER_ROLE) == "Tomasz Wiśniewski"
    assert model.data(index, ROLE_ROLE) == "harbour master"
    assert model.data(index, KIND_ROLE) == "direct"
    assert model.data(index, QUOTE_ID_ROLE) == "q3"


def test_unattributed_and_unnamed_speakers_filter_separately():
    quotes = [
        Quote("q1", 0, 5, "“a”", "direct"),
        Quote("q2", 6, 11, "“b”", "direct", speaker="A senior official"),
        Quote("q3", 12, 17, "“c”", "direct", speaker="Ann Lee", speaker_id="p1"),
    ]
    model = QuotesModel()
    model.set_extraction(Extraction([Person("p1", "Ann Lee")], quotes))
    proxy = QuotesFilterModel()
    proxy.setSourceModel(model)
    proxy.set_speaker_id(UNATTRIBUTED)
    assert [proxy.data(proxy.index(r, 0), QUOTE_ID_ROLE) for r in range(proxy.rowCount())] == ["q1"]
    proxy.set_speaker_id("A senior official")
    assert [proxy.data(proxy.index(r, 0), QUOTE_ID_ROLE) for r in range(proxy.rowCount())] == ["q2"]
    proxy.set_speaker_id("p1")
    assert [proxy.data(proxy.index(r, 0), QUOTE_ID_ROLE) for r in range(proxy.rowCount())] == ["q3"]
    proxy.set_speaker_id(None)
    proxy.set_query("a senior")
    assert proxy.rowCount() == 1


def test_people_sorted_by_prominence_then_by_clicked_column(extraction):
    model = PeopleModel()
    model.set_extraction(extraction)
    assert [model.person(r).name for r in range(model.rowCount())] == [
        "Renée Lefèvre",  # 3 quotes
        "Tomasz Wiśniewski",  # 2 quotes
        "Zoe\u0308 Quiñones",  # none
    ]
    proxy = PeopleSortModel()
    proxy.setSourceModel(model)
    proxy.sort(NAME, Qt.SortOrder.AscendingOrder)
    assert proxy.data(proxy.index(0, NAME)) == "Renée Lefèvre"
    proxy.sort(QUOTES, Qt.SortOrder.AscendingOrder)
    assert proxy.data(proxy.index(0, QUOTES)) == "0"
    assert model.data(model.index(0, MENTIONS)) == str(len(extraction.person("p1").mentions))


def test_person_with_no_mentions_sorts_last_among_equals():
    people = [Person("p1", "Zed", mentions=[Span(50, 53)]), Person("p2", "Amy", mentions=[Span(1, 4)])]
    model = PeopleModel()
    model.set_extraction(Extraction(people, []))
    assert [model.person(r).id for r in range(model.rowCount())] == ["p2", "p1"]  # first mentioned first


def test_empty_article_has_no_rows(qtmodeltester):
    model = PeopleModel()
    model.set_extraction(Extraction())
    assert model.rowCount() == 0
    qtmodeltester.check(model, force_py=True)
    assert Article(source=Path("x"), text="") is not None


def test_quote_cards_wrap_without_losing_characters_after_emoji(qapp):
    from PySide6.QtGui import QFont

    from annotator.qt.sidebar.quote_delegate import wrapped_lines

    text = "“We lost everything in the cellar: flour, wine, the new oven 🔥. Nobody from the harbour office called,”"
    lines = wrapped_lines(text, QFont(), 180, max_lines=20)
    assert len(lines) > 2
    assert " ".join(lines) == text
    elided = wrapped_lines(text, QFont(), 180, max_lines=2)
    assert len(elided) == 2 and elided[1].endswith("…")
