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
