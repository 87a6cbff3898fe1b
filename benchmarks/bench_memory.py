"""Memory: peak resident memory with a 10 MB article and 10,000 annotations open in the window.

    python3 benchmarks/bench_memory.py [--chars 10000000] [--annotations 10000]

The article gets a sidecar of 10,000 annotations (through the real sidecar writer), then a fresh
process opens it in the window and waits until the text is laid out to the end, quotes and
people are listed and the highlights are bound; its peak resident set size is the figure. The
comparison, in the same run, is the same window with no article open (what Qt and Python cost
before any article) and the article's size on disk.
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


def peak_rss_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1024 if sys.platform != "darwin" else peak / (1024 * 1024)  # KiB on Linux, bytes on macOS


def measure_in_this_process(path: Path | None) -> dict:
    from gui_probe import ensure_platform, wait_until

    ensure_platform()
    from PySide6.QtWidgets import QApplication

    from annotator.qt.main_window import MainWindow
    from annotator.qt.settings import AppSettings

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


def run_child(path: Path | None, config_home: Path) -> dict:
    env = {**os.environ, "XDG_CONFIG_HOME": str(config_home)}
    command = [sys.executable, __file__, "--child", str(path) if path else "-"]
    completed = subprocess.run(command, env=env, capture_output=True, text=True, timeout=900)
    for line in completed.stdout.splitlines():
        if line.startswith(RESULT_PREFIX):
            return json.loads(line[len(RESULT_PREFIX):])
    raise RuntimeError(f"the memory run failed:\n{completed.stderr[-3000:]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--chars", type=int, default=10_000_000)
    parser.add_argument("--annotations", type=int, default=10_000)
    args = parser.parse_args()
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
        ]
    )


if __name__ == "__main__":
    main()
