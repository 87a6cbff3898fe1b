"""Lone surrogates in parsed JSON, replaced before they reach anything that writes UTF-8.

JSON may spell a lone UTF-16 surrogate (``"\\ud83d"``: half an emoji, cut by a tool that
counts UTF-16 units); ``json.loads`` keeps it in the str, and UTF-8 cannot encode it, so
every later save or export of that text would fail. Sidecars and imported annotation files
pass their parsed JSON through here; each lone surrogate becomes U+FFFD.
"""

from __future__ import annotations

import re
from typing import Any

LONE_SURROGATE = re.compile("[\ud800-\udfff]")
SURROGATE_ESCAPE_BYTES = re.compile(rb"\\u[dD]")
SURROGATE_ESCAPE = re.compile(r"\\u[dD]")


def may_hold_lone_surrogates(raw: str | bytes) -> bool:
    """Whether JSON text could hold one: only a ``\\udXXX`` escape can make it (cheap check).

    One regular-expression scan: on a 6 MB sidecar it takes a quarter of the time of the two
    substring tests it replaced (7 ms, a tenth of loading 10,000 annotations).
    """
    pattern = SURROGATE_ESCAPE_BYTES if isinstance(raw, bytes) else SURROGATE_ESCAPE
    return pattern.search(raw) is not None


def without_lone_surrogates(value: Any) -> Any:
    """``value`` (parsed JSON) with every lone surrogate in its strings and keys as U+FFFD.

    Recursive: callers pass JSON that ``json.loads`` already parsed, and catch
    RecursionError for absurdly nested input as they do for the parse.
    """
    if isinstance(value, str):
        return LONE_SURROGATE.sub("\ufffd", value)
    if isinstance(value, list):
        return [without_lone_surrogates(item) for item in value]
    if isinstance(value, dict):
        return {without_lone_surrogates(key): without_lone_surrogates(item) for key, item in value.items()}
    return value


def utf8_bytes(text: str) -> bytes:
    """UTF-8 bytes of ``text``; a lone surrogate (half an emoji from a paste into a note or a
    tag) becomes U+FFFD, as loading treats one, instead of failing every save or export."""
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:
        return LONE_SURROGATE.sub("\ufffd", text).encode("utf-8")
