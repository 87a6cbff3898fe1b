"""W3C export against the Web Annotation Data Model's MUST requirements."""

from __future__ import annotations

import json

from annotator.core.export.w3c import ANNO_CONTEXT, export_w3c
from tests.core.export_fixture import LABELS, TEXT, make_annotations, make_article, make_extraction


def exported(extraction=None) -> dict:
    return json.loads(export_w3c(make_article(), make_annotations(), LABELS, extraction))


def contexts(node: dict) -> list:
    value = node["@context"]
    return value if isinstance(value, list) else [value]


def selectors(item: dict) -> dict[str, dict]:
    target = item["target"]
    return {s["type"]: s for s in target["selector"]}


def test_collection_and_page_follow_the_model():
    collection = exported()
    assert ANNO_CONTEXT in contexts(collection)
    assert collection["type"] == "AnnotationCollection"
    assert collection["id"].startswith("urn:uuid:")
    assert collection["total"] == len(make_annotations())
    page = collection["first"]
    assert page["type"] == "AnnotationPage" and page["id"].startswith("urn:uuid:")
    assert len(page["items"]) == collection["total"]


def test_every_annotation_meets_the_must_requirements():
    for item in exported()["first"]["items"]:
        assert ANNO_CONTEXT in contexts(item)
        assert item["id"].startswith("urn:uuid:") and len(item["id"]) == len("urn:uuid:") + 36
        types = item["type"] if isinstance(item["type"], list) else [item["type"]]
        assert "Annotation" in types
        assert item["target"]["source"].startswith("file:///")
        assert item["created"].endswith("Z") and item["modified"].endswith("Z")
        for body in item["body"]:
            assert body["type"] == "TextualBody"
            assert isinstance(body["value"], str) and body["value"]
            assert body["purpose"] in {"classifying", "tagging", "commenting", "assessing"}


def test_position_selectors_are_code_point_offsets_matching_the_quote():
    items = exported()["first"]["items"]
    checked = 0
    for item in items:
        found = selectors(item)
        quote = found["TextQuoteSelector"]
        if "TextPositionSelector" not in found:
            continue
        position = found["TextPositionSelector"]
        assert isinstance(position["start"], int) and position["start"] >= 0
        assert TEXT[position["start"] : position["end"]] == quote["exact"]
        assert TEXT[: position["start"]].endswith(quote.get("prefix", ""))
        assert TEXT[position["end"] :].startswith(quote.get("suffix", ""))
        checked += 1
    assert checked == 6  # every annotation but the orphan; emoji precede several of them


def test_orphan_keeps_its_quote_but_no_position():
    orphan = next(i for i in exported()["first"]["items"] if i.get("annotator:anchorStatus") == "orphan")
    assert set(selectors(orphan)) == {"TextQuoteSelector"}
    assert selectors(orphan)["TextQuoteSelector"]["exact"] == "the old wall held"


def test_bodies_carry_label_tags_note_and_verdict_by_purpose():
    item = next(i for i in exported()["first"]["items"] if i["id"].endswith("000000000001"))
    by_purpose: dict[str, list[str]] = {}
    for body in item["body"]:
        by_purpose.setdefault(body["purpose"], []).append(body["value"])
    assert by_purpose == {
        "classifying": ["Claim"],
        "tagging": ["money", "café ☕"],
        "commenting": ['Receipts seen.\nOwner showed "two" invoices, see ledger'],
        "assessing": ["Mostly true"],
    }
    assert item["motivation"] == "assessing"
    assert item["creator"] == {"type": "Person", "name": "Ana Pérez"}
    assert item["annotator:speaker"] == "Zoë Achterberg"


def test_extraction_supplies_the_speaker_of_a_claim_inside_a_quote():
    plain = {i["id"]: i for i in exported()["first"]["items"]}
    with_extraction = {i["id"]: i for i in exported(make_extraction())["first"]["items"]}
    evidence = "urn:uuid:00000000-0000-4000-8000-000000000002"
    assert "annotator:speaker" not in plain[evidence]
    assert with_extraction[evidence]["annotator:speaker"] == "Zoë Achterberg"


def test_no_annotations_gives_an_empty_collection_without_a_page():
    collection = json.loads(export_w3c(make_article(), [], LABELS))
    assert collection["total"] == 0 and "first" not in collection


def test_same_article_exports_identically_twice():
    assert export_w3c(make_article(), make_annotations(), LABELS) == export_w3c(
        make_article(), list(reversed(make_annotations())), LABELS
    )


# The motivations and purposes the model defines (Web Annotation Data Model, section 3.3.5).
MODEL_MOTIVATIONS = {
    "assessing", "bookmarking", "classifying", "commenting", "describing", "editing", "highlighting",
    "identifying", "linking", "moderating", "questioning", "replying", "tagging",
}


def test_motivations_and_purposes_are_the_models_own():
    items = exported()["first"]["items"]
    assert {item["motivation"] for item in items} <= MODEL_MOTIVATIONS
    assert {body["purpose"] for item in items for body in item["body"]} <= MODEL_MOTIVATIONS
    assert {item["motivation"] for item in items} == {"assessing", "commenting", "highlighting"}
