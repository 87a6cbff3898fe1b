"""The sidecar file: where it lives, how it is read and checked, how it is written.

``story.txt`` keeps its annotations in ``story.txt.annotations.json`` beside it. Reading
never trusts the file: size is capped before parsing, the JSON Schema is checked, then
the cross-field rules the schema cannot express (unique ids, spans inside the recorded
text). A file this version cannot read safely raises ``SidecarUnreadableError`` and is
never written to by this module; the caller decides to open read-only or save elsewhere.
Nothing in the file (such as ``article.path``) is ever used to choose where to write.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
from json.encoder import encode_basestring as _encode_string
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from annotator.core.gc_pause import cyclic_gc_paused
from annotator.core.lone_surrogates import may_hold_lone_surrogates, utf8_bytes, without_lone_surrogates
from annotator import __version__
from annotator.core.annotations.atomic import AtomicWriteError, atomic_write_bytes
from annotator.core.annotations.labels import LabelError, LabelSet
from annotator.core.annotations.model import Annotation, Label
from annotator.core.annotations.schema import schema_problems

SIDECAR_SUFFIX = ".annotations.json"
SIDECAR_FORMAT = "annotator.sidecar"
SIDECAR_VERSION = 2  # 2 added the reader's corrections (core/corrections); 1 is read and upgraded on save
MAX_SIDECAR_BYTES = 64 * 1024 * 1024
MISSING_LABEL_COLOUR = "#999999"


def sidecar_path_for(article_path: Path | str) -> Path:
    """``story.txt`` → ``story.txt.annotations.json`` in the same folder."""
    article_path = Path(article_path)
    return article_path.with_name(article_path.name + SIDECAR_SUFFIX)


def is_sidecar_path(path: Path | str) -> bool:
    return Path(path).name.endswith(SIDECAR_SUFFIX)


# -- errors ----------------------------------------------------------------------------------


class SidecarError(Exception):
    """Anything that went wrong with a sidecar; ``str()`` is a message for the user."""

    def __init__(self, path: Path, message: str) -> None:
        super().__init__(message)
        self.path = path


class SidecarUnreadableError(SidecarError):
    """The file exists but cannot be read safely; it must be left exactly as it is."""

    reason = "unreadable"


class SidecarCorruptError(SidecarUnreadableError):
    """Not JSON, not UTF-8, too large, or against the schema or its own rules."""

    reason = "corrupt"

    def __init__(self, path: Path, message: str, problems: list[str] | None = None) -> None:
        super().__init__(path, message)
        self.problems = problems or []


class SidecarUnsupportedError(SidecarUnreadableError):
    """Another program's file, or a newer format version than this Annotator reads."""

    reason = "unsupported"


class SidecarWriteError(SidecarError):
    """Saving failed (full disk, read-only folder...); the file on disk is unchanged."""


class SidecarConflictError(SidecarError):
    """The sidecar changed on disk since it was read; saving would overwrite someone's work."""


class SidecarReadOnlyError(SidecarError):
    """Saving was refused because the existing sidecar could not be read (use save-as)."""


# -- what is on disk -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Fingerprint:
    """What a file looked like when read or written, to notice later changes by others."""

    mtime_ns: int
    size: int
    sha256: str

    @classmethod
    def of_bytes(cls, path: Path, data: bytes) -> "Fingerprint":
        status = os.stat(path)
        return cls(status.st_mtime_ns, status.st_size, hashlib.sha256(data).hexdigest())


def disk_changed(path: Path, known: Fingerprint | None) -> bool:
    """Whether ``path`` differs from ``known`` (None: "there was no file").

    A different size is a change; otherwise the content hash decides, even when the
    mtime is equal (two writes within one clock tick look alike), and a ``touch`` or a
    rewrite with the same bytes is not a conflict. A file deleted since is not a conflict
    either: there is nothing to overwrite.
    """
    try:
        status = os.stat(path)
    except FileNotFoundError:
        return False
    if known is None:
        return True
    if status.st_size != known.size:
        return True
    try:
        data = path.read_bytes()
    except OSError:
        return True
    return hashlib.sha256(data).hexdigest() != known.sha256


@dataclass(slots=True)
class SidecarContent:
    """A sidecar as read: what it recorded about the article, labels and annotations."""

    article_name: str
    article_sha256: str
    article_length: int
    labels: LabelSet
    annotations: list[Annotation]
    saved_by: str = ""
    warnings: list[str] = field(default_factory=list)
    corrections: list[dict[str, Any]] = field(default_factory=list)  # as JSON; core/corrections reads them
    version: int = SIDECAR_VERSION


def read_sidecar(path: Path) -> tuple[SidecarContent, Fingerprint] | None:
    """The sidecar at ``path`` and its fingerprint, or None when there is none.

    Raises ``SidecarUnreadableError`` (corrupt or unsupported) without touching the file.
    """
    try:
        status = os.stat(path)
    except FileNotFoundError:
        return None
    except OSError as error:
        raise SidecarCorruptError(path, f"cannot read {path}: {error.strerror}") from error
    if not stat.S_ISREG(status.st_mode):  # reading a named pipe would block forever
        raise SidecarCorruptError(path, f"{path} is not a regular file; it was not read")
    size = status.st_size
    if size > MAX_SIDECAR_BYTES:
        raise SidecarCorruptError(path, _too_large(path, size))
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_SIDECAR_BYTES + 1)
    except OSError as error:
        raise SidecarCorruptError(path, f"cannot read {path}: {error.strerror}") from error
    if len(data) > MAX_SIDECAR_BYTES:
        raise SidecarCorruptError(path, _too_large(path, len(data)))
    fingerprint = Fingerprint.of_bytes(path, data)
    return decode_sidecar(path, data), fingerprint


def _too_large(path: Path, size: int) -> str:
    return (
        f"{path} is {size / 1024 / 1024:.0f} MB, more than the {MAX_SIDECAR_BYTES // 1024 // 1024} MB "
        "a sidecar may have; it was not read"
    )


def decode_sidecar(path: Path, data: bytes) -> SidecarContent:
    """Parse and check sidecar bytes; ``path`` is only used in messages.

    The cyclic collector is paused for the whole of it: parsing, checking and building
    allocate some 100,000 containers for 10,000 annotations and free none of them. The
    parsed JSON is dropped before the collector resumes, so its first pass afterwards
    scans only the records that are kept.
    """
    with cyclic_gc_paused():
        payload = _parse(path, data)
        _check_format(path, payload)
        problems = schema_problems(payload)
        if problems:
            listed = "; ".join(problems)
            raise SidecarCorruptError(path, f"{path} does not match the sidecar schema: {listed}", problems)
        replaced = False
        if may_hold_lone_surrogates(data):  # they would make every later save fail
            cleaned = without_lone_surrogates(payload)
            replaced, payload = cleaned != payload, cleaned
        content = _content_from_json(path, payload)
        del payload
    if replaced:
        content.warnings.append("characters that are not valid Unicode (lone surrogates) were replaced by \ufffd")
    return content


def _parse(path: Path, data: bytes) -> Any:
    try:
        return json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError as error:
        raise SidecarCorruptError(path, f"{path} is not UTF-8 text (byte {error.start})") from error
    except json.JSONDecodeError as error:
        raise SidecarCorruptError(
            path, f"{path} is not valid JSON: {error.msg} at line {error.lineno}, column {error.colno}"
        ) from error
    except RecursionError as error:
        raise SidecarCorruptError(path, f"{path} is not a sidecar: its JSON is nested too deeply") from error
    except ValueError as error:  # an integer of more than 4,300 digits
        raise SidecarCorruptError(path, f"{path} is not a sidecar: {error}") from error


def _check_format(path: Path, payload: Any) -> None:
    if not isinstance(payload, dict) or payload.get("format") != SIDECAR_FORMAT:
        found = payload.get("format") if isinstance(payload, dict) else type(payload).__name__
        raise SidecarUnsupportedError(
            path, f"{path} is not an Annotator sidecar (format {found!r}); it was left untouched"
        )
    version = payload.get("version")
    if isinstance(version, int) and not isinstance(version, bool) and version > SIDECAR_VERSION:
        raise SidecarUnsupportedError(
            path,
            f"{path} was written by a newer Annotator (sidecar version {version}; this one reads "
            f"version {SIDECAR_VERSION}); it was left untouched",
        )


def _content_from_json(path: Path, payload: dict[str, Any]) -> SidecarContent:
    article = payload["article"]
    if type(article["length"]) is bool:  # the schema refuses it; never read true as 1
        raise SidecarCorruptError(path, f"{path}: article.length is not a number")
    length = int(article["length"])
    try:
        labels = LabelSet(Label.from_json(item) for item in payload["labels"])
    except LabelError as error:
        raise SidecarCorruptError(path, f"{path} has a bad label set: {error}") from error
    annotations = _annotations_from_json(path, payload["annotations"], length)
    labels, warnings = _add_missing_labels(path, labels, annotations)
    corrections = _corrections_checked(path, payload.get("corrections", []), length)
    return SidecarContent(
        article_name=article["path"],
        article_sha256=article["sha256"],
        article_length=length,
        labels=labels,
        annotations=annotations,
        saved_by=payload.get("saved_by", ""),
        warnings=warnings,
        corrections=corrections,
        version=int(payload["version"]),
    )


def _corrections_checked(path: Path, items: list[dict[str, Any]], length: int) -> list[dict[str, Any]]:
    """Corrections (version 2; a version 1 file has none) with unique ids and spans in the text.

    Each must also be a record the corrections code can build (a kind of scare or direct, a
    rename with a name, a new span with its span): the schema cannot say all of that, and a
    record that cannot be built would otherwise stop every reader of the sidecar.
    """
    # Imported here: core/corrections builds on this package (its records use the annotations' model).
    from annotator.core.corrections.model import Correction, CorrectionError

    seen: set[str] = set()
    for index, item in enumerate(items):
        try:
            Correction.from_json(item)
        except CorrectionError as error:
            raise SidecarCorruptError(path, f"{path}: corrections[{index}] cannot be applied: {error}") from None
        if item["id"] in seen:
            raise SidecarCorruptError(path, f"{path}: corrections[{index}] repeats the id {item['id']!r}")
        seen.add(item["id"])
        for key in ("anchor", "target"):
            place = item.get(key)
            if place is not None and not 0 <= place["start"] <= place["end"] <= length:
                raise SidecarCorruptError(
                    path, f"{path}: corrections[{index}].{key} has the span {place['start']}..{place['end']}, "
                    f"not inside the recorded text of length {length}"
                )
    return items


def _annotations_from_json(path: Path, items: list[dict[str, Any]], length: int) -> list[Annotation]:
    """The annotations, checked for what the schema cannot say: unique ids, spans in the text.

    One pass that builds and checks each record, the only per-annotation loop of a load
    besides the schema check.
    """
    from_json = Annotation.from_json
    annotations: list[Annotation] = []
    append = annotations.append
    seen: set[str] = set()
    for index, item in enumerate(items):
        start, end = item["start"], item["end"]
        if type(start) is bool or type(end) is bool:  # the schema refuses them; never read true as 1
            raise SidecarCorruptError(path, f"{path}: annotations[{index}] has an offset that is not a number")
        if type(start) is not int or type(end) is not int:
            # The schema lets 3.0 count as an integer; offsets must be real ints.
            start, end = int(start), int(end)
            item = {**item, "start": start, "end": end}
        annotation = from_json(item)
        _check_record(path, index, annotation.id, start, end, annotation.status, length, seen)
        append(annotation)
    return annotations


def _check_record(
    path: Path, index: int, annotation_id: str, start: int, end: int, status: str, length: int, seen: set[str]
) -> None:
    """The rules of one annotation the schema cannot express: a new id, a span in the text."""
    if annotation_id in seen:
        raise SidecarCorruptError(path, f"{path}: annotations[{index}] repeats the id {annotation_id!r}")
    seen.add(annotation_id)
    if end > length or start > end or (start == end and status != "orphan"):
        raise SidecarCorruptError(
            path, f"{path}: annotations[{index}] has the span {start}..{end}, "
            f"not inside the recorded text of length {length}"
        )


def _add_missing_labels(
    path: Path, labels: LabelSet, annotations: list[Annotation]
) -> tuple[LabelSet, list[str]]:
    """Labels used by annotations but absent from the set are added back, not dropped.

    A hand-edited label list should not cost anyone their annotations.
    """
    warnings = []
    for name in dict.fromkeys(annotation.label for annotation in annotations):
        if labels.get(name) is None:
            clash = labels.find(name)
            if clash is not None:
                raise SidecarCorruptError(
                    path, f"{path}: annotations use the label {name!r}, but the label set has {clash.name!r}"
                )
            labels = labels.added(Label(name, MISSING_LABEL_COLOUR, labels.next_free_key()))
            warnings.append(f"label {name!r} was missing from the label set and was added")
    return labels, warnings


# -- writing ---------------------------------------------------------------------------------


def encode_sidecar(
    article_name: str,
    article_sha256: str,
    article_length: int,
    labels: LabelSet,
    annotations: list[Annotation] | tuple[Annotation, ...],
    corrections: list[dict[str, Any]] | tuple[dict[str, Any], ...] = (),
) -> bytes:
    """Sidecar bytes: indented JSON with one annotation (and correction) per line, so diffs stay readable.

    (A fully indented dump is three times slower and ten lines per annotation.)
    """
    header = _header(article_name, article_sha256, article_length)
    parts = ["{"]
    parts += [f"  {_json_line(key)}: {_json_line(value)}," for key, value in header.items()]
    parts.append('  "labels": [')
    parts.append(",\n".join(f"    {_json_line(label.to_json())}" for label in labels))
    parts.append("  ],")
    parts.append('  "corrections": [')
    parts.append(",\n".join(f"    {_json_line(item)}" for item in corrections))
    parts.append("  ],")
    parts.append('  "annotations": [')
    head = utf8_bytes("\n".join(part for part in parts if part) + "\n")
    # Each line is encoded on its own: one emoji in a tag would otherwise widen the whole
    # joined document to four bytes a character before it is encoded.
    body = b",\n".join([utf8_bytes(f"    {annotation_line(annotation)}") for annotation in annotations])
    return head + body + (b"\n  ]\n}\n" if body else b"  ]\n}\n")


def _header(article_name: str, article_sha256: str, article_length: int) -> dict[str, Any]:
    return {
        "format": SIDECAR_FORMAT,
        "version": SIDECAR_VERSION,
        "saved_by": f"annotator {__version__}",
        "article": {"path": article_name, "sha256": article_sha256, "length": article_length},
    }


def sidecar_values(
    article_name: str,
    article_sha256: str,
    article_length: int,
    labels: LabelSet,
    annotations: list[Annotation] | tuple[Annotation, ...],
    corrections: list[dict[str, Any]] | tuple[dict[str, Any], ...] = (),
) -> dict[str, Any]:
    """The JSON values ``encode_sidecar`` writes for the same arguments (what a load parses)."""
    return {
        **_header(article_name, article_sha256, article_length),
        "labels": [label.to_json() for label in labels],
        "corrections": list(corrections),
        "annotations": [annotation.to_json() for annotation in annotations],
    }


def _json_line(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def annotation_line(annotation: Annotation) -> str:
    """``json.dumps(annotation.to_json(), ensure_ascii=False)``, written out twice as fast.

    Saving 10,000 annotations spent most of its time in ``json.dumps`` building an encoder
    and walking a fresh dict per annotation; this formats the same fields, in the same
    order, with the same string escaping (``json.encoder.encode_basestring``). Anything
    that is not a plain str, int or None where one is expected goes through ``json.dumps``
    as before, so the bytes are always what ``json.dumps`` would write.
    """
    a, s, string = annotation, annotation.selector, _encode_string  # raises TypeError on a non-str
    try:
        if type(a.start) is not int or type(a.end) is not int:
            raise TypeError("offsets that are not ints are written by json.dumps")
        return (
            f'{{"id": {string(a.id)}, "start": {a.start}, "end": {a.end}, '
            f'"selector": {{"exact": {string(s.exact)}, "prefix": {string(s.prefix)}, "suffix": {string(s.suffix)}}}, '
            f'"label": {string(a.label)}, "tags": [{", ".join([string(tag) for tag in a.tags])}], '
            f'"note": {string(a.note)}, "verdict": {"null" if a.verdict is None else string(a.verdict)}, '
            f'"quote_id": {"null" if a.quote_id is None else string(a.quote_id)}, '
            f'"speaker": {"null" if a.speaker is None else string(a.speaker)}, '
            f'"author": {string(a.author)}, "created": {string(a.created)}, '
            f'"modified": {string(a.modified)}, "status": {string(a.status)}}}'
        )
    except TypeError:
        return _json_line(annotation.to_json())


def check_before_writing(path: Path, data: bytes, values: dict[str, Any]) -> None:
    """Refuse to write what loading would refuse: the size cap, the schema, the rules.

    ``data`` are the bytes about to be written and ``values`` the JSON values they encode
    (``sidecar_values``): the size is that of the bytes; the schema check, the label set and
    the per-annotation rules are the loader's own functions, run on the values, which is
    what parsing ``data`` gives back (``encode_sidecar`` writes what ``json.dumps`` would;
    the property tests hold it to that byte for byte). Parsing the bytes again would
    double the cost of a save for the same answer. Run in the one save path, so nothing the
    window, a command or an import builds can leave a sidecar that the next opening refuses
    (a boolean offset, a span past the text, a 400 MB import). Raises ``SidecarWriteError``;
    nothing is written then.
    """
    unchanged = "the previous version is unchanged"
    if len(data) > MAX_SIDECAR_BYTES:
        raise SidecarWriteError(
            path,
            f"could not save {path}: it would be {len(data) / 1024 / 1024:.0f} MB, more than the "
            f"{MAX_SIDECAR_BYTES // 1024 // 1024} MB a sidecar may have; {unchanged}",
        )
    try:
        with cyclic_gc_paused():
            _check_format(path, values)
            problems = schema_problems(values)
            if problems:
                raise SidecarCorruptError(path, f"{path} would not match the sidecar schema: {'; '.join(problems)}")
            _check_values(path, values)
    except SidecarUnreadableError as error:
        raise SidecarWriteError(path, f"could not save {path}: it could not be read back ({error}); {unchanged}") from error


def _check_values(path: Path, values: dict[str, Any]) -> None:
    """The loader's rules beyond the schema, on values that passed it."""
    length = values["article"]["length"]
    if type(length) is bool:
        raise SidecarCorruptError(path, f"{path}: article.length is not a number")
    try:
        labels = LabelSet(Label.from_json(item) for item in values["labels"])
    except LabelError as error:
        raise SidecarCorruptError(path, f"{path} has a bad label set: {error}") from error
    seen: set[str] = set()
    used: set[str] = set()
    for index, item in enumerate(values["annotations"]):
        start, end = item["start"], item["end"]
        if type(start) is bool or type(end) is bool:
            raise SidecarCorruptError(path, f"{path}: annotations[{index}] has an offset that is not a number")
        _check_record(path, index, item["id"], start, end, item.get("status", "anchored"), length, seen)
        used.add(item["label"])
    _corrections_checked(path, values.get("corrections", []), length)
    for name in used:
        if labels.get(name) is None and labels.find(name) is not None:
            raise SidecarCorruptError(
                path, f"{path}: annotations use the label {name!r}, but the label set has {labels.find(name).name!r}"
            )


def write_sidecar(path: Path, data: bytes, values: dict[str, Any], *, exclusive: bool = False) -> Fingerprint:
    """Check ``data`` (encoding ``values``) and write it atomically to ``path``; the fingerprint of what is now there.

    ``exclusive``: the caller holds the sidecar's lock (see ``atomic_write_bytes``).
    """
    check_before_writing(path, data, values)
    try:
        atomic_write_bytes(path, data, exclusive=exclusive)
        return Fingerprint.of_bytes(path, data)
    except AtomicWriteError as error:
        raise SidecarWriteError(path, str(error.strerror)) from error
