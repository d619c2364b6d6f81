"""A corpus row and a brief checked against numbers a person counted by hand.

The other tests of :func:`helpers.analyse_corpus` and :func:`helpers.brief.build_brief`
compare them with the helpers they call.  Here the reference is independent:
a short article written for this test, counted word by word, syllable by
syllable, by a reader with a pencil.  The counts are in the comments, so a
failure can be settled by counting again.

Conventions the counts follow (the course's, as a reader applies them):
a word is a run of letters or digits, an apostrophe inside it keeps it one
word (``board's``); the first block is the headline, not a paragraph;
syllables are spoken syllables (the CMU pronouncing dictionary's).
"""

from __future__ import annotations

import math

import pandas as pd
import pytest

from helpers import analyse_corpus, load_article
from helpers.brief import build_brief

ARTICLE = """\
Farmers block the valley road over water prices

Farmers drove forty tractors onto the valley road on Monday.

"We cannot pay these prices," said Anna Berg, who grows apples near the river.

The water board said the new prices would pay for repairs.

Some protesters occupied the steps of the board's office until the evening.

An official who asked not to be named said talks would start on Friday.
"""

# Counted by hand, block by block (words | syllables):
#   headline   Farmers block the valley road over water prices                      8 words
#   par. 1     Farmers(2) drove(1) forty(2) tractors(2) onto(2) the(1) valley(2)
#              road(1) on(1) Monday(2)                                            10 | 16
#   par. 2     "We(1) cannot(2) pay(1) these(1) prices(2)" said(1) Anna(2) Berg(1)
#              who(1) grows(1) apples(2) near(1) the(1) river(2)                  14 | 19
#              (5 words inside the quotation marks)
#   par. 3     The(1) water(2) board(1) said(1) the(1) new(1) prices(2) would(1)
#              pay(1) for(1) repairs(2)                                           11 | 14
#   par. 4     Some(1) protesters(3) occupied(3) the(1) steps(1) of(1) the(1)
#              board's(1) office(2) until(2) the(1) evening(2)                     12 | 19
#   par. 5     An(1) official(3) who(1) asked(1) not(1) to(1) be(1) named(1)
#              said(1) talks(1) would(1) start(1) on(1) Friday(2)                 14 | 17
#   body: 5 paragraphs, one sentence each: 5 sentences, 10+14+11+12+14 = 61 words,
#         16+19+14+19+17 = 85 syllables
WORDS, PARAGRAPHS, SENTENCES, SYLLABLES = 61, 5, 5, 85
HEADLINE_WORDS, QUOTED_WORDS = 8, 5
# One quotation.  Three statements credited to a source: Anna Berg's, in quotation marks
# entirely (direct); the water board's and the unnamed official's, without quotation marks
# (indirect).  The official is anonymous: one unidentified source.
QUOTES, DIRECT, PARTIAL, INDIRECT, UNIDENTIFIED = 1, 1, 0, 2, 1
# One contested term of the course's list: "occupied" (paragraph 4), in the article's own
# voice (a literal use: the tool flags it, a reader judges it).
CONTESTED, NARRATOR_CONTESTED = 1, 1
# The formulas on these counts (ASL = words per sentence = 61/5 = 12.2,
# ASW = syllables per word = 85/61 = 1.39344):
#   Flesch-Kincaid grade = 0.39 * 12.2 + 11.8 * 1.39344 - 15.59        = 5.61
#   Flesch reading ease  = 206.835 - 1.015 * 12.2 - 84.6 * 1.39344     = 76.57
FK_GRADE = 0.39 * WORDS / SENTENCES + 11.8 * SYLLABLES / WORDS - 15.59
FLESCH = 206.835 - 1.015 * WORDS / SENTENCES - 84.6 * SYLLABLES / WORDS


@pytest.fixture(scope="module")
def path(tmp_path_factory):
    target = tmp_path_factory.mktemp("hand") / "farmers.txt"
    target.write_text(ARTICLE, encoding="utf-8")
    return target


def test_a_corpus_row_counted_by_hand(path):
    row = analyse_corpus([path]).iloc[0]
    assert (row["words"], row["paragraphs"], row["sentences"], row["quotes"]) == (WORDS, PARAGRAPHS, SENTENCES, QUOTES)
    # the share of the whole text (headline included) inside quotation marks
    assert math.isclose(row["quote_share"], QUOTED_WORDS / (HEADLINE_WORDS + WORDS))
    assert (row["attributions"], row["direct"], row["partial"], row["indirect"]) == (
        DIRECT + PARTIAL + INDIRECT, DIRECT, PARTIAL, INDIRECT)
    assert "Anna Berg (1)" in row["top_sources"].split("; ")
    assert (row["contested_uses"], row["narrator_contested"]) == (CONTESTED, NARRATOR_CONTESTED)
    assert row["fk_grade"] == pytest.approx(FK_GRADE, abs=0.01)
    assert row["flesch"] == pytest.approx(FLESCH, abs=0.01)
    assert row["warnings"] == 0 and pd.isna(row["error"])


def test_a_brief_counted_by_hand(path):
    brief = build_brief(load_article(path))
    sections = {section.title: section for section in brief.sections}
    structure = dict(sections["Structure and quotation"].tables[0][1].itertuples(index=False))
    assert structure == {
        "headline": "yes", "subheadings": "0", "body paragraphs": str(PARAGRAPHS), "sentences": str(SENTENCES),
        "words": str(WORDS), "quotations in the body": str(QUOTES),
        "share of the body's words in quotation marks": f"{QUOTED_WORDS / WORDS:.0%}",  # 5 of 61: 8%
    }
    sources = sections["Sources"]
    assert sources.notes[0] == (f"{DIRECT + PARTIAL + INDIRECT} attributions; {UNIDENTIFIED} of them from an "
                                "anonymous or unresolved source.")
    assert "An official who asked not to be named" in sources.notes[1]
    assert sections["Labels by voice"].notes == [
        "The article uses 1 contested term(s) in its own voice: occupied."]
    scores = dict((row.score, row.value) for row in sections["Readability"].tables[0][1].itertuples(index=False))
    assert scores["words"] == str(WORDS) and scores["sentences (textstat's count)"] == str(SENTENCES)
    assert scores["Flesch-Kincaid grade"] == f"{FK_GRADE:.1f}" and scores["Flesch reading ease"] == f"{FLESCH:.1f}"
    markdown = brief.to_markdown()
    assert "| body paragraphs | 5 |" in markdown and "| words | 61 |" in markdown
