"""The People tab's muted Credits group: photographers and bylines shown apart from the people."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QPalette

from annotator.core.extraction.model import Credit, Extraction, Person, Span
from annotator.qt.sidebar.people_model import CREDIT_KIND, CREDIT_NAME, CreditsModel
from tests.qt.conftest import open_and_wait

pytestmark = pytest.mark.gui

STORY = (
    "By Maren Solvik, Nordwire\n\n"
    "Harbour master Kofi Mensah said on Monday the ferry would sail again. "
    "Lena Brandt, a fisher, said the ice had gone.\n\n"
    "Boats waited at the quay. (Pia Halvorsen/Reuters)\n\n"
    "The ferry left at noon. (Pia Halvorsen/Reuters)\n"
)


def test_credits_model_passes_modeltester_and_is_muted(qtmodeltester):
    assert CreditsModel().rowCount() == 0
    model = CreditsModel()
    extraction = Extraction(
        people=[Person("p1", "Kofi Mensah", mentions=[Span(0, 11)])],
        credits=[Credit("Pia Halvorsen", "photo", 20, 33), Credit("Pia Halvorsen", "photo", 50, 63),
                 Credit("Noor Haddad", "files", 70, 81)],
    )
    model.set_extraction(extraction)
    qtmodeltester.check(model, force_py=True)
    assert model.rowCount() == 2  # one row per name and kind
    assert model.index(1, CREDIT_KIND).data() == "with files from"
    muted = QGuiApplication.palette().color(QPalette.ColorRole.PlaceholderText)
    assert model.index(0, CREDIT_NAME).data(Qt.ItemDataRole.ForegroundRole) == muted
    model.set_extraction(None)  # the tester watches the reset
    assert model.rowCount() == 0


def test_people_tab_shows_credits_apart_from_people(qtbot, real_window, tmp_path):
    path = tmp_path / "ferry.txt"
    path.write_text(STORY, encoding="utf-8")
    open_and_wait(qtbot, real_window, path)
    panel = real_window.sidebar.people
    real_window.sidebar.setCurrentWidget(panel)
    people = {panel.model.person(row).name for row in range(panel.model.rowCount())}
    assert people == {"Kofi Mensah", "Lena Brandt"}
    assert real_window.sidebar.tab_title(panel) == "People (2)"
    assert panel.credits_label.isVisible() and panel.credits_table.isVisible()
    assert panel.credits_label.text() == "Credits (2)" and not panel.credits_label.isEnabled()
    shown = [
        (panel.credits_model.index(row, CREDIT_NAME).data(), panel.credits_model.index(row, CREDIT_KIND).data())
        for row in range(panel.credits_model.rowCount())
    ]
    assert shown == [("Maren Solvik", "byline"), ("Pia Halvorsen", "photo")]

    plain = tmp_path / "plain.txt"
    plain.write_text("Kofi Mensah said the ferry would sail.\n", encoding="utf-8")
    open_and_wait(qtbot, real_window, plain)
    assert not panel.credits_label.isVisible() and not panel.credits_table.isVisible()
