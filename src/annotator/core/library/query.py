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


@lru_cache(maxsize=1)
def _fold_table() -> dict[int, str]:
    """Accented letters of the Latin, Greek and Cyrillic blocks mapped to their base letter."""
    table: dict[int, str] = {}
    for code in range(0xC0, 0x530):
        char = chr(code)
        base = unicodedata.normalize("NFD", char)[0]
        if base != char and len(base) == 1:
            table[code] = base.lower()
    return table


def fold(text: str) -> str:
    """``text`` lower-cased and without diacritics, one character for one (offsets keep).

    A character whose lower case is longer (``İ``) stays as it is, so offsets into the folded
    text are offsets into ``text``.
    """
    lowered = text.lower()
    if len(lowered) != len(text):
        lowered = "".join(char.lower() if len(char.lower()) == 1 else char for char in text)
    if lowered.isascii():
        return lowered
    return lowered.translate(_fold_table())


@lru_cache(maxsize=1)
def _variants() -> dict[str, str]:
    """Each base letter and the accented letters that fold to it (``e`` → ``éèêë…``)."""
    variants: dict[str, str] = {}
    for code, base in _fold_table().items():
        variants[base] = variants.get(base, "") + chr(code)
    return variants


def _letter(char: str) -> str:
    accented = _variants().get(char)
    return f"[{re.escape(char + accented)}]" if accented else re.escape(char)


class TermMatcher:
    """Finds the terms in a text, case and accents ignored, as spans of that text.

    Two regexes: for a text without accented letters (most English news), a plain one run
    on the lower-cased text, several times faster; else one with a class of accented forms
    for each letter, run case-insensitively on the text itself. Either way the spans are
    offsets into the text as given.
    """

    def __init__(self, terms: list[Term]) -> None:
        plain, rich = [], []
        for term in terms:
            tail = r"\w*" if term.prefix else r"(?!\w)"
            plain.append(r"\W+".join(re.escape(token) for token in term.tokens) + tail)
            body = r"\W+".join("".join(_letter(char) for char in token) for token in term.tokens)
            rich.append(body + tail)
        self._plain = re.compile("|".join(plain))
        self._rich = re.compile("|".join(rich), re.IGNORECASE)

    def find(self, text: str) -> list[tuple[int, int]]:
        lowered = text.lower()
        if len(lowered) == len(text) and (lowered.isascii() or not _accented().search(lowered)):
            pattern, subject = self._plain, lowered
        else:
            pattern, subject = self._rich, text
        spans = []
        for match in pattern.finditer(subject):
            start = match.start()
            if start == 0 or not _is_word_char(subject[start - 1]):
                spans.append((start, match.end()))
        return spans


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_"


@lru_cache(maxsize=1)
def _accented() -> re.Pattern[str]:
    """Any letter that folds to another (``é``, ``ñ``, ``ö``…)."""
    return re.compile("[" + re.escape("".join(chr(code) for code in _fold_table())) + "]")


def term_pattern(terms: list[Term]) -> TermMatcher | None:
    """What finds ``terms`` as whole words (or prefixes) in a text; None without terms."""
    return TermMatcher(terms) if terms else None


def find_terms(text: str, pattern: TermMatcher | None) -> list[tuple[int, int]]:
    """Each ``(start, end)`` in ``text`` where one of the terms occurs."""
    if pattern is None:
        return []
    return pattern.find(text)
