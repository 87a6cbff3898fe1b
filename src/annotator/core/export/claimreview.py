"""schema.org ``ClaimReview`` JSON-LD for every annotation that carries a verdict.

The output is a JSON array of ``ClaimReview`` objects, each with its own ``@context``,
ready to paste into ``<script type="application/ld+json">`` on a fact-check page: ``<``,
``>`` and ``&`` are written as JSON escapes (:func:`~annotator.core.export.common.json_ld`),
so a claim or note holding ``</script>`` cannot end the block.

Rating: ``alternateName`` is the verdict as written (what search engines show); the
numeric ``ratingValue`` follows the usual 1–5 truth scale (``worstRating`` 1 = False,
``bestRating`` 5 = True). "Misleading" sits at 2 with "Mostly false", as fact-checkers
rate it; "Unverifiable" has no place on a truth scale, so it carries only
``alternateName`` (schema.org allows a textual rating alone).

The review's ``url`` is the page that publishes the fact check, which only the user
knows: it is included when given (``review_url``), never invented.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from annotator.core.annotations.model import Annotation, Label
from annotator.core.article import Article
from annotator.core.export.common import article_iri, article_title, json_ld, one_line, ordered, speaker_for
from annotator.core.extraction.model import Extraction

RATING_VALUES: dict[str, int] = {
    "True": 5,
    "Mostly true": 4,
    "Half true": 3,
    "Mostly false": 2,
    "Misleading": 2,
    "False": 1,
}
BEST_RATING = 5
WORST_RATING = 1
DEFAULT_REVIEWER = "Annotator user"


def rating(verdict: str) -> dict[str, Any]:
    value = RATING_VALUES.get(verdict)
    result: dict[str, Any] = {"@type": "Rating", "alternateName": verdict}
    if value is not None:
        result.update(ratingValue=value, bestRating=BEST_RATING, worstRating=WORST_RATING)
    return result


def claim_review(
    annotation: Annotation,
    article: Article,
    extraction: Extraction | None,
    review_url: str | None = None,
    reviewer: str | None = None,
) -> dict[str, Any]:
    """One ``ClaimReview`` for an annotation with a verdict.

    The review's author is the annotation's; for one made before annotations carried their
    author, ``reviewer`` (the person exporting).
    """
    appearance: dict[str, Any] = {
        "@type": "CreativeWork",
        "url": article_iri(article),
        "headline": article_title(article),
    }
    metadata = article.metadata
    if metadata.get("date"):
        appearance["datePublished"] = metadata["date"]
    if metadata.get("author"):
        appearance["author"] = {"@type": "Person", "name": metadata["author"]}
    if metadata.get("site"):
        appearance["publisher"] = {"@type": "Organization", "name": metadata["site"]}
    claim: dict[str, Any] = {"@type": "Claim", "appearance": appearance}
    speaker = speaker_for(annotation, extraction)
    if speaker:
        claim["author"] = {"@type": "Person", "name": speaker}
    review: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "identifier": f"urn:uuid:{annotation.id}",
        "claimReviewed": one_line(annotation.selector.exact).strip(),
        "reviewRating": rating(annotation.verdict or ""),
        "itemReviewed": claim,
        "datePublished": annotation.modified[:10],
        "author": {"@type": "Person", "name": annotation.author or reviewer or DEFAULT_REVIEWER},
    }
    if annotation.note:
        review["reviewBody"] = annotation.note
    if review_url:
        review["url"] = review_url
    return review


def export_claimreview(
    article: Article,
    annotations: Sequence[Annotation],
    labels: Sequence[Label],
    extraction: Extraction | None = None,
    *,
    review_url: str | None = None,
    reviewer: str | None = None,
) -> str:
    """A JSON array with a ``ClaimReview`` per annotation that has a verdict."""
    reviews = [
        claim_review(a, article, extraction, review_url, reviewer) for a in ordered(annotations) if a.verdict
    ]
    return json_ld(reviews)
