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
