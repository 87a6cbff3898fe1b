"""The main window: composes the article view, find bar, sidebar, menus and status bar.

It holds layout and the open/close life cycle only; behaviour lives in small
controllers (``FindController``, ``SidebarLinks``) and loading in ``ArticleLoader``.

Signals:
    article_changed(object): the ``LoadedArticle`` now shown, or None after Close.
        Later features (annotations) attach to this.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from annotator.qt.annotations.annotation_controller import AnnotationController
from annotator.qt.window.app_icon import application_icon
from annotator.qt.article.article_header import ArticleHeader
from annotator.qt.article.article_on_disk import FileSignature, change_message
from annotator.qt.annotations.annotations_panel import AnnotationsPanel
from annotator.qt.corrections.controller import CorrectionsController
from annotator.qt.corrections.view import CorrectionsView
from annotator.qt.export.export_controller import ExportController
from annotator.qt.annotations.labels_dialog import LabelsDialog
from annotator.qt.window.preferences_dialog import PreferencesDialog
from annotator.qt.library.dock import LibraryDock
from annotator.qt.window.actions import build_menus, build_toolbar, create_actions
from annotator.qt.article.article_view import ArticleView
from annotator.qt.article.find_bar import FindBar
from annotator.qt.article.find_controller import FindController
from annotator.qt.article.fonts import DEFAULT_POINT_SIZE, ZOOM_STEP
from annotator.qt.window.help_dialogs import ShortcutsDialog, show_about
from annotator.qt.article.document_builder import RenderedDocument, wrap_mode_for
from annotator.qt.window.loader import ArticleLoader, LoadedArticle, ReadArticle
from annotator.qt.window.recent_menu import RecentFilesMenu
from annotator.qt.window.settings import AppSettings
from annotator.qt.sidebar.sidebar import Sidebar
from annotator.qt.sidebar.sidebar_links import SidebarLinks
from annotator.qt.window.status_bar import ArticleStatusBar
from annotator.qt.window.theme import SYSTEM_THEME, THEMES, apply_theme, theme_named
from annotator.qt.web.web_controller import WebController

APP_NAME = "Annotator"
OPEN_FILTERS = ";;".join(
    [
        "Articles (*.txt *.text *.html *.htm *.md *.markdown)",
        "Plain text (*.txt *.text)",
        "Web pages (*.html *.htm)",
        "Markdown (*.md *.markdown)",
        "All files (*)",
    ]
)
DEFAULT_SIZE = (1280, 820)
DEFAULT_SIDEBAR_WIDTH = 460  # the People columns and a quote card's name and role fit at the default size


class MainWindow(QMainWindow):
    """One window reading one article at a time."""

    article_changed = Signal(object)

    def __init__(self, settings: AppSettings, loader: ArticleLoader | None = None) -> None:
        super().__init__()
        self.settings = settings
        self.current: LoadedArticle | None = None
        self.error_dialog: QMessageBox | None = None
        self._shown_file: tuple[Path, FileSignature | None] | None = None  # to notice changes on disk
        self.setAcceptDrops(True)
        self.setWindowIcon(application_icon())

        self.view = ArticleView(self)
        self.find_bar = FindBar(self)
        self.sidebar = Sidebar(self)
        reading = QWidget(self)
        reading_layout = QVBoxLayout(reading)
        reading_layout.setContentsMargins(0, 0, 0, 0)
        reading_layout.setSpacing(0)
        self.header = ArticleHeader(reading)
        self.view.measure_changed.connect(self.header.align_with_text)
        reading_layout.addWidget(self.header)
        reading_layout.addWidget(self.view, 1)
        reading_layout.addWidget(self.find_bar)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("main_splitter")
        self.splitter.addWidget(reading)
        self.splitter.addWidget(self.sidebar)
        self.splitter.setCollapsible(0, False)
        self.splitter.setCollapsible(1, True)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 0)
        self.setCentralWidget(self.splitter)
        self.status = ArticleStatusBar(self)
        self.setStatusBar(self.status)

        self.actions = create_actions(self)
        self.recent_menu = RecentFilesMenu(settings, self)
        build_menus(self.menuBar(), self.actions, self.recent_menu)
        self.toolbar = build_toolbar(self, self.actions)
        self.addToolBar(self.toolbar)

        self.loader = loader if loader is not None else ArticleLoader(parent=self)
        self.find = FindController(self.find_bar, self.view, self)
        self.links = SidebarLinks(self.sidebar, self.view, self)
        self.annotations = AnnotationController(self, self.view)
        self.annotations_panel = AnnotationsPanel(self.annotations, self.sidebar)
        self.sidebar.add_panel(self.annotations_panel, "Annotations")
        self.corrections = CorrectionsController(self, self.annotations, self.links, self.sidebar)
        self.corrections_view = CorrectionsView(self.corrections, self.annotations_panel)
        self.annotations_panel.layout().addWidget(self.corrections_view)
        self._add_annotation_menus()
        self.web = WebController(self)
        menus = {menu.title(): menu for menu in self.menuBar().findChildren(QMenu)}
        self.web.add_to_menus(menus["&File"], menus["&View"], self.actions.open)
        self.library_dock = LibraryDock(self)
        self._connect()
        self._restore_settings()
        self._update_title()
        self._update_enabled()

    # -- wiring --------------------------------------------------------------------

    def _connect(self) -> None:
        a = self.actions
        a.open.triggered.connect(self.open_dialog)
        a.reload.triggered.connect(self.reload_article)
        a.close.triggered.connect(self.close_article)
        a.quit.triggered.connect(self.close)
        a.copy.triggered.connect(self.view.copy)
        a.copy_with_attribution.triggered.connect(self.sidebar.quotes.copy_with_attribution)
        a.find.triggered.connect(self.find_bar.open_bar)
        a.preferences.triggered.connect(self.show_preferences)
        self.find_bar.closed.connect(self.focus_article)  # the found text stays selected for a label key
        a.find_next.triggered.connect(self._find_next)
        a.find_previous.triggered.connect(self._find_previous)
        a.zoom_in.triggered.connect(lambda: self.set_point_size(self.view.point_size + ZOOM_STEP))
        a.zoom_out.triggered.connect(lambda: self.set_point_size(self.view.point_size - ZOOM_STEP))
        a.zoom_reset.triggered.connect(lambda: self.set_point_size(DEFAULT_POINT_SIZE))
        a.light_theme.triggered.connect(lambda: self.set_theme("light"))
        a.dark_theme.triggered.connect(lambda: self.set_theme("dark"))
        a.system_theme.triggered.connect(lambda: self.set_theme(SYSTEM_THEME))
        QGuiApplication.styleHints().colorSchemeChanged.connect(self._desktop_scheme_changed)
        a.show_sidebar.toggled.connect(self.set_sidebar_visible)
        a.shortcuts.triggered.connect(self.show_shortcuts)
        a.about.triggered.connect(lambda: show_about(self))
        self.recent_menu.open_requested.connect(self.open_path)
        self.loader.started.connect(self._loading_started)
        self.loader.text_ready.connect(self.show_text)
        self.loader.loaded.connect(self.show_loaded)
        self.loader.failed.connect(self._loading_failed)
        self.view.copyAvailable.connect(lambda _available: self._update_enabled())
        self.sidebar.quotes.copy_action.changed.connect(self._update_enabled)
        self.splitter.splitterMoved.connect(self._splitter_moved)
        self.article_changed.connect(
            lambda loaded: self.annotations.open_article(loaded.article if loaded is not None else None)
        )

        panel = self.annotations_panel
        panel.model.modelReset.connect(
            lambda: self.sidebar.set_count(panel, panel.filter_model.rowCount(), panel.model.rowCount())
        )
        for signal in (panel.filter_model.rowsInserted, panel.filter_model.rowsRemoved):
            signal.connect(
                lambda *_: self.sidebar.set_count(panel, panel.filter_model.rowCount(), panel.model.rowCount())
            )
        panel.annotation_selected.connect(self._show_annotation)
        self.highlight_quote_action = QAction("Highlight This Quote", self)
        self.highlight_quote_action.setToolTip("Add a Quote annotation linked to this quote and its speaker")
        self.highlight_quote_action.triggered.connect(
            lambda: self.annotations.highlight_quote(self.sidebar.quotes.current_quote())
        )
        self.sidebar.quotes.menu_actions.append(self.highlight_quote_action)
        self.view.clicked.connect(self._annotation_clicked)
        self.view.set_tooltip_source(self._tooltip_at)
        self.sidebar.set_count(panel, 0, 0)

    def _tooltip_at(self, offset: int) -> str | None:
        """The highlights' labels and notes above the quote's speaker, when there are both."""
        tips = [tip for tip in (self.annotations.tooltip_at(offset), self.links.tooltip_for(offset)) if tip]
        return "\n\n".join(tips) or None

    def _show_annotation(self, annotation_id: str) -> None:
        """A row picked in the Annotations tab: select its text (orphans have none to show)."""
        store = self.annotations.store
        if store is None or annotation_id not in store.annotations:
            return
        annotation = store.annotations.get(annotation_id)
        if annotation.status != "orphan":
            self.view.select_span(annotation.start, annotation.end)

    def _annotation_clicked(self, offset: int) -> None:
        """A click on a highlight selects its annotation in the Annotations tab."""
        annotation = self.annotations.annotation_at(offset)
        if annotation is not None:
            self.sidebar.setCurrentWidget(self.annotations_panel)
            self.annotations_panel.select(annotation.id, emit=False)

    def _add_annotation_menus(self) -> None:
        """Save in File, Undo/Redo at the top of Edit, where desktop users look for them."""
        menus = {menu.title(): menu for menu in self.menuBar().findChildren(QMenu)}
        file_menu, edit_menu = menus["&File"], menus["&Edit"]
        file_menu.insertActions(self.actions.close, [self.annotations.save_action, self.annotations.save_as_action])
        self.exporter = ExportController(
            self,
            lambda: self.annotations.store,
            lambda: self.corrections.extraction if self.current is not None else None,
        )
        file_menu.insertAction(self.actions.close, self.exporter.action)
        file_menu.insertSeparator(self.actions.close)
        first = edit_menu.actions()[0]
        edit_menu.insertActions(first, [self.annotations.undo_action, self.annotations.redo_action])
        edit_menu.insertSeparator(first)
        self.annotate_menu = QMenu("&Annotate", self)
        self.annotate_menu.aboutToShow.connect(self._fill_annotate_menu)
        self.menuBar().insertMenu(menus["&View"].menuAction(), self.annotate_menu)
        self.labels_action = QAction("&Labels…", self)
        self.labels_action.setStatusTip("Add, rename, recolour or delete labels")
        self.labels_action.triggered.connect(self.show_labels_dialog)
        self.rename_tag_action = QAction("Rename &Tag…", self)
        self.rename_tag_action.setStatusTip("Rename a tag on every annotation of the article")
        self.rename_tag_action.triggered.connect(self.annotations.ask_rename_tag)
        highlight_button = self.annotate_menu.menuAction()
        highlight_button.setIconText("Highlight")
        highlight_button.setToolTip("Highlight the selection with a label (or press the label's key, 1–9)")
        self.toolbar.addSeparator()
        self.toolbar.addAction(highlight_button)
        button = self.toolbar.widgetForAction(highlight_button)
        if isinstance(button, QToolButton):
            button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)

    def _fill_annotate_menu(self) -> None:
        """Labels change while the article is open, so the menu is built when it opens."""
        menu = self.annotate_menu
        menu.clear()
        actions = self.annotations.label_actions(menu)
        for action in actions:
            menu.addAction(action)
        if not actions:
            menu.addAction("Open an article to annotate it").setEnabled(False)
        menu.addSeparator()
        menu.addAction(self.labels_action)
        menu.addAction(self.rename_tag_action)
        self.labels_action.setEnabled(self.annotations.store is not None)
        self.rename_tag_action.setEnabled(self.annotations.can_edit)

    def show_labels_dialog(self) -> LabelsDialog:
        dialog = LabelsDialog(self.annotations, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(self.focus_article)
        dialog.open()
        return dialog

    def _update_enabled(self) -> None:
        has_article = self.current is not None
        self.actions.close.setEnabled(has_article)
        self.actions.reload.setEnabled(has_article)
        self.actions.find.setEnabled(has_article)
        self.actions.copy.setEnabled(self.view.textCursor().hasSelection())
        self.actions.copy_with_attribution.setEnabled(self.sidebar.quotes.copy_action.isEnabled())

    def _update_title(self, path: Path | None = None) -> None:
        path = path or (self.current.path if self.current else None)
        self.setWindowTitle(f"{path.name}[*] — {APP_NAME}" if path else APP_NAME)
        self.setWindowFilePath(str(path) if path else "")

    # -- opening and closing -------------------------------------------------------

    def open_dialog(self) -> None:
        start = str(self.current.path.parent) if self.current else ""
        if not start and self.settings.recent_files():
            start = str(Path(self.settings.recent_files()[0]).parent)
        path, _ = QFileDialog.getOpenFileName(self, "Open Article", start, OPEN_FILTERS)
        if path:
            self.open_path(path)

    def open_path(self, path: str | Path) -> None:
        """Start loading ``path``; the current article stays until the new one is ready.

        Unsaved annotations of the current article are saved first; when they cannot be, the
        user chooses (Save As, drop them, or stay) before anything else happens.
        """
        if not self.annotations.confirm_close():
            return
        self.loader.load(path, render=self.view.document_renderer(), prepare=self.annotations.prepare_store)

    def show_text(self, read: ReadArticle) -> None:
        """The text is ready: show it at once; quotes and people follow in ``show_loaded``."""
        self.current = None
        rendered = read.rendered if isinstance(read.rendered, RenderedDocument) else None
        wrap_mode = rendered.wrap_mode if rendered else wrap_mode_for(read.article.text)
        if self.view.wordWrapMode() != wrap_mode:
            # A new wrap mode lays the shown document out again at once: empty it first, so
            # neither article is laid out in the mode that freezes on a long unbreakable run.
            self.view.clear_article()
            self.view.setWordWrapMode(wrap_mode)
        self.view.show_article(read.article, rendered)
        self.header.show_metadata(read.article.metadata)
        # Extraction now runs on the worker: laying out the rest would compete with it for the
        # interpreter; the reader's scrolling still lays out what it shows.
        self.view.layout_pacer.hold()
        self._shown_file = (read.path, FileSignature.of(read.path))
        self.links.set_extraction(None)
        self.status.show_reading(read)
        self.status.set_busy(f"Finding quotes and people in {read.path.name}…")
        self.find.refresh()
        self._update_title(read.path)
        self.annotations.open_article(read.article, prepared=read.prepared)
        self._update_enabled()
        if not self.find_bar.isVisible():
            self.focus_article()

    def show_loaded(self, loaded: LoadedArticle) -> None:
        self.status.set_busy(None)
        self.view.layout_pacer.release()
        if self.view.article is not loaded.article:
            self.view.show_article(loaded.article)
        self.current = loaded
        self.corrections.show_extraction(loaded.article, loaded.extraction)  # the sidebar shows it corrected
        self.status.show_article(loaded)
        self.settings.add_recent_file(loaded.path)
        self._update_title()
        self._update_enabled()
        self.article_changed.emit(loaded)
        self._show_reading_warning(loaded)
        if loaded.problem:
            self._show_problem(f"{loaded.path.name} is open, without quotes and people.", loaded.problem)

    def event(self, event: QEvent) -> bool:  # Qt override
        if event.type() == QEvent.Type.WindowActivate:
            self._check_article_on_disk()
            self._focus_article_if_nothing_has_focus()
        return super().event(event)

    def focus_article(self) -> None:
        """Give the keyboard to the article, so label keys and the caret act there."""
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def _focus_article_if_nothing_has_focus(self) -> None:
        """Back from a dialog with no widget of the window focused: the article takes the keys.

        Without it, the window's shortcuts (Ctrl+W, label keys) did nothing until a click.
        """
        focused = QApplication.focusWidget()
        if focused is None or not self.isAncestorOf(focused):
            self.focus_article()

    def _check_article_on_disk(self) -> None:
        """Back in the window: say once if the article's file changed or vanished meanwhile."""
        if self._shown_file is None:
            return
        path, signature = self._shown_file
        message = change_message(path, signature)
        if message:
            self._shown_file = (path, FileSignature.of(path))
            earlier = self.status.currentMessage()
            self.status.showMessage(f"{earlier} {message}" if earlier else message, 20000)

    def _show_reading_warning(self, loaded: LoadedArticle) -> None:
        """Say so when bytes were replaced while decoding (after any re-anchoring news)."""
        warning = loaded.article.metadata.get("encoding_warning")
        if warning:
            earlier = self.status.currentMessage()
            self.status.showMessage(f"{earlier}  {warning}." if earlier else f"{loaded.path.name}: {warning}.", 20000)

    def reload_article(self) -> None:
        """Read the open article again (after another program changed it): its highlights are
        saved first, then re-attached to the new text, as when it is next opened."""
        if self.current is not None:
            self.open_path(self.current.path)

    def close_article(self) -> None:
        if not self.annotations.confirm_close():
            return
        self.view.layout_pacer.release()
        self.current = None
        self._shown_file = None
        self.find_bar.close_bar()
        self.view.clear_article()
        self.header.show_metadata(None)
        self.links.set_extraction(None)
        self.status.show_article(None)
        self._update_title()
        self._update_enabled()
        self.article_changed.emit(None)

    def _loading_started(self, path: str) -> None:
        self.status.set_busy(f"Opening {Path(path).name}…")

    def _loading_failed(self, path: str, message: str) -> None:
        self.status.set_busy(None)
        self.view.layout_pacer.release()
        informative = message
        if self.view.article is not None:
            informative += f"\n\n{Path(self.view.article.source).name} is still open."
        self._show_problem(f"Could not open {Path(path).name}.", informative)

    def _show_problem(self, text: str, informative: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, "Could Not Open File", text, parent=self)
        box.setInformativeText(informative)
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(lambda _result: setattr(self, "error_dialog", None))
        self.error_dialog = box
        box.open()  # window-modal, not blocking: the event loop (and the article) carry on

    # -- drag and drop -------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 (Qt override)
        if _local_files(event.mimeData()) or self.web.dropped_url(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 (Qt override)
        files = _local_files(event.mimeData())
        url = None if files else self.web.dropped_url(event.mimeData())
        if files:
            event.acceptProposedAction()
            self.open_path(files[0])
        elif url:
            event.acceptProposedAction()
            self.web.fetch(url)
        else:
            event.ignore()

    # -- view options --------------------------------------------------------------

    def set_point_size(self, point_size: float) -> None:
        self.view.set_point_size(point_size)
        self.settings.set_point_size(self.view.point_size)
        self.actions.zoom_reset.setEnabled(self.view.point_size != DEFAULT_POINT_SIZE)

    def set_theme(self, name: str) -> None:
        """Use theme ``name`` ("light", "dark" or "system", which follows the desktop)."""
        theme = theme_named(name)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_theme(app, theme)
        self.view.set_colors(theme.article)
        self.links.recolor()
        self.annotations.redraw()
        self.find.refresh()
        chosen = name if name in THEMES else theme.name
        self.settings.set_theme(chosen)
        {"dark": self.actions.dark_theme, SYSTEM_THEME: self.actions.system_theme}.get(
            chosen, self.actions.light_theme
        ).setChecked(True)

    def _desktop_scheme_changed(self, _scheme) -> None:
        """The desktop switched between light and dark: follow it if the reader chose "system"."""
        if self.actions.system_theme.isChecked():
            self.set_theme(SYSTEM_THEME)

    def set_sidebar_visible(self, visible: bool) -> None:
        sizes = self.splitter.sizes()
        if visible and sizes[1] == 0:
            total = sum(sizes)
            self.splitter.setSizes([max(200, total - DEFAULT_SIDEBAR_WIDTH), DEFAULT_SIDEBAR_WIDTH])
        elif not visible and sizes[1] > 0:
            self.splitter.setSizes([sum(sizes), 0])
        if self.actions.show_sidebar.isChecked() != visible:
            self.actions.show_sidebar.setChecked(visible)

    def _splitter_moved(self, _pos: int, _index: int) -> None:
        visible = self.splitter.sizes()[1] > 0
        if self.actions.show_sidebar.isChecked() != visible:
            self.actions.show_sidebar.setChecked(visible)

    def show_preferences(self) -> PreferencesDialog:
        dialog = PreferencesDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(self.focus_article)
        dialog.open()
        return dialog

    def show_shortcuts(self) -> None:
        holder = QObject(self)  # owns the listed label actions only while the dialog is open
        ShortcutsDialog([*self.actions.all(), *self.web.actions, *self.annotations.shortcut_actions(holder)], self).exec()
        holder.deleteLater()
        self.focus_article()

    def _find_next(self) -> None:
        if not self.find_bar.isVisible():
            self.find_bar.open_bar()
        self.find.next_match()

    def _find_previous(self) -> None:
        if not self.find_bar.isVisible():
            self.find_bar.open_bar()
        self.find.previous_match()

    # -- persistence ---------------------------------------------------------------

    def _restore_settings(self) -> None:
        geometry = self.settings.geometry()
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(*DEFAULT_SIZE)
        state = self.settings.window_state()
        if state is not None:
            self.restoreState(state)
        splitter = self.settings.splitter_state()
        if splitter is None or not self.splitter.restoreState(splitter):
            self.splitter.setSizes([DEFAULT_SIZE[0] - DEFAULT_SIDEBAR_WIDTH, DEFAULT_SIDEBAR_WIDTH])
        self.actions.show_sidebar.setChecked(self.splitter.sizes()[1] > 0 or splitter is None)
        self.view.set_point_size(self.settings.point_size())
        self.actions.zoom_reset.setEnabled(self.view.point_size != DEFAULT_POINT_SIZE)
        self.set_theme(self.settings.theme())

    def save_settings(self) -> None:
        self.settings.set_geometry(self.saveGeometry())
        self.settings.set_window_state(self.saveState())
        self.settings.set_splitter_state(self.splitter.saveState())
        self.settings.set_point_size(self.view.point_size)
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt override)
        if not self.annotations.confirm_close():
            event.ignore()
            return
        self.save_settings()
        self.view.mailbox.abandon()  # a worker waiting to hand over a document stops waiting
        self.loader.wait(2000)
        self.web.wait(2000)
        self.library_dock.shutdown()
        super().closeEvent(event)


def _local_files(mime) -> list[str]:
    if not mime.hasUrls():
        return []
    return [url.toLocalFile() for url in mime.urls() if url.isLocalFile() and Path(url.toLocalFile()).is_file()]

