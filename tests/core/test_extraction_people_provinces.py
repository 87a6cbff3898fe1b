"""Canadian towns written the way Canadian Press writes them (``Prince George, B.C.``, ``Sault Ste.
Marie, Ont.``, ``Lac La Biche``) are places, and Canadian ranks abbreviated before a name
(``Cpl.``, ``Const.``, ``Coun.``) are roles. Fixtures written for these tests."""

from __future__ import annotations

from tests.core.extraction_support import run


def test_a_town_before_a_province_abbreviation_is_a_place_even_after_a_title_word():
    text = (
        "A man from Prince George, B.C., was arrested after a crash near Prince Albert, Sask., police said. "
        "Another driver, from Sault Ste. Marie, Ont., was hurt, as were two people from Charlottetown, P.E.I., "
        "and one from Red Deer, Alta.\n\n"
        "Sgt. Olga Brenner said the driver would appear in court in Prince George.\n"
    )
    people = run(text).people
    names = {p.name for p in people}
    assert names == {"Olga Brenner"}


def test_a_results_list_name_before_a_country_stays_a_person():
    text = "Leading scores: Jim Furyk, U.S., 66; Ana Lima, Brazil, 67; Tom Kite, Calif., 68.\n"
    names = {p.name for p in run(text).people}
    assert {"Jim Furyk", "Ana Lima"} <= names


def test_french_place_prefixes_and_abbreviated_saints_keep_a_place_whole():
    text = (
        "Evacuees drove south toward Lac La Biche, and others to Fort St. John and St. Albert.\n\n"
        "Mayor Elsa Dunn of Sault Ste. Marie said buses were ready.\n"
    )
    names = {p.name for p in run(text).people}
    assert names == {"Elsa Dunn"}


def test_a_street_abbreviation_does_not_swallow_the_next_sentence():
    text = "The fire started on Dunlop St. Ravi Mehta, who lives there, said he called 911.\n"
    names = {p.name for p in run(text).people}
    assert "Ravi Mehta" in names


def test_canadian_ranks_abbreviated_before_a_name_are_roles():
    text = (
        "Cpl. Dana Ruel and Const. Piet Hollander of the RCMP were at the scene, "
        "and Coun. Marta Fell asked for a review.\n"
    )
    roles = {p.name: p.role for p in run(text).people}
    assert roles == {"Dana Ruel": "Cpl", "Piet Hollander": "Const", "Marta Fell": "Coun"}
