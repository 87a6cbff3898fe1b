"""Indexing a folder off the GUI thread, with progress for a progress bar.

The indexer opens its own connection on the worker thread (it is the index's one writer);
the view reads with its own connection on the GUI thread once a run has finished. A change
noticed while a run is going asks for one more run after it, never two at once.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QThread, Signal

from annotator.core.library import IndexReport, LibraryError, index_folder
from annotator.core.library.indexer import IndexCancelled
from annotator.qt.gui_handoff import GuiMailbox


class _IndexJob(QObject):
    """Indexes on the runner's thread and reports through its mailbox (see ``gui_handoff``
    for why a worker does not emit signals to the GUI thread)."""

    def __init__(self, folder: Path, runner: IndexRunner) -> None:
        super().__init__()
        self.folder = folder
        self.cancelled = False
        self._runner = runner
        self._mailbox = runner.mailbox

    def run(self) -> None:
        try:
            report = index_folder(self.folder, progress=self._progress)
        except IndexCancelled:
            self._mailbox.deliver(self._runner._failed, self, "indexing was stopped")
            return
        except (LibraryError, OSError) as error:
            self._mailbox.deliver(self._runner._failed, self, str(error))
            return
        self._mailbox.deliver(self._runner._done, self, report)

    def _progress(self, done: int, total: int, _path: str) -> None:
        if self.cancelled:  # set from the GUI thread; a plain flag is enough for one reader
            raise IndexCancelled()
        self._mailbox.deliver(self._runner._progressed, self, done, total)


class IndexRunner(QObject):
    """Runs :func:`index_folder` on a thread; ``finished(IndexReport)`` or ``failed(message)``."""

    started = Signal()
    progress = Signal(int, int)
    finished = Signal(object)
    failed = Signal(str)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._thread: QThread | None = None
        self._job: _IndexJob | None = None
        self._again: Path | None = None
        self.mailbox = GuiMailbox(self)

    @property
    def running(self) -> bool:
        return self._thread is not None

    def run(self, folder: Path) -> None:
        """Index ``folder`` now, or right after the run in progress."""
        if self._thread is not None:
            self._again = folder
            return
        self._job = _IndexJob(folder, self)
        self._thread = QThread(self)
        self._job.moveToThread(self._thread)
        self._thread.started.connect(self._job.run)
        self.started.emit()
        self._thread.start()

    def wait(self) -> None:
        """Stop the run in progress after the article being stored, and wait for it (the window
        is closing, or another folder opens): what was indexed so far is kept."""
        self._again = None
        if self._job is not None:
            self._job.cancelled = True
        if self._thread is not None:
            self._thread.quit()
            self._thread.wait()

    def _progressed(self, job: _IndexJob, done: int, total: int) -> None:
        if job is self._job:
            self.progress.emit(done, total)

    def _done(self, job: _IndexJob, report: IndexReport) -> None:
        if job is not self._job:
            return  # a run stopped before its report arrived
        self._stop()
        self.finished.emit(report)
        self._next()

    def _failed(self, job: _IndexJob, message: str) -> None:
        if job is not self._job:
            return
        self._stop()
        self.failed.emit(message)
        self._next()

    def _stop(self) -> None:
        thread, job = self._thread, self._job
        self._thread = self._job = None
        if thread is not None:
            thread.quit()
            thread.wait()
            thread.deleteLater()
        if job is not None:
            job.deleteLater()

    def _next(self) -> None:
        folder, self._again = self._again, None
        if folder is not None:
            self.run(folder)
