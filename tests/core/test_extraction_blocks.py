"""Reader blocks: captions, related links and source lines never yield quotes or speakers."""

from __future__ import annotations

from annotator.core.article import Block
from tests.core.extraction_support import run


def _blocks(text: str, kinds: list[str]) -> list[Block]:
    blocks, start = [], 0
    for kind, para in zip(kinds, text.split("\n\n")):
        blocks.append(Block(kind, start, start + len(para)))
        start += len(para) + 2
    return blocks


def test_caption_quotes_are_skipped_but_people_in_captions_are_mentions():
    text = (
        "“We will sail,” said Ana Lima.\n\n"
        "Ana Lima at the quay: ‘a ferry for everyone’ is her slogan\n\n"
        "Read more: ‘Why the ferries stopped’, by Ana Lima"
    )
    result = run(text, _blocks(text, ["paragraph", "caption", "related_link"]))
    assert [q.text for q in result.quotes] == ["“We will sail,”"]
    assert len(result.people[0].mentions) == 3


def test_a_caption_between_a_quote_and_its_continuation_is_skipped():
    text = "“First,” said Ana Lima.\n\nDaniel Okafor at the quay in 2020\n\n“Second.”"
    result = run(text, _blocks(text, ["paragraph", "caption", "paragraph"]))
    second = next(q for q in result.quotes if "Second" in q.text)
    assert second.speaker == "Ana Lima"


def test_a_continuation_needs_the_paragraph_right_before_it():
    text = "“First,” said Ana Lima.\n\nThe council met on Tuesday.\n\n“Second.”"
    second = next(q for q in run(text).quotes if "Second" in q.text)
    assert second.speaker is None


def test_without_blocks_every_line_is_a_paragraph():
    text = "“First,” said Ana Lima.\n“Second.”\n"
    result = run(text)
    assert [q.speaker for q in result.quotes] == ["Ana Lima", "Ana Lima"]
