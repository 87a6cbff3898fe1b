"""Players named in a sports page's scorers lists and cricket scorecards.

Results services name players by family name alone, where no title, given name or speech verb
says that a word is a person; the line itself does:

* scorers with the minute: ``Hamburg 1 (Baeron 64th min)``, ``(Driller 15th, Trulsen 54th)``,
  ``Scorers: Lubarskij (50th minute), Valkucak (54th)``;
* a cricket scorecard: ``Aamir Sohail c Cork b Croft 46``, ``Inzamam-ul-Haq not out 37``,
  ``lbw b Mullally``;
* a tennis or badminton result, where each player has a country and the match has sets:
  ``Wang Chen (China) beat Cindana (Indonesia) 11-3 11-6``.
"""

from __future__ import annotations

import re

from annotator.core.extraction.names import Chain, Token
from annotator.core.extraction.wordlists import Lexicon

_MINUTE = r"\d{1,3}(?:st|nd|rd|th)(?:[ \t]*(?:min|mins|minute|pen|penalty)\b\.?)?"
# ``(Baeron 64th``, ``, Trulsen 54th``, ``Scorers: Lubarskij (50th minute)``
_SCORER_BEFORE_RE = re.compile(r"(?:\(|,|;|:|^|\n)[ \t]*\Z")
# The minutes may wrap to the next line of a wire table and come several to a scorer
# (``(Votava⏎68th)``, ``Bobic 47th and 60th,``, ``Ibrahim 20th 63rd``).
_MINUTES = rf"{_MINUTE}(?:(?:[ \t]+|[ \t]*,[ \t]*|[ \t]+and[ \t\n]+){_MINUTE})*"
_SCORER_AFTER_RE = re.compile(
    rf"(?:[ \t]*\n?[ \t]*(?<=[ \t\n]){_MINUTES}|[ \t]*\({_MINUTE}(?:,[ \t]*{_MINUTE})*\))(?=[ \t]*[,;)\n]|[ \t]*$)",
    re.MULTILINE,
)
# ``c Cork b Croft 46``: the fielder after c / st, the bowler after b; a batsman before them.
_FIELDING_BEFORE_RE = re.compile(r"(?:^|[ \t])(?:c|b|st|lbw[ \t]+b|c[ \t]+and[ \t]+b|c[ \t]+&[ \t]+b)[ \t]+\Z")
_SCORECARD_LINE_RE = re.compile(r"[ \t](?:c|b|st|lbw)[ \t]+[A-Z][^\n]*?[ \t]\d{1,3}\*?[ \t]*$|[ \t]not[ \t]+out\b", re.MULTILINE)
_BATSMAN_AFTER_RE = re.compile(r"[ \t]+(?:c|b|st|lbw|not[ \t]+out|run[ \t]+out|retired)\b[^\n]*?\d{1,3}\*?[ \t]*$", re.MULTILINE)
_LINE_START_RE = re.compile(r"(?:^|\n)[ \t]*\Z")
_DIGIT_RE = re.compile(r"\d")
_COUNTRY = r"[ \t]*\([A-Z][^()\n]{1,25}\)"
_BEAT = r"(?:beat|bt|beats|def\.?|defeated|upset)"
_WINNER_RE = re.compile(rf"{_COUNTRY}[ \t]+{_BEAT}[ \t]+[A-Z]")
_LOSER_BEFORE_RE = re.compile(rf"\b{_BEAT}[ \t]+\Z")
_LOSER_AFTER_RE = re.compile(rf"{_COUNTRY}[ \t]+\d{{1,2}}-[ \t]?\d{{1,2}}")
_SETS_RE = re.compile(r"\d{1,2}-[ \t]?\d{1,2}(?:[ \t]*\(\d+(?:-\d+)?\))?[ \t]+\d{1,2}-[ \t]?\d{1,2}")


def is_named_in_scores(text: str, chain: Chain, name: list[Token], lexicon: Lexicon) -> bool:
    """Does the line name this word (or these words) as a scorer, fielder, bowler or batsman?"""
    if not name or len(name) > 3:
        return False
    start, end = name[0].start, name[-1].end
    first = name[0].key
    if first in lexicon.places or first in lexicon.demonyms or first in lexicon.function_words:
        return False
    if any(t.key in lexicon.org_words for t in name):
        return False
    line_end = text.find("\n", end, end + 120)
    line_end = line_end if line_end >= 0 else min(len(text), end + 120)
    if not _DIGIT_RE.search(text, end, min(len(text), line_end + 40)):
        return False  # a minute, a set score or a run count follows every name these lines give
    if (_WINNER_RE.match(text, end) or (
        _LOSER_BEFORE_RE.search(text, max(0, start - 12), start) and _LOSER_AFTER_RE.match(text, end)
    )) and _SETS_RE.search(text, end, min(len(text), line_end + 40)):
        return True  # a player's country follows the name: ``MaliVai Washington (U.S.)`` is no place
    if any(t.key in lexicon.places or t.key in lexicon.demonyms or t.key in lexicon.function_words for t in name):
        return False
    if _SCORER_AFTER_RE.match(text, end) and _SCORER_BEFORE_RE.search(text, max(0, start - 20), start):
        return True
    if _FIELDING_BEFORE_RE.search(text, max(0, start - 16), start):
        line_start = text.rfind("\n", max(0, start - 120), start) + 1
        return bool(_SCORECARD_LINE_RE.search(text, line_start, line_end))
    if _LINE_START_RE.search(text, max(0, start - 8), start):
        return bool(_BATSMAN_AFTER_RE.match(text, end, line_end))
    return False
