"""Annotating in the window: open the sidecar, highlight selections, undo, autosave, ask on trouble.

The controller binds one ``AnnotationStore`` (core) to the window while an article is
open. Every edit goes through ``edit()``, which applies a core operation and records it on
the window's ``QUndoStack`` as one command. Each applied operation's ``Change`` (which ids
were added, removed, updated) updates the highlights and the Annotations tab incrementally,
so an edit costs the same with ten annotations as with ten thousand. Saving is automatic shortly after each change (and on File → Save); a sidecar
that cannot be written is never silently dropped: the user is told and offered Save As,
and closing with unsaved annotations asks.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMainWindow, QMessageBox
from shiboken6 import isValid

from annotator.core.annotations import (
    AddAnnotation,
    AnnotationStore,
    Change,
    Operation,
    RenameTag,
    SidecarConflictError,
    SidecarError,
    SidecarReadOnlyError,
)
from annotator.core.annotations.store import SidecarBusyError
from annotator.core.preferences import annotator_name
from annotator.qt.annotations.annotation_highlights import ANNOTATION_LAYER, ANNOTATION_LAYER_Z, AnnotationHighlights
from annotator.qt.window.actions import key_sequences
from annotator.qt.article.article_view import ArticleView
from annotator.qt.annotations.undo_commands import AnnotationCommand

AUTOSAVE_DELAY_MS = 1000
# Autosave runs on the window's thread: it waits this long for another program's save to
# finish, then tries again later instead of freezing the window (File → Save waits longer).
AUTOSAVE_LOCK_WAIT_SECONDS = 0.2
NUMBERED_QUOTE_ID = re.compile(r"q[0-9]+")  # quote ids in sidecars saved before ids came from the words
SIDECAR_FILTER = "Annotations (*.annotations.json);;All files (*)"


class AnnotationController(QObject):
    """Owns the open article's annotation store, its undo stack and its saving.

    Signals:
        store_changed(object): a new ``AnnotationStore`` (or None) is bound — panels rebind.
        change_applied(object): one operation was applied (edit, undo, redo): its ``Change``,
            for views that update only what it touched.
        annotations_changed(): the annotations or labels changed (edit, undo, redo, reload).
        problem_shown(str): a message about saving or reading the sidecar was shown.
    """

    store_changed = Signal(object)
    change_applied = Signal(object)
    annotations_changed = Signal()
    problem_shown = Signal(str)

    def __init__(self, window: QMainWindow, view: ArticleView) -> None:
        super().__init__(window)
        self._window = window
        self._view = view
        self.store: AnnotationStore | None = None
        self._highlights: AnnotationHighlights | None = None  # the view's annotation layer
        self._unsubscribe = None
        self.undo_stack = QUndoStack(self)
        self.autosave_timer = QTimer(self)
        self.autosave_timer.setSingleShot(True)
        self.autosave_timer.setInterval(AUTOSAVE_DELAY_MS)
        self.autosave_timer.timeout.connect(self.autosave)
        self._write_problem_reported = False
        self._discarded_revision: int | None = None  # the user chose to drop these unsaved edits
        self._open_status: str | None = None  # what opening said in the status bar (re-anchoring)
        self.dialog: QMessageBox | None = None

        self.undo_action = self.undo_stack.createUndoAction(self, "&Undo")
        self.undo_action.setShortcuts(key_sequences(["Ctrl+Z", QKeySequence.StandardKey.Undo]))
        self.redo_action = self.undo_stack.createRedoAction(self, "&Redo")
        self.redo_action.setShortcuts(key_sequences(["Ctrl+Shift+Z", "Ctrl+Y", QKeySequence.StandardKey.Redo]))
        self.save_action = QAction("&Save Annotations", self)
        self.save_action.setShortcuts(key_sequences(["Ctrl+S", QKeySequence.StandardKey.Save]))
        self.save_action.setStatusTip("Save the annotations to the sidecar file beside the article")
        self.save_action.triggered.connect(self.save)
        self.save_as_action = QAction("Save Annotations &As…", self)
        self.save_as_action.setShortcuts(key_sequences(["Ctrl+Shift+S", QKeySequence.StandardKey.SaveAs]))
        self.save_as_action.setStatusTip("Save the annotations to another file and keep saving there")
        self.save_as_action.triggered.connect(self.save_as_dialog)
        for action in (self.undo_action, self.redo_action, self.save_action, self.save_as_action):
            window.addAction(action)

        self.undo_stack.cleanChanged.connect(lambda _clean: self._update_modified())
        self.undo_stack.indexChanged.connect(lambda _index: self._changed_by_user())
        view.installEventFilter(self)
        window.installEventFilter(self)
        view.add_context_action_source(self._context_actions)
        self._update_enabled()

    # -- binding an article ------------------------------------------------------------

    @staticmethod
    def prepare_store(article) -> AnnotationStore:
        """Open ``article``'s annotations; the loader calls this on its worker thread."""
        return AnnotationStore.open(article)

    def open_article(self, article, prepared: object = None) -> None:
        """Bind the annotations of ``article`` (None: no article); the previous ones are saved first.

        The window binds as soon as the new text is shown (before quotes and people are found), so
        a highlight made then lands in the new article's sidecar; binding the same article again
        when extraction finishes changes nothing. ``prepared`` is the store ``prepare_store`` opened
        on the loader's worker; it is used unless its sidecar changed on disk since (for instance
        when the previous article was the same file and its last edits were just saved).
        """
        if article is not None and self.store is not None and self.store.article is article:
            if self._open_status:
                self.status(self._open_status)  # the window's own status replaced it meanwhile
            self.redraw()  # the view may have shown the article again, dropping its layers
            return
        self.flush()
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None
        self.undo_stack.clear()
        self._discarded_revision = None
        self._open_status = None
        usable = (
            isinstance(prepared, AnnotationStore) and prepared.article is article and not prepared.disk_changed()
        )
        if article is None:
            self.store = None
        else:
            self.store = prepared if usable else AnnotationStore.open(article)
        self._write_problem_reported = False
        if self.store is not None:
            self._unsubscribe = self.store.annotations.subscribe(self._change_applied)
            self._report_open_problems()
        self.store_changed.emit(self.store)
        self._annotations_changed()
        self._update_enabled()

    def _report_open_problems(self) -> None:
        store = self.store
        assert store is not None
        if store.problem is not None:
            self._tell(
                "Annotations Are Read-Only",
                f"The annotations of {store.article.source.name} could not be read, so they cannot be changed.",
                f"{store.problem}\n\nThe file is kept exactly as it is. Use File → Save Annotations As… to start a new one.",
            )
        elif store.reanchored:
            review = store.annotations.needing_review()
            orphans = sum(1 for annotation in review if annotation.status == "orphan")
            message = f"{store.article.source.name} changed since it was annotated; highlights were re-attached"
            if review:
                message += f", {len(review)} need review"
                if orphans:
                    message += f" ({orphans} not found)"
            self._open_status = message + "."
            self.status(self._open_status)

    # -- editing -----------------------------------------------------------------------

    @property
    def can_edit(self) -> bool:
        return self.store is not None and not self.store.read_only

    def edit(self, operation: Operation) -> bool:
        """Apply ``operation`` as one undoable step; a refused edit is reported and returns False."""
        if self.store is None:
            return False
        if self.store.read_only:
            self.status("Annotations are read-only: the sidecar could not be read (use Save Annotations As…).")
            return False
        try:
            command = AnnotationCommand.applied(self.store.annotations, operation)
        except ValueError as error:  # AnnotationError / LabelError: a message for the user
            self.status(str(error))
            return False
        self.undo_stack.push(command)
        return True

    def selected_span(self) -> tuple[int, int] | None:
        """The selection in the article, in code-point offsets (None when empty)."""
        span = self._view.selected_span()
        return span if span is not None and span[0] < span[1] else None

    def annotation_at(self, offset: int):
        """The innermost annotation covering ``offset``, or None."""
        found = self.store.annotations.at(offset) if self.store is not None else []
        return found[0] if found else None

    def tooltip_at(self, offset: int) -> str | None:
        """'Claim · storm, check · Mostly true' and the note, for each highlight under ``offset``."""
        found = self.store.annotations.at(offset) if self.store is not None else []
        lines: list[str] = []
        for annotation in found:
            parts = [annotation.label, ", ".join(annotation.tags), annotation.verdict or ""]
            lines.append(" · ".join(part for part in parts if part))
            if annotation.note:
                lines.append(f"    {annotation.note if len(annotation.note) <= 200 else annotation.note[:199] + '…'}")
        return "\n".join(lines) or None

    def annotate_selection(self, label: str) -> bool:
        """Highlight the selected text with ``label``."""
        span = self._view.selected_span()
        if self.store is None or span is None or span[0] == span[1]:
            self.status("Select some text first, then choose a label.")
            return False
        return self.edit(AddAnnotation.new(self.store.annotations, span[0], span[1], label, author=annotator_name()))

    def highlight_quote(self, quote) -> str | None:
        """Annotate an extracted quote with the Quote label, linked to its id and speaker.

        A quote highlighted before is not highlighted twice: its annotation id is returned. The
        earlier highlight is the one linked to the quote *and* covering it: ids come from a
        quote's words, so the same words quoted twice differ only by a ``-2`` that follows text
        order. A sidecar saved when ids were numbers (``q1``) links its highlight by such a
        number: one at the quote's place is its highlight too, not a reason to lay a second one.
        """
        if self.store is None or quote is None:
            return None
        for annotation in self.store.annotations:
            same_place = (annotation.start, annotation.end) == (quote.start, quote.end)
            linked = annotation.quote_id == quote.id or NUMBERED_QUOTE_ID.fullmatch(annotation.quote_id or "")
            if linked and same_place and annotation.status != "orphan":
                self.status("This quote is already highlighted.")
                return annotation.id
        label = self.store.annotations.labels.find("Quote")
        if label is None:
            self.status("There is no Quote label any more; add one in the labels to highlight quotes.")
            return None
        operation = AddAnnotation.new(
            self.store.annotations,
            quote.start,
            quote.end,
            label.name,
            quote_id=quote.id,
            speaker=quote.speaker,
            author=annotator_name(),
        )
        return operation.annotation.id if self.edit(operation) else None

    def rename_tag(self, old: str, new: str) -> bool:
        """Rename a tag on every annotation of the article (merging into ``new`` if used)."""
        return self.edit(RenameTag(old, new))

    def ask_rename_tag(self) -> None:
        if self.store is None or not self.store.annotations.tags():
            self.status("No tags to rename yet.")
            return
        tags = self.store.annotations.tags()
        old, ok = QInputDialog.getItem(self._window, "Rename Tag", "Tag to rename everywhere:", tags, 0, False)
        if not ok:
            return
        new, ok = QInputDialog.getText(self._window, "Rename Tag", f"New name for “{old}”:", text=old)
        if ok and new.strip() and new.strip() != old:
            self.rename_tag(old, new.strip())

    def label_actions(self, parent: QObject) -> list[QAction]:
        """One 'Highlight as <label>' action per label, for menus and the toolbar."""
        actions: list[QAction] = []
        if self.store is None:
            return actions
        for label in self.store.annotations.labels.labels:
            key = f"\t{label.key}" if label.key else ""
            action = QAction(f"Highlight as {label.name}{key}", parent)
            action.setEnabled(self.can_edit)
            action.triggered.connect(lambda _checked=False, name=label.name: self.annotate_selection(name))
            actions.append(action)
        return actions

    def shortcut_actions(self, parent: QObject) -> list[QAction]:
        """Undo, Redo, Save, Save As and 'Highlight as <label>' with its key, for the shortcuts list.

        The label actions are not added to any widget (the view's event filter handles the
        keys, only over a selection), so listing them cannot make them fire elsewhere.
        """
        listed = [self.undo_action, self.redo_action, self.save_action, self.save_as_action]
        labels = self.store.annotations.labels.labels if self.store is not None else ()
        for label in labels:
            if label.key:
                action = QAction(f"Highlight selection as {label.name}", parent)
                action.setShortcut(QKeySequence(label.key))
                listed.append(action)
        return listed

    def _context_actions(self, _offset: int) -> list[QAction]:
        if not self.can_edit or self._view.selected_span() is None:
            return []
        return self.label_actions(self._view)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        """A label's key (1–9) over a selection highlights it, as in brat and INCEpTION."""
        if watched is self._window and event.type() == QEvent.Type.WindowActivate:
            self.check_disk()
        if watched is self._view and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            text = event.text()
            plain = event.modifiers() in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)
            if plain and len(text) == 1 and text in "123456789" and self.store is not None:
                label = self.store.annotations.labels.by_key(text)
                if label is not None and self._view.selected_span() is not None:
                    self.annotate_selection(label.name)
                    return True
        return super().eventFilter(watched, event)

    # -- drawing -----------------------------------------------------------------------

    def redraw(self) -> None:
        """Draw the highlights again: another store bound, another theme, the article shown again."""
        if self.store is None or self._view.position_map is None:
            self._highlights = None
            self._view.highlights.clear_layer(ANNOTATION_LAYER)
            return
        dark = self._view.colors.text.lightness() > 128
        if self._highlights is None or self._highlights.annotations is not self.store.annotations:
            self._highlights = AnnotationHighlights(self.store.annotations, dark=dark)
        self._highlights.set_dark(dark)
        self._view.highlights.set_source(ANNOTATION_LAYER, self._highlights, ANNOTATION_LAYER_Z)

    def _annotations_changed(self) -> None:
        self.redraw()
        self._update_modified()
        self.annotations_changed.emit()

    def _change_applied(self, change: Change) -> None:
        """One operation was applied: update what it touched, then tell the panels."""
        if self._highlights is not None:
            self._highlights.apply_change(change)
            self._view.highlights.refresh()
        self._update_modified()
        self.change_applied.emit(change)
        self.annotations_changed.emit()

    def _changed_by_user(self) -> None:
        self._write_problem_reported = False
        if self.store is not None and self.store.is_dirty:
            self.autosave_timer.start()
        self._update_modified()

    # -- saving ------------------------------------------------------------------------

    def _update_modified(self) -> None:
        if not isValid(self._window):  # the undo stack signals while the window is torn down
            return
        dirty = self.store is not None and self.store.is_dirty and not self.store.read_only
        self._window.setWindowModified(dirty)
        self.save_action.setEnabled(self.store is not None and not self.store.read_only)

    def _update_enabled(self) -> None:
        self.save_action.setEnabled(self.can_edit)
        self.save_as_action.setEnabled(self.store is not None)

    def autosave(self) -> None:
        """Save quietly; problems are shown once until the next change."""
        if self.store is not None and self.store.is_dirty and not self.store.read_only:
            self._save(quiet=True)

    def save(self) -> bool:
        """File → Save: write now, asking about conflicts and failures."""
        self.autosave_timer.stop()
        if self.store is None:
            return True
        if self.store.read_only:
            return self.save_as_dialog()
        return self._save(quiet=False)

    def _save(self, *, quiet: bool) -> bool:
        store = self.store
        assert store is not None
        try:
            if quiet:
                store.save(lock_wait=AUTOSAVE_LOCK_WAIT_SECONDS)
            else:
                store.save()
        except SidecarConflictError as error:
            return self._resolve_conflict(error)
        except SidecarReadOnlyError as error:
            self.status(str(error))
            return False
        except SidecarError as error:  # SidecarWriteError: the old file is intact
            if quiet and isinstance(error, SidecarBusyError):
                self.status("Annotations not saved yet: another program is saving them; trying again shortly.")
                self.autosave_timer.start()
                return False
            if quiet and self._write_problem_reported:
                self.status(f"Annotations not saved: {error}")
                return False
            self._write_problem_reported = True
            return self._offer_save_as(error)
        self.undo_stack.setClean()
        self._update_modified()
        self.status(f"Annotations saved to {store.path.name}.", timeout=3000)
        return True

    def _resolve_conflict(self, error: SidecarConflictError) -> bool:
        """Another program changed the sidecar: overwrite it, or keep theirs (reload)."""
        box = QMessageBox(QMessageBox.Icon.Warning, "Annotations Changed on Disk", str(error), parent=self._window)
        box.setInformativeText("Overwrite keeps your annotations; Keep Theirs reloads the file and drops your unsaved changes.")
        overwrite = box.addButton("Overwrite", QMessageBox.ButtonRole.AcceptRole)
        keep_theirs = box.addButton("Keep Theirs", QMessageBox.ButtonRole.DestructiveRole)
        box.addButton("Save As…", QMessageBox.ButtonRole.ActionRole)
        box.setDefaultButton(overwrite)
        self.problem_shown.emit(str(error))
        box.exec()
        clicked = box.clickedButton()
        if clicked is overwrite:
            return self._write(lambda store: store.save(overwrite=True))
        if clicked is keep_theirs:
            self.reload()
            return True
        return self.save_as_dialog()

    def _offer_save_as(self, error: SidecarError) -> bool:
        box = QMessageBox(QMessageBox.Icon.Warning, "Could Not Save Annotations", "Your annotations could not be saved.", parent=self._window)
        box.setInformativeText(f"{error}\n\nThey are still here in the window. Save them somewhere else?")
        save_as = box.addButton("Save As…", QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        self.problem_shown.emit(str(error))
        box.exec()
        if box.clickedButton() is save_as:
            return self.save_as_dialog()
        return False

    def save_as_dialog(self) -> bool:
        if self.store is None:
            return True
        start = str(self.store.path.with_name(self.store.path.name.replace(".annotations.json", "-copy.annotations.json")))
        path, _ = QFileDialog.getSaveFileName(self._window, "Save Annotations As", start, SIDECAR_FILTER)
        if not path:
            return False
        return self.save_as(Path(path))

    def save_as(self, path: Path) -> bool:
        """Write the annotations to ``path`` and keep saving there."""
        ok = self._write(lambda store: store.save_as(path))
        self._update_enabled()
        return ok

    def _write(self, write) -> bool:
        assert self.store is not None
        try:
            write(self.store)
        except SidecarError as error:
            self._tell("Could Not Save Annotations", "Your annotations could not be saved.", str(error))
            return False
        self.undo_stack.setClean()
        self._update_modified()
        self.status(f"Annotations saved to {self.store.path.name}.", timeout=3000)
        return True

    def reload(self) -> None:
        """Read the sidecar again from disk, dropping unsaved edits and the undo history."""
        if self.store is None:
            return
        article = self.store.article
        self.store = None  # nothing to flush: the user chose the file on disk
        self.open_article(article)

    def check_disk(self) -> None:
        """Back in the window: pick up a sidecar another program changed, if nothing here is unsaved.

        With unsaved edits here the next save asks instead (``SidecarConflictError``).
        """
        store = self.store
        if store is None or store.read_only or store.is_dirty or not store.disk_changed():
            return
        self.reload()
        self.status(f"{store.path.name} was changed by another program; its annotations were loaded again.")

    def flush(self) -> bool:
        """Save pending changes now (before switching article); False if they could not be written."""
        self.autosave_timer.stop()
        if self.store is None or not self.store.is_dirty or self.store.read_only:
            return True
        if self._discarded_revision == self.store.annotations.revision:
            return True
        return self._save(quiet=False)

    def confirm_close(self) -> bool:
        """Before the window closes: save, or ask when the annotations cannot be written."""
        if self.flush():
            return True
        assert self.store is not None
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            "Unsaved Annotations",
            f"The annotations of {self.store.article.source.name} are not saved.",
            parent=self._window,
        )
        box.setInformativeText("Save them somewhere else, close without them, or go back.")
        save_as = box.addButton("Save As…", QMessageBox.ButtonRole.AcceptRole)
        discard = box.addButton("Close Without Saving", QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        if box.clickedButton() is save_as:
            return self.save_as_dialog()
        if box.clickedButton() is discard:
            self._discarded_revision = self.store.annotations.revision
            return True
        return False

    # -- messages ----------------------------------------------------------------------

    def status(self, message: str, timeout: int = 8000) -> None:
        self._window.statusBar().showMessage(message, timeout)

    def _tell(self, title: str, text: str, informative: str) -> None:
        self.status(text)
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, parent=self._window)
        box.setInformativeText(informative)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(lambda _result: setattr(self, "dialog", None))
        self.dialog = box
        self.problem_shown.emit(text)
        box.open()  # not blocking: the article stays readable
