"""The user's data folder, and the sample article's copy in it.

The bundled sample is what the window opens when given no article. Opening it where it
ships would put its sidecar (and, by default, its exports) inside the installed package:
a folder the user did not choose, often not writable, and wiped by the next upgrade.
So the sample is copied once into the user's data folder and always opened from there;
a copy that exists is the user's (they may have annotated it) and is never replaced.

The folder is ``$XDG_DATA_HOME/Annotator`` when ``XDG_DATA_HOME`` is set, else
platformdirs' ``user_data_dir("Annotator")`` (``~/.local/share/Annotator`` on Linux,
``~/Library/Application Support/Annotator`` on macOS, ``%LOCALAPPDATA%\\Annotator`` on
Windows). The command line and the window both call ``user_sample_article``, so they
always agree on where the sample is.
"""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_dir

from annotator.core.annotations.atomic import AtomicWriteError, atomic_write_bytes
from annotator.core.resources import SAMPLE_ARTICLE_NAME, sample_article_path

APP_DATA_NAME = "Annotator"


class UserDataError(OSError):
    """The data folder or the sample's copy cannot be made; ``str()`` is for the user."""


def user_data_folder() -> Path:
    """Where Annotator keeps the user's own files (it may not exist yet)."""
    xdg = os.environ.get("XDG_DATA_HOME", "")
    if xdg and os.path.isabs(xdg):  # the XDG rule: a relative value is ignored
        return Path(xdg) / APP_DATA_NAME
    return Path(user_data_dir(APP_DATA_NAME, appauthor=False))


def user_sample_article() -> Path:
    """The user's copy of the sample article, made from the bundled one on first use.

    Raises ``FileNotFoundError`` when this installation lacks the sample, and
    ``UserDataError`` when the copy cannot be made (the message names the folder).
    """
    copy = user_data_folder() / SAMPLE_ARTICLE_NAME
    if copy.is_symlink():
        raise UserDataError(f"{copy} is a symbolic link; the sample was not opened through it")
    if copy.exists():
        if not copy.is_file():
            raise UserDataError(f"{copy} is not a file; the sample could not be copied there")
        return copy  # the user's own copy, perhaps annotated: never replaced
    data = sample_article_path().read_bytes()
    try:
        copy.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_bytes(copy, data)
    except AtomicWriteError as error:
        raise UserDataError(str(error.strerror)) from error
    except OSError as error:
        raise UserDataError(f"could not create the folder {copy.parent}: {error.strerror or error}") from error
    return copy
