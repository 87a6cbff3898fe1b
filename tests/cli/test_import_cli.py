"""``annotator import``: W3C and brat files into a sidecar, summaries, duplicates, failures."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.cli import main
from annotator.core.annotations.sidecar import read_sidecar, sidecar_path_for
from tests.cli.annotated_story import write_annotated_story
from tests.core.export_fixture import TEXT, make_annotations, what_the_reader_made


def run_cli(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def source_and_target(tmp_path: Path) -> tuple[Path, Path]:
    """An annotated story and an un-annotated copy of the same text."""
    source = write_annotated_story(tmp_path, "annotated.txt")
    target = tmp_path / "copy.txt"
    target.write_text(TEXT, encoding="utf-8")
    return source, target


def saved(article: Path) -> dict:
    content, _ = read_sidecar(sidecar_path_for(article))
    return {a.id: a for a in content.annotations}


def test_w3c_export_imported_into_a_copy_gives_the_same_annotations(source_and_target, tmp_path, capsys):
    source, target = source_and_target
    exported = tmp_path / "annotations.jsonld"
    assert run_cli(capsys, "export", str(source), "--format", "w3c", "-o", str(exported))[0] == 0
    code, out, err = run_cli(capsys, "import", str(target), "--format", "w3c", str(exported))
    assert code == 0, err
    assert out.startswith("added 7, skipped 0 duplicates, 1 unmatched (kept as orphans")
    restored = saved(target)
    for original in make_annotations():
        got = restored[original.id]
        assert (got.label, got.tags, got.note, got.verdict, got.exact) == (
            original.label,
            original.tags,
            original.note,
            original.verdict,
            original.exact,
        )
        if original.status != "orphan":
            assert (got.start, got.end) == (original.start, original.end)

    code, out, _ = run_cli(capsys, "import", str(target), "--format", "w3c", str(exported))
    assert code == 0 and out.startswith("added 0, skipped 7 duplicates")
    assert len(saved(target)) == 7


def test_brat_files_imported_with_their_txt(source_and_target, tmp_path, capsys):
    source, target = source_and_target
    assert run_cli(capsys, "export", str(source), "--format", "brat", "-o", str(tmp_path / "b"))[0] == 0
    code, out, err = run_cli(capsys, "import", str(target), "--format", "brat", str(tmp_path / "b.ann"))
    assert code == 0, err
    assert out.startswith("added 6, skipped 0 duplicates, 0 unmatched")
    restored = saved(target)
    for original in make_annotations():
        if original.status == "orphan":
            continue
        assert what_the_reader_made(restored[original.id]) == what_the_reader_made(original)


def test_dry_run_reports_without_saving(source_and_target, tmp_path, capsys):
    source, target = source_and_target
    exported = tmp_path / "a.jsonld"
    run_cli(capsys, "export", str(source), "--format", "w3c", "-o", str(exported))
    code, out, _ = run_cli(capsys, "import", str(target), "--format", "w3c", str(exported), "--dry-run")
    assert code == 0 and out.startswith("would have: added 7")
    assert not sidecar_path_for(target).exists()


def test_a_file_of_the_wrong_kind_fails_clearly_and_changes_nothing(source_and_target, tmp_path, capsys):
    source, _ = source_and_target
    before = sidecar_path_for(source).read_bytes()
    wrong = tmp_path / "notes.jsonld"
    wrong.write_text("just some text", encoding="utf-8")
    code, out, err = run_cli(capsys, "import", str(source), "--format", "w3c", str(wrong))
    assert code == 1 and out == ""
    assert "notes.jsonld: not valid JSON" in err
    assert sidecar_path_for(source).read_bytes() == before
    code, _, err = run_cli(capsys, "import", str(source), "--format", "brat", str(tmp_path / "missing.ann"))
    assert code == 1 and "cannot read" in err


def test_a_corrupt_sidecar_is_not_overwritten_by_an_import(source_and_target, tmp_path, capsys):
    source, target = source_and_target
    exported = tmp_path / "a.jsonld"
    run_cli(capsys, "export", str(source), "--format", "w3c", "-o", str(exported))
    broken = b"{ not json"
    sidecar_path_for(target).write_bytes(broken)
    code, _, err = run_cli(capsys, "import", str(target), "--format", "w3c", str(exported))
    assert code == 1 and "nothing was imported" in err
    assert sidecar_path_for(target).read_bytes() == broken


def test_usage_errors_exit_2(source_and_target):
    _, target = source_and_target
    with pytest.raises(SystemExit) as exit_info:
        main(["import", str(target), "some.json"])
    assert exit_info.value.code == 2


def test_summary_lists_what_could_not_be_imported(source_and_target, tmp_path, capsys):
    _, target = source_and_target
    ann = tmp_path / "events.ann"
    start = TEXT.index("Her neighbour")
    ann.write_text(f"T1\tClaim {start} {start + 13}\tHer neighbour\nE1\tClaim:T1\n", encoding="utf-8")
    code, out, _ = run_cli(capsys, "import", str(target), "--format", "brat", str(ann))
    assert code == 0
    assert out.splitlines() == ["added 1, skipped 0 duplicates, 0 unmatched (kept as orphans, needing review)", "not imported: 1 events (E lines)"]
    assert json.loads(sidecar_path_for(target).read_text(encoding="utf-8"))["annotations"][0]["label"] == "Claim"
