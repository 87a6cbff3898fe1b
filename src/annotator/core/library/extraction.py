"""The one place the library gets an article's extraction.

Everything the index knows about quotes, speakers and people comes through
:func:`article_extraction`, so that whatever refines an extraction for the reader (the
window, ``annotator extract`` and the exports read the same result) refines the library's
figures too, in one step here.
"""

from __future__ import annotations

from pathlib import Path

from annotator.core.article import Article
from annotator.core.extraction import Extraction, extract


def article_extraction(path: Path, article: Article) -> Extraction:
    """The people and quotes of ``article`` (read from ``path``) as the library indexes them."""
    del path  # the article's own file, for steps that read what belongs beside it
    return extract(article)
