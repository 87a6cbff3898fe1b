"""Reading brat standoff ``.ann`` files: ours and any brat project's.

``T`` spans become annotations (a discontinuous span covers its first to last fragment,
so our own line-split spans come back whole). Offsets count characters of the ``.txt``
beside the ``.ann``; when that text is given, the quote and its 32 characters of context
come from it, so the merge can find the passage even if the article's text differs.

Types map back to labels through ``visual.conf`` display names when given, else through
the article's labels (``Needs_review`` is the label ``Needs review``), else ``_`` becomes
a space. Attributes: ``Verdict`` → verdict; any other attribute → a tag (``Name`` or
``Name:Value``). Comments: ``AnnotatorNotes`` → note, ``AnnotatorTags`` → tags,
``AnnotatorMeta`` → id, author, timestamps, speaker and quote link (from our exports),
any other comment type → note text prefixed with its type. A ``Speaker`` relation gives
the speaker when nothing else did. Spans of our extracted quotes and people are derived
data and are not imported; events, normalisations and other relations have no place in
Annotator's model and are reported in the summary instead.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from annotator.core.annotations.model import CONTEXT_CHARS
from annotator.core.export.brat import (
    EXTRACTED_PERSON,
    EXTRACTED_QUOTE,
    META_COMMENT,
    NOTES_COMMENT,
    SPEAKER_RELATION,
    TAGS_COMMENT,
    VERDICT_ATTRIBUTE,
    brat_name,
    split_tags,
    unescape_comment,
    verdict_from_value,
)
from annotator.core.importers.merge import ImportedAnnotation, ImportFormatError, ParsedImport
from annotator.core.lone_surrogates import without_lone_surrogates

_TEXTBOUND = re.compile(r"^(\S+) (\d+ \d+(?:;\d+ \d+)*)$")
NOTE_JOINER = "\n\n"


@dataclass(slots=True)
class _Span:
    type_name: str
    start: int
    end: int
    text: str
    notes: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    verdict: str | None = None
    meta: dict = field(default_factory=dict)
    speaker: str | None = None


def display_names(visual_conf: str) -> dict[str, str]:
    """Type → display name from the ``[labels]`` section of a ``visual.conf``."""
    names: dict[str, str] = {}
    section = ""
    for raw in visual_conf.splitlines():
        line = raw.strip()
        if line.startswith("[") and line.endswith("]"):
            section = line
        elif section == "[labels]" and "|" in line and not line.startswith("#"):
            parts = [part.strip() for part in line.split("|")]
            if parts[0] and len(parts) > 1 and parts[1]:
                names[parts[0]] = parts[1]
    return names


def label_for_type(type_name: str, display: dict[str, str], known_labels: Iterable[str]) -> str:
    if type_name in display:
        return display[type_name]
    for label in known_labels:
        if brat_name(label) == type_name:
            return label
    return type_name.replace("_", " ")


def parse_brat(
    ann: str,
    txt: str | None = None,
    *,
    known_labels: Iterable[str] = (),
    visual_conf: str | None = None,
) -> ParsedImport:
    """The annotations of a ``.ann`` file (``txt``: the ``.txt`` it was made on, if at hand)."""
    ignored: Counter[str] = Counter()
    spans: dict[str, _Span] = {}
    unreadable: list[int] = []
    relations: list[tuple[str, str, str]] = []
    extracted: set[str] = set()
    for number, line in enumerate(ann.split("\n"), start=1):
        line = line.rstrip("\r")
        if not line.strip():
            continue
        ann_id, _, rest = line.partition("\t")
        data, _, tail = rest.partition("\t")
        kind = ann_id[:1]
        try:
            if kind == "T":
                span = _textbound(data, tail)
                if span.type_name in (EXTRACTED_QUOTE, EXTRACTED_PERSON):
                    extracted.add(ann_id)
                else:
                    spans[ann_id] = span
            elif kind in "AM#" and _target(data) in extracted:
                continue  # notes and attributes of derived spans go with them
            elif kind in "AM":
                _attribute(data, spans, ignored)
            elif kind == "#":
                _comment(data, tail, spans, ignored)
            elif kind == "R":
                relation, arg1, arg2 = data.split()
                relations.append((relation, arg1.split(":", 1)[1], arg2.split(":", 1)[1]))
            elif kind == "E":
                ignored["events (E lines)"] += 1
            elif kind == "N":
                ignored["normalisations (N lines)"] += 1
            elif kind == "*":
                ignored["equivalences (* lines)"] += 1
            else:
                unreadable.append(number)
        except (ValueError, IndexError):
            unreadable.append(number)

    if unreadable and not spans:
        raise ImportFormatError(f"not a brat .ann file: line {unreadable[0]} is not a brat annotation")
    if unreadable:
        ignored[f"unreadable lines ({', '.join(map(str, unreadable[:5]))}{'…' if len(unreadable) > 5 else ''})"] += 1
    if extracted:
        ignored["extracted quote and person spans (Annotator derives them again)"] += len(extracted)

    for relation, arg1, arg2 in relations:
        if relation == SPEAKER_RELATION and arg1 in spans:
            speaker = spans.get(arg2)
            spans[arg1].speaker = spans[arg1].speaker or (speaker.text if speaker else None)
            if speaker is None and arg2 not in extracted:
                ignored["relations to unknown spans"] += 1
        elif relation != SPEAKER_RELATION:
            ignored[f"{relation} relations"] += 1

    display = display_names(visual_conf or "")
    labels = list(known_labels)
    parsed = ParsedImport(ignored=[f"{count} {what}" for what, count in ignored.items()])
    for span in spans.values():
        parsed.annotations.append(_imported(span, txt, label_for_type(span.type_name, display, labels)))
    return parsed


def _target(data: str) -> str:
    """The annotation an ``A``/``M``/``#`` line is about (its second field)."""
    parts = data.split(" ")
    return parts[1] if len(parts) > 1 else ""


def _textbound(data: str, tail: str) -> _Span:
    match = _TEXTBOUND.match(data)
    if not match:
        raise ValueError(data)
    pieces = [tuple(map(int, piece.split())) for piece in match.group(2).split(";")]
    return _Span(match.group(1), min(p[0] for p in pieces), max(p[1] for p in pieces), tail)


def _attribute(data: str, spans: dict[str, _Span], ignored: Counter[str]) -> None:
    parts = data.split(" ", 2)
    name, target = parts[0], parts[1]
    value = parts[2] if len(parts) == 3 else None
    span = spans.get(target)
    if span is None:
        ignored["attributes of spans not imported"] += 1
    elif name == VERDICT_ATTRIBUTE and value:
        span.verdict = verdict_from_value(value) or value.replace("_", " ")
    else:
        span.tags.append(name if value is None else f"{name}:{value}")


def _comment(data: str, tail: str, spans: dict[str, _Span], ignored: Counter[str]) -> None:
    kind, target = data.split()
    span = spans.get(target)
    if span is None:
        ignored["comments on spans not imported"] += 1
    elif kind == NOTES_COMMENT:
        span.notes.append(unescape_comment(tail))
    elif kind == TAGS_COMMENT:
        span.tags += split_tags(tail)
    elif kind == META_COMMENT:
        try:
            meta = without_lone_surrogates(json.loads(tail))  # UTF-8 cannot save lone surrogates
        except RecursionError as error:
            raise ValueError("nested too deeply") from error  # an unreadable line, like bad JSON
        span.meta = meta if isinstance(meta, dict) else {}
    else:
        span.notes.append(f"{kind}: {unescape_comment(tail)}")


def _imported(span: _Span, txt: str | None, label: str) -> ImportedAnnotation:
    meta = span.meta

    def text_field(key: str) -> str | None:
        value = meta.get(key)
        return value if isinstance(value, str) and value else None

    record = ImportedAnnotation(
        exact=span.text,
        start=span.start,
        end=span.end,
        label=label,
        tags=tuple(span.tags),
        note=NOTE_JOINER.join(span.notes),
        verdict=span.verdict,
        speaker=text_field("speaker") or span.speaker,
        quote_id=text_field("quote_id"),
        author=text_field("author") or "",
        created=text_field("created"),
        modified=text_field("modified"),
        id=text_field("id"),
    )
    if txt is not None and 0 <= span.start < span.end <= len(txt):
        record = replace(
            record,
            exact=txt[span.start : span.end],
            prefix=txt[max(0, span.start - CONTEXT_CHARS) : span.start],
            suffix=txt[span.end : span.end + CONTEXT_CHARS],
        )
    return record
