"""Word-level differences inside one changed sentence, with offsets in both texts.

Words and punctuation runs are the tokens (so "raise" → "cut" is one change, and a comma
added is its own); whitespace is not a token, so re-spacing is no change. Offsets are
code-point offsets into the whole article texts, end exclusive.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

_TOKEN = re.compile(r"\w+|[^\w\s]+")
_KINDS = {"replace": "changed", "delete": "deleted", "insert": "added"}
# Word-by-word comparison costs about the product of the two token counts (more with few
# distinct words): 2,000 × 2,000 tokens take 0.2 s, 60,000 × 60,000 several minutes. Past
# this product the words between the equal ends are reported as one change.
MAX_COMPARED_TOKEN_PAIRS = 4_000_000


@dataclass(frozen=True, slots=True)
class WordChange:
    """Words ``old[old_start:old_end]`` became ``new[new_start:new_end]`` (one side empty when added/deleted)."""

    kind: str  # "added", "deleted" or "changed"
    old_start: int
    old_end: int
    new_start: int
    new_end: int
    old_text: str
    new_text: str

    def to_json(self) -> dict[str, object]:
        return {
            "type": self.kind,
            "old": {"start": self.old_start, "end": self.old_end, "text": self.old_text},
            "new": {"start": self.new_start, "end": self.new_end, "text": self.new_text},
        }


def tokens(text: str, start: int, end: int) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _TOKEN.finditer(text, start, end)]


def word_changes(old: str, old_span: tuple[int, int], new: str, new_span: tuple[int, int]) -> list[WordChange]:
    """The changes turning the words of ``old[old_span]`` into those of ``new[new_span]``."""
    old_tokens, new_tokens = tokens(old, *old_span), tokens(new, *new_span)
    old_words, new_words = [old[s:e] for s, e in old_tokens], [new[s:e] for s, e in new_tokens]
    changes: list[WordChange] = []
    for tag, i1, i2, j1, j2 in _opcodes(old_words, new_words):
        if tag == "equal":
            continue
        old_start, old_end = _extent(old_tokens, i1, i2, old_span)
        new_start, new_end = _extent(new_tokens, j1, j2, new_span)
        changes.append(
            WordChange(
                _KINDS[tag], old_start, old_end, new_start, new_end, old[old_start:old_end], new[new_start:new_end]
            )
        )
    return changes


def _opcodes(old: list[str], new: list[str]) -> list[tuple[str, int, int, int, int]]:
    """``SequenceMatcher`` opcodes of the words, compared only between the equal ends.

    A sentence of thousands of words (a page with no sentence ends) keeps its equal ends and
    has what lies between them as one change when comparing that word by word would be slow.
    """
    head = 0
    while head < len(old) and head < len(new) and old[head] == new[head]:
        head += 1
    tail = 0
    while tail < len(old) - head and tail < len(new) - head and old[-1 - tail] == new[-1 - tail]:
        tail += 1
    old_end, new_end = len(old) - tail, len(new) - tail
    if head == old_end and head == new_end:
        return []
    if (old_end - head) * (new_end - head) > MAX_COMPARED_TOKEN_PAIRS:
        tag = "replace" if old_end > head and new_end > head else ("delete" if old_end > head else "insert")
        return [(tag, head, old_end, head, new_end)]
    matcher = SequenceMatcher(None, old[head:old_end], new[head:new_end], autojunk=False)
    return [(tag, i1 + head, i2 + head, j1 + head, j2 + head) for tag, i1, i2, j1, j2 in matcher.get_opcodes()]


def _extent(spans: list[tuple[int, int]], first: int, last: int, whole: tuple[int, int]) -> tuple[int, int]:
    """The text covered by tokens ``first..last-1``; an empty run sits where it would be inserted."""
    if first < last:
        return spans[first][0], spans[last - 1][1]
    if first < len(spans):
        return spans[first][0], spans[first][0]
    return (spans[-1][1], spans[-1][1]) if spans else (whole[1], whole[1])


def inline(old: str, new: str, sentence: tuple[int, int], changes: list[WordChange]) -> str:
    """The new sentence with ``[-deleted-]{+added+}`` marks, as ``wdiff`` shows it."""
    start, end = sentence
    pieces: list[str] = []
    position = start
    for change in changes:
        pieces.append(new[position : change.new_start])
        if change.old_text:
            pieces.append(f"[-{change.old_text}-]")
        if change.new_text:
            pieces.append(f"{{+{change.new_text}+}}")
        position = change.new_end
    pieces.append(new[position:end])
    return "".join(pieces)
