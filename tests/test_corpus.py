"""helpers.corpus.analyse_corpus: one row per article, the same numbers the notebooks compute."""

from __future__ import annotations

import math
import os
import warnings
from collections import Counter

import pandas as pd
import pytest

from helpers import load_article, quoted_share
from helpers.corpus import COLUMNS, analyse_article, analyse_corpus
from helpers.readability import readability_scores


@pytest.fixture(scope="module")
def table(tmp_path_factory, city_council_path):
    from helpers.article import DEFAULT_SEED, SEEDS_DIR

    folder = tmp_path_factory.mktemp("corpus")
    bad = folder / "latin1.txt"
    bad.write_bytes("Le ministère a déclaré « non ».".encode("latin-1"))
    return analyse_corpus([SEEDS_DIR / DEFAULT_SEED, city_council_path, bad, folder / "missing.txt"])


def test_one_row_per_article_in_order_with_every_column(table):
    assert list(table.columns) == COLUMNS
    assert list(table["name"]) == ["karabakh_2023-09-19.txt", "city_council.txt", "latin1.txt", "missing.txt"]
    assert list(table.index) == [1, 2, 3, 4]


def test_bad_files_get_a_row_with_the_reason_not_a_crash(table):
    latin1, missing = table.iloc[2], table.iloc[3]
    assert "not UTF-8" in latin1["error"] and "No article at" in missing["error"]
    assert pd.isna(latin1["words"]) and pd.isna(missing["fk_grade"])
    assert table.iloc[:2]["error"].isna().all()


def test_numbers_are_those_of_the_helpers(table, city_council_path):
    from helpers.framing import CONTESTED_TERMS, narrator_uses

    for row, article in ((table.iloc[0], load_article()), (table.iloc[1], load_article(city_council_path))):
        assert row["words"] == len(article.words)
        assert row["paragraphs"] == len(article.paragraphs) and row["sentences"] == len(article.sentences)
        assert row["quotes"] == len([q for q in article.quotes if q.level == 0])
        assert math.isclose(row["quote_share"], quoted_share(article))
        assert row["narrator_contested"] == len(narrator_uses(article, CONTESTED_TERMS))
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            scores = readability_scores(article)
        assert math.isclose(row["fk_grade"], scores["flesch_kincaid_grade"])
        assert math.isclose(row["flesch"], scores["flesch_reading_ease"])
        assert row["warnings"] == len(article.warnings)


def test_the_seed_and_the_city_council_article_differ_as_expected(table):
    seed, council = table.iloc[0], table.iloc[1]
    assert seed["contested_uses"] > seed["narrator_contested"] > 0  # quoted and narrator uses both occur
    assert council["contested_uses"] == 0  # a council story uses none of the conflict's contested terms
    assert council["warnings"] >= 1  # its <b> and <script> are reported as HTML markup
    assert council["fk_grade"] < seed["fk_grade"]


def test_source_columns_count_attributions_by_kind(table, city_council_path):
    from helpers import corpus
    from helpers.sources import find_attributions

    seed = table.iloc[0]
    attributions = find_attributions(load_article())
    assert seed["attributions"] == len(attributions) > 0
    assert seed["direct"] + seed["partial"] + seed["indirect"] == seed["attributions"]
    top = seed["top_sources"].split("; ")
    assert 1 <= len(top) <= corpus.TOP_SOURCES and top[0].endswith(")")
    (source, n), = Counter(a.source for a in attributions).most_common(1)
    assert top[0] == f"{source} ({n})"
    council = table.iloc[1]
    assert council["attributions"] == len(find_attributions(load_article(city_council_path))) > 0


def test_a_folder_means_its_txt_files_and_an_article_object_works_too(tmp_path):
    (tmp_path / "b.txt").write_text("Headline\n\nThe mayor said “yes”. It rained.", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Another headline\n\nNothing was said.", encoding="utf-8")
    (tmp_path / "notes.md").write_text("not an article", encoding="utf-8")
    assert list(analyse_corpus(tmp_path)["name"]) == ["a.txt", "b.txt"]
    row = analyse_article(load_article(text="Headline\n\nThe mayor said “yes”. It rained.", name="given"))
    assert row["name"] == "given" and row["quotes"] == 1 and row["sentences"] == 2


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes on this system")
def test_a_pipe_in_the_folder_gets_a_row_instead_of_a_wait(tmp_path):
    """A FIFO named like an article used to block analyse_corpus(folder) forever."""
    (tmp_path / "a.txt").write_text("Headline\n\nThe mayor said “yes”.", encoding="utf-8")
    os.mkfifo(tmp_path / "b.txt")
    (tmp_path / "c.txt").write_bytes("Headline\n\nBody.".encode("utf-16"))
    table = analyse_corpus(tmp_path)
    assert list(table["name"]) == ["a.txt", "b.txt", "c.txt"]
    assert table.iloc[0]["error"] is None or pd.isna(table.iloc[0]["error"])
    assert "named pipe (FIFO)" in table.iloc[1]["error"] and "UTF-16: save it as UTF-8" in table.iloc[2]["error"]
    assert pd.isna(table.iloc[1]["words"])
