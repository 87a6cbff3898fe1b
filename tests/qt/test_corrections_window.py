"""Correcting quotes and people in the window: keys and menus, marks, undo, the file on disk."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from annotator.core.article import Article
from annotator.core.corrections.apply import apply_corrections
from annotator.core.corrections.model import Anchor, Correction
from annotator.qt.corrections.model import CorrectionsModel
from annotator.qt.window.main_window import MainWindow
from annotator.qt.sidebar.quotes_model import CORRECTED_ROLE
from tests.qt.conftest import HARBOUR, harbour_extraction, open_and_wait

pytestmark = pytest.mark.gui


@pytest.fixture
def article(tmp_path) -> Path:
    copy = tmp_path / HARBOUR.name  # the hand-made extraction is for this file name
    shutil.copyfile(HARBOUR, copy)
    return copy


def sidecar_of(article: Path) -> dict:
    return json.loads(article.with_name(article.name + ".annotations.json").read_text(encoding="utf-8"))


def select_quote_row(qtbot, window: MainWindow, quote_id: str) -> None:
    window.sidebar.setCurrentWidget(window.sidebar.quotes)
    assert window.sidebar.quotes.select_quote(quote_id)
    window.sidebar.quotes.list.setFocus()
    qtbot.waitUntil(window.sidebar.quotes.list.hasFocus)


def select_person_row(qtbot, window: MainWindow, person_id: str) -> None:
    window.sidebar.setCurrentWidget(window.sidebar.people)
    window.sidebar.people.select_person(person_id)
    window.sidebar.people.table.setFocus()
    qtbot.waitUntil(window.sidebar.people.table.hasFocus)


def answer(qtbot, window: MainWindow, text: str) -> None:
    """Give the open name dialog ``text`` and press Enter.

    Without completion the text is typed key by key; with it, the text is put in as choosing
    it from the completion does (QTest types ASCII only, and the offscreen platform warns when
    the completion popup opens).
    """
    dialog = window.corrections.dialog
    assert dialog is not None and dialog.isVisible()
    if text.isascii() and not dialog.edit.completer().model().rowCount():
        qtbot.keyClick(dialog.edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClicks(dialog.edit, text)
    else:
        dialog.edit.setText(text)
    qtbot.keyClick(dialog.edit, Qt.Key.Key_Return)
    assert window.corrections.dialog is None or not window.corrections.dialog.isVisible()


def saved(qtbot, window: MainWindow, article: Path) -> dict:
    qtbot.waitUntil(lambda: not window.isWindowModified(), timeout=5000)
    return sidecar_of(article)


def test_change_speaker_with_f2_updates_the_card_the_people_and_the_file(qtbot, window, article):
    open_and_wait(qtbot, window, article)
    quote = window.sidebar.quotes.model.quote(2)  # ‘We sent the warning…’ — Tomasz Wiśniewski
    select_quote_row(qtbot, window, quote.id)
    qtbot.keyClick(window.sidebar.quotes.list, Qt.Key.Key_F2)
    completer = window.corrections.dialog.edit.completer()
    completer.setCompletionPrefix("lef")  # completion over the article's people, any part of the name
    assert completer.currentCompletion() == "Renée Lefèvre"
    answer(qtbot, window, "Renée Lefèvre")

    shown = window.sidebar.quotes.current_quote()
    assert shown.id == quote.id and shown.speaker == "Renée Lefèvre" and shown.corrected
    row = window.sidebar.quotes.model.row_of(quote.id)
    assert window.sidebar.quotes.model.index(row, 0).data(CORRECTED_ROLE) is True
    people = {p.name: p.quote_count for p in window.corrections.extraction.people}
    assert people["Renée Lefèvre"] == 4 and people["Tomasz Wiśniewski"] == 1
    assert "Corrected by you; the extractor said Tomasz Wiśniewski" in window.sidebar.quotes.model.index(row, 0).data(
        Qt.ItemDataRole.ToolTipRole
    )
    assert window.links.tooltip_for(quote.start + 2).startswith("Quote — Renée Lefèvre")  # hovering the article
    data = saved(qtbot, window, article)
    assert data["version"] == 2 and [c["operation"] for c in data["corrections"]] == ["quote.speaker"]
    assert data["corrections"][0]["value"] == "Renée Lefèvre"

    window.annotations.undo_action.trigger()  # one step: the extractor's speaker returns
    assert window.sidebar.quotes.model.quote(2).speaker == "Tomasz Wiśniewski"
    assert saved(qtbot, window, article)["corrections"] == []


def test_not_a_quote_with_delete_and_the_corrections_list_withdraws_it(qtbot, window, article):
    open_and_wait(qtbot, window, article)
    first = window.sidebar.quotes.model.quote(0)
    total = window.sidebar.quotes.model.rowCount()
    select_quote_row(qtbot, window, first.id)
    qtbot.keyClick(window.sidebar.quotes.list, Qt.Key.Key_Delete)
    assert window.sidebar.quotes.model.rowCount() == total - 1
    assert window.sidebar.tab_title(window.sidebar.quotes) == f"Quotes ({total - 1})"

    view = window.corrections_view
    window.sidebar.setCurrentWidget(window.annotations_panel)
    assert view.isVisible() and view.title.text() == "Corrections (1)"
    assert "not a quote" in view.list.model().index(0, 0).data()
    view.list.setCurrentIndex(view.list.model().index(0, 0))
    qtbot.mouseClick(view.withdraw_button, Qt.MouseButton.LeftButton)
    assert window.sidebar.quotes.model.rowCount() == total
    assert saved(qtbot, window, article)["corrections"] == []
    window.annotations.undo_action.trigger()  # withdrawing is undoable too
    assert window.sidebar.quotes.model.rowCount() == total - 1


def test_people_tab_rename_merge_and_not_a_person(qtbot, window, article):
    open_and_wait(qtbot, window, article)
    select_person_row(qtbot, window, "p2")
    qtbot.keyClick(window.sidebar.people.table, Qt.Key.Key_F2)
    answer(qtbot, window, "Tom Wiśniewski")
    names = [p.name for p in window.corrections.extraction.people]
    assert "Tom Wiśniewski" in names
    row = window.sidebar.people.model.row_of("p2")
    assert window.sidebar.people.model.index(row, 0).data() == "Tom Wiśniewski ✎"
    assert {q.speaker for q in window.corrections.extraction.quotes if q.speaker_id == "p2"} == {"Tom Wiśniewski"}

    select_person_row(qtbot, window, "p3")
    qtbot.keyClick(window.sidebar.people.table, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    answer(qtbot, window, "Renée Lefèvre")
    assert [p.id for p in window.corrections.extraction.people] == ["p1", "p2"]

    select_person_row(qtbot, window, "p2")
    qtbot.keyClick(window.sidebar.people.table, Qt.Key.Key_Delete)
    assert [p.id for p in window.corrections.extraction.people] == ["p1"]
    assert all(q.speaker_id != "p2" for q in window.corrections.extraction.quotes)
    data = saved(qtbot, window, article)
    assert [c["operation"] for c in data["corrections"]] == ["person.rename", "person.merge", "person.not_person"]

    for _ in range(3):
        window.annotations.undo_action.trigger()
    assert [p.name for p in window.corrections.extraction.people] == [p.name for p in harbour_extraction(window.view.article).people]


def test_corrections_come_back_when_the_article_is_opened_again(qtbot, window, article):
    open_and_wait(qtbot, window, article)
    quote = window.sidebar.quotes.model.quote(0)
    assert window.corrections.set_kind(quote, "scare")
    saved(qtbot, window, article)
    window.close_article()
    open_and_wait(qtbot, window, article)
    assert window.sidebar.quotes.model.quote(0).kind == "scare"
    assert window.corrections_view.title.text() == "Corrections (1)"


def test_a_linked_highlight_follows_the_corrected_speaker_and_undo_restores_it(qtbot, window, article):
    open_and_wait(qtbot, window, article)
    quote = window.sidebar.quotes.model.quote(2)
    highlight_id = window.annotations.highlight_quote(quote)
    assert window.annotations.store.annotations.get(highlight_id).speaker == "Tomasz Wiśniewski"
    assert window.corrections.set_speaker(quote, "a harbour clerk")
    assert window.annotations.store.annotations.get(highlight_id).speaker == "a harbour clerk"
    window.annotations.undo_action.trigger()
    assert window.annotations.store.annotations.get(highlight_id).speaker == "Tomasz Wiśniewski"


def test_a_correction_that_changes_nothing_is_refused_without_an_undo_step(qtbot, window, article):
    open_and_wait(qtbot, window, article)
    quote = window.sidebar.quotes.model.quote(2)
    steps = window.annotations.undo_stack.count()
    assert not window.corrections.set_speaker(quote, "Tomasz Wiśniewski")
    assert window.annotations.undo_stack.count() == steps
    assert "Nothing to correct" in window.statusBar().currentMessage()


def test_the_corrections_model_passes_the_model_tester(qtmodeltester):
    text = HARBOUR.read_text(encoding="utf-8")
    article = Article(source=HARBOUR, text=text)
    raw = harbour_extraction(article)
    quote = raw.quotes[0]
    corrections = [
        Correction.new("quote.not_quote", Anchor.over(text, quote.start, quote.end)),
        Correction.new("quote.kind", Anchor.over(text, quote.start, quote.end), value="scare"),
    ]
    model = CorrectionsModel()
    model.set_results(apply_corrections(raw, corrections, text).results)
    qtmodeltester.check(model)
    assert model.rowCount() == 2 and "no longer applies" in model.index(1, 0).data()


def test_a_missed_quote_and_person_from_a_selection_in_the_article(qtbot, window, article):
    from tests.qt.test_annotating import point_of_offset_in_view, select

    open_and_wait(qtbot, window, article)
    text = window.view.article.text
    words = "Café Étoile"
    start = text.index(words)
    select(window, start, start + len(words))
    actions = window.view.context_actions_at(point_of_offset_in_view(window, start + 2))
    by_text = {action.text(): action for action in actions}
    by_text["Add as Missed Person"].trigger()
    assert "Café Étoile" in [p.name for p in window.corrections.extraction.people]

    words = "repairs to the harbour wall would begin in the spring"
    start = text.index(words)
    select(window, start, start + len(words))
    actions = window.view.context_actions_at(point_of_offset_in_view(window, start + 2))
    {action.text(): action for action in actions}["Add as Missed Quote…"].trigger()
    answer(qtbot, window, "a passer-by")
    added = [q for q in window.corrections.extraction.quotes if q.start == start]
    assert [(q.speaker, q.corrected, q.proposed) for q in added] == [("a passer-by", True, None)]
    data = saved(qtbot, window, article)
    assert [c["operation"] for c in data["corrections"]] == ["person.add", "quote.add"]


def test_export_from_the_window_carries_the_corrections(qtbot, window, article, tmp_path):
    open_and_wait(qtbot, window, article)
    quote = window.sidebar.quotes.model.quote(2)
    assert window.corrections.set_speaker(quote, "a harbour clerk")
    written = window.exporter.export("w3c", tmp_path / "out.jsonld")
    items = json.loads(written[0].read_text(encoding="utf-8"))["first"]["items"]
    assert [item["annotator:correction"]["value"] for item in items if item["motivation"] == "editing"] == [
        "a harbour clerk"
    ]


def test_a_correction_whose_text_left_the_article_is_kept_listed_and_said(qtbot, window, article):
    open_and_wait(qtbot, window, article)
    byline = window.corrections.extraction.person("p3")  # Zoë Quiñones, in the byline
    assert window.corrections.not_a_person(byline)
    saved(qtbot, window, article)
    window.close_article()
    lines = article.read_text(encoding="utf-8").splitlines(keepends=True)
    article.write_text("".join(line for line in lines if not line.startswith("By ")), encoding="utf-8")
    open_and_wait(qtbot, window, article)
    qtbot.waitUntil(lambda: "1 correction no longer applies" in window.statusBar().currentMessage())
    assert "highlights were re-attached" in window.statusBar().currentMessage()
    window.sidebar.setCurrentWidget(window.annotations_panel)
    row = window.corrections_view.list.model().index(0, 0)
    assert row.data() == "text gone: “Zoe\u0308 Quiñones”: not a person"
    window.annotations.save_action.trigger()  # re-anchored records are written at the next save
    data = saved(qtbot, window, article)  # kept as an orphan, not dropped
    assert [c["anchor"]["status"] for c in data["corrections"]] == ["orphan"]


def test_a_sidecar_with_a_correction_that_cannot_be_built_opens_read_only_with_the_reason(qtbot, window, article):
    open_and_wait(qtbot, window, article)
    quote = window.sidebar.quotes.model.quote(0)
    assert window.corrections.set_kind(quote, "scare")
    saved(qtbot, window, article)
    window.close_article()
    path = article.with_name(article.name + ".annotations.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    data["corrections"][0]["value"] = "shouted"  # a kind no Annotator writes
    damaged = json.dumps(data).encode("utf-8")
    path.write_bytes(damaged)
    problems: list[str] = []
    window.annotations.problem_shown.connect(problems.append)

    open_and_wait(qtbot, window, article)

    assert window.annotations.store.read_only and problems
    assert "corrections[0] cannot be applied" in str(window.annotations.store.problem)
    assert window.sidebar.quotes.model.quote(0).kind != "scare"  # the extractor's own result is shown
    assert path.read_bytes() == damaged


def test_split_off_a_name_from_the_people_menu(qtbot, window, article):
    open_and_wait(qtbot, window, article)
    text = window.view.article.text
    select_person_row(qtbot, window, "p1")
    dialog = window.corrections.ask_split_alias(window.sidebar.people.current_person())
    assert dialog is not None and dialog.edit.text() == "Lefèvre"  # the one other written form, offered
    qtbot.keyClick(dialog.edit, Qt.Key.Key_Return)
    people = {p.name: p for p in window.corrections.extraction.people}
    assert [text[m.start : m.end] for m in people["Lefèvre"].mentions] == ["Lefèvre", "Lefèvre"]
    assert [text[m.start : m.end] for m in people["Renée Lefèvre"].mentions] == ["Renée Lefèvre", "Renée Lefèvre"]
    data = saved(qtbot, window, article)
    assert [(c["operation"], c.get("value")) for c in data["corrections"]] == [("person.split_alias", "Lefèvre")]
    window.annotations.undo_action.trigger()
    assert "Lefèvre" not in [p.name for p in window.corrections.extraction.people]


def test_a_person_written_one_way_has_nothing_to_split(qtbot, window, article):
    open_and_wait(qtbot, window, article)
    select_person_row(qtbot, window, "p3")
    assert window.corrections.ask_split_alias(window.sidebar.people.current_person()) is None
    assert "no other name to split off" in window.statusBar().currentMessage()


def test_set_a_quotes_span_to_the_selected_words(qtbot, window, article):
    from tests.qt.test_annotating import point_of_offset_in_view, select

    open_and_wait(qtbot, window, article)
    text = window.view.article.text
    words = "“We lost everything in the cellar: flour, wine, the new oven 🔥."
    start = text.index(words)
    select(window, start, start + len(words))
    actions = {a.text(): a for a in window.view.context_actions_at(point_of_offset_in_view(window, start + 2))}
    actions["Set as the Quote's Span"].trigger()
    (quote,) = [q for q in window.corrections.extraction.quotes if q.id == "q2"]
    assert (quote.start, quote.end, quote.corrected) == (start, start + len(words), True)
    data = saved(qtbot, window, article)
    (correction,) = data["corrections"]
    target = correction["target"]
    assert correction["operation"] == "quote.span" and (target["start"], target["end"]) == (start, start + len(words))
    window.annotations.undo_action.trigger()
    (quote,) = [q for q in window.corrections.extraction.quotes if q.id == "q2"]
    assert text[quote.start : quote.end].endswith("called,”")
