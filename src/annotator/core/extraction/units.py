"""Paragraph-like units and sentence boundaries: the scopes quotes and attribution work in.

Quotation marks are paired inside one unit at a time, so a stray mark can only disturb its own
paragraph (the rest of the document is unaffected). With reader blocks the units are the blocks;
without them every non-blank line is a unit, which suits both blank-line paragraphs and
one-sentence-per-line wire copy.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from annotator.core.article import Article
from annotator.core.readers.line_cues import is_page_furniture

#: Blocks whose text is not the article's own reporting: no quotes or attributions come from them.
#: ``furniture`` is web page chrome pasted with the text (``Story continues below advertisement``):
#: a quote's continuation paragraph after it still continues the quote before it.
NON_QUOTE_KINDS = frozenset({"caption", "related_link", "source_line", "furniture"})

_LINE_RE = re.compile("[^\n\u2028\u2029]+")  # a line or paragraph separator ends a line as a newline does
_LINE_BREAK_RE = re.compile("[\n\u2028\u2029]")

# Words after which a full stop does not end a sentence.
_ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof sr jr st gov sen rep gen lt col capt sgt rev fr no vs v inc co corp ltd
    jan feb mar apr jun jul aug sep sept oct nov dec est approx dept univ ft mt pres
    const cst cpl insp supt det maj brig adm cmdr cdr hon msgr atty""".split()
)

_SENTENCE_END_RE = re.compile(r"[.!?…]+[\"'”’»)\]]*(?=\s+[\"'“‘«„(\[]*[^\W_a-z])")


@dataclass(frozen=True, slots=True)
class Unit:
    """A paragraph (or block) of the canonical text: ``text[start:end]``, trimmed of spaces."""

    start: int
    end: int
    kind: str = "paragraph"

    @property
    def quotable(self) -> bool:
        return self.kind not in NON_QUOTE_KINDS


def text_units(article: Article) -> list[Unit]:
    """The units of an article, in text order, never empty and never overlapping."""
    text = article.text
    units: list[Unit] = []
    if article.blocks:
        last_end = 0
        for block in sorted(article.blocks, key=lambda b: b.start):
            start, end = max(block.start, last_end), min(block.end, len(text))
            if end > start and _LINE_BREAK_RE.search(text, start, end) is None:
                # One line, as most blocks are: the unit is the block, with no lines to read or weigh.
                unit = _trimmed(text, start, end, block.kind)
                if unit is not None:
                    units.append(unit)
                last_end = max(last_end, end)
                continue
            if block.kind in _WRAPPED_KINDS and _hard_wrapped(text, start, end):
                # The reader joined hard-wrapped lines into this paragraph: one unit, so that a quote
                # running over a line break is still paired.
                unit = _trimmed(text, start, end, block.kind)
                if unit is not None:
                    units.append(unit)
                last_end = max(last_end, end)
                continue
            for line in _LINE_RE.finditer(text, start, end) if end > start else ():
                unit = _trimmed(text, line.start(), line.end(), block.kind)
                if unit is not None:
                    units.append(unit)
            last_end = max(last_end, end)
        return units
    for line in _LINE_RE.finditer(text):
        unit = _trimmed(text, line.start(), line.end(), "paragraph")
        if unit is not None:
            units.append(unit)
    return units


_FURNITURE_MAX_CHARS = 60
_WRAPPED_KINDS = frozenset({"paragraph", "standfirst"})
_WRAP_MIN_CHARS = 40


def _hard_wrapped(text: str, start: int, end: int) -> bool:
    """Do the block's lines break mid-sentence (``…would reopen`` ¶ ``next week.``)? Lines that each
    end a sentence (one sentence per line) stay units of their own."""
    lines = [m.group(0).strip() for m in _LINE_RE.finditer(text, start, end)]
    lines = [line for line in lines if line]
    if len(lines) < 2:
        return False
    if any(len(line) < _WRAP_MIN_CHARS for line in lines[:-1]):
        return False  # short lines: a table, a list or verse, not prose wrapped at a fixed width
    broken = sum(1 for line in lines[:-1] if line[-1:] not in ".!?:\"”’'»)")
    return broken * 2 >= len(lines) - 1


def _trimmed(text: str, start: int, end: int, kind: str) -> Unit | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end <= start:
        return None
    if end - start <= _FURNITURE_MAX_CHARS and is_page_furniture(text[start:end]):
        kind = "furniture"
    return Unit(start, end, kind)


def sentence_starts(text: str, unit: Unit, protected: list[tuple[int, int]]) -> list[int]:
    """Offsets where the sentences of ``unit`` start; boundaries inside quotes do not count.

    ``protected`` holds the (start, end) spans of quotes in the unit, sorted by start.
    """
    starts = [unit.start]
    q_starts = [a for a, _ in protected]
    for match in _SENTENCE_END_RE.finditer(text, unit.start, unit.end):
        end = match.end()
        if is_abbreviation(text, match.start(), unit.start):
            continue
        i = bisect_right(q_starts, end) - 1
        if i >= 0 and protected[i][0] < end < protected[i][1]:
            continue
        nxt = end
        while nxt < unit.end and text[nxt].isspace():
            nxt += 1
        if nxt < unit.end:
            starts.append(nxt)
    return starts


def is_abbreviation(text: str, dot: int, floor: int) -> bool:
    """A full stop that ends an abbreviation or an initial rather than a sentence."""
    if text[dot] != ".":
        return False
    i = dot
    while i > floor and (text[i - 1].isalpha() or text[i - 1] == "."):
        i -= 1
    word = text[i:dot]
    if not word:
        return False
    if len(word) == 1 and word.isupper():
        return True
    if "." in word:  # U.S, U.N
        return True
    return word.lower() in _ABBREVIATIONS
