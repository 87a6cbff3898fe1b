"""Edit → Preferences: the annotator's name goes on each highlight and shows in the Annotations tab."""

from __future__ import annotations

import shutil

import pytest
from PySide6.QtCore import Qt

from annotator.core import preferences
from annotator.qt.annotations.annotations_model import AUTHOR
from annotator.qt.window.preferences_dialog import PreferencesDialog
from tests.qt.conftest import HARBOUR, open_and_wait
from tests.qt.test_annotating import saved_annotations, select, sidecar_of

pytestmark = pytest.mark.gui


def test_a_name_set_in_preferences_is_stored_on_new_highlights(qtbot, window, tmp_path):
    article = tmp_path / "story.txt"
    shutil.copyfile(HARBOUR, article)
    open_and_wait(qtbot, window, article)
    window.actions.preferences.trigger()  # Edit → Preferences…
    dialog = window.findChild(PreferencesDialog)
    qtbot.waitExposed(dialog)
    dialog.name_field.clear()
    qtbot.keyClicks(dialog.name_field, "Grace Hopper")
    qtbot.keyClick(dialog.name_field, Qt.Key.Key_Return)  # OK is the default button
    assert preferences.stored_annotator_name() == "Grace Hopper"
    qtbot.waitUntil(window.view.hasFocus)

    text = window.view.article.text
    start = text.index("harbour master")
    select(window, start, start + len("harbour master"))
    qtbot.keyClick(window.view, "1")
    qtbot.waitUntil(lambda: sidecar_of(article).exists() and not window.isWindowModified(), timeout=5000)
    assert saved_annotations(article)[0]["author"] == "Grace Hopper"
    panel = window.annotations_panel
    panel.select(saved_annotations(article)[0]["id"])
    assert panel.byline.text().startswith("Grace Hopper · ")
    assert panel.table.isColumnHidden(AUTHOR)  # one author: the column would say nothing new

    preferences.set_annotator_name("Katherine Johnson")  # a colleague annotates the same article
    start = text.index("harbour master", start + 1) if "harbour master" in text[start + 1 :] else text.index("storm")
    select(window, start, start + 5)
    qtbot.keyClick(window.view, "2")
    assert not panel.table.isColumnHidden(AUTHOR)
    shown = {panel.table.model().index(row, AUTHOR).data() for row in range(panel.table.model().rowCount())}
    assert shown == {"Grace Hopper", "Katherine Johnson"}
