"""Quotes interrupted by their own attribution, joined into one quote with parts.

``“We will rebuild,” she said, “and we will do it by spring.”`` is one utterance that the
quotation marks cut in two; a reader (and the Quotes tab) wants it as one entry. Two quotes are
joined only when everything says it is the same speech:

- they stand next to each other in the same paragraph, the first one closed, the second closed
  too (or running on into the next paragraph);
- the first pauses (a comma, dash or ellipsis inside or right after its closing mark);
- the words between them are only the attribution: the speaker's mention and the cue verb
  (in either order), with commas, an apposition (``, a nurse,``) or a short adverbial
  (``in an interview``), ending with a comma, a dash, a colon or a full stop;
- the second quote rests on that same cue and speaker (it has no attribution of its own): the
  same words, even a pronoun that resolves to nobody known, or another mention of the same person.

Two sentences that each carry their own attribution (``“A,” he said. “B,” she added.``) are
never joined. The joined quote keeps the attribution of its first part.
"""

from __future__ import annotations

import re

from annotator.core.extraction.attribution import Attribution
from annotator.core.extraction.quotes import QUOTE_CHARS, FoundQuote
from annotator.core.extraction.units import is_abbreviation

_CLOSING_MARKS = "\"'”’»›“"
_PAUSES = (",", "—", "–", "―", "-", "…", "...")
# Between the mention and the cue: an apposition in commas (``Jane Doe, a nurse, said``), a
# few auxiliaries or adverbs (``has also said``), or the start of an inverted noun phrase
# (``said the town's mayor, Jane Doe``).
_MIDDLE_RE = re.compile(r"[^\S\n]*(?:,[^,.!?;:\n]{1,80},)?[^\S\n]*(?:[\w’'.()\-]+,?[^\S\n]+){0,6}\Z")
# After the attribution: a short adverbial (``said Monday``, ``told reporters``, ``said in an
# interview``), an apposition after a name that ends it (``said Jane Doe, 61, a nurse``), then the
# mark that hands back to the quote.
_WORD = r"[\w’'.()\-]+"  # ``Jr.``, ``(D-N.C.)``
def _tail_re(appos_words: int) -> re.Pattern[str]:
    return re.compile(
        rf"(?:[^\S\n]+{_WORD}(?:[^\S\n]+{_WORD}){{0,4}})?"
        rf"(?P<appos>(?:[^\S\n]*,[^\S\n]*{_WORD}(?:[^\S\n]+{_WORD}){{0,{appos_words}}}){{1,2}})?"
        r"[^\S\n]*[,.:—–―]?[^\S\n]*\Z"
    )


_TAIL_RE = _tail_re(9)
# When the second piece goes on in lower case (``‘…hold,’ said Tom Haslam, 54, whose bakery has
# been in his family for three generations, ‘and like fools we believed them.’``) the sentence
# plainly continues: the name may then carry a longer apposition, a relative clause included.
_CONTINUING_TAIL_RE = _tail_re(24)
_RELATIVE_WORDS = frozenset(("who", "whose", "which"))
# Before the attribution: the pause, then at most a title or two (``Deputy Mayor Jane Doe``).
_LEAD_RE = re.compile(rf"[^\S\n]*[,—–―-]*[^\S\n]*(?:{_WORD}[^\S\n]+){{0,4}}\Z")
# Words that start a clause of their own: the gap is then more than an attribution.
_CLAUSE_WORDS = frozenset(  # lower case only: ``said Jane Ewing`` is fine
    """that and but adding saying because when while before after although though which who
    whose where if unless so then""".split()
)
_MAX_GAP = 200
_STOP_RE = re.compile(r"[.!?](?=[^\S\n]+\w)")


def join_interrupted(
    text: str, found: list[FoundQuote], attributions: list[Attribution], quote_units: list[int]
) -> list[tuple[list[FoundQuote], Attribution]]:
    """The quotes grouped into utterances, in text order: each group is one quote's parts."""
    groups: list[tuple[list[FoundQuote], Attribution]] = []
    for n, (quote, attribution) in enumerate(zip(found, attributions)):
        if groups and quote_units[n - 1] == quote_units[n]:
            pieces, first_attribution = groups[-1]
            if _continues(text, pieces[-1], first_attribution, quote, attribution):
                pieces.append(quote)
                kind = "direct" if "direct" in (first_attribution.kind, attribution.kind) else first_attribution.kind
                groups[-1] = (pieces, _with_kind(first_attribution, kind))
                continue
        groups.append(([quote], attribution))
    return groups


def _with_kind(attribution: Attribution, kind: str) -> Attribution:
    if attribution.kind == kind:
        return attribution
    return Attribution(kind, attribution.speaker, attribution.person, attribution.mention, attribution.cue)


def _continues(text: str, first: FoundQuote, first_attr: Attribution, second: FoundQuote, second_attr: Attribution) -> bool:
    """Is ``second`` the rest of ``first``, interrupted only by ``first``'s attribution?"""
    if not first.closed or first.continues or "scare" in (first_attr.kind, second_attr.kind):
        return False
    if not (second.closed or second.continues):
        return False  # a mark left open to the paragraph's end (``‘We stay,’Ines…``) is no marked piece
    mention, cue = first_attr.mention, first_attr.cue
    if mention is None or cue is None or second_attr.cue != cue:
        return False  # the second quote has an attribution of its own, or none to share
    if not _same_speaker(first_attr, second_attr):
        return False
    gap_start, gap_end = first.end, second.start
    if gap_end - gap_start > _MAX_GAP or not (gap_start <= min(mention[0], cue[0]) and max(mention[1], cue[1]) <= gap_end):
        return False
    gap = text[gap_start:gap_end]
    if "\n" in gap or _has_quote_mark(gap) or _sentence_ends_inside(text, gap_start, gap_end):
        return False
    if not _pauses(text, first):
        return False
    if not gap.rstrip().endswith((",", ":", "—", "–", "―", "-")) and _reads_as_title(text, second):
        return False  # ``“…,” Pike told “Fox News Sunday,”``: the programme she told it to, not more of it
    (a_start, a_end), (b_start, b_end) = sorted((mention, cue))
    if not _LEAD_RE.match(text, gap_start, a_start) or not _MIDDLE_RE.match(text, a_end, b_start):
        return False
    continuing = _goes_on_in_lower_case(text, second)
    tail = (_CONTINUING_TAIL_RE if continuing else _TAIL_RE).match(text, b_end, gap_end)
    if tail is None or (tail.group("appos") and (b_start, b_end) != mention):
        return False  # ``he said, emphasizing …``: a clause of its own, not an apposition to a name
    words = re.findall(r"[\w’'\-]+", " ".join((text[gap_start:a_start], text[a_end:b_start], tail.group(0))))
    allowed = _RELATIVE_WORDS if continuing and tail.group("appos") else frozenset()
    return not any(_starts_clause(word) and word not in allowed for word in words)


def _reads_as_title(text: str, quote: FoundQuote) -> bool:
    """A short quote whose every word is capitalised (``Fox News Sunday``): a title, not speech."""
    words = [w.strip("“”‘’\"'«».,!?:;") for w in text[quote.start : quote.end].split()]
    words = [w for w in words if w]
    return 0 < len(words) <= 6 and all(w[:1].isupper() or w.lower() in _TITLE_SMALL_WORDS for w in words)


_TITLE_SMALL_WORDS = frozenset("a an the of and or in on at to for with from by".split())


def _goes_on_in_lower_case(text: str, quote: FoundQuote) -> bool:
    """Does the quote open on a lower-case word (the rest of a sentence begun before)?"""
    for char in text[quote.start : min(quote.end, quote.start + 4)]:
        if char.isalpha():
            return char.islower()
    return False


def _starts_clause(word: str) -> bool:
    """``that``, ``adding``, ``because``…: words after which the gap says more than who spoke."""
    return word in _CLAUSE_WORDS or (word.endswith("ing") and word not in ("during", "according"))


def _has_quote_mark(gap: str) -> bool:
    """A quotation mark in the gap; an apostrophe after a letter (``company’s``) is none."""
    return any(char in QUOTE_CHARS and not (char in "’'" and i > 0 and gap[i - 1].isalpha()) for i, char in enumerate(gap))


def _sentence_ends_inside(text: str, start: int, end: int) -> bool:
    """A full stop, ? or ! before the gap's last word (``he said Monday. Then he left.``)."""
    for match in _STOP_RE.finditer(text, start, end):
        if not is_abbreviation(text, match.start(), start):
            return True
    return False


def _same_speaker(first: Attribution, second: Attribution) -> bool:
    if first.mention is not None and first.mention == second.mention:
        return True
    if first.person is not None:
        return first.person == second.person
    return first.speaker is not None and first.speaker == second.speaker


def _pauses(text: str, quote: FoundQuote) -> bool:
    """Does the quote stop mid-utterance: ``,”`` ``—”`` ``…”`` or ``”,`` ``” —``?"""
    inner_end = quote.end
    while inner_end > quote.start + 1 and text[inner_end - 1] in _CLOSING_MARKS:
        inner_end -= 1
    if text[quote.start + 1 : inner_end].rstrip().endswith(_PAUSES):
        return True
    after = text[quote.end : quote.end + 3].lstrip(" \t\u00a0")
    return after.startswith((",", "—", "–", "―"))
