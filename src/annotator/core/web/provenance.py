"""Where a fetched article came from, added to its metadata when it is opened.

The article file of a fetched page is an ordinary ``.html`` or ``.txt`` file, read by the
ordinary readers; its folder's records say which address it was fetched from and when.
``read_article`` calls ``add_fetch_metadata`` so that the window, ``extract`` and every
export show the URL and fetch time of the version being read.
"""

from __future__ import annotations

from annotator.core.article import Article
from annotator.core.web.model import PAGE_FILE


def add_fetch_metadata(article: Article) -> None:
    """Add url / fetched / final_url / web_version when ``article`` is a fetched page's article."""
    if not (article.source.parent / PAGE_FILE).is_file():
        return
    from annotator.core.web.snapshots import PageFolder, fetch_metadata

    folder = PageFolder.at(article.source.parent)
    if folder is None or not article.source.name.startswith(folder.slug):
        return
    newest = folder.newest()
    if newest is not None:
        article.metadata.update(fetch_metadata(newest))
