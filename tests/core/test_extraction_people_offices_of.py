"""An office named with ``of`` before a name (``Clerk of the Privy Council Michael Wernick``): the
office is the person's role and the body's words are no part of the name. Fixtures written for
these tests."""

from __future__ import annotations

import pytest

from tests.core.extraction_support import person_named, run


@pytest.mark.parametrize(
    ("office", "name"),
    [
        ("Clerk of the Privy Council", "Lorna Achterberg"),
        ("Chief of the Defence Staff", "Gordon Tremblay"),
        ("Speaker of the House of Commons", "Denise Okafor"),
        ("Leader of the Opposition", "Martin Halloran"),
        ("Minister of Public Safety", "Nadia Petrenko"),
    ],
)
def test_the_office_is_the_role_and_the_name_follows_it(office, name):
    text = f"Officials met on Tuesday. {office} {name} told the committee the review would take a year.\n"
    result = run(text)
    person = person_named(result, name)
    assert person.role == office
    assert [text[m.start : m.end] for m in person.mentions] == [name]
    assert {p.name for p in result.people} == {name}


def test_an_office_opening_a_sentence_and_named_again_by_family_name():
    text = (
        "Clerk of the Privy Council Lorna Achterberg testified on Thursday.\n\n"
        "Achterberg said she had warned the minister twice.\n"
    )
    person = person_named(run(text), "Lorna Achterberg")
    assert person.role == "Clerk of the Privy Council"
    assert len(person.mentions) == 2


def test_a_body_named_after_of_without_a_title_is_no_office():
    text = "The Bank of Montreal Harbour Branch reopened. The Ministry of Health Services said nothing.\n"
    assert [p.name for p in run(text).people] == []
