"""People: names of every culture, merged short forms, roles, and what is not a person."""

from __future__ import annotations

import pytest

from tests.core.extraction_support import fixture, person_named, run


def test_short_forms_and_possessives_merge_into_one_person():
    text = (
        "Agnieszka Kowalczyk runs the harbour.\n\n"
        "Kowalczyk’s deputy disagreed, but Kowalczyk did not move. Kowalczyk's plan stands.\n"
    )
    result = run(text)
    assert [p.name for p in result.people] == ["Agnieszka Kowalczyk"]
    person = result.people[0]
    assert person.aliases == ["Kowalczyk"]
    assert [text[m.start : m.end] for m in person.mentions] == ["Agnieszka Kowalczyk"] + ["Kowalczyk"] * 3


def test_organisations_places_newspapers_and_events_are_not_people():
    text = (
        "In an interview with the newspaper Marlow Gazette, the Central Harbour Directorate said the "
        "Red Square parade and the Tomb of the Unknown Sailor ceremony would go ahead in New Amsterdam. "
        "Ukrainian Pravda and the Leeds United Academy agreed.\n"
    )
    assert run(text).people == []


def test_roles_before_and_after_names():
    text = (
        "US Treasury Secretary Janet Morrow spoke first.\n\n"
        "Kofi Mensah, the head of the port authority, answered.\n\n"
        "The minister then met Beijing’s top trade negotiator, Li Wen.\n\n"
        "Russian leader Pavel Orlov was not invited.\n"
    )
    result = run(text)
    assert person_named(result, "Janet Morrow").role == "US Treasury Secretary"
    assert person_named(result, "Kofi Mensah").role == "head of the port authority"
    assert person_named(result, "Li Wen").role == "Beijing’s top trade negotiator"
    assert person_named(result, "Pavel Orlov").role == "Russian leader"


def test_names_from_many_cultures():
    text = (
        "Speakers included Wang Yi, Dmytro Kuleba, Aravinda de Silva, Chidi Okonkwo, "
        "Ursula von der Leyen, Mohammed bin Salman and Anne-Gaelle Sidot.\n"
    )
    names = {p.name for p in run(text).people}
    assert names >= {"Wang Yi", "Dmytro Kuleba", "Aravinda de Silva", "Chidi Okonkwo", "Anne-Gaelle Sidot"}


def test_all_caps_headlines_and_results_tables():
    text = fixture("wire_results.txt")
    result = run(text)
    assert {p.name for p in result.people} == {"Chidi Okonkwo", "Elin Lindqvist", "Rafaela Duarte", "Mei-Lin Chua"}
    okonkwo = person_named(result, "Chidi Okonkwo")
    forms = [text[m.start : m.end] for m in okonkwo.mentions]
    assert "OKONKWO" in forms and "Okonkwo" in forms


def test_initials_and_a_later_full_name_are_one_person():
    text = "P. Marsh took four wickets.\n\nLater, Peter Marsh said he was tired.\n"
    result = run(text)
    assert [p.name for p in result.people] == ["Peter Marsh"]
    assert len(result.people[0].mentions) == 2


def test_title_case_headline_words_are_not_names():
    text = "Council Votes Against Harbour Plan After Long Night\n\nThe council voted on Tuesday.\n"
    assert run(text).people == []


def test_mentions_lie_inside_the_text_and_match_the_name_forms():
    text = fixture("british_harbour.txt")
    for person in run(text).people:
        forms = {person.name, *person.aliases}
        for mention in person.mentions:
            assert 0 <= mention.start < mention.end <= len(text)
            assert text[mention.start : mention.end] in forms


def test_given_names_that_are_also_ordinary_words():
    text = (
        "Jan Novak met Peter Such and Christian Moreau in Lyon.\n\n"
        "Later Gillian Harper spoke with Rami al-Hassan about the port.\n"
    )
    names = {p.name for p in run(text).people}
    assert names == {"Jan Novak", "Peter Such", "Christian Moreau", "Gillian Harper", "Rami al-Hassan"}


def test_a_list_of_names_is_not_mistaken_for_a_title_case_headline():
    text = "Field: Ken Green, Willie Wood, Tomasz Kral, Ibrahima Sow, Haruka Ito\n"
    names = {p.name for p in run(text).people}
    assert names == {"Ken Green", "Willie Wood", "Tomasz Kral", "Ibrahima Sow", "Haruka Ito"}


def test_abbreviated_titles_and_honorifics():
    text = "Mr. Obama spoke first. Dr Amara Okafor disagreed, and Sen. Elena Ruiz agreed with Ms. Okafor.\n"
    result = run(text)
    assert {p.name for p in result.people} == {"Obama", "Amara Okafor", "Elena Ruiz"}
    assert person_named(result, "Amara Okafor").role is None  # an honorific is not a role
    assert person_named(result, "Elena Ruiz").role == "Sen"
    assert len(person_named(result, "Amara Okafor").mentions) == 2


def test_names_the_text_shows_to_be_firms_or_places_are_not_people():
    text = (
        "Shares of Harlow Brandt Corp rose on Friday, said Ines Moreau, an analyst at Kessel Obermann & Co.\n\n"
        "Flights resumed at Nikolai Petrov airport. Harlow Brandt will report results in May.\n"
    )
    assert {p.name for p in run(text).people} == {"Ines Moreau"}


def test_a_lower_case_particle_joins_a_later_bare_surname():
    text = "Aravind de Souza scored twice. Later de Souza was rested.\n"
    result = run(text)
    person = person_named(result, "Aravind de Souza")
    assert [text[m.start : m.end] for m in person.mentions] == ["Aravind de Souza", "de Souza"]


def test_compound_surnames_and_generational_suffixes_merge():
    text = (
        "Enrique Peña Nieto met Joseph R. Biden Jr. in Mexico City.\n\n"
        "Peña Nieto said little. Biden spoke for an hour.\n"
    )
    result = run(text)
    assert {p.name for p in result.people} == {"Enrique Peña Nieto", "Joseph R. Biden Jr"}
    assert len(person_named(result, "Joseph R. Biden Jr").mentions) == 2
    assert len(person_named(result, "Enrique Peña Nieto").mentions) == 2


def test_a_name_without_evidence_counts_when_listed_between_people():
    text = "Leaders: Mike Hulme, Brian Hale, Stone Rivers, Steve Jansen and Paul Orr.\n"
    names = {p.name for p in run(text).people}
    assert "Stone Rivers" in names
    assert names >= {"Mike Hulme", "Brian Hale", "Steve Jansen", "Paul Orr"}


def test_a_listed_run_of_ordinary_places_stays_out():
    text = "Stops: Mike Hulme, North Harbour, Steve Jansen.\n"
    assert {p.name for p in run(text).people} == {"Mike Hulme", "Steve Jansen"}


def test_a_role_in_apposition_without_an_article_and_aliases_ignore_capitals():
    text = (
        "JANSEN WINS VOTE\n\nKarl Jansen, director of the Harbour Institute at the city’s old naval school, "
        "said the vote was fair. Jansen thanked the crew.\n"
    )
    result = run(text)
    person = person_named(result, "Karl Jansen")
    assert person.role == "director of the Harbour Institute at the city’s old naval school"
    assert person.aliases == ["Jansen"]
    assert len(person.mentions) == 3


@pytest.mark.parametrize(
    ("sentence", "name", "role"),
    [
        ("Dr Amara Quist, the trust’s chief surgeon, said the ward was full.", "Amara Quist", "trust’s chief surgeon"),
        ("Councillor Ben Ashdown, the leader of Marlow District Council, spoke.", "Ben Ashdown", "leader of Marlow District Council"),
        ("Deputy Foreign Minister Ines Varga closed the talks.", "Ines Varga", "Deputy Foreign Minister"),
    ],
)
def test_a_role_phrase_in_apposition_says_more_than_a_one_word_title(sentence, name, role):
    result = run("Quay closed\n\n" + sentence + "\n")
    assert person_named(result, name).role == role


def test_names_made_of_place_title_and_ordinary_words():
    text = (
        "Marcus Jordan scored 30 points on Sunday.\n\n"
        "Later Regina King won the prize, and Dana Peterson lost to Hollis Bishop.\n\n"
        "Officials in Jordan and in Regina met the King.\n"
    )
    names = {p.name for p in run(text).people}
    assert {"Marcus Jordan", "Regina King", "Dana Peterson", "Hollis Bishop"} <= names
    assert not names & {"Jordan", "Regina", "King"}


def test_name_boundaries_leave_titles_parties_and_ordinary_words_out():
    text = (
        "Prime Minister Theresa Marlow met the press on Monday. Chancellor Anna May joined her.\n\n"
        "Having Billy Eichwald on the panel was a coup, the producer said.\n\n"
        "DUP MP Nigel Doddridge said the deal was dead. Maybe Doddridge was right.\n"
    )
    result = run(text)
    assert person_named(result, "Anna May").role == "Chancellor"
    assert person_named(result, "Nigel Doddridge").role == "DUP MP"
    names = {p.name for p in result.people}
    assert {"Theresa Marlow", "Billy Eichwald"} <= names
    assert not any(n.startswith(("Having", "Maybe", "DUP")) for n in names)


def test_nationality_and_occupation_nouns_before_a_name_are_not_part_of_it():
    text = (
        "Spaniard Carlos Sainzar lost 90 seconds. Swede Kenneth Erikstad kept Subaru in the hunt.\n\n"
        "Trainer Berti Vogtman kept faith with his squad. Reliever Mark Acreman took the loss.\n"
    )
    names = {p.name for p in run(text).people}
    assert {"Carlos Sainzar", "Kenneth Erikstad", "Berti Vogtman", "Mark Acreman"} <= names
    assert not any(n.split()[0] in {"Spaniard", "Swede", "Trainer", "Reliever"} for n in names)


def test_a_word_opening_the_sentence_is_not_part_of_the_name_after_it():
    text = (
        "Senator Dana Corwell spoke first. Painting Corwell as a threat, the ads ran all week.\n\n"
        "Like Corwell, Unlike Tomas Ekberg, the painting was late. Unfortunately, nobody came.\n\n"
        "Celebrating Ekberg was hard, and the celebrating went on.\n"
    )
    result = run(text)
    names = {p.name for p in result.people}
    assert names == {"Dana Corwell", "Tomas Ekberg"}
    corwell = person_named(result, "Dana Corwell")
    assert [text[m.start : m.end] for m in corwell.mentions] == ["Dana Corwell", "Corwell", "Corwell"]


def test_relatives_named_together_are_two_people():
    text = (
        "Serena and Venus Okafor reached the final. Serena won the first set.\n\n"
        "Joe and Jill Marlowe voted early. Later Hunter Marlowe, their son, said Joe Marlowe was tired.\n"
    )
    result = run(text)
    names = {p.name for p in result.people}
    assert {"Serena Okafor", "Venus Okafor", "Joe Marlowe", "Jill Marlowe", "Hunter Marlowe"} <= names
    serena = person_named(result, "Serena Okafor")
    assert [text[m.start : m.end] for m in serena.mentions] == ["Serena", "Serena"]


def test_a_relative_named_by_given_name_shares_the_family_name_and_is_a_person_of_their_own():
    text = (
        "Dorian Orlov and his wife, Lena, arrived late. Orlov’s son Peter waved, and Lena Orlov smiled.\n\n"
        "Marta Kolb’s husband Tom spoke. Betsy said her husband, Tom, agreed, and the Bill Foundation paid.\n"
    )
    result = run(text)
    people = {p.name: p for p in result.people}
    assert {"Dorian Orlov", "Lena Orlov", "Peter Orlov", "Tom Kolb"} <= set(people)
    assert people["Lena Orlov"].role == "wife"
    mentions = [text[m.start : m.end] for m in people["Lena Orlov"].mentions]
    assert mentions[0] == "Lena" and "Lena Orlov" in mentions
    assert not {"Lena", "Peter", "Tom Betsy", "Tom Foundation"} & set(people)
