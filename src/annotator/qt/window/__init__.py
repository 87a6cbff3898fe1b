"""The main window and what frames it: actions and menus, settings, theme, status bar, dialogs, loading."""
