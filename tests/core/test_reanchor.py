"""Re-anchoring on edited articles: moved, fuzzy, orphan, the right copy, emoji."""

from __future__ import annotations

from annotator.core.annotations import AnnotationSet, AnnotationStore, reanchor
from tests.core.annotations_support import STORY, annotate, article_at, span_of

BOATS = "the new fares would fund two replacement boats by 2028"
REPEATED = "The fares went up last year as well"


def annotated(phrases: list[tuple[str, int]]) -> list:
    annotations = AnnotationSet(STORY)
    return [annotate(annotations, phrase, occurrence=n) for phrase, n in phrases]


def test_unchanged_text_keeps_everything_anchored():
    placed = reanchor(STORY, annotated([(BOATS, 0), (REPEATED, 1)]), len(STORY))
    assert {a.status for a in placed} == {"anchored"}


def test_text_inserted_before_moves_every_annotation_to_the_right_offsets():
    edited = "Correction appended on Tuesday: the April date was wrong.\n\n" + STORY
    placed = reanchor(edited, annotated([(BOATS, 0), (REPEATED, 1), ("Ines Caldwell", 0)]), len(STORY))
    assert [a.status for a in placed] == ["moved"] * 3
    assert [(a.start, a.end) for a in placed] == [
        span_of(edited, BOATS),
        span_of(edited, REPEATED, 1),
        span_of(edited, "Ines Caldwell"),
    ]
    assert all(edited[a.start : a.end] == a.exact for a in placed)


def test_edit_after_a_highlight_keeps_it_anchored_and_moves_later_ones():
    edited = STORY.replace("Commuters were unconvinced.", "Commuters, asked on the quay, were unconvinced.")
    first, later = reanchor(edited, annotated([("Ines Caldwell", 0), (REPEATED, 1)]), len(STORY))
    assert first.status == "anchored"
    assert later.status == "moved" and (later.start, later.end) == span_of(edited, REPEATED, 1)


def test_a_word_changed_inside_a_highlight_makes_it_fuzzy_over_the_new_words():
    edited = STORY.replace("two replacement boats", "three replacement vessels")
    (placed,) = reanchor(edited, annotated([(BOATS, 0)]), len(STORY))
    assert placed.status == "fuzzy"
    assert edited[placed.start : placed.end] == "the new fares would fund three replacement vessels by 2028"
    assert placed.exact == edited[placed.start : placed.end]


def test_deleting_the_highlighted_paragraph_makes_an_orphan_that_keeps_its_text(tmp_path):
    store = AnnotationStore.open(article_at(tmp_path))
    kept = annotate(store.annotations, "Ines Caldwell", label="Person")
    lost = annotate(store.annotations, "the figures would be published in full")
    store.save()
    paragraph = STORY[STORY.index("A council spokesman") :]
    edited = STORY.replace(paragraph, "The council did not comment.\n")
    reopened = AnnotationStore.open(article_at(tmp_path, edited))
    by_id = {a.id: a for a in reopened.annotations}
    assert by_id[kept.id].status == "anchored"
    orphan = by_id[lost.id]
    assert orphan.status == "orphan" and orphan.exact == "the figures would be published in full"
    assert 0 <= orphan.start <= orphan.end <= len(edited)
    assert reopened.annotations.orphans() == [orphan]
    reopened.save()
    again = AnnotationStore.open(reopened.article)
    assert {a.id: a.status for a in again.annotations} == {kept.id: "anchored", lost.id: "orphan"}
    assert again.annotations.get(lost.id).exact == "the figures would be published in full"


def test_an_orphan_is_found_again_when_its_text_comes_back():
    (original,) = annotated([("the figures would be published in full", 0)])
    without = STORY.replace("the figures would be published in full", "nothing")
    (orphan,) = reanchor(without, [original], len(STORY))
    assert orphan.status == "orphan"
    (back,) = reanchor(STORY, [orphan], len(without))
    assert back.status in ("anchored", "moved") and STORY[back.start : back.end] == original.exact


def test_the_same_sentence_twice_goes_to_the_copy_with_the_matching_context():
    first, second = annotated([(REPEATED, 0), (REPEATED, 1)])
    # New text at the top and changed words around both copies: no simple shift applies.
    edited = ("Late update.\n\n" + STORY).replace(
        "Commuters were unconvinced.", "Regular commuters said they were unconvinced."
    ).replace("he added, but", "the spokesman added, but")
    placed_first, placed_second = reanchor(edited, [first, second], len(STORY))
    assert (placed_first.start, placed_first.end) == span_of(edited, REPEATED, 0)
    assert (placed_second.start, placed_second.end) == span_of(edited, REPEATED, 1)
    assert placed_first.status == placed_second.status == "moved"


def test_the_second_copy_wins_even_though_the_first_exact_copy_comes_earlier():
    (second,) = annotated([(REPEATED, 1)])
    edited = STORY.replace(
        "A council spokesman said the figures would be published in full. ",
        "Figures will be published in full, a council spokesman said. ",
    )
    (placed,) = reanchor(edited, [second], len(STORY))
    assert (placed.start, placed.end) == span_of(edited, REPEATED, 1)


def test_emoji_before_the_highlight_shifts_code_point_offsets_exactly():
    edited = STORY.replace("Passengers on", "🚢🌊 Passengers on").replace("Ferry fares", "👍🏽 Ferry fares")
    placed = reanchor(edited, annotated([(BOATS, 0), ("Ines Caldwell", 0)]), len(STORY))
    assert [a.status for a in placed] == ["moved", "moved"]
    assert [edited[a.start : a.end] for a in placed] == [BOATS, "Ines Caldwell"]


def test_a_whole_paragraph_moved_elsewhere_is_found_by_its_own_length():
    paragraph = "Commuters were unconvinced. The fares went up last year as well, and the timetable got worse."
    (annotation,) = annotated([(paragraph, 0)])
    rest = STORY.replace(paragraph + "\n\n", "")
    edited = rest + "\n" + paragraph + "\n"
    (placed,) = reanchor(edited, [annotation], len(STORY))
    assert placed.status == "moved" and edited[placed.start : placed.end] == paragraph


def test_a_short_word_whose_sentence_was_deleted_does_not_jump_to_another_copy():
    (board,) = annotated([("board", 1)])  # "... who chairs the board."
    edited = STORY.replace(", who chairs the board", "")
    (placed,) = reanchor(edited, [board], len(STORY))
    assert placed.status == "orphan" and placed.exact == "board"


def test_a_short_highlight_whose_preceding_sentence_was_rewritten_is_still_found_by_its_suffix():
    (name,) = annotated([("Ines Caldwell", 0)])
    edited = STORY.replace(
        "“We cannot run forty-year-old engines for ever,” said Ines Caldwell",
        "Ageing engines were the reason, according to Ines Caldwell",
    )
    (placed,) = reanchor(edited, [name], len(STORY))
    assert placed.status == "moved" and edited[placed.start : placed.end] == "Ines Caldwell"


def test_a_short_word_in_a_deleted_paragraph_is_an_orphan_even_though_it_occurs_elsewhere():
    occurrence = STORY[: STORY.index("the timetable")].count("the")
    (word,) = annotated([("the", occurrence)])  # in "..., and the timetable got worse."
    assert STORY.count("the") > 5
    edited = STORY.replace("Commuters were unconvinced. The fares went up last year as well, and the timetable got worse.\n\n", "")
    (placed,) = reanchor(edited, [word], len(STORY))
    assert placed.status == "orphan"
