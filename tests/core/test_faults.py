"""The README's fault table, without a window: each fault tried through ``annotator`` as a user runs it.

Every test states what the user sees (exit code, message on stderr) and what is kept (the
article, the sidecar byte for byte, no stray files). The window's side of the same faults
is in ``tests/qt/test_faults_window.py``; README "When something goes wrong" names both.

Two faults cannot be produced for real here and are simulated at the system call, which is
where the kernel would report them: a full disk (``os.write`` fails with ENOSPC) and, when
the tests run as root (who may write into any folder), a read-only folder (creating a file
in it fails with EACCES; as another user the folder's mode alone refuses).
"""

from __future__ import annotations

import errno
import json
import os
import socket
import tempfile
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from annotator.cli import main
from annotator.core.article import ArticleError
from annotator.core.extraction import extract
from annotator.core.readers import decoding, read_article
from annotator.core.readers.html_reader import refuse_beyond_parser_limits

STORY = (
    "Ferry fares to rise in spring\n"
    "\n"
    "The harbour board said the new fares would fund two replacement boats by 2028. "
    "“We cannot run forty-year-old engines for ever,” said Ines Caldwell, who chairs the board.\n"
    "\n"
    "Commuters were unconvinced.\n"
)


def run_cli(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def sidecar_of(article: Path) -> Path:
    return article.with_name(article.name + ".annotations.json")


def listing(folder: Path) -> list[str]:
    return sorted(os.listdir(folder))


@pytest.fixture
def story(tmp_path) -> Path:
    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    return path


@pytest.fixture
def network_refused(monkeypatch) -> list[str]:
    """Every attempt to open a connection or URL is recorded and fails loudly."""
    attempts: list[str] = []

    def refuse(*args, **kwargs):
        attempts.append(repr(args[-1] if args else kwargs))
        raise OSError("network access attempted while reading a file")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(urllib.request, "urlopen", refuse)
    return attempts


@contextmanager
def read_only_folder(folder: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """``folder`` cannot be written to: its mode says so, and for root so does ``mkstemp``."""
    mode = folder.stat().st_mode
    folder.chmod(0o555)
    real_mkstemp = tempfile.mkstemp

    def refusing_mkstemp(*args, dir=None, **kwargs):
        if dir is not None and Path(dir).resolve() == folder.resolve():
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(folder))
        return real_mkstemp(*args, dir=dir, **kwargs)

    with monkeypatch.context() as patch:
        if os.geteuid() == 0:  # root ignores the mode; refuse where the kernel would for others
            patch.setattr(tempfile, "mkstemp", refusing_mkstemp)
        try:
            yield
        finally:
            folder.chmod(mode)


@contextmanager
def full_disk(folder: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Writes to files in ``folder`` fail with ENOSPC, as on a full disk."""
    real_write = os.write

    def write(fd: int, data) -> int:
        try:
            target = os.readlink(f"/proc/self/fd/{fd}")
        except OSError:
            target = str(folder) if fd > 2 else ""
        if Path(target).parent == folder:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real_write(fd, data)

    with monkeypatch.context() as patch:
        patch.setattr(os, "write", write)
        yield


# -- files that are not articles ---------------------------------------------------------


@pytest.mark.parametrize(
    "name, data, reason",
    [
        ("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200), "this is a PNG image, not text"),
        ("report.html", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "this is a PDF document, not text"),
        ("notes.md", b"PK\x03\x04\x14\x00\x06\x00" + bytes(100), "a ZIP-based document (Word, EPUB"),
        ("program", b"\x7fELF\x02\x01\x01\x00" + bytes(300), "binary file (it contains NUL bytes)"),
        ("noise.txt", bytes(range(1, 9)) * 200, "binary file (it is full of control characters)"),
    ],
)
def test_binary_file(tmp_path, capsys, name, data, reason):
    path = tmp_path / name
    path.write_bytes(data)
    code, out, err = run_cli(capsys, "extract", str(path))
    assert (code, out) == (1, "")  # nothing on stdout for a file that could not be read
    assert err.startswith(f"annotator: {path}: ") and reason in err
    code, out, err = run_cli(capsys, "annotate", str(path), "--start", "0", "--end", "4", "--label", "Claim")
    assert code == 1 and out == "" and reason in err and "Traceback" not in err
    assert path.read_bytes() == data and listing(tmp_path) == [name]


@pytest.mark.parametrize("data, reason", [(b"", "the file is empty"), (b" \n\t\r\n\xc2\xa0\n", "only whitespace")])
def test_empty_file(tmp_path, capsys, data, reason):
    path = tmp_path / "blank.txt"
    path.write_bytes(data)
    code, _, err = run_cli(capsys, "extract", "--format", "text", str(path))
    assert code == 1 and reason in err
    code, _, err = run_cli(capsys, "annotate", str(path), "--quote", "x", "--label", "Claim")
    assert code == 1 and reason in err
    assert listing(tmp_path) == ["blank.txt"]


# -- text that is not quite right --------------------------------------------------------


def test_invalid_utf8(tmp_path, capsys):
    """A few corrupt bytes in UTF-8 text: shown as U+FFFD, said so, and annotations work."""
    good = "Kyiv’s “talks” – résumé, naïve café, the minister’s aides said.\n\n" * 3
    path = tmp_path / "mangled.txt"
    path.write_bytes(good.encode("utf-8") + b"One stray \x92 byte.\n")
    code, out, err = run_cli(capsys, "extract", str(path))
    assert code == 0
    assert json.loads(out)["text"] == good + "One stray \ufffd byte.\n"
    assert f"annotator: note: {path}: 1 invalid byte(s) in this UTF-8 file are shown as \ufffd" in err
    code, _, err = run_cli(capsys, "annotate", str(path), "--quote", "stray \ufffd byte", "--label", "Claim")
    assert code == 0, err
    (saved,) = json.loads(sidecar_of(path).read_text(encoding="utf-8"))["annotations"]
    assert saved["selector"]["exact"] == "stray \ufffd byte"


def test_invalid_utf8_after_a_utf8_bom(tmp_path, capsys):
    """A file that declares UTF-8 with a BOM but breaks it is refused, not guessed at."""
    path = tmp_path / "declared.txt"
    path.write_bytes(b"\xef\xbb\xbfThe minister said \xff\xfe nothing.\n")
    code, _, err = run_cli(capsys, "extract", str(path))
    assert code == 1 and "the file says it is UTF-8 but contains invalid bytes" in err


def test_invalid_utf8_from_a_legacy_encoding(tmp_path, capsys):
    """Not UTF-8 at all: the encoding is recognised (here Windows-1252) and named."""
    text = "Café owner’s “best” year – the crème brûlée sold out, she said.\n"
    path = tmp_path / "legacy.txt"
    path.write_bytes(text.encode("cp1252"))
    code, out, err = run_cli(capsys, "extract", str(path))
    assert code == 0 and err == ""
    record = json.loads(out)
    assert record["text"] == text and record["metadata"]["encoding"] == "windows-1252"


# -- size ---------------------------------------------------------------------------------


def test_file_over_50_mb(tmp_path, capsys, monkeypatch):
    """Refused from its size on disk, before a byte is read (the file is sparse)."""
    path = tmp_path / "dump.txt"
    with open(path, "wb") as handle:
        handle.truncate(decoding.MAX_ARTICLE_BYTES + 1)
    monkeypatch.setattr(decoding, "decode_bytes", lambda data: pytest.fail("a 50 MB file was read"))
    code, _, err = run_cli(capsys, "extract", str(path))
    assert code == 1
    assert f"annotator: {path}: the file is 50.0 MB; articles larger than 50 MB are refused" in err
    code, _, err = run_cli(capsys, "annotate", str(path), "--quote", "x", "--label", "Claim")
    assert code == 1 and "larger than 50 MB" in err and listing(tmp_path) == ["dump.txt"]


def test_file_at_the_size_limit_is_read(tmp_path, monkeypatch):
    """The limit is inclusive: a file of exactly the limit is read, one byte more is not."""
    data = STORY.encode("utf-8")
    monkeypatch.setattr(decoding, "MAX_ARTICLE_BYTES", len(data))
    path = tmp_path / "story.txt"
    path.write_bytes(data)
    assert read_article(path).text == STORY
    path.write_bytes(data + b"\n")
    with pytest.raises(ArticleError, match="larger than 0 MB are refused"):
        read_article(path)


# -- the article changes under the sidecar -----------------------------------------------


def test_article_deleted_after_annotating(story, capsys):
    """The sidecar outlives its article: nothing deletes it, and it anchors again on return."""
    code, annotation_id, _ = run_cli(capsys, "annotate", str(story), "--quote", "Commuters were unconvinced", "--label", "Opinion")
    assert code == 0
    saved = sidecar_of(story).read_bytes()
    story.unlink()
    code, _, err = run_cli(capsys, "annotations", str(story))
    assert code == 1 and f"annotator: {story}: file not found" in err
    assert sidecar_of(story).read_bytes() == saved
    story.write_text(STORY, encoding="utf-8")
    code, out, _ = run_cli(capsys, "annotations", str(story))
    (annotation,) = json.loads(out)["annotations"]
    assert (annotation["id"], annotation["status"]) == (annotation_id.strip(), "anchored")


# -- saving fails ---------------------------------------------------------------------------


def second_annotation_under(fault, story: Path, capsys) -> str:
    """Annotate once, then again under ``fault``: the second fails and changes nothing on disk."""
    code, _, _ = run_cli(capsys, "annotate", str(story), "--quote", "Commuters were unconvinced", "--label", "Opinion")
    assert code == 0
    before = sidecar_of(story).read_bytes()
    with fault:
        code, out, err = run_cli(capsys, "annotate", str(story), "--quote", "two replacement boats", "--label", "Claim")
    assert code == 1 and out == ""
    assert sidecar_of(story).read_bytes() == before
    assert listing(story.parent) == ["story.txt", "story.txt.annotations.json"]  # no temporary file left
    return err


def test_read_only_folder(story, capsys, monkeypatch):
    err = second_annotation_under(read_only_folder(story.parent, monkeypatch), story, capsys)
    assert f"could not save {sidecar_of(story)}: the folder {story.parent} is not writable" in err
    assert "the previous version is unchanged" in err


def test_full_disk(story, capsys, monkeypatch):
    err = second_annotation_under(full_disk(story.parent, monkeypatch), story, capsys)
    assert f"could not save {sidecar_of(story)}: the disk is full; the previous version is unchanged" in err


# -- hostile and extreme content ---------------------------------------------------------

HOSTILE_PAGE = """<!DOCTYPE html>
<html><head>
<meta charset="utf-8">
<meta http-equiv="refresh" content="0; url=http://refresh.invalid/">
<base href="http://base.invalid/">
<title>Pier repairs finish early</title>
<link rel="stylesheet" href="http://css.invalid/site.css">
<link rel="preload" href="http://preload.invalid/font.woff2" as="font">
<style>@import url("http://import.invalid/x.css"); p::after { content: "STYLE-LEAK"; }</style>
<script>fetch("http://fetch.invalid/"); var SCRIPT_LEAK_HEAD = 1;</script>
<script src="http://script.invalid/tracker.js"></script>
</head>
<body onload="document.title='ONLOAD-LEAK'">
<article>
<h1>Pier repairs finish early</h1>
<p onclick="alert('HANDLER-LEAK')">The pier at Lowmoor reopened on Saturday, three weeks ahead of schedule, the council said.</p>
<img src="http://images.invalid/pier.jpg" srcset="http://images.invalid/pier-2x.jpg 2x" onerror="alert('ONERROR-LEAK')" alt="">
<iframe src="http://frames.invalid/ad.html" srcdoc="<p>SRCDOC-LEAK</p>">IFRAME-LEAK</iframe>
<object data="http://objects.invalid/movie.swf">OBJECT-LEAK</object>
<embed src="http://embeds.invalid/clip.swf">
<svg><script>var SVG_SCRIPT_LEAK = 1;</script><image href="http://svg.invalid/i.png"/></svg>
<noscript><img src="http://noscript.invalid/pixel.gif"></noscript>
<template><p>TEMPLATE-LEAK</p></template>
<p>“We were lucky with the weather,” said site manager Priya Okafor, whose crew worked through the half-term holiday.</p>
<p>Traders on the seafront said the early opening would help them recover a difficult summer season.</p>
<script>document.write("SCRIPT-LEAK-BODY");</script>
<form action="http://forms.invalid/"><input value="FORM-LEAK"></form>
<a href="javascript:alert('JS-URL-LEAK')">Read more</a>
<video poster="http://video.invalid/poster.jpg" src="http://video.invalid/v.mp4"></video>
</article>
</body></html>
"""


def test_html_with_scripts_frames_and_remote_resources(tmp_path, capsys, network_refused):
    path = tmp_path / "pier.html"
    path.write_text(HOSTILE_PAGE, encoding="utf-8")
    article = read_article(path)
    code, out, err = run_cli(capsys, "extract", str(path))
    assert network_refused == []
    assert code == 0 and err == ""
    text = json.loads(out)["text"]
    assert text == article.text
    assert "reopened on Saturday, three weeks ahead of schedule" in text
    assert "Priya Okafor" in text and "recover a difficult summer season" in text
    leaks = ("LEAK", "fetch(", "alert(", "document.", "http://", "invalid", "@import", "onload", "onclick")
    assert [leak for leak in leaks if leak in text] == []
    assert json.loads(out)["quotes"][0]["speaker"] == "Priya Okafor"
    # an unclosed <embed> no longer swallows the paragraphs after it (nor flattens them into one)
    assert [block.kind for block in article.blocks] == ["headline", "paragraph", "paragraph", "paragraph"]


def test_extremely_long_line(tmp_path, capsys):
    """A megabyte of text on one line, with quotes: read, structured and extracted, linearly."""
    sentences = [
        f"“The fares will rise by {n} pence in spring,” said Ines Caldwell. The board met on day {n}."
        for n in range(12_000)
    ]
    line = " ".join(sentences)
    assert len(line) > 1_000_000 and "\n" not in line
    path = tmp_path / "one_line.txt"
    path.write_text("Fares\n\n" + line + "\n", encoding="utf-8")
    article = read_article(path)
    assert article.text == "Fares\n\n" + line + "\n"
    assert [block.kind for block in article.blocks] == ["headline", "paragraph"]
    extraction = extract(article)
    assert len(extraction.quotes) == 12_000
    assert all(0 <= q.start < q.end <= len(article.text) for q in extraction.quotes)
    assert {q.speaker for q in extraction.quotes} == {"Ines Caldwell"}
    code, annotation_id, err = run_cli(capsys, "annotate", str(path), "--quote", "by 11999 pence", "--label", "Claim")
    assert code == 0, err
    (saved,) = json.loads(sidecar_of(path).read_text(encoding="utf-8"))["annotations"]
    assert article.text[saved["start"] : saved["end"]] == "by 11999 pence"


def test_extremely_long_line_without_spaces(tmp_path):
    """Half a megabyte with nowhere to break a line (a pasted blob): read as one paragraph."""
    blob = "QmFzZTY0" * 65_536
    path = tmp_path / "blob.txt"
    path.write_text("Attachment\n\n" + blob + "\n", encoding="utf-8")
    article = read_article(path)
    assert article.text.endswith(blob + "\n")
    assert extract(article).quotes == []


def nested_page(depth: int, tag: str = "div") -> str:
    paragraph = "<p>The lifeboat crew was called out twice on Sunday, the station said in a statement.</p>"
    return (
        "<html><head><title>Lifeboat</title></head><body>"
        + f"<{tag}>" * depth + paragraph * 3 + f"</{tag}>" * depth
        + "</body></html>"
    )


@pytest.mark.parametrize("depth, tag", [(300, "div"), (5_000, "div"), (100_000, "div"), (100_000, "span")])
def test_deeply_nested_html(tmp_path, capsys, depth, tag):
    """Past the HTML parser's depth limit the text would be cut silently: refused instead."""
    path = tmp_path / "nested.html"
    path.write_text(nested_page(depth, tag), encoding="utf-8")
    code, out, err = run_cli(capsys, "extract", str(path))
    assert code == 1 and out == ""
    assert "this page's HTML is nested more than 255 elements deep; it cannot be read without losing text" in err
    assert "Traceback" not in err and "RecursionError" not in err


def test_nested_html_within_the_parser_limit_is_read(tmp_path):
    path = tmp_path / "nested.html"
    path.write_text(nested_page(200), encoding="utf-8")
    assert read_article(path).text.count("The lifeboat crew was called out twice") == 3


def test_html_text_over_the_parser_buffer_limit_is_refused():
    """libxml2 drops a text run over 10 MB; such a page is refused, not shown empty."""
    with pytest.raises(ArticleError, match="over 10 MB, more than the HTML parser reads"):
        refuse_beyond_parser_limits("<html><body><p>" + "word " * 2_100_000 + "</p></body></html>")
    refuse_beyond_parser_limits("<html><body><p>" + "word " * 1_000 + "</p></body></html>")


@pytest.mark.parametrize(
    "markdown, readable",
    [
        ("> " * 19 + "The crew was called out twice.\n", True),
        ("> " * 20 + "The crew was called out twice.\n", False),
        ("> " * 100_000 + "The crew was called out twice.\n", False),
        ("".join("  " * level + f"- The crew, level {level}\n" for level in range(9)), True),
        ("".join("  " * level + f"- The crew, level {level}\n" for level in range(10)), False),
    ],
)
def test_deeply_nested_markdown(tmp_path, markdown, readable):
    """markdown-it skips blocks nested past its limit; the file is refused rather than cut."""
    path = tmp_path / "nested.md"
    path.write_text("# Lifeboat\n\n" + markdown, encoding="utf-8")
    if readable:
        text = read_article(path).text
        assert text.count("The crew") == markdown.count("The crew")
    else:
        with pytest.raises(ArticleError, match="nests quotes or lists too deeply .* without losing text"):
            read_article(path)
