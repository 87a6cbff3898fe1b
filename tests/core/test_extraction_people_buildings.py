"""Buildings, grounds and public bodies named after a person or a founder are not people, and the
peoples of Canada and the United States are no one's name: Canadian news names all of them the
way it names people (``Roy Thomson Hall``, ``B.C. Women’s Hospital``, ``Fraser Health``, ``a Cree
elder``). Fixtures written for these tests."""

from __future__ import annotations

from tests.core.extraction_support import run


def test_a_hall_or_arena_after_a_full_name_is_a_building():
    text = (
        "The gala moved from Roy Thomson Hall to the Maurice Richard Arena, where Coun. Ella Brant spoke.\n\n"
        "Mayor Lyn Hall said the city would pay. Hall added that Brant agreed.\n"
    )
    names = {p.name for p in run(text).people}
    assert not names & {"Roy Thomson Hall", "Roy Thomson", "Maurice Richard Arena", "Maurice Richard"}
    assert {"Ella Brant", "Lyn Hall"} <= names


def test_a_possessive_before_an_institution_noun_is_its_founder_or_patron():
    text = (
        "Patients were moved from B.C. Women's Hospital and St. Michael’s Hospital to the Ottawa General, "
        "said Dr. Nora Felt.\n\n"
        "Her father, Amos Felt, had studied at Trinity College.\n"
    )
    names = {p.name for p in run(text).people}
    assert not names & {"B.C. Women", "Michael", "St. Michael"}
    assert {"Nora Felt", "Amos Felt"} <= names


def test_a_lowercase_building_noun_after_a_name_makes_it_a_building():
    text = "He is to be buried in the Beth Shalom cemetery, his cousin Ruth Amsel said.\n"
    names = {p.name for p in run(text).people}
    assert "Beth Shalom" not in names
    assert "Ruth Amsel" in names


def test_grounds_and_public_bodies_are_not_people():
    text = (
        "The game at the Lord Beaverbrook Rink was cancelled, and the Northgate Coastal Health authority "
        "closed the General Campus. Loblaw Cos. Ltd. shares rose.\n\n"
        "Dr. Anya Lint of Prairie Mountain Health said the Fenwick Cemetery was flooded.\n"
    )
    names = {p.name for p in run(text).people}
    assert not names & {"Beaverbrook Rink", "Coastal Health", "Campus", "Loblaw Cos", "Loblaw",
                        "Mountain Health", "Fenwick Cemetery"}
    assert "Anya Lint" in names


def test_indigenous_peoples_are_not_people():
    text = (
        "Colin Redsky, a 22-year-old Cree man, was remembered by Anishinaabe and Métis elders. "
        "Inuit leaders in Iqaluit said the Mohawk community of Kahnawake would help.\n"
    )
    names = {p.name for p in run(text).people}
    assert names == {"Colin Redsky"}


def test_a_law_after_a_full_name_is_a_law_and_a_family_name_law_stays():
    text = "The Sergei Vanko Law passed on Monday. Jude Law and Mary Ann Law watched, said Tom Hall.\n"
    names = {p.name for p in run(text).people}
    assert names == {"Jude Law", "Mary Ann Law", "Tom Hall"}
