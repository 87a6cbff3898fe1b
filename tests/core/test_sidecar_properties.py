"""Property tests: sidecars survive load-then-save unchanged; the fast schema check agrees
with ``jsonschema`` on valid and broken files."""

from __future__ import annotations

import codecs
import copy
import json
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from annotator.core.annotations import (
    VERDICTS,
    AddAnnotation,
    AddLabel,
    AnnotationError,
    AnnotationSet,
    AnnotationStore,
    Batch,
    LabelError,
    LabelSet,
    MoveSpan,
    RemoveAnnotation,
    RemoveLabel,
    RemoveTag,
    RenameTag,
    UpdateAnnotation,
    UpdateLabel,
)
from annotator.core.annotations.schema import _fast_checker, schema_problems, sidecar_schema
from annotator.core.annotations.sidecar import SidecarContent, SidecarError, decode_sidecar, sidecar_path_for, sidecar_values
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


def saved(tmp_path_factory, annotations: AnnotationSet) -> AnnotationStore:
    """A store for ``annotations`` on an article in a fresh folder, saved once."""
    article = Article(tmp_path_factory.mktemp("sidecar") / "a.txt", annotations.text)
    store = AnnotationStore(article, sidecar_path_for(article.source), annotations)
    store.save()
    return store


def assert_reopens_equal_and_saves_the_same_bytes(store: AnnotationStore, expected: bytes) -> None:
    loaded = AnnotationStore.open(store.article)
    assert loaded.problem is None and not loaded.reanchored and not loaded.warnings
    assert loaded.annotations.state() == store.annotations.state()
    loaded.save()
    assert loaded.path.read_bytes() == expected


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(annotations=annotation_sets())
def test_loaded_then_saved_sidecar_is_byte_for_byte_the_original(tmp_path_factory, annotations):
    store = saved(tmp_path_factory, annotations)
    assert_reopens_equal_and_saves_the_same_bytes(store, store.path.read_bytes())


OPTIONAL_DEFAULTS = {"tags": [], "note": "", "verdict": None, "quote_id": None, "speaker": None, "author": "",
                     "status": "anchored"}


@st.composite
def reformatted(draw, value):
    """``value`` as another program might write it: keys reordered, defaults left out,
    integers as 3.0, other indentation and escaping."""
    if isinstance(value, dict):
        items = [(key, draw(reformatted(item))) for key, item in value.items()]
        items = [
            (key, item) for key, item in items
            if not (key in OPTIONAL_DEFAULTS and item == OPTIONAL_DEFAULTS[key] and draw(st.booleans()))
            and not (key in ("prefix", "suffix") and item == "" and draw(st.booleans()))
            and not (key == "key" and item is None and draw(st.booleans()))
        ]
        return dict(draw(st.permutations(items)))
    if isinstance(value, list):
        return [draw(reformatted(item)) for item in value]
    if type(value) is int and draw(st.integers(0, 4)) == 0:
        return float(value)
    return value


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(annotations=annotation_sets(), data=st.data())
def test_any_rewriting_of_a_sidecar_loads_and_saves_back_to_the_same_bytes(tmp_path_factory, annotations, data):
    """The strongest round trip that holds: any JSON spelling of a valid sidecar (key order,
    omitted defaults, 3.0 for 3, indentation, \\u escapes, a BOM) saves back byte for byte
    as Annotator writes it; a sidecar Annotator wrote is therefore kept byte for byte."""
    store = saved(tmp_path_factory, annotations)
    canonical = store.path.read_bytes()
    value = data.draw(reformatted(json.loads(canonical)))
    text = json.dumps(
        value, ensure_ascii=data.draw(st.booleans()), indent=data.draw(st.sampled_from([None, 0, 1, 4, "\t"]))
    )
    store.path.write_bytes(data.draw(st.sampled_from([b"", codecs.BOM_UTF8])) + text.encode("utf-8"))
    assert_reopens_equal_and_saves_the_same_bytes(store, canonical)


name_text = st.one_of(free_text, st.sampled_from(["Claim", "claim", " Quote ", "", " ", "x" * 201, "\u00a0A", "\x1c"]))


@st.composite
def edit_sequences(draw) -> AnnotationSet:
    """Annotations after any sequence of the edits the window and the CLI make, refused ones
    included (a refused edit must leave the set as it was)."""
    annotations = draw(annotation_sets())
    text = annotations.text
    for _ in range(draw(st.integers(1, 12))):
        ids = [a.id for a in annotations] or ["missing"]
        labels = list(annotations.labels.names)
        target = draw(st.sampled_from(ids))
        start = draw(st.integers(0, len(text)))
        operation = draw(st.sampled_from([
            AddAnnotation.new(annotations, min(start, len(text) - 1), len(text), draw(st.sampled_from(labels)))
            if text else RemoveAnnotation(target),
            RemoveAnnotation(target),
            UpdateAnnotation(target, {draw(st.sampled_from(["note", "speaker", "author", "quote_id"])): draw(free_text)}),
            UpdateAnnotation(target, {"tags": draw(st.lists(name_text, max_size=3))}),
            UpdateAnnotation(target, {"verdict": draw(st.none() | st.sampled_from([*VERDICTS, "mostly TRUE", "nope"]))}),
            UpdateAnnotation(target, {"label": draw(st.sampled_from(labels) | name_text)}),
            MoveSpan(target, start, draw(st.integers(0, len(text)))),
            AddLabel(draw(name_text)),
            UpdateLabel(draw(st.sampled_from(labels)), new_name=draw(st.none() | name_text),
                        key=draw(st.none() | st.sampled_from(list("1234567890a")))),
            RemoveLabel(draw(st.sampled_from(labels)), reassign_to=draw(st.none() | st.sampled_from(labels))),
            RenameTag(draw(name_text), draw(name_text)),
            RemoveTag(draw(name_text)),
        ]))
        before = annotations.state()
        try:
            annotations.apply(operation)
        except (AnnotationError, LabelError):
            assert annotations.state() == before
    return annotations


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(annotations=edit_sequences())
def test_after_any_edits_the_saved_sidecar_reopens_equal_and_saves_the_same_bytes(tmp_path_factory, annotations):
    store = saved(tmp_path_factory, annotations)
    assert schema_problems(json.loads(store.path.read_bytes())) == []
    # What a save checks before writing (the values) is what the written bytes parse to.
    assert json.loads(store.path.read_bytes()) == sidecar_values(*store._state())
    assert_reopens_equal_and_saves_the_same_bytes(store, store.path.read_bytes())


# -- fast check vs jsonschema ----------------------------------------------------------------

json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-3, 3) | st.floats(allow_nan=False, width=16) | st.text(max_size=5)
    | st.integers(-(10**30), 10**30) | st.sampled_from([True, False, 3.0, 1e30, -1, -1.0, 2**63])
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
        except (KeyError, IndexError, TypeError, AttributeError):
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


# -- the loader on hostile input: only SidecarError, always with a message ---------------------


def decodes_or_refuses(data: bytes) -> SidecarContent | None:
    """The content of ``data``, or None when it was refused with a SidecarError and a message.

    Anything else escaping (KeyError, TypeError, RecursionError, ValueError...) fails.
    """
    try:
        content = decode_sidecar(Path("story.txt.annotations.json"), data)
    except SidecarError as error:
        assert str(error).strip()
        return None
    for annotation in content.annotations:
        assert 0 <= annotation.start <= annotation.end <= content.article_length
    return content


any_json = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6), inner, max_size=4),
    max_leaves=12,
)


@settings(max_examples=150, deadline=None)
@given(value=any_json)
def test_any_json_value_is_refused_with_a_sidecar_error(value):
    decodes_or_refuses(json.dumps(value).encode())  # NaN and Infinity literals included


@settings(max_examples=150, deadline=None)
@given(data=st.binary(max_size=300) | st.binary(max_size=300).map(lambda tail: json.dumps(VALID).encode()[:200] + tail))
def test_any_bytes_are_refused_with_a_sidecar_error(data):
    decodes_or_refuses(data)


ODD_LITERALS = [
    "NaN", "Infinity", "-Infinity", "1e400", "-0", "1.0", "3.0", "1e300", "9" * 5000, "-" + "9" * 5000, "0.5",
    '"\\ud800"', '"\\udfff\\ud800"', '"\\u0000"', '"a\\u2028b"', "[" * 3000 + "]" * 3000, '{"a":' * 3000 + "1" + "}" * 3000,
]


@st.composite
def mutated_bytes(draw) -> bytes:
    """A valid sidecar with one value swapped for an odd JSON literal, or one key written twice."""
    text = json.dumps(draw(mutated()) if draw(st.booleans()) else VALID)
    if draw(st.booleans()):
        values = list(re.finditer(r'(?<=: )("(?:[^"\\]|\\.)*"|-?\d[\d.eE+-]*|null|true|false)', text))
        if values:
            target = draw(st.sampled_from(values))
            text = text[: target.start()] + draw(st.sampled_from(ODD_LITERALS)) + text[target.end() :]
    else:
        keys = list(re.finditer(r'"(\w+)": ', text))
        target = draw(st.sampled_from(keys))
        text = text[: target.start()] + f'{target.group()}{draw(st.sampled_from(ODD_LITERALS[:12]))}, ' + text[target.start() :]
    prefix = draw(st.sampled_from([b"", codecs.BOM_UTF8, codecs.BOM_UTF16_LE]))
    return prefix + text.encode("utf-8")


@example(data=b"[" * 100_000 + b"]" * 100_000)  # was RecursionError
@example(data=json.dumps(VALID).replace('"length": 40', '"length": 1' + "0" * 5000).encode())  # was ValueError
@example(data=json.dumps(VALID).replace('"version": 1', '"version": 1, "version": 2').encode())
@settings(max_examples=300, deadline=None)
@given(data=mutated_bytes())
def test_mutated_sidecars_are_read_or_refused_with_a_sidecar_error(data):
    decodes_or_refuses(data)


@pytest.mark.parametrize("escape", ["\\ud800", "\\udfff", "\\ud83d"])
def test_a_lone_surrogate_escape_is_replaced_so_the_sidecar_can_still_be_saved(tmp_path, escape):
    # Was: loaded fine, then every save failed with UnicodeEncodeError (UTF-8 cannot encode it).
    text = "Ana Lima said it was fine. " * 2
    article = Article(tmp_path / "a.txt", text)
    payload = copy.deepcopy(VALID)
    payload["article"] = {"path": "a.txt", "sha256": article.sha256, "length": len(text)}
    payload["annotations"][0].update(status="anchored", selector={"exact": text[1:5]})
    raw = json.dumps(payload).replace('"note": ""', f'"note": "half an emoji {escape}"')
    sidecar_path_for(article.source).write_text(raw, encoding="utf-8")
    store = AnnotationStore.open(article)
    assert store.problem is None
    assert store.annotations.annotations[0].note == "half an emoji \ufffd"
    assert any("\ufffd" in warning for warning in store.warnings)
    store.annotations.apply(AddAnnotation.new(store.annotations, 0, 3, "Claim"))
    store.save()
    assert len(AnnotationStore.open(article).annotations) == 2


def test_a_duplicate_key_counts_once_the_last_one_as_in_every_json_reader(tmp_path):
    raw = json.dumps(VALID).replace('"saved_by": "annotator 0.1.0"', '"saved_by": "a", "saved_by": "b"')
    assert decode_sidecar(tmp_path / "s", raw.encode()).saved_by == "b"
