"""The one place the library gets an article's extraction: the extractor's, corrected by the reader.

Everything the index knows about quotes, speakers and people comes through
:func:`article_extraction`, so the reader's corrections kept in an article's sidecar (a
speaker set, "not a quote", people merged) count in the library's search and share of voice
exactly as in the window, ``annotator extract`` and the exports. A changed sidecar re-indexes
its article, so a new correction reaches the library at the next index.
"""

from __future__ import annotations

from pathlib import Path

from annotator.core.article import Article
from annotator.core.corrections.reading import corrected_extraction
from annotator.core.extraction import Extraction, extract


def article_extraction(path: Path, article: Article) -> Extraction:
    """The people and quotes of ``article`` (read from ``path``) as the library indexes them."""
    del path  # the article's own file; its sidecar is found from the article
    extraction, _ = corrected_extraction(article, extract(article))
    return extraction
