"""Canadian provinces and cities are places, and a club named before a North American position
(``Edmonton Oilers captain …``, ``Blue Jays slugger …``) is a team. Fixtures written for these tests."""

from __future__ import annotations

from tests.core.extraction_support import run


def test_provinces_and_cities_written_like_a_surname_are_places():
    text = (
        "Premier Gail Storrow met Saskatoon Mayor Ron Petrie. Edmonton Oakes said talks with Yukon Ranier "
        "went well, and Ontario Drummond agreed, said Dean Fife of Iqaluit.\n"
    )
    names = {p.name for p in run(text).people}
    assert names == {"Gail Storrow", "Ron Petrie", "Dean Fife"}


def test_a_club_before_a_north_american_position_is_a_team():
    text = (
        "Humber Cougars pitcher Al Moten won. Thornbury Otters goaltender Ivo Sterk stopped 30 shots, and "
        "Kelso Ravens quarterback Dru Fenwick threw for 300 yards.\n"
    )
    names = {p.name for p in run(text).people}
    assert names == {"Al Moten", "Ivo Sterk", "Dru Fenwick"}


def test_a_person_before_a_position_word_of_another_kind_stays_a_person():
    text = "Former Ravens captain Lou Briggs said the club owed fans an apology. Briggs retired in 2016.\n"
    names = {p.name for p in run(text).people}
    assert names == {"Lou Briggs"}


def test_north_american_positions_and_screen_trades_are_roles():
    text = (
        "Kicker Lewis Warde hit four field goals. Showrunner Moira Walley-Bekk thanked fans, and co-stars "
        "R.H. Thomsen and Geri Jameson agreed. Pharmacist Jen Belchior said vaccine was plentiful.\n"
    )
    roles = {p.name: p.role for p in run(text).people}
    assert set(roles) == {"Lewis Warde", "Moira Walley-Bekk", "R.H. Thomsen", "Geri Jameson", "Jen Belchior"}
    assert roles["Lewis Warde"] == "Kicker" and roles["Moira Walley-Bekk"] == "Showrunner"


def test_a_player_beaten_in_sets_written_with_commas_is_a_person():
    text = "Bianca Andrei beat Selena Wilkins 6-3, 7-5 on Saturday. Hamburg beat Hansa Rostock 1-0, with goals from Ivo Brandt.\n"
    names = {p.name for p in run(text).people}
    assert names == {"Bianca Andrei", "Selena Wilkins", "Ivo Brandt"}
