"""A person honoured by a foundation, school or run is still a person where the text names them
alone; the word for what someone is (``Evacuee``) is no first name, and an unfamiliar first name
after a rank (``Capt. Brenden``) is one. Fixtures written for these tests."""

from __future__ import annotations

from tests.core.extraction_support import run


def test_the_person_a_foundation_or_run_is_named_after_is_still_a_person():
    text = (
        "Runners set off Sunday in the Wendell Haig Run, raising money for the Wendell Haig Foundation.\n\n"
        "Wendell Haig lost a leg to cancer in 1979. His brother Lorne Haig spoke at Wendell Haig Secondary School.\n"
    )
    names = {p.name for p in run(text).people}
    assert names == {"Wendell Haig", "Lorne Haig"}


def test_a_firm_named_like_a_person_before_corp_stays_a_firm():
    text = "Harlow Brandt Corp said profit rose. Harlow Brandt shares fell, said Nia Oduya.\n"
    names = {p.name for p in run(text).people}
    assert names == {"Nia Oduya"}


def test_a_noun_for_what_someone_is_does_not_start_their_name():
    text = "Evacuee Carla Wojcik said she left with her children. Retiree Ben Soames said he stayed.\n"
    names = {p.name for p in run(text).people}
    assert names == {"Carla Wojcik", "Ben Soames"}


def test_an_unfamiliar_first_name_after_a_rank_is_part_of_the_name():
    text = "Capt. Brenden Ian MacLeish, of New Glasgow, N.S., was among those killed.\n"
    people = run(text).people
    assert [(p.name, p.role) for p in people] == [("Brenden Ian MacLeish", "Capt")]


def test_french_institutions_and_more_indigenous_peoples_are_not_people():
    text = (
        "Aéroports de Montréal and the Société de transport de Laval said service was normal, "
        "said Lucie Gendron. Neil Redwing, a Saulteaux teen, was remembered.\n"
    )
    names = {p.name for p in run(text).people}
    assert names == {"Lucie Gendron", "Neil Redwing"}


def test_an_agent_noun_in_or_does_not_start_a_name_but_a_family_name_in_or_does():
    text = "Survivor Edna Kappo, 82, attended. Investor Raul Mendes agreed, and Taylor Brooks, 30, said so too.\n"
    names = {p.name for p in run(text).people}
    assert names == {"Edna Kappo", "Raul Mendes", "Taylor Brooks"}


def test_an_indigenous_word_for_chief_is_a_title():
    text = "Tk'emlúps te Secwépemc Kukpi7 Rona Casper said the search would go on. Casper spoke for an hour.\n"
    people = run(text).people
    assert [p.name for p in people] == ["Rona Casper"]
    assert people[0].role.endswith("Kukpi7")


def test_two_given_names_alone_after_the_full_name_are_that_person():
    text = (
        "Among those killed was Anne Marie Dolan, 30. Nick Dolan, Anne Marie's brother, said the family "
        "had waited. Mary Ann Pruitt, a neighbour, agreed.\n"
    )
    names = {p.name for p in run(text).people}
    assert names == {"Anne Marie Dolan", "Nick Dolan", "Mary Ann Pruitt"}


def test_two_given_names_joined_by_a_hyphen_are_a_given_name():
    text = "Virtue and Moir were coached by Marie-France Dubrule in Montreal, and Heinz-Peter Tolle agreed.\n"
    names = {p.name for p in run(text).people}
    assert {"Marie-France Dubrule", "Heinz-Peter Tolle"} <= names


def test_agent_nouns_in_ist_and_er_open_no_name():
    text = "Vermonter Bernie Saunders spoke first. Teenager Jackie Hookimaw-Witt said young people needed help.\n"
    names = {p.name for p in run(text).people}
    assert names == {"Bernie Saunders", "Jackie Hookimaw-Witt"}
