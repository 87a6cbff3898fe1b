"""Finding corrections again after the article's text changed, as annotations are found.

The anchors (and the second span some corrections have) go through the annotations'
re-anchoring code, so a correction is ``anchored``, ``moved``, ``fuzzy`` or ``orphan``
by the same rules and thresholds as a highlight. An orphan is kept, with its old text,
and listed; it is never dropped.
"""

from __future__ import annotations

from collections.abc import Sequence

from annotator.core.annotations.reanchor import reanchor
from annotator.core.corrections.model import Anchor, Correction


def reanchor_corrections(
    text: str, corrections: Sequence[Correction], old_length: int | None = None
) -> list[Correction]:
    """``corrections`` placed on ``text``, in the same order, none dropped."""
    anchors: list[Anchor] = [c.anchor for c in corrections]
    owners = [i for i, c in enumerate(corrections) if c.target is not None]
    anchors += [corrections[i].target for i in owners]  # type: ignore[misc]
    placed = reanchor(text, anchors, old_length)  # type: ignore[arg-type]
    targets = dict(zip(owners, placed[len(corrections) :]))
    return [c.placed(placed[i], targets.get(i)) for i, c in enumerate(corrections)]  # type: ignore[arg-type]
