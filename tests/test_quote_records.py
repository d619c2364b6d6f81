"""helpers.quote_records: the standard unit (one record per quotation or reported clause), and each rule
of the extractor on a short text written for it.

The figures on real news (the Gender Gap Tracker's annotated articles) come from ``make evaluate``;
these tests check the rules themselves, one shape of sentence at a time.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import helpers
from helpers import find_attributions, load_article, quote_records
from helpers.article import ArticleError


def article(body: str):
    return load_article(text="A headline for the test\n\n" + body)


def records(body: str):
    return quote_records(article(body))


def units(body: str) -> list[tuple]:
    """(speaker, verb, what is reported, floating) of every record."""
    return [(r.speaker, r.verb, r.content, r.floating) for r in records(body)]


def attributed(body: str) -> list[tuple]:
    return [(a.speaker, a.verb) for a in find_attributions(article(body))]


# --- the unit ------------------------------------------------------------------------------------------

def test_the_fields_of_a_record_point_into_the_text():
    text = article("“The bridge will close,” said Mayor Ana Ruiz. “Nobody will cross it.”")
    first, second = quote_records(text)
    assert text.text[first.start:first.end] == first.speaker == "Ana Ruiz"
    assert text.text[first.verb_start:first.verb_end] == first.verb == "said"
    assert text.text[first.content_start:first.content_end] == first.content == "“The bridge will close,”"
    assert (first.source, first.floating, first.kind, first.mention) == ("Ana Ruiz", False, "direct", "name")
    assert (second.speaker, second.start, second.verb, second.floating) == ("", None, "", True)
    assert (second.content, second.source, second.attribution) == ("“Nobody will cross it.”", "Ana Ruiz", 0)


def test_quote_records_is_exported_and_shares_the_analysis_of_find_attributions():
    assert helpers.quote_records is quote_records
    text = article("Ana Ruiz said the bridge would close.")
    [record] = quote_records(text)
    [attribution] = find_attributions(text)
    assert (record.speaker, record.source) == (attribution.speaker, attribution.source)


def test_a_quotation_split_by_its_clause_is_two_records_the_second_floating():
    assert units("“We are ready,” said Ana Ruiz, “and we will stay.”") == [
        ("Ana Ruiz", "said", "“We are ready,”", False), ("", "", "“and we will stay.”", True)]


def test_a_reported_clause_split_by_its_clause_is_two_records_with_the_speaker():
    assert units("The plan, she said, was too costly.") == [
        ("she", "said", "The plan", False), ("she", "said", "was too costly", False)]


def test_the_reported_clause_leaves_out_that_and_the_full_stop():
    assert units("Ana Ruiz said on Monday that the bridge would close.") == [
        ("Ana Ruiz", "said", "the bridge would close", False)]


def test_a_statement_before_its_clause():
    assert units("The bridge will close in March, the mayor said.") == [
        ("the mayor", "said", "The bridge will close in March", False)]


def test_a_participle_is_a_floating_record_with_its_verb():
    assert units("“We are ready,” she said, adding that the team was tired.") == [
        ("she", "said", "“We are ready,”", False), ("", "adding", "the team was tired", True)]


def test_a_quotation_only_sentence_and_paragraph_are_floating_records_of_the_speaker_before():
    found = records("“The water is rising,” said Ida Berg. “We moved the cars.”\n\n“Nobody is hurt.”")
    assert [(r.content, r.floating, r.source) for r in found] == [
        ("“The water is rising,”", False, "Ida Berg"), ("“We moved the cars.”", True, "Ida Berg"),
        ("“Nobody is hurt.”", True, "Ida Berg")]


def test_according_to_is_no_verb():
    assert units("The cuts were deep, according to the union.") == [
        ("the union", "", "The cuts were deep", False)]


def test_a_partial_quotation_is_the_whole_clause():
    [r] = records("The minister said the talks were “close to a deal” on Friday.")
    assert (r.kind, r.content) == ("partial", "the talks were “close to a deal” on Friday")


# --- verbs and what follows them -------------------------------------------------------------------------

@pytest.mark.parametrize("body, speaker, verb", [
    ("Trade Minister Ana Ruiz called the plan “a disgrace”.", "Ana Ruiz", "called"),
    ("She described the offer as “an insult”.", "She", "described"),
    ("The union alleged that managers had lied.", "The union", "alleged"),
    ("Critics suggested the deal was rushed.", "Critics", "suggested"),
    ("The council rejected claims that it had hidden the costs.", "The council", "rejected"),
    ("Tom Lee dismissed the report as fiction.", "Tom Lee", "dismissed"),
    ("“I was born ready,” joked Tom Lee.", "Tom Lee", "joked"),
    ("“Not bad,” quipped his brother.", "his brother", "quipped"),
    ("The mayor tweeted that the road was open.", "The mayor", "tweeted"),
    ("The mayor wrote that the road was open.", "The mayor", "wrote"),
    ("The engineer testified that the bolts were loose.", "The engineer", "testified"),
    ("“We are closed,” the sign read.", "the sign", "read"),
    ("The firm acknowledged that it had erred.", "The firm", "acknowledged"),
    ("Ana Ruiz commented that the plan was late.", "Ana Ruiz", "commented"),
    ("The lawyer expressed “deep concern” over the ruling.", "The lawyer", "expressed"),
])
def test_reporting_verbs_beyond_said(body, speaker, verb):
    assert [(r.speaker, r.verb) for r in records(body)] == [(speaker, verb)]


@pytest.mark.parametrize("body, content", [
    ("The mayor urged residents to leave.", "to leave"),
    ("Critics accused the chains of squeezing suppliers.", "of squeezing suppliers"),
    ("Experts cautioned against reading too much into one year.", "against reading too much into one year"),
    ("She told reporters the plan was dead.", "the plan was dead"),
    ("She told CBC News on Monday that the plan was dead.", "the plan was dead"),
    ("Ana Ruiz said in December that the plan was late.", "the plan was late"),
    ("He states however, that the costs rose.", "the costs rose"),
    ("She shrugged and said no.", "no"),
    ("The parade falls on what organisers say is the town's anniversary.", "is the town's anniversary"),
    ("The council said about 1,300 people came to the opening.", "about 1,300 people came to the opening"),
    ("Residents report having no heating since May.", "having no heating since May"),
    ("The town lacks the funds that the council says are needed.", "are needed"),
    ("The official told reporters most U.S. visitors stay a week.", "most U.S. visitors stay a week"),
    ("The coach told players that rivals such as the team from Leeds were beatable.",
     "rivals such as the team from Leeds were beatable"),
])
def test_what_comes_between_the_verb_and_the_statement(body, content):
    assert [r.content for r in records(body)] == [content]


@pytest.mark.parametrize("body", [
    "The visitors replied two minutes later with a goal of their own.",
    "They added a third goal before the break.",
    "The ministry denied the existence of a secret fund.",
    "The minister did not say whether the school would close.",
    "She never confirmed the date.",
    "The firm declined to comment.",
    "The mayor's Sunday tweet about the parade drew a crowd.",
    "Both clubs confirmed the transfer of the striker.",
    "Last spring, the city added a bus lane to the bridge.",
    "The club posted a photo of the new kit on its website in which two players pose.",
])
def test_verbs_in_another_sense_report_no_statement(body):
    assert records(body) == []


def test_a_demand_with_an_object_is_an_attribution_but_reports_no_words():
    assert attributed("She asked the singer for an autograph.") == [("She", "asked")]
    assert records("She asked the singer for an autograph.") == []


def test_a_plural_subject_takes_no_s_form():
    """In "both remarks", "remarks" is a noun: "both" would take "remark"."""
    assert [r.verb for r in records("The mayor noted both remarks “for the record”.")] == ["noted"]


def test_a_bare_verb_form_needs_a_plural_subject():
    assert units("Officials explain that the bridge is unsafe.") == [
        ("Officials", "explain", "the bridge is unsafe", False)]
    assert records("The report explain nothing.") == []


# --- speakers --------------------------------------------------------------------------------------------

@pytest.mark.parametrize("body, speaker", [
    ("“We print every one,” says the bearded publisher.", "the bearded publisher"),
    ("“We print every one,” the tall, soft-spoken printer said.", "the tall, soft-spoken printer"),
    ("“Two!” says my four-year-old.", "my four-year-old"),
    ("Ana Ruiz and Tom Lee said they would appeal.", "Ana Ruiz and Tom Lee"),
    ("At home, Tom Lee, who keeps bees, said the winter was hard.", "Tom Lee"),
    ("Tom Lee, 56, a retired teacher from the valley, says the winter was a relief.", "Tom Lee"),
    ("City staff confirmed that the pool will reopen in May.", "City staff"),
    ("The mayor’s aides said the budget was ready.", "The mayor’s aides"),
    ("The statement said the plant would close.", "The statement"),
    ("According to the memo, staff will be cut.", "the memo"),
    ("Tom Lee\u200b said the union would help.", "Tom Lee"),
    ("“We will stay,” says Lee’s partner, Ana Ruiz.", "Ana Ruiz"),
    ("The U.S. alleges the firm hid its losses.", "U.S."),
    ("People familiar with the talks said a deal was near.", "People familiar with the talks"),
    ("Some suggested that the season could be longer.", "Some"),
    ("The bank’s research unit said the rates would fall.", "The bank’s research unit"),
])
def test_speakers(body, speaker):
    assert [r.speaker for r in records(body)] == [speaker]


def test_a_participle_after_a_clause_with_no_reporting_verb_credits_the_subject():
    assert units("The spokeswoman hit back on Friday, saying the figures were wrong.") == [
        ("The spokeswoman", "saying", "the figures were wrong", False)]
    assert units("She was quoted as saying that the school would stay open.") == [
        ("She", "saying", "the school would stay open", False)]


def test_a_quotation_after_a_colon_credits_the_subject_with_no_verb():
    assert units("The mayor ended her speech with this: “We will rebuild.”") == [
        ("The mayor", "", "“We will rebuild.”", False)]


def test_a_photo_caption_is_not_the_report():
    body = "The mayor said the bridge would reopen. (Ana Ruiz/The Daily Star)\n\nTom Lee said it would not."
    assert [r.speaker for r in records(body)] == ["Tom Lee"]
    assert records("The mayor explains the plan in a video. 2:43") == []


# --- sources: pronouns and short names --------------------------------------------------------------------

def sources(body: str) -> list[str]:
    return [r.source for r in records(body)]


def test_a_pronoun_goes_on_standing_for_what_it_stood_for():
    body = ("Mayor Ana Ruiz opened the meeting. She greeted Tom Lee at the door.\n\n"
            "She cited the budget. “We are broke,” she said.")
    assert sources(body) == ["Ana Ruiz"]


def test_a_pronoun_stands_for_the_last_compatible_speaker_paragraphs_back():
    body = ("“We will appeal,” said Ana Ruiz.\n\nThe court meets in May.\n\nThe hearing may last a week.\n\n"
            "“We are confident,” she said.")
    assert sources(body) == ["Ana Ruiz", "Ana Ruiz"]


def test_the_text_gives_the_gender_never_the_first_name():
    body = ("“We will appeal,” said Kim Sato. “We will win,” she added. Lee Chan, the council's lawyer, "
            "disagreed. “The case is weak,” he said.")
    assert sources(body) == ["Kim Sato", "Kim Sato", "Lee Chan"]
    genders = {p.name: p.gender for p in helpers.find_people(article(body))}
    assert genders == {"Kim Sato": "female", "Lee Chan": "male"}


def test_titles_mr_and_ms_say_the_gender():
    body = ("Ms. Kim Park and Mr. Lee Chan met on Monday.\n\n“The deal is done,” he said.")
    assert sources(body) == ["Lee Chan"]


def test_a_person_named_after_the_last_speaker_is_the_new_topic():
    body = ("“We need more beds,” said Ana Ruiz.\n\nThe clinic is run by Dr. Tom Lee, a surgeon.\n\n"
            "“I have never seen it so full,” he says.")
    assert sources(body)[-1] == "Tom Lee"


def test_a_one_word_name_that_speaks_can_be_he_or_she():
    body = "Lee said the rink was full. “We turn people away,” he added."
    assert sources(body) == ["Lee", "Lee"]


def test_a_short_name_is_the_full_name_given_before():
    body = "Ana Ruiz runs the clinic.\n\nRuiz said the beds were full."
    assert sources(body) == ["Ana Ruiz"]


def test_they_stands_for_a_plural_subject():
    body = "Opposition senators want to go home, and they say they will not vote again."
    assert sources(body) == ["Opposition senators"]


# --- invariants on any text --------------------------------------------------------------------------------

TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=300)
WORDS = st.lists(st.sampled_from(["said", "told", "according", "to", "he", "she", "they", "the", "ministry",
                                  "Ana", "Ruiz", "Mayor", ",", ".", ":", "“", "”", "«", "»", '"', "'", "’", "‘",
                                  "\n\n", "officials", "saying", "and", "called", "it", "a", "lie", "(", ")",
                                  "Editor’s", "note", "[", "]", "who", "not", "explain", "\u200b"]),
                 max_size=60).map(" ".join)


@given(st.one_of(TEXT, WORDS))
def test_records_point_at_what_they_claim_and_never_say_indirect_with_a_quotation(text):
    try:
        a = load_article(text=text)
    except ArticleError:
        return
    quotes = [q for q in a.quotes if q.level == 0]
    for r in quote_records(a):
        assert 0 <= r.content_start < r.content_end <= len(a.text)
        assert a.text[r.content_start:r.content_end] == r.content
        if r.start is not None:
            assert a.text[r.start:r.end] == r.speaker and not r.floating
        else:
            assert r.speaker == "" and r.floating
        if r.verb:
            assert a.text[r.verb_start:r.verb_end] == r.verb
        has_quote = any(r.content_start <= q.start and q.end <= r.content_end for q in quotes)
        assert not (r.kind == "indirect" and has_quote)
        for s, e in r.editorial:
            assert r.content_start <= s < e <= r.content_end
    for at in find_attributions(a):
        assert not (at.kind == "indirect" and at.quotes), at


def test_possessive_pronouns_carry_the_chain_on():
    body = ("Nora Hill opened the shelter in 2015, with Tom Ray as her first volunteer.\n\n"
            "Her days are long. Her plea to the city is short.\n\n“We turn people away,” she says.")
    assert sources(body) == ["Nora Hill"]


def test_according_to_inside_the_statement_splits_it_in_two():
    assert [(r.speaker, r.content) for r in records(
        "The old pool will close, according to the town, and a new one will open in May.")] == [
        ("the town", "The old pool will close"), ("the town", "and a new one will open in May")]
