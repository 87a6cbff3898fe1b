"""Finding annotations again after the article's text changed.

The sidecar keeps, for each annotation, its old offsets and a quote selector (exact text
plus 32 characters either side), but not the old text. So, per annotation:

1. **Shift fast path.** Most edits insert or delete text somewhere; everything after
   moves by the same amount. Shifts already seen (0, the change in length, the last one
   that worked) are tried first, and accepted only when the exact text *and* its whole
   prefix and suffix are found there. One slice comparison per annotation, so 1,000
   annotations on a 1 MB article re-anchor in milliseconds.
2. **Search.** Otherwise every exact copy of the quote is a candidate, and so is the best
   fuzzy match (``rapidfuzz``) in a window around the expected place and, failing that,
   in the whole text. Exact and fuzzy candidates are scored alike on quote, prefix,
   suffix and distance, and the best wins; the first exact copy is never taken blindly.
3. **Threshold.** The winner is accepted only above ``ACCEPT_THRESHOLD``; a long quote
   counts as its own context, so a moved paragraph is found even with new neighbours,
   while a short word elsewhere is not. Anything else becomes an ``orphan``: it keeps its
   text and stays in the list, its offsets clamped into the new text.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from annotator.core.annotations.model import CONTEXT_CHARS, Annotation, QuoteSelector

ACCEPT_THRESHOLD = 0.75
MAX_EXACT_CANDIDATES = 200
SELF_EVIDENT_LENGTH = 2 * CONTEXT_CHARS
POSITION_SCALE = 256
# Two unrelated 32-character stretches of prose are typically 30-60 % similar (indel
# ratio), so only similarity above this baseline counts as evidence of the same place.
CHANCE_SIMILARITY = 0.5


def _above_chance(similarity: float, chance: float = CHANCE_SIMILARITY) -> float:
    return max(0.0, (similarity - chance) / (1.0 - chance))


@dataclass(frozen=True, slots=True)
class Candidate:
    """A place the annotation could now be, with the similarities that rank it."""

    start: int
    end: int
    quote: float  # similarity of the text here to the stored quote, 0..1
    prefix: float  # ... of the 32 characters before to the stored prefix
    suffix: float  # ... of the 32 characters after to the stored suffix
    position: float  # 1 at an expected place (old offset, shifted), falling with distance
    quote_length: int

    @property
    def support(self) -> float:
        """Evidence besides the quote: its context, or the quote's own length.

        One side of the context intact is strong evidence (an insertion right before a
        highlight replaces its prefix only); a long quote found nearly unchanged is its
        own evidence, so a paragraph moved elsewhere is found with new neighbours.
        """
        before, after = _above_chance(self.prefix), _above_chance(self.suffix)
        context = 0.7 * max(before, after) + 0.3 * min(before, after)
        length = min(1.0, self.quote_length / SELF_EVIDENT_LENGTH)
        self_evident = length * _above_chance(self.quote, ACCEPT_THRESHOLD)
        return max(context, self_evident)

    @property
    def confidence(self) -> float:
        """Mostly the quote, then the support, then nearness; accepted above the threshold."""
        return 0.5 * self.quote + 0.4 * self.support + 0.1 * self.position

    @property
    def accepted(self) -> bool:
        return self.quote >= ACCEPT_THRESHOLD and self.confidence >= ACCEPT_THRESHOLD


def reanchor(
    text: str, annotations: Sequence[Annotation], old_length: int | None = None
) -> list[Annotation]:
    """The annotations placed on ``text``, in the same order, none dropped.

    Each gets a status: ``anchored`` (same place), ``moved`` (same text elsewhere),
    ``fuzzy`` (changed text, confidently found) or ``orphan``. ``old_length`` is the
    length of the text they were made on (the sidecar records it); it seeds the shift
    fast path. Found annotations get a fresh selector from the new text.
    """
    anchorer = Anchorer(text, old_length)
    placed = list(annotations)
    for index in sorted(range(len(placed)), key=lambda i: placed[i].start):
        placed[index] = anchorer.anchor(placed[index])
    return placed


class Anchorer:
    """Re-anchors annotations on one text, learning the current shift as it goes."""

    def __init__(self, text: str, old_length: int | None = None) -> None:
        self.text = text
        self._shifts: list[int] = [0]
        if old_length is not None and old_length != len(text):
            self._shifts.append(len(text) - old_length)
        self._last_shift = 0
        self._occurrences: dict[str, list[int]] = {}

    def anchor(self, annotation: Annotation) -> Annotation:
        found = self._by_shift(annotation)
        if found is not None:
            start, shift = found
            self._last_shift = shift
            return self._placed(annotation, start, start + len(annotation.exact), exact=True)
        best = self.best_candidate(annotation)
        if best is None or not best.accepted:
            return self._orphaned(annotation)
        exact = best.quote == 1.0 and self.text[best.start : best.end] == annotation.exact
        self._last_shift = best.start - annotation.start
        return self._placed(annotation, best.start, best.end, exact=exact)

    # -- fast path ------------------------------------------------------------------------

    def _by_shift(self, annotation: Annotation) -> tuple[int, int] | None:
        selector = annotation.selector
        text = self.text
        length = len(selector.exact)
        for shift in dict.fromkeys((self._last_shift, *self._shifts)):
            start = annotation.start + shift
            end = start + length
            if start < 0 or end > len(text):
                continue
            if (
                text.startswith(selector.exact, start)
                and text.startswith(selector.suffix, end)
                and start >= len(selector.prefix)
                and text.startswith(selector.prefix, start - len(selector.prefix))
                and (len(selector.prefix) == CONTEXT_CHARS or start == len(selector.prefix))
                and (len(selector.suffix) == CONTEXT_CHARS or end + len(selector.suffix) == len(text))
            ):
                return start, shift
        return None

    # -- search ---------------------------------------------------------------------------

    def best_candidate(self, annotation: Annotation) -> Candidate | None:
        """The most convincing exact or fuzzy candidate, or None when nothing resembles it."""
        expected = self._expected_starts(annotation)
        spans = set(self._exact_spans(annotation.exact, expected[0]))
        local = self._fuzzy_span(annotation.exact, expected[0], whole_text=False)
        if local is not None:
            spans.add(local)
        candidates = [self._score(annotation.selector, start, end, expected) for start, end in spans]
        best = max(candidates, key=_rank, default=None)
        if best is None or not best.accepted:
            far = self._fuzzy_span(annotation.exact, expected[0], whole_text=True)
            if far is not None and far not in spans:
                candidates.append(self._score(annotation.selector, *far, expected))
                best = max(candidates, key=_rank)
        return best

    def _expected_starts(self, annotation: Annotation) -> tuple[int, ...]:
        """Where the annotation would start under each known shift, the likeliest first."""
        starts = (annotation.start + shift for shift in (self._last_shift, *self._shifts))
        return tuple(dict.fromkeys(max(0, min(len(self.text), start)) for start in starts))

    def _exact_spans(self, exact: str, expected: int) -> list[tuple[int, int]]:
        starts = self._occurrences.get(exact)
        if starts is None:  # names and stock phrases recur across annotations: scan once
            text, starts = self.text, []
            position = text.find(exact)
            while position != -1:
                starts.append(position)
                position = text.find(exact, position + 1)
            self._occurrences[exact] = starts
        if len(starts) > MAX_EXACT_CANDIDATES:
            starts = sorted(starts, key=lambda s: abs(s - expected))[:MAX_EXACT_CANDIDATES]
        return [(start, start + len(exact)) for start in starts]

    def _fuzzy_span(self, exact: str, expected: int, *, whole_text: bool) -> tuple[int, int] | None:
        text = self.text
        if whole_text:
            low, high = 0, len(text)
        else:
            reach = max(1000, 2 * len(exact))
            low, high = max(0, expected - reach), min(len(text), expected + len(exact) + reach)
        window = text[low:high]
        if not window:
            return None
        if len(window) <= len(exact):
            return self._refined(exact, low, high)
        found = fuzz.partial_ratio_alignment(exact, window, score_cutoff=ACCEPT_THRESHOLD * 100)
        if found is None:
            return None
        return self._refined(exact, low + found.dest_start, low + found.dest_end)

    def _refined(self, exact: str, start: int, end: int) -> tuple[int, int] | None:
        """Move the ends of an approximate match to where the quote fits best.

        ``partial_ratio_alignment`` returns a window as long as the quote; when words
        changed length the true span is a little longer or shorter.
        """
        text = self.text
        reach = min(50, max(2, len(exact) // 5))

        def similarity(s: int, e: int) -> float:
            return Levenshtein.normalized_similarity(exact, text[s:e]) if s < e else 0.0

        for _ in range(2):
            start = max(
                range(max(0, start - reach), min(end, start + reach + 1)),
                key=lambda s: (similarity(s, end), -abs(s - start)),
                default=start,
            )
            end = max(
                range(max(start + 1, end - reach), min(len(text), end + reach) + 1),
                key=lambda e: (similarity(start, e), -abs(e - end)),
                default=end,
            )
        return (start, end) if start < end else None

    def _score(self, selector: QuoteSelector, start: int, end: int, expected: tuple[int, ...]) -> Candidate:
        text = self.text
        found = text[start:end]
        quote = 1.0 if found == selector.exact else Levenshtein.normalized_similarity(selector.exact, found)
        before = text[max(0, start - len(selector.prefix)) : start]
        after = text[end : end + len(selector.suffix)]
        distance = min(abs(start - place) for place in expected)
        return Candidate(
            start=start,
            end=end,
            quote=quote,
            prefix=fuzz.ratio(selector.prefix, before) / 100,
            suffix=fuzz.ratio(selector.suffix, after) / 100,
            position=1.0 / (1.0 + distance / POSITION_SCALE),
            quote_length=len(selector.exact),
        )

    # -- results --------------------------------------------------------------------------

    def _placed(self, annotation: Annotation, start: int, end: int, *, exact: bool) -> Annotation:
        if exact:
            status = "anchored" if (start, end) == (annotation.start, annotation.end) else "moved"
        else:
            status = "fuzzy"
        return dataclasses.replace(
            annotation,
            start=start,
            end=end,
            selector=QuoteSelector.from_text(self.text, start, end),
            status=status,
        )

    def _orphaned(self, annotation: Annotation) -> Annotation:
        """Kept with its old text; offsets clamped so they still point into the new text."""
        start = min(annotation.start, len(self.text))
        end = min(max(annotation.end, start), len(self.text))
        return dataclasses.replace(annotation, start=start, end=end, status="orphan")


def _rank(candidate: Candidate) -> tuple[float, float, float]:
    """Most convincing first; then the raw context, then nearness, to split ties."""
    return (candidate.confidence, candidate.prefix + candidate.suffix, candidate.position)
