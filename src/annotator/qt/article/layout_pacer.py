"""Lays out a long article in slices of a few milliseconds, so the window never stops responding.

QTextEdit lays a document out lazily on a 10 ms timer, but each step covers twice the text of
the one before, up to 200,000 characters: on a multi-megabyte article the event loop then stops
for 150–600 ms at a time, seconds on end, while the reader tries to scroll or select (measured
with ``benchmarks/bench_open.py``). Qt offers no setting for the step size, so the pacer takes
the stepping over:

* it filters the document layout's own lazy-layout timer (the layout's timer with a non-zero
  interval, found through ``QAbstractEventDispatcher.registeredTimers``; its other timer, which
  reports the growing size to the scroll bar, passes untouched);
* it lays out the next stretch itself: ``blockBoundingRect`` of a block further on lays out
  everything up to it, each stretch sized from the pace of the previous one so that a slice
  stays near ``SLICE_BUDGET_S``. Painting, hit tests and jumps still lay out what they need at
  once, as before, so nothing waits for the pacer.

Laying out from Python holds the interpreter (``blockBoundingRect`` does not release it), so
while the loader's worker extracts quotes and people the window ``hold()``s the pacer: the
reader's own scrolling still lays out what it shows, Qt's big steps stay filtered, and
extraction keeps the interpreter; ``release()`` carries on once the sidebar is filled
(measured on 10 MB: pacing during extraction delayed the sidebar by about a second).

The pacer keeps its own place (the next block to lay out) and starts again from the top
whenever the layout may have been reset: a new document, a new width, a zoom; and when Qt's
timer fires while the pacer is idle, which means a layout run began that it was not told of.
A reset while it is busy (QTextEdit copies a new widget font into its document) shows in
the last block it laid out, which has lost its lines: the pacer then starts again from the
top too, instead of laying out everything up to its old place in one slice.
Stretches already laid out (the visible page, a jump to the end) cost nothing to walk over.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QAbstractEventDispatcher, QEvent, QObject, QTimer, QTimerEvent
from PySide6.QtGui import QTextBlock
from shiboken6 import isValid

SLICE_BUDGET_S = 0.008
FIRST_SLICE_BLOCKS = 16
MAX_SLICE_BLOCKS = 20_000


def is_lazy_layout_timer(layout: QObject, timer_id: int) -> bool:
    """True for the layout's stepping timer (10 ms), False for its size-report timer (0 ms)."""
    dispatcher = QAbstractEventDispatcher.instance(layout.thread())
    if dispatcher is None:
        return False
    return any(info.timerId == timer_id and info.interval > 0 for info in dispatcher.registeredTimers(layout))


def _has_lines(block: QTextBlock) -> bool:
    layout = block.layout()
    return layout is not None and layout.lineCount() > 0


class LayoutPacer(QObject):
    """Drives the layout of one view's document in short slices until it is complete."""

    def __init__(self, document_source, parent: QObject | None = None) -> None:
        """``document_source()`` returns the view's current document (it changes per article)."""
        super().__init__(parent)
        self._document_source = document_source
        self._blocks_per_slice = FIRST_SLICE_BLOCKS
        self._next_block = 0
        self._laid_out: int | None = None  # the last block a slice laid out, to notice a reset
        self._watched: QObject | None = None
        self._held = False
        self._pending = False  # layout left to do (while held, the timer is stopped)
        self._timer = QTimer(self)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._slice)
        self.slices = 0

    @property
    def active(self) -> bool:
        """Laying out, or waiting to (held) with layout left to do."""
        return self._timer.isActive() or (self._held and self._pending)

    def hold(self) -> None:
        """Pause the slices (Qt's own big steps stay filtered) until ``release()``."""
        self._held = True
        self._pending = self._pending or self._timer.isActive()
        self._timer.stop()

    def release(self) -> None:
        self._held = False
        if self._pending and not self._timer.isActive():
            self._timer.start()

    def start(self) -> None:
        """Pace the layout from the top (call after a new document, a new width or a zoom)."""
        self._watch_layout()
        self._restart()
        self._pending = True
        if not self._held and not self._timer.isActive():
            self._timer.start()

    def _restart(self) -> None:
        self._blocks_per_slice = FIRST_SLICE_BLOCKS
        self._next_block = 0
        self._laid_out = None

    def _watch_layout(self) -> None:
        document = self._document_source()
        layout = document.documentLayout() if document is not None else None
        if layout is None or layout is self._watched:
            return
        if self._watched is not None and isValid(self._watched):
            self._watched.removeEventFilter(self)
        layout.installEventFilter(self)
        self._watched = layout

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.Timer and watched is self._watched and isinstance(event, QTimerEvent):
            if is_lazy_layout_timer(watched, event.timerId()):
                if not self._timer.isActive() and not self._pending:
                    self.start()  # a layout run began that nobody announced
                return True
        return super().eventFilter(watched, event)

    def _slice(self) -> None:
        document = self._document_source()
        layout = document.documentLayout() if document is not None else None
        last = document.blockCount() - 1 if document is not None else -1
        if layout is None or self._next_block > last:
            self._pending = False
            self._timer.stop()
            return
        if layout is not self._watched:
            self._watch_layout()
        if self._laid_out is not None and not _has_lines(document.findBlockByNumber(self._laid_out)):
            self._restart()  # the layout was reset since the last slice
        first = self._next_block
        target = min(last, first + self._blocks_per_slice)
        target_block = document.findBlockByNumber(target)
        began = time.perf_counter()
        layout.blockBoundingRect(target_block)
        spent = time.perf_counter() - began
        self.slices += 1
        self._next_block = target + 1
        # Remembered only when laid out: a block Qt does not lay out (a hidden one, or no page
        # size yet) must not make every slice start again.
        self._laid_out = target if _has_lines(target_block) else None
        # Aim the next slice at the budget from this one's pace, growing at most twofold.
        pace = (target - first + 1) / max(spent, 1e-5)
        self._blocks_per_slice = int(max(1, min(MAX_SLICE_BLOCKS, pace * SLICE_BUDGET_S, self._blocks_per_slice * 2)))
        if target >= last:
            self._pending = False
            self._timer.stop()
