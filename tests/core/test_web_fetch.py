"""Fetching pages from a real HTTP server on 127.0.0.1: snapshots, versions, refusals."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from annotator.core.annotations import AnnotationStore
from annotator.core.readers import read_article
from annotator.core.web.fetch import USER_AGENT, FetchError, fetch_page, normalise_url
from annotator.core.web.snapshots import PageFolder, page_slug
from annotator.core.web.update import fetch_into
from tests.core.annotations_support import annotate
from tests.core.web_pages import STORY_V1, STORY_V2, html_page
from tests.core.web_server import PageServer


@pytest.fixture
def server():
    with PageServer() as running:
        yield running


def all_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file()) if folder.exists() else []


def test_first_fetch_keeps_the_snapshot_and_an_article_with_its_url_and_time(server, tmp_path):
    url = server.page("/news/bridge", html_page(STORY_V1))
    outcome = fetch_into(url, tmp_path)

    assert outcome.version.number == 1 and outcome.previous is None
    assert outcome.summary().startswith("first version, fetched ")
    folder = outcome.folder.path
    assert folder.parent == tmp_path and folder.name == page_slug(url)
    snapshot = folder / "versions" / "0001.html.gz"
    assert gzip.decompress(snapshot.read_bytes()) == html_page(STORY_V1).encode("utf-8")
    record = json.loads((folder / "versions" / "0001.json").read_text(encoding="utf-8"))
    assert record["url"] == url and record["final_url"] == url and record["status"] == 200
    assert record["redirects"] == [] and record["headers"]["content-type"] == "text/html; charset=utf-8"
    assert record["fetched_at"] == outcome.version.fetched_at

    article = read_article(outcome.article_path)
    assert outcome.article_path.suffix == ".html"
    assert "ending two years of argument" in article.text
    assert article.metadata["url"] == url
    assert article.metadata["fetched"] == record["fetched_at"]
    assert article.metadata["web_version"] == "1"


def test_only_the_page_itself_is_asked_for_with_an_honest_user_agent(server, tmp_path):
    url = server.page("/news/bridge", html_page(STORY_V1))
    fetch_into(url, tmp_path)
    assert [path for path, _ in server.requests] == ["/news/bridge"]  # no script, image or stylesheet
    headers = {k.lower(): v for k, v in server.requests[0][1].items()}
    assert headers["user-agent"] == USER_AGENT
    assert USER_AGENT.startswith("Annotator/") and USER_AGENT.endswith("(+local reader)")


def test_redirects_are_followed_and_recorded(server, tmp_path):
    target = server.page("/2026/bridge-story", html_page(STORY_V1))
    first = server.redirect("/b", "/short/bridge", status=301)
    server.redirect("/short/bridge", target, status=302)
    outcome = fetch_into(first, tmp_path)

    version = outcome.version
    assert version.url == first and version.final_url == target
    assert [(hop["status"], hop["url"]) for hop in version.redirects] == [
        (301, first),
        (302, server.url("/short/bridge")),
    ]
    assert read_article(outcome.article_path).metadata["final_url"] == target


def test_a_missing_page_is_refused_and_nothing_is_written(server, tmp_path):
    with pytest.raises(FetchError, match=r"answered 404 Not Found; nothing was saved"):
        fetch_into(server.url("/gone"), tmp_path)
    assert all_files(tmp_path) == []


def test_a_slow_page_times_out_and_nothing_is_written(server, tmp_path):
    url = server.page("/slow", html_page(STORY_V1), delay=3.0)
    with pytest.raises(FetchError, match=r"did not answer within 0.5 seconds; nothing was saved"):
        fetch_into(url, tmp_path, timeout=0.5)
    assert all_files(tmp_path) == []


def test_a_page_that_trickles_in_past_the_deadline_is_refused(server, tmp_path):
    url = server.page("/trickle", html_page(STORY_V1), trickle=0.3)  # each read well within 0.5 s
    with pytest.raises(FetchError, match=r"did not arrive within 1.5 seconds; nothing was saved"):
        fetch_into(url, tmp_path, timeout=0.5)
    assert all_files(tmp_path) == []


@pytest.mark.parametrize("send_length", [True, False], ids=["declared", "streamed"])
def test_a_page_over_the_size_limit_is_refused_and_nothing_is_written(server, tmp_path, send_length):
    huge = html_page(STORY_V1[:1] + ["Word " * 200_000])
    url = server.page("/huge", huge, send_length=send_length)
    with pytest.raises(FetchError, match=r"the most Annotator fetches; nothing was saved"):
        fetch_into(url, tmp_path, max_bytes=100_000)
    assert all_files(tmp_path) == []


def test_a_non_html_answer_is_refused_with_its_type(server, tmp_path):
    url = server.page("/report.pdf", b"%PDF-1.7 not a page", content_type="application/pdf")
    with pytest.raises(FetchError, match=r"is application/pdf, not a web page"):
        fetch_into(url, tmp_path)
    assert all_files(tmp_path) == []


def test_plain_text_is_kept_as_a_text_article(server, tmp_path):
    text = "\n\n".join(STORY_V1) + "\n"
    url = server.page("/story.txt", text, content_type="text/plain; charset=utf-8")
    outcome = fetch_into(url, tmp_path)
    assert outcome.article_path.suffix == ".txt"
    article = read_article(outcome.article_path)
    assert article.text == text and article.metadata["url"] == url


def test_the_charset_the_server_names_decodes_the_page(server, tmp_path):
    body = html_page(STORY_V1).replace('<meta charset="utf-8">', "").encode("cp1252")
    url = server.page("/latin", body, content_type="text/html; charset=windows-1252")
    outcome = fetch_into(url, tmp_path)
    assert "“This bridge will be finished" in read_article(outcome.article_path).text
    assert gzip.decompress(outcome.version.body_path.read_bytes()) == body  # kept as received


def test_a_page_without_article_text_is_refused(server, tmp_path):
    url = server.page("/empty", "<html><body><script>go()</script></body></html>")
    with pytest.raises(FetchError, match=r"no article text could be found.*nothing was saved"):
        fetch_into(url, tmp_path)
    assert all_files(tmp_path) == []


def test_an_unreachable_site_is_a_clear_failure(tmp_path):
    with PageServer() as stopped:
        url = stopped.url("/news")
    with pytest.raises(FetchError, match=r"could not reach 127.0.0.1: .*nothing was saved"):
        fetch_page(url, timeout=2)


@pytest.mark.parametrize("address", ["ftp://example.org/x", "file:///etc/passwd", "story.html", "http://"])
def test_only_web_addresses_are_fetched(address):
    with pytest.raises(FetchError):
        normalise_url(address)


def test_a_second_fetch_of_a_changed_page_is_a_new_version_and_the_sidecar_follows(server, tmp_path):
    url = server.page("/news/bridge", html_page(STORY_V1))
    first = fetch_into(url, tmp_path)
    store = AnnotationStore.open(read_article(first.article_path))
    claim = annotate(store.annotations, "will cost less than any road we could build")
    residents = annotate(store.annotations, "Residents can see the plans at the library", label="Evidence")
    changed = annotate(store.annotations, "ending two years of argument")
    lost = annotate(store.annotations, "who leads the cycling club")
    store.save()

    server.page("/news/bridge", html_page(STORY_V2))  # the site edits the story
    second = fetch_into(url, tmp_path)

    assert second.version.number == 2 and second.previous is not None and second.previous.number == 1
    assert second.article_path == first.article_path
    assert [v.number for v in second.folder.versions()] == [1, 2]
    assert gzip.decompress(second.folder.version(1).body_path.read_bytes()) == html_page(STORY_V1).encode()
    assert second.text_changes == [
        "2 sentences changed",
        "1 sentence added",
        "1 sentence removed",
        "1 quote changed",
        "1 quote removed",
    ]
    assert second.highlights is not None
    assert (second.highlights.total, second.highlights.moved, second.highlights.needs_review) == (4, 3, 1)
    assert second.summary() == (
        "2 sentences changed, 1 sentence added, 1 sentence removed, 1 quote changed, 1 quote removed; "
        "3 highlights moved (1 with changed text), 1 needs review"
    )

    reopened = AnnotationStore.open(read_article(second.article_path))
    assert not reopened.reanchored  # the sidecar was saved on the new version
    by_id = {a.id: a for a in reopened.annotations.annotations}
    text = reopened.article.text
    assert text[by_id[claim.id].start : by_id[claim.id].end] == claim.exact
    assert by_id[residents.id].status == "moved"
    assert text[by_id[changed.id].start : by_id[changed.id].end] == "ending three years of argument"
    assert by_id[lost.id].status == "orphan" and by_id[lost.id].exact == "who leads the cycling club"
    assert reopened.article.metadata["web_version"] == "2"


def test_the_same_bytes_again_add_no_version(server, tmp_path):
    url = server.page("/news/bridge", html_page(STORY_V1))
    fetch_into(url, tmp_path)
    before = {p: p.read_bytes() for p in all_files(tmp_path)}
    again = fetch_into(url, tmp_path)
    assert again.unchanged and again.version.number == 1
    assert again.summary().startswith("unchanged since version 1")
    assert {p: p.read_bytes() for p in all_files(tmp_path)} == before


def test_a_failed_later_fetch_leaves_the_versions_as_they_were(server, tmp_path):
    url = server.page("/news/bridge", html_page(STORY_V1))
    fetch_into(url, tmp_path)
    before = {p: p.read_bytes() for p in all_files(tmp_path)}
    server.page("/news/bridge", "<html><body><p>Down for maintenance</p></body></html>", status=503)
    with pytest.raises(FetchError, match="503"):
        fetch_into(url, tmp_path)
    assert {p: p.read_bytes() for p in all_files(tmp_path)} == before


def test_a_page_that_turns_into_plain_text_keeps_its_sidecar(server, tmp_path):
    url = server.page("/story", html_page(STORY_V1))
    first = fetch_into(url, tmp_path)
    store = AnnotationStore.open(read_article(first.article_path))
    note = annotate(store.annotations, "The vote was seven to four.")
    store.save()
    server.page("/story", "\n\n".join(STORY_V1) + "\n", content_type="text/plain")
    second = fetch_into(url, tmp_path)
    assert second.article_path.suffix == ".txt" and not first.article_path.exists()
    reopened = AnnotationStore.open(read_article(second.article_path))
    assert [a.id for a in reopened.annotations.annotations] == [note.id]
    assert reopened.annotations.annotations[0].status != "orphan"


def test_the_slug_is_readable_and_tells_addresses_apart():
    slug = page_slug("https://Example.org/news/Story-One?id=7#comments")
    assert slug.startswith("example.org-news-story-one-id-7-")
    assert page_slug("https://example.org/news/story-one?id=8") != slug
    assert page_slug("https://example.org/news/Story-One?id=7") == slug  # the fragment is not the page


def test_page_folder_is_found_from_its_article(server, tmp_path):
    url = server.page("/news/bridge", html_page(STORY_V1))
    outcome = fetch_into(url, tmp_path)
    found = PageFolder.at(outcome.article_path)
    assert found is not None and found.url == url and found.path == outcome.folder.path
    assert PageFolder.at(tmp_path) is None


def test_an_article_that_cannot_be_written_leaves_no_version(server, tmp_path):
    url = server.page("/news/bridge", html_page(STORY_V1))
    folder = PageFolder.for_url(tmp_path, url)
    folder.article_path("html").mkdir(parents=True)  # something in the way of the article file
    with pytest.raises(FetchError, match=r"could not save the page in "):
        fetch_into(url, tmp_path)
    assert folder.versions() == []
    assert list(folder.versions_path.iterdir()) == []


def test_a_corrupt_sidecar_is_left_as_it_is_and_the_summary_says_so(server, tmp_path):
    url = server.page("/news/bridge", html_page(STORY_V1))
    first = fetch_into(url, tmp_path)
    sidecar = first.article_path.with_name(first.article_path.name + ".annotations.json")
    sidecar.write_bytes(b'{"format": "annotator.sidecar", "version": 1, "annotations": [')
    server.page("/news/bridge", html_page(STORY_V2))
    second = fetch_into(url, tmp_path)
    assert second.version.number == 2
    assert second.highlights is not None and second.highlights.problem
    assert "; highlights not updated: " in second.summary()
    assert sidecar.read_bytes() == b'{"format": "annotator.sidecar", "version": 1, "annotations": ['


def test_the_users_proxy_is_used_except_for_this_machine_and_no_proxy_hosts(monkeypatch):
    from annotator.core.web.fetch import _proxy_for

    for name in ("http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "no_proxy", "NO_PROXY"):
        monkeypatch.delenv(name, raising=False)
    assert _proxy_for("https://example.org/news") is None
    monkeypatch.setenv("https_proxy", "http://proxy.newsroom.example:3128")
    monkeypatch.setenv("no_proxy", "intranet.example")
    assert _proxy_for("https://example.org/news") == "http://proxy.newsroom.example:3128"
    assert _proxy_for("https://intranet.example/page") is None
    assert _proxy_for("http://127.0.0.1:8080/page") is None


def test_reading_a_fetched_article_does_not_load_the_http_client(server, tmp_path):
    """httpx costs a fifth of a second to import: the window and ``extract`` never pay it."""
    import subprocess
    import sys

    outcome = fetch_into(server.page("/news/bridge", html_page(STORY_V1)), tmp_path)
    script = (
        "import sys, annotator.cli\n"
        "from annotator.core.readers import read_article\n"
        f"article = read_article({str(outcome.article_path)!r})\n"
        "assert article.metadata['web_version'] == '1'\n"
        "print(sorted(m for m in ('httpx', 'filelock') if m in sys.modules))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_a_second_fetch_keeps_the_readers_corrections_placed_on_the_new_version(server, tmp_path):
    from annotator.core.corrections import APPLIED, Anchor, Correction, model
    from annotator.core.corrections.book import CorrectionBook
    from annotator.core.corrections.reading import read_corrections
    from annotator.core.corrections.select import span_of

    url = server.page("/news/bridge", html_page(STORY_V1))
    first = fetch_into(url, tmp_path)
    store = AnnotationStore.open(read_article(first.article_path))
    annotate(store.annotations, "Residents can see the plans at the library")
    text = store.article.text
    start, end = span_of(text, "Anna Berg")
    role = Correction.new(model.PERSON_ROLE, Anchor.over(text, start, end), value="mayor of the city")
    book = CorrectionBook(store)
    book.add(role)
    book.save()

    server.page("/news/bridge", html_page(STORY_V2))  # "two years" became "three years" before the mayor
    second = fetch_into(url, tmp_path)

    article = read_article(second.article_path)
    found = read_corrections(article)
    assert found.problem is None and not found.reanchored  # the sidecar was saved on the new version
    (placed,) = found.corrections
    assert article.text[placed.anchor.start : placed.anchor.end] == "Anna Berg"
    from annotator.core.corrections import apply_corrections
    from annotator.core.extraction import extract

    corrected = apply_corrections(extract(article), found.corrections, article.text)
    assert corrected.result_for(role.id).status == APPLIED


def test_a_fetch_re_anchoring_the_sidecar_keeps_what_another_program_saved_meanwhile(server, tmp_path):
    import os
    import threading
    import time

    from annotator.core.annotations.sidecar_lock import sidecar_lock

    url = server.page("/news/bridge", html_page(STORY_V1))
    first = fetch_into(url, tmp_path)
    sidecar = first.article_path.with_name(first.article_path.name + ".annotations.json")
    mine = AnnotationStore.open(read_article(first.article_path))
    claim = annotate(mine.annotations, "will cost less than any road we could build")
    mine.save()
    theirs = AnnotationStore.open(read_article(first.article_path))  # the window, say, adding one more
    residents = annotate(theirs.annotations, "Residents can see the plans at the library", label="Evidence")
    their_bytes = theirs.encoded()

    locked, go = threading.Event(), threading.Event()

    def other_program_saving() -> None:
        with sidecar_lock(sidecar):
            locked.set()
            go.wait(30)
            temporary = sidecar.with_name(sidecar.name + ".theirs")
            temporary.write_bytes(their_bytes)
            os.replace(temporary, sidecar)

    holder = threading.Thread(target=other_program_saving)
    holder.start()
    assert locked.wait(30)
    server.page("/news/bridge", html_page(STORY_V2))
    outcome: list = []
    fetcher = threading.Thread(target=lambda: outcome.append(fetch_into(url, tmp_path)))
    fetcher.start()
    time.sleep(1.0)  # the fetch reads the sidecar, re-anchors it and waits for the lock
    go.set()
    holder.join(30)
    fetcher.join(60)

    (second,) = outcome
    assert second.highlights is not None and second.highlights.problem is None
    reopened = AnnotationStore.open(read_article(second.article_path))
    assert not reopened.reanchored
    assert {a.id for a in reopened.annotations.annotations} == {claim.id, residents.id}
