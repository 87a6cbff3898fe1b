"""The curated word lists ship inside the package, parse, and are documented."""

from __future__ import annotations

from annotator.core.extraction.wordlists import load_lexicon
from annotator.core.resources import resource
from tests.core.extraction_support import lexicon_file


def _list_files() -> list[str]:
    folder = resource("lexicon")
    return sorted(entry.name for entry in folder.iterdir() if entry.name.endswith(".txt"))


def test_every_word_list_is_documented_in_the_lexicon_readme():
    readme = lexicon_file("README.md")
    for name in _list_files():
        assert f"`{name}`" in readme, name


def test_given_names_carry_a_known_tag():
    for line in lexicon_file("given_names.txt").splitlines():
        if line and not line.startswith("#"):
            name, tag = line.split()
            assert name == name.lower() and tag in {"m", "f", "u", "s"}, line


def test_the_lexicon_loads_with_every_list_filled():
    lexicon = load_lexicon()
    assert "said" in lexicon.speech_verbs and ("according", "to") in lexicon.speech_phrases
    assert {"president", "spokeswoman"} <= lexicon.titles
    assert lexicon.is_given_name("Volodymyr") and lexicon.gender("Janet") == "f"
    assert "directorate" in lexicon.org_words and "square" in lexicon.place_words
    assert "ukraine" in lexicon.places and "ukrainian" in lexicon.demonyms
    assert "however" in lexicon.function_words and "van" in lexicon.name_particles
    assert "article" in lexicon.common_words
