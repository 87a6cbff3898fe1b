"""Sports teams shown as such by the text: results lines, league tables and aggregate scores.

A sports page names clubs the way it names people, two or three capitalised words (``Hansa
Rostock``, ``Gloria Bistrita``, ``Atletico Paranaense``), often with a country in brackets as a
results table gives a player's. What gives a team away is the score beside it, the way a reader
of a sports page knows at a glance:

* a results line: ``Bahia 2 Atletico Paranaense 0``, ``In Tirana: Flamurtari Vlore (Albania) 0
  Chemlon Humenne (Slovakia) 2``, ``Heerenveen 4 (Korneev 15th, …) Ajax 1`` -- a name at the
  start of a line or after a score, followed by a one-digit score (players' figures in golf
  and cricket tables have two or three digits, or dashes);
* a league table row: ``Le Havre 3 0 1 1 1 3 1`` -- seven or more whole numbers where games
  played are wins plus draws plus losses (a batting table's numbers do not add up so);
* an aggregate: ``Gloria Bistrita win 4-2 on aggregate``;
* a scorers line: ``Gloria Bistrita - Ilie Lazar (32nd), Eugen Voica (84th)``;
* a fixture: ``Leyton Orient v Hartlepool``, ``Brann Bergen (Norway) v Cercle Brugge``;
* one match score around a result verb: ``Hamburg beat Hansa Rostock 1-0``, ``a 4-1 away win over
  Nordby Vest`` (a tennis player is beaten in sets, ``6-4 3-6 6-2``: more than one score);
* the club a player or coach belongs to: ``Neuchatel coach Gilbert Gress``, ``plays for MSV
  Duisburg``, ``a consolation goal for Leverkusen``, a bracket after a player's name in a list
  (``Bogdan Prusek (Sokol Tychy)``).

A name seen so anywhere in the text is a team everywhere in it.
"""

from __future__ import annotations

import re

from annotator.core.extraction.names import Chain, name_words, words_before
from annotator.core.extraction.roles import split_chain
from annotator.core.extraction.units import Unit
from annotator.core.extraction.wordlists import Lexicon

_BRACKET = r"(?:[ \t]*\([^()\n]{1,30}\))?"
# After the name: its score, one digit standing alone, then the line's end, a scorers bracket,
# a comma or the next team.
_SCORE_AFTER_RE = re.compile(rf"{_BRACKET}[ \t]+\d(?![\d,/:\-]|\.\d)(?=\.?[ \t]*(?:$|\(|,|;|[^\W\d_]))", re.MULTILINE)
# Before the name: the start of a line (``In Tirana:`` may lead), or the other side's score.
_LINE_START_BEFORE_RE = re.compile(r"(?:^|\n)[ \t]*(?:(?:In|At)[ \t][^:\n]{1,30}:[ \t]*)?\Z")
_SCORE_BEFORE_RE = re.compile(r"(?:^|[^\d.,:/\-])\d(?:[ \t]*\([^()\n]{0,120}\))?[ \t]*,?[ \t]+\Z")
_TABLE_ROW_RE = re.compile(r"(?:[ \t]+\d{1,3}){7,}[ \t]*$", re.MULTILINE)
_AGGREGATE_RE = re.compile(
    r"[ \t]+(?:win|wins|won|lose|loses|lost|drew|draw|go[ \t]+through|went[ \t]+through)[ \t]+\d{1,2}-\d{1,2}"
    r"[ \t]+on[ \t]+(?:aggregate|penalties|away[ \t]+goals)"
)
_SCORERS_RE = re.compile(r"[ \t]*-[ \t]+[^\n]{1,60}?\(\d{1,3}(?:st|nd|rd|th)?\b")
_FIXTURE_AFTER_RE = re.compile(rf"{_BRACKET}[ \t]+v[ \t]+(?=[^\W\d_])")
_ONE_SCORE = r"\d{1,3}-\d{1,3}(?![\d\-])(?![ \t]*(?:\(|,?\n?[ \t]*\d))"  # no second set (``6-3, 7-5``), tie-break or time
_ONE_SCORE_RE = re.compile(rf"{_ONE_SCORE}\Z")
_RESULT_VERBS = frozenset("beat beats beating defeated defeats thrashed edged".split())
_RESULT_PHRASES = frozenset(("drew with", "draw with", "lost to", "losing to", "tied with"))
_WIN_WORDS = frozenset("win victory defeat loss draw".split())
_WIN_PREPOSITIONS = frozenset("over against to at with by".split())
_MATCH_KINDS = frozenset("home away league cup".split())
_PLAYS_FOR = {
    "for": frozenset("plays played playing signed signs goal goals scored scoring debut".split()),
    "to": frozenset("moved transferred loaned".split()),
}  # not ``play against``: a tennis player is played against too
_SCORE_AFTER_NAME_RE = re.compile(rf"[ \t]+{_ONE_SCORE}")  # ``(Spain) 6-4`` is a results line's player
_MEMBER_AFTER_RE = re.compile(
    r"(?:['’])?[ \t]+(?:(?:head|bench|assistant|youth|first-team)[ \t]+)?(?:coach|manager|striker|midfielder|defender|"
    r"goalkeeper|keeper|winger|playmaker|player|team-mates?|teammates?|trainer|"  # not ``fans``: ``Sanders supporters``
    # North American rosters: ``Edmonton Oilers captain Connor McDavid``, ``Blue Jays slugger …``
    r"captain|goaltender|goalie|netminder|forward|defenceman|defenseman|blueliner|quarterback|pitcher|"
    r"catcher|shortstop|outfielder|infielder|slugger|linebacker|receiver)\b"
)
_CLUB_AFTER_RE = re.compile(f"(?:{_FIXTURE_AFTER_RE.pattern})|(?:{_MEMBER_AFTER_RE.pattern})")
_MAY_START_A_CUE = frozenset(" \t('’")
_WORDS_AFTER_A_CLUB = (
    "v ", "(", "head", "bench", "assistant", "youth", "first-team", "coach", "manager", "striker", "midfielder",
    "defender", "goalkeeper", "keeper", "winger", "playmaker", "player", "team-mate", "teammate", "trainer",
    "captain", "goaltender", "goalie", "netminder", "forward", "defenceman", "defenseman", "blueliner", "quarterback",
    "pitcher", "catcher", "shortstop", "outfielder", "infielder", "slugger", "linebacker", "receiver",
)  # fmt: skip
_CUE_WORDS = frozenset(
    ("v", "x-v", *_PLAYS_FOR, *_WIN_PREPOSITIONS, *_RESULT_VERBS, *(p.split()[-1] for p in _RESULT_PHRASES))
)  # the last word before a name, lower case
_BRACKET_CLOSES_ITEM_RE = re.compile(r"\)[ \t]*(?:[,;]|\n|\Z)")


def names_used_as_teams(
    text: str, unit_chains: list[tuple[Unit, str, list[Chain]]], lexicon: Lexicon
) -> set[tuple[str, ...]]:
    """Names the text shows to be sports teams somewhere (see the module docstring)."""
    found: set[tuple[str, ...]] = set()
    for _, _, chains in unit_chains:
        for chain in chains:
            if _is_team_here(text, chain, lexicon) or _is_place_and_nickname(chain, lexicon):
                _, name_tokens = split_chain(chain, lexicon)
                if name_tokens:
                    found.add(tuple(name_words(text, name_tokens)))
    return found


def _is_place_and_nickname(chain: Chain, lexicon: Lexicon) -> bool:
    """``Baltimore Orioles``, ``San Francisco Giants``: a place and a plural nickname that is no
    family name (``Georgia Evans`` is a person) make an American team."""
    last = chain.tokens[-1].key
    if len(chain.tokens) < 2 or len(last) <= 3 or not last.endswith("s"):
        return False  # the nickname is the chain's last word: most chains fail here, before the split
    role_tokens, name = split_chain(chain, lexicon)
    if len(name) != 1 or not role_tokens:
        return False
    if not all(t.key in lexicon.places or t.key in lexicon.place_words for t in role_tokens):
        return False
    key = name[0].key
    return (
        key.endswith("s")
        and len(key) > 3
        and key not in lexicon.census_surnames
        and not lexicon.is_given_name(name[0].text)
        and not name[0].text.isupper()
    )


_DIGIT_SOON_RE = re.compile(r"[^\n\d]{0,80}+\d")  # possessive: a character that is no digit never becomes one on backtracking
_MAY_FOLLOW_A_TEAM = frozenset("0123456789(-wldg\t ")


def _is_team_here(text: str, chain: Chain, lexicon: Lexicon) -> bool:
    start, end = chain.start, chain.end
    following = text[end : end + 1]
    if (
        following in _MAY_START_A_CUE and (following != " " or text.startswith(_WORDS_AFTER_A_CLUB, end + 1))
    ) or _has_cue_word_before(text, chain):
        if _is_club_in_context(text, chain):  # most names have no cue around them: two cheap looks first
            return True
    if text[end : end + 1] in (" ", "\t") and text[end + 1 : end + 2] not in _MAY_FOLLOW_A_TEAM:
        return False  # ``Ana Ruiz said``: no score, bracket, dash or result verb follows
    if not _DIGIT_SOON_RE.match(text, end):
        return False  # every sign below has a number after the name on its line: most names have none
    at_line_start = bool(_LINE_START_BEFORE_RE.search(text, max(0, start - 40), start))
    score = _SCORE_AFTER_RE.match(text, end)
    if score:
        if _SCORE_BEFORE_RE.search(text, max(0, start - 160), start):
            return True
        # ``Jos Verstappen (Netherlands) 1`` alone on a line is a driver's points: a line that
        # starts a results pair goes on after the score, or names no one's given name.
        line_end = text.find("\n", score.end(), score.end() + 200)
        rest = text[score.end() : line_end if line_end >= 0 else score.end() + 200]
        if at_line_start and (rest.strip() or not lexicon.is_given_name(chain.tokens[0].text)):
            return True
    if _AGGREGATE_RE.match(text, end):
        return True
    if not at_line_start:
        return False
    row = _TABLE_ROW_RE.match(text, end)
    if row and _adds_up([int(n) for n in row.group(0).split()]):
        return True
    return bool(_SCORERS_RE.match(text, end))


def _has_cue_word_before(text: str, chain: Chain) -> bool:
    before, words = chain.before or words_before(text, chain)
    return before[-1:] == "(" or (bool(words) and words[-1].lower() in _CUE_WORDS)


def _is_club_in_context(text: str, chain: Chain) -> bool:
    """A fixture, one match score around a result verb, or a player's club (module docstring).

    The words before the name come from one split of a short window: a regex search per cue
    and per name cost more than the rest of the team rules together."""
    end = chain.tokens[-1].end
    if _CLUB_AFTER_RE.match(text, end):
        return True
    before, words = chain.before or words_before(text, chain)
    start = chain.tokens[0].start
    if before[-1:] == "(":
        # ``Bogdan Prusek (Sokol Tychy),``: a list item. One word in brackets after a name is as
        # often the name's gloss (``Boris Nikolayevich (Yeltsin) said``): it takes two, and a comma.
        return (
            _BRACKET_CLOSES_ITEM_RE.match(text, end) is not None
            and " " in text[start:end]
            and before[-2:-1] in (" ", "\t")
            and before[:-1].rstrip()[-1:].isalpha()
            and before[:-1].split()[-1][:1].isupper()
        )
    if before[-1:] not in (" ", "\t") or not words:
        return False
    if not words:
        return False
    last = words[-1].lower()
    previous = words[-2].lower() if len(words) > 1 else ""
    if last in ("v", "x-v"):
        return True
    plays = _PLAYS_FOR.get(last)
    if plays is not None and previous in plays:
        return True
    if last in _WIN_PREPOSITIONS and previous in _WIN_WORDS:
        k = len(words) - 3
        if k >= 0 and words[k].lower() in _MATCH_KINDS:
            k -= 1
        # ``a 4-1 away win over``, not ``a 6-3 6-2 win over``
        return k >= 0 and bool(_ONE_SCORE_RE.match(words[k])) and not (k >= 1 and "-" in words[k - 1] and words[k - 1][:1].isdigit())
    if last in _RESULT_VERBS or f"{previous} {last}" in _RESULT_PHRASES:
        return bool(_SCORE_AFTER_NAME_RE.match(text, end))
    return False


def _adds_up(numbers: list[int]) -> bool:
    """A league table row: played = won + drawn + lost (``3 2 0 1 …``), or played = won + lost."""
    played = numbers[0]
    return played > 0 and (played == sum(numbers[1:4]) or played == sum(numbers[1:3]))
