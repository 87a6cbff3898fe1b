"""Plain-text articles: the file's text is the canonical text; structure is recovered."""

from __future__ import annotations

from pathlib import Path

from annotator.core.article import Article, Block
from annotator.core.readers import line_cues
from annotator.core.readers.structure import recover_blocks


def article_from_text(source: Path, text: str, encoding: str) -> Article:
    """An Article over ``text`` unchanged, with recovered blocks and what they tell us.

    The title is the headline when there is one, else the file name without extension;
    a byline gives ``metadata['author']`` and a dateline ``metadata['dateline']``.
    """
    blocks = recover_blocks(text)
    return Article(
        source=source,
        text=text,
        title=_title(text, blocks) or source.stem,
        metadata=_metadata(text, blocks, encoding),
        blocks=blocks,
        format="text",
    )


def _title(text: str, blocks: list[Block]) -> str:
    for block in blocks:
        if block.kind == "headline":
            return " ".join(text[block.start : block.end].split())
    return ""


def _metadata(text: str, blocks: list[Block], encoding: str) -> dict[str, str]:
    metadata = {"encoding": encoding}
    for block in blocks:
        content = text[block.start : block.end]
        if block.kind == "byline" and "author" not in metadata:
            metadata["author"] = line_cues.byline_name(content)
        elif block.kind == "dateline" and "dateline" not in metadata:
            metadata["dateline"] = content
    return metadata
