"""Extraction throughput on 1 MB and 10 MB, linearity (in text size and in distinct people), and the
ratio to spaCy + textacy.

    python3 benchmarks/bench_extraction.py [--spacy-model en_core_web_sm] [--repeat 3]

The same measurement as ``extraction_speed.py`` (which prints it at length), as figures for
``run.py``. The spaCy ratio is measured in this run when spaCy, textacy and the pipeline are
installed (they are never dependencies of Annotator); otherwise the figure is against the
reference throughput measured on this machine class, and says so.
"""

from __future__ import annotations

from pathlib import Path

from annotator.core.article import Article
from annotator.core.extraction import extract
from extraction_speed import REFERENCE_SPACY_CHARS_PER_S, extraction_parser, time_extract, time_spacy
from figures import Figure, report
from texts import many_people_text, news_text

SPEED_UP_GOAL = 50.0
LINEARITY_LIMIT = 10.5  # 10x the text in at most ~10x the time (the last digit is noise on a shared machine)


def main() -> None:
    args = extraction_parser(__doc__).parse_args()

    small, large = news_text(1_000_000), news_text(10_000_000)
    extract(Article(source=Path("warm.txt"), text=small[:20_000]))  # load the lexicon outside the timing
    seconds = {}
    for label, text in (("1 MB", small), ("10 MB", large)):
        seconds[label] = min(time_extract(text)[0] for _ in range(args.repeat))
    ours = len(small) / seconds["1 MB"]
    sample = small[: args.spacy_chars]
    spacy_seconds = time_spacy(sample, args.spacy_model)
    theirs = len(sample) / spacy_seconds if spacy_seconds else REFERENCE_SPACY_CHARS_PER_S
    source = f"spaCy {args.spacy_model} + textacy measured in this run" if spacy_seconds else (
        "spaCy + textacy not installed here: the reference figure of this machine class"
    )
    crowd = {n: many_people_text(n) for n in (10_000, 100_000)}
    crowd_seconds = {n: min(time_extract(text)[0] for _ in range(args.repeat)) for n, text in crowd.items()}
    news_same_size = time_extract(news_text(len(crowd[100_000])))[0]
    report(
        [
            Figure("extraction", "100,000 / 10,000 distinct people: time ratio (linear = 10)",
                   crowd_seconds[100_000] / crowd_seconds[10_000], "x", LINEARITY_LIMIT,
                   comparison=f"10,000 people {crowd_seconds[10_000]:.2f} s, 100,000 people "
                   f"{crowd_seconds[100_000]:.2f} s ({len(crowd[100_000]):,} chars); ordinary news of that size "
                   f"{news_same_size:.2f} s"),
            Figure("extraction", "throughput, 1 MB article", ours, "chars/s"),
            Figure("extraction", "throughput, 10 MB article", len(large) / seconds["10 MB"], "chars/s"),
            Figure("extraction", "10 MB time / 1 MB time (linear = 10)", seconds["10 MB"] / seconds["1 MB"], "x",
                   LINEARITY_LIMIT),
            Figure("extraction", "speed-up over spaCy + textacy", ours / theirs, "x", SPEED_UP_GOAL,
                   lower_is_better=False, comparison=f"{source}: {theirs:,.0f} chars/s"),
        ]
    )


if __name__ == "__main__":
    main()
