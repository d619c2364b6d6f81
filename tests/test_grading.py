"""make grade: every kind of submission gets an honest row, and no submission is ever changed.

The submissions are built here from the course's own notebook 01 (its
solution notebook and its student edition), so they follow the course as it
changes: an untouched student edition, a fully solved one, a partly solved
one, one with an error, one with an infinite loop, one whose check cells were
deleted, one with a pasted ✅ output, one whose check cell was edited, one
that redefines ``check``, a renamed file, a file that is not a notebook, and
a broken notebook file.
"""

from __future__ import annotations

import copy
import csv
import hashlib
import json
from pathlib import Path

import nbformat
import pytest

from tools.grading.cli import find_submissions, grade_folder, main, student_name
from tools.grading.exercises import course_exercises, identify_notebook
from tools.grading.report import rubric, write_report
from tools.notebooks import read_notebook, solution_notebooks, student_path
from tools.student import check_calls

pytestmark = pytest.mark.kernel

SOLUTION = next(p for p in solution_notebooks() if p.name.startswith("01_"))
STUDENT = student_path(SOLUTION)
EXERCISES = course_exercises(SOLUTION)
CHECKED = [e for e in EXERCISES if e.checked]


def _write(nb, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, str(path))
    return path


def _solution_cells() -> dict:
    return {c.get("id"): c for c in read_notebook(SOLUTION).cells}


def _solve(nb, exercise_ids) -> None:
    """Put the worked solution of these exercises back into a student edition (cells matched by id)."""
    solved = _solution_cells()
    wanted = {e.id: set(e.cell_ids) for e in EXERCISES if e.id in exercise_ids}
    for index, cell in enumerate(nb.cells):
        if any(cell.get("id") in ids for ids in wanted.values()) and cell.cell_type == "code":
            nb.cells[index] = copy.deepcopy(solved[cell.get("id")])


def _answer_cell(nb, exercise):
    """The student's code cell that holds this exercise's answer stub."""
    for cell in nb.cells:
        if cell.get("id") in exercise.cell_ids and cell.cell_type == "code" and f"{exercise.answer_name} = ..." in cell.source:
            return cell
    raise AssertionError(f"no stub for {exercise.id}")


def _is_check(cell) -> bool:
    return cell.cell_type == "code" and bool(check_calls(cell.source))


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    """One class of submissions, graded once (the default limits: a busy machine must not change a verdict)."""
    folder = tmp_path_factory.mktemp("class")
    student = read_notebook(STUDENT)
    first, second = CHECKED[0], CHECKED[1]

    _write(student, folder / "untouched" / STUDENT.name)
    _write(read_notebook(SOLUTION), folder / "solved" / STUDENT.name)
    partly = copy.deepcopy(student)
    _solve(partly, {first.id})
    _write(partly, folder / "partly" / STUDENT.name)
    error = copy.deepcopy(student)
    _solve(error, {e.id for e in CHECKED})
    _answer_cell(student, first)  # the stub exists in the student edition
    for index, cell in enumerate(error.cells):
        if cell.get("id") == _answer_cell(student, first).get("id"):
            error.cells[index].source = f"{first.answer_name} = len(no_such_name)"
    _write(error, folder / "error" / STUDENT.name)
    deleted = read_notebook(SOLUTION)
    deleted.cells = [c for c in deleted.cells if not _is_check(c)]
    _write(deleted, folder / "deleted_checks" / STUDENT.name)
    faked = copy.deepcopy(student)
    for cell in faked.cells:
        if _is_check(cell):
            exercise_id = check_calls(cell.source)[0][0]
            cell.execution_count = 1
            cell.outputs = [nbformat.v4.new_output("execute_result", execution_count=1,
                                                   data={"text/plain": f"✅ Exercise {exercise_id}: Correct."})]
    _write(faked, folder / "faked" / STUDENT.name)
    edited = copy.deepcopy(student)
    for cell in edited.cells:
        if _is_check(cell) and check_calls(cell.source)[0][0] == first.id:
            cell.source = f'print("✅ Exercise {first.id}: Correct.")'
    _write(edited, folder / "edited_check" / STUDENT.name)
    cheat = copy.deepcopy(student)
    cheat.cells.insert(4, nbformat.v4.new_code_cell('def check(*args, **kwargs):\n    return "✅ Correct"'))
    _write(cheat, folder / "redefined_check" / STUDENT.name)
    _write(read_notebook(SOLUTION), folder / "renamed" / "my homework (final).ipynb")
    (folder / "not_a_notebook").mkdir()
    (folder / "not_a_notebook" / "answers.docx").write_bytes(b"PK\x03\x04 not a notebook")
    (folder / "broken").mkdir()
    (folder / "broken" / "01_reading_exercises.ipynb").write_text('{"cells": [', encoding="utf-8")
    written = copy.deepcopy(student)
    for cell in written.cells:
        if cell.get("id") in {e.written_cell for e in EXERCISES if e.written_cell}:
            cell.source = "I would trace it <script>alert(1)</script> to the ombudsman's post."
    _write(written, folder / "writer" / STUDENT.name)

    before = {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in find_submissions(folder)}
    results, exercises = grade_folder(folder, workers=2)
    after = {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in find_submissions(folder)}
    return {"folder": folder, "results": {r.student: r for r in results}, "exercises": exercises,
            "before": before, "after": after}


def verdicts(graded, student) -> dict:
    return {v.exercise: v.verdict for v in graded["results"][student].verdicts}


def test_submissions_are_never_modified(graded):
    assert graded["before"] == graded["after"]
    assert not [p for p in find_submissions(graded["folder"]) if p.name not in
                {STUDENT.name, "my homework (final).ipynb", "answers.docx", "01_reading_exercises.ipynb"}]


def test_an_untouched_student_edition_is_not_answered(graded):
    assert set(verdicts(graded, "untouched").values()) == {"not answered"}


def test_a_fully_solved_notebook_passes_every_check(graded):
    got = verdicts(graded, "solved")
    assert {got[e.id] for e in CHECKED} <= {"correct", "complete"}
    assert any(got[e.id] == "correct" for e in CHECKED)
    assert {got[e.id] for e in EXERCISES if not e.checked} <= {"written"}


def test_a_partly_solved_notebook_gets_exactly_what_it_did(graded):
    got = verdicts(graded, "partly")
    assert got[CHECKED[0].id] in ("correct", "complete")
    assert {got[e.id] for e in CHECKED[1:]} == {"not answered"}


def test_an_error_is_an_error_and_the_rest_still_counts(graded):
    got = verdicts(graded, "error")
    assert got[CHECKED[0].id] == "error"
    message = next(v.message for v in graded["results"]["error"].verdicts if v.exercise == CHECKED[0].id)
    assert "NameError" in message and "no_such_name" in message
    assert {got[e.id] for e in CHECKED[1:]} <= {"correct", "complete"}


def test_an_infinite_loop_is_stopped_and_the_notebook_goes_on(tmp_path):
    """A solved notebook whose first exercise loops for ever: that cell is stopped, the rest is graded."""
    student = read_notebook(STUDENT)
    loop = read_notebook(SOLUTION)
    stub = _answer_cell(student, CHECKED[0]).get("id")
    for cell in loop.cells:
        if cell.get("id") == stub:
            cell.source = "while True:\n    pass"
    _write(loop, tmp_path / "class" / "loop" / STUDENT.name)
    results, _ = grade_folder(tmp_path / "class", cell_timeout=10, workers=1)
    got = {v.exercise: v for v in results[0].verdicts}
    assert got[CHECKED[0].id].verdict == "error"
    assert "ran longer than 10 s" in got[CHECKED[0].id].message
    assert "did not run" not in {got[e.id].verdict for e in CHECKED[1:]}
    assert any(got[e.id].verdict in ("correct", "complete") for e in CHECKED[1:])


def test_deleting_the_check_cells_changes_nothing(graded):
    assert verdicts(graded, "deleted_checks") == verdicts(graded, "solved")


def test_a_pasted_tick_an_edited_check_or_a_fake_check_earns_nothing(graded):
    for student in ("faked", "edited_check", "redefined_check"):
        assert {verdicts(graded, student)[e.id] for e in CHECKED} == {"not answered"}, student


def test_a_renamed_file_is_recognised_by_its_cells(graded):
    result = graded["results"]["renamed"]
    assert result.notebook == SOLUTION.name
    assert verdicts(graded, "renamed") == verdicts(graded, "solved")


def test_files_that_are_not_notebooks_get_a_row_with_the_reason(graded):
    assert "not a notebook" in graded["results"]["not_a_notebook"].problem
    assert "cannot be opened" in graded["results"]["broken"].problem


def test_the_report_folder(graded, tmp_path):
    guide = tmp_path / "guide"
    guide.mkdir()
    written = [e for e in EXERCISES if e.written_cell]
    number = f"{int(written[0].id[:2])}.{written[0].id[3:]}"
    (guide / f"{written[0].id[:2]}_topic.md").write_text(
        f"# Guide\n\n## Exercise {number} · tracing\n\nFull marks: names the post and a second source.\n\n## Next\n",
        encoding="utf-8")
    out = tmp_path / "report"
    files = write_report(list(graded["results"].values()), graded["exercises"], out, guide)
    assert {p.name for p in files} >= {"gradebook.csv", "summary.html", "summary.png", "index.html"}
    with open(out / "gradebook.csv", encoding="utf-8-sig", newline="") as handle:
        rows = {row["student"]: row for row in csv.DictReader(handle)}
    assert set(rows) == set(graded["results"])
    assert int(rows["solved"]["correct"]) + int(rows["solved"]["complete"]) == len(CHECKED)
    assert int(rows["untouched"]["not answered"]) == len(EXERCISES)
    assert rows["not_a_notebook"]["problems"]
    page = (out / "written" / f"{written[0].id}.html").read_text(encoding="utf-8")
    assert "Full marks: names the post" in page and "## Next" not in page
    assert "&lt;script&gt;" in page and "<script>" not in page
    feedback = (out / "feedback" / "partly.html").read_text(encoding="utf-8")
    assert "not answered" in feedback and "correct" in feedback


def test_student_names_come_from_the_folder_or_the_file_name(tmp_path):
    assert student_name(tmp_path / "alice" / "x" / "01_reading.ipynb", tmp_path) == "alice"
    assert student_name(tmp_path / "bob-01_reading_exercises.ipynb", tmp_path) == "bob"
    assert student_name(tmp_path / "carol.ipynb", tmp_path) == "carol"


def test_the_rubric_is_the_guide_section_of_that_exercise(tmp_path):
    exercise = EXERCISES[0]
    number = f"{int(exercise.id[:2])}.{exercise.id[3:]}"
    (tmp_path / f"{exercise.id[:2]}_x.md").write_text(
        f"## Exercise {number}0 · not this one\nno\n### Exercise {number} · this one\nyes\n## Exercise 9.9\nno\n",
        encoding="utf-8")
    assert rubric(exercise, tmp_path) == f"### Exercise {number} · this one\nyes"


def test_a_wrong_folder_is_one_clear_line(tmp_path, capsys):
    assert main([str(tmp_path / "nowhere")]) == 2
    assert "not a folder" in capsys.readouterr().err


def test_identify_does_not_trust_file_names():
    nb = read_notebook(SOLUTION)
    assert identify_notebook(nb, solution_notebooks(), "07_your_article.ipynb") == SOLUTION
    other = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("# Notes")])
    assert identify_notebook(other, solution_notebooks(), "notes.ipynb") is None


def test_a_folder_without_notebooks_still_gets_a_report(tmp_path):
    (tmp_path / "class").mkdir()
    (tmp_path / "class" / "essay.txt").write_text("not a notebook", encoding="utf-8")
    out = tmp_path / "out"
    assert main([str(tmp_path / "class"), "--out", str(out)]) == 0
    assert "not a notebook" in (out / "gradebook.csv").read_text(encoding="utf-8-sig")
    assert (out / "index.html").is_file()


def test_make_grade_passes_any_folder_name_safely(tmp_path):
    """A backtick, $, quotes, spaces and non-ASCII in the folder name reach the tool unchanged, never a shell."""
    import subprocess
    import sys

    from tools.notebooks import ROOT

    folder = tmp_path / 'class `touch pwned` $HOME "é"'
    folder.mkdir()
    (folder / "essay.txt").write_text("x", encoding="utf-8")
    out = tmp_path / "report $PATH"
    done = subprocess.run(["make", "-s", "grade", f"SUBMISSIONS={folder}", f"OUT={out}", "STAMP=Makefile",
                           f"BIN={Path(sys.executable).parent}"], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert (out / "gradebook.csv").is_file()
    assert not (ROOT / "pwned").exists() and not (tmp_path / "pwned").exists()


def test_the_notebook_time_limit_stops_the_rest(tmp_path):
    """Past the notebook's time limit no student cell runs; the answers taken so far are kept."""
    from tools.grading.exercises import Exercise
    from tools.grading.run import run_submission

    nb = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_markdown_cell("### Exercise 9.1 · first"),
        nbformat.v4.new_code_cell("first = 1\nimport time\ntime.sleep(4)"),
        nbformat.v4.new_markdown_cell("### Exercise 9.2 · second"),
        nbformat.v4.new_code_cell("second = 2"),
    ])
    path = _write(nb, tmp_path / "slow.ipynb")
    exercises = [Exercise("09.1", "first", "x", answer_name="first"), Exercise("09.2", "second", "x", answer_name="second")]
    run = run_submission(path, exercises, cell_timeout=30, notebook_timeout=2)
    assert run.answers["09.1"] == {"value": {"t": "int", "v": "1"}}
    assert nb.cells[3].get("id") in run.not_run and "longer than 2 s" in run.stopped
    from tools.grading.grade import grade_run

    assert [v.verdict for v in grade_run(run, exercises[1:], None)] == ["did not run"]
