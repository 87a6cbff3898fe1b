"""Qt-free core of Annotator: articles, extraction, annotations, sidecars, exports.

Nothing below this package may import PySide6; a test enforces the boundary so the
core stays usable from the command line and testable without a QApplication.
"""
