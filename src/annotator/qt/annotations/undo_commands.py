"""One QUndoCommand per user edit of the annotations.

The core operations return their own inverse, so a single generic command is enough:
redo applies the operation, undo applies the inverse it got back. The command is pushed
*after* its first application succeeded (``AnnotationCommand.applied``), so a refused
edit (an ``AnnotationError`` with a message for the user) never reaches the undo stack.
"""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand

from annotator.core.annotations import AnnotationSet, Operation


class AnnotationCommand(QUndoCommand):
    """Redo applies ``operation``; undo applies the inverse the last apply returned."""

    def __init__(self, annotations: AnnotationSet, operation: Operation, inverse: Operation | None = None) -> None:
        super().__init__(operation.title)
        self._annotations = annotations
        self._operation = operation
        self._inverse = inverse
        # QUndoStack.push calls redo(); skip it once when the edit is already applied.
        self._skip_first_redo = inverse is not None

    @classmethod
    def applied(cls, annotations: AnnotationSet, operation: Operation) -> "AnnotationCommand":
        """Apply ``operation`` now (raising if refused) and return the command recording it."""
        inverse = annotations.apply(operation)
        return cls(annotations, operation, inverse)

    def redo(self) -> None:
        if self._skip_first_redo:
            self._skip_first_redo = False
            return
        self._inverse = self._annotations.apply(self._operation)

    def undo(self) -> None:
        assert self._inverse is not None, "undo before the command was applied"
        self._operation = self._annotations.apply(self._inverse)
