"""Plain-text articles: the file's text is the canonical text; structure is recovered."""

from __future__ import annotations

from pathlib import Path

from annotator.core.article import Article
from annotator.core.readers.decoding import DecodedText
from annotator.core.readers.structure import block_metadata, headline_text, recover_blocks


def article_from_text(source: Path, decoded: DecodedText) -> Article:
    """An Article over ``text`` unchanged, with recovered blocks and what they tell us.

    The title is the headline when there is one, else the file name without extension;
    a byline gives ``metadata['author']`` and a dateline ``metadata['dateline']``.
    """
    text = decoded.text
    blocks = recover_blocks(text)
    return Article(
        source=source,
        text=text,
        title=headline_text(text, blocks) or source.stem,
        metadata={**decoded.metadata(), **block_metadata(text, blocks)},
        blocks=blocks,
        format="text",
    )
