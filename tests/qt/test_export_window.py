"""File → Export Annotations… from the window writes what ``annotator export`` writes."""

from __future__ import annotations

import csv
import io
import shutil

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from annotator.qt.export.export_controller import FILTERS
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


def choose(qtbot, window, path, format_name, include_extracted=False):
    """File → Export Annotations…, then fill in the dialog as the reader does and accept it."""
    window.exporter.action.trigger()
    dialog = window.exporter.dialog
    qtbot.waitExposed(dialog)
    dialog.selectNameFilter(FILTERS[format_name])
    dialog.setDirectory(str(path.parent))
    dialog.selectFile(path.name)
    if dialog.include_box.isChecked() != include_extracted:
        qtbot.mouseClick(dialog.include_box, Qt.MouseButton.LeftButton)
    dialog.accept()


def test_export_csv_from_the_file_menu(qtbot, annotated_window, tmp_path):
    window, exact = annotated_window
    out = tmp_path / "claims.csv"
    choose(qtbot, window, out, "csv")
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    assert [(row["label"], row["text"]) for row in rows] == [("Claim", exact)]
    assert "Exported 1 annotation to claims.csv" in window.statusBar().currentMessage()


def test_export_brat_writes_the_ann_and_the_text_it_counts_into(qtbot, annotated_window, tmp_path):
    window, exact = annotated_window
    choose(qtbot, window, tmp_path / "story_brat.ann", "brat")
    text = (tmp_path / "story_brat.txt").read_text(encoding="utf-8")
    spans = [line.split("\t") for line in (tmp_path / "story_brat.ann").read_text(encoding="utf-8").splitlines()]
    claim = next(fields for fields in spans if fields[0].startswith("T") and fields[1].startswith("Claim"))
    _, start, end = claim[1].split(" ")[:3]
    assert text[int(start) : int(end)] == exact


def test_cancelled_dialog_writes_nothing(qtbot, annotated_window, tmp_path):
    window, _ = annotated_window
    window.exporter.action.trigger()
    qtbot.waitExposed(window.exporter.dialog)
    window.exporter.dialog.reject()
    assert {p.name for p in tmp_path.iterdir()} <= {"story.txt", "story.txt.annotations.json"}


def test_export_pdf_renders_with_qt(qtbot, annotated_window, tmp_path):
    window, _ = annotated_window
    out = tmp_path / "story.pdf"
    choose(qtbot, window, out, "pdf")
    assert out.read_bytes().startswith(b"%PDF")


def test_export_with_no_article_open_says_so(qtbot, window):
    window.exporter.action.trigger()
    notice = next(box for box in window.findChildren(QMessageBox) if box.isVisible())
    assert "No article is open" in notice.text()
    assert window.exporter.dialog is None
    notice.close()


@pytest.mark.parametrize("include_extracted", [False, True])
def test_the_dialogs_choice_writes_what_the_command_line_writes(qtbot, real_window, tmp_path, include_extracted):
    import subprocess
    import sys

    article = tmp_path / "story.txt"
    shutil.copyfile(HARBOUR, article)
    open_and_wait(qtbot, real_window, article)
    text = real_window.view.article.text
    start = text.index("harbour master")
    select(real_window, start, start + len("harbour master"))
    qtbot.keyClick(real_window.view, "1")
    real_window.annotations.save_action.trigger()
    from_window = tmp_path / "window.md"
    choose(qtbot, real_window, from_window, "markdown", include_extracted)
    from_cli = tmp_path / "cli.md"
    argv = [sys.executable, "-m", "annotator", "export", str(article), "--format", "markdown", "-o", str(from_cli)]
    subprocess.run(argv + (["--include-extracted"] if include_extracted else []), check=True, capture_output=True, timeout=60)
    assert from_window.read_text(encoding="utf-8") == from_cli.read_text(encoding="utf-8")
    assert ("## People" in from_window.read_text(encoding="utf-8")) is include_extracted


def test_claimreview_export_counts_the_reviews_it_wrote(qtbot, annotated_window, tmp_path):
    window, _ = annotated_window
    choose(qtbot, window, tmp_path / "reviews.json", "claimreview")
    message = window.statusBar().currentMessage()
    assert "Exported 0 claim reviews; 1 annotation without a verdict left out" in message


def test_choosing_a_format_gives_the_name_its_suffix(qtbot, annotated_window):
    window, _ = annotated_window
    window.exporter.action.trigger()
    dialog = window.exporter.dialog
    qtbot.waitExposed(dialog)
    assert dialog.selectedFiles()[0].endswith("story.jsonld")
    from PySide6.QtWidgets import QComboBox

    types = dialog.findChild(QComboBox, "fileTypeCombo")  # "Files of type"
    types.setCurrentIndex(types.findText(FILTERS["csv"]))
    types.activated.emit(types.currentIndex())  # as a pick in the list does
    assert dialog.selectedFiles()[0].endswith("story.csv")
    dialog.reject()
