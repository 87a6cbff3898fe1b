"""Exporting from the window: the export dialog and the PDF renderer."""
