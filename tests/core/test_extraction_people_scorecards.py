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
