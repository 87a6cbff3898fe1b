"""A small corpus for batch tests, written from the bundled sample and our own fixtures.

Each copy renames people and rotates paragraphs (as the benchmarks do), so copies differ in
content and each gets a partition key of its own.
"""

from __future__ import annotations

import json
from pathlib import Path

from annotator.cli.extract_command import article_record
from annotator.core.readers import read_article
from annotator.core.resources import sample_article_path

HERE = Path(__file__).resolve().parent
READER_FIXTURES = HERE / "fixtures" / "readers"
EXTRACTION_FIXTURES = HERE / "fixtures" / "extraction"
NAMES = ["Okafor", "Henriksen", "Tanaka", "Valdez", "Haddad", "Petrenko", "Marino", "Boateng", "Solberg", "Mehta"]

RECORDS = [
    {"id": "wire-1", "text": "Harbour deal agreed\n\n“We will rebuild the wall by spring,” said Mayor Jo Bright.\n",
     "title": "Harbour deal agreed", "outlet": "Coast Gazette", "date": "2026-03-02", "url": "https://example.org/1"},
    {"id": 17, "text": "Ferry times change\n\n‘We apologise,’ said Maria Okafor, a spokeswoman.\n"},
]  # fmt: skip


def source_texts() -> list[str]:
    texts = [sample_article_path().read_text(encoding="utf-8")]
    texts += [p.read_text(encoding="utf-8") for p in sorted(EXTRACTION_FIXTURES.glob("*.txt"))]
    return texts


def varied(text: str, n: int) -> str:
    """The n-th variant of ``text``: a family name swapped in and the paragraphs after the first rotated."""
    for old in ("Whitfield", "Haslam", "Raman"):
        text = text.replace(old, NAMES[n % len(NAMES)] + ("" if n < len(NAMES) else str(n)))
    paragraphs = text.split("\n\n")
    if len(paragraphs) > 3:
        k = 1 + n % (len(paragraphs) - 2)
        paragraphs = paragraphs[:1] + paragraphs[k:] + paragraphs[1:k]
    return "\n\n".join(paragraphs)


def write_corpus(folder: Path, copies: int) -> list[Path]:
    """``copies`` plain-text articles in ``folder`` (two levels deep), returned in sorted order."""
    texts = source_texts()
    paths = []
    for n in range(copies):
        path = folder / f"set{n % 3}" / f"story{n:04d}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(varied(texts[n % len(texts)], n), encoding="utf-8")
        paths.append(path)
    return sorted(paths)


def write_mixed_corpus(folder: Path) -> dict[str, Path]:
    """Text, Markdown and HTML articles, a binary file, a JSON Lines file with a bad line, a sidecar."""
    folder.mkdir(parents=True, exist_ok=True)
    write_corpus(folder / "text", 4)
    (folder / "pages").mkdir()
    (folder / "pages" / "page.html").write_bytes((READER_FIXTURES / "page.html").read_bytes())
    (folder / "pages" / "article.md").write_bytes((READER_FIXTURES / "article.md").read_bytes())
    bad = folder / "pages" / "scan.txt"
    bad.write_bytes(b"%PDF-1.7\n\x00\x01\x02 not an article")
    (folder / "pages" / "page.html.annotations.json").write_text("{}", encoding="utf-8")
    records = folder / "feed.jsonl"
    lines = [json.dumps(RECORDS[0], ensure_ascii=False), "", "{this is not json", json.dumps(RECORDS[1])]
    records.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return {"bad": bad, "records": records}


def extract_quotes(path: Path) -> list[dict]:
    """The quotes ``annotator extract`` gives for the file, as rows of the ``quotes`` table."""
    record = article_record(read_article(path))
    return [
        {
            "quote_id": q["id"], "start": q["start"], "end": q["end"], "text": q["text"], "kind": q["kind"],
            "speaker": q["speaker"], "speaker_id": q["speaker_id"], "cue": q["cue"]["text"] if q["cue"] else None,
        }
        for q in record["quotes"]
    ]


QUOTE_COLUMNS = ("quote_id", "start", "end", "text", "kind", "speaker", "speaker_id", "cue")


def table_quotes(rows: list[dict], article_id: str) -> list[dict]:
    """The rows of one article in a ``quotes`` table, in text order, with the columns ``extract_quotes`` has."""
    mine = sorted((r for r in rows if r["article_id"] == article_id), key=lambda r: (r["start"], r["end"]))
    return [{column: row[column] for column in QUOTE_COLUMNS} for row in mine]
