"""Attribution: speakers and cues on either side, pronouns, continuations, unnamed sources."""

from __future__ import annotations

import pytest

from tests.core.extraction_support import fixture, person_named, quote_containing, run, span_text


@pytest.fixture(scope="module")
def harbour():
    text = fixture("british_harbour.txt")
    return text, run(text)


@pytest.fixture(scope="module")
def council():
    text = fixture("american_council.txt")
    return text, run(text)


def test_name_before_the_cue_after_the_quote(harbour):
    text, result = harbour
    quote = quote_containing(result, "two storms")
    assert quote.kind == "direct"
    assert quote.speaker == "Agnieszka Kowalczyk"
    assert span_text(text, quote.speaker_mention) == "Kowalczyk"
    assert quote.cue_text == "said"


def test_pronoun_resolves_to_the_person_the_paragraphs_are_about(harbour):
    text, result = harbour
    quote = quote_containing(result, "afford to live here")
    assert span_text(text, quote.speaker_mention) == "she"
    assert quote.speaker == "Agnieszka Kowalczyk"
    assert quote.speaker_id == person_named(result, "Agnieszka Kowalczyk").id


def test_inverted_cue_with_an_age(harbour):
    text, result = harbour
    quote = quote_containing(result, "longest season")
    assert quote.speaker == "Tomasz Nowicki"
    assert span_text(text, quote.speaker_mention) == "Tomasz Nowicki"


def test_a_paragraph_that_is_only_a_quote_continues_the_previous_speaker(harbour):
    _, result = harbour
    assert quote_containing(result, "early boat goes").speaker == "Tomasz Nowicki"


def test_adding_colon_keeps_the_speaker_of_the_sentence(harbour):
    text, result = harbour
    first = quote_containing(result, "two boats")
    assert span_text(text, first.speaker_mention) == "she"
    added = quote_containing(result, "every other option")
    assert added.speaker == "Agnieszka Kowalczyk"
    assert added.cue_text == "adding"


def test_unnamed_sources_are_kept_as_written(harbour):
    _, result = harbour
    quote = quote_containing(result, "emergency grant")
    assert quote.kind == "partial"
    assert quote.speaker == "A senior council official"
    assert quote.speaker_id is None


def test_told_the_assembly_that_attributes_a_later_partial_quote(harbour):
    _, result = harbour
    quote = quote_containing(result, "lights on")
    assert quote.speaker == "Rhiannon Pryce"
    assert quote.cue_text == "told"


def test_interrupted_quote_keeps_its_speaker_for_both_parts(council):
    text, result = council
    first = quote_containing(result, "every line")
    second = quote_containing(result, "bus money")
    assert first.speaker == second.speaker == "Marisol Ortega"
    assert span_text(text, second.speaker_mention) == "Ortega"


def test_said_with_a_colon_before_the_quote(council):
    _, result = council
    assert quote_containing(result, "full numbers").speaker == "Priya Raman"


def test_according_to(council):
    _, result = council
    quote = quote_containing(result, "maintenance backlog")
    assert quote.speaker == "Derek Huang"
    assert quote.cue_text == "According to"


def test_dash_attribution(council):
    _, result = council
    assert quote_containing(result, "plan is sound").speaker == "Marisol Ortega"


def test_continued_colon_and_multi_paragraph_quote(council):
    _, result = council
    assert quote_containing(result, "which routes").speaker == "Priya Raman"
    assert quote_containing(result, "pay the drivers").speaker == "Priya Raman"


def test_quote_count_counts_attributed_quotes(council):
    _, result = council
    ortega = person_named(result, "Marisol Ortega")
    assert ortega.quote_count == sum(1 for q in result.quotes if q.speaker_id == ortega.id)
    # Two of her quotes are interrupted by "Ortega said": each counts once, with its parts.
    assert ortega.quote_count == 3
    assert sum(1 for q in result.quotes if q.speaker_id == ortega.id and len(q.parts) == 2) == 2


def test_he_prefers_a_man_over_a_more_recent_woman():
    text = (
        "Daniel Okafor said the bridge would close.\n\n"
        "Later that day Maria Santos toured the site.\n\n"
        "“We had no choice,” he said.\n"
    )
    assert run(text).quotes[0].speaker == "Daniel Okafor"


def test_told_names_the_listener_after_the_verb_not_the_speaker():
    text = "Daniel Okafor told Radio Coast, “We will sail again in May.”\n"
    quote = run(text).quotes[0]
    assert quote.speaker == "Daniel Okafor"


def test_the_subject_of_a_clause_ending_in_a_colon_is_the_speaker():
    text = "After the vote, Mayor Kofi Mensah had one message for the crowd: “We stay open.”\n"
    quote = run(text).quotes[0]
    assert quote.speaker == "Kofi Mensah"


def test_a_gerund_cue_takes_the_subject_of_the_clause_not_the_object_before_it():
    text = "Daniel Okafor later defended the decision, saying, “We had no other choice.”\n"
    quote = run(text).quotes[0]
    assert quote.speaker == "Daniel Okafor"
    assert quote.cue_text == "saying"


def test_a_cue_joined_by_and_takes_the_clause_subject():
    text = "She walked to the car and repeatedly says, “Stay calm.”\n"
    quote = run(text).quotes[0]
    assert quote.speaker_mention is not None
    assert text[quote.speaker_mention.start : quote.speaker_mention.end] == "She"


def test_a_quote_that_ends_with_a_nested_closer_still_takes_the_following_cue():
    text = "“People keep asking me, ‘Why now?’” said Daniel Okafor.\n"
    quote = run(text).quotes[0]
    assert quote.text == "“People keep asking me, ‘Why now?’”"
    assert quote.speaker == "Daniel Okafor"


def test_an_attribution_closing_the_sentence_beats_the_previous_speaker():
    text = (
        "“This is wrong,” Daniel Okafor said. “You cut the crossings” to save money, she said, "
        "looking at the minister.\n"
    )
    result = run(text)
    quote = quote_containing(result, "cut the crossings")
    assert text[quote.speaker_mention.start : quote.speaker_mention.end] == "she"


def test_determined_noun_phrases_speak_after_the_quote(council):
    text, result = council
    quote = quote_containing(result, "Nobody here")
    assert quote.speaker == "a senior city official"
    assert span_text(text, quote.speaker_mention) == "a senior city official"


def test_said_the_official_after_the_quote():
    text = "“The pier is safe,” said the harbour engineer.\n"
    quote = run(text).quotes[0]
    assert quote.speaker == "the harbour engineer"
    assert quote.kind == "direct"


@pytest.mark.parametrize("adverbs", ["had already", "has still", "had even", "had first"])
def test_adverbs_between_an_unnamed_source_and_its_cue_stay_out_of_the_speaker(adverbs):
    text = (
        "Ferry fares rise\n\n"
        f"Mr Quayle put the loss at ‘£900’ and said his landlord {adverbs} warned him the rent would be ‘unaffordable’.\n"
    )
    quote = quote_containing(run(text), "unaffordable")
    assert quote.speaker == "his landlord"
