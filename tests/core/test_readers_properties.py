"""Properties that hold for any input: only ArticleError escapes, blocks are always well formed."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.core.article import ArticleError
from annotator.core.readers import read_article
from annotator.core.readers.structure import recover_blocks

from .readers_support import assert_blocks_well_formed

NEWSY_ALPHABET = st.sampled_from(
    list("abcXYZ .,:;!?-–—'\"‘’“”•*()0123456789\n\n\n\t ")
    + ["\u00a0", "\r", "é", "🙂", "By ", "READ MORE: ", "Source: ", "LONDON 1996-08-30", "pictured", "\u0301"]
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.binary(max_size=600), suffix=st.sampled_from([".txt", ".html", ".md", ".dat", ""]))
def test_random_bytes_give_an_article_or_an_article_error(data, suffix):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"input{suffix}"
        path.write_bytes(data)
        try:
            article = read_article(path)
        except ArticleError as error:
            assert str(error)
            return
    assert article.text.strip()
    assert_blocks_well_formed(article.text, article.blocks)


@settings(max_examples=300, deadline=None)
@given(parts=st.lists(NEWSY_ALPHABET, max_size=120))
def test_blocks_are_sorted_disjoint_trimmed_and_cover_the_text(parts):
    text = "".join(parts).replace("\r", "\n")
    assert_blocks_well_formed(text, recover_blocks(text))


@settings(max_examples=100, deadline=None)
@given(text=st.text(max_size=400))
def test_any_unicode_text_keeps_its_code_points(text):
    if not text.strip():
        return
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "story.txt"
        path.write_bytes(text.encode("utf-8"))
        try:
            article = read_article(path)
        except ArticleError:
            return
    expected = text.replace("\r\n", "\n").replace("\r", "\n")
    assert article.text == expected.removeprefix("\ufeff")
    assert_blocks_well_formed(article.text, article.blocks)
