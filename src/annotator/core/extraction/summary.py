"""The readable ``--format text`` view of an extraction: who is in the article and who said what.

Written for a person skimming in a terminal: people first, most prominent first (quotes weigh
more than mentions), with their roles and other names; the names the article credits (photos,
bylines) apart from them; then every attributed quote in text order
with its speaker and kind; unattributed quotes and scare-quoted terms last, so nothing is hidden.
"""

from __future__ import annotations

import textwrap

from annotator.core.article import Article
from annotator.core.extraction.model import Credit, Extraction, Person, Quote

_QUOTE_WIDTH = 76
_MAX_QUOTE_CHARS = 220


def format_summary(article: Article, extraction: Extraction) -> str:
    """A plain-text summary of ``extraction`` for ``article`` (ends with a newline)."""
    lines: list[str] = []
    title = article.title or _first_line(article.text) or str(article.source)
    lines.append(title)
    lines.append("=" * min(len(title), 78))
    lines.append(
        f"{article.source} · {len(article.text):,} characters · "
        f"{_count(len(extraction.people), 'person', 'people')} · {_count(len(extraction.quotes), 'quote')}"
    )
    lines.append("")
    lines.extend(_people_section(extraction.people))
    lines.extend(_credits_section(extraction.credits))
    attributed = [q for q in extraction.quotes if q.speaker and q.kind != "scare"]
    unattributed = [q for q in extraction.quotes if not q.speaker and q.kind != "scare"]
    terms = [q for q in extraction.quotes if q.kind == "scare"]
    people_by_id = {person.id: person for person in extraction.people}
    lines.append(f"Who said what ({len(attributed)})")
    if not attributed:
        lines.append("  No attributed quotes.")
    for quote in attributed:
        lines.extend(_quote_lines(quote, people_by_id))
    if unattributed:
        lines.append("")
        lines.append(f"Quotes without a speaker ({len(unattributed)})")
        for quote in unattributed:
            lines.extend(_quote_lines(quote, people_by_id))
    if terms:
        lines.append("")
        lines.append(f"Terms in quotation marks ({len(terms)}): " + ", ".join(_clip(q.text, 60) for q in terms))
    return "\n".join(lines) + "\n"


def _people_section(people: list[Person]) -> list[str]:
    lines = [f"People ({len(people)}), most prominent first"]
    if not people:
        lines.append("  No people found.")
    ranked = sorted(people, key=lambda p: (-(3 * p.quote_count + len(p.mentions)), p.mentions[0].start if p.mentions else 0))
    for person in ranked:
        head = f"  {person.name}"
        if person.role:
            head += f" — {person.role}"
        if person.corrected:
            head += " [corrected]"
        lines.append(head)
        facts = [_count(len(person.mentions), "mention"), _count(person.quote_count, "quote")]
        if person.aliases:
            facts.append("also " + ", ".join(person.aliases))
        lines.append("      " + " · ".join(facts))
    lines.append("")
    return lines


def _credits_section(credits: list[Credit]) -> list[str]:
    """Photographers, reporters and editors the article credits: apart from the people in it."""
    if not credits:
        return []
    lines = [f"Credits ({len(credits)}), not people in the story"]
    kinds: dict[str, list[str]] = {}
    for credit in credits:
        names = kinds.setdefault(credit.kind, [])
        if credit.name not in names:
            names.append(credit.name)
    for kind, names in kinds.items():
        lines.append(f"  {kind}: " + ", ".join(names))
    lines.append("")
    return lines


def _quote_lines(quote: Quote, people_by_id: dict[str, Person]) -> list[str]:
    who = quote.speaker or "unknown speaker"
    person = people_by_id.get(quote.speaker_id) if quote.speaker_id else None
    if person is not None and person.role:
        who += f" ({person.role})"
    head = f"  {quote.id} {who}, {quote.kind}"
    if quote.cue_text:
        head += f", “{quote.cue_text}”"
    if quote.corrected:
        head += " [corrected]"
    body = textwrap.wrap(_clip(quote.display_text, _MAX_QUOTE_CHARS), _QUOTE_WIDTH, initial_indent="      ", subsequent_indent="      ")
    return [head + ":", *body]


def _clip(text: str, limit: int) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def _first_line(text: str) -> str:
    for line in text.splitlines():
        if line.strip():
            return _clip(line, 100)
    return ""


def _count(n: int, singular: str, plural: str | None = None) -> str:
    return f"{n} {singular if n == 1 else (plural or singular + 's')}"
