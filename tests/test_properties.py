"""Property tests: the helpers on arbitrary Unicode text.

Hypothesis generates texts -- random Unicode, and texts built from the pieces
that make articles hard (quotation marks of every style, abbreviations, blank
lines, HTML characters) -- and checks, for every one of them:

* nothing raises except the documented ``ValueError`` for a text without
  anything to analyse (``ArticleError`` is a ``ValueError``);
* every offset lies inside the text and points at what it claims
  (``text[start:end]`` is the span, the quotation, the speaker, the label);
* the counts agree (sentences inside their paragraphs, words inside sentences).

Settings come from the ``ci`` profile in ``conftest.py`` (derandomized, so
every run checks the same texts).  Also here: a 5 MB article goes through
every analysis with the same counts as its parts (``RUN_SLOW=1``).  How long
that takes is measured, as a ratio between two sizes, by ``make bench``
(``tests/bench_scale.py``): no test here asserts a time.
"""

from __future__ import annotations

import math
import warnings

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from helpers import ArticleError, find_quotes, load_article, quoted_share
from helpers.article import word_spans

#: Pieces that exercise the parsers' special cases.
PIECES = [
    "Baku", "said", "the", "minister", "Mr.", "U.N.", "e.g.", "J.", "Editor’s", "don't", "ex-Twitter", "23",
    "“", "”", "«", "»", "„", "\"", "'", "‘", "’", "‹", "›", " « ", " » ",
    ".", ",", "!", "?", "…", "(…)", ":", ";", "(", ")",
    " ", " ", "\n", "\n\n", "\n \n", "\r\n", "\t", "\ufeff", "\u00a0", "\u2028",
    "<b>", "</b>", "<script>", "&amp;", "&",
    "separatist", "Separatists", "ethnic cleansing", "anti-terrorist", "terrorism", "aggression",
    "according to", "told the press", "he added", "a source who asked not to be named", "Source link",
]
texts = st.one_of(
    st.text(max_size=300),
    st.lists(st.sampled_from(PIECES), max_size=80).map("".join),
    st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=5)), max_size=60).map(" ".join),
)


def quiet(function, *args):
    """Call ``function`` with Python warnings silenced (readability warns about short texts)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return function(*args)


def article_or_none(text: str):
    """``load_article(text=...)``, or None when the text is one of the documented errors."""
    try:
        return load_article(text=text)
    except ArticleError as error:
        normalised = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
        leftovers_only = "no text besides website leftovers" in str(error)
        assert "\x00" in text or not normalised.strip() or leftovers_only, f"ArticleError for a text with content: {text!r}"
        return None


def check_span(text: str, span, what: str) -> None:
    assert 0 <= span.start <= span.end <= len(text), f"{what} {span!r} at {span.start}:{span.end} outside the text"
    assert text[span.start:span.end] == span, f"{what} {span!r} does not match text[{span.start}:{span.end}]"


# --- load_article ----------------------------------------------------------------------------------

@given(texts)
@example("")
@example("   \n\n \t")
@example("\x00binary")
@example("\ufeff")
@example("Title\n\nOne. Two.")
def test_load_article_parts_point_into_the_text(text):
    article = article_or_none(text)
    if article is None:
        return
    whole = article.text
    assert "\r" not in whole and not whole.startswith("\ufeff")
    parts = ([article.title] if article.title is not None else []) + article.subheadings + article.paragraphs \
        + article.boilerplate
    for part in parts:
        check_span(whole, part, "part")
        assert part == part.strip() and part
    starts = sorted((p.start, p.end) for p in parts)
    assert all(a_end <= b_start for (_, a_end), (b_start, _) in zip(starts, starts[1:])), "parts overlap"
    for index, paragraph in enumerate(article.paragraphs):
        assert paragraph.paragraph == index


@given(texts)
def test_sentences_and_words_lie_inside_their_paragraphs(text):
    article = article_or_none(text)
    if article is None:
        return
    whole = article.text
    for sentence in article.sentences:
        check_span(whole, sentence, "sentence")
        paragraph = article.paragraphs[sentence.paragraph]
        assert paragraph.start <= sentence.start and sentence.end <= paragraph.end
        assert article.paragraph_at(sentence.start) == sentence.paragraph
    pairs = list(zip(article.sentences, article.sentences[1:]))
    assert all(a.end <= b.start for a, b in pairs), "sentences overlap or are out of order"
    assert sum(len(article.sentences_in(p)) for p in range(len(article.paragraphs))) == len(article.sentences)
    for paragraph in article.paragraphs:  # every paragraph has a sentence, unless it is only spaces
        assert article.sentences_in(paragraph.paragraph), f"paragraph {paragraph!r} has no sentence"
    for word in article.words:
        check_span(whole, word, "word")
        k = article.sentence_at(word.start)
        assert k is not None, f"word {word!r} at {word.start} lies in no sentence"
        assert article.sentences[k].end >= word.end and article.sentences[k].paragraph == word.paragraph
    assert len(article.words) == sum(len(word_spans(p)) for p in article.paragraphs)


# --- find_quotes -----------------------------------------------------------------------------------

@given(texts)
@example('He said "<script>" and left')
@example("“open ‘inner’ never closed\n\n“next")
@example("„German“ and «French» and “mixed »")
def test_quotes_point_at_their_words_and_marks(text):
    quotes = find_quotes(text)
    for quote in quotes:
        assert 0 <= quote.start <= quote.end <= len(text)
        assert text[quote.start:quote.end] == quote.text
        assert quote.text == quote.text.strip()
        before = text[:quote.start].rstrip()
        assert before.endswith(quote.open_mark), f"{quote!r}: no {quote.open_mark!r} before it"
        if quote.close_mark:
            assert text[quote.end:].lstrip().startswith(quote.close_mark), f"{quote!r}: no {quote.close_mark!r} after it"
        else:
            assert quote.unbalanced or quote.continues
        assert quote.level in (0, 1)
        if quote.level == 1:  # inside a quotation of level 0
            assert any(outer.level == 0 and outer.start <= quote.start and quote.end <= outer.end + 1
                       for outer in quotes), f"nested {quote!r} inside no quotation"
    outer = [q for q in quotes if q.level == 0]
    assert all(a.end <= b.start for a, b in zip(outer, outer[1:])), "outer quotations overlap"
    share = quoted_share(text)
    assert 0.0 <= share <= 1.0


@given(texts)
def test_quotes_of_an_article_are_the_quotes_of_its_text(text):
    article = article_or_none(text)
    if article is None:
        return
    assert article.quotes == find_quotes(article.text)


# --- attributions, labels, readability ------------------------------------------------------------------

@given(texts)
@example("“We will stay,” said the mayor. An official who asked not to be named said “no”.")
@example("He said: “yes”.\n\n“And more,” she added, according to Reuters.")
def test_attributions_point_at_their_speakers_verbs_and_quotes(text):
    from helpers.sources import find_attributions

    article = article_or_none(text)
    if article is None:
        return
    whole = article.text
    for attribution in find_attributions(article):
        assert 0 <= attribution.start < attribution.end <= len(whole)
        assert whole[attribution.start:attribution.end] == attribution.speaker
        if attribution.verb_start >= 0:
            assert 0 <= attribution.verb_start < attribution.verb_end <= len(whole)
        if attribution.quote is not None:
            assert whole[attribution.quote_start:attribution.quote_end] == attribution.quote
        for start, end in attribution.quotes:
            assert 0 <= start <= end <= len(whole)
        assert attribution.kind in ("direct", "partial", "indirect")
        assert 0 <= attribution.paragraph < len(article.paragraphs)
        paragraph = article.paragraphs[attribution.paragraph]
        assert paragraph.start <= attribution.start < paragraph.end, "the speaker stands outside its paragraph"
        assert attribution.source


@given(texts)
def test_label_uses_point_at_their_words_and_sentences(text):
    from helpers import framing

    article = article_or_none(text)
    if article is None:
        return
    for use in framing.label_uses(article, framing.CONTESTED_TERMS):
        assert 0 <= use.start < use.end <= len(article.text)
        assert article.text[use.start:use.end] == use.text
        assert use.part in ("headline", "subheading", "body", "other")
        if use.sentence is not None:
            sentence = article.sentences[use.sentence]
            assert sentence.start <= use.start < sentence.end and sentence.paragraph == use.paragraph
        if use.part == "body":
            assert article.paragraphs[use.paragraph].start <= use.start < article.paragraphs[use.paragraph].end
        assert isinstance(use.voice, str) and use.voice


@given(texts)
@example("!!! ??? ...")
@example("word")
def test_readability_scores_are_numbers_or_a_value_error(text):
    from helpers.readability import readability_scores

    try:
        scores = quiet(readability_scores, text)
    except ValueError as error:  # documented: an empty text, or one without words
        assert "empty" in str(error) or "no words" in str(error), f"{error} for {text!r}"
        return
    assert scores["words"] >= 1 and scores["sentences"] >= 1
    assert all(scores[count] >= 0 for count in ("syllables", "letters", "characters", "tokens", "complex_words"))
    for name in ("flesch_reading_ease", "flesch_kincaid_grade", "gunning_fog", "smog_index",
                 "coleman_liau_index", "automated_readability_index", "dale_chall_readability_score"):
        assert math.isfinite(scores[name]), f"{name} is {scores[name]} for {text!r}"


# --- a 5 MB article ---------------------------------------------------------------------------------

@pytest.mark.slow  # 5-6 s on a 2-core machine: run by CI (RUN_SLOW=1), left out of the everyday run
def test_a_5_megabyte_article_is_analysed_with_the_counts_of_its_parts(seed_text):
    from helpers.framing import CONTESTED_TERMS as terms
    from helpers.framing import label_uses
    from helpers.readability import readability_scores
    from helpers.sources import find_attributions

    copies = 5_000_000 // len(seed_text.encode("utf-8")) + 1
    big = "\n\n".join([seed_text] * copies)
    assert len(big.encode("utf-8")) >= 5_000_000
    article = load_article(text=big)
    quotes = find_quotes(article)
    attributions = find_attributions(article)
    uses = label_uses(article, terms, attributions)
    scores = quiet(readability_scores, article)
    one = load_article(text=seed_text)
    # the headline of every later copy is read as a body paragraph (too long for a subheading)
    assert len(article.paragraphs) == copies * len(one.paragraphs) + copies - 1
    assert len(quotes) == copies * len(find_quotes(seed_text))
    assert len(uses) == copies * len(label_uses(one, terms))
    assert len(attributions) >= copies * len(find_attributions(one)) * 0.95  # a few may span two copies
    assert scores["words"] > 0
