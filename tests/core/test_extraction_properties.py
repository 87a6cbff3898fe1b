"""Extraction never raises, and what it reports always lies inside the text (hypothesis)."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.core.article import BLOCK_KINDS, ArticleError, Block
from annotator.core.extraction.quotes import QUOTE_CHARS
from annotator.core.readers.decoding import DecodedText
from annotator.core.readers.html_reader import article_from_html
from annotator.core.readers.markdown_reader import article_from_markdown
from annotator.core.readers.structure import recover_blocks
from tests.core.extraction_support import run
from tests.core.test_readers_properties import MARKDOWN_LINES, html_documents

MARKS = sorted(QUOTE_CHARS)
WORDS = [
    "Ana", "Lima", "said", "says", "he", "she", "the", "Mr", "Mrs.", "Dr", "President", "Kyiv’s", "don’t", "told",
    "according to", "added", "—", "–", ":", ",", ".", "?", "…", "(", ")", "O'Brien", "Jean-Luc", "ANA LIMA",
    "By", "READ MORE:", "LONDON —", "pictured", "'", '"', "\u0301", "🙂", "\t", "•",
]
newsy = st.lists(
    st.one_of(st.sampled_from(MARKS), st.sampled_from(WORDS), st.sampled_from([" ", " ", "\n", "\n\n", "\u00a0"])),
    max_size=200,
).map("".join)


def check(text: str, blocks: list[Block] | None = None) -> None:
    """Every span inside the text and consistent with it; every reference resolves."""
    result = run(text, blocks)
    spans = sorted((q.start, q.end) for q in result.quotes)
    for (_, a_end), (b_start, _) in zip(spans, spans[1:]):
        assert a_end <= b_start
    person_ids = [person.id for person in result.people]
    assert len(set(person_ids)) == len(person_ids)
    assert len({quote.id for quote in result.quotes}) == len(result.quotes)
    for quote in result.quotes:
        assert 0 <= quote.start < quote.end <= len(text)
        assert quote.text == text[quote.start : quote.end]
        for span in (quote.speaker_mention, quote.cue, *quote.parts):
            if span is not None:
                assert 0 <= span.start < span.end <= len(text), (span, quote)
        if quote.parts:  # a quote interrupted by its attribution: it runs from the first part to the last
            assert (quote.parts[0].start, quote.parts[-1].end) == (quote.start, quote.end)
            for before, after in zip(quote.parts, quote.parts[1:]):
                assert before.end <= after.start
        assert (quote.cue is None) == (quote.cue_text is None)
        if quote.cue is not None:
            assert quote.cue_text == text[quote.cue.start : quote.cue.end]
        if quote.speaker_id is not None:  # a mention alone may be an unresolved pronoun (speaker null)
            assert quote.speaker
        if quote.speaker_id is not None:
            assert result.person(quote.speaker_id) is not None
    for person in result.people:
        assert person.mentions and person.name
        for mention in person.mentions:
            assert 0 <= mention.start < mention.end <= len(text)
        forms = {text[mention.start : mention.end] for mention in person.mentions}
        assert set(person.aliases) <= forms  # aliases are spellings found in the text
        spoken = [q for q in result.quotes if q.speaker_id == person.id and q.kind != "scare"]
        assert person.quote_count == len(spoken)
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


#: Pieces that set off the rules for one-line text (lost paragraph breaks), page chrome, caption
#: credits, points-back sentences, tags after ``!``, wrong marks after a cue and described sources.
ONE_LINE_PIECES = [
    "Ana Lima", "said", "he said.", "she said,", "Story continues below advertisement", "READ MORE: Delays cost city",
    "(Sean Roe/The Canadian Press)", "That’s how Ravi Singh describes it.", "So says", "KANSAS CITY, Mo. —",
    "“We’re not done!”", "Mahomes shouted.", "He says,”", "The minister rejected that.", "the unit said", "•",
    "THE CANADIAN PRESS/Adrian Wyld", "AP Photo/Jane Roe", "Kristen Bell, who worked there when Hehr was an MLA,",
    "Maurice (Rocket) Richard", "Marie-France Dubreuil", "beat Serena Williams 6-3, 7-5", "the Tragically Hip",
    "Environment Canada senior climatologist Dave Phillips", '<tweet author="@roe">', "Uber drivers rally",
    "according to", "Dr.", "Hon.", "  ", "   ", ".", "!", "?", ",", ":", "\r", "\x00", "\x0b", "\u00a0", "\u0301", "🙂",
]
one_line = st.lists(
    st.one_of(st.sampled_from(ONE_LINE_PIECES), st.sampled_from(MARKS)), max_size=80
).map(" ".join)


@settings(max_examples=150, deadline=None)
@given(one_line, st.booleans(), st.integers(min_value=1, max_value=40))
def test_one_line_texts_and_their_paragraphed_twins_never_raise(text, paragraphed, repeats):
    text = " ".join([text] * repeats)
    check(text.replace("   ", "\n\n") if paragraphed else text)


@st.composite
def texts_with_blocks(draw) -> tuple[str, list[Block]]:
    """News-like text with either the reader's blocks or arbitrary well-formed ones."""
    text = draw(newsy)
    if draw(st.booleans()):
        return text, recover_blocks(text)
    cuts = sorted(set(draw(st.lists(st.integers(0, len(text)), max_size=12))))
    pairs = [(start, end) for start, end in zip(cuts[::2], cuts[1::2]) if start < end]
    return text, [Block(draw(st.sampled_from(BLOCK_KINDS)), start, end) for start, end in pairs]


@settings(max_examples=200, deadline=None)
@given(texts_with_blocks())
def test_any_blocks_keep_spans_inside_the_text(case):
    check(*case)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    source=st.one_of(
        st.tuples(st.just("markdown"), st.lists(st.sampled_from(MARKDOWN_LINES) | newsy, max_size=20).map("\n".join)),
        st.tuples(st.just("html"), html_documents()),
    )
)
def test_articles_from_the_readers_keep_spans_inside_the_text(source):
    kind, document = source
    read = article_from_markdown if kind == "markdown" else article_from_html
    try:
        article = read(Path(f"story.{kind}"), DecodedText(document, "utf-8"))
    except ArticleError:
        return
    check(article.text, article.blocks)
