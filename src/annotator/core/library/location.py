"""Where a folder's index lives: inside the folder when it can be written, else in the user's cache.

Keeping the index beside the articles lets a desk share one folder (and its index) on a network
drive; a folder that cannot be written (a read-only share, a CD, someone else's files) still gets
an index, in ``user_cache_dir("annotator")/libraries``, named after the folder's absolute path.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

INDEX_FOLDER = ".annotator"
INDEX_NAME = "library.sqlite"


def index_path_for(folder: Path) -> Path:
    """The index file of ``folder`` (its parent folder exists when this returns)."""
    folder = Path(folder).resolve()
    inside = folder / INDEX_FOLDER
    if _usable(inside):
        return inside / INDEX_NAME
    return cache_index_path(folder)


def cache_index_path(folder: Path) -> Path:
    """The index of ``folder`` in the user's cache folder, one file per folder path."""
    from platformdirs import user_cache_dir

    key = hashlib.sha256(str(Path(folder).resolve()).encode("utf-8", "surrogatepass")).hexdigest()[:20]
    libraries = Path(user_cache_dir("annotator", appauthor=False)) / "libraries"
    libraries.mkdir(parents=True, exist_ok=True)
    return libraries / f"{Path(folder).name or 'root'}-{key}.sqlite"


def _usable(inside: Path) -> bool:
    """Whether ``FOLDER/.annotator`` exists as a writable folder (it is created if need be)."""
    try:
        inside.mkdir(exist_ok=True)
    except OSError:
        return False
    return inside.is_dir() and os.access(inside, os.W_OK | os.X_OK)
