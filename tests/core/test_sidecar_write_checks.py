"""What is about to be written as a sidecar passes the checks of loading first."""

from __future__ import annotations

import dataclasses
import os

import pytest

from annotator.core.annotations import AddAnnotation, AnnotationError, SidecarCorruptError, SidecarWriteError
from annotator.core.annotations.sidecar import (
    MAX_SIDECAR_BYTES,
    decode_sidecar,
    encode_sidecar,
    sidecar_values,
    write_sidecar,
)
from tests.core.annotations_support import annotate, saved_store


def test_a_boolean_offset_is_refused_by_the_operations(tmp_path):
    store = saved_store(tmp_path, ["Lowmoor ferry"])
    with pytest.raises(AnnotationError):
        store.annotations.apply(AddAnnotation.new(store.annotations, True, 9, "Claim"))
    with pytest.raises(AnnotationError):
        store.annotations.apply(AddAnnotation.new(store.annotations, 0, 9.0, "Claim"))


@pytest.mark.parametrize("start", [True, -1, 10**30])
def test_bytes_the_loader_would_refuse_are_not_written(tmp_path, start):
    store = saved_store(tmp_path, ["Lowmoor ferry"])
    before = store.path.read_bytes()
    (annotation,) = store.annotations.annotations
    odd = dataclasses.replace(annotation, start=start)
    state = ("story.txt", "0" * 64, len(store.article.text), store.annotations.labels, [odd])
    with pytest.raises(SidecarWriteError, match="could not be read back .*; the previous version is unchanged"):
        write_sidecar(store.path, encode_sidecar(*state), sidecar_values(*state))
    with pytest.raises(SidecarCorruptError):  # and what would have been written is what loading refuses
        decode_sidecar(store.path, encode_sidecar(*state))
    assert store.path.read_bytes() == before
    assert sorted(os.listdir(tmp_path)) == ["story.txt", "story.txt.annotations.json"]


def test_a_sidecar_over_the_size_limit_is_not_written(tmp_path):
    store = saved_store(tmp_path, ["Lowmoor ferry"])
    before = store.path.read_bytes()
    with pytest.raises(SidecarWriteError, match="more than the 64 MB a sidecar may have"):
        write_sidecar(store.path, b" " * (MAX_SIDECAR_BYTES + 1), {})
    assert store.path.read_bytes() == before


def test_what_the_check_reads_is_what_the_bytes_say(tmp_path):
    """The values checked before a save are those a load parses from the bytes written."""
    import json

    store = saved_store(tmp_path, ["Lowmoor ferry", "harbour board"])
    annotate(store.annotations, "Ines Caldwell", note='tide 🌊, “quotes”, "straight" \\ and\nlines', tags=["a\tb"])
    state = store._state()
    assert json.loads(encode_sidecar(*state)) == sidecar_values(*state)


def test_room_left_shrinks_as_annotations_are_added(tmp_path):
    store = saved_store(tmp_path, ["Lowmoor ferry"])
    room = store.room_left()
    annotate(store.annotations, "harbour board")
    assert MAX_SIDECAR_BYTES - len(store.path.read_bytes()) == room
    assert 0 < store.room_left() < room
