"""Titles of books, albums and shows written in Title Case inside a sentence (``The Blind
Assassin``, ``Let Us Compare Mythologies``) and a show or band named before its star or singer
(``Captain Marvel star …``) are not people; hosts named in a show's title still are. Fixtures
written for these tests."""

from __future__ import annotations

from tests.core.extraction_support import run


def test_a_name_after_a_capitalised_small_word_inside_a_sentence_is_part_of_a_title():
    text = (
        "Ines Varga, who won in 2001 for The Blind Hartigan, said her first book, Let Us Compare Kaleidoscopes, "
        "was rejected twice. Her album, You Want Marlowe Darker, sold well.\n"
    )
    names = {p.name for p in run(text).people}
    assert names == {"Ines Varga"}


def test_a_host_named_in_a_show_title_and_a_given_name_after_the_stay_people():
    text = (
        "Senator Ruth Calder said on \"This Week With Owen Marsh\" that she would run. "
        "In 2012 The Calder campaign was broke, and Maya Lund ran it.\n"
    )
    names = {p.name for p in run(text).people}
    assert {"Ruth Calder", "Owen Marsh", "Maya Lund"} <= names


def test_a_show_or_band_before_the_word_for_its_star_or_singer_is_not_a_person():
    text = (
        "Captain Starling star Bree Lawton praised the crews, and Quiet Harbour frontman Gil Dane agreed.\n\n"
        "Lawton said the film would open in May.\n"
    )
    people = run(text).people
    names = {p.name for p in people}
    assert names == {"Bree Lawton", "Gil Dane"}


def test_two_words_after_the_name_a_band_or_club_everywhere_in_the_text():
    text = (
        "Orla Penn, Strangely Hip frontman, dies at 53\n\n"
        "Orla Penn, the singer of the Strangely Hip, died on Tuesday. The Humber Broncos bus crash killed 16.\n\n"
        "Humber Broncos bus crash: driver sentenced\n\n"
        "Coach Ned Amos said the Doug Ford government had called, and the Clinton White House once wrote to "
        "Senator Ada Clinton.\n"
    )
    names = {p.name for p in run(text).people}
    assert names == {"Orla Penn", "Ned Amos", "Doug Ford", "Ada Clinton"}


def test_people_known_with_the_in_front_stay_people():
    text = (
        "The Dalai Lama visited Toronto, where he met the Aga Khan. The Honourable Jody Wilson-Raybould "
        "spoke, and the Hon. Bill Morneau agreed. Later the Dalai Lama said he was happy.\n"
    )
    people = {p.name: p.role for p in run(text).people}
    assert set(people) == {"Dalai Lama", "Aga Khan", "Jody Wilson-Raybould", "Bill Morneau"}
    assert people["Jody Wilson-Raybould"] == "Honourable"
