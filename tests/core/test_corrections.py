"""Corrections over an extraction: each operation, marking, statuses, idempotence, re-anchoring."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.corrections import (
    APPLIED,
    ORPHAN,
    STALE,
    Anchor,
    Correction,
    CorrectionError,
    apply_corrections,
    corrections_from_json,
    corrections_to_json,
    reanchor_corrections,
)
from annotator.core.corrections import select
from annotator.core.extraction.model import Extraction, Person, Quote
from annotator.core.extraction import extract
from annotator.core.readers import read_article
from annotator.core.resources import resource
from tests.core.extraction_support import fixture, run

TEXT = fixture("../corrections/harbour.txt")


@pytest.fixture(scope="module")
def raw() -> Extraction:
    return run(TEXT)


def quote_correction(raw: Extraction, words: str, operation: str, **values) -> Correction:
    quote = select.quote_named(TEXT, raw, words)
    return Correction.new(operation, select.quote_anchor(TEXT, quote), **values)


def person_correction(raw: Extraction, name: str, operation: str, form: str | None = None, **values) -> Correction:
    person = select.person_named(raw, name)
    return Correction.new(operation, select.person_anchor(TEXT, person, form), **values)


def span(words: str) -> Anchor:
    start, end = select.span_of(TEXT, words)
    return Anchor.over(TEXT, start, end)


def quote_with(result: Extraction, words: str) -> Quote:
    (quote,) = [q for q in result.quotes if words in q.text]
    return quote


def person(result: Extraction, name: str) -> Person:
    (found,) = [p for p in result.people if p.name == name]
    return found


def statuses(result) -> list[str]:
    return [r.status for r in result.results]


# -- quotes ---------------------------------------------------------------------------------


def test_setting_a_speaker_to_a_person_of_the_article_moves_the_quote_and_its_count(raw):
    correction = quote_correction(raw, "catch", "quote.speaker", value="Helen Trevaskis")
    result = apply_corrections(raw, [correction], TEXT)
    quote = quote_with(result, "catch")
    assert (quote.speaker, quote.speaker_id) == ("Helen Trevaskis", "p1")
    assert TEXT[quote.speaker_mention.start : quote.speaker_mention.end] == "Helen Trevaskis"
    assert quote.corrected and quote.proposed["speaker"] == "Jory Pascoe"
    assert person(result, "Helen Trevaskis").quote_count == 3
    assert person(result, "Jory Pascoe").quote_count == 0
    assert statuses(result) == [APPLIED]
    json = quote.to_json()
    assert json["corrected"] is True and json["proposed"]["speaker_id"] == "p2"


def test_a_speaker_who_is_not_a_person_of_the_article_is_kept_as_written(raw):
    correction = quote_correction(raw, "prudent", "quote.speaker", value="an unnamed board member")
    quote = quote_with(apply_corrections(raw, [correction], TEXT), "prudent")
    assert (quote.speaker, quote.speaker_id, quote.speaker_mention) == ("an unnamed board member", None, None)


def test_clearing_a_speaker(raw):
    correction = quote_correction(raw, "catch", "quote.speaker", value=None)
    result = apply_corrections(raw, [correction], TEXT)
    assert quote_with(result, "catch").speaker is None
    assert person(result, "Jory Pascoe").quote_count == 0


def test_not_a_quote_withdraws_it_and_keeps_it_listed(raw):
    correction = quote_correction(raw, "prudent", "quote.not_quote")
    result = apply_corrections(raw, [correction], TEXT)
    assert not [q for q in result.quotes if "prudent" in q.text]
    assert [w.reason for w in result.withdrawn] == ["not a quote"]
    assert result.to_json()["withdrawn"][0]["text"] == "‘prudent’"


def test_kind_scare_clears_the_speaker_and_direct_sets_the_kind(raw):
    scare = quote_correction(raw, "prudent", "quote.kind", value="scare")
    quote = quote_with(apply_corrections(raw, [scare], TEXT), "prudent")
    assert (quote.kind, quote.speaker, quote.cue) == ("scare", None, None)
    assert quote.proposed["kind"] == "partial"
    direct = quote_correction(raw, "prudent", "quote.kind", value="direct")
    assert quote_with(apply_corrections(raw, [direct], TEXT), "prudent").kind == "direct"
    with pytest.raises(CorrectionError):
        quote_correction(raw, "prudent", "quote.kind", value="indirect")


def test_adding_a_missed_quote_with_its_speaker(raw):
    correction = Correction.new("quote.add", span("The money is there if they want it"), value="a council source")
    result = apply_corrections(raw, [correction], TEXT)
    quote = quote_with(result, "money is there")
    assert quote.corrected and quote.proposed is None
    assert (quote.kind, quote.speaker) == ("indirect", "a council source")  # reported speech: no marks
    assert [q.start for q in result.quotes] == sorted(q.start for q in result.quotes)


def test_adding_a_quote_the_extractor_already_finds_no_longer_applies(raw):
    quote = select.quote_named(TEXT, raw, "catch")
    correction = Correction.new("quote.add", select.quote_anchor(TEXT, quote), value="Jory Pascoe")
    result = apply_corrections(raw, [correction], TEXT)
    assert statuses(result) == [STALE]
    assert len(result.quotes) == len(raw.quotes)


def test_changing_a_quote_span(raw):
    correction = quote_correction(raw, "catch", "quote.span", target=span("Every tide we lose"))
    quote = quote_with(apply_corrections(raw, [correction], TEXT), "Every tide")
    assert quote.text == "Every tide we lose" and quote.proposed["text"].startswith("“Every tide")


# -- people ---------------------------------------------------------------------------------


def test_rename_renames_the_person_and_the_speaker_of_their_quotes(raw):
    correction = person_correction(raw, "Jory Pascoe", "person.rename", value="Jory Pascoe Jr")
    result = apply_corrections(raw, [correction], TEXT)
    renamed = person(result, "Jory Pascoe Jr")
    assert renamed.proposed["name"] == "Jory Pascoe" and "Jory Pascoe" in renamed.aliases
    assert quote_with(result, "catch").speaker == "Jory Pascoe Jr"


def test_merge_two_people_into_one(raw):
    correction = Correction.new(
        "person.merge", select.person_anchor(TEXT, select.person_named(raw, "Jory Pascoe")),
        target=select.person_anchor(TEXT, select.person_named(raw, "Helen Trevaskis")),
    )
    result = apply_corrections(raw, [correction], TEXT)
    kept = person(result, "Helen Trevaskis")
    assert len(kept.mentions) == 4 and kept.quote_count == 3
    assert {"Jory Pascoe", "Pascoe"} <= set(kept.aliases)
    assert not [p for p in result.people if p.name == "Jory Pascoe"]
    assert quote_with(result, "catch").speaker_id == kept.id


def test_split_an_alias_off(raw):
    correction = person_correction(raw, "Jory Pascoe", "person.split_alias", form="Pascoe", value="Pascoe")
    result = apply_corrections(raw, [correction], TEXT)
    split = person(result, "Pascoe")
    assert [TEXT[m.start : m.end] for m in split.mentions] == ["Pascoe"]
    jory = person(result, "Jory Pascoe")
    assert jory.aliases == [] and len(jory.mentions) == 1 and jory.quote_count == 1


def test_not_a_person_and_credit(raw):
    credit = person_correction(raw, "Morwenna Hicks", "person.not_person", credit=True)
    result = apply_corrections(raw, [credit], TEXT)
    assert "Morwenna Hicks" not in [p.name for p in result.people]
    assert [w.reason for w in result.withdrawn] == ["a credit"]
    speaker = person_correction(raw, "Jory Pascoe", "person.not_person")
    result = apply_corrections(raw, [speaker], TEXT)
    quote = quote_with(result, "catch")
    assert quote.speaker is None and quote.corrected and quote.proposed["speaker"] == "Jory Pascoe"


def test_add_a_missed_person_from_a_mention(raw):
    correction = Correction.new("person.add", span("Kernow Press Agency"))
    result = apply_corrections(raw, [correction], TEXT)
    added = person(result, "Kernow Press Agency")
    assert added.corrected and added.proposed is None and len(added.mentions) == 1
    # people stay in order of first mention
    assert [p.mentions[0].start for p in result.people] == sorted(p.mentions[0].start for p in result.people)


def test_set_the_role(raw):
    correction = person_correction(raw, "Jory Pascoe", "person.role", value="trawler skipper")
    changed = person(apply_corrections(raw, [correction], TEXT), "Jory Pascoe")
    assert changed.role == "trawler skipper" and changed.proposed["role"] is None


def test_speaker_then_rename_follow_each_other_in_order(raw):
    speaker = quote_correction(raw, "prudent", "quote.speaker", value="Pascoe")
    rename = person_correction(raw, "Jory Pascoe", "person.rename", value="J. Pascoe")
    result = apply_corrections(raw, [speaker, rename], TEXT)
    assert quote_with(result, "prudent").speaker == "J. Pascoe"
    assert person(result, "J. Pascoe").quote_count == 2


# -- purity, determinism, idempotence -------------------------------------------------------


def every_kind(raw: Extraction) -> list[Correction]:
    return [
        quote_correction(raw, "catch", "quote.speaker", value="Helen Trevaskis"),
        quote_correction(raw, "prudent", "quote.kind", value="scare"),
        Correction.new("quote.add", span("The money is there if they want it"), value="a council source"),
        person_correction(raw, "Morwenna Hicks", "person.not_person", credit=True),
        person_correction(raw, "Jory Pascoe", "person.role", value="skipper"),
        Correction.new("person.add", span("Kernow Press Agency")),
    ]


def test_the_extraction_given_is_left_unchanged(raw):
    before = raw.to_json()
    apply_corrections(raw, every_kind(raw), TEXT)
    assert raw.to_json() == before


def test_applying_twice_is_applying_once(raw):
    corrections = every_kind(raw)
    once = apply_corrections(raw, corrections, TEXT)
    assert statuses(once) == [APPLIED] * len(corrections)
    twice = apply_corrections(once, corrections, TEXT)
    assert twice.to_json() == once.to_json()
    assert apply_corrections(raw, corrections, TEXT).to_json() == once.to_json()


def test_no_corrections_change_nothing(raw):
    assert apply_corrections(raw, [], TEXT).to_json() == raw.to_json()


def test_records_round_trip_through_json(raw):
    corrections = every_kind(raw) + [
        quote_correction(raw, "catch", "quote.span", target=span("Every tide we lose")),
    ]
    assert corrections_from_json(corrections_to_json(corrections)) == corrections


# -- a changed article ----------------------------------------------------------------------


def test_corrections_follow_a_changed_article_or_become_orphans_never_lost(raw):
    corrections = every_kind(raw)
    edited = "Updated on Tuesday.\n\n" + TEXT.replace("Additional reporting: Morwenna Hicks\n", "")
    placed = reanchor_corrections(edited, corrections, len(TEXT))
    assert len(placed) == len(corrections)
    by_op = {c.operation: c for c in placed}
    assert by_op["person.not_person"].anchor.status == "orphan"
    assert by_op["person.not_person"].anchor.exact == "Morwenna Hicks"
    assert {c.anchor.status for c in placed if c.operation != "person.not_person"} == {"moved"}
    result = apply_corrections(run(edited), placed, edited)
    assert statuses(result) == [APPLIED, APPLIED, APPLIED, ORPHAN, APPLIED, APPLIED]
    assert quote_with(result, "catch").speaker == "Helen Trevaskis"


def test_a_correction_the_changed_extraction_no_longer_supports_is_reported_stale(raw):
    correction = quote_correction(raw, "prudent", "quote.kind", value="scare")
    edited = TEXT.replace("called the delay ‘prudent’", "called the delay prudent")
    placed = reanchor_corrections(edited, [correction], len(TEXT))
    result = apply_corrections(run(edited), placed, edited)
    assert len(result.results) == 1 and result.results[0].status in (STALE, ORPHAN)
    assert result.results[0].reason


def test_selecting_ambiguous_text_asks_for_an_occurrence(raw):
    with pytest.raises(CorrectionError, match="--occurrence"):
        select.span_of(TEXT, "board")
    start, _ = select.span_of(TEXT, "board", occurrence=2)
    assert start == TEXT.find("board", TEXT.find("board") + 1)
    with pytest.raises(CorrectionError, match="not inside a quote"):
        select.quote_named(TEXT, raw, "Fishermen")
    with pytest.raises(CorrectionError, match="no person"):
        select.person_named(raw, "Nobody Here")


def test_a_wrong_speaker_on_the_sample_article_is_fixed():
    sample = read_article(resource("sample_article.txt"))
    raw = extract(sample)
    quote = select.quote_named(sample.text, raw, "complicated")
    correction = Correction.new("quote.speaker", select.quote_anchor(sample.text, quote), value="Tom Haslam")
    result = apply_corrections(raw, [correction], sample.text)
    assert quote_with(result, "complicated").speaker == "Tom Haslam"
    assert person(result, "Tom Haslam").quote_count == person(raw, "Tom Haslam").quote_count + 1


# -- properties ------------------------------------------------------------------------------

def many_kinds(raw: Extraction) -> list[Correction]:
    jory = select.person_anchor(TEXT, select.person_named(raw, "Jory Pascoe"))
    helen = select.person_anchor(TEXT, select.person_named(raw, "Helen Trevaskis"))
    return every_kind(raw) + [
        quote_correction(raw, "catch", "quote.not_quote"),
        quote_correction(raw, "wait.", "quote.speaker", value="Jory Pascoe"),
        quote_correction(raw, "catch", "quote.span", target=span("Every tide we lose")),
        person_correction(raw, "Jory Pascoe", "person.rename", value="J. Pascoe"),
        person_correction(raw, "Jory Pascoe", "person.split_alias", form="Pascoe", value="Pascoe"),
        Correction.new("person.merge", jory, target=helen),
        Correction.new("person.merge", helen, target=jory),
        person_correction(raw, "Helen Trevaskis", "person.not_person"),
    ]


RAW_ONCE = run(TEXT)
POOL = many_kinds(RAW_ONCE)


@settings(max_examples=150, deadline=None)
@given(chosen=st.lists(st.sampled_from(range(len(POOL))), max_size=12))
def test_any_corrections_in_any_order_apply_deterministically_and_keep_counts(chosen):
    corrections = [POOL[i] for i in chosen]
    before = RAW_ONCE.to_json()
    once = apply_corrections(RAW_ONCE, corrections, TEXT)
    assert RAW_ONCE.to_json() == before  # the extractor's result is never changed
    assert apply_corrections(once, corrections, TEXT).to_json() == once.to_json()
    assert [r.correction for r in once.results] == corrections  # each one reported, none dropped
    assert all(r.status in (APPLIED, STALE) and (r.status == APPLIED) == (not r.reason) for r in once.results)
    ids = [p.id for p in once.people]
    assert len(ids) == len(set(ids))
    for person in once.people:
        assert person.quote_count == sum(q.speaker_id == person.id for q in once.quotes)
    for quote in once.quotes:
        assert quote.text == TEXT[quote.start : quote.end]
        assert quote.speaker_id is None or quote.speaker == once.person(quote.speaker_id).name
        assert quote.corrected or quote.to_json() in [q.to_json() for q in RAW_ONCE.quotes]
