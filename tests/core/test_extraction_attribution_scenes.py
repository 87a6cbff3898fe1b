"""Who said a quote when the sentences around it offer more than one speaker: a quote that ends its
sentence after the cue that introduced it, and the sentence after it that starts with a speech verb of
its own.

Every text here is written for these tests.
"""

from __future__ import annotations

import pytest

from tests.core.extraction_support import quote_containing, run


@pytest.mark.parametrize(
    "after",
    [
        "The harbour official reiterated: “It is not our business.”",
        "This sort of complaint, the company claimed, breaks its rules.",
        "Marsh later clarified that to mean the fishing boats.",
    ],
)
def test_a_quote_that_ends_its_sentence_keeps_the_cue_that_introduced_it(after):
    text = (
        "The mayor spoke for an hour at the harbour hall.\n\n"
        f"In the spring, Ella Marsh firmly declared at a press conference, “I never moved a single crate.” {after}\n"
    )
    quote = quote_containing(run(text), "single crate")
    assert quote.speaker == "Ella Marsh"
    assert quote.cue_text == "declared"


def test_a_question_closed_by_its_attribution_still_takes_the_cue_after_it():
    text = "Tom Reed runs the ferry.\n\n“Why is the ferry late again?” Reed asked. “Nobody knows,” said Ana Pike.\n"
    assert quote_containing(run(text), "ferry late").speaker == "Tom Reed"
    assert quote_containing(run(text), "Nobody knows").speaker == "Ana Pike"
