"""One writer at a time per sidecar, across processes: an advisory lock on a file beside it.

Two programs saving the same sidecar (the window and a script, or two scripts) must not
both read the old file and then each write their own version over it: the second rename
would drop the first one's annotations. Every save therefore holds an exclusive lock on
``story.txt.annotations.json.lock`` from the "changed on disk?" check to the rename.

The lock is ``flock`` on POSIX (``msvcrt.locking`` on Windows): the operating system
releases it when its holder exits or is killed, so a crashed writer never leaves the
sidecar locked, and whoever holds the lock knows no live writer is in the middle of a
save. The holder removes the lock file before releasing it, so no ``.lock`` file is left
beside the article; a writer that was waiting on the removed file notices (the name no
longer leads to the file it locked) and locks the new one instead. The lock file is
opened without following a link, so a planted link cannot make Annotator create or
change a file elsewhere.
"""

from __future__ import annotations

import errno
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]
    import msvcrt

LOCK_SUFFIX = ".lock"
# A save takes milliseconds (a 64 MB sidecar, about a second); waiting longer than this
# means the other writer is stuck (say, on a network share that went away).
LOCK_TIMEOUT_SECONDS = 30.0
_POLL_SECONDS = 0.005


class SidecarLockError(OSError):
    """The lock could not be taken; ``str()`` is a message for the user."""


def lock_path_for(sidecar: Path) -> Path:
    """``story.txt.annotations.json`` → ``story.txt.annotations.json.lock``."""
    return sidecar.with_name(sidecar.name + LOCK_SUFFIX)


@contextmanager
def sidecar_lock(sidecar: Path, timeout: float = LOCK_TIMEOUT_SECONDS) -> Iterator[None]:
    """Hold the exclusive lock of ``sidecar`` for the ``with`` block (waiting up to ``timeout``)."""
    lock = lock_path_for(sidecar)
    deadline = time.monotonic() + timeout
    while True:
        fd = _open_lock_file(lock, sidecar)
        try:
            _acquire(fd, lock, sidecar, deadline, timeout)
        except BaseException:
            os.close(fd)
            raise
        if _still_named(fd, lock):
            break
        os.close(fd)  # its holder removed it while this one waited: lock the current file
    try:
        yield
    finally:
        if fcntl is not None:  # Windows cannot remove an open file; the empty file stays there
            try:
                os.unlink(lock)
            except OSError:
                pass
        _release(fd)
        os.close(fd)


def _still_named(fd: int, lock: Path) -> bool:
    try:
        named = os.stat(lock, follow_symlinks=False)
    except OSError:
        return False
    held = os.fstat(fd)
    return (named.st_dev, named.st_ino) == (held.st_dev, held.st_ino)


def _open_lock_file(lock: Path, sidecar: Path) -> int:
    flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
    if lock.is_symlink():  # O_NOFOLLOW is missing on Windows; say it in words everywhere
        raise SidecarLockError(errno.ELOOP, f"could not save {sidecar}: {lock} is a symbolic link; it was not followed")
    try:
        return os.open(lock, flags, 0o666)
    except OSError as error:
        if error.errno == errno.ELOOP:
            reason = f"{lock} is a symbolic link; it was not followed"
        elif error.errno in (errno.EACCES, errno.EPERM):
            reason = f"the folder {sidecar.parent} is not writable"
        elif error.errno == errno.EROFS:
            reason = f"the folder {sidecar.parent} is on a read-only file system"
        elif error.errno == errno.ENOENT:
            reason = f"the folder {sidecar.parent} does not exist"
        elif error.errno in (errno.ENOSPC, errno.EDQUOT):
            reason = "the disk is full"
        else:
            reason = error.strerror or str(error)
        raise SidecarLockError(error.errno, f"could not save {sidecar}: {reason}; the previous version is unchanged") from error


def _acquire(fd: int, lock: Path, sidecar: Path, deadline: float, timeout: float) -> None:
    while True:
        try:
            _try_lock(fd)
            return
        except OSError as error:
            if error.errno not in (errno.EAGAIN, errno.EACCES, errno.EWOULDBLOCK, errno.EDEADLK):
                raise SidecarLockError(
                    error.errno, f"could not save {sidecar}: locking {lock} failed ({error.strerror})"
                ) from error
        if time.monotonic() >= deadline:
            raise SidecarLockError(
                errno.EAGAIN,
                f"could not save {sidecar}: another program has been saving it for {timeout:.0f} s "
                f"(it holds {lock.name}); the previous version is unchanged, try again",
            )
        time.sleep(_POLL_SECONDS)


def _try_lock(fd: int) -> None:
    if fcntl is not None:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    else:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)


def _release(fd: int) -> None:
    if fcntl is not None:
        fcntl.flock(fd, fcntl.LOCK_UN)
    else:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
