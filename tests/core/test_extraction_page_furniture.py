"""Web page chrome pasted with an article (``Story continues below advertisement``,
``Advertisement``) is not a paragraph of the story: a quote that continues after it keeps its
speaker, and nothing in it is a quote.

Every text here is written for these tests.
"""

from __future__ import annotations

import pytest

from tests.core.extraction_support import quote_containing, run


@pytest.mark.parametrize("chrome", ["Story continues below advertisement", "Advertisement", "ADVERTISEMENT", "Continue reading"])
def test_a_continuation_after_page_chrome_keeps_its_speaker(chrome):
    text = (
        "Harbour Minister Ines Duarte said the ferry terminal would reopen in the spring.\n\n"
        "\"Crews are working around the clock. The dock is nearly rebuilt,\" Duarte said on Monday.\n\n"
        f"{chrome}\n\n"
        "\"We will be ready for the first sailing in April.\"\n"
    )
    quote = quote_containing(run(text), "first sailing")
    assert quote.speaker == "Ines Duarte"


def test_a_long_line_that_mentions_advertising_is_still_a_paragraph():
    text = (
        "\"Advertisement revenue fell by half this year,\" said publisher Tomas Reyes.\n"
    )
    quote = quote_containing(run(text), "revenue fell")
    assert quote.speaker == "Tomas Reyes"
