"""How fast is a collection indexed, brought up to date and searched?

    python3 benchmarks/bench_library.py [--articles 1000] [--search-articles 10000] [--extract-sample 40]

Builds a folder of news articles (about 5 KB each, ~5 MB per 1,000) from the bundled sample
and the test fixtures — each one a different mix of source paragraphs with people renamed,
under varied names and sub-folders; 80 % plain text, 10 % Markdown with front matter, 10 %
HTML; one in twenty with a sidecar of three annotations — then measures:

- indexing the folder from cold (``index_folder``: worker processes, one per CPU), compared
  with what a script does without the library: ``annotator extract`` run once per file
  (a process per file). That alternative is timed on ``--extract-sample`` files spread over
  the folder, in the same run, and scaled to the whole folder (the per-file cost is flat);
- re-indexing after one article changed (its file rewritten), and after nothing changed;
- searching a collection of ``--search-articles`` articles (indexed in the same run; that
  cold index time is printed too): a two-word query in every scope, a phrase in the text,
  a speaker's quotes, annotations with a verdict. Median of 15 runs each, on a warm index,
  as a reader searching again would have it.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from annotator.core.annotations import AddAnnotation, AnnotationStore
from annotator.core.library import SearchFilters, index_folder, open_library, search
from annotator.core.readers import read_article
from figures import Figure, report
from texts import RENAMES, scratch_folder, source_articles, varied_copy

AREA = "library"
ARTICLE_CHARS = 5_000
DESKS = ("politics", "local", "business", "climate", "courts", "health", "transport", "culture")
SLUGS = ("council-vote", "flood-wall", "harbour-plan", "budget-row", "school-closure", "rail-strike",
         "court-ruling", "hospital-wait", "ferry-fares", "bridge-repairs")


def article_text(k: int, sources: list[str]) -> str:
    """The k-th article: source articles varied and joined to about ARTICLE_CHARS characters."""
    parts: list[str] = []
    size = j = 0
    while size < ARTICLE_CHARS:
        part = varied_copy(sources[(k + j) % len(sources)], k * 7 + j)
        parts.append(part)
        size += len(part) + 2
        j += 1
    text = "\n\n".join(parts)
    cut = text.rfind("\n\n", 0, ARTICLE_CHARS + 500)
    return text[:cut] if cut > ARTICLE_CHARS // 2 else text


def write_collection(folder: Path, count: int, *, sidecars: bool = True) -> list[Path]:
    sources = source_articles()
    paths = []
    for k in range(count):
        desk = folder / DESKS[k % len(DESKS)] / f"2026-{1 + k % 12:02d}"
        desk.mkdir(parents=True, exist_ok=True)
        stem = f"{SLUGS[k % len(SLUGS)]}-{RENAMES[k % len(RENAMES)][1].lower()}-{k:05d}"
        text = article_text(k, sources)
        if k % 10 == 8:
            path = desk / f"{stem}.md"
            title = text.split("\n", 1)[0]
            path.write_text(f"---\ntitle: {title}\nsite: Lowmoor Gazette\ndate: 2026-03-{1 + k % 28:02d}\n---\n\n"
                            f"# {title}\n\n{text.split(chr(10), 1)[1]}", encoding="utf-8")
        elif k % 10 == 9:
            path = desk / f"{stem}.html"
            body = "".join(f"<p>{paragraph}</p>\n" for paragraph in text.split("\n\n")[1:])
            path.write_text(f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{text.split(chr(10), 1)[0]}"
                            f"</title><meta property='og:site_name' content='Lowmoor Echo'></head><body><article>"
                            f"<h1>{text.split(chr(10), 1)[0]}</h1>\n{body}</article></body></html>", encoding="utf-8")
        else:
            path = desk / f"{stem}.txt"
            path.write_text(text, encoding="utf-8")
        if sidecars and k % 20 == 0:
            annotate(path)
        paths.append(path)
    return paths


def annotate(path: Path) -> None:
    store = AnnotationStore.open(read_article(path))
    text = store.annotations.text
    for n, (label, verdict) in enumerate((("Claim", "False"), ("Evidence", None), ("Claim", "Mostly true"))):
        start = len(text) * (n + 1) // 5
        end = min(len(text), start + 40)
        fields = {"tags": ["checked"], "note": f"Checked against the minutes, item {n}."}
        if verdict:
            fields["verdict"] = verdict
        store.annotations.apply(AddAnnotation.new(store.annotations, start, end, label, **fields))
    store.save()


def folder_bytes(paths: list[Path]) -> int:
    return sum(path.stat().st_size for path in paths)


def extract_per_file(paths: list[Path], sample: int) -> float:
    """Seconds per file for ``annotator extract FILE`` in a process of its own."""
    chosen = paths[:: max(1, len(paths) // sample)][:sample]
    began = time.perf_counter()
    for path in chosen:
        subprocess.run([sys.executable, "-m", "annotator", "extract", "--format", "json", str(path)],
                       check=True, stdout=subprocess.DEVNULL)
    return (time.perf_counter() - began) / len(chosen)


def median_ms(run, repeat: int = 15) -> float:
    run()  # warm the page cache and the connection, as a reader searching again has it
    times = []
    for _ in range(repeat):
        began = time.perf_counter()
        run()
        times.append(time.perf_counter() - began)
    return statistics.median(times) * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--search-articles", type=int, default=10_000)
    parser.add_argument("--extract-sample", type=int, default=40)
    args = parser.parse_args()
    figures: list[Figure] = []
    cpus = os.cpu_count() or 1

    folder = scratch_folder() / "collection"
    paths = write_collection(folder, args.articles)
    megabytes = folder_bytes(paths) / 1e6
    began = time.perf_counter()
    cold = index_folder(folder)
    cold_seconds = time.perf_counter() - began
    per_file = extract_per_file(paths, args.extract_sample)
    extract_seconds = per_file * len(paths)
    print(f"# {len(paths):,} articles, {megabytes:.1f} MB: {cold.totals}; {cpus} CPUs; failures {cold.new_failures[:3]}")
    figures.append(Figure(AREA, f"index {len(paths):,} articles ({megabytes:.1f} MB), cold", cold_seconds, "s",
                          comparison=f"annotator extract per file: {extract_seconds:.1f} s "
                                     f"({per_file * 1000:.0f} ms x {len(paths):,}, timed on {args.extract_sample})"))
    figures.append(Figure(AREA, "index cold vs extract per file", extract_seconds / cold_seconds, "x", goal=10,
                          lower_is_better=False))

    changed = paths[len(paths) // 2]
    changed.write_text(changed.read_text(encoding="utf-8") + "\n\n“One more line,” said Ada Pike.\n", encoding="utf-8")
    began = time.perf_counter()
    again = index_folder(folder)
    figures.append(Figure(AREA, "re-index after one article changed", time.perf_counter() - began, "s", goal=1.0,
                          comparison=f"{again.read} read, {again.unchanged:,} unchanged"))
    began = time.perf_counter()
    index_folder(folder)
    figures.append(Figure(AREA, "re-index with nothing changed", time.perf_counter() - began, "s"))

    big = scratch_folder() / "big"
    big_paths = write_collection(big, args.search_articles)
    began = time.perf_counter()
    big_report = index_folder(big)
    big_seconds = time.perf_counter() - began
    print(f"# {len(big_paths):,} articles, {folder_bytes(big_paths) / 1e6:.0f} MB indexed in {big_seconds:.1f} s: "
          f"{big_report.totals}")
    figures.append(Figure(AREA, f"index {len(big_paths):,} articles, cold", big_seconds, "s"))
    queries = {
        "two words, every scope": lambda lib: search(lib, "council wall", scope="all"),
        "phrase in the text": lambda lib: search(lib, '"flood wall"', scope="text"),
        "a speaker's quotes": lambda lib: search(lib, "", scope="quotes", filters=SearchFilters(speaker="Okafor")),
        "a word in one speaker's quotes": lambda lib: search(lib, "council", scope="quotes",
                                                             filters=SearchFilters(speaker="Okafor")),
        "annotations with a verdict": lambda lib: search(lib, "", scope="annotations",
                                                         filters=SearchFilters(verdict="False")),
        "rare word, every scope, no limit": lambda lib: search(lib, "contractor*", scope="all", limit=None),
    }
    with open_library(big) as library:
        for name, query in queries.items():
            hits = len(query(library))
            ms = median_ms(lambda: query(library))
            goal = None if "no limit" in name else 50
            figures.append(Figure(AREA, f"search {len(big_paths):,}: {name} ({hits} hits)", ms, "ms", goal=goal))
    figures.append(_open_in_window(big, len(big_paths)))
    report(figures)
    return 0


def _open_in_window(folder: Path, articles: int) -> Figure:
    """File → Open Folder… on an indexed collection: seconds until the articles table lists them all."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from annotator.qt.library.library_panel import LibraryPanel

    app = QApplication.instance() or QApplication([])
    panel = LibraryPanel()
    panel.show()
    began = time.perf_counter()
    panel.open_folder(folder)
    while panel.articles_model.rowCount() < articles and time.perf_counter() - began < 120:
        app.processEvents()
    shown = time.perf_counter() - began
    panel.close_library()
    return Figure(AREA, f"open a library of {articles:,} articles: list shown", shown, "s", goal=1.0,
                  comparison="the indexing run that checks every file for changes goes on behind it")


if __name__ == "__main__":
    sys.exit(main())
