"""Find quotations by their marks, one unit (paragraph) at a time, in linear time.

Every mark is classified from its two neighbours as an opener, a closer or an apostrophe, then
openers and closers are paired on a stack per mark class (double, single, guillemet). British
style is the hard case: ``’`` closes a single quote *and* is the apostrophe. Between letters it is
an apostrophe (``Putin’s``, ``don’t``); after a plural ``s`` (``Ukrainians’ backers``) it closes the
open quote only when no clearer closer follows in the same paragraph.

A mark that never finds its partner is recovered locally: an opener left open at the end of a
paragraph whose next paragraph reopens with the same mark is a multi-paragraph quote; an opener
followed by a whole sentence to the paragraph's end is kept; any other stray mark is dropped and
the quotes nested inside it become top-level. Nothing outside the paragraph is affected.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from annotator.core.extraction.units import Unit

DOUBLE, SINGLE, GUILLEMET, SINGLE_GUILLEMET = "double", "single", "guillemet", "single_guillemet"

MARK_CLASS: dict[str, str] = {
    '"': DOUBLE, "“": DOUBLE, "”": DOUBLE, "„": DOUBLE, "‟": DOUBLE,
    "'": SINGLE, "‘": SINGLE, "’": SINGLE, "‚": SINGLE, "‛": SINGLE,
    "«": GUILLEMET, "»": GUILLEMET,
    "‹": SINGLE_GUILLEMET, "›": SINGLE_GUILLEMET,
}  # fmt: skip
QUOTE_CHARS = frozenset(MARK_CLASS)
_OPEN_PUNCT = frozenset("([{—–―-/…")
_CLOSE_PUNCT = frozenset(".,;:!?)]}—–―-/…*")
_ELISIONS = ("em ", "tis ", "twas ", "til ", "cause ", "n ", "n’ ", "n' ")
_MIN_UNCLOSED_WORDS = 4
_MARK_RE = re.compile("[" + re.escape("".join(sorted(QUOTE_CHARS))) + "]")

OPEN, CLOSE, AMBIGUOUS_CLOSE = 1, 2, 3
# Format characters that copy-paste leaves in text (direction marks, zero-width space, byte-order mark).
INVISIBLE = frozenset("\u200b\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2060\ufeff")
_BLANK = " \t\u00a0" + "".join(sorted(INVISIBLE))


@dataclass(frozen=True, slots=True)
class FoundQuote:
    """A top-level quotation: ``text[start:end]`` includes its marks when they were found.

    ``continues`` means the quote runs on into the next paragraph (it was left open there and the
    next paragraph reopens); ``continuation`` means it is such a reopened paragraph.
    """

    start: int
    end: int
    mark_class: str
    closed: bool = True
    continues: bool = False
    continuation: bool = False


def find_quotes(text: str, units: list[Unit]) -> list[FoundQuote]:
    """All top-level quotes of the quotable units, in text order, never overlapping."""
    found: list[FoundQuote] = []
    continuing_class: str | None = None
    for index, unit in enumerate(units):
        if not unit.quotable:
            continuing_class = None
            continue
        next_unit = units[index + 1] if index + 1 < len(units) else None
        reopen = _opening_class(text, next_unit) if next_unit is not None and next_unit.quotable else None
        quotes, left_open = _quotes_in_unit(text, unit, reopen)
        if continuing_class is not None and quotes and quotes[0].start == unit.start:
            first = quotes[0]
            quotes[0] = FoundQuote(first.start, first.end, first.mark_class, first.closed, first.continues, True)
        found.extend(quotes)
        continuing_class = left_open
    return found


def _opening_class(text: str, unit: Unit) -> str | None:
    """The mark class a unit opens with, when its first character opens a quote."""
    char = text[unit.start]
    if char not in QUOTE_CHARS or char in "”»’›":
        return None
    if text.startswith("''", unit.start):
        return DOUBLE
    if unit.start + 1 < unit.end and text[unit.start + 1].isspace() and char in "'\"":
        return None
    return MARK_CLASS[char]


def _classify(text: str, i: int, lo: int, hi: int, open_classes: list[str]) -> int:
    """OPEN, CLOSE, AMBIGUOUS_CLOSE or 0 (apostrophe / not a quote) for the mark at ``i``."""
    char = text[i]
    prev = text[i - 1] if i > lo else " "
    if prev in INVISIBLE:
        prev = " "  # ``\u202a”Sorry…``: a direction mark pasted with a post is no character of the text
    nxt = text[i + 1] if i + 1 < hi else " "
    left = not nxt.isspace() and (prev.isspace() or prev in _OPEN_PUNCT or prev in QUOTE_CHARS)
    right = not prev.isspace() and (nxt.isspace() or nxt in _CLOSE_PUNCT or nxt in QUOTE_CHARS)
    cls = MARK_CLASS[char]
    is_open = cls in open_classes
    if char in "’'":
        if prev.isalnum() and nxt.isalnum():
            return 0  # don’t, Putin’s
        if left and not right:
            if char == "’" or nxt.isdigit() or text.startswith(_ELISIONS, i + 1):
                return 0  # ’tis, '90s
            return OPEN
        if right:
            if not is_open:
                return 0  # plural possessive: the Ukrainians’ backers
            if prev in "sSzZ" and nxt.isspace():
                after = text[i + 2] if i + 2 < hi else " "
                if after.isalnum():
                    return AMBIGUOUS_CLOSE
            return CLOSE
        return 0
    if char in "‘‛":
        if nxt.isdigit() and text[i + 1 : i + 4].rstrip("s").isdigit():
            return 0  # ‘90s
        if left:
            return OPEN
        return CLOSE if right and is_open else 0
    if char in "„‚":
        return OPEN if not nxt.isspace() else 0
    if char == '"':
        if left and not right:
            return OPEN
        if right and not left:
            return CLOSE if is_open or not prev.isdigit() else 0
        if prev.isalnum() and nxt.isalnum():
            return 0
        if prev.isspace() and nxt.isspace():
            # ``…outreach,' " he told``: a spaced closer right after punctuation or a nested closer
            before = text[i - 2] if i - 2 >= lo else " "
            return CLOSE if is_open and before in ",.!?…’'”" else 0
        return CLOSE if is_open else OPEN
    if char in "“‟":
        if right and not left and is_open:
            return CLOSE  # „…“ and sloppy typing
        return OPEN if left or (not right and not is_open) else 0
    if char == "”":
        if left and not right and not is_open:
            return OPEN  # ”…” style
        if not is_open and prev == " " and nxt.isspace() and not text[lo:i].strip(_BLANK):
            return OPEN  # ``” … in the end, we won,” she said.``: a paragraph opening on the wrong mark
        if not is_open and prev in ",:" and nxt in " \t" and text.find("”", i + 1, hi) != -1:
            return OPEN  # ``He says,” there are weeks…”``: a right mark typed for the opener after a cue
        return CLOSE if right or is_open else 0
    if char in "«‹":
        if right and not left and is_open:
            return CLOSE  # »…« style
        return OPEN if left else 0
    if char in "»›":
        if left and not right and not is_open:
            return OPEN
        return CLOSE if right or is_open else 0
    return 0


def _classify_pair(text: str, i: int, lo: int, hi: int, open_classes: list[str]) -> int:
    """OPEN, CLOSE or 0 for a ``''`` pair at ``i``, read as one straight double mark."""
    prev = text[i - 1] if i > lo else " "
    nxt = text[i + 2] if i + 2 < hi else " "
    is_open = DOUBLE in open_classes
    left = not nxt.isspace() and (prev.isspace() or prev in _OPEN_PUNCT or prev in QUOTE_CHARS)
    right = not prev.isspace() and (nxt.isspace() or nxt in _CLOSE_PUNCT or nxt in QUOTE_CHARS)
    if left and not right:
        return OPEN
    if right and not left:
        return CLOSE if is_open else 0
    return 0


def _matching_opener(stack: list[tuple[int, str, bool]], cls: str, straight: bool) -> int | None:
    """Stack depth of the opener a closer pairs with: the nearest of its class and style, else of its class."""
    fallback = None
    for depth in range(len(stack) - 1, -1, -1):
        if stack[depth][1] == cls:
            if stack[depth][2] == straight:
                return depth
            if fallback is None:
                fallback = depth
    return fallback


def _quotes_in_unit(text: str, unit: Unit, reopen_class: str | None) -> tuple[list[FoundQuote], str | None]:
    lo, hi = unit.start, unit.end
    events: list[tuple[int, int, str]] = []  # (position, OPEN/CLOSE/AMBIGUOUS_CLOSE, class)
    open_classes: list[str] = []
    wide: set[int] = set()  # positions of ``''`` pairs standing for one double mark
    skip = -1
    for match in _MARK_RE.finditer(text, lo, hi):
        i = match.start()
        if i == skip:
            continue
        char = text[i]
        if char == "'" and i + 1 < hi and text[i + 1] == "'":
            # ``''Time and again,'' he said``: two apostrophes typed for a double quotation mark.
            kind = _classify_pair(text, i, lo, hi, open_classes)
            skip = i + 1
            if not kind:
                continue
            wide.add(i)
            cls = DOUBLE
        else:
            kind = _classify(text, i, lo, hi, open_classes)
            if not kind:
                continue
            cls = MARK_CLASS[char]
        events.append((i, kind, cls))
        if kind == OPEN:
            if cls in open_classes:
                open_classes.remove(cls)
            open_classes.append(cls)
        elif kind == CLOSE and cls in open_classes:
            del open_classes[open_classes.index(cls) :]
    # An ambiguous s’ closes its quote only if no clear closer of its class follows before an opener.
    clear_closer_ahead: dict[str, bool] = {}
    resolved: list[tuple[int, int, str]] = []
    for pos, kind, cls in reversed(events):
        if kind == AMBIGUOUS_CLOSE:
            if clear_closer_ahead.get(cls, False):
                continue
            kind = CLOSE
        elif kind == CLOSE:
            clear_closer_ahead[cls] = True
        elif kind == OPEN:
            clear_closer_ahead[cls] = False
        resolved.append((pos, kind, cls))
    resolved.reverse()

    pairs: list[tuple[int, int, str, bool]] = []  # (start, end, class, closed)
    stack: list[tuple[int, str, bool]] = []  # (position, class, straight mark)
    closed_after: dict[int, bool] = {}
    for pos, kind, cls in resolved:
        straight = text[pos] in "\"'"
        if kind == OPEN:
            # The same mark opening again while open means the earlier one was stray; a curly
            # quote inside a straight one (or the reverse) is a nested quote.
            for depth in range(len(stack) - 1, -1, -1):
                if stack[depth][1] == cls and stack[depth][2] == straight:
                    del stack[depth]
                    break
            stack.append((pos, cls, straight))
            continue
        depth = _matching_opener(stack, cls, straight)
        if depth is not None:
            start = stack[depth][0]
            del stack[depth:]
            pairs.append((start, pos + (2 if pos in wide else 1), cls, True))
            for opener, _, _ in stack:
                closed_after[opener] = True
    left_open: str | None = None
    if stack:
        start, cls, _ = stack[0]
        words = len(text[start:hi].split())
        used = {end for _, end, _, _ in pairs}
        mispaired = _mispaired_closer(text, start, hi, cls, used) if reopen_class != cls else None
        if mispaired is not None:
            pairs.append((start, mispaired, cls, True))  # “Let’s go.’ : closed by the wrong mark
        elif reopen_class == cls and words >= 1:
            pairs.append((start, hi, cls, False))
            left_open = cls
        elif words >= _MIN_UNCLOSED_WORDS and not closed_after.get(start) and text[hi - 1] in ".!?…—-–―":
            pairs.append((start, hi, cls, False))
    pairs.sort(key=lambda p: (p[0], -p[1]))
    quotes: list[FoundQuote] = []
    last_end = -1
    for start, end, cls, closed in pairs:
        if start < last_end or end - start < 3:
            continue
        quotes.append(FoundQuote(start, end, cls, closed, continues=not closed and left_open == cls and end == hi))
        last_end = end
    return quotes, left_open


_MISPAIRED_RE = re.compile(r"[.!?,](?P<mark>[’'”])(?=\s|$)")


def _mispaired_closer(text: str, start: int, hi: int, cls: str, used: set[int]) -> int | None:
    """A double quote left open that a single closing mark ends after a full stop (``“Let’s go.’``), or
    the reverse: the end of a quote typed with the wrong mark, when no mark of its own class follows."""
    for m in _MISPAIRED_RE.finditer(text, start + 1, hi):
        mark = m.group("mark")
        if MARK_CLASS[mark] != cls and m.end("mark") not in used:
            return m.end("mark")
    return None
