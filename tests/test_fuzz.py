"""Fuzz test: generated news-like text through every public helper and every exercise check.

The texts come from :mod:`fuzzing` (``tests/fuzzing.py``): headlines, paragraphs,
quotations in every style and depth, and the noise of real and hostile copies
(unicode of every script, bidirectional controls, lone surrogates, NULs, HTML,
long runs of one mark).  Every text is made from its case number, so a failure
names the number that reproduces it: ``news_text(1234)``.

What must hold, on every case:

* nothing raises except a :class:`helpers.errors.CourseError` (a clear one-line
  error); ``load_article`` refuses only what it documents (NUL characters, an
  empty text, website leftovers only);
* every offset lies inside the text and points at what it names
  (``text[start:end]``), spans come in order, and counts agree (sentences inside
  their paragraphs, one table row per paragraph or sentence, ...);
* lone surrogates never reach a file: the brief and the source table are written
  and read back as UTF-8; bidirectional controls never reach a page unmarked;
* a check always answers with one of its four verdicts.

How much runs: ``load_article`` and the text-level helpers on :data:`CASES`
texts (2,000; 10,000 with ``RUN_SLOW=1``), every other helper and every check on
its own :data:`PER_HELPER` of them (30; 200 with ``RUN_SLOW=1``), plus the
:data:`HOSTILE` texts through everything.  Helpers that still break an invariant
are marked ``xfail(strict=True)`` with the reason (:data:`KNOWN`): the mark fails
as soon as the helper is fixed, so it is removed then.
"""

from __future__ import annotations

import functools
import html
import inspect
import math
import os
import warnings

import pandas as pd
import pytest

import helpers
from fuzzing import nested_quotes, news_text
from helpers import load_article
import re

from helpers.article import BIDI_CONTROLS, MAX_BYTES, WORD
from helpers.errors import CourseError

SLOW = os.environ.get("RUN_SLOW") == "1"
#: Generated texts given to load_article and the text-level helpers.
CASES = 10_000 if SLOW else 2_000
#: Generated texts given to each other helper and each check.
PER_HELPER = 200 if SLOW else 30

#: Texts written to break things, given to every helper on top of the generated ones.
HOSTILE = [
    "\ud800", "Title\n\nA lone \ud800 surrogate, said the mayor.", "“\ud83d\ude00” said he.\n\nAnd \udfff.",
    "Headline\n\nShe said \u202e“olleh”\u202c today. The \u2066isolate\u2069 too.",
    "x" + "!" * 3000 + "y", "“" * 500, "« " * 300 + "end", ("word " * 2000).strip(), "a" * 5000,
    "Title\n\n“one ‘two “three ‘four’ three” two’ one” said he.", "He said: “\n\nOpen.\n\n“Still open.",
    "…\n\n… said nobody.", "Storm hits coast\n\nRain fell on Sunday", "Source link\n\nreal text here.",
    "<script>alert(1)</script>\n\n<b>bold</b> &amp; &lt;", "١٢٣ قال الوزير «لا»\n\nשלום \u200f“כן”",
    "e\u0301\u0301\u0301 " * 50, "\u2028\u2029\u0085\x0b\x0c line separators", "Mr. U.N. e.g. J. No. St. Gen.",
    "\ufeff\ufeffHeadline\r\rBody.\r\n\r\nMore.", "👩‍👩‍👧 🇫🇷 said “🙂”.",
    "Title\n\n… “We stay here,” she said.",
]


def _quiet(function, *args, **kwargs):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return function(*args, **kwargs)


@functools.lru_cache(maxsize=None)
def text_of(case) -> str:
    """The text of a case: a generated article (an int) or one of :data:`HOSTILE` (a string "hostile-N")."""
    if isinstance(case, str):
        return HOSTILE[int(case.split("-")[1])]
    return news_text(case)


@functools.lru_cache(maxsize=4096)
def article_of(case):
    """The article of a case, or None when load_article refuses it (with a CourseError)."""
    try:
        return _quiet(load_article, text=text_of(case))
    except CourseError:
        return None


#: Helpers that take much longer than the others get this share of PER_HELPER (the whole brief runs every analysis).
SHARE = {"brief.build_brief+write_brief": 0.25, "check 04.6": 0.5, "check 07.4": 0.5}


def cases_for(index: int, name: str = "") -> list:
    """The cases of helper number ``index``: its own slice of the generated texts, and every hostile text."""
    start = index * PER_HELPER
    count = max(5, int(PER_HELPER * SHARE.get(name, 1)))
    return [(start + k) % CASES for k in range(count)] + [f"hostile-{k}" for k in range(len(HOSTILE))]


# --------------------------------------------------------------------------- invariants


def check_span(text: str, span, what: str) -> None:
    assert 0 <= span.start <= span.end <= len(text), f"{what} {span!r} at {span.start}:{span.end} outside the text"
    assert text[span.start:span.end] == span, f"{what} {span!r} is not text[{span.start}:{span.end}]"


_SURROGATE = re.compile("[\ud800-\udfff]")
_BIDI = re.compile("[" + "".join(BIDI_CONTROLS) + "]")


def check_article(text: str, article) -> None:
    whole = article.text
    assert "\r" not in whole and not whole.startswith("\ufeff")
    assert not _SURROGATE.search(whole), "a lone surrogate survived load_article"
    whole.encode("utf-8")
    assert len(whole) <= len(text)
    parts = ([article.title] if article.title is not None else []) + article.subheadings + article.paragraphs \
        + article.boilerplate
    for part in parts:
        check_span(whole, part, "part")
        assert part and part == part.strip()
    ordered = sorted((p.start, p.end) for p in parts)
    assert all(a_end <= b_start for (_, a_end), (b_start, _) in zip(ordered, ordered[1:])), "parts overlap"
    assert article.paragraphs, "an article without a body paragraph"
    for index, paragraph in enumerate(article.paragraphs):
        assert paragraph.paragraph == index
        assert article.paragraph_at(paragraph.start) == index
    previous_end = -1
    for k, sentence in enumerate(article.sentences):
        check_span(whole, sentence, "sentence")
        assert sentence.start >= previous_end, "sentences out of order"
        previous_end = sentence.end
        paragraph = article.paragraphs[sentence.paragraph]
        assert paragraph.start <= sentence.start and sentence.end <= paragraph.end
        assert article.sentence_at(sentence.start) == k
    assert sum(len(article.sentences_in(p)) for p in range(len(article.paragraphs))) == len(article.sentences)
    words = article.words
    for word in words:
        check_span(whole, word, "word")
    assert [w.start for w in words] == sorted(w.start for w in words), "words out of order"
    assert len(words) == sum(len(WORD.findall(p)) for p in article.paragraphs)
    for quote in article.quotes:
        assert 0 <= quote.start <= quote.end <= len(whole) and whole[quote.start:quote.end] == quote.text
    assert article.key and "/" not in article.key and article.key == article.key.strip()
    bidi = bool(_BIDI.search(whole))
    assert bidi == any("bidirectional control" in w for w in article.warnings), "bidi controls not flagged"
    if _SURROGATE.search(text):
        assert any("surrogate" in w for w in article.warnings), "replaced surrogates not flagged"


def refusal_is_documented(text: str, error: CourseError) -> bool:
    normalised = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    message = str(error)
    return ("\x00" in text and "NUL" in message) or (not normalised.strip() and "is empty" in message) \
        or "no text besides website leftovers" in message or (len(text) > MAX_BYTES // 4 and "MB" in message)


def check_table(article, table: pd.DataFrame, name: str) -> None:
    """Generic invariants of a table a helper returns about ``article``."""
    assert isinstance(table, pd.DataFrame), f"{name} returned {type(table).__name__}"
    columns = {str(c): table[c] for c in table.columns}
    if table.index.name in ("paragraph", "sentence"):
        columns[table.index.name] = pd.Series(table.index)
    limits = {"paragraph": len(article.paragraphs), "sentence": len(article.sentences),
              "first paragraph": len(article.paragraphs)}
    for column, limit in limits.items():
        if column in columns:
            values = pd.to_numeric(columns[column], errors="coerce").dropna()
            assert ((values >= 0) & (values <= limit)).all(), f"{name}: column {column!r} outside 0..{limit}"
    for column in ("start", "end"):
        if column in columns:
            values = pd.to_numeric(columns[column], errors="coerce").dropna()
            assert ((values >= 0) & (values <= len(article.text))).all(), f"{name}: {column} outside the text"
    for column, values in columns.items():
        if pd.api.types.is_float_dtype(values):
            assert not values.isin([math.inf, -math.inf]).any(), f"{name}: column {column!r} holds infinity"


def check_records(article, records, name: str) -> None:
    text = article.text
    for record in records:
        start, end = getattr(record, "start", None), getattr(record, "end", None)
        if start is None:
            continue
        assert 0 <= start <= end <= len(text), f"{name}: {record!r} outside the text"
        shown = getattr(record, "text", None)
        if isinstance(shown, str):
            assert text[start:end] == shown, f"{name}: {shown!r} is not text[{start}:{end}]"


def check_attributions(article, found, name: str) -> None:
    text = article.text
    for a in found:
        assert 0 <= a.start < a.end <= len(text) and text[a.start:a.end] == a.speaker, f"{name}: speaker {a!r}"
        if a.quote is not None:
            assert text[a.quote_start:a.quote_end] == a.quote, f"{name}: quote offsets of {a!r}"
        for start, end in a.quotes:
            assert 0 <= start <= end <= len(text)
        assert a.kind in ("direct", "partial", "indirect")
        assert 0 <= a.paragraph < len(article.paragraphs)
        paragraph = article.paragraphs[a.paragraph]
        assert paragraph.start <= a.start < paragraph.end, f"{name}: the speaker stands outside its paragraph"
        assert a.source


def check_counts(article, table, name: str) -> None:
    """Tables with one row per paragraph (or sentence) have exactly that many rows."""
    check_table(article, table, name)
    expected = {"paragraph_table": len(article.paragraphs), "sentence_table": len(article.sentences)}[name]
    assert len(table) == expected, f"{name}: {len(table)} rows for {expected}"
    if name == "paragraph_table" and "sentences" in table.columns:
        assert int(table["sentences"].sum()) == len(article.sentences), "paragraph_table: sentences do not add up"
    if "words" in table.columns:
        assert int(table["words"].sum()) >= 0


def check_scores(article, scores, name: str) -> None:
    assert isinstance(scores, dict)
    for key, value in scores.items():
        if isinstance(value, float):
            assert math.isfinite(value), f"{name}: {key} is {value}"


def _no_raw_bidi(page: str, name: str) -> None:
    found = sorted({f"U+{ord(ch):04X}" for ch in _BIDI.findall(page)})
    assert not found, f"{name}: bidirectional controls {', '.join(found)} reach the page unmarked"


# --------------------------------------------------------------------------- the helpers, and how to call them


def _call_brief(article, tmp_path):
    from helpers.brief import build_brief, write_brief

    brief = _quiet(build_brief, article)
    paths = write_brief(brief, tmp_path)
    for path in paths:
        page = path.read_bytes().decode("utf-8")
        _no_raw_bidi(page, "write_brief")
        assert "<script>" not in page
    return None


def _call_export(article, tmp_path):
    path = helpers.export_source_table(article, tmp_path / "sources.csv")
    table = pd.read_csv(path, encoding="utf-8-sig", dtype=str, keep_default_na=False)
    assert len(table) == len(helpers.source_table(article))
    return None


def _call_corpus(article, tmp_path):
    from helpers.corpus import analyse_article

    row = _quiet(analyse_article, article)
    assert row["paragraphs"] == len(article.paragraphs) and row["words"] == len(article.words)
    assert row["direct"] + row["partial"] + row["indirect"] == row["attributions"]
    return None


def _call_highlight(article, tmp_path):
    shown = helpers.highlight(article.text, article.quotes)
    assert "<script>" not in shown.data
    return None


def _call_sides_template(article, tmp_path):
    from helpers.brief import load_sides, write_sides_template

    path = write_sides_template(article, tmp_path)
    path.read_bytes().decode("utf-8-sig")
    table, _ = load_sides(article, tmp_path)
    from helpers.brief import SIDES_COLUMNS

    assert list(table.columns) == SIDES_COLUMNS
    return None


def _call_check(exercise_id):
    answers = [..., None, 0, 1, -1, 2.5, "", "x", [], ["Monday"], {}, {"a": 1}, True]

    turn = iter(range(10**9))

    def run(article, tmp_path):
        from helpers import check

        k = next(turn)  # each article gets the placeholder, one answer of the list and one taken from it
        extra = [str(article.sentences[0]), len(article.paragraphs), len(article.sentences), str(article.paragraphs[0])]
        for answer in (..., answers[k % len(answers)], extra[k % len(extra)]):
            feedback = _quiet(check, exercise_id, answer, article)
            assert feedback.status in ("unanswered", "correct", "not yet", "complete"), feedback
            assert (feedback.status == "unanswered") == (answer is ...), f"{exercise_id}: {answer!r} -> {feedback!r}"
            inner = "The check could not use your answer" in feedback.message
            assert not inner or "TypeError" in feedback.message, (
                f"check {exercise_id} crashed inside on {answer!r}: {feedback.message}")
        return None

    return run


def _article_helpers() -> dict:
    """name -> (function of (article, tmp_path), invariant of (article, result, name) or None)."""
    from helpers import framing, reading

    table = check_table
    out = {}

    def of_an_article(function) -> bool:
        """A function whose first parameter is the article (or text) and whose others have defaults."""
        if inspect.isclass(function) or not callable(function):
            return False
        try:
            parameters = list(inspect.signature(function).parameters.values())
        except (TypeError, ValueError):
            return False
        return bool(parameters) and parameters[0].name in ("article", "text_or_article", "text") and all(
            p.default is not p.empty or p.kind in (p.VAR_POSITIONAL, p.VAR_KEYWORD) for p in parameters[1:])

    for name in helpers.__all__:
        if of_an_article(getattr(helpers, name)):
            out[name] = (lambda a, t, f=getattr(helpers, name): _quiet(f, a), None)
    for name in reading.__all__:
        if of_an_article(getattr(reading, name)):
            out[f"reading.{name}"] = (lambda a, t, f=getattr(reading, name): _quiet(f, a), None)
    if hasattr(reading, "occurrences"):
        strings = ["the", "“", "\u202e", "Monday's", "U.N.", "a" * 50]
        out["reading.occurrences"] = (lambda a, t: _quiet(reading.occurrences, a, strings), None)
    # helpers that need more than the article
    out["split_sentences"] = (lambda a, t: [s for p in a.paragraphs for s in helpers.split_sentences(p, p.start)],
                              lambda a, r, n: check_records(a, r, n))
    out["word_spans"] = (lambda a, t: helpers.word_spans(a.text), lambda a, r, n: [check_span(a.text, w, n) for w in r])
    out["label_uses"] = (lambda a, t: framing.label_uses(a, framing.CONTESTED_TERMS), check_records)
    out["narrator_uses"] = (lambda a, t: _quiet(helpers.narrator_uses, a), check_records)
    out["compare_scores"] = (lambda a, t: _quiet(helpers.compare_scores, {"whole": a, "body": a.body}), table)
    out["evidence_table"] = (lambda a, t: helpers.evidence_table(helpers.find_attributions(a)), None)
    out["add_sides"] = (lambda a, t: helpers.add_sides(helpers.source_table(a)), table)
    out["highlight"] = (_call_highlight, None)
    out["export_source_table"] = (_call_export, None)
    out["brief.build_brief+write_brief"] = (_call_brief, None)
    out["brief.write_sides_template+load_sides"] = (_call_sides_template, None)
    out["corpus.analyse_article"] = (_call_corpus, None)
    out["find_attributions"] = (lambda a, t: helpers.find_attributions(a), check_attributions)
    out["find_quotes"] = (lambda a, t: helpers.find_quotes(a), check_records)
    for name in ("reading.paragraph_table", "reading.sentence_table"):
        out[name] = (out[name][0], lambda a, r, n: check_counts(a, r, n.split(".")[1]))
    out["readability_scores"] = (out["readability_scores"][0], check_scores)
    out.pop("shorten", None)  # takes any text: in test_text_helpers_on_raw_text
    return out


def _checks() -> dict:
    from helpers.exercises import registered

    return {f"check {exercise_id}": (_call_check(exercise_id), None) for exercise_id in registered()}


HELPERS = {**_article_helpers(), **_checks()}

#: Helpers of other modules that still break an invariant (owner: reason).  Each is xfail(strict=True).
KNOWN: dict[str, str] = {}


def _marks(name):
    if name in KNOWN:
        return [pytest.mark.xfail(strict=True, reason=KNOWN[name])]
    return []


# --------------------------------------------------------------------------- the tests


def test_generated_texts_load_or_are_refused_clearly():
    """load_article on every case: an article whose parts all point into its text, or a documented CourseError."""
    problems, refused = [], 0
    for case in [*range(CASES), *(f"hostile-{k}" for k in range(len(HOSTILE)))]:
        text = news_text(case) if isinstance(case, int) else text_of(case)
        try:
            article = _quiet(load_article, text=text)
        except CourseError as error:
            refused += 1
            if not refusal_is_documented(text, error) or "\n" in str(error):
                problems.append(f"case {case}: refused without a documented reason: {error}")
            continue
        except Exception as error:  # noqa: BLE001 - this is what the test looks for
            problems.append(f"case {case}: load_article raised {type(error).__name__}: {error}")
            continue
        try:
            check_article(text, article)
        except AssertionError as error:
            problems.append(f"case {case}: {error}")
    assert refused < CASES // 2, f"{refused} of {CASES} generated texts refused: the generator makes too few articles"
    assert not problems, f"{len(problems)} of {CASES} cases:\n" + "\n".join(problems[:10])


def test_text_helpers_on_raw_text():
    """The helpers that take any string (not only an article): find_quotes, quoted_share, split_sentences, ..."""
    problems = []
    for case in [*range(0, CASES, 4), *(f"hostile-{k}" for k in range(len(HOSTILE)))]:
        text = news_text(case) if isinstance(case, int) else text_of(case)
        try:
            quotes = helpers.find_quotes(text)
            for q in quotes:
                assert 0 <= q.start <= q.end <= len(text) and text[q.start:q.end] == q.text, f"quote {q!r}"
            outer = [q for q in quotes if q.level == 0]
            assert all(a.end <= b.start for a, b in zip(outer, outer[1:])), "outer quotations overlap"
            assert 0.0 <= helpers.quoted_share(text) <= 1.0
            for offset, mark in helpers.find_stray_quote_marks(text):
                assert text[offset] == mark
            for sentence in helpers.split_sentences(text):
                check_span(text, sentence, "sentence")
            short = helpers.shorten(text, 40)
            assert isinstance(short, str) and len(short) <= max(40, 1) + 1
        except CourseError:
            pass
        except Exception as error:  # noqa: BLE001
            problems.append(f"case {case}: {type(error).__name__}: {error}")
    assert not problems, f"{len(problems)} problems:\n" + "\n".join(problems[:10])


@pytest.mark.parametrize("name", [pytest.param(n, marks=_marks(n)) for n in HELPERS])
def test_helper_on_generated_articles(name, tmp_path):
    """One helper (or check) on its share of the generated articles and on every hostile text."""
    call, invariant = HELPERS[name]
    index = list(HELPERS).index(name)
    problems = []
    for case in cases_for(index, name):
        article = article_of(case)
        if article is None:
            continue
        try:
            result = call(article, tmp_path)
            if invariant is not None:
                invariant(article, result, name)
            elif isinstance(result, pd.DataFrame):
                check_table(article, result, name)
            elif isinstance(result, list):
                check_records(article, result, name)
        except CourseError:
            continue
        except AssertionError as error:
            problems.append(f"case {case}: {error}")
        except Exception as error:  # noqa: BLE001
            problems.append(f"case {case}: {type(error).__name__}: {error}")
    assert not problems, f"{name}: {len(problems)} failing cases, e.g. news_text({problems[0].split(':')[0][5:]}):\n" \
        + "\n".join(problems[:5])


def test_the_pages_the_course_writes_mark_bidi_controls(tmp_path):
    """The brief (Markdown and HTML) shows every bidirectional control as [U+....]: none reaches a page raw."""
    from helpers.brief import build_brief, write_brief

    article = load_article(text="Headline \u202eevil\u202c\n\nThe mayor said “\u2067no\u2069” on Monday.")
    assert any("bidirectional control" in w and "U+202E" in w for w in article.warnings)
    for path in write_brief(_quiet(build_brief, article), tmp_path):
        page = path.read_text(encoding="utf-8")
        _no_raw_bidi(page, path.name)
        assert "[U+202E]" in page and "[U+2067]" in page
    escaped = html.escape("[U+202E]")
    assert escaped == "[U+202E]"


def test_balanced_nested_quotations_are_never_reported_unclosed():
    """Quotations nested 1 to 4 deep, every mark closed: each is found, none is flagged unbalanced."""
    problems = []
    for seed in range(PER_HELPER * 5):
        text, depth = nested_quotes(seed)
        article = load_article(text=text)
        unbalanced = [q for q in article.quotes if q.unbalanced]
        if unbalanced or any("never closed" in w for w in article.warnings) or len(article.quotes) != depth:
            problems.append(f"nested_quotes({seed}) ({depth} deep): {len(article.quotes)} quotations found, "
                            f"{len(unbalanced)} unbalanced: {text!r}")
    assert not problems, f"{len(problems)} cases:\n" + "\n".join(problems[:5])


def test_indirect_attributions_carry_no_quotation():
    """kind='indirect' means a paraphrase: such an attribution has no quotation (issue #14.7)."""
    reproducer = helpers.find_attributions(load_article(text="admitted a spokesperson! \u201ca"))
    assert not [a for a in reproducer if a.kind == "indirect" and (a.quote is not None or a.quotes)]
    problems = []
    for case in range(0, CASES, max(1, CASES // (PER_HELPER * 10))):
        article = article_of(case)
        if article is None:
            continue
        for a in helpers.find_attributions(article):
            if a.kind == "indirect" and (a.quote is not None or a.quotes):
                problems.append(f"news_text({case}): {a.speaker!r} {a.verb!r}, indirect, with quote {a.quote!r}")
    assert not problems, f"{len(problems)} attributions:\n" + "\n".join(problems[:5])


# --------------------------------------------------------------------------- helpers that take no article


LABELS = ["yes", "no", "maybe", None, math.nan, "", "é", "\u202eyes", 1, 2, 3, 0, 2.5, "Yes", " yes "]


def _codings(rng, coders: int, units: int) -> list[list]:
    return [[rng.choice(LABELS) for _ in range(units)] for _ in range(coders)]


def _agreement_cases():
    import random

    rng = random.Random(14)
    for _ in range(PER_HELPER * 3):
        yield _codings(rng, rng.randint(2, 4), rng.randint(0, 25))


AGREEMENT = {
    "percent_agreement": lambda c: helpers.percent_agreement(*c),
    "cohen_kappa": lambda c: helpers.cohen_kappa(c[0], c[1]),
    "cohen_kappa_parts": lambda c: helpers.cohen_kappa_parts(c[0], c[1])["kappa"],
    "fleiss_kappa": lambda c: helpers.fleiss_kappa(c),
    "krippendorff_alpha": lambda c: helpers.krippendorff_alpha(c),
    "krippendorff_alpha interval": lambda c: helpers.krippendorff_alpha(
        [[v for v in row if not isinstance(v, str)] or [None] for row in c[:1]] * 2, level="interval"),
}

#: Codings nobody can measure (no unit coded twice, one category only, ...) get a CodingError, a CourseError
#: that is also a ValueError, with a one-line reason: percent_agreement([None], [None]).


@pytest.mark.parametrize("name", list(AGREEMENT))
def test_agreement_measures_on_generated_codings(name):
    problems = []
    for codings in _agreement_cases():
        try:
            value = AGREEMENT[name](codings)
        except CourseError:
            continue
        except Exception as error:  # noqa: BLE001
            problems.append(f"{codings!r}: {type(error).__name__}: {error}")
            continue
        if not (isinstance(value, float) and (math.isnan(value) or -1.0 - 1e-9 <= value <= 1.0 + 1e-9)):
            problems.append(f"{codings!r}: {value!r} is not a share or a coefficient")
    assert not problems, f"{name}: {len(problems)} cases:\n" + "\n".join(problems[:5])


def _coding_cases():
    import random

    rng = random.Random(16)
    questions = list(helpers.load_codebook().index)
    answers = ["yes", "no", "YES", "n", 1, 0, True, None, "", "maybe", ("yes", []), ("yes", [0]), ("no", [5, -1]),
               ["yes", ["3"]], ("yes", None), (), ("yes", [10**9]), "\ud800"]
    for _ in range(PER_HELPER * 2):
        coding = {q: rng.choice(answers) for q in questions if rng.random() < 0.9}
        if rng.random() < 0.2:
            coding[rng.choice(["X9", "", "\u202e", 3])] = "yes"
        yield coding


CODEBOOK = {
    "check_coding": lambda c, a: helpers.check_coding(c, article=a),
    "coding_answers": lambda c, a: helpers.coding_answers(c),
    "coding_table": lambda c, a: helpers.coding_table(c, article=a),
    "frame_scores": lambda c, a: helpers.frame_scores(c, article=a),
    "peace_war_tally": lambda c, a: helpers.peace_war_tally(c, article=a),
    "peace_war_lean": lambda c, a: helpers.peace_war_lean(c, article=a),
    "entman_table": lambda c, a: helpers.entman_table({"the mayor": c}, article=a),
}


@pytest.mark.parametrize("name", list(CODEBOOK))
def test_codebook_helpers_on_generated_codings(name):
    article = load_article(text="Headline\n\nThe mayor said no. The council said yes.\n\nThey met on Monday.")
    problems = []
    for coding in _coding_cases():
        try:
            result = CODEBOOK[name](coding, article)
        except CourseError:
            continue
        except Exception as error:  # noqa: BLE001
            problems.append(f"{coding!r}: {type(error).__name__}: {error}")
            continue
        if name == "check_coding":
            assert isinstance(result, list) and all(isinstance(p, str) and "\n" not in p for p in result)
    assert not problems, f"{name}: {len(problems)} cases:\n" + "\n".join(problems[:5])


def test_an_unknown_codebook_is_a_course_error():
    for name in ("nope", "", "Semetko_Valkenburg", "\ud800", "../../etc/passwd"):
        with pytest.raises(CourseError):
            helpers.load_codebook(name)


def test_helpers_without_input_and_word_helpers():
    """The helpers that read the course's own data, and those that take a word or a record."""
    assert helpers.available_seeds()
    from helpers import reading

    loaders = [helpers.load_frame_lexicons, helpers.load_label_families, helpers.load_example_codings,
               helpers.seed_sources, getattr(reading, "load_artefacts", list)]
    for loader in loaders[:4]:
        assert len(loader()) > 0
    loaders[4]()
    for verb in ["said", "SAID", "", " ", "\ud800x", "\u202esaid", "claimed!", "a" * 10_000, "said\n"]:
        rating = helpers.verb_rating(verb)
        assert rating.rating in ("neutral", "loaded") and isinstance(rating.why, str)
    assert helpers.verb_rating("said").known and helpers.verb_rating("SAID").known
    for nonsense in ["", " ", "\ud800x", "a" * 10_000]:  # flagged as not in the list, never given a reason
        assert not helpers.verb_rating(nonsense).known
    for text in [text_of(f"hostile-{k}") for k in range(len(HOSTILE))]:
        short = helpers.shorten(text, 30)
        assert isinstance(short, str) and len(short) <= 31


@pytest.mark.parametrize("chart", ["bar_chart", "histogram", "line_chart", "stacked_bar_chart"])
def test_charts_on_generated_articles(chart):
    """The charts, with labels taken from generated articles (the names of their sources)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from helpers import plots

    problems = []
    for case in cases_for(list(HELPERS).index("find_attributions"))[:max(5, PER_HELPER // 4)]:
        article = article_of(case)
        if article is None:
            continue
        counts = pd.Series([a.source for a in helpers.find_attributions(article)], dtype=object).value_counts()
        try:
            if chart == "bar_chart":
                plots.bar_chart(counts, title="t", xlabel="x", ylabel="y")
            elif chart == "histogram":
                plots.histogram([len(s) for s in article.sentences], title="t", xlabel="x")
            elif chart == "line_chart":
                plots.line_chart(range(len(article.paragraphs)), [len(p) for p in article.paragraphs], title="t",
                                 xlabel="x", ylabel="y")
            elif len(counts):
                plots.stacked_bar_chart(pd.DataFrame({"n": counts, "m": counts}), title="t", xlabel="x", ylabel="y")
        except CourseError:
            pass
        except Exception as error:  # noqa: BLE001
            problems.append(f"case {case}: {type(error).__name__}: {error}")
        finally:
            plt.close("all")
    assert not problems, f"{chart}: {len(problems)} cases:\n" + "\n".join(problems[:5])


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes on this system")
def test_analyse_corpus_on_generated_files(tmp_path):
    """A folder of generated articles, with a pipe, a UTF-16 file, a folder and an empty file among them."""
    from helpers.corpus import COLUMNS

    cases = list(range(0, CASES, max(1, CASES // 20)))[:20]
    for case in cases:
        (tmp_path / f"{case:05d}.txt").write_bytes(
            text_of(case).encode("utf-8", "surrogatepass"))  # a lone surrogate becomes bytes that are not UTF-8
    os.mkfifo(tmp_path / "90_pipe.txt")
    (tmp_path / "91_utf16.txt").write_bytes("Headline\n\nBody.".encode("utf-16"))
    (tmp_path / "92_folder.txt").mkdir()
    (tmp_path / "93_empty.txt").write_bytes(b"")
    table = _quiet(helpers.analyse_corpus, tmp_path)
    assert list(table.columns) == COLUMNS and len(table) == len(cases) + 4
    errors = table.set_index("name")["error"]
    assert "named pipe" in errors["90_pipe.txt"] and "UTF-16" in errors["91_utf16.txt"]
    assert "folder" in errors["92_folder.txt"] and "empty" in errors["93_empty.txt"]
    for _, row in table.iterrows():
        assert pd.isna(row["error"]) != pd.isna(row["words"]), f"{row['name']}: an error and numbers, or neither"
        if pd.isna(row["error"]):
            assert row["direct"] + row["partial"] + row["indirect"] == row["attributions"]
