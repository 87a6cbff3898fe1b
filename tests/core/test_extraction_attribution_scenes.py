"""Who said a quote when the sentences around it offer more than one speaker: a quote that ends its
sentence after the cue that introduced it, and the sentence after it that starts with a speech verb of
its own.

Every text here is written for these tests.
"""

from __future__ import annotations

import pytest

from tests.core.extraction_support import quote_containing, run


@pytest.mark.parametrize(
    "after",
    [
        "The harbour official reiterated: “It is not our business.”",
        "This sort of complaint, the company claimed, breaks its rules.",
        "Marsh later clarified that to mean the fishing boats.",
    ],
)
def test_a_quote_that_ends_its_sentence_keeps_the_cue_that_introduced_it(after):
    text = (
        "The mayor spoke for an hour at the harbour hall.\n\n"
        f"In the spring, Ella Marsh firmly declared at a press conference, “I never moved a single crate.” {after}\n"
    )
    quote = quote_containing(run(text), "single crate")
    assert quote.speaker == "Ella Marsh"
    assert quote.cue_text == "declared"


def test_a_question_closed_by_its_attribution_still_takes_the_cue_after_it():
    text = "Tom Reed runs the ferry.\n\n“Why is the ferry late again?” Reed asked. “Nobody knows,” said Ana Pike.\n"
    assert quote_containing(run(text), "ferry late").speaker == "Tom Reed"
    assert quote_containing(run(text), "Nobody knows").speaker == "Ana Pike"


TOWN = "Ana Pike runs the port and Tom Reed runs the ferry.\n\n"


def test_a_gerund_cue_looks_past_a_term_quoted_earlier_in_its_sentence():
    text = TOWN + "Later on Sunday, Pike shared a timetable called “Express” on her website, writing “Allow me to check the dates.”\n"
    quote = quote_containing(run(text), "check the dates")
    assert quote.speaker == "Ana Pike"
    assert quote.cue_text == "writing"


def test_a_gerund_cue_is_not_attributed_through_a_cue_word_used_as_a_noun():
    text = TOWN + "Reed did not seem impressed with Pike’s comments Tuesday, telling reporters, “A lot of people want a new port.”\n"
    assert quote_containing(run(text), "new port").speaker == "Tom Reed"


def test_an_inverted_cue_with_a_relative_clause_after_the_name():
    text = TOWN + "The old pier became a museum. Said Dora Platt, who grew up with Pike in the village, “We were all so proud.”\n"
    quote = quote_containing(run(text), "so proud")
    assert quote.speaker == "Dora Platt"
    assert quote.cue_text == "Said"


def test_a_spaced_closer_after_a_nested_quote_still_takes_the_cue_after_it():
    text = TOWN + "\"She went so far as to say she will be 'above the mayor,' \" said Lin Zaw Hla, an activist.\n"
    assert quote_containing(run(text), "above the mayor").speaker == "Lin Zaw Hla"


def test_an_age_points_back_to_the_person_just_mentioned():
    text = "Tom Reed posted the clip on Thursday.\n\n“What if the ferry had wings?” the 43-year-old asked in the video.\n"
    quote = quote_containing(run(text), "had wings")
    assert quote.speaker == "Tom Reed"
    assert quote.speaker_mention is not None and text[quote.speaker_mention.start : quote.speaker_mention.end] == "the 43-year-old"


def test_a_title_points_back_to_the_person_who_holds_it():
    text = "Mayor Ana Pike met Tom Reed at the pier.\n\n“We will not close the port,” the mayor said.\n"
    assert quote_containing(run(text), "close the port").speaker == "Ana Pike"


def test_the_agent_of_a_passive_question_asked_it():
    text = TOWN + "Reed was asked by host Bill Moran, who supports Pike, “Now, is the ferry late again?”\n"
    assert quote_containing(run(text), "ferry late").speaker == "Bill Moran"


def test_a_passive_question_without_an_agent_has_no_speaker_rather_than_the_one_asked():
    text = TOWN + "In an interview, Reed was asked, “Where is the ferry?”\n"
    assert quote_containing(run(text), "Where is").speaker is None


def test_a_speaker_heard_asking():
    text = TOWN + "“Should there be a new ferry?” a reporter can be heard asking Reed after an event.\n"
    assert quote_containing(run(text), "new ferry").speaker == "a reporter"


def test_another_after_an_inverted_cue():
    text = TOWN + "“The ferry is late,” wrote one rider. “The port is closed,” tweeted another.\n"
    assert quote_containing(run(text), "port is closed").speaker == "another"


def test_the_person_a_message_is_addressed_to_did_not_speak_it():
    text = TOWN + "Harbour Master Carl Ames, R-Ky., delivered a blunt message to Reed: “It is time to stop.”\n"
    assert quote_containing(run(text), "time to stop").speaker == "Carl Ames"


def test_the_subject_of_the_main_clause_after_a_subordinate_one():
    text = TOWN + "But almost immediately after she did, Carl Ames, who advises Reed, tweeted this: “She did it again.”\n"
    assert quote_containing(run(text), "did it again").speaker == "Carl Ames"


def test_a_name_with_the_body_it_belongs_to_before_the_cue():
    text = TOWN + '"Building a new pier would be a stretch," Jeffrey Lewis of the Martin Center for Harbour Studies wrote in May.\n'
    assert quote_containing(run(text), "new pier").speaker == "Jeffrey Lewis"


def test_a_clause_after_the_quote_that_opens_with_when_is_not_its_attribution():
    text = TOWN + "The spot ends with footage of Reed saying during the debate, “That makes me smart,” when Pike blasted him.\n"
    quote = quote_containing(run(text), "makes me smart")
    assert quote.speaker == "Tom Reed"
    assert quote.cue_text == "saying"


def test_the_place_a_crowd_marches_through_is_not_the_crowd():
    text = TOWN + "Protesters marching through the streets chanted “What curfew?” and kept going.\n"
    quote = quote_containing(run(text), "What curfew")
    assert quote.kind == "direct"
    assert quote.speaker == "Protesters"


def test_a_day_between_the_subject_and_its_cue():
    text = TOWN + "Sen. Ana Pike on Wednesday morning also called upon the town to press the county.\n\n\"The county is as worried as we are.\"\n"
    assert quote_containing(run(text), "as worried").speaker == "Ana Pike"


@pytest.mark.parametrize(
    "setup",
    [
        "At the mayor’s direction, the harbour board issued a statement apologizing to Reed for the emails.",
        "The harbour board said in a statement that it would review the case.",
    ],
)
def test_a_body_that_put_out_a_statement_carries_into_the_quote_paragraph_after(setup):
    text = TOWN + setup + "\n\n“We take every complaint seriously.”\n"
    assert quote_containing(run(text), "every complaint").speaker == "the harbour board".replace("the", "The", setup.startswith("The"))


def test_the_agent_of_a_passive_question_across_its_relative_clause():
    text = TOWN + "Reed was asked by host Bill Moran, who supports Reed but has dismissed the story, “Now, is the ferry late?”\n"
    assert quote_containing(run(text), "ferry late").speaker == "Bill Moran"


def test_a_person_inside_an_opening_adverbial_is_not_the_subject():
    text = TOWN + "In a long interview with journalist Carl Ames last year, Pike said she welcomed the vote and added, “I will win.”\n"
    assert quote_containing(run(text), "I will win").speaker == "Ana Pike"


def test_a_sentence_between_two_quotes_that_ends_on_its_cue_hands_over_the_next_quote():
    text = TOWN + "“Tell her I promised you a picture,” Pike said, and her husband cut in. “Do not forget me.”\n"
    assert quote_containing(run(text), "promised you").speaker == "Ana Pike"
    assert quote_containing(run(text), "forget me").speaker == "her husband"


def test_a_cue_in_a_relative_clause_between_two_quotes_does_not_take_the_second():
    text = TOWN + "“The port is old,” Ms. Pike said at the dinner in town, where Mr. Reed also spoke. “It is older than me.”\n"
    assert quote_containing(run(text), "older than me").speaker == "Ana Pike"


@pytest.mark.parametrize("title", ["New Day", "Harbourside"])
def test_a_show_title_after_a_network_is_a_term_even_when_a_cue_follows(title):
    text = TOWN + f"Friday on Harbour TV’s “{title},” Sen. Ana Pike, a supporter of the port, said the ferry is late.\n"
    quote = quote_containing(run(text), title)
    assert quote.kind == "scare"
    assert quote.speaker is None


def test_a_so_called_term_is_a_scare_quote_whoever_speaks_in_the_sentence():
    text = TOWN + "Pike said the town was giving boats to the so-called “rebels” that would sail them away.\n"
    quote = quote_containing(run(text), "rebels")
    assert quote.kind == "scare"
    assert quote.speaker is None


def test_a_label_paragraph_ending_in_a_colon_looks_no_further_back_than_itself():
    text = (
        TOWN + "From Carl Ames writing at The Harbour Post:\n\n\"Rising to the top of the port takes cunning.\"\n\n"
        "More from the report:\n\n\"The pier is old.\"\n"
    )
    result = run(text)
    assert quote_containing(result, "takes cunning").speaker == "Carl Ames"
    assert quote_containing(result, "pier is old").speaker == "the report"



@pytest.mark.parametrize(
    ("text", "name", "subject"),
    [
        ("Asked Tuesday about Reed, Pike said no.", "Pike", True),
        ("Foreign Minister Ana Pike said no.", "Ana", True),
        ("The ferry sailed to Pike Harbour.", "Pike", False),
        ("He spoke about Harbour Master Ana Pike.", "Ana", False),
    ],
)
def test_a_name_is_subject_like_unless_a_preposition_governs_it(text, name, subject):
    from annotator.core.extraction.attribution import _subject_like

    assert _subject_like(text, text.index(name)) is subject


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("The town was on edge, with many marchers and spectators chanting “We are the port” as they walked.", "many marchers and spectators"),
        ("Pike and her backers tried to tie Reed to the mayor, with one of her ads asking, “Is Reed fit to serve?”", "one of her ads"),
    ],
)
def test_the_phrase_after_with_does_what_the_gerund_says(sentence, speaker):
    text = TOWN + sentence + "\n"
    quote = next(q for q in run(text).quotes if q.kind == "direct")
    assert quote.speaker == speaker


def test_a_described_subject_after_even():
    text = TOWN + "Even a top harbour strategist said Pike will have to choose a side, saying, “At some point she has to decide.”\n"
    assert quote_containing(run(text), "has to decide").speaker == "a top harbour strategist"


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("“This is an across-the-board failure,” in Reed’s view.", "Tom Reed"),
        ("The fair was held here because, in Pike’s words, “it is the busiest port on the coast.”", "Ana Pike"),
        ("As The Post’s Carl Ames puts it, \"Harbour people are unmoved.\"", "Carl Ames"),
        ("“We are shocked, he was a friend to us,” one P&G Harbour employee told the radio.", "one P&G Harbour employee"),
    ],
)
def test_whose_words_or_view_a_quote_gives(sentence, speaker):
    text = TOWN + sentence + "\n"
    quote = next(q for q in run(text).quotes if q.kind == "direct")
    assert quote.speaker == speaker


def test_two_apostrophes_typed_for_a_double_mark_open_and_close_one_quote():
    text = TOWN + "''The port is busy,'' said Ana Pike, the harbour master.\n\nIn his 2002 book, ''Make Your Kid a Millionaire,'' Reed wrote about money.\n"
    result = run(text)
    spoken = quote_containing(result, "port is busy")
    assert spoken.text == "''The port is busy,''"
    assert spoken.kind == "direct"
    assert spoken.speaker == "Ana Pike"
    title = quote_containing(result, "Millionaire")
    assert title.text == "''Make Your Kid a Millionaire,''"
    assert title.kind == "scare"


def test_two_apostrophes_after_a_plural_are_not_a_quote_mark():
    text = TOWN + "The students' books and the teachers' pens were ''lost'' again, said Ana Pike.\n"
    assert [q.text for q in run(text).quotes] == ["''lost''"]


def test_a_quoted_transcript_line_is_spoken_by_its_label():
    text = (
        "Mayor Ana Pike met ferry captain Tom Reed on Monday.\n\n"
        "\"MORAN: Mayor Pike, on the night of the storm, did you close the port?\"\n\n"
        "\"PIKE: I did not. The port stayed open.\"\n"
    )
    result = run(text)
    question = quote_containing(result, "night of the storm")
    assert question.speaker == "Moran"
    assert question.speaker_mention is not None and text[question.speaker_mention.start : question.speaker_mention.end] == "MORAN"
    assert quote_containing(result, "stayed open").speaker == "Ana Pike"


def test_a_programme_told_a_quote_is_neither_glued_to_it_nor_spoken():
    text = "Ana Pike runs the port.\n\n“We will win,” Pike told “Fox News Sunday,” adding that the port is safe.\n"
    result = run(text)
    spoken = quote_containing(result, "We will win")
    assert spoken.text == "“We will win,”"
    assert spoken.parts == []
    title = quote_containing(result, "Fox News")
    assert title.kind == "scare"
    assert title.speaker is None


@pytest.mark.parametrize("lead", ["who goes by", "known as", "nicknamed"])
def test_a_nickname_is_a_scare_quote(lead):
    text = f"Ana Pike runs the port.\n\nPike said the captain, {lead} “Red,” runs the ferry.\n"
    quote = quote_containing(run(text), "Red")
    assert quote.kind == "scare"
    assert quote.speaker is None


def test_a_short_term_in_a_sentence_without_a_cue_is_not_given_to_the_sentence_before():
    text = "Ana Pike runs the port.\n\nPike said the port would grow. Reed became the first captain to buy a “promoted trend” on the board.\n"
    quote = quote_containing(run(text), "promoted trend")
    assert quote.kind == "scare"
    assert quote.speaker is None


@pytest.mark.parametrize("rank", ["Const.", "Cpl.", "Supt.", "Det."])
def test_a_police_rank_abbreviation_does_not_end_the_speaker(rank):
    text = f"Police were called to the pier on Monday.\n\n“Nobody was hurt,” said {rank} Jane Doe.\n"
    quote = quote_containing(run(text), "Nobody was hurt")
    assert quote.speaker is not None and quote.speaker.endswith("Jane Doe")


def test_a_quote_paragraph_after_a_paragraph_opening_on_a_person_is_theirs():
    text = (
        "Ana Pike runs the port.\n\n“We will rebuild,” Pike said.\n\n"
        "Tom Reed has run the ferry for 30 years.\n\n“It is my life and it always will be.”\n\n"
        "The ferry leaves at dawn.\n\n“Boats first, always.”\n"
    )
    result = run(text)
    assert quote_containing(result, "my life").speaker == "Tom Reed"
    assert quote_containing(result, "Boats first").speaker is None


def test_quotes_in_hard_wrapped_plain_text_are_found_across_line_breaks(tmp_path):
    from annotator.core.extraction import extract
    from annotator.core.readers import read_article

    path = tmp_path / "wrapped.txt"
    path.write_text(
        "Harbour reopens after storm\n\n"
        "Ana Pike, the harbour master, said on Monday that the port would reopen\n"
        'next week. "We have worked day and night to clear the channel, and the\n'
        'boats will be back by Friday," Pike said.\n\n'
        'Tom Reed, who runs the ferry, was less sure. "I will believe it when I\n'
        'see it," he said.\n',
        encoding="utf-8",
    )
    result = extract(read_article(path))
    assert quote_containing(result, "back by Friday").speaker == "Ana Pike"
    assert quote_containing(result, "believe it when").speaker == "Tom Reed"


def test_one_sentence_per_line_copy_keeps_a_unit_per_line(tmp_path):
    from annotator.core.extraction.units import text_units
    from annotator.core.readers import read_article

    path = tmp_path / "wire.txt"
    path.write_text(
        "Harbour reopens\n\nThe port reopened on Monday after the storm.\nPike said the boats were back.\n"
        "Reed said the ferry would sail on Friday.\n",
        encoding="utf-8",
    )
    article = read_article(path)
    assert len(text_units(article)) == 4


@pytest.mark.parametrize(
    ("attribution", "speaker"),
    [
        ("a spokesperson for Miller said in an email", "a spokesperson for Miller"),
        ("an aide to Miller said", "an aide to Miller"),
        ("Miller’s spokesman said", "Miller’s spokesman"),
        ("Miller’s office said", "Miller’s office"),
        ("Miller said", "Marc Miller"),
        ("President of the Harbour Board Tom Reed said", "Tom Reed"),
        ("a lawyer for Miller, Ana Pike, said", "Ana Pike"),
        ("said former secretary of state Ana Pike, who praised Miller", "Ana Pike"),
    ],
)
def test_a_person_named_only_as_whom_the_speaker_works_for_did_not_speak(attribution, speaker):
    text = f"Minister Marc Miller visited the port.\n\n“We are sending a team,” {attribution}.\n"
    assert quote_containing(run(text), "sending a team").speaker == speaker


def test_a_speaker_whose_apposition_quotes_a_term_still_takes_the_cue_after_it():
    text = (
        "Not everyone was happy at the convention.\n\n“We have had better conventions than this one,” "
        "harbour delegate Bill Eastland, wearing a cap and “Pike” campaign pins, said as confetti fell.\n"
    )
    quote = quote_containing(run(text), "better conventions")
    assert quote.speaker == "Bill Eastland"
    assert quote.cue_text == "said"


def test_a_clause_after_the_quote_opening_with_a_preposition_is_not_its_attribution():
    text = 'Sheriff Tom Reed spoke at the rally.\n\nHe said, "Ana Pike will build the pier" - at which point the crowd chanted loudly.\n'
    quote = quote_containing(run(text), "build the pier")
    assert quote.speaker == "Tom Reed"


@pytest.mark.parametrize(
    "sentence",
    [
        "After the news spread, the “Harbourside” star posted a long message to her fans, Pike said.",
        "Reed’s “Tidewater” crew stayed ashore all week, Pike said.",
        "“Tidewater” fans waited at the dock for hours, Pike said.",
    ],
)
def test_a_title_used_inside_a_noun_phrase_is_a_scare_quote(sentence):
    text = f"Ana Pike runs the port.\n\n{sentence}\n"
    inner = sentence.split("“")[1].split("”")[0]
    quote = quote_containing(run(text), inner)
    assert quote.kind == "scare"
    assert quote.speaker is None


def test_a_capitalised_clause_before_a_lower_case_word_is_still_quoted():
    text = "Ana Pike runs the port.\n\n“People were cheering” before the ferry left, Pike said.\n"
    quote = quote_containing(run(text), "People were cheering")
    assert quote.kind != "scare"
    assert quote.speaker == "Ana Pike"


@pytest.mark.parametrize("apposition_comma", ["", ","])
def test_the_pronoun_after_a_long_subordinate_clause_is_the_subject(apposition_comma):
    text = (
        "Ana Pike will hold her next briefing soon.\n\n"
        f"When Robby Kell, Pike’s campaign manager{apposition_comma} was asked at a lunch if Pike would hold a "
        "briefing before the vote, he laughed and said, “We’ll see.”\n"
    )
    quote = quote_containing(run(text), "We’ll see")
    assert quote.speaker == "Robby Kell"
    assert text[quote.speaker_mention.start : quote.speaker_mention.end] == "he"


def test_a_gerund_cue_after_a_quote_keeps_the_clause_subject_as_speaker():
    text = (
        "Ana Pike spoke at the harbour.\n\n"
        "Ana Pike has delivered a warm defence of “Harbour values,” saying the town embodied the “heart of the coast.”\n"
    )
    result = run(text)
    quote = quote_containing(result, "Harbour values")
    assert quote.speaker == "Ana Pike"
    assert quote.cue_text == "saying"
    assert all(q.speaker != "the town embodied" for q in result.quotes)


def test_a_short_term_before_a_gerund_cue_stays_a_scare_quote():
    text = "Ana Pike spoke at the harbour.\n\nReed needled the local “captain,” saying, “A captain who sails on request!”\n"
    result = run(text)
    assert quote_containing(result, "captain,").kind == "scare"
    assert quote_containing(result, "sails on request").speaker == "Reed"


@pytest.mark.parametrize("group", ["Small groups of protesters", "Angry residents"])
def test_a_described_group_with_an_adjective_and_no_article_is_the_speaker(group):
    text = (
        "The port reopened.\n\n"
        f"{group} kept marching, looping the streets around the stadium - where the city's Harbour Hawks "
        "played the Bay Rovers - while chanting, \"Ferry for all.\"\n"
    )
    quote = quote_containing(run(text), "Ferry for all")
    assert quote.speaker == group


@pytest.mark.parametrize("doer, speaker", [("Tom Reed", "Tom Reed"), ("many marchers", "many marchers")])
def test_the_doer_after_with_speaks_a_gerund_cue(doer, speaker):
    text = f"The vote is near.\n\nAna Pike’s plan drew crowds, with {doer} saying: “We have to be ready to stop him.”\n"
    quote = quote_containing(run(text), "ready to stop him")
    assert quote.speaker == speaker
