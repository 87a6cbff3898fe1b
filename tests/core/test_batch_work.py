"""Batch extraction without a cluster: planning inputs, partition keys, one partition's parts, progress."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

pq = pytest.importorskip("pyarrow.parquet")

from annotator.core.batch import BatchError, require_cluster_packages  # noqa: E402
from annotator.core.batch.inputs import expand_inputs  # noqa: E402
from annotator.core.batch.partitions import make_partitions  # noqa: E402
from annotator.core.batch.progress import Progress, format_duration, progress_line  # noqa: E402
from annotator.core.batch.tables import TABLES, done_keys, part_path  # noqa: E402
from annotator.core.batch.work import CHANGED, process_partition  # noqa: E402

from .batch_support import extract_quotes, table_quotes, write_corpus, write_mixed_corpus  # noqa: E402


def read_table(out: Path, table: str) -> list[dict]:
    rows: list[dict] = []
    for part in sorted((out / table).glob("*.parquet")):
        rows += pq.read_table(part).to_pylist()
    return rows


def test_inputs_are_files_folders_globs_and_records_in_a_stable_order(tmp_path):
    corpus = tmp_path / "corpus"
    write_mixed_corpus(corpus)
    (corpus / "pages" / ".hidden.txt").write_text("a part being written elsewhere", encoding="utf-8")
    (corpus / ".git").mkdir()
    (corpus / ".git" / "HEAD").write_text("ref: refs/heads/main\n", encoding="utf-8")
    (corpus / "dataset" / "articles").mkdir(parents=True)
    (corpus / "dataset" / "articles" / "part-0.parquet").write_bytes(b"PAR1")
    inputs = [str(corpus), str(corpus / "text" / "*" / "story0000.txt"), str(tmp_path / "none*.md")]
    items = expand_inputs(inputs, exclude=corpus / "dataset")
    names = [item.name for item in items]
    assert names == [item.name for item in expand_inputs(inputs, exclude=corpus / "dataset")]
    assert not any("/.git/" in name or "/dataset/" in name for name in names)
    assert any("/dataset/" in item.name for item in expand_inputs(inputs))
    records = [item for item in items if item.kind == "record"]
    assert [item.line for item in records] == [1, 3, 4]  # the blank line 2 is no record
    assert all(Path(item.location).is_absolute() for item in items if item.kind != "missing")
    assert not any(name.endswith((".annotations.json", ".hidden.txt")) for name in names)
    assert names.count(str(corpus / "text" / "set0" / "story0000.txt")) == 2  # from the folder and the glob
    assert items[-1].kind == "missing" and items[-1].reason == "no file matches this pattern"
    data = (corpus / "feed.jsonl").read_bytes()
    assert data[records[2].offset : records[2].offset + records[2].size].startswith(b'{"id": 17')


def test_partition_keys_follow_content_and_nothing_else(tmp_path):
    paths = write_corpus(tmp_path / "c", 6)
    first = make_partitions(expand_inputs([str(tmp_path / "c")]), 2)
    again = make_partitions(expand_inputs([str(tmp_path / "c")]), 2)
    assert [p.key for p in first] == [p.key for p in again] and len(first) == 3
    assert len({p.key for p in first}) == 3
    paths[5].write_text(paths[5].read_text(encoding="utf-8") + "\nA late correction.\n", encoding="utf-8")
    changed = make_partitions(expand_inputs([str(tmp_path / "c")]), 2)
    assert [p.key for p in changed][:2] == [p.key for p in first][:2]
    assert changed[2].key != first[2].key
    assert [p.key for p in make_partitions(expand_inputs([str(tmp_path / "c")]), 3)][0] != first[0].key
    with pytest.raises(ValueError):
        make_partitions([], 0)


def test_a_partition_gives_the_quotes_of_annotator_extract_and_error_rows_for_bad_inputs(tmp_path):
    corpus = tmp_path / "corpus"
    made = write_mixed_corpus(corpus)
    out = tmp_path / "out"
    items = expand_inputs([str(corpus), str(tmp_path / "missing.txt")])
    (partition,) = make_partitions(items, 100)
    figures = process_partition(partition, str(out))

    assert done_keys(out) == {partition.key}
    assert sorted(p.name for p in out.rglob("*")) == sorted(["articles", "quotes", "people", "errors"] + [f"part-{partition.key}.parquet"] * 4)
    articles, quotes, people, errors = (read_table(out, t) for t in ("articles", "quotes", "people", "errors"))
    files = [item for item in items if item.kind == "file" and item.location != str(made["bad"]) and "missing" not in item.name]
    assert len(articles) == len(files) + 2 == figures["articles"]
    for item in files:
        assert table_quotes(quotes, item.name) == extract_quotes(Path(item.location)), item.name
        row = next(a for a in articles if a["id"] == item.name)
        assert row["quote_count"] == len(extract_quotes(Path(item.location)))
    assert sum(a["quote_count"] for a in articles) == len(quotes) == figures["quotes"]
    assert sum(a["people_count"] for a in articles) == len(people)

    wire = next(a for a in articles if a["id"] == "wire-1")
    assert (wire["outlet"], wire["date"], wire["url"], wire["line"]) == ("Coast Gazette", "2026-03-02", "https://example.org/1", 1)
    assert [q["speaker"] for q in quotes if q["article_id"] == "wire-1"] == ["Jo Bright"]
    assert any(a["id"] == "17" for a in articles)  # a numeric id is kept as text
    markdown = next(a for a in articles if a["id"].endswith("article.md"))
    assert markdown["format"] == "markdown" and markdown["date"] == "2025-09-12"

    reasons = {(Path(e["path"]).name, e["line"]): e["reason"] for e in errors}
    assert reasons[("scan.txt", None)].startswith("this is a PDF document")
    assert reasons[("feed.jsonl", 3)].startswith("this line is not valid JSON")
    assert reasons[("missing.txt", None)] == "file not found"
    assert len(errors) == 3 == figures["errors"]


def test_people_rows_carry_names_aliases_and_counts(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Harbour deal\n\n“It is done,” said Mayor Jo Bright. Bright thanked the crews.\n", encoding="utf-8")
    (partition,) = make_partitions(expand_inputs([str(path)]), 10)
    process_partition(partition, str(tmp_path / "out"))
    (person,) = read_table(tmp_path / "out", "people")
    assert person["article_id"] == str(path) and person["name"] == "Jo Bright"
    assert person["mentions"] == 2 and person["quote_count"] == 1 and person["aliases"] == ["Bright"]


def test_a_file_changed_after_planning_is_an_error_row_not_a_wrong_result(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Harbour deal\n\n“It is done,” said Mayor Jo Bright.\n", encoding="utf-8")
    (partition,) = make_partitions(expand_inputs([str(path), str(tmp_path / "b.jsonl")]), 10)
    path.write_text("Harbour deal\n\n“It is not done,” said Mayor Jo Bright.\n", encoding="utf-8")
    process_partition(partition, str(tmp_path / "out"))
    assert read_table(tmp_path / "out", "articles") == []
    assert [e["reason"] for e in read_table(tmp_path / "out", "errors")] == [CHANGED, "file not found"]


def test_a_part_missing_from_one_table_is_not_done(tmp_path):
    path = write_corpus(tmp_path / "c", 1)[0]
    (partition,) = make_partitions(expand_inputs([str(path)]), 10)
    process_partition(partition, str(tmp_path / "out"))
    part_path(tmp_path / "out", "people", partition.key).unlink()
    assert done_keys(tmp_path / "out") == set()
    assert set(TABLES) == {"articles", "quotes", "people", "errors"}


def test_progress_line_shows_files_megabytes_quotes_errors_rate_and_time_left():
    progress = Progress(files=1000, bytes=8_000_000, parts=10, parts_skipped=2)
    assert "… left" in progress_line(progress)
    progress.started -= 10
    progress.add({"items": 250, "bytes": 2_000_000, "quotes": 1234, "errors": 1})
    line = progress_line(progress)
    assert line.startswith("250/1,000 files  2.0/8.0 MB  1,234 quotes  1 error  ")
    assert " files/s  0:3" in line and line.endswith("left  2 parts already done")
    assert progress.seconds_left == pytest.approx(30, abs=1)
    assert format_duration(3725) == "1:02:05" and format_duration(59.6) == "1:00"


def test_without_the_cluster_extra_the_command_says_how_to_install_it(monkeypatch, capsys, tmp_path):
    from annotator.cli import main

    for name in ("dask", "distributed", "pyarrow"):
        monkeypatch.setitem(sys.modules, name, None)
    with pytest.raises(BatchError, match=r"pip install 'annotator\[cluster\]'"):
        require_cluster_packages()
    assert main(["batch", str(tmp_path), "--out", str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err
    assert "batch extraction needs dask, distributed, pyarrow" in err and "pip install 'annotator[cluster]'" in err
    assert not (tmp_path / "out").exists()


def test_records_with_no_id_or_no_text_are_errors_with_the_line(tmp_path):
    feed = tmp_path / "feed.ndjson"
    feed.write_text('{"text": "x"}\n{"id": "a", "text": "   "}\n[1, 2]\n' + '{"id": "b", "text": 5}\n', encoding="utf-8")
    (partition,) = make_partitions(expand_inputs([str(feed)]), 10)
    process_partition(partition, str(tmp_path / "out"))
    errors = read_table(tmp_path / "out", "errors")
    assert [(e["line"], e["id"], e["reason"]) for e in errors] == [
        (1, None, "this record has no 'id' (a string or a number)"),
        (2, "a", "this record's 'text' is empty"),
        (3, None, "this line is not a JSON object with 'id' and 'text'"),
        (4, "b", "this record has no 'text' string"),
    ]
    assert os.listdir(tmp_path / "out" / "articles") == [f"part-{partition.key}.parquet"]


def test_temporaries_left_by_a_dead_writer_are_removed_and_never_count_as_parts(tmp_path):
    from annotator.core.batch.tables import remove_temporaries

    path = write_corpus(tmp_path / "c", 1)[0]
    (partition,) = make_partitions(expand_inputs([str(path)]), 10)
    leftover = tmp_path / "out" / "quotes" / f".part-{partition.key}.parquet.999.tmp"
    leftover.parent.mkdir(parents=True)
    leftover.write_bytes(b"PAR1 half a file")
    assert done_keys(tmp_path / "out") == set()
    process_partition(partition, str(tmp_path / "out"))
    assert done_keys(tmp_path / "out") == {partition.key}
    assert remove_temporaries(tmp_path / "out") == 1 and not leftover.exists()


def test_fsspec_urls_read_like_paths(tmp_path):
    pytest.importorskip("fsspec")
    corpus = tmp_path / "corpus"
    made = write_mixed_corpus(corpus)
    items = expand_inputs([f"file://{corpus}/text", f"file://{made['records']}", f"file://{corpus}/none/*.txt"])
    assert [item.kind for item in items] == ["file"] * 4 + ["record"] * 3 + ["missing"]
    assert all(item.location.startswith("file://") for item in items[:-1])
    (partition,) = make_partitions(items, 100)
    process_partition(partition, str(tmp_path / "out"))
    quotes = read_table(tmp_path / "out", "quotes")
    for item in items[:4]:
        assert table_quotes(quotes, item.name) == extract_quotes(Path(item.location.removeprefix("file://")))
    assert {a["id"] for a in read_table(tmp_path / "out", "articles")} >= {"wire-1", "17"}
    assert len(read_table(tmp_path / "out", "errors")) == 2  # the bad JSON line and the empty pattern


def test_a_partition_that_killed_every_worker_is_written_as_error_rows(tmp_path):
    from annotator.core.batch.work import failed_partition

    paths = write_corpus(tmp_path / "c", 3)
    (partition,) = make_partitions(expand_inputs([str(tmp_path / "c")]), 10)
    figures = failed_partition(partition, str(tmp_path / "out"), "the worker died")
    assert done_keys(tmp_path / "out") == {partition.key} and figures["errors"] == 3
    assert [e["path"] for e in read_table(tmp_path / "out", "errors")] == [str(p) for p in paths]
    assert read_table(tmp_path / "out", "articles") == []


def test_an_output_folder_that_cannot_be_made_is_a_clear_message(tmp_path, capsys):
    pytest.importorskip("distributed")
    from annotator.cli import main

    taken = tmp_path / "dataset"
    taken.write_text("a file where the folder should be", encoding="utf-8")
    assert main(["batch", str(tmp_path), "--out", str(taken)]) == 1
    assert capsys.readouterr().err.startswith(f"annotator: cannot create the output folder {taken}: ")
    assert taken.read_text(encoding="utf-8") == "a file where the folder should be"


def test_a_record_holding_a_page_is_read_as_html_whatever_its_id(tmp_path):
    import json

    page = (Path(__file__).parent / "fixtures" / "readers" / "page.html").read_text(encoding="utf-8")
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"id": "notes.md", "text": page}) + "\n" + json.dumps({"id": "plain.html", "text": "Title\n\nBody.\n"}) + "\n", encoding="utf-8")
    (partition,) = make_partitions(expand_inputs([str(feed)]), 10)
    process_partition(partition, str(tmp_path / "out"))
    formats = {a["id"]: (a["format"], a["title"]) for a in read_table(tmp_path / "out", "articles")}
    assert formats["notes.md"][0] == "html" and formats["plain.html"] == ("text", "Title")
