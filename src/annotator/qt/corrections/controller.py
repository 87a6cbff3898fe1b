"""Corrections in the window: menus and keys on quotes and people, applied at once.

The controller keeps the extractor's result for the open article and the article's
``CorrectionBook`` (from the annotation store, so corrections save, autosave and undo with
the highlights), and shows the corrected extraction in the sidebar after every change:
quote cards, people, the hover tooltip and the speaker filter all read it. Each correction
is one command on the window's undo stack.

Keys, where the item has the focus:
    Quotes list: F2 Change Speaker…, Delete Not a Quote.
    People table: F2 Rename…, Delete Not a Person, Ctrl+M Merge With…, Split Off a Name…
Right-clicking a selection in the article offers "Add as Missed Quote…" and "Add as Missed
Person", and, over a quote, "Set as the Quote's Span" (the quote runs over exactly the
selected words instead).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QWidget

from annotator.core.corrections import model as ops
from annotator.core.corrections.apply import APPLIED, CorrectedExtraction, apply_corrections
from annotator.core.corrections.book import CorrectionBook
from annotator.core.corrections.model import Anchor, Correction, CorrectionError
from annotator.core.corrections.select import person_anchor
from annotator.core.extraction.model import Extraction, Person, Quote
from annotator.qt.corrections.commands import CorrectionCommand
from annotator.qt.corrections.model import CorrectionsModel
from annotator.qt.corrections.name_dialog import NameDialog


class CorrectionsController(QObject):
    """See the module docstring. ``corrections_changed`` follows every change or new article."""

    corrections_changed = Signal()

    def __init__(self, window: QWidget, annotations, links, sidebar) -> None:
        super().__init__(window)
        self._window = window
        self._annotations = annotations  # AnnotationController: the store and the undo stack
        self._links = links  # SidebarLinks: shows an extraction in the sidebar and the article
        self._sidebar = sidebar
        self.book: CorrectionBook | None = None
        self._article = None
        self._raw: Extraction | None = None
        self.extraction: Extraction | None = None  # what the sidebar shows: corrected
        self.model = CorrectionsModel(self)
        self.dialog: NameDialog | None = None
        annotations.store_changed.connect(self._store_changed)
        self._quote_actions = self._make_quote_actions()
        self._person_actions = self._make_person_actions()
        people_table = sidebar.people.table
        people_table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        people_table.customContextMenuRequested.connect(self._show_people_menu)
        window.view.add_context_action_source(self._selection_actions)

    # -- actions -----------------------------------------------------------------------

    def _action(self, text: str, slot, widget: QWidget | None = None, key: str | None = None) -> QAction:
        action = QAction(text, self)
        action.triggered.connect(lambda _checked=False: slot())
        if key is not None and widget is not None:
            action.setShortcut(QKeySequence(key))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            widget.addAction(action)
        return action

    def _make_quote_actions(self) -> dict[str, QAction]:
        quotes = self._sidebar.quotes
        current = quotes.current_quote
        actions = {
            "speaker": self._action("Change Speaker…", lambda: self.ask_speaker(current()), quotes.list, "F2"),
            "clear": self._action("Speaker Unknown", lambda: self.set_speaker(current(), None)),
            "not_quote": self._action("Not a Quote", lambda: self.not_a_quote(current()), quotes.list, "Delete"),
            "scare": self._action("Scare Quote", lambda: self.set_kind(current(), "scare")),
            "direct": self._action("Direct Quote", lambda: self.set_kind(current(), "direct")),
        }
        separator = QAction(self)
        separator.setSeparator(True)
        quotes.menu_actions.extend([separator, *actions.values()])
        return actions

    def _make_person_actions(self) -> dict[str, QAction]:
        table = self._sidebar.people.table
        current = self._sidebar.people.current_person
        return {
            "rename": self._action("Rename…", lambda: self.ask_rename(current()), table, "F2"),
            "role": self._action("Set Role…", lambda: self.ask_role(current())),
            "merge": self._action("Merge With…", lambda: self.ask_merge(current()), table, "Ctrl+M"),
            "split": self._action("Split Off a Name…", lambda: self.ask_split_alias(current())),
            "not_person": self._action("Not a Person", lambda: self.not_a_person(current()), table, "Delete"),
            "credit": self._action("A Credit, Not a Person", lambda: self.not_a_person(current(), credit=True)),
        }

    def _show_people_menu(self, point) -> None:
        if self._sidebar.people.current_person() is None:
            return
        menu = QMenu(self._sidebar.people)
        for action in self._person_actions.values():
            menu.addAction(action)
        menu.exec(self._sidebar.people.table.viewport().mapToGlobal(point))

    def _selection_actions(self, _offset: int) -> list[QAction]:
        """For a selection in the article: a quote or a person the extractor missed."""
        span = self._annotations.selected_span()
        if span is None or self.book is None or self._raw is None or self.book.store.read_only:
            return []
        add_quote = QAction("Add as Missed Quote…", self._window)
        add_quote.triggered.connect(lambda _checked=False: self.ask_missed_quote(*span))
        add_person = QAction("Add as Missed Person", self._window)
        add_person.triggered.connect(lambda _checked=False: self.add_person(*span))
        actions = [add_quote, add_person]
        quote = self._quote_overlapping(*span)
        if quote is not None and (quote.start, quote.end) != span:
            set_span = QAction("Set as the Quote's Span", self._window)
            set_span.triggered.connect(lambda _checked=False: self.set_span(quote, *span))
            actions.append(set_span)
        return actions

    def _quote_overlapping(self, start: int, end: int) -> Quote | None:
        """The quote the selection overlaps most (a selection that only touches none)."""
        quotes = self.extraction.quotes if self.extraction is not None else []
        best, best_shared = None, 0
        for quote in quotes:
            shared = min(quote.end, end) - max(quote.start, start)
            if shared > best_shared:
                best, best_shared = quote, shared
        return best

    # -- binding -----------------------------------------------------------------------

    def show_extraction(self, article, extraction: Extraction | None) -> None:
        """The extractor's result for ``article`` is ready (None: no article)."""
        self._article, self._raw = article, extraction
        self.refresh()
        unsettled = [r for r in self.model_results() if r.status != APPLIED]
        if unsettled:
            count = len(unsettled)
            message = (
                f"{count} correction{'' if count == 1 else 's'} no longer appl{'ies' if count == 1 else 'y'} "
                "(the article or the extractor changed); they are kept in Annotations → Corrections."
            )
            # After the window's own news of this article (re-anchored highlights), not instead of it.
            QTimer.singleShot(0, lambda: self._say(message))

    def _say(self, message: str) -> None:
        earlier = self._window.statusBar().currentMessage()
        self._annotations.status(f"{earlier}  {message}" if earlier else message, timeout=20000)

    def model_results(self):
        return [self.model.result(row) for row in range(self.model.rowCount())]

    def _store_changed(self, store) -> None:
        self.book = CorrectionBook(store) if store is not None else None
        if store is None or store.article is not self._article:
            self._article, self._raw = None, None
        self.refresh()

    def refresh(self) -> Extraction | None:
        """Apply the corrections again and show the result; keep the current quote and person."""
        quote = self._sidebar.quotes.current_quote()
        person = self._sidebar.people.current_person()
        book = self.book
        usable = book is not None and self._raw is not None and book.store.article is self._article and len(book)
        # Without corrections the extractor's own records are shown: nothing to copy or apply.
        self.extraction = book.apply(self._raw) if usable else self._raw
        if self._raw is not None:
            self._links.set_extraction(self.extraction)
            if quote is not None:
                self._sidebar.quotes.select_quote(quote.id, notify=False)
            if person is not None and self.extraction.person(person.id) is not None:
                self._sidebar.people.select_person(person.id)
        results = self.extraction.results if isinstance(self.extraction, CorrectedExtraction) else []
        self.model.set_results(results)
        self.corrections_changed.emit()
        return self.extraction

    # -- making corrections ------------------------------------------------------------

    def correct(self, correction: Correction) -> bool:
        """Apply ``correction`` as one undoable step; False (and a message) if refused."""
        book = self.book
        if book is None or self._raw is None:
            return False
        if book.store.read_only:
            self._annotations.status("Corrections cannot be saved: the annotations file could not be read.")
            return False
        trial = apply_corrections(self._raw, [*book.corrections, correction], self._text())
        result = trial.result_for(correction.id)
        if result is None or result.status != APPLIED:  # it would change nothing: no step to undo
            self._annotations.status(f"Nothing to correct: {result.reason if result else 'it does not apply'}.")
            return False
        self._annotations.undo_stack.push(CorrectionCommand(book, correction, self.refresh))
        return True

    def withdraw(self, correction_id: str) -> bool:
        """Take a correction back, as one undoable step."""
        book = self.book
        correction = book.get(correction_id) if book is not None else None
        if correction is None or book.store.read_only:
            return False
        self._annotations.undo_stack.push(CorrectionCommand(book, correction, self.refresh, withdraw=True))
        return True

    def _text(self) -> str:
        return self.book.store.article.text if self.book is not None else ""

    def _quote_anchor(self, quote: Quote) -> Anchor:
        return Anchor.over(self._text(), quote.start, quote.end)

    def _person_anchor(self, person: Person) -> Anchor:
        mention = person.mentions[0]
        return Anchor.over(self._text(), mention.start, mention.end)

    def set_speaker(self, quote: Quote | None, name: str | None) -> bool:
        if quote is None:
            return False
        return self.correct(Correction.new(ops.QUOTE_SPEAKER, self._quote_anchor(quote), value=name))

    def not_a_quote(self, quote: Quote | None) -> bool:
        if quote is None:
            return False
        return self.correct(Correction.new(ops.QUOTE_NOT_QUOTE, self._quote_anchor(quote)))

    def set_kind(self, quote: Quote | None, kind: str) -> bool:
        if quote is None:
            return False
        return self.correct(Correction.new(ops.QUOTE_KIND, self._quote_anchor(quote), value=kind))

    def rename(self, person: Person | None, name: str) -> bool:
        if person is None or not person.mentions:
            return False
        return self.correct(Correction.new(ops.PERSON_RENAME, self._person_anchor(person), value=name))

    def set_role(self, person: Person | None, role: str) -> bool:
        if person is None or not person.mentions:
            return False
        return self.correct(Correction.new(ops.PERSON_ROLE, self._person_anchor(person), value=role))

    def merge(self, person: Person | None, into: Person | None) -> bool:
        if person is None or into is None or person.id == into.id or not (person.mentions and into.mentions):
            return False
        anchor, target = self._person_anchor(person), self._person_anchor(into)
        return self.correct(Correction.new(ops.PERSON_MERGE, anchor, target=target))

    def set_span(self, quote: Quote | None, start: int, end: int) -> bool:
        """The quote runs over ``start..end`` instead (a word left out, a title glued on)."""
        if quote is None or start >= end:
            return False
        target = Anchor.over(self._text(), start, end)
        return self.correct(Correction.new(ops.QUOTE_SPAN, self._quote_anchor(quote), target=target))

    def split_alias(self, person: Person | None, alias: str) -> bool:
        """The mentions of ``person`` written ``alias`` are somebody else (a relative, a namesake)."""
        if person is None:
            return False
        try:
            anchor = person_anchor(self._text(), person, alias)
        except CorrectionError as error:
            self._annotations.status(f"Nothing to split: {error}.")
            return False
        return self.correct(Correction.new(ops.PERSON_SPLIT_ALIAS, anchor, value=alias))

    def not_a_person(self, person: Person | None, *, credit: bool = False) -> bool:
        if person is None or not person.mentions:
            return False
        return self.correct(Correction.new(ops.PERSON_NOT_PERSON, self._person_anchor(person), credit=credit))

    # -- asking ------------------------------------------------------------------------

    def add_quote(self, start: int, end: int, speaker: str | None) -> bool:
        return self.correct(Correction.new(ops.QUOTE_ADD, Anchor.over(self._text(), start, end), value=speaker))

    def add_person(self, start: int, end: int) -> bool:
        return self.correct(Correction.new(ops.PERSON_ADD, Anchor.over(self._text(), start, end)))

    def ask_missed_quote(self, start: int, end: int) -> NameDialog:
        self.dialog = NameDialog(
            self._window, "Add Missed Quote", "Who said it? (leave empty if nobody is named)",
            self._people_names(), lambda name: self.add_quote(start, end, name or None), allow_empty=True,
        )
        self.dialog.open()
        return self.dialog

    def _people_names(self, but: Person | None = None) -> list[str]:
        people = self.extraction.people if self.extraction is not None else []
        return [p.name for p in people if but is None or p.id != but.id]

    def _ask(self, title: str, question: str, names: list[str], on_accept, text: str = "") -> NameDialog:
        self.dialog = NameDialog(self._window, title, question, names, on_accept, text)
        self.dialog.open()
        return self.dialog

    def ask_speaker(self, quote: Quote | None) -> NameDialog | None:
        if quote is None:
            return None
        return self._ask(
            "Change Speaker", "Who said it? (a person of the article, or a name as written)",
            self._people_names(), lambda name: self.set_speaker(quote, name), quote.speaker or "",
        )

    def ask_rename(self, person: Person | None) -> NameDialog | None:
        if person is None:
            return None
        return self._ask("Rename Person", f"The name of {person.name}:", [], lambda n: self.rename(person, n), person.name)

    def ask_role(self, person: Person | None) -> NameDialog | None:
        if person is None:
            return None
        return self._ask(
            "Set Role", f"The role of {person.name}:", [], lambda r: self.set_role(person, r), person.role or ""
        )

    def ask_merge(self, person: Person | None) -> NameDialog | None:
        if person is None:
            return None

        def merge_into(name: str) -> None:
            people = self.extraction.people if self.extraction is not None else []
            into = next((p for p in people if p.name.casefold() == name.casefold() and p.id != person.id), None)
            if into is None:
                self._annotations.status(f"No other person called {name} in this article.")
                return
            self.merge(person, into)

        return self._ask("Merge With", f"{person.name} is the same person as:", self._people_names(person), merge_into)

    def ask_split_alias(self, person: Person | None) -> NameDialog | None:
        """Which written form of ``person`` is somebody else ("Whitfield" of "Dana Whitfield")."""
        if person is None:
            return None
        forms = self._written_forms(person)
        if not forms:
            self._annotations.status(f"{person.name} is always written the same way: there is no other name to split off.")
            return None
        return self._ask(
            "Split Off a Name",
            f"Which name written for {person.name} is somebody else? ({', '.join(forms)})",
            forms,
            lambda alias: self.split_alias(person, alias),
            forms[0] if len(forms) == 1 else "",
        )

    def _written_forms(self, person: Person) -> list[str]:
        """The ways the text writes ``person`` other than the full name, first seen first."""
        text, forms, seen = self._text(), [], {person.name.casefold()}
        for mention in person.mentions:
            written = text[mention.start : mention.end]
            if written.casefold() not in seen:
                seen.add(written.casefold())
                forms.append(written)
        return forms


__all__ = ["CorrectionError", "CorrectionsController"]
