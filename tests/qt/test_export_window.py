"""File → Export Annotations… from the window writes what ``annotator export`` writes."""

from __future__ import annotations

import csv
import io
import shutil

import pytest
from PySide6.QtWidgets import QFileDialog

from annotator.qt.export_controller import FILTERS
from tests.qt.conftest import HARBOUR, open_and_wait
from tests.qt.test_annotating import select

pytestmark = pytest.mark.gui


@pytest.fixture
def annotated_window(qtbot, window, tmp_path):
    article = tmp_path / "story.txt"
    shutil.copyfile(HARBOUR, article)
    open_and_wait(qtbot, window, article)
    text = window.view.article.text
    start = text.index("🔥")
    select(window, start, start + 12)
    qtbot.keyClick(window.view, "1")
    return window, text[start : start + 12]


def choose(monkeypatch, path, format_name):
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(path), FILTERS[format_name])))


def test_export_csv_from_the_file_menu(annotated_window, monkeypatch, tmp_path):
    window, exact = annotated_window
    out = tmp_path / "claims.csv"
    choose(monkeypatch, out, "csv")
    window.exporter.action.trigger()
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    assert [(row["label"], row["text"]) for row in rows] == [("Claim", exact)]
    assert "Exported 1 annotations" in window.statusBar().currentMessage()


def test_export_brat_writes_the_ann_and_the_text_it_counts_into(annotated_window, monkeypatch, tmp_path):
    window, exact = annotated_window
    choose(monkeypatch, tmp_path / "story_brat.ann", "brat")
    window.exporter.action.trigger()
    text = (tmp_path / "story_brat.txt").read_text(encoding="utf-8")
    spans = [line.split("\t") for line in (tmp_path / "story_brat.ann").read_text(encoding="utf-8").splitlines()]
    claim = next(fields for fields in spans if fields[0].startswith("T") and fields[1].startswith("Claim"))
    _, start, end = claim[1].split(" ")[:3]
    assert text[int(start) : int(end)] == exact


def test_cancelled_dialog_writes_nothing(annotated_window, monkeypatch, tmp_path):
    window, _ = annotated_window
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: ("", "")))
    assert window.exporter.ask_and_export() == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["story.txt"]


def test_export_pdf_renders_with_qt(annotated_window, monkeypatch, tmp_path):
    window, _ = annotated_window
    out = tmp_path / "story.pdf"
    choose(monkeypatch, out, "pdf")
    assert window.exporter.ask_and_export() == [out]
    assert out.read_bytes().startswith(b"%PDF")
