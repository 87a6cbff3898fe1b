"""``“It's time.” With those two words, Ana Ruiz announced…``: a quote whose next sentence points back
at it (``With those words,``, ``With that,``, ``Those two words were how``) is spoken by that
sentence's subject, the person named right after the pointer.

Every text here is written for these tests.
"""

from __future__ import annotations

import pytest

from tests.core.extraction_support import quote_containing, run


@pytest.mark.parametrize(
    "paragraph, words, speaker, cue",
    [
        (
            "“It's time.” With those two words, Ana Ruiz announced on Tuesday that she would not seek a fourth term as mayor.",
            "It's time",
            "Ana Ruiz",
            "With those two words",
        ),
        ("“We did it.” With that, Marc Tellier lifted the trophy over his head as the crowd roared.", "We did it", "Marc Tellier", "With that"),
        (
            "“Enough is enough.” With those words, council member Priya Natarajan walked out of the chamber on Monday.",
            "Enough is enough",
            "Priya Natarajan",
            "With those words",
        ),
        ("“I'm done.” Those two words were how coach Dale Hunter ended his career on Friday.", "I'm done", "Dale Hunter", "Those two words were how"),
    ],
)
def test_the_subject_of_the_sentence_pointing_back_spoke(paragraph, words, speaker, cue):
    text = "Town news\n\nHALIFAX — A long week at city hall came to an end.\n\n" + paragraph + "\n"
    quote = quote_containing(run(text), words)
    assert quote.speaker == speaker
    assert quote.kind == "direct"
    assert quote.cue is not None and text[quote.cue.start : quote.cue.end] == cue


def test_a_name_that_is_not_the_subject_is_not_the_speaker():
    text = "Town news\n\n“We did it.” With that, the crowd turned to Marc Tellier for a speech.\n"
    assert quote_containing(run(text), "We did it").speaker != "Marc Tellier"


def test_a_sentence_that_does_not_point_back_names_no_speaker():
    text = "Town news\n\nHALIFAX — A long week ended.\n\n“It's time.” With the vote done, Ana Ruiz walked out of the hall.\n"
    assert quote_containing(run(text), "It's time").speaker != "Ana Ruiz"
