"""The annotations of one article in memory: its text, label set and annotations.

``AnnotationSet`` changes only through ``apply(operation)``, which returns the operation
that undoes it. That single door is what makes undo exact (apply, then apply the
inverse, gives back an equal set), gives autosave a revision counter to watch, and lets
views listen for one ``Change`` per edit instead of polling.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Protocol

from annotator.core.annotations.labels import LabelSet
from annotator.core.annotations.model import NEEDS_REVIEW_STATUSES, Annotation


class Operation(Protocol):
    """What ``AnnotationSet.apply`` accepts: the edits in ``operations`` are its implementations.

    It is declared here, beside the state it changes, so that the set never imports the module
    that operates on it: imports run one way, from the operations to the state.
    """

    @property
    def title(self) -> str:
        """A short user-facing name, e.g. for the Edit menu's "Undo …" entry."""
        ...

    def apply(self, annotations: "AnnotationSet") -> "Operation": ...


class AnnotationError(ValueError):
    """An annotation edit that cannot be made; the message is meant for the user."""


class ReadOnlyAnnotationsError(AnnotationError):
    """The set is read-only because its sidecar could not be read safely."""


@dataclass(frozen=True, slots=True)
class Change:
    """What one applied operation touched, for views that update incrementally."""

    revision: int
    added: frozenset[str] = frozenset()
    removed: frozenset[str] = frozenset()
    updated: frozenset[str] = frozenset()
    labels_changed: bool = False


@dataclass(slots=True)
class _ChangeRecorder:
    added: set[str] = field(default_factory=set)
    removed: set[str] = field(default_factory=set)
    updated: set[str] = field(default_factory=set)
    labels_changed: bool = False

    def freeze(self, revision: int) -> Change:
        # An id added and removed inside one batch was never visible outside it.
        transient = self.added & self.removed
        return Change(
            revision=revision,
            added=frozenset(self.added - transient),
            removed=frozenset(self.removed - transient),
            updated=frozenset(self.updated - self.added - self.removed),
            labels_changed=self.labels_changed,
        )


Listener = Callable[[Change], None]


class AnnotationSet:
    """The label set and the ordered annotations of one article's canonical text."""

    def __init__(
        self,
        text: str,
        labels: LabelSet | None = None,
        annotations: Iterable[Annotation] = (),
        *,
        read_only: bool = False,
    ) -> None:
        self._text = text
        self._labels = labels if labels is not None else LabelSet()
        self._order: list[str] = []
        self._by_id: dict[str, Annotation] = {}
        for annotation in annotations:
            if annotation.id in self._by_id:
                raise AnnotationError(f"two annotations share the id {annotation.id!r}")
            self._order.append(annotation.id)
            self._by_id[annotation.id] = annotation
        self.read_only = read_only
        self._revision = 0
        self._listeners: list[Listener] = []
        self._recorder: _ChangeRecorder | None = None

    # -- reading -------------------------------------------------------------------------

    @property
    def text(self) -> str:
        return self._text

    @property
    def labels(self) -> LabelSet:
        return self._labels

    @property
    def revision(self) -> int:
        """Counts applied operations (undo included): autosave compares it with the saved one."""
        return self._revision

    def __len__(self) -> int:
        return len(self._order)

    def __iter__(self) -> Iterator[Annotation]:
        return (self._by_id[annotation_id] for annotation_id in self._order)

    def __contains__(self, annotation_id: object) -> bool:
        return annotation_id in self._by_id

    def get(self, annotation_id: str) -> Annotation:
        try:
            return self._by_id[annotation_id]
        except KeyError:
            raise AnnotationError(f"no annotation with id {annotation_id!r}") from None

    def index_of(self, annotation_id: str) -> int:
        self.get(annotation_id)
        return self._order.index(annotation_id)

    @property
    def annotations(self) -> tuple[Annotation, ...]:
        return tuple(self)

    def tags(self) -> list[str]:
        """Every tag in use, sorted case-insensitively: what tag completion offers."""
        used = {tag for annotation in self for tag in annotation.tags}
        return sorted(used, key=lambda tag: (tag.casefold(), tag))

    def label_usage(self, name: str) -> int:
        return sum(1 for annotation in self if annotation.label == name)

    def orphans(self) -> list[Annotation]:
        return [annotation for annotation in self if annotation.status == "orphan"]

    def needing_review(self) -> list[Annotation]:
        """Annotations the article's changes moved, re-attached to similar text, or orphaned."""
        return [annotation for annotation in self if annotation.status in NEEDS_REVIEW_STATUSES]

    def at(self, offset: int) -> list[Annotation]:
        """Annotations covering ``offset``, innermost (shortest) first, as a click expects."""
        hits = [a for a in self if a.status != "orphan" and a.start <= offset < a.end]
        return sorted(hits, key=lambda a: (a.end - a.start, a.start))

    def state(self) -> tuple[LabelSet, tuple[Annotation, ...]]:
        """A comparable snapshot, used by tests and by anyone checking "nothing changed"."""
        return self._labels, self.annotations

    # -- changing ------------------------------------------------------------------------

    def apply(self, operation: "Operation") -> "Operation":
        """Apply ``operation`` and return its inverse; listeners hear one ``Change``.

        On error nothing has changed (batches roll back), the revision is not bumped
        and the error propagates with a user-facing message.
        """
        if self.read_only:
            raise ReadOnlyAnnotationsError(
                "annotations are read-only for this article: its sidecar could not be read safely"
            )
        if self._recorder is not None:
            return operation.apply(self)
        self._recorder = _ChangeRecorder()
        try:
            inverse = operation.apply(self)
            recorder = self._recorder
        finally:
            self._recorder = None
        self._revision += 1
        change = recorder.freeze(self._revision)
        for listener in list(self._listeners):
            listener(change)
        return inverse

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Call ``listener(change)`` after each applied operation; returns an unsubscribe."""
        self._listeners.append(listener)

        def unsubscribe() -> None:
            if listener in self._listeners:
                self._listeners.remove(listener)

        return unsubscribe

    # -- primitive mutations, for operations only (they do not notify) --------------------

    def _insert(self, annotation: Annotation, index: int | None = None) -> None:
        if annotation.id in self._by_id:
            raise AnnotationError(f"an annotation with id {annotation.id!r} already exists")
        self._order.insert(len(self._order) if index is None else index, annotation.id)
        self._by_id[annotation.id] = annotation
        self._record().added.add(annotation.id)

    def _pop(self, annotation_id: str) -> tuple[int, Annotation]:
        annotation = self.get(annotation_id)
        index = self._order.index(annotation_id)
        del self._order[index]
        del self._by_id[annotation_id]
        self._record().removed.add(annotation_id)
        return index, annotation

    def _replace(self, annotation: Annotation) -> Annotation:
        old = self.get(annotation.id)
        self._by_id[annotation.id] = annotation
        self._record().updated.add(annotation.id)
        return old

    def _set_labels(self, labels: LabelSet) -> LabelSet:
        old, self._labels = self._labels, labels
        self._record().labels_changed = True
        return old

    def _record(self) -> _ChangeRecorder:
        if self._recorder is None:
            raise RuntimeError("annotations change only through AnnotationSet.apply()")
        return self._recorder
