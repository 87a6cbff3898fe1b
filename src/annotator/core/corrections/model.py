"""The correction records: what the reader said about the extractor's quotes and people.

A correction is anchored like an annotation, by offsets and a quote selector (exact text
with 32 characters of context either side), so it finds its quote or person again when
the article's text changes, and it is re-anchored by the same code
(:func:`annotator.core.annotations.reanchor.reanchor`). The anchor of a quote correction
is the quote's span; the anchor of a person correction is one mention of that person.
Records are frozen plain data; :mod:`annotator.core.corrections.apply` gives them effect.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from annotator.core.annotations.model import QuoteSelector, new_id, utc_now

# Operations on quotes.
QUOTE_SPEAKER = "quote.speaker"  # set the speaker (a person of the article or a name as written), or clear it
QUOTE_NOT_QUOTE = "quote.not_quote"  # the extractor's quote is not a quote
QUOTE_KIND = "quote.kind"  # "scare" or "direct"
QUOTE_ADD = "quote.add"  # a quote the extractor missed, with its speaker
QUOTE_SPAN = "quote.span"  # the quote runs over other words (``target``)
# Operations on people.
PERSON_RENAME = "person.rename"  # the canonical name
PERSON_MERGE = "person.merge"  # this person is the same as the one mentioned at ``target``
PERSON_SPLIT_ALIAS = "person.split_alias"  # the mentions written ``alias`` are somebody else
PERSON_NOT_PERSON = "person.not_person"  # not a person (``credit``: a photo or agency credit)
PERSON_ADD = "person.add"  # a person the extractor missed, from one selected mention
PERSON_ROLE = "person.role"  # the role ("leader of the council")

QUOTE_OPERATIONS: tuple[str, ...] = (QUOTE_SPEAKER, QUOTE_NOT_QUOTE, QUOTE_KIND, QUOTE_ADD, QUOTE_SPAN)
PERSON_OPERATIONS: tuple[str, ...] = (
    PERSON_RENAME, PERSON_MERGE, PERSON_SPLIT_ALIAS, PERSON_NOT_PERSON, PERSON_ADD, PERSON_ROLE,
)  # fmt: skip
OPERATIONS: tuple[str, ...] = QUOTE_OPERATIONS + PERSON_OPERATIONS
CORRECTED_KINDS: tuple[str, ...] = ("scare", "direct")


class CorrectionError(ValueError):
    """A correction that cannot be made as asked; ``str()`` is a message for the user."""


@dataclass(frozen=True, slots=True)
class Anchor:
    """A place in the text, as annotations keep it: offsets, quote selector, anchoring status.

    It has the fields the re-anchoring code reads and replaces on an annotation (``start``,
    ``end``, ``selector``, ``exact``, ``status``), so that code places corrections too.
    """

    start: int
    end: int
    selector: QuoteSelector
    status: str = "anchored"

    @classmethod
    def over(cls, text: str, start: int, end: int) -> "Anchor":
        if not 0 <= start < end <= len(text):
            raise CorrectionError(f"span {start}..{end} is outside the text (length {len(text)})")
        return cls(start, end, QuoteSelector.from_text(text, start, end))

    @property
    def exact(self) -> str:
        return self.selector.exact

    @property
    def orphan(self) -> bool:
        return self.status == "orphan"

    def to_json(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "selector": self.selector.to_json(), "status": self.status}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "Anchor":
        return cls(
            start=int(data["start"]),
            end=int(data["end"]),
            selector=QuoteSelector.from_json(data["selector"]),
            status=data.get("status", "anchored"),
        )


@dataclass(frozen=True, slots=True)
class Correction:
    """One correction: an operation, where it applies, and its values.

    ``anchor`` is the quote (quote operations) or one mention of the person (person
    operations); ``target`` is the second place some operations need: the new span of
    ``quote.span``, a mention of the person kept by ``person.merge``. ``value`` holds the
    operation's word: the speaker's name (None clears it), the quote kind, the new name,
    the role or the alias. ``credit`` marks a "not a person" that is a credit line.
    """

    id: str
    operation: str
    anchor: Anchor
    value: str | None = None
    target: Anchor | None = None
    credit: bool = False
    author: str = ""
    created: str = field(default_factory=utc_now)

    def __post_init__(self) -> None:
        if self.operation not in OPERATIONS:
            raise CorrectionError(f"unknown correction {self.operation!r} (known: {', '.join(OPERATIONS)})")
        if self.operation == QUOTE_KIND and self.value not in CORRECTED_KINDS:
            raise CorrectionError(f"a quote's kind can be corrected to {' or '.join(CORRECTED_KINDS)}, not {self.value!r}")
        needs_value = (PERSON_RENAME, PERSON_SPLIT_ALIAS, PERSON_ROLE)
        if self.operation in needs_value and not (self.value and self.value.strip()):
            raise CorrectionError(f"{self.operation} needs a non-empty value")
        if self.operation in (QUOTE_SPAN, PERSON_MERGE) and self.target is None:
            raise CorrectionError(f"{self.operation} needs a target span")

    @classmethod
    def new(
        cls,
        operation: str,
        anchor: Anchor,
        *,
        value: str | None = None,
        target: Anchor | None = None,
        credit: bool = False,
        author: str = "",
    ) -> "Correction":
        if value is not None:
            value = " ".join(value.split()) or None
        return cls(new_id(), operation, anchor, value, target, credit, author, utc_now())

    @property
    def is_quote_correction(self) -> bool:
        return self.operation in QUOTE_OPERATIONS

    @property
    def orphan(self) -> bool:
        return self.anchor.orphan or (self.target is not None and self.target.orphan)

    def placed(self, anchor: Anchor, target: Anchor | None) -> "Correction":
        return replace(self, anchor=anchor, target=target)

    def describe(self) -> str:
        """One line for lists: what the reader said."""
        words = {
            QUOTE_SPEAKER: f"speaker → {self.value}" if self.value else "speaker cleared",
            QUOTE_NOT_QUOTE: "not a quote",
            QUOTE_KIND: f"kind → {self.value}",
            QUOTE_ADD: f"missed quote, said by {self.value}" if self.value else "missed quote",
            QUOTE_SPAN: f"quote span → “{self.target.exact if self.target else ''}”",
            PERSON_RENAME: f"renamed → {self.value}",
            PERSON_MERGE: f"same person as “{self.target.exact if self.target else ''}”",
            PERSON_SPLIT_ALIAS: f"“{self.value}” is somebody else",
            PERSON_NOT_PERSON: "a credit, not a person" if self.credit else "not a person",
            PERSON_ADD: f"missed person {self.value or self.anchor.exact}",
            PERSON_ROLE: f"role → {self.value}",
        }
        return words[self.operation]

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "id": self.id,
            "operation": self.operation,
            "anchor": self.anchor.to_json(),
            "value": self.value,
        }
        if self.target is not None:
            data["target"] = self.target.to_json()
        if self.credit:
            data["credit"] = True
        data["author"] = self.author
        data["created"] = self.created
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "Correction":
        target = data.get("target")
        return cls(
            id=data["id"],
            operation=data["operation"],
            anchor=Anchor.from_json(data["anchor"]),
            value=data.get("value"),
            target=Anchor.from_json(target) if target is not None else None,
            credit=bool(data.get("credit", False)),
            author=data.get("author", ""),
            created=data["created"],
        )


def corrections_to_json(corrections: list[Correction] | tuple[Correction, ...]) -> list[dict[str, Any]]:
    return [c.to_json() for c in corrections]


def corrections_from_json(items: list[dict[str, Any]]) -> list[Correction]:
    """The corrections of a sidecar's ``corrections`` list (already checked by its schema)."""
    return [Correction.from_json(item) for item in items]
