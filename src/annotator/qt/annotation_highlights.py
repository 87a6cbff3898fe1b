"""How annotations look in the article: translucent label colours that blend where they overlap.

Each annotation paints its label's colour at low opacity, so two overlapping highlights
show a mixed colour and a nested one reads darker than its container. A highlight that
lies inside another one is also underlined in its own colour, so a short Evidence span
inside a long Claim stays visible even when the colours are close. Orphans have no place
in the text and are not drawn (they are listed under "Needs review").
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtGui import QColor, QTextCharFormat

from annotator.core.annotations import Annotation, LabelSet
from annotator.qt.highlight_layers import Highlight

ANNOTATION_LAYER = "annotations"
ANNOTATION_LAYER_Z = 10  # above person mentions and quotes, below find matches
FALLBACK_COLOUR = "#9e9e9e"


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


def annotation_highlights(
    text: str, annotations: Iterable[Annotation], labels: LabelSet, *, dark: bool
) -> list[Highlight]:
    """The highlights of the anchored annotations, containers before the spans they contain."""
    shown = [a for a in annotations if a.status != "orphan" and a.end > a.start]
    shown.sort(key=lambda a: (a.start, -a.end))
    alpha = background_alpha(dark)
    highlights: list[Highlight] = []
    open_ends: list[int] = []  # ends of the highlights containing the current start
    for annotation in shown:
        while open_ends and open_ends[-1] <= annotation.start:
            open_ends.pop()
        nested = bool(open_ends) and annotation.end <= open_ends[0]
        label = labels.get(annotation.label)
        colour = QColor(label.color if label else FALLBACK_COLOUR)
        char_format = QTextCharFormat()
        background = QColor(colour)
        background.setAlpha(alpha)
        char_format.setBackground(background)
        if nested:
            char_format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
            char_format.setUnderlineColor(colour.darker(130) if not dark else colour.lighter(120))
        char_format.setProperty(QTextCharFormat.Property.UserProperty, annotation.id)
        highlights.extend(Highlight(start, end, char_format) for start, end in line_pieces(text, annotation.start, annotation.end))
        open_ends.append(annotation.end)
        open_ends.sort(reverse=True)
    return highlights
