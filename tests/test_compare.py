"""helpers.compare, the checks of notebook 06 and `make compare`.

The comparison is tested on the default corpus (the course article and its
variants), on the test articles and on small corpora written here: every
cell shows the sentences behind it, bad input gets a message or a row with
the reason, and two files of the same name never mix.
"""

from __future__ import annotations

import ast
import os
import re
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from helpers import check, load_article
from helpers.compare import ORIGINAL, SECTIONS, compare, corpus_table, evidence, load_corpus, provenance_table, side_by_side
from helpers.variants import headline_gap
from helpers.errors import CorpusError
from tools import compare as tool

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "tests" / "articles"
#: Cell values that say "nothing here": such a cell has no sentence behind it.
EMPTY = re.compile(r"none|0|0 \(0%\)|no source is credited|\(no headline\)|no verbs|0 of \d+ paragraphs|0%")


@pytest.fixture(scope="module")
def corpus():
    return load_corpus()


@pytest.fixture(scope="module")
def comparison(corpus):
    return compare(corpus)


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


# --- the default comparison -----------------------------------------------------------------------

def test_the_default_corpus_is_the_course_article_and_its_variants(corpus):
    assert corpus.labels == [ORIGINAL, "Armenian voices only", "Azerbaijani voices only", "Armenian names",
                             "Azerbaijani names", "headline attributed"]
    assert corpus[ORIGINAL].is_seed and len(corpus.variants) == 5
    assert corpus.notes == []
    table = corpus_table(corpus)
    assert list(table.index) == list(range(1, 7)) and table.loc[1, "file"] == "seeds/karabakh_2023-09-19.txt"


def test_one_column_per_article_and_every_section(comparison, corpus):
    assert list(dict.fromkeys(comparison["section"])) == list(SECTIONS)
    for section in SECTIONS:
        table = side_by_side(comparison, section)
        assert list(table.columns) == corpus.labels
        assert table.index.name == section and len(table) >= 3
    assert list(side_by_side(comparison, "naming", ["Armenian names", ORIGINAL]).columns) == ["Armenian names", ORIGINAL]
    with pytest.raises(ValueError, match="no section"):
        side_by_side(comparison, "tone")
    with pytest.raises(CorpusError, match="the articles are"):
        side_by_side(comparison, "naming", ["BBC"])


def test_every_cell_that_shows_something_can_show_its_sentences(comparison):
    cells = comparison.drop_duplicates(["row", "article"])
    for row, article, value in zip(cells["row"], cells["article"], cells["value"]):
        if EMPTY.fullmatch(value.strip()):
            continue
        behind = evidence(comparison, row, article)
        assert len(behind) > 0, (row, article, value)
        assert behind.attrs["value"] == value


def test_the_evidence_is_the_article_own_sentence(comparison, corpus):
    for label in corpus.labels:
        article = corpus[label]
        lines = comparison[(comparison["article"] == label) & comparison["where"].str.startswith("sentence")]
        assert len(lines) > 0
        for where, text in zip(lines["where"], lines["evidence"]):
            sentence = " ".join(str(article.sentences[int(where.split()[1]) - 1]).split())
            assert sentence in text, (label, where)


def test_the_headline_rows_find_the_gap_where_planted_and_not_where_attributed(comparison):
    row = side_by_side(comparison, "headline", width=200).loc["fact in headline, attributed in body"]
    assert row[ORIGINAL] == "two dead, 23 injured"
    assert row["headline attributed"] == "none"
    assert row["Azerbaijani voices only"] == "none"
    missing = side_by_side(comparison, "headline", width=200).loc["figures the body never gives"]
    assert missing["Azerbaijani voices only"] == "two dead, 23 injured" and missing[ORIGINAL] == "none"
    behind = evidence(comparison, "fact in headline, attributed in body", ORIGINAL)
    assert set(behind["where"]) == {"sentence 4", "sentence 5"}
    assert any("Gegham Stepanyan" in e for e in behind["evidence"])


def test_headline_gap_findings_on_small_texts():
    def finding(text):
        return [r["finding"] for r in headline_gap(load_article(text=text))]
    assert finding("Storm: 3 dead\n\n“Three people died,” the mayor said.") == [
        "stated in the headline, only attributed in the body"]
    assert finding("Storm: 3 dead\n\nThree people died in the storm.") == ["the body states it too"]
    assert finding("Storm: 3 dead, the mayor says\n\n“Three people died,” the mayor said.") == [
        "attributed in the headline too"]
    assert finding("Storm: 3 dead\n\nRoads were closed.") == ["not in the body: ask where the figure comes from"]


def test_the_comparison_moves_with_each_recipe_and_symmetrically(comparison):
    naming = side_by_side(comparison, "naming", width=200)
    assert naming.loc["Azerbaijani sources' words", "Armenian names"] == "0"
    assert naming.loc["Armenian sources' words", "Azerbaijani names"] == "0"
    sources = side_by_side(comparison, "sources", width=200)
    assert sources.loc["side: Azerbaijan", "Armenian voices only"] == "0 (0%)"
    assert sources.loc["side: Armenia / Karabakh Armenian authorities", "Azerbaijani voices only"] == "0 (0%)"
    assert sources.loc["side: Azerbaijan", "Azerbaijani voices only"] == "6 (100%)"
    assert sources.loc["side: Armenia / Karabakh Armenian authorities", "Armenian voices only"] == "9 (100%)"
    # a renamed source keeps its side: the naming variants count the sources as the original does
    assert list(sources.loc[:, "Armenian names"].iloc[1:7]) == list(sources.loc[:, ORIGINAL].iloc[1:7])
    voices = side_by_side(comparison, "lede and voices", width=200)
    assert voices.loc["first voice", "Azerbaijani voices only"] == "Baku (Azerbaijani side)"
    assert voices.loc["first voice", "Armenian voices only"] == "Armenia (Armenian side)"
    frames = side_by_side(comparison, "frames")
    assert list(frames["Armenian names"]) == list(frames["Azerbaijani names"]) == list(frames[ORIGINAL])


def test_evidence_names_what_exists():
    comparison = compare(load_corpus([ARTICLES / "city_council.txt", ARTICLES / "weather_no_quotes.txt"]))
    with pytest.raises(CorpusError, match="the rows are"):
        evidence(comparison, "tone", "city_council")
    with pytest.raises(CorpusError, match="the articles are"):
        evidence(comparison, "first voice", "original")


# --- a teacher's corpus and bad input -----------------------------------------------------------

def test_the_test_articles_as_a_folder():
    corpus = load_corpus(ARTICLES)
    assert corpus.labels == ["city_council", "weather_no_quotes"]
    comparison = compare(corpus)
    naming = side_by_side(comparison, "naming")
    assert set(naming.to_numpy().ravel()) == {"0"}  # no contested term of the conflict in either
    sources = side_by_side(comparison, "sources", width=200)
    assert sources.loc["side: not classified", "city_council"].startswith(sources.loc["attributions", "city_council"])
    assert provenance_table(corpus).loc[1, "recorded in"] == "nowhere"


def test_an_empty_folder_and_a_missing_path_stop_with_one_line(tmp_path):
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "notes.md").write_text("not an article", encoding="utf-8")
    with pytest.raises(CorpusError, match="has no .txt articles"):
        load_corpus(tmp_path / "empty")
    with pytest.raises(CorpusError, match="No folder or file"):
        load_corpus(tmp_path / "nowhere")
    with pytest.raises(CorpusError, match="empty list"):
        load_corpus([])
    with pytest.raises(CorpusError, match="must be None, a folder"):
        load_corpus(42)


def test_an_unreadable_file_among_good_ones_gets_a_row_with_the_reason(tmp_path):
    write(tmp_path, "good.txt", "Rain in town\n\nIt rained on Sunday, the mayor said.")
    (tmp_path / "latin1.txt").write_bytes("Le ministère a déclaré « non ».".encode("latin-1"))
    write(tmp_path, "empty.txt", "   \n")
    corpus = load_corpus(tmp_path)
    assert corpus.labels == ["good"]
    table = corpus_table(corpus)
    reasons = dict(zip(table["article"], table["headline"]))
    assert "not UTF-8" in reasons["latin1"] and "is empty" in reasons["empty"]
    assert any("could not be read" in note for note in corpus.notes)
    assert any("Only one article" in note for note in corpus.notes)
    assert list(dict.fromkeys(compare(corpus)["article"])) == ["good"]


def test_nothing_readable_is_an_error_that_lists_the_reasons(tmp_path):
    (tmp_path / "a.txt").write_bytes(b"\x00\x01binary")
    with pytest.raises(CorpusError, match="No article could be read: .*a.txt: .*not a text file"):
        load_corpus(tmp_path)


def test_two_files_of_the_same_name_stay_apart(tmp_path):
    one = write(tmp_path / "outlet_a", "report.txt", "Storm: 3 dead\n\n“Three people died,” the mayor said.")
    two = write(tmp_path / "outlet_b", "report.txt", "Storm: 3 dead\n\nThree people died in the storm.")
    write(tmp_path / "outlet_a", "provenance.csv", "file,outlet\nreport.txt,Daily A\n")
    write(tmp_path / "outlet_b", "provenance.csv", "file,outlet\nreport.txt,Daily B\n")
    for given in (tmp_path, [one, two]):
        corpus = load_corpus(given)
        assert corpus.labels == ["outlet_a/report", "outlet_b/report"]
        sheet = provenance_table(corpus)
        assert list(sheet["outlet"]) == ["Daily A", "Daily B"]  # each file keeps its own folder's sheet
        gap = side_by_side(compare(corpus), "headline", width=200).loc["fact in headline, attributed in body"]
        assert (gap["outlet_a/report"], gap["outlet_b/report"]) == ("3 dead", "none")


def test_the_same_file_named_twice_is_compared_once(tmp_path):
    path = write(tmp_path, "a.txt", "Rain\n\nIt rained, the mayor said.")
    corpus = load_corpus([path, path])
    assert corpus.labels == ["a"] and any("named twice" in note for note in corpus.notes)


def test_a_sides_file_beside_the_articles_classifies_their_sources(tmp_path):
    write(tmp_path, "a.txt", "Budget vote\n\n“We will vote yes,” the mayor said. The council said it would wait.")
    write(tmp_path, "b.txt", "Budget delayed\n\nThe council said it would wait.")
    write(tmp_path, "sides.csv", "source,side,type\nmayor,city hall,named person\ncouncil,council,government or institution\n")
    sources = side_by_side(compare(load_corpus(tmp_path)), "sources", width=200)
    assert sources.loc["side: city hall", "a"] == "1 (50%)" and sources.loc["side: council", "b"] == "1 (100%)"


def test_parties_grouped_into_a_side_are_counted_both_ways(tmp_path, comparison):
    write(tmp_path, "a.txt", "Budget vote\n\n“Yes,” the mayor said. The council said it would wait. "
                             "“No,” the union said.")
    write(tmp_path, "b.txt", "Budget delayed\n\nThe council said it would wait.")
    write(tmp_path, "sides.csv", "source,party,side,type\nmayor,city hall,city,named person\n"
                                 "council,council,city,government or institution\nunion,union,union,civilian\n")
    sources = side_by_side(compare(load_corpus(tmp_path)), "sources", width=200)
    assert sources.loc["side: city", "a"] == "2 (67%)"
    assert (sources.loc["party: city hall", "a"], sources.loc["party: council", "a"]) == ("1 (33%)", "1 (33%)")
    assert sources.loc["party: council", "b"] == "1 (100%)"
    rows = list(side_by_side(comparison, "sources").index)  # the course's table: parties only if it has them
    assert any(r.startswith("party: ") for r in rows) == (
        "party" in open(ROOT / "helpers" / "data" / "seed_sources.csv", encoding="utf-8").readline())


def test_a_header_block_shows_in_the_provenance_sheet(tmp_path):
    write(tmp_path, "a.txt", "Outlet: Daily A\nDate: 2023-09-19\nTranslated: no\n---\nRain\n\nIt rained, the mayor said.")
    write(tmp_path, "b.txt", "Rain again\n\nIt rained again.")
    corpus = load_corpus(tmp_path)
    assert corpus["a"].title == "Rain"
    sheet = provenance_table(corpus)
    assert (sheet.loc[1, "outlet"], sheet.loc[1, "recorded in"]) == ("Daily A", "header")
    assert sheet.loc[2, "recorded in"] == "nowhere"


def test_analyse_corpus_has_what_the_comparison_needs(corpus):
    from helpers.corpus import analyse_corpus

    table = analyse_corpus([corpus[label] for label in corpus.labels])
    assert list(table["headline_gap"]) == [2, 2, 0, 2, 2, 0]
    assert list(table["narrator_azerbaijani"])[3] == 0 and list(table["narrator_armenian"])[4] == 0
    assert table.loc[3, "first_voice"] == "Baku"


# --- the checks of notebook 06: the worked answer passes, plausible wrong answers do not -----------

CORRECT = {
    "06.1": [2],
    "06.2": [ORIGINAL, "Armenian voices only", "Armenian names", "Azerbaijani names"],
    "06.3": [ORIGINAL, "Armenian voices only", "Azerbaijani voices only", "headline attributed"],
    "06.5": "no",
}
WRONG = {
    "06.1": [[2, 12], [10], [], [2, 10, 12], [5], "2"],
    "06.2": [[ORIGINAL, "Azerbaijani voices only", "Armenian voices only", "Armenian names", "Azerbaijani names"],
             [ORIGINAL, "headline attributed", "Armenian voices only", "Armenian names", "Azerbaijani names"],
             [ORIGINAL], ["Original"], "original", []],
    "06.3": [[ORIGINAL, "headline attributed"], [ORIGINAL, "Armenian names", "Armenian voices only",
             "Azerbaijani voices only", "headline attributed"], [], ["all"]],
    "06.5": ["yes", "maybe", 0, ""],
}


@pytest.mark.parametrize("exercise", sorted(CORRECT))
def test_the_worked_answer_is_correct(exercise, comparison):
    assert check(exercise, CORRECT[exercise], comparison).status == "correct"


@pytest.mark.parametrize("exercise, answer", [(e, a) for e, answers in WRONG.items() for a in answers])
def test_a_plausible_wrong_answer_is_not_yet(exercise, answer, comparison):
    feedback = check(exercise, answer, comparison)
    assert feedback.status == "not yet", (exercise, answer, feedback)
    assert "Correct" not in repr(feedback)


def test_the_evidence_exercise(comparison):
    right = evidence(comparison, "Armenian sources' words", "Azerbaijani voices only")
    assert check("06.4", right, comparison).status == "correct"
    for wrong in (evidence(comparison, "Armenian sources' words", ORIGINAL),
                  evidence(comparison, "Azerbaijani sources' words", "Azerbaijani voices only"),
                  side_by_side(comparison, "naming"), "blockade", None):
        assert check("06.4", wrong, comparison).status == "not yet"
    assert check("06.4", ..., comparison).status == "unanswered"


def test_the_checks_follow_a_teacher_corpus():
    comparison = compare(load_corpus([ARTICLES / "city_council.txt", ARTICLES / "weather_no_quotes.txt"]))
    assert check("06.2", [], comparison).status == "correct"  # neither headline states a casualty figure
    assert check("06.2", ["city_council"], comparison).status == "not yet"
    assert check("06.3", [], comparison).status == "correct"
    assert check("06.2", [ORIGINAL], comparison).status == "not yet"  # a column this corpus does not have
    behind = evidence(comparison, "Armenian sources' words", "weather_no_quotes")  # the last column stands in
    assert check("06.4", behind, comparison).status == "correct"


# --- make compare --------------------------------------------------------------------------------

def test_split_and_name_the_articles(tmp_path):
    assert tool.split_articles(None) is None and tool.split_articles("  ") is None
    folder = tmp_path / "a:b"
    folder.mkdir()
    assert tool.split_articles(str(folder)) == [str(folder)]  # a whole existing path is never split
    assert tool.split_articles(f"x.txt{os.pathsep}y.txt") == ["x.txt", "y.txt"]
    one, two = tmp_path / "one" / "corpus", tmp_path / "two" / "corpus"
    assert tool.output_name(None) == tool.DEFAULT_NAME
    assert tool.output_name([one]).startswith("corpus-") and tool.output_name([one]) != tool.output_name([two])


def test_the_injected_paths_are_python_literals_whatever_the_name(tmp_path):
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("ARTICLES = None  # x")])
    nb.cells[0].metadata["tags"] = ["parameters"]
    odd = [tmp_path / 'a `touch x` $HOME "q" \\ é', tmp_path / "b'c.txt"]
    tool.inject_articles(nb, odd)
    tool.inject_articles(nb, odd)  # a second run replaces the first cell
    injected = [c for c in nb.cells if "injected-parameters" in c.metadata.get("tags", [])]
    assert len(injected) == 1
    value = ast.literal_eval(injected[0].source.split("=", 1)[1].strip())
    assert value == [str(p) for p in odd]


def _make(*arguments, **environment):
    env = {**os.environ, **environment}
    return subprocess.run(["make", "-s", "compare", *arguments, "STAMP=Makefile", f"BIN={Path(sys.executable).parent}"],
                          cwd=ROOT, capture_output=True, text=True, env=env)


def test_make_compare_passes_any_folder_name_safely(tmp_path):
    """A backtick, $, quotes, spaces and non-ASCII in ARTICLES reach the tool unchanged, never a shell."""
    folder = tmp_path / 'class `touch pwned` $HOME $(touch pwned2) "é"'
    folder.mkdir()
    for article in ARTICLES.glob("*.txt"):
        (folder / article.name).write_text(article.read_text(encoding="utf-8"), encoding="utf-8")
    done = _make(f"ARTICLES={folder}", "CHECK=1")
    assert done.returncode == 0, done.stderr
    assert "Comparing 2 articles: city_council, weather_no_quotes" in done.stdout
    for place in (ROOT, tmp_path, Path.cwd()):
        assert not (place / "pwned").exists() and not (place / "pwned2").exists()


def test_make_compare_stops_with_one_line_on_an_empty_folder(tmp_path):
    done = _make(f"ARTICLES={tmp_path}", "CHECK=1")
    assert done.returncode != 0
    assert "make compare: The folder" in done.stderr and "has no .txt articles" in done.stderr
    assert "Traceback" not in done.stderr


def test_make_compare_checks_the_default(tmp_path):
    done = _make("CHECK=1")
    assert done.returncode == 0, done.stderr
    assert "Comparing 6 articles: original, Armenian voices only" in done.stdout
    assert tool.DEFAULT_NAME in done.stdout


@pytest.mark.slow
@pytest.mark.kernel
@pytest.mark.parametrize("articles", [None, ARTICLES], ids=["default", "test-articles"])
def test_make_compare_runs_the_notebook(tmp_path, articles):
    code = tool.main(([str(articles)] if articles else []) + ["--out", str(tmp_path)])
    assert code == 0
    (out,) = [p for p in tmp_path.iterdir() if p.is_dir()]
    executed = nbformat.read(out / "06_comparing_coverage.ipynb", as_version=4)
    errors = [o for c in executed.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]
    assert errors == []
    assert (out / "06_comparing_coverage.html").is_file() and (out / "index.html").is_file()
    if articles is None:
        assert len(list((out / "variants").glob("*.txt"))) == 5
