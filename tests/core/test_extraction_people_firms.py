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


def test_a_firm_named_like_a_person_is_shown_by_its_stores_and_franchisees():
    text = (
        "A group of Tim Hortons franchisees filed a lawsuit on Wednesday. Sales at Tim Hortons stores fell, "
        "and customers at a Jean Coutu pharmacy in Longueuil noticed no change.\n\n"
        "Ron Fox, a lawyer for the franchisees, said the group was large.\n"
    )
    names = {p.name for p in run(text).people}
    assert names == {"Ron Fox"}


def test_a_firm_named_like_a_person_is_shown_by_a_shop_counted_or_a_stock_moving():
    text = (
        "Mayor Lyn Hall said the loss would be felt at every Tim Hortons in the region.\n\n"
        "Shares of Procter & Gamble gained, while Lockheed Martin fell 2 per cent. Stock markets were calm "
        "as Nora Blake rose to speak.\n"
    )
    names = {p.name for p in run(text).people}
    assert names == {"Lyn Hall", "Nora Blake"}
