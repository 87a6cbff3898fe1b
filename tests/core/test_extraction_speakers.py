"""Who said what beyond ``“…,” said Name``: cue verbs of every communication class, speakers set
up outside the quote's own sentence, speaker phrases, and quotes that have no speaker.

Every text here is written for these tests.
"""

from __future__ import annotations

import pytest

from tests.core.extraction_support import quote_containing, run, span_text


@pytest.mark.parametrize(
    "cue",
    ["barked", "boomed", "beamed", "fumed", "confessed", "remembered", "interjected", "echoed", "shot back", "asserted", "muttered", "implored"],
)
def test_communication_verbs_of_every_class_are_cues(cue):
    text = (
        "Marta Oliveira runs the ferry service on the lake.\n"
        f"“The boats leave at dawn, whatever the weather,” Oliveira {cue}.\n"
    )
    result = run(text)
    quote = quote_containing(result, "boats leave")
    assert quote.kind == "direct"
    assert quote.speaker == "Marta Oliveira"
    assert quote.cue_text == cue
