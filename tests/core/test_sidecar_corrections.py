"""Corrections in the sidecar: version 2, the version 1 upgrade, schema, re-anchoring, refusals."""

from __future__ import annotations

import copy
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from annotator.core.annotations import AnnotationStore, SidecarCorruptError, sidecar_path_for
from annotator.core.annotations.schema import _fast_checker, sidecar_schema
from annotator.core.corrections import Anchor, Correction, CorrectionError
from annotator.core.corrections.book import CorrectionBook
from tests.core.annotations_support import STORY, annotate, article_at
from tests.core.test_sidecar_properties import VALID, _paths, json_values


def span(text: str, words: str) -> Anchor:
    start = text.index(words)
    return Anchor.over(text, start, start + len(words))


def a_v1_sidecar(tmp_path):
    """A sidecar as version 1 wrote it: no corrections list, version 1."""
    store = AnnotationStore.open(article_at(tmp_path))
    annotate(store.annotations, "Commuters were unconvinced")
    payload = json.loads(store.encoded())
    payload["version"] = 1
    del payload["corrections"]
    store.path.write_text(json.dumps(payload, ensure_ascii=False, indent=2), encoding="utf-8")
    return store.path


def test_a_version_1_sidecar_opens_unchanged_and_is_upgraded_only_when_saved(tmp_path):
    path = a_v1_sidecar(tmp_path)
    before = path.read_bytes()
    store = AnnotationStore.open(article_at(tmp_path))
    book = CorrectionBook(store)
    assert store.problem is None and len(store.annotations) == 1 and len(book) == 0
    assert not store.is_dirty and path.read_bytes() == before
    store.save()
    saved = json.loads(path.read_text(encoding="utf-8"))
    assert saved["version"] == 2 and saved["corrections"] == []
    assert [a["selector"]["exact"] for a in saved["annotations"]] == ["Commuters were unconvinced"]


def test_corrections_are_saved_and_read_back_in_order(tmp_path):
    store = AnnotationStore.open(article_at(tmp_path))
    book = CorrectionBook(store)
    text = store.article.text
    made = [
        Correction.new("quote.speaker", span(text, "“We cannot run forty-year-old engines for ever,”"), value="A spokesman"),
        Correction.new("person.role", span(text, "Ines Caldwell"), value="chair of the harbour board"),
        Correction.new("person.merge", span(text, "Ines Caldwell"), target=span(text, "A council spokesman")),
    ]
    for correction in made:
        book.add(correction)
    assert store.is_dirty
    store.save()
    assert not store.is_dirty
    payload = json.loads(store.path.read_text(encoding="utf-8"))
    assert _fast_checker()(payload) and Draft202012Validator(sidecar_schema()).is_valid(payload)
    again = CorrectionBook(AnnotationStore.open(article_at(tmp_path)))
    assert again.corrections == tuple(made)
    index, removed = again.remove(made[1].id)
    assert (index, removed) == (1, made[1]) and again.store.is_dirty
    again.add(removed, index)
    assert again.corrections == tuple(made)


def test_corrections_re_anchor_with_the_article_and_orphans_are_kept(tmp_path):
    store = AnnotationStore.open(article_at(tmp_path))
    book = CorrectionBook(store)
    text = store.article.text
    kept = Correction.new("person.role", span(text, "Ines Caldwell"), value="chair")
    gone = Correction.new("quote.not_quote", span(text, "Commuters were unconvinced."))
    book.add(kept)
    book.add(gone)
    store.save()
    changed = "Breaking: " + STORY.replace("Commuters were unconvinced. ", "")
    reopened = AnnotationStore.open(article_at(tmp_path, changed))
    placed = CorrectionBook(reopened).corrections
    assert [c.id for c in placed] == [kept.id, gone.id]
    assert placed[0].anchor.status == "moved" and changed[placed[0].anchor.start :].startswith("Ines Caldwell")
    assert placed[1].anchor.status == "orphan" and placed[1].anchor.exact == "Commuters were unconvinced."
    assert reopened.is_dirty
    reopened.save()
    saved = json.loads(reopened.path.read_text(encoding="utf-8"))
    assert [c["anchor"]["status"] for c in saved["corrections"]] == ["moved", "orphan"]


def test_a_read_only_sidecar_refuses_corrections_and_stays_as_it_is(tmp_path):
    path = sidecar_path_for(tmp_path / "story.txt")
    article = article_at(tmp_path)
    path.write_bytes(b'{"format": "annotator.sidecar", "version": 3}')
    book = CorrectionBook(AnnotationStore.open(article))
    with pytest.raises(CorrectionError, match="newer Annotator"):
        book.add(Correction.new("person.role", span(STORY, "Ines Caldwell"), value="chair"))
    assert path.read_bytes() == b'{"format": "annotator.sidecar", "version": 3}'


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda c: c.update(anchor={**c["anchor"], "end": 10_000}), "not inside the recorded text"),
        (lambda c: c.update(operation="quote.delete"), "schema"),
        (lambda c: c.update(id="twice"), "repeats the id"),
    ],
)
def test_bad_corrections_make_the_sidecar_unreadable_not_lost(tmp_path, change, message):
    store = AnnotationStore.open(article_at(tmp_path))
    book = CorrectionBook(store)
    book.add(Correction.new("person.role", span(STORY, "Ines Caldwell"), value="chair"))
    book.add(Correction.new("person.role", span(STORY, "Ines Caldwell"), value="head"))
    store.save()
    payload = json.loads(store.path.read_text(encoding="utf-8"))
    for item in payload["corrections"]:
        change(item)
    store.path.write_text(json.dumps(payload), encoding="utf-8")
    reopened = AnnotationStore.open(store.article)
    assert isinstance(reopened.problem, SidecarCorruptError) and message in str(reopened.problem)


VALID_V2 = {
    **copy.deepcopy(VALID),
    "version": 2,
    "corrections": [
        {
            "id": "c1", "operation": "person.merge",
            "anchor": {"start": 1, "end": 5, "selector": {"exact": "abcd", "prefix": "", "suffix": "e"}, "status": "moved"},
            "target": {"start": 6, "end": 9, "selector": {"exact": "xyz"}},
            "value": None, "credit": False, "author": "", "created": "2026-01-01T00:00:00Z",
        },
        {
            "id": "c2", "operation": "quote.speaker",
            "anchor": {"start": 1, "end": 5, "selector": {"exact": "abcd"}},
            "value": "Ines Caldwell", "created": "2026-01-01T00:00:00Z",
        },
    ],
}
V2_PATHS = list(_paths(VALID_V2))[1:]


@st.composite
def mutated_v2(draw):
    payload = copy.deepcopy(VALID_V2)
    path = draw(st.sampled_from([p for p in V2_PATHS if p[0] == "corrections"] + [("version",)]))
    parent = payload
    for part in path[:-1]:
        parent = parent[part]
    action = draw(st.sampled_from(["replace", "delete", "add"]))
    if action == "replace":
        parent[path[-1]] = draw(json_values)
    elif action == "delete":
        del parent[path[-1]]
    elif isinstance(parent, dict):
        parent[draw(st.text(max_size=6))] = draw(json_values)
    else:
        parent.append(draw(json_values))
    return payload


def test_the_version_2_example_is_valid_for_both():
    assert _fast_checker()(VALID_V2) and Draft202012Validator(sidecar_schema()).is_valid(VALID_V2)


@settings(max_examples=300, deadline=None)
@given(payload=mutated_v2())
def test_fast_check_agrees_with_jsonschema_on_corrections(payload):
    assert _fast_checker()(payload) == Draft202012Validator(sidecar_schema()).is_valid(payload)


def test_a_one_change_update_keeps_a_correction_another_program_saved_since_it_read(tmp_path):
    # `annotator annotate` opens the store, then `annotator correct` saves a correction,
    # then annotate applies its change under the lock on what the sidecar holds then.
    annotating = AnnotationStore.open(article_at(tmp_path))
    correcting = CorrectionBook(AnnotationStore.open(article_at(tmp_path)))
    text = correcting.store.article.text
    role = Correction.new("person.role", span(text, "Ines Caldwell"), value="chair of the harbour board")
    correcting.add(role)
    correcting.save()

    annotating.update(lambda annotations: annotate(annotations, "Commuters were unconvinced"))

    reopened = AnnotationStore.open(article_at(tmp_path))
    assert len(reopened.annotations.annotations) == 1
    assert CorrectionBook(reopened).corrections == (role,)
