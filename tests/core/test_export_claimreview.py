"""ClaimReview JSON-LD: one review per verdict, ratings on the 1–5 scale, speakers as authors."""

from __future__ import annotations

import json

from annotator.core.annotations.model import VERDICTS
from annotator.core.export.claimreview import RATING_VALUES, export_claimreview
from tests.core.export_fixture import LABELS, make_annotations, make_article, make_extraction


def reviews(**kwargs) -> list[dict]:
    return json.loads(export_claimreview(make_article(), make_annotations(), LABELS, **kwargs))


def test_one_review_per_annotation_with_a_verdict():
    got = reviews()
    with_verdict = [a for a in make_annotations() if a.verdict]
    assert len(got) == len(with_verdict) == 4
    for review in got:
        assert review["@context"] == "https://schema.org" and review["@type"] == "ClaimReview"
        assert review["itemReviewed"]["@type"] == "Claim"
        assert review["reviewRating"]["@type"] == "Rating"
        assert review["claimReviewed"] and "\n" not in review["claimReviewed"]
        assert len(review["datePublished"]) == 10


def test_rating_scale():
    by_verdict = {r["reviewRating"]["alternateName"]: r["reviewRating"] for r in reviews()}
    assert by_verdict["Mostly true"] == {
        "@type": "Rating",
        "alternateName": "Mostly true",
        "ratingValue": 4,
        "bestRating": 5,
        "worstRating": 1,
    }
    assert by_verdict["False"]["ratingValue"] == 1
    assert by_verdict["Misleading"]["ratingValue"] == 2
    assert "ratingValue" not in by_verdict["Unverifiable"]
    assert set(RATING_VALUES) | {"Unverifiable"} == set(VERDICTS)
    assert all(1 <= v <= 5 for v in RATING_VALUES.values())


def test_authors_speakers_and_url():
    got = {r["identifier"]: r for r in reviews(extraction=make_extraction(), review_url="https://checks.example/cafe")}
    claim = got["urn:uuid:00000000-0000-4000-8000-000000000001"]
    assert claim["author"] == {"@type": "Person", "name": "Ana Pérez"}
    assert claim["itemReviewed"]["author"] == {"@type": "Person", "name": "Zoë Achterberg"}
    assert claim["itemReviewed"]["appearance"]["url"] == "file:///data/cafe-storm.txt"
    assert claim["url"] == "https://checks.example/cafe"
    assert claim["reviewBody"].startswith("Receipts seen.")
    anonymous = got["urn:uuid:00000000-0000-4000-8000-000000000004"]
    assert anonymous["author"]["name"] == "Annotator user"
    assert "author" not in anonymous["itemReviewed"]
    assert "url" not in reviews()[0]


def test_no_verdicts_gives_an_empty_list():
    plain = [a for a in make_annotations() if not a.verdict]
    assert json.loads(export_claimreview(make_article(), plain, LABELS)) == []


def test_article_metadata_describes_where_the_claim_appeared():
    article = make_article()
    article.metadata.update(url="https://news.example/cafe", author="Jo Bloggs", site="Valley News", date="2026-03-10")
    review = json.loads(export_claimreview(article, make_annotations(), LABELS))[0]
    assert review["itemReviewed"]["appearance"] == {
        "@type": "CreativeWork",
        "url": "https://news.example/cafe",
        "headline": "Café owners count the cost of the 🌧️ storm",
        "datePublished": "2026-03-10",
        "author": {"@type": "Person", "name": "Jo Bloggs"},
        "publisher": {"@type": "Organization", "name": "Valley News"},
    }
