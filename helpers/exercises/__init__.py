"""Instant feedback on exercises.

Each exercise in a notebook is followed by a check::

    check("01.1", n_paragraphs, article)

which answers in one of four ways, always in words as well as a symbol (a
screen without an emoji font still shows the words):

* ``⏳ Not answered yet`` -- the answer is still the placeholder ``...``;
* ``✅ Correct`` -- with a sentence that says why it is right;
* ``❌ Not yet`` -- with a hint that teaches, never the answer itself;
* ``☑ Complete`` -- for an answer that is a reading of the text (a coding, a
  judgement): the answer is complete and readable, but a machine cannot say
  that the reading is right.  The message says what to compare it with.

The checks compare your answer with what the helpers compute on the article
you are working on, so they stay right when you analyse another article.
They live in one module per notebook (``ex01_reading.py``, ...), each check
registered with ``@exercise("NN.M")``.

Every exercise is one of three kinds (:data:`KINDS`), recorded as a tag on its
heading cell: ``judgement`` (a decision from evidence: which sentence, which
voice, which reading), ``compute`` (one to three lines of code) or ``written``
(a written answer, discussed with the rubric in the instructor guide).

A check's output also records, invisibly (in the output's metadata), the answer it
was given, so that the course's tests can see whether a worked answer was simply
printed above the exercise.
"""

from __future__ import annotations

import importlib
import math
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass

__all__ = ["check", "exercise", "Feedback", "correct", "not_yet", "complete", "is_unanswered", "registered",
           "is_whole_number", "is_number", "choice", "KINDS"]

#: The kinds of exercise; the heading cell of every exercise carries exactly one of them as a tag.
KINDS = ("judgement", "compute", "written")

_CHECKS: dict[str, Callable] = {}
_loaded = False


@dataclass(frozen=True)
class Feedback:
    """The result of a check: ``status`` is "unanswered", "correct", "not yet" or "complete"."""

    exercise: str
    status: str
    message: str
    answer: object = None  # what the check was given (a summary: see answer_record)

    @property
    def passed(self) -> bool:
        """True only for "correct" ("complete" is not a verdict on the reading)."""
        return self.status == "correct"

    @property
    def done(self) -> bool:
        """True for an answer that needs no more work from the check's point of view: correct or complete."""
        return self.status in ("correct", "complete")

    @property
    def label(self) -> str:
        """The verdict in words: "Correct", "Not yet", "Not answered yet" or "Complete"."""
        return LABELS[self.status]

    def __repr__(self) -> str:
        return f"{ICONS[self.status]} Exercise {self.exercise}: {self.label}. {self.message}".rstrip()

    def __bool__(self) -> bool:
        return self.passed

    def _repr_mimebundle_(self, include=None, exclude=None):
        """In a notebook: the verdict as text, and (in the output's metadata) the answer the check was given."""
        record = {"exercise": self.exercise, "status": self.status, "answer": answer_record(self.answer)}
        return {"text/plain": repr(self)}, {"course_check": record}


def answer_record(answer):
    """A small, JSON-friendly summary of an answer, kept in the check's output metadata.

    Numbers, strings (up to 300 characters), True/False/None and lists of them
    are kept as they are; anything else is recorded by its type name only.
    """
    if answer is None or isinstance(answer, (bool, int, float)):
        if isinstance(answer, float) and not math.isfinite(answer):
            return {"type": "float"}
        return answer.item() if hasattr(answer, "item") else answer
    if isinstance(answer, str):
        return str(answer) if len(answer) <= 300 else {"type": "str"}
    if isinstance(answer, (list, tuple)) and len(answer) <= 50:
        items = [answer_record(a) for a in answer]
        if not any(isinstance(a, dict) for a in items):
            return items
    if hasattr(answer, "item") and getattr(answer, "shape", None) == ():  # a numpy number
        return answer_record(answer.item())
    return {"type": type(answer).__name__}


#: The symbol and the words of each verdict.
ICONS = {"unanswered": "⏳", "correct": "✅", "not yet": "❌", "complete": "☑"}
LABELS = {"unanswered": "Not answered yet", "correct": "Correct", "not yet": "Not yet", "complete": "Complete"}
STATUSES = tuple(ICONS)


def correct(message: str = "") -> tuple[str, str]:
    """Return this from a check when the answer is right (say why)."""
    return ("correct", message)


def not_yet(hint: str) -> tuple[str, str]:
    """Return this from a check when the answer is not right yet (give a hint, not the answer)."""
    return ("not yet", hint)


def complete(message: str) -> tuple[str, str]:
    """Return this when an answer is a reading of the text that is complete, but cannot be marked right.

    Say what the student should compare it with (a second coder, the rubric).
    """
    return ("complete", message)


def is_unanswered(answer) -> bool:
    """True for the placeholder ``...`` (also inside a list, tuple, set or dict)."""
    if answer is Ellipsis:
        return True
    if isinstance(answer, (list, tuple, set, frozenset)):
        return any(is_unanswered(a) for a in answer)
    if isinstance(answer, dict):
        return any(is_unanswered(a) for a in answer.values()) or Ellipsis in answer
    return False


def is_whole_number(value) -> bool:
    """True for an int (True and False are not numbers here)."""
    return isinstance(value, int) and not isinstance(value, bool)


def is_number(value) -> bool:
    """True for a finite int or float (not True/False, not nan or infinity)."""
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def choice(answer) -> str:
    """A multiple-choice answer made comparable: ``"B) "``, ``" b"`` and ``"(b)"`` all become ``"b"``.

    A longer text is returned lower-cased with spaces tidied, so a check can compare words too.
    """
    text = " ".join(str(answer).split()).lower()
    letter = text.strip("()[].:) ")
    return letter if len(letter) == 1 else text


def exercise(exercise_id: str):
    """Register a check function ``f(answer, article) -> correct(...) | not_yet(...)``."""

    def register(function: Callable) -> Callable:
        if exercise_id in _CHECKS and _CHECKS[exercise_id] is not function:
            raise ValueError(f"two checks registered for exercise {exercise_id}")
        _CHECKS[exercise_id] = function
        return function

    return register


def _load_all() -> None:
    global _loaded
    if not _loaded:
        for module in pkgutil.iter_modules(__path__):
            importlib.import_module(f"{__name__}.{module.name}")
        _loaded = True


def registered() -> list[str]:
    """The ids of every exercise that has a check."""
    _load_all()
    return sorted(_CHECKS)


def check(exercise_id: str, answer, article=None) -> Feedback:
    """Check ``answer`` to exercise ``exercise_id`` (on ``article``; the course article if omitted).

    An answer that is (or contains) the placeholder ``...`` is "not answered yet".
    An answer the check cannot even read (a number where a list is expected, ...)
    gets "not yet" with the reason, instead of a traceback.
    Raises ``KeyError`` (listing the known ids) for an exercise without a check.
    """
    _load_all()
    if exercise_id not in _CHECKS:
        raise KeyError(f"no check for exercise {exercise_id!r}; known: {', '.join(sorted(_CHECKS)) or 'none'}")
    if is_unanswered(answer):
        return Feedback(exercise_id, "unanswered", "Replace the ... with your answer and run the cell again.", answer)
    if article is None:
        from ..article import load_article

        article = load_article()
    try:
        result = _CHECKS[exercise_id](answer, article)
    except Exception as error:  # an answer of an unexpected kind: feedback, not a traceback
        return Feedback(exercise_id, "not yet",
                        f"The check could not use your answer (a {type(answer).__name__}: "
                        f"{type(error).__name__}: {error}). Give the kind of value the exercise asks for.", answer)
    if not (isinstance(result, tuple) and len(result) == 2 and result[0] in ("correct", "not yet", "complete")):
        raise TypeError(f"the check of exercise {exercise_id} must return correct(...), not_yet(...) or complete(...), "
                        f"not {result!r}")
    status, message = result
    return Feedback(exercise_id, status, message, answer)
