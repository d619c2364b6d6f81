"""helpers.variants: the teaching texts built from the course article re-use only its own words.

Each recipe is checked on the course article and on small texts written here:
only one side's voices (both sides), the narrator's names switched outside
quotation marks (both directions), and the headline attributed.
"""

from __future__ import annotations

from collections import Counter

import pandas as pd
import pytest

from helpers import load_article
from helpers.errors import CorpusError
from helpers.framing import narrator_uses
from helpers.sources import find_attributions, seed_sources
from helpers.variants import (
    SIDES, attribute_headline, course_variants, headline_gap, one_side_voices, recipe_table, recipes,
    switch_naming, switch_table, switched_sides, voices_table, write_variants,
)


@pytest.fixture(scope="module")
def seed():
    return load_article()


@pytest.fixture(scope="module")
def variants(seed):
    return {v.key: v for v in course_variants(seed)}


def _quotes(article):
    return Counter(" ".join(q.text.split()) for q in article.quotes if q.level == 0)


def test_five_variants_each_saying_what_it_is(variants, seed):
    assert list(variants) == ["Armenian voices only", "Azerbaijani voices only", "Armenian names",
                              "Azerbaijani names", "headline attributed"]
    for variant in variants.values():
        first = variant.text.splitlines()[0]
        assert first.startswith("Constructed teaching text: The same report")
        assert "not a news report" in first and seed.name in first
        article = variant.article()
        assert article.provenance["constructed teaching text"] in first
        assert article.title is not None and not article.title.startswith("Constructed")
        assert article.title.startswith("Karabakh:")
        assert "Source link" not in variant.text


def test_one_side_voices_re_uses_only_the_original_sentences(variants, seed):
    original = {str(s) for s in seed.sentences}
    for key in ("Armenian voices only", "Azerbaijani voices only"):
        article = variants[key].article()
        assert article.sentences, key
        assert {str(s) for s in article.sentences} <= original, key
        assert set(str(article.title).split(", ")) <= set(str(seed.title).split(", "))


@pytest.mark.parametrize("short", list(SIDES))
def test_one_side_voices_keeps_that_side_only(variants, short):
    side = SIDES[short]
    side_of = dict(zip(seed_sources()["source"], seed_sources()["side"]))
    article = variants[f"{short.split()[0]} voices only"].article()
    sources = {a.source for a in find_attributions(article)}
    assert sources and {side_of.get(s) for s in sources} == {side}


def test_both_sides_lose_the_same_kinds_of_sentence(variants, seed):
    """Symmetry: a narrator sentence (no source) stays in both; an international voice leaves both."""
    table = voices_table(seed)
    both = set(table.loc[table["kept in"] == "both", "sentence"])
    neither = set(table.loc[table["kept in"] == "neither", "sentence"])
    assert 10 in both and 12 in both  # the narrator's own sentences
    assert {21, 26, 29} <= neither  # Russia, the EU, France
    assert 18 in neither  # the unresolved "they": placed on no side
    for key in ("Armenian voices only", "Azerbaijani voices only"):
        kept = "\n".join(variants[key].article().paragraphs)
        assert str(seed.sentences[9]) in kept and str(seed.sentences[20]) not in kept


def test_a_headline_clause_and_a_subheading_quoting_the_other_side_go(variants):
    az = variants["Azerbaijani voices only"]
    assert az.article().title == "Karabakh: two dead and 23 injured after a vast military operation by Azerbaijan"
    assert any(c["where"] == "headline" and "ethnic cleansing" in c["before"] for c in az.changes)
    arm = variants["Armenian voices only"]
    assert "unconditional and total withdrawal" not in " ".join(arm.article().subheadings)
    assert "unconditional and total withdrawal" in " ".join(az.article().subheadings)


def test_one_side_voices_on_a_small_text():
    text = ("Talks fail\n\n“We will stay,” the mayor said. The council said it would leave. Rain fell all day.\n\n"
            "Residents waited.")
    sides = pd.DataFrame([{"source": "mayor", "side": "city", "type": "named person", "note": ""},
                          {"source": "council", "side": "council", "type": "government or institution", "note": ""}])
    city = one_side_voices(load_article(text=text), "city", sides).article()
    assert [str(s) for s in city.sentences] == ["“We will stay,” the mayor said.", "Rain fell all day.", "Residents waited."]
    council = one_side_voices(load_article(text=text), "council", sides).article()
    assert [str(s) for s in council.sentences] == ["The council said it would leave.", "Rain fell all day.",
                                                  "Residents waited."]



def test_two_sentences_that_read_the_same_are_judged_each_by_its_own_voice():
    """The same words, said by one side and then by the other: each sentence keeps or loses by its own speaker."""
    text = ("Talks in the capital\n\nJeyhun Bayramov spoke first.\n\n“We want calm,” he said.\n\n"
            "Ararat Mirzoyan spoke next.\n\n“We want calm,” he said.")
    sides = pd.DataFrame([{"source": "Jeyhun Bayramov", "side": "one", "type": "named person", "note": ""},
                          {"source": "Ararat Mirzoyan", "side": "other", "type": "named person", "note": ""}])
    one = one_side_voices(load_article(text=text), "one", sides)
    assert [str(s) for s in one.article().sentences] == ["Jeyhun Bayramov spoke first.", "“We want calm,” he said.",
                                                        "Ararat Mirzoyan spoke next."]
    assert [c["where"] for c in one.changes] == ["sentence 4"]
    other = one_side_voices(load_article(text=text), "other", sides)
    assert [c["where"] for c in other.changes] == ["sentence 2"]

def test_the_naming_switch_never_changes_a_quoted_word(variants, seed):
    for key in ("Armenian names", "Azerbaijani names"):
        assert _quotes(variants[key].article()) == _quotes(seed), key


def test_the_naming_switch_goes_both_ways(variants, seed):
    own = {key: Counter(u.side for u in narrator_uses(variants[key].article())) for key in variants}
    assert own["Armenian names"]["Azerbaijani sources"] == 0 < own["Armenian names"]["Armenian sources"]
    assert own["Azerbaijani names"]["Armenian sources"] == 0 < own["Azerbaijani names"]["Azerbaijani sources"]
    original = Counter(u.side for u in narrator_uses(seed))
    assert original["Armenian sources"] > 0 and original["Azerbaijani sources"] > 0  # the original mixes both


def test_the_switch_on_a_small_text_outside_quotes_only_with_reported_speech_flagged():
    text = ("Shelling in Stepanakert\n\nOfficials announced that Stepanakert was under fire. "
            "“Stepanakert will stand,” the mayor said. Stepanakert was quiet by night.")
    article = load_article(text=text)
    variant = switch_naming(article, "Azerbaijani sources")
    out = variant.article()
    assert out.title == "Shelling in Khankendi"
    assert "“Stepanakert will stand,”" in out.text and out.text.count("Khankendi") == 3
    whys = [c["why"] for c in variant.changes]
    assert whys == ["in the narrator's own words", "in reported speech (Officials)", "in the narrator's own words"]
    back = switch_naming(out, "Armenian sources").article()
    assert back.title == "Shelling in Stepanakert" and "Khankendi" not in back.text
    strict = switch_naming(article, "Azerbaijani sources", reported_speech=False)
    assert [c["why"] for c in strict.changes] == ["in the narrator's own words"] * 2
    assert "announced that Stepanakert was under fire" in strict.text and "reported speech kept" in strict.recipe
    with pytest.raises(CorpusError, match="direction must be one of"):
        switch_naming(article, "both")


def test_a_switch_at_the_start_of_a_sentence_is_capitalised():
    variant = switch_naming(load_article(text="Title\n\nArmenian separatists held the town. It was calm."),
                            "Armenian sources")
    assert variant.article().paragraphs[0].startswith("The Artsakh authorities held the town.")


def test_switch_table_shows_both_directions(seed):
    table = switch_table(seed, flags=True)
    row = table[table["in the original"] == "Stepanakert"].iloc[0]
    assert (row["Armenian names"], row["Azerbaijani names"]) == ("Stepanakert", "Khankendi")
    assert row["sentence"] == 2 and row["reported speech"] == "Armenian separatist authorities"
    narrator = table[(table["sentence"] == 10)]
    assert set(narrator["reported speech"]) == {"no: the narrator's own words"}
    assert list(table.index) == list(range(1, len(table) + 1))


def test_renamed_sources_keep_their_side():
    sides = switched_sides(seed_sources())
    side_of = dict(zip(sides["source"], sides["side"]))
    assert side_of["Artsakh authorities"] == side_of["Armenian separatist authorities"]


def _gap(article):
    return [r for r in headline_gap(article) if r["finding"] == "stated in the headline, only attributed in the body"]


def test_the_headline_gap_is_found_where_planted_and_absent_where_not(variants, seed):
    """The seed's headline states the figures the body only quotes; the attributed headline does not."""
    assert [r["figure"] for r in _gap(seed)] == ["two dead", "23 injured"]
    attributed = variants["headline attributed"].article()
    assert attributed.title.startswith("Karabakh: two dead and 23 injured, according to rights defender Gegham Stepanyan,")
    assert _gap(attributed) == []
    assert {r["voice"] for r in headline_gap(attributed)} == {"reported speech"}
    assert [r["body"] for r in _gap(seed)] == [[{"sentence": 4, "voice": "quoted"}], [{"sentence": 3, "voice": "quoted"}]]
    # the body of the attributed variant is the original's, word for word
    assert [str(p) for p in attributed.paragraphs] == [str(p) for p in seed.paragraphs]


def test_a_gap_planted_in_a_small_text_and_removed():
    planted = load_article(text="Storm: 3 dead in the north\n\n“Three people died,” the mayor said. Roads closed.")
    assert [r["figure"] for r in _gap(planted)] == ["3 dead"]
    fixed = attribute_headline(planted).article()
    assert fixed.title == "Storm: 3 dead, according to the mayor, in the north"  # the body's words for the source
    assert _gap(fixed) == []
    stated = load_article(text="Storm: 3 dead in the north\n\nThree people died in the storm. Roads closed.")
    assert _gap(stated) == []  # the body states it too: no gap
    assert attribute_headline(stated).changes == ()
    nothing = load_article(text="Storm in the north\n\nRoads closed.")
    assert headline_gap(nothing) == [] and attribute_headline(nothing).changes == ()


def test_the_attribution_names_no_side_with_a_contested_word(variants):
    title = variants["headline attributed"].article().title
    assert narrator_uses(load_article(text=f"{title}\n\nBody.")) == []  # "separatist region" left out of the title


def test_tables_number_from_1(variants):
    assert list(recipes(list(variants.values())).index) == [1, 2, 3, 4, 5]
    table = recipe_table(variants["Azerbaijani voices only"])
    assert list(table.index)[0] == 1 and "(left out)" in set(table["after"])


def test_write_variants(tmp_path, variants):
    paths = write_variants(tmp_path, list(variants.values()))
    assert [p.name for p in paths] == [v.name for v in variants.values()]
    again = load_article(paths[0])
    assert again.provenance == variants["Armenian voices only"].article().provenance
