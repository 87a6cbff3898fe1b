"""A he/she after a person of unknown gender named once in passing (``Rapper Kardinal Offishall
presented the award``) goes to the person the scene is about, named at least twice and of the
pronoun's gender, not to the passer-by; a passer-by who speaks, or whose gender is written beside the
name (``Mr.``), or who was named before, keeps it.

Every text here is written for these tests.
"""

from __future__ import annotations

import pytest

from tests.core.extraction_support import quote_containing, run


@pytest.mark.parametrize(
    "text, words, speaker",
    [
        (
            "Singer wins award\n\nTORONTO — Singer Valerie Quillan won album of the year on Sunday.\n\n"
            "Quillan, who grew up in Sudbury, thanked her band. Rapper Kardinal Zeboski presented the award.\n\n"
            "“I wrote this record in a basement,” she said.\n",
            "basement",
            "Valerie Quillan",
        ),
        (
            "Coach Martin Leclair led the Harbour Kings to the title on Saturday.\n\n"
            "Leclair praised his defence after the game. Goaltender Tayvo Brunelle made 31 saves.\n\n"
            "“We never stopped believing,” he said.\n",
            "never stopped believing",
            "Martin Leclair",
        ),
        (
            "Premier Rachel Dunmore toured the new plant in Moncton on Monday.\n\n"
            "Dunmore met workers on the floor. Plant manager Quennell Arsenault showed the line to reporters.\n\n"
            "“These are good jobs for this province,” she said.\n",
            "good jobs",
            "Rachel Dunmore",
        ),
    ],
)
def test_the_pronoun_goes_to_the_person_the_scene_is_about(text, words, speaker):
    assert quote_containing(run(text), words).speaker == speaker


def test_a_passer_by_who_speaks_keeps_the_pronoun():
    text = (
        "Premier Rachel Dunmore toured the new plant in Moncton on Monday.\n\n"
        "Dunmore met workers on the floor. Plant manager Quennell Arsenault said the line would double. "
        "“We are hiring all year,” she said.\n"
    )
    assert quote_containing(run(text), "hiring all year").speaker == "Quennell Arsenault"


def test_a_passer_by_named_with_an_honorific_keeps_the_pronoun():
    text = (
        "Speaker Nancy Pelham opened the inquiry on Tuesday.\n\n"
        "Ms. Pelham spoke briefly at the Capitol. Ms. Zeboski led the committee vote.\n\n"
        "“We will move quickly,” she said.\n"
    )
    assert quote_containing(run(text), "move quickly").speaker != "Nancy Pelham"
