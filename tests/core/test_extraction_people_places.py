"""Towns and villages written like people's names (two capitalised words, neither an ordinary word)
are places when the words around them say so: ``the village of …``, ``near … on Monday``,
``…, Nebraska``. A preposition alone makes a lone word a place at that spot only."""

from __future__ import annotations

from tests.core.extraction_support import run


def names_and_mentions(text: str):
    result = run(text)
    return {p.name for p in result.people}, {text[m.start : m.end] for p in result.people for m in p.mentions}


def test_towns_introduced_by_a_place_noun_a_trip_or_their_region_are_not_people():
    text = (
        "Rebels attacked the village of Dorno Vasko, 30 km north of the capital, police said.\n\n"
        "The convoy reached the town of Velmir Hasa on Friday. Later it arrived in Kemal Dorra.\n\n"
        "Speaking in Santa Orla, Nebraska, the senator said little. A plant near Tavor, Arkansas, closed.\n\n"
        "Fighting went on in Ulmen Kavo. Nurse Dorit Haslam said nine were hurt.\n"
    )
    names, _ = names_and_mentions(text)
    assert "Dorit Haslam" in names
    assert not names & {"Dorno Vasko", "Velmir Hasa", "Kemal Dorra", "Santa Orla", "Tavor", "Ulmen Kavo"}


def test_a_lone_word_after_in_is_a_place_there_but_the_person_elsewhere_stays():
    text = (
        "Pitcher Tyler Brandvold allowed two hits. In Brandvold, the county fair opened on Sunday.\n\n"
        "Brandvold said he was tired. The coach aimed a kick at Marek Osl, but missed; Osl said so.\n"
    )
    result = run(text)
    tyler = next(p for p in result.people if p.name == "Tyler Brandvold")
    spots = [text[m.start : m.end] for m in tyler.mentions]
    assert spots == ["Tyler Brandvold", "Brandvold"]  # not the town after ``In``
    assert "Marek Osl" in {p.name for p in result.people}


def test_people_after_in_with_a_possessive_or_a_baseball_verb_stay_people():
    text = (
        "Officials in Ravi Menon's office declined to comment. Jake Ortis drove in Otis Barlow with a single.\n"
    )
    names, mentions = names_and_mentions(text)
    assert {"Ravi Menon", "Otis Barlow"} <= names
    assert "Otis Barlow" in mentions
