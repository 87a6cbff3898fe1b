"""How annotations look in the article: translucent label colours that blend where they overlap.

Each annotation paints its label's colour at low opacity, so two overlapping highlights
show a mixed colour and a nested one reads darker than its container. A highlight that
lies inside another one is also underlined in its own colour, so a short Evidence span
inside a long Claim stays visible even when the colours are close. Orphans have no place
in the text and are not drawn (they are listed under "Needs review").

``AnnotationHighlights`` is the view's annotation layer (a ``HighlightSource``). It keeps
the drawn spans in a ``SpanIndex`` updated from each ``Change`` of the set, and makes an
annotation's format only when the view asks for the text around it: an edit costs a few
index updates and scrolling builds formats for the highlights coming into view, instead
of rebuilding 10,000 formats and re-sorting every span on each change.
"""

from __future__ import annotations

from bisect import bisect_right

from PySide6.QtGui import QColor, QTextCharFormat

from annotator.core.annotations import Annotation, AnnotationSet, Change
from annotator.qt.article.highlight_layers import Highlight
from annotator.qt.article.span_index import SpanIndex

ANNOTATION_LAYER = "annotations"
ANNOTATION_LAYER_Z = 10  # above person mentions and quotes, below find matches
FALLBACK_COLOUR = "#9e9e9e"

Entry = tuple[int, int, str]  # start, end, annotation id


def background_alpha(dark: bool) -> int:
    """Opacity of one highlight: a dark page needs more colour to show the same hue."""
    return 110 if dark else 80


def line_pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """``start..end`` without its line breaks: a highlight across paragraphs would otherwise
    paint a stray block of colour at the start of each empty separator line."""
    pieces: list[tuple[int, int]] = []
    piece_start = start
    while True:
        newline = text.find("\n", piece_start, end)
        piece_end = end if newline < 0 else newline
        if piece_end > piece_start:
            pieces.append((piece_start, piece_end))
        if newline < 0:
            return pieces
        piece_start = newline + 1


def is_drawn(annotation: Annotation) -> bool:
    return annotation.status != "orphan" and annotation.end > annotation.start


def highlight_format(colour_name: str, *, nested: bool, dark: bool, annotation_id: str) -> QTextCharFormat:
    """The label's colour, translucent; underlined too when the highlight sits inside another."""
    colour = QColor(colour_name)
    char_format = QTextCharFormat()
    background = QColor(colour)
    background.setAlpha(background_alpha(dark))
    char_format.setBackground(background)
    if nested:
        char_format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
        char_format.setUnderlineColor(colour.darker(130) if not dark else colour.lighter(120))
    char_format.setProperty(QTextCharFormat.Property.UserProperty, annotation_id)
    return char_format


class AnnotationHighlights:
    """The highlights of one ``AnnotationSet``; call ``apply_change`` with each of its Changes.

    Drawing order is containers before the spans they contain: by start, longer first, and
    the set's own order for identical spans (the later one counts as nested).
    """

    def __init__(self, annotations: AnnotationSet, *, dark: bool) -> None:
        self._annotations = annotations
        self._text = annotations.text
        self._dark = dark
        self._spans: dict[str, tuple[int, int]] = {a.id: (a.start, a.end) for a in annotations if is_drawn(a)}
        self._index: SpanIndex[str] = SpanIndex((start, end, key) for key, (start, end) in self._spans.items())
        self._made: dict[str, list[Highlight]] = {}  # formats made so far, by annotation id

    @property
    def annotations(self) -> AnnotationSet:
        return self._annotations

    def set_dark(self, dark: bool) -> None:
        """Another theme: every format is made again in its colours."""
        if dark != self._dark:
            self._dark = dark
            self._made.clear()

    def apply_change(self, change: Change) -> None:
        """Follow one applied operation: move the touched spans, forget formats it may alter.

        Adding or removing a span can change whether the spans inside it are nested (drawn
        underlined), so the formats of every span touching an old or new place are remade.
        """
        regions: list[tuple[int, int]] = []
        for key in change.removed | change.updated:
            old = self._spans.pop(key, None)
            if old is not None:
                self._index.remove(old[0], old[1], key)
                regions.append(old)
        for key in change.added | change.updated:
            if key not in self._annotations:
                continue
            annotation = self._annotations.get(key)
            if is_drawn(annotation):
                self._spans[key] = (annotation.start, annotation.end)
                self._index.add(annotation.start, annotation.end, key)
                regions.append((annotation.start, annotation.end))
        if change.labels_changed:
            self._made.clear()  # a colour may have changed
            return
        for key in change.added | change.removed | change.updated:
            self._made.pop(key, None)
        for start, end in regions:
            for _, _, key in self._index.overlapping(start, end):
                self._made.pop(key, None)

    # -- HighlightSource -----------------------------------------------------------------

    def highlights_between(self, start: int, end: int) -> list[Highlight]:
        highlights: list[Highlight] = []
        for entry in self._drawing_order(self._index.overlapping(start, end)):
            highlights.extend(pieces_touching(self._highlights_of(entry), start, end))
        return highlights

    def all_highlights(self) -> list[Highlight]:
        highlights: list[Highlight] = []
        for entry in self._drawing_order(self._index.entries()):
            highlights.extend(self._highlights_of(entry))
        return highlights

    # -- making highlights ---------------------------------------------------------------

    def _highlights_of(self, entry: Entry) -> list[Highlight]:
        start, end, key = entry
        made = self._made.get(key)
        if made is None:
            label = self._annotations.labels.get(self._annotations.get(key).label)
            char_format = highlight_format(
                label.color if label else FALLBACK_COLOUR, nested=self._nested(entry), dark=self._dark, annotation_id=key
            )
            made = [Highlight(s, e, char_format) for s, e in line_pieces(self._text, start, end)]
            self._made[key] = made
        return made

    def _nested(self, entry: Entry) -> bool:
        """Whether an annotation drawn before this one contains it (all such cover its start)."""
        start, end, key = entry
        for other in self._index.overlapping(start, start + 1):
            if other[2] != key and other[0] <= start and other[1] >= end:
                if (other[0], other[1]) != (start, end) or self._set_index(other[2]) < self._set_index(key):
                    return True
        return False

    def _set_index(self, key: str) -> int:
        return self._annotations.index_of(key)

    def _drawing_order(self, entries: list[Entry]) -> list[Entry]:
        ordered = sorted(entries, key=lambda entry: (entry[0], -entry[1], entry[2]))
        # Identical spans follow the set's order (rare; finding an index is a scan of the set).
        i = 0
        while i < len(ordered):
            j = i + 1
            while j < len(ordered) and ordered[j][:2] == ordered[i][:2]:
                j += 1
            if j - i > 1:
                ordered[i:j] = sorted(ordered[i:j], key=lambda entry: self._set_index(entry[2]))
            i = j
        return ordered


def pieces_touching(pieces: list[Highlight], start: int, end: int) -> list[Highlight]:
    """The pieces (in text order, not overlapping) that touch ``start..end``."""
    if len(pieces) == 1:
        return pieces
    first = max(0, bisect_right([piece.end for piece in pieces], start))
    found = []
    for piece in pieces[first:]:
        if piece.start >= end:
            break
        found.append(piece)
    return found
