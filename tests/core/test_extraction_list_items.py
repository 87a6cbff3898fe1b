"""A quote that opens a list item (``• “We're ready,” said Singh.``) is a full quote, as if it opened
its paragraph: the list marker is not a sentence before it.

Every text here is written for these tests.
"""

from __future__ import annotations

import pytest

from tests.core.extraction_support import quote_containing, run


@pytest.mark.parametrize("marker", ["•", "-", "*", "–"])
def test_a_quote_opening_a_list_item_is_direct(marker):
    text = (
        "What the ferry captains said after the vote:\n\n"
        f"{marker} \"We are ready to sail,\" said captain Lena Strand.\n"
        f"{marker} \"The harbour is not ready,\" said captain Tom Reed.\n"
    )
    result = run(text)
    assert quote_containing(result, "ready to sail").kind == "direct"
    assert quote_containing(result, "ready to sail").speaker == "Lena Strand"
    assert quote_containing(result, "not ready").kind == "direct"
