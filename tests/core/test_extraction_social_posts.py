"""A post written in capitals is still speech when a cue hands over to it (``posted on Instagram:
“WE DID IT.”``); a quote in capitals that nothing introduces stays a heading.

Every text here is written for these tests.
"""

from __future__ import annotations

import pytest

from tests.core.extraction_support import quote_containing, run


@pytest.mark.parametrize("cue", ["posted on Instagram:", "wrote on Twitter:", "tweeted Sunday,"])
def test_a_post_in_capitals_after_its_cue_is_a_direct_quote(cue):
    text = f"Ferry captain Lena Strand {cue} \"WE MADE IT ACROSS THE LAKE.\"\n"
    quote = quote_containing(run(text), "WE MADE IT")
    assert quote.kind == "direct"
    assert quote.speaker == "Lena Strand"


def test_a_quote_in_capitals_alone_on_its_line_stays_a_heading():
    text = "\"WE MADE IT ACROSS THE LAKE\"\n\nThe ferry reached the far shore at noon on Sunday.\n"
    result = run(text)
    assert all(q.kind == "scare" for q in result.quotes if "WE MADE IT" in q.text)
