"""A body named by one word (``WestJet said…``) is the one a later description (``the airline``,
``the company``, ``the union``) points back to, as a body of several words is; an ordinary word that
opens a sentence (``Officials said…``) is no body's name.

Every text here is written for these tests.
"""

from __future__ import annotations

import pytest

from tests.core.extraction_support import quote_containing, run


@pytest.mark.parametrize(
    "text, words, speaker",
    [
        (
            "Flights grounded across the west\n\nWestJet said flights would resume Monday.\n\n"
            "“We are sorry for the delays,” the airline said.\n",
            "sorry for the delays",
            "WestJet",
        ),
        (
            "Loblaw said in a statement it would review its prices after the complaints.\n\n"
            "“Customers come first and always will,” the company said.\n",
            "Customers come first",
            "Loblaw",
        ),
        (
            "Unifor said talks with the automaker had broken down late Tuesday. "
            "“We will not accept concessions,” the union said.\n",
            "accept concessions",
            "Unifor",
        ),
        (
            "Metrolinx confirmed the closure on Friday.\n\n“Safety comes before the schedule,” the agency said.\n",
            "Safety comes",
            "Metrolinx",
        ),
    ],
)
def test_a_description_points_back_to_a_body_named_by_one_word(text, words, speaker):
    assert quote_containing(run(text), words).speaker == speaker


def test_an_ordinary_word_opening_the_sentence_is_not_a_body():
    text = "Officials said the bridge would stay closed. “The inspection is not finished,” the department said.\n"
    assert quote_containing(run(text), "inspection").speaker == "the department"


def test_a_surname_opening_the_sentence_is_not_a_body():
    text = "Anderson said the plant would stay open.\n\n“Nothing has been decided,” the company said.\n"
    assert quote_containing(run(text), "Nothing has been").speaker != "Anderson"
