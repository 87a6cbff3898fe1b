"""The sidecar on disk: round trip, schema checks, read-only states, conflicts, failed writes."""

from __future__ import annotations

import errno
import json
import os
import re
import tempfile
from pathlib import Path

import pytest

from annotator.core.annotations import (
    AnnotationStore,
    ReadOnlyAnnotationsError,
    SidecarConflictError,
    SidecarCorruptError,
    SidecarReadOnlyError,
    SidecarUnsupportedError,
    SidecarWriteError,
    UpdateAnnotation,
    sidecar_path_for,
)
from annotator.core.annotations import sidecar as sidecar_module
from annotator.core.annotations.sidecar import read_sidecar
from tests.core.annotations_support import STORY, annotate, article_at, saved_store

PHRASES = ["the new fares would fund two replacement boats", "Commuters were unconvinced", "Ines Caldwell"]


def test_sidecar_sits_beside_the_article_with_the_full_name_plus_suffix(tmp_path):
    assert sidecar_path_for(tmp_path / "story.txt") == tmp_path / "story.txt.annotations.json"
    assert sidecar_path_for("notes/a.b.html").name == "a.b.html.annotations.json"


def test_no_sidecar_opens_empty_and_writable(tmp_path):
    store = AnnotationStore.open(article_at(tmp_path))
    assert len(store.annotations) == 0 and not store.read_only and store.problem is None
    assert not store.is_dirty and not store.path.exists()


def test_round_trip_restores_an_equal_state_and_identical_bytes(tmp_path):
    store = saved_store(tmp_path, PHRASES)
    first = next(iter(store.annotations))
    store.annotations.apply(UpdateAnnotation(first.id, {"note": "Ünïcode 🎉 note\nline 2", "verdict": "False"}))
    store.save()
    on_disk = store.path.read_bytes()
    again = AnnotationStore.open(store.article)
    assert again.annotations.state() == store.annotations.state()
    assert not again.reanchored and not again.is_dirty
    again.save()
    assert store.path.read_bytes() == on_disk


def test_file_records_format_version_article_hash_and_length(tmp_path):
    store = saved_store(tmp_path, PHRASES[:1])
    data = json.loads(store.path.read_text(encoding="utf-8"))
    assert (data["format"], data["version"]) == ("annotator.sidecar", 1)
    assert data["article"] == {"path": "story.txt", "sha256": store.article.sha256, "length": len(STORY)}
    assert [label["name"] for label in data["labels"]][:2] == ["Claim", "Evidence"]
    assert data["annotations"][0]["selector"]["exact"] == PHRASES[0]


def _valid_payload(tmp_path: Path) -> dict:
    store = saved_store(tmp_path, PHRASES)
    return json.loads(store.path.read_text(encoding="utf-8"))


def _break(payload: dict, change) -> dict:
    change(payload)
    return payload


@pytest.mark.parametrize(
    "change, message",
    [
        (lambda p: p["annotations"][0].update(verdict="Probably"), r"annotations\[0\]\.verdict: 'Probably' is not one of"),
        (lambda p: p["annotations"][1].pop("selector"), r"annotations\[1\]: 'selector' is a required property"),
        (lambda p: p["annotations"][0].update(start="12"), r"annotations\[0\]\.start: '12' is not of type 'integer'"),
        (lambda p: p["annotations"][0].update(colour="red"), r"Additional properties are not allowed \('colour'"),
        (lambda p: p["labels"][0].update(color="yellow"), r"labels\[0\]\.color: 'yellow' does not match"),
        (lambda p: p["article"].update(sha256="xyz"), r"article\.sha256"),
        (lambda p: p["annotations"][2].update(tags=["a", "a"]), r"has non-unique elements"),
        (lambda p: p["annotations"][1].update(id=p["annotations"][0]["id"]), r"repeats the id"),
        (lambda p: p["annotations"][0].update(end=10**6), r"not inside the recorded text of length"),
        (lambda p: p["labels"].append(dict(p["labels"][0], name="claim", key=None)), r"two labels called"),
    ],
)
def test_schema_and_rules_reject_bad_files_with_clear_messages(tmp_path, change, message):
    payload = _break(_valid_payload(tmp_path), change)
    path = tmp_path / "story.txt.annotations.json"
    path.write_text(json.dumps(payload), encoding="utf-8")
    with pytest.raises(SidecarCorruptError, match=message):
        read_sidecar(path)


@pytest.mark.parametrize(
    "content, error, message",
    [
        (b'{"format": "annotator.sidecar", "version": 1,', SidecarCorruptError, "not valid JSON.*line 1"),
        (b"\xff\xfe\x00garbage", SidecarCorruptError, "not UTF-8"),
        (b"[1, 2, 3]", SidecarUnsupportedError, "not an Annotator sidecar"),
        (b'{"format": "hypothesis.export", "rows": []}', SidecarUnsupportedError, "not an Annotator sidecar"),
        (
            b'{"format": "annotator.sidecar", "version": 2, "annotations": [], "shiny": true}',
            SidecarUnsupportedError,
            "newer Annotator.*version 2",
        ),
    ],
)
def test_unreadable_sidecars_open_read_only_and_stay_byte_for_byte(tmp_path, content, error, message):
    article = article_at(tmp_path)
    path = sidecar_path_for(article.source)
    path.write_bytes(content)
    stat_before = os.stat(path)
    store = AnnotationStore.open(article)
    assert isinstance(store.problem, error)
    assert store.problem.path == path
    assert re.search(message, str(store.problem))
    assert store.read_only and len(store.annotations) == 0
    with pytest.raises(ReadOnlyAnnotationsError):
        annotate(store.annotations, "Ines Caldwell")
    with pytest.raises(SidecarReadOnlyError, match="Save As"):
        store.save()
    with pytest.raises(SidecarReadOnlyError):
        store.save(overwrite=True)
    with pytest.raises(SidecarReadOnlyError, match="choose another name"):
        store.save_as(tmp_path / "." / path.name)
    assert path.read_bytes() == content
    assert os.stat(path).st_mtime_ns == stat_before.st_mtime_ns


def test_save_as_writes_a_fresh_sidecar_elsewhere_and_leaves_the_bad_one(tmp_path):
    article = article_at(tmp_path)
    bad = sidecar_path_for(article.source)
    bad.write_bytes(b"not json")
    store = AnnotationStore.open(article)
    elsewhere = tmp_path / "story.txt.recovered.annotations.json"
    store.save_as(elsewhere)
    assert not store.read_only and store.path == elsewhere
    annotate(store.annotations, "Ines Caldwell", label="Person")
    store.save()
    assert bad.read_bytes() == b"not json"
    reopened = AnnotationStore.open(article, elsewhere)
    assert [a.exact for a in reopened.annotations] == ["Ines Caldwell"]


def test_oversized_sidecar_is_refused_before_parsing(tmp_path, monkeypatch):
    store = saved_store(tmp_path, PHRASES)
    monkeypatch.setattr(sidecar_module, "MAX_SIDECAR_BYTES", 100)
    monkeypatch.setattr(sidecar_module, "decode_sidecar", lambda *a: pytest.fail("parsed a huge file"))
    before = store.path.read_bytes()
    reopened = AnnotationStore.open(store.article)
    assert isinstance(reopened.problem, SidecarCorruptError)
    assert "a sidecar may have; it was not read" in str(reopened.problem)
    assert reopened.read_only and store.path.read_bytes() == before


def test_labels_missing_from_the_set_are_added_back_with_a_warning(tmp_path):
    store = saved_store(tmp_path, PHRASES)
    payload = json.loads(store.path.read_text(encoding="utf-8"))
    payload["labels"] = [label for label in payload["labels"] if label["name"] != "Claim"]
    store.path.write_text(json.dumps(payload), encoding="utf-8")
    reopened = AnnotationStore.open(store.article)
    assert reopened.problem is None and len(reopened.annotations) == 3
    assert "Claim" in reopened.annotations.labels
    assert any("'Claim' was missing" in warning for warning in reopened.warnings)


# -- changed on disk -----------------------------------------------------------------------


def test_a_sidecar_changed_by_another_program_is_not_overwritten_silently(tmp_path):
    store = saved_store(tmp_path, PHRASES)
    theirs = store.path.read_bytes().replace(b'"note": ""', b'"note": "theirs"', 1)
    store.path.write_bytes(theirs)
    annotate(store.annotations, "Lowmoor ferry")
    assert store.disk_changed()
    with pytest.raises(SidecarConflictError, match="changed by another program"):
        store.save()
    assert store.path.read_bytes() == theirs and store.is_dirty
    store.save(overwrite=True)
    assert not store.disk_changed() and not store.is_dirty
    assert b"Lowmoor ferry" in store.path.read_bytes()


def test_same_bytes_with_a_new_mtime_is_not_a_conflict(tmp_path):
    store = saved_store(tmp_path, PHRASES)
    stat = os.stat(store.path)
    os.utime(store.path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 5_000_000_000))
    assert not store.disk_changed()
    store.save()


def test_a_sidecar_appearing_after_opening_is_a_conflict(tmp_path):
    store = AnnotationStore.open(article_at(tmp_path))
    store.path.write_text("{}", encoding="utf-8")
    annotate(store.annotations, "Ines Caldwell")
    with pytest.raises(SidecarConflictError):
        store.save()
    assert store.path.read_text(encoding="utf-8") == "{}"


# -- failed writes -------------------------------------------------------------------------


def _litter(folder: Path) -> list[str]:
    return sorted(name for name in os.listdir(folder) if name.endswith(".tmp"))


def test_full_disk_leaves_the_old_file_intact_and_no_temporary_file(tmp_path, monkeypatch):
    store = saved_store(tmp_path, PHRASES)
    before = store.path.read_bytes()
    annotate(store.annotations, "Lowmoor ferry")
    real_write = os.write

    def full_disk(fd, data):
        if fd > 2:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real_write(fd, data)

    monkeypatch.setattr(os, "write", full_disk)
    with pytest.raises(SidecarWriteError, match="the disk is full; the previous version is unchanged"):
        store.save()
    monkeypatch.undo()
    assert store.path.read_bytes() == before
    assert _litter(tmp_path) == []
    assert store.is_dirty
    store.save()
    assert b"Lowmoor ferry" in store.path.read_bytes()


def test_read_only_folder_gives_a_clear_message_and_save_as_works(tmp_path, monkeypatch):
    store = saved_store(tmp_path, PHRASES)
    before = store.path.read_bytes()
    annotate(store.annotations, "Lowmoor ferry")

    def refuse(*args, **kwargs):
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    with pytest.raises(SidecarWriteError, match=f"the folder {tmp_path} is not writable"):
        store.save()
    monkeypatch.undo()
    assert store.path.read_bytes() == before
    other = tmp_path / "elsewhere"
    other.mkdir()
    store.save_as(other / "story.txt.annotations.json")
    assert b"Lowmoor ferry" in (other / "story.txt.annotations.json").read_bytes()


def test_failure_at_replace_removes_the_temporary_file(tmp_path, monkeypatch):
    store = saved_store(tmp_path, PHRASES)
    before = store.path.read_bytes()
    annotate(store.annotations, "Lowmoor ferry")

    def cross_device(*args):
        raise OSError(errno.EXDEV, os.strerror(errno.EXDEV))

    monkeypatch.setattr(os, "replace", cross_device)
    with pytest.raises(SidecarWriteError):
        store.save()
    monkeypatch.undo()
    assert store.path.read_bytes() == before and _litter(tmp_path) == []


def test_saving_keeps_the_file_permissions(tmp_path):
    store = saved_store(tmp_path, PHRASES)
    os.chmod(store.path, 0o640)
    annotate(store.annotations, "Lowmoor ferry")
    store.save()
    assert os.stat(store.path).st_mode & 0o777 == 0o640


def test_reanchored_open_is_dirty_and_saving_pins_the_new_text(tmp_path):
    store = saved_store(tmp_path, PHRASES)
    edited = "Update: fares confirmed.\n\n" + STORY
    reopened = AnnotationStore.open(article_at(tmp_path, edited))
    assert reopened.reanchored and reopened.is_dirty
    reopened.save()
    data = json.loads(reopened.path.read_text(encoding="utf-8"))
    assert data["article"]["sha256"] == reopened.article.sha256
    assert data["article"]["length"] == len(edited)
    again = AnnotationStore.open(reopened.article)
    assert not again.reanchored and {a.status for a in again.annotations} == {"moved"}


def test_rewrite_with_other_bytes_of_the_same_size_and_mtime_is_a_conflict(tmp_path):
    store = saved_store(tmp_path, PHRASES)
    stat = os.stat(store.path)
    theirs = store.path.read_bytes().replace(b'"note": ""', b'"note": "x"', 1).replace(b'"author": "", ', b'"author":"", ', 1)
    assert len(theirs) == stat.st_size
    store.path.write_bytes(theirs)
    os.utime(store.path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    with pytest.raises(SidecarConflictError):
        store.save()


def test_a_symlinked_sidecar_is_refused_and_neither_link_nor_target_changes(tmp_path):
    store = saved_store(tmp_path, PHRASES)
    target = tmp_path / "shared" / "story.annotations.json"
    target.parent.mkdir()
    store.path.rename(target)
    store.path.symlink_to(target)
    before = target.read_bytes()
    annotate(store.annotations, "Lowmoor ferry")
    with pytest.raises(SidecarWriteError, match="is a symbolic link") as refused:
        store.save()
    assert str(store.path) in str(refused.value)
    assert store.path.is_symlink() and target.read_bytes() == before
    assert store.is_dirty  # the highlight is still here, to be saved elsewhere
    store.save_as(tmp_path / "story.local.annotations.json")
    assert b"Lowmoor ferry" in (tmp_path / "story.local.annotations.json").read_bytes()


def test_the_article_path_inside_a_sidecar_is_never_used_for_writing(tmp_path):
    store = saved_store(tmp_path, PHRASES)
    decoy = tmp_path / "decoy.txt"
    payload = json.loads(store.path.read_text(encoding="utf-8"))
    payload["article"]["path"] = str(decoy)
    store.path.write_text(json.dumps(payload), encoding="utf-8")
    reopened = AnnotationStore.open(store.article)
    annotate(reopened.annotations, "Lowmoor ferry")
    reopened.save()
    assert not decoy.exists() and sorted(os.listdir(tmp_path)) == ["story.txt", "story.txt.annotations.json"]
    assert json.loads(reopened.path.read_text(encoding="utf-8"))["article"]["path"] == "story.txt"


def test_save_as_refuses_a_hard_link_to_the_unreadable_sidecar(tmp_path):
    article = article_at(tmp_path)
    bad = sidecar_path_for(article.source)
    bad.write_bytes(b"{broken")
    alias = tmp_path / "alias.annotations.json"
    os.link(bad, alias)
    store = AnnotationStore.open(article)
    with pytest.raises(SidecarReadOnlyError):
        store.save_as(alias)
    assert bad.read_bytes() == b"{broken"


def test_temporary_files_left_by_a_killed_writer_are_cleaned_up_later(tmp_path):
    """Every save holds the sidecar's lock, so whatever temporary it finds is a dead writer's."""
    store = saved_store(tmp_path, PHRASES)
    stale = tmp_path / f".{store.path.name}.abc123xy.tmp"
    fresh = tmp_path / f".{store.path.name}.def456zw.tmp"
    unrelated = tmp_path / ".other.txt.annotations.json.x1b2c3d4.tmp"
    nested = tmp_path / f".{store.path.name}.csv.q9r8s7t6.tmp"  # the export story.txt.annotations.json.csv
    for leftover in (stale, fresh, unrelated, nested):
        leftover.write_bytes(b"{half")
    an_hour_ago = os.stat(stale).st_mtime - 3600
    os.utime(stale, (an_hour_ago, an_hour_ago))
    os.utime(unrelated, (an_hour_ago, an_hour_ago))
    store.save()
    assert not stale.exists() and not fresh.exists()
    assert unrelated.exists() and nested.exists()


def test_a_lone_surrogate_typed_into_a_note_or_tag_is_saved_as_a_replacement_character(tmp_path):
    """Half an emoji (a UTF-16 fragment from a paste) must not make every later save fail."""
    from annotator.core.annotations import AddAnnotation, AnnotationStore
    from annotator.core.readers import read_article

    article_path = tmp_path / "story.txt"
    article_path.write_text("Title\n\nThe harbour wall was never finished.\n", encoding="utf-8")
    store = AnnotationStore.open(read_article(article_path))
    start = store.annotations.text.index("harbour")
    store.annotations.apply(
        AddAnnotation.new(store.annotations, start, start + 7, "Claim", note="flood \ud83d levels", tags=["tide\udc00"])
    )
    store.save()
    (reopened,) = AnnotationStore.open(read_article(article_path)).annotations
    assert reopened.note == "flood \ufffd levels"
    assert reopened.tags == ("tide\ufffd",)
