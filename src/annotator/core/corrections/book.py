"""The corrections of one article, kept in its sidecar beside the annotations.

The sidecar is read and written by :class:`annotator.core.annotations.AnnotationStore`
(atomic saves, conflicts, read-only when unreadable); it carries the corrections as JSON
and this book gives them meaning. A store opened on a changed article has already
re-anchored the corrections with the annotations (so a save by any program keeps them
placed); the book reads them as they are. Each edit returns what undoes it.
"""

from __future__ import annotations

from annotator.core.annotations.store import AnnotationStore
from annotator.core.corrections.apply import CorrectedExtraction, apply_corrections
from annotator.core.corrections.model import (
    Correction,
    CorrectionError,
    corrections_from_json,
    corrections_to_json,
)
from annotator.core.extraction.model import Extraction


class CorrectionBook:
    """The ordered corrections of ``store``'s article; edits go back into the store."""

    def __init__(self, store: AnnotationStore) -> None:
        self.store = store
        self._items = corrections_from_json(store.corrections)

    @property
    def corrections(self) -> tuple[Correction, ...]:
        return tuple(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def get(self, correction_id: str) -> Correction | None:
        return next((c for c in self._items if c.id == correction_id), None)

    def apply(self, extraction: Extraction) -> CorrectedExtraction:
        """``extraction`` (the extractor's, for this article) with the corrections applied."""
        return apply_corrections(extraction, self._items, self.store.article.text)

    # -- edits --------------------------------------------------------------------------------

    def add(self, correction: Correction, index: int | None = None) -> int:
        """Add ``correction`` (at the end, or at ``index``); returns where it went."""
        self._writable()
        if self.get(correction.id) is not None:
            raise CorrectionError(f"a correction with the id {correction.id} is already there")
        text = self.store.article.text
        for place in (correction.anchor, correction.target):
            if place is not None and not 0 <= place.start <= place.end <= len(text):
                raise CorrectionError(f"span {place.start}..{place.end} is outside the text (length {len(text)})")
        index = len(self._items) if index is None else index
        self._items.insert(index, correction)
        self._sync()
        return index

    def remove(self, correction_id: str) -> tuple[int, Correction]:
        """Take a correction out; returns its place and itself, for undo (``add(c, index)``)."""
        self._writable()
        for index, item in enumerate(self._items):
            if item.id == correction_id:
                del self._items[index]
                self._sync()
                return index, item
        raise CorrectionError(f"no correction with the id {correction_id}")

    def save(self, *, overwrite: bool = False) -> None:
        self.store.save(overwrite=overwrite)

    def _writable(self) -> None:
        if self.store.read_only:
            raise CorrectionError(f"{self.store.problem}; corrections cannot be changed")

    def _sync(self) -> None:
        self.store.set_corrections(corrections_to_json(self._items))
