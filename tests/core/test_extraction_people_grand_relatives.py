"""A grandchild, grandparent or step-relative named by given name alone after a full name
(``her granddaughter, Ella,``), or a relative with a word before the relation (``her twin sister,
Karen,``), shares that family name. Fixtures written for these tests."""

from __future__ import annotations

import pytest

from tests.core.extraction_support import person_named, run


@pytest.mark.parametrize(
    ("sentence", "name", "relation"),
    [
        ("Margaret Collins was there with her granddaughter, Ella, who is six.", "Ella Collins", "granddaughter"),
        ("Robert Fenwick brought his grandson Liam to the rally.", "Liam Fenwick", "grandson"),
        ("Hana Brecht lives with her grandmother, Irene, in Moncton.", "Irene Brecht", "grandmother"),
        ("Sandra Lutz sat beside her twin sister, Karen, at the hearing.", "Karen Lutz", "sister"),
        ("Owen Marsh and his younger brother, Caleb, both enlisted.", "Caleb Marsh", "brother"),
    ],
)
def test_a_relative_by_given_name_shares_the_family_name(sentence, name, relation):
    text = f"{sentence}\n\nThe family has lived on the street for decades.\n"
    result = run(text)
    relative = person_named(result, name)
    assert relative.role == relation
    assert [text[m.start : m.end] for m in relative.mentions] == [name.split()[0]]
    assert len(result.people) == 2


def test_a_relation_word_far_before_a_name_reads_no_relative():
    text = "Owen Marsh met her grandmother at the store, then Caleb arrived late for the meeting.\n"
    assert "Caleb Marsh" not in {p.name for p in run(text).people}
