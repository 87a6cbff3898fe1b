"""The cheap looks that spare the extractor a regex search never skip a search that would match.

Each look is a condition every match must meet (a word ending, a character, a substring); these
tests feed the regexes texts built from their own vocabulary and check the condition whenever the
regex matches, so a pattern widened later without its look fails here.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.extraction import attribution, credits, evidence

LABEL_WORDS = [
    "Reporting", "reporting", "Writing", "writing", "Editing", "editing", "Compiled", "Research", "Graphic",
    "Graphics", "Photography", "Video", "Additional", "and", "Photo", "by", "Jane", "(", ";", ".", "\n", " ", "\t",
]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(LABEL_WORDS), max_size=8).map(" ".join))
def test_every_wire_label_ends_with_a_listed_ending(text):
    if credits._WIRE_LABEL_RE.search(text, 0, len(text)):
        assert text.endswith(credits._WIRE_LABEL_ENDINGS)


def test_the_wire_labels_are_still_found():
    found = credits.find_credits("(Reporting by Jane Roe in Paris; Additional reporting by Tom Reed)", _lexicon())
    assert [c.name for c in found] == ["Jane Roe", "Tom Reed"]


IN_WORDS = ["in", "In", "Forbes", "Ana", "Lima", "’s", "'s", "’", "'", "own", "words", "view", "phrase", ",", ":", " ", "  "]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(IN_WORDS), max_size=8).map("".join))
def test_the_in_words_pattern_needs_an_apostrophe(text):
    if attribution._IN_WORDS_BEFORE_RE.search(text, 0, len(text)):
        assert "’" in text or "'" in text


AGES = ["the", "a", "54", "7", "-year-old", "-year-olds", "year-old", "old", " ", "\t", "Ana"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(AGES), max_size=6).map("".join))
def test_an_age_before_a_name_holds_year_old(text):
    if evidence._AGED_BEFORE_RE.search(text, 0, len(text)):
        assert "-year-old" in text
    assert evidence._aged_before(text + "", len(text)) == (
        evidence._AGED_BEFORE_RE.search(text, max(0, len(text) - 16), len(text)) is not None
    )


def _lexicon():
    from annotator.core.extraction.wordlists import load_lexicon

    return load_lexicon()


ATTRIBUTIONS = [
    "“We will go,” said Ana Lima.", "“We will go,” Ana Lima said.", "“Go,” she said on Monday.",
    "“Go,” the mayor of Kellford, who runs the ferry, told reporters.", "“Go,” Lima, 54, added.",
    "“Go” — Tom Reed.", "“Go,” according to the minutes.", "“Go,” he and she had also said.",
]  # fmt: skip


def test_the_patterns_after_a_quote_cannot_match_without_a_cue():
    """``Attributor._after`` tries both only when a cue is in the window: each must need its cue."""
    from annotator.core.extraction.attribution import Attributor
    from annotator.core.extraction.people import PeopleFound

    attributor = Attributor("", PeopleFound([], []), _lexicon(), [])
    cue = attributor.cue_re.pattern
    for pattern in (attributor.after_subject_re, attributor.after_cue_re):
        assert f"(?P<cue>{cue})" in pattern.pattern
        without_cue = re.compile(pattern.pattern.replace(f"(?P<cue>{cue})", "(?P<cue>(?!))"))
        found_with_cue = 0
        for sentence in ATTRIBUTIONS:
            pos = sentence.index("”") + 1
            assert without_cue.match(sentence, pos) is None
            found_with_cue += pattern.match(sentence, pos) is not None
        assert found_with_cue >= 2  # the sample does exercise the pattern


SUBJECT_WORDS = [
    "Ana", "Lima", "someone", "close", "the", "The", "mayor", "he", "He", "she", "It", "one", "another", "Xthe",
    "de", "(D-N.Y.)", "’s", "'", "-", ".", "&", ",", ", ", " ", "  ", "\n", "“", "has", "also", "recently", "had",
    "first", "on Monday", "morning", "quickly", "sighed and", "who runs the ferry", "O’Brien", "ſome",
]  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(SUBJECT_WORDS), max_size=14), st.integers(0, 60), st.booleans())
def test_the_subject_before_a_cue_is_found_as_a_search_finds_it(words, lo, spaced):
    """``_subject_search`` tries fewer positions than ``search``; it must give the very same match."""
    from annotator.core.extraction.attribution import Attributor, _subject_search
    from annotator.core.extraction.people import PeopleFound

    subject_re = Attributor("", PeopleFound([], []), _lexicon(), []).subject_re
    text = (" " if spaced else "").join(words) + " "
    lo = min(lo, len(text))
    for start in (lo, 0):
        expected = subject_re.search(text, start, len(text))
        found = _subject_search(subject_re, text, start, len(text))
        assert (found and (found.span(), found.groups())) == (expected and (expected.span(), expected.groups()))


def test_the_subject_search_finds_a_determiner_inside_a_word():
    from annotator.core.extraction.attribution import Attributor, _subject_search
    from annotator.core.extraction.people import PeopleFound

    subject_re = Attributor("", PeopleFound([], []), _lexicon(), []).subject_re
    text = "Then someone close to him "
    found = _subject_search(subject_re, text, 0, len(text))
    assert found is not None and found.group("np") == subject_re.search(text).group("np") == "one close to him"
