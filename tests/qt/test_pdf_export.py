"""PDF export through Qt: a real PDF, as many pages as the layout needs, the article's text in it."""

from __future__ import annotations

import re
import zlib

import pytest

from annotator.core.export import export_html
from annotator.qt.export.pdf_export import html_to_pdf
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


def _sample_export_html(with_extraction: bool) -> str:
    from annotator.core.annotations import AnnotationSet
    from annotator.core.annotations.labels import LabelSet
    from annotator.core.annotations.operations import AddAnnotation
    from annotator.core.extraction import extract
    from annotator.core.readers import read_article
    from annotator.core.resources import sample_article_path

    article = read_article(sample_article_path())
    annotations = AnnotationSet(article.text, LabelSet())
    for phrase, label in (("Hundreds of homes", "Claim"), ("340 homes evacuated", "Evidence"), ("record 5.9 metres", "Question")):
        start = article.text.index(phrase)
        annotations.apply(AddAnnotation.new(annotations, start, start + len(phrase), label, note="checked against the council's figures"))
    return export_html(
        article, list(annotations), list(annotations.labels), extract(article) if with_extraction else None, notes_beside=False
    )


@pytest.mark.parametrize("with_extraction", [False, True])
def test_a_770_word_article_prints_in_at_most_three_pages(qapp, with_extraction):
    pdf = html_to_pdf(_sample_export_html(with_extraction))
    assert 1 <= len(PAGE_OBJECT.findall(pdf)) <= 3


def test_the_text_takes_the_full_width_of_the_page(qapp):
    from PySide6.QtCore import QSizeF
    from PySide6.QtGui import QTextDocument

    document = QTextDocument()
    document.setHtml(_sample_export_html(False))
    document.setPageSize(QSizeF(700, 1000))
    layout = document.documentLayout()
    block = document.begin()
    widths = []
    while block.isValid():
        if len(block.text()) > 200:  # a body paragraph
            widths.append(layout.blockBoundingRect(block).width())
        block = block.next()
    assert widths and min(widths) > 0.85 * 700


def test_paper_follows_the_locale(qapp):
    from PySide6.QtCore import QLocale
    from PySide6.QtGui import QPageSize

    from annotator.qt.export.pdf_export import paper_for

    assert paper_for(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)) == QPageSize.PageSizeId.Letter
    assert paper_for(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)) == QPageSize.PageSizeId.A4
    assert paper_for(QLocale(QLocale.Language.German, QLocale.Country.Germany)) == QPageSize.PageSizeId.A4
    letter = html_to_pdf("<p>abc</p>", page_size=QPageSize.PageSizeId.Letter)
    a4 = html_to_pdf("<p>abc</p>", page_size=QPageSize.PageSizeId.A4)
    assert re.search(rb"/MediaBox \[0 0 612(\.0+)? 792(\.0+)?\]", letter)
    assert re.search(rb"/MediaBox \[0 0 595(\.\d+)? 841\.\d+\]|/MediaBox \[0 0 595(\.\d+)? 842(\.0+)?\]", a4)


def test_a_heading_at_the_foot_of_a_page_moves_to_the_next_with_its_paragraph(qapp):
    from PySide6.QtCore import QSizeF
    from PySide6.QtGui import QTextDocument

    from annotator.qt.export.pdf_export import keep_headings_with_next

    filler = "".join(f"<p>Paragraph {n} of the story, long enough to take a line or two of the page.</p>" for n in range(200))
    for lines_before in range(10, 40):
        document = QTextDocument()
        document.setHtml(filler[: lines_before * 80] + "<h2>A heading</h2><p>What the heading introduces.</p>" + filler)
        document.setPageSize(QSizeF(500, 600))
        layout = document.documentLayout()
        heading = next(b for b in _blocks(document) if b.text() == "A heading")
        page = lambda block: int(layout.blockBoundingRect(block).top() // 600)  # noqa: E731
        if page(heading) != page(heading.next()):
            break
    else:
        pytest.fail("no filler length put the heading at the foot of a page")
    assert keep_headings_with_next(document) >= 1
    assert page(heading) == page(heading.next())


def _blocks(document):
    block = document.begin()
    while block.isValid():
        yield block
        block = block.next()
