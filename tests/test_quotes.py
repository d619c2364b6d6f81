"""Tests of helpers.quotes: every quotation-mark style, nesting, unbalanced quotes, the seed."""

from __future__ import annotations

import pytest

from helpers import find_quotes, find_stray_quote_marks, load_article, quoted_share


def texts(text):
    return [q.text for q in find_quotes(text)]


@pytest.mark.parametrize("text, expected", [
    ("He said “stop now” and left.", ["stop now"]),
    ('He said "stop now" and "go" later.', ["stop now", "go"]),
    ("Il a dit « stop » hier.", ["stop"]),
    ("Er sagte „Halt“ gestern.", ["Halt"]),
    ("“They call it ‘a lie’,” she said.", ["They call it ‘a lie’,", "a lie"]),
    ('"They call it \'a lie\'," she said.', ["They call it 'a lie',", "a lie"]),
    ("It was ‘fine’, she wrote.", ["fine"]),
])
def test_quotation_styles(text, expected):
    assert texts(text) == expected


def test_offsets_point_at_the_content_without_marks_or_spaces():
    text = "Il a dit «  stable  » hier."
    [quote] = find_quotes(text)
    assert text[quote.start:quote.end] == quote.text == "stable"
    assert (quote.open_mark, quote.close_mark) == ("«", "»")


def test_apostrophes_are_not_quotes():
    assert texts("The Editor’s note and Azerbaijan’s offensive, don't panic.") == []


def test_mixed_pair_from_the_seed_is_one_quote_flagged_mixed():
    [quote] = find_quotes("the situation was “stable » and calm")
    assert quote.text == "stable"
    assert quote.mixed and not quote.unbalanced


def test_unbalanced_quote_closes_at_paragraph_end():
    text = "He said “this never ends. It goes on.\n\nNext paragraph here."
    [quote] = find_quotes(text)
    assert quote.unbalanced and quote.close_mark == ""
    assert quote.text == "this never ends. It goes on."


def test_quote_continuing_over_paragraphs_is_not_unbalanced():
    text = "“First part of the statement.\n\n“Second part,” she said."
    first, second = find_quotes(text)
    assert first.continues and not first.unbalanced
    assert second.text == "Second part," and not second.unbalanced


def test_new_opening_mark_before_a_close_ends_the_previous_quote():
    first, second = find_quotes("He said “one and then “two” later.")
    assert first.unbalanced and first.text == "one and then"
    assert second.text == "two" and not second.unbalanced


def test_stray_single_mark_opens_nothing():
    text = "under Armenian control. ‘Azerbaijan. Azerbaijani services accused “saboteurs”."
    assert texts(text) == ["saboteurs"]
    assert find_stray_quote_marks(text) == [(text.index("‘"), "‘")]


def test_closing_mark_with_nothing_open_is_ignored():
    assert texts("A stray ” mark and then “a quote”.") == ["a quote"]


def test_accepts_an_article():
    article = load_article(text="Headline\n\nShe said “yes”.")
    assert texts(article) == ["yes"]


def test_rejects_other_types():
    with pytest.raises(TypeError):
        find_quotes(42)


# --- the seed --------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def seed():
    return load_article()


def test_seed_quotes_all_point_into_the_text(seed):
    quotes = find_quotes(seed)
    assert quotes, "the seed is full of quotations"
    for q in quotes:
        assert seed.text[q.start:q.end] == q.text
        assert seed.text[q.start - len(q.open_mark) - 1: q.start].strip().endswith(q.open_mark)


def test_seed_quotes_are_balanced_but_one_is_mixed(seed):
    quotes = find_quotes(seed)
    assert not any(q.unbalanced for q in quotes)
    assert [q.text for q in quotes if q.mixed] == ["stable"]
    assert all(q.level == 0 for q in quotes)


def test_seed_headline_quote_and_a_two_sentence_quote(seed):
    quotes = find_quotes(seed)
    assert quotes[0].text == "ethnic cleansing" and quotes[0].start < seed.paragraphs[0].start
    assert any(q.text.startswith("The number of civilian injuries increased to 23. The reported") for q in quotes)


def test_seed_stray_mark(seed):
    assert find_stray_quote_marks(seed) == [(seed.text.index("‘Azerbaijan"), "‘")]


def test_quoted_share_is_between_zero_and_one_and_counts_only_quotes():
    assert quoted_share("No quotes at all.") == 0
    assert quoted_share("“abc”") == 1
    assert quoted_share("ab “cd”") == pytest.approx(0.5)


# --- British style, depth, headlines -------------------------------------------------------------------

BRITISH = ("Teachers' union calls pay offer 'an insult'\n\n"
           "The teachers' union has rejected the offer. 'We can't accept a deal that leaves our members worse off,' "
           "said Jane Hill, the union's general secretary.\n\n"
           "Ms Hill called the offer 'an insult to teachers' goodwill'. In the '90s pay was 'better', she said.")


def test_british_single_quotation_marks_with_apostrophes_inside_and_at_word_ends():
    assert texts(BRITISH) == [
        "an insult", "We can't accept a deal that leaves our members worse off,",
        "an insult to teachers' goodwill", "better"]


def test_british_curly_single_marks():
    curly = BRITISH.replace("'", "’").replace(" ’", " ‘").replace("\n’", "\n‘")
    assert texts(curly) == [
        "an insult", "We can’t accept a deal that leaves our members worse off,",
        "an insult to teachers’ goodwill", "better"]


def test_a_british_article_gets_its_attributions_and_its_headline_quotation():
    article = load_article(text=BRITISH)
    assert article.quotes[0].start < article.paragraphs[0].start  # the headline's 'an insult'
    from helpers import find_attributions

    found = [(a.speaker, a.verb, a.kind) for a in find_attributions(article)]
    assert ("Jane Hill", "said", "direct") in found and ("Ms Hill", "called", "direct") in found


def test_single_marks_that_open_nothing():
    assert texts("Rock 'n' roll in the '90s was loud, 'em all said.") == []


@pytest.mark.parametrize("text", [
    "“One ‘two “three” two’ one,” she said.",
    "\"One 'two \"three\" two' one,\" she said.",
    "« Un ‹ deux « trois » deux › un », dit-elle.",
])
def test_balanced_quotations_three_deep_are_closed(text):
    quotes = find_quotes(text)
    assert [q.level for q in quotes] == [0, 1, 2]
    assert not any(q.unbalanced for q in quotes)
    assert load_article(text=f"Headline\n\n{text}").warnings == []


def test_a_quotation_nested_in_a_headline():
    article = load_article(text="Minister calls the report “a ‘clear’ failure”\n\nThe report was published today.")
    assert [(q.text, q.level) for q in article.quotes] == [("a ‘clear’ failure", 0), ("clear", 1)]


# --- editorial insertions ---------------------------------------------------------------------------------

from helpers import editorial_insertions  # noqa: E402


def test_editorial_insertions_inside_quotations():
    text = ("He said: “Paris (the capital, Editor’s note.) and [its] suburbs are calm […] today (ed.).” "
            "Outside quotation marks (Editor’s note.) nothing is inserted.")
    found = editorial_insertions(text)
    assert [(i.text, i.kind) for i in found] == [
        ("(the capital, Editor’s note.)", "editor's note"), ("[its]", "brackets"), ("(ed.)", "editor's note")]
    assert [i.words for i in found] == [4, 1, 1]
    assert all(text[i.start:i.end] == i.text for i in found)


def test_the_seed_editors_note_is_the_outlets_words():
    seed = load_article()
    [note] = editorial_insertions(seed)
    assert note.text.startswith("(the name given by the Armenians") and note.text.endswith("Editor’s note.)")
    assert note.words == 11


def test_quoted_share_leaves_editorial_insertions_out():
    assert quoted_share("“abc (def, Editor’s note.)”") == pytest.approx(1 / 4)
    assert quoted_share("“abc [def]”") == pytest.approx(1 / 2)
    assert quoted_share("ab (cd) “ef”") == pytest.approx(1 / 3)


@pytest.mark.parametrize("text, inner", [
    ("He said «\u00a0one “two” three\u00a0» today.", "two"),          # French: curly marks inside guillemets
    ("He said « a “b « c » b” a » today.", "c"),                        # three deep, guillemets again inside
    ("Er sagte „eins ‚zwei‘ drei“ heute.", "zwei"),                     # German: ‚…‘ inside „…“
    ("He said «a ‹the bus› a» today.", "the bus"),                     # › after an s is never an apostrophe
    ("He said \"x 'Monday's' y\" today.", "Monday's"),                 # after Monday's the mark closes
    ("He said \"a 'b \"c 'd teachers' e\" f' g\" today.", "d teachers"),  # the double around it closes first
])
def test_nested_quotations_in_every_style_are_balanced(text, inner):
    quotes = find_quotes("Title\n\n" + text)
    assert not [q for q in quotes if q.unbalanced], [(q.text, q.unbalanced) for q in quotes]
    assert inner in [q.text for q in quotes]


def test_a_plural_possessive_inside_a_quotation_is_still_an_apostrophe():
    quotes = find_quotes("Title\n\nShe called it ‘an insult to teachers’ goodwill’ on Monday.")
    assert [q.text for q in quotes] == ["an insult to teachers’ goodwill"]
    quotes = find_quotes("Title\n\n“It is ‘an insult to teachers’ goodwill’,” she said.")
    assert "an insult to teachers’ goodwill" in [q.text for q in quotes] and not any(q.unbalanced for q in quotes)


def test_the_same_opening_mark_again_means_the_last_quotation_never_closed():
    quotes = find_quotes("Title\n\nHe said “one and then “two” today.")
    assert [q.unbalanced for q in quotes if q.text.startswith("one")] == [True]
