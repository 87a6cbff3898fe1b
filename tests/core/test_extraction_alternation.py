"""The speech cues as a prefix tree match exactly like the flat alternation they replace."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.extraction.alternation import WHITESPACE, flat_pattern, phrase_tokens, tree_pattern
from annotator.core.extraction.attribution import speech_cue_forms, speech_regex
from annotator.core.extraction.wordlists import load_lexicon

# What may follow a cue where the extractor embeds it: nothing, a word boundary, punctuation, a phrase.
CONTINUATIONS = [r"", r"\b", r"\b[^\S\n]*[.,]", r"(?=[^\S\n]+b)", r"[^\S\n]+(?P<np>[ab]+)", r"\s+$"]


def _all_matches(pattern: str, text: str) -> list[tuple[int, tuple[int, int] | None, dict[str, str | None]]]:
    """What ``match`` finds at every offset, with the groups: the order candidates are tried in shows here."""
    compiled = re.compile(pattern)
    found = []
    for pos in range(len(text) + 1):
        m = compiled.match(text, pos)
        found.append((pos, m.span() if m else None, m.groupdict() if m else {}))
    return found


words = st.text(alphabet="ab-", min_size=1, max_size=4).filter(lambda w: w.strip("-"))
phrases = st.lists(words, min_size=1, max_size=3)
gaps = st.sampled_from(["", " ", "  ", "\n", "-", "a", "b"])


@st.composite
def cases(draw):
    """Alternatives, and a text made of them (so that several match at one offset) and of odd gaps."""
    alternatives = draw(st.lists(phrases, min_size=1, max_size=12))
    pieces = draw(st.lists(st.tuples(gaps, st.sampled_from(alternatives), st.sampled_from([" ", "  ", "\t"])), max_size=6))
    text = "".join(gap + spacing.join(words) for gap, words, spacing in pieces) + draw(gaps)
    return alternatives, text


@settings(max_examples=400, deadline=None)
@given(case=cases(), continuation=st.sampled_from(CONTINUATIONS))
def test_tree_matches_like_the_flat_alternation(case, continuation):
    alternatives, text = case
    tokens = [phrase_tokens(words) for words in alternatives]
    flat = rf"\b(?P<cue>{flat_pattern(tokens)}){continuation}"
    tree = rf"\b(?P<cue>{tree_pattern(tokens)}){continuation}"
    assert _all_matches(tree, text) == _all_matches(flat, text)


def test_a_shorter_alternative_between_longer_ones_keeps_its_place():
    # ``ab`` is tried before ``a`` and ``a`` before ``abb``: the tree must not try ``abb`` before ``a``.
    tokens = [tuple("ab"), tuple("a"), tuple("abb")]
    tree = tree_pattern(tokens)
    assert re.match(rf"(?:{tree})", "abb").group(0) == "ab"
    assert re.match(rf"(?:{tree})(?=bb|$)", "abb").group(0) == "a"
    assert re.match(rf"(?:{tree})\b", "abb").group(0) == "abb"
    assert tree.count("(?:") >= 1 and len(tree) < len(flat_pattern(tokens)) + 10


def test_lists_the_argument_does_not_cover_are_written_flat():
    spaced = [tuple("a b"), tuple("a")]  # a literal space, which ``\s+`` could also match
    assert tree_pattern(spaced) == flat_pattern(spaced)
    trailing = [(*"ab", WHITESPACE), tuple("a")]
    assert tree_pattern(trailing) == flat_pattern(trailing)
    assert tree_pattern([(), tuple("a")]) == flat_pattern([(), tuple("a")])


def test_the_shipped_cues_find_the_same_spans_as_written_flat():
    lexicon = load_lexicon()
    cue_re = speech_regex(lexicon)
    flat = re.compile(r"\b(?:" + flat_pattern(speech_cue_forms(lexicon)) + r")\b")
    assert len(cue_re.pattern) < len(flat.pattern)  # written as a tree, not flat
    text = (
        "Ana Lima said on Monday that the ferry would run. “It runs,” says Tom Reed, according to  the minutes. "
        "The council issued a statement saying it had, and in the words of\nits chair, “we pointed out the cost.” "
        "Said Reed: “No.” He added, adding that he told reporters, who asked; According to Lima, the mayor "
        "released the following statement, then fired back and cut in. Sayings, unsaid, asked-for."
    )
    spans = [m.span() for m in cue_re.finditer(text)]
    assert spans == [m.span() for m in flat.finditer(text)]
    assert {text[s:e] for s, e in spans} >= {"said", "says", "According to", "issued a statement saying", "Said"}
