"""Tests of helpers.article: the seed's real structure, sentences, words and bad input."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from helpers import (
    ArticleError, ArticleNotFoundError, BinaryFileError, EmptyArticleError, NotUTF8Error,
    available_seeds, load_article, split_sentences, word_spans,
)
from helpers.article import DEFAULT_SEED, SEEDS_DIR

SHARED_SEED = Path(__file__).resolve().parents[2] / "shared" / "seeds" / "000_f735a381b3e36efe.txt"


@pytest.fixture(scope="module")
def seed():
    return load_article()


# --- the seed file --------------------------------------------------------------------------

def test_seed_copy_is_byte_identical_to_the_shared_original():
    if not SHARED_SEED.exists():
        pytest.skip("../shared/seeds is not beside this checkout")
    ours = (SEEDS_DIR / DEFAULT_SEED).read_bytes()
    assert hashlib.sha256(ours).hexdigest() == hashlib.sha256(SHARED_SEED.read_bytes()).hexdigest()


def test_default_article_is_the_seed(seed):
    assert seed.name == DEFAULT_SEED
    assert seed.is_seed
    assert DEFAULT_SEED in available_seeds()


# --- structure ----------------------------------------------------------------------------------

def test_seed_title(seed):
    assert seed.title == ("Karabakh: two dead and 23 injured after a vast military operation by Azerbaijan, "
                          "Armenia denounces “ethnic cleansing”")


def test_seed_has_three_subheadings(seed):
    assert seed.subheadings == [
        "The “unconditional and total withdrawal” of Armenian forces",
        "International reactions",
        "Macron spoke with the Armenian Prime Minister",
    ]


def test_seed_has_fourteen_body_paragraphs_in_order(seed):
    assert len(seed.paragraphs) == 14
    assert seed.paragraphs[0].startswith("Armenia denounces a “large-scale aggression”")
    assert seed.paragraphs[5].startswith("Baku specified that")  # the first paragraph after a subheading
    assert seed.paragraphs[-1].endswith("in the enclave “necessary”.")
    assert [p.paragraph for p in seed.paragraphs] == list(range(14))


def test_seed_boilerplate_is_kept_out_of_the_body(seed):
    assert seed.boilerplate == ["Source link", "Leave a Reply"]
    assert not any("Source link" in p for p in seed.paragraphs)


def test_every_span_points_into_the_text(seed):
    for span in [seed.title, *seed.subheadings, *seed.paragraphs, *seed.boilerplate, *seed.sentences, *seed.words]:
        assert seed.text[span.start:span.end] == span


def test_seed_warns_about_the_stray_single_quote(seed):
    assert len(seed.warnings) == 1
    assert "‘" in seed.warnings[0]
    assert seed.text[int(seed.warnings[0].split("offset ")[1].rstrip(")."))] == "‘"


def test_paragraph_and_sentence_lookup(seed):
    offset = seed.text.index("Gegham Stepanyan")
    assert seed.paragraph_at(offset) == 1
    assert "Gegham Stepanyan" in seed.sentences[seed.sentence_at(offset)]
    assert seed.paragraph_at(seed.title.start) is None
    assert all(s.paragraph == 5 for s in seed.sentences_in(5))


# --- sentences ----------------------------------------------------------------------------------

def test_seed_sentences_include_its_hard_cases(seed):
    texts = [str(s) for s in seed.sentences]
    # a quotation that holds two sentences: split inside it, the closing mark stays with the second
    assert "“The number of civilian injuries increased to 23." in texts
    assert any(t.startswith("The reported number of civilian victims is (him) two,” lamented") for t in texts)
    # "(…)" marks a cut in a quotation, not the end of a sentence
    assert any("armed forces (…) are rendered harmless" in t for t in texts)
    # ". to allow" (a stray full stop before a lower-case word) does not end the sentence
    assert any(t.endswith("on the Lachin road. to allow the evacuation of civilians.") for t in texts)
    # the stray ‘ leaves a one-word fragment, kept as its own sentence
    assert "‘Azerbaijan." in texts


def test_sentences_never_cross_paragraphs(seed):
    for sentence in seed.sentences:
        paragraph = seed.paragraphs[sentence.paragraph]
        assert paragraph.start <= sentence.start and sentence.end <= paragraph.end


@pytest.mark.parametrize("text, expected", [
    ("Mr. Smith met Dr. Jones. They talked.", ["Mr. Smith met Dr. Jones.", "They talked."]),
    ("The U.N. envoy arrived. He spoke.", ["The U.N. envoy arrived.", "He spoke."]),
    ("She moved to the U.S. The move was quick.", ["She moved to the U.S.", "The move was quick."]),
    ("Some cities, e.g. Paris, agreed. Others did not.", ["Some cities, e.g. Paris, agreed.", "Others did not."]),
    ("J. Borrell condemned it. Others did too.", ["J. Borrell condemned it.", "Others did too."]),
    ("“Stop!” he shouted. “Now.” She left.", ["“Stop!” he shouted.", "“Now.”", "She left."]),
    ('"Is it over?" she asked. Nobody knew.', ['"Is it over?" she asked.', "Nobody knew."]),
    ("They said « Enough. » Then silence.", ["They said « Enough. »", "Then silence."]),
    ("“The end (…) Is near,” he said.", ["“The end (…) Is near,” he said."]),
    ("It fell in 2020. 2021 was calm.", ["It fell in 2020.", "2021 was calm."]),
    ("No full stop at the end", ["No full stop at the end"]),
])
def test_sentence_edge_cases(text, expected):
    assert split_sentences(text) == expected


def test_sentence_offsets_shift_with_the_paragraph():
    text = "Intro.\n\nFirst one. Second one."
    article = load_article(text=text)
    assert [(s, s.start) for s in article.sentences] == [("First one.", 8), ("Second one.", 19)]


# --- words --------------------------------------------------------------------------------------

def test_words_keep_hyphens_and_both_apostrophes_and_drop_punctuation():
    words = word_spans("On X (ex-Twitter), the Editor’s note: don't “stop”, 2020.")
    assert words == ["On", "X", "ex-Twitter", "the", "Editor’s", "note", "don't", "stop", "2020"]


def test_seed_word_evidence(seed):
    assert "ex-Twitter" in seed.words
    assert "Editor’s" in seed.words
    assert not any(set(w) & set(".,;:!?“”«»()") for w in seed.words)


# --- other shapes -------------------------------------------------------------------------------

def test_crlf_and_bom_are_normalised(tmp_path):
    file = tmp_path / "windows.txt"
    file.write_bytes("\ufeffHeadline\r\n\r\nFirst paragraph. Second sentence.\r\n\r\nSecond paragraph.\r\n".encode())
    article = load_article(file)
    assert article.text.startswith("Headline\n\nFirst")
    assert "\r" not in article.text
    assert article.title == "Headline"
    assert article.paragraphs == ["First paragraph. Second sentence.", "Second paragraph."]


def test_one_paragraph_per_line_when_there_are_no_blank_lines():
    article = load_article(text="A headline here\nFirst paragraph, it says.\nSecond paragraph.")
    assert article.title == "A headline here"
    assert article.paragraphs == ["First paragraph, it says.", "Second paragraph."]


def test_a_single_block_is_a_paragraph_not_a_title():
    article = load_article(text="Just one sentence here.")
    assert article.title is None
    assert article.paragraphs == ["Just one sentence here."]


def test_html_is_flagged_not_silently_counted():
    article = load_article(text="Title\n\n<p>The mayor said <b>no</b>.</p>\n\n<script>alert(1)</script>")
    assert any("HTML" in w and "<script>" in w for w in article.warnings)


def test_unbalanced_quote_is_flagged():
    article = load_article(text="Title\n\nThe minister said “this will never end.\n\nNext paragraph.")
    assert any("never closed" in w for w in article.warnings)


def test_bare_seed_name_is_found_from_any_folder(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    assert load_article(DEFAULT_SEED).is_seed


# --- bad input ------------------------------------------------------------------------------------

def test_missing_file_names_it_and_lists_the_seeds(tmp_path):
    with pytest.raises(ArticleNotFoundError) as err:
        load_article(tmp_path / "nope.txt")
    assert "nope.txt" in str(err.value) and DEFAULT_SEED in str(err.value)


def test_folder_is_refused(tmp_path):
    with pytest.raises(ArticleError, match="is a folder"):
        load_article(tmp_path)


@pytest.mark.parametrize("content", [b"", b"   \n\n\t  \r\n"])
def test_empty_file_is_refused(tmp_path, content):
    file = tmp_path / "empty.txt"
    file.write_bytes(content)
    with pytest.raises(EmptyArticleError, match="empty.txt is empty"):
        load_article(file)


def test_empty_text_is_refused():
    with pytest.raises(EmptyArticleError, match="is empty"):
        load_article(text="  \n ")


def test_non_utf8_bytes_are_refused_with_the_byte_offset(tmp_path):
    file = tmp_path / "latin1.txt"
    file.write_bytes("Café crème".encode("latin-1"))
    with pytest.raises(NotUTF8Error, match=r"0xe9 at byte offset 3"):
        load_article(file)


def test_binary_file_is_refused(tmp_path):
    file = tmp_path / "image.txt"
    file.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(BinaryFileError, match="not a text file"):
        load_article(file)


def test_nul_in_text_is_refused():
    with pytest.raises(BinaryFileError):
        load_article(text="abc\x00def")


def test_errors_are_value_errors_for_content_and_file_errors_for_paths(tmp_path):
    assert issubclass(ArticleError, ValueError)
    assert issubclass(ArticleNotFoundError, FileNotFoundError)
    with pytest.raises(TypeError):
        load_article("a.txt", text="b")


def test_separator_lines_without_words_are_not_paragraphs():
    article = load_article(text="Title\n\nFirst part.\n\n* * *\n\nSecond part.")
    assert article.paragraphs == ["First part.", "Second part."]
    assert article.boilerplate == ["* * *"]


def test_a_text_of_short_lines_keeps_them_as_its_body():
    article = load_article(text="Storm hits coast\n\nRain fell on Sunday")
    assert article.title == "Storm hits coast"
    assert article.paragraphs == ["Rain fell on Sunday"] and article.subheadings == []


def test_a_headline_alone_is_the_body():
    article = load_article(text="Storm hits coast\n\nSource link")
    assert article.title is None and article.paragraphs == ["Storm hits coast"]


def test_only_website_leftovers_is_refused():
    with pytest.raises(EmptyArticleError, match="no text besides website leftovers"):
        load_article(text="Source link\n\nLeave a Reply")
