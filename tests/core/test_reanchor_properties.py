"""Property: re-anchoring after any edit keeps every annotation, in order, inside the text."""

from __future__ import annotations

import dataclasses

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rapidfuzz.distance import Levenshtein

from annotator.core.annotations import AddAnnotation, AnnotationSet, AnnotationStore, reanchor
from annotator.core.annotations.model import ANCHOR_STATUSES, Annotation, QuoteSelector
from annotator.core.annotations.reanchor import ACCEPT_THRESHOLD
from annotator.core.annotations.sidecar import sidecar_path_for
from annotator.core.article import Article

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


# -- any edit, any stored annotation -------------------------------------------------------

hostile = st.sampled_from(
    list("abc de\n.,") + ["🎉", "é", "ß", "\r\n", "\r", "e\u0301", "\u0301", "👩\u200d👩\u200d👧", "\ufeff", "\x00", "Ana said"]
)
hostile_text = st.lists(hostile, max_size=60).map("".join)


@st.composite
def stored_annotations(draw, text: str) -> list[Annotation]:
    """Annotations as a sidecar may hold them: made on ``text``, or hand-edited (any selector, any status)."""
    made = []
    for index in range(draw(st.integers(1, 6))):
        if draw(st.booleans()):
            start = draw(st.integers(0, len(text) - 1))
            end = draw(st.integers(start + 1, len(text)))
            made.append(Annotation.create(text, start, end, "Claim", id=f"a{index}"))
        else:
            start = draw(st.integers(0, len(text)))
            end = draw(st.integers(start, len(text)))
            status = "orphan" if start == end else draw(st.sampled_from(ANCHOR_STATUSES))
            selector = QuoteSelector(draw(hostile_text.filter(bool)), draw(hostile_text), draw(hostile_text))
            made.append(Annotation(f"a{index}", start, end, selector, "Claim", status=status))
    return made


@st.composite
def any_edit(draw, text: str) -> str:
    kind = draw(st.sampled_from(["splices", "whole", "empty", "crlf"]))
    if kind == "whole":
        return draw(hostile_text)
    if kind == "empty":
        return ""
    if kind == "crlf":
        return text.replace("\n", "\r\n")
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(text)))
        cut = draw(st.integers(0, len(text) - at))
        text = text[:at] + draw(hostile_text) + text[at + cut :]
    return text


@st.composite
def stored_then_edited(draw) -> tuple[list[Annotation], str, int | None]:
    old_text = draw(hostile_text.filter(bool))
    annotations = draw(stored_annotations(old_text))
    old_length = draw(st.one_of(st.just(len(old_text)), st.none(), st.integers(0, 200)))
    return annotations, draw(any_edit(old_text)), old_length


@settings(max_examples=150, deadline=None)
@given(case=stored_then_edited())
def test_any_edit_of_any_stored_annotation_keeps_it_and_a_matching_span(case):
    annotations, text, old_length = case
    placed = reanchor(text, annotations, old_length)
    assert [a.id for a in placed] == [a.id for a in annotations]
    for before, after in zip(annotations, placed):
        assert 0 <= after.start <= after.end <= len(text)
        untouched = dataclasses.replace(
            after, start=before.start, end=before.end, selector=before.selector, status=before.status
        )
        assert untouched == before  # label, note, tags, timestamps... are never changed
        if after.status == "orphan":
            assert after.selector == before.selector
            continue
        assert after.start < after.end and after.exact == text[after.start : after.end]
        assert Levenshtein.normalized_similarity(after.exact, before.exact) >= ACCEPT_THRESHOLD
        if after.status in ("anchored", "moved"):
            assert after.exact == before.exact


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(case=edited_articles())
def test_a_sidecar_opened_on_an_edited_article_keeps_and_saves_every_annotation(tmp_path_factory, case):
    old_text, annotations, text = case
    folder = tmp_path_factory.mktemp("edited")
    source = folder / "story.txt"
    AnnotationStore(Article(source, old_text), sidecar_path_for(source), AnnotationSet(old_text, None, annotations)).save()
    store = AnnotationStore.open(Article(source, text))
    assert store.problem is None and store.reanchored == (text != old_text)
    assert [a.id for a in store.annotations] == [a.id for a in annotations]
    store.save()
    reopened = AnnotationStore.open(Article(source, text))
    assert not reopened.reanchored
    assert list(reopened.annotations) == list(store.annotations)
