"""brat export: files brat accepts, offsets valid for the .txt, nothing the reader wrote lost."""

from __future__ import annotations

from annotator.core.annotations.model import Annotation
from annotator.core.export.brat import (
    brat_type_names,
    escape_comment,
    export_brat,
    fragments,
    split_tags,
    unescape_comment,
    verdict_from_value,
)
from annotator.core.extraction.model import Span
from tests.core.brat_checker import brat_problems, declared_entities
from tests.core.export_fixture import LABELS, TEXT, make_annotations, make_article, make_extraction


def lines_of_kind(ann: str, prefix: str) -> list[list[str]]:
    return [line.split("\t") for line in ann.splitlines() if line.startswith(prefix)]


def test_brat_would_load_the_export_with_and_without_extraction():
    for extraction in (None, make_extraction()):
        export = export_brat(make_article(), make_annotations(), LABELS, extraction)
        assert export.txt == TEXT
        assert brat_problems(export.ann, export.txt, declared_entities(export.annotation_conf)) == []


def test_the_checker_catches_what_brat_rejects():
    assert brat_problems("T1\tClaim 0 4\tCafé\n", TEXT) == []
    assert brat_problems("T1\tClaim 0 4\tCafe\n", TEXT)  # text differs
    assert brat_problems("T1\tClaim 0 4;4 6\tCafé o\n", TEXT)  # touching fragments
    assert brat_problems("#1\tAnnotatorNotes T9\tx\n", TEXT)  # undefined target
    assert brat_problems("T1\tClaim 0 4\tCafé\n", TEXT, {"Evidence"})  # undeclared type


def test_span_across_a_line_break_becomes_fragments_per_line():
    export = export_brat(make_article(), make_annotations(), LABELS)
    claim = next(t for t in lines_of_kind(export.ann, "T") if "Drains" in t[2])
    start = TEXT.index("Drains")
    newline = TEXT.index("\n", start)
    end = TEXT.index("40%") + 3
    assert claim[1] == f"Claim {start} {newline};{newline + 1} {end}"


def test_emoji_offsets_are_code_points_into_the_txt():
    export = export_brat(make_article(), make_annotations(), LABELS)
    question = next(t for t in lines_of_kind(export.ann, "T") if t[1].startswith("Question"))
    start, end = map(int, question[1].split()[1:])
    assert export.txt[start:end] == question[2]
    assert question[2].startswith("😀")


def test_verdict_notes_tags_and_label_with_space():
    export = export_brat(make_article(), make_annotations(), LABELS)
    assert ["A1", "Verdict T2 Mostly_true"] in lines_of_kind(export.ann, "A")
    notes = {t[1]: t[2] for t in lines_of_kind(export.ann, "#") if t[1].startswith("AnnotatorNotes")}
    assert notes["AnnotatorNotes T2"] == 'Receipts seen.\\nOwner showed "two" invoices, see ledger'
    assert any(t[1].startswith("Check_later ") for t in lines_of_kind(export.ann, "T"))
    assert "Check_later | Check later" in export.visual_conf
    assert "Check_later\tbgColor:#a0a0a0" in export.visual_conf


def test_orphans_are_reported_not_placed():
    export = export_brat(make_article(), make_annotations(), LABELS)
    assert export.skipped == ("00000000-0000-4000-8000-000000000007",)
    assert "the old wall held" not in export.ann


def test_relations_link_quotes_and_the_annotations_in_them_to_the_speaker_mention():
    export = export_brat(make_article(), make_annotations(), LABELS, make_extraction())
    textbounds = {t[0]: t for t in lines_of_kind(export.ann, "T")}
    relations = [t[1].split() for t in lines_of_kind(export.ann, "R")]
    assert len(relations) == 3  # the quote, the claim linked to it, the evidence inside it
    for kind, arg1, arg2 in relations:
        assert kind == "Speaker"
        speaker = textbounds[arg2.split(":")[1]]
        assert speaker[1].startswith("Extracted_person") and speaker[2] == "Zoë Achterberg"
    sources = {textbounds[r[1].split(":")[1]][1].split()[0] for r in relations}
    assert sources == {"Extracted_quote", "Claim", "Evidence"}


def test_fragments_skip_empty_pieces_and_merge_touching_ones():
    text = "ab\n\ncd\u2028ef"
    assert fragments(text, [Span(0, len(text))]) == [(0, 2), (4, 6), (7, 9)]
    assert fragments("\n\n", [Span(0, 2)]) == []
    assert fragments("abcdef", [Span(0, 3), Span(3, 6)]) == [(0, 6)]


def test_an_annotation_of_only_line_breaks_is_skipped_not_written_broken():
    text = "Title\n\nBody"
    article = make_article()
    article.text = text
    article.blocks = []
    blank = Annotation.create(text, 5, 7, "Claim")
    export = export_brat(article, [blank], LABELS)
    assert export.skipped == (blank.id,)
    assert export.ann == ""


def test_comment_escapes_round_trip():
    for value in ["plain", "two\nlines", "tab\there", "back\\slash \\n literal", "sep\u2028ara\u0085tor", ""]:
        escaped = escape_comment(value)
        assert "\n" not in escaped and "\t" not in escaped and len(escaped.splitlines()) <= 1
        assert unescape_comment(escaped) == value
    tags = ["a, b", "c\\d", "émoji 😀"]
    assert split_tags(", ".join(escape_comment(t, ",") for t in tags)) == tags


def test_type_names_are_distinct_and_brat_safe():
    names = brat_type_names(["Claim", "Needs review", "Needs-review", "Needs_review", "1st", "Zitat ü"], ["Needs_review"])
    assert len(set(names.values())) == len(names)
    assert all(" " not in n and n[0].isalpha() for n in names.values())
    assert names["Needs review"] != "Needs_review"


def test_verdict_values_map_back():
    assert verdict_from_value("Mostly_false") == "Mostly false"
    assert verdict_from_value("Nonsense") is None


def test_a_label_named_like_extracted_data_is_not_mistaken_for_it_on_import():
    from annotator.core.annotations.model import Label
    from annotator.core.importers import parse_brat

    labels = [*LABELS, Label("Extracted quote", "#123456")]
    start = TEXT.index("Her neighbour")
    annotation = Annotation.create(TEXT, start, start + 13, "Extracted quote")
    export = export_brat(make_article(), [annotation], labels)
    assert "Extracted_quote_2 " in export.ann
    parsed = parse_brat(export.ann, export.txt, visual_conf=export.visual_conf)
    assert [a.label for a in parsed.annotations] == ["Extracted quote"]
