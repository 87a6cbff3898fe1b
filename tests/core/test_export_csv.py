"""CSV export read back with the csv module, as a script or a spreadsheet would."""

from __future__ import annotations

import csv
import io

from annotator.core.export.csv_export import BOM, COLUMNS, export_csv, guard_formula
from tests.core.export_fixture import LABELS, make_annotations, make_article, make_extraction


def rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text.removeprefix(BOM), newline="")))


def test_file_output_starts_with_a_bom_and_uses_crlf_records():
    text = export_csv(make_article(), make_annotations(), LABELS)
    assert text.startswith(BOM + "id,label,tags,verdict,text,note,start,end,speaker,created,modified,status\r\n")
    assert not export_csv(make_article(), make_annotations(), LABELS, bom=False).startswith(BOM)


def test_parsed_back_every_annotation_is_one_row_with_its_values():
    parsed = rows(export_csv(make_article(), make_annotations(), LABELS))
    assert list(parsed[0]) == list(COLUMNS)
    by_id = {row["id"]: row for row in parsed}
    assert set(by_id) == {a.id for a in make_annotations()}
    for annotation in make_annotations():
        row = by_id[annotation.id]
        assert row["verdict"] == (annotation.verdict or "")
        if annotation.status == "orphan":
            assert (row["start"], row["end"], row["status"]) == ("", "", "orphan")
        else:
            assert (int(row["start"]), int(row["end"])) == (annotation.start, annotation.end)
    claim = by_id["00000000-0000-4000-8000-000000000001"]
    assert claim["text"] == "We lost €2,000 in one night — the council knew"
    assert claim["note"] == 'Receipts seen.\nOwner showed "two" invoices, see ledger'
    assert claim["tags"] == "money; café ☕"
    assert claim["speaker"] == "Zoë Achterberg"
    bullets = by_id["00000000-0000-4000-8000-000000000005"]
    assert bullets["text"] == "Drains were last cleared in 2019\n• Insurance claims rose by 40%"


def test_cells_that_would_run_as_formulas_are_defused():
    by_id = {row["id"]: row for row in rows(export_csv(make_article(), make_annotations(), LABELS))}
    row = by_id["00000000-0000-4000-8000-000000000003"]
    assert row["text"] == "'=SUM of the damage is unclear."
    assert row["tags"] == "'-todo"
    for trigger in "=+-@\t\r":
        assert guard_formula(trigger + "x") == "'" + trigger + "x"
    assert guard_formula("plain =x") == "plain =x"


def test_speaker_comes_from_the_extraction_when_asked():
    plain = {r["id"]: r for r in rows(export_csv(make_article(), make_annotations(), LABELS))}
    extracted = {r["id"]: r for r in rows(export_csv(make_article(), make_annotations(), LABELS, make_extraction()))}
    evidence = "00000000-0000-4000-8000-000000000002"
    assert plain[evidence]["speaker"] == ""
    assert extracted[evidence]["speaker"] == "Zoë Achterberg"
