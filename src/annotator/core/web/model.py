"""What a fetch gives back, and the addresses it accepts — without the HTTP client.

Kept apart from ``fetch.py`` so that reading a fetched article, listing its versions or
checking a typed address never imports ``httpx`` (a fifth of a second at start-up).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlsplit, urlunsplit

PAGE_FILE = "page.json"
"""Marks a folder as a fetched page's (see ``snapshots.py``)."""


class FetchError(Exception):
    """A fetch that failed; ``str()`` is the message for the user, nothing was saved."""


@dataclass(frozen=True, slots=True)
class Redirect:
    """One hop: the address asked for, the status it answered and where it pointed."""

    url: str
    status: int
    location: str

    def to_json(self) -> dict[str, object]:
        return {"url": self.url, "status": self.status, "location": self.location}


@dataclass(frozen=True, slots=True)
class FetchedPage:
    """A page as received: its body bytes (content-encoding undone) and how it came."""

    url: str
    final_url: str
    status: int
    fetched_at: str  # ISO 8601, UTC, seconds
    headers: dict[str, str]
    body: bytes
    kind: str  # "html" or "text"
    charset: str | None = None
    redirects: tuple[Redirect, ...] = field(default_factory=tuple)


def normalise_url(url: str) -> str:
    """The address as typed, made canonical enough to recognise a second fetch of it.

    Scheme and host are lower-cased, the fragment (a place inside the page) dropped, and an
    empty path becomes ``/``. Anything but http(s) is refused.
    """
    text = url.strip()
    parts = urlsplit(text)
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        raise FetchError(f"{text!r} is not a web address (it must start with http:// or https://)")
    if not parts.hostname:
        raise FetchError(f"{text!r} has no site name")
    netloc = parts.netloc.rsplit("@", 1)[-1].lower()  # user:password@ never kept in the record
    return urlunsplit((scheme, netloc, parts.path or "/", parts.query, ""))


def looks_like_url(text: str) -> bool:
    """Whether a command-line argument is a web address rather than a file name."""
    return text.strip().lower().startswith(("http://", "https://"))
