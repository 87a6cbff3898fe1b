"""A quote standing alone as a paragraph that nothing before names (an article's opening quote, or
a quoted block signed on the line after) is spoken by the person the next paragraph opens on.

Every text here is written for these tests.
"""

from __future__ import annotations

from tests.core.extraction_support import quote_containing, run


def test_an_opening_quote_belongs_to_the_person_introduced_next():
    text = (
        "Ferry riders describe long waits\n\n"
        "\"Some days I wait two hours on the dock. Two hours, in the rain.\"\n\n"
        "Marta Oliveira, 71, has taken the morning ferry to the island clinic every week since 2015.\n"
    )
    assert quote_containing(run(text), "Two hours, in the rain").speaker == "Marta Oliveira"


def test_a_paragraph_that_opens_on_a_clause_about_someone_does_not_name_the_speaker():
    text = (
        "Ferry riders describe long waits\n\n"
        "\"Some days I wait two hours on the dock. Two hours, in the rain.\"\n\n"
        "So as Marta Oliveira sees it, the schedule has failed.\n"
    )
    assert quote_containing(run(text), "Two hours, in the rain").speaker is None


def test_a_short_lone_quote_is_not_given_to_the_next_paragraph():
    text = "The sign read:\n\n\"Closed.\"\n\nMarta Oliveira walked home.\n"
    result = run(text)
    assert all(q.speaker != "Marta Oliveira" for q in result.quotes)
