"""Start-up: from launching ``annotator`` to the window painted with the sample article.

    python3 benchmarks/bench_startup.py [--repeat 5]

Each run is a new process doing what ``annotator`` with no arguments does (``annotator.cli.main``
→ checks → QApplication → window → open the bundled sample article). The clock starts in this
process just before the child is spawned, so interpreter start and every import count; it stops
when the child's event loop comes back after the first paint of the article text (and, second
figure, after the sidebar is filled). The comparison, in the same run and measured the same way,
is the floor every PySide6 application pays: a bare QPlainTextEdit window showing the same text.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from figures import Figure, report
from texts import scratch_folder

GOAL_S = 0.5
RESULT_PREFIX = "STARTED "

ANNOTATOR_CHILD = r"""
import json, sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

app = QApplication(["annotator"])
marks = {}

def done():
    print("STARTED " + json.dumps(marks), flush=True)
    app.quit()

class Probe(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and "painted" not in marks:
            view = watched.parent()
            if type(view).__name__ == "ArticleView" and view.article is not None:
                QTimer.singleShot(0, self.painted)
        return False

    def painted(self):
        marks.setdefault("painted", time.monotonic())
        window = next(w for w in app.topLevelWidgets() if type(w).__name__ == "MainWindow")
        if window.current is not None:
            self.filled()
        else:
            window.loader.loaded.connect(lambda _loaded: QTimer.singleShot(0, self.filled))

    def filled(self):
        marks.setdefault("filled", time.monotonic())
        done()

probe = Probe()
app.installEventFilter(probe)
from annotator.cli import main
sys.exit(main([]))
"""

BARE_CHILD = r"""
import json, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QPlainTextEdit
from annotator.core.resources import sample_article_path

app = QApplication(["bare"])
marks = {}

class Probe(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and watched is editor.viewport() and "painted" not in marks:
            QTimer.singleShot(0, self.painted)
        return False

    def painted(self):
        marks.setdefault("painted", time.monotonic())
        print("STARTED " + json.dumps(marks), flush=True)
        app.quit()

window = QMainWindow()
editor = QPlainTextEdit(window)
editor.setPlainText(sample_article_path().read_text(encoding="utf-8"))
window.setCentralWidget(editor)
probe = Probe()
editor.viewport().installEventFilter(probe)
window.resize(1280, 820)
window.show()
app.exec()
"""


def launch(code: str, env: dict[str, str]) -> dict[str, float]:
    began = time.monotonic()  # CLOCK_MONOTONIC: the same clock in the child on Linux and macOS
    completed = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120)
    for line in completed.stdout.splitlines():
        if line.startswith(RESULT_PREFIX):
            return {name: at - began for name, at in json.loads(line[len(RESULT_PREFIX):]).items()}
    raise RuntimeError(f"the child did not report a paint:\n{completed.stderr[-3000:]}")


def child_environment(config_home: Path) -> dict[str, str]:
    env = {**os.environ, "XDG_CONFIG_HOME": str(config_home)}  # settings of its own, not the user's
    if not (env.get("DISPLAY") or env.get("WAYLAND_DISPLAY")):
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
    return env


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=5, help="launches of each kind; the median is reported")
    args = parser.parse_args()
    env = child_environment(scratch_folder() / "config")
    launch(ANNOTATOR_CHILD, env)  # the first launch after an install compiles bytecode: not a start-up
    ours = [launch(ANNOTATOR_CHILD, env) for _ in range(args.repeat)]
    bare = [launch(BARE_CHILD, env) for _ in range(args.repeat)]
    painted = statistics.median(run["painted"] for run in ours)
    filled = statistics.median(run["filled"] for run in ours)
    floor = statistics.median(run["painted"] for run in bare)
    comparison = f"bare PySide6 QPlainTextEdit window with the same text: {floor * 1000:.0f} ms"
    report(
        [
            Figure("startup", f"launch to sample article painted (median of {args.repeat})", painted * 1000, "ms",
                   GOAL_S * 1000, comparison=comparison),
            Figure("startup", "launch to quotes and people listed", filled * 1000, "ms"),
        ]
    )


if __name__ == "__main__":
    main()
