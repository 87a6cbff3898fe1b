"""Ties the sidebar to the article view: what selecting a quote or a person does.

- Selecting a quote selects its span in the article and scrolls to it.
- Selecting a person marks all their mentions (the ``mentions`` highlight layer) and
  narrows the Quotes tab to them; clearing the selection undoes both.
- Hovering a quote in the article shows who said it; clicking in it finds it in the
  Quotes tab; right-clicking it offers "Copy Quote with Attribution".
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QGuiApplication, QTextCharFormat

from annotator.core.extraction.model import Extraction, Person, Quote
from annotator.qt.article.article_view import ArticleView
from annotator.qt.sidebar.attribution import speaker_label
from annotator.qt.article.highlight_layers import Highlight
from annotator.qt.sidebar.quote_lookup import QuoteLookup
from annotator.qt.sidebar.sidebar import Sidebar

MENTIONS_LAYER = "mentions"
MENTIONS_LAYER_Z = 10


class SidebarLinks(QObject):
    """Connects ``sidebar`` and ``view``; call ``set_extraction`` for each new article."""

    def __init__(self, sidebar: Sidebar, view: ArticleView, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._sidebar = sidebar
        self._view = view
        self._extraction: Extraction | None = None
        self._lookup: QuoteLookup | None = None
        sidebar.quotes.quote_selected.connect(self.show_quote)
        sidebar.people.person_selected.connect(self.show_person)
        view.set_tooltip_source(self.tooltip_for)
        view.add_context_action_source(self.context_actions_for)
        view.clicked.connect(self.reveal_quote_at)

    def set_extraction(self, extraction: Extraction | None) -> None:
        self._extraction = extraction
        self._lookup = QuoteLookup(extraction) if extraction else None
        self._sidebar.quotes.set_extraction(extraction, self._lookup.quotes if self._lookup else None)
        self._sidebar.people.set_extraction(extraction)
        self._view.highlights.clear_layer(MENTIONS_LAYER)

    def show_quote(self, quote: Quote) -> None:
        self._view.select_span(quote.start, quote.end)

    def show_person(self, person: Person | None) -> None:
        if person is None:
            self._view.highlights.clear_layer(MENTIONS_LAYER)
            self._sidebar.quotes.set_speaker_filter(None)
            return
        fmt = QTextCharFormat()
        fmt.setBackground(self._view.colors.mention_background)
        fmt.setToolTip(person.name)
        highlights = [Highlight(mention.start, mention.end, fmt) for mention in person.mentions]
        self._view.highlights.set_layer(MENTIONS_LAYER, highlights, z=MENTIONS_LAYER_Z)
        self._sidebar.quotes.set_speaker_filter(person.id)
        if person.mentions:
            self._view.scroll_to_offset(person.mentions[0].start)

    def recolor(self) -> None:
        """Redraw the marks in the current theme's colours."""
        self.show_person(self._sidebar.people.current_person())

    def tooltip_for(self, offset: int) -> str | None:
        """"Quoted: Name, role (direct quote)" for text inside a quote, else None."""
        quote = self._lookup.quote_at(offset) if self._lookup else None
        if quote is None:
            return None
        person = self._extraction.person(quote.speaker_id) if self._extraction and quote.speaker_id else None
        who = speaker_label(quote)
        if person and person.role:
            who = f"{person.name}, {person.role}"
        return f"Quote — {who}\n({quote.kind} quote)"

    def reveal_quote_at(self, offset: int) -> None:
        """Show the quote under a click in the Quotes tab, leaving the article as it is."""
        quote = self._lookup.quote_at(offset) if self._lookup else None
        if quote is not None:
            self._sidebar.quotes.select_quote(quote.id, notify=False)

    def context_actions_for(self, offset: int) -> list[QAction]:
        quote = self._lookup.quote_at(offset) if self._lookup else None
        if quote is None:
            return []
        action = QAction("Copy Quote with Attribution")
        text = self._sidebar.quotes.attribution_text(quote)
        action.triggered.connect(lambda _checked=False: QGuiApplication.clipboard().setText(text))
        return [action]
