"""People: which capitalised chains are person names, who they are, and every mention of them.

Two passes over the chains of :mod:`names`. The first decides which chains name a person, from
evidence a careful reader uses: a known given name (``Kirill Budanov``), an initial (``P. Simmons``),
a title or role before the name (``US Treasury Secretary Janet Yellen``, ``coach Glenn Hoddle``), a
speech verb (``Caddell said``), an age or role in apposition (``Diana Shestakova, 23,``), or, for
names of any culture, two or three capitalised words none of which is an ordinary word,
organisation, place or nationality. The second pass links every chain, including headline
capitals (``SHEARER``) and possessives (``Putin’s``), to the person whose name forms it matches,
so ``Budanov`` and ``Kirill Budanov`` are one person.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from annotator.core.extraction.names import HONORIFICS, Chain, Token, find_chains, is_all_caps, is_title_case
from annotator.core.extraction.units import Unit
from annotator.core.extraction.wordlists import Lexicon

NORMAL, TITLE, CAPS = "normal", "title", "caps"
_MAX_NAME_TOKENS = 4
_ROLE_MODIFIERS = frozenset(
    """new former acting interim top senior junior deputy chief vice prime foreign defence defense
    finance interior home justice health economy trade military intelligence security national
    federal state general assistant associate executive managing press communications campaign
    opposition party tory labour democratic republican veteran longtime long-time veteran
    outgoing incoming current then then-""".split()
)
_LOWER_WORDS_RE = re.compile(r"\b[a-z][a-z’'\-]*\b")
_AGE_RE = re.compile(r",\s*\d{1,3},")
_APPOSITIVE_RE = re.compile(r",\s+(?:the|a|an)\s+([^,.;:()\"“”‘]{3,80}?)(?=\s*[,.;:]|\s+(?:who|which|pictured|said|says|told)\b)")


@dataclass(slots=True)
class PersonRecord:
    """A person while the text is being read: name forms, role and where they are mentioned."""

    name_tokens: list[str]
    role: str | None = None
    gender: str | None = None
    mentions: list[tuple[int, int]] = field(default_factory=list)
    forms: set[str] = field(default_factory=set)

    @property
    def name(self) -> str:
        return " ".join(self.name_tokens)

    @property
    def surname(self) -> str:
        return self.name_tokens[-1].lower()

    @property
    def given(self) -> str | None:
        return self.name_tokens[0] if len(self.name_tokens) > 1 else None


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    person: int
    subject: bool
    possessive: bool


@dataclass(slots=True)
class PeopleFound:
    """The people of a text and their mentions (sorted by start), indexed for lookups by offset."""

    people: list[PersonRecord]
    mentions: list[Mention]
    _starts: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._starts = [m.start for m in self.mentions]

    def mentions_in(self, start: int, end: int) -> list[Mention]:
        i = bisect_left(self._starts, start)
        out = []
        while i < len(self.mentions) and self.mentions[i].start < end:
            if self.mentions[i].end <= end:
                out.append(self.mentions[i])
            i += 1
        return out

    def mentions_before(self, pos: int) -> int:
        """Index one past the last mention starting before ``pos``."""
        return bisect_left(self._starts, pos)


class _Context:
    """Per-text helpers shared by the passes: the text, its lexicon and its ordinary words."""

    def __init__(self, text: str, lexicon: Lexicon, speech_re: re.Pattern[str]) -> None:
        self.text = text
        self.lexicon = lexicon
        self.speech_after_re = re.compile(
            r"\s+(?:(?:has|had|have|was|is|also|later|then|once|again)\s+){0,2}(?:" + speech_re.pattern + r")\b"
        )
        self.speech_before_re = re.compile(r"(?:" + speech_re.pattern + r")\s+$")
        self.lower_words = set(_LOWER_WORDS_RE.findall(text))

    def is_common(self, token: Token) -> bool:
        key = token.key
        common = self.lexicon.common_words
        return key in self.lower_words or key in common or (key.endswith("s") and key[:-1] in common)


def find_people(text: str, units: list[Unit], lexicon: Lexicon, speech_re: re.Pattern[str]) -> PeopleFound:
    """People named in ``text`` with every mention, in order of first appearance."""
    ctx = _Context(text, lexicon, speech_re)
    unit_chains = _chains_by_unit(text, units, lexicon)
    organisations = _names_used_as_organisations(text, unit_chains, lexicon)

    people: list[PersonRecord] = []
    by_surname: dict[str, list[int]] = {}
    settled: dict[tuple[str, ...], int] = {}  # accepted name words -> person, so repeats are cheap
    for unit, mode, chains in unit_chains:
        for chain in chains:
            role_tokens, name_tokens = _split_role(chain.tokens, lexicon)
            if not any(is_title(t.key, lexicon) for t in role_tokens):
                role_tokens = []  # only modifiers (``Australian``, ``San``) were split off: no role
            if not name_tokens or len(name_tokens) > _MAX_NAME_TOKENS:
                continue
            words = _name_words(text, name_tokens)
            if tuple(words) in organisations:
                continue
            known = settled.get(tuple(words))
            if known is not None and people[known].role:
                continue  # a full name already accepted, with its role: nothing new to learn here
            role = _role_of(ctx, unit, chain, role_tokens, name_tokens)
            titled = bool(role_tokens) or role is not None
            if role and all(w.strip(".").lower() in HONORIFICS for w in role.split()):
                role = None  # Mr, Dr: evidence of a person, not a role
            if known is not None and not role:
                continue
            if known is not None or _is_person_name(ctx, mode, chain, name_tokens, titled):
                settled[tuple(words)] = _add_name(people, by_surname, words, role, lexicon)

    index = _NameIndex(people, by_surname)
    mentions: list[Mention] = []
    for unit, mode, chains in unit_chains:
        for chain in chains:
            _, name_tokens = _split_role(chain.tokens, lexicon)
            mentions.extend(_link(ctx, index, chain, name_tokens or chain.tokens, mode))
    mentions.sort(key=lambda m: m.start)
    for mention in mentions:
        people[mention.person].mentions.append((mention.start, mention.end))
    return PeopleFound(people, mentions)


def _chains_by_unit(text: str, units: list[Unit], lexicon: Lexicon) -> list[tuple[Unit, str, list[Chain]]]:
    """The chains of the whole text (one regex pass) grouped by unit, with each unit's case mode."""
    grouped: list[tuple[Unit, str, list[Chain]]] = []
    starts = [u.start for u in units]
    for chain in find_chains(text, 0, len(text), lexicon):
        index = bisect_right(starts, chain.start) - 1
        if index < 0 or chain.end > units[index].end:
            continue  # outside every unit (between reader blocks)
        chain.unit_index = index
        if not grouped or grouped[-1][0] is not units[index]:
            unit = units[index]
            line = text[unit.start : unit.end]
            mode = CAPS if is_all_caps(line) else TITLE if is_title_case(line, lexicon) else NORMAL
            grouped.append((unit, mode, []))
        grouped[-1][2].append(chain)
    return grouped


_ORGANISATION_AFTER_RE = re.compile(
    r"[ \t]*(?:&[ \t]*(?:Co|Sons|Company|Partners|Associates)\b|(?:Co|Corp|Inc|Ltd|LLC|PLC|Plc|AG|GmbH|SpA|S\.A|N\.V|Group|Holdings)\b"
    r"|(?:airport|port|region|province|district|county|river|valley|square|street|company|firm|bank|"
    r"agency|newspaper|daily|brand|plant|mine|hotel|stadium|university)\b)"
)


def _names_used_as_organisations(
    text: str, unit_chains: list[tuple[Unit, str, list[Chain]]], lexicon: Lexicon
) -> set[tuple[str, ...]]:
    """Names that the text itself shows to be firms or places somewhere (``Wertheim & Co``,
    ``Apic Yamada Corp``, ``Charles de Gaulle airport``): never people, anywhere in the text."""
    found: set[tuple[str, ...]] = set()
    for _, _, chains in unit_chains:
        for chain in chains:
            _, name_tokens = _split_role(chain.tokens, lexicon)
            if len(name_tokens) > 1 and name_tokens[-1].key in lexicon.org_words:
                found.add(tuple(_name_words(text, name_tokens[:-1])))  # Harlow Brandt Corp
            elif name_tokens and _ORGANISATION_AFTER_RE.match(text, chain.end):
                found.add(tuple(_name_words(text, name_tokens)))
    return found


def _name_words(text: str, tokens: list[Token]) -> list[str]:
    """The words of a name as written, particles included (``Aravinda de Silva``)."""
    return text[tokens[0].start : tokens[-1].end].split()


def _split_role(tokens: list[Token], lexicon: Lexicon) -> tuple[list[Token], list[Token]]:
    """``US Treasury Secretary | Janet Yellen``: tokens up to the last title, and the rest.

    Leading modifiers that cannot start a name are moved to the first part too: nationalities
    (``Australian Tom Moody``), places (``State John Kornblum``) and compounds such as
    ``Bergamo-based``.
    """
    last_title = -1
    for i, token in enumerate(tokens):
        if is_title(token.key, lexicon):
            last_title = i
    cut = last_title + 1
    while cut < len(tokens) - 1 and _is_leading_modifier(tokens[cut], tokens[cut + 1], lexicon):
        cut += 1
    return tokens[:cut], tokens[cut:]


def is_title(key: str, lexicon: Lexicon) -> bool:
    """``President``, ``Representatives``, ``Major-General``: an office or role word."""
    if key in lexicon.titles or (key.endswith("s") and key[:-1] in lexicon.titles):
        return True
    return "-" in key and all(part in lexicon.titles for part in key.split("-"))


def _is_leading_modifier(token: Token, following: Token, lexicon: Lexicon) -> bool:
    key = token.key
    if _is_compound_adjective(token.text):
        return True
    if lexicon.is_given_name(token.text) and not lexicon.is_given_name(following.text):
        return False  # Gillian Russell, Christian Moreau: a given name, not a nationality or faith
    if key in lexicon.demonyms or key in lexicon.places or key in lexicon.place_words or key in lexicon.org_words:
        return True
    return key.endswith(("an", "ese", "ish")) and lexicon.is_given_name(following.text) and not lexicon.is_given_name(token.text)


def _singular(key: str) -> str:
    """``counties`` → ``county``, ``universities`` → ``university``, ``serbs`` → ``serb``."""
    if key.endswith("ies") and len(key) > 4:
        return key[:-3] + "y"
    if key.endswith("s") and not key.endswith("ss") and len(key) > 3:
        return key[:-1]
    return key


def _is_compound_adjective(word: str) -> bool:
    """``Bergamo-based``, ``Family-controlled``: a hyphenated word ending in lower case."""
    head, dash, tail = word.rpartition("-")
    return bool(dash and head and tail[:1].islower() and len(tail) > 2)


def _is_person_name(ctx: _Context, mode: str, chain: Chain, name: list[Token], role: bool) -> bool:
    """Is this run of capitalised words (titles and roles already split off) a person's name?"""
    lex = ctx.lexicon
    first, last = name[0], name[-1]
    if mode == CAPS:
        return False  # headline capitals only ever repeat names the body gives in mixed case
    given_first = lex.is_given_name(first.text)
    for i, t in enumerate(name):
        if i == 0 and given_first:
            continue  # Christian Blanc: a given name that is also an organisation word
        if t.key in lex.org_words or _singular(t.key) in lex.org_words or _is_compound_adjective(t.text):
            return False
    if last.initial or (len(last.text) > 1 and last.text.isupper()) or any(len(t.text) == 1 and not t.initial for t in name):
        return False
    text = ctx.text
    given = lex.is_given_name(first.text) or first.initial or (
        lex.given_names.get(first.key) == "s" and len(name) == 2 and len(last.text) <= 4
    )
    bracket = _BRACKET_RE.match(text, chain.end)
    listed = bool(bracket) and _bracket_is_origin(bracket.group(1), lex)
    if not listed and any(t.key in lex.place_words or _singular(t.key) in lex.place_words for t in name):
        return False
    age = bool(_AGE_RE.match(text, last.end))
    rest = name[1:] if given else name
    if any(t.key in lex.places or t.key in lex.demonyms or (t.key in lex.function_words and not given) for t in rest):
        # A surname that is also a place (Ana Lima, Denzel Washington) needs more than a given name.
        if not (given and mode == NORMAL and (role or age or listed or _has_speech_cue(ctx, chain))):
            return False
    if mode == TITLE:
        return given and len(name) >= 2
    if not given and not role and _DETERMINER_BEFORE_RE.search(text, max(0, chain.start - 5), chain.start):
        return False  # the Unknown Sailor, a Grand Slam: names do not follow an article
    if len(name) >= 2:
        if given or role or age or listed or _has_speech_cue(ctx, chain):
            return True
        return len(name) <= 3 and not any(ctx.is_common(t) for t in name) and not chain.possessive
    if first.initial or ctx.is_common(first) or (len(first.text) > 1 and first.text.isupper()):
        return False
    if first.key in lex.places or first.key in lex.demonyms or first.key in lex.function_words:
        return False
    if _singular(first.key) in lex.org_words or _singular(first.key) in lex.place_words:
        return False
    # A lone capitalised word is a person only with a role (``President Zelensky``) or an age; a
    # speech verb alone (``Comelf said``) is as often a company or a team.
    return bool(role) or age


def _has_speech_cue(ctx: _Context, chain: Chain) -> bool:
    """``Caddell said`` / ``said Caddell.``: the words are the subject of a speech verb."""
    text = ctx.text
    if ctx.speech_after_re.match(text, chain.end):
        return True
    return bool(ctx.speech_before_re.search(text, max(0, chain.start - 30), chain.start)) and _ends_phrase(text, chain.end)


_DETERMINER_BEFORE_RE = re.compile(r"\b(?:the|a|an)[ \t]+\Z")
_BRACKET_RE = re.compile(r"[ \t]*\(([^()\n]{1,30})\)")


def _bracket_is_origin(inside: str, lex: Lexicon) -> bool:
    """``(France)``, ``(U.S.)``, ``(31st)``, ``(R-Ind.)``: what results tables put after a person."""
    words = inside.split()
    if not words or len(words) > 3:
        return False
    if words[0][:1].isdigit():
        return bool(re.fullmatch(r"\d{1,3}(?:st|nd|rd|th)?(?:\s*(?:pen|minute|min))?", inside.strip()))
    return all(w[:1].isupper() for w in words) and not any(w.lower() in lex.org_words for w in words)


def _ends_phrase(text: str, end: int) -> bool:
    """``said Washington.``: the name closes the clause (unlike ``said Eagles owner …``)."""
    i = end
    while i < len(text) and text[i] in " \t":
        i += 1
    return i >= len(text) or not text[i].isalnum()


def _add_name(
    people: list[PersonRecord], by_surname: dict[str, list[int]], tokens: list[str], role: str | None, lexicon: Lexicon
) -> int:
    """Record a name (merging it into a compatible person); the person's index."""
    surname = tokens[-1].lower()
    for index in by_surname.get(surname, ()):
        person = people[index]
        if _compatible(person.name_tokens, tokens):
            if len(tokens) > len(person.name_tokens) or (
                len(tokens) == len(person.name_tokens) and _is_initial(person.name_tokens[0]) and not _is_initial(tokens[0])
            ):
                person.name_tokens = tokens
                person.gender = person.gender or lexicon.gender(tokens[0])
            if role and not person.role:
                person.role = role
            return index
    people.append(PersonRecord(tokens, role, lexicon.gender(tokens[0]) if len(tokens) > 1 else None))
    by_surname.setdefault(surname, []).append(len(people) - 1)
    return len(people) - 1


def _is_initial(token: str) -> bool:
    return token.endswith(".") and len(token) <= 3


def _compatible(known: list[str], new: list[str]) -> bool:
    """Same person if the given names agree, one is missing, or one is the other's initial."""
    if len(known) == 1 or len(new) == 1:
        return True
    a, b = known[0].rstrip("."), new[0].rstrip(".")
    if a.lower() == b.lower():
        return True
    if len(a) == 1 or len(b) == 1:
        return a[0].lower() == b[0].lower()
    return False


def _role_of(ctx: _Context, unit: Unit, chain: Chain, role_tokens: list[Token], name: list[Token]) -> str | None:
    """The role the text gives a name: title words before it, or a role phrase in apposition."""
    text = ctx.text
    lex = ctx.lexicon
    start = role_tokens[0].start if role_tokens else name[0].start
    before = _role_before(text, unit.start, start, lex)
    if role_tokens:
        return text[before if before is not None else role_tokens[0].start : role_tokens[-1].end]
    if before is not None:
        end = start
        while end > before and text[end - 1] in " ,":
            end -= 1
        return text[before:end]
    match = _APPOSITIVE_RE.match(text, name[-1].end, unit.end)
    if match and any(w.strip("’'").lower() in lex.titles for w in match.group(1).split()):
        return match.group(1).strip()
    return None


_WORD_BEFORE_RE = re.compile(r"([\w’'\-]+)(\s+)$")


def _role_before(text: str, floor: int, start: int, lex: Lexicon) -> int | None:
    """Start of a role phrase right before ``start`` (``Russian leader``, ``Beijing’s top diplomat,``)."""
    pos = start
    window = max(floor, start - 80)
    segment = text[window:pos]
    if segment.endswith(", "):
        segment = segment[:-2]
        pos -= 2
    words = re.findall(r"[\w’'\-]+|[^\w\s]", segment)
    role_start = None
    found_title = False
    cursor = pos
    for word in reversed(words[-6:]):
        idx = text.rfind(word, window, cursor)
        if idx < 0:
            break
        key = word.lower()
        base = key[:-2] if key.endswith(("’s", "'s")) else key
        if key in lex.titles:
            found_title = True
        elif not found_title:
            break
        elif key in lex.function_words or not word[0].isalnum():
            break
        elif not (
            key in _ROLE_MODIFIERS or base in lex.places or key in lex.demonyms or word[0].isupper() or key in lex.titles
        ):
            break
        role_start = idx
        cursor = idx
    return role_start if found_title else None


class _NameIndex:
    """People by surname and by given name, and who was mentioned last (for ambiguous surnames)."""

    def __init__(self, people: list[PersonRecord], by_surname: dict[str, list[int]]) -> None:
        self.people = people
        self.by_surname = by_surname
        self.by_given: dict[str, list[int]] = {}
        for i, person in enumerate(people):
            if person.given:
                self.by_given.setdefault(person.given.lower(), []).append(i)
        self.last_seen: dict[int, int] = {}

    def most_recent(self, candidates: list[int]) -> int:
        return max(candidates, key=lambda i: (self.last_seen.get(i, -1), -i))


def _link(ctx: _Context, index: _NameIndex, chain: Chain, name: list[Token], mode: str) -> list[Mention]:
    """Mentions of known people inside one chain (the longest matching run of its tokens)."""
    out: list[Mention] = []
    i = 0
    n = len(name)
    while i < n:
        matched = False
        for j in range(min(n, i + _MAX_NAME_TOKENS), i, -1):
            person = _match(index, name[i:j], _name_words(ctx.text, name[i:j]), ctx.lexicon, mode)
            if person is None:
                continue
            index.last_seen[person] = name[i].start
            start, end = name[i].start, name[j - 1].end
            if i == 0:
                start = _with_particles(ctx.text, start, index.people[person].name_tokens, j - i)
            possessive = chain.possessive and j == n
            subject = chain.sentence_initial and i == 0 and not possessive
            out.append(Mention(start, end, person, subject, possessive))
            i = j
            matched = True
            break
        if not matched:
            i += 1
    return out


def _with_particles(text: str, start: int, name_tokens: list[str], matched: int) -> int:
    """Start of ``de Silva`` when the person is ``Aravinda de Silva`` and only ``Silva`` was capitalised."""
    before = name_tokens[: len(name_tokens) - matched]
    particles: list[str] = []
    while before and before[-1][:1].islower():
        particles.insert(0, before.pop())
    if not particles:
        return start
    prefix = " ".join(particles) + " "
    if text.startswith(prefix, start - len(prefix)) and (start - len(prefix) == 0 or not text[start - len(prefix) - 1].isalnum()):
        return start - len(prefix)
    return start


def _match(index: _NameIndex, tokens: list[Token], words: list[str], lexicon: Lexicon, mode: str) -> int | None:
    """The person these name words refer to, if exactly one fits (the most recent for a bare surname)."""
    people, by_surname = index.people, index.by_surname
    surname = words[-1].lower()
    if mode != CAPS and len(words[-1]) > 1 and words[-1].isupper() and len(words) == 1:
        candidates = by_surname.get(surname, [])
        return candidates[0] if len(candidates) == 1 and len(words[-1]) > 3 else None
    candidates = [i for i in by_surname.get(surname, ()) if _compatible(people[i].name_tokens, words)]
    if len(words) > 1:
        candidates = [i for i in candidates if len(people[i].name_tokens) > 1 or len(words) == 1]
        exact = [i for i in candidates if [w.lower() for w in people[i].name_tokens] == [w.lower() for w in words]]
        if exact:
            return exact[0]
        return candidates[0] if len(candidates) == 1 else None
    if candidates:
        return candidates[0] if len(candidates) == 1 else index.most_recent(candidates)
    if mode == NORMAL and not tokens[0].initial and not lexicon.is_non_name_word(words[0]):
        owners = index.by_given.get(words[0].lower(), ())
        if len(owners) == 1:
            return owners[0]
    return None
