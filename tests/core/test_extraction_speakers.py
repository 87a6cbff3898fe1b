"""Who said what beyond ``“…,” said Name``: cue verbs of every communication class, speakers set
up outside the quote's own sentence, speaker phrases, and quotes that have no speaker.

Every text here is written for these tests.
"""

from __future__ import annotations

import pytest

from tests.core.extraction_support import quote_containing, run, span_text


@pytest.mark.parametrize(
    "cue",
    ["barked", "boomed", "beamed", "fumed", "confessed", "remembered", "interjected", "echoed", "shot back", "asserted", "muttered", "implored"],
)
def test_communication_verbs_of_every_class_are_cues(cue):
    text = (
        "Marta Oliveira runs the ferry service on the lake.\n"
        f"“The boats leave at dawn, whatever the weather,” Oliveira {cue}.\n"
    )
    result = run(text)
    quote = quote_containing(result, "boats leave")
    assert quote.kind == "direct"
    assert quote.speaker == "Marta Oliveira"
    assert quote.cue_text == cue


def test_a_described_source_far_from_its_verb_is_the_speaker():
    text = "A county official who asked not to be named because the talks are private said Tuesday, “Nobody wants a strike.”\n"
    quote = quote_containing(run(text), "Nobody wants")
    assert quote.speaker == "A county official"
    assert quote.cue_text == "said"


@pytest.mark.parametrize("source", ["this source", "federal prosecutors", "the planning board"])
def test_sources_that_are_not_people_speak_as_written(source):
    text = f"“The numbers simply do not add up,” {source} wrote in a filing.\n"
    quote = quote_containing(run(text), "numbers simply")
    assert quote.speaker == source


@pytest.mark.parametrize(
    "frame",
    ["Ines Duarte went on to say, ", "Ines Duarte thanked the crew but said, ", "Ines Duarte paused, then added: ", "Ines Duarte interjected to say: "],
)
def test_a_cue_chained_to_an_earlier_verb_takes_the_clause_subject(frame):
    text = "Ines Duarte, the harbour master, met the crews on Monday.\n" + frame + "“We will reopen the quay in spring.”\n"
    quote = quote_containing(run(text), "reopen the quay")
    assert quote.speaker == "Ines Duarte"


def test_a_colon_after_an_organisation_gives_it_the_quote():
    text = "The state elections board was blunt in its ruling: “Further review is unnecessary.”\n"
    quote = quote_containing(run(text), "Further review")
    assert quote.speaker == "The state elections board"


def test_adding_after_an_attribution_keeps_that_attribution():
    text = (
        "Rosa Lindqvist and Omar Haddad run the night shelter.\n"
        "Haddad kept the doors open all winter and left at dawn, Lindqvist said, adding, “He never once complained.”\n"
    )
    quote = quote_containing(run(text), "never once")
    assert quote.speaker == "Rosa Lindqvist"


def test_adding_after_a_quote_rests_on_the_pronoun_that_spoke():
    text = (
        "Rosa Lindqvist runs the night shelter.\n"
        "“We had forty beds,” she said, adding, “and we needed sixty.”\n"
    )
    text_result = run(text)
    quote = quote_containing(text_result, "needed sixty")
    assert quote.speaker == "Rosa Lindqvist"
    assert span_text(text, quote.speaker_mention) == "she"


def test_a_gerund_cue_takes_the_subject_of_its_clause():
    text = (
        "Rosa Lindqvist runs the night shelter.\n"
        "Lindqvist posted a photograph of the queue on her page, noting: “Every bed was taken by nine.”\n"
    )
    quote = quote_containing(run(text), "Every bed")
    assert quote.speaker == "Rosa Lindqvist"
    assert quote.cue_text == "noting"


def test_a_statement_announced_in_the_paragraph_before_speaks_for_its_author():
    text = "Mayor Lina Petrov released the following statement:\n\n“Our thoughts are with the families tonight.”\n"
    quote = quote_containing(run(text), "Our thoughts")
    assert quote.speaker == "Lina Petrov"


def test_a_quote_signed_on_the_next_line_belongs_to_the_signature():
    text = (
        "Mayor Lina Petrov spoke first.\n\n“The budget closes the library on Sundays.”\n\n– Karl Jensen, in the debate.\n\n"
        "The claim is half true.\n"
    )
    quote = quote_containing(run(text), "library on Sundays")
    assert quote.speaker == "Karl Jensen"


@pytest.mark.parametrize(
    ("lead", "speaker"),
    [
        ("The rise in turnout was no surprise to pollster Daron Shaw: ", "Daron Shaw"),
        ("Older panels do better - Harbour Research: ", "Harbour Research"),
        ("What the findings mean. From the report: ", "the report"),
    ],
)
def test_a_label_before_a_colon_is_the_source(lead, speaker):
    text = "Mayor Lina Petrov spoke on Monday.\n" + lead + "“Samples with longer field periods were more accurate.”\n"
    quote = quote_containing(run(text), "Samples with")
    assert quote.speaker == speaker


@pytest.mark.parametrize(
    ("sentence", "words"),
    [
        ("Greta Holm took the stage and declared “What a night for this town!” before the band played.\n", "What a night"),
        ("Greta Holm had earlier said, “We’ll see,” when asked about a second term.\n", "We’ll see"),
    ],
)
def test_a_short_exclamation_straight_after_its_cue_is_spoken(sentence, words):
    quote = quote_containing(run(sentence), words)
    assert quote.kind == "direct"
    assert quote.speaker == "Greta Holm"


@pytest.mark.parametrize(
    ("sentence", "words"),
    [
        ("Greta Holm called the plan “Harbour Lights Forever” in her newsletter.\n", "Harbour Lights"),
        ("Greta Holm likes to watch “The Long Field” on Sundays.\n", "Long Field"),
    ],
)
def test_a_named_title_stays_a_term(sentence, words):
    quote = quote_containing(run(sentence), words)
    assert quote.kind == "scare"
    assert quote.speaker is None


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Mayor Lina Petrov was interviewed on Channel Nine’s “Morning Harbour,” and said little.\n", "Morning Harbour"),
        ("Lina Petrov first became known for her documentary, “Salt and Rope.”\n", "Salt and Rope"),
        ("Lina Petrov is now the host of “Questions at Noon” on local radio.\n", "Questions at Noon"),
    ],
)
def test_the_title_of_a_work_is_a_term(text, words):
    quote = quote_containing(run(text), words)
    assert quote.kind == "scare"


@pytest.mark.parametrize(
    "heading",
    ["– ‘Nobody came’ –.", "“Related:”", "Lina Petrov opened with ‘THE HARBOUR WILL CLOSE AT NIGHT’ as a banner"],
)
def test_a_quoted_subheading_or_capitals_headline_is_not_a_quote(heading):
    text = "Mayor Lina Petrov spoke on Monday.\n\n" + heading + "\n\nThe meeting ended early.\n"
    result = run(text)
    quotes = [q for q in result.quotes if q.kind != "scare"]
    assert quotes == []


def test_a_shouted_tweet_in_capitals_with_its_cue_is_still_a_quote():
    text = "Lina Petrov celebrated the result. “HARBOUR SAVED AT LAST,” she wrote in a post.\n"
    quote = quote_containing(run(text), "HARBOUR SAVED")
    assert quote.kind == "direct"
    assert quote.speaker == "Lina Petrov"


def test_team_and_title_words_before_the_name_belong_to_the_person():
    text = "The Otters lost again on Tuesday.\n“We have to defend better,” said Otters head coach Ken Hitchcock.\n"
    quote = quote_containing(run(text), "defend better")
    assert quote.speaker == "Ken Hitchcock"


def test_a_descriptive_speaker_keeps_its_whole_phrase():
    text = "“It was a long night,” the lanky, bespectacled professor said.\n"
    quote = quote_containing(run(text), "long night")
    assert quote.speaker == "the lanky, bespectacled professor"


def test_one_of_a_group_speaks_as_written():
    text = "Two fans walked out before the end.\n“This is a disgrace,” one said.\n"
    quote = quote_containing(run(text), "disgrace")
    assert quote.speaker == "one"


def test_it_after_a_company_is_the_company():
    text = "Harbour Mills Inc. lost money again this year. “Demand has fallen sharply,” it said.\n"
    text_result = run(text)
    quote = quote_containing(text_result, "Demand has fallen")
    assert quote.speaker == "Harbour Mills Inc."
    assert span_text(text, quote.speaker_mention) == "it"


@pytest.mark.parametrize(
    "sentence",
    [
        "The council met for four hours. On Friday, “the numbers are fine,” told nobody anything.\n",
        "The vote was close. “We counted twice,” later Thursday said.\n",
        "“We counted twice,” in Virginia said the clerk's note.\n",
    ],
)
def test_a_date_a_place_or_a_fragment_is_never_a_speaker(sentence):
    result = run(sentence)
    for quote in result.quotes:
        assert quote.speaker not in ("Friday", "On Friday", "later Thursday", "Thursday", "Virginia", "in Virginia")


def test_a_long_apposition_after_the_name_still_reaches_the_cue():
    text = "“Both of them scare me,” Harry Bond, 30, of Raleigh, N.C., who was among those polled, said.\n"
    quote = quote_containing(run(text), "scare me")
    assert quote.speaker == "Harry Bond"


def test_a_quote_paragraph_after_reported_speech_carries_its_speaker():
    text = (
        "The port will stay closed until March.\n\n"
        "Harbour master Ines Duarte says there are many reasons for the delay, from storms to missing parts.\n\n"
        "“The emergency repairs alone took six weeks.”\n"
    )
    quote = quote_containing(run(text), "emergency repairs")
    assert quote.speaker == "Ines Duarte"


def test_reported_speech_does_not_take_a_quote_with_its_own_attribution():
    text = (
        "Harbour master Ines Duarte says there are many reasons for the delay.\n\n"
        "“The repairs took six weeks.” That was the view of Karl Jensen, a welder, who said so on Monday.\n"
    )
    quote = quote_containing(run(text), "repairs took")
    assert quote.speaker != "Ines Duarte"


def test_a_group_without_an_article_chants_a_short_exclamation():
    text = "The curfew began at midnight.\n\nProtesters chanted “What curfew?” and kept marching.\n"
    quote = quote_containing(run(text), "What curfew")
    assert quote.kind == "direct"
    assert quote.speaker == "Protesters"


def test_an_adverb_between_pronoun_and_cue_keeps_the_pronoun():
    text = "The paper covered the story for years.\n\n“His fortunes have changed,” it further wrote.\n"
    quote = quote_containing(run(text), "fortunes")
    assert span_text(text, quote.speaker_mention) == "it"


@pytest.mark.parametrize(
    ("tail", "speaker"),
    [
        ("the harbour board’s chief engineer, Ines Duarte, said in an interview.", "Ines Duarte"),
        ("council leader Ines Duarte and deputy mayor Karl Jensen, both independents, said in a statement.", "Karl Jensen"),
        (
            "Duarte, the harbour master of the northern quay since the storms of the winter before last and a former "
            "ferry captain with thirty years at sea, said when asked about it.",
            "Ines Duarte",
        ),
    ],
)
def test_long_and_possessive_speaker_phrases_after_the_quote(tail, speaker):
    text = "Ines Duarte and Karl Jensen run the harbour.\n\n“The quay will reopen in spring,” " + tail + "\n"
    quote = quote_containing(run(text), "quay will reopen")
    assert quote.speaker == speaker
    assert quote.cue_text == "said"


def test_a_paragraph_with_its_own_cue_does_not_carry_the_previous_speaker():
    text = (
        "“We will rebuild,” Ines Duarte said.\n\n"
        "“Nobody asked us,” the members of the fishing co-operative, who met on Sunday and voted by a show of hands, "
        "seventy-one to nine, in the old sail loft behind the church, wrote afterwards.\n"
    )
    quote = quote_containing(run(text), "Nobody asked")
    assert quote.speaker != "Ines Duarte"


def test_a_counted_crowd_that_chants_is_the_speaker():
    text = (
        "Mayor Lina Petrov addressed the council.\n\n"
        "Outside the hall, about 50 dockworkers had gathered since dawn, chanting “No contract, no ferry” as she spoke.\n"
    )
    quote = quote_containing(run(text), "No contract")
    assert quote.speaker is not None and quote.speaker.endswith("50 dockworkers")


def test_a_person_mentioned_inside_a_description_is_not_the_appositive_speaker():
    text = "Mayor Lina Petrov addressed the council.\n\nOthers, angry at Petrov and the delay, shouted, “Open the books!”\n"
    quote = quote_containing(run(text), "Open the books")
    assert quote.speaker == "Others"


def test_an_adverbial_before_the_subject_is_not_the_speaker():
    text = "Mayor Lina Petrov backs the plan.\n\nIn a statement to the Gazette, her senior adviser, Karl Jensen, said: “The plan is sound.”\n"
    quote = quote_containing(run(text), "plan is sound")
    assert quote.speaker == "Karl Jensen"


def test_a_dateline_is_not_a_speaker():
    text = "WASHINGTON, March 3 — Lina Petrov’s closest aide rallied volunteers on Monday, saying: “We have to be ready.”\n"
    quote = quote_containing(run(text), "be ready")
    assert quote.speaker != "WASHINGTON"


def test_a_double_quote_closed_by_a_single_mark_ends_there():
    text = "Lina Petrov posted: “Let’s go. We can fix the quay.’ She was at the harbour all day.\n"
    quote = quote_containing(run(text), "fix the quay")
    assert quote.text == "“Let’s go. We can fix the quay.’"
    assert quote.speaker == "Lina Petrov"


def test_name_and_outlet_before_a_colon_is_a_label():
    text = "Greta Holm resigned on Friday.\n\nGreta Holm, Harbour Gazette: “The town deserves better.”\n"
    quote = quote_containing(run(text), "deserves better")
    assert quote.speaker == "Greta Holm"


def test_it_after_a_body_that_speaks_is_that_body():
    text = "Harbour Mills said its profits fell. “We expect a better year,” it said.\n"
    quote = quote_containing(run(text), "better year")
    assert quote.speaker == "Harbour Mills"


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        ("Greta Holm resigned on Friday.\n\n“I leave with pride,” her statement read.\n", "leave with pride", "her statement"),
        ("“That was the best year,” the report says.\n", "best year", "the report"),
        ("Greta Holm resigned on Friday.\n\nHolm explained the numbers this way: “We lose money every winter.”\n", "lose money", "Greta Holm"),
    ],
)
def test_documents_and_narrative_frames(text, words, speaker):
    quote = quote_containing(run(text), words)
    assert quote.speaker == speaker


def test_a_new_sentence_after_a_closed_quote_is_not_its_attribution():
    text = (
        "Greta Holm spoke for the ferry company. Karl Jensen spoke for the town.\n\n"
        "“We feel good about the spring timetable,” Holm said. “Every crossing is booked.” "
        "He noted a planned strike by the crews.\n"
    )
    quote = quote_containing(run(text), "Every crossing")
    assert quote.speaker == "Greta Holm"


def test_a_name_never_introduced_still_speaks_through_a_chained_cue():
    text = "The memoir came out on Tuesday.\n\nBryne went on to say, “She never once asked for help.”\n"
    quote = quote_containing(run(text), "never once asked")
    assert quote.speaker == "Bryne"


@pytest.mark.parametrize("opening", ["Speaking", "Outside", "Minutes"])
def test_an_ordinary_word_opening_the_sentence_is_not_a_named_speaker(opening):
    text = f"The ferry left at noon.\n\n{opening} later the crowd grew, chanting “Open the quay!” as it marched.\n"
    result = run(text)
    quote = quote_containing(result, "Open the quay")
    assert quote.speaker != opening


def test_a_statement_issued_and_quoted_in_one_sentence():
    text = "Greta Holm met the crews.\n\nImmediately after the storm, Holm issued a statement, “Our thoughts are with the families.”\n"
    quote = quote_containing(run(text), "Our thoughts")
    assert quote.speaker == "Greta Holm"


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("Posters on the bridge read: “Save our crossing now.”", "Posters"),
        ("Residents on the estate said: “We were never told.”", "Residents"),
        ("Signs at the harbour gate read: “Keep out.”", "Signs"),
        ("A man in the crowd shouted: “Shame!”", "A man in the crowd"),
    ],
)
def test_the_object_of_a_preposition_before_the_cue_is_not_the_speaker(sentence, speaker):
    result = run("Bridge closes\n\n" + sentence + "\n")
    (quote,) = result.quotes
    assert quote.speaker == speaker


def test_a_name_after_a_prepositional_phrase_still_speaks():
    result = run(
        "Talks stall\n\nIn an interview with the Gazette, Mayor Ruth Alder said: “We are not finished.”\n"
    )
    (quote,) = result.quotes
    assert quote.speaker == "Ruth Alder"
