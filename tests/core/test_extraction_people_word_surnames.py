"""Family names that are also ordinary or place words (``Lisa Park``, ``David Hill``, ``Rosemary
Lane``, ``Sheila North``, ``Elizabeth May``) are people when the text treats them as people, and
the bare family name in a speaker's place is theirs. Places written the same way (``Stanley Park``)
stay places. Fixtures written for these tests."""

from __future__ import annotations

from tests.core.extraction_support import run


def test_a_place_word_family_name_with_a_role_speech_or_relative_is_a_person():
    text = (
        "Lisa Bram Park, a nurse in Regina, said she has waited six months for surgery.\n\n"
        "Gina Park, her sister, lives in Moose Jaw. Sheila North, the former grand chief, also spoke.\n\n"
        "Justice Rosemary Lane read the sentence. Tom Hill, a franchisee who runs four stores, said "
        "owners were never told. Ada Street, who runs the dining room, was not there.\n"
    )
    names = {p.name for p in run(text).people}
    assert names == {"Lisa Bram Park", "Gina Park", "Sheila North", "Rosemary Lane", "Tom Hill", "Ada Street"}


def test_the_bare_family_name_speaking_elsewhere_makes_the_full_name_a_person():
    text = (
        "Trucks lined up at dawn. Dana Field had driven all night to get there.\n\n"
        '"We had no choice," Field said.\n'
    )
    result = run(text)
    assert [p.name for p in result.people] == ["Dana Field"]
    assert [q.speaker_id for q in result.quotes] == [result.people[0].id]


def test_a_park_or_hill_named_like_a_person_stays_a_place():
    text = (
        "Runners gathered in Stanley Park on Sunday and finished near Morgan Hill, "
        "where Mayor Ivo Brandt handed out medals.\n"
    )
    names = {p.name for p in run(text).people}
    assert names == {"Ivo Brandt"}


def test_a_family_name_that_is_a_month_is_the_person_where_only_a_person_stands():
    text = (
        "Green Party Leader Elizabeth May said Monday the pipeline vote was a mistake. May, who represents "
        "Saanich-Gulf Islands, called on the government to reverse course. The vote was held in May.\n\n"
        '"This pipeline will never pay," May told reporters.\n'
    )
    result = run(text)
    (may,) = [p for p in result.people if p.name == "Elizabeth May"]
    starts = [m.start for m in may.mentions]
    assert [text[m.start : m.end] for m in may.mentions] == ["Elizabeth May", "May", "May"]
    assert text.index("May, who") in starts and text.index("May told") in starts
    assert [q.speaker_id for q in result.quotes] == [may.id]


def test_a_union_named_for_its_trade_is_no_person_and_a_stacked_rank_stays_a_title():
    text = (
        "Members of the Canadian Union of Postal Workers rallied on Sunday. Fish, Food and Allied Workers "
        "union president Keith Sullivan said the community was in shock.\n\n"
        "Lt. Cmdr. Brian Owens said the weather had made the search difficult.\n"
    )
    names = {p.name for p in run(text).people}
    assert names == {"Keith Sullivan", "Brian Owens"}


def test_a_child_named_once_by_a_given_name_with_an_age_in_words_or_a_noun_before():
    text = (
        "The boy, Liam, was fishing with his father when he heard a shout. He swam out and brought "
        "seven-year-old Ava back to shore.\n\n"
        '"I just did what my dad taught me," Liam said.\n'
    )
    result = run(text)
    assert {p.name for p in result.people} == {"Liam", "Ava"}
    (liam,) = [p for p in result.people if p.name == "Liam"]
    assert [q.speaker_id for q in result.quotes] == [liam.id]


def test_a_given_name_written_with_accents_is_read_as_the_plain_name():
    text = "Stéphane Lévesque, a farmer near Rimouski, and Geneviève Tremblay, a nurse, both spoke.\n"
    names = {p.name for p in run(text).people}
    assert names == {"Stéphane Lévesque", "Geneviève Tremblay"}


def test_a_trade_before_a_name_is_a_title_and_a_stampede_is_an_event():
    text = (
        "Farmer Kathy Price, who grows canola near Melfort, said she could not sell last year's crop. "
        "Homeowner Ray Sutter agreed. Bareback rider Jake Golden will retire after this year's Ponoka Stampede.\n\n"
        '"We have bills to pay," Price said.\n'
    )
    result = run(text)
    assert {p.name for p in result.people} == {"Kathy Price", "Ray Sutter", "Jake Golden"}
    (price,) = [p for p in result.people if p.name == "Kathy Price"]
    assert price.role == "Farmer"
    assert [q.speaker_id for q in result.quotes] == [price.id]


def test_a_given_name_and_a_place_word_family_name_with_no_cue_either_way_is_a_person():
    text = "The leaders after the first round were Barry Lane and Garry West, two shots clear of the field at Royal Park.\n"
    names = {p.name for p in run(text).people}
    assert names == {"Barry Lane", "Garry West"}


def test_a_census_given_name_before_an_ordinary_word_is_a_full_name_but_not_a_plural_or_a_place():
    text = (
        "Darrell Night, who was left outside the city by two officers in 2000, spoke first. "
        "Workers at Alpha Techs and fans at Gracie Mansion were not told.\n"
    )
    names = {p.name for p in run(text).people}
    assert names == {"Darrell Night"}


def test_a_three_word_name_ending_in_a_place_word_after_a_trade():
    text = (
        "Dealer Mary Ann Hill, who runs a dealership in Ohio, said riders were angry. "
        "Worker Dana Rose said the vote was close.\n"
    )
    names = {p.name for p in run(text).people}
    assert names == {"Mary Ann Hill", "Dana Rose"}
