"""Importers: annotations from other tools' files, merged into an article's annotation set.

Each format module parses a file into a ``ParsedImport`` (records not yet placed on the
article); ``merge.plan_merge`` places them, skips duplicates, keeps the unmatched as
orphans and returns one undoable operation plus a summary.
"""

from __future__ import annotations

from annotator.core.importers.brat_import import parse_brat
from annotator.core.importers.merge import (
    FALLBACK_LABEL,
    ImportedAnnotation,
    ImportFormatError,
    MergePlan,
    ParsedImport,
    plan_merge,
)
from annotator.core.importers.w3c_import import parse_w3c

IMPORT_FORMATS: tuple[str, ...] = ("w3c", "brat")

__all__ = [
    "FALLBACK_LABEL",
    "IMPORT_FORMATS",
    "ImportFormatError",
    "ImportedAnnotation",
    "MergePlan",
    "ParsedImport",
    "parse_brat",
    "parse_w3c",
    "plan_merge",
]
