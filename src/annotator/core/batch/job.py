"""Running a batch job: plan the partitions, skip those already written, run the rest on Dask.

Without a scheduler address the job starts a local cluster (worker processes, one thread each:
the extractor is pure Python and holds the GIL); with one it runs on that cluster, whose workers
must reach the inputs and the output folder under the same paths (a shared file system) or read
inputs from an fsspec URL. A worker that dies has its partition rerun on another worker by the
scheduler; a partition that kills every worker it is given is written as ``errors`` rows, so one
poisonous input never costs the corpus.
"""

from __future__ import annotations

import importlib.util
import json
import logging
import os
import socket
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from annotator import __version__
from annotator.core.batch import BatchError, require_cluster_packages
from annotator.core.batch.inputs import expand_inputs
from annotator.core.batch.partitions import DEFAULT_PARTITION_SIZE, FORMAT_VERSION, Partition, make_partitions
from annotator.core.batch.progress import Progress
from annotator.core.batch.tables import all_part_keys, done_keys, remove_parts, remove_temporaries, row_counts
from annotator.core.batch.work import failed_partition, process_partition

MANIFEST_NAME = "_manifest.json"
WORKER_WAIT_SECONDS = 60


@dataclass(slots=True)
class BatchReport:
    """What a run did, and what the dataset in ``out`` now holds (``rows`` per table)."""

    out: Path
    inputs: list[str]
    items: int
    parts: int
    parts_written: int
    parts_skipped: int
    stale_parts_removed: int
    rows: dict[str, int]
    seconds: float
    workers: int
    scheduler: str
    dashboard: str | None = None
    part_figures: list[dict[str, Any]] = field(default_factory=list)

    def manifest(self) -> dict[str, Any]:
        written = self.part_figures
        extraction_bytes = sum(f["bytes"] for f in written)
        return {
            "format": "annotator-batch",
            "version": FORMAT_VERSION,
            "annotator_version": __version__,
            "written": datetime.now(timezone.utc).isoformat(timespec="seconds"),
            "inputs": self.inputs,
            "tables": self.rows,
            "figures": {
                "items": self.items,
                "parts": self.parts,
                "parts_written": self.parts_written,
                "parts_skipped": self.parts_skipped,
                "stale_parts_removed": self.stale_parts_removed,
                "seconds": round(self.seconds, 3),
                "items_extracted": sum(f["items"] for f in written),
                "reading_and_extraction_seconds": round(sum(f.get("extract_seconds", 0.0) for f in written), 3),
                "megabytes_extracted": round(extraction_bytes / 1e6, 3),
                "items_per_second": round(sum(f["items"] for f in written) / self.seconds, 2) if self.seconds else None,
                "workers": self.workers,
                "scheduler": self.scheduler,
            },
        }


def run_batch(
    inputs: Sequence[str],
    out: str | os.PathLike[str],
    *,
    scheduler: str | None = None,
    workers: int | None = None,
    partition_size: int = DEFAULT_PARTITION_SIZE,
    on_progress: Callable[[Progress], None] | None = None,
    on_note: Callable[[str], None] | None = None,
) -> BatchReport:
    """Extract every input into the Parquet dataset ``out``; return what was done."""
    require_cluster_packages()
    note = on_note or (lambda _message: None)
    began = time.perf_counter()
    out_dir = Path(out).resolve()
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise BatchError(f"cannot create the output folder {out}: {error.strerror or error}") from None
    items = expand_inputs(inputs, exclude=out_dir)
    partitions = make_partitions(items, partition_size)
    done = done_keys(out_dir)
    pending = [partition for partition in partitions if partition.key not in done]
    progress = Progress(
        files=sum(len(p.items) for p in pending), bytes=sum(p.size_bytes for p in pending), parts=len(pending),
        parts_skipped=len(partitions) - len(pending),
    )
    figures: list[dict[str, Any]] = []
    worker_count, address, dashboard = 0, scheduler or "none (every part was already written)", None
    if pending:
        with cluster_client(scheduler, workers, note) as (client, address, dashboard):
            worker_count = len(client.nthreads())
            if on_progress:
                on_progress(progress)
            for result in _run_partitions(client, pending, str(out_dir)):
                figures.append(result)
                progress.add(result)
                if on_progress:
                    on_progress(progress)
    keys = {partition.key for partition in partitions}
    stale = all_part_keys(out_dir) - keys
    remove_parts(out_dir, stale)
    remove_temporaries(out_dir)
    report = BatchReport(
        out=out_dir, inputs=list(inputs), items=len(items), parts=len(partitions), parts_written=len(figures),
        parts_skipped=len(partitions) - len(pending), stale_parts_removed=len(stale),
        rows=row_counts(out_dir, keys), seconds=time.perf_counter() - began, workers=worker_count,
        scheduler=address, dashboard=dashboard, part_figures=figures,
    )
    write_manifest(out_dir, report.manifest())
    return report


@contextmanager
def cluster_client(scheduler: str | None, workers: int | None, note: Callable[[str], None]) -> Iterator[tuple[Any, str, str | None]]:
    """A Dask client on ``scheduler``, or on a local cluster of ``workers`` processes started here."""
    from distributed import Client, LocalCluster

    if scheduler:
        _check_reachable(scheduler)
        try:
            client = Client(scheduler, timeout="10s")
        except (OSError, TimeoutError) as error:
            raise BatchError(f"cannot reach the Dask scheduler at {scheduler}: {error}") from None
        try:
            try:
                client.wait_for_workers(workers or 1, timeout=WORKER_WAIT_SECONDS)
            except TimeoutError:
                raise BatchError(
                    f"fewer than {workers or 1} worker(s) joined the scheduler at {scheduler} "
                    f"within {WORKER_WAIT_SECONDS} s"
                ) from None
            yield client, scheduler, None
        finally:
            client.close()
        return
    count = workers or os.cpu_count() or 1
    dashboard = ":0" if importlib.util.find_spec("bokeh") else None
    cluster = LocalCluster(
        n_workers=count, threads_per_worker=1, processes=True, dashboard_address=dashboard,
        silence_logs=logging.ERROR, host="127.0.0.1",
    )
    try:
        client = Client(cluster)
        try:
            link = client.dashboard_link if dashboard else None
            if link:
                note(f"Dask dashboard: {link}")
            yield client, cluster.scheduler_address, link
        finally:
            client.close()
    finally:
        cluster.close()


def _check_reachable(scheduler: str) -> None:
    """Fail at once on a ``tcp://`` address nothing listens on (Dask itself retries for its whole timeout)."""
    protocol, _, rest = scheduler.rpartition("://")
    host, _, port = rest.rpartition(":")
    if protocol not in ("", "tcp") or not port.isdigit():
        return
    try:
        socket.create_connection((host.strip("[]") or "127.0.0.1", int(port)), timeout=10).close()
    except OSError as error:
        raise BatchError(f"cannot reach the Dask scheduler at {scheduler}: {error.strerror or error}") from None


def _run_partitions(client: Any, pending: list[Partition], out_dir: str) -> Iterator[dict[str, Any]]:
    """Each partition's figures as it finishes; a partition that kept killing workers becomes error rows."""
    from distributed import KilledWorker, as_completed

    futures = client.map(
        process_partition, pending, out_dir=out_dir, key=[f"annotator-part-{p.key}" for p in pending], retries=1
    )
    by_key = {future.key: partition for future, partition in zip(futures, pending)}
    try:
        for future in as_completed(futures):
            partition = by_key[future.key]
            try:
                result = future.result()
            except KilledWorker:
                result = failed_partition(
                    partition, out_dir, "the worker extracting this input's partition died on every attempt "
                    "(out of memory, or a crash); the other inputs of the partition are reported with it",
                )
            except (ImportError, ModuleNotFoundError) as error:
                raise BatchError(
                    f"the Dask workers cannot run Annotator ({error}); install annotator on every worker"
                ) from None
            except OSError as error:
                raise BatchError(f"a worker could not write to {out_dir}: {error}") from None
            except Exception as error:  # anything else is a fault of the cluster, not of an input
                raise BatchError(f"a partition failed on a worker: {type(error).__name__}: {error}") from None
            future.release()
            yield result
    finally:
        client.cancel(futures)


def write_manifest(out_dir: Path, manifest: dict[str, Any]) -> None:
    """``_manifest.json``, written to a temporary name and renamed like the parts."""
    path = out_dir / MANIFEST_NAME
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    temporary.write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    os.replace(temporary, path)
