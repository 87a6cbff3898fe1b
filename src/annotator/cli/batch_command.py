"""``annotator batch``: extract quotes and people from a whole corpus into Parquet, on Dask.

The work is in :mod:`annotator.core.batch`; this module reads the arguments, shows progress on a
terminal and prints what the dataset holds. Dask and pyarrow are imported only when the command
runs, so the rest of the command line works without the ``cluster`` extra.
"""

from __future__ import annotations

import argparse
import sys
import time

from annotator.core.batch import BatchError
from annotator.core.batch.partitions import DEFAULT_PARTITION_SIZE
from annotator.core.batch.progress import Progress, progress_line

REDRAW_SECONDS = 0.2


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "batch",
        help="extract a corpus (files, folders, globs, JSON Lines) into Parquet tables, on a Dask cluster",
        description="Extract quotes, speakers and people from many articles into a Parquet dataset "
        "(articles/, quotes/, people/, errors/ and _manifest.json in DIR). Rerunning the same command "
        "skips the parts already written. Needs: pip install 'annotator[cluster]'.",
    )
    parser.add_argument(
        "inputs", nargs="+", metavar="INPUT",
        help="article files, folders (searched recursively), glob patterns, fsspec URLs, or JSON Lines "
        "files (.jsonl/.ndjson) of {id, text, title, url, outlet, date} records",
    )
    parser.add_argument("--out", required=True, metavar="DIR", help="the dataset folder (created if needed)")
    parser.add_argument(
        "--scheduler", metavar="ADDRESS",
        help="a running Dask scheduler (tcp://host:8786); without it a local cluster is started",
    )
    parser.add_argument(
        "--workers", type=_positive, metavar="N",
        help="local worker processes (default: the number of cores); with --scheduler, wait for N workers",
    )
    parser.add_argument(
        "--partition-size", type=_positive, default=DEFAULT_PARTITION_SIZE, metavar="N",
        help=f"articles per partition, i.e. per part file (default {DEFAULT_PARTITION_SIZE})",
    )
    parser.set_defaults(func=run)


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


class TerminalProgress:
    """Redraws one status line on stderr, at most every REDRAW_SECONDS (and always at the end)."""

    def __init__(self) -> None:
        self.last = 0.0
        self.shown = False

    def __call__(self, progress: Progress) -> None:
        now = time.monotonic()
        if now - self.last < REDRAW_SECONDS and progress.parts_done < progress.parts:
            return
        self.last = now
        sys.stderr.write("\r\x1b[K" + progress_line(progress))
        sys.stderr.flush()
        self.shown = True

    def finish(self) -> None:
        if self.shown:
            sys.stderr.write("\n")
            sys.stderr.flush()


def run(args: argparse.Namespace) -> int:
    from annotator.core.batch.job import run_batch

    progress = TerminalProgress() if sys.stderr.isatty() else None
    try:
        report = run_batch(
            args.inputs, args.out, scheduler=args.scheduler, workers=args.workers,
            partition_size=args.partition_size, on_progress=progress,
            on_note=lambda message: print(f"annotator: {message}", file=sys.stderr),
        )
    except BatchError as error:
        if progress:
            progress.finish()
        print(f"annotator: {error}", file=sys.stderr)
        return 1
    if progress:
        progress.finish()
    rows = report.rows
    print(
        f"{rows['articles']:,} articles, {rows['quotes']:,} quotes, {rows['people']:,} people, "
        f"{rows['errors']:,} errors in {report.out}"
    )
    print(
        f"{report.parts_written:,} of {report.parts:,} parts written in {report.seconds:.1f} s"
        + (f", {report.parts_skipped:,} already done" if report.parts_skipped else "")
        + (f", {report.stale_parts_removed:,} stale parts removed" if report.stale_parts_removed else "")
        + (f" ({report.workers} workers)" if report.workers else "")
    )
    if rows["errors"]:
        print(f"annotator: {rows['errors']:,} input(s) could not be extracted; the reasons are in {report.out / 'errors'}",
              file=sys.stderr)
    return 0
