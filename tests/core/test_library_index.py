"""The library index: what it holds, incremental re-indexing, failures, rebuilds and its location."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from annotator.core.library import SCHEMA_VERSION, LibraryError, index_folder, open_library
from annotator.core.library import indexer
from annotator.core.library.location import cache_index_path
from tests.core.library_support import QUOTES, annotate, build_collection


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return build_collection(tmp_path / "desk")


def rows(folder: Path, sql: str, *params) -> list[tuple]:
    with open_library(folder) as library:
        return library.connection.execute(sql, params).fetchall()


def test_first_run_indexes_every_article_and_keeps_the_bad_file_with_its_reason(folder):
    report = index_folder(folder)
    assert report.index_path == folder.resolve() / ".annotator" / "library.sqlite"
    assert report.read == 4
    assert report.totals == {"articles": 3, "quotes": QUOTES, "people": 5, "annotations": 3, "failures": 1}  # a byline is a credit
    assert report.new_failures == [("bad.txt", "this looks like a binary file (it contains NUL bytes), not text")]
    assert rows(folder, "SELECT path FROM sources ORDER BY path") == [
        ("harbour.txt",), ("news/bridge.md",), ("news/ferry.html",)
    ]


def test_metadata_comes_from_what_each_reader_finds(folder):
    index_folder(folder)
    found = rows(folder, "SELECT s.path, title, outlet, author, date, format FROM articles a JOIN sources s USING (id) ORDER BY s.path")
    assert found == [
        ("harbour.txt", "Harbour plan approved after a long night", "", "Jane Doe", "", "text"),
        ("news/bridge.md", "Bridge closed for repairs", "Lowmoor Gazette", "Sam Reed", "2026-03-02", "markdown"),
        ("news/ferry.html", "Ferry fares to rise in spring", "Lowmoor Echo", "Ada Pike", "2026-02-14", "html"),
    ]
    sha = rows(folder, "SELECT size, sha256 FROM sources WHERE path = 'harbour.txt'")[0]
    data = (folder / "harbour.txt").read_bytes()
    import hashlib

    assert sha == (len(data), hashlib.sha256(data).hexdigest())


def test_quotes_people_and_annotations_are_stored_with_code_point_offsets(folder):
    index_folder(folder)
    text = (folder / "harbour.txt").read_text(encoding="utf-8")
    quotes = rows(folder, 'SELECT start, "end", text, speaker, speaker_role, words FROM quotes q '
                          "JOIN sources s ON s.id = q.article_id WHERE s.path = 'harbour.txt' ORDER BY start")
    assert [(text[start:end], speaker, role, words) for start, end, _, speaker, role, words in quotes] == [
        ("“We have waited ten years for this harbour,”", "Ruth Alder", "mayor of Lowmoor", 8),
        ("“Nobody asked the boats,”", "Tom Briggs", None, 4),
        ("“It will all be fine in the end,”", "a resident", None, 8),
    ]
    annotations = rows(folder, 'SELECT start, "end", label, tags, note, verdict, text, speaker FROM annotations '
                               "ORDER BY label, start")
    claim = next(row for row in annotations if row[6] == "waited ten years")
    assert text[claim[0]:claim[1]] == "waited ten years"
    assert claim[2:] == ("Claim", '["promise", "harbour"]', "The plan only dates from 2019.", "Mostly false",
                         "waited ten years", "Ruth Alder")
    people = rows(folder, "SELECT name, role, mentions, quotes FROM people p JOIN sources s ON s.id = p.article_id "
                          "WHERE s.path = 'news/bridge.md' ORDER BY name")
    assert people == [("Kofi Mensah", None, 2, 1), ("Ruth Alder", "mayor of Lowmoor", 1, 1)]


def test_hidden_folders_sidecars_other_files_and_the_index_itself_are_skipped(folder):
    index_folder(folder)
    paths = {row[0] for row in rows(folder, "SELECT path FROM sources UNION SELECT path FROM failures")}
    assert paths == {"harbour.txt", "news/bridge.md", "news/ferry.html", "bad.txt"}


def test_a_second_run_reads_nothing(folder):
    index_folder(folder)
    again = index_folder(folder)
    assert (again.read, again.unchanged, again.removed, again.new_failures) == (0, 4, 0, [])


def test_a_file_saved_again_unchanged_is_settled_by_its_hash_not_read(folder):
    index_folder(folder)
    path = folder / "harbour.txt"
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 5_000_000_000))
    assert index_folder(folder).read == 0
    stored = rows(folder, "SELECT mtime_ns FROM sources WHERE path = 'harbour.txt'")[0][0]
    assert stored == path.stat().st_mtime_ns


def test_a_changed_sidecar_reindexes_that_article_alone(folder):
    index_folder(folder)
    annotate(folder / "news" / "bridge.md", ("not safe for lorries", "Claim", {"tags": ["safety"]}))
    report = index_folder(folder)
    assert (report.read, report.unchanged) == (1, 3)
    assert report.totals["annotations"] == 4
    assert rows(folder, "SELECT speaker FROM annotations WHERE text = 'not safe for lorries'") == [("Ruth Alder",)]


def test_a_changed_article_is_read_again_and_a_deleted_one_leaves_the_index(folder):
    index_folder(folder)
    bridge = folder / "news" / "bridge.md"
    bridge.write_text(bridge.read_text(encoding="utf-8").replace("Save our crossing now.", "Save it."), encoding="utf-8")
    (folder / "news" / "ferry.html").unlink()
    report = index_folder(folder)
    assert (report.read, report.removed) == (1, 1)
    assert rows(folder, "SELECT count(*) FROM quotes WHERE speaker = 'Ines Caldwell'") == [(0,)]
    assert rows(folder, "SELECT name FROM speakers ORDER BY name") == [
        ("Kofi Mensah",), ("Ruth Alder",), ("Tom Briggs",), ("a resident",)
    ]
    assert rows(folder, "SELECT count(*) FROM annotations") == [(2,)]
    assert rows(folder, "SELECT text FROM quotes WHERE speaker IS NULL") == [("“Save it.”",)]
    assert rows(folder, "SELECT count(*) FROM quote_fts WHERE quote_fts MATCH 'engines'") == [(0,)]
    assert rows(folder, "SELECT count(*) FROM text_fts WHERE text_fts MATCH 'ferry'") == [(0,)]


def test_a_bad_file_is_not_read_again_until_it_changes(folder):
    first = index_folder(folder)
    assert first.totals["failures"] == 1
    assert index_folder(folder).read == 0
    (folder / "bad.txt").write_text("Repaired\n\n“It reads now,” said Ada Pike.\n", encoding="utf-8")
    fixed = index_folder(folder)
    assert fixed.read == 1 and fixed.totals["failures"] == 0 and fixed.totals["articles"] == 4


def test_a_corrupt_sidecar_keeps_the_article_and_reports_the_sidecar(folder):
    (folder / "news" / "bridge.md.annotations.json").write_text("{ not json", encoding="utf-8")
    report = index_folder(folder)
    assert report.totals["articles"] == 3
    assert [file for file, _ in report.new_failures] == ["bad.txt", "news/bridge.md.annotations.json"]
    with open_library(folder) as library:
        assert [file for file, _ in library.failures()] == ["bad.txt", "news/bridge.md.annotations.json"]
    (folder / "news" / "bridge.md.annotations.json").unlink()
    assert index_folder(folder).totals["failures"] == 1


def test_the_index_of_another_schema_version_is_rebuilt(folder):
    index_folder(folder)
    path = folder / ".annotator" / "library.sqlite"
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA user_version = 999")
    connection.execute("DROP TABLE quotes")
    connection.commit()
    connection.close()
    report = index_folder(folder)
    assert report.read == 4 and report.totals["quotes"] == QUOTES
    assert sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_an_unreadable_index_file_is_replaced(folder):
    index = folder / ".annotator"
    index.mkdir()
    (index / "library.sqlite").write_bytes(b"this is not a database at all" * 100)
    assert index_folder(folder).totals["articles"] == 3


def test_the_index_is_in_wal_mode(folder):
    index_folder(folder)
    connection = sqlite3.connect(folder / ".annotator" / "library.sqlite")
    assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_a_folder_where_the_index_cannot_live_uses_the_cache_folder(folder, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    (folder / ".annotator").write_text("a file where the index folder would be", encoding="utf-8")
    report = index_folder(folder)
    assert report.index_path == cache_index_path(folder)
    assert report.index_path.is_relative_to(tmp_path / "cache")
    assert report.totals["articles"] == 3
    assert index_folder(folder).read == 0


def test_not_a_folder_is_refused(tmp_path):
    with pytest.raises(LibraryError, match="folder not found"):
        index_folder(tmp_path / "missing")
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    with pytest.raises(LibraryError, match="not a folder"):
        index_folder(tmp_path / "a.txt")


def test_worker_processes_give_the_same_index_as_one_process(folder, tmp_path, monkeypatch):
    serial = index_folder(folder, workers=1, index_path=tmp_path / "serial.sqlite")
    monkeypatch.setattr(indexer, "POOL_THRESHOLD", 1)
    seen = []
    parallel = index_folder(folder, workers=2, index_path=tmp_path / "parallel.sqlite",
                            progress=lambda done, total, path: seen.append((done, total)))
    assert parallel.totals == serial.totals
    assert seen == [(1, 4), (2, 4), (3, 4), (4, 4)]
    query = 'SELECT s.path, q.start, q."end", q.speaker FROM quotes q JOIN sources s ON s.id = q.article_id ORDER BY 1, 2'
    assert sqlite3.connect(tmp_path / "serial.sqlite").execute(query).fetchall() == \
        sqlite3.connect(tmp_path / "parallel.sqlite").execute(query).fetchall()


def test_a_file_name_that_is_not_utf8_is_reported_and_the_rest_indexed(folder):
    name = os.fsdecode(b"caf\xe9 report.txt")
    (folder / name).write_text("Caf\u00e9 report\n\n\u201cIt is open,\u201d said Ada Pike.\n", encoding="utf-8")
    report = index_folder(folder)
    assert ("caf\\xe9 report.txt", "the file name is not valid UTF-8; rename the file to index it") in report.new_failures
    assert report.totals["articles"] == 3


def test_a_run_stopped_by_its_progress_callback_keeps_what_it_stored(folder, monkeypatch):
    from annotator.core.library.indexer import IndexCancelled

    def stop_after_two(done, total, path):
        if done == 2:
            raise IndexCancelled()

    with pytest.raises(IndexCancelled):
        index_folder(folder, workers=1, progress=stop_after_two)
    assert len(rows(folder, "SELECT path FROM sources UNION ALL SELECT path FROM failures")) == 2
    assert index_folder(folder).read == 2


def test_a_run_stopped_while_worker_processes_read_ends_and_keeps_what_it_stored(folder, monkeypatch, tmp_path):
    from annotator.core.library.indexer import IndexCancelled

    for n in range(30):
        (folder / f"copy{n:02d}.txt").write_text((folder / "harbour.txt").read_text(encoding="utf-8"), encoding="utf-8")
    monkeypatch.setattr(indexer, "POOL_THRESHOLD", 1)

    def stop_at_once(done, total, path):
        raise IndexCancelled()

    with pytest.raises(IndexCancelled):
        index_folder(folder, workers=2, progress=stop_at_once)
    assert len(rows(folder, "SELECT path FROM sources UNION ALL SELECT path FROM failures")) == 1
