"""Places shown as such by the words around them: never people, anywhere in the text.

Towns and villages far from any gazetteer (``Novye Atagi``, ``Tando Allahyar``, ``Garhi
Habibullah``) are written like people's names, two capitalised words none of which is an ordinary
word. A reader knows them by the phrase that introduces them, the way news writes places and
never people:

* a place noun and ``of``: ``the town of Veliko Tarnovo``, ``the village of Karin Gornji``,
  ``the southern state of Andhra Pradesh``, ``north of Mae Sot``;
* a preposition of place with nothing of a person after it: ``in Novye Atagi.``, ``near Gujar
  Khan on Wednesday``, ``at Whittier, a port`` (``in Clinton's campaign`` and ``drove in Otis
  Nixon`` are people's: a possessive or a baseball verb before ``in``);
* the place a town lies in, after a comma: ``Santa Barbara, California``, ``Turner, Arkansas``,
  ``Eau Claire, Wisc.``, ``Avalon Borough, N.J.``;
* a trip: ``visit to``, ``arrived in``, ``flew to``, ``embassy in``.
"""

from __future__ import annotations

import re

from annotator.core.extraction.names import UPPER, Chain, name_words, words_before
from annotator.core.extraction.roles import split_chain
from annotator.core.extraction.units import Unit
from annotator.core.extraction.wordlists import Lexicon

_PLACE_NOUNS = frozenset(
    """town towns city cities village villages settlement hamlet state province port district region capital
    municipality suburb suburbs island islands county outskirts area resort enclave oasis republic kingdom emirate
    township valley north south east west northeast northwest southeast southwest""".split()
)
# ``visit to``, ``arrived in``: a trip's destination. The preposition, then the words before it.
_TRIPS = {
    "to": frozenset("visit visits visited visiting trip".split()),
    "in": frozenset("arrived embassy consulate based born headquartered".split()),
    "at": frozenset(("arrived",)),
    "into": frozenset(("flew",)),
}
_PREPOSITIONS = frozenset(("in", "at", "near", "outside"))
_CUE_WORDS = frozenset(("of", "the", *_TRIPS, *_PREPOSITIONS))  # the last word before a name, lower case
# Verbs that move a player in or home (``drove in Otis Nixon``): the name after them is a person's.
_PLAYER_VERBS = frozenset(
    "drove singled doubled tripled homered walked knocked batted brought scored pitched struck squeezed".split()
)
_PHRASE_END_AFTER_RE = re.compile(
    r"(?:[ \t]*(?:[.;:)\n]|,(?![ \t]*(?:who|whose|[0-9]{1,3}[ \t]*,)\b)|\Z)|[ \t]+(?:on|last|this|since|until)\b)"
)
_REGION_AFTER_RE = re.compile(rf",[ \t]+(?P<region>[{UPPER}][\w.]*(?:[ \t]+[{UPPER}][\w.]*)?)(?=[ \t]*(?:[,.;:)\n]|\Z|[ \t]\d))")
_STATE_ABBREVIATIONS = frozenset(
    """ala ariz ark calif cal colo conn del fla ga ill ind kan kans ky la mass md mich minn miss mo mont neb nev
    okla ore pa penn tenn tex va vt wash wis wisc wyo w.va""".split()
    # Canadian provinces as Canadian Press writes them (``Red Deer, Alta.``, ``Brandon, Man.``); the
    # dotted ones (``B.C.``, ``N.L.``, ``P.E.I.``, ``N.W.T.``) are read by their shape
    + """ont que alta sask man nfld""".split()
)  # fmt: skip
_DOTTED_REGION_RE = re.compile(r"(?:[A-Z]\.){2,3}")
_COUNTRY_INITIALS = frozenset(("U.S.", "U.K.", "U.N.", "E.U.", "U.A.E.", "S.A."))


def names_used_as_places(
    text: str, unit_chains: list[tuple[Unit, str, list[Chain]]], lexicon: Lexicon
) -> tuple[set[tuple[str, ...]], set[int]]:
    """Names the text shows to be places somewhere (see the module docstring), and where a lone
    word is a place only there.

    A preposition alone is weaker evidence than a place noun: ``a kick at Moura, but`` is a
    person. So a single word after ``in`` or ``at`` is a place at that spot only (``In Houston,``
    in a text about Tyler Houston), not everywhere.
    """
    names: set[tuple[str, ...]] = set()
    spots: set[int] = set()
    for _, _, chains in unit_chains:
        for chain in chains:
            if chain.possessive:
                continue
            words = (chain.before or words_before(text, chain))[1]
            if (not words or words[-1].lower() not in _CUE_WORDS) and text[chain.tokens[-1].end : chain.tokens[-1].end + 1] != ",":
                continue  # most names: no cue word before them and no region after a comma
            evidence = _place_evidence(text, chain, lexicon)
            if evidence is None:
                continue
            _, name_tokens = split_chain(chain, lexicon)
            if not name_tokens:
                continue
            first = name_tokens[0]
            given_first = lexicon.is_given_name(first.text) or first.key in lexicon.census_given_names
            if evidence == _STRONG or (len(name_tokens) > 1 and not given_first):
                names.add(tuple(name_words(text, name_tokens)))
            elif len(name_tokens) == 1:
                spots.add(name_tokens[0].start)
    return names, spots


_STRONG, _WEAK = "strong", "weak"


def _place_evidence(text: str, chain: Chain, lexicon: Lexicon) -> str | None:
    end = chain.end
    before, words = chain.before or words_before(text, chain)  # one split of a short window, shared with the other cues
    if words and before[-1:] in (" ", "\t"):
        key = words[-1].lower()
        previous = words[-2].lower() if len(words) > 1 else ""
        if (key == "of" and previous in _PLACE_NOUNS) or (
            key == "the" and previous == "of" and len(words) > 2 and words[-3].lower() in _PLACE_NOUNS
        ):
            return _STRONG  # ``the town of``, ``north of``, ``the outskirts of the``
        trips = _TRIPS.get(key)
        if trips is not None and previous in trips:
            return _STRONG
    if text.startswith(",", end):
        first = chain.tokens[0]
        given_first = lexicon.is_given_name(first.text) or first.key in lexicon.census_given_names
        region = _REGION_AFTER_RE.match(text, end)
        # ``Ana Lima, Brazil`` in a results list is a person; ``Prince George, B.C.`` and ``Marie,
        # Ont.`` are towns: a state or province abbreviated after a name is a dateline's or an address's.
        if region and (_is_abbreviated_region(region.group("region")) or (
            not given_first and _is_region(region.group("region"), lexicon)
        )):
            return _STRONG
    if not words or before[-1:] not in (" ", "\t"):
        return None
    last = words[-1]
    if last not in _PREPOSITIONS and not (last in ("In", "At") and _starts_sentence(before, last)):
        return None
    if len(words) > 1 and words[-2].lower() in _PLAYER_VERBS:
        return None
    return _WEAK if _PHRASE_END_AFTER_RE.match(text, end) else None


def _starts_sentence(before: str, word: str) -> bool:
    """Does ``word``, the last of ``before``, start a sentence or a line?"""
    cut = before.rstrip(" \t")[: -len(word)].rstrip(" \t")
    return not cut or cut[-1] in "\n.!?:\"“"


def _is_region(words: str, lexicon: Lexicon) -> bool:
    """``California``, ``Wisc.``, ``N.J.``, ``South Africa``: a state or country a town lies in."""
    parts = words.split()
    if len(parts) == 1:
        word = parts[0]
        key = word.rstrip(".").lower()
        if _DOTTED_REGION_RE.fullmatch(word):
            return True  # N.J., B.C., P.E.I.
        if word.endswith(".") and key in _STATE_ABBREVIATIONS:
            return True
        return key in lexicon.places
    return parts[-1].lower() in lexicon.places and parts[0].lower() in lexicon.place_words


def _is_abbreviated_region(words: str) -> bool:
    """``B.C.``, ``P.E.I.``, ``Ont.``, ``Calif.``: a state or province abbreviated with full stops."""
    if " " in words or not words.endswith(".") or words in _COUNTRY_INITIALS:
        return False  # ``Jim Furyk, U.S.`` in a results list is a person's country
    return bool(_DOTTED_REGION_RE.fullmatch(words)) or words.rstrip(".").lower() in _STATE_ABBREVIATIONS
