"""The muted line above the text: author, site, date and address; escaped, linked only for http(s)."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.qt.article.article_header import header_html, header_parts, safe_link
from tests.qt.conftest import HARBOUR, open_and_wait

READERS = Path(__file__).resolve().parents[1] / "core" / "fixtures" / "readers"


def test_parts_in_order_each_once():
    parts = header_parts({"author": "Lena Marsh", "site": "Northgate Echo", "date": "2025-11-02", "encoding": "utf-8"})
    assert parts == ["By Lena Marsh", "Northgate Echo", "2025-11-02"]
    assert header_parts({"dateline": "KELLFORD, 11 March 2026", "author": "Eleanor Marsh"}) == [
        "By Eleanor Marsh",
        "KELLFORD, 11 March 2026",
    ]
    assert header_parts({}) == []


@pytest.mark.parametrize(
    ("url", "linked"),
    [
        ("https://news.example/story", True),
        ("http://news.example/story", True),
        ("javascript:alert(1)", False),
        ("file:///etc/passwd", False),
        ('https://x.example/"><img src=x onerror=alert(9)>', True),  # linked, but escaped
        ("not a url", False),
    ],
)
def test_only_web_addresses_become_links_and_everything_is_escaped(url, linked):
    rendered = header_html({"author": "<b>Mallory</b>", "url": url})
    assert "<b>Mallory</b>" not in rendered and "&lt;b&gt;Mallory&lt;/b&gt;" in rendered
    assert ("<a href=" in rendered) is linked
    assert "<img" not in rendered
    assert (safe_link(url) is not None) is linked


@pytest.mark.gui
def test_an_html_articles_author_site_and_date_show_above_the_text(qtbot, window):
    open_and_wait(qtbot, window, READERS / "page.html")
    assert window.header.isVisible()
    assert "By Lena Marsh · Northgate Echo · 2025-11-02" in window.header.text()
    # It lines up with the text column, which is centred in the view.
    assert window.header.contentsMargins().left() > 0
    window.close_article()
    assert not window.header.isVisible()


@pytest.mark.gui
def test_a_plain_text_articles_byline_shows_above_the_text(qtbot, window, tmp_path):
    story = tmp_path / "story.txt"
    story.write_text(
        "Ferry fares to rise\n\nBy Ines Caldwell, Transport Reporter\n\nLOWMOOR, 3 March 2026\n\n"
        "Passengers will pay more from April, the operator said.\n",
        encoding="utf-8",
    )
    open_and_wait(qtbot, window, story)
    assert "By Ines Caldwell" in window.header.text() and "LOWMOOR, 3 March 2026" in window.header.text()
    open_and_wait(qtbot, window, HARBOUR)
    assert "Ines Caldwell" not in window.header.text()
