"""Extraction never raises, and what it reports always lies inside the text (hypothesis)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.extraction.quotes import QUOTE_CHARS
from tests.core.extraction_support import run

MARKS = sorted(QUOTE_CHARS)
WORDS = ["Ana", "Lima", "said", "he", "she", "the", "Mr", "President", "Kyiv’s", "don’t", "told", "—", "–", ":", ",", "."]
newsy = st.lists(
    st.one_of(st.sampled_from(MARKS), st.sampled_from(WORDS), st.sampled_from([" ", " ", "\n", "\n\n", "\u00a0"])),
    max_size=200,
).map("".join)


def check(text: str) -> None:
    result = run(text)
    spans = sorted((q.start, q.end) for q in result.quotes)
    for (_, a_end), (b_start, _) in zip(spans, spans[1:]):
        assert a_end <= b_start
    for quote in result.quotes:
        assert 0 <= quote.start < quote.end <= len(text)
        assert quote.text == text[quote.start : quote.end]
        for span in (quote.speaker_mention, quote.cue):
            if span is not None:
                assert 0 <= span.start <= span.end <= len(text)
        if quote.speaker_id is not None:
            assert result.person(quote.speaker_id) is not None
    for person in result.people:
        assert person.mentions
        for mention in person.mentions:
            assert 0 <= mention.start < mention.end <= len(text)
    assert result.seconds >= 0


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=300))
def test_random_text_never_raises(text):
    check(text)


@settings(max_examples=200, deadline=None)
@given(newsy)
def test_random_quote_marks_and_news_words_never_raise(text):
    check(text)


@settings(max_examples=10, deadline=None)
@given(st.sampled_from(MARKS), st.integers(min_value=2_000, max_value=20_000))
def test_huge_paragraphs_without_breaks(mark, words):
    text = " ".join(f"{mark}Ana Lima said{mark} he" if n % 97 == 0 else "word" for n in range(words))
    check(text)
