"""Batch extraction on Dask: scaling with workers, against ``annotator extract``, overhead, linearity.

    python3 benchmarks/bench_batch.py [--articles 1000] [--repeat 2]

Articles are written from the bundled sample and the extraction test fixtures (each copy with a
person renamed and its paragraphs rotated). Figures:

- 2 local workers against 1, on clusters already running (the job alone);
- the whole ``annotator batch --workers 2`` command (cluster start included) against the whole
  ``annotator extract --format jsonl`` command over the same 10x set of files;
- articles per second per core (2 workers);
- overhead per article: a 1-worker job's time less the time its worker spent reading and
  extracting (measured inside the same run, so a busy machine slows both alike), divided by the
  articles: planning and hashing the inputs, scheduling, building rows, writing Parquet;
- linearity: 10x the articles on the same 2-worker cluster, CPU time against CPU time (workers,
  client and scheduler; wall time too, but on a shared machine other programs change it).

Without the ``cluster`` extra the script says so and reports nothing.
"""

from __future__ import annotations

import argparse
import logging
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from figures import Figure, report
from texts import scratch_folder, source_articles, varied_copy

ROOT = Path(__file__).resolve().parents[1]
WORKER_SPEED_UP_GOAL = 1.8
EXTRACT_SPEED_UP_GOAL = 1.5
OVERHEAD_GOAL_MS = 2.0
LINEARITY_LIMIT = 10.5


def write_articles(folder: Path, count: int) -> Path:
    texts = source_articles()
    folder.mkdir(parents=True)
    for n in range(count):
        sub = folder / f"d{n // 500:03d}"
        sub.mkdir(exist_ok=True)
        (sub / f"a{n:06d}.txt").write_text(varied_copy(texts[n % len(texts)], n), encoding="utf-8")
    return folder


def serial_seconds(folder: Path) -> float:
    """Read and extract every file in this process, as ``annotator extract`` does, without output."""
    from annotator.cli.extract_command import iter_files
    from annotator.core.extraction import extract
    from annotator.core.readers import read_article

    began = time.perf_counter()
    for path in iter_files([str(folder)]):
        extract(read_article(path))
    return time.perf_counter() - began


def cluster_cpu_seconds(client) -> float:
    """CPU time used so far by every worker process and by this process (client and scheduler)."""
    return sum(client.run(time.process_time).values()) + time.process_time()


def job_seconds(folder: Path, client, scratch: Path, repeat: int) -> tuple[float, float, float]:
    """Best time of a fresh job (empty output folder) on the running cluster of ``client``; the
    seconds its workers spent reading and extracting in that run (the rest is what batching adds);
    and the CPU seconds the whole job used (what other programs on the machine do not change)."""
    from annotator.core.batch.job import run_batch

    best = (float("inf"), 0.0, 0.0)
    for n in range(repeat):
        out = scratch / f"out-{time.monotonic_ns()}-{n}"
        cpu = cluster_cpu_seconds(client)
        began = time.perf_counter()
        report = run_batch([str(folder)], out, scheduler=client.scheduler.address)
        wall = time.perf_counter() - began
        cpu = cluster_cpu_seconds(client) - cpu
        if wall < best[0]:
            best = (wall, sum(f["extract_seconds"] for f in report.part_figures), cpu)
        shutil.rmtree(out, ignore_errors=True)
    return best


def command_seconds(args: list[str]) -> float:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT / "src"), env.get("PYTHONPATH")]))
    began = time.perf_counter()
    subprocess.run([sys.executable, "-m", "annotator", *args], check=True, env=env, stdout=subprocess.DEVNULL)
    return time.perf_counter() - began


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=1000, help="articles in the small set (the large set is 10x)")
    parser.add_argument("--repeat", type=int, default=2, help="runs per job timing (the best is kept)")
    args = parser.parse_args()
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        print("bench_batch: needs the cluster extra: pip install 'annotator[cluster]'", file=sys.stderr)
        sys.exit(1)

    scratch = scratch_folder()
    small = write_articles(scratch / "small", args.articles)
    large = write_articles(scratch / "large", args.articles * 10)
    serial_seconds(small)  # warm the lexicon and the file cache
    serial = min(serial_seconds(small) for _ in range(args.repeat))

    seconds: dict[str, float] = {}
    for workers in (1, 2):
        began = time.perf_counter()
        with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None,
                          silence_logs=logging.ERROR, host="127.0.0.1") as cluster, Client(cluster) as client:
            seconds[f"start {workers}"] = time.perf_counter() - began
            client.run(serial_seconds, small)  # warm each worker: imports, lexicon
            seconds[f"small {workers}"], seconds[f"reading {workers}"], seconds[f"cpu small {workers}"] = job_seconds(
                small, client, scratch, args.repeat
            )
            if workers == 2:
                seconds["large 2"], _, seconds["cpu large 2"] = job_seconds(large, client, scratch, 1)

    extract_command = command_seconds(["extract", "--format", "jsonl", str(large)])
    batch_command = command_seconds(["batch", str(large), "--out", str(scratch / "cli-out"), "--workers", "2"])

    n = args.articles
    per_second = {w: n / seconds[f"small {w}"] for w in (1, 2)}
    overhead_ms = (seconds["small 1"] - seconds["reading 1"]) / n * 1000
    report(
        [
            Figure("batch", f"2 workers / 1 worker, {n:,} articles", per_second[2] / per_second[1], "x",
                   WORKER_SPEED_UP_GOAL, lower_is_better=False,
                   comparison=f"1 worker {per_second[1]:,.0f} articles/s, 2 workers {per_second[2]:,.0f} articles/s; "
                   f"the 2-worker job got {seconds['cpu small 2'] / seconds['small 2']:.2f} cores of the machine "
                   f"(CPU seconds / wall seconds)"),
            Figure("batch", f"batch command / extract --format jsonl, {10 * n:,}", extract_command / batch_command, "x",
                   EXTRACT_SPEED_UP_GOAL, lower_is_better=False,
                   comparison=f"batch --workers 2 {batch_command:.1f} s (cluster start included), "
                   f"extract {extract_command:.1f} s"),
            Figure("batch", "throughput per core (2 workers)", per_second[2] / 2, "articles/s",
                   comparison=f"one process without Dask {n / serial:,.0f} articles/s"),
            Figure("batch", "overhead per article (1 worker)", overhead_ms, "ms", OVERHEAD_GOAL_MS,
                   comparison=f"job {seconds['small 1']:.2f} s, of which reading + extraction on the worker "
                   f"{seconds['reading 1']:.2f} s; the same in one process without Dask {serial:.2f} s"),
            Figure("batch", f"{10 * n:,} / {n:,} articles CPU time (linear = 10)",
                   seconds["cpu large 2"] / seconds["cpu small 2"], "x", LINEARITY_LIMIT,
                   comparison=f"CPU {seconds['cpu small 2']:.2f} s and {seconds['cpu large 2']:.2f} s; wall "
                   f"{seconds['small 2']:.2f} s and {seconds['large 2']:.2f} s "
                   f"({seconds['large 2'] / seconds['small 2']:.1f}x), 2 workers"),
            Figure("batch", "local cluster start, 2 workers", seconds["start 2"], "s",
                   comparison=f"1 worker {seconds['start 1']:.2f} s"),
        ]
    )


if __name__ == "__main__":
    main()
