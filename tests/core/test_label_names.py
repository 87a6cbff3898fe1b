"""Label names are one line of text: control characters are refused wherever a name comes in.

A tab or line break in a label would open a section of its own in brat's ``visual.conf`` and
split a Markdown heading. The label set refuses them with a message, the sidecar schema
refuses a file holding them, and imports clean them (the annotation is kept, under the
cleaned name, and the summary says so).
"""

from __future__ import annotations

import copy
import dataclasses
import json
import sys
import unicodedata
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from annotator.core.annotations.document import AnnotationSet
from annotator.core.annotations.labels import LabelError, LabelSet, check_label_name, clean_label_name
from annotator.core.annotations.model import DEFAULT_LABELS, Label
from annotator.core.annotations.schema import _fast_checker, schema_problems, sidecar_schema
from annotator.core.annotations.sidecar import SidecarError, decode_sidecar
from annotator.core.export.brat import export_brat
from annotator.core.importers import parse_brat, parse_w3c, plan_merge
from annotator.core.importers.brat_import import display_names
from tests.core.export_fixture import LABELS, TEXT, make_annotations, make_article

REFUSED = [chr(code) for code in range(sys.maxunicode + 1) if unicodedata.category(chr(code)) == "Cc"]
REFUSED += ["\u2028", "\u2029"]
ACCEPTED = ["Claim", "Needs review", "Zoë’s check ☕", "Ähnlich 😀", "a\u00a0b", "x | y", "中文标签", "=SUM"]
VALID_SIDECAR = {
    "format": "annotator.sidecar",
    "version": 1,
    "saved_by": "annotator 0.1.0",
    "article": {"path": "a.txt", "sha256": "0" * 64, "length": 40},
    "labels": [{"name": "Claim", "color": "#f4c430", "key": "1"}],
    "annotations": [
        {
            "id": "x1", "start": 1, "end": 5, "selector": {"exact": "abcd"}, "label": "Claim", "tags": [],
            "note": "", "verdict": None, "quote_id": None, "speaker": None, "author": "",
            "created": "2026-01-01T00:00:00Z", "modified": "2026-01-01T00:00:00Z", "status": "anchored",
        }
    ],
}  # fmt: skip


def test_every_control_character_and_line_separator_is_refused():
    assert len(REFUSED) == 67  # C0 (32), DEL, C1 (32), U+2028, U+2029
    for char in REFUSED:
        with pytest.raises(LabelError, match="cannot contain line breaks, tabs or other control characters"):
            check_label_name(f"Needs{char}review")


@pytest.mark.parametrize("name", ACCEPTED)
def test_ordinary_names_in_any_script_are_accepted(name):
    check_label_name(name)
    assert LabelSet([Label(name, "#123456", None)]).names == (name,)
    assert clean_label_name(name) == name


def test_the_message_names_the_character_and_the_label():
    with pytest.raises(LabelError) as refused:
        check_label_name("Needs\nreview")
    assert "a line break in 'Needs\\nreview'" in str(refused.value)
    with pytest.raises(LabelError) as refused:
        check_label_name("Needs\u2028review")
    assert "U+2028 LINE SEPARATOR" in str(refused.value)


@pytest.mark.parametrize("char", ["\n", "\t", "\r", "\x00", "\x1b", "\x85", "\u2028"])
def test_the_label_set_refuses_such_a_name_when_adding_renaming_or_loading(char):
    labels = LabelSet(DEFAULT_LABELS)
    with pytest.raises(LabelError, match="control characters"):
        labels.added(Label(f"Needs{char}review", "#123456", None))
    with pytest.raises(LabelError, match="control characters"):
        labels.updated("Claim", new_name=f"Claim{char}[drawing]")
    with pytest.raises(LabelError, match="control characters"):
        LabelSet.from_json([{"name": f"Claim{char}x", "color": "#123456", "key": None}])
    assert labels == LabelSet(DEFAULT_LABELS)


@pytest.mark.parametrize("char", ["\n", "\t", "\x7f", "\x9f", "\u2029"])
@pytest.mark.parametrize("where", ["labels", "annotations"])
def test_a_sidecar_with_such_a_label_is_refused_with_a_message_by_both_checkers(char, where):
    data = copy.deepcopy(VALID_SIDECAR)
    name = f"Claim{char}[drawing]"
    if where == "labels":
        data["labels"][0]["name"] = name
    data["annotations"][0]["label"] = name
    assert _fast_checker()(data) is False
    assert list(Draft202012Validator(sidecar_schema()).iter_errors(data))
    problems = schema_problems(data)
    assert problems and any("label" in problem for problem in problems), problems
    with pytest.raises(SidecarError):
        decode_sidecar(Path("a.txt.annotations.json"), json.dumps(data).encode())
    assert _fast_checker()(VALID_SIDECAR) is True


def test_cleaning_turns_each_run_into_one_space():
    assert clean_label_name("\tNeeds\r\n\nreview\x85now\u2028") == "Needs review now"
    assert clean_label_name("\n\t") == ""


def _w3c_with_label(label: str, exact: str) -> str:
    start = TEXT.index(exact)
    return json.dumps(
        [
            {
                "@context": "http://www.w3.org/ns/anno.jsonld",
                "type": "Annotation",
                "body": [{"type": "TextualBody", "purpose": "classifying", "value": label}],
                "target": {
                    "source": "urn:x",
                    "selector": [
                        {"type": "TextQuoteSelector", "exact": exact},
                        {"type": "TextPositionSelector", "start": start, "end": start + len(exact)},
                    ],
                },
            }
        ]
    )


def test_a_w3c_import_keeps_the_annotation_under_the_cleaned_label_and_says_so():
    annotations = AnnotationSet(TEXT, LabelSet(LABELS))
    hostile = "Rumour\n\n[drawing]\nRumour\tbgColor:#000000"
    plan = plan_merge(annotations, parse_w3c(_w3c_with_label(hostile, "Her neighbour disagreed.")))
    annotations.apply(plan.operation)
    (added,) = annotations
    assert added.label == "Rumour [drawing] Rumour bgColor:#000000"
    assert annotations.labels.get(added.label) is not None
    assert plan.new_labels == [added.label]
    assert "label 'Rumour\\n\\n[drawing]\\nRumour\\tbgColor:#000000' had line breaks" in plan.summary()
    assert "imported as 'Rumour [drawing] Rumour bgColor:#000000'" in plan.summary()


def test_a_label_only_of_control_characters_becomes_the_import_label():
    annotations = AnnotationSet(TEXT, LabelSet(LABELS))
    plan = plan_merge(annotations, parse_w3c(_w3c_with_label("\n\x07\n", "Her neighbour disagreed.")))
    annotations.apply(plan.operation)
    assert [a.label for a in annotations] == ["Imported"]
    assert "imported as 'Imported'" in plan.summary()


def test_a_brat_display_name_with_control_characters_is_cleaned_on_import():
    exact = "Her neighbour disagreed."
    start = TEXT.index(exact)
    ann = f"T1\tRumour {start} {start + len(exact)}\t{exact}\n"
    visual = "[labels]\nRumour | Rumour\tor\x01not\x7f\x9bquite\n"
    assert display_names(visual)["Rumour"] != "Rumour or not quite"  # as read: still raw
    annotations = AnnotationSet(TEXT, LabelSet(LABELS))
    plan = plan_merge(annotations, parse_brat(ann, TEXT, visual_conf=visual))
    annotations.apply(plan.operation)
    assert [a.label for a in annotations] == ["Rumour or not quite"]
    assert "had line breaks, tabs or control characters" in plan.summary()


def test_brat_visual_conf_gets_one_line_per_label_whatever_the_labels_hold():
    hostile = Label("Claim\n\n[drawing]\nClaim\tbgColor:#000000", "#123456", "9")
    annotations = [dataclasses.replace(a, label=hostile.name) for a in make_annotations() if a.label == "Claim"]
    export = export_brat(make_article(), annotations, [hostile])
    lines = export.visual_conf.splitlines()
    assert [line for line in lines if line.startswith("[")] == ["[labels]", "[drawing]"]
    assert lines[1] == "Claim_drawing_Claim_bgColor_000000 | Claim [drawing] Claim bgColor:#000000"
    assert lines[2:] == ["", "[drawing]", "Claim_drawing_Claim_bgColor_000000\tbgColor:#123456"]
