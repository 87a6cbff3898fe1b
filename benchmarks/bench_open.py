"""Opening articles in the window: time to the first painted text, to the sidebar filled, and stalls.

    python3 benchmarks/bench_open.py                  # the seed (or sample) article, 1 MB and 10 MB
    python3 benchmarks/bench_open.py --child PATH     # one article in this process (run.py uses the above)

Each article opens in a fresh process, in an already shown window, the way a user opens a file
(``open_path``, the same call as File → Open). Four figures per article: the text painted on
screen, the sidebar filled with quotes and people, the whole text laid out (the scroll bar then
has its exact range), and the longest time the event loop did not come back while all of that
happened (what a click or a scroll would wait). The comparison is a
plain ``QPlainTextEdit.setPlainText`` of the same text in the same process: what a bare-bones
viewer pays just to show the text, with no structure, quotes or people.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

from figures import Figure, report
from texts import ROOT, scratch_folder, write_article

SEED = ROOT.parent / "shared" / "corpus" / "dev" / "seed_article.txt"
RESULT_PREFIX = "OPENED "
GOALS = {"1 MB": 0.3}
STALL_GOAL_S = 0.050


def measure_in_this_process(path: Path) -> dict:
    from gui_probe import PaintWatch, StallMeter, ensure_platform, wait_until

    ensure_platform()
    from PySide6.QtWidgets import QApplication, QPlainTextEdit

    from annotator.qt.window.main_window import MainWindow
    from annotator.qt.window.settings import AppSettings

    app = QApplication.instance() or QApplication(["annotator-benchmark"])
    window = MainWindow(AppSettings())
    window.show()
    shown = PaintWatch(window.view.viewport(), lambda: True)
    wait_until(lambda: shown.painted_at is not None)

    text_painted = PaintWatch(window.view.viewport(), lambda: window.view.article is not None)
    sidebar = {"at": None}

    def sidebar_filled(_loaded) -> None:
        from PySide6.QtCore import QTimer

        QTimer.singleShot(0, lambda: sidebar.__setitem__("at", time.perf_counter()))

    window.loader.loaded.connect(sidebar_filled)
    meter = StallMeter()
    meter.start()
    began = time.perf_counter()
    window.open_path(path)
    wait_until(lambda: text_painted.painted_at is not None and sidebar["at"] is not None)
    wait_until(lambda: not window.view.layout_pacer.active, timeout_s=600)  # the rest laid out
    laid_out = time.perf_counter()
    app.processEvents()
    stall = meter.stop()
    quotes = window.sidebar.quotes.model.rowCount() if hasattr(window.sidebar.quotes, "model") else None
    result = {
        "chars": len(window.view.article.text),
        "text_s": text_painted.painted_at - began,
        "sidebar_s": sidebar["at"] - began,
        "stall_s": stall,
        "laid_out_s": laid_out - began,
        "quotes": quotes,
    }

    plain = QPlainTextEdit()
    plain.resize(window.view.size())
    plain.show()
    text = path.read_text(encoding="utf-8")
    watch = PaintWatch(plain.viewport(), lambda: plain.document().characterCount() > 1)
    began = time.perf_counter()
    plain.setPlainText(text)
    wait_until(lambda: watch.painted_at is not None)
    result["plain_text_s"] = watch.painted_at - began
    window.annotations.flush()
    return result


def run_child(path: Path, config_home: Path) -> dict:
    env = {**os.environ, "XDG_CONFIG_HOME": str(config_home)}
    completed = subprocess.run(
        [sys.executable, __file__, "--child", str(path)], env=env, capture_output=True, text=True, timeout=600
    )
    for line in completed.stdout.splitlines():
        if line.startswith(RESULT_PREFIX):
            return json.loads(line[len(RESULT_PREFIX):])
    raise RuntimeError(f"opening {path.name} failed:\n{completed.stderr[-3000:]}")


def articles(folder: Path) -> list[tuple[str, Path]]:
    if SEED.is_file():
        first = ("seed", SEED)
    else:
        from annotator.core.resources import sample_article_path

        first = ("sample", sample_article_path())
    return [first, ("1 MB", write_article(folder, 1_000_000)), ("10 MB", write_article(folder, 10_000_000))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--repeat", type=int, default=3, help="fresh processes per article; the median is kept")
    args = parser.parse_args()
    if args.child:
        print(RESULT_PREFIX + json.dumps(measure_in_this_process(args.child)), flush=True)
        return

    folder = scratch_folder()
    figures: list[Figure] = []
    for name, path in articles(folder):
        runs = sorted((run_child(path, folder / "config") for _ in range(args.repeat)), key=lambda r: r["sidebar_s"])
        median = runs[len(runs) // 2]
        stall = max(run["stall_s"] for run in runs)
        plain = f"plain QPlainTextEdit shows the same text in {median['plain_text_s'] * 1000:.0f} ms"
        figures += [
            Figure("open", f"{name}: text painted", median["text_s"] * 1000, "ms", _goal_ms(name), comparison=plain),
            Figure("open", f"{name}: sidebar filled ({median['quotes']} quotes)", median["sidebar_s"] * 1000, "ms"),
            Figure("open", f"{name}: laid out to the end (scroll range exact)", median["laid_out_s"] * 1000, "ms"),
            Figure("open", f"{name}: longest event-loop stall (worst of {len(runs)})", stall * 1000, "ms", STALL_GOAL_S * 1000),
        ]
    report(figures)


def _goal_ms(name: str) -> float | None:
    goal = GOALS.get(name)
    return goal * 1000 if goal is not None else None


if __name__ == "__main__":
    main()
