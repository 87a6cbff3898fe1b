"""Firms, outlets, clubs and works the text introduces with a noun (``the daily Le Courrier``,
``Swiss club Sion``, ``the film Cruel Harbour``) or between quotation marks are not people."""

from __future__ import annotations

from tests.core.extraction_support import run


def test_names_introduced_as_firms_outlets_clubs_and_works_are_not_people():
    text = (
        "The pro-government daily Le Courrier said in an editorial that the vote was fair. "
        "Le Courrier later said the count was slow.\n\n"
        "Striker Ivo Brandt moved from Swiss club Varen Sion to Aberdeen. Varen Sion said it was sad.\n\n"
        "The retail chain Dunmore Stores and the Canadian firm Aaxel Partners said sales rose.\n\n"
        "She starred in the film Cruel Harbour and in “Northern Lights Again”, said director Ana Ruiz.\n"
    )
    names = {p.name for p in run(text).people}
    assert not names & {"Le Courrier", "Varen Sion", "Dunmore Stores", "Aaxel Partners", "Cruel Harbour",
                        "Northern Lights Again"}
    assert {"Ivo Brandt", "Ana Ruiz"} <= names


def test_a_person_after_such_a_noun_stays_a_person():
    text = "The other was insurer Thierry Dehaen. Club president Marta Ruiz said the film Mira Sorvino made was good.\n"
    names = {p.name for p in run(text).people}
    assert {"Thierry Dehaen", "Marta Ruiz", "Mira Sorvino"} <= names


def test_places_products_and_peoples_named_like_people_are_not_people():
    text = (
        "The Padres won in San Diego. Officials in New Zealand and North Carolina agreed.\n\n"
        "Kalle Virta drove a Toyota Celica, ahead of a Subaru Impreza.\n\n"
        "Taleban fighters and Basque separatists were blamed, police said.\n"
    )
    names = {p.name for p in run(text).people}
    assert "Kalle Virta" in names
    assert not names & {"Diego", "Zealand", "Carolina", "Toyota Celica", "Subaru Impreza", "Taleban", "Basque"}


def test_phrases_of_ordinary_words_are_not_people():
    text = (
        "Civil Liberties said the rule was unfair to civil groups with few liberties.\n\n"
        "Racial Injustice, a new report, found racial gaps and injustice. Grand Central said it would reopen.\n\n"
        "Dana Rice said nothing.\n"
    )
    names = {p.name for p in run(text).people}
    assert "Dana Rice" in names
    assert not names & {"Civil Liberties", "Racial Injustice", "Grand Central"}


def test_a_quoted_person_and_a_person_in_apposition_with_a_club_stay_people():
    text = (
        "He cited “Bill Marlowe” as his guilty pleasure, and wrote in ''Ralph Nadir'' on his ballot.\n\n"
        "Pulse owner Barbara Poma and Neema Bahrami, the club's entertainment manager, were honoured.\n\n"
        "Scot Rossiter, executive director of a lobby group, said so.\n"
    )
    names = {p.name for p in run(text).people}
    assert {"Bill Marlowe", "Ralph Nadir", "Neema Bahrami", "Scot Rossiter"} <= names


def test_firms_shown_by_their_business_and_outlets_by_their_reporting_are_not_people():
    text = (
        "Economists at Marlow Keane said growth would slow, and analysts with Philippa Grant agreed. "
        "Shares in Dunmore Abbey rose 3 percent while Castel Verin shares fell. Investment banks Harrow "
        "Lynch and Beckett Stanley raised their targets.\n\n"
        "Rebel leader Tomas Oriol told La Vanguarda. El Correo Nuevo reported the talks, the official "
        "Pelita news agency said. The opposition party Causa Radical walked out.\n"
    )
    names = {p.name for p in run(text).people}
    assert "Tomas Oriol" in names
    assert not names & {"Marlow Keane", "Philippa Grant", "Dunmore Abbey", "Castel Verin", "Harrow Lynch",
                        "Beckett Stanley", "La Vanguarda", "El Correo Nuevo", "Pelita", "Causa Radical"}


def test_people_told_things_and_people_who_quote_stay_people():
    text = (
        "The king told Tenzin Dorje, chairman of the council, that talks would go on. Tenzin Dorje agreed.\n"
        "\"We support the plan,\" Amrullah quoted the senator as saying. Dorje told Lena Marsh on Monday.\n"
    )
    names = {p.name for p in run(text).people}
    assert {"Tenzin Dorje", "Lena Marsh"} <= names
