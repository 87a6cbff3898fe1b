"""HTML reading: word F1 and time per page, three extractors combined against trafilatura alone.

    python3 benchmarks/html_reading.py [BENCH_DIR] [--repeat 1]

BENCH_DIR has the layout of the public article-extraction benchmark (``html/<id>.html[.gz]``
and ``ground-truth.json`` with each page's human-marked ``articleBody``); the default is the
development third kept beside the project. Pages are measured, never copied. For each page:
the time to read it (``read_article``) and the time of each extractor alone, and the word F1
of the reader's text and of trafilatura's default text (led by the page title, as the reader
leads with the headline) against the article body.
"""

from __future__ import annotations

import argparse
import collections
import gzip
import json
import re
import statistics
import tempfile
import time
from pathlib import Path

import trafilatura

from annotator.core.readers import read_article
from annotator.core.readers.decoding import decode_bytes
from annotator.core.readers.html_extractors import justext_text, readability_summary

DEFAULT_BENCH = Path(__file__).resolve().parents[1] / ".." / ".." / "shared" / "corpus" / "html_dev"
_WORD = re.compile(r"\w+")


def word_f1(text: str, gold: str) -> float:
    ours, theirs = collections.Counter(_WORD.findall(text.lower())), collections.Counter(_WORD.findall(gold.lower()))
    common = sum((ours & theirs).values())
    if not common:
        return 0.0
    precision, recall = common / sum(ours.values()), common / sum(theirs.values())
    return 2 * precision * recall / (precision + recall)


def trafilatura_alone(html: str) -> str:
    document = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False, include_tables=True)
    if not document:
        return ""
    document = document if isinstance(document, dict) else document.as_dict()
    return f"{document.get('title') or ''}\n{document.get('text') or ''}"


def timed(function, *args):
    start = time.perf_counter()
    result = function(*args)
    return result, time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("bench", nargs="?", type=Path, default=DEFAULT_BENCH)
    args = parser.parse_args()
    truth = json.loads((args.bench / "ground-truth.json").read_text(encoding="utf-8"))
    seconds: dict[str, list[float]] = collections.defaultdict(list)
    scores: dict[str, list[float]] = collections.defaultdict(list)
    with tempfile.TemporaryDirectory() as folder:
        for page in sorted(args.bench.glob("html/*.html*")):
            key = page.name.split(".")[0]
            if key not in truth:
                continue
            raw = gzip.decompress(page.read_bytes()) if page.suffix == ".gz" else page.read_bytes()
            path = Path(folder) / f"{key}.html"
            path.write_bytes(raw)
            html = decode_bytes(raw).text
            gold = truth[key]["articleBody"]
            article, elapsed = timed(read_article, path)
            seconds["reader (three extractors)"].append(elapsed)
            scores["reader (three extractors)"].append(word_f1(article.text, gold))
            text, elapsed = timed(trafilatura_alone, html)
            seconds["trafilatura alone"].append(elapsed)
            scores["trafilatura alone"].append(word_f1(text, gold))
            seconds["readability-lxml alone"].append(timed(readability_summary, html)[1])
            seconds["jusText alone"].append(timed(justext_text, html)[1])
    pages = len(seconds["trafilatura alone"])
    print(f"HTML reading on {pages} pages of {args.bench}")
    for name, values in seconds.items():
        f1 = f"  word F1 {statistics.fmean(scores[name]):.3f}" if name in scores else ""
        print(f"  {name:26} {1000 * statistics.fmean(values):6.0f} ms/page mean, "
              f"{1000 * statistics.median(values):5.0f} median, {1000 * max(values):5.0f} max{f1}")


if __name__ == "__main__":
    main()
