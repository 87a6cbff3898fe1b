"""Highlights at scale: 10,000 annotations on a 1 MB article in the real window.

    python3 benchmarks/bench_highlights.py [--chars 1000000] [--annotations 10000]

Builds a ~1 MB article (``texts.write_article``) and a sidecar beside it holding 10,000
annotations made through the core API and saved with the real sidecar writer
(``annotated.annotate_article``): a mix of labels, tags, notes and verdicts, words to
sentences long, so neighbours overlap, and about one in ten nested inside the previous one. It then opens the article in the real ``MainWindow``
(offscreen unless a display is set, throwaway settings) and measures, as a reader meets them:

- open → highlights displayed: ``open_path`` until the annotations are bound and the view has
  painted (the text shows first; quotes and people are still being found in the background);
- one scroll step (a mouse-wheel step: ``wheelScrollLines`` lines) with a synchronous repaint,
  at five places from top to bottom, ten steps each; median and worst step;
- a jump (dragging the scroll bar to another place) with its repaint;
- adding one annotation as the user does (select a span, press the label's key) until its
  highlight is painted and its row is in the Annotations table, and undoing it (Ctrl+Z);
- marking the most-mentioned person (the People tab), whose mentions are a highlight layer too.

Each is measured with 0, 100 and 10,000 annotations on the same article in the same run, so
the cost of the annotations is visible beside the floor of showing the text at all. Timings
on a shared machine are noisy: every figure is the best of several runs (scroll steps: the
best of three sweeps per step, then median and worst over the steps).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from annotated import annotate_article
from figures import Figure, report
from texts import scratch_folder, write_article

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from annotator.core.annotations import AnnotationStore, sidecar_path_for
from annotator.core.readers import read_article
from annotator.qt.window.main_window import MainWindow
from annotator.qt.window.settings import AppSettings

AREA = "highlights"
SIZES = (0, 100, 10_000)
SCROLL_PLACES = (0.0, 0.25, 0.5, 0.75, 0.95)
STEPS_PER_PLACE = 10
SWEEPS = 3
EDIT_REPEATS = 5
OPEN_REPEATS = 3
TIMEOUT_S = 120.0


# -- the data ----------------------------------------------------------------------------------


def word_bounds(text: str, position: int) -> int:
    """The start of the word at or after ``position``."""
    while position < len(text) and not text[position].isalnum():
        position += 1
    while position > 0 and text[position - 1].isalnum():
        position -= 1
    return position


def word_end(text: str, position: int) -> int:
    """The end of the word at or before ``position`` (never before the word's start)."""
    position = min(position, len(text))
    while position < len(text) and text[position].isalnum():
        position += 1
    return position


def write_sidecar_with(article_path: Path, count: int) -> None:
    """Give ``article_path`` a sidecar with ``count`` annotations (none: no sidecar at all)."""
    if count:
        annotate_article(article_path, count)
    else:
        sidecar_path_for(article_path).unlink(missing_ok=True)


def time_sidecar_read(article_path: Path) -> float:
    """Reading and checking the sidecar alone (core): part of the open figure, not the window's."""
    article = read_article(article_path)
    began = time.perf_counter()
    AnnotationStore.open(article)
    return time.perf_counter() - began


# -- driving the window ------------------------------------------------------------------------


def wait_until(condition: Callable[[], bool], what: str) -> None:
    deadline = time.perf_counter() + TIMEOUT_S
    while not condition():
        if time.perf_counter() > deadline:
            raise TimeoutError(f"gave up waiting for {what}")
        QApplication.processEvents()
        time.sleep(0.0005)


def new_window(folder: Path) -> MainWindow:
    settings = AppSettings(QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat))
    window = MainWindow(settings)
    window.resize(1280, 820)
    window.show()
    window.sidebar.setCurrentWidget(window.annotations_panel)  # the table is on screen too
    QApplication.processEvents()
    return window


def close_window(window: MainWindow) -> None:
    window.annotations.flush()
    window.close()
    window.deleteLater()
    QApplication.processEvents()


def time_open(window: MainWindow, path: Path) -> float:
    """``open_path`` until the annotations are bound and the view painted (extraction may still run)."""
    began = time.perf_counter()
    window.open_path(path)
    wait_until(
        lambda: window.annotations.store is not None and window.annotations.store.article.source == path,
        "the annotations to bind",
    )
    window.view.viewport().repaint()
    return time.perf_counter() - began


def settle(window: MainWindow, path: Path) -> None:
    """Wait for extraction to finish and the whole document to be laid out (no background work)."""
    wait_until(lambda: window.current is not None and window.current.path == path, "extraction")
    document = window.view.document()
    document.documentLayout().blockBoundingRect(document.lastBlock())  # lays the document out to its end
    QApplication.processEvents()


def repaint(window: MainWindow) -> None:
    QApplication.processEvents()
    window.view.viewport().repaint()


def scroll_sweep(window: MainWindow) -> tuple[list[float], list[float]]:
    """Seconds per wheel step at each place, and per jump to each place."""
    bar = window.view.verticalScrollBar()
    step = bar.singleStep() * QApplication.wheelScrollLines()
    steps: list[float] = []
    jumps: list[float] = []
    for fraction in SCROLL_PLACES:
        began = time.perf_counter()
        bar.setValue(int(bar.maximum() * fraction))
        repaint(window)
        jumps.append(time.perf_counter() - began)
        for _ in range(STEPS_PER_PLACE):
            began = time.perf_counter()
            bar.setValue(bar.value() + step)
            repaint(window)
            steps.append(time.perf_counter() - began)
    return steps, jumps


def select_span(window: MainWindow, start: int, end: int) -> None:
    position_map = window.view.position_map
    cursor = QTextCursor(window.view.document())
    cursor.setPosition(position_map.to_document(start))
    cursor.setPosition(position_map.to_document(end), QTextCursor.MoveMode.KeepAnchor)
    window.view.setTextCursor(cursor)


def time_add_and_undo(window: MainWindow) -> tuple[float, float]:
    """Select a visible span, press "1"; then Ctrl+Z. Each until painted and the table updated."""
    view = window.view
    bar = view.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    repaint(window)
    text = view.article.text
    start = word_bounds(text, view.top_offset() + 300)  # a few lines down the screen
    end = word_end(text, start + 30)
    select_span(window, start, end)
    repaint(window)
    store = window.annotations.store
    model = window.annotations_panel.model
    before = set(annotation.id for annotation in store.annotations)

    began = time.perf_counter()
    QTest.keyClick(view, Qt.Key.Key_1, Qt.KeyboardModifier.NoModifier)
    repaint(window)
    added_time = time.perf_counter() - began
    added = [annotation.id for annotation in store.annotations if annotation.id not in before]
    if len(added) != 1 or model.row_of(added[0]) < 0:
        raise RuntimeError("pressing the label's key over a selection did not add one annotation row")

    began = time.perf_counter()
    QTest.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    repaint(window)
    undo_time = time.perf_counter() - began
    if model.row_of(added[0]) >= 0 or added[0] in store.annotations:
        raise RuntimeError("Ctrl+Z did not take the annotation back")
    return added_time, undo_time


def time_mark_person(window: MainWindow) -> tuple[float, int]:
    """Select the most-mentioned person in the People tab until the article is repainted."""
    extraction = window.current.extraction if window.current else None
    if extraction is None or not extraction.people:
        return 0.0, 0
    person = max(extraction.people, key=lambda p: len(p.mentions))
    began = time.perf_counter()
    window.links.show_person(person)
    repaint(window)
    elapsed = time.perf_counter() - began
    window.links.show_person(None)
    repaint(window)
    return elapsed, len(person.mentions)


def measure(folder: Path, article: Path, count: int) -> dict[str, float]:
    """Every figure for ``article`` carrying ``count`` annotations (best of several runs)."""
    write_sidecar_with(article, count)
    opens: list[float] = []
    figures: dict[str, float] = {}
    for _ in range(OPEN_REPEATS):
        window = new_window(folder)
        opens.append(time_open(window, article))
        settle(window, article)
        close_window(window)
    figures["open"] = min(opens)
    figures["sidecar_read"] = min(time_sidecar_read(article) for _ in range(OPEN_REPEATS))

    window = new_window(folder)
    time_open(window, article)
    settle(window, article)
    sweeps = [scroll_sweep(window) for _ in range(SWEEPS)]
    best_steps = [min(times) for times in zip(*(steps for steps, _ in sweeps))]
    best_jumps = [min(times) for times in zip(*(jumps for _, jumps in sweeps))]
    figures["step_median"] = statistics.median(best_steps)
    figures["step_worst"] = max(best_steps)
    figures["jump_worst"] = max(best_jumps)
    edits = [time_add_and_undo(window) for _ in range(EDIT_REPEATS)]
    figures["add"] = min(added for added, _ in edits)
    figures["undo"] = min(undone for _, undone in edits)
    marks = [time_mark_person(window) for _ in range(3)]
    figures["person"] = min(elapsed for elapsed, _ in marks)
    figures["person_mentions"] = marks[0][1]
    window.annotations.undo_stack.setClean()
    close_window(window)
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chars", type=int, default=1_000_000, help="article size in characters")
    parser.add_argument("--annotations", type=int, default=SIZES[-1], help="the large annotation count")
    args = parser.parse_args(argv)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    folder = scratch_folder()
    article = write_article(folder, args.chars)
    sizes = sorted({*SIZES[:-1], args.annotations})

    warm_up = write_article(folder, 20_000, "warm_up.txt")  # imports, fonts, first window: not measured
    window = new_window(folder)
    time_open(window, warm_up)
    settle(window, warm_up)
    close_window(window)

    results = {count: measure(folder, article, count) for count in sizes}
    app.processEvents()
    print(f"article: {args.chars / 1_000_000:g} MB; annotation counts compared: {', '.join(f'{s:,}' for s in results)}")
    report(figures_of(results, args.annotations, args.chars))
    return 0


def figures_of(results: dict[int, dict[str, float]], count: int, chars: int) -> list[Figure]:
    big = results[count]
    others = [size for size in results if size != count]

    def compared(key: str, scale: float = 1000.0) -> str:
        return "; ".join(f"{size:,} annotations: {results[size][key] * scale:.1f} ms" for size in others)

    size = f"{chars / 1_000_000:g} MB"
    return [
        Figure(
            AREA,
            f"open → {count:,} highlights shown ({size})",
            big["open"] * 1000,
            "ms",
            None,
            True,
            f"{compared('open')}; of which reading the sidecar (core): {big['sidecar_read'] * 1000:.0f} ms",
        ),
        Figure(AREA, "scroll step, median", big["step_median"] * 1000, "ms", 16, True, compared("step_median")),
        Figure(AREA, "scroll step, worst", big["step_worst"] * 1000, "ms", 16, True, compared("step_worst")),
        Figure(AREA, "jump (scroll bar drag), worst", big["jump_worst"] * 1000, "ms", None, True, compared("jump_worst")),
        Figure(AREA, "add one (select + key) until shown", big["add"] * 1000, "ms", 100, True, compared("add")),
        Figure(AREA, "undo it (Ctrl+Z) until shown", big["undo"] * 1000, "ms", 100, True, compared("undo")),
        Figure(
            AREA,
            f"mark a person ({int(big['person_mentions']):,} mentions)",
            big["person"] * 1000,
            "ms",
            None,
            True,
            compared("person"),
        ),
    ]


if __name__ == "__main__":
    sys.exit(main())
