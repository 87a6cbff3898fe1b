"""A quote that closes its sentence right after its speaker's attributed quote (``“A,” X said.
“B.”``) is X's, even when the next sentence reports someone else (``Y shot back that…``) — the
common case in text whose paragraph breaks were lost.

Every text here is written for these tests.
"""

from __future__ import annotations

from tests.core.extraction_support import quote_containing, run


def test_the_next_sentence_reporting_another_person_does_not_take_the_quote():
    text = (
        "Councillor Ana Ruiz and Mayor Tom Hale clashed over the ferry budget on Tuesday. "
        "\"This mayor is telling islanders they do not count,\" Ruiz said. \"Shame on him.\" "
        "Hale shot back that the previous council had left a deficit of $2 million. "
        "\"We are fixing their mess,\" he said.\n"
    )
    result = run(text)
    assert quote_containing(result, "Shame on him").speaker == "Ana Ruiz"
    assert quote_containing(result, "fixing their mess").speaker == "Tom Hale"


def test_a_quote_with_no_speaker_before_it_still_takes_the_next_sentence():
    text = "The ferry was late again on Monday.\n\n\"It is always late.\" Lia Berg, who rides it daily, said she had stopped counting.\n"
    assert quote_containing(run(text), "always late").speaker == "Lia Berg"
