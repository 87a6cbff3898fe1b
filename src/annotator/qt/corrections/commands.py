"""One QUndoCommand per correction: add it (or withdraw it), and undo that.

A highlight linked to a quote ("Highlight This Quote") records its speaker; when a
correction changes that quote's speaker, the same command updates the highlight, so the
linked speaker follows at once and undo puts both back together.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from annotator.core.annotations import Operation, UpdateAnnotation
from annotator.core.corrections.book import CorrectionBook
from annotator.core.corrections.model import Correction
from annotator.core.corrections.speakers import with_corrected_speakers
from annotator.core.extraction.model import Extraction


class CorrectionCommand(QUndoCommand):
    """Redo adds (or, with ``withdraw``, removes) ``correction``; undo does the opposite.

    ``refresh`` applies the book to the extraction again and shows the result; it returns
    the corrected extraction, which decides how linked highlights' speakers change.
    """

    def __init__(
        self,
        book: CorrectionBook,
        correction: Correction,
        refresh: Callable[[], Extraction | None],
        *,
        withdraw: bool = False,
    ) -> None:
        verb = "Withdraw Correction" if withdraw else "Correct"
        super().__init__(f"{verb}: {correction.describe()}")
        self._book = book
        self._correction = correction
        self._refresh = refresh
        self._withdraw = withdraw
        self._index: int | None = None if not withdraw else next(
            i for i, c in enumerate(book.corrections) if c.id == correction.id
        )
        self._speaker_inverses: list[Operation] = []

    def redo(self) -> None:
        if self._withdraw:
            self._book.remove(self._correction.id)
        else:
            self._index = self._book.add(self._correction, self._index)
        self._follow_speakers()

    def undo(self) -> None:
        annotations = self._book.store.annotations
        for inverse in reversed(self._speaker_inverses):
            annotations.apply(inverse)
        self._speaker_inverses = []
        if self._withdraw:
            self._book.add(self._correction, self._index)
        else:
            self._book.remove(self._correction.id)
        self._refresh()

    def _follow_speakers(self) -> None:
        extraction = self._refresh()
        annotations = self._book.store.annotations
        if extraction is None or annotations.read_only:
            return
        current = list(annotations)
        for before, after in zip(current, with_corrected_speakers(current, extraction)):
            if before.speaker != after.speaker:
                self._speaker_inverses.append(annotations.apply(UpdateAnnotation(before.id, {"speaker": after.speaker})))
