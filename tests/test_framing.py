"""Framing helpers: term matching, voices, label tables, dictionary frames, codebooks."""

import re
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import load_article
from helpers.codebooks import (
    CodingError, check_coding, coding_answers, coding_table, entman_table, frame_scores, load_codebook,
    load_example_codings, peace_war_lean, peace_war_tally,
)
from helpers.framing import (
    CONTESTED_TERMS, NARRATOR, UNATTRIBUTED, find_term, frame_hits, frame_presence, label_table, label_uses,
    load_frame_lexicons, load_label_families, narrator_uses, quote_voices, term_pattern, who_calls_it_what,
)


@pytest.fixture(scope="module")
def seed():
    return load_article()


def words_found(text, term):
    return [text[s:e] for s, e in find_term(text, term)]


# ------------------------------------------------------------ matching rules

def test_case_and_plural_and_possessive():
    text = "Separatists met a separatist. The separatist's car. SEPARATIST!"
    assert words_found(text, "separatist") == ["Separatists", "separatist", "separatist's", "SEPARATIST"]
    assert words_found(text, "separatists") == words_found(text, "separatist")


def test_whole_words_only_but_hyphen_is_an_edge():
    text = "An award, software, a warning; the war and the anti-terrorist war-time."
    assert words_found(text, "war") == ["war", "war"]
    assert words_found(text, "terrorist") == ["terrorist"]


def test_y_and_ies_plurals():
    text = "The authority spoke; the authorities agreed; the authority's plan."
    assert words_found(text, "authority") == ["authority", "authorities", "authority's"]
    assert words_found(text, "authorities") == ["authority", "authorities", "authority's"]


def test_wildcard_and_ellipsis_match_any_ending():
    text = "They liberated the town; liberation came; a liberal said: injured, injuries, injury."
    assert words_found(text, "liberat*") == ["liberated", "liberation"]
    assert words_found(text, "liberat…") == ["liberated", "liberation"]
    assert words_found(text, "injur*") == ["injured", "injuries", "injury"]


def test_spaces_and_hyphens_between_words_are_interchangeable():
    text = "Nagorno-Karabakh, Nagorno  Karabakh, Nagorno\nKarabakh and a large scale aggression."
    assert len(find_term(text, "Nagorno Karabakh")) == 3
    assert words_found(text, "large-scale aggression") == ["large scale aggression"]


def test_terms_starting_with_a_hyphen_an_apostrophe_or_a_special_capital():
    assert words_found("a war, the -war, İstanbul, istanbul", "-war") == ["war", "war"]
    assert words_found("He said ’tis true and 'tis so", "'tis") == ["’tis", "'tis"]
    assert words_found("In İstanbul today", "İstanbul") == ["İstanbul"]
    assert words_found("In İSTANBUL today", "istanbul") == ["İSTANBUL"]


def test_curly_and_straight_apostrophes_are_the_same():
    assert words_found("Editor’s note and Editor's note", "editor's note") == ["Editor’s note", "Editor's note"]


def test_longer_overlapping_term_wins():
    text = "Armenian separatist authorities said so; Armenian separatists agreed."
    uses = label_uses(text, ["Armenian separatist", "separatist authorities"], attributions=[])
    assert [(u.term, u.text) for u in uses] == [
        ("separatist authorities", "separatist authorities"),
        ("Armenian separatist", "Armenian separatists"),
    ]


def test_bad_terms_get_clear_errors():
    with pytest.raises(ValueError, match="letter"):
        term_pattern("  -- ")
    with pytest.raises(ValueError, match="may only end a word"):
        term_pattern("anti-*")
    with pytest.raises(TypeError):
        term_pattern(42)
    with pytest.raises(ValueError, match="at least one"):
        label_uses("some text", [])


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=300), st.sampled_from(["war", "ethnic cleansing", "separatist", "liberat*", "ü-ß"]))
def test_any_unicode_text_gives_true_offsets(noise, term):
    text = noise + " " + term.replace("*", "ion") + " " + noise
    for start, end in find_term(text, term):
        found = text[start:end]
        assert re.fullmatch(term_pattern(term), found, re.IGNORECASE)
        assert start == 0 or not text[start - 1].isalnum() or text[start - 1] == "_"
        assert end == len(text) or not text[end].isalnum() or text[end] == "_"
    assert find_term(text, term), "the inserted term must be found"


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(["separatist", "“", "”", "«", "»", "\n\n", " ", ".", "Ü", "x", "’", "-"]),
                min_size=1, max_size=60))
def test_label_uses_on_arbitrary_articles(pieces):
    text = "Headline\n\nA " + "".join(pieces) + " end."
    article = load_article(text=text)
    quoted = [(q.start, q.end) for q in article.quotes if q.level == 0]
    for use in label_uses(article, ["separatist"], attributions=[]):
        assert article.text[use.start:use.end] == use.text
        inside = any(s <= use.start < e for s, e in quoted)
        assert use.voice == (UNATTRIBUTED if inside else NARRATOR)
        assert use.part in {"headline", "subheading", "body", "other"}


# ------------------------------------------------------------ voices

TOY = ("Officials reject the label\n\n"
       "The separatist leaders met. “Separatists are criminals,” the minister said. "
       "Critics called it “ethnic cleansing”, while rebels said “we ‘separatist’ fighters resist”.")


def test_outside_quotes_is_the_narrator_inside_is_unattributed_without_attributions():
    uses = label_uses(TOY, ["separatist", "ethnic cleansing"], attributions=[])
    assert [(u.text, u.voice) for u in uses] == [
        ("separatist", NARRATOR),
        ("Separatists", UNATTRIBUTED),
        ("ethnic cleansing", UNATTRIBUTED),
        ("separatist", UNATTRIBUTED),  # a quotation inside a quotation belongs to the outer one
    ]


def test_attributions_give_the_voice_of_the_quotation():
    article = load_article(text=TOY)
    quotes = [q for q in article.quotes if q.level == 0]
    attributions = [
        {"source": "the minister", "quotes": ((quotes[0].start, quotes[0].end),)},
        {"source": "critics", "quote_start": quotes[1].start, "quote_end": quotes[1].end},
    ]
    voices = [u.voice for u in label_uses(article, ["separatist", "ethnic cleansing"], attributions)]
    assert voices == [NARRATOR, "the minister", "critics", UNATTRIBUTED]


def test_quote_voices_lists_every_outer_quotation():
    article = load_article(text=TOY)
    outer = [q for q in article.quotes if q.level == 0]
    table = quote_voices(article, [{"source": "the minister", "quotes": [(outer[0].start, outer[0].end)]}])
    assert list(table["quote"]) == [q.text for q in outer]
    assert list(table["voice"]) == ["the minister", UNATTRIBUTED, UNATTRIBUTED]
    assert list(table["sentence"]) == [1, 2, 2]


def test_records_point_into_the_text_with_sentence_and_part():
    article = load_article(text=TOY)
    uses = label_uses(article, ["separatist", "label"], attributions=[])
    for use in uses:
        assert article.text[use.start:use.end] == use.text
    headline = [u for u in uses if u.term == "label"][0]
    assert headline.part == "headline" and headline.sentence is None and headline.evidence == "Officials reject the label"
    first = [u for u in uses if u.term == "separatist"][0]
    assert first.part == "body" and first.paragraph == 0
    assert first.evidence == str(article.sentences[first.sentence]) == "The separatist leaders met."


def test_narrator_uses_keeps_only_the_articles_own_voice():
    uses = narrator_uses(TOY, attributions=[])
    assert [(u.term, u.text) for u in uses] == [("separatist", "separatist")]


def test_contested_terms_cover_the_terms_of_the_brief():
    for word in ["terrorist", "ethnic cleansing", "aggression", "separatist", "liberation", "occupied", "genocide"]:
        assert any(find_term(word, term) for term in CONTESTED_TERMS), word


# ------------------------------------------------------------ the course article

def test_seed_separatist_is_mostly_the_narrators_word(seed):
    uses = label_uses(seed, ["separatist"])
    narrator = [u for u in uses if u.voice == NARRATOR]
    assert len(uses) >= 5
    assert len(narrator) > len(uses) / 2
    assert any("Armenian separatist authorities announced" in u.evidence for u in narrator)


def test_seed_ethnic_cleansing_is_never_the_narrators(seed):
    uses = label_uses(seed, ["ethnic cleansing"])
    assert len(uses) == 3  # headline, lede, Pashinian's statement
    assert {u.part for u in uses} == {"headline", "body"}
    assert all(u.voice != NARRATOR for u in uses)
    # In the body, each use is credited to a named source (find_attributions reads the body only).
    body = [u for u in uses if u.part == "body"]
    assert [u.voice for u in body] == ["Armenia", "Nikol Pashinian"]


def test_seed_anti_terrorist_is_bakus_word(seed):
    uses = label_uses(seed, ["anti-terrorist", "terrorism"])
    assert [(u.text, u.voice) for u in uses] == [("anti-terrorist", "Baku"), ("terrorism", "Azerbaijani security services")]


def test_seed_quoted_separatist_belongs_to_azerbaijans_diplomacy(seed):
    quoted = [u for u in label_uses(seed, ["separatist"]) if u.voice != NARRATOR]
    assert [(u.voice, u.sentence) for u in quoted] == [("Azerbaijani diplomacy", 15)]
    assert "so-called separatist regime" in quoted[0].evidence


def test_seed_narrator_voice_test(seed):
    terms = {u.term for u in narrator_uses(seed)}
    assert "separatist" in terms
    assert not terms & {"ethnic cleansing", "aggression", "terrorist", "terrorism", "genocide"}


def test_seed_who_calls_it_what_adds_up_and_keeps_order(seed):
    table = who_calls_it_what(seed)
    uses = label_table(seed)
    assert table.to_numpy().sum() == len(uses)
    assert table.columns[0] == NARRATOR
    families = load_label_families()
    assert list(dict.fromkeys(table.index.get_level_values("family"))) == [
        f for f in families if f in set(uses["family"])]
    assert table.loc[("the operation", "military intervention"), NARRATOR] == 1
    assert table.loc[("the operation", "ethnic cleansing"), NARRATOR] == 0
    # every row of the evidence table points at its words
    for row in uses.itertuples():
        assert seed.text[row.start:row.start + len(row.words)] == row.words


def test_who_calls_it_what_on_a_text_without_labels():
    table = who_calls_it_what("Nothing to see here.\n\nThe weather was fine on Sunday.", attributions=[])
    assert table.empty


# ------------------------------------------------------------ dictionary frames

def test_frame_presence_counts_and_evidence(seed):
    lexicons = load_frame_lexicons()
    presence = frame_presence(seed, lexicons)
    hits = frame_hits(seed, lexicons)
    assert len(presence) == len(seed.paragraphs)
    assert list(presence.columns) == list(lexicons) + ["evidence"]
    assert presence[list(lexicons)].to_numpy().sum() == (hits["part"] == "body").sum()
    for paragraph, row in presence.iterrows():
        for piece in filter(None, row["evidence"].split(" | ")):
            frame, words = piece.split(": ", 1)
            assert row[frame] == len(words.split(", "))
            for word in words.split(", "):
                assert word in seed.paragraphs[paragraph].lower()
    assert presence["economic"].sum() == 0  # the article says nothing about money or trade


def test_frame_hits_headline_and_one_word_in_two_frames():
    text = "Paris condemned the offensive\n\nThe ministry condemned the offensive. People were not injured."
    hits = frame_hits(text, {"conflict": ["condemn*", "offensive"], "morality": ["condemn*"],
                             "human interest": ["injur*"]}, attributions=[])
    assert set(hits.loc[hits["part"] == "headline", "text"]) == {"condemned", "offensive"}
    body = hits[hits["part"] == "body"]
    assert sorted(body.loc[body["text"] == "condemned", "frame"]) == ["conflict", "morality"]
    presence = frame_presence(text, {"conflict": ["condemn*", "offensive"], "morality": ["condemn*"]},
                              attributions=[])
    assert presence.loc[0, "conflict"] == 2 and presence.loc[0, "morality"] == 1


def test_five_megabytes_in_well_under_ten_seconds(seed):
    copies = 5_000_000 // len(seed.text)
    big = load_article(text=(seed.text + "\n\n") * copies)
    big.quotes  # part of loading, timed apart from the matching
    terms = [t for family in load_label_families().values() for t in family]
    start = time.perf_counter()
    uses = label_uses(big, terms, attributions=[])
    elapsed = time.perf_counter() - start
    assert len(uses) == copies * len(label_uses(seed, terms, attributions=[]))
    assert elapsed < 5, f"label_uses took {elapsed:.1f} s on 5 MB"


# ------------------------------------------------------------ codebooks

def test_semetko_valkenburg_codebook_has_20_questions_in_5_frames():
    book = load_codebook("semetko_valkenburg")
    assert len(book) == 20
    assert book["frame"].value_counts().to_dict() == {
        "attribution of responsibility": 5, "human interest": 5, "conflict": 4, "morality": 3,
        "economic consequences": 3}
    assert "Journal of Communication, 50(2)" in book.attrs["source"]
    assert "Journal of Communication, 55(2)" in load_codebook("peace_war").attrs["source"]
    assert load_codebook("peace_war")["orientation"].value_counts().to_dict() == {"war": 13, "peace": 13}


def test_frame_score_is_the_mean_of_yes_answers(seed):
    coding = {qid: ("no", []) for qid in load_codebook().index}
    coding.update({"C1": ("yes", [0]), "C2": ("yes", [8, 25]), "H3": (1, [3]), "E1": True})
    with pytest.raises(CodingError, match="E1 is \"yes\" but cites no sentence"):
        frame_scores(coding, seed)
    coding["E1"] = ("no", [])
    scores = frame_scores(coding, seed)
    assert scores.loc["conflict", "score"] == pytest.approx(2 / 4)
    assert scores.loc["human interest", "score"] == pytest.approx(1 / 5)
    assert scores.loc["morality", "score"] == 0
    assert scores.loc["conflict", "sentences"] == "0, 8, 25"


def test_check_coding_names_every_problem(seed):
    problems = check_coding({"C1": ("yes", [0, 99]), "C2": "maybe", "C9": "no", "C3": ("yes", ["two"])},
                            article=seed, only="conflict")
    text = "\n".join(problems)
    assert "there is no sentence 99" in text
    assert "C2: answer \"yes\" or \"no\"" in text
    assert "'C9' is not a question" in text
    assert "not a sentence number" in text
    assert "C4 is not answered" in text
    assert check_coding({"C1": ("yes", [0]), "C2": "no", "C3": "no", "C4": "no"}, article=seed, only=["conflict"]) == []


def test_example_codings_are_complete_and_agree_in_part(seed):
    from helpers.agreement import cohen_kappa_parts

    examples = load_example_codings()
    a, b = examples["semetko_valkenburg"]["coder A"], examples["semetko_valkenburg"]["coder B"]
    assert check_coding(a, article=seed) == [] and check_coding(b, article=seed) == []
    parts = cohen_kappa_parts(coding_answers(a), coding_answers(b))
    assert 0 < parts["kappa"] < parts["p_o"] < 1
    table = coding_table(a, article=seed)
    assert list(table.index) == list(load_codebook().index)
    assert table.loc["C1", "evidence"].startswith("Armenia denounces")


def test_peace_war_tally_and_lean(seed):
    coding = load_example_codings()["peace_war"]["coder A"]
    tally = peace_war_tally(coding, seed)
    yes = [qid for qid, (answer, _) in coding.items() if answer == "yes"]
    assert tally["present"].sum() == len(yes)
    assert tally.loc["war", "of"] == tally.loc["peace", "of"] == 13
    expected = "war journalism" if tally.loc["war", "present"] > tally.loc["peace", "present"] else None
    assert peace_war_lean(coding) == (expected or peace_war_lean(coding))
    flipped = {qid: ("yes", [0]) if qid.startswith("P") else ("no", []) for qid in coding}
    assert peace_war_lean(flipped) == "peace journalism"
    assert peace_war_lean({qid: ("no", []) for qid in coding}) == "balanced"


def test_entman_table_needs_evidence(seed):
    table = entman_table({"France": {"problem": ("a threat to civilians", [28]), "remedy": ("cease", [29])}}, seed)
    assert table.loc["France", "problem definition"] == "a threat to civilians [s. 28]"
    assert table.loc["France", "moral evaluation"] == "—"
    with pytest.raises(CodingError, match="cite the sentence numbers"):
        entman_table({"France": {"problem": ("a threat", [])}}, seed)
    with pytest.raises(CodingError, match="not a function"):
        entman_table({"France": {"blame": ("x", [1])}}, seed)
    examples = load_example_codings()["entman"]
    assert len(entman_table(examples, seed)) == len(examples)


# ------------------------------------------------------------ exercise checks of notebook 02

def test_exercise_checks_accept_the_method_and_teach_on_mistakes(seed):
    from helpers import check

    own = sum(u.voice == NARRATOR for u in label_uses(seed, ["separatist"]))
    every = len(label_uses(seed, ["separatist"]))
    assert check("02.1", own, seed).passed
    assert "every use" in check("02.1", every, seed).message
    terms = sorted({u.term for u in narrator_uses(seed)})
    assert check("02.2", terms, seed).passed
    assert check("02.2", [u.text for u in narrator_uses(seed)], seed).passed  # word forms are fine
    assert "only inside quotation marks" in check("02.2", terms + ["ethnic cleansing"], seed).message
    conflict = frame_presence(seed)["conflict"]
    assert check("02.3", int(conflict.idxmax()), seed).passed
    winners = set(conflict.index[conflict == conflict.max()])
    after = min(w + 1 for w in winners if w + 1 not in winners)
    assert "Off by one" in check("02.3", int(after), seed).message
    complete = {"C1": ("yes", [0]), "C2": ("no", []), "C3": "no", "C4": ("no", [])}
    assert check("02.5", complete, seed).passed
    assert "cites no sentence" in check("02.5", {**complete, "C2": ("yes", [])}, seed).message
    assert "percent agreement" in check("02.6", 0.75, seed).message
    assert not check("02.6", "0.48", seed).passed


def test_exercise_checks_run_on_another_article():
    from helpers import check

    other = load_article(text="Calm day\n\nNothing happened in the town. The mayor said “all is well”.")
    assert check("02.1", 0, other).passed
    assert check("02.2", [], other).passed
    assert check("02.4", [], other).passed
    assert "no sentence 5" in check("02.5", {"C1": ("yes", [5]), "C2": "no", "C3": "no", "C4": "no"}, other).message
