"""Checks made before Qt starts, so a fresh Linux desktop gets a fix instead of an abort.

Qt 6's xcb (X11) platform plugin links against a dozen small X libraries that a fresh
Debian or Ubuntu install often lacks. When one is missing Qt prints "could not load the
Qt platform plugin xcb" and aborts with a core dump, which tells a new user nothing. This
module finds the missing libraries with the dynamic loader (the same lookup Qt will do)
and names the Debian/Ubuntu packages that provide them. It never imports PySide6.
"""

from __future__ import annotations

import ctypes
import sys
from collections.abc import Callable, Mapping

# Shared object name -> Debian/Ubuntu package, for everything Qt's xcb plugin loads.
XCB_LIBRARIES: tuple[tuple[str, str], ...] = (
    ("libxcb.so.1", "libxcb1"),
    ("libX11-xcb.so.1", "libx11-xcb1"),
    ("libxcb-cursor.so.0", "libxcb-cursor0"),
    ("libxcb-icccm.so.4", "libxcb-icccm4"),
    ("libxcb-keysyms.so.1", "libxcb-keysyms1"),
    ("libxcb-image.so.0", "libxcb-image0"),
    ("libxcb-render-util.so.0", "libxcb-render-util0"),
    ("libxcb-shape.so.0", "libxcb-shape0"),
    ("libxcb-randr.so.0", "libxcb-randr0"),
    ("libxcb-xfixes.so.0", "libxcb-xfixes0"),
    ("libxcb-sync.so.1", "libxcb-sync1"),
    ("libxcb-xkb.so.1", "libxcb-xkb1"),
    ("libxkbcommon.so.0", "libxkbcommon0"),
    ("libxkbcommon-x11.so.0", "libxkbcommon-x11-0"),
    ("libfontconfig.so.1", "libfontconfig1"),
    ("libEGL.so.1", "libegl1"),
    ("libGL.so.1", "libgl1"),
    ("libdbus-1.so.3", "libdbus-1-3"),
)


def library_loads(soname: str) -> bool:
    """True when the dynamic loader can open ``soname`` (what Qt's plugin loader needs)."""
    try:
        ctypes.CDLL(soname)
    except OSError:
        return False
    return True


def would_use_xcb(environ: Mapping[str, str]) -> bool:
    """Whether Qt is about to pick its X11 platform plugin in this environment."""
    requested = environ.get("QT_QPA_PLATFORM", "").strip()
    if requested:
        return requested.split(";")[0].split(":")[0] == "xcb"
    if not environ.get("DISPLAY"):
        return False
    wayland_session = environ.get("WAYLAND_DISPLAY") and environ.get("XDG_SESSION_TYPE") == "wayland"
    return not wayland_session


def has_no_display(environ: Mapping[str, str]) -> bool:
    """True when nothing could show a window: no X11 or Wayland display and no override."""
    return not (
        environ.get("DISPLAY")
        or environ.get("WAYLAND_DISPLAY")
        or environ.get("QT_QPA_PLATFORM", "").strip()
    )


def missing_xcb_packages(loads: Callable[[str], bool] = library_loads) -> list[str]:
    """Debian/Ubuntu packages whose libraries the xcb plugin needs and cannot find."""
    return [package for soname, package in XCB_LIBRARIES if not loads(soname)]


def startup_problem(
    environ: Mapping[str, str],
    platform: str = sys.platform,
    loads: Callable[[str], bool] = library_loads,
) -> str | None:
    """A message explaining why the window cannot start here, or None when it can."""
    if not platform.startswith("linux"):
        return None
    if has_no_display(environ):
        return (
            "annotator: no display to open a window on (neither DISPLAY nor WAYLAND_DISPLAY is set).\n"
            "Run it from a desktop session, or use the command line without a window, e.g.\n"
            "  annotator extract ARTICLE.txt"
        )
    if not would_use_xcb(environ):
        return None
    missing = missing_xcb_packages(loads)
    if not missing:
        return None
    return (
        "annotator: the window needs system libraries that Qt's X11 (xcb) platform loads,\n"
        "and these are not installed. On Debian or Ubuntu install them with:\n"
        f"  sudo apt install {' '.join(missing)}\n"
        "(on Fedora: sudo dnf install xcb-util-cursor xcb-util-wm xcb-util-keysyms xcb-util-image "
        "xcb-util-renderutil libxkbcommon-x11)"
    )
