"""Share of voice against a hand count, and the collection's tables read back with csv and pyarrow."""

from __future__ import annotations

import csv

import pytest

from annotator.core.library import UNATTRIBUTED, index_folder, open_library, share_of_voice
from annotator.core.library.tables import export_tables
from tests.core.library_support import QUOTED_WORDS, QUOTES, build_collection


@pytest.fixture(scope="module")
def library(tmp_path_factory):
    folder = build_collection(tmp_path_factory.mktemp("voice") / "desk")
    index_folder(folder)
    with open_library(folder) as opened:
        yield opened


def test_share_of_voice_per_speaker_matches_the_hand_count(library):
    rows = share_of_voice(library)
    table = [(row.name, row.quotes, row.words, row.articles, row.outlets, row.roles) for row in rows]
    assert table == [
        ("Ruth Alder", 2, 15, 2, ["Lowmoor Gazette"], ["mayor of Lowmoor"]),
        ("Kofi Mensah", 1, 11, 1, ["Lowmoor Gazette"], []),
        ("a resident", 1, 8, 1, [], []),
        ("Ines Caldwell", 1, 7, 1, ["Lowmoor Echo"], []),
        ("Tom Briggs", 1, 4, 1, [], []),
        (UNATTRIBUTED, 1, 4, 1, ["Lowmoor Gazette"], []),
    ]
    assert sum(row.quotes for row in rows) == QUOTES and sum(row.words for row in rows) == QUOTED_WORDS
    alder = rows[0]
    assert alder.quote_share == pytest.approx(2 / 7) and alder.word_share == pytest.approx(15 / 49)
    assert sum(row.quote_share for row in rows) == pytest.approx(1.0)
    assert rows[-1].unattributed and rows[-1].to_json()["quote_share"] == round(1 / 7, 4)


def test_share_of_voice_per_outlet_and_per_role(library):
    outlets = {row.name: (row.quotes, row.words, row.speakers) for row in share_of_voice(library, by="outlet")}
    assert outlets == {"Lowmoor Gazette": (3, 22, 2), "(unknown outlet)": (3, 20, 3), "Lowmoor Echo": (1, 7, 1)}
    roles = {row.name: row.quotes for row in share_of_voice(library, by="role")}
    assert roles == {"mayor of Lowmoor": 2, "(no role)": 4, UNATTRIBUTED: 1}
    with pytest.raises(ValueError):
        share_of_voice(library, by="gender")


def test_csv_tables_read_back(library, tmp_path):
    written = export_tables(library, tmp_path / "tables", "csv")
    assert sorted(path.name for path in written) == ["annotations.csv", "articles.csv", "people.csv", "quotes.csv"]
    with open(tmp_path / "tables" / "quotes.csv", encoding="utf-8", newline="") as handle:
        quotes = list(csv.DictReader(handle))
    assert len(quotes) == QUOTES
    briggs = next(row for row in quotes if row["speaker"] == "Tom Briggs")
    text = library.article_path(briggs["path"]).read_text(encoding="utf-8")
    assert text[int(briggs["start"]):int(briggs["end"])] == briggs["text"] == "“Nobody asked the boats,”"
    with open(tmp_path / "tables" / "annotations.csv", encoding="utf-8", newline="") as handle:
        annotations = list(csv.DictReader(handle))
    claim = next(row for row in annotations if row["text"] == "waited ten years")
    assert (claim["tags"], claim["verdict"], claim["speaker"]) == ("promise; harbour", "Mostly false", "Ruth Alder")
    assert not (tmp_path / "tables" / "quotes.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    assert list((tmp_path / "tables").glob("*.part")) == []


def test_parquet_tables_read_back_with_types(library, tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    export_tables(library, tmp_path / "tables", "parquet")
    articles = pq.read_table(tmp_path / "tables" / "articles.parquet").to_pylist()
    assert [(row["path"], row["quotes"], row["annotations"]) for row in articles] == [
        ("harbour.txt", 3, 2), ("news/bridge.md", 3, 0), ("news/ferry.html", 1, 1)
    ]
    quotes = pq.read_table(tmp_path / "tables" / "quotes.parquet")
    assert str(quotes.schema.field("start").type) == "int64"
    assert sum(quotes.column("words").to_pylist()) == QUOTED_WORDS
    people = pq.read_table(tmp_path / "tables" / "people.parquet").to_pylist()
    assert {row["name"] for row in people} == {"Ruth Alder", "Tom Briggs", "Kofi Mensah", "Ines Caldwell"}
    annotations = pq.read_table(tmp_path / "tables" / "annotations.parquet").to_pylist()
    assert sorted(row["label"] for row in annotations) == ["Claim", "Claim", "Evidence"]
    assert all(row["start"] is not None for row in annotations)


def test_article_overview_counts_per_article(library):
    from annotator.core.library.overview import article_overview

    rows = {row.path: row for row in article_overview(library)}
    harbour = rows["harbour.txt"]
    assert (harbour.quotes, harbour.people, harbour.annotations) == (3, 2, 2)  # By Jane Doe: a credit
    assert harbour.verdict_text == "Mostly false 1"
    assert rows["news/ferry.html"].verdicts == {"Unverifiable": 1}
    assert rows["news/bridge.md"].verdict_text == "" and rows["news/bridge.md"].outlet == "Lowmoor Gazette"
