"""Attribution text, text search and quote lookup: the Qt layer's pure helpers."""

from __future__ import annotations

import pytest

from annotator.core.extraction.model import Extraction, Person, Quote, Span
from annotator.qt.sidebar.attribution import UNATTRIBUTED, quote_words, speaker_label, with_attribution
from annotator.qt.sidebar.quote_lookup import QuoteLookup
from annotator.qt.article.text_search import find_all


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("‘Since the situation is worse, it is easier to cooperate,’", "Since the situation is worse, it is easier to cooperate"),
        ("“We’ve seen this.”", "We’ve seen this."),
        ("«Nous verrons»", "Nous verrons"),
        ("'plain'", "plain"),
        ("no marks", "no marks"),
    ],
)
def test_quote_words_strip_marks_and_trailing_comma(text, words):
    assert quote_words(text) == words


def test_with_attribution_uses_name_and_role():
    person = Person("p1", "Kirill Budanov", role="head of Ukraine’s military intelligence")
    quote = Quote("q1", 0, 10, "‘It is getting easier,’", "direct", "Budanov", "p1")
    assert with_attribution(quote, person) == "‘It is getting easier’ — Kirill Budanov, head of Ukraine’s military intelligence"


def test_with_attribution_for_unnamed_and_unattributed():
    unnamed = Quote("q1", 0, 5, "“Never tested.”", "direct", "A senior council official")
    assert with_attribution(unnamed, None) == "‘Never tested.’ — A senior council official"
    nobody = Quote("q2", 0, 5, "“Hello”", "scare")
    assert with_attribution(nobody, None) == "‘Hello’"
    assert speaker_label(nobody) == UNATTRIBUTED


def test_find_all_is_case_insensitive_and_exact():
    text = "Straße STRASSE straße 🌊 Café café"
    first, second = text.index("Café"), text.index("café")
    assert find_all(text, "café") == [(first, first + 4), (second, second + 4)]
    assert find_all(text, "Café", case_sensitive=True) == [(first, first + 4)]
    assert find_all(text, "STRAßE") == [(0, 6), (15, 21)]  # no ß→ss folding: spans stay exact


def test_find_all_matches_any_whitespace_for_a_space():
    text = "at 6\u00a0pm and 6\npm and 6   pm"
    assert len(find_all(text, "6 pm")) == 3
    assert find_all(text, "   ") == []


def test_quote_lookup_finds_containing_quote_and_respects_parts():
    quotes = [
        Quote("q1", 10, 20, "x" * 10, "direct"),
        Quote("q2", 30, 60, "y" * 30, "direct", parts=[Span(30, 40), Span(50, 60)]),
    ]
    lookup = QuoteLookup(Extraction([], quotes))
    assert lookup.quote_at(9) is None
    assert lookup.quote_at(10).id == "q1"
    assert lookup.quote_at(19).id == "q1"
    assert lookup.quote_at(20) is None
    assert lookup.quote_at(35).id == "q2"
    assert lookup.quote_at(45) is None  # the attribution between the parts
    assert lookup.quote_at(55).id == "q2"
