"""A name listed with firms (``Tim Hortons, Canadian Tire and Shoppers Drug Mart``) is a firm too,
unless it has a person's cue of its own or most of the list are people. Fixtures written for these
tests."""

from __future__ import annotations

import pytest

from tests.core.extraction_support import run


@pytest.mark.parametrize(
    "sentence",
    [
        "Tim Hortons, Canadian Tire and Shoppers Drug Mart all reported lower sales in the quarter.",
        "Analysts expect Harvey Norris, Maple Leaf Foods and Nordvik Bank to cut jobs this year.",
        "Shares of Rupert Lyle, Halverson Corp. and Ostrander Energy fell on Monday.",
        "Dana Beckett, Greystone Mart or Pellham Tire will buy the site, the mayor said.",
    ],
)
def test_a_name_listed_with_firms_is_a_firm(sentence):
    text = f"Retail had a hard winter. {sentence}\n\nLena Vos, an analyst, said the trend would last.\n"
    assert [p.name for p in run(text).people] == ["Lena Vos"]


def test_a_listed_name_with_a_cue_of_its_own_stays_a_person():
    text = (
        "Dana Beckett, Greystone Mart and Pellham Tire bid for the site.\n\n"
        "Dana Beckett said she would keep the old name.\n"
    )
    assert [p.name for p in run(text).people] == ["Dana Beckett"]


def test_a_list_mostly_of_people_keeps_them():
    text = "Mara Quill, Owen Tasker and Halverson Corp. signed the deal on Friday.\n"
    assert [p.name for p in run(text).people] == ["Mara Quill", "Owen Tasker"]


def test_people_listed_with_a_party_stay_people():
    text = "Justin Moreau, Andrew Kessler and the NDP traded barbs in the House on Tuesday.\n"
    assert [p.name for p in run(text).people] == ["Justin Moreau", "Andrew Kessler"]


def test_an_officer_of_the_firms_listed_stays_a_person():
    text = "Joseph Brandt, Halverson Medical and Ostrander Corp. president, will run the new firm.\n"
    assert [p.name for p in run(text).people] == ["Joseph Brandt"]
