"""The article model: one canonical text and the block spans that structure it.

Every offset here is a code-point offset into ``Article.text`` (end exclusive). Readers
never rewrite the text to show structure; they describe it with non-overlapping blocks.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

BLOCK_KINDS: tuple[str, ...] = (
    "headline",
    "standfirst",
    "bullet",
    "paragraph",
    "caption",
    "related_link",
    "source_line",
    "byline",
    "dateline",
    "subheading",
)


class ArticleError(Exception):
    """A file that cannot be read as an article; the message is meant for the user."""


@dataclass(frozen=True, slots=True)
class Block:
    """A structural span of the canonical text, such as a headline or a caption."""

    kind: str
    start: int
    end: int

    def __post_init__(self) -> None:
        if self.kind not in BLOCK_KINDS:
            raise ValueError(f"unknown block kind {self.kind!r}")
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad block span {self.start}..{self.end}")

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "start": self.start, "end": self.end}


@dataclass(slots=True)
class Article:
    """An article as read from disk: canonical text, title, metadata and blocks."""

    source: Path
    text: str
    title: str = ""
    metadata: dict[str, str] = field(default_factory=dict)
    blocks: list[Block] = field(default_factory=list)
    format: str = "text"

    @property
    def sha256(self) -> str:
        return text_sha256(self.text)

    def blocks_of(self, kind: str) -> list[Block]:
        return [block for block in self.blocks if block.kind == kind]

    def block_at(self, offset: int) -> Block | None:
        """The block containing ``offset``, or None when it falls in whitespace."""
        lo, hi = 0, len(self.blocks)
        while lo < hi:
            mid = (lo + hi) // 2
            block = self.blocks[mid]
            if offset < block.start:
                hi = mid
            elif offset >= block.end:
                lo = mid + 1
            else:
                return block
        return None

    def to_json(self) -> dict[str, Any]:
        return {
            "source": str(self.source),
            "text": self.text,
            "title": self.title,
            "format": self.format,
            "sha256": self.sha256,
            "metadata": dict(self.metadata),
            "blocks": [block.to_json() for block in self.blocks],
        }


def text_sha256(text: str) -> str:
    """SHA-256 of the canonical text encoded as UTF-8: what sidecars pin an article to."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
