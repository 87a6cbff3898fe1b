"""A process killed with SIGKILL in the middle of a burst of saves leaves a valid sidecar."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import textwrap
import time

import pytest

from annotator.core.annotations import AddAnnotation, AnnotationStore, Batch
from annotator.core.annotations.sidecar import read_sidecar
from tests.core.annotations_support import STORY, article_at

ANNOTATIONS = 1500
KILLS = 4

SAVER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from annotator.core.annotations import AnnotationStore, UpdateAnnotation
    from annotator.core.article import Article

    path = Path(sys.argv[1])
    store = AnnotationStore.open(Article(path, path.read_text(encoding="utf-8")))
    first = next(iter(store.annotations)).id
    for burst in range(100000):
        store.annotations.apply(UpdateAnnotation(first, {"note": f"burst {burst}"}))
        store.save()
        if burst == 0:
            print("saving", flush=True)
    """
)


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_sigkill_during_a_burst_of_saves_leaves_old_or_new_content(tmp_path):
    article = article_at(tmp_path)
    store = AnnotationStore.open(article)
    words = [(i % 400, i % 400 + 20) for i in range(ANNOTATIONS)]
    store.annotations.apply(Batch(tuple(AddAnnotation.new(store.annotations, s, e, "Claim") for s, e in words)))
    store.save()
    reference = read_sidecar(store.path)[0].annotations
    for attempt in range(KILLS):
        child = subprocess.Popen(
            [sys.executable, "-c", SAVER, str(article.source)], stdout=subprocess.PIPE, text=True
        )
        try:
            assert child.stdout.readline().strip() == "saving"
            time.sleep(0.02 + 0.03 * attempt)
        finally:
            child.send_signal(signal.SIGKILL)
            child.wait()
            child.stdout.close()
        content, _ = read_sidecar(store.path)  # raises if half-written
        assert len(content.annotations) == ANNOTATIONS
        assert content.annotations[1:] == reference[1:]
        note = content.annotations[0].note
        assert note == "" or note.startswith("burst ")
        json.loads(store.path.read_text(encoding="utf-8"))
    assert STORY == article.source.read_text(encoding="utf-8")
