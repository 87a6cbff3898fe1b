"""Memory: peak resident memory with a 10 MB article and 10,000 annotations open in the window.

    python3 benchmarks/bench_memory.py [--chars 10000000] [--annotations 10000]

The article gets a sidecar of 10,000 annotations (through the real sidecar writer), then a fresh
process opens it in the window and waits until the text is laid out to the end, quotes and
people are listed and the highlights are bound; its peak resident set size is the figure. The
comparison, in the same run, is the same window with no article open (what Qt and Python cost
before any article) and the article's size on disk.

A second figure watches for leaks: one window opens a 1 MB article and the sample in turn, eight
rounds, and the resident memory after the first and the last round gives the growth per round
(each opened article's document once stayed alive until the window closed: ~70 MB a round).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

from figures import Figure, report
from texts import scratch_folder, write_article

RESULT_PREFIX = "MEMORY "


def current_rss_mb() -> float:
    """Resident memory now (Linux /proc; falls back to the peak elsewhere)."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
    except (OSError, IndexError, ValueError):
        return peak_rss_mb()
    return pages * resource.getpagesize() / (1024 * 1024)


def peak_rss_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1024 if sys.platform != "darwin" else peak / (1024 * 1024)  # KiB on Linux, bytes on macOS


def measure_in_this_process(path: Path | None) -> dict:
    from gui_probe import ensure_platform, wait_until

    ensure_platform()
    from PySide6.QtWidgets import QApplication

    from annotator.qt.window.main_window import MainWindow
    from annotator.qt.window.settings import AppSettings

    app = QApplication.instance() or QApplication(["annotator-benchmark"])
    window = MainWindow(AppSettings())
    window.show()
    app.processEvents()
    result: dict = {}
    if path is not None:
        began = time.perf_counter()
        window.open_path(path)
        wait_until(lambda: window.current is not None and window.annotations.store is not None, timeout_s=600)
        wait_until(lambda: not window.view.layout_pacer.active, timeout_s=600)
        app.processEvents()
        result["seconds"] = time.perf_counter() - began
        result["annotations"] = len(window.annotations.store.annotations)
    result["peak_mb"] = peak_rss_mb()
    return result


def reopen_in_this_process(paths: list[Path], rounds: int) -> dict:
    """Open the articles in turn ``rounds`` times; resident memory after the first and last round."""
    from gui_probe import ensure_platform, wait_until

    ensure_platform()
    from PySide6.QtWidgets import QApplication

    from annotator.qt.window.main_window import MainWindow
    from annotator.qt.window.settings import AppSettings

    app = QApplication.instance() or QApplication(["annotator-benchmark"])
    window = MainWindow(AppSettings())
    window.show()
    after: list[float] = []
    for _ in range(rounds):
        for path in paths:
            window.open_path(path)
            wait_until(lambda path=path: window.current is not None and window.current.path == path, timeout_s=600)
            wait_until(lambda: not window.loader.busy and not window.view.layout_pacer.active, timeout_s=600)
            for _ in range(5):
                app.processEvents()
        after.append(current_rss_mb())
    return {"first_mb": after[0], "last_mb": after[-1], "rounds": rounds}


def run_child(path: Path | None, config_home: Path, reopen: bool = False) -> dict:
    env = {**os.environ, "XDG_CONFIG_HOME": str(config_home)}
    command = [sys.executable, __file__, *(["--reopen", str(path)] if reopen else ["--child", str(path) if path else "-"])]
    completed = subprocess.run(command, env=env, capture_output=True, text=True, timeout=900)
    for line in completed.stdout.splitlines():
        if line.startswith(RESULT_PREFIX):
            return json.loads(line[len(RESULT_PREFIX):])
    raise RuntimeError(f"the memory run failed:\n{completed.stderr[-3000:]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--reopen", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--rounds", type=int, default=8, help="rounds of reopening a 1 MB article and the sample")
    parser.add_argument("--chars", type=int, default=10_000_000)
    parser.add_argument("--annotations", type=int, default=10_000)
    args = parser.parse_args()
    if args.reopen:
        from annotator.core.resources import sample_article_path

        print(RESULT_PREFIX + json.dumps(reopen_in_this_process([args.reopen, sample_article_path()], args.rounds)), flush=True)
        return
    if args.child:
        path = None if args.child == "-" else Path(args.child)
        print(RESULT_PREFIX + json.dumps(measure_in_this_process(path)), flush=True)
        return

    from annotated import annotate_article

    folder = scratch_folder()
    article = write_article(folder, args.chars)
    count = annotate_article(article, args.annotations)
    empty = run_child(None, folder / "config")
    full = run_child(article, folder / "config")
    size_mb = article.stat().st_size / 1e6
    one_mb = write_article(folder, 1_000_000, "reopened.txt")
    reopened = run_child(one_mb, folder / "config", reopen=True)
    growth = (reopened["last_mb"] - reopened["first_mb"]) / max(1, reopened["rounds"] - 1)
    report(
        [
            Figure(
                "memory",
                f"peak RSS, {size_mb:.0f} MB article + {count:,} annotations open",
                full["peak_mb"],
                "MB",
                comparison=f"empty window {empty['peak_mb']:.0f} MB; article file {size_mb:.1f} MB",
            ),
            Figure("memory", "  time until all of it was shown and laid out", full["seconds"] * 1000, "ms"),
            Figure(
                "memory",
                "growth per reopening of a 1 MB article",
                growth,
                "MB",
                comparison=f"{reopened['rounds']} rounds: {reopened['first_mb']:.0f} → {reopened['last_mb']:.0f} MB resident",
            ),
        ]
    )


if __name__ == "__main__":
    main()
