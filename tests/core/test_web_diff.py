"""The diff between two versions of an article: sentences first, then words, quotes, highlights."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.annotations import AnnotationStore
from annotator.core.article import Article
from annotator.core.corrections import Anchor, Correction
from annotator.core.corrections.book import CorrectionBook
from annotator.core.readers.plain_text import article_from_text
from annotator.core.readers.decoding import DecodedText
from annotator.core.web.article_diff import change_counts, diff_articles, diff_sentences, format_text
from annotator.core.web.sentences import sentence_spans
from annotator.core.web.word_diff import inline, word_changes
from tests.core.annotations_support import annotate


def article(paragraphs: list[str], path: Path = Path("story.txt")) -> Article:
    return article_from_text(path, DecodedText("\n\n".join(paragraphs) + "\n", "utf-8"))


HEADLINE = "Harbour wall to be rebuilt"
BODY = [
    HEADLINE,
    "The harbour wall will be rebuilt by spring. Work starts in March.",
    "“The wall is safe for now,” said Pia Holm, the harbour master.",
    "Boats will use the north quay while the work goes on.",
]


def test_the_same_text_has_no_changes():
    diff = diff_articles(article(BODY), article(BODY), Path("/nonexistent/sidecar.json"))
    assert diff.sentences == [] and diff.quotes == [] and diff.counts() == []
    assert "no change in the text" in format_text(diff)


def test_sentences_are_split_inside_paragraphs():
    story = article(BODY)
    texts = [story.text[s:e] for s, e in sentence_spans(story)]
    assert texts[1:3] == ["The harbour wall will be rebuilt by spring.", "Work starts in March."]


def test_a_re_wrapped_paragraph_is_no_change():
    rewrapped = [BODY[0], "The harbour wall will be rebuilt  by spring.\nWork starts in March.", *BODY[2:]]
    assert diff_sentences(article(BODY), article(rewrapped)) == []


def test_words_changed_inside_a_sentence_have_offsets_in_both_texts():
    new_body = [BODY[0], "The harbour wall will be rebuilt by the autumn. Work starts in March.", *BODY[2:]]
    old, new = article(BODY), article(new_body)
    (change,) = diff_sentences(old, new)
    assert change.kind == "changed"
    assert [(w.kind, w.old_text, w.new_text) for w in change.words] == [("changed", "spring", "the autumn")]
    word = change.words[0]
    assert old.text[word.old_start : word.old_end] == "spring"
    assert new.text[word.new_start : word.new_end] == "the autumn"
    assert inline(old.text, new.text, change.new, change.words) == (
        "The harbour wall will be rebuilt by [-spring-]{+the autumn+}."
    )


def test_added_and_deleted_words_sit_where_they_were():
    old_text, new_text = "Work starts in March.", "Work finally starts in March, weather permitting."
    changes = word_changes(old_text, (0, len(old_text)), new_text, (0, len(new_text)))
    assert [(c.kind, c.old_text, c.new_text) for c in changes] == [
        ("added", "", "finally"),
        ("added", "", ", weather permitting"),
    ]
    assert old_text[changes[0].old_start :].startswith("starts")  # an insertion point in the old text
    assert old_text[changes[1].old_start :] == "."


def test_unrelated_sentences_are_one_removed_and_one_added_not_a_change():
    new_body = [*BODY[:3], "A ferry strike closed the port on Friday."]
    kinds = [c.kind for c in diff_sentences(article(BODY), article(new_body))]
    assert kinds == ["deleted", "added"]


def test_a_quote_given_to_someone_else_is_reattributed():
    new_body = [*BODY[:2], "“The wall is safe for now,” said Lars Eng, a council engineer.", BODY[3]]
    diff = diff_articles(article(BODY), article(new_body), Path("/nonexistent/sidecar.json"))
    (quote,) = diff.quotes
    assert quote.kind == "reattributed"
    assert (quote.old.speaker, quote.new.speaker) == ("Pia Holm", "Lars Eng")
    assert "1 quote reattributed" in diff.counts()


def test_a_new_quote_is_added_with_its_speaker():
    new_body = [*BODY, "“We expect no delays,” said Pia Holm."]
    diff = diff_articles(article(BODY), article(new_body), Path("/nonexistent/sidecar.json"))
    assert [(q.kind, q.speaker) for q in diff.quotes] == [("added", "Pia Holm")]


def test_highlights_of_the_old_sidecar_get_their_new_places(tmp_path):
    old_path = tmp_path / "old.txt"
    old = article(BODY, old_path)
    old_path.write_text(old.text, encoding="utf-8")
    store = AnnotationStore.open(old)
    boats = annotate(store.annotations, "Boats will use the north quay")
    store.save()
    new = article([BODY[0], "A short update was added at the top.", *BODY[1:]], tmp_path / "new.txt")
    diff = diff_articles(old, new)
    (place,) = diff.annotations
    assert place.annotation.id == boats.id and place.placed.status == "moved"
    assert new.text[place.placed.start : place.placed.end] == "Boats will use the north quay"
    assert diff.to_json()["annotations"][0]["old"]["start"] == boats.start


def test_quotes_carry_the_speakers_the_reader_corrected_on_both_versions(tmp_path):
    old_path = tmp_path / "old.txt"
    old = article(BODY, old_path)
    old_path.write_text(old.text, encoding="utf-8")
    store = AnnotationStore.open(old)
    quote = "“The wall is safe for now,”"
    start = old.text.index(quote)
    CorrectionBook(store).add(
        Correction.new("quote.speaker", Anchor.over(old.text, start, start + len(quote)), value="Lars Eng")
    )
    store.save()
    new_body = [BODY[0], "Work on the harbour wall was delayed.", *BODY[1:3]]
    diff = diff_articles(old, article(new_body, tmp_path / "new.txt"))
    removed = [q for q in diff.quotes if q.kind == "removed"]
    assert removed == [] and diff.sidecar_problem is None
    moved_body = [*BODY[:2], BODY[3]]
    diff = diff_articles(old, article(moved_body, tmp_path / "new.txt"))
    (gone,) = diff.quotes
    assert (gone.kind, gone.speaker) == ("removed", "Lars Eng")
    assert "removed: Lars Eng" in format_text(diff)


def test_the_fetch_summary_counts_quotes_with_the_readers_speakers(tmp_path):
    old_path = tmp_path / "old.txt"
    old = article(BODY, old_path)
    old_path.write_text(old.text, encoding="utf-8")
    store = AnnotationStore.open(old)
    quote = "“The wall is safe for now,”"
    start = old.text.index(quote)
    CorrectionBook(store).add(
        Correction.new("quote.speaker", Anchor.over(old.text, start, start + len(quote)), value="Lars Eng")
    )
    store.save()
    new = article([*BODY[:2], "“The wall is safe for now,” said Lars Eng, a council engineer.", BODY[3]])
    assert "1 quote reattributed" in change_counts(old, new)  # the extractor's own speakers
    assert change_counts(old, new, store.path) == ["1 sentence changed"]


def test_an_unreadable_sidecar_is_named_not_fatal(tmp_path):
    old_path = tmp_path / "old.txt"
    sidecar = tmp_path / "old.txt.annotations.json"
    sidecar.write_text("{not json", encoding="utf-8")
    diff = diff_articles(article(BODY, old_path), article(BODY), sidecar)
    assert diff.annotations == [] and diff.sidecar_problem and "Highlights: not shown" in format_text(diff)


SENTENCES = st.sampled_from(
    [
        "The wall will be rebuilt.",
        "Work starts in March.",
        "Boats use the north quay.",
        "The council approved the plan.",
        "A ferry strike closed the port.",
        "Residents were not asked.",
        "The work will cost two million.",
        "The work will cost three million.",
    ]
)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(SENTENCES, min_size=1, max_size=3), min_size=1, max_size=5),
       st.lists(st.lists(SENTENCES, min_size=1, max_size=3), min_size=1, max_size=5))
def test_every_sentence_is_unchanged_or_in_exactly_one_change(old_paragraphs, new_paragraphs):
    old = article([HEADLINE, *(" ".join(p) for p in old_paragraphs)])
    new = article([HEADLINE, *(" ".join(p) for p in new_paragraphs)])
    changes = diff_sentences(old, new)
    old_spans, new_spans = sentence_spans(old), sentence_spans(new)
    old_touched = [c.old for c in changes if c.old is not None]
    new_touched = [c.new for c in changes if c.new is not None]
    assert len(set(old_touched)) == len(old_touched) and set(old_touched) <= set(old_spans)
    assert len(set(new_touched)) == len(new_touched) and set(new_touched) <= set(new_spans)
    kept_old = [old.text[s:e] for s, e in old_spans if (s, e) not in set(old_touched)]
    kept_new = [new.text[s:e] for s, e in new_spans if (s, e) not in set(new_touched)]
    assert kept_old == kept_new  # what no change names is the same, in the same order
    for change in changes:
        for word in change.words:
            assert old.text[word.old_start : word.old_end] == word.old_text
            assert new.text[word.new_start : word.new_end] == word.new_text


def test_a_sentence_too_long_to_compare_word_by_word_is_one_change_between_its_equal_ends():
    # A page without sentence ends (a list of names, a pasted table) is one "sentence" of
    # thousands of words: comparing them word by word would keep a fetch or a diff busy for minutes.
    old_words = [f"w{n % 13}" for n in range(6000)]
    new_words = list(old_words)
    new_words[1000], new_words[5000] = "first", "last"
    old_text, new_text = " ".join(old_words) + ".", " ".join(new_words) + "."
    changes = word_changes(old_text, (0, len(old_text)), new_text, (0, len(new_text)))
    (change,) = changes
    assert change.kind == "changed"
    assert new_text[change.new_start : change.new_end].startswith("first ")
    assert new_text[change.new_start : change.new_end].endswith(" last")
    assert old_text[: change.old_start] == new_text[: change.new_start]
    assert old_text[change.old_end :] == new_text[change.new_end :]


def test_a_long_sentence_with_its_changes_close_together_is_still_compared_word_by_word():
    old_words = [f"w{n % 13}" for n in range(6000)]
    new_words = list(old_words)
    new_words[2990], new_words[3010] = "second", "third"
    old_text, new_text = " ".join(old_words), " ".join(new_words)
    changes = word_changes(old_text, (0, len(old_text)), new_text, (0, len(new_text)))
    assert [(c.old_text, c.new_text) for c in changes] == [("w0", "second"), ("w7", "third")]


def test_a_rewritten_page_too_long_to_align_pairs_its_sentences_in_place():
    # Every sentence of a long page changed (a front page fetched again): aligning all
    # old sentences against all new ones would score millions of pairs.
    old = article(["Front page"] + [f"Story {n} opens the harbour wall on day {n}." for n in range(600)])
    new = article(["Front page"] + [f"Story {n} closes the harbour wall on day {n + 1}." for n in range(600)])
    changes = diff_sentences(old, new)
    assert len(changes) == 600 and {c.kind for c in changes} == {"changed"}
    for change in changes:
        assert old.text[slice(*change.old)].split()[1] == new.text[slice(*change.new)].split()[1]
