"""``annotator fetch``, ``annotator URL`` and ``annotator diff`` against a local HTTP server."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from annotator.cli import main
from annotator.core.annotations import AnnotationStore
from annotator.core.annotations.sidecar import sidecar_path_for
from annotator.core.readers import read_article
from tests.core.annotations_support import annotate
from tests.core.web_pages import STORY_V1, STORY_V2, html_page
from tests.core.web_server import PageServer


@pytest.fixture
def server():
    with PageServer() as running:
        yield running


def run_cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def fetched_article(root: Path) -> Path:
    (found,) = [p for p in root.glob("*/*.html")]
    return found


def test_fetch_prints_where_it_saved_and_then_what_changed(server, tmp_path, capsys):
    url = server.page("/news/bridge", html_page(STORY_V1))
    code, out, err = run_cli(capsys, "fetch", url, "--into", str(tmp_path))
    assert (code, err) == (0, "")
    article = fetched_article(tmp_path)
    assert f"saved version 1 of {url}" in out and f"article: {article}" in out
    assert "first version, fetched " in out

    store = AnnotationStore.open(read_article(article))
    annotate(store.annotations, "will cost less than any road we could build")
    annotate(store.annotations, "who leads the cycling club")
    store.save()
    server.page("/news/bridge", html_page(STORY_V2))
    code, out, err = run_cli(capsys, "fetch", url, "--into", str(tmp_path))
    assert (code, err) == (0, "")
    assert f"saved version 2 of {url}" in out
    assert (
        "2 sentences changed, 1 sentence added, 1 sentence removed, 1 quote changed, 1 quote removed; "
        "1 highlight moved, 1 needs review"
    ) in out

    code, out, _ = run_cli(capsys, "fetch", url, "--into", str(tmp_path))
    assert code == 0 and "the same as version 2; nothing new was saved" in out


def test_a_failed_fetch_says_why_exits_1_and_writes_nothing(server, tmp_path, capsys):
    code, out, err = run_cli(capsys, "fetch", server.url("/missing"), "--into", str(tmp_path / "web"))
    assert code == 1 and out == ""
    assert err.startswith("annotator: ") and "404" in err and "nothing was saved" in err
    assert not (tmp_path / "web").exists()


def test_an_offline_fetch_is_a_clear_message(tmp_path, capsys):
    with PageServer() as stopped:
        url = stopped.url("/news")
    code, out, err = run_cli(capsys, "fetch", url, "--into", str(tmp_path), "--timeout", "2")
    assert code == 1 and out == ""
    assert "could not reach 127.0.0.1" in err and "nothing was saved" in err
    assert list(tmp_path.iterdir()) == []


def test_a_url_as_first_argument_fetches_before_opening_the_window(tmp_path, capsys):
    with PageServer() as stopped:
        url = stopped.url("/news")
    code, out, err = run_cli(capsys, url, "--into", str(tmp_path), "--timeout", "2")
    assert code == 1 and "could not reach 127.0.0.1" in err  # the fetch ran; no window on a failure
    assert list(tmp_path.iterdir()) == []


@pytest.fixture
def two_versions(server, tmp_path) -> tuple[Path, Path]:
    """A fetched page with two versions; a copy of version 1's article and sidecar beside it."""
    url = server.page("/news/bridge", html_page(STORY_V1))
    assert main(["fetch", url, "--into", str(tmp_path)]) == 0
    article = fetched_article(tmp_path)
    store = AnnotationStore.open(read_article(article))
    annotate(store.annotations, "will cost less than any road we could build")
    annotate(store.annotations, "who leads the cycling club", label="Quote")
    annotate(store.annotations, "ending two years of argument", label="Evidence")
    store.save()
    old = tmp_path / "old.html"
    shutil.copy(article, old)
    shutil.copy(sidecar_path_for(article), sidecar_path_for(old))
    server.page("/news/bridge", html_page(STORY_V2))
    assert main(["fetch", url, "--into", str(tmp_path)]) == 0
    return old, article


def test_diff_of_two_files_as_json(two_versions, capsys):
    old, new = two_versions
    code, out, err = run_cli(capsys, "diff", str(old), str(new), "--format", "json")
    assert (code, err) == (0, "")
    report = json.loads(out)
    old_text, new_text = read_article(old).text, read_article(new).text
    assert report["summary"] == [
        "2 sentences changed",
        "1 sentence added",
        "1 sentence removed",
        "1 quote changed",
        "1 quote removed",
    ]
    kinds = [c["type"] for c in report["sentences"]]
    assert kinds == ["changed", "changed", "deleted", "added"]
    for change in report["sentences"]:  # offsets slice the two canonical texts
        for side, text in (("old", old_text), ("new", new_text)):
            if change[side]:
                assert text[change[side]["start"] : change[side]["end"]] == change[side]["text"]
        for word in change["words"]:
            assert old_text[word["old"]["start"] : word["old"]["end"]] == word["old"]["text"]
            assert new_text[word["new"]["start"] : word["new"]["end"]] == word["new"]["text"]
    assert [(w["old"]["text"], w["new"]["text"]) for w in report["sentences"][0]["words"]] == [("two", "three")]
    assert [(w["old"]["text"], w["new"]["text"]) for w in report["sentences"][1]["words"]] == [("2027", "2029")]
    quotes = [(q["type"], (q["old"] or {}).get("speaker")) for q in report["quotes"]]
    assert quotes == [("changed", "Anna Berg"), ("removed", "Tomas Lind")]
    places = {a["old"]["text"]: (a["status"], a["new"]) for a in report["annotations"]}
    assert places["will cost less than any road we could build"][0] == "moved"
    assert places["who leads the cycling club"] == ("orphan", None)
    status, new_place = places["ending two years of argument"]
    assert status == "fuzzy" and new_place["text"] == "ending three years of argument"


def test_diff_of_two_versions_of_a_fetched_page_as_text(two_versions, capsys):
    _, article = two_versions
    folder = article.parent
    code, out, err = run_cli(capsys, "diff", f"{folder}@1", f"{article}@2")
    assert (code, err) == (0, "")
    assert "version 1 of http://127.0.0.1:" in out and "version 2 of http://127.0.0.1:" in out
    assert "ending [-two-]{+three+} years of argument." in out
    assert "finished by [-2027-]{+2029+} and" in out
    assert "  removed: Tomas Lind" in out and "  changed: Anna Berg" in out
    assert "'who leads the cycling club' (old " in out and "needs review (not found in the new text)" in out
    code, out_default, _ = run_cli(capsys, "diff", str(folder))
    assert code == 0 and out_default == out


def test_diff_refuses_what_it_cannot_compare(two_versions, tmp_path, capsys):
    _, article = two_versions
    code, out, err = run_cli(capsys, "diff", str(article.parent) + "@9", str(article))
    assert code == 1 and out == "" and "has no version 9" in err
    code, _, err = run_cli(capsys, "diff", str(tmp_path / "nowhere.html"), str(article))
    assert code == 1 and "file not found" in err
    old, _ = two_versions
    code, out, err = run_cli(capsys, "diff", str(old))
    assert code == 1 and out == "" and "give two articles to compare" in err


def test_diff_of_a_fetched_article_alone_compares_its_last_two_versions(two_versions, capsys):
    _, article = two_versions
    assert run_cli(capsys, "diff", str(article)) == run_cli(capsys, "diff", str(article.parent))


def test_extract_over_the_web_folder_reads_only_the_articles(two_versions, tmp_path, capsys):
    _, article = two_versions
    code, out, err = run_cli(capsys, "extract", "--format", "jsonl", str(article.parent))
    assert (code, err) == (0, "")
    (record,) = [json.loads(line) for line in out.splitlines()]
    assert "ending three years of argument" in record["text"]
    assert record["metadata"]["web_version"] == "2" and record["metadata"]["url"].startswith("http://127.0.0.1:")


def test_open_with_a_web_address_points_to_the_fetch(capsys):
    code, out, err = run_cli(capsys, "open", "https://news.example/story")
    assert code == 1 and out == ""
    assert "this is a web address, not a file" in err and "'annotator fetch URL'" in err
