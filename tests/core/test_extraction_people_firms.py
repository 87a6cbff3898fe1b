"""A firm named like a person before its officer's capitalised title (``Goldman Sachs CEO …``)
is a firm wherever the text names it. Fixtures written for these tests."""

from __future__ import annotations

from tests.core.extraction_support import run


def test_the_words_before_a_capitalised_ceo_name_a_firm():
    text = (
        "Shares rose after Morgan Hale and Warren Pike reported profits. Warren Pike CEO Dana Solberg said costs "
        "fell, and Morgan Hale CFO Omar Tait agreed.\n"
    )
    names = {p.name for p in run(text).people}
    assert names == {"Dana Solberg", "Omar Tait"}


def test_a_place_or_title_before_ceo_is_not_taken_for_a_firm():
    text = "Former CEO Ruth Akers met Ottawa CEO Lena Vos. Akers said the talks went well.\n"
    names = {p.name for p in run(text).people}
    assert names == {"Ruth Akers", "Lena Vos"}
