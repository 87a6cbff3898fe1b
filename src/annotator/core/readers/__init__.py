"""Read an article file (plain text, HTML or Markdown) into an :class:`Article`.

``read_article(path)`` chooses the reader by extension and, for unknown extensions, by
content: text that starts like an HTML document is read as HTML, anything else as plain
text (a ``.txt`` file is always plain text, whatever it holds). Every failure is an
:class:`ArticleError` whose message can be shown to the user as is:

==========================  ==============================================================
input                       message
==========================  ==============================================================
missing path                file not found
folder                      this is a folder, not an article file
device, pipe, socket        not a regular file (...)
no read permission          permission denied: you are not allowed to read this file
over 50 MB                  the file is N MB; articles larger than 50 MB are refused
empty file                  the file is empty
only whitespace / NBSP      the file contains only whitespace
PDF, Word/EPUB, images...   this is a PDF document, not text; Annotator reads plain text...
NUL bytes, control chars    this looks like a binary file (...), not text
BOM but invalid bytes       the file says it is UTF-8 but contains invalid bytes
unrecognised encoding       the text encoding could not be recognised (...)
HTML without main text      no article text could be found in this HTML page
HTML nested > 255 deep      this page's HTML is nested more than 255 elements deep; ...
HTML text run over 10 MB    this page has one piece of text or markup over 10 MB, ...
Markdown without text       the Markdown file has no readable text
Markdown nested too deep    the Markdown nests quotes or lists too deeply (...); ...
==========================  ==============================================================
"""

from __future__ import annotations

import os
from pathlib import Path

from annotator.core.article import Article, ArticleError
from annotator.core.readers.decoding import DecodedText, read_text
from annotator.core.readers.plain_text import article_from_text

HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".shtml"})
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown", ".mdown", ".mkd"})
TEXT_SUFFIXES = frozenset({".txt", ".text"})


def read_article(path: str | os.PathLike[str]) -> Article:
    """Read ``path`` as an article; raise ArticleError with a user-facing reason on failure."""
    source = Path(path)
    article = article_from_decoded(source, read_text(source))
    from annotator.core.web.provenance import add_fetch_metadata

    add_fetch_metadata(article)  # a fetched page: its URL and fetch time
    return article


def article_from_decoded(source: Path, decoded: DecodedText) -> Article:
    """The article in text already decoded, read as ``read_article`` would read a file named ``source``.

    Batch extraction reads bytes itself (to hash them, or from a corpus record or a remote file
    system) and must still choose the reader exactly as ``annotator extract`` does.
    """
    suffix = source.suffix.lower()
    if suffix in HTML_SUFFIXES or (suffix not in TEXT_SUFFIXES | MARKDOWN_SUFFIXES and looks_like_html(decoded.text)):
        from annotator.core.readers.html_reader import article_from_html

        return article_from_html(source, decoded)
    if suffix in MARKDOWN_SUFFIXES:
        from annotator.core.readers.markdown_reader import article_from_markdown

        return article_from_markdown(source, decoded)
    return article_from_text(source, decoded)


def looks_like_html(text: str) -> bool:
    """A doctype, <html>, or a <head>/<body> tag near the start."""
    head = text[:2048].lstrip().lower()
    if head.startswith(("<!doctype html", "<html", "<?xml")) and "<html" in text[:4096].lower():
        return True
    return head.startswith("<") and ("<body" in head or "<head" in head)


__all__ = ["Article", "ArticleError", "article_from_decoded", "looks_like_html", "read_article"]
