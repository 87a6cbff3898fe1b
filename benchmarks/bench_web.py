"""How fast are fetching a new version and diffing two versions?

    python3 benchmarks/bench_web.py [--runs N]

Texts: the PolNeAR dev articles of ``../shared/corpus`` when they are there (news of several
outlets; measured with, never copied), else the bundled sample and our fixtures. Each article
gets a second version, edited the way news sites revise: one word changed in every eighth
sentence, one sentence deleted, one sentence of our own added.

- diff of two versions, sentence-first then words (``diff_sentences``), for every article,
  and for a 1 MB article built from them. Compared in the same run with the naive way: one
  ``difflib`` word diff over the whole text (no sentence alignment).
- diff of a page whose 3,000 sentences all changed: paired in place, against aligning them all.
- ``annotator diff`` of two versions in full (extraction on both, quotes matched), per article.
- fetch of a changed page from a local server (``fetch_into``): a new version, its article
  file and a sidecar of 1,000 annotations re-anchored and saved. Compared with a bare
  ``httpx`` GET of the same page.

Best and median of ``--runs`` runs.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from difflib import SequenceMatcher
from pathlib import Path

from figures import Figure, report
from texts import build_text, source_articles

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # the test's local HTTP server and page builder

from annotator.core.annotations import AnnotationSet, AnnotationStore  # noqa: E402
from annotator.core.annotations.model import Annotation  # noqa: E402
from annotator.core.annotations.sidecar import sidecar_path_for  # noqa: E402
from annotator.core.readers import read_article  # noqa: E402
from annotator.core.readers.decoding import DecodedText  # noqa: E402
from annotator.core.readers.plain_text import article_from_text  # noqa: E402
from annotator.core.web.article_diff import diff_articles, diff_sentences  # noqa: E402
from annotator.core.web.sentences import sentence_spans  # noqa: E402
from annotator.core.web.update import fetch_into  # noqa: E402

POLNEAR = ROOT.parent / "shared" / "corpus" / "dev" / "quotes_polnear_dev.jsonl"
for candidate in (ROOT.parent / "shared", Path("/work/shared")):
    if (candidate / "corpus" / "dev" / "quotes_polnear_dev.jsonl").is_file():
        POLNEAR = candidate / "corpus" / "dev" / "quotes_polnear_dev.jsonl"
ADDED = "A spokesperson later said the figures in this report would be checked again."
_WORD = re.compile(r"\w+|[^\w\s]+")


def corpus_texts() -> tuple[list[str], str]:
    if POLNEAR.is_file():
        texts = [json.loads(line)["text"] for line in POLNEAR.read_text(encoding="utf-8").splitlines() if line.strip()]
        return texts, f"{len(texts)} PolNeAR dev articles"
    texts = source_articles()
    return texts, f"{len(texts)} bundled sample and fixture articles"


def article(text: str, name: str = "story.txt"):
    return article_from_text(Path(name), DecodedText(text, "utf-8"))


def revised(text: str, seed: int) -> str:
    """A later version: a word changed in every eighth sentence, one sentence gone, one added."""
    rng = random.Random(seed)
    spans = sentence_spans(article(text))
    if len(spans) < 4:
        return text + "\n\n" + ADDED + "\n"
    pieces, position = [], 0
    deleted = rng.randrange(1, len(spans))
    added = rng.randrange(1, len(spans))
    for index, (start, end) in enumerate(spans):
        pieces.append(text[position:start])
        sentence = text[start:end]
        if index == added:
            pieces.append(ADDED + " ")
        if index == deleted:
            sentence = ""
        elif index % 8 == 3:
            words = list(re.finditer(r"\b[a-z]{4,}\b", sentence))
            if words:
                word = rng.choice(words)
                sentence = sentence[: word.start()] + "reportedly" + sentence[word.end() :]
        pieces.append(sentence)
        position = end
    pieces.append(text[position:])
    return "".join(pieces)


def naive_word_diff(old: str, new: str) -> int:
    """One difflib pass over every word of both texts: the alternative to sentence-first."""
    matcher = SequenceMatcher(None, _WORD.findall(old), _WORD.findall(new), autojunk=False)
    return sum(1 for tag, *_ in matcher.get_opcodes() if tag != "equal")


def timed(function: Callable[[], object], runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        function()
        times.append(time.perf_counter() - started)
    return times


def figure(name: str, times: list[float], comparison: str | None = None, goal: float | None = None) -> Figure:
    best, median = min(times), statistics.median(times)
    return Figure("web", f"{name} (median {median * 1000:.1f} ms)", best * 1000, "ms", goal, True, comparison)


def measure_diffs(runs: int, naive_1mb: bool = False) -> list[Figure]:
    texts, described = corpus_texts()
    pairs = [(article(t), article(revised(t, n))) for n, t in enumerate(texts)]
    print(f"texts: {described}, {sum(len(t) for t in texts):,} characters")
    ours = timed(lambda: [diff_sentences(a, b) for a, b in pairs], runs)
    naive = timed(lambda: [naive_word_diff(a.text, b.text) for a, b in pairs], runs)
    changes = sum(len(diff_sentences(a, b)) for a, b in pairs)
    figures = [
        figure(
            f"diff sentences + words, all {len(pairs)} article pairs ({changes} sentence changes)",
            ours,
            f"one difflib word diff over each whole text: {min(naive) * 1000:.1f} ms",
        )
    ]
    full = timed(lambda: [diff_articles(a, b, Path("/nonexistent.annotations.json")) for a, b in pairs[:20]], max(1, runs // 3))
    figures.append(
        figure(
            "annotator diff in full (extraction on both, quotes matched), 20 articles",
            full,
            f"sentences + words alone: {min(ours) * 1000 * 20 / len(pairs):.1f} ms for 20",
        )
    )
    for size, naive_too in ((100_000, True), (1_000_000, naive_1mb)):
        big = build_text(size, texts[:40])
        big_old, big_new = article(big), article(revised(big, 7))
        ours_big = timed(lambda: diff_sentences(big_old, big_new), max(1, runs // 3))
        comparison = None
        if naive_too:  # quadratic: 1 MB takes about nine minutes
            naive_big = timed(lambda: naive_word_diff(big_old.text, big_new.text), 1)
            comparison = f"one difflib word diff over the whole text: {min(naive_big) * 1000:,.0f} ms"
        figures.append(figure(f"diff sentences + words, {size // 1000:,} KB article", ours_big, comparison))
    figures.append(measure_rewritten_page())
    return figures


def measure_rewritten_page(sentences: int = 3000) -> Figure:
    """Every sentence of a long page changed (a front page fetched again): one long run of
    differing sentences, paired in place; the alternative is aligning all of them (one run)."""
    from annotator.core.web import article_diff

    old = article("Front page\n\n" + "\n\n".join(f"Story {n} opens the harbour wall on day {n}." for n in range(sentences)))
    new = article("Front page\n\n" + "\n\n".join(f"Story {n} closes the harbour wall on day {n + 1}." for n in range(sentences)))
    ours = timed(lambda: diff_sentences(old, new), 1)
    limit = article_diff.MAX_ALIGNED_SENTENCE_PAIRS
    article_diff.MAX_ALIGNED_SENTENCE_PAIRS = sentences * sentences
    try:
        aligned = timed(lambda: diff_sentences(old, new), 1)
    finally:
        article_diff.MAX_ALIGNED_SENTENCE_PAIRS = limit
    return figure(
        f"diff of a page whose {sentences:,} sentences all changed, paired in place",
        ours,
        f"aligning all {sentences:,} × {sentences:,} pairs: {min(aligned) * 1000:,.0f} ms",
    )


def measure_fetch(runs: int) -> list[Figure]:
    import httpx

    from tests.core.web_pages import html_page
    from tests.core.web_server import PageServer

    texts, _ = corpus_texts()
    paragraphs = ["A long report"] + [p for t in texts[:30] for p in t.split("\n") if p.strip()]
    first = html_page(paragraphs)
    second = html_page([paragraphs[0], "An update was added at the top of this report."] + paragraphs[1:])
    fetch_times, get_times = [], []
    folder = Path(tempfile.mkdtemp(prefix="annotator-bench-web-"))
    try:
        with PageServer() as server:
            for run in range(runs):
                root = folder / f"run{run}"
                url = server.page("/report", first)
                outcome = fetch_into(url, root)
                store = AnnotationStore.open(read_article(outcome.article_path))
                text = store.article.text
                rng = random.Random(run)
                annotations = []
                for _ in range(1000):
                    start = rng.randrange(0, len(text) - 60)
                    annotations.append(Annotation.create(text, start, start + rng.randrange(10, 60), "Claim"))
                AnnotationStore(store.article, sidecar_path_for(outcome.article_path), AnnotationSet(text, annotations=annotations)).save()
                server.page("/report", second)
                started = time.perf_counter()
                changed = fetch_into(url, root)
                fetch_times.append(time.perf_counter() - started)
                assert changed.version.number == 2 and changed.highlights and changed.highlights.total == 1000
                started = time.perf_counter()
                httpx.get(url)
                get_times.append(time.perf_counter() - started)
        size = len(second.encode("utf-8"))
        print(f"fetch summary: {changed.summary()}")
        return [
            figure(
                f"fetch a changed {size / 1024:.0f} KB page: new version + 1,000 highlights re-anchored",
                fetch_times,
                f"bare httpx GET of the page: {min(get_times) * 1000:.1f} ms",
            )
        ]
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="runs per figure (best and median are reported)")
    parser.add_argument("--naive-1mb", action="store_true", help="also time the whole-text word diff on 1 MB (minutes)")
    args = parser.parse_args()
    report(measure_diffs(args.runs, args.naive_1mb) + measure_fetch(args.runs))


if __name__ == "__main__":
    main()
