"""Players a results service names by family name alone: scorers with their minute and the
fielders, bowlers and batsmen of a cricket scorecard are people; the clubs beside them are not."""

from __future__ import annotations

from tests.core.extraction_support import run

SCORES = (
    "Results of league matches on Saturday:\n"
    "Kestrel Tamsalu 3 (Saarepuu 15th, Kivisild 54th, 67th) Ferrow Ostrava 1 (Halvik 26th penalty)\n"
    "Scorers: Lindqvar (50th minute), Ottesen (84th)\n"
    "Scorecard:\n"
    "Arun Perera c Dlamuni b Okonjo 46\n"
    "Tavish Rao not out 37\n"
    "Kojo Mensah lbw b Okonjo 4\n"
)


def test_scorers_and_scorecard_players_are_people_and_clubs_are_not():
    result = run(SCORES)
    names = {p.name for p in result.people}
    assert {"Saarepuu", "Kivisild", "Halvik", "Lindqvar", "Ottesen", "Dlamuni", "Okonjo"} <= names
    assert {"Arun Perera", "Tavish Rao", "Kojo Mensah"} <= names
    assert not names & {"Kestrel Tamsalu", "Ferrow Ostrava"}
    okonjo = next(p for p in result.people if p.name == "Okonjo")
    assert len(okonjo.mentions) == 2


def test_minutes_and_initials_in_prose_do_not_make_people():
    text = "The Harbour Trust met on the 15th. Under the plan, Northgate 4th street shops reopen, c Market b Square.\n"
    names = {p.name for p in run(text).people}
    assert not names & {"Harbour Trust", "Northgate", "Market", "Square", "Plan"}


def test_a_name_a_results_list_breaks_over_two_lines_is_one_person_with_both_halves():
    text = (
        "Leading first-round scores:\n"
        "66 Pieter Kolstad (Norway), Lars Ekdahl, Greg\n"
        "Chalmond (Australia), Ruth Okafor\n"
        "The leaders tee off at noon. Kolstad said the wind would drop.\n"
    )
    result = run(text)
    person = next(p for p in result.people if p.name == "Greg Chalmond")
    assert [text[m.start : m.end] for m in person.mentions] == ["Greg", "Chalmond"]
    assert "Greg" not in {p.name for p in result.people}


def test_a_sentence_ending_in_a_given_name_does_not_join_the_next_line():
    text = "The prize went to her sister, not to Mark\nKolstad Harbour Trust said it would appeal.\n"
    assert "Mark Kolstad" not in {p.name for p in run(text).people}


def test_players_in_tennis_and_badminton_results_are_people():
    text = (
        "Women's singles, second round:\n"
        "1 - Wen Chao (China) beat Cindara (Indonesia) 11-3 11-5\n"
        "6 - Tavi Jordan (U.S.) beat Alex Corvetja (Spain) 6-4 6-2\n"
        "Valletta (Malta) beat 2-1 Gloria Rovinari (Romania).\n"
    )
    names = {p.name for p in run(text).people}
    assert {"Wen Chao", "Cindara", "Tavi Jordan", "Alex Corvetja"} <= names
    assert "Valletta" not in names


def test_scorers_whose_minutes_wrap_to_the_next_line_or_come_several_are_people():
    text = (
        "Bundesliga results on Saturday:\n"
        "Kelheim 1 (Vorlak 50th, Brosic 61st) Altdorf Elf 1 (Sandvoss\n68th).\n"
        "Tauber 4 (Lindqvist 15th, Marenko 24th and\n90th, Wiltschek 59th 77th).\n"
    )
    names = {p.name for p in run(text).people}
    assert {"Sandvoss", "Marenko", "Wiltschek", "Vorlak", "Brosic", "Lindqvist"} <= names
    assert not names & {"Kelheim", "Altdorf Elf", "Tauber"}
