"""Paragraph breaks recovered in text that lost them: an article body stored as one line.

News taken from corpora, databases and CSV/JSON Lines exports often has every newline replaced by a
space, so the headline runs into the first sentence and a quote paragraph into the reported speech
before it. Quotes and attribution read paragraphs (a quote-only paragraph, a paragraph that reopens a
quote left open, a colon that introduces the next paragraph, the previous paragraph's speaker), so
on such text the paragraphs are made again before anything else reads it:

* where the newlines became spaces one for one, a blank line left a run of spaces that a sentence
  boundary inside a paragraph does not have: every such run is a paragraph break (unless the writer
  puts two spaces after every sentence, which says nothing about paragraphs);
* where nothing is left of them, every sentence starts a paragraph, as it mostly does in news
  copy; only a sentence inside a quote that is still open stays with it, unless it reopens the
  quote (the mark a quote running over several paragraphs repeats at each).

Text that has any line break keeps its own paragraphs untouched.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from annotator.core.extraction.quotes import find_quotes
from annotator.core.extraction.units import Unit, sentence_starts
from annotator.core.readers.line_cues import is_page_furniture, is_related_link, starts_with_dateline

_GAP_RE = re.compile(" {2,}")
_OPENERS = frozenset("“\"‘'«„")
_STRAIGHT = frozenset("\"'")
_OPENER_RE = re.compile("[“\"‘«„]")
_SENTENCE_END = frozenset(".!?…\"'”’»)")
#: Two spaces after this share of sentences is a typing habit, not a trace of paragraph breaks.
_HABIT_SHARE = 0.9


def recover_paragraphs(text: str, units: list[Unit]) -> list[Unit]:
    """``units`` with a one-line text's likely paragraph breaks made into unit boundaries."""
    if len(units) != 1 or not units[0].quotable or "\n" in text:
        return units
    unit = units[0]
    gaps = [m for m in _GAP_RE.finditer(text, unit.start, unit.end) if _may_break(text, m.start(), m.end())]
    if gaps and not _spacing_habit(text, unit, gaps):
        cuts = [unit.start] + [m.end() for m in gaps]
    else:
        protected = [(q.start, q.end) for q in find_quotes(text, [unit])]
        starts = sentence_starts(text, unit, protected)
        if len(starts) < 3:
            return units
        cuts = _sentence_cuts(text, starts, protected)
        body = _headline_end(text, unit.start, starts[1])
        if body is not None:
            cuts.insert(1, body)
        cuts = sorted(set(cuts) | set(_furniture_cuts(text, unit)))
    pieces: list[Unit] = []
    for start, nxt in zip(cuts, cuts[1:] + [unit.end]):
        end = nxt
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            pieces.append(Unit(start, end, _piece_kind(text, start, end, unit.kind)))
    return pieces


def _may_break(text: str, start: int, end: int) -> bool:
    """Can a run of spaces stand for a lost paragraph break? Not inside a clause (``Mike Roe,  a
    historian``, ``the  vote``): a writer's stray double space is no break."""
    return start > 0 and text[start - 1] not in ",;" and not text[end : end + 1].islower()


def _spacing_habit(text: str, unit: Unit, gaps: list[re.Match[str]]) -> bool:
    """Are the runs of spaces just two spaces typed after (nearly) every sentence, those inside
    quotes included (a paragraph break is seldom inside a quote)?"""
    if any(text[m.start() - 1] not in _SENTENCE_END for m in gaps if m.start() > 0):
        return False  # a run of spaces mid-sentence (a headline run into the text) is a lost line break
    starts = sentence_starts(text, unit, [])
    if len(starts) < 3:
        return False
    gap_ends = {m.end() for m in gaps}
    return sum(1 for s in starts[1:] if s in gap_ends) >= _HABIT_SHARE * (len(starts) - 1)


def _sentence_cuts(text: str, starts: list[int], protected: list[tuple[int, int]]) -> list[int]:
    """Every sentence start, but those inside a quote left open that do not reopen it."""
    q_starts = [a for a, _ in protected]
    cuts = [starts[0]]
    scanned, left_open = starts[0], False  # how far the current piece was searched for an open quote
    for n, start in enumerate(starts[1:], 1):
        if text[start] not in _OPENERS:
            if not left_open:
                left_open = _open_quote_in(text, cuts[-1], scanned, start, protected, q_starts)
                scanned = start
            if left_open:
                continue
        if _tag_after_exclamation(text, start, starts[n + 1] if n + 1 < len(starts) else len(text)):
            continue
        if _POINTS_BACK_RE.match(text, start) and text[start - 2 : start - 1] in _CLOSING:
            continue  # ``“…” That’s how Ravi Singh describes his job.``: the sentence names the quote's speaker
        if text[start] == "(" and _PHOTO_CREDIT_RE.match(text, start):
            continue  # a caption's picture credit stays with the caption
        cuts.append(start)
        scanned, left_open = start, False
    return cuts


def _open_quote_in(
    text: str, piece: int, lo: int, hi: int, protected: list[tuple[int, int]], q_starts: list[int]
) -> bool:
    """Does ``text[lo:hi]`` (in the piece starting at ``piece``) hold an opening mark that no quote
    pairs (a quote still open)?"""
    for m in _OPENER_RE.finditer(text, lo, hi):
        i = m.start()
        if text[i] in _STRAIGHT and (not (i == piece or text[i - 1] in " (") or not text[i + 1 : i + 2].isalnum()):
            continue
        k = bisect_right(q_starts, i) - 1
        if k < 0 or not protected[k][0] <= i < protected[k][1]:
            return True
    return False


_HEADLINE_MAX = 160
_WORD_START_RE = re.compile(r"(?<=\s)\S")
#: Words a quote in running prose follows: a headline does not end before such a quote.
_QUOTE_LEADS = frozenset(
    """said says say saying told tells asked asks added adds wrote writes tweeted declared shouted
    called calls is was are were be titled headlined of as that the a an and or to by with from""".split()
)


def _headline_end(text: str, start: int, first_end: int) -> int | None:
    """Where the body starts when an unpunctuated headline runs into it: at a dateline
    (``… in Kansas City KANSAS CITY, Mo. — Hundreds…``) or at a quote that opens the body straight
    after the headline's last word (``Uber drivers rally for better pay "We drive…``)."""
    limit = min(first_end, start + _HEADLINE_MAX)
    for m in _WORD_START_RE.finditer(text, start + 1, limit):
        p = m.start()
        char = text[p]
        if char.isupper() and text[p + 1 : p + 2].isupper() and starts_with_dateline(text[p:]):
            return p
        if char in "“\"" and text[p + 1 : p + 2].isupper():
            before = text[start:p].split()
            if len(before) >= 3 and before[-1][-1:].isalpha() and before[-1].lower() not in _QUOTE_LEADS:
                return p
    return None


_CLOSING = frozenset("”\"’'»")
_TAG_MAX_WORDS = 6
#: A sentence that points back at the quote before it to say who spoke it.
_POINTS_BACK_RE = re.compile(r"(?:(?:That[’']s|That (?:is|was)) (?:how|what)|So (?:says|said)|Those (?:are|were) the words)\b")


def _tag_after_exclamation(text: str, start: int, next_start: int) -> bool:
    """Is the sentence at ``start`` the short tag of a quote that ends on ! or ? (``“We’re not
    done!” Mahomes shouted.``)? Its capital letter is no new sentence."""
    end = start
    while end > 0 and text[end - 1].isspace():
        end -= 1
    if end < 2 or text[end - 1] not in _CLOSING or text[end - 2] not in "!?":
        return False
    return len(text[start:next_start].split()) <= _TAG_MAX_WORDS


#: Web page chrome pasted with the text that nothing ends: it runs into the next paragraph.
_FURNITURE_RE = re.compile(
    r"(?:Story continues below(?: advertisement)?|Scroll down for (?:video|more)|Continue reading|ADVERTISEMENT)"
    r"(?=\s+[\"“‘'A-Z])"
)
#: A picture credit closing a caption: ``(Sean Roe/The Canadian Press)``, ``(Kyle Roe/CBC)``.
_PHOTO_CREDIT_RE = re.compile(r"(?<=[.!?] )\((?:[A-Z][\w.'’-]*\s){0,3}[A-Z][\w.'’-]*\s?/\s?[^()/]{2,60}\)(?=\s+[\"“‘A-Z]|$)")
#: A related link (``READ MORE: Delays cost city millions``) ends where the next paragraph opens on a quote.
_RELATED_LEAD_RE = re.compile(r"(?:READ MORE|RELATED|SEE ALSO|ALSO READ|Read more|Related)\s*:\s*[^\"“.!?]{3,120}?\s(?=[\"“][A-Z])")


def _furniture_cuts(text: str, unit: Unit) -> list[int]:
    """Both ends of page furniture and of a related link's line run into the paragraphs around them."""
    cuts: list[int] = []
    for m in _PHOTO_CREDIT_RE.finditer(text, unit.start, unit.end):
        end = m.end()
        while end < unit.end and text[end].isspace():
            end += 1
        cuts.append(end)  # a caption ends on its picture credit: the next paragraph starts after it
    for regex in (_FURNITURE_RE, _RELATED_LEAD_RE):
        for m in regex.finditer(text, unit.start, unit.end):
            if m.start() == unit.start or text[m.start() - 1].isspace():
                cuts.append(m.start())
                end = m.end()
                while end < unit.end and text[end].isspace():
                    end += 1
                cuts.append(end)
    return cuts


def _piece_kind(text: str, start: int, end: int, kind: str) -> str:
    line = text[start:end]
    if line.endswith(")") and len(line) <= 400:
        credit = _PHOTO_CREDIT_RE.search(text, start, end)
        if credit is not None and credit.end() == end:
            return "caption"
    if end - start <= 60 and is_page_furniture(line):
        return "furniture"
    if is_related_link(line):
        return "related_link"
    return kind
