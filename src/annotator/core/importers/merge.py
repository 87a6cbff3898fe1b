"""Placing imported annotations on the article and merging them into its annotation set.

Importers read foreign files into :class:`ImportedAnnotation` records (a quote selector,
perhaps offsets, and what the reader said). :func:`plan_merge` turns them into one
undoable ``Batch`` for the article's ``AnnotationSet`` and a summary, without touching
the set: the command line applies and saves it, the window can push it on its undo stack.

Rules, chosen so that an import never loses and never doubles work:

- **Placement.** Offsets are trusted when the text there is exactly the quote. Otherwise
  ("offsets disagree": another tool counted differently, or the article changed) the
  quote selector is searched for with the same re-anchoring as a changed article
  (exact and fuzzy candidates scored by quote, context and distance).
- **Orphans are kept.** What cannot be found becomes an orphan with its text, listed
  under "Needs review" like any other orphan, never dropped.
- **Duplicates are skipped.** Same span and label as an annotation already there (or
  earlier in the same file); for orphans, same text and label.
- **Ids.** An imported id is kept when it is free (so a re-import is recognised); when
  the id is taken by a different annotation the import gets a fresh id.
- **Labels.** Matched to the article's labels ignoring case; unknown ones are added with
  the next free colour and key. Annotations without any label get ``Imported``. A label
  name holding line breaks, tabs or other control characters (which a name cannot hold)
  is cleaned, each run of them becoming one space, and the summary says so: the
  annotation is imported under the cleaned name rather than dropped.
- **Verdicts.** A verdict outside Annotator's list is kept as a tag ``verdict:<value>``.
- **Timestamps** that are not ISO 8601 (as the sidecar schema requires) become the time
  of the import, so a foreign file can never make the saved sidecar unreadable.
- **Size.** Given the ``room`` the sidecar has left (bytes before the size a sidecar may
  have), annotations are added in file order while their sidecar lines fit; the rest are
  left out and counted in the summary, rather than saving a sidecar too large to open.
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import cache

from annotator.core.annotations.document import AnnotationError, AnnotationSet
from annotator.core.annotations.labels import MAX_NAME_LENGTH, clean_label_name
from annotator.core.annotations.model import Annotation, QuoteSelector, is_offset_value, new_id, utc_now
from annotator.core.annotations.operations import AddAnnotation, AddLabel, Batch, Operation, canonical_verdict, normalise_tags
from annotator.core.annotations.reanchor import Anchorer
from annotator.core.annotations.schema import sidecar_schema
from annotator.core.annotations.sidecar import MAX_SIDECAR_BYTES, annotation_line
from annotator.core.lone_surrogates import utf8_bytes

FALLBACK_LABEL = "Imported"
ANNOTATION_LINE_OVERHEAD = len(",\n    ")  # between two annotation lines of a sidecar
NEW_LABEL_OVERHEAD = 96  # a label line besides its name: colour, key, keys, quotes, indent


class ImportFormatError(ValueError):
    """A file that is not what its format says; the message is meant for the user."""


@dataclass(frozen=True, slots=True)
class ImportedAnnotation:
    """One annotation as read from a foreign file, not yet placed on the article."""

    exact: str
    prefix: str = ""
    suffix: str = ""
    start: int | None = None
    end: int | None = None
    label: str | None = None
    tags: tuple[str, ...] = ()
    note: str = ""
    verdict: str | None = None
    speaker: str | None = None
    quote_id: str | None = None
    author: str = ""
    created: str | None = None
    modified: str | None = None
    id: str | None = None


@dataclass(slots=True)
class ParsedImport:
    """What an importer read: the annotations, and what it had to leave out and why."""

    annotations: list[ImportedAnnotation] = field(default_factory=list)
    ignored: list[str] = field(default_factory=list)


@dataclass(slots=True)
class MergePlan:
    """The operation that adds the imported annotations, and what it will do."""

    operation: Batch | None
    added: list[Annotation] = field(default_factory=list)
    duplicates: list[ImportedAnnotation] = field(default_factory=list)
    new_labels: list[str] = field(default_factory=list)
    ignored: list[str] = field(default_factory=list)
    cleaned_labels: dict[str, str] = field(default_factory=dict)  # name as in the file → name kept
    left_out: int = 0

    @property
    def orphans(self) -> list[Annotation]:
        return [a for a in self.added if a.status == "orphan"]

    @property
    def relocated(self) -> list[Annotation]:
        """Added annotations found by their quote because their offsets disagreed."""
        return [a for a in self.added if a.status in ("moved", "fuzzy")]

    def summary(self) -> str:
        """One line for the user, e.g. ``added 5, skipped 2 duplicates, 1 unmatched (kept as orphans)``."""
        parts = [f"added {len(self.added)}", f"skipped {len(self.duplicates)} duplicate{_s(self.duplicates)}"]
        parts.append(f"{len(self.orphans)} unmatched (kept as orphans, needing review)")
        if self.relocated:
            parts.append(f"{len(self.relocated)} placed by their quote")
        if self.new_labels:
            parts.append("new label" + _s(self.new_labels) + ": " + ", ".join(self.new_labels))
        if self.left_out:
            parts.append(
                f"{self.left_out} left out: the sidecar would have grown past the "
                f"{MAX_SIDECAR_BYTES // 1024 // 1024} MB a sidecar may have (import them into a copy of the article)"
            )
        line = ", ".join(parts)
        for original, cleaned in self.cleaned_labels.items():
            line += (
                f"\nlabel {_shown(original)} had line breaks, tabs or control characters, "
                f"which a label name cannot hold: imported as {cleaned!r}"
            )
        if self.ignored:
            line += "\nnot imported: " + "; ".join(self.ignored)
        return line


def _shown(name: str, limit: int = 60) -> str:
    """``name`` quoted with its control characters visible (``\\n``), shortened when long."""
    return repr(name if len(name) <= limit else name[: limit - 1] + "…")


def _s(items: Sequence[object]) -> str:
    return "" if len(items) == 1 else "s"


def place(item: ImportedAnnotation, anchorer: Anchorer, annotation_id: str, label: str) -> Annotation:
    """The imported annotation as an ``Annotation`` on ``anchorer.text`` (maybe an orphan)."""
    text = anchorer.text
    tags = list(normalise_tags(item.tags))
    try:
        verdict = canonical_verdict(item.verdict)
    except AnnotationError:
        verdict = None
        tags.append(f"verdict:{' '.join((item.verdict or '').split())}")
    now = utc_now()
    fields = dict(
        id=annotation_id,
        label=label,
        tags=normalise_tags(tags),
        note=item.note,
        verdict=verdict,
        speaker=item.speaker or None,
        quote_id=item.quote_id or None,
        author=item.author,
        created=_timestamp(item.created) or now,
        modified=_timestamp(item.modified) or _timestamp(item.created) or now,
    )
    start, end = item.start, item.end
    exact = item.exact
    if _offsets_inside(item, text) and (not exact or text[start:end] == exact):
        return Annotation(start=start, end=end, selector=QuoteSelector.from_text(text, start, end), **fields)
    selector = QuoteSelector(exact, item.prefix, item.suffix)
    guess = min(start, len(text)) if is_offset_value(start) and start >= 0 else 0
    return anchorer.anchor(Annotation(start=guess, end=guess + len(exact), selector=selector, **fields))


def _timestamp(value: str | None) -> str | None:
    """``value`` when the sidecar schema accepts it as a timestamp, else None."""
    return value if value and _timestamp_pattern().search(value) else None


@cache
def _timestamp_pattern() -> re.Pattern[str]:
    return re.compile(sidecar_schema()["$defs"]["timestamp"]["pattern"])


def _offsets_inside(item: ImportedAnnotation, text: str) -> bool:
    start, end = item.start, item.end
    return is_offset_value(start) and is_offset_value(end) and 0 <= start < end <= len(text)


def _key(annotation: Annotation) -> tuple:
    if annotation.status == "orphan":
        return ("orphan", annotation.selector.exact, annotation.label)
    return (annotation.start, annotation.end, annotation.label)


def _imported_id(raw: str | None) -> str | None:
    """The UUID inside ``raw`` (``urn:uuid:…`` or bare), or None for any other kind of id."""
    if not raw:
        return None
    candidate = raw.removeprefix("urn:uuid:")
    try:
        return str(uuid.UUID(candidate))
    except ValueError:
        return None


def plan_merge(annotations: AnnotationSet, parsed: ParsedImport, room: int | None = None) -> MergePlan:
    """How ``parsed`` would be merged into ``annotations`` (which is left unchanged).

    ``room``: how many bytes the sidecar may still grow by (None: no limit). Each added
    annotation costs its sidecar line, each new label its own; once one does not fit, it
    and all after it are left out (``plan.left_out``), so what is added is a prefix of the
    file, as a user would resume it.
    """
    anchorer = Anchorer(annotations.text)
    labels = annotations.labels
    label_names: dict[str, str] = {}
    new_labels: list[str] = []
    seen = {_key(a) for a in annotations}
    used_ids = {a.id for a in annotations}
    plan = MergePlan(operation=None, ignored=list(parsed.ignored))
    textless = 0

    for index, item in enumerate(parsed.annotations):
        if not item.exact and not _offsets_inside(item, annotations.text):
            # Nothing to show or to search for; a sidecar cannot hold an empty quote.
            textless += 1
            continue
        raw_label = item.label or ""
        wanted = clean_label_name(raw_label) or FALLBACK_LABEL
        if clean_label_name(raw_label) != raw_label.strip():
            plan.cleaned_labels[raw_label] = wanted
        if len(wanted) > MAX_NAME_LENGTH:  # a sentence used as a class: keep it as a tag
            item = replace(item, tags=(*item.tags, wanted))
            wanted = FALLBACK_LABEL
        folded = wanted.casefold()
        if folded not in label_names:
            existing = labels.find(wanted)
            if existing is None:
                new_labels.append(wanted)
                label_names[folded] = wanted
            else:
                label_names[folded] = existing.name
        label = label_names[folded]
        annotation_id = _imported_id(item.id)
        if annotation_id is None or annotation_id in used_ids:
            annotation_id = new_id()
        annotation = place(item, anchorer, annotation_id, label)
        key = _key(annotation)
        if key in seen:
            plan.duplicates.append(item)
            continue
        if room is not None:
            cost = len(utf8_bytes(annotation_line(annotation))) + ANNOTATION_LINE_OVERHEAD
            if label in new_labels and not any(a.label == label for a in plan.added):
                cost += len(utf8_bytes(json.dumps(label, ensure_ascii=False))) + NEW_LABEL_OVERHEAD
            if cost > room:
                plan.left_out = len(parsed.annotations) - index
                break
            room -= cost
        seen.add(key)
        used_ids.add(annotation_id)
        plan.added.append(annotation)

    if textless:
        plan.ignored.append(
            f"{textless} annotation{'' if textless == 1 else 's'} with no quoted text and offsets outside the article"
        )
    new_labels = [name for name in new_labels if any(a.label == name for a in plan.added)]
    operations: list[Operation] = [AddLabel(name) for name in new_labels]
    operations += [AddAnnotation(annotation) for annotation in plan.added]
    plan.new_labels = new_labels
    if operations:
        plan.operation = Batch(tuple(operations), f"Import {len(plan.added)} annotations")
    return plan
