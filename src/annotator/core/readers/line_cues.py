"""Recognisers for single lines of scraped news: each answers one yes/no question.

They look at the shape of one line (its prefix, case, final punctuation, cue words), never at
a particular article's sentences, so they can be read and tested one by one. The structure
module combines them with the line's position in the article.

Names are matched on the line's NFC form (``for_matching``), so that a name typed with a
combining accent (``Zoe`` + U+0308) reads like the precomposed ``Zoë``; the normalised form
only answers the question, the canonical text is never changed.
"""

from __future__ import annotations

import re
import unicodedata

_MONTHS = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_WEEKDAYS = r"(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)(?:day|sday|nesday|rsday|urday)?\.?"
_DATE = (
    rf"(?:(?:{_WEEKDAYS},?\s+)?"
    rf"(?:\d{{4}}-\d{{2}}-\d{{2}}"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTHS},?(?:\s+\d{{4}})?"
    rf"|{_MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?"
    rf"|\d{{1,2}}/\d{{1,2}}/\d{{2,4}}))"
)
_TIME = r"(?:\d{1,2}[:.]\d{2}(?:\s*(?:am|pm|a\.m\.|p\.m\.))?(?:\s*(?:GMT|BST|UTC|CET|EST|EDT|ET|PT))?)"
_PLACE_WORD = r"[A-Z][A-Z'’.\-]+"
_DATELINE = re.compile(
    rf"^{_PLACE_WORD}(?:[ \-]{_PLACE_WORD}){{0,3}}"
    r"(?:,\s*[A-Z][A-Za-z.]+(?:\s[A-Z][A-Za-z.]+)?)?"
    r"(?:\s*\((?:Reuters|AP|AFP|PA|Bloomberg|UPI|dpa)\))?"
    rf"\s*[,\-–—]?\s*{_DATE}(?:\s*[,|]?\s*{_TIME})?\s*$"
)
_DATE_LINE = re.compile(
    r"^(?:(?:Published|Updated|Posted|Last updated|First published|Date)\s*(?:on)?\s*:?\s*)?"
    rf"(?:{_TIME}\s*[,|]?\s*)?{_DATE}(?:\s*[,|]?\s*{_TIME})?"
    r"(?:\s*[|,]\s*(?:Updated|Last updated)\s*:?\s*.{0,40})?\s*$",
    re.IGNORECASE,
)
DATE_IN_TEXT = re.compile(
    rf"\b{_DATE}\b|\b(?:in|since|during)\s+{_MONTHS}\b|\b(?:on|last|this)\s+{_WEEKDAYS}\b"
    r"|\b(?:in|since)\s+(?:19|20)\d{2}\b"
)

# \u0300-\u036f: combining accents that have no precomposed letter to fold into.
_NAME_WORD = r"(?:[A-Z][\w\u0300-\u036f'’.\-]*|(?:de|da|van|von|der|den|del|la|le|bin|al|el|ibn|di)\b)"
_NAME = rf"[A-Z][\w\u0300-\u036f'’.\-]*(?:\s+{_NAME_WORD}){{1,4}}"
_BY_PREFIX = re.compile(r"^(?:(?:Written|Posted|Reported|Words|Story)\s+)?[Bb][Yy]\b")
_NOT_NAME_START = re.compile(rf"^By\s+(?:{_WEEKDAYS}|{_MONTHS}|The|This|That|Then|Now|Far|Contrast|Comparison)\b", re.I)
_BYLINE = re.compile(
    rf"^(?:(?:Written|Posted|Reported|Words|Story)\s+)?[Bb][Yy]:?\s+{_NAME}"
    rf"(?:\s*(?:,|and|&)\s*{_NAME})*"
    r"(?:\s*(?:,|\||-|–|—|\bfor\b|\bin\b|\bat\b)\s*[^.!?“”\"‘]{0,80})?\s*$"
)

_RELATED = re.compile(
    r"^(?:READ MORE|Read more|Read More|RELATED(?: ARTICLES?| STORIES| CONTENT)?|Related(?: articles?| stories| content)?|"
    r"SEE ALSO|See also|ALSO READ|Also read|READ NEXT|Read next|MORE|More|WATCH|Watch|LISTEN|Listen|READ)"
    r"\s*[:：»>|]\s*\S"
    r"|^(?:READ MORE|RELATED|SEE ALSO|ALSO READ)\s*[\-–—]\s*\S"
)
"""'More – much more – is needed' is prose: only the unmistakable labels may use a dash."""
_READ_LINK_ALONE = re.compile(r"^(?:Read (?:the rest|more|the full (?:story|article|report))(?: here)?|Click here to read more)\W*$", re.I)

_SOURCE = re.compile(
    r"^(?:Source|Sources|Credit|Credits|Photo|Photos|Photograph|Picture|Pictures|Image|Images|"
    r"Photo credit|Image credit|Copyright|©)\s*[:：]\s*\S"
    r"|^©\s*\S"
    r"|^\((?:Reporting|Writing|Editing|Additional reporting|Compiled|Edited)\b[^()]*\)\s*$"
    r"|^-{1,2}\s*(?:additional\s+)?reporting\s+(?:by|from)\b"
    r"|^--\s*.*\b(?:newsroom|newsdesk|desk|bureau)\b",
    re.IGNORECASE,
)

_BULLET = re.compile(r"^([ \t\u00a0]*)([•◦▪▫●○■□‣⁃∙·*\-–—])[ \t\u00a0]+[^\n]*?[^\W_]")
_DASH_MARKERS = frozenset("-–—")

_PICTURE_CUE = re.compile(
    r"\bpictured\b|\bphotographed\b|\bfile (?:photo|picture|image)\b|\bseen here\b|\bin this (?:photo|picture|image)\b"
    r"|\((?:left|right|centre|center|above|below|top|bottom|inset|main|file|L|R|C|front|back)\b[^()]{0,40}\)"
    r"|\((?:Image|Photo|Picture|Credit|Pic)\s*:[^()]*\)|\b(?:Image|Photo|Photograph|Picture|Pic)\s*:\s*\S",
    re.IGNORECASE,
)
_PHOTO_VERB = re.compile(
    r"\b(?:attends|arrives|arrive|poses|pose|speaks|gestures|looks on|look on|walks|walk|stands|stand|sits|sit|"
    r"waves|holds|hold|leaves|fires|fire|wades|wade|gathers|gather|marches|march|reacts|react|watches|"
    r"celebrates|celebrate|is seen|are seen|inspects|inspect|visits|addresses|greets|shakes hands|hugs|"
    r"embraces|mourns|mourn|queues|queue|carries|carry|lays|lay flowers|salutes|salute|smiles|rides|ride|"
    r"works|clear|clears|patrol|patrols|protest|rally|rallies)\b"
)

_SMALL_WORDS = frozenset(
    "a an and as at but by for from in into nor of on or per so the to up via vs v with over after "
    "is are was be its it his her their our your".split()
)
_OPENING_QUOTES = re.compile(r"[“„«\"]|(?:^|(?<=[\s(\[—–-]))[‘']")
_SENTENCE_END = frozenset(".!?:;…")
_CLOSERS = "”’\"»)]'"
_DASH_CLAUSE = re.compile(r"\s[–—-]\s[^–—]{2,}$")
_LETTERS = re.compile(r"[^\W\d_]")
_SHORT_LINE = 120
"""Datelines, place and name lines are short; longer lines are not even matched (and no
pattern ever runs over a pathological multi-megabyte line)."""


def is_dateline(line: str) -> bool:
    """'LONDON 1996-08-30', 'KYIV, 11 March 2026', or a lone date/time line ('Published: 3 May 2024')."""
    if len(line) > _SHORT_LINE:
        return False
    return bool(_DATELINE.match(line) or _DATE_LINE.match(line))


_PLACE_ONLY = re.compile(rf"^{_PLACE_WORD}(?:[ \-]{_PLACE_WORD}){{0,3}}(?:,\s*[A-Z][A-Za-z.]+(?:\s[A-Z][A-Za-z.]+)?)?$")
_DATELINE_LEAD = re.compile(
    rf"^{_PLACE_WORD}(?:[ \-]{_PLACE_WORD}){{0,3}}(?:,\s*[A-Z][A-Za-z.]+){{0,2}}(?:,?\s*{_DATE})?"
    r"(?:\s*\((?:Reuters|AP|AFP|PA|UPI|Bloomberg|dpa)\))?\s*[\-–—]\s"
)
_PERSON_NAME_LINE = re.compile(r"^[A-Z][a-z'’\-]+(?:\s+(?:[A-Z]\.|[A-Z][a-z'’\-]*[a-z]|[A-Z][a-z]+[A-Z][a-z]+)){1,3}$")


def is_place_line(line: str) -> bool:
    """'FARMINGTON HILLS, Mich.': the place half of a dateline whose date is on the next line."""
    return len(line) <= _SHORT_LINE and bool(_PLACE_ONLY.match(line.strip()))


def is_date_only_line(line: str) -> bool:
    return len(line) <= _SHORT_LINE and bool(_DATE_LINE.match(line.strip()))


def starts_with_dateline(line: str) -> bool:
    """'WASHINGTON (AP) — The Latest...', 'BRUSSELS - European leaders...': a dateline run into prose."""
    return bool(_DATELINE_LEAD.match(line[:_SHORT_LINE]))


def is_person_name_line(line: str) -> bool:
    """A line that is only a name ('Larry Fine', 'José Núñez'): agency copy's byline without 'By'.

    The pattern spells letters in ASCII, so accents are folded away for the match.
    """
    line = _without_accents(line)
    return len(line) <= _SHORT_LINE and bool(_PERSON_NAME_LINE.match(line.strip()))


def for_matching(line: str) -> str:
    """``line`` in NFC, for the name patterns only (an ASCII line is returned as it is)."""
    return line if line.isascii() else unicodedata.normalize("NFC", line)


def _without_accents(line: str) -> str:
    """``line`` with its accents dropped (``Zoë`` → ``Zoe``), for ASCII patterns only."""
    if line.isascii():
        return line
    return "".join(char for char in unicodedata.normalize("NFKD", line) if not unicodedata.combining(char))


def is_byline(line: str) -> bool:
    """'By Jane Doe, Political Correspondent', 'By JANE DOE and JOHN ROE', 'Written by ...'."""
    line = for_matching(line)
    if len(line) > 140 or not _BY_PREFIX.match(line) or _NOT_NAME_START.match(line):
        return False
    if _BYLINE.match(line) and not line.rstrip().endswith((".", "?", "!")):
        return True
    return _is_initials_byline(line)


def _is_initials_byline(line: str) -> bool:
    """A byline may end in an initial's full stop ('By Jane Q. Doe' never does, 'By J. Doe Jr.' does)."""
    return bool(re.match(rf"^[Bb]y\s+{_NAME}\s*$", line)) and line.rstrip().endswith(".") and len(line) < 60 and bool(
        re.search(r"\b(?:[A-Z]|Jr|Sr)\.$", line.rstrip())
    )


def byline_name(line: str) -> str:
    """The people named by a byline, without the 'By' and the role ('Jane Doe and John Roe')."""
    body = re.sub(r"^(?:(?:Written|Posted|Reported|Words|Story)\s+)?[Bb][Yy]:?\s+", "", line.strip())
    return re.split(r"\s*(?:,|\||\s[-–—]\s|\bfor\b|\bin\b|\bat\b)\s*", body, maxsplit=1)[0].strip()


def is_related_link(line: str) -> bool:
    """'READ MORE: ...', 'RELATED: ...', 'MORE: ...', 'Read the rest here.'"""
    return len(line) <= 300 and bool(_RELATED.match(line) or _READ_LINK_ALONE.match(line))


_PAGE_FURNITURE = re.compile(
    r"^(?:advertisement|advert|sponsored|scroll down for (?:video|more)|share (?:this )?(?:article|story)|share|"
    r"follow us|sign up|subscribe|comments?|most (?:read|popular)|click to expand|image caption|media caption|"
    r"skip (?:to content|advert)|continue reading|story continues below(?: advertisement)?)\W*$",
    re.IGNORECASE,
)


def is_page_furniture(line: str) -> bool:
    """'Advertisement', 'Scroll down for video', 'Share this article': web page chrome, not headings."""
    return len(line) <= 60 and bool(_PAGE_FURNITURE.match(line.strip()))


def is_source_line(line: str) -> bool:
    """'Source: ...', 'Credit: ...', 'Photo: ...', '(Reporting by ...)', '-- London Newsroom +44 ...'."""
    return len(line) <= 200 and bool(_SOURCE.match(line))


def bullet_marker(line: str) -> str | None:
    """The list marker a line starts with ('•', '*', '-', '–'...), or None."""
    match = _BULLET.match(line)
    return match.group(2) if match else None


def is_dash_marker(marker: str) -> bool:
    return marker in _DASH_MARKERS


def ends_like_sentence(line: str) -> bool:
    """True when the line ends with sentence punctuation or a closing quotation mark.

    Trailing brackets are looked through ('... (AP).'); a closing quote ends prose even
    without a full stop inside it, so body paragraphs ending in a quote stay paragraphs.
    """
    stripped = line.rstrip()
    if not stripped:
        return False
    if stripped[-1] in "”\"»":
        return True
    if stripped[-1] == "’" and len(stripped) > 1 and not stripped[-2].isalpha():
        return True
    trimmed = stripped.rstrip(_CLOSERS).rstrip()
    return bool(trimmed) and trimmed[-1] in _SENTENCE_END


def has_quotation(line: str) -> bool:
    """Whether the line opens a quotation ('‘' after a space, '“', '"', '«'); apostrophes do not count."""
    return bool(_OPENING_QUOTES.search(line))


def has_picture_cue(line: str) -> bool:
    """'pictured', '(pictured)', '(left)', 'file photo', 'Photo: Reuters' and similar."""
    return bool(_PICTURE_CUE.search(line))


def has_photo_verb(line: str) -> bool:
    """A present-tense verb of the kind captions use ('attends', 'wade', 'fire', 'looks on')."""
    return bool(_PHOTO_VERB.search(line))


def has_date(line: str) -> bool:
    return bool(DATE_IN_TEXT.search(line))


def words_of(line: str) -> list[str]:
    return [word for word in line.split() if _LETTERS.search(word)]


def is_title_like(line: str) -> bool:
    """Most words capitalised, ignoring short function words ('Warnings Ignored', 'Plan for the Port')."""
    words = [word.strip("‘’“”\"'()[],:;.!?–—-") for word in words_of(line)]
    content = [word for word in words if word and word.lower() not in _SMALL_WORDS]
    if not content:
        return False
    capitalised = sum(1 for word in content if word[0].isupper() or word[0].isdigit())
    return capitalised >= 0.75 * len(content) and len(words) >= 1


def is_upper_case(line: str) -> bool:
    """Mostly capital letters: agency headlines ('CRICKET - ...') and datelines."""
    letters = _LETTERS.findall(line)
    if len(letters) < 3:
        return False
    return sum(1 for letter in letters if letter.isupper()) >= 0.8 * len(letters)


_SENTENCE_BREAK = re.compile(r"[.!?][’”\"')\]]*\s+[‘“\"'(]?[A-Z]")


def has_sentence_break(text: str) -> bool:
    """More than one sentence (an abbreviation such as 'Gen. Ham' also counts, erring to 'yes')."""
    return bool(_SENTENCE_BREAK.search(text))


def ends_with_dash_clause(line: str) -> bool:
    """A standfirst often ends '... – intelligence chief' / '— as X insists ...'."""
    match = _DASH_CLAUSE.search(line.rstrip())
    return bool(match) and len(match.group(0)) <= 90 and len(match.group(0)) < 0.4 * len(line.rstrip())
