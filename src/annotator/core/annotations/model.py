"""The annotation records: labels, quote selectors and annotations.

An annotation is anchored twice, by code-point offsets and by a quote selector (the exact
text with 32 characters of context either side), so it can be found again when the
article's text changes. These records are plain data; operations live beside them.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field, replace
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
        return cls(exact=data["exact"], prefix=data.get("prefix", ""), suffix=data.get("suffix", ""))


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
        return cls(
            id=data["id"],
            start=data["start"],
            end=data["end"],
            selector=QuoteSelector.from_json(data["selector"]),
            label=data["label"],
            tags=tuple(data.get("tags", ())),
            note=data.get("note", ""),
            verdict=data.get("verdict"),
            quote_id=data.get("quote_id"),
            speaker=data.get("speaker"),
            author=data.get("author", ""),
            created=data["created"],
            modified=data["modified"],
            status=data.get("status", "anchored"),
        )
