"""Capitalised word chains: the raw material person names are read from.

A chain is a run of capitalised words, initials and name particles on one line (``Kirill
Budanov``, ``P. Simmons``, ``Ursula von der Leyen``). Chains break at function words, so title-case
headlines (``Budanov Says Putin Was Warned``) split into short pieces, and at a possessive, so
``Beijing’s Wang Yi`` never reads as one name. Finding them is one regex pass; the Python work is
proportional to the number of capitalised words, not to the length of the text.
"""

from __future__ import annotations

import re

from dataclasses import dataclass, field

from annotator.core.extraction.wordlists import Lexicon


def _char_class(predicate) -> str:
    """A regex character class of every code point below U+3000 that satisfies ``predicate``."""
    ranges: list[str] = []
    start = None
    for code in range(0x3000 + 1):
        inside = code < 0x3000 and predicate(chr(code))
        if inside and start is None:
            start = code
        elif not inside and start is not None:
            end = code - 1
            ranges.append(re.escape(chr(start)) + ("-" + re.escape(chr(end)) if end > start else ""))
            start = None
    return "".join(ranges)


UPPER = _char_class(str.isupper)
#: How a line is written: ordinary prose, a Title Case headline, or ALL CAPITALS.
NORMAL, TITLE, CAPS = "normal", "title", "caps"

_WORD = r"[^\W_]"
#: An initial (``P.``, ``J.R.``) or a capitalised word (``McDonald``, ``O’Brien``, ``Ki-moon``); the
#: group ``initial`` says which. Both start with the capital, written once in front: the regex engine
#: then skips every other character in C, three times faster over a long text than trying each
#: alternative at every position. ``Mc``, ``Mac``, ``O’`` and ``D’`` need no alternative of their own:
#: the word pattern reads them whole (``O`` and then ``’Brien``).
_CAP_TOKEN_RE = re.compile(rf"[{UPPER}](?:(?P<initial>\.(?:[{UPPER}]\.)*)|{_WORD}*(?:['’\-]{_WORD}+)*)")
#: Titles written abbreviated with a full stop (``Mr. Obama``, ``Sen. Warren``) that stay with the name.
ABBREVIATED_TITLES = frozenset(
    "mr mrs ms dr prof gov sen rep gen lt col sgt capt rev maj adm cmdr supt insp det pres amb".split()
    + "cpl const cst coun cllr hon".split()  # Canadian ranks, councillors, ``the Hon.``: ``Cpl.``, ``Coun.``
)
#: Honorifics: evidence of a person, but not a role worth reporting.
HONORIFICS = frozenset("mr mrs ms miss mx dr prof sir dame".split())
_PLACE_INITIALS = frozenset({"U.S.", "U.K.", "U.N.", "E.U.", "D.C.", "N.Y.", "L.A.", "U.A.E.", "N.C.", "S.C."})
_POSSESSIVE = ("’s", "'s", "’S", "'S")


@dataclass(slots=True, unsafe_hash=True)
class Token:
    """One capitalised word or initial. Never changed once made; not a frozen dataclass only because
    one of those takes four times as long to create, and a long text has tens of thousands."""

    start: int
    end: int
    text: str
    initial: bool = False
    key: str = ""  # lower case, without a trailing full stop: what word lists are looked up with


@dataclass(slots=True)
class Chain:
    """Capitalised tokens in a row, with what the context says about them."""

    tokens: list[Token]
    unit_index: int
    sentence_initial: bool
    possessive: bool
    split: tuple[list[Token], list[Token]] | None = None  # (role tokens, name tokens), set once
    before: tuple[str, list[str]] | None = None  # the text just before and its words, read once
    #: Where the first token starts and the last ends: kept, not computed, because the passes ask
    #: for them a couple of hundred thousand times per megabyte (the tokens never change).
    start: int = field(init=False)
    end: int = field(init=False)

    def __post_init__(self) -> None:
        self.start = self.tokens[0].start
        self.end = self.tokens[-1].end


def find_chains(text: str, start: int, end: int, lexicon: Lexicon) -> list[Chain]:
    """Chains of capitalised tokens in ``text[start:end]``; a chain never crosses a line break."""
    chains: list[Chain] = []
    current: list[Token] = []
    function_words = lexicon.function_words

    def flush(possessive: bool = False) -> None:
        nonlocal current
        if current:
            chains.append(Chain(current, -1, _sentence_initial(text, current[0].start, start), possessive))
            current = []

    last_end = -1
    bridge_end = -1  # where the family name after a nickname starts: ``Maurice (Rocket) ▸Richard``
    for match in _CAP_TOKEN_RE.finditer(text, start, end):
        s, e = match.span()
        if s < bridge_end:
            continue  # a word of the nickname
        is_initial = match.lastgroup == "initial"
        word = match.group()
        possessive = False
        if not is_initial and word.endswith(_POSSESSIVE) and len(word) > 2:
            e -= 2
            word = word[:-2]
            possessive = True
        if (is_initial and word in _PLACE_INITIALS) or (
            not is_initial and ("’" in word or "'" in word) and _is_contraction(word)
        ):
            flush()
            last_end = -1
            continue
        if current:
            gap = text[last_end:s]
            joined = (
                gap in (" ", "\u00a0")
                or (gap == "" and current[-1].initial)
                or (gap in (". ", ".\u00a0") and current[-1].key in ABBREVIATED_TITLES)
                or (gap == ". " and _is_saint_in_a_place(current))
                or (gap[:1] == " " and len(gap) < 26 and _particle_gap(gap, lexicon))  # ``" van der "``: a few short words
                or s == bridge_end
            )
            if not joined:
                if len(current) == 1 and gap in _NICKNAME_OPENERS and lexicon.is_given_name(current[0].text):
                    nickname = _NICKNAME_RE.match(text, last_end)
                    if nickname is not None and (nickname.group("bracketed") or "").lower() not in lexicon.places:
                        bridge_end = nickname.end()
                        continue
                flush()
        key = word.rstrip(".").lower()
        if (
            key in function_words
            and not is_initial
            and not _surname_after_given(current, text, e, end, lexicon)
            and not _given_before_surname(current, key, text, e, end, lexicon)
        ):
            flush()
            last_end = -1
            continue
        current.append(Token(s, e, word, is_initial, key))
        last_end = e
        if possessive:
            flush(possessive=True)
            last_end = -1
    flush()
    return chains


#: ``Sault Ste. Marie``, ``Fort St. John``, ``St. Albert``: the saint of a place's name, abbreviated.
#: ``St.`` after another word is a street's as often (``on Yonge St. Police said``), so only a
#: place's first word joins it to the name after it.
_SAINT_ABBREVIATIONS = frozenset(("st", "ste"))
_PLACE_FIRST_WORDS = frozenset(("sault", "fort", "port", "mount", "lake", "cap", "baie", "pointe"))


#: A nickname between a given name and a family name, in brackets or quotation marks: ``Maurice
#: (Rocket) Richard``, ``Dwayne "The Rock" Johnson``. It is no part of the name; the chain goes on
#: after it. Only after a lone given name, so ``Jan Ullrich (Germany) Telekom`` stays apart.
_NICKNAME_OPENERS = frozenset((" (", ' "', " “", " ‘", " '"))
_NICKNAME_WORDS = r"[^\W\d_]+(?:[ \t][^\W\d_]+)?"  # one or two words of letters: not ``(R-Texas)``, ``(D-Calif.)``
_NICKNAME_RE = re.compile(
    rf"[ \t](?:\((?P<bracketed>(?=[{UPPER}]){_NICKNAME_WORDS})\)|[\"“‘'](?P<quoted>(?=[{UPPER}]){_NICKNAME_WORDS})[\"”’'])"
    rf"[ \t]+(?=[{UPPER}])"
)
_NICKNAME_MARKS = frozenset("()\"“”‘’'")


def _is_saint_in_a_place(current: list[Token]) -> bool:
    last = current[-1]
    if last.key not in _SAINT_ABBREVIATIONS or last.initial:
        return False
    return last.key == "ste" or len(current) == 1 or (len(current) == 2 and current[0].key in _PLACE_FIRST_WORDS)


def _surname_after_given(current: list[Token], text: str, end: int, limit: int, lexicon: Lexicon) -> bool:
    """``Peter Such``, ``Theresa May``, ``Prime Minister Theresa May``: a capitalised function word
    right after a given name that starts the name (titles may stand before it)."""
    if not current or not lexicon.is_given_name(current[-1].text):
        return False
    if len(current) > 1 and lexicon.is_given_name(current[-2].text):
        return False  # ``Mary Ann May`` is rare; ``John Paul Will`` rarer still: keep the old boundary
    nxt = end + 1 if end < limit and text[end] == " " else end
    return nxt >= limit or not text[nxt].isupper()


def _given_before_surname(current: list[Token], key: str, text: str, end: int, limit: int, lexicon: Lexicon) -> bool:
    """``Jan Novak``, ``Will Carter``: a given name that is also a function word, starting a name
    (titles may stand before it: ``CEO Jan Novak``)."""
    if not lexicon.is_given_name(key) or key in _MONTHS:
        return False
    if current and current[-1].key not in lexicon.titles:
        return False
    return end + 1 < limit and text[end] == " " and text[end + 1].isupper()


_MONTHS = frozenset("january february march april may june july august september october november december".split())
_HYPHEN_PARTICLES = ("al-", "el-", "ad-", "as-", "ash-", "ul-", "bin-", "abu-", "ibn-")


def _particle_gap(gap: str, lexicon: Lexicon) -> bool:
    """`` de `` / `` van der `` / `` al-``: particles that join two parts of one name."""
    if gap.startswith(" ") and gap.endswith(_HYPHEN_PARTICLES) and " " not in gap[1:]:
        return True
    words = gap.split(" ")
    return (
        len(words) >= 3
        and words[0] == ""
        and words[-1] == ""
        and len(words) <= 5
        and all(w in lexicon.name_particles for w in words[1:-1])
    )


def _is_contraction(word: str) -> bool:
    low = word.lower()
    return low.endswith(("n’t", "n't", "’ll", "'ll", "’re", "'re", "’ve", "'ve", "’m", "'m", "’d", "'d"))


def _sentence_initial(text: str, pos: int, floor: int) -> bool:
    """True when nothing but opening quotes/brackets separate ``pos`` from a sentence start."""
    i = pos
    while i > floor and text[i - 1] in " \t\"“‘'«„(\u00a0[":
        i -= 1
    return i <= floor or text[i - 1] in ".!?:;•–—―-|\n"


LOWER = _char_class(str.islower)
_UPPER_RE = re.compile(f"[{UPPER}]")
_LOWER_RE = re.compile(f"[{LOWER}]")
_LOWER_WORD_RE = re.compile(f"(?<![^\\W_])[{LOWER}][{LOWER}’'\\-]{{2,}}")


def is_all_caps(text: str) -> bool:
    """A line in capitals (wire headlines): letters mostly upper case (judged on its start)."""
    head = text[:160]
    if head.isupper():
        return len(_UPPER_RE.findall(head)) >= 4
    upper = len(_UPPER_RE.findall(head))
    if upper < 4:
        return False
    # Prose settles it on its first few words: a start with lower-case letters enough to outnumber
    # a fifth of all the capitals is enough, and the whole head need not be read letter by letter.
    if len(_LOWER_RE.findall(head, 0, 40)) * 5 >= upper:
        return False
    return len(_LOWER_RE.findall(head)) * 5 < upper


def is_title_case(text: str, lexicon: Lexicon) -> bool:
    """A headline in Title Case: longer words capitalised, ordinary words among them.

    Prose has lower-case content words (``met``, ``beat``); a results line or a list of names
    (``Ken Green, Willie Wood``) is all capitals but of names only. A headline capitalises ordinary
    words (``Was``, ``Over``, ``Debate``, ``Poll``), which is what tells them apart.
    """
    for match in _LOWER_WORD_RE.finditer(text):
        if match.group() not in lexicon.function_words:
            return False  # a lower-case content word: prose, not a headline
    raw = [w.strip(".,:;!?’'\"”“‘()") for w in text.split()]
    words = [w for w in raw if w[:1].isalpha()]
    if len(words) < 3:
        return False
    long_words = [w for w in words if len(w) > 3]
    if len(long_words) < 3:
        return False
    if any(w[0].islower() and w.lower() not in lexicon.function_words and len(w) > 2 for w in words):
        return False  # a lower-case content word: prose, not a headline
    ordinary = 0
    previous_given = False
    for i, word in enumerate(words):
        low = word.lower()
        if word[0].isupper() and not previous_given and not lexicon.is_given_name(word):
            if low in lexicon.function_words and len(low) > 2:
                return True  # Was, Over, With
            if low in lexicon.function_words and len(low) > 1 and 0 < i < len(words) - 1 and words[i + 1][0].isupper():
                return True  # ``Joke To Bash``, ``FIX IS IN``: a short word capitalised between capitals
            ordinary += low in lexicon.common_words
        previous_given = lexicon.is_given_name(word)
    return ordinary >= 2


def name_words(text: str, tokens: list[Token]) -> list[str]:
    """The words of a name as written, particles included (``Aravinda de Silva``), a nickname left
    out (``Maurice (Rocket) Richard``)."""
    words = text[tokens[0].start : tokens[-1].end].split()
    if len(words) == len(tokens):
        return words
    return [w for w in words if w[0] not in _NICKNAME_MARKS and w[-1] not in _NICKNAME_MARKS]


def words_before(text: str, chain: Chain) -> tuple[str, list[str]]:
    """The 32 characters before a chain and their words, split once and kept on the chain: the
    place, club and firm cues all read the few words before a name, for every name of the text."""
    before = chain.before
    if before is None:
        start = chain.tokens[0].start
        window = text[start - 32 if start > 32 else 0 : start]
        before = chain.before = (window, window.split())
    return before
