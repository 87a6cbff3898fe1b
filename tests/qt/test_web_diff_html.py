"""The compare views' HTML: every change marked at its place, the text otherwise intact."""

from __future__ import annotations

import html
import re
from pathlib import Path

from annotator.core.readers.decoding import DecodedText
from annotator.core.readers.plain_text import article_from_text
from annotator.core.web.article_diff import diff_articles
from annotator.qt.web.diff_html import DELETED, INSERTED, inline_html, side_by_side_html

OLD = ["Harbour wall to be rebuilt", "Work starts in March. The wall is old.", "Boats will use the north quay."]
NEW = ["Harbour wall to be rebuilt", "Work starts in May.", "Boats will use the north quay. Fishing <boats> too."]


def diff():
    def article(paragraphs):
        return article_from_text(Path("story.txt"), DecodedText("\n\n".join(paragraphs) + "\n", "utf-8"))

    return diff_articles(article(OLD), article(NEW), Path("/nonexistent.annotations.json"))


def marked(page: str, style: str) -> list[str]:
    return [html.unescape(m) for m in re.findall(f"<span style='{re.escape(style)}'>(.*?)</span>", page)]


def plain(page: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", page))


def test_inline_shows_deletions_where_they_were_and_insertions_where_they_are():
    page = inline_html(diff())
    assert marked(page, DELETED) == ["March", "The wall is old."]
    assert marked(page, INSERTED) == ["May", "Fishing <boats> too."]
    assert plain(page) == (
        "Harbour wall to be rebuilt\n\nWork starts in MarchMay. The wall is old.\n\n"
        "Boats will use the north quay. Fishing <boats> too.\n"
    )


def test_side_by_side_marks_each_text_with_its_own_changes():
    old_page, new_page = side_by_side_html(diff())
    assert plain(old_page) == "\n\n".join(OLD) + "\n" and plain(new_page) == "\n\n".join(NEW) + "\n"
    assert marked(old_page, DELETED) == ["March", "The wall is old."] and marked(old_page, INSERTED) == []
    assert marked(new_page, INSERTED) == ["May", "Fishing <boats> too."] and marked(new_page, DELETED) == []
