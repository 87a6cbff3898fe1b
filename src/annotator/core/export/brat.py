"""brat standoff export: ``.ann`` + ``.txt`` (+ ``annotation.conf`` and ``visual.conf``).

What brat itself checks when it loads a document (server/src/annotation.py) and how we
meet it:

- ``T`` lines ``T1<TAB>Type START END[;START END...]<TAB>text``: offsets are characters of
  the ``.txt``, which is the canonical text, so our code-point offsets are brat's offsets
  (brat under Python 3 or a wide Python 2 build; a narrow Python 2 build counts an emoji
  as two). The text field must equal the fragments' text joined by one space, and no
  fragment may overlap or touch another.
- A line cannot contain a line break, so a span that crosses one is written as one
  fragment per line (the break itself is left out), which brat shows as a discontinuous
  span; re-importing joins the fragments back into the original span.
- Type names cannot contain spaces: labels are mapped to names of word characters and
  ``-`` (``Needs review`` → ``Needs_review``); ``visual.conf`` keeps the display name and
  the label's colour.

Everything else an annotation carries goes into lines brat accepts and shows:
``A`` attribute ``Verdict`` (values with ``_`` for spaces), ``#`` comments
``AnnotatorNotes`` (the note), ``AnnotatorTags`` (the tags) and ``AnnotatorMeta`` (JSON
with id, author, timestamps, speaker, linked quote), so an export→import round trip
restores the annotation exactly. In comments, ``\\``, tab and line breaks are written as
backslash escapes (``\\n``), and in tags ``,`` as ``\\,``.

With an extraction, people's mentions become ``Extracted_person`` spans (note: the
person's name and role), quotes ``Extracted_quote`` spans, and ``R`` relations
``Speaker Arg1:<quote> Arg2:<speaker mention>`` link each quote, and each annotation
linked to a quote or inside one, to the words naming its speaker.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from annotator.core.annotations.labels import clean_label_name
from annotator.core.annotations.model import VERDICTS, Annotation, Label
from annotator.core.article import Article
from annotator.core.export.common import LINE_BREAKS, label_colors, label_order, quote_for, split_placed
from annotator.core.extraction.model import Extraction, Span

VERDICT_ATTRIBUTE = "Verdict"
SPEAKER_RELATION = "Speaker"
NOTES_COMMENT = "AnnotatorNotes"
TAGS_COMMENT = "AnnotatorTags"
META_COMMENT = "AnnotatorMeta"
EXTRACTED_QUOTE = "Extracted_quote"
EXTRACTED_PERSON = "Extracted_person"

_NOT_TYPE_CHAR = re.compile(r"[^\w-]+")
_LINE_BREAK_RUN = re.compile(f"[{re.escape(LINE_BREAKS)}]+")


@dataclass(frozen=True, slots=True)
class BratExport:
    """The files of one brat document, and what could not be placed in them."""

    ann: str
    txt: str
    annotation_conf: str
    visual_conf: str
    skipped: tuple[str, ...] = field(default=())  # ids of annotations without a span in the text


def brat_name(name: str) -> str:
    """A brat type or attribute-value name for ``name``: word characters and ``-`` only."""
    cleaned = _NOT_TYPE_CHAR.sub("_", name.strip()).strip("_") or "Label"
    if not cleaned[0].isalpha():
        cleaned = "L_" + cleaned
    return cleaned


def brat_type_names(names: Sequence[str], reserved: Sequence[str] = ()) -> dict[str, str]:
    """Label name → a brat type name, distinct from each other and from ``reserved``."""
    taken = set(reserved)
    mapping: dict[str, str] = {}
    for name in names:
        base = candidate = brat_name(name)
        number = 2
        while candidate in taken:
            candidate = f"{base}_{number}"
            number += 1
        taken.add(candidate)
        mapping[name] = candidate
    return mapping


def verdict_value(verdict: str) -> str:
    return brat_name(verdict)


def verdict_from_value(value: str) -> str | None:
    """The verdict whose brat value is ``value`` (``Mostly_false`` → ``Mostly false``)."""
    return next((v for v in VERDICTS if verdict_value(v) == value), None)


def fragments(text: str, spans: Sequence[Span]) -> list[tuple[int, int]]:
    """The spans cut at line breaks (breaks left out), empty pieces dropped and pieces
    that would touch merged, as brat requires of a discontinuous span."""
    pieces: list[tuple[int, int]] = []
    for span in spans:
        position = span.start
        for match in _LINE_BREAK_RUN.finditer(text, span.start, span.end):
            pieces.append((position, match.start()))
            position = match.end()
        pieces.append((position, span.end))
    merged: list[tuple[int, int]] = []
    for start, end in pieces:
        if start >= end:
            continue
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def escape_comment(value: str, extra: str = "") -> str:
    """A comment value on one line: backslash escapes for ``\\``, tab, line breaks and
    the characters in ``extra``."""
    out: list[str] = []
    for char in value:
        if char == "\\" or char in extra:
            out.append("\\" + char)
        elif char == "\n":
            out.append("\\n")
        elif char == "\t":
            out.append("\\t")
        elif char in LINE_BREAKS:
            out.append(f"\\u{ord(char):04x}")
        else:
            out.append(char)
    return "".join(out)


def unescape_comment(value: str) -> str:
    """The inverse of :func:`escape_comment` (an unknown escape keeps its character)."""
    if "\\" not in value:  # most notes: nothing to undo, and no loop over a long note
        return value
    out: list[str] = []
    index = 0
    while index < len(value):
        char = value[index]
        if char != "\\" or index + 1 == len(value):
            out.append(char)
            index += 1
            continue
        following = value[index + 1]
        if following == "n":
            out.append("\n")
        elif following == "t":
            out.append("\t")
        elif following == "u" and re.fullmatch(r"[0-9a-fA-F]{4}", value[index + 2 : index + 6]):
            out.append(chr(int(value[index + 2 : index + 6], 16)))
            index += 4
        else:
            out.append(following)
        index += 2
    return "".join(out)


def split_tags(value: str) -> list[str]:
    """Tags from an ``AnnotatorTags`` comment: split at unescaped ``,`` and unescape."""
    tags: list[str] = []
    current: list[str] = []
    index = 0
    while index < len(value):
        char = value[index]
        if char == "\\" and index + 1 < len(value):
            current.append(value[index : index + 2])
            index += 2
            continue
        if char == ",":
            tags.append("".join(current))
            current = []
        else:
            current.append(char)
        index += 1
    tags.append("".join(current))
    return [unescape_comment(tag.strip()) for tag in tags if tag.strip()]


def _meta_json(annotation: Annotation) -> str:
    meta = {
        "id": annotation.id,
        "author": annotation.author,
        "created": annotation.created,
        "modified": annotation.modified,
        "speaker": annotation.speaker,
        "quote_id": annotation.quote_id,
    }
    meta = {key: value for key, value in meta.items() if value}
    encoded = json.dumps(meta, ensure_ascii=False, separators=(", ", ": "))
    # json escapes control characters but not these, which would end a brat line.
    for char in "\x85\u2028\u2029":
        encoded = encoded.replace(char, f"\\u{ord(char):04x}")
    return encoded


class _AnnWriter:
    """Numbers and collects the lines of one ``.ann`` file."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.lines: list[str] = []
        self.counts = {"T": 0, "A": 0, "R": 0, "#": 0}
        self.span_ids: dict[tuple[str, tuple[tuple[int, int], ...]], str] = {}

    def _next(self, prefix: str) -> str:
        self.counts[prefix] += 1
        return f"{prefix}{self.counts[prefix]}"

    def textbound(self, type_name: str, spans: Sequence[Span]) -> str | None:
        pieces = tuple(fragments(self.text, spans))
        if not pieces:
            return None
        key = (type_name, pieces)
        if key in self.span_ids:
            return self.span_ids[key]
        tid = self._next("T")
        offsets = ";".join(f"{start} {end}" for start, end in pieces)
        words = " ".join(self.text[start:end] for start, end in pieces)
        self.lines.append(f"{tid}\t{type_name} {offsets}\t{words}")
        self.span_ids[key] = tid
        return tid

    def attribute(self, name: str, target: str, value: str) -> None:
        self.lines.append(f"{self._next('A')}\t{name} {target} {value}")

    def comment(self, kind: str, target: str, value: str) -> None:
        self.lines.append(f"{self._next('#')}\t{kind} {target}\t{value}")

    def relation(self, kind: str, arg1: str, arg2: str) -> None:
        self.lines.append(f"{self._next('R')}\t{kind} Arg1:{arg1} Arg2:{arg2}")


def export_brat(
    article: Article,
    annotations: Sequence[Annotation],
    labels: Sequence[Label],
    extraction: Extraction | None = None,
) -> BratExport:
    """The brat document for the article: ``.ann`` lines, the ``.txt`` and the configs."""
    text = article.text
    placed, orphans = split_placed(annotations, text)
    # Always kept apart from label types: an importer skips these as derived data.
    types = brat_type_names(label_order(labels, annotations), (EXTRACTED_QUOTE, EXTRACTED_PERSON))
    reserved = (EXTRACTED_QUOTE, EXTRACTED_PERSON) if extraction is not None else ()
    writer = _AnnWriter(text)
    skipped = [a.id for a in orphans]
    annotation_tids: dict[str, str] = {}

    for annotation in placed:
        tid = writer.textbound(types[annotation.label], [Span(annotation.start, annotation.end)])
        if tid is None:  # the span is nothing but line breaks
            skipped.append(annotation.id)
            continue
        annotation_tids[annotation.id] = tid
        if annotation.verdict:
            writer.attribute(VERDICT_ATTRIBUTE, tid, verdict_value(annotation.verdict))
        if annotation.note:
            writer.comment(NOTES_COMMENT, tid, escape_comment(annotation.note))
        if annotation.tags:
            writer.comment(TAGS_COMMENT, tid, ", ".join(escape_comment(t, ",") for t in annotation.tags))
        writer.comment(META_COMMENT, tid, _meta_json(annotation))

    if extraction is not None:
        _write_extraction(writer, extraction, placed, annotation_tids)

    ann = "".join(line + "\n" for line in writer.lines)
    return BratExport(
        ann=ann,
        txt=text,
        annotation_conf=annotation_conf(list(types.values()) + list(reserved)),
        visual_conf=visual_conf(types, labels, reserved),
        skipped=tuple(skipped),
    )


def _write_extraction(
    writer: _AnnWriter,
    extraction: Extraction,
    placed: Sequence[Annotation],
    annotation_tids: dict[str, str],
) -> None:
    mention_tids: dict[tuple[int, int], str] = {}
    for person in extraction.people:
        for mention in person.mentions:
            tid = writer.textbound(EXTRACTED_PERSON, [mention])
            if tid is None:
                continue
            mention_tids[(mention.start, mention.end)] = tid
            role = f" ({person.role})" if person.role else ""
            writer.comment(NOTES_COMMENT, tid, escape_comment(f"{person.name}{role}"))

    speaker_tids: dict[str, str] = {}
    for quote in extraction.quotes:
        tid = writer.textbound(EXTRACTED_QUOTE, quote.parts or [Span(quote.start, quote.end)])
        if tid is None:
            continue
        details = f"{quote.kind} quote; speaker: {quote.speaker or 'unknown'}"
        writer.comment(NOTES_COMMENT, tid, escape_comment(details))
        mention = quote.speaker_mention
        if mention is None:
            continue
        key = (mention.start, mention.end)
        mention_tid = mention_tids.get(key) or writer.textbound(EXTRACTED_PERSON, [mention])
        if mention_tid is None:
            continue
        mention_tids[key] = mention_tid
        speaker_tids[quote.id] = mention_tid
        writer.relation(SPEAKER_RELATION, tid, mention_tid)

    for annotation in placed:
        tid = annotation_tids.get(annotation.id)
        quote = quote_for(annotation, extraction)
        if quote is None or (annotation.speaker and annotation.speaker != quote.speaker):
            continue  # no quote, or the reader named someone else: no contradicting relation
        mention_tid = speaker_tids.get(quote.id)
        if tid and mention_tid and tid != mention_tid:
            writer.relation(SPEAKER_RELATION, tid, mention_tid)


def annotation_conf(type_names: Sequence[str]) -> str:
    """An ``annotation.conf`` declaring the types, the Speaker relation and the Verdict attribute."""
    entities = "\n".join(type_names)
    values = "|".join(verdict_value(v) for v in VERDICTS)
    return (
        "# brat configuration written by Annotator for its exports.\n"
        "[entities]\n"
        f"{entities}\n"
        "\n[relations]\n"
        f"{SPEAKER_RELATION}\tArg1:<ENTITY>, Arg2:<ENTITY>\n"
        "<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>\n"
        "\n[events]\n"
        "\n[attributes]\n"
        f"{VERDICT_ATTRIBUTE}\tArg:<ENTITY>, Value:{values}\n"
    )


def visual_conf(types: dict[str, str], labels: Sequence[Label], reserved: Sequence[str]) -> str:
    """A ``visual.conf`` giving each type its label's display name and colour."""
    colors = label_colors(labels)
    # A display name is one line of the file: even a label that bypassed the checks (an
    # exporter takes any labels) cannot add a line, and so a section, of its own.
    display = [f"{type_name} | {clean_label_name(name)}" for name, type_name in types.items()]
    display += [f"{name} | {name.replace('_', ' ')}" for name in reserved]
    drawing = [f"{type_name}\tbgColor:{colors[name]}" for name, type_name in types.items() if name in colors]
    drawing += [f"{name}\tbgColor:#dddddd" for name in reserved]
    return "[labels]\n" + "\n".join(display) + "\n\n[drawing]\n" + "\n".join(drawing) + "\n"
