"""Corrections: the reader's word over the extractor's.

The extractor is never always right: a wrong speaker or a false "person" is fixed by a
correction, stored in the article's sidecar as an anchored record (like an annotation)
and applied after extraction by ``apply_corrections``, so every reader of the result
(sidebar, ``annotator extract``, exports) sees the corrected one, with what the
extractor proposed kept beside it.
"""

from annotator.core.corrections.anchoring import reanchor_corrections
from annotator.core.corrections.apply import (
    APPLIED,
    ORPHAN,
    STALE,
    CorrectedExtraction,
    CorrectionResult,
    apply_corrections,
)
from annotator.core.corrections.model import (
    OPERATIONS,
    Anchor,
    Correction,
    CorrectionError,
    corrections_from_json,
    corrections_to_json,
)

__all__ = [
    "APPLIED",
    "OPERATIONS",
    "ORPHAN",
    "STALE",
    "Anchor",
    "CorrectedExtraction",
    "Correction",
    "CorrectionError",
    "CorrectionResult",
    "apply_corrections",
    "corrections_from_json",
    "corrections_to_json",
    "reanchor_corrections",
]
