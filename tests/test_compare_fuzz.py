"""Fuzz test of the comparison (notebook 06): generated and hostile texts through helpers.compare,
helpers.variants and helpers.provenance.

The texts are those of ``tests/test_fuzz.py`` (``fuzzing.news_text`` and its
hostile texts), so a failure names the case that reproduces it.  What must hold:

* nothing raises except a :class:`helpers.errors.CourseError` (a clear one-line error);
* every cell of the comparison points at a place that exists ("headline",
  "sentence N" with N from 1 to the number of sentences), and the evidence of a
  sentence is that sentence;
* every variant is a text ``load_article`` reads, opening with its header
  ("Constructed teaching text"), and re-uses only the words of the article
  (one side's voices: its sentences; the headline attributed: the body untouched);
* a provenance header is found or not, never half: the masked text keeps every offset.
"""

from __future__ import annotations

import os
import re
import warnings

import pandas as pd
import pytest

from fuzzing import news_text
from helpers import load_article
from helpers.compare import SECTIONS, article_rows, compare, course_sides, evidence, load_corpus, side_by_side
from helpers.errors import CourseError
from helpers.provenance import CONSTRUCTED, format_header, mask_header, provenance_record, read_sheet, split_header
from helpers.variants import SIDES, attribute_headline, headline_gap, one_side_voices, switch_naming, switch_table
from test_fuzz import HOSTILE, PER_HELPER

#: Generated cases per helper (as many as test_fuzz gives each helper), and every hostile text.
CASES = [*range(5000, 5000 + PER_HELPER), *(f"hostile-{k}" for k in range(len(HOSTILE)))]
_WHERE = re.compile(r"sentence (\d+)")


def _text(case) -> str:
    return HOSTILE[int(case.split("-")[1])] if isinstance(case, str) else news_text(case)


def _article(case):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            return load_article(text=_text(case), name=f"case-{case}.txt")
        except CourseError:
            return None


def _run(name, function):
    """Run ``function(article)`` on every case; return the problems (anything but a CourseError, or a broken invariant)."""
    problems = []
    for case in CASES:
        article = _article(case)
        if article is None:
            continue
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                function(article)
        except CourseError:
            continue
        except AssertionError as error:
            problems.append(f"case {case}: {error}")
        except Exception as error:  # noqa: BLE001 - this is what the test looks for
            problems.append(f"case {case}: {type(error).__name__}: {error}")
    return problems


def _check_rows(article) -> None:
    sides = course_sides()
    lines = article_rows(article, "a", sides, {"side": list(dict.fromkeys(sides["side"])), "type": ["official"]})
    assert {line["section"] for line in lines} == set(SECTIONS)
    for line in lines:
        where = line["where"]
        assert where in ("", "headline", "subheading") or _WHERE.fullmatch(where), f"where {where!r}"
        match = _WHERE.fullmatch(where)
        if match:
            k = int(match.group(1))
            assert 1 <= k <= len(article.sentences), f"{line['row']}: sentence {k} of {len(article.sentences)}"
            sentence = " ".join(str(article.sentences[k - 1]).split())
            assert sentence in line["evidence"], f"{line['row']}: the evidence of sentence {k} is another sentence"
        assert "\n" not in line["evidence"] and isinstance(line["value"], str)


def _check_variants(article) -> None:
    words = set(re.findall(r"\w+", article.text))
    for side in SIDES.values():
        variant = one_side_voices(article, side=side)
        _readable_variant(variant)
        body = variant.text.split("\n---\n", 1)[1]
        kept = set(re.findall(r"\w+", body))
        assert kept <= words, f"one_side_voices invented {sorted(kept - words)[:3]}"
    for direction in ("Armenian sources", "Azerbaijani sources"):
        _readable_variant(switch_naming(article, direction=direction))
    variant = attribute_headline(article)
    _readable_variant(variant)
    loaded = variant.article()
    assert [str(p) for p in loaded.paragraphs] == [str(p) for p in article.paragraphs] or loaded.title is None \
        or article.title is None, "attribute_headline changed the body"
    for record in headline_gap(article):
        for behind in record["body"]:
            assert 0 <= behind["sentence"] < len(article.sentences)
    table = switch_table(article)
    assert isinstance(table, pd.DataFrame) and (len(table) == 0 or table.index[0] == 1)


def _readable_variant(variant) -> None:
    assert variant.text.startswith(f"{CONSTRUCTED[:1].upper()}{CONSTRUCTED[1:]}:"), "a variant without its header"
    try:
        variant.article()
    except CourseError as error:  # a variant with nothing left to read says so in one line
        assert "\n" not in str(error)


@pytest.mark.parametrize("name, function", [("article_rows", _check_rows), ("variants", _check_variants)])
def test_the_comparison_on_generated_articles(name, function):
    problems = _run(name, function)
    assert not problems, f"{name}: {len(problems)} failing cases:\n" + "\n".join(problems[:5])


def test_provenance_headers_on_generated_and_hostile_texts():
    problems = []
    for case in CASES:
        text = _text(case)
        for candidate in (text, format_header({"outlet": text[:40], "date": "2023-09-19"}) + text):
            try:
                header = split_header(candidate)
                masked = mask_header(candidate, header)
                assert len(masked) == len(candidate), "the masked text moved the offsets"
                if header is not None:
                    assert 0 < header.end <= len(candidate) and masked[header.end:] == candidate[header.end:]
                    provenance_record(header.fields, None)
            except CourseError:
                continue
            except Exception as error:  # noqa: BLE001
                problems.append(f"case {case}: {type(error).__name__}: {error}")
    assert not problems, "\n".join(problems[:5])


def test_a_folder_of_generated_files_with_bad_ones_among_them(tmp_path):
    """Generated articles as files, with a UTF-16 file, an empty one, a pipe and bad sheets beside them."""
    for case in CASES[:8]:
        (tmp_path / f"{case}.txt").write_bytes(_text(case).encode("utf-8", "surrogatepass"))
    (tmp_path / "utf16.txt").write_bytes("Headline\n\nBody said he.".encode("utf-16"))
    (tmp_path / "empty.txt").write_bytes(b"")
    if hasattr(os, "mkfifo"):
        os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "provenance.csv").write_bytes(b"\xff\xfe\x00binary")
    (tmp_path / "sides.csv").write_text('source,"side\nunclosed', encoding="utf-8")
    corpus = load_corpus(tmp_path)
    reasons = {e.label: e.error for e in corpus.entries}
    assert "UTF-16" in reasons["utf16"] and "empty" in reasons["empty"]
    if hasattr(os, "mkfifo"):
        assert "pipe" in reasons["pipe"]
    assert any("provenance.csv" in note for note in corpus.notes), corpus.notes
    assert any("sides.csv" in note for note in corpus.notes), corpus.notes
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        comparison = compare(corpus)
    assert set(comparison["article"]) == set(corpus.labels)
    assert list(side_by_side(comparison).columns) == corpus.labels


@pytest.mark.parametrize("articles", ["", "   ", 3, {"a": 1}, [None], ["\ud800.txt"], [b"bytes.txt"], ["a\x00b.txt"]])
def test_bad_arguments_are_one_line_course_errors(articles, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # an empty name must never mean "this folder"
    (tmp_path / "here.txt").write_text("Headline\n\nThe mayor said no.", encoding="utf-8")
    with pytest.raises(CourseError) as error:
        load_corpus(articles)
    assert "\n" not in str(error.value)


def test_lookups_in_the_comparison_are_course_errors():
    comparison = compare(load_corpus([os.fspath(_seed())]))
    for call in (lambda: side_by_side(comparison, "no such section"), lambda: side_by_side(comparison, None, ["x"]),
                 lambda: evidence(comparison, "no such row", "x"), lambda: evidence(comparison, "headline", "x"),
                 lambda: switch_naming(direction="both")):
        with pytest.raises(CourseError):
            call()


def test_a_sheet_that_cannot_be_read_is_a_course_error(tmp_path):
    (tmp_path / "provenance.csv").write_bytes(b"\xff\xfe\x00binary")
    with pytest.raises(CourseError):
        read_sheet(tmp_path)


def _seed():
    from helpers.article import DEFAULT_SEED, SEEDS_DIR

    return SEEDS_DIR / DEFAULT_SEED
