"""``annotator annotate`` and ``annotator annotations`` as scripts use them."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

from annotator.cli import main

STORY = (
    "Bridge to reopen in May\n"
    "\n"
    "The county said the bridge would reopen in May after repairs costing £2m. "
    "Residents said the bridge had been closed for too long.\n"
    "\n"
    "A spokesman said the work was “on schedule”.\n"
)


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "bridge.txt"
    path.write_text(STORY, encoding="utf-8")
    return path


def sidecar(article: Path) -> Path:
    return article.with_name(article.name + ".annotations.json")


def run_cli(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_annotate_by_quote_writes_the_sidecar_and_prints_the_id(article, capsys):
    code, out, err = run_cli(
        capsys, "annotate", str(article), "--quote", "would reopen in May", "--label", "claim",
        "--tag", "roads", "--tag", "budget", "--note", "Check the council minutes", "--verdict", "mostly TRUE",
    )
    assert code == 0, err
    annotation_id = out.strip()
    uuid.UUID(annotation_id)
    data = json.loads(sidecar(article).read_text(encoding="utf-8"))
    (stored,) = data["annotations"]
    start = STORY.index("would reopen in May")
    assert stored["id"] == annotation_id
    assert (stored["start"], stored["end"]) == (start, start + len("would reopen in May"))
    assert stored["selector"]["exact"] == "would reopen in May"
    assert (stored["label"], stored["tags"], stored["verdict"]) == ("Claim", ["roads", "budget"], "Mostly true")
    assert stored["note"] == "Check the council minutes"


def test_annotate_by_offsets_adds_to_existing_annotations(article, capsys):
    run_cli(capsys, "annotate", str(article), "--quote", "on schedule", "--label", "Quote")
    code, out, err = run_cli(capsys, "annotate", str(article), "--start", "0", "--end", "6", "--label", "Evidence")
    assert code == 0, err
    code, out, _ = run_cli(capsys, "annotations", str(article))
    record = json.loads(out)
    assert [(a["label"], a["selector"]["exact"], a["status"]) for a in record["annotations"]] == [
        ("Quote", "on schedule", "anchored"),
        ("Evidence", "Bridge", "anchored"),
    ]
    assert record["counts"]["anchored"] == 2 and record["reanchored"] is False


@pytest.mark.parametrize(
    "arguments, message",
    [
        (["--start", "5", "--end", "5000", "--label", "Claim"], "span 5..5000 is not a non-empty part"),
        (["--start", "-1", "--end", "3", "--label", "Claim"], "span -1..3"),
        (
            ["--quote", "the bridge", "--label", "Claim"],
            re.escape(f"occurs 2 times (at offsets {STORY.index('the bridge')}, {STORY.rindex('the bridge')})"),
        ),
        (["--quote", "a tunnel", "--label", "Claim"], "does not occur in the article"),
        (["--quote", "would reopen", "--label", "Rumour"], "no label called 'Rumour' \\(labels: Claim, Evidence"),
        (["--quote", "would reopen", "--label", "Claim", "--verdict", "Pants on fire"], "unknown verdict 'Pants on fire'"),
    ],
)
def test_annotate_refuses_bad_requests_and_writes_nothing(article, capsys, arguments, message):
    code, out, err = run_cli(capsys, "annotate", str(article), *arguments)
    assert code == 1 and out == ""
    assert re.search(message, err), err
    assert "Traceback" not in err
    assert not sidecar(article).exists()


def test_start_without_end_is_a_usage_error(article, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["annotate", str(article), "--start", "3", "--label", "Claim"])
    assert exit_info.value.code == 2
    assert "--start needs --end" in capsys.readouterr().err


def test_corrupt_sidecar_exits_1_and_is_left_untouched(article, capsys):
    broken = b'{"format": "annotator.sidecar", "version": 1, "annotations": [{"id": '
    sidecar(article).write_bytes(broken)
    for argv in (["annotations", str(article)], ["annotate", str(article), "--quote", "reopen", "--label", "Claim"]):
        code, out, err = run_cli(capsys, *argv)
        assert code == 1 and out == ""
        assert "is not valid JSON" in err and str(sidecar(article)) in err
    assert sidecar(article).read_bytes() == broken


def test_newer_sidecar_version_exits_1_untouched(article, capsys):
    newer = json.dumps({"format": "annotator.sidecar", "version": 7, "annotations": []}).encode()
    sidecar(article).write_bytes(newer)
    code, _, err = run_cli(capsys, "annotations", "--format", "text", str(article))
    assert code == 1 and "newer Annotator" in err
    assert sidecar(article).read_bytes() == newer


def test_annotations_after_an_edit_reports_statuses_without_writing(article, capsys):
    run_cli(capsys, "annotate", str(article), "--quote", "costing £2m", "--label", "Claim")
    run_cli(capsys, "annotate", str(article), "--quote", "the work was", "--label", "Quote")
    saved = sidecar(article).read_bytes()
    edited = "UPDATED 🛠️\n\n" + STORY.replace("A spokesman said the work was “on schedule”.\n", "")
    article.write_text(edited, encoding="utf-8")
    code, out, err = run_cli(capsys, "annotations", str(article))
    assert code == 0, err
    record = json.loads(out)
    assert record["reanchored"] is True
    moved, orphan = record["annotations"]
    assert moved["status"] == "moved" and edited[moved["start"] : moved["end"]] == "costing £2m"
    assert orphan["status"] == "orphan" and orphan["selector"]["exact"] == "the work was"
    code, out, _ = run_cli(capsys, "annotations", "--format", "text", str(article))
    assert "1 moved, 1 orphan" in out and "Needs review: 1 orphan" in out and "“costing £2m”" in out
    assert sidecar(article).read_bytes() == saved


def test_annotations_without_a_sidecar_is_empty_not_an_error(article, capsys):
    code, out, _ = run_cli(capsys, "annotations", str(article))
    assert code == 0 and json.loads(out)["annotations"] == []
    code, out, _ = run_cli(capsys, "annotations", "--format", "text", str(article))
    assert "no annotations" in out


def test_missing_article_is_a_clear_error(tmp_path, capsys):
    code, _, err = run_cli(capsys, "annotations", str(tmp_path / "gone.txt"))
    assert code == 1 and "gone.txt" in err and "Traceback" not in err


def test_the_installed_command_line_round_trip(article):
    added = subprocess.run(
        [sys.executable, "-m", "annotator", "annotate", str(article), "--quote", "closed for too long",
         "--label", "Opinion"],
        capture_output=True, text=True, check=True,
    )
    listed = subprocess.run(
        [sys.executable, "-m", "annotator", "annotations", "--format", "text", str(article)],
        capture_output=True, text=True, check=True,
    )
    assert added.stdout.strip() in listed.stdout and "Opinion" in listed.stdout
