"""The corrections of an article for those who only read them (``extract``, ``export``).

Reading never writes: a changed article gets its corrections re-anchored in memory, and a
sidecar that cannot be read safely yields no corrections and a message, so the extractor's
own result is still shown (the sidecar is left as it is).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from annotator.core.annotations.sidecar import SidecarUnreadableError, read_sidecar, sidecar_path_for
from annotator.core.article import Article
from annotator.core.extraction.model import Extraction
from annotator.core.corrections.anchoring import reanchor_corrections
from annotator.core.corrections.apply import apply_corrections
from annotator.core.corrections.model import Correction, corrections_from_json


@dataclass(slots=True)
class SidecarCorrections:
    corrections: list[Correction] = field(default_factory=list)
    problem: str | None = None  # why the sidecar could not be read, when it could not
    reanchored: bool = False


def read_corrections(article: Article) -> SidecarCorrections:
    """The corrections kept beside ``article``, placed on its current text."""
    try:
        found = read_sidecar(sidecar_path_for(article.source))
    except SidecarUnreadableError as error:
        return SidecarCorrections(problem=str(error))
    if found is None:
        return SidecarCorrections()
    content, _ = found
    corrections = corrections_from_json(content.corrections)
    if corrections and content.article_sha256 != article.sha256:
        placed = reanchor_corrections(article.text, corrections, content.article_length)
        return SidecarCorrections(placed, reanchored=True)
    return SidecarCorrections(corrections)


def corrected_extraction(article: Article, extraction: Extraction) -> tuple[Extraction, SidecarCorrections]:
    """``extraction`` with the corrections kept beside ``article`` applied, and what was found.

    The one way readers of an article's results (``extract``, exports, the library) take the
    reader's word over the extractor's; the extractor's own result when there is nothing to apply.
    """
    found = read_corrections(article)
    if not found.corrections:
        return extraction, found
    return apply_corrections(extraction, found.corrections, article.text), found
