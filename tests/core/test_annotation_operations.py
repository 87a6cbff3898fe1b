"""Every operation and its inverse: apply then inverse gives back an equal state."""

from __future__ import annotations

import pytest

from annotator.core.annotations import (
    AddAnnotation,
    AddLabel,
    AnnotationError,
    AnnotationSet,
    Batch,
    LabelError,
    MoveSpan,
    ReadOnlyAnnotationsError,
    RemoveAnnotation,
    RemoveLabel,
    RemoveTag,
    RenameTag,
    UpdateAnnotation,
    UpdateLabel,
)
from tests.core.annotations_support import STORY, annotate, span_of


@pytest.fixture
def annotations() -> AnnotationSet:
    annotations = AnnotationSet(STORY)
    annotate(annotations, "the new fares would fund two replacement boats", tags=["fares", "boats"])
    annotate(annotations, "Commuters were unconvinced", label="Opinion", tags=["fares"])
    annotate(annotations, "Ines Caldwell", label="Person")
    return annotations


def assert_undo_redo_exact(annotations: AnnotationSet, operation) -> None:
    """Apply, undo, redo, undo: states alternate exactly, as a QUndoStack would drive them."""
    before = annotations.state()
    inverse = annotations.apply(operation)
    after = annotations.state()
    assert after != before
    redo = annotations.apply(inverse)
    assert annotations.state() == before
    inverse_again = annotations.apply(redo)
    assert annotations.state() == after
    annotations.apply(inverse_again)
    assert annotations.state() == before


def first(annotations: AnnotationSet):
    return next(iter(annotations))


def test_add_creates_selector_with_32_characters_of_context(annotations):
    added = annotate(annotations, "two replacement boats", label="Evidence")
    start, end = span_of(STORY, "two replacement boats")
    assert (added.start, added.end) == (start, end)
    assert added.selector.exact == "two replacement boats"
    assert added.selector.prefix == STORY[start - 32 : start]
    assert added.selector.suffix == STORY[end : end + 32]
    assert added.created.endswith("Z") and added.status == "anchored"


def test_add_and_remove_are_inverses_and_remove_restores_the_position(annotations):
    start, end = span_of(STORY, "forty-year-old engines")
    assert_undo_redo_exact(annotations, AddAnnotation.new(annotations, start, end, "Quote"))
    middle = list(annotations)[1]
    assert_undo_redo_exact(annotations, RemoveAnnotation(middle.id))
    assert list(annotations)[1] == middle


def test_update_fields_and_its_inverse_restore_the_old_timestamp(annotations):
    target = first(annotations)
    operation = UpdateAnnotation(
        target.id, {"note": "Board minutes, p. 4", "verdict": "half TRUE", "tags": [" x ", "x", ""]}
    )
    annotations.apply(operation)
    updated = annotations.get(target.id)
    assert (updated.note, updated.verdict, updated.tags) == ("Board minutes, p. 4", "Half true", ("x",))
    annotations.apply(annotations.apply(RemoveAnnotation(target.id)))  # remove, then re-add as it was
    assert annotations.get(target.id) == updated
    assert_undo_redo_exact(annotations, UpdateAnnotation(target.id, {"label": "Evidence", "speaker": "Ines Caldwell"}))


def test_move_span_reattaches_with_a_fresh_selector(annotations):
    target = first(annotations)
    start, end = span_of(STORY, "two replacement boats by 2028")
    assert_undo_redo_exact(annotations, MoveSpan(target.id, start, end))
    annotations.apply(MoveSpan(target.id, start, end))
    moved = annotations.get(target.id)
    assert moved.exact == "two replacement boats by 2028" and moved.status == "anchored"


@pytest.mark.parametrize(
    "operation, message",
    [
        (lambda a: MoveSpan(first(a).id, 5, 5), "not a non-empty part"),
        (lambda a: MoveSpan(first(a).id, 0, len(STORY) + 1), "not a non-empty part"),
        (lambda a: UpdateAnnotation(first(a).id, {"label": "Nonsense"}), "no label called"),
        (lambda a: UpdateAnnotation(first(a).id, {"verdict": "Probably"}), "unknown verdict"),
        (lambda a: UpdateAnnotation(first(a).id, {"start": 3}), "cannot be edited"),
        (lambda a: RemoveAnnotation("no-such-id"), "no annotation with id"),
        (lambda a: AddAnnotation(first(a)), "already exists"),
    ],
)
def test_refused_edits_change_nothing(annotations, operation, message):
    before, revision = annotations.state(), annotations.revision
    with pytest.raises(ValueError, match=message):
        annotations.apply(operation(annotations))
    assert annotations.state() == before and annotations.revision == revision


def test_rename_tag_everywhere_and_back(annotations):
    assert annotations.tags() == ["boats", "fares"]
    assert_undo_redo_exact(annotations, RenameTag("fares", "prices"))
    annotations.apply(RenameTag("fares", "prices"))
    assert annotations.tags() == ["boats", "prices"]
    assert all("fares" not in a.tags for a in annotations)


def test_rename_tag_onto_an_existing_one_merges_and_undo_splits_again(annotations):
    before = annotations.state()
    inverse = annotations.apply(RenameTag("boats", "fares"))
    assert first(annotations).tags == ("fares",)
    annotations.apply(inverse)
    assert annotations.state() == before
    assert_undo_redo_exact(annotations, RemoveTag("fares"))


def test_rename_of_an_unused_tag_is_refused(annotations):
    with pytest.raises(AnnotationError, match="no annotation has the tag"):
        annotations.apply(RenameTag("weather", "climate"))


def test_label_rename_relabels_its_annotations(annotations):
    assert_undo_redo_exact(annotations, UpdateLabel("Claim", new_name="Check-worthy claim"))
    annotations.apply(UpdateLabel("Claim", new_name="Check-worthy claim"))
    assert first(annotations).label == "Check-worthy claim"
    assert "Claim" not in annotations.labels


def test_label_recolour_rekey_and_add(annotations):
    assert_undo_redo_exact(annotations, UpdateLabel("Opinion", color="#123abc", key="9"))
    assert_undo_redo_exact(annotations, AddLabel("Statistic"))
    annotations.apply(AddLabel("Statistic"))
    assert annotations.labels.get("Statistic").key == "7"


def test_deleting_a_label_in_use_is_refused_unless_reassigned(annotations):
    with pytest.raises(LabelError, match="used by 1 annotation"):
        annotations.apply(RemoveLabel("Person"))
    assert "Person" in annotations.labels
    assert_undo_redo_exact(annotations, RemoveLabel("Person", reassign_to="Quote"))
    annotations.apply(RemoveLabel("Person", reassign_to="Quote"))
    assert [a.label for a in annotations] == ["Claim", "Opinion", "Quote"]


def test_deleting_an_unused_label_needs_no_reassignment(annotations):
    assert_undo_redo_exact(annotations, RemoveLabel("Question"))


def test_batch_is_one_step_and_all_or_nothing(annotations):
    ids = [a.id for a in annotations]
    assert_undo_redo_exact(annotations, Batch(tuple(RemoveAnnotation(i) for i in ids[:2]), "Delete 2"))
    before = annotations.state()
    with pytest.raises(AnnotationError):
        annotations.apply(Batch((RemoveAnnotation(ids[0]), RemoveAnnotation("missing"))))
    assert annotations.state() == before


def test_listeners_hear_one_change_per_operation(annotations):
    heard = []
    start_revision = annotations.revision
    unsubscribe = annotations.subscribe(heard.append)
    target = first(annotations)
    annotations.apply(UpdateAnnotation(target.id, {"note": "n"}))
    annotations.apply(UpdateLabel("Claim", new_name="Assertion"))
    ids = [a.id for a in annotations]
    annotations.apply(Batch((RemoveAnnotation(ids[1]), RemoveAnnotation(ids[2]))))
    unsubscribe()
    annotations.apply(RemoveAnnotation(target.id))
    assert [change.revision - start_revision for change in heard] == [1, 2, 3]
    assert annotations.revision == start_revision + 4
    assert heard[0].updated == {target.id}
    assert heard[1].labels_changed and heard[1].updated == {target.id}
    assert heard[2].removed == set(ids[1:])


def test_read_only_set_refuses_every_operation():
    annotations = AnnotationSet(STORY, read_only=True)
    with pytest.raises(ReadOnlyAnnotationsError):
        annotations.apply(AddAnnotation.new(annotations, 0, 5, "Claim"))


def test_at_returns_innermost_first_for_nested_highlights(annotations):
    outer = annotate(annotations, "board said the new fares would fund two replacement boats by", label="Evidence")
    inner = first(annotations)
    offset = span_of(STORY, "new fares")[0]
    assert [a.id for a in annotations.at(offset)][:2] == [inner.id, outer.id]
