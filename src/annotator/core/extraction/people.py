"""People: which capitalised chains are person names, who they are, and every mention of them.

Two passes over the chains of :mod:`names`. The first decides which chains name a person (the
evidence is in :mod:`evidence`, titles and roles in :mod:`roles`) and merges compatible names into
one person (``P. Marsh`` and ``Peter Marsh``). The second pass links every chain, including headline
capitals (``SHEARER``) and possessives (``Putin’s``), to the person whose name forms it matches,
so ``Budanov`` and ``Kirill Budanov`` are one person.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from annotator.core.extraction.evidence import (
    NameContext,
    could_be_listed_name,
    is_person_name,
    names_used_as_organisations,
    stands_as_a_person,
)
from annotator.core.extraction.names import (
    CAPS,
    HONORIFICS,
    NORMAL,
    TITLE,
    UPPER,
    Chain,
    Token,
    find_chains,
    is_all_caps,
    is_title_case,
    name_words,
    words_before,
)
from annotator.core.extraction.places import names_used_as_places
from annotator.core.extraction.roles import is_compound_adjective, is_title, role_of, split_chain
from annotator.core.extraction.scorecards import is_named_in_scores
from annotator.core.extraction.teams import names_used_as_teams
from annotator.core.extraction.things import names_listed_with_firms, names_of_namesakes, names_used_as_things
from annotator.core.extraction.units import Unit
from annotator.core.extraction.wordlists import Lexicon

_MAX_NAME_TOKENS = 4


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
        return surname_of(self.name_tokens)

    @property
    def given(self) -> str | None:
        if len(self.name_tokens) < 2 or self.name_tokens[0].lower() in _NAME_FORMING_TITLES:
            return None  # ``Mother Teresa``: a bare ``Mother`` is not her given name
        return self.name_tokens[0]


@dataclass(slots=True, unsafe_hash=True)
class Mention:
    """Where a person is named. Never changed once made (not frozen: that costs four times as much
    to create, once for every name of the text)."""

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


def find_people(
    text: str,
    units: list[Unit],
    lexicon: Lexicon,
    speech_re: re.Pattern[str],
    credits: list[tuple[int, int]] | None = None,
) -> PeopleFound:
    """People named in ``text`` with every mention, in order of first appearance.

    ``credits`` are spans of credited names (:mod:`credits`): the photographer of ``(Jane
    Roe/Reuters)`` is neither a person of the story nor a mention of one.
    """
    ctx = NameContext(text, lexicon, speech_re)
    unit_chains = _without_credits(_chains_by_unit(text, units, lexicon), credits or [])
    teams = names_used_as_teams(text, unit_chains, lexicon)
    places, place_spots = names_used_as_places(text, unit_chains, lexicon)
    things = names_used_as_things(text, unit_chains, lexicon)
    namesakes = names_of_namesakes(text, unit_chains, lexicon)  # ``Terry Fox Foundation``: Terry Fox stays a person
    organisations = (names_used_as_organisations(text, unit_chains, lexicon) - namesakes) | things | teams | places
    organisations |= names_listed_with_firms(
        text, unit_chains, lexicon, organisations, lambda start, end: stands_as_a_person(ctx, start, end)
    )
    never_mentions = teams | places | things  # no bare word of these links to a person either

    _tidy_name_edges(ctx, unit_chains)
    offices = _names_after_an_office_of(text, unit_chains, lexicon)

    people: list[PersonRecord] = []
    by_surname = _SurnameIndex(people)
    settled: dict[tuple[str, ...], int] = {}  # accepted name words -> person, so repeats are cheap
    listed: list[tuple[Chain, list[str]]] = []  # name-like chains without evidence of their own
    # The two first words of the names of three words or more: a person named again by their two
    # given names alone (``Anne Marie``, ``Margaret Anne``) is that person, not a new one.
    first_names: dict[tuple[str, str], int] = {}
    relatives = _relatives_by_given_name(text, unit_chains, lexicon)
    stage_names = _stage_names(text, unit_chains)
    alias_of: dict[tuple[str, ...], int] = {}  # a stage name's words -> the person it names
    for unit, mode, chains in unit_chains:
        for chain in chains:
            if chain.start in relatives:
                words, relation = relatives[chain.start]
                settled[words] = _add_name(people, by_surname, list(words), relation, lexicon)
                continue
            if chain.start in stage_names:
                owner = settled.get(tuple(name_words(text, split_chain(stage_names[chain.start], lexicon)[1])))
                if owner is not None:
                    alias = name_words(text, (chain.split or split_chain(chain, lexicon))[1] or chain.tokens)
                    alias_of[tuple(alias)] = owner
                    by_surname.add(surname_of(alias), owner, alias[-1:])  # ``Ms. Daniels`` is hers too
                    continue
            role_tokens, name_tokens = chain.split or split_chain(chain, lexicon)
            office = offices.get(chain.start) if offices else None
            if role_tokens and len(name_tokens) == 1 and role_tokens[-1].key in _NAME_FORMING_TITLES:
                name_tokens = [role_tokens[-1], name_tokens[0]]  # ``Mother Teresa``: the title stays in the name
            if role_tokens and _continues_a_place(role_tokens, name_tokens):
                continue
            if (
                mode == NORMAL
                and len(name_tokens) > 1
                and name_tokens[0].text[:2].isupper()
                and _starts_with_acronym(name_tokens, lexicon, text[max(0, chain.start - 8) : chain.start])
            ):
                continue
            if role_tokens and office is None and not any(is_title(t.key, lexicon) for t in role_tokens):
                role_tokens = []  # only modifiers (``Australian``, ``San``) were split off: no role
            if not name_tokens or len(name_tokens) > _MAX_NAME_TOKENS:
                continue
            words = name_words(text, name_tokens)
            if tuple(words) in organisations:
                continue
            known = settled.get(tuple(words))
            if known is not None and people[known].role:
                continue  # a full name already accepted, with its role: nothing new to learn here
            forms_name = bool(role_tokens) and name_tokens[0] is role_tokens[-1]  # ``Mother Teresa``
            if forms_name:
                role_tokens = role_tokens[:-1]
            role = office or role_of(text, lexicon, unit, role_tokens, name_tokens)
            titled = forms_name or bool(role_tokens) or role is not None
            if role and all(w.strip(".").lower() in HONORIFICS for w in role.split()):
                role = None  # Mr, Dr: evidence of a person, not a role
            if known is not None and not role:
                continue
            if known is None and len(words) == 2 and not role_tokens and first_names:
                owner = first_names.get((words[0].lower(), words[1].lower()))
                if owner is not None and _is_given(lexicon, name_tokens[0]) and _is_given(lexicon, name_tokens[1]):
                    settled[tuple(words)] = owner  # ``Anne Marie's brother`` after ``Anne Marie D'Amico``
                    continue
            if known is None and (
                (not role_tokens and not forms_name and _is_ordinary_word_alone(ctx, chain, name_tokens))
                or _all_ordinary_words(ctx, name_tokens)
            ):
                continue  # ``Sadly, the …`` stays an adverb whatever role phrase follows it
            if known is None and role_tokens and len(name_tokens) == 1 and _is_ordinary_word_after_title(
                ctx, role_tokens, name_tokens
            ):
                continue  # ``Miss Universe``, ``Star Wars``, ``Head Start``, ``Executive Order``
            if known is None and _has_a_noun_ending(ctx, name_tokens):
                continue  # ``Planned Parenthood``, ``Trans-Pacific Partnership``
            if (
                known is not None
                or is_person_name(ctx, mode, chain, name_tokens, titled)
                or _is_frequent_name(ctx, mode, chain, name_tokens)
                or (mode == NORMAL and _is_hyphenated_east_asian_name(ctx, chain, name_tokens))
                or (mode == NORMAL and is_named_in_scores(text, chain, name_tokens, lexicon))
            ):
                settled[tuple(words)] = person = _add_name(people, by_surname, words, role, lexicon)
                if len(words) >= 3:
                    first_names.setdefault((words[0].lower(), words[1].lower()), person)
            elif mode == NORMAL and could_be_listed_name(ctx, name_tokens):
                listed.append((chain, words))
    for words in _names_listed_with_people(text, listed, settled):
        settled[words] = _add_name(people, by_surname, list(words), None, lexicon)
    for words in _relatives_sharing_a_name(text, unit_chains, settled, lexicon):
        if words not in settled:
            settled[words] = _add_name(people, by_surname, list(words), None, lexicon)
    wrapped: list[tuple[int, Chain, Chain]] = []  # a name a results list breaks over two lines
    for first, second in _names_broken_over_lines(text, unit_chains, lexicon, organisations):
        words = tuple(name_words(text, first.tokens) + name_words(text, second.tokens))
        person = settled.get(words)
        if person is None:
            person = settled[words] = _add_name(people, by_surname, list(words), None, lexicon)
        wrapped.append((person, first, second))

    index = _NameIndex(people, by_surname)
    mentions: list[Mention] = []
    for unit, mode, chains in unit_chains:
        for chain in chains:
            role_tokens, name_tokens = chain.split or split_chain(chain, lexicon)
            if role_tokens and len(name_tokens) == 1 and role_tokens[-1].key in _NAME_FORMING_TITLES:
                name_tokens = [role_tokens[-1], name_tokens[0]]
            if role_tokens and _continues_a_place(role_tokens, name_tokens):
                continue
            if (len(name_tokens) == 1 and name_tokens[0].start in place_spots) or (
                never_mentions and name_tokens and tuple(name_words(text, name_tokens)) in never_mentions
            ):
                continue  # ``in Houston,``, ``near Gujar Khan``: a place, though people of that name play there
            if alias_of:
                owner = alias_of.get(tuple(name_words(text, name_tokens or chain.tokens)))
                if owner is not None:
                    mentions.append(Mention(chain.start if not role_tokens else name_tokens[0].start, chain.end, owner,
                                            chain.sentence_initial and not role_tokens, chain.possessive))
                    continue
            mentions.extend(_link(ctx, index, chain, name_tokens or chain.tokens, mode))
    if wrapped:
        halves = {(c.start, c.end): person for person, first, second in wrapped for c in (first, second)}
        mentions = [m for m in mentions if (m.start, m.end) not in halves]
        mentions.extend(Mention(start, end, person, False, False) for (start, end), person in halves.items())
    mentions.extend(_family_names_that_are_words(ctx, people, mentions))
    mentions.sort(key=lambda m: m.start)
    for mention in mentions:
        people[mention.person].mentions.append((mention.start, mention.end))
    return PeopleFound(people, mentions)


def _family_names_that_are_words(ctx: NameContext, people: list[PersonRecord], mentions: list[Mention]) -> list[Mention]:
    """``May, who represents Saanich-Gulf Islands``, ``May told reporters``: once the text has named
    ``Elizabeth May``, the bare family name is hers where only a person stands (a speech verb, ``,
    who``, ``Ms.``), though as a month or a verb the word opens no chain of its own. Only a family
    name no other person of the text shares."""
    lex = ctx.lexicon
    words: dict[str, int | None] = {}
    for index, person in enumerate(people):
        if len(person.name_tokens) < 2:
            continue
        key = person.name_tokens[-1].lower()
        if key in lex.function_words:
            words[key] = None if key in words else index  # shared by two people: nobody's alone
    if not any(index is not None for index in words.values()):
        return []
    text = ctx.text
    taken = {m.start for m in mentions}
    found: list[Mention] = []
    for key, index in words.items():
        if index is None:
            continue
        word = people[index].name_tokens[-1]
        for match in re.finditer(r"(?<![\w’'-])" + re.escape(word) + r"(?![\w’'-])", text):
            start, end = match.span()
            if start in taken or _word_before_is_capitalised(text, start):
                continue  # part of a longer name (``Theresa May``), linked or not
            if stands_as_a_person(ctx, start, end):
                found.append(Mention(start, end, index, _starts_sentence(text, start), False))
    return found


def _word_before_is_capitalised(text: str, start: int) -> bool:
    i = start
    while i > 0 and text[i - 1] in " \t":
        i -= 1
    if i == start or i == 0 or not text[i - 1].isalpha():
        return False
    j = i
    while j > 0 and text[j - 1].isalpha():
        j -= 1
    return text[j].isupper()


def _starts_sentence(text: str, start: int) -> bool:
    i = start
    while i > 0 and text[i - 1] in " \t\"“‘'(":
        i -= 1
    return i == 0 or text[i - 1] in ".!?:;\n"


#: Titles that are part of the name a person is known by when one name follows (``Mother Teresa``,
#: ``Pope Francis``): unlike ``President Bush``, the bare name alone is rarely used. Both passes keep
#: such a title in the name, and it still counts as evidence of a person.
_NAME_FORMING_TITLES = frozenset({"mother", "pope", "dalai", "aga"})  # and ``the Dalai Lama``, ``the Aga Khan``


def _starts_with_acronym(name: list[Token], lexicon: Lexicon, text_before: str = "") -> bool:
    """``PSV Eindhoven``, ``SBC Warburg``, ``RAO Gazprom``, ``IFK Gothenburg``: a word in capitals
    leading a name in ordinary prose is a club's, firm's or party's initials, not a given name."""
    if len(name) < 2:
        return False
    first = name[0]
    text = first.text
    if first.initial or len(text) < 2 or not text.replace("-", "").isupper() or lexicon.is_given_name(text):
        return False
    if any(t.text.isupper() for t in name[1:]):
        return False  # a name all in capitals is a heading's
    # ``AWR Hawkins``, ``JJ Abrams``: initials written without full stops, before a family name
    last = name[-1].key
    return not (
        len(name) == 2
        and len(text) <= 3
        and not text_before.rstrip(" \t")[-1:].isdigit()  # ``1,200 MW Sierra``: a unit
        and last in lexicon.census_surnames
        and last not in lexicon.place_words
        and last not in lexicon.org_words
        and last not in lexicon.places
    )


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


def _is_frequent_name(ctx: NameContext, mode: str, chain: Chain, name: list[Token]) -> bool:
    """A given name and a family name that both rank among the most frequent (``Michael Jordan``,
    ``Tiger Woods``, ``Regina King``, ``Taylor Swift``): a full name even when its words are also
    places or ordinary words and no speech verb is near. Anything that makes the words a place,
    firm or phrase (``Virginia Beach``, ``Grace Church``, ``the Jordan Valley``) still wins.
    """
    lex = ctx.lexicon
    if mode != NORMAL or not 2 <= len(name) <= 3 or chain.possessive and len(chain.tokens) != len(name):
        return False
    first, last = name[0], name[-1]
    if first.initial or last.initial or first.text.isupper() or last.text.isupper() or len(last.text) < 2:
        return False
    if not (lex.is_given_name(first.text) or first.key in lex.census_given_names) or last.key not in lex.census_surnames:
        return False
    if len(name) == 3 and not (name[1].initial or lex.is_given_name(name[1].text) or name[1].key in lex.census_surnames):
        return False
    for token in name:
        key = token.key
        if key in lex.org_words or key in lex.place_words or key in lex.demonyms or key in lex.function_words:
            return False
    if _DETERMINER_BEFORE_RE.search(ctx.text, max(0, chain.start - 5), chain.start):
        return False
    return True


_DETERMINER_BEFORE_RE = re.compile(r"\b(?:the|a|an)[ \t]+\Z", re.IGNORECASE)


def _is_hyphenated_east_asian_name(ctx: NameContext, chain: Chain, name: list[Token]) -> bool:
    """``Ban Ki-moon``, ``Park Geun-hye``, ``Sheu Yuan-dong``: a short family name and a two-part
    given name joined by a hyphen, the second part in lower case. Korean and Chinese names are
    written so; English compounds (``Bergamo-based``, ``Left-back``) are not names."""
    if len(name) != 2 or chain.possessive and len(chain.tokens) != 2:
        return False
    family, given = name
    head, dash, tail = given.text.rpartition("-")
    if not (dash and head[:1].isupper() and head[1:].islower() and tail.isalpha() and tail.islower()):
        return False
    if not (2 <= len(head) <= 6 and 1 <= len(tail) <= 6) or is_compound_adjective(given.text):
        return False
    if not (family.text.isalpha() and family.text[1:].islower() and 2 <= len(family.text) <= 6):
        return False
    return not _DETERMINER_BEFORE_RE.search(ctx.text, max(0, chain.start - 5), chain.start)


_OPENERS = frozenset(
    """like unlike whereas besides than very given assuming imagine says said including despite
    unless until while although though because since after before during without within against
    rather sure indeed instead still yet meanwhile however moreover furthermore nevertheless nonetheless
    thus hence otherwise anyway likewise overall now today yesterday tonight okay yes well again perhaps
    maybe certainly granted regardless plus next thanks sorry""".split()
)


def _is_opener(ctx: NameContext, token: Token, alone: bool = False) -> bool:
    """A capitalised word that starts the sentence and is no part of the name after it: a word the
    text also writes in lower case (``Painting``, ``Longtime``), an adverb or an -ing form."""
    lex = ctx.lexicon
    key = token.key
    if token.initial or lex.is_given_name(token.text) or key in lex.census_given_names:
        return False
    return (
        key in _OPENERS
        or key in ctx.lower_words
        or key.endswith(_ADVERB_OR_GERUND_ENDINGS)
        or (key in lex.common_words and key not in lex.census_surnames)
        or (alone and key.endswith("ly") and len(key) > 4 and key not in lex.census_surnames)  # Sadly; not Waverly Crenshaw
        or (not alone and key.endswith(_ADJECTIVE_ENDINGS) and len(key) > 5 and key not in lex.census_surnames)
    )


#: Adjectives that open a sentence before a name (``Wealthy Parma``, ``Dissident Khmer Rouge``, ``Injured …``).
_ADJECTIVE_ENDINGS = ("thy", "ous", "ful", "ive", "less", "ated", "cted", "ured", "tled", "ened")  # not -ent, -ied, -ish: Florent, Wilfried, Tavish
_ADVERB_OR_GERUND_ENDINGS = (
    "ing", "ally", "ily", "ously", "ively", "edly", "ately", "fully", "ingly", "ently", "antly", "ably", "ibly", "ctly",
)  # fmt: skip


def _drop_sentence_opener(ctx: NameContext, chain: Chain) -> None:
    """``Painting Trump as…``, ``Like Sanders,``, ``Unlike Hillary Clinton``: the first word of a
    sentence joins the capitalised name after it; it is moved out of the name (to the words before
    it, where it is no title and so no role) for every later step."""
    if not (chain.sentence_initial or chain.tokens[0].key in _OPENERS):
        return  # ``Unlike`` and ``Besides`` open a phrase anywhere, ``Painting`` a sentence
    role_tokens, name_tokens = chain.split or split_chain(chain, ctx.lexicon)
    if role_tokens or len(name_tokens) < 2 or not _is_opener(ctx, name_tokens[0]):
        return
    if _is_hyphenated_east_asian_name(ctx, chain, name_tokens):
        return  # ``Ban Ki-moon met…``: the family name, not the verb
    chain.split = (name_tokens[:1], name_tokens[1:])


def _is_ordinary_word_after_title(ctx: NameContext, role_tokens: list[Token], name: list[Token]) -> bool:
    """``Miss Universe``, ``Star Wars``, ``Head Start``, ``Vice Presidential``, ``Executive Order``:
    one word after a title that the text also writes in lower case, or that is an ordinary English
    word and no family name, is a phrase (``President Bush`` and ``Judge Day`` stay people)."""
    if len(name) != 1 or not role_tokens:
        return False
    token = name[0]
    lex = ctx.lexicon
    if token.initial or lex.is_given_name(token.text) or token.key in lex.census_given_names:
        return False
    title = role_tokens[-1].key
    if token.key in lex.census_surnames:  # ``Miss Universe``, ``Head Start``; not ``Judge Day``
        return (title in HONORIFICS or title in _ADJECTIVE_TITLES) and ctx.is_common(token)
    return ctx.is_common(token) or token.key in lex.common_words


#: Titles that are also adjectives, and so start phrases: ``Head Start``, ``Star Power``, ``Vice
#: Presidential``, ``Executive Order``, ``General Assembly``, ``Grand Jury``.
_ADJECTIVE_TITLES = frozenset(
    "head star executive vice chief general deputy senior junior master private major grand supreme acting prime".split()
)


_NOUN_ENDINGS = ("hood", "ship", "tion", "tions", "sion", "ness", "ism", "isms", "ity", "ities", "ology")  # not -ment: Taument


def _has_a_noun_ending(ctx: NameContext, name: list[Token]) -> bool:
    """``Planned Parenthood``, ``Trans-Pacific Partnership``, ``Radical Islamism``: a word with the
    ending of an abstract noun (``-hood``, ``-ship``, ``-ment``, ``-tion``) in a name that does not
    start with a given name; family names rarely end so, and the census ones are kept."""
    lex = ctx.lexicon
    first = name[0]
    if first.initial or lex.is_given_name(first.text) or first.key in lex.census_given_names:
        return False
    return any(
        len(t.key) > 6 and t.key.endswith(_NOUN_ENDINGS) and t.key not in lex.census_surnames for t in name
    )


_FORMER_WORDS = frozenset(("former", "fellow", "then"))
_DESCRIPTOR_ENDINGS = ("ed", "en", "ful", "ous", "ive", "less", "ish", "ing", "ly")


def _tidy_name_edges(ctx: NameContext, unit_chains: list[tuple[Unit, str, list[Chain]]]) -> None:
    """Words at either edge of a name that are not part of it, in one pass over the chains of two
    words or more: :func:`_drop_sentence_opener`, :func:`_descriptors_before` and
    :func:`_is_trailing_verb`. The split is changed once for every later step."""
    lexicon = ctx.lexicon
    for _, mode, chains in unit_chains:
        if mode != NORMAL:
            continue
        for chain in chains:
            if len(chain.tokens) < 2:
                continue
            _drop_sentence_opener(ctx, chain)
            role_tokens, name_tokens = chain.split or split_chain(chain, lexicon)
            if len(name_tokens) >= 3 and name_tokens[0].text[:1].isupper():
                cut = _descriptors_before(ctx, chain, role_tokens, name_tokens)
                if cut < 0:  # an office's words, with nothing else before the name
                    role_tokens, name_tokens = name_tokens[:-cut], name_tokens[-cut:]
                elif cut > 0:
                    role_tokens, name_tokens = role_tokens + name_tokens[:cut], name_tokens[cut:]
                chain.split = (role_tokens, name_tokens)
            if len(name_tokens) >= 2 and not chain.possessive and _is_trailing_verb(ctx, name_tokens):
                chain.split = (role_tokens, name_tokens[:-1])


def _descriptors_before(ctx: NameContext, chain: Chain, role_tokens: list[Token], name_tokens: list[Token]) -> int:
    """``Outspoken Andrei Medvedev``, ``former Yankee Terry Mulholland``, ``Minister of Foreign
    Affairs Lloyd Axworthy``: up to two words before a given name that describe the person, or
    finish an office, rather than name them. They move out of the name (not into the role); the
    number of them, negative for an office's words (which then are the only words before).

    A describing word is an ordinary word (one the text also writes in lower case, or a common
    word), an adjective by its ending, a people noun (``Kentuckian``, ``Floridians``), or any
    plain word after ``former``; it is never a name word (a given name, a family name of the census
    list, a particle, an initial or capitals), so ``Amer Hishem Ali Mohammed`` keeps its first names.
    """
    lexicon = ctx.lexicon
    before, words = chain.before or words_before(ctx.text, chain)
    if not role_tokens and _ends_with_an_office(words, lexicon):
        # ``Minister of Finance Mar'ie Muhammad``: the portfolio's words end the office
        k = 0
        while len(name_tokens) - k > 2 and _is_plain_word(lexicon, name_tokens[k]) and ctx.is_common(name_tokens[k]):
            k += 1
        if k:
            return -k
    after_former = not role_tokens and bool(words) and (words[-1].lower() in _FORMER_WORDS or before.endswith("ex-"))
    for j in range(1, min(3, len(name_tokens) - 1)):
        if not lexicon.is_given_name(name_tokens[j].text):
            continue
        described = name_tokens[:j]
        if all(_is_plain_word(lexicon, t) for t in described) and (
            after_former
            # after a title (``Capt. Brenden Ian MacDonald``) an unknown word is a first name, whatever its ending
            or all(ctx.is_common(t) or (not role_tokens and t.key.endswith(_DESCRIPTOR_ENDINGS)) for t in described)
            or (j == 1 and _is_people_noun(described[0].key))
        ):
            return j
        return 0
    return 0


def _ends_with_an_office(words: list[str], lexicon: Lexicon) -> bool:
    """Do the words before a name end ``Minister of``, ``Secretary of the``, ``Minister of Trade and``?"""
    n = len(words)
    if n >= 2 and words[-1] == "of":
        return words[-2].lower() in lexicon.titles
    if n >= 3 and words[-1] == "the" and words[-2] == "of":
        return words[-3].lower() in lexicon.titles
    if n >= 4 and words[-1] in ("and", "&") and words[-3] == "of":
        return words[-4].lower() in lexicon.titles
    return False


def _is_trailing_verb(ctx: NameContext, name_tokens: list[Token]) -> bool:
    """``Ted Cruz Refuses …``, ``Donald Trump Wins …``, ``Hillary Releasing …``: a headline
    capitalises the verb or noun after a name; a last word the text also writes in lower case, with
    the ending of a verb or a plural, and no family name of the census list, is not part of the
    name. Two words: ``Steve Jobs`` is a name, ``Hillary Releasing`` is not."""
    last = name_tokens[-1]
    key = last.key
    lexicon = ctx.lexicon
    return (
        key.endswith(("ed", "ing") if len(name_tokens) == 2 else ("s", "ed", "ing"))
        and key in ctx.lower_words
        and _is_plain_word(lexicon, last)
        and any(lexicon.is_given_name(t.text) for t in name_tokens[:-1])
    )


def _is_people_noun(key: str) -> bool:
    """``Kentuckian``, ``Floridians``, ``Liberals``, ``Celebrities``, ``Moderator``, ``Evacuee``,
    ``Survivor``, ``Pharmacist``: a demonym, a plural, an agent noun or a ``-ee`` noun, which describe
    a person and never start their name (family names ending so, ``Taylor``, ``Fischer``, are kept
    by the census list)."""
    if key.endswith(("ian", "ians", "ator", "ators", "s")) and not key.endswith(("ss", "us", "is", "os", "as", "ings")):
        return True
    if len(key) > 5 and key.endswith("ee"):
        return True  # ``Evacuee``, ``Retiree``
    return len(key) > 6 and key.endswith(("or", "our", "ist", "er"))  # ``Survivor``, ``Neighbour``, ``Teenager``


def _is_plain_word(lexicon: Lexicon, token: Token) -> bool:
    """A capitalised word that is no part of a name's vocabulary (see :func:`_drop_descriptors`)."""
    key = token.key
    return (
        not token.initial
        and token.text.isalpha()
        and token.text[1:].islower()
        and len(key) > 2
        and not lexicon.is_given_name(token.text)
        and key not in lexicon.census_given_names
        and key not in lexicon.census_surnames
        and key not in lexicon.name_particles
    )


def _is_ordinary_word_alone(ctx: NameContext, chain: Chain, name: list[Token]) -> bool:
    """``Unfortunately,``, ``Debate``, ``Hurt``: one capitalised word starting a sentence that the
    text also writes in lower case, or an adverb, is that word, not a person."""
    if len(name) != 1 or not chain.sentence_initial or name[0] is not chain.tokens[0]:
        return False
    return _is_opener(ctx, name[0], alone=True)


def _all_ordinary_words(ctx: NameContext, name: list[Token]) -> bool:
    """``Civil Liberties``, ``Racial Injustice``, ``Economic Dialogue``: two or more words that the
    text also writes in lower case (or that are ordinary English words), none a given name."""
    if len(name) < 2:
        return False
    lex = ctx.lexicon
    for token in name:
        key = token.key
        if token.initial or lex.is_given_name(token.text) or key in lex.census_given_names:
            return False
        if not (key in ctx.lower_words or key in lex.common_words):
            return False
    return True


_RELATIONS = (
    "wife|husband|son|daughter|brother|sister|father|mother|widow|widower|twin|stepson|stepdaughter"
    "|granddaughter|grandson|grandmother|grandfather|stepfather|stepmother|stepbrother|stepsister"
)
#: A word that may stand between the possessive and the relation: ``her twin sister, Karen,``.
_RELATION_MODIFIERS = "twin|younger|older|elder|eldest|youngest|oldest|late|little|baby|big|only"
_RELATIVE_RE = re.compile(
    rf"\b(?:(?P<pronoun>[Hh]is|[Hh]er)|(?P<possessive>[’']s))[ \t]+(?:(?:{_RELATION_MODIFIERS})[ \t]+)?"
    rf"(?P<relation>{_RELATIONS})[ \t]*,?[ \t]+\Z"
)


# Between a person's name and the name they perform or are known by: ``Stephanie Clifford, known as
# Stormy Daniels``, ``Aubrey Graham, the rapper better known as Drake``, ``Ana Ruiz (known as La Reina)``,
# ``Ana Ruiz, who goes by Reina``.
_STAGE_NAME_GAP_RE = re.compile(
    r",?[ \t]+(?:\(|(?:(?:the|a|an)[ \t][^,.;:()\n]{0,60}?[ \t])?)?"
    r"(?:(?:(?:better|also|professionally|popularly|widely|affectionately)[ \t]+)?known[ \t]+"
    r"(?:(?:professionally|publicly|to[ \t]+(?:fans|friends|most))[ \t]+)?as"
    r"|who[ \t]+(?:goes|went|performs|performed|wrestles|wrestled|raps|rapped)[ \t]+(?:by|as|under)(?:[ \t]+the[ \t]+name)?)"
    r"[ \t]+[\"“]?"
)


def _stage_names(text: str, unit_chains: list[tuple[Unit, str, list[Chain]]]) -> dict[int, Chain]:
    """Names given as the name a person is known by, by where they start: the chain of the person's
    own name, whose words they are an alias of (the name first given stays the person's name).
    Found from the cue words, which few texts hold, so a long text costs one regex pass."""
    found: dict[int, Chain] = {}
    cues = [m.start() for m in _STAGE_NAME_CUE_RE.finditer(text) if m.start() == 0 or not text[m.start() - 1].isalnum()]
    if not cues:
        return found
    chains = [chain for _, mode, unit in unit_chains if mode == NORMAL for chain in unit]
    starts = [chain.start for chain in chains]
    for cue in cues:
        after = bisect_left(starts, cue)
        for i in range(max(0, after - 2), after):  # the person's name, a capitalised word may follow it
            first = chains[i]
            if first.possessive or first.end > cue:
                continue
            for second in chains[after : after + 1]:
                if _STAGE_NAME_GAP_RE.fullmatch(text, first.end, second.start):
                    found[second.start] = first
    return found


def _names_after_an_office_of(text: str, unit_chains: list[tuple[Unit, str, list[Chain]]], lexicon: Lexicon) -> dict[int, str]:
    """``Clerk of the Privy Council Michael Wernick``, ``Speaker of the House of Commons Geoff Regan``:
    an office named with ``of`` runs into the name after it, since ``of`` and ``the`` break a chain
    and the last piece (``Privy Council Michael Wernick``) holds the body and the name. The piece is
    split where a given name starts its last two or three words, and the whole office is the role.
    Returns the office by where the piece starts (the piece's split is set on it)."""
    found: dict[int, str] = {}
    for _, mode, chains in unit_chains:
        if mode != NORMAL:
            continue
        for k in range(1, len(chains)):
            chain = chains[k]
            tokens = chain.tokens
            if len(tokens) < 3 or not _OF_GAP_RE.fullmatch(text, chains[k - 1].end, chain.start):
                continue
            first = k - 1  # back over ``of``-joined pieces to the title: ``Speaker of the House of Commons``
            while first > 0 and not is_title(chains[first].tokens[-1].key, lexicon) and _OF_GAP_RE.fullmatch(
                text, chains[first - 1].end, chains[first].start
            ):
                first -= 1
            if not is_title(chains[first].tokens[-1].key, lexicon) or chains[first].possessive:
                continue
            for cut in range(max(1, len(tokens) - 3), len(tokens) - 1):
                if (
                    lexicon.is_given_name(tokens[cut].text)
                    and not lexicon.is_given_name(tokens[cut - 1].text)
                    and not tokens[cut - 1].initial
                ):
                    chain.split = (tokens[:cut], tokens[cut:])
                    found[chain.start] = text[chains[first].start : tokens[cut - 1].end]
                    break
    return found


_OF_GAP_RE = re.compile(r" of (?:the )?")


# No ``\b`` in front: a pattern that starts with letters lets the engine skip to them (five times faster)
_STAGE_NAME_CUE_RE = re.compile(r"(?:known|who[ \t]+(?:goes|went|performs|performed|wrestles|wrestled|raps|rapped))[ \t]")


def _relatives_by_given_name(
    text: str, unit_chains: list[tuple[Unit, str, list[Chain]]], lexicon: Lexicon
) -> dict[int, tuple[tuple[str, ...], str]]:
    """``Trump’s wife Melania``, ``Kirill Marsh and his wife, Anna,``: a relative named by given name
    alone shares the family name of the person whose relative they are, and is a person of their
    own (``Melania Trump``), not a one-word ``Melania``. By the chain of that given name: the full
    name and the relation (``wife``), kept as the role.

    The person is the name right before ``’s``, or for ``his``/``her`` the last full name before it
    in the paragraph."""
    found: dict[int, tuple[tuple[str, ...], str]] = {}
    for _, mode, chains in unit_chains:
        if mode != NORMAL:
            continue
        last_full: Chain | None = None  # the last name of two words or more in this unit
        previous: Chain | None = None
        for chain in chains:
            if len(chain.tokens) == 1 and lexicon.is_given_name(chain.tokens[0].text) and not chain.tokens[0].initial:
                before = _RELATIVE_RE.search(text, max(0, chain.start - 40), chain.start)
                owner = None
                if before is not None and before.group("possessive"):
                    owner = previous if previous is not None and previous.possessive and previous.end == before.start() else None
                elif before is not None:
                    owner = last_full
                if owner is not None:
                    _, owner_name = split_chain(owner, lexicon)
                    surname = owner_name[-1].text if owner_name else ""
                    if len(owner_name) == 1 and _is_given(lexicon, owner_name[0]):
                        surname = ""  # ``Betsy’s husband Tom``: a given name is no family name to share
                    if surname and surname[:1].isupper() and surname.lower() != chain.tokens[0].key:
                        found[chain.start] = ((chain.tokens[0].text, surname), before.group("relation"))
            _, name = split_chain(chain, lexicon)
            if len(name) >= 2 and _is_given(lexicon, name[0]) and name[-1].key not in lexicon.org_words:
                last_full = chain  # (``the Bill and Melinda Gates Foundation`` is no one's family)
            previous = chain
    return found


def _is_given(lexicon: Lexicon, token: Token) -> bool:
    return lexicon.is_given_name(token.text) or token.key in lexicon.census_given_names


_GIVEN_AND_BEFORE_RE = re.compile(rf"(?<![\w’'\-])(?P<given>[{UPPER}][\w’'\-]+)[ \t]+(?:and|&)[ \t]+\Z")


def _relatives_sharing_a_name(
    text: str, unit_chains: list[tuple[Unit, str, list[Chain]]], settled: dict[tuple[str, ...], int], lexicon: Lexicon
) -> list[tuple[str, ...]]:
    """``Serena and Venus Williams``, ``Joe and Jill Biden``: two people of one family name, the
    first named by given name only; each is a person of their own."""
    found: list[tuple[str, ...]] = []
    for _, mode, chains in unit_chains:
        if mode != NORMAL:
            continue
        for chain in chains:
            if not text.endswith(("and ", "& "), max(0, chain.start - 4), chain.start):
                continue
            _, name = split_chain(chain, lexicon)
            if len(name) != 2 or tuple(name_words(text, name)) not in settled or name[0].start != chain.start:
                continue
            before = _GIVEN_AND_BEFORE_RE.search(text, max(0, chain.start - 30), chain.start)
            if before is None:
                continue
            given = before.group("given")
            key = given.lower()
            frequent_given = key in lexicon.census_given_names and key not in lexicon.census_surnames
            if (lexicon.is_given_name(given) or frequent_given) and key not in lexicon.function_words:
                found.append((given, name[1].text))  # (``Williams and John Berger``: a family name)
    return found


_PLACE_PREFIXES = frozenset(
    "new san santa santo sao são los las st st. saint fort port mount cape lake north south east west".split()
    + "ste sault lac baie pointe".split()  # ``Sault Ste. Marie``, ``Lac La Biche``, ``Baie-Comeau``
)


def _continues_a_place(role_tokens: list[Token], name_tokens: list[Token]) -> bool:
    """``San Diego``, ``New Zealand``, ``North Carolina``: what follows a place prefix is the rest of
    a place's name, even when it is also a given name."""
    if not role_tokens or not name_tokens:
        return False
    prefix = role_tokens[-1]
    gap = name_tokens[0].start - prefix.end  # ``St. John``: the full stop of the abbreviation
    return prefix.key in _PLACE_PREFIXES and (gap <= 1 or (gap == 2 and prefix.key in ("st", "ste")))


_LIST_ITEM_BEFORE_RE = re.compile(r"(?:^|\n|,[ \t]|\)[ \t]|\d[ \t]|:[ \t])[ \t]*\Z")
_LIST_ITEM_AFTER_RE = re.compile(r"[ \t]*(?:,|\(|\d|\n|\Z)")


def _names_broken_over_lines(
    text: str, unit_chains: list[tuple[Unit, str, list[Chain]]], lexicon: Lexicon, not_people: set[tuple[str, ...]]
) -> list[tuple[Chain, Chain]]:
    """``…, Lee Westwood, Greg`` / ``Chalmers (Australia), …``: a given name ending a line of a list
    of names and the family name starting the next, which wire results tables break apart."""
    chains = [chain for _, mode, unit in unit_chains if mode == NORMAL for chain in unit]
    pairs: list[tuple[Chain, Chain]] = []
    for first, second in zip(chains, chains[1:]):
        if second.start != first.end + 1 or text[first.end] != "\n" or len(first.tokens) > 2 or len(second.tokens) > 2:
            continue
        given = first.tokens[0]
        if given.initial or not (lexicon.is_given_name(given.text) or given.key in lexicon.census_given_names):
            continue
        if any(t.initial or lexicon.is_non_name_word(t.text) or t.text.isupper() for t in second.tokens):
            continue
        if tuple(name_words(text, second.tokens)) in not_people or first.possessive:
            continue
        if _LIST_ITEM_BEFORE_RE.search(text, max(0, first.start - 4), first.start) and _LIST_ITEM_AFTER_RE.match(
            text, second.end
        ) and _is_list_line(text, first.start):
            pairs.append((first, second))
    return pairs


def _is_list_line(text: str, pos: int) -> bool:
    """A line of a results list: names separated by commas or scores, not a sentence."""
    line_start = text.rfind("\n", 0, pos) + 1
    line = text[line_start:pos]
    return line.count(",") >= 1 and not re.search(r"\b[a-z]{4,}\b", line.replace("not out", ""))


def _without_credits(
    unit_chains: list[tuple[Unit, str, list[Chain]]], credits: list[tuple[int, int]]
) -> list[tuple[Unit, str, list[Chain]]]:
    """The chains that do not touch a credited name (both lists are in text order: one merge walk,
    and the units with no credit in reach are kept as they are)."""
    if not credits:
        return unit_chains
    out: list[tuple[Unit, str, list[Chain]]] = []
    k = 0
    for unit, mode, chains in unit_chains:
        while k < len(credits) and credits[k][1] <= chains[0].start:
            k += 1
        if k == len(credits) or credits[k][0] >= chains[-1].end:
            out.append((unit, mode, chains))
            continue
        kept = []
        for chain in chains:
            while k < len(credits) and credits[k][1] <= chain.start:
                k += 1
            if k < len(credits) and credits[k][0] < chain.end:
                continue
            kept.append(chain)
        if kept:
            out.append((unit, mode, kept))
    return out


_NAME_RUN = rf"[{UPPER}][\w’'\-.]*(?:[ \t]+[{UPPER}][\w’'\-.]*){{1,3}}"
_BRACKET = r"(?:[ \t]*\([^()\n]{1,30}\))?"
_SEPARATOR = r"[ \t]*(?:,|;|,?[ \t]+and)[ \t]*"
_LISTED_BEFORE_RE = re.compile(rf"(?P<name>{_NAME_RUN}){_BRACKET}{_SEPARATOR}\Z")
_LISTED_AFTER_RE = re.compile(rf"{_BRACKET}{_SEPARATOR}(?P<name>{_NAME_RUN})")


def _names_listed_with_people(
    text: str, listed: list[tuple[Chain, list[str]]], settled: dict[tuple[str, ...], int]
) -> list[tuple[str, ...]]:
    """Name-like chains that sit in a list between accepted names (``Mike Hulbert, Tiger Woods,
    Steve Jurgenson``): a list of people rarely has one item that is not a person."""
    found: list[tuple[str, ...]] = []
    for chain, words in listed:
        before = _LISTED_BEFORE_RE.search(text, max(0, chain.start - 80), chain.start)
        after = _LISTED_AFTER_RE.match(text, chain.end, chain.end + 80)
        if before and after and _is_settled(before.group("name"), settled, suffix=True) and _is_settled(
            after.group("name"), settled, suffix=False
        ):
            found.append(tuple(words))
    return found


def _is_settled(run: str, settled: dict[tuple[str, ...], int], suffix: bool) -> bool:
    """Do the last (or first) words of a run of capitalised words form an accepted name?"""
    words = run.split()
    for n in range(len(words), 1, -1):
        if tuple(words[-n:] if suffix else words[:n]) in settled:
            return True
    return False


def _add_name(
    people: list[PersonRecord], by_surname: _SurnameIndex, tokens: list[str], role: str | None, lexicon: Lexicon
) -> int:
    """Record a name (merging it into a compatible person); the person's index."""
    surname = surname_of(tokens)
    index = by_surname.first_compatible(surname, tokens)
    if index is not None:
        person = people[index]
        if len(tokens) > len(person.name_tokens) or (
            len(tokens) == len(person.name_tokens) and _is_initial(person.name_tokens[0]) and not _is_initial(tokens[0])
        ):
            person.name_tokens = tokens
            person.gender = person.gender or lexicon.gender(tokens[0])
            by_surname.add(surname, index, tokens)
        if role and not person.role:
            person.role = role
        return index
    people.append(PersonRecord(tokens, role, lexicon.gender(tokens[0]) if len(tokens) > 1 else None))
    by_surname.add(surname, len(people) - 1, tokens)
    return len(people) - 1


def _given_key(token: str) -> str:
    return token.rstrip(".").lower()


class _SurnameIndex:
    """People by family name, and within one family name by the forms a compatible name can take.

    A text about many people who share family names (a sports results service, a list of
    candidates, a family history) would otherwise compare each new name with everyone of that
    family name, which grows as the square of the people; here a lookup touches only the people a
    name could be compatible with (:func:`_compatible`): those with one word, the same given name,
    the same initial, or a name that ends the other.
    """

    def __init__(self, people: list[PersonRecord]) -> None:
        self.people = people
        self.members: dict[str, list[int]] = {}
        self.keys: dict[tuple[str, str, str], set[int]] = {}  # (surname, kind, word) -> people

    def _put(self, surname: str, kind: str, word: str, index: int) -> None:
        self.keys.setdefault((surname, kind, word), set()).add(index)

    def add(self, surname: str, index: int, tokens: list[str]) -> None:
        """File a person under a name form (again when a longer form replaces the name)."""
        members = self.members.setdefault(surname, [])
        if not members or members[-1] < index:  # a new person (people are only ever appended)
            members.append(index)
        if len(tokens) == 1:
            self._put(surname, "single", "", index)
            return
        given = _given_key(tokens[0])
        self._put(surname, "given", given, index)
        self._put(surname, "letter", given[:1], index)
        if len(given) == 1:
            self._put(surname, "initial", given, index)
        for word in tokens[1:]:
            self._put(surname, "inner", word.lower(), index)

    def get(self, surname: str) -> list[int]:
        """Everyone of this family name, in order of first appearance."""
        return self.members.get(surname, [])

    def candidates(self, surname: str, tokens: list[str]) -> list[int]:
        """Everyone of this family name who could be compatible with ``tokens``, in order (a superset)."""
        if len(tokens) == 1:
            return self.get(surname)
        if surname not in self.members:
            return []  # every key holds a filed family name: most chains of a text name nobody known
        keys = self.keys
        given = _given_key(tokens[0])
        found = set(keys.get((surname, "single", ""), ()))
        if len(given) == 1:
            found.update(keys.get((surname, "letter", given), ()))
        else:
            found.update(keys.get((surname, "given", given), ()))
            found.update(keys.get((surname, "initial", given[:1]), ()))
        found.update(keys.get((surname, "inner", tokens[0].lower()), ()))  # new name ends a known one
        for word in tokens[1:]:
            found.update(keys.get((surname, "given", _given_key(word)), ()))  # a known name ends the new one
        return sorted(found)

    def compatible(self, surname: str, tokens: list[str]) -> list[int]:
        return [i for i in self.candidates(surname, tokens) if _compatible(self.people[i].name_tokens, tokens)]

    def first_compatible(self, surname: str, tokens: list[str]) -> int | None:
        for i in self.candidates(surname, tokens):
            if _compatible(self.people[i].name_tokens, tokens):
                return i
        return None


def _is_initial(token: str) -> bool:
    return token.endswith(".") and len(token) <= 3


_SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"})


def surname_of(tokens: list[str]) -> str:
    """The family name a person is indexed by: the last word, ignoring ``Jr`` and ``III``."""
    for token in reversed(tokens):
        if token.lower() not in _SUFFIXES:
            return token.lower()
    return tokens[-1].lower()


def _compatible(known: list[str], new: list[str]) -> bool:
    """Same person if the given names agree, one is missing, or one is the other's initial,
    or one name ends the other (``Peña Nieto`` in ``Enrique Peña Nieto``)."""
    if len(known) == 1 or len(new) == 1:
        return True
    shorter, longer = sorted((known, new), key=len)
    if len(shorter) < len(longer) and [w.lower() for w in longer[-len(shorter) :]] == [w.lower() for w in shorter]:
        return True
    a, b = known[0].rstrip("."), new[0].rstrip(".")
    if a.lower() == b.lower():
        return True
    if len(a) == 1 or len(b) == 1:
        return a[0].lower() == b[0].lower()
    return False


_AMBIGUOUS = -1  # a bare surname several people share: decided by who was mentioned last
_UNKNOWN = object()


class _NameIndex:
    """People by surname and by given name, and who was mentioned last (for ambiguous surnames)."""

    def __init__(self, people: list[PersonRecord], by_surname: _SurnameIndex) -> None:
        self.people = people
        self.by_surname = by_surname
        self.by_given: dict[str, list[int]] = {}
        for i, person in enumerate(people):
            if person.given:
                self.by_given.setdefault(person.given.lower(), []).append(i)
        self.last_seen: dict[int, int] = {}
        self.recent: dict[str, int] = {}  # family name -> the person of that name mentioned last
        self.cache: dict[tuple[tuple[str, ...], str, bool], int | None] = {}

    def seen(self, person: int, position: int) -> None:
        self.last_seen[person] = position
        self.recent[surname_of(self.people[person].name_tokens)] = person

    def most_recent(self, surname: str) -> int:
        """Of everyone with this family name, the one mentioned last (else the first named):
        kept as mentions are linked in reading order, so a bare surname costs one lookup."""
        recent = self.recent.get(surname)
        return recent if recent is not None else self.by_surname.get(surname)[0]


def _link(ctx: NameContext, index: _NameIndex, chain: Chain, name: list[Token], mode: str) -> list[Mention]:
    """Mentions of known people inside one chain (the longest matching run of its tokens)."""
    out: list[Mention] = []
    i = 0
    n = len(name)
    while i < n:
        matched = False
        for j in range(min(n, i + _MAX_NAME_TOKENS), i, -1):
            words = name_words(ctx.text, name[i:j])
            key = (tuple(words), mode, name[i].initial)
            person = index.cache.get(key, _UNKNOWN)
            if person is _UNKNOWN:
                person = _match(index, name[i:j], words, ctx.lexicon, mode, recency=None)
                index.cache[key] = person
            if person == _AMBIGUOUS:
                person = _match(index, name[i:j], words, ctx.lexicon, mode)
            if person is None:
                continue
            index.seen(person, name[i].start)
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


def _match(
    index: _NameIndex, tokens: list[Token], words: list[str], lexicon: Lexicon, mode: str, recency: bool | None = True
) -> int | None:
    """The person these name words refer to, if exactly one fits (the most recent for a bare surname).

    With ``recency=None`` a bare surname shared by several people gives ``_AMBIGUOUS`` instead,
    so that every other answer can be cached: it depends on the words alone.
    """
    people, by_surname = index.people, index.by_surname
    surname = surname_of(words)
    if mode != CAPS and len(words[-1]) > 1 and words[-1].isupper() and len(words) == 1:
        candidates = by_surname.get(surname)
        return candidates[0] if len(candidates) == 1 and len(words[-1]) > 3 else None
    candidates = by_surname.compatible(surname, words)
    if len(words) > 1:
        candidates = [i for i in candidates if len(people[i].name_tokens) > 1 or len(words) == 1]
        exact = [i for i in candidates if [w.lower() for w in people[i].name_tokens] == [w.lower() for w in words]]
        if exact:
            return exact[0]
        return candidates[0] if len(candidates) == 1 else None
    if candidates:
        if len(candidates) == 1:
            return candidates[0]
        return _AMBIGUOUS if recency is None else index.most_recent(surname)
    if mode == NORMAL and not tokens[0].initial and not lexicon.is_non_name_word(words[0]):
        owners = index.by_given.get(words[0].lower(), ())
        if len(owners) == 1:
            return owners[0]
    return None
