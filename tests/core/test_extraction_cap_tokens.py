"""The capitalised-token regex that name chains are built from, written for speed, reads the same
tokens as the plain form with one alternative per kind of token (initials, ``Mc``/``Mac``/``O’``/``D’``
prefixes, words)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.extraction.names import _CAP_TOKEN_RE, _WORD, LOWER, UPPER, find_chains, is_all_caps
from annotator.core.extraction.wordlists import load_lexicon

_PLAIN_RE = re.compile(
    rf"(?P<initial>[{UPPER}]\.(?:[{UPPER}]\.)*)"
    rf"|(?P<word>(?:Mc|Mac|O['’]|D['’])?[{UPPER}]{_WORD}*(?:['’\-]{_WORD}+)*)"
)


def _tokens(pattern: re.Pattern[str], text: str, start: int = 0, end: int | None = None):
    end = len(text) if end is None else end
    return [(m.span(), m.lastgroup == "initial") for m in pattern.finditer(text, start, end)]


def test_names_with_prefixes_initials_and_hyphens_are_single_tokens() -> None:
    text = "J.R. McDonald met O’Brien, MacLeod, D'Alema and Ban Ki-moon; P. Simmons_X too."
    found = [(text[s:e], initial) for (s, e), initial in _tokens(_CAP_TOKEN_RE, text)]
    assert found == [
        ("J.R.", True),
        ("McDonald", False),
        ("O’Brien", False),
        ("MacLeod", False),
        ("D'Alema", False),
        ("Ban", False),
        ("Ki-moon", False),
        ("P.", True),
        ("Simmons", False),
        ("X", False),
    ]
    chains = find_chains(text, 0, len(text), load_lexicon())
    assert [text[c.start : c.end] for c in chains][:2] == ["J.R. McDonald", "O’Brien"]


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="MmcaOoDdBL'’-._ ÉéxX1İΣς\u2160", max_size=40), st.integers(0, 5), st.integers(0, 5))
def test_same_tokens_as_the_plain_pattern(text: str, cut_start: int, cut_end: int) -> None:
    start, end = min(cut_start, len(text)), max(min(cut_start, len(text)), len(text) - cut_end)
    assert _tokens(_CAP_TOKEN_RE, text, start, end) == _tokens(_PLAIN_RE, text, start, end)


def _plainly_all_caps(text: str) -> bool:
    head = text[:160]
    upper = len(re.findall(f"[{UPPER}]", head))
    if head.isupper():
        return upper >= 4
    return upper >= 4 and len(re.findall(f"[{LOWER}]", head)) * 5 < upper


def test_all_caps_lines() -> None:
    assert is_all_caps("CRICKET - LEICESTERSHIRE TAKE OVER AT TOP AFTER INNINGS VICTORY.")
    assert is_all_caps("SOCCER - RESULTS OF ENGLISH LEAGUE MATCHES ON SATURDAY (in pts)")
    assert not is_all_caps("Leicestershire beat Somerset by an innings and 39 runs in two days.")
    assert not is_all_caps("NEW YORK (AP) — a long line of prose follows the dateline here, " + "and more words " * 6)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="ABCxyz É.-é 1Σς", max_size=220))
def test_all_caps_reads_the_whole_head_when_the_start_does_not_settle_it(text: str) -> None:
    assert is_all_caps(text) == _plainly_all_caps(text)
