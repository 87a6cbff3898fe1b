"""What extraction produces: people, their mentions, and quotes with attribution.

These are the records the sidebar shows and ``annotator extract`` prints; the JSON shape
is the contract in the design notes (code-point offsets, end exclusive).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

QUOTE_KINDS: tuple[str, ...] = ("direct", "partial", "scare", "indirect")


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int

    def to_json(self) -> dict[str, int]:
        return {"start": self.start, "end": self.end}


@dataclass(slots=True)
class Person:
    """One person, with every mention of them in the text merged under one id."""

    id: str
    name: str
    aliases: list[str] = field(default_factory=list)
    role: str | None = None
    mentions: list[Span] = field(default_factory=list)
    quote_count: int = 0
    corrected: bool = False  # changed by the reader's corrections (core/corrections)
    proposed: dict[str, Any] | None = None  # what the extractor had, when corrected

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "id": self.id,
            "name": self.name,
            "aliases": list(self.aliases),
            "role": self.role,
            "mentions": [m.to_json() for m in self.mentions],
            "quote_count": self.quote_count,
        }
        if self.corrected:
            data["corrected"] = True
            data["proposed"] = self.proposed
        return data


@dataclass(frozen=True, slots=True)
class Credit:
    """A name the article credits for its making (photo, byline, ``with files from``), not a
    person in the story: listed apart from the people, never counted as mentioned or quoted."""

    name: str
    kind: str
    start: int
    end: int

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "kind": self.kind, "start": self.start, "end": self.end}


@dataclass(slots=True)
class Quote:
    """A quotation (marks included in its span) and whom it is attributed to.

    A quote interrupted by its own attribution (``“A,” she said, “B.”``) is one quote with
    ``parts``, one span per piece, marks included; ``start``/``end`` run from the first part
    to the last, and ``text`` stays ``article.text[start:end]`` (attribution included), so
    that every span of the record slices the canonical text the same way. What to *show* for
    it is :attr:`display_text`.
    """

    id: str
    start: int
    end: int
    text: str
    kind: str
    speaker: str | None = None
    speaker_id: str | None = None
    speaker_mention: Span | None = None
    cue: Span | None = None
    cue_text: str | None = None
    parts: list[Span] = field(default_factory=list)
    corrected: bool = False  # changed by the reader's corrections (core/corrections)
    proposed: dict[str, Any] | None = None  # what the extractor had, when corrected

    @property
    def part_texts(self) -> list[str]:
        """The text of each part, marks included (just ``[text]`` for a quote in one piece)."""
        if not self.parts:
            return [self.text]
        return [self.text[part.start - self.start : part.end - self.start] for part in self.parts]

    @property
    def display_text(self) -> str:
        """The quote as a reader should see it: the parts joined by `` … ``, the attribution
        between them left out (``“A,” … “B.”``); ``text`` itself for a quote in one piece."""
        return " … ".join(self.part_texts) if self.parts else self.text

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "id": self.id,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "kind": self.kind,
            "speaker": self.speaker,
            "speaker_id": self.speaker_id,
            "speaker_mention": self.speaker_mention.to_json() if self.speaker_mention else None,
            "cue": (
                {"start": self.cue.start, "end": self.cue.end, "text": self.cue_text}
                if self.cue
                else None
            ),
        }
        if self.parts:
            data["parts"] = [p.to_json() for p in self.parts]
        if self.corrected:
            data["corrected"] = True
            data["proposed"] = self.proposed
        return data


@dataclass(slots=True)
class Extraction:
    """The people and quotes of one article."""

    people: list[Person] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    seconds: float = 0.0
    credits: list[Credit] = field(default_factory=list)

    def person(self, person_id: str) -> Person | None:
        return next((p for p in self.people if p.id == person_id), None)

    def to_json(self) -> dict[str, Any]:
        return {
            "people": [p.to_json() for p in self.people],
            "quotes": [q.to_json() for q in self.quotes],
            "credits": [c.to_json() for c in self.credits],
        }
