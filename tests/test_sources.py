"""Tests of helpers.sources: each shape of attribution on a small text written for it, the course
article's hard cases, the source table and its export, robustness and speed.

The evaluation against the hand annotations is in test_source_evaluation.py.
"""

from __future__ import annotations

import csv

import pytest
from hypothesis import given
from hypothesis import strategies as st

from helpers import find_quotes, load_article
from helpers.article import ArticleError
from helpers.attribution_patterns import (
    CHANNELS, PARTICIPLES, REPORTING_VERBS, SIDES, SOCIAL_MEDIA, SOURCE_TYPES, TITLES, VERB_FORMS,
)
from helpers.sources import (
    add_sides, channel_medium, export_source_table, find_attributions, find_people, seed_sources, source_table,
    verb_rating,
)


def article(body: str):
    """A test article: a headline, then ``body`` (paragraphs separated by blank lines)."""
    return load_article(text="A headline for the test\n\n" + body)


def only(body: str):
    """The single attribution of ``body`` (fails if there are none or several)."""
    found = find_attributions(article(body))
    assert len(found) == 1, [(a.speaker, a.verb) for a in found]
    return found[0]


def quoted(a, attribution) -> list[str]:
    return [a.text[s:e] for s, e in attribution.quotes]


# --- speaker before or after the quotation --------------------------------------------------------

def test_speaker_before_a_colon_and_a_full_quotation():
    a = only('Mayor Ana Ruiz said: "The bridge will close in March."')
    assert (a.speaker, a.source, a.title, a.verb, a.kind) == ("Ana Ruiz", "Ana Ruiz", "Mayor", "said", "direct")
    assert a.quote == "The bridge will close in March."


def test_speaker_after_the_quotation_is_a_description():
    a = only("“The bridge will close in March,” the mayor said.")
    assert (a.speaker, a.source, a.mention, a.kind) == ("the mayor", "mayor", "description", "direct")


def test_said_x_inversion_with_a_relative_clause():
    a = only('"We are ready for the storm," said Tom Baker, who runs the harbour.')
    assert (a.speaker, a.verb, a.kind, a.title) == ("Tom Baker", "said", "direct", None)


def test_inverted_order_with_channel_long_title_and_two_sentence_quotation():
    text = article("“Prices rose again. Families cannot cope,” lamented on X (ex-Twitter) Ana Lopez, "
                   "the consumer rights defender of the region.")
    [a] = find_attributions(text)
    assert (a.speaker, a.verb, a.channel, a.kind) == ("Ana Lopez", "lamented", "X", "direct")
    assert a.title == "the consumer rights defender of the region"
    assert a.quote == "Prices rose again. Families cannot cope,"


def test_inverted_order_after_a_press_release():
    a = only("“The vaccine is safe,” announced in a press release the Ministry of Health.")
    assert (a.speaker, a.source, a.channel, a.kind) == ("Ministry of Health", "Ministry of Health",
                                                        "press release", "direct")


def test_inverted_order_for_his_part_with_title_and_channel():
    text = article("The talks must “resume”, asked for his part the President of the Regional Council Paul Weber "
                   "on X (ex-Twitter), “without conditions”.")
    [a] = find_attributions(text)
    assert (a.speaker, a.title, a.verb, a.channel, a.kind) == (
        "Paul Weber", "President of the Regional Council", "asked", "X", "partial")
    assert quoted(text, a) == ["resume", "without conditions"]
    [person] = find_people(text)
    assert (person.name, person.gender) == ("Paul Weber", "male")  # from "for his part"


def test_title_before_the_name_and_the_press_as_channel():
    a = only("“The figures are provisional,” agency spokesperson Maria Lind told the press.")
    assert (a.speaker, a.title, a.verb, a.channel, a.kind) == (
        "Maria Lind", "agency spokesperson", "told", "the press", "direct")


def test_title_in_apposition_before_the_name():
    a = only("The director of the port, Ines Varga, said the cranes would be replaced.")
    assert (a.speaker, a.title, a.kind) == ("Ines Varga", "The director of the port", "indirect")


def test_long_apposition_between_subject_and_verb():
    a = only("Russia, regional power and guarantor of a ceasefire dating from 2020, called on both parties "
             "to “respect” the agreements, saying it was in contact with Baku.")
    assert (a.speaker, a.verb, a.kind) == ("Russia", "called on", "partial")


# --- metonyms, pronouns and descriptions ------------------------------------------------------------

def test_metonym_is_its_own_source_and_indirect_without_quotes():
    a = only("Berlin specified that it had informed its partners of the decision.")
    assert (a.speaker, a.source, a.kind, a.mention) == ("Berlin", "Berlin", "indirect", "name")


def test_according_to_her_resolves_to_the_spokesperson():
    text = article("“The meeting was useful,” Nadia Kim, the minister’s spokesperson, said on Facebook. "
                   "According to her, both sides considered a deal “possible”.")
    first, second = find_attributions(text)
    assert (first.speaker, first.title, first.channel, first.kind) == (
        "Nadia Kim", "the minister’s spokesperson", "Facebook", "direct")
    assert (second.speaker, second.source, second.verb, second.kind) == ("her", "Nadia Kim", "According to", "partial")
    assert [p.gender for p in find_people(text)] == ["female"]


def test_he_stands_for_an_institution_when_no_person_is_named():
    text = article("“Traffic will be diverted from Monday,” announced the Ministry of Transport. "
                   "He also said that “temporary lanes” will open.")
    first, second = find_attributions(text)
    assert (second.speaker, second.source, second.kind) == ("He", "Ministry of Transport", "partial")


def test_he_prefers_the_person_named_before():
    text = article("Prime Minister Nikos Varga urgently convened his cabinet. “We will not give in,” he said.")
    [a] = find_attributions(text)
    assert (a.speaker, a.source) == ("he", "Nikos Varga")


def test_she_skips_a_man_the_text_already_called_he():
    text = article("“It is over,” Paul Dorn said. “We won,” he added. “It is not,” Eva Stam replied. "
                   "Paul Dorn laughed. Later she said that nobody had won.")
    sources = [(a.speaker, a.source) for a in find_attributions(text)]
    assert ("she", "Eva Stam") in sources


def test_they_resolves_to_a_plural_source():
    text = article("The town is under “heavy fire”, local authorities announced. "
                   "The army “has entered the town”, they warned on Facebook.")
    first, second = find_attributions(text)
    assert first.source == "local authorities"
    assert (second.speaker, second.source, second.channel) == ("they", "local authorities", "Facebook")


def test_a_pronoun_with_nothing_before_it_stays_unresolved():
    a = only("They said the road would reopen soon.")
    assert a.source == "They (unresolved)"


def test_short_name_resolves_to_the_full_name():
    text = article('"We did not take this lightly," said Mayor Ana Ruiz.\n\nRuiz said the state would pay half.')
    assert [a.source for a in find_attributions(text)] == ["Ana Ruiz", "Ana Ruiz"]


def test_the_title_as_a_description_resolves_to_the_person_with_that_title():
    text = article("Mayor Ana Ruiz opened the meeting. “We will rebuild,” the mayor said.")
    assert find_attributions(text)[0].source == "Ana Ruiz"


def test_the_ministry_before_a_broken_apposition_resolves_to_the_name_after_it():
    text = article("The Ministry of Health spoke first.\n\n"
                   "At noon, Rome asked for a meeting. “No delay is acceptable,” the ministry stressed. "
                   "Italian Ministry of Foreign Affairs, urging the council “to act today”.")
    rome, ministry = find_attributions(text)
    assert (rome.speaker, rome.kind) == ("Rome", "indirect")
    assert (ministry.speaker, ministry.source, ministry.kind) == (
        "the ministry", "Italian Ministry of Foreign Affairs", "direct")
    assert quoted(text, ministry) == ["No delay is acceptable,", "to act today"]


def test_the_ministry_resolves_to_the_ministry_named_before():
    text = article("The Ministry of Finance published its budget. The ministry said taxes would not rise.")
    assert find_attributions(text)[0].source == "Ministry of Finance"


# --- verbs -----------------------------------------------------------------------------------------

def test_ured_is_a_reporting_verb_variant():
    a = only("For its part, Armenia ured that it had no troops in the area.")
    assert (a.speaker, a.verb, a.kind) == ("Armenia", "ured", "indirect")
    assert (a.speech_act, a.stance, a.rating) == ("commissive", "none", "neutral")  # "assured": a reassurance


def test_called_on_with_quoted_fragments_is_partial():
    text = article("Russia called on both parties to “respect” the agreements and to “avoid provocations”.")
    [a] = find_attributions(text)
    assert (a.verb, a.kind) == ("called on", "partial")
    assert quoted(text, a) == ["respect", "avoid provocations"]


def test_the_kremlin_then_said():
    a = only("The Kremlin then said it was “concerned” by the events.")
    assert (a.speaker, a.source, a.verb, a.kind, a.quote) == ("Kremlin", "Kremlin", "said", "partial", "concerned")


def test_a_verb_that_is_the_whole_quotation():
    a = only("The head of the agency, Lena Voss, also “condemned” the decision.")
    assert (a.speaker, a.title, a.verb, a.kind, a.quote) == (
        "Lena Voss", "The head of the agency", "condemned", "partial", "condemned")


def test_verbs_inside_a_longer_quotation_are_the_speakers_words():
    a = only("“The Russian side urgently calls for an end to the fighting,” the spokesperson said.")
    assert a.verb == "said"


def test_nouns_adjectives_and_passives_are_not_reporting_verbs():
    assert find_attributions(article("The drivers were told to wait. The reported damage is small. "
                                     "The claim was false.")) == []


def test_actions_are_not_attributions_but_the_actor_is_a_named_person():
    text = article("Prime Minister Nikos Varga urgently convened his Security Council. "
                   "The European Union has set up an observation mission.")
    assert find_attributions(text) == []
    [person] = find_people(text)
    assert (person.name, person.title, person.attributions, person.speaks) == (
        "Nikos Varga", "Prime Minister", 0, False)


def test_a_report_inside_a_report_is_one_attribution():
    a = only("According to the minister, farmers have reported lower flows in the channels.")
    assert (a.speaker, a.verb) == ("the minister", "According to")


def test_a_second_verb_of_the_same_speaker_is_one_attribution():
    a = only("The regional farmers’ union welcomed the increase but said it came too late.")
    assert (a.speaker, a.verb, a.source) == ("The regional farmers’ union", "welcomed", "regional farmers’ union")


def test_two_speakers_in_one_sentence():
    found = find_attributions(article("Critics have accused the chains of squeezing suppliers, "
                                      "while supermarkets say they pass most increases on."))
    assert [(a.speaker, a.verb, a.mention) for a in found] == [
        ("Critics", "accused", "group"), ("supermarkets", "say", "group")]


# --- anonymous sources and groups -------------------------------------------------------------------

def test_anonymous_official():
    a = only("An official who asked not to be named said the talks had stalled.")
    assert (a.speaker, a.mention, a.verb, a.kind) == ("An official", "anonymous", "said", "indirect")


def test_anonymous_with_apposition_and_a_prepositional_phrase():
    a = only("An executive at one of the large chains, who asked not to be named, said margins were thin.")
    assert (a.speaker, a.mention) == ("An executive at one of the large chains", "anonymous")


def test_sources_close_to_the_talks():
    a = only("Sources close to the talks said a deal was near.")
    assert (a.speaker, a.mention) == ("Sources close to the talks", "anonymous")


def test_groups():
    found = find_attributions(article("Opponents say the plan is too costly. "
                                      "Local officials said on Monday that work would start soon."))
    assert [(a.speaker, a.mention, a.verb) for a in found] == [
        ("Opponents", "group", "say"), ("Local officials", "group", "said")]


def test_said_one_of_them_with_a_name_in_apposition():
    a = only("Residents seemed resigned. \"It's the price of fixing it,\" said one of them, Joan Miller, "
             "a retired teacher.")
    assert (a.speaker, a.title, a.kind) == ("Joan Miller", "a retired teacher", "direct")


# --- quotations over sentences and paragraphs, every mark ------------------------------------------

def test_quotation_only_sentence_after_the_attribution_belongs_to_it():
    text = article("“The water is rising. We have moved the cars,” said Ida Berg. “Nobody is hurt.”")
    [a] = find_attributions(text)
    assert quoted(text, a) == ["The water is rising. We have moved the cars,", "Nobody is hurt."]


def test_quotation_running_over_two_paragraphs():
    text = article("The director, Helen Park, said: “This road carries thousands of cars a day.\n\n"
                   "“We have asked for a meeting.”\n\nThe weather was mild.")
    [a] = find_attributions(text)
    assert (a.speaker, a.title, a.kind, a.paragraph) == ("Helen Park", "The director", "direct", 0)
    assert quoted(text, a) == ["This road carries thousands of cars a day.", "We have asked for a meeting."]


@pytest.mark.parametrize("open_mark, close_mark", [
    ("“", "”"), ('"', '"'), ("«", "»"), ("« ", " »"), ("„", "“"), ("‘", "’")])
def test_every_quotation_mark_style(open_mark, close_mark):
    text = article(f"{open_mark}We stay here,{close_mark} said Marc Dubois.")
    [a] = find_attributions(text)
    assert (a.speaker, a.kind, a.quote) == ("Marc Dubois", "direct", "We stay here,")


def test_mixed_marks_from_the_seed():
    text = article("The prime minister said the situation was “stable » and that the army was “not engaged”.")
    [a] = find_attributions(text)
    assert quoted(text, a) == ["stable", "not engaged"]
    assert a.kind == "partial"


def test_quote_offsets_coincide_with_find_quotes_spans():
    text = article("“A,” said Ana Ruiz. “B and C.” Then “D” was added, she said.")
    spans = {(q.start, q.end) for q in find_quotes(text)}
    for a in find_attributions(text):
        assert set(a.quotes) <= spans
        if a.quotes:
            assert (a.quote_start, a.quote_end) == a.quotes[0]
            assert text.text[a.quote_start:a.quote_end] == a.quote


def test_an_article_without_quotation_marks_gives_indirect_attributions():
    text = article("The central bank said on Thursday it would keep rates unchanged. Its governor, Rosa Alm, "
                   "told reporters that inflation was falling. She warned, however, that energy prices remained high.")
    found = find_attributions(text)
    assert [(a.speaker, a.source, a.kind) for a in found] == [
        ("The central bank", "central bank", "indirect"), ("Rosa Alm", "Rosa Alm", "indirect"),
        ("She", "Rosa Alm", "indirect")]
    assert found[1].channel == "the press"


def test_the_headline_is_not_searched():
    assert find_attributions(load_article(text="Rebels say they won\n\nNothing else happened.")) == []


# --- the course article ----------------------------------------------------------------------------

@pytest.fixture(scope="module")
def seed():
    return load_article()


@pytest.fixture(scope="module")
def seed_found(seed):
    return find_attributions(seed)


def find(found, paragraph, speaker):
    [a] = [a for a in found if a.paragraph == paragraph and a.speaker == speaker]
    return a


@pytest.mark.parametrize("paragraph, speaker, source, verb, kind, channel", [
    (0, "they", "Armenian separatist authorities", "warned", "partial", "Facebook"),
    (1, "Gegham Stepanyan", "Gegham Stepanyan", "lamented", "direct", "X"),
    (1, "he", "Gegham Stepanyan", "said", "partial", None),
    (5, "Azerbaijani Ministry of Defense", "Azerbaijani Ministry of Defense", "announced", "direct", "press release"),
    (5, "He", "Azerbaijani Ministry of Defense", "said", "partial", None),
    (5, "Baku", "Baku", "specified", "partial", None),
    (6, "Azerbaijani diplomacy", "Azerbaijani diplomacy", "warned", "partial", None),
    (7, "Armenia", "Armenia", "ured", "indirect", None),
    (8, "he", "Nikol Pashinian", "denounced", "direct", "televised statement"),
    (9, "Russia", "Russia", "called on", "partial", None),
    (9, "Kremlin", "Kremlin", "said", "partial", None),
    (10, "Maria Zakharova", "Maria Zakharova", "told", "direct", "the press"),
    (11, "Charles Michel", "Charles Michel", "asked", "partial", "X"),
    (11, "Josep Borrell", "Josep Borrell", "condemned", "partial", None),
    (12, "the ministry", "French Ministry of Foreign Affairs", "stressed", "direct", None),
    (13, "her", "Nazeli Baghdasaryan", "According to", "partial", None),
])
def test_seed_attributions(seed_found, paragraph, speaker, source, verb, kind, channel):
    a = find(seed_found, paragraph, speaker)
    assert (a.source, a.verb, a.kind, a.channel) == (source, verb, kind, channel)


def test_seed_titles(seed_found):
    assert find(seed_found, 10, "Maria Zakharova").title == "Russian diplomatic spokesperson"
    assert find(seed_found, 11, "Charles Michel").title == "President of the European Council"
    assert find(seed_found, 11, "Josep Borrell").title == "The head of EU diplomacy"
    assert find(seed_found, 1, "Gegham Stepanyan").title == "the rights defender of the separatist region"


def test_seed_quotations_of_the_prime_minister_include_the_mixed_stable(seed, seed_found):
    a = find(seed_found, 8, "he")
    assert [seed.text[s:e] for s, e in a.quotes][1:] == ["stable", "not engaged in armed actions"]
    assert a.quote.startswith("Azerbaijan has launched a ground operation")


def test_seed_the_broken_apposition_belongs_to_the_ministry(seed, seed_found):
    a = find(seed_found, 12, "the ministry")
    assert seed.text[slice(*a.quotes[1])] == (
        "to immediately cease its offensive and return to respect for international law")


def test_seed_the_two_sentence_quotation_of_the_rights_defender(seed, seed_found):
    a = find(seed_found, 1, "Gegham Stepanyan")
    assert a.quote.startswith("The number of civilian injuries increased to 23.")
    assert a.quote.endswith("is (him) two,")


def test_seed_actions_are_not_attributions(seed_found):
    assert not [a for a in seed_found if a.paragraph == 8 and "Pashinian" in a.speaker]
    assert not [a for a in seed_found if a.paragraph == 11 and "European Union" in a.speaker]


def test_seed_people_and_their_gender_from_the_text(seed):
    people = {p.name: p for p in find_people(seed)}
    assert {name: p.gender for name, p in people.items()} == {
        "Gegham Stepanyan": "male", "Nikol Pashinian": "male", "Maria Zakharova": "female",
        "Charles Michel": "male", "Josep Borrell": "not stated", "Emmanuel Macron": "not stated",
        "Nazeli Baghdasaryan": "female",
    }
    assert people["Emmanuel Macron"].attributions == 0  # named, acts, never quoted
    assert people["Maria Zakharova"].attributions == 2


def test_seed_every_found_source_has_a_side_except_the_unresolved(seed):
    table = add_sides(source_table(seed))
    missing = table[table["side"] == "not classified"]
    assert set(missing["source"]) <= {s for s in table["source"] if s.endswith("(unresolved)")}
    assert set(table["side"]) - {"not classified"} <= set(SIDES)
    assert set(table["type"]) - {"not classified"} <= set(SOURCE_TYPES)


def test_seed_sources_table_uses_the_course_categories():
    sides = seed_sources()
    assert list(sides.columns) == ["source", "side", "type", "note"]
    assert set(sides["side"]) <= set(SIDES) and set(sides["type"]) <= set(SOURCE_TYPES)
    assert sides["source"].is_unique


# --- the source table and the data ------------------------------------------------------------------

def test_source_table_has_one_row_per_attribution_with_counted_quoted_words(seed, seed_found):
    table = source_table(seed)
    assert len(table) == len(seed_found)
    assert list(table.index) == list(range(1, len(table) + 1))
    row = table[table["speaker"] == "Gegham Stepanyan"].iloc[0]
    assert row["quoted words"] == 17 and row["quotations"] == 1 and row["medium"] == "social media"
    assert set(table["rating"]) <= {"neutral", "loaded"}


def test_export_source_table_writes_a_csv_a_spreadsheet_reads(seed, tmp_path):
    path = export_source_table(seed, tmp_path / "sources.csv")
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")  # byte-order mark: spreadsheets read UTF-8
    with open(path, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == len(source_table(seed))
    assert rows[0]["source"] == "Armenia" and rows[0]["row"] == "1"


def test_reporting_verb_ratings():
    assert verb_rating("said").rating == verb_rating("according to").rating == verb_rating("told").rating == "neutral"
    for verb in ["denounced", "lamented", "accused", "condemned", "claimed", "alleged", "confirmed", "admitted"]:
        assert verb_rating(verb).rating == "loaded", verb
    for verb in ["warned", "stressed", "urged", "called on", "ured", "uring", "announced"]:
        assert verb_rating(verb).rating == "neutral", verb  # they name the act; they judge nothing
    assert {entry["rating"] for entry in REPORTING_VERBS.values()} == {"neutral", "loaded"}
    assert all(entry["why"] and entry["source"] for entry in REPORTING_VERBS.values())
    assert VERB_FORMS["called on"] == "call on" and PARTICIPLES["urging"] == "urge"


def test_channels_and_their_media():
    assert channel_medium("Facebook") == channel_medium("X") == "social media"
    assert channel_medium("press release") == "official statement"
    assert channel_medium(None) == "not stated"
    assert set(SOCIAL_MEDIA) >= {"Facebook", "X"}
    assert all(len(row) == 3 for row in CHANNELS)
    assert "rights defender" in TITLES


def test_a_string_works_like_an_article():
    assert find_attributions("Headline\n\nOfficials said no.")[0].source == "Officials"
    with pytest.raises(TypeError):
        find_attributions(42)


# --- robustness and speed ---------------------------------------------------------------------------

TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=300)
WORDS = st.lists(st.sampled_from(["said", "told", "according", "to", "he", "she", "they", "the", "ministry",
                                  "Ana", "Ruiz", "Mayor", ",", ".", "“", "”", "«", "»", '"', "'", "’", "\n\n",
                                  "officials", "an", "official", "who", "asked", "not", "be", "named", "on", "X",
                                  "(ex-Twitter)", "for", "his", "part", "urging", "Dr.", "one", "of", "them"]),
                 max_size=60).map(" ".join)


@given(st.one_of(TEXT, WORDS))
def test_any_text_gives_attributions_whose_offsets_point_at_what_they_claim(text):
    try:
        a = load_article(text=text)
    except ArticleError:
        return
    for found in find_attributions(a):
        assert a.text[found.start:found.end] == found.speaker and found.speaker.strip()
        assert a.text[found.verb_start:found.verb_end] == found.verb
        assert found.kind in {"direct", "partial", "indirect"}
        assert 0 <= found.paragraph < len(a.paragraphs)
        assert found.sentence in a.paragraphs[found.paragraph]
        for start, end in found.quotes:
            assert 0 <= start <= end <= len(a.text)
        if found.quote is not None:
            assert a.text[found.quote_start:found.quote_end] == found.quote
    source_table(a)
    find_people(a)


def _body(size: int) -> str:
    seed = load_article()
    body = "\n\n".join(seed.paragraphs)
    return "Headline\n\n" + "\n\n".join([body] * (size // len(body) + 1))


def test_a_two_megabyte_article_finds_every_copy_of_every_attribution():
    """Behaviour only: how fast it is read is measured by ``make bench`` (tests/bench_corpus.py)."""
    text = _body(2_000_000)
    found = find_attributions(load_article(text=text))
    copies = len(text) // len("\n\n".join(load_article().paragraphs))
    assert len(found) == len(find_attributions(load_article())) * copies  # every copy, every row


def test_reading_an_article_twice_gives_the_same_attributions():
    text = load_article().text
    assert find_attributions(load_article(text=text)) == find_attributions(load_article(text=text))


@pytest.mark.slow
def test_a_five_megabyte_article_is_read():
    assert find_attributions(load_article(text=_body(5_000_000)))


# --- the checks of notebook 04 -----------------------------------------------------------------------

def test_opening_context_is_not_the_statement():
    a = only('Asked whether the plant would close, Smith said: "Not this year."')
    assert (a.speaker, a.kind) == ("Smith", "direct")
    b = only("In a statement, the police said two men had been arrested.")
    assert (b.source, b.channel) == ("police", "statement")


def test_an_including_apposition_does_not_hide_the_subject():
    a = only("Critics of the government, including the opposition Labour Party, argued that the offer was too low.")
    assert (a.speaker, a.mention) == ("Critics of the government", "group")


# --- the two ratings of a reporting verb -----------------------------------------------------------------

def test_every_verb_is_rated_on_two_dimensions_with_a_reason_and_a_source():
    from helpers.attribution_patterns import SPEECH_ACTS, STANCES, derived_rating

    for verb, entry in REPORTING_VERBS.items():
        assert entry["speech_act"] in SPEECH_ACTS and entry["stance"] in STANCES, verb
        assert entry["rating"] == derived_rating(entry["speech_act"], entry["stance"]), verb
        assert entry["why"] and entry["source"], verb


def test_the_ratings_are_consistent():
    """Item 18 of the content review: "note" and "explain" neutral but "confirm" loaded; "call on" neutral
    but "urge" loaded.  Verbs that judge the truth the same way are rated the same way."""
    endorsing = [verb_rating(v) for v in ["noted", "explained", "confirmed", "revealed", "admitted"]]
    assert {(r.stance, r.rating) for r in endorsing} == {("endorsement", "loaded")}
    assert {(verb_rating(v).speech_act, verb_rating(v).rating) for v in ["called on", "urged", "asked"]} == {
        ("directive", "neutral")}
    assert {verb_rating(v).stance for v in ["claimed", "alleged"]} == {"distance"}
    assert verb_rating("denounced").speech_act == "expressive" and verb_rating("said").speech_act == "neutral"


def test_a_verb_that_is_not_in_the_list_is_rated_neutral_and_unknown():
    rating = verb_rating("hummed")
    assert (rating.speech_act, rating.stance, rating.rating, rating.known) == ("neutral", "none", "neutral", False)
    assert verb_rating("Claimed").lemma == "claim"


def test_the_sources_of_the_ratings_are_in_the_bibliography():
    from pathlib import Path

    import helpers

    bibliography = (Path(helpers.__file__).parent.parent / "docs" / "bibliography.md").read_text(encoding="utf-8")
    section = bibliography.split("## Sources, quotation and reporting verbs")[1].split("\n## ")[0]
    cited = {part.strip() for entry in REPORTING_VERBS.values() for part in entry["source"].split(";")}
    for source in cited:
        name = source.split()[0]
        assert name in section, source


def test_the_source_table_shows_both_ratings():
    table = source_table(article("Critics claimed the plan was late. The mayor urged residents to leave."))
    assert list(table[["verb", "speech act", "stance", "rating"]].itertuples(index=False, name=None)) == [
        ("claimed", "assertive", "distance", "loaded"), ("urged", "directive", "none", "neutral")]


def test_the_verb_scheme_lists_every_verb():
    from helpers.sources import verb_scheme

    scheme = verb_scheme()
    assert len(scheme) == len(REPORTING_VERBS)
    assert list(scheme.columns) == ["verb", "forms", "speech act", "stance", "rating", "why", "source"]


# --- editorial insertions in the source table ---------------------------------------------------------------

def test_the_editors_note_is_not_counted_as_the_sources_words(seed):
    table = source_table(seed)
    row = table[(table["paragraph"] == 0) & (table["speaker"] == "they")].iloc[0]
    assert (row["quoted words"], row["editorial words"]) == (11, 11)
    [attribution] = [a for a in find_attributions(seed) if a.paragraph == 0 and a.speaker == "they"]
    [(start, end)] = attribution.editorial
    assert seed.text[start:end].endswith("Editor’s note.)")


def test_words_in_brackets_are_the_writers():
    table = source_table(article("“The ministry [of defence] will pay,” the mayor said."))
    assert (table.iloc[0]["quoted words"], table.iloc[0]["editorial words"]) == (4, 2)


def test_an_attribution_never_says_indirect_while_it_carries_a_quotation():
    a = only("The mayor said the bridge was safe. “Nobody is hurt.”")
    assert (a.kind, len(a.quotes)) == ("partial", 1)
