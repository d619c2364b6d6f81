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
