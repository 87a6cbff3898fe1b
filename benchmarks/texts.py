"""Long news articles for the benchmarks, built from the bundled sample and our own test fixtures.

Each copy has one person renamed and its paragraphs rotated, so no two copies are identical and
the extractor cannot profit from repetition; copies are joined by blank lines into one article,
the way a very long live blog or a document dump reaches a reader.
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "core" / "fixtures" / "extraction"
ARTICLE_BREAK = "\n\n\n"

# Substitute names so copies differ (given name, family name pairs from many cultures).
RENAMES = [
    ("Amara", "Okafor"), ("Lars", "Henriksen"), ("Mei", "Tanaka"), ("Jorge", "Valdez"), ("Fatima", "Haddad"),
    ("Ivan", "Petrenko"), ("Sofia", "Marino"), ("Kwame", "Boateng"), ("Ingrid", "Solberg"), ("Arjun", "Mehta"),
]  # fmt: skip


def source_articles() -> list[str]:
    texts = []
    try:
        from annotator.core.resources import sample_article_path

        texts.append(sample_article_path().read_text(encoding="utf-8"))
    except (ImportError, OSError):
        pass
    texts.extend(p.read_text(encoding="utf-8") for p in sorted(FIXTURES.glob("*.txt")))
    return texts


def varied_copy(text: str, n: int) -> str:
    """The n-th variant of an article: one person renamed, paragraphs rotated past the headline."""
    given, family = RENAMES[n % len(RENAMES)]
    for old_given, old_family in (("Kirill", "Budanov"), ("Agnieszka", "Kowalczyk"), ("Marisol", "Ortega")):
        text = text.replace(old_given, given).replace(old_family, f"{family}{n % 7 or ''}")
    paragraphs = text.split("\n\n")
    if len(paragraphs) > 3:
        k = 1 + n % (len(paragraphs) - 2)
        paragraphs = paragraphs[:1] + paragraphs[k:] + paragraphs[1:k]
    return "\n\n".join(paragraphs)


def build_text(target_chars: int, articles: list[str]) -> str:
    parts: list[str] = []
    size = n = 0
    while size < target_chars:
        part = varied_copy(articles[n % len(articles)], n)
        parts.append(part)
        size += len(part) + len(ARTICLE_BREAK)
        n += 1
    return ARTICLE_BREAK.join(parts)[:target_chars]




def news_text(target_chars: int) -> str:
    """About ``target_chars`` characters of varied news text."""
    return build_text(target_chars, source_articles())


def write_article(folder: Path, target_chars: int, name: str | None = None) -> Path:
    """A plain-text article of about ``target_chars`` characters in ``folder``."""
    path = folder / (name or f"article_{target_chars}.txt")
    path.write_text(news_text(target_chars), encoding="utf-8")
    return path


def scratch_folder() -> Path:
    """A fresh temporary folder for articles and sidecars made during a run, removed at exit."""
    folder = Path(tempfile.mkdtemp(prefix="annotator-bench-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    return folder


_SYLLABLES = ("ka", "lo", "mi", "ren", "to", "sa", "vik", "dor", "an", "bel", "gu", "ner", "pol", "tis", "har", "mun")


def _made_up_word(n: int, length: int) -> str:
    """The n-th word of ``length`` syllables (distinct for distinct n below 16**length)."""
    parts = []
    for _ in range(length):
        n, k = divmod(n, len(_SYLLABLES))
        parts.append(_SYLLABLES[k])
    return "".join(parts).capitalize()


def many_people_text(people: int) -> str:
    """A results service or a roll of names: ``people`` distinct people, each named once and
    then by family name, who share given and family names the way real crowds do (about
    sqrt(people) of each, every pairing used), so that one family name has many bearers."""
    side = int(people**0.5) + 1
    given = [_made_up_word(i, 2) for i in range(side)]
    family = [_made_up_word(i, 3) for i in range(side)]
    sentences = []
    for n in range(people):
        g, f = given[n % side], family[n // side]
        sentences.append(f"{g} {f} said no.")
        sentences.append("\n\n" if n % 5 == 4 else " ")
    return "".join(sentences)
