"""The reader's preferences that the window and the command line share: who is annotating.

An annotation records its author, and ClaimReview and W3C exports name the reviewer from
it. The name is set once — in the window's Preferences, or with ``annotator config --name``
— and kept in a small JSON file in the user's configuration folder (platformdirs: XDG on
Linux), so that a highlight made from a script carries the same name as one made in the
window. Until it is set, the account's full name stands in.
"""

from __future__ import annotations

import getpass
import json
import os
import sys
from pathlib import Path

from annotator.core.annotations.atomic import atomic_write_bytes

PREFERENCES_FILE = "preferences.json"
MAX_NAME_LENGTH = 200


class PreferencesError(ValueError):
    """A preference that cannot be kept; the message is meant for the user."""


def preferences_path() -> Path:
    """Where the shared preferences live (``$XDG_CONFIG_HOME/Annotator`` on Linux)."""
    from platformdirs import user_config_dir

    return Path(user_config_dir("Annotator", appauthor=False)) / PREFERENCES_FILE


def _read() -> dict:
    try:
        data = json.loads(preferences_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def account_full_name() -> str:
    """The account's full name (the GECOS field on Unix), else its login name."""
    if sys.platform != "win32":
        try:
            import pwd

            gecos = pwd.getpwuid(os.getuid()).pw_gecos.split(",", 1)[0].strip()
            if gecos:
                return gecos
        except (ImportError, KeyError, OSError):
            pass
    try:
        return getpass.getuser()
    except (OSError, KeyError, ImportError):
        return ""


def clean_name(name: str) -> str:
    """``name`` as it will be stored: one line, no control characters, not too long."""
    if not isinstance(name, str):
        raise PreferencesError("the name must be text")
    cleaned = " ".join(name.split())
    if any(ord(char) < 32 or 0x7F <= ord(char) < 0xA0 for char in cleaned):
        raise PreferencesError("a name cannot hold control characters")
    if len(cleaned) > MAX_NAME_LENGTH:
        raise PreferencesError(f"a name of more than {MAX_NAME_LENGTH} characters is not a name")
    return cleaned


def stored_annotator_name() -> str | None:
    """The name the reader set, or None when they have not set one."""
    name = _read().get("annotator_name")
    if not isinstance(name, str):
        return None
    try:
        return clean_name(name) or None
    except PreferencesError:
        return None


def annotator_name() -> str:
    """Who is annotating: the name the reader set, else the account's full name."""
    return stored_annotator_name() or account_full_name()


def set_annotator_name(name: str) -> str:
    """Keep ``name`` (empty: go back to the account's name); returns what was stored."""
    cleaned = clean_name(name)
    data = _read()
    if cleaned:
        data["annotator_name"] = cleaned
    else:
        data.pop("annotator_name", None)
    path = preferences_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_bytes(path, (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8"))
    return cleaned
