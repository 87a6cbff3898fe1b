"""The curated word lists the default extractor reasons with, loaded once from package data.

The lists live in ``resources/lexicon/`` (shipped as ``annotator/resources/lexicon``) as plain text so that a user can read and
extend them; this module only parses them into frozen sets. Everything is lower case and
compared case-insensitively, because news text arrives in title case and in all capitals alike.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from annotator.core.resources import resource


@dataclass(frozen=True, slots=True)
class Lexicon:
    speech_verbs: frozenset[str]
    speech_phrases: tuple[tuple[str, ...], ...]
    titles: frozenset[str]
    given_names: dict[str, str]
    org_words: frozenset[str]
    place_words: frozenset[str]
    places: frozenset[str]
    demonyms: frozenset[str]
    function_words: frozenset[str]
    name_particles: frozenset[str]
    common_words: frozenset[str]
    credit_sources: frozenset[str]
    census_given_names: frozenset[str]
    census_surnames: frozenset[str]
    #: Nouns for a person (``mother``, ``teen``) with the gender each tells: m, f or u.
    person_nouns: dict[str, str]
    #: Each role word with the words that name the same office (``judge`` → judge, justice).
    title_kin: dict[str, frozenset[str]]
    #: Is this word, as written, a given name? Every capitalised word of a text is asked about
    #: several times (80,000 questions per megabyte of news), and the answer never changes: the
    #: question is the lookup of a memo (:class:`_GivenNameMemo`), made in C without a Python call.
    is_given_name: Callable[[str], bool] = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "is_given_name", _GivenNameMemo(self._is_given_key).__getitem__)

    def _is_given_key(self, key: str) -> bool:
        if self.given_names.get(key) in ("m", "f", "u"):
            return True
        if not key.isascii():
            # ``Stéphane``, ``Geneviève``, ``José``: the list is written without accents
            plain = "".join(c for c in unicodedata.normalize("NFKD", key) if not unicodedata.combining(c))
            if plain != key and plain.isascii():
                return self._is_given_key(plain)
        # ``Jean-Yves``, ``Marie-France``, ``Anne-Marie``: two given names joined, as French names are
        head, dash, tail = key.partition("-")
        return bool(dash) and self.given_names.get(head) in ("m", "f", "u") and (
            self.given_names.get(tail) in ("m", "f", "u") or tail in self.census_given_names
        )

    def gender(self, word: str) -> str | None:
        """'m' or 'f' when the given name is usually one or the other, else None."""
        tag = self.given_names.get(word.lower())
        return tag if tag in ("m", "f") else None

    def is_non_name_word(self, word: str) -> bool:
        """Words that make a capitalised phrase something other than a person."""
        low = word.lower()
        return (
            low in self.org_words
            or low in self.place_words
            or low in self.places
            or low in self.demonyms
            or low in self.function_words
        )


#: Words remembered by :attr:`Lexicon.is_given_name` before the memo starts afresh.
_MEMO_LIMIT = 200_000


class _GivenNameMemo(dict):
    """Answers of :attr:`Lexicon.is_given_name` by the word as written; a word asked about for the
    first time is answered by the lexicon's test of its lower-case form."""

    __slots__ = ("is_given_key",)

    def __init__(self, is_given_key: Callable[[str], bool]) -> None:
        super().__init__()
        self.is_given_key = is_given_key

    def __missing__(self, word: str) -> bool:
        if len(self) >= _MEMO_LIMIT:
            self.clear()  # a long session reads many texts; the memo stays small
        known = self[word] = self.is_given_key(word.lower())
        return known


def _read_list(name: str) -> list[str]:
    text = resource("lexicon", name).read_text(encoding="utf-8")
    entries = []
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            entries.append(line.lower())
    return entries


@cache
def load_lexicon() -> Lexicon:
    """The lexicon shipped with the package (read once per process; it never changes)."""
    verbs = _read_list("speech_verbs.txt")
    given: dict[str, str] = {}
    for entry in _read_list("given_names.txt"):
        name, _, tag = entry.partition(" ")
        given[name] = tag.strip() or "u"
    person_nouns = {noun: tag.strip() for noun, _, tag in (entry.partition(" ") for entry in _read_list("person_nouns.txt"))}
    title_kin: dict[str, frozenset[str]] = {}
    for line in _read_list("title_kin.txt"):
        words = frozenset(w.strip(".") for w in line.split())
        for word in words:
            title_kin[word] = title_kin.get(word, frozenset()) | words
    return Lexicon(
        speech_verbs=frozenset(v for v in verbs if " " not in v),
        speech_phrases=tuple(tuple(v.split()) for v in verbs if " " in v),
        titles=frozenset(_read_list("titles.txt")),
        given_names=given,
        org_words=frozenset(_read_list("org_words.txt")),
        place_words=frozenset(_read_list("place_words.txt")),
        places=frozenset(_read_list("places.txt")),
        demonyms=frozenset(_read_list("demonyms.txt")),
        function_words=frozenset(_read_list("function_words.txt")),
        name_particles=frozenset(_read_list("name_particles.txt")),
        common_words=frozenset(w for line in _read_list("common_words.txt") for w in line.split()),
        credit_sources=frozenset(_read_list("credit_sources.txt")),
        census_given_names=frozenset(_read_list("census_given_names.txt")),
        census_surnames=frozenset(_read_list("census_surnames.txt")),
        person_nouns=person_nouns,
        title_kin=title_kin,
    )
