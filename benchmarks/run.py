"""Every benchmark of Annotator in one command: a readable table, then the figures as JSON.

    python3 benchmarks/run.py [--json results.json] [--only startup,open,...] [--spacy-model NAME]

Each area runs in a process of its own (``bench_<area>.py``), one after the other, so no area
inherits another's caches, threads or memory. Every figure carries its goal (from issue 7 of the
tracker) and, where one makes sense, the alternative measured in the same run. Timings on a busy
machine vary: run it on an idle one, and compare runs rather than single figures.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

from figures import FIGURES_PREFIX, Figure, format_line

HERE = Path(__file__).resolve().parent
AREAS = ("startup", "open", "extraction", "highlights", "sidecar", "memory", "corrections", "web", "library", "batch")


def run_area(area: str, extra: list[str]) -> tuple[list[Figure], str | None]:
    """The figures of one area, or the reason it failed (the other areas still run)."""
    env = dict(os.environ)
    if not (env.get("DISPLAY") or env.get("WAYLAND_DISPLAY")):
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
    command = [sys.executable, str(HERE / f"bench_{area}.py"), *extra]
    completed = subprocess.run(command, env=env, capture_output=True, text=True, cwd=HERE)
    for line in completed.stdout.splitlines():
        if line.startswith(FIGURES_PREFIX):
            figures = [Figure(**{k: v for k, v in item.items() if k != "met"}) for item in json.loads(line[len(FIGURES_PREFIX):])]
            return figures, None
    return [], f"bench_{area}.py exited with {completed.returncode}: {completed.stderr.strip()[-600:]}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    parser.add_argument("--only", help="comma-separated areas, from: " + ", ".join(AREAS))
    parser.add_argument("--spacy-model", default="en_core_web_sm", help="spaCy pipeline for the comparison")
    args = parser.parse_args()
    areas = args.only.split(",") if args.only else list(AREAS)
    unknown = sorted(set(areas) - set(AREAS))
    if unknown:
        parser.error(f"unknown area(s): {', '.join(unknown)}")

    figures: list[Figure] = []
    failures: dict[str, str] = {}
    began = time.perf_counter()
    for area in areas:
        print(f"… {area}", file=sys.stderr, flush=True)
        extra = ["--spacy-model", args.spacy_model] if area == "extraction" else []
        area_figures, failure = run_area(area, extra)
        figures += area_figures
        if failure:
            failures[area] = failure
    elapsed = time.perf_counter() - began

    print(f"Annotator benchmarks — {platform.node()}, {platform.machine()}, {os.cpu_count()} CPUs, "
          f"Python {platform.python_version()}, {elapsed:.0f} s")
    for figure in figures:
        print(format_line(figure))
    for area, failure in failures.items():
        print(f"{area:<12} FAILED: {failure}")
    met = [figure.met for figure in figures if figure.met is not None]
    print(f"goals met: {sum(met)} of {len(met)}")

    document = {
        "machine": {"node": platform.node(), "machine": platform.machine(), "cpus": os.cpu_count(),
                    "python": platform.python_version()},
        "seconds": round(elapsed, 1),
        "figures": [figure.as_json() for figure in figures],
        "failures": failures,
    }
    print(json.dumps(document, indent=2, ensure_ascii=False))
    if args.json:
        args.json.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
