"""Capitalised phrases of modern news that look like names and are not people: a headline in Title
Case, a title before an ordinary word (``Star Wars``, ``Head Start``), abstract nouns (``Planned
Parenthood``), words describing the person before their name; and people the cues must leave alone."""

from __future__ import annotations

from tests.core.extraction_support import run


def names(text: str) -> set[str]:
    return {p.name for p in run(text).people}


def test_a_headline_in_title_case_names_no_fragments():
    text = (
        "Senator Mocks Rival Joke To Bash Fed Chair Dana Wells\n\n"
        "FIX IS IN: Panel Moderators Ignore Harlan Scandals.\n\n"
        "Dana Wells, the Fed chair, said the joke was old.\n"
    )
    found = names(text)
    assert "Dana Wells" in found
    assert not found & {"Joke", "Harlan Scandals", "Ignore Harlan Scandals", "Senator Mocks Rival Joke"}


def test_a_title_before_an_ordinary_word_and_abstract_nouns_are_not_people():
    text = (
        "Fans dressed as characters from Star Wars. She praised the Head Start program and signed an "
        "Executive Order on power. Planned Parenthood and the Trans-Pacific Partnership were debated, "
        "and the Vice Presidential pick was named. President Bush and Judge Day spoke.\n"
    )
    found = names(text)
    assert {"Bush", "Day"} <= found
    assert not found & {"Wars", "Start", "Order", "Planned Parenthood", "Trans-Pacific Partnership", "Presidential"}


def test_words_describing_a_person_before_the_name_are_left_out():
    text = (
        "Kentuckian Ronald Pauls spoke first. Floridians Jeb Bushman and Liberals Elena Kagin agreed, "
        "Moderator Hugh Hewlett said. Filmmaker Jack Marino, 40, was there.\n"
    )
    found = names(text)
    assert {"Ronald Pauls", "Jeb Bushman", "Elena Kagin", "Hugh Hewlett", "Jack Marino"} <= found


def test_supporters_strategists_and_reporters_of_a_person_keep_the_person():
    text = (
        "Bernie Sandler supporters booed. Stuart Stevens, the chief strategist for Mitt Romney's campaign, "
        "said strategists for Barack Obama agreed. As Hedrick Smith reported, the shops were empty.\n"
    )
    found = names(text)
    assert {"Bernie Sandler", "Mitt Romney", "Barack Obama", "Hedrick Smith", "Stuart Stevens"} <= found


def test_outlets_plans_and_diseases_named_after_people_are_not_people():
    text = (
        "The Orlando Sentinel and the Des Moines Register endorsed him. He praised the Marshall Plan, and "
        "doctors feared Creutzfeldt-Jakob Disease. Tennis player Jim Courier and Bill Gates attended.\n"
    )
    found = names(text)
    assert {"Jim Courier", "Bill Gates"} <= found
    assert not found & {"Orlando Sentinel", "Des Moines Register", "Marshall Plan", "Creutzfeldt-Jakob Disease"}


def test_a_headline_verb_after_a_full_name_is_not_part_of_it():
    text = (
        "Tom Cruz Refuses To Back Nominee\n\n"
        "Tom Cruz refuses to say whether he wins or loses. Steve Jobs said the jobs would come back.\n"
    )
    result = run(text)
    found = {p.name for p in result.people}
    assert {"Tom Cruz", "Steve Jobs"} <= found
    assert "Tom Cruz Refuses" not in found


def test_landforms_city_parts_and_sports_bodies_are_not_people():
    text = (
        "The well reached the Dunmore Reef at 3,800 feet. Voters in Upper Manhattan were polled, and "
        "New Zealand Cricket named its squad. Western Journalism ran the story. Coach Tom Belt and "
        "Rita Lower spoke.\n"
    )
    found = names(text)
    assert {"Tom Belt", "Rita Lower"} <= found  # family names that are also words of places
    assert not found & {"Dunmore Reef", "Upper Manhattan", "Zealand Cricket", "Journalism"}


def test_an_adjective_opening_the_sentence_is_no_part_of_the_name_after_it():
    text = (
        "Wealthy Varenna, now coached by a former international, drew 1-1. Injured Tomas Brenner sat out.\n"
        "Florent Grobert, Wilfried Peeterson and Manish Rao finished the race.\n"
    )
    found = names(text)
    assert {"Tomas Brenner", "Florent Grobert", "Wilfried Peeterson", "Manish Rao"} <= found
    assert not found & {"Wealthy Varenna", "Injured Tomas Brenner"}
