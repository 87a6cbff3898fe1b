"""The window's face of corrections: quote and person menus, the Corrections list, undo.

The core (``annotator.core.corrections``) keeps and applies the corrections; this package
turns the reader's clicks and keys into one undoable command per correction and shows the
corrected result in the sidebar at once.
"""
