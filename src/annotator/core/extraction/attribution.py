"""Who said each quote: the cue verb, the words the attribution rests on, and the resolved person.

Looked for in the order a reader would: right after the quote (``‘…,’ he said``, ``,” said Diana
Shestakova``, ``” – Jane Doe``, ``,” according to …``), then earlier in the sentence (``X said: “…”``,
``X told the meeting that … ‘…’``, ``…, adding: ‘…’``), then the paragraph and the paragraph before
(a quote that opens a paragraph continues the previous speaker). Pronouns resolve to the person
most recently in subject position or speaking, agreeing in gender when the given name tells it;
a description (``the 54-year-old``, ``the mayor``) resolves to the person it points back to. The
subject is the main clause's (not a person inside an opening adverbial or after a preposition), the
agent of a passive question (``was asked by host X``) asked it, and a quoted transcript line
(``"RAMOS: …"``) is spoken by its label. Every search window is bounded, so the whole pass stays linear in the length of the text.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache

from annotator.core.extraction.alternation import flat_pattern, phrase_tokens, tree_pattern
from annotator.core.extraction.names import UPPER
from annotator.core.extraction.people import PeopleFound
from annotator.core.extraction.quotes import INVISIBLE, FoundQuote
from annotator.core.extraction.units import is_abbreviation as _is_abbreviation
from annotator.core.extraction.wordlists import Lexicon
from annotator.core.resources import resource

PRONOUNS = {"he": "m", "she": "f", "they": None, "we": None, "i": None, "it": None}
_SUBJECT_PRONOUN_RE = re.compile(r"\b(?:[Hh]e|[Ss]he|I|[Ww]e|[Tt]hey)\b")
# ``… and repeatedly says``, ``…, but said``, ``… and later added``: a cue coordinated with an earlier verb.
# ``…, he laughed and``: a subject pronoun after a comma, opening a clause with its verb.
_MAIN_PRONOUN_RE = re.compile(r",[^\S\n]+(?P<pronoun>he|she|they|we|I)[^\S\n]+[a-z]+[^,\n“”\x22]*\Z")
# ``“…,” saying``: a gerund cue straight after a quote continues the clause before it.
_GERUND_AFTER_RE = re.compile(r"[^\S\n]*,?[^\S\n]+(?P<cue>[a-z]+ing)\b")
_COORDINATED_RE = re.compile(r"\b(?:and|but|yet|then)[^\S\n]+(?:(?:[a-z]+ly|later|then|also|again|still|once|soon)[^\S\n]+){0,2}\Z")
# ``went on to say``, ``interjected to say``, ``appeared to assert … by saying``: a cue in a verb chain.
_CHAINED_RE = re.compile(r"\b(?:to|by|before|after|while|when)[^\S\n]+(?:(?:[a-z]+ly|then|also)[^\S\n]+)?\Z")
_LISTENER_CUES = frozenset({"told", "tells", "tell", "telling"})
_WINDOW = 320
#: How far back the clause of a quote is read for its speaker when terms quoted earlier cut it.
_CLAUSE_REACH = 4 * _WINDOW
_PRONOUN_LOOKBACK = 4000
_AUX = r"(?:(?:on[^\S\n]+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:[^\S\n]+(?:morning|afternoon|evening|night))?|has|had|have|was|were|is|are|would|will|also|already|still|first|even|since|later|then|once|again|previously|reportedly|recently|just|earlier|today|yesterday|tonight|now|further|repeatedly|publicly|privately|herself|himself|often|always|never|[a-z]+ly|[a-z]+ed[^\S\n]+and)[^\S\n]+){0,3}"
# ``Jane Doe of the Centre for Harbour Studies said``: the body a speaker belongs to, between name and cue.
_AFFILIATION = rf"[^\S\n]+(?:of|from|at)[^\S\n]+(?:the[^\S\n]+)?[{UPPER}][\w’'&.\-]*(?:[^\S\n]+(?:(?:of|for|and|on|the|&)[^\S\n]+)*[{UPPER}][\w’'&.\-]*){{0,8}}"
# ``a reporter can be heard asking``, ``she was heard saying``: a cue heard or seen rather than finite.
_HEARD = r"(?:(?:can|could|was|were|is|are)[^\S\n]+(?:be[^\S\n]+)?(?:heard|seen)[^\S\n]+)?"
_DET = r"(?i:a|an|the|another|one|two|three|several|some|many|most|my|your|his|her|their|its|our|this|that|those|these)"
_PARTICLE = r"(?:de|da|di|du|del|der|den|van|von|bin|ibn|al|el|la|le)"
_CAPWORD = rf"[{UPPER}][\w’'\-.]*"
_NAME = rf"{_CAPWORD}(?:[^\S\n]+(?:{_PARTICLE}[^\S\n]+)?{_CAPWORD}){{0,6}}(?:[^\S\n]*\([^()\n]{{1,24}}\))?"
_WORDS = r"[\w’'\-.&]+"
# A name with up to five words of title, team or place before it (``Oilers head coach Ken Hitchcock``).
_PREFIXED_NAME = rf"(?:(?:[A-Z][a-z]{{0,3}}\.|[\w’'\-]+)[^\S\n]+){{0,5}}?{_NAME}"
_PRONOUN = r"(?:[Hh]e|[Ss]he|[Tt]hey|[Ww]e|I|[Ii]t)\b"
_PRONOUN_BEFORE_RE = re.compile(rf"(?P<np>{_PRONOUN})[^\S\n]+{_AUX}\Z")
_NP_STOP = frozenset(
    """in on at who which that during after before when while as to with for from and but because adding
    saying told tells said says wrote added according via where than if though although since on
    monday tuesday wednesday thursday friday saturday sunday yesterday today recently earlier later""".split()
)


@dataclass(frozen=True, slots=True)
class Attribution:
    kind: str
    speaker: str | None
    person: int | None
    mention: tuple[int, int] | None
    cue: tuple[int, int] | None


def speech_regex(lexicon: Lexicon) -> re.Pattern[str]:
    """One alternation of every speech cue, longest first, as whole words.

    Built once per lexicon: escaping and sorting several hundred cues for every article cost
    about a tenth of the extraction time of a short news article.
    """
    cached = _SPEECH_REGEX_CACHE.get(id(lexicon))
    if cached is not None and cached[0] is lexicon:
        return cached[1]
    pattern = _build_speech_regex(lexicon)
    _SPEECH_REGEX_CACHE.clear()  # one lexicon at a time: the shipped one, or a test's
    _SPEECH_REGEX_CACHE[id(lexicon)] = (lexicon, pattern)
    return pattern


_SPEECH_REGEX_CACHE: dict[int, tuple[Lexicon, re.Pattern[str]]] = {}


def _build_speech_regex(lexicon: Lexicon) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + tree_pattern(speech_cue_forms(lexicon)) + r")\b")


def speech_cue_forms(lexicon: Lexicon) -> list[tuple[str | None, ...]]:
    """The speech cues in the order they are tried (longest first), as tokens of :mod:`alternation`."""
    forms = sorted(
        [phrase_tokens([v]) for v in lexicon.speech_verbs] + [phrase_tokens(p) for p in lexicon.speech_phrases],
        key=lambda tokens: len(flat_pattern([tokens])),
        reverse=True,
    )
    # Sentence-initial capitals for the cues that start sentences (``Said Ellis:``, ``According to X,``).
    forms += [phrase_tokens(words.split()) for words in ("Said", "Says", "Asked", "Added", "Wrote", "According to", "In the words of")]
    return forms


def _attribution_patterns(cue_re: re.Pattern[str]) -> tuple[re.Pattern[str], ...]:
    """The patterns around a quote, built on the speech cues: once per cue regex, not per text (a
    short article spent a seventh of its time building and hashing 26,000 characters of pattern to
    find them in ``re``'s cache). Kept by the cue regex's identity, as :func:`speech_regex` keeps it."""
    cached = _PATTERNS_CACHE.get(id(cue_re))
    if cached is not None and cached[0] is cue_re:
        return cached[1]
    cue = cue_re.pattern
    lead = r"[^\S\n]*[,;]?[^\S\n]*(?:[–—―-]+[^\S\n]*)?"
    after_subject_re = re.compile(
        lead + rf"(?P<np>{_PRONOUN}|{_PREFIXED_NAME}[’']s(?:[^\S\n]+[a-z][\w\-]*){{1,4}}|{_PREFIXED_NAME}(?:[^\S\n]+and[^\S\n]+{_PREFIXED_NAME})?|{_DET}[^\S\n]+(?:{_WORDS}[^\S\n]+){{0,5}}?{_WORDS}|{_WORDS}(?:[^\S\n]+{_WORDS})?)(?P<affil>{_AFFILIATION})?(?P<appos>(?:[^\S\n]*,[^,\n“”\x22]{{1,160}}){{0,4}}?)[^\S\n]*,?[^\S\n]+{_HEARD}{_AUX}(?P<cue>{cue})"
    )
    after_cue_re = re.compile(lead + rf"(?P<cue>{cue})[^\S\n]+(?P<np>{_PRONOUN}|{_DET}[^\S\n]+(?:{_WORDS}[^\S\n]*){{1,7}}|(?:[\w’'/\-]+[^\S\n]+){{0,5}}?{_NAME}|(?:one|another|others)\b)")
    final_re = re.compile(rf",[^\S\n]+(?P<np>{_PRONOUN}|{_NAME})[^\S\n]+{_AUX}(?P<cue>{cue})[^\S\n]*[.,]")
    after_dash_re = re.compile(rf"[^\S\n]*[–—―]+[^\S\n]*(?P<np>{_NAME})[^\S\n]*(?=[,.;(\n]|$)")
    subject_re = re.compile(
        rf"(?P<np>{_PRONOUN}|{_NAME}|{_DET}[^\S\n]+(?:{_WORDS}[^\S\n]+){{0,5}}?{_WORDS}|{_WORDS}(?:[^\S\n]+{_WORDS})?)"
        rf"(?P<appos>(?:[^\S\n]*,[^,\n“”\x22]{{1,120}}){{1,2}},)?[^\S\n]*,?[^\S\n]+{_AUX}\Z"
    )
    inverted_re = re.compile(rf"[^\S\n]+(?P<np>{_NAME}|{_DET}[^\S\n]+(?:{_WORDS}[^\S\n]+){{0,5}}?{_WORDS})[^\S\n]*[:,]?[^\S\n]*\Z")
    patterns = (after_subject_re, after_cue_re, final_re, after_dash_re, subject_re, inverted_re)
    _PATTERNS_CACHE.clear()  # one cue regex at a time
    _PATTERNS_CACHE[id(cue_re)] = (cue_re, patterns)
    return patterns


_PATTERNS_CACHE: dict[int, tuple[re.Pattern[str], tuple[re.Pattern[str], ...]]] = {}


class Attributor:
    """Attributes the quotes of one text, in text order (later quotes lean on earlier speakers)."""

    def __init__(
        self, text: str, people: PeopleFound, lexicon: Lexicon, sentence_starts: list[int],
        unit_starts: list[int] | None = None,
    ) -> None:
        self.text = text
        #: Where the paragraphs start: in one-line text they are the ones recovered, and no newline marks them.
        self.unit_starts = unit_starts or []
        self.people = people
        self.lexicon = lexicon
        self.cue_re = speech_regex(lexicon)
        (
            self.after_subject_re, self.after_cue_re, self.final_re,
            self.after_dash_re, self.subject_re, self.inverted_re,
        ) = _attribution_patterns(self.cue_re)
        self.sentence_starts = sentence_starts
        self.speaker_events: list[tuple[int, int]] = []  # (offset, person index)
        self.direct_end = 0  # where the last direct quote ended
        self.lower_case_words: dict[str, bool] = {}  # see _written_in_lower_case
        self._resolving_source = False
        self.quote_starts: list[int] = []  # the quotes met so far, in text order: names inside them
        self.quote_ends: list[int] = []  # are what a speaker said, not whom a later pronoun means

    # -- the decision for one quote -------------------------------------------------------------

    def attribute(
        self, quote: FoundQuote, unit_start: int, unit_end: int, sentence_start: int, window_start: int, window_end: int,
        previous: tuple[FoundQuote, Attribution, int] | None, unit_index: int, previous_unit_end: int | None = None,
    ) -> Attribution:
        """Kind, speaker and cue of one quote (quotes must be given in text order)."""
        text = self.text
        self.quote_starts.append(quote.start)
        self.quote_ends.append(quote.end)
        clause_start = max(window_start, sentence_start)
        whole_clause = clause_start
        if previous is not None and previous[1].kind != "direct" and sentence_start <= previous[0].start < quote.start:
            # Bounded as the window is: a paragraph that ends no sentence outside its quotes is one
            # clause from its start, and looking back to it before every quote costs n² characters.
            whole_clause = max(unit_start, sentence_start, self.direct_end, quote.start - _CLAUSE_REACH)
        opening = quote.start + (2 if text.startswith("''", quote.start) else 1)
        label = _SPEAKER_LABEL_RE.match(text, opening, quote.end) if text[opening : opening + 2].isupper() else None
        if label is not None and label.group("label") not in _NOT_SPEAKER_LABELS:
            # ``"RAMOS: Secretary Clinton, …"``: a transcript line quoted whole names its own speaker.
            return Attribution("direct", *self._labelled(label.start("label"), label.end("label")), None)
        found = self._after(quote.end, min(window_end, self._sentence_end(quote.end, unit_end)))
        if found is None:
            gerund = _GERUND_AFTER_RE.match(text, quote.end, unit_end)
            inner = _inner(text, quote)
            if (
                gerund is not None and self.cue_re.fullmatch(gerund.group("cue")) is not None
                and (len(inner.split()) > 4 or inner.lstrip(" .…\"'‘“")[:1].isupper())  # not ``the “reporter,” saying``
            ):
                # ``Pike defended “harbour values,” saying the town…``: the clause's subject goes on speaking.
                subject = self._clause_subject(clause_start, quote.start)
                if subject is not None:
                    found = (subject[0], (gerund.start("cue"), gerund.end("cue")), subject[2], subject[3], subject[4])
        if found is None and _ends_clause(text, quote.end, unit_end):
            found = self._named_before_long_apposition(quote.end, min(quote.end + 280, self._sentence_end(quote.end, unit_end)))
        cue_follows = found is not None
        if found is not None and found[1] is not None and self._next_sentence_after(quote.end, found[1]):
            # ``Clinton declared, “…done.” The candidate later added…``: the quote ends its sentence, so the
            # cue that introduced it beats the subject of the sentence after.
            before = self._before(clause_start, quote.start, previous, unit_index)
            if before is not None and before[1] is not None and before[1][1] <= quote.start and (
                self._introduces_quote(before[1], quote.start) or _introduces(text, before[1][1], quote.start)
            ):
                found, cue_follows = before, False
            elif (
                self._carries_on(quote, previous, unit_index)
                and found[4] != previous[1].speaker
                and not _ends_on_cue(text, found[1][1], self._sentence_end(found[1][1], unit_end))
            ):
                # ``“A,” Horwath said. “Shame on him.” Ford shot back that…``: a quote that closes its
                # sentence right after its speaker's own attributed quote carries on that speaker; the
                # report in the next sentence is a new speaker's.
                found = None
        if found is None:
            found = self._before(clause_start, quote.start, previous, unit_index)
        if whole_clause < clause_start and (found is None or found[2] is None):
            # ``Pike shared a timetable called “Express” on her site, writing “…”``: a term quoted earlier in
            # the sentence does not cut the clause that holds the speaker of the quote its cue introduces.
            whole = self._before(whole_clause, quote.start, previous, unit_index)
            if whole is not None and whole[1] is not None and self._introduces_quote(whole[1], quote.start):
                found = whole
        if found is None and text[quote.end - 2 : quote.end - 1] in (".", "!", "?"):
            found = self._pointed_back_to(quote.end, min(window_end, unit_end))
        if found is None:
            found = self._sentence_final(quote.end, window_end)
        if found is None and _after_colon(text, clause_start, quote.start):
            found = self._colon_subject(clause_start, quote.start)
        if found is None and quote.end >= unit_end - 2:
            found = self._signature(quote.end, unit_end)
        inherited = False
        if found is None and previous is not None and previous[2] == unit_index and previous[0].end < sentence_start:
            # ``“…,” Pike said, and her husband cut in. “…”``: a sentence between two quotes that ends on its
            # own cue hands the next quote to its subject.
            gap = self._before(previous[0].end, sentence_start, None, unit_index)
            after_previous = previous[1].cue[1] if previous[1].cue is not None else previous[0].end
            if (
                gap is not None and gap[0] is not None and gap[1] is not None and gap[1] != previous[1].cue
                and _ends_on_cue(text, gap[1][1], sentence_start)
                and self._new_clause_before(after_previous, gap[0][0])
            ):
                found = gap
        if found is None and previous is not None:
            prev_quote, prev_attr, prev_unit = previous
            same_unit = prev_unit == unit_index
            opens_unit = quote.start == unit_start
            own_cue = opens_unit and not quote.continuation and self._cue_in_sentence_after(quote.end, unit_end)
            if prev_attr.speaker and (
                (quote.continuation and prev_unit == unit_index - 1)
                or (opens_unit and prev_unit == unit_index - 1 and not own_cue)
                or (same_unit and quote.start - prev_quote.end < _WINDOW)
            ):
                found = (prev_attr.mention, prev_attr.cue, None, prev_attr.person, prev_attr.speaker)
                inherited = True
        if found is None and quote.start == unit_start and previous_unit_end is not None:
            colon = previous_unit_end - 1
            if text[colon] == ":":
                found = self._before(max(self._paragraph_start(colon), colon - _WINDOW), colon + 1, None, unit_index)
                if found is None:
                    # ``President Smith released the following statement:`` ¶ ``“…”``
                    found = self._colon_subject(self._sentence_start(colon), colon + 1)
        if (
            found is None
            and quote.start == unit_start
            and previous_unit_end is not None
            and self.cue_re.search(text, quote.end, unit_end) is None
        ):
            found = self._reported_speech(previous_unit_end, unit_index)
            if found is None and not text[quote.end : unit_end].strip(" .,;") and len(_inner(text, quote).split()) >= 5:
                found = self._introduced_person(previous_unit_end)
        earlier = False
        if found is None:
            found = self._before(max(unit_start, quote.start - _WINDOW), sentence_start, None, unit_index)
            earlier = found is not None and quote.start > sentence_start
        if (
            found is None and quote.start == unit_start and not quote.continues
            and not text[quote.end : unit_end].strip(" .,;") and len(_inner(text, quote).split()) >= 5
        ):
            # ``“Some days I don't say a word to anyone.”`` ¶ ``Sharon Lee, 81, has lived alone…``: a quote
            # standing alone, that nothing before names, is spoken by the person the next paragraph opens on.
            found = self._opening_person(unit_end)
        introduced = found is not None and self._introduces_quote(found[1], quote.start)
        # ``…to purchase a “promoted trend” on Twitter``: a short term inside a sentence with no cue of its own
        # is not given to the speaker of the sentence before.
        inner = _inner(text, quote) if earlier else ""
        short_term = earlier and len(inner.split()) <= 4 and not inner[:1].isupper()
        kind = self._kind(quote, unit_start, sentence_start, found is not None and not short_term, cue_follows, introduced)
        if kind != "scare" and not cue_follows and not introduced and (
            (_is_heading(text, quote, unit_start, unit_end) and not _hands_over(text, found, quote.start))
            or _names_a_work(text, quote, unit_start)
        ):
            kind = "scare"
        elif kind != "scare" and cue_follows and not introduced and _names_a_title(text, quote) and _names_a_work(text, quote, unit_start):
            # ``Friday on CNN’s “New Day,” Sen. Jane Doe said``: the cue after it belongs to the sentence, not the title.
            kind = "scare"
        if kind == "direct":
            self.direct_end = quote.end
        if found is None:
            return Attribution(kind, None, None, None, None)
        mention, cue, _, person, speaker = found
        if person is not None and not inherited:
            self.speaker_events.append((quote.start, person))
        return Attribution(kind, speaker, person, mention, cue)

    def _pointed_back_to(self, quote_end: int, limit: int):
        """``“It's time.” With those two words, Ana Ruiz announced…``: the sentence after a quote that
        points back at it (``With those words,``, ``Those two words were how…``) has the speaker as
        its subject, the person named right after the pointer, before a verb."""
        text = self.text
        m = _POINTS_BACK_RE.match(text, quote_end, limit)
        if m is None:
            return None
        for mention in self.people.mentions_in(m.end(), min(limit, m.end() + 70)):
            between = text[m.end() : mention.start]
            if mention.possessive or not (between == "" or _MODIFIER_WORDS_RE.fullmatch(" " + between)):
                return None
            if any(w[:1].isupper() is False and w.lower() not in _ROLE_MODIFIERS and not self._source_head(w.lower())
                   and self.lexicon.titles.isdisjoint((w.lower(),)) for w in between.split()):
                return None  # ``With that, the crowd turned to Reed``: the name is not the subject
            if _VERB_AFTER_NAME_RE.match(text, mention.end, limit) is None:
                return None
            person = self.people.people[mention.person]
            cue = (m.start("ptr"), m.end("ptr") - (text[m.end("ptr") - 1] == ","))
            return ((mention.start, mention.end), cue, text[mention.start : mention.end], mention.person, person.name)
        return None

    def _labelled(self, start: int, end: int) -> tuple[str, int | None, tuple[int, int]]:
        """Speaker, person and mention of a transcript label (``RAMOS``): the person of that surname, if any."""
        label = self.text[start:end]
        key = label.split()[-1].casefold()
        for index, person in enumerate(self.people.people):
            if person.mentions and person.name.split()[-1].casefold() == key:
                return person.name, index, (start, end)
        return label.title(), None, (start, end)

    def _carries_on(self, quote: FoundQuote, previous, unit_index: int) -> bool:
        """Does the quote follow, in the same paragraph, a quote whose speaker was named by a cue
        between the two (``“A,” X said. “B.”``)?"""
        if previous is None or previous[2] != unit_index or not previous[1].speaker or previous[1].cue is None:
            return False
        prev_quote, prev_attr = previous[0], previous[1]
        return prev_quote.end <= prev_attr.cue[0] < quote.start and quote.start - prev_quote.end < _WINDOW

    def _next_sentence_after(self, quote_end: int, cue: tuple[int, int]) -> bool:
        """Does the quote close its sentence (``….”``, ``?”``) with the cue in a new capitalised sentence after it?"""
        text = self.text
        j = quote_end - 1
        while j > 0 and text[j - 1] in "\"'”’»›":
            j -= 1
        if j <= 0 or text[j - 1] not in ".!?":
            return False
        rest = text[quote_end : cue[0]]
        return rest[:1].isspace() and rest.lstrip()[:1].isupper()

    def _new_clause_before(self, start: int, pos: int) -> bool:
        """Does a new sentence, or a clause joined by ``, and``, begin within three words before ``pos``?"""
        m = _NEW_CLAUSE_RE.search(self.text, start, pos)
        return m is not None and not (self.text[m.start()] == "." and _is_abbreviation(self.text, m.start(), start))

    def _cue_in_sentence_after(self, pos: int, unit_end: int) -> bool:
        """A speech cue later in the quote's own sentence: the paragraph names its own speaker (even when
        the words around the cue could not be read), so it does not carry the previous one."""
        end = self._sentence_end(pos, unit_end)
        cue = self.cue_re.search(self.text, pos, end)
        return cue is not None and not _is_gerund(cue.group(0).lower())

    def _paragraph_start(self, pos: int) -> int:
        """Start of the line holding ``pos``, never before the start of its paragraph (a unit): a
        one-line text's paragraphs are recovered ones, and the line is the whole text."""
        k = bisect_right(self.unit_starts, pos) - 1
        floor = self.unit_starts[k] if k >= 0 else 0
        return max(floor, self.text.rfind("\n", floor, pos) + 1)

    def _reported_speech(self, previous_end: int, unit_index: int):
        """``Budanov says there are many reasons…`` ¶ ``‘The emergency…’``: a paragraph that is only a quote
        after a paragraph of reported speech carries that paragraph's last speaker (its cue outside quotes)."""
        text = self.text
        lo = max(self._paragraph_start(previous_end - 1), previous_end - 600)
        cues = list(self.cue_re.finditer(text, lo, previous_end))
        for cue in reversed(cues[-3:]):
            if _inside_quote(text, lo, cue.start()) or _is_gerund(cue.group(0).lower()):
                continue  # a cue inside a quote, or ``…staff members suggesting``: not the paragraph's report
            got = self._before(lo, cue.end(), None, unit_index)
            if got is not None and got[0] is not None and (got[3] is not None or self._issues_a_text(cue) and got[4]):
                return got  # a person, or a body that put out a statement (``the board issued a statement``)
        return None

    def _introduced_person(self, previous_end: int):
        """``Tom Reed has run the ferry for 30 years.`` ¶ ``“It is my life.”``: a paragraph that is only a
        quote, after a paragraph with no quotation whose last sentence opens on a person, is that person's."""
        text = self.text
        lo = self._paragraph_start(previous_end - 1)
        if any(c in QUOTE_OPENERS or c == "”" for c in text[lo:previous_end]):
            return None  # the paragraph before quotes someone: its speaker carries on, or nobody does
        start = max(lo, self._sentence_start(previous_end - 1))
        while start < previous_end and text[start] in " \t":
            start += 1
        mentions = self.people.mentions_in(start, min(previous_end, start + 60))
        if not mentions or mentions[0].possessive or text[start : mentions[0].start].strip(" ,").split()[2:]:
            return None  # the sentence does not open on a person (at most a title of two words before the name)
        m = mentions[0]
        return ((m.start, m.end), None, text[m.start : m.end], m.person, self.people.people[m.person].name)

    def _opening_person(self, unit_end: int):
        """The person the paragraph after ``unit_end`` opens on (a name, at most two title words before
        it, not a possessive), when that paragraph quotes nothing before its first full stop."""
        text = self.text
        start = unit_end
        while start < len(text) and text[start].isspace():
            start += 1
        if start >= len(text) or text[start] in QUOTE_OPENERS:
            return None
        mentions = self.people.mentions_in(start, min(len(text), start + 60))
        if not mentions or mentions[0].possessive:
            return None
        lead = text[start : mentions[0].start].strip(" ,").split()
        if lead[2:] or any(w.lower() in self.lexicon.function_words for w in lead):
            return None  # ``So as Obama gets to…``: a clause about the person, not the person introduced
        m = mentions[0]
        return ((m.start, m.end), None, text[m.start : m.end], m.person, self.people.people[m.person].name)

    def _issues_a_text(self, cue: re.Match[str]) -> bool:
        """Is the cue about a written text (``issued a statement``, ``said in a statement``, ``tweeted``)?"""
        words = (cue.group(0) + " " + self.text[cue.end() : cue.end() + 25]).lower()
        return any(noun in words for noun in _TEXT_NOUNS)

    def _colon_subject(self, start: int, colon_end: int):
        """``President Obama is rolling out a new message: “…”``: the subject of the clause before a colon;
        or the label the colon closes (``…, writes economist Jane Doe:``, ``– Pew Research:``, ``From the report:``)."""
        text = self.text
        colon = colon_end - 1
        while colon > start and text[colon] != ":":
            colon -= 1
        label = self._label(start, colon)
        if label is not None:
            return label
        clause = max(start, text.rfind(",", start, colon_end) + 1, text.rfind(";", start, colon_end) + 1)
        first = text[clause:colon_end].split()[:1]
        if first and first[0][:1].islower() and first[0].lower() not in _DET_WORDS and first[0].lower() not in PRONOUNS:
            # ``Jane Doe, R-Ky., delivered a message to Reed:``: the comma closed an apposition, and
            # the clause after it has no subject of its own.
            clause = max(start, text.rfind(";", start, colon_end) + 1)
        while clause < colon and text[clause] in " \t":
            clause += 1
        own = _OWN_WORDS_RE.match(text, clause, colon)
        if own is not None and _OWN_WORDS_TAIL_RE.fullmatch(text, own.end(), colon):
            # ``His reply to critics:``, ``Her answer was blunt:``: the owner of the words speaks.
            got = self._resolve(own.start(), own.end(), None, None, colon)
            if got is not None and got[3] is not None:
                return got
        return self._clause_subject(clause, colon_end)

    def _label(self, start: int, colon: int):
        """The source a colon closes: a person named right before it, or a name after a dash or ``From``."""
        text = self.text
        end = colon
        while end > start and text[end - 1] in " \t":
            end -= 1
        mentions = self.people.mentions_in(max(start, end - 60), end)
        if mentions and mentions[-1].end == end and not mentions[-1].possessive and not self._object_of_preposition(mentions[-1].start):
            m = mentions[-1]
            return self._resolve(m.start, m.end, None, None, colon)
        for mention in reversed(mentions):
            # ``Jane Doe, Harbour Gazette:``: a name, then the outlet or body it speaks for.
            if not mention.possessive and _AFFILIATION_RE.fullmatch(text, mention.end, end):
                return self._resolve(mention.start, mention.end, None, None, colon)
            break
        m = _LABEL_RE.search(text, max(start, end - 80), end)
        if m is not None:
            s, e = self._trim_np(m.start("np"), m.end("np"))
            if e > s and self._plausible_np(text[s:e], s, e):
                return self._resolve(s, e, None, None, colon)
        return None

    def _sentence_start(self, pos: int) -> int:
        starts = self.sentence_starts
        i = bisect_right(starts, pos) - 1
        return starts[i] if i >= 0 else 0

    def _signature(self, quote_end: int, unit_end: int):
        """A paragraph of quotation signed on the next line: ``“…”`` ¶ ``– Jane Doe, in a speech``."""
        text = self.text
        if text[quote_end:unit_end].strip(" .,;)]"):
            return None
        m = _SIGNATURE_RE.match(text, unit_end)
        if m is None:
            return None
        s, e = self._trim_np(m.start("np"), m.end("np"))
        if e > s and self._plausible_np(text[s:e], s, e):
            return self._resolve(s, e, None, None, quote_end)
        return None

    def _clause_subject(self, start: int, end: int):
        """The subject of the clause between ``start`` and ``end``: the first pronoun or person named
        (not as a possessive), or a described source that opens the clause (``A White House official
        who spoke anonymously``, ``The Clinton campaign, in a Q&A,``), whichever comes first."""
        opener = _SUBORDINATE_OPENER_RE.match(self.text, start, end)
        if opener is not None:
            start = opener.end()  # ``After she left, Carl Ames said``: the main clause holds the subject
            main = None
            for main in _MAIN_PRONOUN_RE.finditer(self.text, start, end):
                pass
            if main is not None:
                # ``When Tom Reed, Pike’s aide was asked if Pike would run, he laughed and said``: the
                # subordinate clause ran past its first comma; the pronoun after the last one opens the main clause.
                start = main.start("pronoun")
        pronoun = _SUBJECT_PRONOUN_RE.search(self.text, start, end)
        mentions = [m for m in self.people.mentions_in(start, end) if not m.possessive]
        # ``In an interview with journalist Tom Reed, Lazar said``: a person after a preposition is not the subject.
        mention = next((m for m in mentions if _subject_like(self.text, m.start)), mentions[0] if mentions else None)
        described = self._described_subject(start, end)
        candidates = []
        if mention is not None:
            candidates.append((mention.start, mention.end))
        if pronoun is not None:
            candidates.append((pronoun.start(), pronoun.end()))
        if described is not None:
            candidates.append(described)
        if not candidates:
            return None
        s, e = min(candidates)
        return self._resolve(s, e, None, None, end)

    def _described_subject(self, start: int, end: int) -> tuple[int, int] | None:
        """A determiner phrase headed by a source noun or a title, opening the clause or following
        one leading adverbial (``On Friday, the agency …``)."""
        text = self.text
        pos = start
        while pos < end and text[pos] in " \t\u00a0":
            pos += 1
        focus = _FOCUS_RE.match(text, pos, end)
        if focus is not None:
            pos = focus.end()  # ``Even a top strategist said``
        found = self._headed_phrase(pos, end)
        if found is None:
            comma = text.find(",", pos, min(end, pos + 60))
            if comma != -1:
                after = comma + 1
                while after < end and text[after] in " \t\u00a0":
                    after += 1
                found = self._headed_phrase(after, end)
        if found is None:
            found = self._named_subject(pos, end)
        return found

    def _named_subject(self, pos: int, end: int) -> tuple[int, int] | None:
        """``Bryne went on to say``: capitalised words opening the clause, followed by a verb, that are a
        name the text never introduced (not an ordinary word, a place, a date or an -ing form)."""
        named = _NAMED_SUBJECT_RE.match(self.text, pos, end)
        if named is None:
            return None
        lex = self.lexicon
        for word in named.group("name").split():
            low = word.lower()
            if (
                low in lex.function_words or low in lex.places or low in lex.common_words or low in _MONTHS_AND_DAYS
                or low in _NON_OPENERS or low in _PREPOSITIONS or low in _TIME_WORDS or low.endswith("ing")
                or self._written_in_lower_case(low)
            ):
                return None  # ``Speaking``, ``Outside``, ``Minutes``: an ordinary word in capitals
        return named.start("name"), named.end("name")

    def _written_in_lower_case(self, low: str) -> bool:
        """Does the text write this word in lower case anywhere? A search of the whole text, so
        the answer is kept for the next clause that opens on the same word."""
        known = self.lower_case_words.get(low)
        if known is None:
            known = self.lower_case_words[low] = (
                re.search(rf"(?<![\w’'])(?:{re.escape(low)})(?![\w’'])", self.text) is not None
            )
        return known

    def _headed_phrase(self, pos: int, end: int) -> tuple[int, int] | None:
        text = self.text
        m = _DET_START_RE.match(text, pos, end)
        if m is None:
            bare = _BARE_PLURAL_RE.match(text, pos, end)  # ``Protesters``, ``Officials``: a group, no article
            plural = bare is not None and bare.group(0).lower() != _singular(bare.group(0).lower())
            if plural and (self._source_head(bare.group(0).lower()) or bare.group(0) == "Others"):
                return bare.start(), bare.end()
            described = _ADJECTIVE_PLURAL_RE.match(text, pos, end)  # ``Small groups of protesters``, ``Angry residents``
            if described is not None and described.group("adj").lower() in self.lexicon.function_words:
                described = None
            if described is not None and self._source_head(described.group("noun")):
                if described.group("of") and self._source_head(described.group("of")):
                    return described.start(), described.end("of")
                return described.start(), described.end("noun")
            return None
        words = list(re.finditer(r"[\w’'\-.&]+|,", text[m.end() : min(end, m.end() + 80)]))[:7]
        last = None
        for i, w in enumerate(words):
            word = w.group(0)
            low = word.lower().strip(".")
            if word == "," or low in _NP_STOP and not (low == "of" and i + 1 < len(words) and words[i + 1].group(0)[:1].isupper()):
                break
            counted = any(c.isdigit() for c in m.group("det")) or m.group("det").lower().endswith("of")
            if self._source_head(low) or (word[:1].isupper() and low not in self.lexicon.function_words):
                last = w
            elif counted and i == 0 and low.endswith("s") and low.isalpha():
                last = w  # ``about 50 dockworkers``: a counted group of people
        if last is None:
            return None
        return m.start("det"), m.end() + last.end()

    def _sentence_end(self, pos: int, unit_end: int) -> int:
        """Where the sentence after offset ``pos`` ends (the next sentence start, or the unit end)."""
        starts = self.sentence_starts
        i = bisect_right(starts, pos)
        # A quote that ends its own sentence (``?”``, ``!”``) is still followed by its attribution.
        if i < len(starts) and not self.text[pos : starts[i]].strip():
            i += 1
        if i < len(starts) and starts[i] < unit_end:
            return starts[i]
        return unit_end

    def _introduces_quote(self, cue: tuple[int, int] | None, quote_start: int) -> bool:
        """Is the quote the object of its speech cue (``declared “…!”``, ``said, “…,”``), not of a naming verb?"""
        if cue is None or cue[1] > quote_start or self.text[cue[1] : quote_start].strip(" \t,:–—"):
            return False
        word = self.text[cue[0] : cue[1]].lower()
        if word in _LISTENER_CUES and not self.text[cue[1] : quote_start].strip():
            return False  # ``told “Fox News Sunday,”``: who was told, not what
        return word not in _NAMING_CUES

    def _kind(
        self, quote: FoundQuote, unit_start: int, sentence_start: int, has_speaker: bool, cue_follows: bool,
        introduced: bool = False,
    ) -> str:
        """direct, partial or scare, from where the quote stands and what it holds."""
        text = self.text
        if quote.start > unit_start and text[quote.start - 1] == "=":
            return "scare"  # ``<tweet id="6721…" author="@AP">``: a markup attribute's value, never speech
        inner = _inner(text, quote)
        words = inner.split()
        i = quote.start
        while i > unit_start and (text[i - 1] in " \t" or text[i - 1] in INVISIBLE or (text[i - 1] in _BULLETS and i - 1 == unit_start)):
            i -= 1  # ``• “We're ready,” said Singh``: a list marker opens the item, not a sentence before the quote
        boundary = quote.continuation or i <= max(unit_start, sentence_start) or text[i - 1] in ":,–—―-(" 
        first = inner.lstrip(" .…\"'‘“")[:1]
        sentence_like = first.isupper() or first.isdigit() or (inner.rstrip()[-1:] in ",.!?…" and len(words) > 3)
        # “It’s Our Time.” on its own, or “Here Comes The Ferry,” she said: spoken, not a title
        utterance = (boundary and (inner.rstrip()[-1:] in ".!?" or cue_follows)) or introduced
        if _title_like(words) and not utterance:
            return "scare"  # a programme, book or headline title: on “Fox News Sunday,” headlined ‘All Bets Are Off.’
        if not introduced and _modifies_noun(text, quote, unit_start, words):
            return "scare"
        if (boundary or introduced) and sentence_like:
            return "direct"  # ``she declared “What a night!”``: spoken words straight after the cue
        if not has_speaker and len(words) <= 4:
            return "scare"
        if len(words) <= 2 and not boundary and not introduced and not cue_follows and _SO_CALLED_RE.search(text, max(unit_start, quote.start - 40), quote.start):
            return "scare"  # ``the so-called “rebels”``: a term held at a distance, whoever speaks in the sentence
        return "partial"

    # -- after the quote ------------------------------------------------------------------------

    def _after(self, pos: int, limit: int):
        text = self.text
        limit = min(limit, pos + 280)
        closes = _ends_clause(text, pos, limit)
        # Both cue patterns need a cue in the window: one search for the cue alone settles most quotes
        # (a new sentence follows) faster than either pattern fails.
        has_cue = self.cue_re.search(text, pos, limit) is not None
        m = self.after_subject_re.match(text, pos, limit) if has_cue else None
        if m and not closes and not (m.group("np").lower() in PRONOUNS or m.group("np")[:1].isupper()):
            m = None  # ‘political settlement’ in Ukraine, came after…: inside a clause, not before its cue
        if m and self.cue_re.match(m.group("np")) is not None:
            m = None  # ``said Guardian, who declined to say``: an inverted cue, read below
        if m and (m.group("np").split()[0].lower() in _CLAUSE_OPENERS or m.group("np").split()[0].lower() in _PREPOSITIONS):
            m = None  # ``“…,” when Pike blasted him``: a clause of its own, not the quote's attribution
        if m and m.group("np") in _CAPITAL_PRONOUNS and _ends_sentence_inside(text, pos) and _cue_takes_object(text, m.end("cue")):
            return None  # ``“…state.” She noted a rally…``: a new sentence, not this quote's attribution
        if m and m.group("affil") and not self.people.mentions_in(m.start("np"), m.end("np")):
            named = [x for x in self.people.mentions_in(m.start("affil"), m.end("affil")) if not x.possessive]
            if named:  # ``President of the Harbour Board Tom Reed said``: a title with its body, then the name
                return self._resolve(named[-1].start, named[-1].end, m.start("cue"), m.end("cue"), pos)
        if m and self._plausible_np(m.group("np"), m.start("np"), m.end("np")):
            appositive = self._person_in_appositive(m)
            if appositive is not None:
                # ``Sanders's campaign manager, Jeff Weaver, said``: the name in the apposition spoke.
                return self._resolve(appositive.start, appositive.end, m.start("cue"), m.end("cue"), pos)
            end = self._coordinate_adjectives(m.start("np"), m.end("np"), m.start("cue"))
            return self._resolve(m.start("np"), end, m.start("cue"), m.end("cue"), pos)
        m = self.after_cue_re.match(text, pos, limit) if closes and has_cue else None
        if m and _is_gerund(m.group("cue").lower()):
            m = None  # ``defended “home values,” saying the city embodied…``: what follows is what was said
        if m:
            start, end = self._trim_np(m.start("np"), m.end("np"))
            end = self._name_after_modifiers(end, limit)
            if end > start:
                named = self._named_apposition(start, end, limit)
                if named is not None:
                    # ``said his lawyer, Rhonda Tulk.``: the name the description is set beside spoke.
                    return self._resolve(named.start, named.end, m.start("cue"), m.end("cue"), pos)
                return self._resolve(start, end, m.start("cue"), m.end("cue"), pos)
        m = _IN_WORDS_AFTER_RE.match(text, pos, limit)
        if m is not None:
            return self._resolve(m.start("np"), m.end("np"), m.start("cue"), m.end("cue"), pos)  # ``“…”, in Bolton’s view.``
        m = self.after_dash_re.match(text, pos, limit)
        if m and (self.people.mentions_in(m.start("np"), m.end("np")) or 2 <= len(m.group("np").split()) <= 5):
            return self._resolve(m.start("np"), m.end("np"), None, None, pos)
        return None

    def _named_apposition(self, start: int, end: int, limit: int):
        """The person named right after a description, set off by a comma and closing the clause
        (``his lawyer, Rhonda Tulk.``, ``the city's solicitor, Dennis Hall, who…``), if any."""
        text = self.text
        first = text[start:end].split()[0].lower()
        if first not in _DET_WORDS or self.people.mentions_in(start, end):
            return None
        comma = _APPOSITION_COMMA_RE.match(text, end, limit)
        if comma is None:
            return None
        named = self.people.mentions_in(comma.end(), min(limit, comma.end() + 80))
        if not named or named[0].start != comma.end() or named[0].possessive:
            return None
        after = text[named[0].end : named[0].end + 1]
        return named[0] if after in ("", ".", ",", ";", "\n") else None

    def _named_before_long_apposition(self, pos: int, limit: int):
        """``“…,” Texas delegate Bill Eastland, wearing a hat and “Ted Cruz” pins, said``: a person named
        right after the quote, then an apposition the patterns cannot read (it quotes), then the cue."""
        text = self.text
        mentions = self.people.mentions_in(pos, min(limit, pos + 50))
        if not mentions or mentions[0].possessive or text[mentions[0].end : mentions[0].end + 1] != ",":
            return None
        m = mentions[0]
        if len(text[pos : m.start].strip(" ,–—").split()) > 3:
            return None  # more than a title or two between the quote and the name
        cue = next(
            (c for c in _APPOSITION_CUE_RE.finditer(text, m.end, limit)
             if self.cue_re.fullmatch(c.group("cue")) is not None and not _is_gerund(c.group("cue"))),
            None,
        )
        if cue is None or re.search(r"[.!?](?:\s|$)", text[m.end : cue.start()]):
            return None
        return self._resolve(m.start, m.end, cue.start("cue"), cue.end("cue"), pos)

    def _opens_appositive(self, appos_start: int, mention) -> bool:
        """Does the apposition name this person at its start (``, deputy mayor Jane Doe,``), rather than
        mention them inside a description (``, angry at Clinton,``)?"""
        between = self.text[appos_start : mention.start]
        words = between.replace(",", " ").split()
        if mention.possessive or any(w.lower() in _PREPOSITIONS or w.lower() in _SUBORDINATORS for w in words):
            return False  # ``, angry at Clinton,``: a description that mentions someone else
        last = words[-1] if words else ""
        return not words or between.rstrip().endswith(",") or last[:1].isupper() or self._source_head(last.lower())

    def _person_in_appositive(self, m: re.Match[str]):
        """The person named in the apposition when the phrase before it names nobody but a possessor."""
        if not m.group("appos"):
            return None
        np_people = [
            x for x in self.people.mentions_in(m.start("np"), m.end("np"))
            if not x.possessive and not self._speaks_for(m.start("np"), m.end("np"), x)
        ]  # ``a lawyer for Tom Reed, Ana Pike, said``: the apposition names who spoke
        if np_people or m.group("np").lower() in PRONOUNS:
            return None
        first_appos = m.start("appos"), m.start("appos") + 1 + len(m.group("appos")[1:].split(",", 1)[0])
        found = [x for x in self.people.mentions_in(*first_appos) if self._opens_appositive(m.start("appos"), x)]
        return found[0] if found else None

    def _name_after_modifiers(self, end: int, limit: int) -> int:
        """``said Oilers head coach Ken Hitchcock``: a team, place or title before the name belongs to the
        phrase, and the person named at its end is who spoke."""
        text = self.text
        for mention in self.people.mentions_in(end, min(limit, end + 60)):
            between = text[end : mention.start]
            words = between.split()
            closes = text[mention.end : mention.end + 1] in ("", ".", ",", ";", "\n")
            if not mention.possessive and _MODIFIER_WORDS_RE.fullmatch(between) and all(
                w[:1].isupper() or w.lower() in _ROLE_MODIFIERS or self._source_head(w.lower())
                # ``said Environment Canada senior climatologist Dave Phillips.``: an occupation noun
                # right before a name that closes the clause
                or (i == len(words) - 1 and closes and _OCCUPATION_RE.fullmatch(w) is not None)
                # ``said Québec solidaire co-spokesperson Manon Massé``: a party's name written in lower
                # case after its first word, then a role, then the name that closes the clause
                or (i == 0 and closes and len(words) > 1 and self._lower_case_name_word(w))
                for i, w in enumerate(words)
            ):
                return mention.end
            break
        return end

    def _lower_case_name_word(self, word: str) -> bool:
        """``solidaire``, ``québécois``: a word of a body's name that its owners write in lower case; no
        English word a clause could go on with (``said Smith told``, ``said Reed on``)."""
        lexicon = self.lexicon
        return (
            word.isalpha()
            and word.islower()
            and word not in lexicon.common_words
            and word not in lexicon.function_words
            and word not in _NON_OPENERS
            and self.cue_re.fullmatch(word) is None
        )

    def _coordinate_adjectives(self, start: int, end: int, cue_start: int) -> int:
        """``the lanky, bespectacled professor said``: the comma joins adjectives, so the phrase runs on
        to its head noun instead of stopping at ``the lanky``."""
        text = self.text
        if text[start : end].split()[0].lower() not in _DET_WORDS or self._source_head(text[start:end].split()[-1].lower()):
            return end
        m = _ADJECTIVE_TAIL_RE.match(text, end, cue_start)
        if m is None or not self._source_head(m.group("head").lower()):
            return end
        return m.end("head")

    def _sentence_final(self, pos: int, limit: int):
        """``“…” to drive up the price, she said.``: an attribution closing the quote's sentence."""
        end = min(limit, pos + 250)
        m = self.final_re.search(self.text, pos, end)
        if m is None or re.search(r"[.!?](?:\s|$)", self.text[pos : m.start()]):
            return None
        return self._resolve(m.start("np"), m.end("np"), m.start("cue"), m.end("cue"), pos)

    def _plausible_np(self, np: str, start: int, end: int) -> bool:
        """Could these words be who spoke? A person, a pronoun, a titled or determined noun phrase."""
        words = np.split()
        if not words:
            return False
        if self.people.mentions_in(start, end):
            return True
        if words[0].lower() in PRONOUNS:
            return len(words) == 1
        if len(words) == 1 and words[0].lower() in _QUANTIFIER_SPEAKERS:
            return True  # ``“…,” one said``: one of the people just described
        last = words[-1].strip("’'.,").lower()
        if words[0].lower() in _DET_WORDS and len(words) > 1:
            if any(w.lower() in _FINITE_VERBS for w in words[1:]):
                return False  # ``the talks are private``: a clause, not a noun phrase
            head = words[-1]
            for i, word in enumerate(words[1:], 1):
                if word.lower() in ("of", "in", "at", "from", "for", "with", "on"):
                    head = words[i - 1]  # the head of ``the mother of three`` is ``mother``
                    break
            head = head.strip("’'.,").lower()
            if head in _COUNTING_WORDS and len(words) > 2 and words[1].lower() == "of":
                head = words[-1].strip("’'.,").lower()  # ``one of her ads``: the group counted from
            if _AGE_NOUN_RE.fullmatch(head):
                return True  # ``the 54-year-old``
            return head.isalpha() and (self._source_head(head) or head not in self.lexicon.function_words)
        if np[0].isupper() and words[0].lower() not in _DET_WORDS:
            if self._source_head(last):
                return True
            return all(w[0].isupper() or w.lower() in _PARTICLE_WORDS or w.startswith("(") for w in words)
        return self._source_head(last) or words[-1][0].isupper()

    def _source_head(self, word: str) -> bool:
        """A title or a source noun, singular or plural (``prosecutors``, ``officials``, ``the report``)."""
        titles, sources = self.lexicon.titles, source_nouns()
        base = _singular(word)
        return word in titles or word in sources or base in titles or base in sources

    def _trim_np(self, start: int, end: int) -> tuple[int, int]:
        """Cut an inverted noun phrase (``said the official in a statement``) at its first stop word."""
        text = self.text
        cut = end
        for m in re.finditer(r"[^\s,;:.]+|[,;:]|\.(?=\s|$)", text[start:end]):
            word = m.group(0)
            if word == "." and _is_abbreviation(text, start + m.start(), start):
                continue
            if word in ",;:." or word.lower() in _NP_STOP:
                if word[:1].isupper() and text[start : start + m.start()].strip().lower() in _DET_WORDS:
                    continue  # ``a Wednesday editorial``: a day that modifies the noun after it
                cut = start + m.start()
                break
        while cut > start and text[cut - 1] in " ,":
            cut -= 1
        return start, cut

    # -- before the quote -----------------------------------------------------------------------

    def _before(self, start: int, end: int, previous, unit_index: int):
        text = self.text
        if end <= start:
            return None
        window = max(start, end - 80)
        # ``in Forbes’ words`` holds an apostrophe: most windows have none, and the search is skipped.
        has_apostrophe = text.find("’", window, end) >= 0 or text.find("'", window, end) >= 0
        words = _IN_WORDS_BEFORE_RE.search(text, window, end) if has_apostrophe else None
        if words is not None:  # ``because, in Forbes’ words, “…”``
            return self._resolve(words.start("np"), words.end("np"), words.start("cue"), words.end("cue"), end)
        last = None
        for m in self.cue_re.finditer(text, start, end):
            last = m
        if last is None:
            return None
        cue_word = last.group(0).lower()
        if cue_word.startswith("according"):
            m = self.inverted_re.match(text, last.end(), end) or re.compile(rf"[^\S\n]+(?P<np>{_NAME})").match(text, last.end(), end)
            if m:
                s, e = self._trim_np(m.start("np"), m.end("np"))
                return self._resolve(s, e, last.start(), last.end(), end)
            return None
        agent = _PASSIVE_AGENT_RE.search(text, start, end)
        if agent is not None and _APPOSITION_TO_QUOTE_RE.fullmatch(text, agent.end("np"), end):
            # ``Reed was asked by host Bill Moran, who has dismissed the story, “…”``: the agent asked it,
            # whatever cue the apposition after the name holds.
            s, e = self._trim_np(agent.start("np"), agent.end("np"))
            if not self.people.mentions_in(s, e):
                e = self._name_after_modifiers(e, end)
            if e > s and self._plausible_np(text[s:e], s, e):
                return self._resolve(s, e, agent.start("cue"), agent.end("cue"), end)
        if _PASSIVE_BEFORE_RE.search(text, max(start, last.start() - 20), last.start()):
            # ``Reed was asked by host Bill Moran, “…”``: the agent spoke; without one, nobody named did.
            agent = _AGENT_RE.match(text, last.end(), end)
            if agent is not None:
                s, e = self._trim_np(agent.start("np"), agent.end("np"))
                if not self.people.mentions_in(s, e):
                    e = self._name_after_modifiers(e, end)  # ``by host Bill Moran``
                if e > s and self._plausible_np(text[s:e], s, e):
                    return self._resolve(s, e, last.start(), last.end(), end)
                return None
            if cue_word in _LISTENER_CUES or cue_word == "asked":
                return None
        gerund = _is_gerund(cue_word)
        if gerund:
            doer = _WITH_DOER_RE.search(text, max(start, last.start() - 90), last.start())
            if doer is not None:
                # ``with many marchers chanting “…”``, ``with one of her ads asking, “…”``: the phrase after ``with``.
                s, e = self._phrase_head(doer.start("np"), doer.end("np"))
                if self._plausible_np(text[s:e], s, e):
                    got = self._resolve(s, e, last.start(), last.end(), end)
                    if got is not None:
                        return got
        if gerund:
            # ``Nefzi said, adding, “…”`` / ``“…,” she said, adding: “…”``: the attribution just before
            # the gerund; else the clause's subject; else the speaker of the quote before.
            near = self._before(max(start, last.start() - 120), last.start(), None, unit_index)
            if (
                near is not None
                and near[1] is not None
                and not text[near[1][1] : last.start()].strip(" ,;–—\t").split()[3:]
                and not self._cue_is_noun(near[1][0])
            ):
                return near
            subject = self._clause_subject(start, last.start())
            if subject is not None:
                return (subject[0], (last.start(), last.end()), subject[2], subject[3], subject[4])
            if previous is not None and previous[2] == unit_index and previous[1].speaker:
                prev = previous[1]
                return (prev.mention, (last.start(), last.end()), None, prev.person, prev.speaker)
        if (
            gerund
            or _COORDINATED_RE.search(text, max(start, last.start() - 30), last.start())
            or _CHAINED_RE.search(text, max(start, last.start() - 30), last.start())
        ):
            # ``…, saying:`` / ``… and repeatedly says``: the speaker is the clause's subject.
            subject = self._clause_subject(start, last.start())
            if subject is not None:
                return (subject[0], (last.start(), last.end()), subject[2], subject[3], subject[4])
        m = _PRONOUN_BEFORE_RE.search(text, max(start, last.start() - 40), last.start())
        if m is None:
            m = _subject_search(self.subject_re, text, max(start, last.start() - 200), last.start())
        if m and self._plausible_np(m.group("np"), m.start("np"), m.end("np")):
            np_start, np_end = m.start("np"), m.end("np")
            if m.re is self.subject_re and m.group("appos"):
                appos_people = [
                    x for x in self.people.mentions_in(m.start("appos"), m.end("appos")) if self._opens_appositive(m.start("appos"), x)
                ]
                np_people = self.people.mentions_in(np_start, np_end)
                if appos_people and not np_people:
                    np_start, np_end = appos_people[-1].start, appos_people[-1].end
            if (
                m.re is self.subject_re
                and self._object_of_preposition(np_start)
                and (np_start, np_end) == (m.start("np"), m.end("np"))
                and not self.people.mentions_in(np_start, np_end)
            ):
                # ``Posters on the bridge read:``: the phrase before the verb is the object of a
                # preposition; the one who speaks is what the preposition modifies, from the
                # clause's start — or nobody, when that is no noun phrase.
                clause = max(start, text.rfind(",", start, np_start) + 1, text.rfind(";", start, np_start) + 1)
                while clause < np_start and text[clause] in " \t\u00a0":
                    clause += 1
                head = self._speaker_span(clause, np_end)
                if head is not None:
                    head = self._phrase_head(*head)  # ``Protesters marching through the streets`` → ``Protesters``
                if head is None or head[0] == np_start or not self._plausible_np(text[head[0] : head[1]], *head):
                    return None
                np_start, np_end = head
            return self._resolve(np_start, np_end, last.start(), last.end(), end)
        m = self.inverted_re.match(text, last.end(), end)
        if m is None and cue_word not in _LISTENER_CUES:
            # ``Said Dora Platt, who grew up with her, “…”``: the name after the cue, then its apposition.
            m = _INVERTED_APPOSITION_RE.match(text, last.end(), end)
        if cue_word not in _LISTENER_CUES and m and text[last.end() : end].rstrip().endswith((":", ",")):
            s, e = self._trim_np(m.start("np"), m.end("np"))
            if e > s and self._plausible_np(text[s:e], s, e):
                return self._resolve(s, e, last.start(), last.end(), end)
        if gerund:
            return self._before(start, last.start(), None, unit_index)
        if cue_word not in _LISTENER_CUES and _introduces(text, last.end(), end):
            # ``A White House official who spoke anonymously … said Wednesday, “…”``: the subject
            # is too far from its verb for the patterns above, but the clause still has one.
            subject = self._clause_subject(start, last.start())
            if subject is not None:
                return (subject[0], (last.start(), last.end()), subject[2], subject[3], subject[4])
        return None

    def _phrase_head(self, start: int, end: int) -> tuple[int, int]:
        """A speaker phrase cut before the participle or preposition that starts its modifier."""
        for m in re.finditer(r"[^\s]+", self.text[start:end]):
            word = m.group(0).lower().strip(",")
            if word == "of" and self.text[start : start + m.start()].split()[-1].lower() in _COUNTING_WORDS:
                continue  # ``one of her ads``, ``dozens of supporters``
            if m.start() > 0 and (word in _PREPOSITIONS or (word.endswith("ing") and word.isalpha() and len(word) > 4)):
                cut = start + m.start()
                while cut > start and self.text[cut - 1] in " \t,":
                    cut -= 1
                return start, cut
        return start, end

    def _cue_is_noun(self, cue_start: int) -> bool:
        """``Reed’s comments``, ``the statement``: a cue word used as a noun, after a possessive or determiner."""
        before = _WORD_BEFORE_RE.search(self.text, max(0, cue_start - 30), cue_start)
        if before is None:
            return False
        word = before.group(1)
        return word.lower() in _ARTICLES or word.endswith(("’s", "'s", "s’", "s'"))

    def _object_of_preposition(self, np_start: int) -> bool:
        """Whether the words at ``np_start`` follow a preposition (``on the bridge``, ``in the crowd``)."""
        before = _WORD_BEFORE_RE.search(self.text, max(0, np_start - 30), np_start)
        return before is not None and before.group(1).lower() in _PREPOSITIONS_BUT_AS

    # -- from words to a speaker ----------------------------------------------------------------

    def _resolve(self, start: int, end: int, cue_start: int | None, cue_end: int | None, anchor: int):
        text = self.text
        while end > start and text[end - 1] in " ,;:":
            end -= 1
        np = text[start:end]
        cue = (cue_start, cue_end) if cue_start is not None else None
        mentions = self.people.mentions_in(start, end)
        if mentions and not self._speaks_for(start, end, mentions[-1]):
            m = mentions[-1]
            person = self.people.people[m.person]
            return ((m.start, m.end), cue, np, m.person, person.name)
        low = np.lower()
        if low in PRONOUNS:
            person = self._resolve_pronoun(start, PRONOUNS[low]) if low in ("he", "she") else None
            name = self.people.people[person].name if person is not None else None
            if low == "it":
                name = self._antecedent_source(start)  # ``“…,” it said.`` after a paragraph about a company
            return ((start, end), cue, np, person, name)
        words = _OWN_WORDS_RE.fullmatch(np)
        if words is not None:
            # ``Her message to other parents: “…”``, ``His reply was blunt``: the words are the owner's.
            person = self._resolve_pronoun(start, PRONOUNS["he" if words.group("owner").lower() == "his" else "she"])
            if person is not None:
                return ((start, end), cue, np, person, self.people.people[person].name)
        span = self._speaker_span(start, end)
        if span is None:
            return None  # a date, a place or a fragment of the sentence: no speaker beats a wrong one
        start, end = span
        np = text[start:end]
        person = self._resolve_description(start, np)
        if person is not None:
            return ((start, end), cue, np, person, self.people.people[person].name)
        source = self._resolve_source_description(start, np)
        if source is not None:
            return ((start, end), cue, np, source[0], source[1])
        return ((start, end), cue, np, None, _as_written(np))

    def _resolve_source_description(self, start: int, np: str) -> tuple[int | None, str] | None:
        """``the statement said``, ``the department said``: a definite description of a text or of a body
        that points back to the source just reported. A text resolves to whoever issued it (``GM Canada
        said in a statement…`` ¶ ``“…,” the statement said``), a body to the organisation that opens one of
        the last sentences (``Health Canada said in an email…`` ¶ ``“…,” the department said``)."""
        m = _SOURCE_DESCRIPTION_RE.fullmatch(np)
        if m is None:
            return None
        head = _singular(m.group("head").lower())
        if head in _TEXT_NOUNS and not self._resolving_source:
            self._resolving_source = True  # the issuer's own phrase is never resolved as a text again
            try:
                issuer = self._issuer(start, head)
            finally:
                self._resolving_source = False
            if issuer is not None:
                return issuer
        if head in _TEXT_NOUNS or head in _BODY_NOUNS:
            name = self._body_antecedent(start, head)
            if name is not None:
                return None, name
        elif head not in self.lexicon.titles and head not in self.lexicon.person_nouns:
            # ``the unit said`` after ``the Independent Investigation Unit of Manitoba``: any noun that
            # heads a body's name just given points back to it (but never to one that merely spoke).
            name = self._body_antecedent(start, head, named_only=True)
            if name is not None:
                return None, name
        return None

    def _role_holder(self, start: int, head: str) -> int | None:
        """The nearest person before ``start`` whose role has ``head`` or a word for the same office
        (``the judge`` → ``Justice …``)."""
        kin = self.lexicon.title_kin.get(head, frozenset((head,)))
        people = self.people
        i = people.mentions_before(start) - 1
        floor = start - _PRONOUN_LOOKBACK
        for _ in range(40):
            if i < 0 or people.mentions[i].start < floor:
                break
            role = people.people[people.mentions[i].person].role
            if role and not kin.isdisjoint(w.strip(".,") for w in role.lower().split()):
                return people.mentions[i].person
            i -= 1
        return None

    def _described_subject_person(self, after: int, pos: int, gender: str | None) -> tuple[int, int] | None:
        """``The minister rejected that. “…,” she said``: a sentence between ``after`` and ``pos`` that
        opens on a description by role makes the role's holder the likeliest he/she. (offset, person)"""
        starts = self.sentence_starts
        i = bisect_right(starts, pos - 1) - 1
        for j in range(i, max(-1, i - 2), -1):
            s = starts[j]
            if s <= after:
                break
            m = _DESCRIBED_SUBJECT_RE.match(self.text, s, pos)
            if m is None or m.group("head") not in self.lexicon.titles:
                continue
            person = self._role_holder(s, m.group("head"))
            if person is not None and _agrees(self.people.people[person].gender, gender):
                return s, person
        return None

    def _body_antecedent(self, pos: int, head: str, named_only: bool = False) -> str | None:
        """The named body a description points back to, in the last few sentences: the nearest whose name
        holds the head noun (``the union`` → ``the Canadian Union of Postal Workers``), else one that spoke
        in this sentence or the one before (``Health Canada said…`` → ``the department``; a text may
        reach further back to the body that put it out). Never a person or a generic phrase."""
        text = self.text
        starts = self.sentence_starts
        i = bisect_right(starts, pos) - 1
        if named_only and text.find(head.capitalize(), starts[max(0, i - 4)] if i >= 0 else 0, pos) == -1:
            return None  # no name in reach holds the noun (capitalised as in a name): nothing to scan
        speaking = None
        for j in range(i, max(-1, i - 5), -1):
            start = starts[j]
            if pos - start > _PRONOUN_LOOKBACK:
                break
            end = min(pos, starts[j + 1] if j + 1 < len(starts) else pos)
            chains = [
                m
                for m in _ORG_CHAIN_RE.finditer(text, start, end)
                if len(m.group(0).split()) > 1 or m.start() > start or self._one_word_name(m.group(0))
            ]
            for m in reversed(chains):
                words = re.sub(r"[’']s\Z", "", m.group(0)).split()
                if words[0] in ("The", "the"):
                    words = words[1:]
                if len(words) < 2 and (not words or words[0].lower() == head):
                    continue  # ``Union`` alone is the description again, not a name
                if len(words) > 2 and all(w.isupper() for w in words):
                    continue  # ``OLYMPIC TEAM REFUSES TO STAY``: a headline in capitals, not a name
                lows = [w.lower() for w in words]
                named = self.people.mentions_in(m.start(), m.end())
                if head in lows and not any(x.start <= m.start() + m.group(0).find(words[lows.index(head)]) < x.end for x in named):
                    return " ".join(words)  # a person's name inside a body's name does not make it a person
                if named:
                    continue
                if speaking is None and not named_only and (j >= i - 1 or head in _TEXT_NOUNS) and text[m.end() : m.end() + 1] == " " and self.cue_re.match(text, m.end() + 1, min(end, m.end() + 40)):
                    speaking = " ".join(words)
        return speaking

    def _one_word_name(self, word: str) -> bool:
        """``WestJet said…``: a sentence's first word is a body's name only when it is no ordinary word
        capitalised to open the sentence (``Officials``, ``Police``), nor a given name or surname."""
        low = re.sub(r"[’']s\Z", "", word).lower()
        lexicon = self.lexicon
        return not (
            low in lexicon.common_words
            or lexicon.is_non_name_word(low)
            or low in lexicon.census_surnames
            or lexicon.is_given_name(word)
            or low in PRONOUNS
        )

    def _issuer(self, pos: int, noun: str) -> tuple[int | None, str] | None:
        """Who issued the text ``noun`` names: the subject of the nearest earlier cue within a few
        sentences that mentions such a text (``X said in a statement``, ``In an email, X said``)."""
        text = self.text
        lo = max(0, pos - 1000)
        cues = list(self.cue_re.finditer(text, lo, pos))
        for cue in reversed(cues[-6:]):
            s = max(lo, self._sentence_start(cue.start()))
            if text[s : s + 1] in QUOTE_OPENERS or _inside_quote(text, s, cue.start()):
                continue  # a cue inside a quotation is not the report of the text
            around = text[max(s, cue.start() - 160) : min(pos, cue.end() + 30)].lower()
            if not any(re.search(rf"\b{re.escape(word)}s?\b", around) for word in _TEXT_KIN.get(noun, (noun,))):
                continue
            if cue.group(0).lower().startswith("according"):
                # ``…, according to a statement from the union``: the text's source follows it.
                by = re.compile(rf"(?i:a|an|the)[^\S\n]+(?:[\w\-]+[^\S\n]+){{0,2}}?{re.escape(noun)}s?[^\S\n]+(?:from|by)[^\S\n]+").match(text, cue.end() + 1, pos)
                np = _ISSUER_NP_RE.match(text, by.end(), pos) if by is not None else None
                got = self._resolve(*self._trim_np(np.start("np"), np.end("np")), cue.start(), cue.end(), pos) if np else None
            else:
                got = self._before(s, cue.end(), None, -1)
            if got is not None and got[4] and _SOURCE_DESCRIPTION_RE.fullmatch(got[4]) is None:
                return got[3], got[4]
        return None

    def _quoted(self, pos: int) -> bool:
        """Is ``pos`` inside a quotation met so far? (``“…that Professor Ford was not…,” she said``:
        the person the speaker talks about is not the ``she`` who says it.)"""
        k = bisect_right(self.quote_starts, pos) - 1
        return k >= 0 and pos < self.quote_ends[k]

    def _speaks_for(self, start: int, end: int, mention) -> bool:
        """Is the person named only as whom the speaker works for (``a spokesperson for Miller``,
        ``an aide to Miller``, ``Miller’s office``)? Then the phrase, not the person, spoke."""
        text = self.text
        if mention.possessive:
            rest = re.sub(r"\A(?:[’']s|[’'])", "", text[mention.end : end]).split()
            return bool(rest) and rest[0][:1].islower() and self._source_head(rest[-1].strip(".,’'").lower())
        m = _SPEAKS_FOR_RE.search(text, start, mention.start)
        return m is not None and self._source_head(m.group("head").lower())

    def _resolve_description(self, start: int, np: str) -> int | None:
        """``the 54-year-old added``, ``the senator said``: a definite description that points back to a
        person just mentioned — by age, to the nearest person; by title, to the nearest whose role has it."""
        m = _DESCRIPTION_RE.fullmatch(np)
        if m is None:
            return None
        head = m.group("head").lower()
        if _AGE_NOUN_RE.fullmatch(head):
            return self._resolve_pronoun(start, None)
        nouns = self.lexicon.person_nouns
        if head not in self.lexicon.titles and head not in nouns:
            return None
        holder = self._role_holder(start, head)
        if holder is not None:
            return holder
        people = self.people
        # No role holds the word (``the Oilers captain said`` after ``Connor McDavid scored…``, ``the mother
        # of three said`` after ``Leona Fisher's son…``): the person a pronoun would mean, if named in the
        # last paragraphs and given no other role.
        gender = nouns.get(head)
        person = self._resolve_pronoun(start, gender if gender in ("m", "f") else None, possessor=True)
        if person is None or people.people[person].role:
            return None
        k = people.mentions_before(start) - 1
        while k >= 0 and people.mentions[k].person != person and start - people.mentions[k].start <= _DESCRIBED_LOOKBACK:
            k -= 1
        return person if k >= 0 and start - people.mentions[k].start <= _DESCRIBED_LOOKBACK else None

    def _speaker_span(self, start: int, end: int) -> tuple[int, int] | None:
        """The words of a speaker phrase naming no known person, trimmed of what cannot belong to it
        (stray quote marks, a leading ``As``/``In``, a trailing ``of the``); None when what is left is
        not a source: a date or time, a place after a preposition, or a lone function word."""
        text = self.text
        if start > 0 and text[start - 1].isalnum() and text[start].isalnum():
            while start < end and not text[start].isspace():
                start += 1  # a search window that began inside a word (``Congressm|an``): drop the piece
        tokens = [(m.start(), m.end()) for m in re.finditer(r"[^\s\"“”‘]+", text[start:end])]
        tokens = [(start + a, start + b) for a, b in tokens]
        key = lambda t: text[t[0] : t[1]].strip(".,;:’'").lower()
        if tokens and key(tokens[0]) in _SUBORDINATORS and len(tokens) > 1:
            return None  # ``that once the Senate``: a clause, not a phrase
        if len(tokens) > 1 and key(tokens[0]) in _PREPOSITIONS_BUT_AS and not key(tokens[1])[:1].isdigit():
            return None  # ``In a statement to the Observer``: an adverbial, not who spoke
        while len(tokens) > 1 and key(tokens[0]) in _NON_OPENERS and not key(tokens[1])[:1].isdigit():
            tokens.pop(0)  # ``As Politico`` → ``Politico``; ``about 50 protesters`` stays whole
        while len(tokens) > 1 and (key(tokens[-1]) in _NON_OPENERS or key(tokens[-1]) in _ARTICLES):
            tokens.pop()
        if not tokens:
            return None
        words = [text[a:b].strip(".,;:’'") for a, b in tokens]
        lows = [w.lower() for w in words]
        first, last = lows[0], lows[-1]
        lex = self.lexicon
        if len(words) == 1:
            if first in _QUANTIFIER_SPEAKERS or first in PRONOUNS:
                pass
            elif first in _NON_OPENERS or first in _DET_WORDS or not words[0][:1].isalpha():
                return None  # ``When``, ``An``
            elif first in lex.function_words and not words[0][:1].isupper():
                return None
        if (last in _TIME_WORDS and words[-1].islower()) or last.isdigit() or (len(words) > 1 and last in _MONTHS_AND_DAYS) or last in _WEEKDAYS:
            return None  # ``this year``, ``the Nov. 8 election``, ``later Thursday``
        if any(w in _FINITE_VERBS or w in _REPORTING_FORMS for w in lows[1:]) or (len(lows) > 1 and first in _REPORTING_FORMS):
            return None  # ``a said he expected``: a clause, not a noun phrase
        content = [w for w in lows if w not in _DET_WORDS]
        if content and all(w in lex.places for w in content) and all(w.isupper() for w in words if len(w) > 1):
            return None  # ``WASHINGTON`` of a dateline: a place is not a speaker
        return tokens[0][0], tokens[-1][1]

    def _antecedent_source(self, pos: int) -> str | None:
        """What an ``it`` that speaks refers to: the organisation, document or body that opens one of the
        last few sentences (``Harbour Mills Inc. lost money…``, ``The report…``), as written."""
        text = self.text
        starts = self.sentence_starts
        i = bisect_right(starts, pos) - 1
        for j in range(i, max(-1, i - 4), -1):
            start = starts[j]
            if start >= pos or pos - start > _PRONOUN_LOOKBACK or text[start] in QUOTE_OPENERS:
                continue
            phrase = self._headed_phrase(start, min(pos, start + 120))
            if phrase is not None and not self.people.mentions_in(*phrase):
                words = text[phrase[0] : phrase[1]].split()
                if self._source_head(words[-1].lower()) and _singular(words[-1].lower()) in _INANIMATE_SOURCES | self.lexicon.org_words:
                    return _as_written(text[phrase[0] : phrase[1]])
            m = _ORG_CHAIN_RE.match(text, start, min(pos, start + 120))
            if m and not self.people.mentions_in(m.start(), m.end()):
                speaks = self.cue_re.match(text, m.end() + 1, min(pos, m.end() + 40)) is not None and text[m.end()] == " "
                if speaks or any(w.lower().strip(".,") in self.lexicon.org_words for w in m.group(0).split()):
                    return _as_written(m.group(0))  # ``Harbour Mills said…``, ``Harbour Mills Inc. lost…``
        return None

    def _resolve_pronoun(self, pos: int, gender: str | None, possessor: bool = False) -> int | None:
        """The person a he/she at ``pos`` most likely refers to (``possessor``: or a description does,
        which may point back to an owner, ``Leona Fisher's son…`` ¶ ``the mother of three said``)."""
        people = self.people
        floor = pos - _PRONOUN_LOOKBACK
        best: tuple[int, int] | None = None  # (offset, person)
        for offset, person in reversed(self.speaker_events[-12:]):
            if offset < pos and offset >= floor and _agrees(people.people[person].gender, gender):
                best = (offset, person)
                break
        fallback = None
        i = people.mentions_before(pos) - 1
        steps = 0
        while i >= 0 and steps < 40:
            m = people.mentions[i]
            if m.start < floor:
                break
            steps += 1
            if _agrees(people.people[m.person].gender, gender) and not self._quoted(m.start):
                if fallback is None and (possessor or not m.possessive):
                    fallback = m
                if (possessor or not m.possessive) and _subject_like(self.text, m.start) and not _in_relative_clause(self.text, m.start):
                    if best is None or m.start > best[0]:
                        best = (m.start, self._protagonist_over_passerby(m, i, gender, floor))
                    break
            i -= 1
        described = self._described_subject_person(best[0] if best is not None else floor, pos, gender)
        if described is not None:
            return described[1]
        if best is not None:
            return best[1]
        return fallback.person if fallback is not None else None


    def _protagonist_over_passerby(self, nearest, index: int, gender: str | None, floor: int) -> int:
        """``Poxleitner … thanked her husband. Rapper Kardinal Offishall presented the award. ¶ “…,” she
        said``: a he/she agrees with a person of unknown gender named only once just before, but the
        person the scene is about (named at least twice, of the pronoun's gender, the subject of an
        earlier sentence in reach) is the likelier speaker than a passer-by."""
        people = self.people
        if gender is None or people.people[nearest.person].gender is not None:
            return nearest.person
        mentions = people.mentions
        if any(s < nearest.start for s, _ in people.people[nearest.person].mentions):
            return nearest.person  # named before: a participant, not a passer-by
        text = self.text
        if _HONORIFIC_BEFORE_RE.search(text, max(0, nearest.start - 6), nearest.start):
            return nearest.person  # ``Mr. Schiff``: the gender is written beside the name
        if self.cue_re.search(text, nearest.end, self._sentence_end(nearest.end, len(text))):
            return nearest.person  # ``Mr. Schiff … said his panel would…``: a speaker in the scene
        for j in range(index - 1, max(-1, index - 12), -1):
            m = mentions[j]
            if m.start < floor:
                break
            if m.person == nearest.person or m.possessive or people.people[m.person].gender != gender:
                continue
            if self._quoted(m.start) or not _subject_like(self.text, m.start) or _in_relative_clause(self.text, m.start):
                continue
            if sum(1 for s, _ in people.people[m.person].mentions if s < nearest.start) >= 2:
                return m.person
            break
        return nearest.person


# A sentence after a quote that opens by pointing back at it: ``With those two words,``, ``With that,``,
# ``Those words were how``.
_POINTS_BACK_RE = re.compile(
    r"[^\S\n]+(?P<ptr>With[^\S\n]+(?:th(?:ose|ese|is|at)(?:[^\S\n]+(?:\w+[^\S\n]+)?(?:words?|remarks?|sentences?|message|statement|line))?)"
    r"[^\S\n]*,|Th(?:ose|ese|at|is)[^\S\n]+(?:\w+[^\S\n]+)?(?:words?|remarks?|sentences?|line)[^\S\n]+(?:were|was)[^\S\n]+how)[^\S\n]*"
)
_VERB_AFTER_NAME_RE = re.compile(r"[^\S\n]+(?:[a-z]+ly[^\S\n]+)?[a-z]+(?:ed|s|t)\b")
_HONORIFIC_BEFORE_RE = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Mme|M)\.?[^\S\n]+\Z")
_DET_WORDS = frozenset(_DET[4:-1].split("|"))
_FINITE_VERBS = frozenset(
    "is are was were be been being am has have had do does did will would can could should may might must not".split()
)
_LABEL_RE = re.compile(
    rf"(?:(?<=\s)[–—―-]+|\A[–—―-]+|\b[Ff]rom|\b[Mm]ore[^\S\n]+from)[^\S\n]+(?P<np>{_NAME}|{_DET}[^\S\n]+(?:{_WORDS}[^\S\n]+){{0,4}}?{_WORDS})[^\S\n]*\Z"
)
_SUBORDINATE_OPENER_RE = re.compile(
    r"[^\S\n]*(?:(?i:but|and|so|yet|then|even|just|only|almost|right|shortly|soon|[a-z]+ly)[^\S\n]+){0,3}"
    r"(?i:after|before|when|while|as|although|though|because|since|if|once|until|whenever|in|at|during|amid|despite|following)\b[^,\n“”\x22]{1,120},"
)
_PASSIVE_BEFORE_RE = re.compile(r"\b(?:was|were|is|are|been|being)[^\S\n]+(?:[a-z]+ly[^\S\n]+)?\Z")
_AGENT_RE = re.compile(rf"[^\S\n]+(?:[a-z]+[^\S\n]+){{0,3}}?by[^\S\n]+(?P<np>{_PREFIXED_NAME}|{_DET}[^\S\n]+(?:{_WORDS}[^\S\n]+){{0,4}}?{_WORDS})")
_WITH_DOER_RE = re.compile(
    rf"\bwith[^\S\n]+(?P<np>(?:{_DET}|many|some|dozens[^\S\n]+of|hundreds[^\S\n]+of|thousands[^\S\n]+of)[^\S\n]+[^,;:.\n“”\x22]{{1,60}}?"
    rf"|{_NAME})[^\S\n]*\Z"  # ``with Reed saying``: a name as the doer too
)
_COUNTING_WORDS = frozenset("one two three some many several each none most all both either neither dozens hundreds thousands scores".split())
_FOCUS_RE = re.compile(r"(?i:even|also|only|just|now|yet|and|but)[^\S\n]+")
# ``in Bolton’s view``, ``in Forbes’ words``: whose words or view the quote gives.
_IN_WORDS = rf"\b[Ii]n[^\S\n]+(?P<np>{_NAME})(?:[’']s|[’'])[^\S\n]+(?:own[^\S\n]+)?(?P<cue>words|view|telling|estimation|phrase)\b"
_IN_WORDS_AFTER_RE = re.compile(rf"[^\S\n]*,?[^\S\n]*{_IN_WORDS}[^\S\n]*[.,;]")
_IN_WORDS_BEFORE_RE = re.compile(rf"{_IN_WORDS}[^\S\n]*[,:]?[^\S\n]*\Z")
# ``"RAMOS: Secretary…``: an upper-case speaker label opening a quoted transcript line.
_SPEAKER_LABEL_RE = re.compile(r"[^\S\n]*(?P<label>[A-Z][A-Z’'\-]+(?:[^\S\n]+[A-Z][A-Z’'\-]+){0,2}):[^\S\n]")
_NOT_SPEAKER_LABELS = frozenset("UPDATE CORRECTION VIDEO EXCLUSIVE BREAKING WATCH READ NOTE EDITOR PHOTO PHOTOS AUDIO LIVE RELATED MORE".split())
# ``a spokesperson for``, ``an aide to``, ``a lawyer for the``: a source noun and the person it works for.
_SPEAKS_FOR_RE = re.compile(r"\b(?P<head>[a-z][\w\-]*)[^\S\n]+(?:for|to|of|with)[^\S\n]+(?:the[^\S\n]+)?(?:[A-Z][a-z]{0,4}\.[^\S\n]+)*\Z")
# The end of an apposition and the cue after it: ``…campaign pins, said``, ``…, has said``.
_APPOSITION_CUE_RE = re.compile(rf",[^\S\n]+{_AUX}(?P<cue>[a-z]+(?:[^\S\n]+(?:in|out|back|up|on))?)\b")
_PASSIVE_AGENT_RE = re.compile(
    rf"\b(?:was|were|is|are|been)[^\S\n]+(?:[a-z]+ly[^\S\n]+)?(?P<cue>asked|told|pressed|questioned|challenged)"
    rf"[^\S\n]+(?:[a-z]+[^\S\n]+){{0,3}}?by[^\S\n]+(?P<np>{_PREFIXED_NAME}|{_DET}[^\S\n]+(?:{_WORDS}[^\S\n]+){{0,4}}?{_WORDS})"
)
_APPOSITION_TO_QUOTE_RE = re.compile(r"(?:[^\S\n]*,[^\n“”\x22]{0,200})?[^\S\n]*[,:][^\S\n]*")
_INVERTED_APPOSITION_RE = re.compile(rf"[^\S\n]+(?P<np>{_NAME}),[^\S\n]+[^\n“”\x22]{{1,160}}?[,:][^\S\n]*\Z")
_AFFILIATION_RE = re.compile(r",[^\S\n]*(?:[A-Z][\w’'&.\-]*|of|for|and|the)(?:[^\S\n]+(?:[A-Z][\w’'&.\-]*|of|for|and|the)){0,6}")
_SIGNATURE_RE = re.compile(rf"[^\S\n]*\n\s*[–—―-]+[^\S\n]*(?P<np>{_NAME}|{_DET}[^\S\n]+(?:{_WORDS}[^\S\n]+){{0,4}}?{_WORDS})")
# Verbs that give a name or a title rather than report words: what they quote is a term.
_NAMING_CUES = frozenset(
    "called calls call dubbed labeled labelled branded titled entitled named nicknamed coined likened likens describes described".split()
)
_MODIFIER_WORDS_RE = re.compile(r"(?:[^\S\n]+[\w’'\-.]+){0,4}[^\S\n]+")
_ADJECTIVE_TAIL_RE = re.compile(r",[^\S\n]+(?:[a-z][\w\-]*[^\S\n]+){0,3}(?P<head>[a-z][\w\-]*)(?=[^\S\n]*,?[^\S\n]+)")
# An occupation by its ending: ``climatologist``, ``analyst``, ``researcher``, ``technician``, ``consultant``.
_BULLETS = frozenset("•·▪◦*-–—")
_OCCUPATION_RE = re.compile(r"[a-z][a-z\-]{2,}(?:ist|yst|er|or|ian|ant|ent|man|woman|person)")
_ROLE_MODIFIERS = frozenset("head assistant chief deputy former senior junior acting interim general executive vice co".split())
QUOTE_OPENERS = frozenset("\"'“‘«„")
_ORG_CHAIN_RE = re.compile(r"(?:The[^\S\n]+)?(?:[A-Z][\w.&’'\-]*[^\S\n]+(?:of[^\S\n]+|for[^\S\n]+|and[^\S\n]+)?){0,5}[A-Z][\w.&’'\-]*")
# Things that are an ``it``: organisations and documents, not people.
_INANIMATE_SOURCES = frozenset(
    """campaign administration government ministry department agency company firm group organization organisation
    committee commission council board court police party team club union coalition foundation institute office
    network newspaper paper magazine outlet station website panel report statement study survey poll memo letter
    filing complaint lawsuit ruling decision indictment document release email message tweet post note ad
    advertisement video sign banner headline transcript book article editorial column petition resolution law bill""".split()
)
_TIME_WORDS = frozenset(
    """year years month months week weeks day days morning afternoon evening night weekend ago past future
    time times hour hours minute minutes election primary primaries caucus caucuses debate season decade century
    spring summer autumn fall winter""".split()
)
_REPORTING_FORMS = frozenset("said says told tells added wrote asked".split())
# Words a speaker phrase neither opens nor ends with: prepositions, conjunctions, adverbs of time and
# sentence adverbs (a phrase that does is a fragment of the sentence around it).
_NON_OPENERS = frozenset(
    """about above across after against along although amid among and around as at because before behind below
    beneath beside besides between beyond but by despite during except for from furthermore however if in outside
    indeed inside instead into like likewise meanwhile moreover near nevertheless nonetheless nor of off on
    onto or over since so than that then thereby therefore though through throughout thus till to toward
    towards under unless until up upon via when whenever where whereas whether which while who whom whose
    why with within without yet well now later earlier today yesterday tomorrow tonight reluctantly
    ready also still just even perhaps maybe""".split()
)
_ARTICLES = frozenset("the a an this that these those my your his her their its our".split())
_MONTHS_AND_DAYS = frozenset(
    """january february march april june july august september october november december jan feb mar apr jun jul aug
    sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday""".split()
)
_WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
_SUBORDINATORS = frozenset("that which who whom whose when whenever while although though because if whether where and but".split())
_BARE_PLURAL_RE = re.compile(r"[A-Z][a-z]+s\b")
_ADJECTIVE_PLURAL_RE = re.compile(
    r"(?P<adj>[A-Z][a-z]+)[^\S\n]+(?P<noun>[a-z]+s)\b(?:[^\S\n]+of[^\S\n]+(?P<of>[a-z]+s)\b)?"
)
_NAMED_SUBJECT_RE = re.compile(r"(?P<name>[A-Z][a-z][\w’'\-]*(?:[^\S\n]+[A-Z][a-z][\w’'\-]*){0,2})(?=[^\S\n]+[a-z])")
_QUANTIFIER_SPEAKERS = frozenset("one another others some many several both neither either".split())
# A determiner, or a count (``about 200 protesters``, ``dozens of supporters``), opening a described subject.
_DET_START_RE = re.compile(
    rf"(?P<det>{_DET}|(?:(?i:about|some|nearly|almost|roughly|over|more[^\S\n]+than|at[^\S\n]+least)[^\S\n]+)?\d[\d,]*"
    rf"|(?i:dozens|hundreds|thousands|scores)[^\S\n]+of)[^\S\n]+"
)
_PARTICLE_WORDS = frozenset(_PARTICLE.strip("(?:)").split("|"))


@cache
def source_nouns() -> frozenset[str]:
    """Nouns that head a speaker phrase with no name in it (``resources/lexicon/source_nouns.txt``)."""
    text = resource("lexicon", "source_nouns.txt").read_text(encoding="utf-8")
    return frozenset(w for line in text.splitlines() if (w := line.split("#", 1)[0].strip().lower()))


def _singular(word: str) -> str:
    """``prosecutors`` → ``prosecutor``, ``parties`` → ``party``, ``witnesses`` → ``witness``."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "shes", "ches", "xes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    if word in ("people", "folks"):
        return word
    return word


_DESCRIPTION_RE = re.compile(
    r"[Tt]he[^\S\n]+(?:[\w\-]+[^\S\n]+){0,2}?(?P<head>\d{1,3}-year-old|[a-z]+|(?-i:MPP|MP|MLA|MNA|CEO))"
    r"(?:[^\S\n]+of[^\S\n]+(?:two|three|four|five|six|seven|eight|nine|ten|\d{1,2}))?"  # ``the mother of three``
)
# How far back the person a role-less description points to was last named (about two paragraphs).
_DESCRIBED_LOOKBACK = 1200
_AGE_NOUN_RE = re.compile(r"\d{1,3}-year-olds?")
_PREPOSITIONS = frozenset(
    "of to with by for from about against at in on into over under than as met through across along around near behind among toward towards".split()
)
_PREPOSITIONS_BUT_AS = _PREPOSITIONS - {"as"}
# The word right before a position and the spaces after it (searched with the position as the end).
_WORD_BEFORE_RE = re.compile(r"([\w’']+)[^\S\n]+\Z")
# ``the statement``, ``the federal department``: a definite description of a text or a body that spoke.
_SOURCE_DESCRIPTION_RE = re.compile(r"[Tt]he[^\S\n]+(?:[a-z][\w\-]*[^\S\n]+)?(?P<head>[a-z]+)")
# ``Her message``, ``his blunt reply``, ``her advice to parents``: a person's own words, by a possessive pronoun.
_OWN_WORDS_RE = re.compile(
    r"(?P<owner>[Hh]is|[Hh]er)[^\S\n]+(?:[a-z]+[^\S\n]+)?(?:message|response|reply|answer|advice|words|verdict|"
    r"reaction|explanation|argument|warning|plea|promise|pitch|prediction|assessment|conclusion|take|retort)"
    r"(?:[^\S\n]+(?:to|for|on)[^\S\n]+[^,:;\n]{1,40})?"
)
# ``The minister rejected that.``: a sentence that opens on a description by role, then its verb.
_DESCRIBED_SUBJECT_RE = re.compile(r"The[^\S\n]+(?:[a-z][\w\-]*[^\S\n]+)?(?P<head>[a-z]+)[^\S\n]+[a-z]+(?:ed|s)\b")
_OWN_WORDS_TAIL_RE = re.compile(r"(?:[^\S\n]+(?:was|is)(?:[^\S\n]+[a-z]+){1,2})?[^\S\n]*")
_APPOSITION_COMMA_RE = re.compile(r",[^\S\n]+")
# The source after ``a statement from``: a name, or a description up to the end of the clause.
_ISSUER_NP_RE = re.compile(rf"(?P<np>{_NAME}|[Tt]he[^\S\n]+(?:[\w\-]+[^\S\n]+){{0,3}}?[\w\-]+)(?=[^\S\n]*[.,;:\n])")
# How a report names the medium of a text: ``wrote on Twitter`` issued ``the tweet``.
_TEXT_KIN = {
    "tweet": ("tweet", "tweeted", "twitter"),
    "post": ("post", "posted", "facebook", "instagram", "blog"),
    "email": ("email", "e-mail", "emailed"),
    "e-mail": ("email", "e-mail", "emailed"),
    "release": ("release", "released"),
    "letter": ("letter", "wrote"),
}
# Bodies that a description points back to once they are named (``the department`` after ``Health Canada``).
_BODY_NOUNS = frozenset(
    """ministry department agency company corporation firm organization organisation union association institute office
    utility airline bank retailer insurer broadcaster automaker carmaker hospital university college charity league
    club board commission authority""".split()
)
_TEXT_NOUNS = ("statement", "tweet", "post", "email", "e-mail", "letter", "memo", "release", "message")
_CLAUSE_OPENERS = frozenset("when whenever while although though because if whether where as after before since until once".split())


def _agrees(person_gender: str | None, pronoun_gender: str | None) -> bool:
    return person_gender is None or pronoun_gender is None or person_gender == pronoun_gender


def _subject_like(text: str, start: int) -> bool:
    """A mention not governed by a preposition (``to Putin``): likely a clause subject."""
    before = text[max(0, start - 60) : start].split()
    while before and not before[-1].endswith((",", ";", ":", ".")) and (
        before[-1][:1].isupper() or before[-1].lower() in ("leader", "president", "minister")
    ):
        before.pop()  # ``Foreign Minister``, ``President``; not ``Sullivan,`` that ends a phrase before
    if before and before[-1].endswith((",", ";", ":")):
        return True
    return not before or before[-1].lower().strip(",") not in _PREPOSITIONS


_RELATIVE_OPENER_RE = re.compile(r",[^\S\n]+(?:who|whose|whom)\b[^,.;:!?\n“”\x22]*\Z")


def _in_relative_clause(text: str, start: int) -> bool:
    """Is the mention inside a relative clause set off by a comma (``Kristen Bell, who worked there when
    Hehr was an MLA, said…``)? Its person is not the subject of the sentence's main clause."""
    return _RELATIVE_OPENER_RE.search(text, max(0, start - 120), start) is not None


def _as_written(np: str) -> str:
    return " ".join(np.split()).strip(" ,;:")


_SO_CALLED_RE = re.compile(r"\b(?:so[\s\-]called|dubbed|known[^\S\n]+as|(?:goes|go|went)[^\S\n]+by|nicknamed|termed|the[^\S\n]+term|the[^\S\n]+word|the[^\S\n]+phrase|the[^\S\n]+name)[^\S\n]*,?[^\S\n]*\Z", re.IGNORECASE)


def _inner(text: str, quote: FoundQuote) -> str:
    """The words between a quote's marks (a mark may be two apostrophes, ``''…''``)."""
    start = quote.start + (2 if text.startswith("''", quote.start) else 1)
    end = quote.end
    if quote.closed:
        end -= 2 if end - start >= 2 and text.startswith("''", end - 2) else 1
    return text[start:max(start, end)]


def _names_a_title(text: str, quote: FoundQuote) -> bool:
    """Quoted words that read as a title: every word capitalised, or one capitalised word."""
    words = _inner(text, quote).split()
    return 0 < len(words) <= _MAX_TITLE_WORDS and (
        _title_like(words) or all(w.strip("“‘\"'(.,")[:1].isupper() for w in words)
    )


_NOUN_PHRASE_OPENERS = frozenset({"the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "this", "that", "these", "those"})


def _modifies_noun(text: str, quote: FoundQuote, unit_start: int, words: list[str]) -> bool:
    """A capitalised title used as a modifier inside a noun phrase (``the “Avatar” star``, ``their
    “Ferry Forever” signs``): opened by a determiner or the sentence, followed straight by a lower-case
    word, nothing inside ending a sentence. A name for a thing, not words anyone is quoted saying."""
    if not quote.closed or not words or len(words) > 5 or not words[0].lstrip("“‘\"'")[:1].isupper():
        return False
    if words[-1].rstrip("”’\"'")[-1:] in ".,!?;:…" or (len(words) > 1 and not _title_like(words)):
        return False  # ``“People were celebrating” before…``: a clause, capitalised as speech is
    after = text[quote.end : quote.end + 30]
    if after[:1] != " " or not after[1:2].isalpha() or not after[1:2].islower():
        return False
    before = text[max(unit_start, quote.start - 30) : quote.start].rstrip(" \t")
    if before and before[-1] not in ".!?":
        previous = before.split()[-1].lower()
        if previous not in _NOUN_PHRASE_OPENERS and not previous.endswith(("’s", "'s")):
            return False  # ``a message reading “Thank You Ohio” moments after``: the words of the message
    return True


def _title_like(words: list[str]) -> bool:
    """Every longer word capitalised, as in titles (``Face the Nation``), but not a lone name or word."""
    if not 2 <= len(words) <= 8:
        return False  # before the words are stripped: most quotes are longer than any title
    core = [w.strip("“‘\"'(") for w in words if len(w.strip(".,!?’”\"'")) > 3]
    return bool(core) and all(w[:1].isupper() for w in core)


_WORK_NOUNS = (
    "film|movie|show|series|programme|program|podcast|play|musical|book|novel|memoir|album|song|single|documentary|"
    "thriller|drama|comedy|sitcom|episode|column|essay|poem|newsletter|blog|slogan|hashtag|anthem|hymn|painting"
)
# ``her film, “…”``, ``the Netflix thriller “…”``, ``on CNN’s “…”``, ``host of “…”``: a title follows.
_WORK_BEFORE_RE = re.compile(
    rf"(?:\b(?:{_WORK_NOUNS})s?[^\S\n]*,?|[A-Z][\w.&]*[’']s|\b(?:host|hosts|hosted|star|stars|starred|author|authors|creator)[^\S\n]+of"
    rf"|\b(?:on|in)[^\S\n]+(?:the[^\S\n]+)?(?:[A-Z][\w.&]*[^\S\n]+){{0,3}}(?:{_WORK_NOUNS})s?)[^\S\n]*\Z"
)
_MAX_TITLE_WORDS = 8


def _names_a_work(text: str, quote: FoundQuote, unit_start: int) -> bool:
    """A short quote standing where a title goes (``her blockbuster film, “…”``, ``on CNN’s “…,”``)."""
    inner = _inner(text, quote)
    words = inner.split()
    if not words or len(words) > _MAX_TITLE_WORDS or inner.rstrip()[-1:] in "!?":
        return False
    if not words[0][:1].isupper() and not words[0][:1].isdigit():
        return False
    return bool(_WORK_BEFORE_RE.search(text, max(unit_start, quote.start - 60), quote.start))


def _is_heading(text: str, quote: FoundQuote, unit_start: int, unit_end: int) -> bool:
    """A quoted subheading (``– ‘Who cares?’ –``, ``“Related:”``) or a quote in capitals (a headline)."""
    inner = _inner(text, quote).strip()
    if len(inner) >= 8 and inner.isupper() and " " in inner and sum(c.isalpha() for c in inner) >= 8:
        return True
    alone = not text[unit_start : quote.start].strip(" –—―-•*") and not text[quote.end : unit_end].strip(" –—―-.•*")
    if not alone:
        return False
    framed = text[unit_start : quote.start].strip() != "" and len(inner.split()) <= _MAX_TITLE_WORDS
    return framed or inner.endswith(":")


def _inside_quote(text: str, start: int, pos: int) -> bool:
    """Is ``pos`` inside a quotation opened after ``start`` (more openers than closers before it)?"""
    segment = text[start:pos]
    curly = segment.count("“") - segment.count("”")
    return curly > 0 or segment.count('"') % 2 == 1


_CAPITAL_PRONOUNS = frozenset({"He", "She", "They", "We", "It"})


def _ends_sentence_inside(text: str, quote_end: int) -> bool:
    """Does the quote close on a full stop inside its marks (``….”``), ending the sentence?"""
    j = quote_end - 1
    while j > 0 and text[j - 1] in "\"'”’»›":
        j -= 1
    return j > 0 and text[j - 1] == "."


def _cue_takes_object(text: str, cue_end: int) -> bool:
    """Is the cue followed by words of its own (``She noted a planned rally``) rather than by a pause,
    a quote or the end of the sentence (``He added, “…”``, ``she said.``)?"""
    rest = text[cue_end : cue_end + 3].lstrip(" \t")
    return bool(rest) and rest[0].isalnum() and not text[cue_end : cue_end + 6].lstrip().startswith(("that", "to "))


def _is_gerund(cue_word: str) -> bool:
    """``adding``, ``saying``, ``noting``: a cue that continues a clause rather than opening one."""
    return cue_word.endswith("ing") and " " not in cue_word


def _introduces(text: str, cue_end: int, quote_start: int) -> bool:
    """Does the cue hand straight over to the quote (``said Wednesday, “``, ``told reporters: “``)?"""
    between = text[cue_end:quote_start].rstrip()
    return len(between) <= 40 and between.endswith((",", ":")) and not re.search(r"[.!?;]", between[:-1])


def _hands_over(text: str, found, quote_start: int) -> bool:
    """Does the attribution's cue hand straight over to the quote (``posted on Instagram: “WE DID IT.”``)?
    Then a quote in capitals is speech, not a heading."""
    return found is not None and found[1] is not None and found[1][1] <= quote_start and _introduces(text, found[1][1], quote_start)


def _after_colon(text: str, start: int, quote_start: int) -> bool:
    i = quote_start
    while i > start and text[i - 1] in " \t\u00a0":
        i -= 1
    return i > start and text[i - 1] == ":"


# Between an attribution and the next subject: a new sentence, or a clause joined by ``, and``/``; ``.
_NEW_CLAUSE_RE = re.compile(r"(?:[.!?][^\S\n]+|,[^\S\n]+(?:and|but|then)[^\S\n]+|;[^\S\n]*)(?:[\w’'\-]+[^\S\n]+){0,3}\Z")


def _ends_on_cue(text: str, cue_end: int, sentence_end: int) -> bool:
    """Does the sentence stop right after its cue (``her husband cut in.``, ``Reed replied:``)?"""
    rest = text[cue_end:sentence_end].strip()
    return bool(rest) and rest[-1] in ".:" and len(rest.split()) <= 3


def _ends_clause(text: str, quote_end: int, limit: int) -> bool:
    """Does the quote close its clause (``,’`` ``.”`` or a comma/dash right after the mark)?"""
    j = quote_end - 1
    while j > 0 and (text[j - 1] in "\"'”’»›" or (text[j - 1] == " " and j > 1 and text[j - 2] in "\"'”’")):
        j -= 1  # ‘…,’” nested closers, also spaced: ``…,' "``
    if j > 0 and text[j - 1] in ",.!?…—–-;:":
        return True
    i = quote_end
    while i < limit and text[i] in " \t\u00a0":
        i += 1
    return i >= limit or text[i] in ",;–—―-("


# Where a match of ``Attributor.subject_re`` can start that a match one character earlier does not
# already imply: after a character that is no part of a word, at a capital (a name), or at one of
# the determiners (``someone close to him said`` reads ``one close to him``). Inside a word any
# other match is a pronoun or plain words, and the word pattern reads them from one character
# earlier just as well, so the leftmost match is never at such a place.
_SUBJECT_START = rf"(?=(?<![\w’'\-.&])|[{UPPER}]|{_DET}[^\S\n])"
_GUARDED_SUBJECTS: dict[int, tuple[re.Pattern[str], re.Pattern[str]]] = {}


def _subject_search(subject_re: re.Pattern[str], text: str, lo: int, hi: int) -> re.Match[str] | None:
    """``subject_re.search(text, lo, hi)``, with the same answer, trying only where a match can start.

    The pattern ends at ``hi`` (``\\Z``), so a search tries every position of the window in turn,
    each of them through every noun-phrase alternative, and four in five positions are inside a word.
    A copy with :data:`_SUBJECT_START` in front rules those out with one cheap look; the window's
    first position is tried as it is (the character before it is not the window's to judge).
    """
    m = subject_re.match(text, lo, hi)
    if m is not None or lo >= hi:
        return m
    cached = _GUARDED_SUBJECTS.get(id(subject_re))
    if cached is None or cached[0] is not subject_re:
        _GUARDED_SUBJECTS.clear()  # one pattern at a time
        cached = _GUARDED_SUBJECTS[id(subject_re)] = (subject_re, re.compile(_SUBJECT_START + subject_re.pattern, subject_re.flags))
    at = cached[1].search(text, lo + 1, hi)
    return None if at is None else subject_re.match(text, at.start(), hi)
