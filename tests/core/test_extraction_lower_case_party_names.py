"""``said Québec solidaire co-spokesperson Manon Massé``: a party's name whose later words its owners
write in lower case, then a role, belongs to the phrase before the name that closes the clause; the
person named there spoke, not the party's first word.

Every text here is written for these tests.
"""

from __future__ import annotations

import pytest

from tests.core.extraction_support import quote_containing, run


@pytest.mark.parametrize(
    "sentence, words, speaker",
    [
        ("“It's a new era for our movement,” said Québec solidaire co-spokesperson Manon Massé.", "new era", "Manon Massé"),
        ("“The vote was stolen from us,” said Parti québécois interim leader Pascal Bérubé.", "stolen", "Pascal Bérubé"),
        ("“We need a greener economy,” said Parti vert spokesperson Alex Tyrrell.", "greener economy", "Alex Tyrrell"),
        ("“The region deserves better,” said Bloc québécois leader Martine Ouellet.", "deserves better", "Martine Ouellet"),
    ],
)
def test_the_person_after_a_lower_case_party_name_and_a_role_spoke(sentence, words, speaker):
    text = "Parties react to the results\n\nMONTREAL — The results came in late on Monday night.\n\n" + sentence + "\n"
    assert quote_containing(run(text), words).speaker == speaker


def test_an_english_word_after_the_name_still_ends_the_phrase():
    text = "Council meets\n\n“We will vote in March,” said Reed after the meeting with Mayor Tom Hall.\n"
    assert quote_containing(run(text), "vote in March").speaker == "Reed"
