"""Caption credits as Canadian Press and AP pages write them, with no brackets (``THE CANADIAN
PRESS/Adrian Wyld``, ``AP Photo/Jane Roe``), are credits, not people. Fixtures written for these tests."""

from __future__ import annotations

from tests.core.extraction_support import run


def test_a_caption_credit_without_brackets_after_an_agency_in_capitals():
    text = (
        "Prime Minister Ada Strand speaks in Regina on Tuesday. THE CANADIAN PRESS/Lorne Wyck\n\n"
        "Ada Strand said the tax would stay. AP Photo/Mina Holt\n\n"
        "A Reuters/Ipsos poll and an NBC News/Wall Street Journal survey agreed, said Omar Teal.\n"
    )
    found = run(text)
    assert {p.name for p in found.people} == {"Ada Strand", "Omar Teal"}
    assert [(c.name, c.kind) for c in found.credits] == [("Lorne Wyck", "photo"), ("Mina Holt", "photo")]


class _CountingText(str):
    """A text that counts the characters read from it one at a time."""

    reads = 0

    def __getitem__(self, key):
        type(self).reads += 1
        return super().__getitem__(key)


def _reads(text: str) -> int:
    from annotator.core.extraction.credits import find_credits
    from annotator.core.extraction.wordlists import load_lexicon

    _CountingText.reads = 0
    find_credits(_CountingText(text), load_lexicon())
    return _CountingText.reads


def test_a_credit_after_an_agency_slash_is_read_no_further_than_its_reach():
    # One-line text has no line end to stop at: each credit reads its own reach, not the rest of the text.
    piece = "A boat sinks. THE CANADIAN PRESS/Adrian Wyld "
    assert _reads(piece * 1600) <= 6 * _reads(piece * 400)
