"""helpers.provenance: header blocks set aside by load_article, provenance.csv sheets, the sheet shown."""

from __future__ import annotations

import pytest

from helpers import load_article
from helpers.article import DEFAULT_SEED, SEEDS_DIR
from helpers.errors import CorpusError, EmptyArticleError
from helpers.framing import narrator_uses
from helpers.provenance import (
    FIELDS, NOT_RECORDED, format_header, provenance_record, provenance_sheet, read_sheet, split_header,
)

HEADER = "Outlet: Example Daily\nDate: 2023-09-19\nAuthor: A. Writer\nTranslated: no\n---\n"
ARTICLE = "Storm hits the coast\n\nA storm hit the coast on Sunday. “It was loud,” a resident said.\n"


def test_a_header_block_is_read_field_by_field():
    header = split_header(HEADER + ARTICLE)
    assert header.fields == {"outlet": "Example Daily", "date": "2023-09-19", "author": "A. Writer", "translated": "no"}
    assert (HEADER + ARTICLE)[header.end:] == ARTICLE
    assert header.warnings == [] and not header.constructed


def test_front_matter_dashes_and_field_names_in_any_case():
    header = split_header("---\nOUTLET: X\nsource_link: y\n---\n" + ARTICLE)
    assert header.fields["outlet"] == "X"
    assert header.fields["source link"] == "y"
    assert any("source link" in w for w in header.warnings)  # an unknown field is kept and flagged


@pytest.mark.parametrize("text", [
    "Karabakh: two dead and 23 injured\n\nThe body.",           # a headline with a colon
    "Karabakh: two dead and 23 injured\n---\nThe body.",         # ... even before dashes: no known field
    "Outlet: X\n\nDate: Y\n---\nThe body.",                     # a blank line inside: not a header
    "Outlet: X\nDate: Y\nThe headline\n\nThe body.",            # never closed by dashes
    "The headline\n\nOutlet: X\n---\nThe body.",                # not at the top
])
def test_text_without_a_header(text):
    assert split_header(text) is None
    article = load_article(text=text)
    assert article.header is None and article.provenance == {}


def test_a_field_given_twice_is_flagged():
    header = split_header("Outlet: A\nOutlet: B\n---\n" + ARTICLE)
    assert header.fields["outlet"] == "A" and "twice" in header.warnings[0]


def test_load_article_sets_the_header_aside():
    text = HEADER + ARTICLE
    article = load_article(text=text)
    assert article.title == "Storm hits the coast"  # never the header's first line
    assert article.provenance["outlet"] == "Example Daily"
    assert article.header.startswith("Outlet: Example Daily") and article.header.endswith("---")
    assert len(article.text) == len(text)  # the header is blanked, so every offset still matches the file
    assert article.text[article.title.start:article.title.end] == "Storm hits the coast"
    assert article.paragraphs[0].startswith("A storm hit the coast")
    assert [q.text for q in article.quotes] == ["It was loud,"]


def test_words_in_a_header_are_never_counted():
    article = load_article(text="Note: about Stepanakert and the separatist authorities\nOutlet: X\n---\n" + ARTICLE)
    assert narrator_uses(article) == []  # the header's contested words are not the narrator's
    assert "Stepanakert" not in article.text and all("Stepanakert" not in w for w in article.words)


def test_a_file_with_only_a_header_has_a_clear_message(tmp_path):
    path = tmp_path / "only_header.txt"
    path.write_text(HEADER, encoding="utf-8")
    with pytest.raises(EmptyArticleError, match="only a provenance header"):
        load_article(path)


def test_a_header_from_a_file_with_windows_line_endings(tmp_path):
    path = tmp_path / "crlf.txt"
    path.write_bytes((HEADER + ARTICLE).replace("\n", "\r\n").encode("utf-8"))
    article = load_article(path)
    assert article.title == "Storm hits the coast" and article.provenance["date"] == "2023-09-19"


def test_format_header_round_trips():
    fields = {"constructed teaching text": "built by the course", "outlet": "none"}
    text = format_header(fields) + ARTICLE
    assert split_header(text).fields == fields and split_header(text).constructed


def test_the_sheet_beside_the_articles(tmp_path):
    (tmp_path / "provenance.csv").write_text(
        "File,Outlet,Date,Language\na.txt,Daily A,2023-09-19,English\n,no file,,\n", encoding="utf-8")
    sheet = read_sheet(tmp_path)
    assert list(sheet) == ["a.txt"] and sheet["a.txt"]["outlet"] == "Daily A"
    assert read_sheet(tmp_path / "elsewhere") == {}


def test_a_sheet_without_a_file_column_says_so(tmp_path):
    (tmp_path / "provenance.csv").write_text("outlet,date\nDaily A,2023\n", encoding="utf-8")
    with pytest.raises(CorpusError, match="no column 'file'"):
        read_sheet(tmp_path)


def test_the_header_counts_and_a_difference_is_flagged():
    record = provenance_record({"outlet": "Daily A", "date": "2023-09-19"}, {"outlet": "Daily B", "author": "C. D."})
    assert record["outlet"] == "Daily A" and record["author"] == "C. D."
    assert record["conflicts"] == "outlet"
    assert record["url"] == NOT_RECORDED
    assert record["recorded in"] == "header and provenance.csv"
    assert provenance_record({}, {})["recorded in"] == "nowhere"


def test_the_sheet_shown_is_narrow_and_numbered_from_1():
    records = {"a": provenance_record({"outlet": "Daily A"}, None),
               "b": provenance_record({"constructed teaching text": "built"}, None),
               "c": provenance_record({"outlet": "X" * 80}, {"outlet": "Y"})}
    table = provenance_sheet(records)
    assert list(table.index) == [1, 2, 3]
    assert list(table.columns) == ["article", "outlet", "date", "author", "language", "translated", "recorded in"]
    assert table.loc[2, "outlet"] == "constructed teaching text"
    assert len(table.loc[3, "outlet"]) <= 40 and "differ on: outlet" in table.loc[3, "recorded in"]


def test_the_course_article_has_its_sheet():
    row = read_sheet(SEEDS_DIR)[DEFAULT_SEED]
    assert set(FIELDS) <= set(row)
    assert "unknown" in row["outlet"] and "machine-translated" in row["translated"]
