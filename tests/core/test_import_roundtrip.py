"""Export → import into an empty annotation set gives back the same annotations."""

from __future__ import annotations

import pytest

from annotator.core.annotations.document import AnnotationSet
from annotator.core.annotations.labels import LabelSet
from annotator.core.export import export_brat, export_w3c
from annotator.core.importers import parse_brat, parse_w3c, plan_merge
from tests.core.export_fixture import LABELS, TEXT, make_annotations, make_article, make_extraction, what_the_reader_made

COMPARED = ("id", "start", "end", "selector", "label", "tags", "note", "verdict", "speaker", "quote_id", "author", "created", "modified", "status")


def comparable(annotation, *, orphan_offsets: bool = True) -> dict:
    values = {name: getattr(annotation, name) for name in COMPARED}
    if annotation.status == "orphan" and not orphan_offsets:
        del values["start"], values["end"]  # an orphan's old offsets mean nothing
    return values


def imported_into_empty_set(parsed) -> AnnotationSet:
    annotations = AnnotationSet(TEXT, LabelSet(LABELS))
    plan = plan_merge(annotations, parsed)
    assert plan.new_labels == [] and plan.duplicates == []
    annotations.apply(plan.operation)
    return annotations


@pytest.mark.parametrize("extraction", [None, make_extraction()], ids=["plain", "with-extraction"])
def test_w3c_round_trip_restores_every_annotation(extraction):
    exported = export_w3c(make_article(), make_annotations(), LABELS, extraction)
    restored = {a.id: a for a in imported_into_empty_set(parse_w3c(exported))}
    originals = make_annotations()
    assert set(restored) == {a.id for a in originals}
    for original in originals:
        got = comparable(restored[original.id], orphan_offsets=False)
        want = comparable(original, orphan_offsets=False)
        if extraction is not None and original.id.endswith("2"):
            want["speaker"] = "Zoë Achterberg"  # the extraction told us who said it
        assert got == want


@pytest.mark.parametrize("extraction", [None, make_extraction()], ids=["plain", "with-extraction"])
def test_brat_round_trip_restores_every_placed_annotation(extraction):
    export = export_brat(make_article(), make_annotations(), LABELS, extraction)
    parsed = parse_brat(export.ann, export.txt, known_labels=[label.name for label in LABELS], visual_conf=export.visual_conf)
    restored = {a.id: a for a in imported_into_empty_set(parsed)}
    placed = [a for a in make_annotations() if a.status != "orphan"]
    assert set(restored) == {a.id for a in placed}
    for original in placed:
        assert comparable(restored[original.id]) == comparable(original)
    if extraction is not None:
        assert any("extracted" in line for line in parsed.ignored)


def test_brat_round_trip_without_the_txt_or_configs_still_restores_spans_and_labels():
    export = export_brat(make_article(), make_annotations(), LABELS)
    parsed = parse_brat(export.ann)
    restored = {a.id: a for a in imported_into_empty_set(parsed)}
    for original in make_annotations():
        if original.status == "orphan":
            continue
        assert what_the_reader_made(restored[original.id]) == what_the_reader_made(original)


def test_importing_the_same_export_twice_adds_nothing_the_second_time():
    annotations = AnnotationSet(TEXT, LabelSet(LABELS))
    exported = export_w3c(make_article(), make_annotations(), LABELS)
    annotations.apply(plan_merge(annotations, parse_w3c(exported)).operation)
    second = plan_merge(annotations, parse_w3c(exported))
    assert second.added == [] and len(second.duplicates) == len(make_annotations())
    assert second.operation is None
    assert second.summary().startswith("added 0, skipped 7 duplicates, 0 unmatched")
