"""Following each Change row by row ends where a full rebuild starts: model, filter, highlights.

Random sequences of adds (some nested in, some identical to, an existing span), removes,
field edits, span moves, re-attaching an orphan, tag renames, label recolours and renames,
batches, undos and redos are applied to one ``AnnotationSet``. After every step the
incrementally updated ``AnnotationsModel`` (watched by Qt's model tester throughout) and
``AnnotationHighlights`` must equal ones built from scratch, and the highlights must equal
what the original all-at-once algorithm drew.
"""

from __future__ import annotations

import random

import pytest
from PySide6.QtGui import QTextCharFormat

from annotator.core.annotations import (
    AddAnnotation,
    Annotation,
    AnnotationSet,
    Batch,
    LabelSet,
    MoveSpan,
    RemoveAnnotation,
    RenameTag,
    UpdateAnnotation,
    UpdateLabel,
)
from annotator.core.annotations.model import VERDICTS, QuoteSelector
from annotator.qt.annotations import annotations_model
from annotator.qt.annotations.annotation_highlights import FALLBACK_COLOUR, AnnotationHighlights, line_pieces
from annotator.qt.annotations.annotations_model import OPTIONAL_COLUMNS, AnnotationsFilterModel, AnnotationsModel

pytestmark = pytest.mark.gui

TEXT = "\n".join(
    f"Paragraph {n}: the council said the sea wall would hold, and residents were told to stay home."
    for n in range(40)
)
TAGS_USED = ("flood", "council", "check", "Données")


def orphan() -> Annotation:
    """An annotation re-anchoring lost: listed, never drawn, until MoveSpan re-attaches it."""
    return Annotation("orphan-1", 10, 30, QuoteSelector("text that is gone"), "Claim", status="orphan")


def full_highlights(annotations: AnnotationSet, dark: bool) -> list[tuple]:
    """What the original implementation drew: everything, recomputed, containers first."""
    shown = [a for a in annotations if a.status != "orphan" and a.end > a.start]
    shown.sort(key=lambda a: (a.start, -a.end))
    drawn: list[tuple] = []
    open_ends: list[int] = []
    for annotation in shown:
        while open_ends and open_ends[-1] <= annotation.start:
            open_ends.pop()
        nested = bool(open_ends) and annotation.end <= open_ends[0]
        label = annotations.labels.get(annotation.label)
        colour = label.color if label else FALLBACK_COLOUR
        for start, end in line_pieces(annotations.text, annotation.start, annotation.end):
            drawn.append((start, end, annotation.id, colour, 110 if dark else 80, nested))
        open_ends.append(annotation.end)
        open_ends.sort(reverse=True)
    return drawn


def described(highlights) -> list[tuple]:
    result = []
    for h in highlights:
        fmt = h.char_format
        background = fmt.background().color()
        nested = fmt.underlineStyle() == QTextCharFormat.UnderlineStyle.SingleUnderline
        colour = background.name()
        result.append((h.start, h.end, fmt.property(QTextCharFormat.Property.UserProperty), colour, background.alpha(), nested))
    return result


def rows(model: AnnotationsModel) -> list[Annotation]:
    return [model.annotation_at(row) for row in range(model.rowCount())]


def shown_ids(proxy: AnnotationsFilterModel) -> list[str]:
    return [proxy.index(row, 0).data(annotations_model.ID_ROLE) for row in range(proxy.rowCount())]


class RandomEditor:
    """Makes random but valid operations on ``annotations`` and keeps an undo/redo history."""

    def __init__(self, annotations: AnnotationSet, rng: random.Random) -> None:
        self.annotations = annotations
        self.rng = rng
        self.undo: list = []
        self.redo: list = []

    def span(self) -> tuple[int, int]:
        existing = [a for a in self.annotations if a.status != "orphan"]
        roll = self.rng.random()
        if existing and roll < 0.25:  # inside an existing span
            outer = self.rng.choice(existing)
            start = self.rng.randrange(outer.start, outer.end)
            return start, self.rng.randrange(start + 1, outer.end + 1)
        if existing and roll < 0.35:  # exactly an existing span
            twin = self.rng.choice(existing)
            return twin.start, twin.end
        start = self.rng.randrange(len(TEXT) - 1)
        return start, min(len(TEXT), start + self.rng.randint(1, 250))  # some cross paragraphs

    def operation(self):
        rng, annotations = self.rng, self.annotations
        ids = [a.id for a in annotations]
        roll = rng.random()
        labels = annotations.labels.names
        if not ids or roll < 0.3:
            return AddAnnotation.new(
                annotations, *self.span(), rng.choice(labels), tags=rng.sample(TAGS_USED, rng.randint(0, 2))
            )
        if roll < 0.42:
            return RemoveAnnotation(rng.choice(ids))
        if roll < 0.62:
            field = rng.choice(["label", "tags", "verdict", "note"])
            value = {
                "label": rng.choice(labels),
                "tags": rng.sample(TAGS_USED, rng.randint(0, 2)),
                "verdict": rng.choice([None, *VERDICTS]),
                "note": rng.choice(["", "check the minutes"]),
            }[field]
            return UpdateAnnotation(rng.choice(ids), {field: value})
        if roll < 0.75:
            return MoveSpan(rng.choice(ids), *self.span())
        if roll < 0.8 and any(a.tags for a in annotations):
            tag = rng.choice(sorted({t for a in annotations for t in a.tags}))
            return RenameTag(tag, rng.choice(TAGS_USED))
        if roll < 0.85:
            label = rng.choice(labels)
            return UpdateLabel(label, color=rng.choice(["#aa3355", "#33aa55", "#3355aa"]))
        if roll < 0.88:
            label = rng.choice(labels)
            return UpdateLabel(label, new_name=label + "s" if not label.endswith("s") else label[:-1])
        count = rng.randint(2, 4)
        return Batch(tuple(AddAnnotation.new(annotations, *self.span(), rng.choice(labels)) for _ in range(count)))

    def step(self) -> None:
        roll = self.rng.random()
        if self.undo and roll < 0.15:
            operation = self.undo.pop()
            self.redo.append(self.annotations.apply(operation))
        elif self.redo and roll < 0.22:
            operation = self.redo.pop()
            self.undo.append(self.annotations.apply(operation))
        else:
            try:
                inverse = self.annotations.apply(self.operation())
            except ValueError:  # e.g. a rename onto an existing label: refused, nothing changed
                return
            self.undo.append(inverse)
            self.redo.clear()


@pytest.mark.parametrize("seed", [1, 2, 3])
@pytest.mark.parametrize("reset_above", [annotations_model.RESET_ABOVE, 2])
def test_incremental_updates_equal_a_full_rebuild(qtmodeltester, monkeypatch, seed, reset_above):
    monkeypatch.setattr(annotations_model, "RESET_ABOVE", reset_above)
    annotations = AnnotationSet(TEXT, LabelSet(), [orphan()])
    model = AnnotationsModel()
    model.set_annotations(annotations)
    proxy = AnnotationsFilterModel()
    proxy.setSourceModel(model)
    highlights = AnnotationHighlights(annotations, dark=False)
    annotations.subscribe(model.apply_change)
    annotations.subscribe(highlights.apply_change)
    qtmodeltester.check(model)  # the tester keeps watching every signal from here on
    rng = random.Random(seed)
    editor = RandomEditor(annotations, rng)

    for step in range(100):
        editor.step()
        if step % 7 == 0:  # filters on and off, as a reader changes them
            proxy.set_criteria(tag=rng.choice([None, *TAGS_USED]), needs_review_only=rng.random() < 0.2)
        fresh = AnnotationsModel()
        fresh.set_annotations(annotations)
        assert rows(model) == rows(fresh)
        assert [model.row_of(a.id) for a in rows(fresh)] == list(range(fresh.rowCount()))
        assert model.tags() == annotations.tags()
        for column in OPTIONAL_COLUMNS:
            assert model.column_in_use(column) == fresh.column_in_use(column)
        fresh_proxy = AnnotationsFilterModel()
        fresh_proxy.setSourceModel(fresh)
        fresh_proxy.set_criteria(tag=proxy.tag, needs_review_only=proxy.needs_review_only)
        assert shown_ids(proxy) == shown_ids(fresh_proxy)
        drawn = described(highlights.all_highlights())
        assert drawn == full_highlights(annotations, dark=False)
        assert drawn == described(AnnotationHighlights(annotations, dark=False).all_highlights())
    assert len(annotations) > 10, "the sequence should have built up a real set"


def test_highlights_near_a_range_are_the_full_ones_there():
    rng = random.Random(9)
    annotations = AnnotationSet(TEXT, LabelSet())
    editor = RandomEditor(annotations, rng)
    highlights = AnnotationHighlights(annotations, dark=True)
    annotations.subscribe(highlights.apply_change)
    for _ in range(150):
        editor.step()
    everything = full_highlights(annotations, dark=True)
    for start in range(0, len(TEXT), 500):
        end = start + 700
        near = described(highlights.highlights_between(start, end))
        assert near == [h for h in everything if h[0] < end and h[1] > start]


def test_theme_change_remakes_the_formats():
    annotations = AnnotationSet(TEXT, LabelSet())
    annotations.apply(AddAnnotation.new(annotations, 0, 20, "Claim"))
    annotations.apply(AddAnnotation.new(annotations, 5, 10, "Evidence"))
    highlights = AnnotationHighlights(annotations, dark=False)
    assert described(highlights.all_highlights()) == full_highlights(annotations, dark=False)
    highlights.set_dark(True)
    assert described(highlights.all_highlights()) == full_highlights(annotations, dark=True)
    assert [nested for *_, nested in full_highlights(annotations, dark=True)] == [False, True]
