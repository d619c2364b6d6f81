"""Tests of helpers.reading: structure tables, names, timeline and figures on real text."""

from __future__ import annotations

import pytest

from helpers import load_article
from helpers.reading import number_claims, paragraph_table, proper_names, quote_table, sentence_table, time_expressions


@pytest.fixture(scope="module")
def seed():
    return load_article()


def test_paragraph_table_matches_the_article(seed):
    table = paragraph_table(seed)
    assert list(table.index) == list(range(14))
    assert table["sentences"].sum() == len(seed.sentences)
    assert table["words"].sum() == len(seed.words)
    assert table.loc[3, "quoted share"] == 0  # the background paragraph quotes nobody
    assert table.loc[6, "quoted share"] == table["quoted share"].max()


def test_sentence_table_lengths(seed):
    table = sentence_table(seed)
    assert len(table) == len(seed.sentences)
    assert table["words"].min() == 1  # the ‘Azerbaijan. fragment
    assert table.loc[table["words"].idxmin(), "text"] == "‘Azerbaijan."


def test_quote_table_places_the_headline_and_subheading_quotes(seed):
    table = quote_table(seed)
    assert table.iloc[0]["where"] == "headline"
    assert (table["where"] == "subheading").sum() == 1
    assert table.loc[table["flag"] != "", "quote"].tolist() == ["stable"]


def test_proper_names_finds_people_places_and_skips_sentence_openers(seed):
    names = proper_names(seed)
    found = set(names["name"])
    assert {"Gegham Stepanyan", "Maria Zakharova", "Josep Borrell", "Stepanakert", "Republic of Artsakh",
            "Ministry of Foreign Affairs", "Kremlin"} <= found
    assert not {"Tensions", "Furthermore", "This Tuesday", "The"} & found
    assert names.iloc[0]["mentions"] >= names.iloc[-1]["mentions"]


def test_proper_names_on_a_small_text():
    article = load_article(text="Title\n\nYesterday Anna Petrova met the Ministry of Health. Later Anna Petrova left.")
    names = proper_names(article).set_index("name")["mentions"].to_dict()
    assert names == {"Anna Petrova": 2, "Ministry of Health": 1}


def test_time_expressions_in_reading_order(seed):
    times = time_expressions(seed)
    assert times.iloc[0]["expression"] == "This Tuesday"
    assert set(times["kind"]) == {"weekday", "relative", "duration", "month", "year"}
    assert "in September 2020" in set(times["expression"])


def test_number_claims_separate_quoted_figures(seed):
    numbers = number_claims(seed)
    quoted = numbers[numbers["in quotation marks"]]
    assert "23" in set(quoted["number"])
    assert "2020" not in set(numbers["number"])  # years belong to the timeline
    assert not numbers.loc[numbers["number"] == "six", "in quotation marks"].any()
