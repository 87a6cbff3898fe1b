"""Articles with many annotations, saved through the real sidecar writer, for the benchmarks."""

from __future__ import annotations

import random
from pathlib import Path

from annotator.core.annotations import AddAnnotation, AnnotationStore, Batch
from annotator.core.readers import read_article

LABELS = ("Claim", "Evidence", "Opinion", "Question", "Quote", "Person")
TAGS = ("economy", "health", "needs-source", "disputed", "follow-up", "données", "🌊 flood")


def annotate_article(path: Path, count: int, seed: int = 7) -> int:
    """Give ``path`` a sidecar with ``count`` annotations spread over its text; returns how many.

    Spans are words to sentences long, about one in ten nested inside the previous one, with
    tags, notes and verdicts on some, the way a team's heavy annotation of a long article looks.
    """
    article = read_article(path)
    store = AnnotationStore.open(article)
    text = article.text
    rng = random.Random(seed)
    operations = []
    stride = max(1, len(text) // count)
    previous: tuple[int, int] | None = None
    for n in range(count):
        if previous and rng.random() < 0.1 and previous[1] - previous[0] > 4:
            start = rng.randrange(previous[0], previous[1] - 2)
            end = rng.randrange(start + 1, previous[1])
        else:
            start = min(n * stride + rng.randrange(stride), len(text) - 2)
            end = min(len(text), start + rng.randrange(3, 240))
        fields = {}
        if rng.random() < 0.4:
            fields["tags"] = rng.sample(TAGS, rng.randrange(1, 3))
        if rng.random() < 0.3:
            fields["note"] = "Checked against the council minutes; " * rng.randrange(1, 4)
        if rng.random() < 0.2:
            fields["verdict"] = rng.choice(("True", "Mostly true", "Misleading", "False", "Unverifiable"))
        operations.append(AddAnnotation.new(store.annotations, start, end, rng.choice(LABELS), **fields))
        previous = (start, end)
    store.annotations.apply(Batch(tuple(operations), "benchmark annotations"))
    store.save()
    return len(store.annotations)
