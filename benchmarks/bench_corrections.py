"""What do the reader's corrections cost on a long article?

    python3 benchmarks/bench_corrections.py [--chars N] [--corrections N] [--runs N]

Builds a long news article (default ~1 MB) from the bundled sample and the test fixtures,
extracts it once, then makes ``--corrections`` corrections spread over it (speakers, kinds,
not-a-quote, roles, renames, not-a-person, in turn) and times, best of ``--runs``:

- apply: ``apply_corrections(extraction, corrections, text)``, the step every reader of the
  result runs after extraction. Compared with extraction itself (the step it follows) and
  with applying no correction at all (the copy of the extraction alone, the floor).
- after one more correction in the window: applying all of them again (what the window does
  after each edit), the same figure with one more correction.
- re-anchoring all corrections after a paragraph inserted near the top (the article changed),
  compared with re-anchoring as many highlights.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from figures import Figure, report
from texts import news_text

from annotator.core.annotations.model import Annotation
from annotator.core.annotations.reanchor import reanchor
from annotator.core.article import Article
from annotator.core.corrections import Anchor, Correction, apply_corrections, reanchor_corrections
from annotator.core.extraction import extract

AREA = "corrections"


def best(function, runs: int) -> float:
    times = []
    for _ in range(runs):
        began = time.perf_counter()
        function()
        times.append(time.perf_counter() - began)
    return min(times)


def make_corrections(text: str, extraction, count: int) -> list[Correction]:
    quotes, people = extraction.quotes, [p for p in extraction.people if p.mentions]
    made: list[Correction] = []
    n = 0
    while len(made) < count and (quotes or people):
        if n % 2 == 0 and quotes:
            quote = quotes[(n * 7919) % len(quotes)]
            anchor = Anchor.over(text, quote.start, quote.end)
            kind = n // 2 % 3
            if kind == 0:
                made.append(Correction.new("quote.speaker", anchor, value=people[n % len(people)].name if people else "a source"))
            elif kind == 1:
                made.append(Correction.new("quote.kind", anchor, value="scare" if quote.kind != "scare" else "direct"))
            else:
                made.append(Correction.new("quote.not_quote", anchor))
        elif people:
            person = people[(n * 104729) % len(people)]
            mention = person.mentions[0]
            anchor = Anchor.over(text, mention.start, mention.end)
            kind = n // 2 % 3
            operation = ("person.role", "person.rename", "person.not_person")[kind]
            value = {"person.role": "spokesperson", "person.rename": person.name + " Jr"}.get(operation)
            made.append(Correction.new(operation, anchor, value=value))
        n += 1
    return made


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chars", type=int, default=1_000_000)
    parser.add_argument("--corrections", type=int, default=200)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    text = news_text(args.chars)
    article = Article(source=Path("long.txt"), text=text)
    began = time.perf_counter()
    extraction = extract(article)
    extract_seconds = time.perf_counter() - began
    corrections = make_corrections(text, extraction, args.corrections)
    count = len(corrections)

    apply_all = best(lambda: apply_corrections(extraction, corrections, text), args.runs)
    apply_none = best(lambda: apply_corrections(extraction, [], text), args.runs)
    applied = apply_corrections(extraction, corrections, text)
    statuses = {s: sum(r.status == s for r in applied.results) for s in ("applied", "stale", "orphan")}
    one_more = corrections + make_corrections(text, applied, 1)
    apply_one_more = best(lambda: apply_corrections(extraction, one_more, text), args.runs)

    insert_at = text.index("\n\n", 2000) + 2
    edited = text[:insert_at] + "An editor's note added after publication.\n\n" + text[insert_at:]
    reanchor_seconds = best(lambda: reanchor_corrections(edited, corrections, len(text)), args.runs)
    highlights = [Annotation.create(text, c.anchor.start, c.anchor.end, "Claim") for c in corrections]
    reanchor_highlights = best(lambda: reanchor(edited, highlights, len(text)), args.runs)

    size = f"{len(text) / 1_000_000:.1f} MB, {len(extraction.quotes):,} quotes, {len(extraction.people):,} people"
    print(f"article: {size}; {count} corrections: {statuses}")
    report([
        Figure(AREA, f"apply {count} corrections ({size})", apply_all * 1000, "ms", None, True,
               f"extraction itself: {extract_seconds * 1000:,.0f} ms; no correction (copy only): {apply_none * 1000:.0f} ms"),
        Figure(AREA, f"apply again after one more ({count + 1})", apply_one_more * 1000, "ms", 100, True,
               "what the window does after each correction"),
        Figure(AREA, f"re-anchor {count} corrections after an edit near the top", reanchor_seconds * 1000, "ms", None, True,
               f"{count} highlights over the same words: {reanchor_highlights * 1000:.1f} ms"),
    ])  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
