"""Annotations of an article: records, label set, undoable operations, sidecar, re-anchoring.

The usual entry points::

    store = AnnotationStore.open(article)        # reads and re-anchors the sidecar
    inverse = store.annotations.apply(AddAnnotation.new(store.annotations, 10, 42, "Claim"))
    store.save()                                 # atomic; raises SidecarConflictError etc.
"""

from annotator.core.annotations.document import (
    AnnotationError,
    AnnotationSet,
    Change,
    ReadOnlyAnnotationsError,
)
from annotator.core.annotations.labels import LabelError, LabelSet
from annotator.core.annotations.model import (
    ANCHOR_STATUSES,
    DEFAULT_LABELS,
    VERDICTS,
    Annotation,
    Label,
    QuoteSelector,
)
from annotator.core.annotations.operations import (
    AddAnnotation,
    AddLabel,
    Batch,
    MoveSpan,
    Operation,
    RemoveAnnotation,
    RemoveLabel,
    RemoveTag,
    RenameTag,
    ReplaceAnnotations,
    SetLabels,
    UpdateAnnotation,
    UpdateLabel,
)
from annotator.core.annotations.reanchor import reanchor
from annotator.core.annotations.sidecar import (
    SidecarConflictError,
    SidecarCorruptError,
    SidecarError,
    SidecarReadOnlyError,
    SidecarUnreadableError,
    SidecarUnsupportedError,
    SidecarWriteError,
    sidecar_path_for,
)
from annotator.core.annotations.store import AnnotationStore

__all__ = [
    "ANCHOR_STATUSES",
    "DEFAULT_LABELS",
    "VERDICTS",
    "AddAnnotation",
    "AddLabel",
    "Annotation",
    "AnnotationError",
    "AnnotationSet",
    "AnnotationStore",
    "Batch",
    "Change",
    "Label",
    "LabelError",
    "LabelSet",
    "MoveSpan",
    "Operation",
    "QuoteSelector",
    "ReadOnlyAnnotationsError",
    "RemoveAnnotation",
    "RemoveLabel",
    "RemoveTag",
    "RenameTag",
    "ReplaceAnnotations",
    "SetLabels",
    "SidecarConflictError",
    "SidecarCorruptError",
    "SidecarError",
    "SidecarReadOnlyError",
    "SidecarUnreadableError",
    "SidecarUnsupportedError",
    "SidecarWriteError",
    "UpdateAnnotation",
    "UpdateLabel",
    "reanchor",
    "sidecar_path_for",
]
