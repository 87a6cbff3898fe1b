"""A description of a text or a body that spoke (``the statement said``, ``the department said``)
points back to the source named before it, the way ``the senator said`` points back to a senator.

Every text here is written for these tests.
"""

from __future__ import annotations

import pytest

from tests.core.extraction_support import quote_containing, run, span_text


def test_the_statement_speaks_for_whoever_issued_it():
    text = (
        "Harbour Mills Inc. said in a statement that the closure was part of a wider plan.\n\n"
        "\"These are hard choices that keep the company strong,\" the statement said.\n"
    )
    result = run(text)
    quote = quote_containing(result, "hard choices")
    assert quote.speaker == "Harbour Mills Inc."
    assert span_text(text, quote.speaker_mention) == "the statement"


def test_a_statement_issued_by_a_person_resolves_to_that_person():
    text = (
        "Tom Reed, the former harbour master, is expected to appear next week. In a statement released "
        "Monday night, he said he remembered the meeting differently.\n\n"
        "\"I look forward to telling my side of it,\" the statement said.\n"
    )
    quote = quote_containing(run(text), "my side")
    assert quote.speaker == "Tom Reed"


def test_according_to_a_statement_from_a_body_names_the_body():
    text = (
        "The Lakeshore Ferry Workers Union turned down the latest offer on Sunday, according to a statement "
        "from the union.\n\n"
        "\"This offer ignores the safety of our crews,\" the statement said.\n"
    )
    quote = quote_containing(run(text), "safety of our crews")
    assert quote.speaker == "Lakeshore Ferry Workers Union"


@pytest.mark.parametrize("description", ["the department", "the ministry", "the agency"])
def test_a_body_described_after_it_spoke_is_that_body(description):
    text = (
        "Transport Canada said in an email that inspectors had visited the dock twice.\n\n"
        f"\"The ferry met every standard in force,\" {description} said.\n"
    )
    quote = quote_containing(run(text), "every standard")
    assert quote.speaker == "Transport Canada"


def test_the_body_whose_name_holds_the_noun_wins_over_a_nearer_one():
    text = (
        "The Northern Fishers Association met Parks Canada officials on Friday.\n\n"
        "\"We were heard, for once,\" the association said.\n"
    )
    quote = quote_containing(run(text), "We were heard")
    assert quote.speaker == "Northern Fishers Association"


def test_a_description_with_nothing_to_point_back_to_stays_as_written():
    text = "\"The dock will reopen in May,\" the department said on Tuesday.\n"
    quote = quote_containing(run(text), "reopen in May")
    assert quote.speaker == "the department"


def test_the_judge_points_back_to_a_justice():
    text = (
        "In her decision, Justice Amara Lindqvist wrote that the record was an aggravating factor.\n\n"
        "\"The victim was simply walking home,\" the judge wrote.\n"
    )
    quote = quote_containing(run(text), "walking home")
    assert quote.speaker == "Amara Lindqvist"


def test_the_officer_points_back_to_a_sergeant():
    text = (
        "\"Two men were found with injuries,\" Staff Sgt. Ravi Menon told reporters at the scene.\n\n"
        "The street stayed closed overnight.\n\n"
        "\"We are asking anyone with footage to call us,\" the officer said.\n"
    )
    quote = quote_containing(run(text), "anyone with footage")
    assert quote.speaker == "Ravi Menon"


def test_the_tweet_speaks_for_whoever_wrote_on_twitter():
    text = (
        "Mayor Ines Carvalho wrote on Twitter that she was proud of the crews.\n\n"
        "\"This is what a city looks like when it pulls together,\" the tweet said.\n"
    )
    quote = quote_containing(run(text), "pulls together")
    assert quote.speaker == "Ines Carvalho"


def test_the_utility_is_the_body_that_spoke_just_before():
    text = (
        "Harbour Hydro said crews from two provinces were helping.\n\n"
        "\"Most customers will have power back by Tuesday,\" the utility said in a tweet.\n"
    )
    assert quote_containing(run(text), "power back").speaker == "Harbour Hydro"


def test_a_body_that_spoke_several_sentences_earlier_is_not_the_described_one():
    text = (
        "Harbour TV reported the crash first. The pilot had logged 2,000 hours. He had trained in Halifax. "
        "He flew for Northwind, the airline said Thursday.\n"
        "\"He was a careful pilot,\" the airline added.\n"
    )
    assert quote_containing(run(text), "careful pilot").speaker != "Harbour TV"


def test_a_statement_named_early_in_a_long_sentence_still_finds_its_issuer():
    text = (
        "Tomas Varga, 27, was last seen on a trail near the lake.\n\n"
        "In a statement released through the harbour police late on Sunday, his mother, Ana Varga, said the family had not given up.\n\n"
        "\"Tomas is strong and he knows the hills,\" the statement said.\n"
    )
    assert quote_containing(run(text), "knows the hills").speaker == "Ana Varga"


@pytest.mark.parametrize(("body", "description"), [
    ("the Independent Investigation Unit of Lakeshore", "the unit"),
    ("the Lakeshore Human Rights Tribunal", "the tribunal"),
])
def test_any_noun_heading_a_body_just_named_points_back_to_it(body, description):
    text = (
        f"{body[0].upper() + body[1:]} said officers were answering a call about a man with a knife.\n\n"
        f"\"Shots were fired and the man was struck,\" {description} said in a news release.\n"
    )
    assert quote_containing(run(text), "Shots were fired").speaker == body.removeprefix("the ")


def test_a_headline_in_capitals_is_not_the_team_a_description_means():
    text = (
        "HARBOUR TEAM REFUSES TO SAIL\n\n"
        "\"The boats are not safe,\" the team said.\n"
    )
    assert quote_containing(run(text), "not safe").speaker == "the team"
