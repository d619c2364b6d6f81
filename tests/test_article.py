"""Tests of helpers.article: the seed's real structure, sentences, words and bad input.

The last section holds the regression tests of issue #14: pipes and devices,
the size limit, UTF-16, unreadable files, an empty path, lone surrogates,
bidirectional controls, the unique key, and a one-line text that used to hang.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import (
    ArticleError, ArticleNotFoundError, BinaryFileError, EmptyArticleError, NotUTF8Error,
    available_seeds, load_article, split_sentences, word_spans,
)
from helpers.article import BIDI_CONTROLS, DEFAULT_SEED, MAX_BYTES, SEEDS_DIR, mark_bidi_controls
from helpers.errors import ArticleTooLargeError, CourseError, NotRegularFileError, UnreadableFileError

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


# --- issue #14: nothing hangs, nothing that cannot be written, clear errors -------------------------

@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes on this system")
def test_a_pipe_is_refused_at_once(tmp_path):
    """A FIFO nobody writes to: reading it used to block forever."""
    pipe = tmp_path / "article.txt"
    os.mkfifo(pipe)
    with pytest.raises(NotRegularFileError, match=r"named pipe \(FIFO\).*could wait forever"):
        load_article(pipe)


def test_a_device_is_refused(tmp_path):
    if not Path("/dev/zero").exists():
        pytest.skip("no /dev/zero here")
    with pytest.raises(NotRegularFileError, match="is a device"):
        load_article("/dev/zero")  # reading it would fill the memory


def test_an_article_over_the_size_limit_is_refused_before_it_is_read(tmp_path):
    big = tmp_path / "big.txt"
    with big.open("wb") as handle:
        handle.truncate(MAX_BYTES + 1)  # sparse: nothing is written to the disk
    with pytest.raises(ArticleTooLargeError, match=r"big.txt is 10.0 MB: the course reads articles of at most 10 MB"):
        load_article(big)
    with pytest.raises(ArticleTooLargeError, match="at most 10 MB"):
        load_article(text="word " * (MAX_BYTES // 5 + 1))
    assert MAX_BYTES == 10_000_000


def test_a_text_just_under_the_limit_loads():
    text = "Headline\n\n" + ("The mayor spoke. " * 5000 + "\n\n") * 10
    assert len(text.encode("utf-8")) < MAX_BYTES
    assert len(load_article(text=text).paragraphs) == 10


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_is_named_as_such(tmp_path, encoding):
    """UTF-16 was reported as 'contains NUL bytes' (binary), which sends a student the wrong way."""
    file = tmp_path / "windows.txt"
    file.write_bytes("Headline\n\nThe mayor said “no” on Monday.".encode(encoding))
    with pytest.raises(NotUTF8Error, match="UTF-16: save it as UTF-8") as err:
        load_article(file)
    assert "NUL" not in str(err.value)


def test_utf32_is_named_as_such(tmp_path):
    file = tmp_path / "odd.txt"
    file.write_bytes("Headline\n\nBody.".encode("utf-32"))
    with pytest.raises(NotUTF8Error, match="UTF-32: save it as UTF-8"):
        load_article(file)


def test_an_unreadable_file_is_a_clear_error(tmp_path, monkeypatch):
    """No read permission (simulated: a test may run as root, who can read anything)."""
    file = tmp_path / "secret.txt"
    file.write_text("Headline\n\nBody.", encoding="utf-8")
    real_open = os.open

    def refuse(path, *args, **kwargs):
        if Path(path) == file:
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", refuse)
    with pytest.raises(UnreadableFileError, match="secret.txt cannot be read: permission denied") as err:
        load_article(file)
    assert isinstance(err.value, CourseError) and not isinstance(err.value, PermissionError)


def test_an_empty_path_is_not_called_a_folder():
    with pytest.raises(ArticleNotFoundError) as err:
        load_article("")
    assert "empty string" in str(err.value) and "folder" not in str(err.value)
    with pytest.raises(TypeError):
        load_article(3)


def test_a_lone_surrogate_is_replaced_and_noted_so_the_text_can_be_saved(tmp_path):
    """Decision: replaced by U+FFFD, one for one (offsets stay right), with a note in article.warnings."""
    text = "Headline\n\nThe mayor said \ud800“no”\udfff on Monday."
    article = load_article(text=text)
    assert "\ud800" not in article.text and article.text == text.replace("\ud800", "\ufffd").replace("\udfff", "\ufffd")
    assert len(article.text) == len(text)
    note = next(w for w in article.warnings if "surrogate" in w)
    assert "U+D800 at offset 25" in note and "U+DFFF" in note
    article.text.encode("utf-8")
    from helpers.brief import build_brief, write_brief

    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        paths = write_brief(build_brief(article), tmp_path)
    assert all("\ufffd" in p.read_text(encoding="utf-8") for p in paths)
    with pytest.raises(EmptyArticleError):  # nothing but the replacement character: no word to analyse
        load_article(text="\ud800")
    assert load_article(text="x\ud800y").paragraphs == ["x\ufffdy"]


def test_bidirectional_controls_are_flagged():
    article = load_article(text="Headline\n\nThe mayor said \u202e“on”\u202c today. \u2067x\u2069")
    note = next(w for w in article.warnings if "bidirectional control" in w)
    assert "U+202E RIGHT-TO-LEFT OVERRIDE at offset 25" in note and "4 invisible" in note
    assert not any("bidirectional" in w for w in load_article().warnings)
    assert mark_bidi_controls("a\u202eb\u200fc") == "a[U+202E]b[U+200F]c"
    assert set(BIDI_CONTROLS) >= {"\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069"}


def test_the_key_is_unique_per_file_and_the_same_on_every_machine(tmp_path):
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "report.txt").write_text("Headline\n\nSame text.", encoding="utf-8")
    a, b = load_article(tmp_path / "a" / "report.txt"), load_article(tmp_path / "b" / "report.txt")
    assert a.key != b.key and a.key.startswith("report-") and b.key.startswith("report-")
    assert a.path == (tmp_path / "a" / "report.txt").resolve()
    assert load_article().key == "karabakh_2023-09-19"
    texts = load_article(text="Headline\n\nOne."), load_article(text="Headline\n\nTwo.")
    assert texts[0].key != texts[1].key and texts[0].path is None
    inside = load_article(Path(__file__).parent / "articles" / "city_council.txt")
    import hashlib

    assert inside.key == "city_council-" + hashlib.sha256(b"path:tests/articles/city_council.txt").hexdigest()[:8]


def test_a_long_run_of_one_mark_on_one_line_finishes():
    """1 MB on one line with a run of 200,000 '!': the sentence splitter used to try the run once per mark
    (quadratic: hours).  Run in a process of its own, so a regression fails here instead of hanging the suite."""
    code = ("from helpers import load_article\n"
            "text = 'Headline\\n\\n' + 'The mayor spoke today. ' * 35000 + 'Stop' + '!' * 200000 + 'x'\n"
            "a = load_article(text=text)\nprint(len(a.text), len(a.sentences), len(a.paragraphs))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=600,
                            cwd=Path(__file__).resolve().parent.parent)
    assert result.returncode == 0, result.stderr
    size, sentences, paragraphs = map(int, result.stdout.split())
    assert size > 1_000_000 and paragraphs == 1 and sentences == 35001


def test_sentences_in_matches_the_sentences_of_each_paragraph(seed):
    for index in range(len(seed.paragraphs)):
        assert seed.sentences_in(index) == [s for s in seed.sentences if s.paragraph == index]
    assert seed.sentences_in(len(seed.paragraphs)) == [] and seed.sentences_in(-1) == []
