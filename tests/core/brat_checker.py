"""The checks brat's server makes when it loads a document (server/src/annotation.py),
restated so that tests can tell whether brat would accept an ``.ann`` file."""

from __future__ import annotations

import re

ID = re.compile(r"^([A-Za-z]+|#[A-Za-z]*)([0-9]+)$")


def brat_problems(ann: str, text: str, declared_types: set[str] | None = None) -> list[str]:
    """Every reason brat would reject or flag a line of ``ann`` for document ``text``."""
    problems: list[str] = []
    ids: set[str] = set()
    references: list[tuple[str, str]] = []
    # brat reads the file line by line with Python's universal newlines; any other
    # character splitlines() breaks at would also split a line in a narrow reader.
    if len(ann.splitlines()) != ann.count("\n"):
        problems.append("a line break other than \\n inside a line")
    for number, line in enumerate(ann.split("\n")[:-1], start=1):
        if "\t" not in line:
            problems.append(f"line {number}: no tab")
            continue
        ann_id, rest = line.split("\t", 1)
        if not ID.match(ann_id):
            problems.append(f"line {number}: bad id {ann_id!r}")
        if ann_id in ids:
            problems.append(f"line {number}: duplicate id {ann_id}")
        ids.add(ann_id)
        data, _, tail = rest.partition("\t")
        kind = ann_id[0]
        if kind == "T":
            problems += _textbound(number, data, tail, text, declared_types)
        elif kind == "A":
            parts = data.split(" ")
            if len(parts) not in (2, 3):
                problems.append(f"line {number}: attribute needs TYPE TARGET [VALUE]")
            else:
                references.append((ann_id, parts[1]))
        elif kind == "R":
            parts = data.split()
            args = [p.split(":") for p in parts[1:]]
            if len(args) != 2 or any(len(a) != 2 for a in args) or args[0][0] == args[1][0]:
                problems.append(f"line {number}: relation needs Arg1:ID Arg2:ID")
            else:
                references += [(ann_id, a[1]) for a in args]
        elif kind == "#":
            parts = data.split()
            if len(parts) != 2:
                problems.append(f"line {number}: comment needs TYPE TARGET")
            else:
                references.append((ann_id, parts[1]))
        else:
            problems.append(f"line {number}: unexpected id prefix {kind}")
    problems += [f"{source} refers to undefined {target}" for source, target in references if target not in ids]
    return problems


def _textbound(number: int, data: str, tail: str, text: str, declared: set[str] | None) -> list[str]:
    problems: list[str] = []
    type_name, _, offsets = data.partition(" ")
    if declared is not None and type_name not in declared:
        problems.append(f"line {number}: type {type_name} not in annotation.conf")
    spans: list[tuple[int, int]] = []
    for piece in offsets.split(";"):
        start_text, _, end_text = piece.partition(" ")
        start, end = int(start_text), int(end_text)
        if not 0 <= start <= end <= len(text):
            problems.append(f"line {number}: span {start} {end} outside the text")
        for other_start, other_end in spans:
            if end >= other_start and start < other_end:
                problems.append(f"line {number}: fragments overlap or touch")
        spans.append((start, end))
    expected = " ".join(text[s:e] for s, e in spans)
    if tail != expected:
        problems.append(f"line {number}: text {tail!r} does not match the document {expected!r}")
    return problems


def declared_entities(annotation_conf: str) -> set[str]:
    section = annotation_conf.split("[entities]", 1)[1].split("[", 1)[0]
    return {line.strip() for line in section.splitlines() if line.strip() and not line.startswith("#")}
