"""Writing a file so that a crash or a full disk leaves either the old or the new content.

The bytes go to a temporary file in the same folder (so ``os.replace`` is a rename on one
file system), are flushed and fsynced, replace the target in one step, and then the
folder is fsynced so the rename itself survives a power cut. On failure the temporary
file is removed and the target is untouched.
"""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from pathlib import Path


class AtomicWriteError(OSError):
    """A write that failed and changed nothing; ``str()`` is a message for the user."""


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` atomically, keeping the old file's permissions.

    A symbolic link is followed, so the file it points to is replaced, not the link.
    """
    if path.is_symlink():
        path = path.resolve()
    folder = path.parent
    try:
        mode = stat.S_IMODE(os.stat(path).st_mode)
    except FileNotFoundError:
        mode = _default_mode()
    try:
        fd, temp_name = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as error:
        raise AtomicWriteError(error.errno, _explain(error, path)) from error
    try:
        try:
            _write_all(fd, data)
            os.fchmod(fd, mode)
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(temp_name, path)
    except OSError as error:
        _remove_quietly(temp_name)
        raise AtomicWriteError(error.errno, _explain(error, path)) from error
    except BaseException:
        _remove_quietly(temp_name)
        raise
    _fsync_folder(folder)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def _default_mode() -> int:
    """0o666 minus the umask, as a plain ``open()`` would create the file."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _fsync_folder(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # some file systems cannot fsync a folder; the rename has happened anyway
    finally:
        os.close(fd)


def _remove_quietly(name: str) -> None:
    try:
        os.unlink(name)
    except OSError:
        pass


def _explain(error: OSError, path: Path) -> str:
    reason = {
        errno.ENOSPC: "the disk is full",
        errno.EDQUOT: "the disk quota is used up",
        errno.EACCES: f"the folder {path.parent} is not writable",
        errno.EPERM: f"the folder {path.parent} is not writable",
        errno.EROFS: f"the folder {path.parent} is on a read-only file system",
        errno.ENOENT: f"the folder {path.parent} does not exist",
    }.get(error.errno or 0, error.strerror or str(error))
    return f"could not save {path}: {reason}; the previous version is unchanged"
