"""Fetch an address into its page folder: a new version, the article, the sidecar following.

``fetch_into(url, root)`` is what ``annotator fetch`` and File → Open URL… do:

1. fetch the page (``fetch.py``) and read it as an article in memory — a page without
   article text is refused before anything is written;
2. keep it as the next version of the address's folder (``snapshots.py``), unless its bytes
   are the same as the newest version's: then nothing new is written;
3. replace the readable article file with the new version's text, atomically;
4. re-anchor the sidecar onto the new text (``core/annotations/reanchor.py``, through
   ``AnnotationStore``: moved / fuzzy / orphan as when any article changed) and save it;
5. summarise what changed for the reader: sentences and quotes (``article_diff.py``),
   then highlights.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path

from annotator.core.annotations import AnnotationStore
from annotator.core.annotations.atomic import atomic_write_bytes
from annotator.core.annotations.sidecar import SidecarError, sidecar_path_for
from annotator.core.article import Article, ArticleError
from annotator.core.web.fetch import DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT, FetchedPage, FetchError, fetch_page
from annotator.core.web.snapshots import PageFolder, Version, article_from_readable, readable_text


@dataclass(slots=True)
class HighlightChanges:
    """How the sidecar's annotations fared on the new version."""

    total: int = 0
    moved: int = 0  # found at another place (same or slightly changed text)
    changed_text: int = 0  # of those, found with changed text (fuzzy)
    needs_review: int = 0  # orphans: kept with their old text, listed under "Needs review"
    problem: str | None = None  # the sidecar could not be read; it was left as it was

    def describe(self) -> str:
        if self.problem:
            return f"highlights not updated: {self.problem}"
        if not self.total:
            return "no highlights"
        moved = f"{self.moved} highlight{'s' if self.moved != 1 else ''} moved"
        if self.changed_text:
            moved += f" ({self.changed_text} with changed text)"
        return f"{moved}, {self.needs_review} need{'s' if self.needs_review == 1 else ''} review"


@dataclass(slots=True)
class FetchOutcome:
    """What a fetch did: where the article is, which version, and what changed."""

    folder: PageFolder
    article_path: Path
    version: Version
    previous: Version | None = None
    unchanged: bool = False  # the page's bytes equal the newest version's: nothing written
    text_changes: list[str] = field(default_factory=list)  # "3 sentences changed", "1 quote removed"
    highlights: HighlightChanges | None = None

    def summary(self) -> str:
        """One line for the reader.

        E.g. "3 sentences changed, 1 quote removed; 7 highlights moved, 1 needs review".
        """
        if self.previous is None:
            return f"first version, fetched {self.version.fetched_at}"
        if self.unchanged:
            return f"unchanged since version {self.version.number} ({self.version.fetched_at})"
        parts = [", ".join(self.text_changes) if self.text_changes else "text unchanged"]
        if self.highlights is not None and (self.highlights.total or self.highlights.problem):
            parts.append(self.highlights.describe())
        return "; ".join(parts)


def fetch_into(
    url: str,
    root: Path,
    *,
    timeout: float = DEFAULT_TIMEOUT,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> FetchOutcome:
    """Fetch ``url`` as the next version in its folder under ``root``; raise FetchError on failure."""
    page = fetch_page(url, timeout=timeout, max_bytes=max_bytes)
    return keep_page(page, Path(root))


def keep_page(page: FetchedPage, root: Path) -> FetchOutcome:
    """Steps 2-5 for a page already fetched (FetchError when it holds no readable article)."""
    folder = PageFolder.for_url(root, page.url)
    text = _page_text(page)
    article_path = folder.article_path(page.kind)
    new_article = _readable_article(article_path, text, page)
    try:
        with folder.locked():
            previous = folder.newest()
            if previous is not None and previous.sha256 == _sha256(page.body):
                current = folder.current_article_path() or article_path
                return FetchOutcome(folder, current, previous, previous, unchanged=True)
            old_article = _old_article(folder, previous)
            version = folder.add_version(page)
            old_path = folder.current_article_path()
            try:
                atomic_write_bytes(article_path, text.encode("utf-8"))
            except BaseException:
                folder.remove_version(version)  # the article still shows the version before
                raise
            if old_path is not None and old_path != article_path:
                _follow_renamed_article(old_path, article_path)
            outcome = FetchOutcome(folder, article_path, version, previous)
            if previous is not None:
                outcome.highlights = _reanchor_sidecar(new_article)
                if old_article is not None:
                    from annotator.core.web.article_diff import change_counts

                    outcome.text_changes = change_counts(old_article, new_article, sidecar_path_for(article_path))
            return outcome
    except OSError as error:
        raise FetchError(f"could not save the page in {folder.path}: {error}") from None


def _page_text(page: FetchedPage) -> str:
    try:
        return readable_text(page.body, page.charset)
    except ArticleError as error:
        raise FetchError(f"{page.final_url}: {error}; nothing was saved") from None


def _readable_article(path: Path, text: str, page: FetchedPage) -> Article:
    try:
        return article_from_readable(path, text, page.kind)
    except ArticleError as error:
        raise FetchError(f"{page.final_url}: {error}; nothing was saved") from None


def _old_article(folder: PageFolder, previous: Version | None) -> Article | None:
    if previous is None:
        return None
    try:
        return folder.version_article(previous)
    except ArticleError:
        return None  # an unreadable old snapshot: the new version is still kept


def _follow_renamed_article(old_path: Path, new_path: Path) -> None:
    """The page changed kind (HTML ↔ plain text): the sidecar follows the article's new name."""
    old_sidecar, new_sidecar = sidecar_path_for(old_path), sidecar_path_for(new_path)
    if old_sidecar.is_file() and not new_sidecar.exists():
        os.replace(old_sidecar, new_sidecar)
    old_path.unlink(missing_ok=True)


def _reanchor_sidecar(article: Article) -> HighlightChanges:
    store = AnnotationStore.open(article)
    if store.problem is not None:
        return HighlightChanges(problem=str(store.problem))
    problem = None
    if store.reanchored:
        try:
            # Under the sidecar's lock, on what it holds then: a save another program (the
            # window) made since it was read above is re-anchored and kept, not overwritten.
            store.update(lambda _annotations: None)
        except SidecarError as error:  # kept as it was: opening the article re-anchors it again
            problem = str(error)
    annotations = store.annotations.annotations
    changes = HighlightChanges(total=len(annotations), problem=problem)
    for annotation in annotations:
        if annotation.status == "orphan":
            changes.needs_review += 1
        elif annotation.status in ("moved", "fuzzy"):
            changes.moved += 1
            changes.changed_text += annotation.status == "fuzzy"
    return changes


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
