"""Watching the window from inside its own process: first paint, results shown, event-loop stalls.

Benchmarks of the window run it in a fresh process (``QT_QPA_PLATFORM=offscreen`` when there is
no display) with settings in a scratch folder, so a user's own settings are neither used nor
touched. Times are taken when the event loop comes back after the event of interest, so the work
that event caused (the paint itself, the sidebar filling) is inside the figure.
"""

from __future__ import annotations

import os
import time

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication

HEARTBEAT_MS = 5


def ensure_platform() -> None:
    """Offscreen unless a display is there: the benchmarks must run on a server too."""
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def wait_until(condition, timeout_s: float = 120.0) -> None:
    """Run the event loop until ``condition()`` holds (or fail loudly after ``timeout_s``)."""
    app = QApplication.instance()
    deadline = time.perf_counter() + timeout_s
    while not condition():
        if time.perf_counter() > deadline:
            raise TimeoutError("the window did not get there in time")
        app.processEvents()
        time.sleep(0.0005)


class PaintWatch(QObject):
    """Records the time the loop comes back after a paint of ``widget`` that ``wanted()`` accepts."""

    def __init__(self, widget, wanted) -> None:
        super().__init__(widget)
        self._wanted = wanted
        self.painted_at: float | None = None
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.Paint and self.painted_at is None and self._wanted():
            QTimer.singleShot(0, self._record)
        return False

    def _record(self) -> None:
        if self.painted_at is None:
            self.painted_at = time.perf_counter()


class StallMeter(QObject):
    """A heartbeat every few milliseconds; the longest gap between beats is the longest stall.

    A user's click waits at most that long for the window to react. The beat is a precise
    timer rather than a busy loop, so the meter does not compete with the worker thread.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(HEARTBEAT_MS)
        self._timer.timeout.connect(self._beat)
        self._last: float | None = None
        self.longest = 0.0

    def start(self) -> None:
        self._last = time.perf_counter()
        self.longest = 0.0
        self._timer.start()

    def stop(self) -> float:
        """Stop; returns the longest stall in seconds beyond the heartbeat interval."""
        self._beat()
        self._timer.stop()
        return max(0.0, self.longest - HEARTBEAT_MS / 1000)

    def _beat(self) -> None:
        now = time.perf_counter()
        if self._last is not None:
            self.longest = max(self.longest, now - self._last)
        self._last = now
