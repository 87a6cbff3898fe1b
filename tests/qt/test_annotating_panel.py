"""The Annotations tab: listing, filtering, clicking highlights, and editing round-trips to disk."""

from __future__ import annotations

import shutil

import pytest
from PySide6.QtCore import Qt

from annotator.core.annotations import AnnotationSet, LabelSet
from annotator.core.annotations.operations import AddAnnotation
from annotator.qt.annotations.annotations_model import AnnotationsFilterModel, AnnotationsModel
from annotator.qt.window.main_window import MainWindow
from tests.qt.conftest import HARBOUR, open_and_wait
from tests.qt.test_annotating import article, saved_annotations, select  # noqa: F401 (fixture)
from tests.qt.test_annotating import point_of_offset_in_view

pytestmark = pytest.mark.gui


def annotate(qtbot, window: MainWindow, start: int, end: int, key: str) -> str:
    select(window, start, end)
    qtbot.keyClick(window.view, key)
    return _id_at(window, start, end)


def _id_at(window: MainWindow, start: int, end: int) -> str:
    return next(a.id for a in window.annotations.store.annotations if (a.start, a.end) == (start, end))


def show_in_tab(window: MainWindow, annotation_id: str):
    """Bring up the Annotations tab with ``annotation_id`` selected; returns the panel."""
    panel = window.annotations_panel
    window.sidebar.setCurrentWidget(panel)
    assert panel.select(annotation_id)
    return panel


def give_focus(qtbot, widget) -> None:
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus)


def save(window: MainWindow) -> None:
    window.annotations.save_action.trigger()
    assert not window.isWindowModified()


def test_models_pass_qtmodeltester(qtmodeltester):
    annotations = AnnotationSet("The council said the wall would be rebuilt in spring.", LabelSet())
    annotations.apply(AddAnnotation.new(annotations, 4, 11, "Claim", tags=["council"], note="check"))
    annotations.apply(AddAnnotation.new(annotations, 0, 20, "Opinion", verdict="False"))
    model = AnnotationsModel()
    model.set_annotations(annotations)
    qtmodeltester.check(model)
    proxy = AnnotationsFilterModel()
    proxy.setSourceModel(model)
    proxy.set_criteria(label="Claim")
    qtmodeltester.check(proxy)
    assert proxy.rowCount() == 1


def test_tab_lists_filters_and_counts(qtbot, window, article):  # noqa: F811
    open_and_wait(qtbot, window, article)
    panel = window.annotations_panel
    annotate(qtbot, window, 10, 30, "1")
    annotate(qtbot, window, 70, 95, "2")
    assert window.sidebar.tab_title(panel) == "Annotations (2)"
    assert panel.model.index(0, 0).data() == "Claim"
    panel.label_filter.setCurrentText("Evidence")
    assert panel.filter_model.rowCount() == 1
    assert window.sidebar.tab_title(panel) == "Annotations (1/2)"
    panel.label_filter.setCurrentIndex(0)
    qtbot.keyClicks(panel.text_filter, window.view.article.text[72:80])
    assert panel.filter_model.rowCount() == 1
    panel.text_filter.clear()
    panel.review_filter.setChecked(True)
    assert panel.filter_model.rowCount() == 0


def test_clicking_a_highlight_selects_it_in_the_tab(qtbot, window, article):  # noqa: F811
    open_and_wait(qtbot, window, article)
    annotate(qtbot, window, 10, 30, "1")
    nested = annotate(qtbot, window, 16, 20, "2")  # "café": a highlight starts on its word
    window.view.setTextCursor(window.view.cursorForPosition(window.view.rect().topLeft()))  # clear selection
    qtbot.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton, pos=point_of_offset_in_view(window, 17))
    assert window.sidebar.currentWidget() is window.annotations_panel
    assert window.annotations_panel.selected_id() == nested


def test_detail_edits_are_undoable_and_round_trip_to_disk(qtbot, make_window, article):  # noqa: F811
    window = make_window()
    open_and_wait(qtbot, window, article)
    panel = window.annotations_panel
    annotation_id = annotate(qtbot, window, 10, 30, "1")
    assert panel.select(annotation_id)
    panel.label_edit.setCurrentText("Question")
    panel.label_edit.activated.emit(panel.label_edit.currentIndex())
    panel.tags_edit.setText("harbour, follow up")
    panel.tags_edit.editingFinished.emit()
    panel.verdict_edit.setCurrentIndex(panel.verdict_edit.findText("False"))
    panel.verdict_edit.activated.emit(panel.verdict_edit.currentIndex())
    panel.note_edit.setPlainText("Ask the harbour office.")
    qtbot.mouseClick(panel.apply_note_button, Qt.MouseButton.LeftButton)
    assert window.annotations.undo_stack.count() == 5
    save(window)
    (saved,) = saved_annotations(article)
    assert (saved["label"], set(saved["tags"]), saved["verdict"], saved["note"]) == (
        "Question",
        {"harbour", "follow up"},
        "False",
        "Ask the harbour office.",
    )
    assert set(panel.tag_completions.stringList()) == {"harbour", "follow up"}
    window.annotations.undo_action.trigger()  # the note
    assert window.annotations.store.annotations.get(annotation_id).note == ""
    window.annotations.redo_action.trigger()
    save(window)
    window.close()

    again = make_window()
    open_and_wait(qtbot, again, article)
    restored = again.annotations.store.annotations.get(annotation_id)
    assert (restored.label, set(restored.tags), restored.verdict, restored.note) == (
        "Question",
        {"harbour", "follow up"},
        "False",
        "Ask the harbour office.",
    )


def test_delete_and_adjust_span(qtbot, window, article):  # noqa: F811
    open_and_wait(qtbot, window, article)
    panel = window.annotations_panel
    first = annotate(qtbot, window, 10, 30, "1")
    second = annotate(qtbot, window, 40, 60, "2")
    panel.select(first)
    select(window, 12, 35)
    qtbot.mouseClick(panel.adjust_button, Qt.MouseButton.LeftButton)
    moved = window.annotations.store.annotations.get(first)
    assert (moved.start, moved.end, moved.selector.exact) == (12, 35, window.view.article.text[12:35])
    panel.select(second)
    qtbot.mouseClick(panel.delete_button, Qt.MouseButton.LeftButton)
    assert second not in window.annotations.store.annotations
    save(window)
    assert [(a["start"], a["end"]) for a in saved_annotations(article)] == [(12, 35)]
    window.annotations.undo_action.trigger()
    assert second in window.annotations.store.annotations


def test_highlight_this_quote_links_quote_and_speaker(qtbot, window, tmp_path):
    article = tmp_path / HARBOUR.name  # the test extraction knows the harbour article by name
    shutil.copyfile(HARBOUR, article)
    open_and_wait(qtbot, window, article)
    quotes = window.sidebar.quotes
    quote = window.current.extraction.quotes[2]
    assert quotes.select_quote(quote.id)
    assert window.highlight_quote_action in quotes.menu_actions
    window.highlight_quote_action.trigger()
    (annotation,) = list(window.annotations.store.annotations)
    assert (annotation.start, annotation.end, annotation.label) == (quote.start, quote.end, "Quote")
    assert (annotation.quote_id, annotation.speaker) == (quote.id, "Tomasz Wiśniewski")
    window.highlight_quote_action.trigger()  # the same quote again: not highlighted twice
    assert len(window.annotations.store.annotations) == 1
    save(window)
    (saved,) = saved_annotations(article)
    assert (saved["quote_id"], saved["speaker"]) == (quote.id, "Tomasz Wiśniewski")


def test_delete_key_in_the_table_deletes_the_selected_annotation(qtbot, window, article):  # noqa: F811
    open_and_wait(qtbot, window, article)
    annotation_id = annotate(qtbot, window, 10, 30, "1")
    panel = show_in_tab(window, annotation_id)
    give_focus(qtbot, panel.table)
    qtbot.keyClick(panel.table, Qt.Key.Key_Delete)
    assert annotation_id not in window.annotations.store.annotations
    assert window.annotations.undo_stack.undoText() == "Delete highlight"


def test_toolbar_offers_the_highlight_menu(qtbot, window, article):  # noqa: F811
    open_and_wait(qtbot, window, article)
    assert window.annotate_menu.menuAction() in window.toolbar.actions()


def test_leaving_the_note_keeps_it(qtbot, window, article):  # noqa: F811
    open_and_wait(qtbot, window, article)
    first = annotate(qtbot, window, 10, 30, "1")
    second = annotate(qtbot, window, 40, 60, "2")
    panel = show_in_tab(window, first)
    give_focus(qtbot, panel.note_edit)
    qtbot.keyClicks(panel.note_edit, "typed, never saved by hand")
    give_focus(qtbot, panel.table)
    panel.select(second)
    assert window.annotations.store.annotations.get(first).note == "typed, never saved by hand"
    assert window.annotations.store.annotations.get(second).note == ""
    assert panel.note_edit.toPlainText() == ""


def test_moved_annotation_needs_review_until_accepted(qtbot, make_window, article):  # noqa: F811
    window = make_window()
    open_and_wait(qtbot, window, article)
    text = window.view.article.text
    start = text.index("A spokesman")
    annotation_id = annotate(qtbot, window, start, start + 11, "1")
    save(window)
    window.close()
    article.write_text("Editor's note: updated.\n\n" + text, encoding="utf-8")

    again = make_window()
    open_and_wait(qtbot, again, article)
    moved = again.annotations.store.annotations.get(annotation_id)
    assert moved.status == "moved" and moved.start == start + len("Editor's note: updated.\n\n")
    panel = show_in_tab(again, annotation_id)
    panel.review_filter.setChecked(True)
    assert panel.filter_model.rowCount() == 1
    assert panel.accept_button.isVisibleTo(panel)
    qtbot.mouseClick(panel.accept_button, Qt.MouseButton.LeftButton)
    assert again.annotations.store.annotations.get(annotation_id).status == "anchored"
    assert panel.filter_model.rowCount() == 0


def test_tooltip_over_a_highlight_shows_label_tags_verdict_and_note(qtbot, window, article):  # noqa: F811
    open_and_wait(qtbot, window, article)
    annotation_id = annotate(qtbot, window, 70, 95, "1")
    panel = show_in_tab(window, annotation_id)
    panel.tags_edit.setText("storm")
    panel.tags_edit.editingFinished.emit()
    panel.note_edit.setPlainText("Check the date.")
    panel.save_note()
    tip = window.view.tooltip_at(point_of_offset_in_view(window, 80))
    assert tip is not None and tip.startswith("Claim · storm") and "Check the date." in tip
