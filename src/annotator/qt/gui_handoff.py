"""Handing a worker's results to the GUI thread without the freeze a signal or a move can cause.

PySide holds the interpreter lock (GIL) through every Qt call made from Python. Qt, in turn,
sometimes asks Python something while it holds one of its own locks: a QObject being destroyed
on the GUI thread locks a mutex from Qt's shared pool of 131 and, still holding it, asks each
Python-made sender whether Python overrides ``disconnectNotify`` — which needs the GIL. If a
worker holding the GIL calls into Qt at that moment and needs a mutex of the same pool
(``QObject.moveToThread`` locks the moved object's; a queued signal locks its receiver's),
each thread waits for the other for ever. The window froze this way, rarely but for good, as
an article opened (the loader's worker stuck in ``moveToThread``, the GUI thread in
``~QObject`` waiting for the GIL).

So a worker here touches Qt only in two ways, neither of which takes a pool mutex:

* ``GuiMailbox.deliver(function, *args)`` posts an event (``QCoreApplication.postEvent`` locks
  only the GUI thread's event queue, which Qt never holds while calling into Python) and the
  GUI thread runs ``function(*args)`` when the event arrives;
* ``GuiMailbox.move_here(qobject)`` moves a QObject the worker built to the GUI thread while the
  GUI thread waits in an event of its own, outside any Qt lock, so nothing can be holding the
  mutex the move needs. The GUI thread waits only as long as the move (microseconds). If the
  GUI thread does not come within ``PARKING_WAIT_S`` (it is blocked, e.g. waiting for the
  workers at shutdown), or ``abandon()`` was called, the object stays where it is and
  ``move_here`` returns False: the caller then builds it on the GUI thread instead.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QThread

PARKING_WAIT_S = 2.0
"""How long a worker waits for the GUI thread to come and take an object. It is usually
there within one turn of the event loop, a few milliseconds; a GUI thread busy for longer is
better served by building the object itself than by waiting more."""

_POLL_S = 0.02  # how often a waiting worker looks whether it was told to give up

_CALL_EVENT = QEvent.Type(QEvent.registerEventType())
_PARK_EVENT = QEvent.Type(QEvent.registerEventType())


class _CallEvent(QEvent):
    def __init__(self, function: Callable[..., object], args: tuple) -> None:
        super().__init__(_CALL_EVENT)
        self.function = function
        self.args = args


class _ParkEvent(QEvent):
    def __init__(self) -> None:
        super().__init__(_PARK_EVENT)
        self.parked = threading.Event()  # the GUI thread is waiting, outside any Qt lock
        self.released = threading.Event()  # the worker is done: the GUI thread goes on


class GuiMailbox(QObject):
    """Lives in the GUI thread; workers hand it results and objects (see the module docstring)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._abandoned = abandoned = threading.Event()
        # Once the mailbox is gone nobody will come: workers waiting for it give up at once.
        self.destroyed.connect(lambda *_: abandoned.set())

    def deliver(self, function: Callable[..., object], *args: object) -> None:
        """Run ``function(*args)`` on the GUI thread, soon; callable from any thread.

        Dropped when the mailbox (and so whatever ``function`` reports to) is already gone.
        """
        try:
            QCoreApplication.postEvent(self, _CallEvent(function, args))
        except RuntimeError:  # the C++ object was deleted with its owner
            pass

    def move_here(self, qobject: QObject) -> bool:
        """Move ``qobject`` (parentless, made on the calling thread) to the GUI thread.

        True when it is there (already, when called on the GUI thread); False when the GUI
        thread did not come (blocked, ``abandon()`` called, or the mailbox deleted with its
        owner), the object left as it was.
        """
        try:
            gui_thread = self.thread()
        except RuntimeError:  # the mailbox was deleted with its owner: nobody will come
            return False
        if QThread.currentThread() == gui_thread:
            return True
        request = _ParkEvent()
        try:
            QCoreApplication.postEvent(self, request)
        except RuntimeError:
            return False
        waited = 0.0
        while not request.parked.wait(_POLL_S):
            waited += _POLL_S
            if self._abandoned.is_set() or waited >= PARKING_WAIT_S:
                request.released.set()  # if the GUI thread comes later, it goes straight on
                return False
        try:
            return qobject.moveToThread(gui_thread) is not False
        finally:
            request.released.set()

    def abandon(self) -> None:
        """Workers stop waiting for the GUI thread (it is about to block waiting for them)."""
        self._abandoned.set()

    def customEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if isinstance(event, _CallEvent):
            event.function(*event.args)
        elif isinstance(event, _ParkEvent):
            event.parked.set()
            # No time limit: once parked, the worker moves the object and releases the GUI
            # thread in a ``finally``; leaving early would let the move run unprotected.
            event.released.wait()
        else:
            super().customEvent(event)
