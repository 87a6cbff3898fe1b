"""How fast are the sidecar's save, load and re-anchoring with many annotations?

    python3 benchmarks/bench_sidecar.py [--runs N]

Builds a ~1 MB article and 10,000 annotations over it (labels, tags, notes of every length,
verdicts, quote links, non-ASCII text), then times, best and median of ``--runs`` runs with
the cyclic garbage collector left as the app leaves it:

- save: ``AnnotationStore.save()``, the app's path: the sidecar's lock, encode, the conflict
  check against the file on disk, the loader's checks on what is about to be written, and
  the atomic writer (temporary file, write, fsync, ``os.replace``, folder fsync). Compared
  with ``json.dumps`` of the same content plus a plain ``write_bytes`` (no fsync, no check):
  the floor; and with encode + the atomic writer alone (no lock, no check before writing).
- load: ``AnnotationStore.open(article)``, what opening an article does (read, size cap,
  schema check, cross-field checks, records, article hash), and ``read_sidecar`` alone.
  Compared with ``json.loads`` of the same file (the floor) and with a full
  ``jsonschema`` validation of it, what a naive loader would add.
- re-anchoring 1,000 annotations on the 1 MB article after (a) a paragraph inserted near
  the top, (b) one word edited near the top (it lies inside one annotation and in the
  context of others), (c) 20,000 characters deleted mid-article (annotations in the cut
  are searched for in the whole text, the slow path; this text repeats its source
  articles, so most are found again in another copy and only the rest become orphans).
  Also the whole wait after an edit: opening the edited article with its sidecar of
  1,000 annotations (load, hash, re-anchor).

Each comparison is printed in brackets beside the figure it belongs to.
"""

from __future__ import annotations

import argparse
import gc
import json
import random
import re
import shutil
import statistics
import time
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from pathlib import Path

from annotator.core.annotations import (
    ANCHOR_STATUSES,
    VERDICTS,
    AddAnnotation,
    Annotation,
    AnnotationSet,
    AnnotationStore,
    Batch,
    reanchor,
)
from annotator.core.annotations.atomic import atomic_write_bytes
from annotator.core.annotations.sidecar import read_sidecar, sidecar_path_for
from annotator.core.article import Article
from annotator.core.readers import read_article
from figures import Figure, report
from texts import scratch_folder, write_article

AREA = "sidecar"
ARTICLE_CHARS = 1_000_000
ANNOTATIONS = 10_000
REANCHORED = 1_000
LABELS = ("Claim", "Evidence", "Opinion", "Question", "Quote", "Person")
TAGS = ("economy", "health", "needs-source", "disputed", "follow-up", "données", "🌊 flood", "überprüft", "政治")
NOTE_WORDS = (
    "Checked against the council minutes", "the figure is from 2019, not this year", "ask the press office",
    "source: Statistik Austria", "contradicts paragraph 4", "«citation à vérifier»", "see the earlier report",
    "спросить у автора", "number rounded up", "the quote appears in two other outlets",
)  # fmt: skip


def word_spans(text: str, count: int, rng: random.Random) -> list[tuple[int, int]]:
    """``count`` spans that start and end on word boundaries, as a selection snapped to words is.

    One per stretch of the text, from top to bottom: mostly a few words to a sentence or
    two, sometimes a whole paragraph; about one in ten lies inside the span before it.
    """
    bounds = [match.start() for match in re.finditer(r"\b\w", text)]
    stride = max(1, len(bounds) // count)
    spans: list[tuple[int, int]] = []
    for n in range(count):
        first = n * stride + rng.randrange(stride)
        words = rng.choice((1, 2, 3, 5, 8, 13, 20, 40, 120))
        last = min(len(bounds) - 1, first + words)
        start, end = bounds[first], text.rfind(" ", bounds[first], bounds[last]) if last > first else -1
        if end <= start:
            end = min(len(text), start + 1)
        if spans and rng.random() < 0.1 and spans[-1][1] - spans[-1][0] > 20:
            outer = spans[-1]
            start = rng.randrange(outer[0], outer[0] + (outer[1] - outer[0]) // 2)
            end = rng.randrange(start + 1, outer[1])
        spans.append((start, end))
    return spans


def build_annotations(store: AnnotationStore, count: int, seed: int = 11) -> None:
    """``count`` annotations over the article, the way a team's heavy annotation looks.

    40 % carry tags, 35 % a note (a few words to a paragraph, some not in English), 20 % a
    verdict, 10 % a quote link with a speaker; authors vary. They were made over a few weeks,
    and a third of them edited later, so timestamps differ as they do in real files.
    """
    rng = random.Random(seed)
    operations = []
    made = datetime(2026, 3, 2, 8, 0, tzinfo=timezone.utc)
    for n, (start, end) in enumerate(word_spans(store.article.text, count, rng)):
        made += timedelta(seconds=rng.randrange(1, 400))
        edited = made + timedelta(hours=rng.randrange(1, 200)) if rng.random() < 0.33 else made
        fields: dict = {
            "author": rng.choice(("", "amara", "lars.h", "Zoë Brünner")),
            "created": made.isoformat().replace("+00:00", "Z"),
            "modified": edited.isoformat().replace("+00:00", "Z"),
        }
        if rng.random() < 0.4:
            fields["tags"] = rng.sample(TAGS, rng.randrange(1, 4))
        if rng.random() < 0.35:
            fields["note"] = "; ".join(rng.choice(NOTE_WORDS) for _ in range(rng.choice((1, 1, 2, 5, 20))))
        if rng.random() < 0.2:
            fields["verdict"] = rng.choice(VERDICTS)
        if rng.random() < 0.1:
            fields["quote_id"] = f"q{n}"
            fields["speaker"] = rng.choice(("Ines Caldwell", "Jorge Valdez", "Mei Tanaka", "Ivan Petrenko"))
        operations.append(AddAnnotation.new(store.annotations, start, end, rng.choice(LABELS), **fields))
    store.annotations.apply(Batch(tuple(operations), "benchmark annotations"))


def timed(action: Callable[[], object], runs: int) -> tuple[float, float]:
    """Best and median milliseconds of ``runs`` calls; each result is dropped before the next run."""
    times = []
    for _ in range(runs):
        began = time.perf_counter()
        result = action()
        times.append((time.perf_counter() - began) * 1000)
        del result
    return min(times), statistics.median(times)


def figures_for(name: str, best_median: tuple[float, float], goal: float | None, comparison: str) -> list[Figure]:
    best, median = best_median
    return [
        Figure(AREA, f"{name} (best)", best, "ms", goal, comparison=comparison),
        Figure(AREA, f"{name} (median)", median, "ms", goal),
    ]


def measure_save_and_load(folder: Path, runs: int) -> list[Figure]:
    article_path = write_article(folder, ARTICLE_CHARS, "long.txt")
    article = read_article(article_path)
    store = AnnotationStore.open(article)
    build_annotations(store, ANNOTATIONS)
    store.save()
    sidecar = store.path
    data = sidecar.read_bytes()
    print(f"article {len(article.text):,} chars; sidecar {len(data) / 1e6:.2f} MB, {len(store.annotations):,} annotations")

    def save() -> None:
        store.save()  # writes even when nothing changed: the same work as an autosave after an edit

    floor_path = folder / "floor.json"
    payload = json.loads(data)

    def plain_save() -> None:
        floor_path.write_bytes(json.dumps(payload, ensure_ascii=False).encode("utf-8"))

    def unchecked_save() -> None:
        atomic_write_bytes(store.path, store.encoded())  # no lock, no check before writing

    save_times = timed(save, runs)
    plain_save_times = timed(plain_save, runs)
    unchecked_times = timed(unchecked_save, runs)
    del payload  # 100,000 parsed containers the app would not hold: the collector would rescan them

    open_times = timed(lambda: AnnotationStore.open(article), runs)
    read_times = timed(lambda: read_sidecar(sidecar), runs)
    loads_times = timed(lambda: json.loads(sidecar.read_bytes()), runs)
    reopened = AnnotationStore.open(article)
    assert reopened.problem is None and len(reopened.annotations) == ANNOTATIONS and not reopened.reanchored

    from jsonschema import Draft202012Validator

    from annotator.core.annotations.schema import sidecar_schema

    validator = Draft202012Validator(sidecar_schema())
    jsonschema_times = timed(lambda: validator.validate(json.loads(sidecar.read_bytes())), max(1, runs // 5))

    floor = (
        f"json.dumps + write, no fsync: best {plain_save_times[0]:.0f} ms, median {plain_save_times[1]:.0f} ms; "
        f"encode + atomic write without the lock and the check before writing: best {unchecked_times[0]:.0f} ms"
    )
    loads = f"json.loads of the file: best {loads_times[0]:.0f} ms, median {loads_times[1]:.0f} ms"
    naive = f"json.loads + jsonschema validation: best {jsonschema_times[0]:.0f} ms"
    return [
        *figures_for("save 10,000 (store, atomic, fsync)", save_times, 100, floor),
        *figures_for("open 10,000 (store, validated)", open_times, 100, f"{loads}; {naive}"),
        *figures_for("read_sidecar 10,000 (validated)", read_times, 100, loads),
        Figure(AREA, "json.loads of the file (floor)", loads_times[0], "ms"),
        Figure(AREA, "json.loads + jsonschema (naive)", jsonschema_times[0], "ms"),
    ]


def reanchor_annotations(text: str, count: int, seed: int = 5) -> list[Annotation]:
    """``count`` annotations made on ``text``, spread from top to bottom."""
    rng = random.Random(seed)
    stride = len(text) // count
    made = []
    for n in range(count):
        start = n * stride + rng.randrange(stride - 300)
        made.append(Annotation.create(text, start, start + rng.randrange(20, 250), rng.choice(LABELS)))
    return made


def edits(text: str, annotations: list[Annotation]) -> dict[str, str]:
    """The three edits, each made on a copy of ``text``: named by what a user did.

    The edited word lies inside the fourth annotation (and so in the context of its
    neighbours), so the edit exercises the fuzzy search, not only the shift fast path.
    """
    top = text.index("\n\n", 2_000)
    paragraph = "\n\nA new paragraph the editors added after publication, with a correction and a quote.\n"
    inside = annotations[3]
    word_at = text.index(" ", inside.start, inside.end) + 1
    word_end = text.index(" ", word_at)
    middle = len(text) // 2
    return {
        "paragraph added at top": text[:top] + paragraph + text[top:],
        "word edited at top": text[:word_at] + "reworded" + text[word_end:],
        "20,000 chars cut mid-text": text[:middle] + text[middle + 20_000 :],
    }


def measure_reanchoring(folder: Path, runs: int) -> list[Figure]:
    path = write_article(folder, ARTICLE_CHARS, "reanchor.txt")
    article = read_article(path)
    text = article.text
    annotations = reanchor_annotations(text, REANCHORED)
    figures = []
    for name, edited in edits(text, annotations).items():
        placed = reanchor(edited, annotations, len(text))
        statuses = {status: sum(1 for a in placed if a.status == status) for status in ANCHOR_STATUSES}
        assert len(placed) == REANCHORED
        times = timed(lambda: reanchor(edited, annotations, len(text)), runs)
        counted = ", ".join(f"{n} {status}" for status, n in statuses.items() if n)
        figures += figures_for(f"re-anchor 1,000: {name}", times, 200, counted)
    # The whole of what the user waits for: the sidecar made on the old text, opened with the new.
    store = AnnotationStore(article, sidecar_path_for(path), AnnotationSet(text, annotations=annotations))
    store.save()
    edited = Article(path, edits(text, annotations)["paragraph added at top"])
    opened = AnnotationStore.open(edited)
    assert opened.reanchored and len(opened.annotations) == REANCHORED
    times = timed(lambda: AnnotationStore.open(edited), runs)
    figures += figures_for("open edited article: load + re-anchor 1,000", times, 200, "paragraph added at top")
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15, help="runs per figure (best and median are reported)")
    args = parser.parse_args()
    print(f"cyclic GC {'enabled' if gc.isenabled() else 'disabled'}, as in the app; {args.runs} runs each")
    folder = scratch_folder()
    try:
        figures = measure_save_and_load(folder, args.runs)
        figures += measure_reanchoring(folder, args.runs)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    report(figures)


if __name__ == "__main__":
    main()
