"""brat import of files brat projects write: attributes, notes, relations, other texts."""

from __future__ import annotations

import pytest

from annotator.core.annotations.document import AnnotationSet
from annotator.core.annotations.labels import LabelSet
from annotator.core.importers import ImportFormatError, parse_brat, plan_merge
from annotator.core.importers.brat_import import display_names
from tests.core.export_fixture import LABELS, TEXT


def span(piece: str) -> str:
    start = TEXT.index(piece)
    return f"{start} {start + len(piece)}"


def merged(parsed):
    annotations = AnnotationSet(TEXT, LabelSet(LABELS))
    plan = plan_merge(annotations, parsed)
    if plan.operation is not None:
        annotations.apply(plan.operation)
    return plan, {a.exact: a for a in annotations}


def test_a_brat_project_file_with_attributes_notes_relations_and_events():
    ann = (
        f"T1\tClaim {span('We lost €2,000 in one night')}\tWe lost €2,000 in one night\n"
        f"T2\tSource_person {span('Zoë Achterberg')}\tZoë Achterberg\n"
        "A1\tVerdict T1 Half_true\n"
        "A2\tNegated T1\n"
        "A3\tConfidence T1 High\n"
        "#1\tAnnotatorNotes T1\tfirst line\\nsecond line\n"
        "#2\tReviewerComment T1\tlooks fine\n"
        "R1\tSpeaker Arg1:T1 Arg2:T2\n"
        "R2\tCoreference Arg1:T2 Arg2:T1\n"
        "E1\tClaim:T1 Agent:T2\n"
    )
    plan, by_text = merged(parse_brat(ann, TEXT))
    claim = by_text["We lost €2,000 in one night"]
    assert claim.label == "Claim" and claim.verdict == "Half true"
    assert claim.tags == ("Negated", "Confidence:High")
    assert claim.note == "first line\nsecond line\n\nReviewerComment: looks fine"
    assert claim.speaker == "Zoë Achterberg"
    assert by_text["Zoë Achterberg"].label == "Source person"
    assert plan.new_labels == ["Source person"]
    assert "1 Coreference relations" in plan.ignored and "1 events (E lines)" in plan.ignored


def test_offsets_for_another_version_of_the_text_are_found_by_quote_and_context():
    old_text = "Breaking news.\n\n" + TEXT  # the brat .txt had an extra line on top
    shift = len("Breaking news.\n\n")
    piece = "the council knew the drain was blocked"
    start = old_text.index(piece)
    ann = f"T1\tEvidence {start} {start + len(piece)}\t{piece}\n"
    plan, by_text = merged(parse_brat(ann, old_text))
    found = by_text[piece]
    assert found.start == start - shift and found.status == "moved"


def test_visual_conf_display_names_win():
    conf = "[labels]\nChk | Check later | CL\n\n[drawing]\nChk\tbgColor:#ff0000\n"
    assert display_names(conf) == {"Chk": "Check later"}
    parsed = parse_brat(f"T1\tChk {span('Her neighbour')}\tHer neighbour\n", visual_conf=conf)
    assert parsed.annotations[0].label == "Check later"


def test_unreadable_lines_are_reported_and_a_non_brat_file_refused():
    ann = f"T1\tClaim {span('Her neighbour')}\tHer neighbour\nnonsense line\n"
    parsed = parse_brat(ann)
    assert len(parsed.annotations) == 1
    assert any("unreadable lines (2)" in line for line in parsed.ignored)
    with pytest.raises(ImportFormatError, match="not a brat .ann file: line 1"):
        parse_brat('{"format": "json"}\n')


def test_notes_of_extracted_spans_are_not_reported_as_lost():
    from annotator.core.export import export_brat
    from tests.core.export_fixture import make_annotations, make_article, make_extraction

    export = export_brat(make_article(), make_annotations(), LABELS, make_extraction())
    parsed = parse_brat(export.ann, export.txt)
    assert parsed.ignored == ["3 extracted quote and person spans (Annotator derives them again)"]
