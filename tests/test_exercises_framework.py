"""helpers.exercises: check() answers "not answered yet", "correct" or "not yet" with a hint."""

from __future__ import annotations

import pytest

from helpers import load_article
from helpers.exercises import _CHECKS, Feedback, check, correct, exercise, is_unanswered, not_yet, registered


@pytest.fixture
def article():
    return load_article(text="A title\n\nFirst paragraph. It has two sentences.\n\nSecond paragraph.")


@pytest.fixture
def paragraphs_check(monkeypatch):
    """A check registered for this test only (id 99.1): the number of body paragraphs."""
    def count(answer, article):
        expected = len(article.paragraphs)
        if answer == expected:
            return correct(f"{expected} paragraphs.")
        if answer == expected + 1:
            return not_yet("You counted the headline as a paragraph.")
        return not_yet("Count article.paragraphs.")

    monkeypatch.setitem(_CHECKS, "99.1", count)
    return "99.1"


def test_placeholder_is_not_answered_yet(paragraphs_check, article):
    feedback = check(paragraphs_check, ..., article)
    assert feedback.status == "unanswered" and not feedback
    assert repr(feedback).startswith("⏳ Exercise 99.1: Not answered yet.")


def test_right_answer_is_correct_and_says_why(paragraphs_check, article):
    feedback = check(paragraphs_check, 2, article)
    assert feedback.status == "correct" and feedback.passed and bool(feedback)
    assert repr(feedback) == "✅ Exercise 99.1: Correct. 2 paragraphs."


def test_wrong_answer_is_not_yet_with_the_hint(paragraphs_check, article):
    feedback = check(paragraphs_check, 3, article)
    assert feedback.status == "not yet" and not feedback
    assert repr(feedback) == "❌ Exercise 99.1: Not yet. You counted the headline as a paragraph."
    assert "Count article.paragraphs" in repr(check(paragraphs_check, 7, article))


def test_the_check_follows_the_article(paragraphs_check):
    three = load_article(text="Title\n\nOne.\n\nTwo.\n\nThree.")
    assert check(paragraphs_check, 3, three).passed
    assert not check(paragraphs_check, 2, three).passed


def test_course_article_when_none_is_given(paragraphs_check):
    assert check(paragraphs_check, len(load_article().paragraphs)).passed


def test_an_answer_the_check_cannot_read_gets_feedback_not_a_traceback(monkeypatch, article):
    monkeypatch.setitem(_CHECKS, "99.2", lambda answer, article: correct() if len(answer) == 2 else not_yet("x"))
    feedback = check("99.2", 5, article)
    assert feedback.status == "not yet" and "a int" in feedback.message and "TypeError" in feedback.message


def test_a_check_that_returns_something_else_is_an_authoring_error(monkeypatch, article):
    monkeypatch.setitem(_CHECKS, "99.3", lambda answer, article: True)
    with pytest.raises(TypeError, match="must return correct"):
        check("99.3", 1, article)


def test_unknown_exercise_raises_keyerror_listing_the_known_ones(paragraphs_check):
    with pytest.raises(KeyError) as error:
        check("99.9", 1)
    assert "99.9" in str(error.value) and "99.1" in str(error.value)


def test_registering_two_checks_for_one_exercise_is_refused(paragraphs_check):
    with pytest.raises(ValueError, match="two checks"):
        exercise("99.1")(lambda answer, article: correct())


@pytest.mark.parametrize("answer", [..., [1, ...], (1, [2, ...]), {"a": ...}, {...: 1}, {1, ...},
                                    [[...]], {"a": [1, {"b": ...}]}])
def test_placeholders_are_found_anywhere_in_the_answer(answer):
    assert is_unanswered(answer)


@pytest.mark.parametrize("answer", [0, None, "", [], [1, 2], {"a": 1}, "...", (None,)])
def test_real_answers_are_not_placeholders(answer):
    assert not is_unanswered(answer)


def test_nested_placeholder_is_not_answered_yet(paragraphs_check, article):
    assert check(paragraphs_check, [2, ...], article).status == "unanswered"


@pytest.mark.parametrize("exercise_id", registered())
def test_every_course_check_copes_with_any_answer(exercise_id):
    """The course's own checks: the placeholder is unanswered; an answer of the wrong kind is "not yet"."""
    article = load_article()
    assert check(exercise_id, ..., article).status == "unanswered"
    for wrong in (object(), "§ not an answer to anything §"):
        feedback = check(exercise_id, wrong, article)
        assert isinstance(feedback, Feedback) and feedback.status == "not yet" and feedback.message, (
            f"check {exercise_id!r} on {wrong!r}: {feedback!r}; a wrong answer needs a hint")


def test_a_reading_is_complete_never_correct(monkeypatch, article):
    """A coding or judgement the machine cannot mark is "Complete": not a pass, but done."""
    from helpers.exercises import complete

    monkeypatch.setitem(_CHECKS, "99.3", lambda answer, article: complete("Compare it with coder A."))
    feedback = check("99.3", {"C1": "yes"}, article)
    assert feedback.status == "complete" and not feedback.passed and feedback.done
    assert repr(feedback) == "☑ Exercise 99.3: Complete. Compare it with coder A."


def test_every_verdict_has_words_beside_its_symbol(paragraphs_check, article):
    """Without an emoji font the symbol shows as a box; the words still carry the verdict."""
    words = {"⏳": "Not answered yet", "✅": "Correct", "❌": "Not yet"}
    for answer in (..., 2, 3):
        text = repr(check(paragraphs_check, answer, article))
        assert words[text[0]] in text


# --- what a check records, multiple choice ----------------------------------------------------------

def test_a_check_output_records_its_answer_for_the_structure_test(paragraphs_check, article):
    """In a notebook the verdict is text; the answer it judged rides along in the output's metadata."""
    data, metadata = check(paragraphs_check, 2, article)._repr_mimebundle_()
    assert data == {"text/plain": "✅ Exercise 99.1: Correct. 2 paragraphs."}
    assert metadata == {"course_check": {"exercise": "99.1", "status": "correct", "answer": 2}}
    assert check(paragraphs_check, [1, 2], article)._repr_mimebundle_()[1]["course_check"]["answer"] == [1, 2]


@pytest.mark.parametrize("answer, record", [
    (6, 6), (0.5, 0.5), (True, True), (None, None), ("b", "b"), ([3, 7], [3, 7]), ((1, "a"), [1, "a"]),
    (float("nan"), {"type": "float"}), ("x" * 301, {"type": "str"}), ({"a": 1}, {"type": "dict"}),
    ([{"a": 1}], {"type": "list"}), (object(), {"type": "object"}),
])
def test_answer_records_are_small_and_json_friendly(answer, record):
    import json

    from helpers.exercises import answer_record

    assert answer_record(answer) == record
    json.dumps(answer_record(answer))


def test_a_numpy_number_is_recorded_as_a_number():
    import numpy as np

    from helpers.exercises import answer_record

    assert answer_record(np.int64(6)) == 6 and type(answer_record(np.int64(6))) is int
    assert answer_record(np.float64(0.25)) == 0.25


@pytest.mark.parametrize("given, read", [("b", "b"), ("B", "b"), (" b) ", "b"), ("(b)", "b"), ("b.", "b"),
                                         ("The Table", "the table"), ("  two   words ", "two words")])
def test_choice_reads_a_multiple_choice_answer(given, read):
    from helpers.exercises import choice

    assert choice(given) == read


# --- the checks of notebook 00 ---------------------------------------------------------------------

@pytest.fixture(scope="module")
def seed():
    return load_article()


def test_00_1_word_or_sentence(seed):
    from helpers.primer import three_pieces

    pieces = three_pieces(seed)
    assert pieces[1] in [str(s) for s in seed.sentences] and pieces[0] in [str(w) for w in seed.words]
    assert check("00.1", ["word", "sentence", "word"], seed).passed
    assert check("00.1", ["Word", "SENTENCE ", "word"], seed).passed
    # the plausible mistake: the one-word sentence taken for a word
    wrong = check("00.1", ["word", "word", "word"], seed)
    assert wrong.status == "not yet" and "B" in wrong.message
    assert check("00.1", ["sentence", "sentence", "word"], seed).status == "not yet"
    assert check("00.1", ["word", "sentence"], seed).status == "not yet"
    assert check("00.1", ["word", "paragraph", "word"], seed).status == "not yet"


def test_00_2_paragraph_two_counts_from_one(seed):
    assert check("00.2", seed.paragraphs[1], seed).passed
    off_by_one = check("00.2", seed.paragraphs[2], seed)  # the plausible mistake: Python's [2]
    assert off_by_one.status == "not yet" and "counts from 0" in off_by_one.message
    assert "lede" in check("00.2", seed.paragraphs[0], seed).message
    assert check("00.2", 2, seed).status == "not yet"
    short = load_article(text="Title\n\nOnly one paragraph here.")
    assert check("00.2", "Only one paragraph here.", short).status == "not yet"


@pytest.mark.parametrize("exercise_id, right, wrong", [("00.3", "b", ["a", "c", "d", "z"]),
                                                       ("00.4", "c", ["a", "b", "d", "quotes"])])
def test_00_3_and_00_4_read_the_evidence(seed, exercise_id, right, wrong):
    assert check(exercise_id, right, seed).passed
    assert check(exercise_id, f"({right.upper()})", seed).passed
    for answer in wrong:
        feedback = check(exercise_id, answer, seed)
        assert feedback.status == "not yet" and feedback.message
    assert check(exercise_id, 2, seed).status == "not yet"


def test_00_5_reads_the_course_error(seed):
    assert check("00.5", "karabakh_2023-09-19.txt", seed).passed
    assert check("00.5", "seeds/karabakh_2023-09-19.txt", seed).passed
    missing = check("00.5", "karabakh.txt", seed)  # the plausible mistake: the name that was not found
    assert missing.status == "not yet" and "not found" in missing.message
    assert check("00.5", "karabakh_2023-09-19", seed).status == "not yet"
    assert check("00.5", "other.txt", seed).status == "not yet"
