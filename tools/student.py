"""The student edition: every solution notebook with its exercises left open.

::

    python -m tools.student           # or: make student
    python -m tools.student --force   # or: make student FORCE=1

For each ``notebooks/NN_topic.ipynb`` this writes ``notebooks/exercises/NN_topic_exercises.ipynb``
(:func:`tools.notebooks.student_path`):

* a first cell saying that this is the student edition and where the worked
  solutions are;
* in code cells, each region between ``### BEGIN SOLUTION`` and
  ``### END SOLUTION`` (nbgrader's markers) becomes ``# YOUR CODE HERE`` plus a
  line ``name = ...`` for every name the solution assigns at top level, so the
  unanswered notebook still runs and each ``check(...)`` says "not answered yet";
* a markdown cell tagged ``solution``, or the part of a markdown cell between
  the markers, becomes *Your answer here.* (text before and after the markers stays);
* outputs and execution counts are cleared, notebook metadata kept minimal, and
  the navigation cell links to the student edition's own neighbours.

The same solution notebooks always give the same bytes.  ``notebooks/exercises/.generated.json``
records a hash of every file written; a file whose content no longer matches
its hash was edited (by a student, perhaps) and is never overwritten without ``--force``.
With ``--force``, every edited file is first copied, with the time in its name, to
``notebooks/exercises/backups/`` (``01_reading_exercises.2026-12-01T14-03-07.bak.ipynb``), and the
command says where.  Every file is written atomically (:mod:`helpers.files`).  A damaged
record (a merge conflict, say) stops the command with a one-line message.

nbval runs the student edition too: its cells have no execution count, which
nbval reads as "not run in the reference", so it runs every cell (an error fails
the test) without comparing outputs.
"""

from __future__ import annotations

import argparse
import ast
import copy
import hashlib
import json
import re
import sys
import textwrap
from dataclasses import dataclass, field
from pathlib import Path

import nbformat

from .navigation import TAG as NAVIGATION_TAG
from .navigation import navigation_source, titles
from helpers.errors import RecordError
from helpers.files import keep_backup, write_text

from .notebooks import (
    EXERCISES_DIR, ensure_ids, has_tag, minimal_metadata, notebook_text, read_notebook, relative,
    solution_notebooks, strip_cell_metadata, student_path,
)

__all__ = [
    "BEGIN", "END", "CODE_STUB", "ANSWER_STUB", "RECORD_NAME", "StudentEditionError", "solution_regions",
    "python_source", "assigned_names", "loaded_names", "check_calls", "stub_code", "stub_markdown",
    "student_notebook", "build_student_edition", "write_student_edition", "text_hash", "Outcome", "main",
    "BACKUP_DIR_NAME", "RecordError",
]

BEGIN = "### BEGIN SOLUTION"
END = "### END SOLUTION"
#: What replaces a code solution region (followed by ``name = ...`` lines).
CODE_STUB = "# YOUR CODE HERE"
#: What replaces a written answer.
ANSWER_STUB = "*Your answer here.*"
#: The tag of a cell that is a solution as a whole (nbgrader's convention).
SOLUTION_TAG = "solution"
#: The record of what was generated, beside the student notebooks.
RECORD_NAME = ".generated.json"
#: Where ``--force`` keeps a copy of every edited file it replaces (a subfolder of the exercises folder).
BACKUP_DIR_NAME = "backups"
NOTE_ID = "student-edition"


class StudentEditionError(ValueError):
    """A solution notebook cannot be turned into an exercise (the message says where and why)."""


# --- solution regions --------------------------------------------------------------------------

def solution_regions(lines: list[str]) -> list[tuple[int, int]]:
    """``(begin, end)`` line indexes of every solution region (the marker lines themselves).

    Raises :class:`StudentEditionError` for a marker without its partner or a region inside a region.
    """
    regions, begin = [], None
    for number, line in enumerate(lines):
        marker = line.strip()
        if marker == BEGIN:
            if begin is not None:
                raise StudentEditionError(f"line {number + 1}: {BEGIN} inside another solution region "
                                          f"(close the first one with {END})")
            begin = number
        elif marker == END:
            if begin is None:
                raise StudentEditionError(f"line {number + 1}: {END} without a {BEGIN} before it")
            regions.append((begin, number))
            begin = None
    if begin is not None:
        raise StudentEditionError(f"line {begin + 1}: {BEGIN} without an {END} after it")
    return regions


def python_source(source: str) -> str:
    """Cell source that :mod:`ast` can read: IPython lines (``%magic``, ``!shell``) become comments."""
    return "\n".join(re.sub(r"^(\s*)([%!])", r"\1#\2", line) for line in source.splitlines())


class _Assigned(ast.NodeVisitor):
    """Collect the names a piece of code binds at its own level (not inside functions or classes)."""

    def __init__(self) -> None:
        self.names: list[str] = []
        self.temporaries: list[str] = []

    def _add(self, target, into: list[str]) -> None:
        if isinstance(target, ast.Name):
            if target.id not in into:
                into.append(target.id)
        elif isinstance(target, (ast.Tuple, ast.List)):
            for element in target.elts:
                self._add(element, into)
        elif isinstance(target, ast.Starred):
            self._add(target.value, into)
        # obj.attr = ... and obj[key] = ... change an object; they bind no name.

    def visit_Assign(self, node: ast.Assign) -> None:
        for target in node.targets:
            self._add(target, self.names)
        self.visit(node.value)

    def visit_AnnAssign(self, node: ast.AnnAssign) -> None:
        if node.value is not None:
            self._add(node.target, self.names)
            self.visit(node.value)

    def visit_AugAssign(self, node: ast.AugAssign) -> None:
        self._add(node.target, self.names)
        self.visit(node.value)

    def visit_NamedExpr(self, node: ast.NamedExpr) -> None:
        self._add(node.target, self.names)
        self.visit(node.value)

    def visit_For(self, node) -> None:
        self._add(node.target, self.temporaries)  # the loop variable is a helper, not an answer
        self.visit(node.iter)
        for statement in node.body + node.orelse:
            self.visit(statement)

    visit_AsyncFor = visit_For

    def visit_withitem(self, node: ast.withitem) -> None:
        self.visit(node.context_expr)
        if node.optional_vars is not None:
            self._add(node.optional_vars, self.temporaries)

    def visit_ExceptHandler(self, node: ast.ExceptHandler) -> None:
        if node.name and node.name not in self.temporaries:
            self.temporaries.append(node.name)
        for statement in node.body:
            self.visit(statement)

    def visit_FunctionDef(self, node) -> None:
        if node.name not in self.names:
            self.names.append(node.name)

    visit_AsyncFunctionDef = visit_ClassDef = visit_FunctionDef

    def visit_Lambda(self, node: ast.Lambda) -> None:
        pass

    def visit_Import(self, node) -> None:
        pass  # imports are tools the student writes again, not answers

    visit_ImportFrom = visit_Import


def assigned_names(code: str, keep: set[str] | frozenset[str] = frozenset(), temporaries: bool = False) -> list[str]:
    """The names ``code`` assigns at top level, in order of first assignment.

    ``x = ...``, ``a, b = ...``, ``x += ...``, ``x: int = ...``, ``(x := ...)``, ``def f``
    and ``class C`` count, also inside ``if``/``for``/``while``/``with``/``try`` blocks.
    Loop variables, ``with ... as f`` and ``except ... as e`` are helpers, not answers:
    they count only when they are in ``keep`` (the names the check after the exercise uses)
    or when ``temporaries`` is true.  Imports do not count.

    >>> assigned_names("total = 0\\nfor word in words:\\n    total += len(word)")
    ['total']
    """
    try:
        tree = ast.parse(python_source(code))
    except SyntaxError as error:
        raise StudentEditionError(f"the solution is not valid Python ({error.msg}, line {error.lineno})") from None
    visitor = _Assigned()
    for statement in tree.body:
        visitor.visit(statement)
    names = list(visitor.names)
    names += [name for name in visitor.temporaries if (temporaries or name in keep) and name not in names]
    return names


def loaded_names(code: str) -> set[str]:
    """Every name ``code`` reads (used to see which names a check cell needs)."""
    return _names(code, reading=True)


def stored_names(code: str) -> set[str]:
    """Every name ``code`` assigns, anywhere in it (not only at top level)."""
    return _names(code, reading=False)


def _names(code: str, reading: bool) -> set[str]:
    try:
        tree = ast.parse(python_source(code))
    except SyntaxError:
        return set()
    return {node.id for node in ast.walk(tree)
            if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load) == reading}


def check_calls(source: str) -> list[tuple[str, list[str]]]:
    """The ``check("NN.M", answer, ...)`` calls in a cell: ``(exercise id, [answer expression, ...])``."""
    try:
        tree = ast.parse(python_source(source))
    except SyntaxError:
        return []
    calls = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", None)
            if name == "check" and node.args and isinstance(node.args[0], ast.Constant) \
                    and isinstance(node.args[0].value, str):
                calls.append((node.args[0].value, [ast.unparse(a) for a in node.args[1:2]]))
    return sorted(calls, key=lambda call: call[0])


# --- stubs -------------------------------------------------------------------------------------

def _join(lines: list[str], like: str) -> str:
    text = "\n".join(lines)
    return text + "\n" if like.endswith("\n") and lines else text


def stub_code(source: str, keep: set[str] | frozenset[str] = frozenset()) -> str:
    """``source`` with every solution region replaced by ``# YOUR CODE HERE`` and ``name = ...`` lines.

    The stub keeps the indentation of the ``### BEGIN SOLUTION`` line.  An indented
    region that assigns nothing gets ``pass`` so the block around it stays valid.
    """
    lines = source.splitlines()
    out, position = [], 0
    for begin, end in solution_regions(lines):
        out += lines[position:begin]
        indent = lines[begin][: len(lines[begin]) - len(lines[begin].lstrip())]
        names = assigned_names(textwrap.dedent("\n".join(lines[begin + 1:end])), keep)
        out.append(indent + CODE_STUB)
        out += [f"{indent}{name} = ..." for name in names]
        if not names and indent:
            out.append(indent + "pass")
        position = end + 1
    out += lines[position:]
    return _join(out, source)


def stub_markdown(source: str) -> str:
    """``source`` with every region between the markers replaced by *Your answer here.*"""
    lines = source.splitlines()
    out, position = [], 0
    for begin, end in solution_regions(lines):
        out += lines[position:begin]
        out.append(ANSWER_STUB)
        position = end + 1
    out += lines[position:]
    return _join(out, source)


def _has_markers(source: str) -> bool:
    return any(line.strip() in (BEGIN, END) for line in source.splitlines())


def _next_code_cell(cells, index: int):
    for cell in cells[index + 1:]:
        if cell.cell_type == "code":
            return cell
    return None


def _student_cell(cell, next_code) -> None:
    """Turn one cell of the solution notebook into its student version (in place)."""
    strip_cell_metadata(cell)
    if cell.cell_type == "code":
        cell.outputs = []
        cell.execution_count = None
        keep = loaded_names(next_code.source) if next_code is not None and check_calls(next_code.source) else set()
        if _has_markers(cell.source):
            cell.source = stub_code(cell.source, keep)
        elif has_tag(cell, SOLUTION_TAG):
            cell.source = stub_code(f"{BEGIN}\n{cell.source}\n{END}", keep)
    elif cell.cell_type == "markdown":
        if _has_markers(cell.source):
            cell.source = stub_markdown(cell.source)
        elif has_tag(cell, SOLUTION_TAG):
            cell.source = ANSWER_STUB


def student_note(solution_name: str) -> str:
    """The first cell of a student notebook."""
    return (
        f"> **Student edition** — the worked solutions are in [../{solution_name}](../{solution_name}).\n"
        ">\n"
        "> Answer each exercise where it says `# YOUR CODE HERE`: replace every `...` with your answer, "
        "run the cell, then run the `check(...)` cell below it.  \n"
        "> `make student` never overwrites this file once you have changed it."
    )


def student_notebook(solution_nb, name: str, navigation: str) -> nbformat.NotebookNode:
    """The student version of one solution notebook (``name`` is its file name)."""
    nb = copy.deepcopy(solution_nb)
    ensure_ids(nb)
    minimal_metadata(nb)
    for index, cell in enumerate(nb.cells):
        try:
            _student_cell(cell, _next_code_cell(nb.cells, index))
        except StudentEditionError as error:
            raise StudentEditionError(f"{name}, cell {index + 1} of {len(nb.cells)}: {error}") from None
        if cell.cell_type == "markdown" and has_tag(cell, NAVIGATION_TAG):
            cell.source = navigation
    note = nbformat.v4.new_markdown_cell(student_note(name))
    note.id = NOTE_ID
    nb.cells.insert(0, note)
    return nb


def build_student_edition(paths: list[Path] | None = None) -> dict[str, str]:
    """The text of every student notebook, by its file name (``01_reading_exercises.ipynb``; nothing is written)."""
    paths = solution_notebooks() if paths is None else list(paths)
    notebooks = {p: read_notebook(p) for p in paths}
    names = [student_path(p).name for p in paths]
    all_titles = titles(paths, notebooks)
    texts = {}
    for index, path in enumerate(paths):
        navigation = navigation_source(names, all_titles, index, "../START_HERE.md")
        texts[names[index]] = notebook_text(student_notebook(notebooks[path], path.name, navigation))
    return texts


# --- writing without destroying a student's work ----------------------------------------------

def text_hash(text: str) -> str:
    """SHA-256 of a notebook's text (line endings normalised, so a Windows checkout matches)."""
    return hashlib.sha256(text.replace("\r\n", "\n").encode("utf-8")).hexdigest()


def _read_record(folder: Path) -> dict[str, str]:
    """The hashes of the files last generated; :class:`RecordError` when the record cannot be read."""
    path = folder / RECORD_NAME
    if not path.exists():
        return {}
    where = relative(path)
    advice = (f"Restore it (git checkout HEAD -- {where}) or delete it (then no exercise file that differs "
              "from the generated one is overwritten without FORCE=1), and run make student again")
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise RecordError(f"{where} cannot be read ({error}). {advice}") from None
    if any(line.startswith(("<<<<<<<", ">>>>>>>")) for line in text.splitlines()):
        raise RecordError(f"{where} has merge-conflict markers (<<<<<<<): the merge was not finished. {advice}")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise RecordError(f"{where} is not valid JSON (line {error.lineno}: {error.msg}). {advice}") from None
    hashes = data.get("sha256", {}) if isinstance(data, dict) else None
    if not isinstance(hashes, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in hashes.items()):
        raise RecordError(f"{where} does not hold a table of file hashes (\"sha256\": {{name: hash}}). {advice}")
    return dict(hashes)


def _write_record(folder: Path, record: dict[str, str]) -> None:
    data = {
        "about": "Written by `make student`: the SHA-256 of each student notebook as generated. "
                 "A notebook whose hash differs was edited and is not overwritten without FORCE=1.",
        "sha256": dict(sorted(record.items())),
    }
    text = json.dumps(data, indent=1, ensure_ascii=False) + "\n"
    path = folder / RECORD_NAME
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        write_text(path, text, newline="\n")


@dataclass
class Outcome:
    """What :func:`write_student_edition` did, file by file."""

    written: list[Path] = field(default_factory=list)
    unchanged: list[Path] = field(default_factory=list)
    refused: list[Path] = field(default_factory=list)
    removed: list[Path] = field(default_factory=list)
    #: (edited file, the copy kept of it) for every edited file that ``force`` replaced or removed.
    backups: list[tuple[Path, Path]] = field(default_factory=list)


def write_student_edition(paths: list[Path] | None = None, exercises_dir: Path | None = None,
                          force: bool = False) -> Outcome:
    """Write the student edition of ``paths`` into ``exercises_dir``, sparing edited files.

    A file is overwritten only when it is exactly what was generated last time
    (its hash matches the record) or ``force`` is true; then an edited file is
    first copied to ``exercises_dir/backups/`` with the time in its name
    (``outcome.backups``).  Student notebooks whose solution notebook is gone are
    removed on the same terms.  Raises :class:`RecordError` for a damaged record.
    """
    paths = solution_notebooks() if paths is None else list(paths)
    folder = EXERCISES_DIR if exercises_dir is None else Path(exercises_dir)
    texts = build_student_edition(paths)
    folder.mkdir(parents=True, exist_ok=True)
    record = _read_record(folder)
    outcome = Outcome()
    backups = folder / BACKUP_DIR_NAME

    def edited(target: Path) -> bool:
        current = target.read_text(encoding="utf-8")
        return text_hash(current) != record.get(target.name)

    for name, text in texts.items():
        target = folder / name
        if target.exists() and target.read_text(encoding="utf-8").replace("\r\n", "\n") == text:
            outcome.unchanged.append(target)
        elif target.exists() and edited(target) and not force:
            outcome.refused.append(target)
            continue
        else:
            keep = target.exists() and edited(target)
            written = write_text(target, text, newline="\n", backup=keep, backup_dir=backups)
            if written.backup is not None:
                outcome.backups.append((target, written.backup))
            outcome.written.append(target)
        record[name] = text_hash(text)
    for name in sorted(set(record) - set(texts)):
        target = folder / name
        if target.exists() and edited(target) and not force:
            outcome.refused.append(target)
            continue
        if target.exists():
            if edited(target):
                outcome.backups.append((target, keep_backup(target, backups)))
            target.unlink()
            outcome.removed.append(target)
        del record[name]
    _write_record(folder, record)
    return outcome


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.student", description=__doc__.split("\n")[0])
    parser.add_argument("--force", action="store_true",
                        help="overwrite student notebooks even if they were edited since they were generated")
    parser.add_argument("--dir", type=Path, default=None,
                        help="folder of the solution notebooks (default: notebooks/); "
                             "the student edition goes to its exercises/ subfolder")
    args = parser.parse_args(argv)
    paths = solution_notebooks(args.dir)
    exercises_dir = None if args.dir is None else args.dir / "exercises"
    try:
        outcome = write_student_edition(paths, exercises_dir, force=args.force)
    except (StudentEditionError, RecordError) as error:
        print(f"Cannot write the student edition: {error}", file=sys.stderr)
        return 2
    for path in outcome.written:
        print(f"wrote   {relative(path)}")
    for path, copy_of_it in outcome.backups:
        print(f"kept a copy of the edited {relative(path)} in {relative(copy_of_it)}")
    for path in outcome.removed:
        print(f"removed {relative(path)} (its solution notebook is gone)")
    print(f"Student edition: {len(outcome.written)} written, {len(outcome.unchanged)} unchanged, "
          f"{len(outcome.removed)} removed, {len(outcome.refused)} kept because they were edited.")
    if outcome.refused:
        print("", file=sys.stderr)
        for path in outcome.refused:
            print(f"NOT overwritten: {relative(path)} was changed after it was generated "
                  "(it may hold a student's answers).", file=sys.stderr)
        print("To overwrite them anyway (a copy of each, with the time in its name, is kept in "
              f"{relative((exercises_dir or EXERCISES_DIR) / BACKUP_DIR_NAME)}/):\n"
              "    make student FORCE=1        (or: python -m tools.student --force)", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
