"""Many highlights on a long article: those on screen are drawn wherever the reader scrolls, only
those near the screen become extra selections, and one edit updates the table and the article."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, QRect, Qt
from PySide6.QtGui import QTextCharFormat, QTextCursor, QWheelEvent
from PySide6.QtWidgets import QApplication

from annotator.core.annotations import AddAnnotation, AnnotationStore, Batch, DEFAULT_LABELS
from annotator.core.extraction.model import Person, Span
from annotator.core.readers import read_article
from annotator.qt.annotations.annotation_highlights import ANNOTATION_LAYER, line_pieces
from annotator.qt.article import highlight_layers
from annotator.qt.article.highlight_layers import MIN_MARGIN_CHARS
from annotator.qt.window.main_window import MainWindow
from tests.qt.conftest import HARBOUR, open_and_wait
from tests.qt.test_annotating import select

pytestmark = pytest.mark.gui

COUNT = 1500
USER_PROPERTY = QTextCharFormat.Property.UserProperty  # where a highlight's format keeps its annotation id


@pytest.fixture
def long_article(tmp_path) -> Path:
    """About 130,000 characters (the harbour story, numbered, many times) with 1,500 annotations."""
    story = HARBOUR.read_text(encoding="utf-8").strip()
    path = tmp_path / "long.txt"
    path.write_text("\n\n".join(f"Part {n}.\n\n{story}" for n in range(120)), encoding="utf-8")
    article = read_article(path)
    store = AnnotationStore.open(article)
    text = article.text
    rng = random.Random(5)
    labels = [label.name for label in DEFAULT_LABELS]
    operations = []
    stride = len(text) // COUNT
    for n in range(COUNT):
        start = n * stride + rng.randrange(stride // 2)
        end = start + rng.randint(5, 120)
        if n % 9 == 0 and operations:  # inside the previous one
            outer = operations[-1].annotation
            start, end = outer.start + 1, max(outer.start + 2, outer.end - 1)
        operations.append(AddAnnotation.new(store.annotations, start, end, rng.choice(labels)))
    store.annotations.apply(Batch(tuple(operations)))
    store.save()
    return path


def visible_range(window: MainWindow) -> tuple[int, int]:
    """Code points of the blocks on screen, found by walking every block from the top.

    Walking lays the document out further, which can shorten the scroll range (on the next
    turn of the event loop) and move the view; the walk is repeated until the view stays put.
    """
    view = window.view
    layout = view.document().documentLayout()
    height = view.viewport().height()
    while True:
        scrolled = view.verticalScrollBar().value()
        block = view.document().firstBlock()
        shown: list[int] = []
        while block.isValid():
            rect = layout.blockBoundingRect(block).translated(0, -scrolled)
            if rect.top() > height:
                break
            if rect.bottom() >= 0:
                shown += [block.position(), block.position() + block.length() - 1]
            block = block.next()
        QApplication.processEvents()
        if shown and scrolled == view.verticalScrollBar().value():
            return view.position_map.to_text(min(shown)), view.position_map.to_text(max(shown))


def drawn_spans(window: MainWindow) -> list[tuple[int, int]]:
    position_map = window.view.position_map
    return [
        position_map.span_to_text(mark.cursor.selectionStart(), mark.cursor.selectionEnd())
        for mark in window.view.extraSelections()
    ]


def pieces_touching(window: MainWindow, start: int, end: int) -> set[tuple[int, int]]:
    text = window.view.article.text
    return {
        piece
        for annotation in window.annotations.store.annotations
        for piece in line_pieces(text, annotation.start, annotation.end)
        if piece[0] < end and piece[1] > start
    }


def assert_drawn_near_the_screen(window: MainWindow) -> None:
    low, high = visible_range(window)
    drawn = drawn_spans(window)
    assert pieces_touching(window, low, high) <= set(drawn), "a highlight on screen is not drawn"
    margin = 2 * max(high - low, MIN_MARGIN_CHARS)  # about a screen or MIN_MARGIN_CHARS each side, with room
    far = [span for span in drawn if not (span[0] < high + margin and span[1] > low - margin)]
    assert not far, f"drawn far off screen {low}..{high}: {far[:3]}"
    assert len(drawn) < len(window.view.highlights.layer(ANNOTATION_LAYER)) / 3


def page_pixels(window: MainWindow, offset: int) -> int:
    """How many pixels of the character cell at ``offset`` show the bare page colour."""
    view = window.view
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.position_map.to_document(offset))
    left = view.cursorRect(cursor)
    cursor.setPosition(view.position_map.to_document(offset + 1))
    right = view.cursorRect(cursor)
    cell = QRect(left.left() + 1, left.top() + 2, max(1, right.left() - left.left() - 2), left.height() - 4)
    image = view.viewport().grab(cell).toImage()
    page = view.viewport().palette().color(view.viewport().backgroundRole()).rgb()
    return sum(image.pixel(x, y) == page for x in range(image.width()) for y in range(image.height()))


def on_screen_offsets(window: MainWindow) -> tuple[int, int]:
    """An annotated and a plain letter, both in the middle of the screen."""
    low, high = visible_range(window)
    text = window.view.article.text
    covered = {i for a in window.annotations.store.annotations for i in range(a.start, a.end)}
    middle = range((low + high) // 2 - 400, (low + high) // 2 + 400)
    annotated = next(i for i in middle if i in covered and text[i].isalpha())
    plain = next(i for i in middle if i not in covered and text[i].isalpha())
    return annotated, plain


def wheel_down(window: MainWindow) -> None:
    viewport = window.view.viewport()
    centre = QPointF(viewport.rect().center())
    event = QWheelEvent(
        centre, viewport.mapToGlobal(centre), QPoint(), QPoint(0, -120),
        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False,
    )  # fmt: skip
    QApplication.sendEvent(viewport, event)


def test_highlights_are_drawn_wherever_the_reader_scrolls(qtbot, window, long_article):
    open_and_wait(qtbot, window, long_article)
    assert len(window.view.highlights.layer(ANNOTATION_LAYER)) >= COUNT
    assert_drawn_near_the_screen(window)
    bar = window.view.verticalScrollBar()
    for fraction in (0.5, 0.93, 1.0):
        bar.setValue(int(bar.maximum() * fraction))
        assert_drawn_near_the_screen(window)
    for _ in range(30):  # wheel back up past the drawn range
        bar.setValue(bar.value() - bar.pageStep() // 2)
        wheel_down(window)
        bar.setValue(bar.value() - bar.pageStep() // 2)
        assert_drawn_near_the_screen(window)
    annotated, plain = on_screen_offsets(window)
    assert page_pixels(window, annotated) == 0, "the highlight is not painted"
    assert page_pixels(window, plain) > 0


def test_a_resize_and_a_zoom_draw_what_comes_into_view(qtbot, window, long_article):
    open_and_wait(qtbot, window, long_article)
    bar = window.view.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    window.resize(window.width(), window.height() + 300)
    qtbot.waitUntil(lambda: set(pieces_touching(window, *visible_range(window))) <= set(drawn_spans(window)))
    for _ in range(4):
        window.actions.zoom_out.trigger()
    assert_drawn_near_the_screen(window)


def test_adding_and_undoing_one_far_down_updates_table_and_article(qtbot, window, long_article):
    open_and_wait(qtbot, window, long_article)
    panel = window.annotations_panel
    window.sidebar.setCurrentWidget(panel)
    bar = window.view.verticalScrollBar()
    bar.setValue(int(bar.maximum() * 0.9))
    low, high = visible_range(window)
    text = window.view.article.text
    start = text.index("harbour", (low + high) // 2)
    end = start + len("harbour")
    rows_before = panel.filter_model.rowCount()

    select(window, start, end)
    qtbot.keyClick(window.view, "2")  # Evidence
    added = next(a for a in window.annotations.store.annotations if (a.start, a.end, a.label) == (start, end, "Evidence"))
    assert panel.filter_model.rowCount() == rows_before + 1
    row = panel.model.row_of(added.id)
    assert panel.model.index(row, 0).data() == "Evidence"
    assert row == sorted(window.annotations.store.annotations, key=lambda a: (a.start, a.end, a.id)).index(added)
    marks = [m for m in window.view.extraSelections() if m.format.property(USER_PROPERTY) == added.id]
    assert len(marks) == 1
    evidence = window.annotations.store.annotations.labels.get("Evidence").color
    assert marks[0].format.background().color().name() == evidence.lower()
    assert window.sidebar.tab_title(panel) == f"Annotations ({COUNT + 1})"

    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert panel.model.row_of(added.id) == -1
    assert panel.filter_model.rowCount() == rows_before
    assert not any(m.format.property(USER_PROPERTY) == added.id for m in window.view.extraSelections())
    assert window.sidebar.tab_title(panel) == f"Annotations ({COUNT})"

    window.annotations.redo_action.trigger()
    assert panel.model.row_of(added.id) >= 0
    assert any(m.format.property(USER_PROPERTY) == added.id for m in window.view.extraSelections())


def test_dark_theme_redraws_the_drawn_range(qtbot, window, long_article):
    open_and_wait(qtbot, window, long_article)
    bar = window.view.verticalScrollBar()
    bar.setValue(bar.maximum() // 3)
    window.actions.dark_theme.trigger()
    assert_drawn_near_the_screen(window)
    alphas = {m.format.background().color().alpha() for m in window.view.extraSelections()}
    assert alphas == {110}  # the dark page's opacity (80 on a light page)


def test_a_person_with_many_mentions_is_marked_near_the_screen(qtbot, window, long_article):
    open_and_wait(qtbot, window, long_article)
    text = window.view.article.text
    mentions = [Span(i, i + len("harbour")) for i in range(len(text)) if text.startswith("harbour", i)]
    person = Person("p1", "Harbour", [], None, mentions)
    window.links.show_person(person)
    assert len(window.view.highlights.layer("mentions")) == len(mentions) > 300
    bar = window.view.verticalScrollBar()
    bar.setValue(bar.maximum())
    low, high = visible_range(window)
    drawn = set(drawn_spans(window))
    on_screen = {(m.start, m.end) for m in mentions if m.start < high and m.end > low}
    assert on_screen and on_screen <= drawn
    assert len(window.view.extraSelections()) < len(mentions)


def test_the_top_line_is_found_while_the_layout_is_unfinished(qtbot, window, long_article):
    """Zooming keeps the reader's place by the first line on screen; Qt's own hit test answers
    a place far below while a long article is still being laid out."""
    open_and_wait(qtbot, window, long_article)
    bar = window.view.verticalScrollBar()
    text = window.view.article.text
    for value in (0, 5, bar.maximum() // 3, bar.maximum() // 2):
        bar.setValue(value)
        low, _ = visible_range(window)
        top = window.view.top_offset()
        first_text = low
        while first_text < len(text) and text[first_text] == "\n":  # a blank line's margin may show
            first_text += 1
        paragraph_end = text.find("\n", first_text)
        assert low <= top <= (paragraph_end if paragraph_end >= 0 else len(text))


def test_an_edit_keeps_the_table_scrolled_and_selected_where_the_reader_was(qtbot, window, long_article):
    open_and_wait(qtbot, window, long_article)
    panel = window.annotations_panel
    window.sidebar.setCurrentWidget(panel)
    chosen = panel.model.annotation_at(900)
    assert panel.select(chosen.id, emit=False)
    table_bar = panel.table.verticalScrollBar()
    table_bar.setValue(table_bar.value() + 3)  # the selected row moves up from the bottom edge
    place = table_bar.value()
    assert place > 0

    select(window, 3, 12)  # near the top of the article: its row goes in far above the selected one
    qtbot.keyClick(window.view, "1")
    assert panel.selected_id() == chosen.id
    assert table_bar.value() in (place, place + 1)  # one row more above, nothing else moved
    panel.note_edit.setPlainText("seen")
    panel.save_note()
    assert panel.selected_id() == chosen.id
    assert window.annotations.store.annotations.get(chosen.id).note == "seen"


def test_densely_marked_text_is_drawn_one_screen_around(qtbot, window, long_article, monkeypatch):
    monkeypatch.setattr(highlight_layers, "MAX_MARKS", 50)
    open_and_wait(qtbot, window, long_article)
    bar = window.view.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    assert_drawn_near_the_screen(window)
    top, bottom = window.view.highlights.visible_range()
    low, high = window.view.highlights.drawn_range
    assert high - low <= 3 * (bottom - top) + 2 < 2 * MIN_MARGIN_CHARS
