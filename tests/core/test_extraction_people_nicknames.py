"""A nickname between a given name and a family name (``Maurice (Rocket) Richard``, ``Juan "Chico"
Manriquez``) is no part of the name, and the name is found whole. Fixtures written for these tests."""

from __future__ import annotations

from tests.core.extraction_support import run


def test_a_nickname_in_brackets_or_quotes_is_left_out_of_the_name():
    text = (
        "Henri Vachon was the younger brother of Maurice (Rocket) Vachon. Gerald \"Jay\" Kestler and "
        "Roger 'Rocket' Clemmons came too. Later Maurice Vachon spoke.\n"
    )
    people = {p.name: p for p in run(text).people}
    assert set(people) == {"Henri Vachon", "Maurice Vachon", "Gerald Kestler", "Roger Clemmons"}
    assert len(people["Maurice Vachon"].mentions) == 2


def test_a_party_state_or_country_in_brackets_is_not_a_nickname():
    text = "Rep. Tom (R-Texas) Sneed said so, and Ana (Brazil) Lopes won the race.\n"
    names = {p.name for p in run(text).people}
    assert "Tom Sneed" not in names and "Ana Lopes" not in names
