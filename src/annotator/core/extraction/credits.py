"""Credits: the photographers, reporters and editors an article names for its own making.

``(Jane Roe/Reuters)`` under a picture, ``Photo: Jane Roe``, a ``By Jane Roe`` byline, a wire
story's ``(Reporting by Jane Roe; Editing by John Doe)`` and a ``With files from Jane Roe`` line
name people who are not in the story: a fact-checker counting who is mentioned or quoted must not
see them among the people. They are found here, before people are, so that :mod:`people` can
leave their words alone, and are listed apart with what they did (``kind``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from annotator.core.extraction.names import UPPER
from annotator.core.extraction.wordlists import Lexicon

CREDIT_KINDS: tuple[str, ...] = ("photo", "video", "byline", "reporting", "writing", "editing", "files")


@dataclass(frozen=True, slots=True)
class FoundCredit:
    name: str
    kind: str
    start: int
    end: int


# One name: up to four capitalised words (initials, hyphens, apostrophes, ALL CAPS as picture
# desks write them) with lower-case particles (``de``, ``van``) between them.
_WORD = rf"[{UPPER}](?:[\w’'\-]*\w|\.)?"
_PARTICLE = r"(?:de|da|del|della|der|den|di|du|dos|van|von|la|le|bin|al|el|ibn|ter|ten)"
_NAME = rf"{_WORD}(?:[ \t]+(?:{_PARTICLE}[ \t]+)?{_WORD}){{1,3}}"
_NAME_RE = re.compile(_NAME)
_LIST_SPLIT_RE = re.compile(r"[ \t]*(?:,|;|/|\||&|\band\b)[ \t]*")

# ``(Jane Roe/Reuters)``, ``(AP Photo/Jane Roe)``, ``(JANE ROE/AFP/Getty Images)``
_BRACKET_RE = re.compile(r"\(([^()\n]{3,90})\)")
# ``Photo: Jane Roe``, ``Photograph by Jane Roe/Agency``, ``Video: Jane Roe`` (a line, a caption's tail).
# Found from a cheap trigger (the label word), then matched there: a regex that opens with an
# alternation or a look-behind is tried at every position of the text and costs a tenth of a second a MB.
_LABEL_TRIGGER_RE = re.compile(r"Photo|Picture|Image|Video|Credit")
_LABEL_RE = re.compile(
    r"(?P<label>(?:Photo(?:graph)?s?|Pictures?|Images?|Video|Credit|Photo[ \t]+credit))"
    r"(?:[ \t]*:[ \t]*|[ \t]+by[ \t]+)(?P<rest>[^\n()]{2,90})"
)
_LABEL_OPENERS = " \t\n(.;|"
# A byline line: ``By Jane Roe``, ``By Jane Roe and John Doe, Reuters``, ``Written by Jane Roe``,
# found from each ``By`` and checked to start its line.
_BYLINE_TRIGGER_RE = re.compile(r"B[yY][ \t]+")
_BYLINE_LEAD_RE = re.compile(r"(?:^|\n)[ \t]*(?:(?:Written|Posted|Words|Story)[ \t]+)?\Z")
_BYLINE_REST_RE = re.compile(r"(?P<rest>[^\n]{3,100})(?:\n|\Z)")
# A wire story's closing credits: ``(Reporting by A in Paris; Additional reporting by B; Editing by C)``,
# found from each `` by `` and the label right before it.
_WIRE_LABEL_RE = re.compile(
    r"(?:^|(?<=[(;.\n]))[ \t]*(?P<label>(?:Additional[ \t]+)?(?:[Rr]eporting|Writing|Editing|Compiled|Research"
    r"|Graphics?|Photography|Video)(?:[ \t]+and[ \t]+(?:[Rr]eporting|[Ww]riting|[Ee]diting))?)\Z"
)
#: How every label :data:`_WIRE_LABEL_RE` finds ends (its last word, or the one after ``and``).
_WIRE_LABEL_ENDINGS = ("eporting", "riting", "diting", "Compiled", "Research", "Graphic", "Graphics", "Photography", "Video")
_WIRE_REST_RE = re.compile(r"[ \t]+(?P<rest>[^;()\n]{2,200})")
_FILES_RE = re.compile(r"[Ww]ith[ \t]+files[ \t]+from[ \t]+(?P<rest>[^\n.()]{2,120})")
_FILES_OPENERS = " \t\n(—–-"

_WIRE_KINDS = {"reporting": "reporting", "writing": "writing", "editing": "editing", "compiled": "writing",
               "research": "reporting", "graphic": "photo", "graphics": "photo", "photography": "photo",
               "video": "video"}  # fmt: skip


def find_credits(text: str, lexicon: Lexicon) -> list[FoundCredit]:
    """Every credited name in ``text``, in text order (a name found by two patterns once)."""
    found: dict[tuple[int, int], FoundCredit] = {}
    sources = lexicon.credit_sources

    def add(kind: str, start: int, end: int) -> None:
        for credit in _names_in(text, start, end, kind, lexicon, sources):
            found.setdefault((credit.start, credit.end), credit)

    at = text.find(" by", 0)
    while at >= 0:
        lo = max(0, at - 48)
        # The label ends right before `` by``: most `` by`` follow no label word, which a look at the
        # word's ending settles without the regex.
        wire = _WIRE_LABEL_RE.search(text, lo, at) if text.endswith(_WIRE_LABEL_ENDINGS, lo, at) else None
        rest = _WIRE_REST_RE.match(text, at + 3) if wire else None
        if wire and rest:
            label = wire.group("label").split()[-1].lower()
            add(_WIRE_KINDS.get(label, "reporting"), *rest.span("rest"))
        at = text.find(" by", at + 3)
    for match in _FILES_RE.finditer(text):
        if match.start() == 0 or text[match.start() - 1] in _FILES_OPENERS:
            add("files", *match.span("rest"))
    for trigger in _LABEL_TRIGGER_RE.finditer(text):
        start = trigger.start()
        if start and text[start - 1] not in _LABEL_OPENERS:
            continue
        match = _LABEL_RE.match(text, start)
        if match:
            add("video" if "video" in match.group("label").lower() else "photo", *match.span("rest"))
    for match in _BRACKET_RE.finditer(text):
        inside = match.group(1)
        if inside.lower().startswith(("photo", "picture", "image")) or (
            "/" in inside and any(_is_source(piece, sources) for piece in inside.split("/"))
        ):  # a picture desk's credit names its agency: (Jane Roe/Reuters), not (Obama/Biden ticket)
            add("photo", *match.span(1))
    at = text.find("/")
    while at >= 0:
        rest = _agency_slash_credit(text, at, sources)
        if rest is not None:
            add("photo", *rest)
        at = text.find("/", at + 1)
    for trigger in _BYLINE_TRIGGER_RE.finditer(text):
        if not _BYLINE_LEAD_RE.search(text, max(0, trigger.start() - 24), trigger.start()):
            continue
        rest = _BYLINE_REST_RE.match(text, trigger.end())
        if rest:
            add("byline", *rest.span("rest"))
    return sorted(found.values(), key=lambda c: c.start)


def _agency_slash_credit(text: str, slash: int, sources: frozenset[str]) -> tuple[int, int] | None:
    """``THE CANADIAN PRESS/Adrian Wyld``, ``AP Photo/Jane Roe``, ``REUTERS/Chris Wattie``: a caption's
    credit with no brackets, an agency written in capitals, a slash and the photographer, to the end
    of the line. Where the names after the slash run (``Reuters/Ipsos poll`` has no agency in
    capitals, ``km/h`` no capital at all), else None."""
    if slash == 0 or not text[slash - 1].isalpha() or not text[slash + 1 : slash + 2].isupper():
        return None
    line_start = max(text.rfind("\n", max(0, slash - 40), slash) + 1, slash - 40)
    words = text[line_start:slash].split()[-3:]
    agency = []
    for word in reversed(words):
        if word.strip(".:(").lower() not in sources:
            break
        agency.append(word)
    if not agency or not any(len(w) > 1 and w.isupper() for w in agency):
        return None
    # The credit's reach bounds the look for its end: one-line text has no line end to stop at.
    stop = _CREDIT_STOP_RE.search(text, slash + 1, slash + 90)
    return slash + 1, stop.start() if stop is not None else min(len(text), slash + 90)


_CREDIT_STOP_RE = re.compile("[\n()]")


def _names_in(
    text: str, start: int, end: int, kind: str, lexicon: Lexicon, sources: frozenset[str]
) -> list[FoundCredit]:
    """The person names among the pieces of a credit (``Jane Roe/Reuters``: Jane Roe)."""
    out: list[FoundCredit] = []
    pos = start
    for separator in [*_LIST_SPLIT_RE.finditer(text, start, end), None]:
        piece_end = separator.start() if separator else end
        piece = _NAME_RE.match(text, pos, piece_end)
        if piece and _is_credited_person(piece.group(0), text, piece.end(), piece_end, lexicon, sources):
            out.append(FoundCredit(_display(piece.group(0)), kind, piece.start(), piece.end()))
        elif piece is None and pos < piece_end and not text[pos:piece_end].strip(" \t-:") == "":
            if not _may_skip(text[pos:piece_end], sources):
                break  # a piece that is neither a name nor a source: the credit has ended
        if separator is None:
            break
        pos = separator.end()
    return out


def _is_credited_person(name: str, text: str, name_end: int, piece_end: int, lexicon: Lexicon, sources: frozenset[str]) -> bool:
    words = name.split()
    keys = [w.strip(".").lower() for w in words]
    if all(k in sources for k in keys) or any(k in lexicon.org_words for k in keys[1:]):
        return False
    if keys[-1] in lexicon.titles and not lexicon.is_given_name(words[0]):
        return False  # ``By Jane Roe, Environment Correspondent``: the role after the name
    if any(k in sources for k in keys) and not any(lexicon.is_given_name(w) for w in words):
        return False  # AP Photo, Getty Images, Canadian Press
    tail = text[name_end:piece_end].strip()
    # ``Jane Roe in Paris``, ``Jane Roe, staff photographer``: what follows a name in a credit
    return not tail or tail.lower().startswith(("in ", "at ", "for ", "from ")) or tail[:1] in ".,"


def _is_source(piece: str, sources: frozenset[str]) -> bool:
    """A piece of a credit made only of agency words (``Reuters``, ``AFP``, ``Getty Images``)."""
    words = [w.strip(".:").lower() for w in piece.split()]
    return bool(words) and all(w in sources for w in words)


def _may_skip(piece: str, sources: frozenset[str]) -> bool:
    """A piece of a credit that is only a source (``Reuters``, ``AFP``) or a place (``in Paris``)."""
    words = piece.split()
    return _is_source(piece, sources) or (bool(words) and words[0] in ("in", "at", "for", "from"))


def _display(name: str) -> str:
    """``JANE ROE`` as picture desks write it becomes ``Jane Roe``; other names stay as written."""
    if name.isupper():
        return " ".join(w.capitalize() if len(w) > 2 or not w.endswith(".") else w for w in name.split())
    return name
