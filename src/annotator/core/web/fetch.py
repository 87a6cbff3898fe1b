"""Fetching one web page: the page itself and nothing else, within a time and size budget.

A fact-checker starts from a link. What comes back is kept exactly as received, so this
module only asks for the one address (following and recording redirects), never for the
page's images, scripts, stylesheets or frames, and never runs anything it receives.

Limits protect the reader's machine: a connect/read timeout and an overall deadline (a
server that trickles one byte a second never passes a per-read timeout), and a size limit
counted on the decoded body (a small gzip bomb is refused like a huge page). Every failure
is a ``FetchError`` whose message can be shown as is; nothing has been written by then.

Only HTML (``text/html``, ``application/xhtml+xml``) and plain text are accepted: other
answers (PDF, images, JSON...) are refused with their type named.
"""

from __future__ import annotations

import time
from datetime import datetime, timezone
from urllib.parse import urlsplit

import httpx

from annotator import __version__
from annotator.core.web.model import FetchedPage, FetchError, Redirect, looks_like_url, normalise_url

USER_AGENT = f"Annotator/{__version__} (+local reader)"
DEFAULT_TIMEOUT = 20.0
"""Seconds allowed for connecting and between two reads; the whole fetch gets three times that."""
DEFAULT_MAX_BYTES = 20 * 1024 * 1024
"""No news page is that large; the article reader refuses files over 50 MB anyway."""
MAX_REDIRECTS = 10
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
TEXT_TYPES = frozenset({"text/plain"})
__all__ = ["FetchError", "FetchedPage", "Redirect", "fetch_page", "looks_like_url", "normalise_url", "USER_AGENT"]


class _PastDeadline(Exception):
    """The body was still arriving when the overall deadline passed."""


def fetch_page(
    url: str,
    *,
    timeout: float = DEFAULT_TIMEOUT,
    max_bytes: int = DEFAULT_MAX_BYTES,
    transport: httpx.BaseTransport | None = None,
) -> FetchedPage:
    """GET ``url`` and return the page, or raise ``FetchError`` saying why not."""
    address = normalise_url(url)
    deadline = time.monotonic() + 3 * timeout
    client = httpx.Client(
        headers={
            "User-Agent": USER_AGENT,
            "Accept": "text/html,application/xhtml+xml,text/plain;q=0.9",
            "Accept-Encoding": "gzip, deflate",
        },
        timeout=httpx.Timeout(timeout),
        follow_redirects=True,
        max_redirects=MAX_REDIRECTS,
        transport=transport,
        proxy=_proxy_for(address),
        trust_env=False,  # no .netrc passwords sent to sites; proxies are taken just below
    )
    fetched_at = datetime.now(timezone.utc).replace(microsecond=0).isoformat()
    try:
        with client, client.stream("GET", address) as response:
            redirects = tuple(
                Redirect(str(hop.url), hop.status_code, hop.headers.get("location", ""))
                for hop in response.history
            )
            _check_status(response)
            kind, charset = _check_type(response)
            _check_declared_size(response, max_bytes)
            body = _read_body(response, max_bytes, deadline)
            return FetchedPage(
                url=address,
                final_url=str(response.url),
                status=response.status_code,
                fetched_at=fetched_at,
                headers=dict(response.headers.items()),
                body=body,
                kind=kind,
                charset=charset,
                redirects=redirects,
            )
    except _PastDeadline:
        raise FetchError(f"{address} did not arrive within {3 * timeout:g} seconds; nothing was saved") from None
    except httpx.TooManyRedirects:
        raise FetchError(f"{address} redirects more than {MAX_REDIRECTS} times; nothing was saved") from None
    except httpx.TimeoutException:
        raise FetchError(
            f"{address} did not answer within {timeout:g} seconds; nothing was saved"
        ) from None
    except httpx.ConnectError as error:
        raise FetchError(f"could not reach {urlsplit(address).hostname}: {_reason(error)}; nothing was saved") from None
    except httpx.HTTPError as error:
        raise FetchError(f"fetching {address} failed: {_reason(error)}; nothing was saved") from None


def _proxy_for(address: str) -> str | None:
    """The proxy the user's environment names for this address (``https_proxy``, ``no_proxy``);
    never one for this machine's own addresses."""
    import urllib.request

    host = urlsplit(address).hostname or ""
    if host in ("localhost", "127.0.0.1", "::1") or urllib.request.proxy_bypass(host):
        return None
    return urllib.request.getproxies().get(urlsplit(address).scheme)


def _reason(error: Exception) -> str:
    text = str(error).strip()
    if "Name or service not known" in text or "nodename nor servname" in text or "getaddrinfo" in text:
        return "the site name could not be found (offline, or a typing mistake?)"
    if "Connection refused" in text:
        return "the connection was refused"
    return text or type(error).__name__


def _check_status(response: httpx.Response) -> None:
    if response.status_code >= 400 or response.status_code < 200:
        phrase = response.reason_phrase or ""
        raise FetchError(
            f"{response.url} answered {response.status_code} {phrase}".rstrip() + "; nothing was saved"
        )
    if 300 <= response.status_code < 400:
        raise FetchError(f"{response.url} answered {response.status_code} without a usable address; nothing was saved")


def _check_type(response: httpx.Response) -> tuple[str, str | None]:
    """``("html"|"text", charset)``, or a refusal naming the type that came back."""
    header = response.headers.get("content-type", "")
    media = header.split(";", 1)[0].strip().lower()
    charset = None
    for parameter in header.split(";")[1:]:
        name, _, value = parameter.partition("=")
        if name.strip().lower() == "charset" and value.strip():
            charset = value.strip().strip('"').lower()
    if media in HTML_TYPES:
        return "html", charset
    if media in TEXT_TYPES:
        return "text", charset
    if not media:
        return "html", charset  # no type given: the reader decides by content, as for a file
    raise FetchError(
        f"{response.url} is {media}, not a web page; Annotator fetches HTML pages and plain text; nothing was saved"
    )


def _check_declared_size(response: httpx.Response, max_bytes: int) -> None:
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise FetchError(_too_large(response, int(declared), max_bytes))


def _read_body(response: httpx.Response, max_bytes: int, deadline: float) -> bytes:
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > max_bytes:
            raise FetchError(_too_large(response, None, max_bytes))
        if time.monotonic() > deadline:
            raise _PastDeadline()
        chunks.append(chunk)
    return b"".join(chunks)


def _too_large(response: httpx.Response, size: int | None, max_bytes: int) -> str:
    limit = f"{max_bytes / 1_048_576:g} MB" if max_bytes >= 1_048_576 else f"{max_bytes:,} bytes"
    what = f"is {size:,} bytes, more than" if size is not None else "is larger than"
    return f"{response.url} {what} {limit}, the most Annotator fetches; nothing was saved"
