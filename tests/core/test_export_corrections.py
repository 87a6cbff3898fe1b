"""Every export carries the corrected result; the gold format round-trips through the scorer."""

from __future__ import annotations

import csv
import importlib.util
import io
import json
from pathlib import Path

import pytest

from annotator.core.annotations.model import DEFAULT_LABELS, Annotation
from annotator.core.article import Article
from annotator.core.corrections import Anchor, Correction, apply_corrections, select
from annotator.core.corrections.speakers import with_corrected_speakers
from annotator.core.export import export_brat, export_claimreview, export_csv, export_html, export_markdown, export_w3c
from annotator.core.export.gold import export_gold, gold_kind
from annotator.core.extraction import extract
from annotator.core.importers import parse_w3c
from tests.core.extraction_support import fixture

TEXT = fixture("../corrections/harbour.txt")
ARTICLE = Article(source=Path("/data/harbour.txt"), text=TEXT)
RAW = extract(ARTICLE)
# The scorer sits in the shared folder beside the project's checkout (or a level further up).
SCORER = next(
    (p / "shared" / "tools" / "score_extraction.py" for p in Path(__file__).resolve().parents[2:5]
     if (p / "shared" / "tools" / "score_extraction.py").exists()),
    Path("score_extraction.py-not-found"),
)


def span(words: str) -> Anchor:
    start, end = select.span_of(TEXT, words)
    return Anchor.over(TEXT, start, end)


def quote_anchor(words: str) -> Anchor:
    return select.quote_anchor(TEXT, select.quote_named(TEXT, RAW, words))


CORRECTIONS = [
    Correction.new("quote.speaker", quote_anchor("catch"), value="Helen Trevaskis", author="Ann Editor"),
    Correction.new("quote.kind", quote_anchor("prudent"), value="scare"),
    Correction.new("quote.add", span("The money is there if they want it"), value="a council source"),
    Correction.new("person.not_person", span("Morwenna Hicks"), credit=True),
]
CORRECTED = apply_corrections(RAW, CORRECTIONS, TEXT)


def highlight(words: str, **fields) -> Annotation:
    start = TEXT.index(words)
    return Annotation.create(TEXT, start, start + len(words), "Claim", created="2026-03-11T09:30:00Z",
                             modified="2026-03-11T09:30:00Z", **fields)


CATCH = RAW.quotes[[q.text for q in RAW.quotes].index("“Every tide we lose is a day’s catch,”")]
LINKED = highlight(CATCH.text, quote_id=CATCH.id, speaker="Jory Pascoe", verdict="Mostly true")
ANNOTATIONS = with_corrected_speakers([LINKED, highlight("dredging the outer channel")], CORRECTED)


def test_a_highlight_of_a_corrected_quote_takes_the_corrected_speaker():
    assert ANNOTATIONS[0].speaker == "Helen Trevaskis" and ANNOTATIONS[0].modified == LINKED.modified
    assert ANNOTATIONS[1].speaker is None
    assert with_corrected_speakers([LINKED], RAW) == [LINKED]


def test_csv_speaker():
    rows = list(csv.DictReader(io.StringIO(export_csv(ARTICLE, ANNOTATIONS, DEFAULT_LABELS, CORRECTED))))
    assert [r["speaker"] for r in rows if r["text"] == CATCH.text] == ["Helen Trevaskis"]


def test_claimreview_author():
    reviews = json.loads(export_claimreview(ARTICLE, ANNOTATIONS, DEFAULT_LABELS, CORRECTED))
    reviews = reviews if isinstance(reviews, list) else reviews.get("@graph", [reviews])
    (review,) = reviews
    assert review["itemReviewed"]["author"]["name"] == "Helen Trevaskis"


def test_brat_relation_points_at_the_corrected_speaker():
    ann = export_brat(ARTICLE, ANNOTATIONS, DEFAULT_LABELS, CORRECTED).ann
    spans = {}
    for line in ann.splitlines():
        if line.startswith("T"):
            tid, kind_span, words = line.split("\t")
            spans[tid] = words
    relations = [line.split("\t")[1].split() for line in ann.splitlines() if line.startswith("R")]
    speakers_of_catch = {spans[a2.split(":")[1]] for _, a1, a2 in relations if spans[a1.split(":")[1]] == CATCH.text}
    assert speakers_of_catch == {"Helen Trevaskis"}
    assert "corrected (the extractor said Jory Pascoe)" in ann
    assert "Morwenna Hicks" not in ann


def test_markdown_and_html_mark_corrected_quotes():
    markdown = export_markdown(ARTICLE, ANNOTATIONS, DEFAULT_LABELS, CORRECTED)
    assert "**Helen Trevaskis** (direct): “Every tide we lose is a day’s catch,” *(corrected; the extractor said Jory Pascoe)*" in markdown
    assert "missed by the extractor" in markdown
    html = export_html(ARTICLE, ANNOTATIONS, DEFAULT_LABELS, CORRECTED)
    assert "(corrected; the extractor said Jory Pascoe)" in html and "Morwenna Hicks</td>" not in html


def test_w3c_corrections_are_editing_annotations_on_the_quote():
    document = json.loads(export_w3c(ARTICLE, ANNOTATIONS, DEFAULT_LABELS, CORRECTED, CORRECTED.results))
    items = document["first"]["items"]
    assert document["total"] == len(ANNOTATIONS) + len(CORRECTIONS)
    edits = [item for item in items if item["motivation"] == "editing"]
    assert [e["id"] for e in edits] == [f"urn:uuid:{c.id}" for c in CORRECTIONS]
    first = edits[0]
    assert first["body"] == [{"type": "TextualBody", "purpose": "editing", "value": "speaker → Helen Trevaskis"}]
    selectors = {s["type"]: s for s in first["target"]["selector"]}
    assert selectors["TextQuoteSelector"]["exact"] == CATCH.text
    assert (selectors["TextPositionSelector"]["start"], selectors["TextPositionSelector"]["end"]) == (CATCH.start, CATCH.end)
    assert first["annotator:correction"] == {"operation": "quote.speaker", "value": "Helen Trevaskis", "status": "applied"}
    assert first["creator"] == {"type": "Person", "name": "Ann Editor"}
    parsed = parse_w3c(json.dumps(document))  # importing highlights leaves the corrections to the sidecar
    assert len(parsed.annotations) == len(ANNOTATIONS) and any("corrections" in i for i in parsed.ignored)


def test_gold_record_holds_the_corrected_quotes_and_people():
    record = json.loads(export_gold(ARTICLE, CORRECTED))
    assert record["id"] == "harbour.txt" and record["text"] == TEXT
    assert "Morwenna Hicks" not in record["people"] and "Helen Trevaskis" in record["people"]
    by_text = {q["text"]: q for q in record["quotes"]}
    assert "‘prudent’" not in by_text  # a scare quote is nobody's words
    assert by_text[CATCH.text]["speaker"] == "Helen Trevaskis"
    mention = by_text[CATCH.text]["speaker_mention"]
    assert TEXT[mention["start"] : mention["end"]] == mention["text"] == "Helen Trevaskis"
    assert by_text["The money is there if they want it"]["kind"] == "indirect"
    for quote in record["quotes"]:
        pieces = quote.get("spans") or [[quote["start"], quote["end"]]]
        assert quote["text"] == " … ".join(TEXT[a:b] for a, b in pieces)
    for mention in record["mentions"]:
        assert TEXT[mention["start"] : mention["end"]] == mention["text"]
    assert (gold_kind("“All of it”"), gold_kind("a “word” here"), gold_kind("none")) == ("direct", "mixed", "indirect")


@pytest.mark.skipif(not SCORER.exists(), reason="the extraction scorer is not present")
def test_the_scorer_reads_the_gold_record_and_scores_the_corrected_extraction_perfect():
    spec = importlib.util.spec_from_file_location("score_extraction", SCORER)
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    gold = json.loads(export_gold(ARTICLE, CORRECTED))
    corrected_output = {"source": "harbour.txt", "text": TEXT, **CORRECTED.to_json()}
    result, _ = scorer.score([gold], [corrected_output])
    figures = json.dumps(result)
    for key in ("quotes@0.8", "people", "mentions"):
        names = ("precision", "recall", "f1") + (("speaker_accuracy", "attributed") if key.startswith("quotes") else ())
        assert [result[key][name] for name in names] == [1.0] * len(names), figures
    raw_output = {"source": "harbour.txt", "text": TEXT, **RAW.to_json()}
    raw_result, _ = scorer.score([gold], [raw_output])
    # the extractor alone does not match the reader's corrections
    assert raw_result["quotes@0.8"]["speaker_accuracy"] < 1.0 and raw_result["people"]["precision"] < 1.0
