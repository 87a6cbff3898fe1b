"""Starting the window: environment checks before Qt, then the QApplication and main window.

``run_gui(path)`` is what ``annotator`` and ``annotator open [PATH]`` call. It checks,
before any Qt code runs, that a window can be shown here (a display, and on X11 the
system libraries Qt's xcb plugin needs), printing the fix instead of letting Qt abort.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from annotator.qt.window.platform_check import startup_problem

EXIT_FAILED = 1


def pyside_drops_none_references() -> bool:
    """True for a PySide6 build that loses a reference to None on each void call.

    PySide6 6.12.0 does this; on Python < 3.12, where None is not immortal, the window
    then aborts with "none_dealloc" after a few thousand calls. Measured, not guessed
    from a version number.
    """
    if sys.version_info >= (3, 12):
        return False
    from PySide6.QtCore import QObject

    probe = QObject()
    before = sys.getrefcount(None)
    for _ in range(64):
        probe.setObjectName("probe")
    return sys.getrefcount(None) < before - 32


def sample_or_none() -> Path | None:
    """The user's copy of the sample article (made on first use), or None with a note.

    Never the bundled file itself: its sidecar and exports would land inside the
    installed package (see ``annotator.core.user_data``).
    """
    from annotator.core.user_data import UserDataError, user_sample_article

    try:
        return user_sample_article()
    except (FileNotFoundError, UserDataError) as error:
        print(f"annotator: {error}; starting with no article", file=sys.stderr)
        return None


def article_path_problem(path: Path) -> str | None:
    """Why ``path`` cannot be opened, in the words every command uses, or None.

    Checked before Qt starts, so that a mistyped name says "file not found" even where no
    window could be shown; a web address is told where it goes instead.
    """
    text = str(path)
    if "://" in text or text.lower().startswith(("www.", "http:", "https:")):
        return "this is a web address, not a file: 'annotator URL' or 'annotator fetch URL' fetches it (File → Open URL… in the window)"
    from annotator.core.article import ArticleError
    from annotator.core.readers.decoding import check_article_file

    try:
        check_article_file(path)
    except ArticleError as error:
        return str(error)
    return None


def run_gui(path: str | None) -> int:
    """Show the window on ``path`` (the bundled sample when None); returns the exit code."""
    if path is not None:
        problem = article_path_problem(Path(path))
        if problem:
            print(f"annotator: {path}: {problem}", file=sys.stderr)
            return EXIT_FAILED
    problem = startup_problem(os.environ)
    if problem:
        print(problem, file=sys.stderr)
        return EXIT_FAILED
    if pyside_drops_none_references():
        print(
            "annotator: this PySide6 build (6.12.0) crashes on Python < 3.12; install another:\n"
            "  python3 -m pip install 'PySide6-Essentials!=6.12.0'",
            file=sys.stderr,
        )
        return EXIT_FAILED

    from PySide6.QtWidgets import QApplication

    from annotator import __version__
    from annotator.qt.window.app_icon import application_icon
    from annotator.qt.window.main_window import APP_NAME, MainWindow
    from annotator.qt.window.settings import APPLICATION, ORGANIZATION, AppSettings

    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "annotator"])
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("annotator")
    app.setWindowIcon(application_icon())
    window = MainWindow(AppSettings())
    window.show()
    target = Path(path) if path is not None else sample_or_none()
    if target is not None:
        window.open_path(target)
    return int(app.exec())
