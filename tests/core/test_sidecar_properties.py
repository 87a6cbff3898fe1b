"""Property tests: sidecars survive load-then-save unchanged; the fast schema check agrees
with ``jsonschema`` on valid and broken files."""

from __future__ import annotations

import copy
import json
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from annotator.core.annotations import (
    VERDICTS,
    AddAnnotation,
    AnnotationSet,
    AnnotationStore,
    Batch,
    LabelSet,
)
from annotator.core.annotations.schema import _fast_checker, schema_problems, sidecar_schema
from annotator.core.annotations.sidecar import decode_sidecar
from annotator.core.article import Article

free_text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)
tag = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=12).filter(str.strip)


@st.composite
def annotation_sets(draw) -> AnnotationSet:
    text = draw(st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=300))
    annotations = AnnotationSet(text)
    labels = LabelSet().names
    adds = []
    for _ in range(draw(st.integers(0, 12))):
        start = draw(st.integers(0, len(text) - 1))
        end = draw(st.integers(start + 1, len(text)))
        adds.append(
            AddAnnotation.new(
                annotations,
                start,
                end,
                draw(st.sampled_from(labels)),
                tags=draw(st.lists(tag, max_size=4)),
                note=draw(free_text),
                verdict=draw(st.none() | st.sampled_from(VERDICTS)),
                speaker=draw(st.none() | free_text),
                author=draw(free_text),
            )
        )
    if adds:
        annotations.apply(Batch(tuple(adds)))
    return annotations


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(annotations=annotation_sets())
def test_loaded_then_saved_sidecar_is_byte_for_byte_the_original(tmp_path_factory, annotations):
    folder = tmp_path_factory.mktemp("roundtrip")
    article = Article(folder / "a.txt", annotations.text)
    article.source.write_text("placeholder", encoding="utf-8")
    store = AnnotationStore(article, folder / "a.txt.annotations.json", annotations)
    store.save()
    original = store.path.read_bytes()
    loaded = AnnotationStore.open(article)
    assert loaded.problem is None and not loaded.reanchored
    assert loaded.annotations.state() == annotations.state()
    loaded.save()
    assert loaded.path.read_bytes() == original


# -- fast check vs jsonschema ----------------------------------------------------------------

json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-3, 3) | st.floats(allow_nan=False, width=16) | st.text(max_size=5)
    | st.sampled_from(["True", "orphan", "#12ab5f", "1", "2026-01-01T00:00:00Z", "a" * 64]),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=6,
)

VALID = {
    "format": "annotator.sidecar",
    "version": 1,
    "saved_by": "annotator 0.1.0",
    "article": {"path": "a.txt", "sha256": "0" * 64, "length": 40},
    "labels": [{"name": "Claim", "color": "#f4c430", "key": "1"}, {"name": "Quote", "color": "#4aa3df", "key": None}],
    "annotations": [
        {
            "id": "x1", "start": 1, "end": 5, "selector": {"exact": "abcd", "prefix": "p", "suffix": "s"},
            "label": "Claim", "tags": ["t"], "note": "", "verdict": None, "quote_id": None, "speaker": "S",
            "author": "", "created": "2026-01-01T00:00:00Z", "modified": "2026-01-01T00:00:00.5+01:00",
            "status": "fuzzy",
        }
    ],
}


def _paths(value, prefix=()):
    yield prefix
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _paths(item, (*prefix, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _paths(item, (*prefix, index))


ALL_PATHS = list(_paths(VALID))[1:]


@st.composite
def mutated(draw):
    payload = copy.deepcopy(VALID)
    for _ in range(draw(st.integers(1, 2))):
        path = draw(st.sampled_from(ALL_PATHS))
        parent = payload
        try:
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
        except (KeyError, IndexError, TypeError):
            pass
    return payload


def test_the_valid_example_is_valid_for_both():
    assert _fast_checker()(VALID) and Draft202012Validator(sidecar_schema()).is_valid(VALID)


@settings(max_examples=400, deadline=None)
@given(payload=mutated())
def test_fast_check_agrees_with_jsonschema(payload):
    assert _fast_checker()(payload) == Draft202012Validator(sidecar_schema()).is_valid(payload)


def test_schema_problems_name_the_place_and_the_rule():
    payload = copy.deepcopy(VALID)
    payload["annotations"][0]["status"] = "lost"
    assert schema_problems(payload) == [
        "annotations[0].status: 'lost' is not one of ['anchored', 'moved', 'fuzzy', 'orphan']"
    ]
    decode_sidecar(Path("x"), json.dumps(VALID).encode())  # and the valid one decodes
