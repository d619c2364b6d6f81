"""Tests of helpers.reading and the checks of notebook 01, on the course article and on small texts written here."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from helpers import check, load_article, quoted_share
from helpers.datafiles import read_csv
from helpers.reading import (
    WEEKDAYS, actor_mentions, artefact_markdown, artefact_table, course_events, dating_clues, event_summary,
    figures_to_trace, first_and_last_lines, headline_figures, load_artefacts, non_actor_names, number_claims,
    occurrences, paragraph_table, proper_names, quote_marks, quote_table, sentence_table, short_quotes,
    structure_summary, time_expressions,
)

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "seeds" / "README.md"
NOTEBOOK = ROOT / "notebooks" / "01_reading.ipynb"
START, END = "<!-- artefacts:start", "<!-- artefacts:end -->"


@pytest.fixture(scope="module")
def seed():
    return load_article()


@pytest.fixture(scope="module")
def council():
    return load_article(ROOT / "tests" / "articles" / "city_council.txt")


def text(body: str, title: str = "A headline for the test") -> object:
    return load_article(text=f"{title}\n\n{body}")


# --- structure: numbered as a reader counts ------------------------------------------------------

def test_paragraph_table_numbers_paragraphs_from_one(seed):
    table = paragraph_table(seed)
    assert list(table.index) == list(range(1, len(seed.paragraphs) + 1))
    assert table["sentences"].sum() == len(seed.sentences)
    assert table["words"].sum() == len(seed.words)
    assert table.loc[4, "quoted share"] == 0  # the background paragraph quotes nobody
    assert table.loc[7, "quoted share"] == table["quoted share"].max()
    assert table.loc[1, "opening"].startswith("Armenia denounces")  # paragraph 1 is the first body paragraph


@pytest.mark.parametrize("name", ["seed", "council"])
def test_paragraph_quoted_share_is_the_share_of_each_paragraph(name, request):
    article = request.getfixturevalue(name)
    table = paragraph_table(article)
    assert list(table["quoted share"]) == [round(quoted_share(p), 2) for p in article.paragraphs]


def test_sentence_table_numbers_from_one(seed):
    table = sentence_table(seed)
    assert list(table.index) == list(range(1, len(seed.sentences) + 1))
    assert table.loc[table["words"].idxmin(), "text"] == "‘Azerbaijan."
    assert table.loc[table["words"].idxmin(), "paragraph"] == 3
    assert table.loc[1, "paragraph"] == 1


def test_structure_summary_places_subheadings_before_reader_numbered_paragraphs(seed):
    summary = structure_summary(seed)
    assert "International reactions (before paragraph 10)" in summary
    assert f"{len(seed.paragraphs)} body paragraphs" in summary


def test_first_and_last_lines_show_the_scraper_leftovers(seed):
    lines = first_and_last_lines(seed)
    assert lines.splitlines()[0].startswith("karabakh_2023-09-19.txt:")
    assert lines.rstrip().endswith("Leave a Reply")


def test_quote_table_places_the_headline_and_subheading_quotes(seed):
    table = quote_table(seed)
    assert table.iloc[0]["where"] == "headline"
    assert (table["where"] == "subheading").sum() == 1
    assert table.loc[table["flag"] != "", "quote"].tolist() == ["stable"]
    assert table.loc[table["where"] == "body", "paragraph"].min() == 1


# --- names -------------------------------------------------------------------------------------

def test_proper_names_finds_people_places_and_skips_sentence_openers(seed):
    names = proper_names(seed)
    found = set(names["name"])
    assert {"Gegham Stepanyan", "Maria Zakharova", "Josep Borrell", "Stepanakert", "Republic of Artsakh",
            "Ministry of Foreign Affairs", "Kremlin"} <= found
    assert not {"Tensions", "Furthermore", "This Tuesday", "The"} & found
    assert names.iloc[0]["mentions"] >= names.iloc[-1]["mentions"]
    assert names.set_index("name").loc["Gegham Stepanyan", "first paragraph"] == 2


def test_proper_names_on_a_small_text():
    article = load_article(text="Title\n\nYesterday Anna Petrova met the Ministry of Health. Later Anna Petrova left.")
    names = proper_names(article).set_index("name")["mentions"].to_dict()
    assert names == {"Anna Petrova": 2, "Ministry of Health": 1}


def test_actor_mentions_groups_one_actor_and_drops_non_actors(seed):
    actors = actor_mentions(seed).set_index("actor")
    azerbaijan = actors.loc["Azerbaijan", "names (mentions)"]
    assert all(name in azerbaijan for name in ("Azerbaijani", "Azerbaijan", "Baku"))
    names = proper_names(seed).set_index("name")["mentions"]
    assert actors.loc["Azerbaijan", "mentions"] >= names["Azerbaijani"] + names["Azerbaijan"] + names["Baku"]
    territory = actors.loc[actors.index.str.startswith("Nagorno-Karabakh"), "names (mentions)"].iloc[0]
    assert "Nagorno Karabakh" in territory and "Karabakh" in territory
    shown = " ".join(actors["names (mentions)"])
    for non_actor in ("X", "Twitter", "Tuesday", "Facebook", "Monday", "September"):
        assert not re.search(rf"(?<![\w-]){non_actor} \d", shown), non_actor
    assert {"X (3)", "Twitter (3)", "Tuesday (2)"} <= set(non_actor_names(seed))
    assert actors["mentions"].is_monotonic_decreasing


def test_actor_mentions_keeps_an_unlisted_name_as_its_own_actor():
    article = text("Mayor Elena Ortiz spoke on Monday. Elena Ortiz posted on X. The Riverton Council met.")
    actors = actor_mentions(article).set_index("actor")["mentions"].to_dict()
    assert actors.get("Elena Ortiz") == 2 and "Riverton Council" in actors
    assert "X" not in actors and "Monday" not in actors


# --- time ------------------------------------------------------------------------------------------

def test_time_expressions_in_reading_order(seed):
    times = time_expressions(seed)
    assert times.iloc[0]["expression"] == "This Tuesday"
    assert (times.iloc[0]["paragraph"], times.iloc[0]["sentence"]) == (1, 2)
    assert set(times["kind"]) == {"weekday", "relative", "duration", "month", "year"}
    assert "in September 2020" in set(times["expression"])


def test_dating_clues_use_the_text_not_the_file_name(seed):
    clues = dating_clues(seed).set_index("clue")["tells"]
    assert clues["This Tuesday"] == "the day of writing is a Tuesday"
    assert "July 2023" in clues["X (ex-Twitter)"]
    assert clues["2022"].startswith("written in 2022 or later")
    assert "about 2023" in set(clues)
    assert "19" not in " ".join(clues.index)  # the day of the month is the file name's, not the text's


def test_dating_clues_on_a_small_text():
    clues = dating_clues(text("Last Friday the ministry wrote on X, formerly Twitter, that the 2019 plan failed. "
                              "Two years later, in 2021, it was dropped."))
    tells = set(clues["tells"])
    assert "written after Twitter was renamed X (July 2023)" in tells
    assert "written in 2021 or later (the latest year named)" in tells
    assert "about 2023" in tells  # two years after 2021, the year named in that sentence


def test_course_events_mark_orderings_from_outside_the_text(seed):
    events = course_events(seed)
    assert list(events.index) == list(range(1, len(events) + 1))
    outside = events[events["order known from"].str.startswith("outside")]
    assert "mine explosion" in outside.loc[3, "event"] and "Baku reports" in outside.loc[3, "event"]
    assert events.loc[5, "told in paragraph"] == 1
    summary = event_summary(seed)
    assert "the event Baku gives as its reason" in summary and "trigger" not in summary


def test_course_events_are_for_the_course_article_only(council):
    assert course_events(council).empty
    assert "written for the course article" in event_summary(council)


# --- figures -----------------------------------------------------------------------------------

def test_number_claims_score_the_headline_and_classify_voices(seed):
    numbers = number_claims(seed)
    headline = numbers[numbers["where"] == "headline"]
    assert list(headline["figure"]) == ["two dead", "23 injured"]
    assert set(headline["voice"]) == {"narrator"}
    six = numbers[numbers["figure"] == "six people"].iloc[0]
    assert six["voice"] == "reported speech (warned)" and six["counts"] == "casualties"
    assert "2020" not in set(numbers["figure"])  # years belong to the timeline
    assert set(numbers.loc[numbers["figure"].isin(["three years", "six weeks"]), "counts"]) == {"duration"}
    quoted = numbers[numbers["voice"] == "quoted"]
    assert {"23", "two", "thousands of civilians"} <= set(quoted["figure"])


def test_figures_to_trace_keep_casualties_and_people_only(seed):
    trace = figures_to_trace(seed)
    assert set(trace["counts"]) == {"casualties", "people"}
    assert not trace["evidence"].str.contains("two countries").any()
    assert not trace["figure"].str.contains("years|weeks").any()
    assert "sentence" not in trace.columns
    assert len(trace) < len(number_claims(seed))


@pytest.mark.parametrize("body, figure, voice", [
    ("Six people died in the blast, the ministry said.", "Six people", "reported speech (said)"),
    ("According to the hospital, 14 patients were treated.", "14 patients", "reported speech (According to)"),
    ("The mayor said that 40 residents had left.", "40 residents", "reported speech (said)"),
    ("“Twelve people died,” the mayor said.", "Twelve people", "quoted"),
    ("The storm damaged 30 homes on Friday.", "30", "narrator"),
    ("The United States sent 300 troops.", "300 troops", "narrator"),  # "States" is a name, not a verb
    ("EU member states sent 200 doctors to the border.", "200", "narrator"),  # "states" after "member" is a noun
])
def test_number_claims_voice_on_small_texts(body, figure, voice):
    numbers = number_claims(text(body)).set_index("figure")
    assert numbers.loc[figure, "voice"] == voice


def test_a_headline_verb_with_its_object_does_not_reach_back():
    numbers = number_claims(text("Body text.", title="Flood: 12 dead after storm, mayor condemns “negligence”"))
    assert numbers.set_index("figure").loc["12 dead", "voice"] == "narrator"


def test_number_claims_read_figures_as_written():
    numbers = number_claims(text("The plan costs $4.2 million and twenty-three workers. One of them left. "
                                 "Three years ago two towns merged."))
    assert list(numbers["figure"]) == ["4.2 million", "twenty-three workers", "Three years", "two"]
    assert list(numbers["counts"]) == ["other", "people", "duration", "other"]


def test_headline_figures_find_the_attribution_gap(seed):
    gap = headline_figures(seed)
    assert list(gap["figure"]) == ["two dead", "23 injured"]
    assert set(gap["in the body"]) == {"quoted"}
    assert set(gap["finding"]) == {"stated in the headline, only attributed in the body"}
    assert list(gap["paragraph"]) == [2, 2]
    assert "victims" in gap.loc[1, "body evidence"]


@pytest.mark.parametrize("title, body, finding", [
    ("Storm: 12 dead", "“Twelve people died,” the mayor said.", "stated in the headline, only attributed in the body"),
    ("Storm: 12 dead", "Police said 12 people had died.", "stated in the headline, only attributed in the body"),
    ("Storm: 12 dead", "The storm killed 12 people on Friday.", "the body states it too"),
    ("Storm: 12 dead", "The storm hit the coast.", "not in the body: ask where the figure comes from"),
    ("12 dead, police say", "The storm killed 12 people.", "attributed in the headline too"),
    ("Storm: 12 dead", "The storm hit 12 towns. “Twelve died,” she said.", "stated in the headline, only attributed in the body"),
])
def test_headline_figures_on_small_texts(title, body, finding):
    assert headline_figures(text(body, title=title)).loc[1, "finding"] == finding


# --- voices ------------------------------------------------------------------------------------

def test_short_quotes_of_the_course_article_are_partial_quotations(seed):
    short = short_quotes(seed)
    assert len(short) == (quote_table(seed)["words"] <= 3).sum()
    assert short["reading"].str.startswith("partial quotation").all()
    cue = short.set_index("quote")["reading"]
    assert "(condemned)" in cue["condemned"]  # a quotation that is itself the reporting verb
    assert "(uring)" in cue["stable"]  # the nearest verb before the quotation


def test_short_quotes_flag_a_possible_scare_quote():
    short = short_quotes(text("The council's “reform” closed two libraries. The mayor said it was “fair”."))
    reading = short.set_index("quote")["reading"]
    assert reading["reform"].startswith("no reporting verb")
    assert reading["fair"].startswith("partial quotation")


# --- the text's history ------------------------------------------------------------------------

def test_quote_marks_show_one_closing_guillemet_and_no_opening_one(seed):
    marks = quote_marks(seed).set_index("mark")["in the text"]
    assert (marks["»"], marks["«"], marks["‘"]) == (1, 0, 1)
    assert quote_marks(seed).set_index("mark").loc["‘", "code"] == "U+2018"


def test_occurrences_separate_words_from_pieces_of_words(seed):
    table = occurrences(seed, ["ured", "uring", "ass"]).set_index("string")
    assert table.loc["ured", "as a word"] == 1 and "injured" in table.loc["ured", "longer words"]
    assert table.loc["uring", "longer words"] == "ensuring"
    assert table.loc["ass", ["as a word", "inside longer words"]].tolist() == [0, 0]


def test_every_artefact_is_found_once_in_the_course_article(seed):
    rows = load_artefacts()
    assert len(rows) >= 17
    for row in rows:
        assert seed.text.count(row["as_written"]) == 1, row["as_written"]
        assert row["kind"] in {"copying", "translation", "punctuation", "editing"}, row
        assert row["reading"] and row["evidence"] and row["matters"], row
    kinds = {r["as_written"]: r["kind"] for r in rows}
    assert kinds["Armenia ured that"] == "copying"  # a word filter, not translation
    for needed in ("after the attack on Azerbaijan", "under Armenian control. ‘Azerbaijan.", "“inadmissible”",
                   "are rendered harmless", "vast military operation", "is (him) two", "two dead and 23 injured",
                   "the ministry stressed. French Ministry of Foreign Affairs, urging"):
        assert needed in kinds, needed


def test_the_inventory_states_hypotheses_not_facts():
    rows = {r["as_written"]: r for r in load_artefacts()}
    assert "hypothesis to check" in rows["after the attack on Azerbaijan"]["reading"]
    assert "claim to trace" in rows["under Armenian control. ‘Azerbaijan."]["matters"]
    stray = rows["“stable »"]
    assert "no « at all" in stray["evidence"]
    for row in rows.values():  # no outside report stated as a fact
        assert not re.search(r"Hürriyet|Trend|News\.az|Taghavard|Shusha", " ".join(row.values()))


def test_artefact_table_in_reading_order_with_trace_rows(seed):
    table = artefact_table(seed)
    assert list(table.columns) == ["as written", "where", "kind", "likely reading"]
    assert table.iloc[0]["where"] == "headline"
    assert table.set_index("as written").loc["Armenia ured that", "where"] == "paragraph 8"
    trace = artefact_table(seed, trace=True)
    assert set(trace["as written"]) == {r["as_written"] for r in load_artefacts() if r["trace"] == "yes"}
    assert artefact_table(text("Nothing of the course article here.")).empty


def test_seeds_readme_shows_the_inventory_of_the_data_file():
    readme = README.read_text(encoding="utf-8")
    assert START in readme and END in readme, "seeds/README.md lost its generated artefact section"
    section = readme[readme.index(START):readme.index(END)]
    section = section[section.index("\n") + 1:].strip()
    assert section == artefact_markdown(), "seeds/README.md is out of date: run `python -m tools.artefacts`"


def test_notebook_01_shows_the_same_inventory():
    nb = json.loads(NOTEBOOK.read_text(encoding="utf-8"))
    cells = [c for c in nb["cells"] if c["cell_type"] == "code" and "artefact_table(article)" in "".join(c["source"])]
    assert cells, "notebook 01 must show artefact_table(article), the inventory of helpers/data/artefacts.csv"
    shown = json.dumps(cells[0]["outputs"], ensure_ascii=False)
    for row in load_artefacts():
        assert json.dumps(row["as_written"], ensure_ascii=False)[1:-1] in shown, row["as_written"]


def test_the_data_files_can_be_read():
    assert {r["actor"] for r in read_csv("actor_groups.csv")} >= {"(not an actor)", "Azerbaijan", "Armenia"}
    assert {r["counts"] for r in read_csv("figure_words.csv")} == {"casualties", "people"}


# --- the checks of notebook 01 -------------------------------------------------------------------

def status(exercise, answer, article):
    return check(exercise, answer, article).status


@pytest.mark.parametrize("exercise, right, wrongs", [
    ("01.1", "B", ["A", "C", "D", "Z", 2]),
    ("01.2", "b", ["A", "C", ""]),
    ("01.6", ["text", "text", "outside", "the text", "outside"],
     [["text"] * 5, ["outside"] * 5, ["text", "text", "text", "text", "outside"], ["text"] * 4]),
    ("01.7", ["partial", "scare", "Partial quotation", "scare quote"],
     [["scare"] * 4, ["partial"] * 4, ["partial", "scare", "scare", "partial"], "partial"]),
    ("01.8", ["copy", "Investigate", "better coverage", "original", "coverage"],
     [["coverage", "investigate", "coverage", "original", "coverage"],  # a copy taken for confirmation
      ["copy", "investigate", "coverage", "coverage", "coverage"],  # the source's own post taken for coverage
      ["copy", "investigate", "coverage", "original", "original"],  # one side's outlet taken for the answer
      ["copy"] * 5, ["copy", "investigate", "coverage", "original"], "copy"]),
])
def test_choice_checks_accept_the_reading_and_refuse_wrong_ones(seed, exercise, right, wrongs):
    assert status(exercise, right, seed) == "correct"
    for wrong in wrongs:
        assert status(exercise, wrong, seed) == "not yet", wrong


@pytest.mark.parametrize("exercise, answer", [("01.1", "B"), ("01.2", "B"), ("01.6", ["text"] * 5)])
def test_course_article_questions_are_only_complete_on_another_article(council, exercise, answer):
    assert status(exercise, answer, council) == "complete"


def test_the_search_finds_of_exercise_1_8_are_the_same_on_any_article(council):
    finds = ["copy", "investigate", "coverage", "original", "coverage"]
    assert status("01.8", finds, council) == "correct"
    assert status("01.8", ["coverage", *finds[1:]], council) == "not yet"
    assert "not a confirmation" in check("01.8", ["coverage", *finds[1:]], council).message


@pytest.mark.parametrize("answer", [
    "Karabakh: two victims and 23 injured, says the region's Armenian ombudsman",
    "Two victims and 23 injured in Karabakh, according to rights defender Gegham Stepanyan",
])
def test_headline_rewrite_that_credits_the_figures_is_complete(seed, answer):
    assert status("01.3", answer, seed) == "complete"


@pytest.mark.parametrize("answer, hint", [
    ("Karabakh: two dead and 23 injured after a vast military operation by Azerbaijan, Armenia denounces "
     "“ethnic cleansing”", "as published"),
    ("Two dead and 23 injured in Karabakh", "own voice"),
    ("Karabakh ombudsman says many people were hurt", "Keep the figures"),
    ("Two dead and 23 injured, officials say", "Name that source"),
    ("Karabakh: two dead and 23 injured, says the separatist ombudsman", "own voice"),
    ("", "string"),
])
def test_headline_rewrite_refuses_wrong_rewrites(seed, answer, hint):
    feedback = check("01.3", answer, seed)
    assert feedback.status == "not yet" and hint in feedback.message


def test_headline_rewrite_on_another_article(council):
    assert status("01.3", "Riverton council approves new bus lanes, 7 to 2, says the clerk", council) != "not yet"
    assert status("01.3", "Bus lanes approved", council) == "not yet"  # no source credited


DASHED = ("On Monday's vote – a close one – the council spoke. Fridays are quiet, she said. "
          "On Friday the mayor left.")


def test_longest_sentence_check_and_solution_agree_on_words(seed):
    article = text(DASHED)
    solution = sentence_table(article)["words"].max()  # the worked solution of exercise 1.4
    assert status("01.4", solution, article) == "correct"
    by_spaces = max(len(s.split()) for s in article.sentences)
    assert by_spaces != solution  # the dash counted as a word
    assert status("01.4", by_spaces, article) == "not yet"
    assert status("01.4", sentence_table(seed)["words"].max(), seed) == "correct"
    assert status("01.4", max(len(s.split()) for s in seed.sentences), seed) == "not yet"  # "»" counted
    assert status("01.4", len(seed.sentences), seed) == "not yet"
    assert status("01.4", "47", seed) == "not yet"


def _worked_day_mentions(article):
    """The worked solution of exercise 1.5, line for line."""
    day_mentions = 0
    for day in WEEKDAYS:
        day_mentions = day_mentions + article.text.count(day)
    return day_mentions


def test_day_mentions_check_and_solution_agree_on_days(seed):
    article = text(DASHED)
    solution = _worked_day_mentions(article)
    assert solution == 3  # Monday's, Fridays, Friday
    assert status("01.5", solution, article) == "correct"
    as_words = sum(1 for w in re.findall(r"[\w’']+", article.text) if w in WEEKDAYS)
    assert status("01.5", as_words, article) == "not yet"  # "Monday's" and "Fridays" missed
    assert status("01.5", 2, article) == "not yet"  # two different days
    assert status("01.5", _worked_day_mentions(seed), seed) == "correct"
    assert status("01.5", 2, seed) == "not yet"
    headline = load_article(text="Tuesday: the vote\n\nThe council met on Tuesday.")
    assert status("01.5", 1, headline) == "not yet"  # the body only
    assert status("01.5", _worked_day_mentions(headline), headline) == "correct"


def test_editorial_insertions_never_count_as_quoted_even_nested_in_each_other():
    """A bracket holding an editor's note is one stretch of the outlet's words: neither part is quoted."""
    from helpers.reading import paragraph_table

    text = ("Title\n\nThe minister said “the army [of the region (Editor’s note.) in the east] will stay here.”\n\n"
            "The minister said “the army will stay here.”")
    table = paragraph_table(load_article(text=text))
    # paragraph 1: 16 words, 5 quoted ("the army", "will stay here"); paragraph 2: 8 words, 5 quoted
    assert table.loc[1, "words"] == 16 and table.loc[1, "quoted share"] == round(5 / 16, 2)
    assert table.loc[2, "quoted share"] == round(5 / 8, 2)
