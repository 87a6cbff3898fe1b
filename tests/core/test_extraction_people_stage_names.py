"""A name the text gives as the one a person is known by (``Stephanie Clifford, known as Stormy
Daniels``) is an alias of that person, not a second person; its mentions are theirs. Fixtures
written for these tests."""

from __future__ import annotations

from tests.core.extraction_support import run


def test_known_as_makes_the_second_name_an_alias_of_the_first():
    text = (
        "Stephanie Clifford, known as Stormy Daniels, was in court on Monday. Rapper Drake, who was born "
        "in Toronto, posted a photo.\n\n"
        '"She will tell the truth," said Ms. Daniels\'s lawyer, Michael Avenatti.\n'
    )
    result = run(text)
    assert {p.name for p in result.people} == {"Stephanie Clifford", "Drake", "Michael Avenatti"}
    (clifford,) = [p for p in result.people if p.name == "Stephanie Clifford"]
    assert "Stormy Daniels" in clifford.aliases
    assert text.index("Stormy Daniels") in [m.start for m in clifford.mentions]


def test_a_description_may_stand_before_known_as():
    text = (
        "Aubrey Graham, the Toronto rapper better known as Drake, opened the show. Ana Ruiz, who performs as "
        "Reina, closed it.\n"
    )
    result = run(text)
    assert {p.name for p in result.people} == {"Aubrey Graham", "Ana Ruiz"}
    aliases = {p.name: p.aliases for p in result.people}
    assert "Drake" in aliases["Aubrey Graham"] and "Reina" in aliases["Ana Ruiz"]
