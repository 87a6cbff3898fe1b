"""The checks made before Qt starts: a clear message instead of Qt's abort."""

from __future__ import annotations

import os
import subprocess
import sys

from annotator.qt.window.platform_check import XCB_LIBRARIES, missing_xcb_packages, startup_problem, would_use_xcb

ALL_PRESENT = lambda soname: True  # noqa: E731


def loads_all_but(*missing: str):
    return lambda soname: soname not in missing


def test_missing_xcb_libraries_name_their_debian_packages():
    loads = loads_all_but("libxcb-cursor.so.0", "libxcb-icccm.so.4", "libxcb-keysyms.so.1")
    message = startup_problem({"DISPLAY": ":0"}, "linux", loads)
    assert message is not None
    assert "sudo apt install libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1\n" in message


def test_nothing_to_say_when_everything_is_there():
    assert startup_problem({"DISPLAY": ":0"}, "linux", ALL_PRESENT) is None


def test_no_display_on_linux_is_explained():
    message = startup_problem({}, "linux", ALL_PRESENT)
    assert message is not None and "no display" in message and "annotator extract" in message


def test_other_platforms_and_overrides_are_left_to_qt():
    missing_everything = lambda soname: False  # noqa: E731
    assert startup_problem({}, "darwin", missing_everything) is None
    assert startup_problem({"QT_QPA_PLATFORM": "offscreen"}, "linux", missing_everything) is None
    assert startup_problem({"WAYLAND_DISPLAY": "wayland-0"}, "linux", missing_everything) is None
    wayland_session = {"DISPLAY": ":0", "WAYLAND_DISPLAY": "wayland-0", "XDG_SESSION_TYPE": "wayland"}
    assert startup_problem(wayland_session, "linux", missing_everything) is None


def test_explicit_xcb_request_is_checked():
    assert would_use_xcb({"QT_QPA_PLATFORM": "xcb"})
    assert would_use_xcb({"QT_QPA_PLATFORM": "xcb:nomitshm"})
    assert not would_use_xcb({"QT_QPA_PLATFORM": "wayland;xcb", "DISPLAY": ":0"})
    assert would_use_xcb({"DISPLAY": ":1"})


def test_every_library_has_a_package_and_the_loader_is_real():
    assert all(soname.startswith("lib") and ".so." in soname and package for soname, package in XCB_LIBRARIES)
    assert missing_xcb_packages(ALL_PRESENT) == []
    # The real dynamic loader: libc is always there, a made-up library never is.
    from annotator.qt.window.platform_check import library_loads

    assert library_loads("libc.so.6")
    assert not library_loads("libannotator-does-not-exist.so.9")


def test_annotator_without_a_display_exits_with_the_message():
    env = {key: value for key, value in os.environ.items() if key not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    result = subprocess.run(
        [sys.executable, "-c", "import sys; from annotator.app import run_gui; sys.exit(run_gui(None))"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    if sys.platform.startswith("linux"):
        assert result.returncode == 1
        assert "no display" in result.stderr
        assert "Traceback" not in result.stderr
