"""Which files of a folder are its articles.

Articles are ``.txt``, ``.md``, ``.html`` and ``.htm`` files anywhere below the folder, found
recursively. Skipped: the index's own ``.annotator/`` folder, hidden files and folders (``.git``,
editors' backups), and sidecars (``*.annotations.json`` — they belong to their article).
Symbolic links to folders are not followed, so a link loop cannot make the walk endless.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

ARTICLE_SUFFIXES = frozenset({".txt", ".md", ".html", ".htm"})


def is_article_name(name: str) -> bool:
    return not name.startswith(".") and os.path.splitext(name)[1].lower() in ARTICLE_SUFFIXES


def article_paths(root: Path) -> Iterator[str]:
    """Folder-relative, ``/``-separated paths of the articles under ``root``, in sorted order."""
    for folder, folders, files in os.walk(root, onerror=None, followlinks=False):
        folders[:] = sorted(name for name in folders if not name.startswith("."))
        relative = os.path.relpath(folder, root)
        prefix = "" if relative == "." else relative.replace(os.sep, "/") + "/"
        for name in sorted(files):
            if is_article_name(name) and os.path.isfile(os.path.join(folder, name)):
                yield prefix + name
