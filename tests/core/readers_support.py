"""Helpers shared by the reader and structure tests: fixture paths and block invariants."""

from __future__ import annotations

from pathlib import Path

from annotator.core.article import Article, Block

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "readers"
SHARED = Path(__file__).resolve().parents[2].parent / "shared"


def fixture(name: str) -> Path:
    return FIXTURES / name


def assert_blocks_well_formed(text: str, blocks: list[Block]) -> None:
    """Blocks are sorted, disjoint, trimmed, inside the text, and cover every non-space character."""
    covered = [False] * len(text)
    previous_end = 0
    for block in blocks:
        assert previous_end <= block.start < block.end <= len(text), block
        content = text[block.start : block.end]
        assert content == content.strip(), f"untrimmed block {block}: {content!r}"
        for index in range(block.start, block.end):
            covered[index] = True
        previous_end = block.end
    uncovered = [char for char, inside in zip(text, covered) if not inside and not char.isspace()]
    assert not uncovered, f"text outside every block: {''.join(uncovered)[:80]!r}"


def kinds_and_texts(article: Article) -> list[tuple[str, str]]:
    return [(block.kind, article.text[block.start : block.end]) for block in article.blocks]


def texts_of(article: Article, kind: str) -> list[str]:
    return [article.text[block.start : block.end] for block in article.blocks_of(kind)]
