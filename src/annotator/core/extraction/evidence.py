"""Evidence that a capitalised chain names a person, and evidence that it names a firm or place.

The rules are the ones a careful reader applies: a known given name or an initial, a title or role,
an age or a results-table bracket (``(France)``, ``(31st)``), a speech verb, or two or three
capitalised words none of which is an ordinary word, organisation, place or nationality. Against:
organisation and place words, an article in front (``the Unknown Sailor``), and anything the text
itself shows to be a firm or place (``Apic Yamada Corp``, ``Charles de Gaulle airport``).
"""

from __future__ import annotations

import re

from annotator.core.extraction.names import CAPS, NORMAL, TITLE, Chain, Token, name_words
from annotator.core.extraction.roles import is_compound_adjective, is_title, singular, split_chain
from annotator.core.extraction.units import Unit
from annotator.core.extraction.wordlists import Lexicon
from annotator.core.extraction.text_pieces import pieces

_LOWER_WORDS_RE = re.compile(r"\b[a-z][a-z’'\-]*\b")
_AGE_RE = re.compile(r",\s*\d{1,3},")
_NUMBER_WORDS = (
    "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
    "seventeen|eighteen|nineteen|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-[a-z]+)?"
)
# ``the 54-year-old Ana Lima``, ``seven-year-old Ava``
_AGED_BEFORE_RE = re.compile(rf"(?i:\b(?:\d{{1,3}}|{_NUMBER_WORDS})-year-old)[ \t]+\Z")


def _speech_patterns(speech_re: re.Pattern[str]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A speech verb right after a name, and right before one: built once per cue regex (a short
    text spent a tenth of its time hashing the long pattern strings to find them in ``re``'s cache).
    Kept by the cue regex's identity: hashing a compiled pattern hashes all its code."""
    cached = _SPEECH_PATTERNS.get(id(speech_re))
    if cached is not None and cached[0] is speech_re:
        return cached[1]
    after = re.compile(r"\s+(?:(?:has|had|have|was|is|also|later|then|once|again)\s+){0,2}(?:" + speech_re.pattern + r")\b")
    before = re.compile(r"(?:" + speech_re.pattern + r")\s+$")
    _SPEECH_PATTERNS.clear()  # one cue regex at a time: the shipped lexicon's, or a test's
    _SPEECH_PATTERNS[id(speech_re)] = (speech_re, (after, before))
    return after, before


_SPEECH_PATTERNS: dict[int, tuple[re.Pattern[str], tuple[re.Pattern[str], re.Pattern[str]]]] = {}


class NameContext:
    """Per-text helpers shared by the passes: the text, its lexicon and its ordinary words."""

    def __init__(self, text: str, lexicon: Lexicon, speech_re: re.Pattern[str]) -> None:
        self.text = text
        self.lexicon = lexicon
        self.speech_after_re, self.speech_before_re = _speech_patterns(speech_re)
        self.lower_words: set[str] = set()
        self.family_names_speaking: dict[str, bool] = {}  # ``Park`` -> does ``Park said`` stand in the text
        for start, end in pieces(text):  # one findall over 10 MB held the interpreter for 0.2 s
            self.lower_words.update(_LOWER_WORDS_RE.findall(text, start, end))

    def is_common(self, token: Token) -> bool:
        key = token.key
        common = self.lexicon.common_words
        return key in self.lower_words or key in common or (key.endswith("s") and key[:-1] in common)


_ORGANISATION_AFTER_RE = re.compile(
    r"[ \t]*(?:&[ \t]*(?:Co|Sons|Company|Partners|Associates)\b|(?:Co|Corp|Inc|Ltd|LLC|PLC|Plc|AG|GmbH|SpA|S\.A|N\.V|Group|Holdings)\b"
    r"|(?:airport|port|region|province|district|county|river|valley|square|street|company|firm|bank|"
    r"agency|newspaper|daily|brand|plant|mine|hotel|stadium|university)\b)"
)


def names_used_as_organisations(
    text: str, unit_chains: list[tuple[Unit, str, list[Chain]]], lexicon: Lexicon
) -> set[tuple[str, ...]]:
    """Names that the text itself shows to be firms or places somewhere (``Wertheim & Co``,
    ``Apic Yamada Corp``, ``Charles de Gaulle airport``): never people, anywhere in the text."""
    found: set[tuple[str, ...]] = set()
    for _, _, chains in unit_chains:
        for chain in chains:
            _, name_tokens = chain.split or split_chain(chain, lexicon)  # kept on the chain once split
            if len(name_tokens) > 1 and name_tokens[-1].key in lexicon.org_words:
                found.add(tuple(name_words(text, name_tokens[:-1])))  # Harlow Brandt Corp
            elif name_tokens and _ORGANISATION_AFTER_RE.match(text, chain.end):
                found.add(tuple(name_words(text, name_tokens)))
    return found


def is_person_name(ctx: NameContext, mode: str, chain: Chain, name: list[Token], role: bool) -> bool:
    """Is this run of capitalised words (titles and roles already split off) a person's name?"""
    lex = ctx.lexicon
    first, last = name[0], name[-1]
    if mode == CAPS:
        return False  # headlines in capitals repeat the names the body gives
    if mode == TITLE:
        # Title Case headlines mostly repeat names too; a lone given name + surname may stand.
        return len(name) == 2 and len(chain.tokens) == 2 and lex.is_given_name(first.text)
    given_first = lex.is_given_name(first.text)
    # Plain loops, not any(): this runs for every name-like chain of a text. A key without a final
    # ``s`` is its own singular, and a word without a hyphen is no compound adjective.
    org_words = lex.org_words
    for i, t in enumerate(name):
        if i == 0 and given_first:
            continue  # Christian Blanc: a given name that is also an organisation word
        key = t.key
        if key in org_words or (key[-1:] == "s" and singular(key) in org_words) or ("-" in t.text and is_compound_adjective(t.text)):
            return False
    if last.initial or (len(last.text) > 1 and last.text.isupper()):
        return False
    for t in name:
        if len(t.text) == 1 and not t.initial:
            return False
    text = ctx.text
    given = given_first or first.initial or (
        lex.given_names.get(first.key) == "s" and len(name) == 2 and len(last.text) <= 4
    )
    bracket = _BRACKET_RE.match(text, chain.end)
    listed = bool(bracket) and _bracket_is_origin(bracket.group(1), lex)
    age = (text.startswith(",", last.end) and _AGE_RE.match(text, last.end) is not None) or _aged_before(text, chain.start)
    if not listed:
        place_words = lex.place_words
        for t in name:
            key = t.key
            if key in place_words or (key[-1:] == "s" and singular(key) in place_words):
                if not (given_first and mode == NORMAL and _family_name_is_a_place_word(ctx, chain, name, role or age)):
                    return False
                break
    placed = False
    for t in name[1:] if given else name:
        key = t.key
        if key in lex.places or key in lex.demonyms or (key in lex.function_words and not given):
            placed = True
            break
    if placed:
        # A surname that is also a place (Ana Lima, Denzel Washington) needs more than a given name.
        if not (given and mode == NORMAL and (role or age or listed or _has_speech_cue(ctx, chain))):
            return False
    if not given and not role and _DETERMINER_BEFORE_RE.search(text, max(0, chain.start - 5), chain.start):
        return False  # the Unknown Sailor, a Grand Slam: names do not follow an article
    if len(name) >= 2:
        if given or role or age or listed or _has_speech_cue(ctx, chain):
            return True
        if (
            len(name) == 2
            and first.key in lex.census_given_names
            and first.key not in lex.places
            and not ctx.is_common(first)
            and not (last.key.endswith("s") and last.key[:-1] in lex.common_words)
        ):
            return True  # ``Darrell Night``: a given name rarer than the curated list's, then a family name
        return (
            len(name) <= 3
            and not any(ctx.is_common(t) or _looks_like_a_word(t.key) for t in name)
            and not chain.possessive
        )
    if first.initial or (len(first.text) > 1 and first.text.isupper()):
        return False
    if first.key in lex.places or first.key in lex.demonyms or first.key in lex.function_words:
        return False
    if singular(first.key) in lex.org_words or singular(first.key) in lex.place_words:
        return False
    # A lone capitalised word is a person only with a title in front (``President Bush``), or a
    # role or age around it when it is not an ordinary word; a speech verb alone (``Comelf said``)
    # is as often a company or a team.
    if chain.tokens[0] is not first and any(is_title(t.key, lex) for t in chain.tokens[: chain.tokens.index(first)]):
        return True
    if not (role or age) and lex.is_given_name(first.text):
        # ``The boy, Liam, was fishing``, ``the victim, Ava,``: a person's noun, then the given name between commas
        age = text.startswith(",", first.end) and bool(_PERSON_NOUN_BEFORE_RE.search(text, max(0, chain.start - 24), chain.start))
    return (bool(role) or age) and not ctx.is_common(first)


_PERSON_NOUN_BEFORE_RE = re.compile(
    r"\b(?:the|a|an|The|A|An)[ \t]+(?:boy|girl|child|toddler|baby|infant|teen|teenager|victim|youngster|student|"
    r"woman|man)[ \t]*,[ \t]+\Z"
)


def _family_name_is_a_place_word(ctx: NameContext, chain: Chain, name: list[Token], described: bool) -> bool:
    """``Lisa Park``, ``David Hill``, ``Rosemary Lane``, ``Sheila North``: a given name, then a family
    name that is also a place's noun. ``Stanley Park`` and ``Prospect Hill`` are written the same way,
    so the text must treat the words as a person somewhere: a title or role, an age, a speech verb,
    a clause or relative that only a person takes (``, who``, ``, her sister,``), or the family name
    alone speaking or titled elsewhere (``Park said``, ``Ms. Park``). A place's own cues (``in``,
    ``the village of``, a province after a comma) are read before this and win."""
    lex = ctx.lexicon
    last = name[-1]
    if not 2 <= len(name) <= 3 or last.key not in lex.census_surnames:
        return False
    if any(t.key in lex.place_words or singular(t.key) in lex.place_words for t in name[:-1]):
        return False  # ``Grand Valley North``: only the last word may be the place noun
    text = ctx.text
    if described or _has_speech_cue(ctx, chain) or _PERSON_AFTER_RE.match(text, chain.end):
        return True
    apposition = _APPOSITION_RE.match(text, chain.end)
    if apposition and ctx.speech_after_re.match(text, apposition.end()):
        return True  # ``David Hill, a franchisee in Ontario, said``
    if _family_name_speaks(ctx, last.text):
        return True
    # No cue either way: a full name, unless the words around it are a place's
    return (
        len(name) == 2
        and len(chain.tokens) == 2
        and not chain.possessive
        and not _PLACE_WORD_BEFORE_RE.search(text, max(0, chain.start - 12), chain.start)
    )


_PLACE_WORD_BEFORE_RE = re.compile(
    r"(?i:\b(?:in|at|near|to|from|on|of|the|a|an|through|across|around|outside|inside|into|via|toward|towards|"
    r"over|under|behind|along|by|past|up|down|off)[ \t]+)\Z"
)


# After a name: a relative clause or a relative in apposition, which places do not take.
_PERSON_AFTER_RE = re.compile(
    r",[ \t]+(?:who|whose|(?:his|her|their)[ \t]+(?:\w+[ \t]+)?"
    r"(?:wife|husband|son|daughter|brother|sister|father|mother|aunt|uncle|cousin|niece|nephew|partner|"
    r"grandson|granddaughter|grandmother|grandfather|widow|widower|twin)s?)\b"
)
# ``, a franchisee who runs four stores,``: a description between the name and its verb.
_APPOSITION_RE = re.compile(r",[ \t]+(?:a|an|the)[ \t][^,.;:!?\n\"“”]{1,60},")
_HONORIFIC_BEFORE_RE = re.compile(r"\b(?:Mr|Ms|Mrs|Dr|Miss|Mme)\.?[ \t]+\Z")


def _family_name_speaks(ctx: NameContext, word: str) -> bool:
    """``Park said``, ``said Park.``, ``Ms. Park``, ``Park, who``: the family name alone, elsewhere
    in the text, as a person's."""
    known = ctx.family_names_speaking.get(word)
    if known is None:
        known = ctx.family_names_speaking[word] = any(
            stands_as_a_person(ctx, match.start(), match.end())
            for match in re.finditer(r"(?<![\w-])" + re.escape(word) + r"(?![\w-])", ctx.text)
        )
    return known


def stands_as_a_person(ctx: NameContext, start: int, end: int) -> bool:
    """Is the word at ``start:end`` where only a person stands: the subject of a speech verb
    (``Park said``, ``said Park.``), before ``, who`` or after ``Ms.``?"""
    text = ctx.text
    if ctx.speech_after_re.match(text, end) or _PERSON_AFTER_RE.match(text, end):
        return True
    if _HONORIFIC_BEFORE_RE.search(text, max(0, start - 6), start):
        return True
    return bool(ctx.speech_before_re.search(text, max(0, start - 30), start)) and _ends_phrase(text, end)


_WORD_ENDINGS = (
    "tion", "sion", "ment", "ness", "ity", "ship", "ance", "ence", "ism", "ings", "ure", "ology",
    "ics", "able", "ible", "ful", "less", "ous", "ive", "ives", "ware", "care",
)  # fmt: skip


def _looks_like_a_word(key: str) -> bool:
    """``Partnership``, ``Enforcement``, ``Debates``: English word endings that names rarely have."""
    return len(key) > 5 and key.endswith(_WORD_ENDINGS)


def could_be_listed_name(ctx: NameContext, name: list[Token]) -> bool:
    """Two or three capitalised words with nothing against them being a name, only no evidence for.

    Such a run counts as a person when it stands in a list between accepted names.
    """
    lex = ctx.lexicon
    if not 2 <= len(name) <= 3 or name[-1].initial:
        return False
    for token in name:
        key = token.key
        if (
            (len(token.text) > 1 and token.text.isupper())
            or key in lex.org_words
            or key in lex.place_words
            or key in lex.places
            or key in lex.demonyms
            or key in lex.function_words
            or is_compound_adjective(token.text)
        ):
            return False
    return True


def _has_speech_cue(ctx: NameContext, chain: Chain) -> bool:
    """``Caddell said`` / ``said Caddell.``: the words are the subject of a speech verb."""
    text = ctx.text
    if ctx.speech_after_re.match(text, chain.end):
        return True
    return bool(ctx.speech_before_re.search(text, max(0, chain.start - 30), chain.start)) and _ends_phrase(text, chain.end)


_DETERMINER_BEFORE_RE = re.compile(r"\b(?:the|a|an)[ \t]+\Z")


def _aged_before(text: str, start: int) -> bool:
    """``the 54-year-old Ana Lima``: an age right before the name. Most names have no ``-year-old``
    in the few characters before them, which a substring look settles without the regex."""
    lo = max(0, start - 16)
    return text.find("-year-old", lo, start) >= 0 and _AGED_BEFORE_RE.search(text, lo, start) is not None


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


