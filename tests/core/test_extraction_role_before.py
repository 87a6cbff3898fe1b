"""The role phrase before a name (``Russian foreign minister``) is found exactly as by reading every
word of the window, though most names are settled on the last word alone."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.extraction import roles
from annotator.core.extraction.wordlists import Lexicon, load_lexicon

LEXICON = load_lexicon()


def _read_every_word(text: str, floor: int, start: int, lex: Lexicon) -> int | None:
    pos = start
    window = max(floor, start - 80)
    segment = text[window:pos]
    if segment.endswith(", "):
        segment = segment[:-2]
        pos -= 2
    role_start, found_title, cursor = None, False, pos
    for word in reversed(re.findall(r"[\w’'\-]+|[^\w\s]", segment)[-6:]):
        idx = text.rfind(word, window, cursor)
        if idx < 0:
            break
        key = word.lower()
        base = key[:-2] if key.endswith(("’s", "'s")) else key
        if key in lex.titles:
            found_title = True
        elif not found_title:
            break
        elif key in lex.function_words or not word[0].isalnum():
            break
        elif not (key in roles._ROLE_MODIFIERS or base in lex.places or key in lex.demonyms or word[0].isupper()):
            break
        role_start = cursor = idx
    return role_start if found_title else None


def test_role_phrases_before_names() -> None:
    text = "Talks began. Russian foreign minister Sergei Lavrov met France’s top diplomat, Jean Roe."
    lavrov, roe = text.index("Sergei"), text.index("Jean")
    assert text[roles._role_before(text, 0, lavrov, LEXICON) : lavrov] == "Russian foreign minister "
    assert text[roles._role_before(text, 0, roe, LEXICON) : roe] == "France’s top diplomat, "
    assert roles._role_before(text, 0, text.index("Talks"), LEXICON) is None


_PIECES = ["President", "senior", "minister", "Mr", ",", "the", "of", "Russian", "France’s", "foreign", " ", "\u2003",
           "\x1c", "-", "'s", "’", "top", "diplomat", "a", "Chief", "\n", "US", "leader"]  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_PIECES), st.sampled_from(["", " ", ", "])), max_size=14), st.data())
def test_same_role_start_as_reading_every_word(pieces: list[tuple[str, str]], data: st.DataObject) -> None:
    text = "".join(a + b for a, b in pieces)
    start = data.draw(st.integers(0, len(text)))
    floor = data.draw(st.integers(0, start))
    assert roles._role_before(text, floor, start, LEXICON) == _read_every_word(text, floor, start, LEXICON)
