"""``annotator library``: index, search, speakers and export, run as a user runs them."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from annotator.cli import main
from tests.core.library_support import QUOTED_WORDS, QUOTES, build_collection


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return build_collection(tmp_path / "desk")


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(["library", *argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_index_prints_a_summary_and_lists_the_bad_file(folder, capsys):
    code, out, err = run(capsys, "index", str(folder), "--workers", "1")
    assert code == 1  # one file could not be indexed
    assert out.splitlines()[0] == f"{folder}: 3 articles, 7 quotes, 5 people, 3 annotations, 1 failure"
    assert "4 read, 0 unchanged, 0 removed" in out
    assert f"{folder / 'bad.txt'}: this looks like a binary file" in out
    assert err == ""  # no progress when stderr is not a terminal
    (folder / "bad.txt").unlink()
    code, out, _ = run(capsys, "index", str(folder))
    assert code == 0 and "0 read, 3 unchanged, 1 removed" in out and "0 failures" in out


def test_search_text_output_groups_hits_by_article(folder, capsys):
    code, out, err = run(capsys, "search", str(folder), "waited")
    lines = out.splitlines()
    assert code == 0
    assert lines[0] == f"{folder / 'harbour.txt'} — Harbour plan approved after a long night"
    assert lines[1].startswith("  quote ") and "(Ruth Alder): “We have [waited] ten years" in lines[1]
    assert lines[2].startswith("  annotation ") and "Claim, #promise #harbour, Mostly false: [waited]" in lines[2]
    assert lines[3].startswith("  text ")
    assert lines[-1] == "3 hits in 1 article"
    assert "bad.txt" in err  # the reader is told what was left out


def test_search_json_with_filters_and_offsets(folder, capsys):
    code, out, _ = run(capsys, "search", str(folder), "boats", "--in", "text", "--verdict", "unverifiable",
                       "--format", "json")
    hits = json.loads(out)
    assert code == 0 and len(hits) == 1
    hit = hits[0]
    text = Path(hit["path"]).read_text(encoding="utf-8")
    assert hit["in"] == "text" and hit["path"].endswith("ferry.html")
    assert "boats" == hit["snippet"][hit["highlight"][0]:hit["highlight"][1]]
    assert hit["end"] - hit["start"] == 5
    code, out, _ = run(capsys, "search", str(folder), "", "--in", "quotes", "--speaker", "alder", "--format", "json")
    assert [hit["speaker"] for hit in json.loads(out)] == ["Ruth Alder", "Ruth Alder"]
    code, out, _ = run(capsys, "search", str(folder), "", "--in", "annotations", "--label", "Evidence", "--tag",
                       "meeting", "--format", "json")
    assert [hit["snippet"] for hit in json.loads(out)] == ["six-hour meeting"]
    del text


def test_search_without_hits_exits_1(folder, capsys):
    code, out, _ = run(capsys, "search", str(folder), "zeppelin")
    assert (code, out) == (1, "no hits\n")


def test_speakers_as_csv_json_and_text(folder, capsys):
    code, out, _ = run(capsys, "speakers", str(folder), "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0
    assert [(row["speaker"], row["quotes"], row["words"]) for row in rows][:2] == [("Ruth Alder", "2", "15"),
                                                                                   ("Kofi Mensah", "1", "11")]
    assert rows[-1]["speaker"] == "(unattributed)" and rows[-1]["quote_share"] == "0.1429"
    code, out, _ = run(capsys, "speakers", str(folder), "--format", "json", "--by", "outlet")
    assert {row["name"]: row["quotes"] for row in json.loads(out)} == {
        "Lowmoor Gazette": 3, "(unknown outlet)": 3, "Lowmoor Echo": 1}
    code, out, _ = run(capsys, "speakers", str(folder))
    lines = out.splitlines()
    assert lines[1].split()[:6] == ["Ruth", "Alder", "2", "28.6%", "15", "30.6%"]
    assert "roles: mayor of Lowmoor" in lines[1] and "outlets: Lowmoor Gazette" in lines[1]
    assert lines[-1].split() == ["total", str(QUOTES), str(QUOTED_WORDS)]


def test_export_csv_and_parquet(folder, tmp_path, capsys):
    code, out, _ = run(capsys, "export", str(folder), "--format", "csv", "-o", str(tmp_path / "csv"))
    assert code == 0 and len(out.splitlines()) == 4
    with open(tmp_path / "csv" / "people.csv", encoding="utf-8", newline="") as handle:
        assert len(list(csv.DictReader(handle))) == 5  # the byline's Jane Doe is a credit, not a person
    pq = pytest.importorskip("pyarrow.parquet")
    code, _, _ = run(capsys, "export", str(folder), "--format", "parquet", "-o", str(tmp_path / "pq"))
    assert code == 0
    assert pq.read_table(tmp_path / "pq" / "quotes.parquet").num_rows == QUOTES
    (tmp_path / "file").write_text("x", encoding="utf-8")
    code, _, err = run(capsys, "export", str(folder), "--format", "csv", "-o", str(tmp_path / "file"))
    assert code == 1 and "is a file" in err


def test_a_missing_folder_is_a_clear_message(tmp_path, capsys):
    code, out, err = run(capsys, "index", str(tmp_path / "nowhere"))
    assert code == 1 and out == "" and "folder not found" in err


def test_the_command_runs_in_its_own_process_with_worker_processes(folder):
    for n in range(14):  # enough articles for the pool of worker processes
        (folder / f"copy{n}.txt").write_text((folder / "harbour.txt").read_text(encoding="utf-8"), encoding="utf-8")
    completed = subprocess.run([sys.executable, "-m", "annotator", "library", "index", str(folder), "--workers", "2"],
                               capture_output=True, text=True, timeout=120)
    assert completed.returncode == 1, completed.stderr
    assert completed.stdout.startswith(f"{folder}: 17 articles, {QUOTES + 14 * 3} quotes")


def test_progress_goes_to_stderr_only_on_a_terminal(folder):
    import os
    import pty

    controller, terminal = pty.openpty()
    try:
        completed = subprocess.run(
            [sys.executable, "-m", "annotator", "library", "index", str(folder), "--workers", "1"],
            stdout=subprocess.PIPE, stderr=terminal, text=True, timeout=120,
        )
        os.close(terminal)
        terminal = -1
        shown = b""
        while True:
            try:
                chunk = os.read(controller, 4096)
            except OSError:  # the terminal's other end is closed: everything was read
                break
            if not chunk:
                break
            shown += chunk
    finally:
        if terminal != -1:
            os.close(terminal)
        os.close(controller)
    assert "indexing 4/4 articles" in shown.decode("utf-8", "replace")
    assert "indexing" not in completed.stdout and completed.stdout.startswith(f"{folder}: 3 articles")


def test_a_readers_correction_counts_in_the_librarys_search_and_share_of_voice(tmp_path):
    """Correct a speaker with 'annotator correct'; the library answers with the corrected speaker."""
    import json as _json
    import os as _os
    import subprocess as _subprocess
    import sys as _sys

    from tests.core.library_support import build_collection

    folder = build_collection(tmp_path / "desk")

    def run(*argv):
        return _subprocess.run(
            [_sys.executable, "-m", "annotator", *argv], capture_output=True, text=True, timeout=120, env=dict(_os.environ)
        )

    before = _json.loads(run("library", "speakers", str(folder), "--format", "json").stdout)
    assert "Tom Briggs" in {row["name"] for row in before}
    corrected = run("correct", str(folder / "harbour.txt"), "--quote", "Nobody asked the boats", "--speaker", "Thomas Briggs")
    assert corrected.returncode == 0, corrected.stderr
    after = {row["name"]: row["quotes"] for row in _json.loads(run("library", "speakers", str(folder), "--format", "json").stdout)}
    assert after.get("Thomas Briggs") == 1 and "Tom Briggs" not in after
    hits = _json.loads(run("library", "search", str(folder), "boats", "--in", "quotes", "--speaker", "Thomas", "--format", "json").stdout)
    assert hits and all("harbour.txt" in hit["path"] for hit in hits)
