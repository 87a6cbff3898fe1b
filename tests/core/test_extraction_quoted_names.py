"""A person named inside a quotation is whom the speaker talks about: the ``she`` or ``he`` of the
cue that follows means someone from the narrative, never that person.

Every text here is written for these tests.
"""

from __future__ import annotations

from tests.core.extraction_support import quote_containing, run


def test_a_pronoun_cue_skips_the_name_inside_its_own_quote():
    text = (
        "Councillor Maria Lopez cast the deciding vote on Friday after weeks of silence.\n\n"
        "\"None of this means that Inspector Haddad did anything wrong,\" she said at the meeting. "
        "\"I simply think the process failed.\"\n"
    )
    result = run(text)
    assert quote_containing(result, "did anything wrong").speaker == "Maria Lopez"
    assert quote_containing(result, "process failed").speaker == "Maria Lopez"


def test_a_name_in_an_earlier_quote_is_not_the_next_speaker():
    text = (
        "Harbour master Tom Reed opened the hearing.\n\n"
        "\"I asked Captain Ellis to hold the boats,\" Reed said.\n\n"
        "\"It was the only safe choice,\" he said.\n"
    )
    result = run(text)
    assert quote_containing(result, "only safe choice").speaker == "Tom Reed"


def test_a_person_inside_a_who_clause_is_not_the_next_pronoun():
    text = (
        "Former harbour master Kent Vollan denied the claims on Friday.\n\n"
        "Ana Ruiz, who worked at the port authority when Vollan ran it, said she stood by her account. "
        "\"I know what happened,\" she told reporters.\n"
    )
    assert quote_containing(run(text), "I know what happened").speaker == "Ana Ruiz"
