"""PDF export through Qt: a real PDF, as many pages as the layout needs, the article's text in it."""

from __future__ import annotations

import re
import zlib

import pytest

from annotator.core.export import export_html
from annotator.qt.pdf_export import html_to_pdf
from tests.core.export_fixture import LABELS, TEXT, make_annotations, make_article, make_extraction

pytestmark = pytest.mark.gui

PAGE_OBJECT = re.compile(rb"/Type\s*/Page(?![s\w])")
STREAM = re.compile(rb"stream\r?\n(.*?)\r?\nendstream", re.S)
PAGES_COUNT = re.compile(rb"/Type\s*/Pages\b[^>]*?/Count\s+(\d+)", re.S)
HEX = re.compile(rb"<([0-9A-Fa-f]+)>")


def mapped_characters(pdf: bytes) -> set[str]:
    """Every character the PDF's fonts map glyphs back to (their ToUnicode CMaps): the
    text a PDF reader would extract, as a set."""
    chars: set[str] = set()
    for match in STREAM.finditer(pdf):
        raw = match.group(1)
        try:
            data = zlib.decompress(raw)
        except zlib.error:
            data = raw
        if b"begincmap" not in data:
            continue
        for section in re.findall(rb"beginbf(?:char|range)(.*?)endbf(?:char|range)", data, re.S):
            for line in section.splitlines():
                codes = HEX.findall(line)
                # bfchar: <src> <dst>; bfrange: <lo> <hi> [<dst>...] or <lo> <hi> <dst>
                targets = codes[1:] if line.count(b"<") == 2 else codes[2:]
                for target in targets:
                    chars.add(bytes.fromhex(target.decode()).decode("utf-16-be", errors="replace"))
    return chars


def test_pdf_of_the_fixture_has_pages_and_the_article_text(qapp):
    html = export_html(make_article(), make_annotations(), LABELS, make_extraction())
    pdf = html_to_pdf(html, title="Café owners")
    assert pdf.startswith(b"%PDF-") and pdf.rstrip().endswith(b"%%EOF")
    pages = len(PAGE_OBJECT.findall(pdf))
    assert pages >= 1
    assert [int(n) for n in PAGES_COUNT.findall(pdf)] == [pages]  # the page tree agrees
    characters = mapped_characters(pdf)
    expected = set("Zoë Achterberg lost €2,000 Officials “within weeks” Receipts ledger") - {" "}
    assert expected <= characters, expected - characters


def test_a_longer_article_takes_more_pages(qapp):
    article = make_article()
    article.text = TEXT * 12
    article.blocks = []
    short = html_to_pdf(export_html(make_article(), [], LABELS))
    long = html_to_pdf(export_html(article, [], LABELS))
    assert len(PAGE_OBJECT.findall(long)) > len(PAGE_OBJECT.findall(short)) >= 1


def test_character_check_is_not_vacuous(qapp):
    pdf = html_to_pdf("<p>abc</p>")
    characters = mapped_characters(pdf)
    assert {"a", "b", "c"} <= characters
    assert "€" not in characters


def test_cli_writes_the_pdf_file_and_keeps_it_without_force(qapp, tmp_path, capsys):
    from annotator.cli import main
    from tests.cli.annotated_story import write_annotated_story

    story = write_annotated_story(tmp_path)
    target = tmp_path / "story.pdf"
    assert main(["export", str(story), "--format", "pdf", "-o", str(target)]) == 0
    pdf = target.read_bytes()
    assert pdf.startswith(b"%PDF-") and len(PAGE_OBJECT.findall(pdf)) >= 1
    assert {"Z", "ë", "€"} <= mapped_characters(pdf)
    assert main(["export", str(story), "--format", "pdf", "-o", str(target)]) == 1
    assert "already exists" in capsys.readouterr().err
    assert target.read_bytes() == pdf
