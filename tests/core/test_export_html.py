"""HTML page parsed with html.parser: self-contained, escaped, every highlight and note present."""

from __future__ import annotations

from html.parser import HTMLParser

from annotator.core.export.html_page import blend, export_html, page_blocks
from tests.core.export_fixture import LABELS, TEXT, make_annotations, make_article, make_extraction


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.marks: list[dict[str, str]] = []  # title and text of each <mark>
        self.text_cells: list[str] = []
        self.note_ids: list[str] = []
        self._mark: dict[str, str] | None = None
        self._cell: list[str] | None = None
        self._sup = False

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        self.tags.append((tag, attributes))
        if tag == "mark":
            self._mark = {"title": attributes.get("title") or "", "text": "", "class": attributes.get("class") or ""}
        elif tag == "td" and attributes.get("class") == "text":
            self._cell = []
        elif tag == "li" and (attributes.get("id") or "").startswith("note-"):
            self.note_ids.append(attributes["id"])
        elif tag == "sup":
            self._sup = True

    def handle_endtag(self, tag):
        if tag == "mark" and self._mark is not None:
            self.marks.append(self._mark)
            self._mark = None
        elif tag == "td" and self._cell is not None:
            self.text_cells.append("".join(self._cell))
            self._cell = None
        elif tag == "sup":
            self._sup = False

    def handle_data(self, data):
        if self._mark is not None:
            self._mark["text"] += data
        if self._cell is not None and not self._sup:
            self._cell.append(data)


def parsed(extraction=None) -> _Page:
    page = _Page()
    page.feed(export_html(make_article(), make_annotations(), LABELS, extraction))
    page.close()
    return page


def test_page_is_self_contained_and_script_free():
    page = parsed(make_extraction())
    names = [tag for tag, _ in page.tags]
    assert "script" not in names and "link" not in names and "img" not in names and "iframe" not in names
    assert all("src" not in attrs for _, attrs in page.tags)
    hrefs = [attrs["href"] for tag, attrs in page.tags if tag == "a" and "href" in attrs]
    assert all(h.startswith("#") or h == "file:///data/cafe-storm.txt" for h in hrefs)


def test_article_text_is_all_there_block_by_block():
    page = parsed()
    blocks = page_blocks(make_article())
    assert page.text_cells == [TEXT[b.start : b.end].replace("\n", "") for b in blocks]


def test_highlights_cover_each_annotation_with_overlaps_marked():
    page = parsed()
    # Segments: name; claim only; claim+evidence overlap; evidence only; check-later;
    # question; the bullet claim split over two blocks.
    assert len(page.marks) == 8
    overlaps = [m for m in page.marks if "overlap" in m["class"]]
    assert [(m["text"], m["title"]) for m in overlaps] == [("the council knew", "Claim, Evidence")]
    for annotation in make_annotations():
        if annotation.status == "orphan":
            continue
        pieces = "".join(m["text"] for m in page.marks if annotation.label in m["title"].split(", "))
        assert annotation.selector.exact.replace("\n", "") in pieces


def test_every_annotation_has_a_numbered_note_and_user_text_is_escaped():
    page = parsed()
    assert page.note_ids == [f"note-{n}" for n in range(1, len(make_annotations()) + 1)]
    html = export_html(make_article(), make_annotations(), LABELS)
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; more" in html
    assert "<script>" not in html
    assert "Not found in the article" in html and "the old wall held" in html


def test_label_colours_are_sanitised_before_reaching_css():
    from annotator.core.annotations.model import Label

    labels = [Label("Claim", "red; background:url(http://evil)"), *LABELS[1:]]
    html = export_html(make_article(), make_annotations(), labels)
    assert "evil" not in html


def test_blend_darkens_with_overlap_and_stays_light():
    single = blend(["#f4c430"])
    double = blend(["#f4c430", "#f4c430"])
    assert int(double[1:3], 16) <= int(single[1:3], 16)
    assert all(int(single[i : i + 2], 16) > 0x80 for i in (1, 3, 5))


def test_unstructured_article_is_split_into_paragraphs_at_blank_lines():
    article = make_article()
    article.blocks = []
    spans = [(b.start, b.end) for b in page_blocks(article)]
    texts = [TEXT[s:e] for s, e in spans]
    assert texts[0] == "Café owners count the cost of the 🌧️ storm"
    assert texts[-1] == "• Drains were last cleared in 2019\n• Insurance claims rose by 40%"
    assert len(texts) == 4


def test_a_reference_mark_goes_after_the_word_never_inside_it():
    from annotator.core.annotations import AnnotationSet
    from annotator.core.annotations.operations import AddAnnotation
    from annotator.core.article import Article, Block

    text = "Hundreds of homes were flooded overnight, officials said."
    article = Article(source=make_article().source, text=text, blocks=[Block("paragraph", 0, len(text))])
    annotations = AnnotationSet(text)
    end = text.index("overnight") + len("overnigh")  # an exact (Alt) selection that stops inside the word
    annotations.apply(AddAnnotation.new(annotations, 0, end, "Claim"))
    page = export_html(article, list(annotations), list(annotations.labels))
    assert "overnigh</mark>t<sup" in page  # the highlight keeps its exact end, the number follows the word
    assert "overnigh<sup" not in page


def test_the_print_form_puts_the_notes_under_their_block_at_full_width():
    page = export_html(make_article(), make_annotations(), LABELS, notes_beside=False)
    assert '<table class="article">' not in page and '<div class="article">' in page
    assert '<div class="notes-under">' in page
    first_note = page.index('<div class="notes-under">')
    assert page.rindex("</p>", 0, first_note) < first_note  # after the block it belongs to
