"""The views of a diff: inline (the new text with insertions and deletions marked), or side by side.

Deleted words and sentences are shown struck through at the place they held, inserted ones
on a green ground; whitespace and paragraph breaks of the new text are kept. Qt's rich text
knows no ``<ins>``/``<del>`` styling, so the marks are styled spans. No Qt import: the HTML
is plain text, tested without a window.
"""

from __future__ import annotations

import html

from annotator.core.web.article_diff import ArticleDiff

INSERTED = "background-color:#c8f0c8; color:#0b3d0b;"
DELETED = "background-color:#f7caca; color:#5c0d0d; text-decoration:line-through;"


def inline_html(diff: ArticleDiff) -> str:
    """The new article text as HTML, every change of ``diff`` marked where it happened."""
    old, new = diff.old.text, diff.new.text
    marks: list[tuple[int, int, int, str]] = []  # (start, order, end, html) in the new text
    for change in diff.sentences:
        if change.kind == "deleted" and change.old is not None:
            gone = _span(DELETED, old[change.old[0] : change.old[1]])
            after_text = change.at > 0 and not new[change.at - 1].isspace()
            marks.append((change.at, 0, change.at, f" {gone}" if after_text else f"{gone} "))
        elif change.kind == "added" and change.new is not None:
            start, end = change.new
            marks.append((start, 1, end, _span(INSERTED, new[start:end])))
        else:
            for word in change.words:
                piece = _span(DELETED, word.old_text) if word.old_text else ""
                if word.new_text:
                    piece += _span(INSERTED, word.new_text)
                marks.append((word.new_start, 1, word.new_end, piece))
    marks.sort(key=lambda mark: (mark[0], mark[1]))
    parts: list[str] = []
    position = 0
    for start, _order, end, piece in marks:
        if start < position:  # never happens for a well-formed diff; keep the text whole if it does
            continue
        parts.append(_plain(new[position:start]))
        parts.append(piece)
        position = end
    parts.append(_plain(new[position:]))
    return "<div style='white-space:pre-wrap'>" + "".join(parts) + "</div>"


def side_by_side_html(diff: ArticleDiff) -> tuple[str, str]:
    """The old text with what went away struck through, and the new text with what came in marked."""
    old_marks: list[tuple[int, int]] = []
    new_marks: list[tuple[int, int]] = []
    for change in diff.sentences:
        if change.kind == "deleted" and change.old is not None:
            old_marks.append(change.old)
        elif change.kind == "added" and change.new is not None:
            new_marks.append(change.new)
        else:
            for word in change.words:
                if word.old_text:
                    old_marks.append((word.old_start, word.old_end))
                if word.new_text:
                    new_marks.append((word.new_start, word.new_end))
    return _marked(diff.old.text, old_marks, DELETED), _marked(diff.new.text, new_marks, INSERTED)


def _marked(text: str, spans: list[tuple[int, int]], style: str) -> str:
    parts: list[str] = []
    position = 0
    for start, end in sorted(spans):
        if start < position:
            continue
        parts.append(_plain(text[position:start]))
        parts.append(_span(style, text[start:end]))
        position = end
    parts.append(_plain(text[position:]))
    return "<div style='white-space:pre-wrap'>" + "".join(parts) + "</div>"


def _span(style: str, text: str) -> str:
    return f"<span style='{style}'>{_plain(text)}</span>"


def _plain(text: str) -> str:
    return html.escape(text, quote=False)
