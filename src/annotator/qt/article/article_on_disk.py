"""Noticing that the open article's file changed or vanished while the window showed it.

The window keeps the text it read (highlights are saved against that text, and re-anchored
when the file is opened again), so a change on disk loses nothing; but a reader comparing
the article with its source should know that what they see is no longer what the file
says. The file's size and modification time are compared, not its content: reading a
50 MB file again each time the window is activated would cost more than it tells.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class FileSignature:
    """What a file looked like: its size and modification time (None: it did not exist)."""

    size: int
    mtime_ns: int

    @classmethod
    def of(cls, path: Path) -> "FileSignature | None":
        try:
            status = os.stat(path)
        except OSError:
            return None
        return cls(status.st_size, status.st_mtime_ns)


def change_message(path: Path, read: FileSignature | None) -> str | None:
    """A status-bar sentence when ``path`` no longer looks as it did when read, else None."""
    if read is None:
        return None
    now = FileSignature.of(path)
    if now == read:
        return None
    if now is None:
        return (
            f"{path.name} was deleted or moved since it was opened; its text stays here and "
            "highlights are still saved beside where it was."
        )
    return (
        f"{path.name} changed on disk since it was opened; this is the text as it was. Reload it "
        "(F5) to read the new version (highlights will be re-attached)."
    )
