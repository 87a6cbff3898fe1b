"""W3C import of files other tools write, and what the merge does with them."""

from __future__ import annotations

import json

import pytest

from annotator.core.annotations.document import AnnotationSet
from annotator.core.annotations.labels import LabelSet
from annotator.core.importers import FALLBACK_LABEL, ImportFormatError, parse_w3c, plan_merge
from tests.core.export_fixture import LABELS, TEXT

SOURCE = "https://news.example/cafe"


def hypothesis_style(exact: str, start: int, end: int, **extra) -> dict:
    """Shaped like Hypothesis' W3C export: several selectors, a Markdown comment, tag bodies."""
    prefix_start = max(0, TEXT.find(exact) - 32)
    return {
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "id": "https://hypothes.is/a/abc123",
        "type": "Annotation",
        "motivation": "commenting",
        "creator": "acct:reader@hypothes.is",
        "created": "2026-03-10T08:00:00.000000+00:00",
        "body": [
            {"type": "TextualBody", "value": "Check the invoice", "format": "text/markdown"},
            {"type": "TextualBody", "purpose": "tagging", "value": "money"},
        ],
        "target": {
            "source": SOURCE,
            "selector": [
                {"type": "RangeSelector", "startSelector": {"type": "XPathSelector", "value": "/p[2]"}},
                {"type": "TextPositionSelector", "start": start, "end": end},
                {
                    "type": "TextQuoteSelector",
                    "exact": exact,
                    "prefix": TEXT[prefix_start : TEXT.find(exact)],
                    "suffix": TEXT[TEXT.find(exact) + len(exact) :][:32],
                },
            ],
        },
        **extra,
    }


def merged(payload, annotations: AnnotationSet | None = None):
    annotations = annotations or AnnotationSet(TEXT, LabelSet(LABELS))
    plan = plan_merge(annotations, parse_w3c(json.dumps(payload)))
    if plan.operation is not None:
        annotations.apply(plan.operation)
    return plan, annotations


def test_foreign_annotation_with_right_offsets_lands_where_it_says():
    exact = "Her neighbour disagreed."
    start = TEXT.index(exact)
    plan, annotations = merged([hypothesis_style(exact, start, start + len(exact))])
    (added,) = annotations
    assert (added.start, added.end, added.status) == (start, start + len(exact), "anchored")
    assert added.note == "Check the invoice" and added.tags == ("money",)
    assert added.author == "acct:reader@hypothes.is"
    assert added.label == FALLBACK_LABEL and plan.new_labels == [FALLBACK_LABEL]
    assert annotations.labels.get(FALLBACK_LABEL) is not None
    assert added.id != "https://hypothes.is/a/abc123"  # not a UUID: a fresh id


def test_offsets_counted_differently_are_corrected_by_the_quote():
    exact = "Officials said repairs would start"
    right = TEXT.index(exact)
    # A tool counting UTF-16 units puts it two further on (two astral-plane emoji before it).
    plan, annotations = merged([hypothesis_style(exact, right + 2, right + 2 + len(exact))])
    (added,) = annotations
    assert (added.start, added.end) == (right, right + len(exact))
    assert added.status == "moved" and len(plan.relocated) == 1


def test_unfound_text_is_kept_as_an_orphan_and_reported():
    payload = {
        "type": "Annotation",
        "id": "urn:uuid:11111111-2222-4333-8444-555555555555",
        "body": {"type": "TextualBody", "purpose": "classifying", "value": "claim"},
        "target": {"source": SOURCE, "selector": {"type": "TextQuoteSelector", "exact": "a sentence that was never here"}},
    }
    plan, annotations = merged(payload)
    (orphan,) = annotations
    assert orphan.status == "orphan" and orphan.exact == "a sentence that was never here"
    assert orphan.label == "Claim"  # matched ignoring case, no new label
    assert orphan.id == "11111111-2222-4333-8444-555555555555"
    assert "1 unmatched (kept as orphans" in plan.summary()


def test_collection_page_chain_and_unknown_verdict():
    exact = "Insurance claims rose by 40%"
    start = TEXT.index(exact)
    item = {
        "type": "Annotation",
        "motivation": "assessing",
        "body": [{"type": "TextualBody", "value": "Pants on fire"}],
        "target": {"selector": {"type": "TextPositionSelector", "start": start, "end": start + len(exact)}},
    }
    payload = {
        "type": "AnnotationCollection",
        "first": {"type": "AnnotationPage", "items": [], "next": {"type": "AnnotationPage", "items": [item]}},
    }
    plan, annotations = merged(payload)
    (added,) = annotations
    assert added.exact == exact and added.verdict is None
    assert added.tags == ("verdict:Pants on fire",)


def test_same_span_and_label_twice_in_one_file_is_one_annotation():
    exact = "Her neighbour disagreed."
    start = TEXT.index(exact)
    one = hypothesis_style(exact, start, start + len(exact))
    plan, annotations = merged([one, one])
    assert len(annotations) == 1 and len(plan.duplicates) == 1


def test_whole_document_targets_and_remote_pages_are_reported_not_imported():
    payload = [
        {"type": "Annotation", "body": {"type": "TextualBody", "value": "about the whole piece"}, "target": SOURCE},
        {"type": "AnnotationCollection", "first": "https://annotations.example/page1"},
    ]
    plan, annotations = merged(payload)
    assert len(annotations) == 0
    assert "1 annotation without a text quote or position selector" in plan.ignored
    assert "1 page referenced by address, not fetched" in plan.ignored


@pytest.mark.parametrize(
    "data, message",
    [("{not json", "not valid JSON"), ('"text"', "expected an object"), ('{"type": "Person"}', "no Annotation")],
)
def test_files_that_are_not_w3c_annotations_are_refused_clearly(data, message):
    with pytest.raises(ImportFormatError, match=message):
        parse_w3c(data)


def test_an_overlong_class_becomes_a_tag_rather_than_failing_the_import():
    exact = "Her neighbour disagreed."
    start = TEXT.index(exact)
    long_class = "a very long classification " * 10
    payload = {
        "type": "Annotation",
        "body": {"type": "TextualBody", "purpose": "classifying", "value": long_class},
        "target": {"selector": {"type": "TextPositionSelector", "start": start, "end": start + len(exact)}},
    }
    plan, annotations = merged(payload)
    (added,) = annotations
    assert added.label == FALLBACK_LABEL and added.tags == (long_class.strip(),)
