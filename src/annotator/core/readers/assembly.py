"""Build a canonical text from separate pieces (HTML elements, Markdown blocks), with units.

Formats that are not plain text have no file text to keep; their canonical text is the
readable text, one piece per block, pieces separated by a blank line. Each piece becomes a
:class:`~annotator.core.readers.structure.Unit` over that text, with the kind the source
format states (a Markdown heading, an HTML list item) or ``None`` when only the words can
tell (a paragraph that may really be a byline, a caption or a 'READ MORE' link); the
plain-text classifier then decides those.
"""

from __future__ import annotations

from annotator.core.article import Block
from annotator.core.readers.structure import Unit, classify

PIECE_SEPARATOR = "\n\n"


class PieceText:
    """Collects pieces in reading order and produces the text and its blocks."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._units: list[Unit] = []
        self._length = 0

    def add(self, piece: str, kind: str | None = None) -> None:
        """Append ``piece`` (stripped; empty pieces are skipped) as one block of ``kind``."""
        piece = piece.strip()
        if not piece:
            return
        if self._parts:
            self._parts.append(PIECE_SEPARATOR)
            self._length += len(PIECE_SEPARATOR)
        start = self._length
        self._parts.append(piece)
        self._length += len(piece)
        self._units.append(
            Unit(start=start, end=self._length, text=piece, lines=piece.count("\n") + 1,
                 blank_before=True, blank_after=True, kind=kind)
        )

    @property
    def is_empty(self) -> bool:
        return not self._units

    def text(self) -> str:
        return "".join(self._parts)

    def blocks(self) -> list[Block]:
        return classify(self._units)
