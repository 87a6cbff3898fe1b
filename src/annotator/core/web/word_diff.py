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
    matcher = SequenceMatcher(
        None, [old[s:e] for s, e in old_tokens], [new[s:e] for s, e in new_tokens], autojunk=False
    )
    changes: list[WordChange] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
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
