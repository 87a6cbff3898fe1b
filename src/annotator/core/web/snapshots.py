"""The folder of one fetched page: every version as received, and the article to read.

Layout (one folder per address, under the user's web folder)::

    example.org-news-story-1a2b3c4d/
        page.json                       the address, and which file is the article
        versions/0001.html.gz           the body as received, gzipped
        versions/0001.json              URL, final URL, redirects, time, status, headers
        versions/0002.html.gz ...       each later fetch that brought different bytes
        example.org-news-story-1a2b3c4d.html                   the newest version, readable
        example.org-news-story-1a2b3c4d.html.annotations.json  its sidecar

Every file is written atomically, and a version's JSON is written after its body, so a
version is listed only when both are complete: a crash never leaves a half version. A
lock file serialises two fetches of the same address (each gets its own number).

The article file is the newest body decoded (the charset the server named, else the
reader's own detection) and saved as UTF-8, so that the HTML or text reader opens it like
any saved page and re-reading a version from its snapshot gives the same text.
"""

from __future__ import annotations

import codecs
import gzip
import hashlib
import json
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from annotator.core.article import Article, ArticleError
from annotator.core.readers.decoding import DecodedText, decode_bytes, normalise_newlines
from annotator.core.web.model import PAGE_FILE, FetchedPage, normalise_url

PAGE_FORMAT = "annotator.web-page"
VERSIONS_FOLDER = "versions"
LOCK_FILE = ".fetch.lock"
SUFFIXES = {"html": ".html", "text": ".txt"}
_SLUG_UNSAFE = re.compile(r"[^a-z0-9.]+")
MAX_SLUG_WORDS = 60


def default_web_folder() -> Path:
    """Where fetched pages go unless the user says otherwise: Documents/Annotator."""
    import platformdirs

    return Path(platformdirs.user_documents_dir()) / "Annotator"


def page_slug(url: str) -> str:
    """A readable, file-system-safe folder name for an address, unique through a short hash.

    ``https://Example.org/news/Story?id=7`` → ``example.org-news-story-id-7-<8 hex>``.
    """
    address = normalise_url(url)
    parts = urlsplit(address)
    words = f"{parts.hostname or ''}/{parts.path}?{parts.query}".lower()
    readable = _SLUG_UNSAFE.sub("-", words).strip("-.")
    readable = re.sub(r"-+", "-", readable)[:MAX_SLUG_WORDS].strip("-.") or "page"
    digest = hashlib.sha256(address.encode("utf-8")).hexdigest()[:8]
    return f"{readable}-{digest}"


@dataclass(frozen=True, slots=True)
class Version:
    """One fetch kept in the folder, as its JSON record describes it."""

    number: int
    url: str
    final_url: str
    fetched_at: str
    status: int
    kind: str
    charset: str | None
    sha256: str
    size: int
    redirects: tuple[dict, ...]
    headers: dict[str, str]
    body_path: Path

    @property
    def label(self) -> str:
        return f"version {self.number} ({self.fetched_at})"

    def record(self) -> dict:
        return {
            "format": PAGE_FORMAT,
            "version": self.number,
            "url": self.url,
            "final_url": self.final_url,
            "redirects": list(self.redirects),
            "fetched_at": self.fetched_at,
            "status": self.status,
            "kind": self.kind,
            "charset": self.charset,
            "sha256": self.sha256,
            "size": self.size,
            "headers": self.headers,
            "body": self.body_path.name,
        }

    @classmethod
    def from_record(cls, folder: Path, record: dict) -> "Version":
        return cls(
            number=int(record["version"]),
            url=record["url"],
            final_url=record.get("final_url", record["url"]),
            fetched_at=record["fetched_at"],
            status=int(record.get("status", 200)),
            kind=record.get("kind", "html"),
            charset=record.get("charset"),
            sha256=record["sha256"],
            size=int(record.get("size", 0)),
            redirects=tuple(record.get("redirects", ())),
            headers=dict(record.get("headers", {})),
            body_path=folder / record["body"],
        )


class PageFolder:
    """The versions of one address and its readable article, in one folder."""

    def __init__(self, path: Path, url: str, slug: str) -> None:
        self.path = Path(path)
        self.url = url
        self.slug = slug

    @classmethod
    def for_url(cls, root: Path, url: str) -> "PageFolder":
        """The folder for ``url`` under ``root`` (not created until a version is added)."""
        address = normalise_url(url)
        slug = page_slug(address)
        return cls(Path(root) / slug, address, slug)

    @classmethod
    def at(cls, path: Path) -> "PageFolder | None":
        """The page folder at ``path`` or holding the file ``path``, or None if it is not one."""
        path = Path(path)
        folder = path if path.is_dir() else path.parent
        try:
            record = json.loads((folder / PAGE_FILE).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if not isinstance(record, dict) or record.get("format") != PAGE_FORMAT:
            return None
        return cls(folder, str(record.get("url", "")), str(record.get("slug", folder.name)))

    # -- reading ----------------------------------------------------------------------------

    @property
    def versions_path(self) -> Path:
        return self.path / VERSIONS_FOLDER

    def versions(self) -> list[Version]:
        """Complete versions (JSON and body both present), oldest first."""
        found: list[Version] = []
        if not self.versions_path.is_dir():
            return found
        for record_path in sorted(self.versions_path.glob("[0-9]*.json")):
            try:
                version = Version.from_record(self.versions_path, json.loads(record_path.read_text(encoding="utf-8")))
            except (OSError, ValueError, KeyError, TypeError):
                continue  # a record another program damaged: the other versions still count
            if version.body_path.is_file():
                found.append(version)
        return sorted(found, key=lambda v: v.number)

    def newest(self) -> Version | None:
        versions = self.versions()
        return versions[-1] if versions else None

    def version(self, number: int) -> Version:
        for version in self.versions():
            if version.number == number:
                return version
        raise ArticleError(f"{self.path} has no version {number}")

    def article_path(self, kind: str) -> Path:
        return self.path / f"{self.slug}{SUFFIXES[kind]}"

    def current_article_path(self) -> Path | None:
        """The readable article of the newest version, if one was written."""
        for kind in SUFFIXES:
            path = self.article_path(kind)
            if path.is_file():
                return path
        return None

    def body(self, version: Version) -> bytes:
        try:
            return gzip.decompress(version.body_path.read_bytes())
        except (OSError, EOFError, gzip.BadGzipFile) as error:
            raise ArticleError(f"the snapshot {version.body_path} cannot be read: {error}") from None

    def version_article(self, version: Version) -> Article:
        """The article as read from a version's snapshot (same text as its article file had)."""
        text = readable_text(self.body(version), version.charset)
        source = self.versions_path / f"{version.number:04d}{SUFFIXES[version.kind]}"
        article = article_from_readable(source, text, version.kind)
        article.metadata.update(fetch_metadata(version))
        return article

    # -- writing ----------------------------------------------------------------------------

    @contextmanager
    def locked(self) -> Iterator[None]:
        """Held while a fetch adds a version, so two fetches never take the same number."""
        from filelock import FileLock

        self.path.mkdir(parents=True, exist_ok=True)
        with FileLock(str(self.path / LOCK_FILE), timeout=120):
            yield

    def add_version(self, page: FetchedPage) -> Version:
        """Keep ``page`` as the next version (call while ``locked``)."""
        from annotator.core.annotations.atomic import atomic_write_bytes

        self.versions_path.mkdir(parents=True, exist_ok=True)
        if not (self.path / PAGE_FILE).is_file():
            record = {"format": PAGE_FORMAT, "url": self.url, "slug": self.slug}
            atomic_write_bytes(self.path / PAGE_FILE, _json_bytes(record))
        newest = self.newest()
        number = (newest.number if newest else 0) + 1
        while (self.versions_path / f"{number:04d}.json").exists():  # a damaged record still holds its number
            number += 1
        body_path = self.versions_path / f"{number:04d}{SUFFIXES[page.kind]}.gz"
        version = Version(
            number=number,
            url=page.url,
            final_url=page.final_url,
            fetched_at=page.fetched_at,
            status=page.status,
            kind=page.kind,
            charset=page.charset,
            sha256=hashlib.sha256(page.body).hexdigest(),
            size=len(page.body),
            redirects=tuple(r.to_json() for r in page.redirects),
            headers=dict(page.headers),
            body_path=body_path,
        )
        atomic_write_bytes(body_path, gzip.compress(page.body, mtime=0))
        try:
            atomic_write_bytes(self.record_path(version), _json_bytes(version.record()))
        except BaseException:
            body_path.unlink(missing_ok=True)
            raise
        return version

    def record_path(self, version: Version) -> Path:
        return self.versions_path / f"{version.number:04d}.json"

    def remove_version(self, version: Version) -> None:
        """Undo ``add_version`` when the rest of a fetch failed: the record first, then the body."""
        self.record_path(version).unlink(missing_ok=True)
        version.body_path.unlink(missing_ok=True)


def is_page_record(path: Path) -> bool:
    """A file of a page folder's own bookkeeping (records, snapshots, lock), not an article.

    For anything that walks folders of articles (``extract`` over a folder, a collection):
    of a fetched page, only its article file and sidecar are the user's.
    """
    path = Path(path)
    if path.name in (PAGE_FILE, LOCK_FILE):
        return (path.parent / PAGE_FILE).is_file()
    return path.parent.name == VERSIONS_FOLDER and (path.parent.parent / PAGE_FILE).is_file()


def readable_text(body: bytes, charset: str | None) -> str:
    """The body as text: the server's charset when it names a real one, else detection."""
    if charset:
        try:
            codecs.lookup(charset)
        except LookupError:
            charset = None
    if charset:
        text = body.decode(charset, errors="replace")
        if text.startswith("\ufeff"):
            text = text[1:]
    else:
        text = decode_bytes(body).text
    return normalise_newlines(text)


def article_from_readable(source: Path, text: str, kind: str) -> Article:
    """Read ``text`` with the reader its kind calls for, as ``read_article`` would the file."""
    decoded = DecodedText(text, "utf-8")
    if kind == "html":
        from annotator.core.readers.html_reader import article_from_html

        return article_from_html(source, decoded)
    from annotator.core.readers.plain_text import article_from_text

    return article_from_text(source, decoded)


def fetch_metadata(version: Version) -> dict[str, str]:
    """What an article's metadata says about where and when it was fetched."""
    metadata = {"url": version.url, "fetched": version.fetched_at, "web_version": str(version.number)}
    if version.final_url != version.url:
        metadata["final_url"] = version.final_url
    return metadata


def _json_bytes(record: dict) -> bytes:
    return (json.dumps(record, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
