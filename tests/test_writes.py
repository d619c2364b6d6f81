"""Every file the course writes is written whole or not at all (issue #14.1).

A write that fails -- text that cannot be encoded, a full disk, Ctrl-C --
used to leave an empty file where the old one was: the brief, the source table
CSV.  Now each is encoded first and written to a temporary file that replaces
the old one only when complete (:mod:`helpers.files`).
"""

from __future__ import annotations

import warnings

import pandas as pd
import pytest

import helpers.files
from helpers import load_article
from helpers.brief import build_brief, output_folder, sides_path, write_brief, write_sides_template
from helpers.errors import CourseError, UnwritableTextError

TEXT = "Harbour vote delayed\n\nThe port board postponed its vote on Friday, said the mayor. “Too low,” he added."


@pytest.fixture(scope="module")
def article():
    return load_article(text=TEXT, name="harbour.txt")


@pytest.fixture(scope="module")
def brief(article):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return build_brief(article)


def test_a_brief_that_cannot_be_encoded_leaves_the_old_files_whole(tmp_path, article, brief):
    old = write_brief(brief, tmp_path)
    before = [p.read_bytes() for p in old]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        broken = build_brief(article, conclusion="My conclusion \ud800 here.")  # a lone surrogate in the answer
    with pytest.raises(UnwritableTextError, match=r"U\+D800 .*cannot be written as UTF-8") as error:
        write_brief(broken, tmp_path)
    assert isinstance(error.value, CourseError)
    assert [p.read_bytes() for p in old] == before  # neither file was touched, not even the first
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(p.name for p in old)  # no temporary file left


def test_a_source_table_that_cannot_be_encoded_leaves_the_old_csv_whole(tmp_path, article, monkeypatch):
    import helpers.sources as sources
    import helpers.sources.tables as tables

    path = sources.export_source_table(article, tmp_path / "sources.csv")
    before = path.read_bytes()
    assert before.startswith("\ufeff".encode("utf-8")) and b"mayor" in before
    table = sources.source_table(article)
    broken = table.assign(quote=["\ud800"] * len(table))
    monkeypatch.setattr(tables, "source_table", lambda _: broken)
    with pytest.raises(UnicodeEncodeError):
        sources.export_source_table(article, path)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["sources.csv"]


def test_a_write_interrupted_half_way_leaves_the_old_file(tmp_path, monkeypatch):
    target = tmp_path / "brief.md"
    target.write_text("the old brief", encoding="utf-8")

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(helpers.files.os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        helpers.files.write_text(target, "the new brief")
    assert target.read_text(encoding="utf-8") == "the old brief"
    assert [p.name for p in tmp_path.iterdir()] == ["brief.md"]


def test_the_sides_template_is_written_whole_and_never_over_a_filled_in_file(tmp_path, article):
    path = write_sides_template(article, tmp_path)
    table = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    assert list(table.columns) == ["source", "party", "side", "type", "note"] and len(table) >= 1
    path.write_text("source,party,side,type,note\nthe mayor,city council,city,official,mine\n", encoding="utf-8")
    assert write_sides_template(article, tmp_path) == path
    assert "mine" in path.read_text(encoding="utf-8")


def test_outputs_go_where_the_run_says(tmp_path, article, brief, monkeypatch):
    """make course names its folder in COURSE_OUTPUT_DIR: briefs and sides tables go there, not to build/."""
    monkeypatch.setenv("COURSE_OUTPUT_DIR", str(tmp_path / "run"))
    assert output_folder() == tmp_path / "run"
    assert sides_path(article).parent == tmp_path / "run"
    assert {p.parent for p in write_brief(brief)} == {tmp_path / "run"}
    assert write_sides_template(article).parent == tmp_path / "run"
    monkeypatch.delenv("COURSE_OUTPUT_DIR")
    from helpers.brief import BUILD_DIR

    assert output_folder() == BUILD_DIR


def test_two_articles_of_the_same_name_never_share_a_brief(tmp_path):
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "report.txt").write_text(f"Report {folder}\n\nThe mayor of {folder} spoke.",
                                                      encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        first = write_brief(build_brief(load_article(tmp_path / "a" / "report.txt")), tmp_path / "out")
        second = write_brief(build_brief(load_article(tmp_path / "b" / "report.txt")), tmp_path / "out")
    assert not set(first) & set(second)
    assert "mayor of a" in first[0].read_text(encoding="utf-8") and "mayor of b" in second[0].read_text(encoding="utf-8")


def test_installed_helpers_write_into_the_working_folder_not_the_package(tmp_path, article, monkeypatch):
    """Installed from a wheel, helpers/ sits in site-packages with no course folder around it."""
    import helpers.brief as brief_module

    site = tmp_path / "site-packages"
    site.mkdir()
    work = tmp_path / "class"
    work.mkdir()
    monkeypatch.delenv("COURSE_OUTPUT_DIR", raising=False)
    monkeypatch.setattr(brief_module, "ROOT", site)
    monkeypatch.chdir(work)
    assert output_folder() == work / "build"
    assert sides_path(article).parent == work / "build"
    assert not any(site.iterdir())
