"""Runs one slow job at a time (a fetch, a diff) on a worker thread, reporting on the GUI thread.

The window must not freeze while a site takes twenty seconds to answer. A newer request
supersedes an older one: only the latest job's result or failure is reported.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from annotator.qt.gui_handoff import GuiMailbox


class _Job(QRunnable):
    def __init__(
        self, generation: int, work: Callable[[], object], expected: tuple[type[Exception], ...], owner: BackgroundJob
    ) -> None:
        super().__init__()
        self._generation, self._work, self._expected, self._owner = generation, work, expected, owner

    def run(self) -> None:
        """Report through the owner's mailbox, not a signal (see ``gui_handoff`` for why)."""
        mailbox = self._owner.mailbox
        try:
            result = self._work()
        except self._expected as error:
            mailbox.deliver(self._owner._error, self._generation, str(error))
            return
        except Exception as error:  # a bug must reach the user as a message, not kill the app
            traceback.print_exc()
            mailbox.deliver(self._owner._error, self._generation, f"{type(error).__name__}: {error}")
            return
        mailbox.deliver(self._owner._done, self._generation, result)


class BackgroundJob(QObject):
    """``start(work)`` runs ``work()`` on a worker; ``finished(result)`` or ``failed(message)`` follows."""

    finished = Signal(object)
    failed = Signal(str)

    def __init__(self, expected: tuple[type[Exception], ...] = (), parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._expected = expected
        self._generation = 0
        self._running = False
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self.mailbox = GuiMailbox(self)

    @property
    def running(self) -> bool:
        return self._running

    def start(self, work: Callable[[], object]) -> None:
        self._generation += 1
        self._running = True
        self._pool.start(_Job(self._generation, work, self._expected, self))

    def wait(self, msecs: int = -1) -> bool:
        return self._pool.waitForDone(msecs)

    def _done(self, generation: int, result: object) -> None:
        if generation == self._generation:
            self._running = False
            self.finished.emit(result)

    def _error(self, generation: int, message: str) -> None:
        if generation == self._generation:
            self._running = False
            self.failed.emit(message)
