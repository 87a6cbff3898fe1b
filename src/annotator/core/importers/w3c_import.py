"""Reading W3C Web Annotation JSON(-LD): ours, Hypothesis', Recogito's, any conforming tool's.

Accepted shapes: an ``AnnotationCollection`` with embedded pages, an ``AnnotationPage``,
a JSON array of annotations, or one annotation. Pages referenced only by IRI are not
fetched (reading a file never touches the network); they are reported.

Per annotation: the first target with a ``TextQuoteSelector`` and/or
``TextPositionSelector`` gives the passage (selectors nested in a list or in
``refinedBy`` are found; other selector kinds are skipped). Bodies are read by
``purpose``, defaulting to the annotation's ``motivation``: ``classifying`` → label (a
second one becomes a tag), ``tagging`` → tags, ``assessing`` → verdict,
anything else with a text value (``commenting``, ``describing``, ``replying``, no
purpose…) → the note, joined by blank lines. ``bodyValue`` is a note too. ``creator``
gives the author; ``annotator:speaker`` and ``annotator:quoteId`` are read back from our
own exports. Whatever cannot be represented is listed in the import summary.
"""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

from annotator.core.annotations.model import is_offset_value
from annotator.core.export.w3c import ANCHOR_STATUS, QUOTE_ID, SPEAKER
from annotator.core.importers.merge import ImportedAnnotation, ImportFormatError, ParsedImport
from annotator.core.lone_surrogates import may_hold_lone_surrogates, without_lone_surrogates

NOTE_JOINER = "\n\n"


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _types(node: dict[str, Any]) -> set[str]:
    return {str(t) for t in _as_list(node.get("type") or node.get("@type"))}


def annotation_nodes(payload: Any, ignored: Counter[str]) -> list[dict[str, Any]]:
    """Every annotation object in ``payload``, in document order."""
    if isinstance(payload, list):
        return [node for item in payload for node in annotation_nodes(item, ignored)]
    if not isinstance(payload, dict):
        raise ImportFormatError("not W3C Web Annotation JSON: expected an object or an array of annotations")
    types = _types(payload)
    if "Annotation" in types:
        return [payload]
    if "AnnotationPage" in types or "items" in payload:
        nodes = [node for item in _as_list(payload.get("items")) for node in annotation_nodes(item, ignored)]
        following = payload.get("next")
        if isinstance(following, dict):
            nodes += annotation_nodes(following, ignored)
        elif isinstance(following, str):
            ignored["page referenced by address, not fetched"] += 1
        return nodes
    if "AnnotationCollection" in types:
        first = payload.get("first")
        if isinstance(first, str):
            ignored["page referenced by address, not fetched"] += 1
            return []
        return annotation_nodes(first, ignored) if first is not None else []
    raise ImportFormatError(
        "not W3C Web Annotation JSON: no Annotation, AnnotationPage or AnnotationCollection found"
    )


def _selectors(target: Any) -> tuple[dict[str, Any] | None, dict[str, Any] | None]:
    """The quote and position selectors of one target, if it has them."""
    quote = position = None
    if not isinstance(target, dict):
        return None, None
    pending = list(_as_list(target.get("selector")))
    while pending:
        selector = pending.pop(0)
        if not isinstance(selector, dict):
            continue
        kinds = _types(selector)
        if "TextQuoteSelector" in kinds and quote is None and isinstance(selector.get("exact"), str):
            quote = selector
        elif "TextPositionSelector" in kinds and position is None:
            if is_offset_value(selector.get("start")) and is_offset_value(selector.get("end")):
                position = selector
        pending += _as_list(selector.get("refinedBy"))
    return quote, position


def _creator_name(creator: Any) -> str:
    for agent in _as_list(creator):
        if isinstance(agent, str):
            return agent
        if isinstance(agent, dict):
            for key in ("name", "nickname", "id"):
                if isinstance(agent.get(key), str):
                    return agent[key]
    return ""


def read_annotation(node: dict[str, Any], ignored: Counter[str]) -> ImportedAnnotation | None:
    """One W3C annotation as an import record, or None (counted in ``ignored``) without a passage."""
    quote = position = None
    targets = _as_list(node.get("target"))
    for target in targets:
        quote, position = _selectors(target)
        if quote or position:
            break
    if not (quote or position):
        ignored["annotation without a text quote or position selector"] += 1
        return None
    if len(targets) > 1:
        ignored["extra targets of multi-target annotations"] += len(targets) - 1

    motivation = next((str(m) for m in _as_list(node.get("motivation"))), "")
    label: str | None = None
    verdict: str | None = None
    tags: list[str] = []
    notes: list[str] = []
    if isinstance(node.get("bodyValue"), str):
        notes.append(node["bodyValue"])
    for body in _as_list(node.get("body")):
        if not isinstance(body, dict) or not isinstance(body.get("value"), str):
            ignored["bodies that are not text (links, resources)"] += 1
            continue
        value = body["value"]
        purposes = [str(p) for p in _as_list(body.get("purpose"))] or [motivation]
        if "classifying" in purposes:
            if label is None:
                label = value
            else:
                tags.append(value)
        elif "tagging" in purposes:
            tags.append(value)
        elif "assessing" in purposes and verdict is None:
            verdict = value
        else:
            notes.append(value)

    return ImportedAnnotation(
        exact=quote["exact"] if quote else "",
        prefix=str(quote.get("prefix", "")) if quote else "",
        suffix=str(quote.get("suffix", "")) if quote else "",
        start=position["start"] if position and node.get(ANCHOR_STATUS) != "orphan" else None,
        end=position["end"] if position and node.get(ANCHOR_STATUS) != "orphan" else None,
        label=label,
        tags=tuple(tags),
        note=NOTE_JOINER.join(notes),
        verdict=verdict,
        speaker=node.get(SPEAKER) if isinstance(node.get(SPEAKER), str) else None,
        quote_id=node.get(QUOTE_ID) if isinstance(node.get(QUOTE_ID), str) else None,
        author=_creator_name(node.get("creator")),
        created=node.get("created") if isinstance(node.get("created"), str) else None,
        modified=node.get("modified") if isinstance(node.get("modified"), str) else None,
        id=node.get("id") if isinstance(node.get("id"), str) else None,
    )


def parse_w3c(data: str) -> ParsedImport:
    """The annotations in W3C Web Annotation JSON text."""
    try:
        payload = json.loads(data)
        if may_hold_lone_surrogates(data):  # UTF-8 cannot save them
            payload = without_lone_surrogates(payload)
    except json.JSONDecodeError as error:
        raise ImportFormatError(f"not valid JSON: {error.msg} at line {error.lineno}, column {error.colno}") from error
    except RecursionError as error:
        raise ImportFormatError("not an annotation file: its JSON is nested too deeply") from error
    except ValueError as error:  # an integer of more than 4,300 digits
        raise ImportFormatError(f"not an annotation file: {error}") from error
    ignored: Counter[str] = Counter()
    parsed = ParsedImport()
    for node in annotation_nodes(payload, ignored):
        record = read_annotation(node, ignored)
        if record is not None:
            parsed.annotations.append(record)
    parsed.ignored = [f"{count} {what}" for what, count in ignored.items()]
    return parsed
