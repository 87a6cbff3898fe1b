"""``annotator export`` as a user runs it: formats, files, --force, brat's file set, failures."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from annotator.cli import main
from annotator.core.annotations.sidecar import sidecar_path_for
from tests.cli.annotated_story import write_annotated_story
from tests.core.brat_checker import brat_problems, declared_entities
from tests.core.export_fixture import TEXT, make_annotations


def run_cli(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def story(tmp_path: Path) -> Path:
    return write_annotated_story(tmp_path)


def test_w3c_to_stdout_has_every_annotation_of_the_sidecar(story, capsys):
    code, out, err = run_cli(capsys, "export", str(story), "--format", "w3c")
    assert code == 0, err
    items = json.loads(out)["first"]["items"]
    assert {item["id"] for item in items} == {f"urn:uuid:{a.id}" for a in make_annotations()}
    assert json.loads(out)["first"]["items"][0]["target"]["source"] == story.resolve().as_uri()


@pytest.mark.parametrize("format_name", ["markdown", "claimreview", "html", "brat"])
def test_every_text_format_prints_to_stdout(story, capsys, format_name):
    code, out, err = run_cli(capsys, "export", str(story), "--format", format_name)
    assert code == 0, err
    assert "Zoë Achterberg" in out or "We lost €2,000" in out


def test_csv_file_has_a_bom_and_stdout_has_none(story, tmp_path, capsys):
    target = tmp_path / "claims.csv"
    code, _, err = run_cli(capsys, "export", str(story), "--format", "csv", "-o", str(target))
    assert code == 0, err
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert len(rows) == len(make_annotations())
    code, out, _ = run_cli(capsys, "export", str(story), "--format", "csv")
    assert code == 0 and out.startswith("id,label,")


def test_existing_output_is_kept_without_force_and_replaced_with_it(story, tmp_path, capsys):
    target = tmp_path / "report.md"
    target.write_text("my own notes", encoding="utf-8")
    code, _, err = run_cli(capsys, "export", str(story), "--format", "markdown", "-o", str(target))
    assert code == 1 and "already exists; use --force" in err
    assert target.read_text(encoding="utf-8") == "my own notes"
    code, _, err = run_cli(capsys, "export", str(story), "--format", "markdown", "-o", str(target), "--force")
    assert code == 0, err
    assert target.read_text(encoding="utf-8").startswith("# Café owners")


def test_brat_writes_ann_txt_and_configs_that_brat_accepts(story, tmp_path, capsys):
    out_dir = tmp_path / "brat"
    out_dir.mkdir()
    code, _, err = run_cli(
        capsys, "export", str(story), "--format", "brat", "--include-extracted", "-o", str(out_dir / "story.ann")
    )
    assert code == 0, err
    assert sorted(p.name for p in out_dir.iterdir()) == ["annotation.conf", "story.ann", "story.txt", "visual.conf"]
    txt = (out_dir / "story.txt").read_text(encoding="utf-8")
    assert txt == TEXT
    ann = (out_dir / "story.ann").read_text(encoding="utf-8")
    assert brat_problems(ann, txt, declared_entities((out_dir / "annotation.conf").read_text(encoding="utf-8"))) == []
    assert "1 annotation(s) left out of the brat files" in err  # the orphan


def test_brat_keeps_a_collections_existing_configuration(story, tmp_path, capsys):
    conf = tmp_path / "annotation.conf"
    conf.write_text("[entities]\nMine\n", encoding="utf-8")
    code, _, err = run_cli(capsys, "export", str(story), "--format", "brat", "-o", str(tmp_path / "copy"))
    assert code == 0, err
    assert conf.read_text(encoding="utf-8") == "[entities]\nMine\n"
    assert "kept the existing" in err
    assert (tmp_path / "copy.ann").exists() and (tmp_path / "copy.txt").exists()


def test_an_export_never_overwrites_the_article_or_its_sidecar(story, capsys):
    before = story.read_bytes()
    code, _, err = run_cli(capsys, "export", str(story), "--format", "brat", "-o", str(story), "--force")
    assert code == 1 and "is the article or its sidecar" in err
    assert story.read_bytes() == before
    sidecar = sidecar_path_for(story)
    code, _, err = run_cli(capsys, "export", str(story), "--format", "w3c", "-o", str(sidecar), "--force")
    assert code == 1


def test_pdf_needs_an_output_file(story, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["export", str(story), "--format", "pdf"])
    assert exit_info.value.code == 2


def test_article_without_sidecar_exports_no_annotations(tmp_path, capsys):
    plain = tmp_path / "plain.txt"
    plain.write_text(TEXT, encoding="utf-8")
    code, out, err = run_cli(capsys, "export", str(plain), "--format", "claimreview")
    assert code == 0, err
    assert json.loads(out) == []
    assert not sidecar_path_for(plain).exists()


def test_corrupt_sidecar_fails_and_is_left_alone(story, capsys):
    sidecar = sidecar_path_for(story)
    sidecar.write_bytes(b'{"format": "annotator.sidecar", "version": 1, "annotations": [')
    code, out, err = run_cli(capsys, "export", str(story), "--format", "csv")
    assert code == 1 and out == ""
    assert "nothing was exported" in err and "Traceback" not in err
    assert sidecar.read_bytes() == b'{"format": "annotator.sidecar", "version": 1, "annotations": ['


def test_missing_article_and_unknown_format(tmp_path, capsys):
    code, _, err = run_cli(capsys, "export", str(tmp_path / "none.txt"), "--format", "csv")
    assert code == 1 and "none.txt" in err
    with pytest.raises(SystemExit) as exit_info:
        main(["export", str(tmp_path / "none.txt"), "--format", "docx"])
    assert exit_info.value.code == 2


def test_text_formats_work_where_qt_cannot_be_imported(story):
    script = textwrap.dedent(
        f"""
        import sys
        class BlockQt:
            def find_spec(self, name, path=None, target=None):
                if name.startswith("PySide6") or name == "shiboken6":
                    raise ImportError("PySide6 is blocked")
        sys.meta_path.insert(0, BlockQt())
        from annotator.cli import main
        code = main(["export", {str(story)!r}, "--format", "html"])
        assert not any(m.startswith("PySide6") for m in sys.modules)
        sys.exit(code)
        """
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "<mark" in result.stdout
