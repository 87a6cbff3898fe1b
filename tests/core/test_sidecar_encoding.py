"""The fast paths of the sidecar give exactly what the plain ones gave.

Saving formats annotation lines directly instead of through ``json.dumps``; loading fills
records through their slots instead of ``__init__``; the schema check counts properties and
matches each distinct string once. Each is compared here with the slow path it replaced.
"""

from __future__ import annotations

import copy
import gc
import json
from dataclasses import fields

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.annotations import VERDICTS, Annotation, LabelSet, QuoteSelector
from annotator.core.annotations.model import _slot_setters
from annotator.core.annotations.schema import SchemaCompiler, _fast_checker
from annotator.core.annotations.sidecar import (
    SidecarCorruptError,
    annotation_line,
    decode_sidecar,
    encode_sidecar,
)

any_text = st.text(max_size=30)  # surrogates included: json.dumps escapes them, and so must we
optional_text = st.none() | any_text


@st.composite
def annotations(draw) -> Annotation:
    start = draw(st.integers(0, 10**12))
    return Annotation(
        id=draw(any_text),
        start=start,
        end=start + draw(st.integers(0, 10**6)),
        selector=QuoteSelector(draw(any_text), draw(any_text), draw(any_text)),
        label=draw(any_text),
        tags=tuple(draw(st.lists(any_text, max_size=4))),
        note=draw(any_text),
        verdict=draw(st.none() | st.sampled_from(VERDICTS) | any_text),
        quote_id=draw(optional_text),
        speaker=draw(optional_text),
        author=draw(any_text),
        created=draw(any_text),
        modified=draw(any_text),
        status=draw(any_text),
    )


@settings(max_examples=300, deadline=None)
@given(annotation=annotations())
def test_an_annotation_line_is_what_json_dumps_writes(annotation):
    assert annotation_line(annotation) == json.dumps(annotation.to_json(), ensure_ascii=False)


@pytest.mark.parametrize(
    "odd",
    [
        {"start": True},  # json writes true, an f-string would write True
        {"end": 7.0},
        {"note": None},
        {"tags": ("a", 3)},
        {"verdict": 1},
        {"author": ["x"]},
    ],
)
def test_values_of_unexpected_types_are_written_by_json_dumps(odd):
    annotation = Annotation("id", 1, 5, QuoteSelector("abcd"), "Claim", created="c", modified="m")
    changed = copy.copy(annotation)
    for name, value in odd.items():
        object.__setattr__(changed, name, value)
    assert annotation_line(changed) == json.dumps(changed.to_json(), ensure_ascii=False)


def test_the_sidecar_keeps_its_layout_one_annotation_per_line():
    made = [
        Annotation("a", 0, 4, QuoteSelector("Fare", "", " rise"), "Claim", tags=("économie", "🌊"), created="c", modified="m"),
        Annotation("b", 5, 9, QuoteSelector("rise"), "Quote", note="two\nlines", created="c", modified="m"),
    ]
    data = encode_sidecar("story.txt", "0" * 64, 40, LabelSet(), made)
    text = data.decode("utf-8")
    assert "économie" in text and "🌊" in text  # written as UTF-8, readable, not \u escapes
    lines = text.splitlines()
    assert lines[0] == "{" and lines[-2:] == ["  ]", "}"] and text.endswith("}\n")
    assert lines[-4:-2] == ["    " + annotation_line(made[0]) + ",", "    " + annotation_line(made[1])]
    payload = json.loads(data)
    assert [Annotation.from_json(item) for item in payload["annotations"]] == made


def test_a_sidecar_without_labels_or_annotations_is_still_valid_json():
    data = encode_sidecar("story.txt", "0" * 64, 0, LabelSet(()), [])
    assert data.decode("utf-8").endswith('  "labels": [\n  ],\n  "corrections": [\n  ],\n  "annotations": [\n  ]\n}\n')
    assert json.loads(data)["annotations"] == [] and _fast_checker()(json.loads(data))


# -- records filled through their slots ------------------------------------------------------


@settings(max_examples=200, deadline=None)
@given(annotation=annotations())
def test_from_json_gives_back_every_field(annotation):
    assert Annotation.from_json(annotation.to_json()) == annotation


def test_absent_optional_keys_get_the_same_defaults_as_the_constructor():
    data = {"id": "x", "start": 1, "end": 3, "selector": {"exact": "ab"}, "label": "Claim",
            "created": "c", "modified": "m"}  # fmt: skip
    expected = Annotation("x", 1, 3, QuoteSelector("ab"), "Claim", created="c", modified="m")
    assert Annotation.from_json(data) == expected
    assert QuoteSelector.from_json({"exact": "ab"}) == QuoteSelector("ab")


def test_from_json_refuses_a_record_missing_a_required_key():
    with pytest.raises(KeyError):
        Annotation.from_json({"id": "x", "start": 1, "end": 3, "label": "Claim", "created": "c", "modified": "m"})


def test_slot_setters_must_name_every_field_in_order():
    names = tuple(item.name for item in fields(Annotation))
    assert len(_slot_setters(Annotation, names)) == len(names)
    with pytest.raises(TypeError, match="fields are"):
        _slot_setters(Annotation, names[:-1])
    with pytest.raises(TypeError):
        _slot_setters(Annotation, (names[1], names[0], *names[2:]))


# -- the schema check ------------------------------------------------------------------------

VALID_ANNOTATION = {
    "id": "x1", "start": 1, "end": 5, "selector": {"exact": "abcd"}, "label": "Claim",
    "created": "2026-01-01T00:00:00Z", "modified": "2026-01-01T00:00:00Z",
}  # fmt: skip


def sidecar_with(*items: dict) -> dict:
    return {
        "format": "annotator.sidecar",
        "version": 1,
        "article": {"path": "a.txt", "sha256": "0" * 64, "length": 40},
        "labels": [],
        "annotations": list(items),
    }


def test_an_unknown_key_in_place_of_an_absent_optional_one_is_refused():
    assert _fast_checker()(sidecar_with(VALID_ANNOTATION))
    renamed = {**VALID_ANNOTATION, "nte": "a typo for note"}  # same number of keys as with "note"
    assert not _fast_checker()(sidecar_with(renamed))
    assert not _fast_checker()(sidecar_with({**VALID_ANNOTATION, "note": "", "nte": ""}))


def test_a_bad_string_is_refused_every_time_it_recurs():
    bad = {**VALID_ANNOTATION, "id": "x2", "created": "yesterday", "modified": "yesterday"}
    assert not _fast_checker()(sidecar_with(VALID_ANNOTATION, bad))
    assert not _fast_checker()(sidecar_with(bad, VALID_ANNOTATION))
    assert _fast_checker()(sidecar_with(VALID_ANNOTATION, {**VALID_ANNOTATION, "id": "x2"}))


def test_matched_strings_are_remembered_within_one_call_only():
    schema = {"type": "array", "items": {"type": "string", "pattern": "^a"}}
    check = SchemaCompiler(schema).compile(schema)
    assert check(["ab", "ab", "ac"]) and not check(["ab", "b"]) and check(["ab"])
    assert not check(["b", "b"])


def test_properties_without_checks_still_count_for_additional_properties():
    schema = {"type": "object", "additionalProperties": False, "required": ["a"],
              "properties": {"a": {}, "b": {"description": "anything"}}}  # fmt: skip
    check = SchemaCompiler(schema).compile(schema)
    assert check({"a": 1}) and check({"a": 1, "b": [2]})
    assert not check({"a": 1, "c": 3}) and not check({"b": 1}) and not check({"a": 1, "b": 2, "c": 3})


# -- the collector is paused during a load and resumed after, also after an error --------------


def test_the_cyclic_collector_runs_again_after_a_load_and_after_a_refused_file(tmp_path):
    assert gc.isenabled()
    decode_sidecar(tmp_path / "s.json", json.dumps(sidecar_with(VALID_ANNOTATION)).encode())
    assert gc.isenabled()
    with pytest.raises(SidecarCorruptError):
        decode_sidecar(tmp_path / "s.json", json.dumps(sidecar_with({**VALID_ANNOTATION, "end": 99})).encode())
    assert gc.isenabled()
    with pytest.raises(SidecarCorruptError):
        decode_sidecar(tmp_path / "s.json", b"{not json")
    assert gc.isenabled()


def test_a_required_key_without_checks_of_its_own_must_still_be_there():
    schema = {"type": "object", "required": ["a", "b"], "properties": {"b": {"type": "string"}}}
    check = SchemaCompiler(schema).compile(schema)
    assert check({"a": None, "b": ""}) and check({"a": 1, "b": "x", "c": 2})
    assert not check({"b": "x"}) and not check({"a": 1}) and not check({"a": 1, "b": 2})
    untyped = {"required": ["a"]}  # "required" applies to objects only
    check = SchemaCompiler(untyped).compile(untyped)
    assert check([1]) and check("not an object") and check({"a": 0}) and not check({})
