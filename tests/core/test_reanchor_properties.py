"""Property: re-anchoring after any edit keeps every annotation, in order, inside the text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.annotations import AddAnnotation, AnnotationSet, reanchor

alphabet = st.sampled_from(list("abc de\n.,") + ["🎉", "é", "ß"])


@st.composite
def edited_articles(draw):
    text = draw(st.text(alphabet, min_size=1, max_size=200))
    annotations = AnnotationSet(text)
    made = []
    for _ in range(draw(st.integers(1, 8))):
        start = draw(st.integers(0, len(text) - 1))
        end = draw(st.integers(start + 1, min(len(text), start + 40)))
        operation = AddAnnotation.new(annotations, start, end, "Claim")
        annotations.apply(operation)
        made.append(operation.annotation)
    edited = text
    for _ in range(draw(st.integers(1, 3))):
        at = draw(st.integers(0, len(edited)))
        cut = draw(st.integers(0, min(30, len(edited) - at)))
        edited = edited[:at] + draw(st.text(alphabet, max_size=30)) + edited[at + cut :]
    return text, made, edited


@settings(max_examples=200, deadline=None)
@given(case=edited_articles())
def test_reanchoring_never_drops_an_annotation_and_spans_stay_in_the_text(case):
    old_text, annotations, text = case
    placed = reanchor(text, annotations, len(old_text))
    assert [a.id for a in placed] == [a.id for a in annotations]
    for before, after in zip(annotations, placed):
        assert 0 <= after.start <= after.end <= len(text)
        if after.status == "orphan":
            assert after.selector == before.selector
            continue
        assert after.start < after.end
        assert after.exact == text[after.start : after.end]
        if after.status in ("anchored", "moved"):
            assert after.exact == before.exact
        if after.status == "anchored":
            assert (after.start, after.end) == (before.start, before.end)


@settings(max_examples=100, deadline=None)
@given(case=edited_articles())
def test_unchanged_text_anchors_everything_in_place(case):
    old_text, annotations, _ = case
    placed = reanchor(old_text, annotations, len(old_text))
    assert [(a.start, a.end, a.status) for a in placed] == [(a.start, a.end, "anchored") for a in annotations]
