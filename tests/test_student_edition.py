"""The student edition (``make student``): current, free of solutions, runnable unanswered, and safe for students' work.

The first tests look at the committed ``notebooks/exercises/``; the rest build
small solution notebooks here and show that the generator and each of these
checks do what they promise (including noticing when a rule is broken).
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

from helpers import load_article
from helpers.exercises import check
from tools.notebooks import EXERCISES_DIR, KERNELSPEC, read_notebook, solution_notebooks, student_path, write_notebook
from tools.student import (
    ANSWER_STUB, BACKUP_DIR_NAME, BEGIN, CODE_STUB, END, RECORD_NAME, RecordError, StudentEditionError, assigned_names,
    build_student_edition, check_calls, main, solution_regions, stub_code, stub_markdown, text_hash,
    write_student_edition,
)

NOTEBOOKS = solution_notebooks()
STUB_LINE = re.compile(r"^\s*(\w+) = \.\.\.$")


# --- what the checks below look for ------------------------------------------------------------

def stale(paths, folder) -> list[str]:
    """Differences between the student edition in ``folder`` and what ``make student`` would write now."""
    expected = build_student_edition(paths)
    problems = []
    for name, text in expected.items():
        path = folder / name
        if not path.exists():
            problems.append(f"{name} is missing from the student edition: run `make student`")
        elif path.read_text(encoding="utf-8").replace("\r\n", "\n") != text:
            problems.append(f"{name} is not what `make student` writes now: run `make student` "
                            "(and commit notebooks/exercises/)")
    for path in sorted(folder.glob("*.ipynb")):
        if path.name not in expected:
            problems.append(f"{path.name} has no solution notebook: run `make student` to remove it")
    return problems


def _solution_lines(solution) -> tuple[set[str], set[str]]:
    """(lines inside solution regions, lines anywhere else) of a solution notebook, stripped."""
    inside, outside = set(), set()
    for cell in solution.cells:
        lines = cell.source.splitlines()
        if cell.cell_type != "raw" and "solution" in cell.metadata.get("tags", []) and not solution_regions(lines):
            inside |= {line.strip() for line in lines}
            continue
        position = 0
        for begin, end in solution_regions(lines):
            outside |= {line.strip() for line in lines[position:begin]}
            inside |= {line.strip() for line in lines[begin + 1:end]}
            position = end + 1
        outside |= {line.strip() for line in lines[position:]}
    return inside - {""}, outside


def leaks(solution, student) -> list[str]:
    """Solution text, markers, outputs or execution counts left in a student notebook."""
    inside, outside = _solution_lines(solution)
    # What the stubs themselves write ("x = ...", "pass") tells nothing, even if a solution has it too.
    secret = {line for line in inside - outside if not STUB_LINE.match(line)} - {CODE_STUB, ANSWER_STUB, "pass"}
    problems = []
    for index, cell in enumerate(student.cells, start=1):
        for line in cell.source.splitlines():
            if line.strip() in (BEGIN, END):
                problems.append(f"cell {index}: a solution marker survived ({line.strip()})")
            elif line.strip() in secret:
                problems.append(f"cell {index}: solution text survived: {line.strip()[:80]!r}")
        if cell.cell_type == "code" and (cell.outputs or cell.execution_count is not None):
            problems.append(f"cell {index}: outputs or an execution count survived (nbval would compare them)")
    return problems


def unanswered_feedback(student, article) -> list[tuple[str, object]]:
    """For every check(...) in a student notebook: (exercise id, feedback on the stub's placeholder).

    The answer expression of each check is evaluated with the names its stub sets to ``...``.
    """
    results, placeholders = [], {}
    for cell in student.cells:
        if cell.cell_type != "code":
            continue
        for exercise_id, answers in check_calls(cell.source):
            try:
                answer = eval(answers[0], {"article": article, **placeholders})  # noqa: S307 - our own notebooks
            except NameError as error:
                answer = error
            results.append((exercise_id, answer if isinstance(answer, NameError) else check(exercise_id, answer, article)))
        placeholders = {m[1]: ... for m in map(STUB_LINE.match, cell.source.splitlines()) if m}
    return results


# --- the committed student edition --------------------------------------------------------------

def test_committed_student_edition_is_current():
    problems = stale(NOTEBOOKS, EXERCISES_DIR)
    assert not problems, "\n".join(problems)


def test_hash_record_matches_the_committed_files():
    record = json.loads((EXERCISES_DIR / RECORD_NAME).read_text(encoding="utf-8"))["sha256"] if NOTEBOOKS else {}
    files = {p.name: text_hash(p.read_text(encoding="utf-8")) for p in EXERCISES_DIR.glob("*.ipynb")}
    assert record == files, (f"notebooks/exercises/{RECORD_NAME} does not match the student notebooks, so "
                             "`make student` would refuse to update them on a fresh clone: run `make student` "
                             "(FORCE=1 if the files were edited by hand) and commit both")


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_no_solution_text_survives(path):
    committed = student_path(path)
    assert committed.exists(), f"notebooks/exercises/{committed.name} is missing: run `make student`"
    problems = leaks(read_notebook(path), read_notebook(committed))
    assert not problems, f"notebooks/exercises/{committed.name}:\n  " + "\n  ".join(problems)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_unanswered_checks_say_not_answered_yet(path):
    student = nbformat.reads(build_student_edition(NOTEBOOKS)[student_path(path).name], as_version=4)
    results = unanswered_feedback(student, load_article())
    assert results, f"{path.name}: no check(...) calls in the student edition"
    for exercise_id, feedback in results:
        assert not isinstance(feedback, NameError), (
            f'{path.name}: check("{exercise_id}", ...) reads a name its solution region does not assign '
            f"({feedback}): assign the answer inside {BEGIN} ... {END}")
        assert feedback.status == "unanswered" and "Not answered yet" in repr(feedback), (
            f'{path.name}: unanswered, check("{exercise_id}", ...) says {feedback!r}; '
            "its answer must be the name the solution region assigns")


# --- the stubs ----------------------------------------------------------------------------------

@pytest.mark.parametrize("code, names", [
    ("n = len(words)", ["n"]),
    ("a, (b, *c) = 1, (2, 3, 4)", ["a", "b", "c"]),
    ("x = y = 0", ["x", "y"]),
    ("total = 0\nfor word in words:\n    total += len(word)", ["total"]),
    ("count += 1", ["count"]),
    ("share: float = 0.5", ["share"]),
    ("if (n := len(words)) > 3:\n    big = True\nelse:\n    big = False", ["n", "big"]),
    ("def score(text):\n    inner = 1\n    return inner\nclass Coder:\n    pass", ["score", "Coder"]),
    ("import re\nfrom collections import Counter\ncounts = Counter()", ["counts"]),
    ("counts['a'] = 1\narticle.note = 2", []),
    ("with open(p) as f:\n    text = f.read()", ["text"]),
    ("try:\n    v = int(s)\nexcept ValueError as e:\n    v = None", ["v"]),
    ("squares = [k * k for k in range(3)]", ["squares"]),
    ("%time n = 3\nm = 4", ["m"]),
])
def test_assigned_names(code, names):
    assert assigned_names(code) == names


def test_loop_variable_is_stubbed_when_the_check_uses_it():
    code = "for sentence in article.sentences:\n    if 'Baku' in sentence:\n        break"
    assert assigned_names(code) == []
    assert assigned_names(code, keep={"sentence", "article"}) == ["sentence"]


def test_stub_code_keeps_the_code_around_the_region():
    source = f"# Exercise 1.1\n{BEGIN}\nlengths = [len(s) for s in article.sentences]\nanswer = max(lengths)\n{END}\nprint('done')"
    assert stub_code(source) == f"# Exercise 1.1\n{CODE_STUB}\nlengths = ...\nanswer = ...\nprint('done')"


def test_stub_code_in_an_indented_block():
    source = f"def f(x):\n    {BEGIN}\n    y = x * 2\n    {END}\n    return y"
    assert stub_code(source) == f"def f(x):\n    {CODE_STUB}\n    y = ...\n    return y"
    empty = f"for s in article.sentences:\n    {BEGIN}\n    print(s)\n    {END}"
    stub = stub_code(empty)
    assert stub == f"for s in article.sentences:\n    {CODE_STUB}\n    pass"
    compile(stub, "<stub>", "exec")


def test_region_that_assigns_nothing_becomes_only_the_comment():
    assert stub_code(f"{BEGIN}\nprint(article.title)\n{END}") == CODE_STUB


def test_stub_markdown_keeps_the_text_around_the_answer():
    source = f"Your answer:\n{BEGIN}\nThe figure comes from “a source”.\n{END}\nThen compare."
    assert stub_markdown(source) == f"Your answer:\n{ANSWER_STUB}\nThen compare."


@pytest.mark.parametrize("source, message", [
    (f"{BEGIN}\nx = 1", "without an"),
    (f"x = 1\n{END}", "without a"),
    (f"{BEGIN}\n{BEGIN}\nx = 1\n{END}\n{END}", "inside another"),
])
def test_unbalanced_markers_are_refused(source, message):
    with pytest.raises(StudentEditionError, match=message):
        stub_code(source)


# --- a small course built here ------------------------------------------------------------------

def _solution_notebook(title="# 07 · Sample", answer_line="n_paragraphs = len(article.paragraphs)"):
    cells = [
        new_markdown_cell(f"{title}\n\n**What you will learn**\n- x\n\n**Time:** about 5 minutes\n\n"
                          "**Prerequisites:** none"),
        new_markdown_cell("<!-- navigation -->", metadata={"tags": ["navigation"]}),
        new_code_cell("ARTICLE = None  # None: the course article; or the path of another plain-text article",
                      metadata={"tags": ["parameters"]}, execution_count=1),
        new_code_cell("from helpers import check, load_article\narticle = load_article(ARTICLE)", execution_count=2),
        new_markdown_cell("### Exercise 7.1 · Paragraphs\n\nHow many body paragraphs?"),
        new_code_cell(f"{BEGIN}\nlengths = [len(p) for p in article.paragraphs]\n{answer_line}\n{END}",
                      execution_count=3),
        new_code_cell('check("01.1", n_paragraphs, article)', execution_count=4,
                      outputs=[new_output("execute_result", data={"text/plain": "✅ Exercise 01.1: Correct."}, execution_count=4)]),
        new_markdown_cell(f"Why?\n{BEGIN}\nBecause headlines are not paragraphs.\n{END}"),
        new_markdown_cell("Subheadings are titles.", metadata={"tags": ["solution"]}),
    ]
    nb = new_notebook(cells=cells, metadata={"kernelspec": dict(KERNELSPEC), "language_info": {"name": "python", "version": "3.11.7"}})
    for k, cell in enumerate(nb.cells):
        cell.id = f"cell-{k}"
    return nb


@pytest.fixture
def course(tmp_path):
    """A folder with two solution notebooks; returns (their paths, the exercises folder)."""
    first, second = tmp_path / "07_sample.ipynb", tmp_path / "08_more.ipynb"
    write_notebook(first, _solution_notebook())
    write_notebook(second, _solution_notebook("# 08 · More"))
    return [first, second], tmp_path / "exercises"


def test_student_notebook_shape(course):
    paths, folder = course
    student = nbformat.reads(build_student_edition(paths)["07_sample_exercises.ipynb"], as_version=4)
    assert "Student edition" in student.cells[0].source and "(../07_sample.ipynb)" in student.cells[0].source
    assert student.cells[1].source.startswith("# 07 · Sample")
    assert "[08 · More →](08_more_exercises.ipynb)" in student.cells[2].source
    assert "[Course map](../START_HERE.md)" in student.cells[2].source
    assert student.cells[6].source == f"{CODE_STUB}\nlengths = ...\nn_paragraphs = ..."
    assert student.cells[8].source == f"Why?\n{ANSWER_STUB}"
    assert student.cells[9].source == ANSWER_STUB
    assert student.cells[3].source.startswith("ARTICLE = None")
    assert dict(student.metadata) == {"kernelspec": KERNELSPEC, "language_info": student.metadata.language_info}
    assert "version" not in student.metadata.language_info
    assert leaks(_solution_notebook(), student) == []


def test_generation_is_deterministic(course):
    paths, folder = course
    assert build_student_edition(paths) == build_student_edition(paths)
    write_student_edition(paths, folder)
    first = {p.name: p.read_bytes() for p in folder.iterdir()}
    outcome = write_student_edition(paths, folder)
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == first
    assert outcome.written == [] and len(outcome.unchanged) == 2


def test_an_edited_exercise_file_is_not_overwritten(course, capsys):
    paths, folder = course
    write_student_edition(paths, folder)
    mine = folder / "07_sample_exercises.ipynb"
    student_work = mine.read_text(encoding="utf-8").replace("n_paragraphs = ...", "n_paragraphs = 14")
    mine.write_text(student_work, encoding="utf-8")
    write_notebook(paths[0], _solution_notebook(answer_line="n_paragraphs = len(article.paragraphs)  # body"))

    outcome = write_student_edition(paths, folder)
    assert outcome.refused == [mine] and mine.read_text(encoding="utf-8") == student_work

    assert main(["--dir", str(paths[0].parent)]) == 1
    message = capsys.readouterr().err
    assert "07_sample_exercises.ipynb" in message and "make student FORCE=1" in message and "--force" in message
    assert mine.read_text(encoding="utf-8") == student_work

    assert main(["--dir", str(paths[0].parent), "--force"]) == 0
    assert "n_paragraphs = 14" not in mine.read_text(encoding="utf-8")
    assert stale(paths, folder) == []


def test_force_keeps_a_timestamped_copy_of_every_edited_file_and_says_where(course, capsys):
    """make student FORCE=1 used to overwrite a student's answers with no copy left anywhere."""
    paths, folder = course
    write_student_edition(paths, folder)
    mine, untouched = folder / "07_sample_exercises.ipynb", folder / "08_more_exercises.ipynb"
    student_work = mine.read_text(encoding="utf-8").replace("n_paragraphs = ...", "n_paragraphs = 14")
    mine.write_text(student_work, encoding="utf-8")
    write_notebook(paths[0], _solution_notebook(answer_line="n_paragraphs = len(article.paragraphs)  # body"))
    capsys.readouterr()

    assert main(["--dir", str(paths[0].parent), "--force"]) == 0
    copies = sorted((folder / BACKUP_DIR_NAME).glob("*"))
    assert len(copies) == 1 and re.fullmatch(r"07_sample_exercises\.\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d\.bak\.ipynb",
                                             copies[0].name)
    assert copies[0].read_text(encoding="utf-8") == student_work  # the answers, exactly as the student left them
    printed = capsys.readouterr().out
    assert "07_sample_exercises.ipynb" in printed and copies[0].name in printed and BACKUP_DIR_NAME in printed
    assert "08_more" not in " ".join(p.name for p in copies)  # an unedited file needs no copy
    assert untouched.exists() and stale(paths, folder) == []


def test_force_keeps_a_copy_of_an_edited_file_it_removes(course):
    paths, folder = course
    write_student_edition(paths, folder)
    (folder / "08_more_exercises.ipynb").write_text("my answers", encoding="utf-8")
    paths[1].unlink()
    outcome = write_student_edition(paths[:1], folder, force=True)
    assert outcome.removed == [folder / "08_more_exercises.ipynb"]
    (edited, kept), = outcome.backups
    assert edited == folder / "08_more_exercises.ipynb" and kept.read_text(encoding="utf-8") == "my answers"


@pytest.mark.parametrize("damage", ["conflict", "not json", "wrong shape"])
def test_a_damaged_record_gives_one_clear_line(course, capsys, damage):
    """A merge-conflicted .generated.json used to stop make student with a raw JSONDecodeError."""
    paths, folder = course
    write_student_edition(paths, folder)
    record = folder / RECORD_NAME
    text = record.read_text(encoding="utf-8")
    record.write_text({"conflict": "<<<<<<< HEAD\n" + text + "=======\n" + text + ">>>>>>> main\n",
                       "not json": text[: len(text) // 2], "wrong shape": '{"sha256": ["a", "b"]}'}[damage],
                      encoding="utf-8")
    before = {p.name: p.read_bytes() for p in folder.glob("*.ipynb")}
    with pytest.raises(RecordError):
        write_student_edition(paths, folder)
    capsys.readouterr()
    assert main(["--dir", str(paths[0].parent)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and RECORD_NAME in err[0] and "JSONDecodeError" not in err[0] and "git checkout" in err[0]
    assert ("merge-conflict" in err[0]) == (damage == "conflict")
    assert {p.name: p.read_bytes() for p in folder.glob("*.ipynb")} == before  # nothing was written


def test_backups_of_student_work_are_not_collected_as_notebooks(tmp_path):
    """The course's conftest.py keeps nbval away from notebooks/exercises/backups/."""
    root = Path(__file__).resolve().parent.parent
    shutil.copy(root / "conftest.py", tmp_path / "conftest.py")
    backups = tmp_path / "notebooks" / "exercises" / BACKUP_DIR_NAME
    backups.mkdir(parents=True)
    nb = _solution_notebook()
    write_notebook(tmp_path / "notebooks" / "exercises" / "07_sample_exercises.ipynb", nb)
    write_notebook(backups / "07_sample_exercises.2026-12-01T14-03-07.bak.ipynb", nb)
    result = subprocess.run([sys.executable, "-m", "pytest", "--collect-only", "-q", "--nbval", "-p", "no:xdist",
                             "-p", "no:cacheprovider", "notebooks"], cwd=tmp_path, capture_output=True, text=True)
    assert "exercises/07_sample_exercises.ipynb" in result.stdout, result.stdout + result.stderr
    assert "bak.ipynb" not in result.stdout


def _readme_restore_commands() -> list[str]:
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    advice = next(block for block in readme.split("\n- ") if "Tests fail after you ran cells" in block)
    advice = advice.split("Never")[0]  # what follows is the warning about the command not to use
    return [c for c in re.findall(r"`([^`]+)`", advice) if c.startswith("git ")]


def test_the_readme_s_restore_advice_spares_the_students_answers(tmp_path):
    """Its advice used to be `git checkout notebooks/`, which also threw away notebooks/exercises/."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    commands = _readme_restore_commands()
    assert commands, "the README gives no git command to restore the solution notebooks"
    for command in commands:
        repo = tmp_path / f"repo{commands.index(command)}"
        (repo / "notebooks" / "exercises").mkdir(parents=True)
        solution = repo / "notebooks" / "01_reading.ipynb"
        exercise = repo / "notebooks" / "exercises" / "01_reading_exercises.ipynb"
        solution.write_text("solution as committed", encoding="utf-8")
        exercise.write_text("student edition as committed", encoding="utf-8")
        git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", "-c", "init.defaultBranch=main"]
        for step in (["init", "-q"], ["add", "."], ["commit", "-qm", "course"]):
            subprocess.run(git + step, cwd=repo, check=True, capture_output=True)
        solution.write_text("cells run by hand", encoding="utf-8")
        exercise.write_text("the student's answers", encoding="utf-8")
        subprocess.run(command, shell=True, cwd=repo, check=True, capture_output=True)
        assert solution.read_text(encoding="utf-8") == "solution as committed", command
        assert exercise.read_text(encoding="utf-8") == "the student's answers", f"{command} lost the answers"


def test_an_untouched_exercise_file_is_updated_and_a_removed_notebook_goes(course):
    paths, folder = course
    write_student_edition(paths, folder)
    write_notebook(paths[0], _solution_notebook(title="# 07 · Renamed"))
    paths[1].unlink()
    outcome = write_student_edition(paths[:1], folder)
    assert outcome.written == [folder / "07_sample_exercises.ipynb"] and outcome.removed == [folder / "08_more_exercises.ipynb"]
    assert stale(paths[:1], folder) == []
    assert list(json.loads((folder / RECORD_NAME).read_text())["sha256"]) == ["07_sample_exercises.ipynb"]


# --- each check notices when its rule is broken ---------------------------------------------------

def test_stale_notices_an_out_of_date_edition(course):
    paths, folder = course
    write_student_edition(paths, folder)
    assert stale(paths, folder) == []
    write_notebook(paths[0], _solution_notebook(title="# 07 · A new title"))
    assert any("07_sample_exercises.ipynb is not what" in p for p in stale(paths, folder))
    (folder / "09_gone_exercises.ipynb").write_text("{}", encoding="utf-8")
    assert any("09_gone_exercises.ipynb has no solution notebook" in p for p in stale(paths, folder))
    (folder / "08_more_exercises.ipynb").unlink()
    assert any("08_more_exercises.ipynb is missing" in p for p in stale(paths, folder))


@pytest.mark.parametrize("breakage", ["solution line", "written answer", "marker", "output"])
def test_leaks_notices_surviving_solution_text(course, breakage):
    paths, _ = course
    solution = _solution_notebook()
    student = nbformat.reads(build_student_edition(paths)["07_sample_exercises.ipynb"], as_version=4)
    if breakage == "solution line":
        student.cells[6].source += "\nn_paragraphs = len(article.paragraphs)"
    elif breakage == "written answer":
        student.cells[9].source = "Subheadings are titles."
    elif breakage == "marker":
        student.cells[6].source = f"{BEGIN}\n" + student.cells[6].source
    else:
        student.cells[7].outputs = [new_output("stream", name="stdout", text="14\n")]
    assert leaks(solution, student)


def test_unanswered_feedback_notices_an_answer_not_reset(course):
    paths, _ = course
    article = load_article()
    student = nbformat.reads(build_student_edition(paths)["07_sample_exercises.ipynb"], as_version=4)
    assert [(i, f.status) for i, f in unanswered_feedback(student, article)] == [("01.1", "unanswered")]
    student.cells[6].source = CODE_STUB  # the stub forgot n_paragraphs = ...
    assert isinstance(unanswered_feedback(student, article)[0][1], NameError)
    student.cells[6].source = f"{CODE_STUB}\nn_paragraphs = ..."
    student.cells[7].source = 'check("01.1", "B", article)'  # not the stub's name (01.1: the dating question)
    assert unanswered_feedback(student, article)[0][1].status == "correct"
