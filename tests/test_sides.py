"""helpers.sides, the evidence tables of notebooks 04 and 07, and every check of those notebooks.

The sides tests count the course article both ways (the parties apart, and the
two Armenian parties grouped into one side) and check each function on small
tables and texts written here.  The sweep at the end gives every check of
notebooks 04 and 07 its worked answer (expecting "Correct", or "Complete" for a
reading no machine can mark) and a plausible wrong answer (expecting "Not yet").
"""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import pandas as pd
import pytest

from helpers import load_article, source_table
from helpers.brief import (
    attribution_marks, count_words, display_voices, editor_notes, kind_examples, narrator_or_echo,
    paragraphs_with, people_view, statement_or_action,
)
from helpers.exercises import check
from helpers.sides import (
    NOT_CLASSIFIED, NOT_FILLED_IN, SIDES_COLUMNS, assign, channels_by, channels_named, classify, finding,
    both_ways, first_and_last, first_heard, groupings, heard_by, heard_chart, kinds_by, leaders, missing_voices,
    read_sides,
    sides_frame, source_view, verb_audit, verb_sentences,
)

ARMENIA, KARABAKH = "Armenia's government", "Karabakh Armenian authorities"
MERGED = "Armenia / Karabakh Armenian authorities"

#: Written for these tests: an outlet's notes in brackets inside quotations, a quotation in the headline and a
#: subheading that quotes no one, an inverted attribution, an indirect-speech echo and an inference ("implying").
NOTES_TEXT = """Minister calls the plan “a betrayal”

The minister said the plan was “a betrayal of the valley [the Upper Vale, ed.] and its farmers”. \
The union “will strike on Monday (the first day of the harvest, editor's note)”, its leader told reporters.

Reactions

Rebel leaders are holding the pass, the army announced. The ministry accused the rebel group of blocking the road, \
implying that rebel fighters had mined it.
"""


@pytest.fixture(scope="module")
def seed():
    return load_article()


@pytest.fixture(scope="module")
def rows(seed):
    return classify(source_table(seed), read_sides())


@pytest.fixture(scope="module")
def notes_article():
    return load_article(text=NOTES_TEXT, name="notes.txt")


# ------------------------------------------------------------------ the sides table


def test_the_course_sides_table_has_both_levels(seed):
    sides = read_sides()
    assert list(sides.columns) == SIDES_COLUMNS
    assert sides["source"].is_unique
    party = dict(zip(sides["source"], sides["party"]))
    assert party["Armenia"] == party["Nikol Pashinian"] == party["Nazeli Baghdasaryan"] == ARMENIA
    assert party["Armenian separatist authorities"] == party["Gegham Stepanyan"] == KARABAKH
    assert set(sides.loc[sides["party"].isin([ARMENIA, KARABAKH]), "side"]) == {MERGED}
    other = sides[~sides["party"].isin([ARMENIA, KARABAKH])]
    assert (other["party"] == other["side"]).all()  # every other party is a side of its own
    assert set(source_table(seed)["source"]) - set(sides["source"]) == {"they (unresolved)"}


def test_a_file_with_one_level_is_read_as_the_other(tmp_path):
    only_side = tmp_path / "sides.csv"
    only_side.write_text("source,side,type\nThe mayor,council,named person\n", encoding="utf-8")
    table = read_sides(only_side)
    assert list(table.columns) == SIDES_COLUMNS and table.loc[0, "party"] == "council"
    only_party = sides_frame(pd.DataFrame({"source": ["The mayor"], "party": ["council"]}))
    assert only_party.loc[0, "side"] == "council" and only_party.loc[0, "note"] == ""
    with pytest.raises(ValueError, match="no column 'party' or 'side'"):
        sides_frame(pd.DataFrame({"source": ["x"], "group": ["y"]}), where="my.csv")
    with pytest.raises(ValueError, match="no column 'source'"):
        sides_frame(pd.DataFrame({"party": ["y"]}))


def test_assign_writes_a_decision_without_changing_the_original():
    sides = read_sides()
    decided = assign(sides, "they (unresolved)", KARABAKH, note="the plural before: “its separatist allies”")
    row = decided[decided["source"] == "they (unresolved)"].iloc[0]
    assert row["party"] == KARABAKH and row["side"] == MERGED  # the party's side, by default
    assert len(decided) == len(sides) + 1 and "they (unresolved)" not in set(sides["source"])
    moved = assign(decided, "Baku", "Russia")
    assert moved.loc[moved["source"] == "Baku", "party"].tolist() == ["Russia"] and len(moved) == len(decided)
    assert assign(sides, "Ana Ruiz", "council").iloc[-1]["side"] == "council"  # a new party is its own side


def test_classify_marks_unknown_and_empty_sources():
    table = pd.DataFrame({"source": ["A", "B", "C"], "quoted words": [1, 2, 3]})
    sides = pd.DataFrame({"source": ["A", "B"], "party": ["p", ""], "side": ["", ""], "type": ["named person", ""]})
    out = classify(table, sides)
    assert out["party"].tolist() == ["p", NOT_FILLED_IN, NOT_CLASSIFIED]
    assert out["side"].tolist() == ["p", NOT_FILLED_IN, NOT_CLASSIFIED]
    assert groupings(sides).empty


# ------------------------------------------------------------------ who is heard, both ways


def test_the_course_article_by_party_and_by_side(rows):
    split = heard_by(rows, "party")
    assert split["attributions"].to_dict() == {"Azerbaijan": 6, ARMENIA: 5, KARABAKH: 4, "Russia": 4, "France": 2,
                                               "EU": 2, NOT_CLASSIFIED: 1}
    assert split.loc["Azerbaijan", "quoted words"] == 71 and split.loc[ARMENIA, "quoted words"] == 44
    merged = heard_by(rows, "side")
    assert merged.loc[MERGED, "attributions"] == 9
    assert merged.loc[MERGED, "quoted words"] == split.loc[ARMENIA, "quoted words"] + split.loc[KARABAKH, "quoted words"]
    assert split.index[-1] == merged.index[-1] == NOT_CLASSIFIED  # last, whatever its count
    assert split["quoted words"].sum() == merged["quoted words"].sum() == rows["quoted words"].sum()


def test_who_leads_depends_on_the_grouping(rows):
    assert leaders(rows, "party") == leaders(rows, "party", "quoted words") == ["Azerbaijan"]
    assert leaders(rows, "side") == leaders(rows, "side", "quoted words") == [MERGED]
    assert finding(rows, "party") == ("By party, Azerbaijan is heard most, by both measures: 6 of 24 attributions and "
                                      f"71 of {rows['quoted words'].sum()} quoted words.")
    assert finding(rows, "side").startswith(f"By side (parties grouped), {MERGED} is heard most")


def test_resolving_the_pronoun_does_not_change_the_leader(rows, seed):
    decided = classify(source_table(seed), assign(read_sides(), "they (unresolved)", KARABAKH))
    split = heard_by(decided, "party")
    assert NOT_CLASSIFIED not in split.index and split.loc[KARABAKH, "attributions"] == 5
    assert leaders(decided, "party") == ["Azerbaijan"]


def test_ties_and_empty_tables_are_said_plainly():
    table = pd.DataFrame({"source": ["a", "b", "c"], "party": ["x", "y", NOT_CLASSIFIED],
                          "side": ["x", "y", NOT_CLASSIFIED], "quoted words": [3, 3, 9]})
    assert leaders(table, "party") == ["x", "y"]  # "not classified" never leads
    assert finding(table, "party") == ("By party, x and y are heard most, by both measures: 1 of 3 attributions each "
                                       "and 3 of 15 quoted words each.")
    empty = table.iloc[0:0]
    assert heard_by(empty, "party").empty and leaders(empty, "party") == []
    assert finding(empty, "party") == "No one is heard: the article credits no statement to any source."
    with pytest.raises(ValueError, match="level must be 'party' or 'side'"):
        heard_by(table, "camp")


def test_views_number_paragraphs_from_one_and_keep_the_rows(seed, rows):
    view = source_view(source_table(seed), ["party"])
    assert view["paragraph"].tolist()[:3] == [1, 1, 1] and list(view.index) == list(range(1, 25))
    assert all(len(q) <= 45 for q in view["quote"]) and view.loc[3, "quote"].endswith("…")
    assert "sentence" not in view.columns
    ends = first_and_last(rows)
    assert ends.loc["first voice", "source"] == "Armenia" and ends.loc["last voice", "source"] == "Nazeli Baghdasaryan"
    assert ends["paragraph"].tolist() == [1, 14] and set(ends["party"]) == {ARMENIA}
    first = first_heard(rows, "party").set_index("party")["first heard in paragraph"]
    assert first[ARMENIA] == 1 and first["Azerbaijan"] == 3 and first["France"] == 13


def test_kinds_channels_voices_and_verbs_by_party(rows):
    kinds = kinds_by(rows, "party")
    assert kinds.loc[ARMENIA].tolist() == [2, 2, 1] and kinds.sum().sum() == 24
    named = channels_named(rows)
    assert "" not in named.index and named.sum() == (rows["channel"] != "").sum() == 8
    assert named.index[0] == "X"
    assert channels_by(rows, "party").columns[-1] == "not stated"
    voices = missing_voices(rows, "party")["attributions"]
    assert voices["civilians"] == voices["anonymous sources"] == 0
    assert voices["named people speaking for Azerbaijan"] == 0 and voices[f"named people speaking for {ARMENIA}"] == 3
    audit = verb_audit(rows, "party")
    assert list(audit.index) == list(heard_by(rows, "party").index)
    if "speech act" in rows.columns:  # the two dimensions: each counts every attribution once
        assert audit["speech act"].sum().sum() == audit["stance"].sum().sum() == 24
        assert audit.loc["EU", ("speech act", "expressive")] == 1  # "condemned"
    else:
        assert audit[["neutral", "loaded"]].sum().sum() == 24 and audit.loc["Russia", "share loaded"] == 0
    warned = verb_sentences(rows, "Warned")
    assert warned["paragraph"].tolist() == [1, 3, 7] and list(warned.index) == [1, 2, 3]


def test_the_chart_shows_both_groupings_with_n(rows):
    figure = heard_chart(rows, title="Who is heard", xlabel="Attributions", ylabel="Who")
    titles = [ax.get_title() for ax in figure.axes]
    assert titles == ["parties apart (n = 24)", "parties grouped into sides (n = 24)"]
    matplotlib.pyplot.close(figure)


# ------------------------------------------------------------------ the evidence tables of notebook 04


def test_the_editors_note_is_counted_apart(seed, notes_article):
    notes = editor_notes(seed)
    assert len(notes) == 1
    row = notes.iloc[0]
    assert row["paragraph"] == 1
    assert row["the outlet's words"] == "(the name given by the Armenians to Nagorno Karabakh, Editor’s note.)"
    assert (row["words in quotation marks"], row["the outlet's"], row["the source's"]) == (22, 11, 11)
    written = editor_notes(notes_article)
    assert written["the outlet's words"].tolist() == ["[the Upper Vale, ed.]", "(the first day of the harvest, editor's note)"]
    assert written["the source's"].tolist() == [count_words("a betrayal of the valley and its farmers"),
                                                count_words("will strike on Monday")]
    assert editor_notes(load_article(text="T\n\n“We (the union) will strike,” she said.")).empty  # no note: no row
    two = editor_notes(load_article(text="T\n\n“The plan [for the valley] was cut (the budget, ed.) again,” she said."))
    assert two["the outlet's"].tolist() == [3, 3] and two["the source's"].tolist() == [5, 5]  # "The plan was cut again"


def test_the_source_table_leaves_the_editors_note_out_of_the_sources_words(seed):
    table = source_table(seed)
    row = table[table["quote"].str.contains("Republic of Artsakh", regex=False)].iloc[0]
    assert row["quoted words"] == editor_notes(seed).iloc[0]["the source's"] == 11
    split = heard_by(classify(table, read_sides()), "party")
    assert split.loc[KARABAKH, "quoted words"] == 35  # 46 in quotation marks, less the outlet's 11


def test_display_voices_finds_whose_words_the_headline_quotes(seed, notes_article):
    voices = display_voices(seed, read_sides()).set_index("part")
    assert voices.loc["headline", "quoted"] == "ethnic cleansing"
    assert voices.loc["headline", "party"] == ARMENIA
    assert voices.loc["subheading 1", "credited in the body to"] == "Azerbaijani diplomacy"
    assert voices.loc["subheading 2", "party"] == voices.loc["subheading 3", "party"] == "none"
    written = display_voices(notes_article).set_index("part")
    assert written.loc["headline", "credited in the body to"] == "minister"
    assert written.loc["subheading 1", "quoted"] == "(nothing)"


def test_the_statement_or_action_sentences(seed, notes_article):
    chosen = statement_or_action(seed)
    assert len(chosen) == 5 and chosen["paragraph"].tolist() == [9, 10, 12, 13, 14]
    assert chosen.loc[4, "sentence"].startswith("At the start of the afternoon, Paris requested")
    assert 0 < len(statement_or_action(notes_article)) <= 5


def test_kind_examples_marks_and_people(seed):
    examples = kind_examples(seed).set_index("kind")
    assert examples.loc["indirect", "source"] == "Armenia" and examples.loc["indirect", "paragraph"] == 8
    text, spans, labels = attribution_marks(seed)
    assert text.startswith("Armenia denounces") and "speaker: Armenia" in labels
    assert all(text[s.start:s.end] == str(s) for s in spans)
    with pytest.raises(ValueError, match="numbered 1 to 14"):
        attribution_marks(seed, 15)
    people = people_view(seed).set_index("name")
    assert people.loc["Emmanuel Macron", "attributions"] == 0
    assert people.loc["Gegham Stepanyan", "first named in paragraph"] == 2


# ------------------------------------------------------------------ the evidence tables of notebook 07


def test_narrator_or_echo_tells_names_reported_words_and_inferences(seed, notes_article):
    seed_uses = narrator_or_echo(seed)
    where = {(r.sentence, r.words): r._4 for r in seed_uses.itertuples()}
    assert where[(2, "Stepanakert")] == "reported words of Armenian separatist authorities"  # "..., X announced"
    assert where[(2, "separatist")] == where[(5, "separatist")] == "the name of the speaker"
    assert where[(9, "separatist")] == "reported words of Azerbaijani security services"  # after "accused"
    assert where[(10, "separatists")] == where[(17, "separatist")] == "the narrator's own sentence"  # 17: "implying"
    assert where[(33, "enclave")] == "reported words of Nazeli Baghdasaryan"  # after "According to her"
    assert where[(12, "blockade")] == "the narrator's own sentence"
    assert list(seed_uses.index) == list(range(1, len(seed_uses) + 1))
    written = narrator_or_echo(notes_article, ["rebel"]).set_index("words")["stands in"]
    assert written["Rebel"] == "reported words of army"  # inverted: "..., the army announced"
    uses = narrator_or_echo(notes_article, ["rebel"])
    assert uses["stands in"].tolist() == ["reported words of army", "reported words of ministry",
                                          "the narrator's own sentence"]


def test_paragraphs_with_counts_each_paragraph_once(seed):
    either = paragraphs_with(seed, ["security", "conflict"])
    assert set(either) == set(paragraphs_with(seed, "security")) | set(paragraphs_with(seed, "conflict"))
    assert len(either) == 13 and 11 not in either
    with pytest.raises(ValueError, match="no frame 'sport'"):
        paragraphs_with(seed, ["sport"])


# ------------------------------------------------------------------ every check: right answer, plausible wrong one

#: (exercise, the worked answer and its verdict on the course article, plausible wrong answers)
SEED_CHECKS = [
    ("04.1", ["action", "statement", "action", "statement", "action"], "correct",
     [["statement"] * 5, ["action", "statement", "action", "action", "statement"], ["action"] * 4]),
    ("04.2", "(the name given by the Armenians to Nagorno Karabakh, Editor’s note.)", "correct",
     ["Republic of Artsakh", "Editor’s note", "", None,
      "has launched a large-scale military operation against the Republic of Artsakh (the name given by the "
      "Armenians to Nagorno Karabakh, Editor’s note.)"]),
    ("04.3", [ARMENIA, KARABAKH, ARMENIA, KARABAKH], "correct",
     [[ARMENIA] * 4, [ARMENIA, KARABAKH, ARMENIA], [KARABAKH, KARABAKH, ARMENIA, KARABAKH], "Armenia"]),
    ("04.5", [ARMENIA, "Azerbaijan", "none", "none"], "correct",
     [["none", "Azerbaijan", "none", "none"], [ARMENIA, ARMENIA, "none", "none"], [ARMENIA]]),
    ("04.6", [8, 2], "correct", [[9, 2], [8, 6], [7, 1], ["8", 2], [8]]),
    ("04.7", ["announcement", "announcement", "demand"], "complete",
     [["warning", "warning", "warning"], ["announcement"], ["a", "b", "c"], []]),
    ("07.1", [KARABAKH], "correct", [["Armenia"], ["cannot tell"], [KARABAKH, KARABAKH], [""], [None]]),
    ("07.2", True, "correct", [False, "yes"]),
    ("07.3", [1, 4, 9, 11], "correct", [[1, 2, 4, 9, 11], [1, 4, 9, 10, 11], [4], [], [1, 4, 9, 11, 99]]),
    ("07.4", 13, "correct", [12, 9, 21, 14]),
    ("07.5", [2, 3], "correct", [[1, 2, 3], [1], [], 2]),
]


@pytest.mark.parametrize("exercise, worked, verdict, wrong", SEED_CHECKS, ids=[c[0] for c in SEED_CHECKS])
def test_each_check_accepts_the_worked_answer_and_refuses_wrong_ones(seed, exercise, worked, verdict, wrong):
    assert check(exercise, worked, seed).status == verdict
    for answer in wrong:
        feedback = check(exercise, answer, seed)
        assert feedback.status == "not yet", (exercise, answer, feedback)
        assert feedback.message


def test_the_recount_check_takes_the_readers_decision(seed):
    table, sides = source_table(seed), read_sides()
    right = heard_by(classify(table, assign(sides, "they (unresolved)", KARABAKH)), "party")
    assert check("04.4", right, seed).passed
    assert "still Azerbaijan" in check("04.4", right, seed).message
    wrong = {
        "Armenia's government": heard_by(classify(table, assign(sides, "they (unresolved)", ARMENIA)), "party"),
        "unchanged": heard_by(classify(table, sides), "party"),
        "by side": heard_by(classify(table, assign(sides, "they (unresolved)", KARABAKH)), "side"),
        "not a table": 5,
    }
    for name, answer in wrong.items():
        assert check("04.4", answer, seed).status == "not yet", name


def test_checks_on_another_article_never_say_correct_to_the_course_articles_answers(notes_article):
    assert check("04.3", [ARMENIA, KARABAKH, ARMENIA, KARABAKH], notes_article).status == "complete"
    assert check("04.6", [8, 2], notes_article).status == "complete"
    assert check("04.2", "(the name given by the Armenians to Nagorno Karabakh, Editor’s note.)",
                 notes_article).status == "not yet"
    assert check("04.2", "[the Upper Vale, ed.]", notes_article).passed
    assert check("04.5", ["minister", "none"], notes_article).passed
    assert check("04.5", ["none", "none"], notes_article).status == "not yet"
    assert check("07.3", [1, 4, 9, 11], notes_article).status == "not yet"
    echoes = narrator_or_echo(notes_article)
    expected = sorted(echoes.index[echoes["stands in"].str.startswith("reported")])
    assert check("07.3", expected, notes_article).passed


def test_checks_with_nothing_to_find(notes_article):
    plain = load_article(text="Rain expected\n\nRain is expected across the region on Sunday.")
    assert check("04.2", None, plain).passed and check("04.2", "rain", plain).status == "not yet"
    assert check("07.1", [], plain).passed and check("07.1", ["x"], plain).status == "not yet"
    assert check("07.4", 0, plain).passed and check("07.4", 1, plain).status == "not yet"
    assert check("07.5", [], plain).passed and check("07.5", [1], plain).status == "not yet"
    assert check("07.2", False, plain).passed and check("07.2", True, plain).status == "not yet"


def test_a_headline_quotation_no_one_says_in_the_body_is_unknown():
    article = load_article(text="Mayor: bridge “safe for now”\n\nThe bridge reopened on Monday, the city said.")
    voices = display_voices(article).set_index("part")
    assert voices.loc["headline", "credited in the body to"] == "no one in the body"
    assert voices.loc["headline", "party"] == "unknown"
    assert check("04.5", ["unknown"], article).passed
    assert check("04.5", ["none"], article).status == "not yet"


def test_one_table_shows_the_parties_apart_and_grouped(rows):
    table = both_ways(rows)
    words = heard_by(rows, "party")["quoted words"]
    assert table.loc[(MERGED, "(all)")].tolist() == [9, words[ARMENIA] + words[KARABAKH]]
    assert table.loc[(MERGED, ARMENIA), "attributions"] == 5 and table.loc[(MERGED, KARABAKH), "attributions"] == 4
    assert table.loc[("Azerbaijan", "Azerbaijan")].tolist() == [6, 71]
    assert table.index[0] == (MERGED, "(all)") and table.index[-1] == (NOT_CLASSIFIED, NOT_CLASSIFIED)
    parties_only = table.drop(index="(all)", level="party")
    assert parties_only["attributions"].sum() == len(rows)


def test_the_accuracy_table_puts_real_news_beside_the_course_articles():
    from helpers.brief import accuracy_table
    from helpers.evaluation import benchmark_results, evaluation_table

    table = accuracy_table()
    assert table["set"].iloc[0].startswith("real news, GGT dev half") and "extractor" in table["set"].iloc[0]
    course = benchmark_results().loc[("this course", 0.3)]
    assert table.loc[1, "recall"] == round(course["recall"], 2)
    assert table["set"].iloc[2] == "the course article"
    assert len(table) == 2 + len(evaluation_table())


def test_the_verb_finding_reads_both_dimensions():
    from helpers.sides import verb_finding

    table = pd.DataFrame({"source": ["a", "b", "c"], "party": ["x", "y", "y"], "side": ["x", "y", "y"],
                          "verb": ["claimed", "Lamented", "said"], "speech act": ["assertive", "expressive", "neutral"],
                          "stance": ["distance", "none", "none"], "rating": ["loaded", "loaded", "neutral"],
                          "quoted words": [1, 2, 3]})
    assert verb_finding(table) == ("1 of 3 verbs signals a stance on the truth of what they report (“claimed”); 1 "
                                   "describes the act as an expression of attitude (y: “lamented”).")
    audit = verb_audit(table)
    assert audit.loc["x", ("stance", "distance")] == 1 and audit.loc["y", ("speech act", "expressive")] == 1
    one_word = table.drop(columns=["speech act", "stance"])
    assert verb_finding(one_word) == "2 of 3 attributions have a loaded verb: “claimed”, “lamented”."
    assert verb_audit(one_word).loc["y", "share loaded"] == 0.5
