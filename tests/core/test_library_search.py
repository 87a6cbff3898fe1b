"""Library search: scopes, offsets, snippets and every filter, over the invented collection."""

from __future__ import annotations


import pytest

from annotator.core.library import SearchFilters, index_folder, open_library, search
from tests.core.library_support import build_collection


@pytest.fixture(scope="module")
def library(tmp_path_factory):
    folder = build_collection(tmp_path_factory.mktemp("search") / "desk")
    index_folder(folder)
    with open_library(folder) as opened:
        yield opened


def text_of(library, path: str) -> str:
    return library.article_path(path).read_text(encoding="utf-8")


def found(hits) -> list[tuple]:
    return [(hit.scope, hit.path, hit.match) for hit in hits]


def test_text_hits_carry_code_point_offsets_of_the_match(library):
    hits = search(library, "harbour", scope="text")
    assert [hit.path for hit in hits] == ["harbour.txt"] * 3 + ["news/bridge.md", "news/ferry.html"]
    for hit in hits:
        if hit.path == "harbour.txt":
            assert text_of(library, hit.path)[hit.start:hit.end] == "Harbour" if hit.start == 0 else "harbour"
    first = hits[0]
    assert (first.start, first.end, first.match) == (0, 7, "Harbour")
    assert first.snippet.startswith("[Harbour] plan approved")


def test_offsets_count_code_points_past_non_ascii_text(library):
    hit = search(library, "boats", scope="text")[0]
    text = text_of(library, "harbour.txt")
    assert text[hit.start:hit.end] == "boats"
    assert hit.start == text.index("boats")  # “ and ” before it are one code point each


def test_every_word_is_required_and_phrases_keep_their_order(library):
    both = search(library, "bridge lorries", scope="text")
    assert {hit.path for hit in both} == {"news/bridge.md"}
    assert {hit.match for hit in both} == {"Bridge", "bridge", "lorries"}
    assert search(library, '"lorries bridge"', scope="text") == []
    phrase = search(library, '"not safe for lorries"', scope="text")
    assert [hit.match for hit in phrase] == ["not safe for lorries"]


def test_prefixes_case_and_diacritics_are_folded(library):
    assert {hit.match for hit in search(library, "repair*", scope="text")} == {"repairs"}
    assert [hit.match for hit in search(library, "MENSAH", scope="quotes")] == []
    assert found(search(library, "stéél", scope="quotes")) == [("quotes", "news/bridge.md", "steel")]


def test_operators_in_a_pasted_query_are_words_not_syntax(library):
    hits = search(library, 'six-hour (meeting): NOT "council', scope="text")
    assert {hit.path for hit in hits} == {"harbour.txt"}  # NOT is a word there (in "not convinced")
    assert "six-hour" in {hit.match for hit in hits}


def test_quote_hits_span_the_quote_and_name_the_speaker(library):
    hits = search(library, "boats", scope="quotes")
    assert len(hits) == 1
    hit = hits[0]
    assert text_of(library, hit.path)[hit.start:hit.end] == "“Nobody asked the boats,”"
    assert hit.details["speaker"] == "Tom Briggs"
    assert hit.snippet == "“Nobody asked the [boats],”"


def test_annotation_hits_by_text_note_and_tag(library):
    by_text = search(library, "waited", scope="annotations")
    assert [(hit.match, hit.details["found_in"]) for hit in by_text] == [("waited", "text")]
    by_note = search(library, "minutes", scope="annotations")
    assert [(hit.details["found_in"], hit.details["label"]) for hit in by_note] == [("note", "Evidence")]
    assert by_note[0].snippet == "[Minutes] confirm the length."
    by_tag = search(library, "promise", scope="annotations")
    assert sorted(hit.path for hit in by_tag) == ["harbour.txt", "news/ferry.html"]
    hit = by_text[0]
    assert text_of(library, hit.path)[hit.start:hit.end] == "waited ten years"


def test_all_scopes_together_sorted_by_article_and_place(library):
    hits = search(library, "waited", scope="all")
    assert [(hit.scope, hit.path) for hit in hits] == [
        ("quotes", "harbour.txt"), ("annotations", "harbour.txt"), ("text", "harbour.txt")
    ]


def test_speaker_filter(library):
    quotes = search(library, "", scope="quotes", filters=SearchFilters(speaker="alder"))
    assert [hit.details["speaker"] for hit in quotes] == ["Ruth Alder", "Ruth Alder"]
    text = search(library, "council", scope="text", filters=SearchFilters(speaker="Mensah"))
    assert {hit.path for hit in text} == {"news/bridge.md"}
    annotations = search(library, "", scope="annotations", filters=SearchFilters(speaker="Ruth"))
    assert [hit.match for hit in annotations] == ["waited ten years"]
    assert search(library, "", scope="quotes", filters=SearchFilters(speaker="100%_x")) == []
    words = search(library, "lorries", scope="quotes", filters=SearchFilters(speaker="alder"))
    assert [(hit.details["speaker"], hit.match) for hit in words] == [("Ruth Alder", "lorries")]
    assert search(library, "lorries", scope="quotes", filters=SearchFilters(speaker="Mensah")) == []


def test_label_filter(library):
    hits = search(library, "", scope="annotations", filters=SearchFilters(label="claim"))
    assert sorted(hit.match for hit in hits) == ["two replacement boats by 2028", "waited ten years"]
    evidence_text = search(library, "meeting", scope="text", filters=SearchFilters(label="Evidence"))
    assert [hit.match for hit in evidence_text] == ["meeting"]  # the word inside the Evidence highlight
    assert search(library, "council", scope="text", filters=SearchFilters(label="Evidence")) == []


def test_tag_filter_matches_a_whole_tag_in_any_case(library):
    hits = search(library, "", scope="annotations", filters=SearchFilters(tag="PROMISE"))
    assert sorted(hit.path for hit in hits) == ["harbour.txt", "news/ferry.html"]
    assert search(library, "", scope="annotations", filters=SearchFilters(tag="prom")) == []


def test_verdict_filter_on_annotations_quotes_and_text(library):
    false_claims = search(library, "", scope="annotations", filters=SearchFilters(verdict="mostly false"))
    assert [hit.match for hit in false_claims] == ["waited ten years"]
    quotes = search(library, "", scope="quotes", filters=SearchFilters(verdict="Mostly false"))
    assert [hit.details["speaker"] for hit in quotes] == ["Ruth Alder"]  # the quote under the verdict
    text = search(library, "boats", scope="text", filters=SearchFilters(verdict="Unverifiable"))
    assert [(hit.path, hit.match) for hit in text] == [("news/ferry.html", "boats")]


def test_filters_combine(library):
    hits = search(library, "", scope="annotations", filters=SearchFilters(label="Claim", tag="promise", verdict="Unverifiable"))
    assert [hit.path for hit in hits] == ["news/ferry.html"]


def test_limit_and_no_match(library):
    assert len(search(library, "the", scope="text", limit=2)) == 2
    assert search(library, "zeppelin") == []
    assert search(library, "   ") == search(library, "", scope="all")
    with pytest.raises(ValueError):
        search(library, "x", scope="everywhere")


def test_json_form_of_a_hit(library):
    hit = search(library, "lorries", scope="quotes")[0]
    data = hit.to_json()
    assert data["in"] == "quotes" and data["path"] == "news/bridge.md"
    start, end = data["highlight"]
    assert data["snippet"][start:end] == "lorries"


def test_accents_and_case_are_ignored_with_offsets_into_the_text_as_written(tmp_path):
    folder = tmp_path / "accents"
    folder.mkdir()
    text = "Café owners meet\n\nİlkay and José Núñez opened the CAFE in İzmir; the cafés were full.\n"
    (folder / "cafe.txt").write_text(text, encoding="utf-8")
    index_folder(folder)
    with open_library(folder) as library:
        hits = search(library, "cafe", scope="text")
        assert [text[hit.start:hit.end] for hit in hits] == ["Café", "CAFE"]
        assert [text[hit.start:hit.end] for hit in search(library, "CAFÉ*", scope="text")] == ["Café", "CAFE", "cafés"]
        assert [text[hit.start:hit.end] for hit in search(library, '"jose nunez"', scope="text")] == ["José Núñez"]
        assert [text[hit.start:hit.end] for hit in search(library, "izmir", scope="text")] == ["İzmir"]
