"""``annotator extract`` as scripts use it: formats, folders, failures and exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from annotator.cli import main

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
SEED = SHARED / "corpus" / "dev" / "seed_article.txt"


@pytest.fixture
def articles(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    (folder / "nested").mkdir(parents=True)
    (folder / "b_story.txt").write_text(
        "Harbour wall to be rebuilt\n\nThe council said the wall would be rebuilt by spring.\n",
        encoding="utf-8",
    )
    (folder / "nested" / "a_story.txt").write_text(
        "Ferry times change\n\n‘We apologise,’ said Maria Okafor, a spokeswoman.\n", encoding="utf-8"
    )
    (folder / "a_first.txt").write_text("Short note\n\nNothing else.\n", encoding="utf-8")
    return folder


def run_cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_json_of_one_file_is_one_object_with_the_contract_fields(articles, capsys):
    path = articles / "b_story.txt"
    code, out, err = run_cli(capsys, "extract", "--format", "json", str(path))
    assert code == 0, err
    record = json.loads(out)
    assert set(record) >= {"source", "text", "title", "metadata", "blocks", "people", "quotes"}
    assert record["text"] == path.read_text(encoding="utf-8")
    assert record["source"] == str(path)
    for block in record["blocks"]:
        assert 0 <= block["start"] < block["end"] <= len(record["text"])


def test_jsonl_walks_folders_recursively_in_sorted_order(articles, capsys):
    code, out, err = run_cli(capsys, "extract", "--format", "jsonl", str(articles))
    assert code == 0, err
    sources = [Path(json.loads(line)["source"]).name for line in out.splitlines()]
    assert sources == ["a_first.txt", "b_story.txt", "a_story.txt"]


def test_jsonl_keeps_input_order(articles, capsys):
    second, first = articles / "b_story.txt", articles / "a_first.txt"
    code, out, _ = run_cli(capsys, "extract", "--format", "jsonl", str(second), str(first))
    assert code == 0
    assert [json.loads(line)["source"] for line in out.splitlines()] == [str(second), str(first)]


def test_a_failing_file_is_reported_and_the_others_still_processed(articles, capsys):
    binary = articles / "photo.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
    code, out, err = run_cli(
        capsys, "extract", "--format", "jsonl", str(binary), str(articles / "a_first.txt")
    )
    assert code == 1
    assert str(binary) in err
    assert len(out.splitlines()) == 1


def test_missing_file_fails_with_its_path(tmp_path, capsys):
    missing = tmp_path / "nowhere.txt"
    code, out, err = run_cli(capsys, "extract", str(missing))
    assert code == 1
    assert str(missing) in err
    assert "Traceback" not in err


def test_usage_errors_exit_2(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["extract", "--format", "xml", "x.txt"])
    assert exit_info.value.code == 2


def test_text_format_is_a_readable_summary(articles, capsys):
    code, out, _ = run_cli(capsys, "extract", "--format", "text", str(articles / "nested" / "a_story.txt"))
    assert code == 0
    assert "Ferry times change" in out
    assert not out.lstrip().startswith("{")


@pytest.mark.skipif(not SEED.exists(), reason="shared corpus not present")
def test_seed_article_blocks_as_the_foundation_issue_requires():
    result = subprocess.run(
        [sys.executable, "-m", "annotator", "extract", "--format", "json", str(SEED)],
        capture_output=True,
        text=True,
        check=True,
    )
    record = json.loads(result.stdout)
    assert record["text"] == SEED.read_text(encoding="utf-8")
    kinds = [block["kind"] for block in record["blocks"]]
    counts = {kind: kinds.count(kind) for kind in set(kinds)}
    assert counts.pop("headline") == 1 and kinds[0] == "headline"
    assert counts.pop("standfirst") == 1 and kinds[1] == "standfirst"
    assert counts.pop("bullet") == 2
    assert counts.pop("caption") == 4
    assert counts.pop("related_link") == 1
    assert counts.pop("source_line") == 1
    assert set(counts) == {"paragraph"}
    text = record["text"]
    captions = [text[b["start"] : b["end"]] for b in record["blocks"] if b["kind"] == "caption"]
    assert captions[0].startswith("Kirill Budanov, the head of")
    assert captions[1].startswith("Servicemen fire artillery")
    assert captions[2].startswith("Budanov warned that Russia would be planning missile strikes")
    assert captions[3].startswith("Ukraine’s President Volodymyr Zelensky attends a joint press conference")
