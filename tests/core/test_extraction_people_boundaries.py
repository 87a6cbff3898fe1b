"""Where a person's name starts and ends: titles that are part of the name, titles and initials that
are not, and capitals that make a name a club's or a firm's."""

from __future__ import annotations

from tests.core.extraction_support import person_named, run


def mention_texts(text: str, result) -> set[str]:
    return {text[m.start : m.end] for p in result.people for m in p.mentions}


def test_a_religious_name_keeps_its_title_and_the_title_alone_is_no_mention():
    text = (
        "Mother Orsola, who runs the shelter, said the roof leaked. The nuns asked Mother Orsola for help.\n\n"
        "Pope Lucian wrote to the bishops. Volunteers greeted their Dearest Mother with songs.\n"
    )
    result = run(text)
    orsola = person_named(result, "Mother Orsola")
    assert [text[m.start : m.end] for m in orsola.mentions] == ["Mother Orsola", "Mother Orsola"]
    assert orsola.role is None
    assert "Pope Lucian" in {p.name for p in result.people}
    assert "Mother" not in mention_texts(text, result)


def test_abbreviated_offices_and_church_ranks_are_split_off_the_name():
    text = (
        "Visiting PM Dravec met the king. Patriarch Ilarion Voss said the talks went well, and "
        "Monsignor Aldo Ferrante, who leads the mission, agreed.\n"
    )
    result = run(text)
    names = {p.name for p in result.people}
    assert {"Dravec", "Ilarion Voss", "Aldo Ferrante"} <= names
    assert not names & {"PM Dravec", "Patriarch Ilarion Voss", "Monsignor Aldo Ferrante"}
    assert {"Dravec", "Ilarion Voss", "Aldo Ferrante"} <= mention_texts(text, result)


def test_initials_in_capitals_before_a_name_make_it_a_club_or_a_firm():
    text = (
        "Striker Jorn Vandel scored twice as PSV Veldhoven beat NEC Marrum 3-1. Analysts at SBC Warbeck "
        "said RAO Gastrom shares rose. DUP MP Nigel Dorrance said he was pleased.\n"
    )
    result = run(text)
    names = {p.name for p in result.people}
    assert {"Jorn Vandel", "Nigel Dorrance"} <= names
    assert not names & {"PSV Veldhoven", "NEC Marrum", "SBC Warbeck", "RAO Gastrom", "Veldhoven", "Warbeck"}
    assert person_named(result, "Nigel Dorrance").role == "DUP MP"


def test_describing_words_before_a_given_name_are_not_part_of_the_name():
    text = (
        "Outspoken Andrei Valenko lost again. The visitors were led by former Spartan Terry Mulrooney, "
        "and Prime Minister Theresa May watched. Having Billy Eichner on the show helped.\n\n"
        "He met the Minister of Foreign Affairs Lloyd Axwell and the Minister of Finance Mar'ie Hamdani.\n"
    )
    result = run(text)
    names = {p.name for p in result.people}
    assert {"Andrei Valenko", "Terry Mulrooney", "Theresa May", "Billy Eichner", "Lloyd Axwell",
            "Mar'ie Hamdani"} <= names
    mentions = mention_texts(text, result)
    assert not {m for m in mentions if m.startswith(("Outspoken", "Spartan", "Having", "Foreign", "Finance"))}


def test_unknown_first_names_before_a_given_name_stay_in_the_name():
    text = "The body of Amer Hishem Ali Hamdan, 23, was found. Investment Minister Asif Ali Zardani spoke.\n"
    names = {p.name for p in run(text).people}
    assert {"Amer Hishem Ali Hamdan", "Asif Ali Zardani"} <= names


def test_hyphenated_east_asian_given_names_keep_the_person_and_the_family_name():
    text = (
        "Secretary General Ban Ki-moon met President Park Geun-hye. Deputy Foreign Minister Lee Ki-joo "
        "and central bank governor Sheu Yuan-tung also spoke. The Bergamo-based Left-back Marco Pelli, 27, signed.\n"
    )
    names = {p.name for p in run(text).people}
    assert {"Ban Ki-moon", "Park Geun-hye", "Lee Ki-joo", "Sheu Yuan-tung", "Marco Pelli"} <= names


def test_initials_without_full_stops_before_a_family_name_are_a_person():
    text = "The column by AWR Hawkins ran on Monday. A 1,200 MW Sierra plant closed, and PSV Veldhoven lost.\n"
    names = {p.name for p in run(text).people}
    assert "AWR Hawkins" in names
    assert not names & {"MW Sierra", "Sierra", "PSV Veldhoven"}


def test_pageant_titles_sentence_adverbs_and_a_firms_staff_are_not_people():
    text = (
        "He called the former Miss Universe “Miss Housekeeping” in 1996. Sadly, the council has chosen a "
        "different path and made clear it would not be a credible negotiating partner.\n\n"
        "Carlow Fargo CEO Jan Stumph resigned, and Bellamy Sachs employees were told on Friday.\n"
    )
    names = {p.name for p in run(text).people}
    assert "Jan Stumph" in names
    assert not names & {"Universe", "Housekeeping", "Sadly", "Carlow Fargo", "Bellamy Sachs"}


def test_abbreviated_police_ranks_are_titles_not_part_of_the_name():
    text = (
        "Police searched the quay on Monday.\n\n"
        "“We have found nothing so far,” said Insp. Paul Martin of the harbour police.\n\n"
        "Det. Sgt. Ana Ruiz and Cst. Lee Wong searched the boat. Supt. Karen Holt said the search would go on.\n"
    )
    result = run(text)
    names = {p.name for p in result.people}
    assert {"Paul Martin", "Ana Ruiz", "Lee Wong", "Karen Holt"} <= names
    assert not any(name.split()[0].rstrip(".") in {"Insp", "Det", "Cst", "Supt"} for name in names)
    (quote,) = result.quotes
    assert quote.speaker == "Paul Martin"
