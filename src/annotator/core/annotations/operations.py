"""Edits of an ``AnnotationSet``, each of which returns the edit that undoes it.

An operation is a small frozen record: ``annotations.apply(op)`` validates it against the
current state, changes the set and returns the inverse operation. Applying the inverse
returns an operation equivalent to the original, so a Qt undo command needs only::

    def redo(self): self.inverse = annotations.apply(self.operation)
    def undo(self): self.operation = annotations.apply(self.inverse)

Inverses restore whole old values (timestamps included), so apply-then-inverse gives a
state equal to the one before, not merely similar.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from annotator.core.annotations.document import AnnotationError, AnnotationSet, Operation
from annotator.core.annotations.labels import LabelError, LabelSet, normalise_name
from annotator.core.annotations.model import VERDICTS, Annotation, Label, QuoteSelector, is_offset_value, utc_now
from annotator.core.annotations.spans import trim_whitespace

EDITABLE_FIELDS: frozenset[str] = frozenset(
    {"label", "tags", "note", "verdict", "quote_id", "speaker", "author"}
)


# -- validation ----------------------------------------------------------------------------


def normalise_tags(tags: Iterable[str]) -> tuple[str, ...]:
    """Tags without surrounding spaces, empty ones dropped, duplicates removed in order."""
    seen: dict[str, None] = {}
    for tag in tags:
        if not isinstance(tag, str):
            raise AnnotationError(f"a tag must be text, not {tag!r}")
        cleaned = tag.strip()
        if cleaned:
            seen.setdefault(cleaned, None)
    return tuple(seen)


def canonical_verdict(verdict: str | None) -> str | None:
    """The verdict spelled as in ``VERDICTS`` (matched ignoring case), or None for none."""
    if verdict is None or not verdict.strip():
        return None
    wanted = " ".join(verdict.split()).casefold()
    for known in VERDICTS:
        if known.casefold() == wanted:
            return known
    raise AnnotationError(f"unknown verdict {verdict!r} (verdicts: {', '.join(VERDICTS)})")


def check_span(text: str, start: int, end: int) -> None:
    if not (is_offset_value(start) and is_offset_value(end)) or not 0 <= start < end <= len(text):
        raise AnnotationError(
            f"span {start}..{end} is not a non-empty part of the text (length {len(text)})"
        )


def check_annotation(annotations: AnnotationSet, annotation: Annotation) -> None:
    """The rules every stored annotation keeps, whatever operation put it there."""
    if annotations.labels.get(annotation.label) is None:
        raise LabelError(
            f"no label called {annotation.label!r} (labels: {', '.join(annotations.labels.names)})"
        )
    if annotation.verdict is not None and annotation.verdict not in VERDICTS:
        raise AnnotationError(f"unknown verdict {annotation.verdict!r}")
    if annotation.status != "orphan":
        check_span(annotations.text, annotation.start, annotation.end)


def _with_fields(annotation: Annotation, changes: Mapping[str, Any]) -> Annotation:
    unknown = set(changes) - EDITABLE_FIELDS
    if unknown:
        raise AnnotationError(f"these fields cannot be edited: {', '.join(sorted(unknown))}")
    cleaned = dict(changes)
    if "tags" in cleaned:
        cleaned["tags"] = normalise_tags(cleaned["tags"])
    if "verdict" in cleaned:
        cleaned["verdict"] = canonical_verdict(cleaned["verdict"])
    if "note" in cleaned and cleaned["note"] is None:
        cleaned["note"] = ""
    return annotation.evolve(**cleaned)


# -- annotations ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class AddAnnotation:
    """Insert ``annotation`` (at ``index``, default last). Inverse: ``RemoveAnnotation``."""

    annotation: Annotation
    index: int | None = None

    @classmethod
    def new(
        cls, annotations: AnnotationSet, start: int, end: int, label: str, **fields: Any
    ) -> "AddAnnotation":
        """An operation adding a fresh annotation over ``text[start:end]``, edge whitespace trimmed.

        Trimming here, once, is what makes a selection across a paragraph break give the same
        offsets in the sidecar and in every export, whichever way the span arrived.
        """
        check_span(annotations.text, start, end)
        start, end = trim_whitespace(annotations.text, start, end)
        if "tags" in fields:
            fields["tags"] = normalise_tags(fields["tags"])
        if "verdict" in fields:
            fields["verdict"] = canonical_verdict(fields["verdict"])
        return cls(Annotation.create(annotations.text, start, end, label, **fields))

    @property
    def title(self) -> str:
        return f"Highlight as {self.annotation.label}"

    def apply(self, annotations: AnnotationSet) -> "RemoveAnnotation":
        check_annotation(annotations, self.annotation)
        annotations._insert(self.annotation, self.index)
        return RemoveAnnotation(self.annotation.id)


@dataclass(frozen=True, slots=True)
class RemoveAnnotation:
    """Delete one annotation. Inverse: ``AddAnnotation`` of it at its old place."""

    annotation_id: str

    @property
    def title(self) -> str:
        return "Delete highlight"

    def apply(self, annotations: AnnotationSet) -> AddAnnotation:
        index, annotation = annotations._pop(self.annotation_id)
        return AddAnnotation(annotation, index)


@dataclass(frozen=True, slots=True)
class ReplaceAnnotations:
    """Put these values in place of the annotations with the same ids. Inverse: the old values."""

    annotations: tuple[Annotation, ...]
    name: str = "Edit highlights"

    @property
    def title(self) -> str:
        return self.name

    def apply(self, annotations: AnnotationSet) -> "ReplaceAnnotations":
        for annotation in self.annotations:
            annotations.get(annotation.id)
            check_annotation(annotations, annotation)
        old = tuple(annotations._replace(annotation) for annotation in self.annotations)
        return ReplaceAnnotations(old, self.name)


@dataclass(frozen=True, slots=True)
class UpdateAnnotation:
    """Change label, tags, note, verdict, quote link, speaker or author of one annotation."""

    annotation_id: str
    changes: Mapping[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        object.__setattr__(self, "changes", MappingProxyType(dict(self.changes)))

    @property
    def title(self) -> str:
        names = ", ".join(sorted(self.changes)) or "nothing"
        return f"Edit {names}"

    def apply(self, annotations: AnnotationSet) -> ReplaceAnnotations:
        updated = _with_fields(annotations.get(self.annotation_id), self.changes)
        return ReplaceAnnotations((updated,), self.title).apply(annotations)


@dataclass(frozen=True, slots=True)
class MoveSpan:
    """Put an annotation over ``[start, end)``: adjust a span, or re-attach an orphan.

    The quote selector is taken afresh from the text and the status becomes "anchored":
    the reader has just said where the annotation belongs.
    """

    annotation_id: str
    start: int
    end: int

    @property
    def title(self) -> str:
        return "Adjust highlight"

    def apply(self, annotations: AnnotationSet) -> ReplaceAnnotations:
        check_span(annotations.text, self.start, self.end)
        moved = annotations.get(self.annotation_id).evolve(
            start=self.start,
            end=self.end,
            selector=QuoteSelector.from_text(annotations.text, self.start, self.end),
            status="anchored",
        )
        return ReplaceAnnotations((moved,), self.title).apply(annotations)


@dataclass(frozen=True, slots=True)
class RenameTag:
    """Rename a tag on every annotation; renaming onto an existing tag merges the two."""

    old: str
    new: str

    @property
    def title(self) -> str:
        return f"Rename tag {self.old!r} to {self.new!r}"

    def apply(self, annotations: AnnotationSet) -> ReplaceAnnotations:
        new = normalise_tags([self.new])
        if not new:
            raise AnnotationError("a tag cannot be renamed to nothing; remove it instead")
        now = utc_now()
        changed = tuple(
            annotation.evolve(
                tags=normalise_tags(new[0] if tag == self.old else tag for tag in annotation.tags),
                modified=now,
            )
            for annotation in annotations
            if self.old in annotation.tags
        )
        if not changed:
            raise AnnotationError(f"no annotation has the tag {self.old!r}")
        return ReplaceAnnotations(changed, self.title).apply(annotations)


@dataclass(frozen=True, slots=True)
class RemoveTag:
    """Take a tag off every annotation that has it."""

    tag: str

    @property
    def title(self) -> str:
        return f"Remove tag {self.tag!r}"

    def apply(self, annotations: AnnotationSet) -> ReplaceAnnotations:
        now = utc_now()
        changed = tuple(
            annotation.evolve(tags=[t for t in annotation.tags if t != self.tag], modified=now)
            for annotation in annotations
            if self.tag in annotation.tags
        )
        if not changed:
            raise AnnotationError(f"no annotation has the tag {self.tag!r}")
        return ReplaceAnnotations(changed, self.title).apply(annotations)


# -- labels --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SetLabels:
    """Replace the label set, and the annotations whose label changed with it, together.

    Every label edit reduces to this, so its inverse is always exact: the old set and the
    old values of the annotations it touched.
    """

    labels: LabelSet
    annotations: tuple[Annotation, ...] = ()
    name: str = "Edit labels"

    @property
    def title(self) -> str:
        return self.name

    def apply(self, annotations: AnnotationSet) -> "SetLabels":
        replacing = {annotation.id: annotation for annotation in self.annotations}
        for annotation in annotations:
            label = replacing.get(annotation.id, annotation).label
            if self.labels.get(label) is None:
                count = annotations.label_usage(annotation.label)
                raise LabelError(
                    f"label {label!r} is used by {count} annotation(s); "
                    "move them to another label first"
                )
        old_labels = annotations._set_labels(self.labels)
        old = tuple(annotations._replace(annotation) for annotation in self.annotations)
        return SetLabels(old_labels, old, self.name)


@dataclass(frozen=True, slots=True)
class AddLabel:
    """Add a label; without a colour or key given, the next unused ones are chosen."""

    name: str
    color: str | None = None
    key: str | None = None
    index: int | None = None

    @property
    def title(self) -> str:
        return f"Add label {self.name!r}"

    def apply(self, annotations: AnnotationSet) -> SetLabels:
        labels = annotations.labels
        label = Label(
            normalise_name(self.name),
            self.color or labels.next_colour(),
            self.key if self.key is not None else labels.next_free_key(),
        )
        return SetLabels(labels.added(label, self.index), (), self.title).apply(annotations)


@dataclass(frozen=True, slots=True)
class UpdateLabel:
    """Rename, recolour or re-key a label; a rename relabels its annotations too."""

    name: str
    new_name: str | None = None
    color: str | None = None
    key: str | None = None
    clear_key: bool = False

    @property
    def title(self) -> str:
        if self.new_name is not None and self.new_name != self.name:
            return f"Rename label {self.name!r} to {self.new_name!r}"
        return f"Edit label {self.name!r}"

    def apply(self, annotations: AnnotationSet) -> SetLabels:
        labels = annotations.labels.updated(
            self.name, new_name=self.new_name, color=self.color, key=self.key, clear_key=self.clear_key
        )
        new_name = labels.labels[annotations.labels.index(self.name)].name
        relabelled = _relabel(annotations, self.name, new_name)
        return SetLabels(labels, relabelled, self.title).apply(annotations)


@dataclass(frozen=True, slots=True)
class RemoveLabel:
    """Delete a label. One still in use is refused unless ``reassign_to`` names another.

    Why refuse rather than delete its annotations or leave them label-less: deleting a
    label must never lose work, and every annotation needs a label that is in the set
    (colour, key, exports all depend on it). The caller asks the user where they go.
    """

    name: str
    reassign_to: str | None = None

    @property
    def title(self) -> str:
        return f"Delete label {self.name!r}"

    def apply(self, annotations: AnnotationSet) -> SetLabels:
        labels = annotations.labels.removed(self.name)
        in_use = annotations.label_usage(self.name)
        if in_use and self.reassign_to is None:
            raise LabelError(
                f"label {self.name!r} is used by {in_use} annotation(s); "
                "choose a label to move them to before deleting it"
            )
        relabelled: tuple[Annotation, ...] = ()
        if in_use:
            target = labels.require(self.reassign_to or "")
            relabelled = _relabel(annotations, self.name, target.name)
        return SetLabels(labels, relabelled, self.title).apply(annotations)


def _relabel(annotations: AnnotationSet, old: str, new: str) -> tuple[Annotation, ...]:
    if old == new:
        return ()
    now = utc_now()
    return tuple(
        annotation.evolve(label=new, modified=now) for annotation in annotations if annotation.label == old
    )


# -- several at once -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Batch:
    """Several operations as one undo step; all or nothing."""

    operations: tuple[Operation, ...]
    name: str = "Edit highlights"

    @property
    def title(self) -> str:
        return self.name

    def apply(self, annotations: AnnotationSet) -> "Batch":
        inverses: list[Operation] = []
        try:
            for operation in self.operations:
                inverses.append(operation.apply(annotations))
        except Exception:
            for inverse in reversed(inverses):
                inverse.apply(annotations)
            raise
        return Batch(tuple(reversed(inverses)), self.name)
