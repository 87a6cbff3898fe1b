"""Many people who share family names: each is found, and a bare family name means the one
mentioned last (the index that keeps this linear must give the same answers as a full scan)."""

from __future__ import annotations

from tests.core.extraction_support import person_named, run


def test_relatives_sharing_a_family_name_are_separate_people_and_a_bare_name_is_the_last_one():
    text = (
        "Marta Okafor, a nurse, said the ward was full. Her brother Tunde Okafor, a driver, said "
        "the roads were closed. Okafor added that the bridge was shut.\n\n"
        "Later Marta Okafor said she would stay. Okafor said the night was long.\n"
    )
    result = run(text)
    marta, tunde = person_named(result, "Marta Okafor"), person_named(result, "Tunde Okafor")
    bare = [m.start for m in marta.mentions + tunde.mentions if text[m.start : m.end] == "Okafor"]
    assert len(bare) == 2
    first, second = sorted(bare)
    assert any(m.start == first for m in tunde.mentions)  # after Tunde Okafor
    assert any(m.start == second for m in marta.mentions)  # after Marta Okafor again


def test_initials_and_longer_forms_merge_among_many_bearers_of_a_family_name():
    given = ["Anna", "Boris", "Clara", "Dmitri", "Elena", "Farid", "Greta", "Hugo"]
    lines = [f"{g} Lindqvist, a farmer, said the harvest was late." for g in given]
    lines.append("E. Lindqvist said the rain came early.")
    lines.append("Enrique Peña Nieto said nothing. Peña Nieto left.")
    text = " ".join(lines) + "\n"
    result = run(text)
    names = [p.name for p in result.people]
    assert names.count("Elena Lindqvist") == 1 and "E. Lindqvist" not in names
    elena = person_named(result, "Elena Lindqvist")
    assert any(text[m.start : m.end] == "E. Lindqvist" for m in elena.mentions)
    assert {f"{g} Lindqvist" for g in given} <= set(names)
    assert "Peña Nieto" not in names and "Enrique Peña Nieto" in names
