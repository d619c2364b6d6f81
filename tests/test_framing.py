"""Framing helpers: term matching, voices, label tables, dictionary frames, codebooks."""

import re

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
    assert list(table["sentence"]) == [2, 3, 3]  # numbered from 1, as the tables show them


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


def test_contested_terms_are_symmetric_and_documented():
    from helpers.framing import SIDES, load_contested_entries, term_side

    entries = load_contested_entries()
    for entry in entries:
        assert entry["preferred_by"] in SIDES
        assert entry["neutral_alternative"].strip() and entry["note"].strip(), entry["term"]
    flagged = {e["preferred_by"] for e in entries if e["narrator_test"]}
    assert {"Armenian sources", "Azerbaijani sources"} <= flagged
    for armenian, azerbaijani in [("Stepanakert", "Khankendi"), ("Shushi", "Shusha"), ("Lachin corridor", "Lachin road"),
                                  ("blockade", "checkpoint"), ("Artsakh", "Garabagh")]:
        assert term_side(armenian) == "Armenian sources" and term_side(azerbaijani) == "Azerbaijani sources"
    for word in ["so-called", "illegal armed formations", "anti-terrorist measures", "enclave", "breakaway"]:
        assert word in CONTESTED_TERMS, word
    for neutral in ["de facto authorities", "ethnic Armenian authorities", "Nagorno-Karabakh"]:
        assert neutral not in CONTESTED_TERMS and term_side(neutral) == "international usage"


def test_narrator_voice_test_looks_both_ways():
    from helpers.framing import narrator_voice_test

    text = ("Shelling in Stepanakert\n\nThe separatists said the blockade went on. "
            "Baku said “Khankendi is ours”. Aid reached Nagorno-Karabakh.")
    table = narrator_voice_test(text, attributions=[])
    assert list(table.index) == ["Armenian sources", "Azerbaijani sources", "both sides", "international usage"]
    assert table.loc["Armenian sources", "uses"] == 2  # Stepanakert (headline) and blockade
    assert table.loc["Azerbaijani sources", "terms"] == "separatist"  # Khankendi is inside quotation marks
    assert table.loc["both sides", "uses"] == 0
    uses = narrator_uses(text, attributions=[])
    assert {(u.term, u.side) for u in uses} == {("Stepanakert", "Armenian sources"), ("blockade", "Armenian sources"),
                                                ("separatist", "Azerbaijani sources")}
    assert [u.sentence_number for u in uses if u.part == "body"] == [1, 1]


def test_narrator_uses_reads_the_file_as_it_is_now(tmp_path, monkeypatch):
    import json

    from helpers import datafiles

    data = json.loads((datafiles.DATA_DIR / "contested_terms.json").read_text(encoding="utf-8"))
    data["entries"].append({"term": "zebra", "topic": "t", "preferred_by": "both sides", "neutral_alternative": "x",
                            "note": "x", "narrator_test": True, "course_voice_test": True})
    (tmp_path / "contested_terms.json").write_text(json.dumps(data), encoding="utf-8")
    monkeypatch.setattr(datafiles, "DATA_DIR", tmp_path)
    assert [u.term for u in narrator_uses("A zebra ran.", attributions=[])] == ["zebra"]


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
    assert [(u.voice, u.sentence, u.sentence_number) for u in quoted] == [("Azerbaijani diplomacy", 15, 16)]
    assert "so-called separatist regime" in quoted[0].evidence


def test_seed_narrator_voice_test(seed):
    from helpers.framing import narrator_voice_test

    terms = {u.term for u in narrator_uses(seed)}
    assert {"separatist", "Azerbaijani territory", "Stepanakert", "blockade", "enclave"} <= terms
    assert not terms & {"ethnic cleansing", "aggression", "terrorist", "terrorism", "genocide", "Artsakh"}
    table = narrator_voice_test(seed)
    assert table.loc["Armenian sources", "uses"] >= 2 and table.loc["Azerbaijani sources", "uses"] >= 6


def test_seed_label_families_cover_both_sides_the_civilians_and_the_road(seed):
    from helpers.framing import label_voices

    families = load_label_families()
    for family in ["the operation", "the territory", "the region's main city", "the Karabakh Armenian side",
                   "the Azerbaijani side", "the civilians", "the road and its closure"]:
        assert family in families
    road = label_voices(seed, family="the road and its closure")
    assert road.loc[road["label"] == "illegal blockade", "quoted by"].item() == "French Ministry of Foreign Affairs"
    assert road.loc[road["label"] == "Azerbaijani blockade", "narrator"].item() == 1


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
    assert len(presence) == len(seed.paragraphs) and presence.index[0] == 1  # paragraph 1 = first body paragraph
    assert list(presence.columns) == list(lexicons) + ["evidence"]
    assert presence[list(lexicons)].to_numpy().sum() == (hits["part"] == "body").sum()
    for paragraph, row in presence.iterrows():
        for piece in filter(None, row["evidence"].split(" | ")):
            frame, words = piece.split(": ", 1)
            assert row[frame] == len(words.split(", "))
            for word in words.split(", "):
                assert word in seed.paragraphs[paragraph - 1].lower()
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
    assert presence.loc[1, "conflict"] == 2 and presence.loc[1, "morality"] == 1


def test_dictionary_false_positives_are_shown(seed):
    from helpers.framing import double_counted, frame_density, reporting_verb_hits, word_in_context

    doubled = double_counted(seed)
    assert set(doubled["words"]) >= {"Security Council", "condemned"}
    verbs = reporting_verb_hits(seed)
    assert {"denounced", "lamented", "condemned"} <= set(verbs["words"])
    context = word_in_context(seed, ["force"])
    assert any("agreements in [force]" in c for c in context["context"])
    density = frame_density(seed)
    lengths = [len(p.split()) for p in seed.paragraphs]
    assert list(density["words"]) == lengths
    presence = frame_presence(seed)
    assert density.loc[4, "conflict"] == round(100 * presence.loc[4, "conflict"] / lengths[3], 1)


def test_dictionary_against_coders(seed):
    from helpers.codebooks import compare_scores
    from helpers.framing import dictionary_vs_coders

    coder_a = load_example_codings()["semetko_valkenburg"]["coder A"]
    table = dictionary_vs_coders(seed, compare_scores({"A": coder_a}).to_dict())
    assert table.loc["conflict", "A score"] == 1.0
    assert table.loc["economic consequences", "paragraphs with its words"] == 0


def test_sentences_with_counts_from_one(seed):
    from helpers.framing import sentences_with

    assert sentences_with(seed, "accus*") == [9]
    with pytest.raises(ValueError):
        sentences_with(seed)


def test_five_megabytes_give_as_many_uses_as_the_copies(seed):
    copies = 5_000_000 // len(seed.text)
    big = load_article(text=(seed.text + "\n\n") * copies)
    terms = [t for family in load_label_families().values() for t in family]
    assert len(label_uses(big, terms, attributions=[])) == copies * len(label_uses(seed, terms, attributions=[]))


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


def test_frame_score_is_the_mean_of_yes_answers_and_leaves_out_na(seed):
    coding = {qid: ("no", []) for qid in load_codebook().index}
    coding.update({"C1": ("yes", [1]), "C2": ("yes", [9, 26]), "H3": (1, [4]), "E1": True, "H5": "n/a"})
    with pytest.raises(CodingError, match="E1 is \"yes\" but cites no sentence"):
        frame_scores(coding, seed)
    coding["E1"] = ("no", [])
    scores = frame_scores(coding, seed)
    assert scores.loc["conflict", "score"] == pytest.approx(2 / 4)
    assert scores.loc["human interest", "score"] == pytest.approx(1 / 4)  # H5 n/a: not a no
    assert scores.loc["human interest", "answered"] == 4
    assert scores.loc["morality", "score"] == 0
    assert scores.loc["conflict", "sentences"] == "1, 9, 26"
    assert coding_answers(coding)[list(load_codebook().index).index("H5")] is None


def test_check_coding_names_every_problem(seed):
    problems = check_coding({"C1": ("yes", [0, 99]), "C2": "maybe", "C9": "no", "C3": ("yes", ["two"])},
                            article=seed, only="conflict")
    text = "\n".join(problems)
    assert "there is no sentence 99" in text and "there is no sentence 0" in text
    assert "C2: answer \"yes\", \"no\" or \"n/a\"" in text
    assert "'C9' is not a question" in text
    assert "not a sentence number" in text
    assert "C4 is not answered" in text
    assert check_coding({"C1": ("yes", [1]), "C2": "no", "C3": "no", "C4": "no"}, article=seed, only=["conflict"]) == []


def test_thin_evidence_flags_fragments_and_empty_sentences(seed):
    from helpers.codebooks import thin_evidence

    assert thin_evidence({"C1": ("yes", [1, 9])}, seed) == []
    flagged = thin_evidence({"C1": ("yes", [8]), "C2": ("no", [8])}, seed)  # 8 is "‘Azerbaijan."
    assert len(flagged) == 1 and "fragment" in flagged[0] and flagged[0].startswith("C1")
    text = load_article(text="Title\n\nIt was very cold and wet that day in the hills. He said he was there.")
    assert "names no party" in thin_evidence({"C1": ("yes", [1])}, text)[0]
    assert thin_evidence({"C1": ("yes", [2])}, text) == []  # a reporting verb


def test_example_codings_are_complete_and_agree_in_part(seed):
    from helpers.agreement import cohen_kappa_parts

    examples = load_example_codings()
    a, b = examples["semetko_valkenburg"]["coder A"], examples["semetko_valkenburg"]["coder B"]
    assert check_coding(a, article=seed) == [] and check_coding(b, article=seed) == []
    parts = cohen_kappa_parts(coding_answers(a), coding_answers(b))
    assert parts["n"] == 19  # H5 is n/a for both
    assert 0 < parts["kappa"] < parts["p_o"] < 1
    table = coding_table(a, article=seed)
    assert list(table.index) == list(load_codebook().index)
    assert table.loc["C1", "evidence"].startswith("Armenia denounces")
    disagree = [q for q in load_codebook().index if (a[q][0] != b[q][0])]
    assert disagree == ["H1", "C4", "M1", "M3", "E3"]


def test_paragraph_codings_and_class_template_agree():
    from helpers.codebooks import load_class_codings, load_paragraph_codings
    from helpers.datafiles import DATA_DIR

    units = load_paragraph_codings()
    assert all(len(answers) == 14 for coder in units.values() for answers in coder.values())
    assert load_class_codings(DATA_DIR / "class_codings_template.csv") == units


def test_class_codings_errors(tmp_path):
    from helpers.codebooks import load_class_codings

    with pytest.raises(CodingError, match="no class coding file"):
        load_class_codings(tmp_path / "missing.csv")
    bad = tmp_path / "bad.csv"
    bad.write_text("coder,unit,item,answer\nana,1,C1,maybe\n", encoding="utf-8")
    with pytest.raises(CodingError, match="line 2"):
        load_class_codings(bad)


def test_peace_war_tally_and_lean(seed):
    coding = load_example_codings()["peace_war"]["coder A"]
    tally = peace_war_tally(coding, seed)
    yes = [qid for qid, (answer, _) in coding.items() if answer == "yes"]
    assert tally["present"].sum() == len(yes)
    assert tally.loc["war", "of"] == tally.loc["peace", "of"] == 11  # W9/P9, W10/P10 not codable
    assert tally.loc["war", "not codable"] == "W9, W10"
    book = load_codebook("peace_war")
    assert sorted(book.index[book["codable from one article"] == "no"]) == ["P10", "P9", "W10", "W9"]
    flipped = {qid: ("yes", [1]) if qid.startswith("P") else ("no", []) for qid in coding}
    assert peace_war_lean(flipped) == "peace journalism"
    assert peace_war_lean({qid: ("no", []) for qid in coding}) == "balanced"


def test_entman_table_needs_evidence(seed):
    from helpers.codebooks import entman_long

    table = entman_table({"France": {"problem": ("a threat to civilians", [29]), "remedy": ("cease", [30])}}, seed)
    assert table.loc["France", "problem definition"] == "a threat to civilians [s. 29]"
    assert table.loc["France", "moral evaluation"] == "—"
    with pytest.raises(CodingError, match="cite the sentence numbers"):
        entman_table({"France": {"problem": ("a threat", [])}}, seed)
    with pytest.raises(CodingError, match="not a function"):
        entman_table({"France": {"blame": ("x", [1])}}, seed)
    examples = load_example_codings()["entman"]
    assert len(entman_table(examples, seed)) == len(examples)
    assert set(entman_long(examples, seed, actor="France")["actor"]) == {"France"}


# ------------------------------------------------------------ exercise checks of notebooks 02 and 03
# Every check: the worked answer passes, a plausible wrong answer gets "not yet", a reading is "complete".

def _status(exercise, answer, article):
    from helpers import check

    return check(exercise, answer, article).status


def test_02_checks(seed):
    from helpers import check

    own = sum(u.voice == NARRATOR for u in label_uses(seed, ["separatist"]))
    assert _status("02.1", own, seed) == "correct"
    assert "every use" in check("02.1", own + 1, seed).message
    assert _status("02.1", 0, seed) == "not yet"
    assert _status("02.2", [9], seed) == "correct"
    assert _status("02.2", [2, 9], seed) == "not yet"          # names the speakers, not indirect speech
    assert _status("02.2", [17], seed) == "not yet"            # the reporter's inference
    assert _status("02.2", [], seed) == "not yet"
    assert _status("02.2", [3], seed) == "not yet"             # no narrator "separatist" there
    good = {2: "mixed", 10: "Azerbaijani sources", 12: "Armenian sources"}
    assert _status("02.3", good, seed) == "correct"
    assert _status("02.3", {**good, 2: "Armenian sources"}, seed) == "not yet"  # read only "Stepanakert"
    assert _status("02.3", {**good, 12: "mixed"}, seed) == "not yet"            # "enclave" is neither side's
    assert _status("02.3", {2: "mixed"}, seed) == "not yet"
    rewrite = ("Nagorno-Karabakh, internationally recognised as part of Azerbaijan but run by its ethnic Armenian "
               "de facto authorities, has been disputed between Armenians and Azerbaijanis for decades.")
    assert _status("02.4", rewrite, seed) == "complete"
    assert _status("02.4", "This Azerbaijani territory controlled by Armenian separatists is disputed for decades.",
                   seed) == "not yet"
    assert _status("02.4", "The Republic of Artsakh, home of Armenians, has been disputed with Azerbaijan for decades.",
                   seed) == "not yet"                          # the other side's words are caught too
    assert _status("02.4", "The region has been disputed for many decades now.", seed) == "not yet"  # facts dropped


def test_03_checks(seed):
    from helpers import check

    assert _status("03.1", [5, 19, 21, 28], seed) == "correct"
    assert _status("03.1", [5, 19, 21, 28, 33], seed) == "not yet"  # "use of force" is armed force
    assert _status("03.1", [21], seed) == "not yet"
    assert _status("03.1", [], seed) == "not yet"
    coding = {"C1": ("yes", [1, 10]), "C2": ("yes", [9, 26]), "C3": ("yes", [21]), "C4": ("no", [])}
    assert _status("03.2", coding, seed) == "complete"
    assert _status("03.2", {"C1": ("yes", [8]), "C2": ("yes", [8]), "C3": ("yes", [8]), "C4": ("yes", [8])},
                   seed) == "not yet"                              # a one-word fragment as evidence
    assert _status("03.2", {**coding, "C2": ("yes", [])}, seed) == "not yet"
    all_no = {q: ("no", []) for q in ("C1", "C2", "C3", "C4")}
    feedback = check("03.2", all_no, seed)
    assert feedback.status == "complete" and not feedback.passed and "discuss" in feedback.message
    assert _status("03.3", 0.55, seed) == "correct"
    assert _status("03.3", 0.79, seed) == "not yet"                # the percent agreement
    assert _status("03.3", 0.27, seed) == "not yet"                # p_o - p_e
    row = {"problem": ("towns under intensive fire", [2, 4]), "remedy": ("continue to resist", [18])}
    assert _status("03.4", row, seed) == "complete"
    assert _status("03.4", {"problem": ("towns under fire", [8]), "remedy": ("resist", [18])}, seed) == "not yet"
    assert _status("03.4", {"problem": ("towns under fire", [2])}, seed) == "not yet"  # one function only
    assert _status("03.4", {"problem": ("towns under fire", []), "cause": ("Baku's operation", [3])}, seed) == "not yet"
    assert _status("03.5", ["W9", "W10", "P9", "P10"], seed) == "correct"
    assert _status("03.5", ["W9", "P9"], seed) == "not yet"
    assert _status("03.5", ["W9", "W10", "P9", "P10", "W4"], seed) == "not yet"  # "here and now" is in the text


def test_checks_run_on_another_article():
    other = load_article(text="Calm day\n\nNothing happened in the town. The mayor said “all is well”. "
                              "The council met and the separatists were not mentioned by the mayor.")
    assert _status("02.1", 1, other) == "correct"
    assert _status("02.2", [3], other) == "complete"
    assert _status("02.2", [1], other) == "not yet"
    assert _status("03.1", [1], other) == "not yet"  # no such row in this article
    assert "no sentence 5" in __import__("helpers").check(
        "03.2", {"C1": ("yes", [5]), "C2": "no", "C3": "no", "C4": "no"}, other).message
    assert _status("03.2", {"C1": ("yes", [2]), "C2": "no", "C3": "no", "C4": "no"}, other) == "complete"
