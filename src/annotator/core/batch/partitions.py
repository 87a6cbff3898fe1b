"""Cutting the items of a job into partitions, each named by a key that says what it holds.

The key hashes the identity and content hash of every item in the partition, the output format
version and the Annotator version: a rerun over the same inputs finds the same keys (and skips
their parts), while a changed file, a different partition size or a newer extractor gives new
keys, so stale results are never mistaken for current ones.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from annotator import __version__
from annotator.core.batch.inputs import Item

FORMAT_VERSION = 1
DEFAULT_PARTITION_SIZE = 100
KEY_DIGITS = 24


@dataclass(frozen=True, slots=True)
class Partition:
    """Items processed together and written as one part file per table."""

    key: str
    items: tuple[Item, ...]

    @property
    def size_bytes(self) -> int:
        return sum(item.size for item in self.items)


def partition_key(items: tuple[Item, ...]) -> str:
    digest = hashlib.sha256(f"annotator-batch {FORMAT_VERSION} {__version__}\n".encode())
    for item in items:
        digest.update(item.identity.encode("utf-8", "surrogatepass"))
        digest.update(b"\n")
    return digest.hexdigest()[:KEY_DIGITS]


def make_partitions(items: list[Item], partition_size: int = DEFAULT_PARTITION_SIZE) -> list[Partition]:
    """Consecutive runs of ``partition_size`` items, in input order."""
    if partition_size < 1:
        raise ValueError("the partition size must be at least 1")
    partitions = []
    for start in range(0, len(items), partition_size):
        chunk = tuple(items[start : start + partition_size])
        partitions.append(Partition(key=partition_key(chunk), items=chunk))
    return partitions
