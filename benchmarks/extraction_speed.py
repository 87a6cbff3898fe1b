"""How fast is the default extractor, is it linear, and how does it compare with spaCy + textacy?

    python3 benchmarks/extraction_speed.py [--spacy-model en_core_web_sm] [--spacy-chars N]

Builds about 1 MB and 10 MB of news text from the bundled sample article and the extraction test
fixtures, each copy with its people renamed and its paragraphs rotated so that no two copies are
identical, then times ``extract()`` on each as one article and prints characters per second and
the 10 MB / 1 MB time ratio (linear time means about 10).

When spaCy, textacy and an English pipeline are importable, it also runs the usual alternative
(``nlp`` with ``en_core_web_sm`` + ``textacy.extract.triples.direct_quotations``) on the first
``--spacy-chars`` characters of the same text, article by article, in the same run, and prints the
throughput ratio. They are never project dependencies; without them it says so and prints the
reference figure measured on this machine class (about 28,000 characters per second).
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from annotator.core.article import Article
from annotator.core.extraction import extract
from texts import ARTICLE_BREAK, build_text, source_articles

REFERENCE_SPACY_CHARS_PER_S = 28_000


def time_extract(text: str) -> tuple[float, int, int]:
    article = Article(source=Path("benchmark.txt"), text=text)
    began = time.perf_counter()
    result = extract(article)
    return time.perf_counter() - began, len(result.quotes), len(result.people)


def time_spacy(text: str, model: str) -> float | None:
    try:
        import spacy
        from textacy.extract.triples import direct_quotations
    except ImportError as error:
        print(f"spaCy/textacy not importable ({error.name}); reference figure: ~{REFERENCE_SPACY_CHARS_PER_S:,} chars/s")
        return None
    try:
        nlp = spacy.load(model)
    except OSError:
        print(f"spaCy pipeline {model!r} not installed; reference figure: ~{REFERENCE_SPACY_CHARS_PER_S:,} chars/s")
        return None
    articles = [a for a in text.split(ARTICLE_BREAK) if a.strip()]
    began = time.perf_counter()
    quotes = gave_up = 0
    for doc in nlp.pipe(articles, batch_size=8):
        try:
            quotes += sum(1 for _ in direct_quotations(doc))
        except ValueError:  # textacy refuses a whole article with an odd number of quotation marks
            gave_up += 1
    seconds = time.perf_counter() - began
    print(
        f"spaCy {model} + textacy: {len(text):>12,} chars  {seconds:8.2f} s  {len(text) / seconds:>12,.0f} chars/s  "
        f"({quotes} quotes; gave up on {gave_up} of {len(articles)} articles)"
    )
    return seconds


def extraction_parser(description: str) -> argparse.ArgumentParser:
    """The options of both extraction benchmarks (this one and ``bench_extraction.py``)."""
    parser = argparse.ArgumentParser(description=description, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--spacy-model", default="en_core_web_sm")
    parser.add_argument("--spacy-chars", type=int, default=200_000, help="characters given to spaCy (it is slow)")
    parser.add_argument("--repeat", type=int, default=3, help="best of N runs for the default extractor")
    return parser


def main() -> None:
    args = extraction_parser(__doc__).parse_args()

    articles = source_articles()
    small = build_text(1_000_000, articles)
    large = build_text(10_000_000, articles)
    extract(Article(source=Path("warm.txt"), text=small[:20_000]))  # load the lexicon outside the timing

    timings = {}
    for label, text in (("1 MB", small), ("10 MB", large)):
        seconds, quotes, people = min(time_extract(text) for _ in range(args.repeat))
        timings[label] = seconds
        print(
            f"annotator default {label:>5}: {len(text):>12,} chars  {seconds:8.2f} s  "
            f"{len(text) / seconds:>12,.0f} chars/s  ({quotes} quotes, {people} people)"
        )
    print(f"linearity: 10 MB took {timings['10 MB'] / timings['1 MB']:.1f}x the time of 1 MB (limit 10x)")

    ours = len(small) / timings["1 MB"]
    sample = small[: args.spacy_chars]
    spacy_seconds = time_spacy(sample, args.spacy_model)
    theirs = len(sample) / spacy_seconds if spacy_seconds else REFERENCE_SPACY_CHARS_PER_S
    source = "measured in this run" if spacy_seconds else "reference figure"
    print(f"speed-up over spaCy + textacy ({source}): {ours / theirs:.0f}x (goal: 50x)")


if __name__ == "__main__":
    main()
