"""Titles and roles around a name: what is split off a capitalised chain, and what is kept as a role.

``US Treasury Secretary Janet Yellen`` splits into the role ``US Treasury Secretary`` and the name;
nationalities and places in front of a name (``Australian Tom Moody``, ``State John Kornblum``) are
split off too but are not roles. A role may also stand before the name in lower case (``Russian
leader Vladimir Putin``, ``Beijing’s top diplomat, Wang Yi``) or after it in apposition
(``Kirill Budanov, the head of Ukraine’s military intelligence,``).
"""

from __future__ import annotations

import re

from annotator.core.extraction.names import Chain, Token
from annotator.core.extraction.units import Unit
from annotator.core.extraction.wordlists import Lexicon

_ROLE_MODIFIERS = frozenset(
    """new former acting interim top senior junior deputy chief vice prime foreign defence defense
    finance interior home justice health economy trade military intelligence security national
    federal state general assistant associate executive managing press communications campaign
    opposition party tory labour democratic republican veteran longtime long-time veteran
    outgoing incoming current then then-""".split()
)
_APPOSITIVE_RE = re.compile(
    r",\s+(?:(?:the|a|an)\s+)?([^,.;:()\"“”‘]{3,120}?)(?=\s*[,.;:]|\s+(?:who|which|pictured|said|says|told)\b)"
)


def split_chain(chain: Chain, lexicon: Lexicon) -> tuple[list[Token], list[Token]]:
    """:func:`split_role` of a chain's tokens, computed once per chain."""
    if chain.split is None:
        chain.split = split_role(chain.tokens, lexicon)
    return chain.split


def split_role(tokens: list[Token], lexicon: Lexicon) -> tuple[list[Token], list[Token]]:
    """``US Treasury Secretary | Janet Yellen``: tokens up to the last title, and the rest.

    Leading modifiers that cannot start a name are moved to the first part too: nationalities
    (``Australian Tom Moody``), places (``State John Kornblum``) and compounds such as
    ``Bergamo-based``.
    """
    last_title = -1
    for i, token in enumerate(tokens):
        if is_title(token.key, lexicon) and not _is_surname_after_given(tokens, i, lexicon):
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


def _is_surname_after_given(tokens: list[Token], i: int, lexicon: Lexicon) -> bool:
    """``Regina King``, ``John Major``, ``Ben Bishop``: a title word that ends a name, right after a
    given name, is the family name (``Queen Elizabeth`` and ``Prime Minister`` keep their titles)."""
    if i != len(tokens) - 1 or i == 0 or tokens[i].key not in lexicon.census_surnames:
        return False
    given = tokens[i - 1]
    return (lexicon.is_given_name(given.text) or given.key in lexicon.census_given_names) and not is_title(given.key, lexicon)


def _is_leading_modifier(token: Token, following: Token, lexicon: Lexicon) -> bool:
    key = token.key
    if is_compound_adjective(token.text):
        return True
    head, dash, tail = following.text.rpartition("-")
    if dash and head and tail[:1].islower() and not is_compound_adjective(following.text):
        return False  # ``Park Geun-hye``, ``Lee Ki-choo``: a family name before a hyphenated given name
    if lexicon.is_given_name(token.text) and not lexicon.is_given_name(following.text):
        return False  # Gillian Russell, Christian Moreau: a given name, not a nationality or faith
    if (
        key in lexicon.census_given_names
        and following.key in lexicon.census_surnames
        and following.key not in lexicon.place_words
        and following.key not in lexicon.org_words
        and following.key not in lexicon.places
    ):
        return False  # Jordan Peterson, Georgia Smith: a frequent given name before a frequent family name
    if lexicon.is_given_name(following.text) and not lexicon.is_given_name(token.text) and (
        key.endswith(("ing", "ly")) or key in lexicon.common_words
    ):
        return True  # ``Having Billy Eichner``, ``Finally Anna Berg``: an ordinary word before a given name
    if key in lexicon.demonyms or key in lexicon.places or key in lexicon.place_words or key in lexicon.org_words:
        return True
    return key.endswith(("an", "ese", "ish")) and lexicon.is_given_name(following.text) and not lexicon.is_given_name(token.text)


def singular(key: str) -> str:
    """``counties`` → ``county``, ``universities`` → ``university``, ``serbs`` → ``serb``."""
    if key.endswith("ies") and len(key) > 4:
        return key[:-3] + "y"
    if key.endswith("s") and not key.endswith("ss") and len(key) > 3:
        return key[:-1]
    return key


_COMPOUND_TAILS = frozenset(
    """based born made run led owned held built backed bound style type era like wide free long old year
    speaking friendly proof minded sized scale level class grade standard back hander arm spent won lost
    hit set cut paid led fed shirt shirts""".split()
)


def is_compound_adjective(word: str) -> bool:
    """``Bergamo-based``, ``Family-controlled``, ``Labour-run``: a hyphenated word ending in a
    participle or a word that makes compounds. ``Ki-moon``, ``Yuan-dong`` and ``Silpa-archa`` end
    in lower case too, but are given names and family names."""
    head, dash, tail = word.rpartition("-")
    if not (dash and head and tail[:1].islower() and len(tail) > 2):
        return False
    return len(head) == 1 or tail.endswith(("ed", "ing", "er", "ers")) or tail in _COMPOUND_TAILS  # ``T-shirts``


def role_of(text: str, lex: Lexicon, unit: Unit, role_tokens: list[Token], name: list[Token]) -> str | None:
    """The role the text gives a name: title words before it, or a role phrase in apposition.

    A one-word title before the name (``Councillor``, ``Dr``) says less than a role phrase in
    apposition (``, the leader of Kellford Borough Council,``), so the phrase wins then; a
    longer title before the name (``US Treasury Secretary``) is kept as it is.
    """
    start = role_tokens[0].start if role_tokens else name[0].start
    before = _role_before(text, unit.start, start, lex)
    role_before = None
    if role_tokens:
        role_before = text[before if before is not None else role_tokens[0].start : role_tokens[-1].end]
    elif before is not None:
        end = start
        while end > before and text[end - 1] in " ,":
            end -= 1
        role_before = text[before:end]
    if role_before is not None and len(role_before.split()) > 1:
        return role_before
    return _appositive_role(text, lex, unit, name) or role_before


def _appositive_role(text: str, lex: Lexicon, unit: Unit, name: list[Token]) -> str | None:
    """``Name, the head of …,``: a role phrase right after the name that holds a title word."""
    if not text.startswith(",", name[-1].end, unit.end):
        return None  # the phrase opens with a comma; most names are followed by none
    match = _APPOSITIVE_RE.match(text, name[-1].end, unit.end)
    if match:
        words = match.group(1).split()
        has_article = text[match.start() : match.start(1)].split(",", 1)[1].strip() != ""
        # ``, the head of …`` may name the title anywhere; ``, director of …`` must start with it.
        if (has_article and any(w.strip("’'").lower() in lex.titles for w in words)) or (
            not has_article and words[0].lower() in lex.titles
        ):
            return match.group(1).strip()
    return None


_ROLE_WORD_RE = re.compile(r"[\w’'\-]+|[^\w\s]")
_WORD_BEFORE_RE = re.compile(r"([\w’'\-]+)(\s+)$")


def _role_before(text: str, floor: int, start: int, lex: Lexicon) -> int | None:
    """Start of a role phrase right before ``start`` (``Russian leader``, ``Beijing’s top diplomat,``)."""
    pos = start
    window = max(floor, start - 80)
    segment = text[window:pos]
    if segment.endswith(", "):
        segment = segment[:-2]
        pos -= 2
    # The phrase ends in a title or there is none, and most names have none: the last word alone
    # (words never span white space, so it is the last word of the last chunk) settles most names.
    chunks = segment.rsplit(None, 1)
    if not chunks or _ROLE_WORD_RE.findall(chunks[-1])[-1].lower() not in lex.titles:
        return None
    words = _ROLE_WORD_RE.findall(segment)
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


