"""A small collection of invented articles for the library tests, with hand-counted figures.

Quotes (speaker: quoted words) — harbour.txt: Ruth Alder 8, Tom Briggs 4, a resident 8;
bridge.md (outlet Lowmoor Gazette): Ruth Alder 7, Kofi Mensah 11, nobody 4;
ferry.html (outlet Lowmoor Echo): Ines Caldwell 7.
Total: 7 quotes, 49 quoted words. bad.txt cannot be read; .drafts/ is hidden and skipped.
"""

from __future__ import annotations

from pathlib import Path

from annotator.core.annotations import AddAnnotation, AnnotationStore
from annotator.core.readers import read_article

HARBOUR = """Harbour plan approved after a long night

By Jane Doe

The council approved the harbour plan on Tuesday after a six-hour meeting.

“We have waited ten years for this harbour,” said Ruth Alder, the mayor of Lowmoor.

Tom Briggs, a fisherman, was not convinced. “Nobody asked the boats,” he said.

“It will all be fine in the end,” said a resident who did not give her name.
"""

BRIDGE = """---
title: Bridge closed for repairs
site: Lowmoor Gazette
author: Sam Reed
date: 2026-03-02
---

# Bridge closed for repairs

The old bridge will close for three months, the council said.

“The bridge is not safe for lorries,” said Ruth Alder, the mayor of Lowmoor.

Kofi Mensah, an engineer, said the repairs were overdue. “The steel is tired and the harbour wind makes it worse,” Mensah said.

By morning the railings carried a painted message, “Save our crossing now.”
"""

FERRY = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Ferry fares to rise in spring | Lowmoor Echo</title>
<meta name="author" content="Ada Pike">
<meta property="og:site_name" content="Lowmoor Echo">
<meta property="article:published_time" content="2026-02-14T08:00:00Z">
</head><body><article>
<h1>Ferry fares to rise in spring</h1>
<p>Passengers on the Lowmoor ferry will pay more from April, the operator said on Monday, and the harbour board agreed.</p>
<p>“We cannot run old engines for ever,” said Ines Caldwell, who chairs the board.</p>
<p>The new fares would fund two replacement boats by 2028, the board said in a statement on its website.</p>
</article></body></html>
"""

BAD = b"\x00\x01\x02 not an article \x00"
QUOTES = 7
QUOTED_WORDS = 49


def build_collection(folder: Path) -> Path:
    """Write the collection into ``folder`` (with sidecars) and return it."""
    (folder / "news").mkdir(parents=True)
    (folder / "harbour.txt").write_text(HARBOUR, encoding="utf-8")
    (folder / "news" / "bridge.md").write_text(BRIDGE, encoding="utf-8")
    (folder / "news" / "ferry.html").write_text(FERRY, encoding="utf-8")
    (folder / "bad.txt").write_bytes(BAD)
    (folder / ".drafts").mkdir()
    (folder / ".drafts" / "draft.txt").write_text(HARBOUR, encoding="utf-8")
    (folder / "notes.json").write_text("{}", encoding="utf-8")
    annotate(
        folder / "harbour.txt",
        ("waited ten years", "Claim", {"tags": ["promise", "harbour"], "verdict": "Mostly false",
                                      "note": "The plan only dates from 2019."}),
        ("six-hour meeting", "Evidence", {"tags": ["meeting"], "note": "Minutes confirm the length."}),
    )
    annotate(
        folder / "news" / "ferry.html",
        ("two replacement boats by 2028", "Claim", {"tags": ["Promise"], "verdict": "Unverifiable"}),
    )
    return folder


def annotate(path: Path, *specs: tuple[str, str, dict]) -> AnnotationStore:
    """Add annotations (phrase, label, fields) to the article at ``path`` and save its sidecar."""
    store = AnnotationStore.open(read_article(path))
    for phrase, label, fields in specs:
        start = store.annotations.text.index(phrase)
        store.annotations.apply(AddAnnotation.new(store.annotations, start, start + len(phrase), label, **fields))
    store.save()
    return store
