"""A selection becomes a highlight of whole words with no whitespace at its edges."""

from __future__ import annotations

import csv
import io
import json

import pytest

from annotator.core.annotations import AnnotationStore
from annotator.core.annotations.operations import AddAnnotation
from annotator.core.annotations.spans import is_word_char, snap_to_words, trim_whitespace
from annotator.core.export.brat import export_brat
from annotator.core.export.csv_export import export_csv
from tests.core.annotations_support import STORY, article_at, span_of


def _snap(text: str, selected: str, start_in: int = 0) -> str:
    start = text.index(selected, start_in)
    begin, end = snap_to_words(text, start, start + len(selected))
    return text[begin:end]


@pytest.mark.parametrize(
    ("text", "selected", "expected"),
    [
        ("the harbour with boats", "harbour wit", "harbour with"),
        ("the harbour with boats", "arbour with", "harbour with"),
        ("the harbour with boats", "harbour with", "harbour with"),  # already whole words
        ("the harbour with boats", " with ", " with "),  # edges on spaces stay
        ("they don’t agree", "they do", "they don’t"),  # an apostrophe inside a word joins it
        ("Putin’s plan", "Put", "Putin’s"),
        ("a well-known face", "well-kn", "well-known"),
        ("Zoe\u0308 said so", "Zo", "Zoe\u0308"),  # a combining accent belongs to its letter
        ("café 🙂 open", "caf", "café"),
        ("a 🙂 b", "🙂", "🙂"),  # an emoji is not a letter: nothing to widen
        ("price\u00a0rises fast", "rice\u00a0ri", "price\u00a0rises"),  # NBSP separates words
        ("‘We will prevail,’ he said", "e will", "We will"),  # a quote mark is not part of a word
    ],
)
def test_a_selection_snaps_to_whole_words(text, selected, expected):
    assert _snap(text, selected) == expected


def test_snapping_keeps_an_empty_selection_and_stays_in_the_text():
    text = "word"
    assert snap_to_words(text, 2, 2) == (2, 2)
    assert snap_to_words(text, 1, 3) == (0, 4)
    assert snap_to_words(text, -5, 99) == (0, 4)
    assert not is_word_char(text, -1) and not is_word_char(text, 4)


@pytest.mark.parametrize(
    ("text", "start", "end", "expected"),
    [
        ("end.\n\nNext para", 4, 15, "\n\nNext para"[2:]),
        ("one\r\ntwo", 3, 8, "two"),
        ("\u00a0 padded\u00a0", 0, 9, "padded"),
        ("a\u2029b", 1, 3, "b"),
        ("   ", 0, 3, "   "),  # only whitespace: returned as it was, the caller refuses it
    ],
)
def test_edge_whitespace_is_trimmed(text, start, end, expected):
    begin, finish = trim_whitespace(text, start, end)
    assert text[begin:finish] == expected


def test_a_highlight_across_a_paragraph_break_has_the_same_offsets_everywhere(tmp_path):
    store = AnnotationStore.open(article_at(tmp_path, STORY))
    start, _ = span_of(STORY, "on Monday.")
    end = STORY.index("The harbour") + len("The harbour")
    # The reader's selection begins on the space before "on", runs over the blank line into the next
    # paragraph and ends on the space after "harbour".
    operation = AddAnnotation.new(store.annotations, start - 1, end + 1, "Claim")
    store.annotations.apply(operation)
    added = operation.annotation
    assert STORY[added.start : added.end] == "on Monday.\n\nThe harbour"
    store.save()

    saved = json.loads(store.path.read_text(encoding="utf-8"))["annotations"][0]
    assert (saved["start"], saved["end"]) == (added.start, added.end)
    rows = list(csv.DictReader(io.StringIO(export_csv(store.article, [added], store.annotations.labels.labels, bom=False))))
    assert (int(rows[0]["start"]), int(rows[0]["end"])) == (added.start, added.end)
    brat = export_brat(store.article, [added], store.annotations.labels.labels)
    fragments = brat.ann.splitlines()[0].split("\t")[1].split(" ", 1)[1].split(";")
    pieces = [tuple(int(n) for n in fragment.split()) for fragment in fragments]
    assert pieces[0][0] == added.start and pieces[-1][1] == added.end  # brat splits at the line break
