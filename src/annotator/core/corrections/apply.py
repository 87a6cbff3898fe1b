"""Giving the reader's corrections effect: ``apply_corrections(extraction, corrections, text)``.

``extract(article)`` stays the extractor alone; this is a separate, deterministic step
run after it, so the sidebar, ``annotator extract`` and every export read the same
corrected result. Corrections apply in the order they were made (a rename after a
speaker change renames that speaker too). Each changed quote or person is marked
``corrected`` and keeps what the extractor proposed beside it (``proposed``, None for
something the extractor missed). Each correction gets a status:

- ``applied``;
- ``stale``: it no longer applies, because the extractor's result changed (its quote or
  person is not found where it was, or it already says what the correction says);
- ``orphan``: its text is gone from the article.

A correction is never dropped: the stale and orphan ones are listed with their reason.
Applying to a corrected extraction starts again from the extractor's result it keeps
(``raw``), so applying twice gives the same result as applying once.
"""

from __future__ import annotations

import copy
import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from annotator.core.corrections.model import (
    PERSON_ADD,
    PERSON_MERGE,
    PERSON_NOT_PERSON,
    PERSON_RENAME,
    PERSON_ROLE,
    PERSON_SPLIT_ALIAS,
    QUOTE_ADD,
    QUOTE_KIND,
    QUOTE_NOT_QUOTE,
    QUOTE_SPAN,
    QUOTE_SPEAKER,
    Anchor,
    Correction,
)
from annotator.core.extraction.model import Extraction, Person, Quote, Span

APPLIED = "applied"
STALE = "stale"
ORPHAN = "orphan"
STATUSES: tuple[str, ...] = (APPLIED, STALE, ORPHAN)
# A quote still counts as the corrected one when the two spans share this much of the longer.
SAME_QUOTE_OVERLAP = 0.8


@dataclass(frozen=True, slots=True)
class CorrectionResult:
    """What became of one correction on this extraction."""

    correction: Correction
    status: str
    reason: str = ""

    def to_json(self) -> dict[str, Any]:
        c = self.correction
        return {
            "id": c.id,
            "operation": c.operation,
            "text": c.anchor.exact,
            "start": c.anchor.start,
            "end": c.anchor.end,
            "value": c.value,
            "description": c.describe(),
            "anchor": c.anchor.status,
            "status": self.status,
            "reason": self.reason,
        }


@dataclass(slots=True)
class Withdrawn:
    """A quote or person the reader took out, kept so that nothing silently disappears."""

    record: Quote | Person
    reason: str

    def to_json(self) -> dict[str, Any]:
        return {**self.record.to_json(), "withdrawn": self.reason}


@dataclass(slots=True)
class CorrectedExtraction(Extraction):
    """An extraction with the reader's corrections applied, and the extractor's own result."""

    raw: Extraction | None = None
    results: list[CorrectionResult] = field(default_factory=list)
    withdrawn: list[Withdrawn] = field(default_factory=list)

    def result_for(self, correction_id: str) -> CorrectionResult | None:
        return next((r for r in self.results if r.correction.id == correction_id), None)

    def to_json(self) -> dict[str, Any]:
        data = Extraction.to_json(self)
        if self.results:
            data["corrections"] = [r.to_json() for r in self.results]
            data["withdrawn"] = [w.to_json() for w in self.withdrawn]
        return data


def apply_corrections(
    extraction: Extraction, corrections: Sequence[Correction], text: str
) -> CorrectedExtraction:
    """``extraction`` with ``corrections`` applied over ``text``; the input is left as it is."""
    base = extraction.raw if isinstance(extraction, CorrectedExtraction) and extraction.raw is not None else extraction
    state = _State(text, copy.deepcopy(base.people), copy.deepcopy(base.quotes))
    results = []
    for correction in corrections:
        if correction.orphan:
            results.append(CorrectionResult(correction, ORPHAN, "its text is no longer in the article"))
            continue
        reason = _HANDLERS[correction.operation](state, correction)
        results.append(CorrectionResult(correction, STALE, reason) if reason else CorrectionResult(correction, APPLIED))
    state.finish()
    return CorrectedExtraction(
        people=state.people,
        quotes=state.quotes,
        seconds=base.seconds,
        raw=base,
        results=results,
        withdrawn=state.withdrawn,
    )


# -- the working state ----------------------------------------------------------------------


class _State:
    def __init__(self, text: str, people: list[Person], quotes: list[Quote]) -> None:
        self.text = text
        self.people = people
        self.quotes = quotes
        self.withdrawn: list[Withdrawn] = []

    # -- finding --------------------------------------------------------------------------

    def quote_at(self, anchor: Anchor) -> Quote | None:
        """The quote at ``anchor``: the same span, or one sharing most of its words."""
        best, best_share = None, 0.0
        for quote in self.quotes:
            if (quote.start, quote.end) == (anchor.start, anchor.end):
                return quote
            shared = min(quote.end, anchor.end) - max(quote.start, anchor.start)
            share = shared / max(quote.end - quote.start, anchor.end - anchor.start)
            if share >= SAME_QUOTE_OVERLAP and share > best_share:
                best, best_share = quote, share
        return best

    def overlapping_quote(self, anchor: Anchor) -> Quote | None:
        return next((q for q in self.quotes if q.start < anchor.end and anchor.start < q.end), None)

    def person_at(self, anchor: Anchor) -> Person | None:
        """The person one of whose mentions overlaps ``anchor``."""
        for person in self.people:
            if any(m.start < anchor.end and anchor.start < m.end for m in person.mentions):
                return person
        return None

    def person_named(self, name: str) -> Person | None:
        """The person called ``name``, else the one person who has it as an alias."""
        key = name.casefold()
        for person in self.people:
            if person.name.casefold() == key:
                return person
        by_alias = [p for p in self.people if key in (a.casefold() for a in p.aliases)]
        return by_alias[0] if len(by_alias) == 1 else None

    # -- marking --------------------------------------------------------------------------

    def touch(self, record: Quote | Person) -> None:
        """Mark ``record`` corrected, keeping the extractor's version the first time."""
        if not record.corrected:
            record.proposed = record.to_json()
            record.corrected = True

    def nearest_mention(self, person: Person, quote: Quote) -> Span | None:
        """The mention of ``person`` closest to ``quote`` outside it (before it wins a tie)."""

        def distance(m: Span) -> tuple[int, int]:
            if m.end <= quote.start:
                return (quote.start - m.end, 0)
            if m.start >= quote.end:
                return (m.start - quote.end, 1)
            return (len(self.text) + 1, 2)  # inside the quote: the speaker is rarely named in their own words

        return min(person.mentions, key=distance, default=None)

    def attribute(self, quote: Quote, person: Person | None, name: str | None) -> None:
        self.touch(quote)
        if person is not None:
            quote.speaker, quote.speaker_id = person.name, person.id
            quote.speaker_mention = self.nearest_mention(person, quote)
        else:
            quote.speaker, quote.speaker_id, quote.speaker_mention = name, None, None

    # -- the end --------------------------------------------------------------------------

    def finish(self) -> None:
        """Speakers follow renamed people; quote counts follow speakers; text order."""
        by_id = {p.id: p for p in self.people}
        counts: dict[str, int] = {}
        for quote in self.quotes:
            person = by_id.get(quote.speaker_id) if quote.speaker_id else None
            if quote.speaker_id and person is None:  # its person was taken out
                self.touch(quote)
                quote.speaker = quote.speaker_id = quote.speaker_mention = None
            if person is not None:
                if quote.speaker != person.name:
                    self.touch(quote)
                    quote.speaker = person.name
                counts[person.id] = counts.get(person.id, 0) + 1
        for person in self.people:
            person.quote_count = counts.get(person.id, 0)
        self.quotes.sort(key=lambda q: (q.start, q.end))
        self.people.sort(key=lambda p: (p.mentions[0].start if p.mentions else len(self.text)))


def _aliases(text: str, name: str, mentions: list[Span]) -> list[str]:
    """The forms of the mentions other than the name, as the extractor lists them."""
    seen = {name.casefold()}
    aliases = []
    for mention in sorted(mentions, key=lambda m: text[m.start : m.end].isupper()):
        form = text[mention.start : mention.end]
        if form.casefold() not in seen:
            seen.add(form.casefold())
            aliases.append(form)
    return aliases


def _short_hash(*parts: str) -> str:
    return hashlib.blake2b("\x1f".join(parts).encode("utf-8", "surrogatepass"), digest_size=4).hexdigest()


# -- quote operations -----------------------------------------------------------------------


def _quote_speaker(state: _State, c: Correction) -> str:
    quote = state.quote_at(c.anchor)
    if quote is None:
        return "the extractor no longer finds this quote"
    person = state.person_named(c.value) if c.value else None
    if person is not None and quote.speaker_id == person.id:
        return f"the quote is already attributed to {person.name}"
    if person is None and quote.speaker_id is None and quote.speaker == c.value:
        return f"the quote is already attributed to {c.value}" if c.value else "the quote already has no speaker"
    state.attribute(quote, person, c.value)
    return ""


def _not_quote(state: _State, c: Correction) -> str:
    quote = state.quote_at(c.anchor)
    if quote is None:
        return "the extractor no longer finds this quote"
    state.quotes.remove(quote)
    state.withdrawn.append(Withdrawn(quote, "not a quote"))
    return ""


def _quote_kind(state: _State, c: Correction) -> str:
    quote = state.quote_at(c.anchor)
    if quote is None:
        return "the extractor no longer finds this quote"
    if quote.kind == c.value:
        return f"the extractor already finds it a {c.value} quote"
    state.touch(quote)
    quote.kind = c.value or quote.kind
    if quote.kind == "scare":  # a scare quote is nobody's words
        quote.speaker = quote.speaker_id = quote.speaker_mention = quote.cue = quote.cue_text = None
    return ""


def _quote_add(state: _State, c: Correction) -> str:
    anchor = c.anchor
    found = state.overlapping_quote(anchor)
    if found is not None:
        same = (found.start, found.end) == (anchor.start, anchor.end)
        return "the extractor already finds this quote" if same else (
            f"the extractor already finds a quote over these words ({found.text[:40]!r}); correct that one"
        )
    words = state.text[anchor.start : anchor.end]
    taken = {q.id for q in state.quotes}
    quote_id = f"q{_short_hash(words)}c"
    while quote_id in taken:
        quote_id += "c"
    quote = Quote(id=quote_id, start=anchor.start, end=anchor.end, text=words, kind="direct")
    person = state.person_named(c.value) if c.value else None
    state.attribute(quote, person, c.value)
    quote.proposed = None  # the extractor proposed nothing here
    state.quotes.append(quote)
    return ""


def _quote_span(state: _State, c: Correction) -> str:
    quote = state.quote_at(c.anchor)
    if quote is None:
        return "the extractor no longer finds this quote"
    target = c.target
    assert target is not None  # checked when the correction was made
    if (quote.start, quote.end) == (target.start, target.end):
        return "the extractor already finds the quote with this span"
    state.touch(quote)
    quote.start, quote.end = target.start, target.end
    quote.text = state.text[target.start : target.end]
    quote.parts = []
    return ""


# -- person operations ----------------------------------------------------------------------


def _person_rename(state: _State, c: Correction) -> str:
    person = state.person_at(c.anchor)
    if person is None:
        return "the extractor no longer finds a person here"
    if person.name == c.value:
        return f"the extractor already names this person {c.value}"
    state.touch(person)
    person.name = c.value or person.name
    person.aliases = _aliases(state.text, person.name, person.mentions)
    return ""


def _person_role(state: _State, c: Correction) -> str:
    person = state.person_at(c.anchor)
    if person is None:
        return "the extractor no longer finds a person here"
    if person.role == c.value:
        return f"the extractor already gives this role ({c.value})"
    state.touch(person)
    person.role = c.value
    return ""


def _person_merge(state: _State, c: Correction) -> str:
    assert c.target is not None
    merged, kept = state.person_at(c.anchor), state.person_at(c.target)
    if merged is None or kept is None:
        return "the extractor no longer finds one of the two people"
    if merged is kept:
        return f"the extractor already finds them as one person ({kept.name})"
    state.touch(kept)
    kept.mentions = sorted([*kept.mentions, *merged.mentions], key=lambda m: (m.start, m.end))
    kept.aliases = _aliases(state.text, kept.name, kept.mentions)
    kept.role = kept.role or merged.role
    for quote in state.quotes:
        if quote.speaker_id == merged.id:
            state.touch(quote)
            quote.speaker_id, quote.speaker = kept.id, kept.name
    state.people.remove(merged)
    state.withdrawn.append(Withdrawn(merged, f"merged into {kept.id}"))
    return ""


def _person_split_alias(state: _State, c: Correction) -> str:
    person = state.person_at(c.anchor)
    alias = (c.value or "").casefold()
    if person is None:
        return "the extractor no longer finds a person here"
    text = state.text
    moved = [m for m in person.mentions if text[m.start : m.end].casefold() == alias]
    if not moved:
        return f"{person.name} is no longer mentioned as {c.value!r}"
    if len(moved) == len(person.mentions):
        return f"every mention of {person.name} is {c.value!r}: nothing to split"
    state.touch(person)
    person.mentions = [m for m in person.mentions if m not in moved]
    person.aliases = _aliases(text, person.name, person.mentions)
    split = Person(id=f"p-{_short_hash(c.id)}", name=text[moved[0].start : moved[0].end], mentions=moved)
    split.corrected = True
    state.people.append(split)
    for quote in state.quotes:
        if quote.speaker_id == person.id and quote.speaker_mention in moved:
            state.touch(quote)
            quote.speaker_id, quote.speaker = split.id, split.name
    return ""


def _person_not_person(state: _State, c: Correction) -> str:
    person = state.person_at(c.anchor)
    if person is None:
        return "the extractor no longer finds a person here"
    state.people.remove(person)
    state.withdrawn.append(Withdrawn(person, "a credit" if c.credit else "not a person"))
    return ""  # its quotes lose their speaker in finish()


def _person_add(state: _State, c: Correction) -> str:
    anchor = c.anchor
    found = state.person_at(anchor)
    if found is not None:
        return f"the extractor already finds {found.name} here"
    text, exact = state.text, anchor.exact
    taken = [m for p in state.people for m in p.mentions]
    mentions = []
    position = text.find(exact)
    while position != -1:  # every other mention written the same way, as whole words
        end = position + len(exact)
        whole = (position == 0 or not text[position - 1].isalnum()) and (end == len(text) or not text[end].isalnum())
        free = not any(m.start < end and position < m.end for m in taken)
        if position == anchor.start or (whole and free):
            mentions.append(Span(position, end))
        position = text.find(exact, position + 1)
    name = c.value or exact
    person = Person(id=f"p-{_short_hash(c.id)}", name=name, mentions=mentions)
    person.aliases = _aliases(text, name, mentions)
    person.corrected = True
    state.people.append(person)
    return ""


_HANDLERS: dict[str, Callable[[_State, Correction], str]] = {
    QUOTE_SPEAKER: _quote_speaker,
    QUOTE_NOT_QUOTE: _not_quote,
    QUOTE_KIND: _quote_kind,
    QUOTE_ADD: _quote_add,
    QUOTE_SPAN: _quote_span,
    PERSON_RENAME: _person_rename,
    PERSON_ROLE: _person_role,
    PERSON_MERGE: _person_merge,
    PERSON_SPLIT_ALIAS: _person_split_alias,
    PERSON_NOT_PERSON: _person_not_person,
    PERSON_ADD: _person_add,
}
