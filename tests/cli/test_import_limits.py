"""``annotator import`` never saves a sidecar that the next opening would refuse.

Run as a user runs it (``python3 -m annotator import`` in a process of its own); each
sidecar it leaves is then opened the way the window opens it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from annotator.core.annotations import AnnotationStore
from annotator.core.annotations.sidecar import MAX_SIDECAR_BYTES, sidecar_path_for
from annotator.core.readers import read_article

STORY = "Harbour notes\n\n" + "".join(f"Item {n:04d} was agreed. " for n in range(1500)) + "\n"


def annotator(*argv: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(Path(__file__).resolve().parents[2] / "src") + os.pathsep + env.get("PYTHONPATH", "")
    return subprocess.run(
        [sys.executable, "-m", "annotator", *argv], capture_output=True, text=True, env=env, timeout=300
    )


def reopened(article: Path) -> AnnotationStore:
    store = AnnotationStore.open(read_article(article))
    assert store.problem is None, store.problem
    return store


def test_a_w3c_position_of_true_is_not_taken_for_offset_1(tmp_path):
    """``true`` is an int in Python: taken for 1, it was saved as ``"start": true`` and the
    whole sidecar then failed its schema. Now the quote places the annotation."""
    article = tmp_path / "harbour.txt"
    article.write_text(STORY, encoding="utf-8")
    selectors = [
        {"type": "TextPositionSelector", "start": True, "end": 9},
        {"type": "TextQuoteSelector", "exact": STORY[1:9]},
    ]
    position_only = {"type": "TextPositionSelector", "start": 0, "end": 9.5}
    items = [
        {"type": "Annotation", "target": {"source": "harbour.txt", "selector": selectors}},
        {"type": "Annotation", "target": {"source": "harbour.txt", "selector": position_only}},
    ]
    source = tmp_path / "in.json"
    source.write_text(json.dumps({"type": "AnnotationPage", "items": items}), encoding="utf-8")
    done = annotator("import", str(article), "--format", "w3c", str(source))
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("added 1,")
    assert "1 annotation without a text quote or position selector" in done.stdout  # 9.5 is no offset
    (saved,) = reopened(article).annotations
    assert (saved.start, saved.end) == (1, 9) and type(saved.start) is int


def test_an_import_larger_than_a_sidecar_may_hold_is_cut_and_says_how_many_were_left_out(tmp_path):
    article = tmp_path / "harbour.txt"
    article.write_text(STORY, encoding="utf-8")
    # Notes of quotation marks take twice their size in JSON: 1,100 of them are about
    # 80 MB of sidecar from a 40 MB .ann, more than the 64 MB a sidecar may have.
    note = '"' * 36_000
    count = 1100
    lines = []
    for n in range(count):
        start = STORY.index(f"Item {n:04d}")
        lines.append(f"T{n + 1}\tClaim {start} {start + 9}\tItem {n:04d}")
        lines.append(f"#{n + 1}\tAnnotatorNotes T{n + 1}\t{note}")
    ann = tmp_path / "harbour.ann"
    ann.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert ann.stat().st_size > 39_000_000

    done = annotator("import", str(article), "--format", "brat", str(ann))

    assert done.returncode == 0, done.stderr
    added = int(done.stdout.split("added ", 1)[1].split(",", 1)[0])
    left_out = int(done.stdout.split(" left out:", 1)[0].rsplit(", ", 1)[1])
    assert added > 800 and added + left_out == count
    assert "the sidecar would have grown past the 64 MB a sidecar may have" in done.stdout
    sidecar = sidecar_path_for(article)
    assert MAX_SIDECAR_BYTES - 200_000 < sidecar.stat().st_size <= MAX_SIDECAR_BYTES
    store = reopened(article)
    assert [a.selector.exact for a in store.annotations] == [f"Item {n:04d}" for n in range(added)]

    again = annotator("annotate", str(article), "--quote", f"Item {count - 1:04d}", "--label", "Claim")
    assert again.returncode == 0, again.stderr  # a short annotation still fits
