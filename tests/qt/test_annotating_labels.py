"""Labels dialog and tag rename: each change is one undo step and reaches the sidecar."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt

from tests.qt.conftest import open_and_wait
from tests.qt.test_annotating import article, saved_annotations, select  # noqa: F401 (fixture)

pytestmark = pytest.mark.gui


def annotate(qtbot, window, start: int, end: int, key: str) -> None:
    select(window, start, end)
    qtbot.keyClick(window.view, key)


def test_labels_dialog_adds_renames_recolours_and_deletes(qtbot, window, article):  # noqa: F811
    open_and_wait(qtbot, window, article)
    annotate(qtbot, window, 10, 30, "1")
    dialog = window.show_labels_dialog()
    assert dialog.list.count() == 6
    assert dialog.add_label("Satire")
    assert dialog.list.count() == 7
    assert dialog.rename_label("Claim", "Assertion")
    assert dialog.recolour_label("Assertion", "#123456")
    assert not dialog.delete_label("Assertion")  # in use: refused without a target
    assert "Assertion" in window.annotations.store.annotations.labels.names
    assert dialog.delete_label("Assertion", reassign_to="Opinion")
    assert [a.label for a in window.annotations.store.annotations] == ["Opinion"]
    window.annotations.save_action.trigger()
    data = json.loads(article.with_name(article.name + ".annotations.json").read_text(encoding="utf-8"))
    names = [label["name"] for label in data["labels"]]
    assert "Satire" in names and "Assertion" not in names and "Claim" not in names
    assert data["annotations"][0]["label"] == "Opinion"
    window.annotations.undo_action.trigger()  # the delete
    window.annotations.undo_action.trigger()  # the colour
    label = window.annotations.store.annotations.labels.get("Assertion")
    assert label is not None and label.color != "#123456"
    assert [a.label for a in window.annotations.store.annotations] == ["Assertion"]
    dialog.close()


def test_rename_tag_everywhere_round_trips(qtbot, window, article):  # noqa: F811
    open_and_wait(qtbot, window, article)
    annotate(qtbot, window, 10, 30, "1")
    annotate(qtbot, window, 40, 60, "2")
    panel = window.annotations_panel
    for row in range(2):
        panel.select(panel.model.annotation_at(row).id)
        panel.tags_edit.setText("flood, draft")
        panel.tags_edit.editingFinished.emit()
    assert window.annotations.rename_tag("draft", "checked")
    window.annotations.save_action.trigger()
    assert [set(a["tags"]) for a in saved_annotations(article)] == [{"flood", "checked"}] * 2
    window.annotations.undo_action.trigger()
    assert all("draft" in a.tags for a in window.annotations.store.annotations)


def test_annotate_menu_lists_labels_with_keys(qtbot, window, article):  # noqa: F811
    open_and_wait(qtbot, window, article)
    window._fill_annotate_menu()
    texts = [action.text() for action in window.annotate_menu.actions()]
    assert "Highlight as Claim\t1" in texts
    assert "&Labels…" in texts and "Rename &Tag…" in texts


def test_shortcuts_list_names_the_label_keys_and_undo(qtbot, window, article):  # noqa: F811
    from PySide6.QtCore import QObject

    from annotator.qt.window.help_dialogs import shortcut_rows

    open_and_wait(qtbot, window, article)
    rows = dict(shortcut_rows([*window.actions.all(), *window.annotations.shortcut_actions(QObject(window))]))
    assert rows["Highlight selection as Claim"] == "1"
    assert "Ctrl+Z" in rows["Undo"] and "Ctrl+S" in rows["Save Annotations"]


def test_giving_a_label_another_labels_key_swaps_them_in_one_undo_step(qtbot, window, article):  # noqa: F811
    open_and_wait(qtbot, window, article)
    dialog = window.show_labels_dialog()
    labels = lambda: window.annotations.store.annotations.labels  # noqa: E731
    claim_key, opinion_key = labels().get("Claim").key, labels().get("Opinion").key
    assert dialog.set_label_key("Opinion", claim_key)
    assert (labels().get("Opinion").key, labels().get("Claim").key) == (claim_key, opinion_key)
    annotate(qtbot, window, 10, 30, claim_key)  # the key now files under Opinion
    assert [a.label for a in window.annotations.store.annotations] == ["Opinion"]
    window.annotations.undo_action.trigger()  # the highlight
    window.annotations.undo_action.trigger()  # the swap, whole
    assert (labels().get("Claim").key, labels().get("Opinion").key) == (claim_key, opinion_key)
    assert dialog.set_label_key("Claim", None)
    assert labels().get("Claim").key is None
    assert "key" not in dialog.list.item(0).text()
    window.annotations.save_action.trigger()
    saved = json.loads(article.with_name(article.name + ".annotations.json").read_text(encoding="utf-8"))
    assert next(label for label in saved["labels"] if label["name"] == "Claim").get("key") is None
    dialog.close()


def _answer_the_name_dialog(qtbot, text: str) -> None:
    """Type ``text`` into the name dialog the next button opens, and press OK."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QInputDialog

    def answer() -> None:
        asking = QApplication.activeModalWidget()
        if not isinstance(asking, QInputDialog):
            QTimer.singleShot(10, answer)
            return
        asking.setTextValue(text)
        asking.accept()

    QTimer.singleShot(0, answer)


@pytest.mark.parametrize("name", ["Needs\nreview", "Needs\treview", "Needs\u2028review", "Needs\x07review"])
def test_labels_dialog_refuses_a_name_with_control_characters_and_says_why(qtbot, window, article, name):  # noqa: F811
    open_and_wait(qtbot, window, article)
    annotate(qtbot, window, 10, 30, "1")
    window.annotations.save_action.trigger()
    sidecar = article.with_name(article.name + ".annotations.json")
    before = json.loads(sidecar.read_text(encoding="utf-8"))["labels"]
    dialog = window.show_labels_dialog()
    _answer_the_name_dialog(qtbot, name)
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.problem.isVisible)
    assert "cannot contain line breaks, tabs or other control characters" in dialog.problem.text()
    assert dialog.list.count() == 6
    dialog.list.setCurrentRow(0)
    _answer_the_name_dialog(qtbot, "Claim " + name)
    qtbot.mouseClick(dialog.rename_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Claim" in dialog.problem.text())
    assert window.annotations.store.annotations.labels.names[0] == "Claim"
    window.annotations.save_action.trigger()
    assert json.loads(sidecar.read_text(encoding="utf-8"))["labels"] == before
    _answer_the_name_dialog(qtbot, "Needs review")  # a good name is added and the message goes
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.list.count() == 7)
    assert not dialog.problem.isVisible()
    dialog.close()
