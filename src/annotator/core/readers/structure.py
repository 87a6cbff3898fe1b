"""Recover the implicit structure of scraped news text as block spans over the text.

Two steps:

1. **Segmentation** into units. Blank lines (including lines of only spaces or NBSPs) separate
   units; inside a run of non-blank lines each line is its own unit (one paragraph per line,
   as in agency copy and CoNLL texts) unless the line was evidently hard-wrapped: it ends
   mid-sentence and the next line starts in lower case, or it ends in a comma, hyphen or a
   function word, or it is one of several similar-width lines of an ~80-column text.
2. **Classification** of each unit from its shape and position: list markers (bullet),
   'READ MORE:' (related_link), 'Source:' (source_line), 'By Name' (byline), 'LONDON
   1996-08-30' (dateline), a title-like first line (headline), the paragraph right after the
   headline when it ends in a dash clause or precedes the bullets/byline (standfirst), short
   unpunctuated lines of up to eight words (subheading, unless a photo verb and a date make
   it a short caption) and longer unpunctuated lines (caption; beyond sixty words or ending in
   a URL, a paragraph).

Decisions worth knowing:

- A dateline run into the first sentence ('WASHINGTON (Reuters) - The Senate...') stays part
  of that paragraph: splitting a sentence would mislead the quote extractor.
- A lone date/time line ('Published: 3 May 2024') is a ``dateline`` too.
- Web page furniture pasted with the text ('Advertisement', 'Scroll down for video') stays a
  plain paragraph rather than posing as a subheading.
- Units that open a quotation are never captions (unless they say 'pictured') nor
  subheadings: the extractor skips those kinds, and losing a quote is worse than showing a
  caption as a paragraph.
- Without blank lines around it (dense, one-paragraph-per-line text) an unpunctuated line
  becomes a caption only with an explicit picture cue ('pictured', '(left)', 'Photo:'),
  because in such texts unpunctuated lines are usually table rows or list items.

Block spans are trimmed of surrounding whitespace (NBSP included); blocks never overlap and,
with the whitespace between them, cover the whole text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from annotator.core.article import Block
from annotator.core.readers import line_cues as cues

_SUBHEADING_MAX_WORDS = 8
"""Longer unpunctuated lines between paragraphs are captions: subheadings are short, and
captions that name people look title-cased, so case cannot tell them apart."""
_CAPTION_MAX_WORDS = 60
_ENDS_WITH_URL = re.compile(r"(?:https?://|www\.|pic\.twitter\.com/)\S+$")
_WRAP_WIDTH_LIMIT = 120
_WRAP_MIN_LINE = 55
_CONTINUES_AFTER = re.compile(
    r"(?:[,\-–—(/&]|\b(?:and|or|but|nor|the|a|an|of|to|in|on|at|for|with|by|from|that|which|who|whom|whose|as|"
    r"than|into|onto|over|under|against|between|about|after|before|during|its|his|her|their|our|is|are|was|"
    r"were|be|been|has|have|had|will|would|could|should|said|says|not|this|these|those|if|when|while|where))$"
)


@dataclass(frozen=True, slots=True)
class Line:
    start: int
    end: int
    text: str

    @property
    def is_blank(self) -> bool:
        return not self.text.strip()


@dataclass(slots=True)
class Unit:
    """A candidate block: trimmed span, its lines, and whether blank lines surround it."""

    start: int
    end: int
    text: str
    lines: int
    blank_before: bool
    blank_after: bool
    kind: str | None = None
    """Set in advance when the source format already says what the unit is (Markdown, HTML)."""


_LINE_BREAK = re.compile("[\n\u2028\u2029]")
PARAGRAPH_SEPARATOR = "\u2029"


def split_lines(text: str) -> list[Line]:
    """The lines of ``text``, in place: the text itself is never rewritten.

    Besides ``\n``, U+2028 LINE SEPARATOR ends a line (word processors and some CMS exports
    write it for a soft return) and U+2029 PARAGRAPH SEPARATOR ends a paragraph, so it is
    followed by an empty line, as if a blank line stood there.
    """
    lines: list[Line] = []
    position = 0
    for match in _LINE_BREAK.finditer(text):
        lines.append(Line(position, match.start(), text[position : match.start()]))
        if match.group() == PARAGRAPH_SEPARATOR:
            lines.append(Line(match.start(), match.start(), ""))
        position = match.end()
    lines.append(Line(position, len(text), text[position:]))
    return lines


def segment(text: str) -> list[Unit]:
    """Split ``text`` into units (see the module docstring)."""
    lines = split_lines(text)
    groups: list[list[Line]] = []
    current: list[Line] = []
    for line in lines:
        if line.is_blank:
            if current:
                groups.append(current)
                current = []
        else:
            current.append(line)
    if current:
        groups.append(current)

    units: list[Unit] = []
    for group in groups:
        pieces = _split_group(group)
        for number, piece in enumerate(pieces):
            start, end = _trimmed_span(text, piece[0].start, piece[-1].end)
            units.append(
                Unit(
                    start=start,
                    end=end,
                    text=text[start:end],
                    lines=len(piece),
                    blank_before=number == 0,
                    blank_after=number == len(pieces) - 1,
                )
            )
    return units


def _trimmed_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _split_group(group: Sequence[Line]) -> list[list[Line]]:
    """Split a run of non-blank lines into units, joining hard-wrapped lines."""
    if len(group) == 1:
        return [list(group)]
    widths = [len(line.text.rstrip()) for line in group]
    looks_wrapped = max(widths) <= _WRAP_WIDTH_LIMIT
    standalone = [_is_standalone_line(line.text.strip()) for line in group]
    pieces: list[list[Line]] = [[group[0]]]
    for index in range(1, len(group)):
        previous, line = group[index - 1], group[index]
        alone = standalone[index] or standalone[index - 1]
        if _continues(pieces[-1], previous, line, looks_wrapped, alone):
            pieces[-1].append(line)
        else:
            pieces.append([line])
    return pieces


def _continues(piece: Sequence[Line], previous: Line, line: Line, looks_wrapped: bool, alone: bool) -> bool:
    """Whether ``line`` continues the unit that ``previous`` ended (a hard line wrap).

    ``alone`` says that one of the two lines stands on its own (a dateline, byline, link or
    credit line) and so is never joined, except a place line followed by its date line.
    """
    prev_text = previous.text.strip()
    text = line.text.strip()
    marker = cues.bullet_marker(line.text)
    if marker:  # a new list item, unless a dash carries on a sentence broken before it
        return cues.is_dash_marker(marker) and _is_mid_sentence(prev_text)
    if cues.is_place_line(prev_text) and cues.is_date_only_line(text):
        return True
    if alone or not _has_word(prev_text):
        return False
    if cues.is_upper_case(prev_text) or cues.ends_like_sentence(prev_text):
        return False
    first = text[0]
    if first.islower() or _CONTINUES_AFTER.search(prev_text):
        return True
    if cues.bullet_marker(piece[0].text):
        return _indent(line.text) > _indent(piece[0].text)
    return looks_wrapped and len(prev_text) >= _WRAP_MIN_LINE and not _looks_like_heading(text)


def _has_word(text: str) -> bool:
    return any(char.isalnum() for char in text)


def _is_mid_sentence(text: str) -> bool:
    """Prose broken off mid-sentence (not a list item, not a heading introducing a list)."""
    return (
        len(text) >= 40
        and not cues.ends_like_sentence(text)
        and not cues.bullet_marker(text)
        and not _looks_like_heading(text)
    )


def _is_standalone_line(text: str) -> bool:
    return cues.is_dateline(text) or cues.is_byline(text) or cues.is_related_link(text) or cues.is_source_line(text)


def _looks_like_heading(text: str) -> bool:
    return len(cues.words_of(text)) <= 8 and cues.is_title_like(text) and not cues.ends_like_sentence(text)


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" \t\u00a0"))


def classify(units: Sequence[Unit]) -> list[Block]:
    """Give each unit a block kind from its shape and position."""
    kinds = [unit.kind or _line_kind(unit) for unit in units]
    for index in range(len(units) - 1):
        if kinds[index] is None and kinds[index + 1] == "dateline" and cues.is_person_name_line(units[index].text):
            kinds[index] = "byline"
    headline_index = _headline_index(units, kinds)
    if headline_index is not None:
        kinds[headline_index] = "headline"
        standfirst = _standfirst_index(units, kinds, headline_index)
        if standfirst is not None:
            kinds[standfirst] = "standfirst"
    for index, unit in enumerate(units):
        if kinds[index] is None:
            kinds[index] = _body_kind(unit, index)
    return [Block(kind, unit.start, unit.end) for kind, unit in zip(kinds, units) if unit.end > unit.start]


def _line_kind(unit: Unit) -> str | None:
    """Kinds that a unit's own wording decides, whatever its position."""
    text = unit.text
    if cues.bullet_marker(text):
        return "bullet"
    if unit.lines > 2:
        return None
    if cues.is_related_link(text):
        return "related_link"
    if cues.is_source_line(text):
        return "source_line"
    if cues.is_byline(text):
        return "byline"
    if cues.is_dateline(text):
        return "dateline"
    return None


def _headline_index(units: Sequence[Unit], kinds: Sequence[str | None]) -> int | None:
    """The first unit, when it is shaped like a headline and something follows it.

    Headline-shaped: capitals or title case, no final full stop, or a short line followed by a
    byline, a dateline, or a clearly longer paragraph. A long opening sentence is no headline.
    """
    if len(units) < 2 or kinds[0] is not None or units[0].kind is not None:
        return None
    unit, following = units[0], units[1]
    text = unit.text
    words = cues.words_of(text)
    if unit.lines > 2 or not words or len(words) > 30 or len(text) > 250 or text.rstrip().endswith(":"):
        return None
    if kinds[1] in ("byline", "dateline") or cues.starts_with_dateline(following.text):
        return 0
    if cues.is_upper_case(text) or cues.is_title_like(text) or not cues.ends_like_sentence(text):
        return 0
    longest_next = max(len(unit.text) for unit in units[1:4])
    if len(words) <= 20 and len(text) * 1.3 < longest_next:
        return 0
    return None


def _standfirst_index(units: Sequence[Unit], kinds: Sequence[str | None], headline: int) -> int | None:
    """The paragraph right after the headline, when it reads as a summary, not as the lede.

    A standfirst ends with a dash clause ('... – intelligence chief claims') or comes before
    the summary bullets, the byline or the dateline; a deck (a one-sentence subtitle) sits on
    the line right under the headline or right before a dateline-led first paragraph. An
    agency lede that follows a dateline is not a standfirst.
    """
    index = headline + 1
    if index >= len(units) or kinds[index] is not None or units[index].kind is not None:
        return None
    unit = units[index]
    words = cues.words_of(unit.text)
    following = units[index + 1] if index + 1 < len(units) else None
    following_kind = kinds[index + 1] if following else None
    if len(words) >= 8 and following_kind in ("bullet", "byline", "dateline"):
        return index
    if len(words) >= 8 and cues.ends_with_dash_clause(unit.text) and not cues.has_sentence_break(unit.text):
        return index
    is_deck = unit.lines == 1 and len(words) <= 25 and not cues.has_quotation(unit.text)
    under_headline = not unit.blank_before and unit.blank_after
    if is_deck and (under_headline or (following is not None and cues.starts_with_dateline(following.text))):
        return index
    return None


def _body_kind(unit: Unit, index: int) -> str:
    """paragraph, caption or subheading for a unit in the body of the article."""
    text = unit.text
    if index == 0 or cues.ends_like_sentence(text) and not text.rstrip().endswith("?"):
        return "paragraph"
    words = cues.words_of(text)
    if cues.is_page_furniture(text):
        return "paragraph"
    if not words or not (words[0][0].isupper() or words[0][0].isdigit() or words[0][0] in "‘“\"'("):
        return "paragraph"
    quoted = cues.has_quotation(text)
    picture = cues.has_picture_cue(text)
    if picture and not cues.ends_like_sentence(text):
        return "caption"
    if quoted or unit.lines > 2:
        return "paragraph"
    spaced = unit.blank_before and unit.blank_after
    if text.rstrip().endswith("?"):
        is_heading = spaced and len(words) <= 10 and cues.is_title_like(text)
        return "subheading" if is_heading else "paragraph"
    title_like = cues.is_title_like(text) or cues.is_upper_case(text)
    if not spaced:
        has_digits = any(char.isdigit() for char in text)
        return "subheading" if title_like and len(words) <= 6 and not has_digits else "paragraph"
    if len(words) <= _SUBHEADING_MAX_WORDS:
        descriptive = cues.has_photo_verb(text) and cues.has_date(text)
        return "caption" if descriptive and len(words) >= 5 else "subheading"
    if len(words) > _CAPTION_MAX_WORDS or _ENDS_WITH_URL.search(text):
        return "paragraph"
    return "caption"


def recover_blocks(text: str) -> list[Block]:
    """Blocks for plain scraped-news text."""
    return classify(segment(text))


def block_metadata(text: str, blocks: Sequence[Block]) -> dict[str, str]:
    """What the blocks say about the article: ``author`` from a byline, ``dateline``."""
    metadata: dict[str, str] = {}
    for block in blocks:
        content = text[block.start : block.end]
        if block.kind == "byline" and "author" not in metadata:
            metadata["author"] = cues.byline_name(content)
        elif block.kind == "dateline" and "dateline" not in metadata:
            metadata["dateline"] = content
    return metadata


def headline_text(text: str, blocks: Sequence[Block]) -> str:
    """The first headline block's text on one line, or '' when the article has none."""
    for block in blocks:
        if block.kind == "headline":
            return " ".join(text[block.start : block.end].split())
    return ""
