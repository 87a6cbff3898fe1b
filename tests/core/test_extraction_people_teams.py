"""Sports teams are not people: results lines, league tables, aggregates and scorers lines show
a club for what it is, everywhere in the text; players beside them stay people."""

from __future__ import annotations

from tests.core.extraction_support import run

RESULTS = (
    "SOCCER - NORDIC CUP RESULTS.\n"
    "Results of second leg matches on Thursday:\n"
    "In Vardo: Polaris Vardo (Norway) 0 Kestrel Tamsalu\n(Estonia) 2 (halftime 0-0)\n"
    "Scorers:\nKestrel Tamsalu - Ilmar Saarepuu (50th), Taavi Kivisild (84th)\n"
    "Kestrel Tamsalu win 3-0 on aggregate.\n"
    "Ferrow Ostrava 2 (Halvik 26th) Dunmore Athletic 1\n"
    "League table:\n"
    "Ferrow Ostrava 3 2 0 1 4 1 6\n"
    "Dunmore Athletic 3 0 1 2 1 4 1\n"
    "Coach Lars Henriksen said Kestrel Tamsalu played well.\n"
)


def test_clubs_in_results_tables_and_aggregates_are_not_people():
    names = {p.name for p in run(RESULTS).people}
    assert not names & {"Polaris Vardo", "Kestrel Tamsalu", "Ferrow Ostrava", "Dunmore Athletic"}
    assert {"Ilmar Saarepuu", "Taavi Kivisild", "Lars Henriksen"} <= names


def test_players_in_scores_tables_stay_people():
    text = (
        "Leading scores after the first round:\n"
        "66 Pieter Kolstad (Norway)\n"
        "67 Marek Wolny (Poland) 67 70, Ana Sousa 66 71\n"
        "Drivers' standings:\n"
        "1. Carla Mendes (Brazil) 43\n"
        "Tomas Ekberg (Sweden) 1\n"
        "Batting: Rohan Perera 3 5 0 396 170 79.20\n"
    )
    names = {p.name for p in run(text).people}
    assert {"Pieter Kolstad", "Marek Wolny", "Carla Mendes", "Tomas Ekberg"} <= names


def test_clubs_named_by_apposition_prefix_or_nickname_are_not_people():
    text = (
        "Kenny Dalhouse spoke of his sadness at leaving Kellburn, the club he led to the title.\n\n"
        "Kellburn announced on Wednesday that Dalhouse had left. Hapoel Varda fields four foreign players.\n\n"
        "The Chicago Herons won again, and Herons manager Davey Jonson was pleased. Georgia Evans said so.\n"
    )
    names = {p.name for p in run(text).people}
    assert {"Kenny Dalhouse", "Davey Jonson", "Georgia Evans"} <= names
    assert not names & {"Kellburn", "Hapoel Varda", "Herons", "Chicago Herons"}


def test_fixtures_match_scores_and_a_players_club_show_a_team():
    text = (
        "Fixtures for Saturday: Ostby Rovers v Kellmar Town, Brenna Vale v Sorren Athletic.\n"
        "Halden Stad beat Mornay Vest 2-0 on Friday, while striker Piet Lunde scored in a 3-1 away win "
        "over Tarvo Ekko. Lunde plays for Halden Stad. Vinter Kolby coach Arne Sollid was angry, and "
        "Vinter Kolby lost 1-0 to Brenna Vale.\n"
        "Top scorers:\n5 - Jens Ruud (Vinter Kolby), Ole Brekke (Mornay Vest),\n4 - Kari Stein (Tarvo Ekko)\n"
    )
    result = run(text)
    names = {p.name for p in result.people}
    assert not names & {"Ostby Rovers", "Kellmar Town", "Brenna Vale", "Sorren Athletic", "Halden Stad",
                        "Mornay Vest", "Tarvo Ekko", "Vinter Kolby"}
    assert {"Piet Lunde", "Arne Sollid", "Jens Ruud", "Ole Brekke", "Kari Stein"} <= names


def test_a_tennis_player_beaten_in_sets_and_a_name_glossed_in_brackets_stay_people():
    text = (
        "Men's singles:\nTomas Varga (Slovakia) beat Henri Dufour (France) 6-4 3-6 7-6 (7-4)\n"
        "Ana Ruiz beat Lena Holt 6-2\n6-3\n"
        "\"It was agreed with Boris Ivanovich (Kostin) yesterday,\" he said. Kostin did not comment.\n"
    )
    result = run(text)
    names = {p.name for p in result.people}
    assert {"Tomas Varga", "Henri Dufour", "Ana Ruiz", "Lena Holt"} <= names
    mentions = {text[m.start : m.end] for p in result.people for m in p.mentions}
    assert "Lena Holt" in mentions
