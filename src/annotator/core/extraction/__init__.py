"""The default extractor: quotes, speakers and people from an article, offline and in linear time.

``extract(article)`` reads the canonical text (and the reader's blocks, when there are any) with
regular expressions and the curated word lists of ``annotator/resources/lexicon``; it needs no
model, no network and no third-party package. The stages live in their own modules:
:mod:`units` (paragraphs and sentences), :mod:`quotes` (quotation marks), :mod:`people`
(names, aliases, roles, mentions), :mod:`attribution` (speakers and cues) and :mod:`parts`
(a quote interrupted by its own attribution becomes one quote with parts).
"""

from __future__ import annotations

import hashlib

import time
from bisect import bisect_right

from annotator.core.gc_pause import cyclic_gc_paused
from annotator.core.article import Article
from annotator.core.extraction.attribution import Attribution, Attributor, speech_regex
from annotator.core.extraction.credits import FoundCredit, find_credits
from annotator.core.extraction.flat_paragraphs import recover_paragraphs
from annotator.core.extraction.model import Credit, Extraction, Person, Quote, Span
from annotator.core.extraction.parts import join_interrupted
from annotator.core.extraction.people import PeopleFound, find_people
from annotator.core.extraction.quotes import FoundQuote, find_quotes
from annotator.core.extraction.units import Unit, sentence_starts, text_units
from annotator.core.extraction.wordlists import load_lexicon

__all__ = ["extract", "Credit", "Extraction", "Person", "Quote", "Span"]


def extract(article: Article) -> Extraction:
    """People and quotes of ``article``; ``seconds`` records how long it took."""
    with cyclic_gc_paused():
        return _extract(article)


def _extract(article: Article) -> Extraction:
    began = time.perf_counter()
    text = article.text
    lexicon = load_lexicon()
    units = recover_paragraphs(text, text_units(article))
    found = find_quotes(text, units)
    credits = find_credits(text, lexicon)
    people = find_people(text, units, lexicon, speech_regex(lexicon), [(c.start, c.end) for c in credits])

    unit_starts = [u.start for u in units]
    quote_units = [bisect_right(unit_starts, q.start) - 1 for q in found]
    starts: list[int] = []
    by_unit: dict[int, list[FoundQuote]] = {}
    for quote, unit_index in zip(found, quote_units):
        by_unit.setdefault(unit_index, []).append(quote)
    for index, unit in enumerate(units):
        protected = [(q.start, q.end) for q in by_unit.get(index, ())]
        starts.extend(sentence_starts(text, unit, protected))

    # Paragraph adjacency for continuations skips captions and links laid between paragraphs.
    reading_order: list[int] = []
    rank = -1
    for unit in units:
        rank += unit.quotable
        reading_order.append(rank)
    attributor = Attributor(text, people, lexicon, starts, unit_starts)
    attributions: list[Attribution] = []
    previous: tuple[FoundQuote, Attribution, int] | None = None
    for n, (quote, unit_index) in enumerate(zip(found, quote_units)):
        unit = units[unit_index]
        sentence_start = starts[bisect_right(starts, quote.start) - 1] if starts else unit.start
        sentence_start = max(sentence_start, unit.start)
        same_unit_before = n > 0 and quote_units[n - 1] == unit_index
        window_start = found[n - 1].end if same_unit_before else unit.start
        same_unit_after = n + 1 < len(found) and quote_units[n + 1] == unit_index
        window_end = found[n + 1].start if same_unit_after else unit.end
        attribution = attributor.attribute(
            quote, unit.start, unit.end, sentence_start, window_start, window_end, previous,
            reading_order[unit_index], _previous_quotable_end(units, unit_index),
        )
        attributions.append(attribution)
        previous = (quote, attribution, reading_order[unit_index])

    return _records(text, join_interrupted(text, found, attributions, quote_units), people, credits, began)


def stable_quote_id(words: str, seen: dict[str, int]) -> str:
    """An id made from the quote's own words (``q`` + 10 hex digits, ``-2``… for repeats).

    A highlight linked to a quote ("Highlight This Quote") keeps its link when text is added or
    removed elsewhere in the article, or the extractor finds one more quote above it: numbering
    quotes in text order (``q1``, ``q2``…) gave the link to whichever quote took its number.
    """
    normalised = " ".join(words.split()).encode("utf-8", "surrogatepass")
    digest = hashlib.blake2b(normalised, digest_size=5).hexdigest()
    count = seen.get(digest, 0) + 1
    seen[digest] = count
    return f"q{digest}" if count == 1 else f"q{digest}-{count}"


def _previous_quotable_end(units: list[Unit], index: int) -> int | None:
    """End of the closest paragraph before ``units[index]`` that is not a caption or link."""
    for i in range(index - 1, max(-1, index - 4), -1):
        if units[i].quotable:
            return units[i].end
    return None


def _records(
    text: str,
    utterances: list[tuple[list[FoundQuote], Attribution]],
    people: PeopleFound,
    credits: list[FoundCredit],
    began: float,
) -> Extraction:
    order = sorted(
        (i for i, p in enumerate(people.people) if p.mentions), key=lambda i: people.people[i].mentions[0][0]
    )
    ids = {index: f"p{n}" for n, index in enumerate(order, 1)}
    quote_counts: dict[int, int] = {}
    quotes: list[Quote] = []
    ids_seen: dict[str, int] = {}
    for pieces, attr in utterances:
        start, end = pieces[0].start, pieces[-1].end
        person_id = ids.get(attr.person) if attr.person is not None else None
        if person_id is not None and attr.kind != "scare":
            quote_counts[attr.person] = quote_counts.get(attr.person, 0) + 1
        quotes.append(
            Quote(
                id=stable_quote_id(text[start:end], ids_seen),
                start=start,
                end=end,
                text=text[start:end],
                kind=attr.kind,
                speaker=attr.speaker if attr.kind != "scare" else None,
                speaker_id=person_id if attr.kind != "scare" else None,
                speaker_mention=Span(*attr.mention) if attr.mention and attr.kind != "scare" else None,
                cue=Span(*attr.cue) if attr.cue and attr.kind != "scare" else None,
                cue_text=text[attr.cue[0] : attr.cue[1]] if attr.cue and attr.kind != "scare" else None,
                parts=[Span(p.start, p.end) for p in pieces] if len(pieces) > 1 else [],
            )
        )
    persons: list[Person] = []
    for index in order:
        record = people.people[index]
        name = record.name
        aliases: list[str] = []
        seen = {name.casefold()}
        for start, end in sorted(record.mentions, key=lambda m: text[m[0] : m[1]].isupper()):
            form = text[start:end]
            if form.casefold() not in seen:  # GARLAND and Garland are one alias, the mixed-case one
                seen.add(form.casefold())
                aliases.append(form)
        persons.append(
            Person(
                id=ids[index],
                name=name,
                aliases=aliases,
                role=record.role,
                mentions=[Span(s, e) for s, e in record.mentions],
                quote_count=quote_counts.get(index, 0),
            )
        )
    return Extraction(
        people=persons,
        quotes=quotes,
        seconds=time.perf_counter() - began,
        credits=[Credit(c.name, c.kind, c.start, c.end) for c in credits],
    )
