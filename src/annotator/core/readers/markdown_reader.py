"""Markdown articles through markdown-it-py's token stream.

The canonical text is the readable text, not the Markdown source: markup is removed
(``*emphasis*`` → ``emphasis``, ``[words](https://…)`` → ``words (https://…)`` so that the
reader sees where a claim links to, images → their alt text,
inline and block HTML dropped, soft line breaks → spaces, hard breaks → newlines), and each
block is one piece separated from the next by a blank line. Blocks: the first level-1
heading → headline, other headings → subheading, list items → bullet (ordered items keep
their number, '3. ', the others a '• ' as in a plain-text article), table rows → paragraph (cells separated by tabs), code → paragraph;
other paragraphs go through the plain-text classifier (so 'By ...' is a byline, 'READ MORE:'
a related link, a paragraph that is only an image a caption of its alt text). A leading
YAML front-matter block gives ``title``/``author``/``date``; else a byline gives ``author``.
"""

from __future__ import annotations

import re
from pathlib import Path

from markdown_it import MarkdownIt
from markdown_it.token import Token

from annotator.core.article import Article, ArticleError
from annotator.core.readers.assembly import PieceText
from annotator.core.readers.decoding import DecodedText
from annotator.core.readers.structure import block_metadata, headline_text

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_FRONT_MATTER_FIELD = re.compile(r"^(title|author|date|site|source|url)\s*:\s*(.+?)\s*$", re.MULTILINE | re.IGNORECASE)


def article_from_markdown(source: Path, decoded: DecodedText) -> Article:
    """The readable text of a Markdown file, with blocks (see the module docstring)."""
    markdown = decoded.text
    metadata = decoded.metadata()
    front = _FRONT_MATTER.match(markdown)
    if front:
        for key, value in _FRONT_MATTER_FIELD.findall(front.group(1)):
            metadata[key.lower()] = value.strip("\"'")
        markdown = markdown[front.end():]
    parser = MarkdownIt("commonmark").enable("table").enable("strikethrough")
    tokens = parser.parse(markdown)
    _refuse_lost_nesting(tokens, parser.options["maxNesting"])
    pieces = PieceText()
    _add_tokens(pieces, tokens)
    if pieces.is_empty:
        raise ArticleError("the Markdown file has no readable text")
    text = pieces.text()
    blocks = pieces.blocks()
    for key, value in block_metadata(text, blocks).items():
        metadata.setdefault(key, value)
    title = metadata.get("title") or headline_text(text, blocks) or source.stem
    return Article(source=source, text=text, title=title, metadata=metadata, blocks=blocks, format="markdown")


_CONTAINERS = frozenset({"blockquote_open", "list_item_open"})
BULLET = "• "
_SHOWN_LINK_SCHEMES = ("http://", "https://", "mailto:")


def _refuse_lost_nesting(tokens: list[Token], max_nesting: int) -> None:
    """Refuse quotes or lists nested so deep that markdown-it skipped what is inside.

    markdown-it stops parsing blocks ``maxNesting`` levels deep (20 in the CommonMark
    preset; each list counts two) and drops the lines inside without a word; showing the
    rest would lose text silently, so the file is refused with the reason.
    """
    if any(token.type in _CONTAINERS and token.level >= max_nesting - 1 for token in tokens):
        raise ArticleError(
            f"the Markdown nests quotes or lists too deeply (more than {max_nesting - 1} quotes or "
            f"{(max_nesting - 1) // 2} lists inside one another); it cannot be read without losing text"
        )


class _ListItem:
    """An open list item: its number (ordered lists) and whether its first paragraph is out."""

    def __init__(self, number: str) -> None:
        self.number = number
        self.started = False

    def marker(self) -> str:
        return f"{self.number}. " if self.number else BULLET


def _add_tokens(pieces: PieceText, tokens: list[Token]) -> None:
    """Walk block tokens; each ``inline`` token is one piece whose kind its opener decided."""
    seen_headline = False
    items: list[_ListItem] = []
    row: list[str] = []
    in_cell = False
    pending_kind: str | None = None
    for token in tokens:
        kind = token.type
        if kind == "heading_open":
            is_headline = token.tag == "h1" and not seen_headline and pieces.is_empty
            seen_headline = seen_headline or is_headline
            pending_kind = "headline" if is_headline else "subheading"
        elif kind == "list_item_open":
            items.append(_ListItem(token.info))
        elif kind == "list_item_close":
            items.pop()
        elif kind == "paragraph_open":
            pending_kind = "bullet" if items and not items[-1].started else ("paragraph" if items else None)
        elif kind == "tr_open":
            row = []
        elif kind == "tr_close":
            pieces.add("\t".join(row), "paragraph")
        elif kind in ("th_open", "td_open", "th_close", "td_close"):
            in_cell = kind.endswith("_open")
        elif kind in ("fence", "code_block"):
            pieces.add(token.content, "paragraph")
        elif kind == "inline":
            text = _inline_text(token)
            if pending_kind is None and _is_image_only(token):
                pending_kind = "caption"
            if in_cell:
                row.append(" ".join(text.split()))
            elif pending_kind == "bullet":
                pieces.add(items[-1].marker() + text, "bullet")
                items[-1].started = True
            else:
                pieces.add(text, pending_kind)
            pending_kind = None


def _is_image_only(token: Token) -> bool:
    """A paragraph that is just an image: its alt text describes a picture, like a caption."""
    children = [c for c in token.children or [] if not (c.type in ("text", "softbreak") and not c.content.strip())]
    return bool(children) and all(child.type == "image" for child in children)


_HIDDEN_ELEMENT = re.compile(r"<\s*(/?)\s*(script|style|noscript|template|iframe)\b", re.IGNORECASE)


def _inline_text(token: Token) -> str:
    """Readable text of an inline token: markup and raw HTML removed.

    Text between inline ``<script>``/``<style>``/``<iframe>`` tags is dropped too: it is
    code or an embed, never article text.
    """
    parts: list[str] = []
    hidden_depth = 0
    links: list[tuple[str, int]] = []  # open links: their address and where their words start
    for child in token.children or []:
        if child.type == "html_inline":
            tag = _HIDDEN_ELEMENT.match(child.content)
            if tag:
                hidden_depth = max(0, hidden_depth + (-1 if tag.group(1) else 1))
            continue
        if hidden_depth:
            continue
        if child.type == "link_open":
            links.append((str(child.attrGet("href") or ""), len(parts)))
        elif child.type == "link_close" and links:
            href, first = links.pop()
            words = "".join(parts[first:]).strip()
            if href.lower().startswith(_SHOWN_LINK_SCHEMES) and words and words != href and href.removeprefix("mailto:") != words:
                parts.append(f" ({href})")
        elif child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type == "image":
            parts.append(child.content)
        elif child.type == "softbreak":
            parts.append(" ")
        elif child.type == "hardbreak":
            parts.append("\n")
    return "".join(parts)
