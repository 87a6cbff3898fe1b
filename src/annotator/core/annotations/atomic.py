"""Writing a file so that a crash or a full disk leaves either the old or the new content.

The bytes go to a temporary file in the same folder (so ``os.replace`` is a rename on one
file system), are flushed and fsynced, replace the target in one step, and then the
folder is fsynced so the rename itself survives a power cut. On failure the temporary
file is removed and the target is untouched.

A target that is a symbolic link, dangling or not, is refused: writing through it would
create or replace a file outside the folder the user chose (a link planted by an
unpacked archive or a shared folder), and replacing the link would silently unshare
what the user linked on purpose.
"""

from __future__ import annotations

import errno
import os
import re
import stat
import tempfile
import time
from pathlib import Path

# A temporary file older than this was left by a crashed or killed writer, not by one
# still writing (even 64 MB over a slow network share takes less).
STALE_TEMPORARY_SECONDS = 600


class AtomicWriteError(OSError):
    """A write that failed and changed nothing; ``str()`` is a message for the user."""


def atomic_write_bytes(path: Path, data: bytes, *, exclusive: bool = False) -> None:
    """Replace ``path`` with ``data`` atomically, keeping the old file's permissions.

    ``exclusive``: the caller holds the lock every writer of ``path`` takes (see
    ``sidecar_lock``), so any temporary file of ``path`` in the folder belongs to a writer
    that died mid-save; they are removed first, whatever their age, which also gives their
    space back before this write needs it. Without it only temporaries older than
    ``STALE_TEMPORARY_SECONDS`` are removed, after the write.
    """
    path = Path(path)
    if path.is_symlink():
        raise AtomicWriteError(errno.ELOOP, symlink_refusal(path))
    folder = path.parent
    if exclusive:
        _remove_stale_temporaries(path, any_age=True)
    try:
        mode = stat.S_IMODE(os.stat(path).st_mode)
    except FileNotFoundError:
        mode = _default_mode()
    try:
        fd, temp_name = tempfile.mkstemp(dir=folder, prefix=_temporary_prefix(path), suffix=".tmp")
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
    if not exclusive:
        _remove_stale_temporaries(path)


def symlink_refusal(path: Path) -> str:
    """The message for a target that is a symbolic link (which is never written through)."""
    try:
        target = os.readlink(path)
    except OSError:
        target = "?"
    dangling = "" if path.exists() else ", which does not exist"
    return (
        f"{path} is a symbolic link (to {target}{dangling}); Annotator does not write through links. "
        "Nothing was written; choose another name or replace the link with a file"
    )


def _temporary_prefix(path: Path) -> str:
    return f".{path.name}."


def _remove_stale_temporaries(path: Path, *, any_age: bool = False) -> None:
    """Remove what writers killed mid-save (power cut, SIGKILL) left beside ``path``."""
    prefix = _temporary_prefix(path)
    limit = float("inf") if any_age else time.time() - STALE_TEMPORARY_SECONDS
    try:
        entries = list(os.scandir(path.parent))
    except OSError:
        return
    # Exactly the names mkstemp gives: another file's temporaries (``story.txt.x``'s start
    # with ``.story.txt.`` too) have a dot in what follows the prefix.
    ours = re.compile(re.escape(prefix) + r"[A-Za-z0-9_]+\.tmp")
    for entry in entries:
        if ours.fullmatch(entry.name):
            try:
                if entry.is_file(follow_symlinks=False) and entry.stat().st_mtime < limit:
                    os.unlink(entry.path)
            except OSError:
                pass


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
