"""The project's sample article against its gold (read from ../shared at test time; skipped without it)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.core.extraction_support import run

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
GOLD = SHARED / "corpus" / "dev" / "seed_gold.jsonl"

pytestmark = pytest.mark.skipif(not GOLD.exists(), reason="shared gold corpus not present")


@pytest.fixture(scope="module")
def seed():
    gold = json.loads(GOLD.read_text(encoding="utf-8").splitlines()[0])
    return gold, run(gold["text"])


def test_every_full_quote_is_found_with_its_speaker(seed):
    gold, result = seed
    for item in (q for q in gold["quotes"] if q["kind"] == "direct"):
        found = [q for q in result.quotes if q.start <= item["start"] and item["end"] <= q.end]
        assert found, item["text"]
        assert found[0].speaker == item["speaker"], item["text"]


def test_partial_quotes_with_a_speaker_are_attributed(seed):
    gold, result = seed
    for item in (q for q in gold["quotes"] if q["kind"] != "direct" and q["speaker"]):
        found = [q for q in result.quotes if q.start == item["start"]]
        assert found and found[0].speaker == item["speaker"], item["text"]


def test_exactly_the_people_of_the_gold_list(seed):
    gold, result = seed
    assert sorted(p.name for p in result.people) == sorted(gold["people"])
