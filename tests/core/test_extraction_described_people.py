"""A description that no role matches (``the Oilers captain said``, ``the mother of three said``)
points back like a pronoun to the person just named, unless that person holds another role or was
named too long ago.

Every text here is written for these tests.
"""

from __future__ import annotations

import pytest

from tests.core.extraction_support import quote_containing, run


def test_a_team_and_role_description_points_back_to_the_player():
    text = (
        "Mika Rautio scored twice in overtime and the Harbour Kings beat the Millers 3-2 on Saturday.\n\n"
        "\"We needed those two points,\" said the Kings captain, who has nine goals in five games.\n"
    )
    assert quote_containing(run(text), "two points").speaker == "Mika Rautio"


def test_the_mother_of_three_points_back_to_the_owner_named_before():
    text = (
        "The family of a young man killed at a level crossing is asking for an inquiry.\n\n"
        "Leona Fraser's son was 19 and had just started college.\n\n"
        "\"He wanted to be a paramedic,\" the mother of three said at a news conference.\n"
    )
    assert quote_containing(run(text), "paramedic").speaker == "Leona Fraser"


def test_a_description_does_not_take_a_person_who_holds_another_role():
    text = (
        "Professor Ada Whitcombe, an economist at the harbour college, studied the port for a decade.\n\n"
        "\"The dredging plan is already funded,\" the minister said on Tuesday.\n"
    )
    assert quote_containing(run(text), "dredging plan").speaker == "the minister"


def test_a_description_does_not_reach_back_past_a_few_paragraphs():
    filler = "The harbour fleet was rebuilt twice in the last century, each time with timber from the north shore. " * 14
    text = (
        "Mika Rautio scored twice on Saturday.\n\n"
        f"{filler}\n\n"
        "\"We needed those two points,\" said the team captain.\n"
    )
    assert quote_containing(run(text), "two points").speaker == "the team captain"


def test_a_name_set_beside_the_description_after_the_cue_is_the_speaker():
    text = (
        "Tomas Varga was let go in March after nine years with the port authority.\n\n"
        "\"He did exactly what a public servant should do,\" said his lawyer, Rhonda Okafor. \"He asked questions.\"\n"
    )
    result = run(text)
    assert quote_containing(result, "public servant").speaker == "Rhonda Okafor"
    assert quote_containing(result, "asked questions").speaker == "Rhonda Okafor"


def test_a_description_followed_by_a_new_clause_keeps_its_words():
    text = "\"The dock reopens in May,\" said a port spokesperson, adding that repairs were on schedule.\n"
    assert quote_containing(run(text), "reopens in May").speaker == "a port spokesperson"


def test_her_message_gives_the_quote_to_the_woman_just_named():
    text = "Sheila Bowman lost her son in 2017. Her message to other parents: \"Talk to your kids. Every day.\"\n"
    assert quote_containing(run(text), "Talk to your kids").speaker == "Sheila Bowman"


def test_his_reply_goes_to_the_man_not_the_nearer_woman():
    text = "Harbour master Tom Reed walked out before Mayor Ines Duarte finished. His reply to critics: \"Read the budget.\"\n"
    assert quote_containing(run(text), "Read the budget").speaker == "Tom Reed"


@pytest.mark.parametrize("description", ["the Liberal MP", "the Regina native", "the veteran goaltender"])
def test_descriptions_by_office_origin_or_position_point_back(description):
    text = f"Jordan Blake won the seat on Monday night. \"It has been a long road,\" {description} said.\n"
    assert quote_containing(run(text), "long road").speaker == "Jordan Blake"


@pytest.mark.parametrize("occupation", ["senior climatologist", "chief economist", "analyst"])
def test_an_occupation_between_a_body_and_a_name_after_the_cue(occupation):
    text = f"\"It is the kind of storm that makes you feel for the crews,\" said Environment Canada {occupation} Dave Phillips.\n"
    assert quote_containing(run(text), "kind of storm").speaker == "Dave Phillips"


def test_a_sentence_opening_on_the_minister_makes_her_the_next_she():
    text = (
        "Harbour Minister Ines Duarte appeared before the committee, where Councillor Ana Ruiz pressed her on fares.\n\n"
        "\"Islanders are paying more every year,\" Ruiz said.\n\n"
        "The minister rejected that. \"Fares have been frozen since 2017,\" she said.\n"
    )
    assert quote_containing(run(text), "frozen since").speaker == "Ines Duarte"
