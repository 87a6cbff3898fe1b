"""The progress of a batch job: what has been done, how fast, and how long is left.

:class:`Progress` is plain numbers, updated as partitions finish; :func:`progress_line` renders
it for a terminal. The command shows it on stderr only when stderr is a terminal, so logs and
pipes get no carriage returns.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field


@dataclass(slots=True)
class Progress:
    """What this run has to do (``files``/``bytes``/``parts``, without the parts an earlier run
    wrote, counted in ``parts_skipped``) and what its finished partitions did."""

    files: int
    bytes: int
    parts: int
    parts_skipped: int = 0
    files_done: int = 0
    bytes_done: int = 0
    parts_done: int = 0
    quotes: int = 0
    errors: int = 0
    started: float = field(default_factory=time.monotonic)

    def add(self, figures: dict) -> None:
        self.files_done += figures["items"]
        self.bytes_done += figures["bytes"]
        self.parts_done += 1
        self.quotes += figures["quotes"]
        self.errors += figures["errors"]

    @property
    def elapsed(self) -> float:
        return time.monotonic() - self.started

    @property
    def files_per_second(self) -> float:
        return self.files_done / self.elapsed if self.elapsed > 0 else 0.0

    @property
    def seconds_left(self) -> float | None:
        """Time left at the rate so far (by bytes, which track extraction work better than files)."""
        if self.bytes_done <= 0 or self.elapsed <= 0:
            return None
        return max(0.0, (self.bytes - self.bytes_done) * self.elapsed / self.bytes_done)


def progress_line(progress: Progress) -> str:
    """``412/1,000 files  3.1/7.6 MB  2,310 quotes  2 errors  85.0 files/s  0:07 left``."""
    left = progress.seconds_left
    pieces = [
        f"{progress.files_done:,}/{progress.files:,} files",
        f"{progress.bytes_done / 1e6:.1f}/{progress.bytes / 1e6:.1f} MB",
        f"{progress.quotes:,} quotes",
        f"{progress.errors:,} error{'s' if progress.errors != 1 else ''}",
        f"{progress.files_per_second:,.1f} files/s",
        f"{format_duration(left)} left" if left is not None else "… left",
    ]
    if progress.parts_skipped:
        pieces.append(f"{progress.parts_skipped:,} parts already done")
    return "  ".join(pieces)


def format_duration(seconds: float) -> str:
    seconds = int(round(seconds))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"
