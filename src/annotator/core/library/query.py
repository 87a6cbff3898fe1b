"""A reader's search words as an FTS5 query, and the same words found again in a text.

People type words and ``"exact phrases"``; a word ending in ``*`` matches as a prefix. Every
term must occur (AND). FTS5's own operators are not passed through, so a stray ``-``, ``:``
or ``(`` in a pasted headline searches for the words rather than failing. FTS5 tells which
records match, not where; :func:`find_terms` finds the terms' places in a record's text, in
code points, with the same folding as the index (case and diacritics ignored).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

TOKEN = re.compile(r"\w+")
_TERM = re.compile(r'"([^"]*)"?|(\S+)')


@dataclass(frozen=True, slots=True)
class Term:
    tokens: tuple[str, ...]
    prefix: bool = False


def parse_query(query: str) -> list[Term]:
    """The terms of ``query``: each ``"phrase"`` or word, split into tokens as the index does."""
    terms: list[Term] = []
    for phrase, word in _TERM.findall(query):
        raw = phrase if phrase else word
        prefix = bool(word) and word.endswith("*")
        tokens = tuple(fold(token) for token in TOKEN.findall(raw))
        if tokens:
            terms.append(Term(tokens, prefix))
    return terms


def fts_query(terms: list[Term]) -> str:
    """The FTS5 MATCH expression for ``terms`` (every term required)."""
    return " ".join('"' + " ".join(term.tokens) + '"' + ("*" if term.prefix else "") for term in terms)


@lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    base = unicodedata.normalize("NFD", char)[0].lower()
    return base if len(base) == 1 else char


def fold(text: str) -> str:
    """``text`` lower-cased and without diacritics, one character for one (offsets keep)."""
    if text.isascii():
        return text.lower()
    return "".join(_fold_char(char) for char in text)


def term_pattern(terms: list[Term]) -> re.Pattern[str] | None:
    """A regex over folded text matching any of ``terms`` as whole words (or prefixes)."""
    alternatives = []
    for term in terms:
        body = r"\W+".join(re.escape(token) for token in term.tokens)
        alternatives.append(r"(?<!\w)" + body + (r"\w*" if term.prefix else r"(?!\w)"))
    return re.compile("|".join(alternatives)) if alternatives else None


def find_terms(text: str, pattern: re.Pattern[str] | None) -> list[tuple[int, int]]:
    """Each ``(start, end)`` in ``text`` where one of the terms occurs."""
    if pattern is None:
        return []
    return [match.span() for match in pattern.finditer(fold(text))]
