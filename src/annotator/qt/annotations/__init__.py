"""Annotating: the controller, undo commands, highlight drawing, the Annotations tab and the labels dialog."""
