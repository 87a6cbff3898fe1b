"""Batch extraction over a corpus: the extractor of ``annotator extract`` mapped over partitions on Dask.

A researcher who outgrows one article at a time points ``annotator batch`` at folders, glob patterns
and JSON Lines dumps. Inputs are cut into partitions (:mod:`partitions`), each partition is read and
extracted on a Dask worker (:mod:`work`) and written as one Parquet file per table (:mod:`tables`),
named by a hash of its inputs, so a rerun skips what is already there (:mod:`job`).

Dask and pyarrow are an optional extra: nothing here imports them at module level, so the rest of
Annotator runs without them and :func:`require_cluster_packages` says how to install them.
"""

from __future__ import annotations

import importlib

INSTALL_HINT = "pip install 'annotator[cluster]'"
CLUSTER_MODULES = ("dask", "distributed", "pyarrow")


class BatchError(Exception):
    """A batch job that cannot run at all (missing packages, unusable output folder, no scheduler)."""


def require_cluster_packages() -> None:
    """Raise :class:`BatchError` naming the install command when Dask or pyarrow is missing."""
    missing = []
    for name in CLUSTER_MODULES:
        try:
            importlib.import_module(name)
        except ImportError:
            missing.append(name)
    if missing:
        raise BatchError(
            f"batch extraction needs {', '.join(missing)}, which {'is' if len(missing) == 1 else 'are'} "
            f"not installed; install them with: {INSTALL_HINT}"
        )
