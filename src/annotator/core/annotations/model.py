"""The annotation records: labels, quote selectors and annotations.

An annotation is anchored twice, by code-point offsets and by a quote selector (the exact
text with 32 characters of context either side), so it can be found again when the
article's text changes. These records are plain data; operations live beside them.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field, fields, replace
from datetime import datetime, timezone
from typing import Any

CONTEXT_CHARS = 32

VERDICTS: tuple[str, ...] = (
    "True",
    "Mostly true",
    "Half true",
    "Mostly false",
    "False",
    "Misleading",
    "Unverifiable",
)

ANCHOR_STATUSES: tuple[str, ...] = ("anchored", "moved", "fuzzy", "orphan")
# What the reader should look at after the article changed: moved to another copy of its text,
# attached to similar (not equal) text, or not found at all.
NEEDS_REVIEW_STATUSES: tuple[str, ...] = ("moved", "fuzzy", "orphan")


def is_offset_value(value: object) -> bool:
    """Whether ``value`` may be used as an offset: an ``int`` and nothing else.

    ``True`` is an ``int`` in Python but ``true`` in JSON, which the sidecar schema
    refuses, so a boolean taken for 1 would make the saved sidecar unreadable; a float
    (3.0, 1e30) is not a position in a text either. Range checks are the caller's.
    """
    return type(value) is int


def utc_now() -> str:
    """The current time as ISO 8601 UTC with a ``Z`` suffix, to the second."""
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def new_id() -> str:
    return str(uuid.uuid4())


@dataclass(frozen=True, slots=True)
class Label:
    """A named, coloured category with an optional one-key shortcut ("1".."9")."""

    name: str
    color: str
    key: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "color": self.color, "key": self.key}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "Label":
        return cls(name=data["name"], color=data["color"], key=data.get("key"))


DEFAULT_LABELS: tuple[Label, ...] = (
    Label("Claim", "#f4c430", "1"),
    Label("Evidence", "#5cb85c", "2"),
    Label("Opinion", "#9b7fd4", "3"),
    Label("Question", "#f0883e", "4"),
    Label("Quote", "#4aa3df", "5"),
    Label("Person", "#e06c9f", "6"),
)


@dataclass(frozen=True, slots=True)
class QuoteSelector:
    """The annotated text and its context, as in W3C ``TextQuoteSelector``."""

    exact: str
    prefix: str = ""
    suffix: str = ""

    @classmethod
    def from_text(cls, text: str, start: int, end: int) -> "QuoteSelector":
        return cls(
            exact=text[start:end],
            prefix=text[max(0, start - CONTEXT_CHARS) : start],
            suffix=text[end : end + CONTEXT_CHARS],
        )

    def to_json(self) -> dict[str, str]:
        return {"exact": self.exact, "prefix": self.prefix, "suffix": self.suffix}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "QuoteSelector":
        get = data.get
        selector = _new(cls)
        _SET_EXACT(selector, data["exact"])
        _SET_PREFIX(selector, get("prefix", ""))
        _SET_SUFFIX(selector, get("suffix", ""))
        return selector


@dataclass(frozen=True, slots=True)
class Annotation:
    """One highlight over ``[start, end)`` of the canonical text, with what the reader said of it.

    Frozen so that an edit is always a new value: operations return the old one as their
    inverse, which is what undo and autosave rely on.
    """

    id: str
    start: int
    end: int
    selector: QuoteSelector
    label: str
    tags: tuple[str, ...] = ()
    note: str = ""
    verdict: str | None = None
    quote_id: str | None = None
    speaker: str | None = None
    author: str = ""
    created: str = field(default_factory=utc_now)
    modified: str = field(default_factory=utc_now)
    status: str = "anchored"

    @classmethod
    def create(
        cls,
        text: str,
        start: int,
        end: int,
        label: str,
        **fields: Any,
    ) -> "Annotation":
        """A new annotation over ``text[start:end]`` with a fresh id and timestamps."""
        if not 0 <= start < end <= len(text):
            raise ValueError(f"span {start}..{end} is outside the text (length {len(text)})")
        now = utc_now()
        fields.setdefault("created", now)
        fields.setdefault("modified", now)
        if "tags" in fields:
            fields["tags"] = tuple(fields["tags"])
        return cls(
            id=fields.pop("id", None) or new_id(),
            start=start,
            end=end,
            selector=QuoteSelector.from_text(text, start, end),
            label=label,
            **fields,
        )

    def evolve(self, **changes: Any) -> "Annotation":
        """A copy with ``changes`` applied and ``modified`` bumped."""
        if "tags" in changes:
            changes["tags"] = tuple(changes["tags"])
        changes.setdefault("modified", utc_now())
        return replace(self, **changes)

    @property
    def exact(self) -> str:
        return self.selector.exact

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "start": self.start,
            "end": self.end,
            "selector": self.selector.to_json(),
            "label": self.label,
            "tags": list(self.tags),
            "note": self.note,
            "verdict": self.verdict,
            "quote_id": self.quote_id,
            "speaker": self.speaker,
            "author": self.author,
            "created": self.created,
            "modified": self.modified,
            "status": self.status,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "Annotation":
        """The annotation ``to_json`` gave, with the same defaults for absent optional keys.

        Loading a sidecar builds 10,000 of these, so the fields are written straight into
        the slots (see ``_slot_setters``) instead of through the frozen ``__init__``, which
        calls ``object.__setattr__`` once per field: half the cost of the whole build.
        """
        get = data.get
        annotation = _new(cls)
        _SET_ID(annotation, data["id"])
        _SET_START(annotation, data["start"])
        _SET_END(annotation, data["end"])
        _SET_SELECTOR(annotation, QuoteSelector.from_json(data["selector"]))
        _SET_LABEL(annotation, data["label"])
        _SET_TAGS(annotation, tuple(get("tags", ())))
        _SET_NOTE(annotation, get("note", ""))
        _SET_VERDICT(annotation, get("verdict"))
        _SET_QUOTE_ID(annotation, get("quote_id"))
        _SET_SPEAKER(annotation, get("speaker"))
        _SET_AUTHOR(annotation, get("author", ""))
        _SET_CREATED(annotation, data["created"])
        _SET_MODIFIED(annotation, data["modified"])
        _SET_STATUS(annotation, get("status", "anchored"))
        return annotation


def _slot_setters(cls: type, names: tuple[str, ...]) -> tuple[Callable[[Any, Any], None], ...]:
    """Writers for the slots ``names`` of the frozen dataclass ``cls``, in that order.

    ``from_json`` fills a bare instance through these. ``names`` must list every field,
    in order, so a field added to the class without being read in ``from_json`` fails
    here, at import, rather than leaving an unset slot behind.
    """
    declared = tuple(item.name for item in fields(cls))
    if names != declared:
        raise TypeError(f"{cls.__name__}.from_json fills {names}, but the fields are {declared}")
    return tuple(cls.__dict__[name].__set__ for name in names)


_new = object.__new__
_SET_EXACT, _SET_PREFIX, _SET_SUFFIX = _slot_setters(QuoteSelector, ("exact", "prefix", "suffix"))
(
    _SET_ID, _SET_START, _SET_END, _SET_SELECTOR, _SET_LABEL, _SET_TAGS, _SET_NOTE, _SET_VERDICT,
    _SET_QUOTE_ID, _SET_SPEAKER, _SET_AUTHOR, _SET_CREATED, _SET_MODIFIED, _SET_STATUS,
) = _slot_setters(Annotation, (
    "id", "start", "end", "selector", "label", "tags", "note", "verdict",
    "quote_id", "speaker", "author", "created", "modified", "status",
))  # fmt: skip
