"""A right double mark typed where the opener belongs, after the cue's comma or colon
(``He says,” there are weeks…”``), opens the quote.

Every text here is written for these tests.
"""

from __future__ import annotations

import pytest

from tests.core.extraction_support import quote_containing, run


@pytest.mark.parametrize("lead", ["He says,", "He told us:"])
def test_a_right_mark_after_the_cue_opens_the_quote(lead):
    text = f"Dan Okoro has run the ferry since 2009. {lead}” there are weeks when the boat barely pays for itself.”\n"
    quote = quote_containing(run(text), "barely pays")
    assert quote.text.startswith("”") and quote.text.endswith("itself.”")
    assert quote.speaker == "Dan Okoro"


def test_a_closer_after_a_comma_still_closes_an_open_quote():
    text = "“The boat is old,” Dan Okoro said, “but it floats.”\n"
    result = run(text)
    assert [q.text for q in result.quotes if q.kind != "scare"] in (
        ["“The boat is old,” Dan Okoro said, “but it floats.”"],
        ["“The boat is old,”", "“but it floats.”"],
    )
