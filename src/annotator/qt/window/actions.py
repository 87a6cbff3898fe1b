"""The window's actions (with their standard shortcuts), menus and toolbar.

Actions are created here, untouched by behaviour: the window connects their
``triggered`` signals. Keeping the list in one place is what lets Help → Keyboard
Shortcuts show exactly the keys that work.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

from PySide6.QtCore import QObject, QSize, Qt
from PySide6.QtGui import QAction, QActionGroup, QIcon, QKeySequence
from PySide6.QtWidgets import QMenu, QMenuBar, QToolBar, QWidget


@dataclass
class WindowActions:
    open: QAction
    reload: QAction
    close: QAction
    quit: QAction
    copy: QAction
    copy_with_attribution: QAction
    find: QAction
    find_next: QAction
    find_previous: QAction
    zoom_in: QAction
    zoom_out: QAction
    zoom_reset: QAction
    light_theme: QAction
    dark_theme: QAction
    system_theme: QAction
    show_sidebar: QAction
    preferences: QAction
    shortcuts: QAction
    about: QAction

    def all(self) -> list[QAction]:
        return [getattr(self, field.name) for field in fields(self)]


Keys = QKeySequence.StandardKey | str | list[QKeySequence.StandardKey | str] | None


def key_sequences(keys: Keys) -> list[QKeySequence]:
    """Explicit keys first, then the platform's standard ones, without repeats.

    Standard keys alone are not enough: on some desktops ``StandardKey.Quit`` maps to no
    Ctrl+Q at all, and users expect the common keys everywhere.
    """
    items = keys if isinstance(keys, list) else [keys] if keys is not None else []
    sequences: list[QKeySequence] = []
    for item in items:
        found = QKeySequence.keyBindings(item) if isinstance(item, QKeySequence.StandardKey) else [QKeySequence(item)]
        sequences.extend(sequence for sequence in found if sequence not in sequences)
    return sequences


def _action(owner: QObject, text: str, keys: Keys = None, icon: QIcon.ThemeIcon | None = None, tip: str = "") -> QAction:
    action = QAction(text, owner)
    action.setShortcuts(key_sequences(keys))
    if icon is not None:
        action.setIcon(QIcon.fromTheme(icon))
    if tip:
        action.setStatusTip(tip)
        action.setToolTip(tip)
    return action


def create_actions(owner: QWidget) -> WindowActions:
    std = QKeySequence.StandardKey
    icon = QIcon.ThemeIcon
    actions = WindowActions(
        open=_action(owner, "&Open…", ["Ctrl+O", std.Open], icon.DocumentOpen, "Open an article (text, HTML, Markdown)"),
        reload=_action(
            owner, "&Reload", ["F5", std.Refresh], icon.ViewRefresh, "Read the article again from disk; highlights are re-attached"
        ),
        close=_action(owner, "&Close", ["Ctrl+W", std.Close], None, "Close the article"),
        quit=_action(owner, "&Quit", ["Ctrl+Q", std.Quit], icon.ApplicationExit, "Quit Annotator"),
        copy=_action(owner, "&Copy", ["Ctrl+C", std.Copy], icon.EditCopy, "Copy the selected text"),
        copy_with_attribution=_action(
            owner, "Copy Quote with &Attribution", "Ctrl+Shift+C", None, "Copy the selected quote as ‘…’ — Name, role"
        ),
        find=_action(owner, "&Find…", ["Ctrl+F", std.Find], icon.EditFind, "Find in the article"),
        find_next=_action(owner, "Find &Next", ["F3", std.FindNext], None, "Go to the next match"),
        find_previous=_action(owner, "Find &Previous", ["Shift+F3", std.FindPrevious], None, "Go to the previous match"),
        zoom_in=_action(owner, "Zoom &In", ["Ctrl++", "Ctrl+="], icon.ZoomIn, "Larger text"),
        zoom_out=_action(owner, "Zoom &Out", "Ctrl+-", icon.ZoomOut, "Smaller text"),
        zoom_reset=_action(owner, "&Actual Size", "Ctrl+0", icon.ZoomFitBest, "Reset the text size"),
        light_theme=_action(owner, "&Light Theme", None, None, "Dark text on a light page"),
        dark_theme=_action(owner, "&Dark Theme", None, None, "Light text on a dark page"),
        system_theme=_action(owner, "&System Theme", None, None, "Light or dark, as the desktop is set"),
        show_sidebar=_action(owner, "Show &Sidebar", "F9", None, "Show or hide the quotes and people"),
        preferences=_action(
            owner, "&Preferences…", ["Ctrl+,", std.Preferences], None, "Your name as an annotator, kept on each highlight"
        ),
        shortcuts=_action(owner, "&Keyboard Shortcuts", "F1", icon.HelpFaq, "List every keyboard shortcut"),
        about=_action(owner, "&About Annotator", None, icon.HelpAbout, "Version and credits"),
    )
    actions.quit.setMenuRole(QAction.MenuRole.QuitRole)
    actions.about.setMenuRole(QAction.MenuRole.AboutRole)
    actions.preferences.setMenuRole(QAction.MenuRole.PreferencesRole)
    actions.show_sidebar.setCheckable(True)
    actions.show_sidebar.setChecked(True)
    themes = QActionGroup(owner)
    for action in (actions.light_theme, actions.dark_theme, actions.system_theme):
        action.setCheckable(True)
        themes.addAction(action)
    for action in actions.all():
        owner.addAction(action)  # shortcuts work even with the menu bar hidden
    return actions


def build_menus(menu_bar: QMenuBar, actions: WindowActions, recent_menu: QMenu) -> None:
    """File, Edit, View and Help, in the order desktop users expect (None is a separator)."""
    a = actions
    menus: list[tuple[str, list[QAction | QMenu | None]]] = [
        ("&File", [a.open, recent_menu, a.reload, None, a.close, None, a.quit]),
        ("&Edit", [a.copy, a.copy_with_attribution, None, a.find, a.find_next, a.find_previous, None, a.preferences]),
        ("&View", [a.zoom_in, a.zoom_out, a.zoom_reset, None, a.light_theme, a.dark_theme, a.system_theme, None, a.show_sidebar]),
        ("&Help", [a.shortcuts, a.about]),
    ]
    for title, items in menus:
        menu = menu_bar.addMenu(title)
        for item in items:
            if item is None:
                menu.addSeparator()
            elif isinstance(item, QMenu):
                menu.addMenu(item)
            else:
                menu.addAction(item)


def build_toolbar(parent: QWidget, actions: WindowActions) -> QToolBar:
    toolbar = QToolBar("Main Toolbar", parent)
    toolbar.setObjectName("main_toolbar")  # saveState needs a name
    toolbar.setMovable(False)
    toolbar.setIconSize(QSize(18, 18))
    has_icons = not actions.open.icon().isNull()
    toolbar.setToolButtonStyle(
        Qt.ToolButtonStyle.ToolButtonTextBesideIcon if has_icons else Qt.ToolButtonStyle.ToolButtonTextOnly
    )
    for action in (actions.open, actions.find, None, actions.zoom_out, actions.zoom_reset, actions.zoom_in, None):
        if action is None:
            toolbar.addSeparator()
        else:
            toolbar.addAction(action)
    toolbar.addAction(actions.show_sidebar)
    return toolbar
