"""The shape every solution notebook must have (AUTHORING.md, "Rules the tests enforce").

Each rule is a function that reads one notebook and returns a list of problems,
each saying where (cells are counted from 1, with the start of the cell) and
what to do.  The rules run on every ``notebooks/NN_topic.ipynb``; the tests at
the end break each rule on purpose in a small notebook built here and check
that the rule notices.

The rules of issue #13 (one idea per cell, exercise kinds, judgement first, no
answer copied from a printed number, honest timings, Python that notebook 00
teaches) are new: the notebooks being converted to them are listed in
:data:`EXEMPT` until they comply.
"""

from __future__ import annotations

import copy
import html
import re
from pathlib import Path
from dataclasses import dataclass

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

from helpers import plots
from helpers.exercises import registered
from tools import anatomy, python_needs, timing
from tools.navigation import navigation_source, titles
from tools.notebooks import (
    KERNELSPEC, NOTEBOOKS_DIR, has_tag, markdown_lines, notebook_number, notebook_text, read_notebook,
    relative, solution_notebooks, student_path,
)
from tools.solutions import tidy
from tools.student import (
    BEGIN, END, SOLUTION_TAG, StudentEditionError, assigned_names, check_calls, loaded_names,
    solution_regions, stored_names,
)

NOTEBOOKS = solution_notebooks()

#: Fewer exercises than this fail the notebook.  AUTHORING.md: 4, and 5 for the
#: notebooks on framing, sources and readability (matched in the file name).
MIN_EXERCISES = 4
MIN_EXERCISES_BY_TOPIC = {"framing": 5, "sources": 5, "readability": 5}

PARAMETERS = re.compile(r"ARTICLE = None[ \t]*#[ \t]*\S.*")
#: The comparing notebook (06) takes several articles: ``ARTICLES = None  # comment``, loaded with load_corpus.
CORPUS_PARAMETERS = re.compile(r"ARTICLES = None[ \t]*#[ \t]*\S.*")
FORBIDDEN_CODE = re.compile(r"^\s*[!%](pip|conda)\b|\bsys\.path\b", re.MULTILINE)
ABSOLUTE_PATH = re.compile(r"(?<![\w.~/-])(/home/|/root/|/work/|/tmp/|/Users/|[A-Za-z]:\\)")
WARNING = re.compile(r"\b[A-Z]\w*Warning\b|\bWarning:")  # UserWarning, FutureWarning, "Warning: ..."
MEMORY_ADDRESS = re.compile(r"\b0x[0-9a-fA-F]{6,}\b")
MATPLOTLIB_REPR = re.compile(r"<(Figure size|Axes|matplotlib\.)")
PLOTTING = re.compile(r"\bplt\.(plot|bar|barh|hist|scatter|pie|imshow|subplots|figure)\(|"
                      r"\.(plot|bar|barh|hist|scatter|pie|imshow)\(")
HOUSE_CHARTS = re.compile(r"\b(%s)\(" % "|".join(
    name for name in plots.__all__ if callable(getattr(plots, name)) and name != "use_house_style"))
EXERCISE_HEADING = re.compile(r"^### Exercise (\d+)\.(\d+)\b")


@dataclass
class Notebook:
    """A notebook as read from its file: ``name`` (``01_reading.ipynb``), the parsed ``nb`` and the ``text``."""

    name: str
    nb: nbformat.NotebookNode
    text: str


def load(path) -> Notebook:
    return Notebook(path.name, read_notebook(path), path.read_text(encoding="utf-8"))


def where(nb, index: int) -> str:
    """``cell 12 («check("01.1", n_paragraphs…»)``: how a message points at a cell."""
    first = next((line.strip() for line in nb.cells[index].source.splitlines() if line.strip()), "(empty)")
    return f"cell {index + 1} («{first[:50]}»)"


def output_text(output) -> str:
    """The text of one output (HTML without its tags)."""
    if output.get("output_type") == "stream":
        return output.get("text", "")
    if output.get("output_type") == "error":
        return "\n".join(output.get("traceback", []))
    data = output.get("data", {})
    parts = [data.get("text/plain", ""), data.get("text/markdown", "")]
    if "text/html" in data:
        parts.append(html.unescape(re.sub(r"<[^>]+>", " ", data["text/html"])))
    return "\n".join(parts)


def code_cells(nb):
    return [(i, c) for i, c in enumerate(nb.cells) if c.cell_type == "code"]


def has_markers(source: str) -> bool:
    return any(line.strip() in (BEGIN, END) for line in source.splitlines())


def region_code(source: str) -> tuple[str, str]:
    """(code inside solution regions, code outside them) of one cell."""
    lines = source.splitlines()
    inside, outside, position = [], [], 0
    for begin, end in solution_regions(lines):
        outside += lines[position:begin]
        inside += lines[begin + 1:end]
        position = end + 1
    outside += lines[position:]
    return "\n".join(inside), "\n".join(outside)


# --- the rules ---------------------------------------------------------------------------------

def rule_header(src: Notebook) -> list[str]:
    """First cell: ``# NN · Title``, What you will learn (bullets), Time in minutes, Prerequisites."""
    nb, problems = src.nb, []
    if not nb.cells or nb.cells[0].cell_type != "markdown":
        return ["the first cell must be the markdown header (# NN · Title, What you will learn, Time, Prerequisites)"]
    lines = markdown_lines(nb.cells[0].source)
    number = notebook_number(src.name)
    if not lines or not re.fullmatch(rf"# {number} · \S.*", lines[0]):
        problems.append(f"the first line of the first cell must be the title '# {number} · Title' "
                        f"(found {lines[0] if lines else 'nothing'!r})")
    text = "\n".join(lines)
    learn = re.search(r"What you will learn(.*)", text, re.DOTALL)
    if not learn or not re.search(r"^\s*[-*] \S", learn.group(1), re.MULTILINE):
        problems.append("the header needs 'What you will learn' followed by bullet points (- ...)")
    if not re.search(r"\*\*Time:\*\*\s*about \d+ minutes", text):
        problems.append("the header needs the time, written '**Time:** about N minutes'")
    if not re.search(r"\*\*Prerequisites:\*\*\s*\S", text):
        problems.append("the header needs '**Prerequisites:** ...' (write 'none' if there are none)")
    for index, cell in enumerate(nb.cells):
        if cell.cell_type == "markdown":
            h1 = [line for line in markdown_lines(cell.source) if line.startswith("# ")]
            if index == 0 and len(h1) > 1 or index > 0 and h1:
                problems.append(f"{where(nb, index)}: only the title is a level-1 heading ('# '); "
                                "use '## ' for sections")
    return problems


def expected_navigation(name: str) -> str:
    paths = NOTEBOOKS
    names = [p.name for p in paths]
    return navigation_source(names, titles(paths), names.index(name), "START_HERE.md")


def rule_navigation(src: Notebook, expected: str | None = None) -> list[str]:
    """Cell 2 is the markdown cell tagged ``navigation`` and is what ``make nav`` writes."""
    nb = src.nb
    tagged = [i for i, c in enumerate(nb.cells) if "navigation" in c.metadata.get("tags", [])]
    if len(tagged) != 1 or tagged[0] != 1 or nb.cells[1].cell_type != "markdown":
        return [f"cell 2 must be the only cell tagged 'navigation', a markdown cell (found it at cells "
                f"{[i + 1 for i in tagged]}): add a markdown cell '<!-- navigation -->' with that tag, "
                "then run `make nav`"]
    expected = expected_navigation(src.name) if expected is None else expected
    if nb.cells[1].source != expected:
        return ["the navigation cell is out of date: run `make nav` (python -m tools.navigation)"]
    return []


def rule_parameters(src: Notebook) -> list[str]:
    """Cell 3 is the one code cell tagged ``parameters``: ``ARTICLE = None  # comment``."""
    nb = src.nb
    tagged = [i for i, c in enumerate(nb.cells) if "parameters" in c.metadata.get("tags", [])]
    if tagged != [2] or nb.cells[2].cell_type != "code":
        return [f"cell 3 must be the only cell tagged 'parameters', a code cell (found the tag on cells "
                f"{[i + 1 for i in tagged]})"]
    if not (PARAMETERS.fullmatch(nb.cells[2].source.strip()) or CORPUS_PARAMETERS.fullmatch(nb.cells[2].source.strip())):
        return ["the parameters cell must hold exactly one line: "
                "ARTICLE = None  # None: the course article; or the path of another plain-text article"]
    return []


def rule_setup(src: Notebook) -> list[str]:
    """Cell 4 imports from helpers, calls setup_notebook() and loads the article from ARTICLE."""
    nb = src.nb
    if len(nb.cells) < 4 or nb.cells[3].cell_type != "code":
        return ["cell 4 must be the setup code cell"]
    source, problems = nb.cells[3].source, []
    corpus = CORPUS_PARAMETERS.fullmatch(nb.cells[2].source.strip()) if nb.cells[2].cell_type == "code" else None
    loads = "corpus = load_corpus(ARTICLES)" if corpus else "article = load_article(ARTICLE)"
    for needed in ("from helpers import", "setup_notebook()", loads):
        if needed not in source:
            problems.append(f"the setup cell (cell 4) must contain `{needed}`")
    return problems


def rule_kernel(src: Notebook) -> list[str]:
    """The kernel is python3."""
    spec = src.nb.metadata.get("kernelspec", {})
    if spec.get("name") != KERNELSPEC["name"]:
        return [f"the kernel must be 'python3' (found {spec.get('name')!r}): choose 'Python 3 (ipykernel)' "
                "in JupyterLab, or run `make solutions`"]
    return []


def rule_portable_sources(src: Notebook) -> list[str]:
    """No !pip / %pip / sys.path edits in code, no absolute paths anywhere."""
    problems = []
    for index, cell in enumerate(src.nb.cells):
        if cell.cell_type == "code" and FORBIDDEN_CODE.search(cell.source):
            problems.append(f"{where(src.nb, index)}: no !pip/%pip/%conda and no sys.path edits; "
                            "dependencies go in requirements.txt and helpers is installed")
        if ABSOLUTE_PATH.search(cell.source):
            problems.append(f"{where(src.nb, index)}: an absolute path ({ABSOLUTE_PATH.search(cell.source)[0]}...) "
                            "works only on one machine; use a path relative to the notebook or load_article()")
    return problems


def rule_execution_order(src: Notebook) -> list[str]:
    """Code cells were run once each, top to bottom: execution counts 1, 2, 3, ..."""
    problems, expected = [], 1
    for index, cell in code_cells(src.nb):
        if not cell.source.strip():
            problems.append(f"cell {index + 1}: an empty code cell; delete it")
            continue
        if cell.execution_count != expected:
            problems.append(f"{where(src.nb, index)} has execution count {cell.execution_count}, expected "
                            f"{expected}: run `python -m tools.solutions notebooks/{src.name}`")
            break
        expected += 1
    return problems


def rule_clean_outputs(src: Notebook) -> list[str]:
    """No errors (unless tagged raises-exception), stderr, warnings, memory addresses, paths or chart reprs."""
    problems = []
    for index, cell in code_cells(src.nb):
        at = where(src.nb, index)
        for output in cell.outputs:
            kind = output.get("output_type")
            text = output_text(output)
            if kind == "error" and "raises-exception" not in cell.metadata.get("tags", []):
                problems.append(f"{at}: stored error {output.get('ename')}; fix the cell (or, if the error is "
                                "the lesson, tag the cell 'raises-exception')")
            if kind == "stream" and output.get("name") == "stderr":
                problems.append(f"{at}: output on stderr ({text.strip()[:80]!r}); remove its cause")
            if WARNING.search(text) and kind != "error":
                problems.append(f"{at}: a warning in the output; remove its cause, do not silence it")
            if MEMORY_ADDRESS.search(text):
                problems.append(f"{at}: a memory address ({MEMORY_ADDRESS.search(text)[0]}) in the output "
                                "changes every run; print something meaningful instead of the object")
            if ABSOLUTE_PATH.search(text):
                problems.append(f"{at}: a machine path in the output; print file names, not absolute paths")
            if kind == "execute_result" and MATPLOTLIB_REPR.search(text):
                problems.append(f"{at}: the cell shows a matplotlib object; end it with plt.show()")
    return problems


def rule_canonical_file(src: Notebook) -> list[str]:
    """The file is exactly as `make solutions` writes it (no timings, merged streams, stable JSON)."""
    expected = notebook_text(tidy(copy.deepcopy(src.nb)))
    if src.text.replace("\r\n", "\n") != expected:
        return [f"the file is not as `make solutions` writes it (timings, Python version or layout differ): "
                f"run `python -m tools.solutions notebooks/{src.name}`"]
    return []


def _exercise_blocks(nb):
    """[(exercise id, heading cell index, [cell indexes up to the next exercise or section heading])]."""
    return [[block.id, block.heading, block.cells] for block in anatomy.exercise_blocks(nb)]


def rule_exercises(src: Notebook) -> list[str]:
    """Enough exercises, numbered NN.1, NN.2, ...; each with a solution; each code solution then its check."""
    nb, problems = src.nb, []
    number = notebook_number(src.name)
    minimum = max([MIN_EXERCISES] + [n for topic, n in MIN_EXERCISES_BY_TOPIC.items() if topic in src.name])
    blocks = _exercise_blocks(nb)
    if len(blocks) < minimum:
        problems.append(f"{len(blocks)} exercises ('### Exercise N.M' headings); a notebook needs at least {minimum}")
    for k, (exercise_id, heading, cells) in enumerate(blocks, start=1):
        if exercise_id != f"{number}.{k}":
            problems.append(f"{where(nb, heading)}: exercise {exercise_id} should be numbered "
                            f"{int(number)}.{k} (exercises count 1, 2, 3, ... in each notebook)")
        heading_cell = nb.cells[heading]
        if has_markers(heading_cell.source) or SOLUTION_TAG in heading_cell.metadata.get("tags", []):
            problems.append(f"{where(nb, heading)}: the question cell holds solution markers or the "
                            "'solution' tag, so the student edition would erase the question; put the "
                            "answer in a cell of its own")
        solutions = [i for i in cells if has_markers(nb.cells[i].source)
                     or SOLUTION_TAG in nb.cells[i].metadata.get("tags", [])]
        if not solutions:
            problems.append(f"{where(nb, heading)}: exercise {exercise_id} has no solution: put the worked "
                            f"answer between {BEGIN} and {END} (or tag a written answer 'solution')")
        for i in solutions:
            cell = nb.cells[i]
            if cell.cell_type != "code":
                continue
            if check_calls(cell.source):
                problems.append(f"{where(nb, i)}: put the check(...) call in its own cell after the solution")
            following = [j for j in cells if j > i and nb.cells[j].cell_type == "code"]
            calls = check_calls(nb.cells[following[0]].source) if following else []
            if not calls or calls[0][0] != exercise_id:
                problems.append(f"{where(nb, i)}: the code cell after this solution must be "
                                f'check("{exercise_id}", <answer>, article)')
                continue
            outputs = " ".join(output_text(o) for o in nb.cells[following[0]].outputs)
            if "✅ Exercise" not in outputs and "☑ Exercise" not in outputs:
                problems.append(f"{where(nb, following[0])}: the worked solution does not pass its own check "
                                f"(output: {outputs.strip()[:100]!r})")
        for i in cells:
            for call_id, _ in check_calls(nb.cells[i].source) if nb.cells[i].cell_type == "code" else []:
                if call_id != exercise_id:
                    problems.append(f"{where(nb, i)}: check({call_id!r}) stands under the heading of "
                                    f"exercise {exercise_id}")
    in_exercise = {i for _, _, cells in blocks for i in cells}
    for index, cell in enumerate(nb.cells):
        try:
            regions = solution_regions(cell.source.splitlines())
        except StudentEditionError as error:
            problems.append(f"{where(nb, index)}: {error}")
            continue
        if (regions or SOLUTION_TAG in cell.metadata.get("tags", [])) and index not in in_exercise:
            problems.append(f"{where(nb, index)}: a solution outside any exercise: put it under a "
                            "'### Exercise N.M' heading")
    return problems


def rule_registered_checks(src: Notebook, known: list[str] | None = None) -> list[str]:
    """Every check("NN.M") in the notebook is registered in helpers.exercises, and every registered NN.* is used."""
    known = registered() if known is None else known
    number = notebook_number(src.name)
    used = {call_id for _, cell in code_cells(src.nb) for call_id, _ in check_calls(cell.source)}
    problems = [f'check("{i}") has no registered check: add @exercise("{i}") in helpers/exercises/ex{number}_....py'
                for i in sorted(used - set(known))]
    problems += [f'helpers.exercises registers a check for {i}, but no cell calls check("{i}", ...)'
                 for i in sorted(i for i in known if i.startswith(number + ".") and i not in used)]
    return problems


def rule_figures(src: Notebook) -> list[str]:
    """Every cell that draws uses helpers.plots, or sets a title and both axis labels itself."""
    problems = []
    for index, cell in code_cells(src.nb):
        draws = PLOTTING.search(cell.source) or any(
            any(k.startswith("image/") for k in o.get("data", {})) for o in cell.outputs)
        if not draws or HOUSE_CHARTS.search(cell.source):
            continue
        missing = [word for word in ("title", "xlabel", "ylabel") if word not in cell.source]
        if missing:
            problems.append(f"{where(src.nb, index)}: a chart without {', '.join(missing)}: draw it with "
                            "helpers.plots (bar_chart, line_chart, ...), which asks for title and axis labels")
    return problems


#: What may stand in prose without being printed: see :func:`prose_numbers`.
NUMBERED_THINGS = re.compile(
    r"\b(notebooks?|exercises?|sections?|steps?|parts?|chapters?|cells?)\s+\d+(?:\.\d+)?"
    r"(?:\s*(?:,|and|or|to|–|-)\s*\d+(?:\.\d+)?)*", re.IGNORECASE)
#: Bibliographic details of a cited work: volume(issue) "43(4)", pages "p. 52", "pp. 52-60".
CITATION = re.compile(r"\b\d+\(\d+\)|\bpp?\.\s*\d+(?:\s*[–-]\s*\d+)?")
QUOTED = re.compile(r"“[^”]*”|\"[^\"\n]*\"|«[^»]*»|‘[^’]*’|„[^“”]*[“”]")
NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def prose_numbers(source: str, header: bool = False) -> list[str]:
    """The numbers a markdown cell states that must be computed in the notebook.

    Allowed without printing (keep this list short): years 1900-2099; numbers in
    quotation marks or `code`; numbering of notebooks, exercises, sections, steps
    ("notebook 03", "Exercise 1.2", "## 2 · Structure"), ordered-list markers;
    the time in the header; numbers that are part of a word or name (UTF-8, X-2);
    volume, issue and pages of a citation ("43(4), p. 52"); link targets and HTML comments.
    """
    lines = []
    for line in markdown_lines(source):
        if EXERCISE_HEADING.match(line) or (header and "**Time:**" in line):
            continue
        line = re.sub(r"^#+\s*\d+(?:\.\d+)*\s*[·.:)-]?", "", line)  # section numbers in headings
        line = re.sub(r"^\s*\d+[.)]\s", "", line)  # ordered lists
        lines.append(line)
    text = "\n".join(lines)
    text = re.sub(r"<!--.*?-->", " ", text, flags=re.DOTALL)
    text = re.sub(r"`[^`]*`", " ", text)
    text = re.sub(r"\]\([^)]*\)", "]", text)
    text = re.sub(r"https?://\S+|<[^>]+>", " ", text)
    text = QUOTED.sub(" ", text)
    text = NUMBERED_THINGS.sub(" ", text)
    text = CITATION.sub(" ", text)
    numbers = []
    for match in NUMBER.finditer(text):
        before = text[max(0, match.start() - 2):match.start()]
        after = text[match.end():match.end() + 1]
        if (before[-1:].isalnum() or before[-1:] in "_." or (before[-1:] in "-‐" and before[:1].isalpha())
                or after.isalpha() or after == "_"):
            continue
        value = match[0]
        if re.fullmatch(r"(19|20)\d\d", value):
            continue
        numbers.append(value)
    return numbers


def shown(number: str, outputs: str) -> bool:
    """True when ``number`` appears as a number of its own in the outputs (2,000 may be printed 2000)."""
    forms = {number, number.replace(",", "")}
    return any(re.search(rf"(?<![\d.]){re.escape(form)}(?![\d]|\.\d)", outputs) for form in forms)


def rule_numbers_in_prose(src: Notebook) -> list[str]:
    """Every number the prose states appears in an output of the notebook."""
    nb = src.nb
    outputs = "\n".join(output_text(o) for _, cell in code_cells(nb) for o in cell.outputs)
    problems = []
    for index, cell in enumerate(nb.cells):
        if (cell.cell_type != "markdown" or "navigation" in cell.metadata.get("tags", [])
                or SOLUTION_TAG in cell.metadata.get("tags", [])):
            continue
        _, prose = region_code(cell.source) if has_markers(cell.source) else ("", cell.source)
        missing = [n for n in prose_numbers(prose, header=index == 0) if not shown(n, outputs)]
        if missing:
            problems.append(f"{where(nb, index)}: the prose states {', '.join(dict.fromkeys(missing))} but no "
                            "output shows it: print the number from code (or, for a cited norm, quote it "
                            "in quotation marks)")
    return problems


def rule_answers_not_reused(src: Notebook) -> list[str]:
    """Only an exercise's check uses its answer: later cells would break in the student edition."""
    problems, answers = [], {}
    exercise = {}
    for exercise_id, _, cells in _exercise_blocks(src.nb):
        exercise.update({i: exercise_id for i in cells})
    for index, cell in code_cells(src.nb):
        if check_calls(cell.source):
            continue
        try:
            inside, outside = region_code(cell.source)
            if SOLUTION_TAG in cell.metadata.get("tags", []) and not has_markers(cell.source):
                inside, outside = cell.source, ""
            new = assigned_names(inside, temporaries=True) if inside else []
        except StudentEditionError:
            continue  # reported by rule_exercises
        for name in stored_names(outside):
            answers.pop(name, None)
        used = sorted(name for name in loaded_names(cell.source) if name in answers)
        if used:
            problems.append(f"{where(src.nb, index)} uses {', '.join(used)} from the solution of exercise "
                            f"{answers[used[0]]}; in the student edition that is `...`: compute it again "
                            "under another name")
        for name in new:
            answers[name] = exercise.get(index, "?")
    return problems


# --- the rules of issue #13: one idea per cell, judgement first, honest timings ------------------

#: A student-facing code cell outside the exercises: at most this many lines of code (blank lines
#: and comments do not count).  The set-up cell, tagged ``setup``, may have up to SETUP_LINES.
CELL_LINES = 5
SETUP_LINES = 10
#: A computed exercise's worked solution: one to three lines.  A judgement written as code (a letter,
#: a list, a dictionary of decisions with their evidence) is data, not a computation: its length is
#: the number of decisions asked, so it has no limit here.
SOLUTION_LINES = {"compute": 3}


def rule_cell_size(src: Notebook) -> list[str]:
    """One idea per cell: a code cell outside the exercises has at most 5 lines of code (setup: 10)."""
    nb, problems = src.nb, []
    setup = [i for i, c in enumerate(nb.cells) if has_tag(c, "setup")]
    if setup != [3]:
        problems.append(f"the set-up cell (cell 4) must be the one cell tagged 'setup' (found the tag on cells "
                        f"{[i + 1 for i in setup]})")
    in_exercise = anatomy.exercise_cells(nb)
    for index, cell in code_cells(nb):
        if has_tag(cell, "parameters") or anatomy.is_check(cell):
            continue
        if index in in_exercise and anatomy.is_solution(cell):
            _, outside = anatomy.solution_code(cell)
            lines = outside
        else:
            lines = anatomy.code_lines(cell.source)
        limit = SETUP_LINES if has_tag(cell, "setup") else CELL_LINES
        if len(lines) > limit:
            problems.append(f"{where(nb, index)} has {len(lines)} lines of code (at most {limit}): a student reads "
                            "one idea per cell; move table, chart and highlight code into helpers "
                            "(a function of your module, or helpers.display / helpers.plots)")
    return problems


def rule_solution_size(src: Notebook) -> list[str]:
    """A computed exercise's worked solution is 1-3 lines."""
    nb, problems = src.nb, []
    for block in anatomy.exercise_blocks(nb):
        limit = SOLUTION_LINES.get(block.kind or "compute")  # untagged exercises count as compute
        if limit is None:
            continue
        for index in block.cells:
            cell = nb.cells[index]
            if cell.cell_type != "code" or not anatomy.is_solution(cell):
                continue
            try:
                inside, _ = anatomy.solution_code(cell)
            except StudentEditionError:
                continue  # reported by rule_exercises
            if not 1 <= len(inside) <= limit:
                problems.append(f"{where(nb, index)}: the worked solution of exercise {block.id} ({block.kind or 'untagged'}) "
                                f"has {len(inside)} lines; a student writes 1 to {limit}: let a helper do the rest, "
                                "or turn the exercise into a decision from evidence")
    return problems


def rule_exercise_kinds(src: Notebook) -> list[str]:
    """Every exercise heading is tagged with exactly one kind: judgement, compute or written."""
    nb, problems = src.nb, []
    for block in anatomy.exercise_blocks(nb):
        if len(block.kinds) != 1:
            problems.append(f"{where(nb, block.heading)}: tag the heading of exercise {block.id} with exactly one of "
                            f"{', '.join(anatomy.KINDS)} (found {block.kinds or 'none'})")
            continue
        solutions = [nb.cells[i] for i in block.cells if anatomy.is_solution(nb.cells[i])]
        if block.kind == "written" and not any(c.cell_type == "markdown" for c in solutions):
            problems.append(f"{where(nb, block.heading)}: exercise {block.id} is 'written': its worked answer is a "
                            "markdown cell tagged 'solution' (the rubric goes in docs/instructor/)")
        if block.kind == "compute" and not any(c.cell_type == "code" for c in solutions):
            problems.append(f"{where(nb, block.heading)}: exercise {block.id} is 'compute' but has no code solution")
    return problems


def kind_counts(nb) -> dict[str, int]:
    """How many exercises of each kind (and untagged) a notebook has."""
    counts = dict.fromkeys([*anatomy.KINDS, "untagged"], 0)
    for block in anatomy.exercise_blocks(nb):
        counts[block.kind or "untagged"] += 1
    return counts


def rule_judgement_share(src: Notebook) -> list[str]:
    """At least half of the exercises are judgements: a decision from evidence."""
    counts = kind_counts(src.nb)
    total = sum(counts.values())
    if total and 2 * counts["judgement"] < total:
        return [f"{counts['judgement']} of {total} exercises are 'judgement' ({counts}); at least half must be: "
                "turn retrieval into 'read the rows and decide' (which use is indirect speech, which side's naming)"]
    return []


#: Words of a question that say nothing about what it asks.
QUESTION_STOPWORDS = set("""
    about above after again also answer answers article before below cell cells check does each exercise
    exercises from give have here into list many much number numbers print printed result show shown store
    than that their them then there these they this those what when where which while with would your
""".split())


def question_words(text: str) -> set[str]:
    """The words of an exercise's question that can tie a printed line to it (first four letters of each)."""
    words = re.findall(r"[a-z]{4,}", text.lower())
    return {w[:4] for w in words if w not in QUESTION_STOPWORDS}


def number_forms(value) -> list[str]:
    """The ways a number can be printed: 6; 0.43 as 0.43, 0.4, 43%; 1200 as 1,200."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return []
    if isinstance(value, int) or float(value).is_integer():
        n = int(value)
        return [str(n), f"{n:,}"]
    forms = [repr(value), f"{value:.2f}", f"{value:.1f}"]
    if 0 <= value <= 1:
        forms.append(f"{value * 100:.0f}%")
    return forms


def _appears(form: str, line: str) -> bool:
    return re.search(rf"(?<![\w.,]){re.escape(form)}(?![\w]|[.,]\d)", line) is not None


def printed_lines(cell) -> list[str]:
    """The lines a cell printed, tables left out (a table is evidence to read, not an answer printed)."""
    lines = []
    for output in cell.get("outputs", []):
        if "<table" in str(output.get("data", {}).get("text/html", "")):
            continue
        lines += output_text(output).splitlines()
    return lines


def check_answer(nb, block) -> tuple[bool, object]:
    """(found, answer): the answer the exercise's check was given, from the check output's metadata."""
    for index in block.cells:
        cell = nb.cells[index]
        if anatomy.is_check(cell):
            for output in cell.outputs:
                record = output.get("metadata", {}).get("course_check")
                if record is not None:
                    return True, record.get("answer")
    return False, None


def rule_not_copied(src: Notebook) -> list[str]:
    """No exercise is answered by copying a number printed above it (next to words of its question)."""
    nb, problems = src.nb, []
    for block in anatomy.exercise_blocks(nb):
        checks = [i for i in block.cells if anatomy.is_check(nb.cells[i])]
        if not checks:
            continue
        found, answer = check_answer(nb, block)
        if not found:
            problems.append(f"{where(nb, checks[0])}: the check's output does not record its answer: run "
                            f"`python -m tools.solutions notebooks/{src.name}`")
            continue
        values = answer if isinstance(answer, list) else [answer]
        forms = [number_forms(v) for v in values]
        if not values or not all(forms):
            continue  # not a number (or a list of numbers): a text, a letter, a judgement
        joined = ", ".join(f[0] for f in forms)
        words = question_words(nb.cells[block.heading].source)
        solution = min(i for i in block.cells if anatomy.is_solution(nb.cells[i]) or i in checks)
        for index in range(solution):
            cell = nb.cells[index]
            if cell.cell_type != "code":
                continue
            for line in printed_lines(cell):
                shown = (_appears(joined, line) if len(values) > 1 else any(_appears(f, line) for f in forms[0]))
                if shown and question_words(line) & words:
                    problems.append(f"{where(nb, block.heading)}: the answer to exercise {block.id} ({joined}) is printed "
                                    f"above it, in {where(nb, index)}: «{line.strip()[:80]}». Ask for a decision "
                                    "the output does not state, or print the evidence, not the answer")
                    break
            else:
                continue
            break
    return problems


def rule_time_header(src: Notebook) -> list[str]:
    """The header's **Time:** is what the timing rule computes (python -m tools.timing)."""
    stated, computed = timing.header_minutes(src.nb), timing.timing(src.name, src.nb).minutes
    if stated != computed:
        return [f"the header says about {stated} minutes, the rule of AUTHORING.md gives {computed}: run "
                f"`python -m tools.timing --headers notebooks/{src.name}` (and `make timing` for the course maps)"]
    return []


def rule_time_limit(src: Notebook) -> list[str]:
    """A notebook takes at most 90 minutes by the timing rule; a longer one is split."""
    computed = timing.timing(src.name, src.nb)
    if computed.minutes > timing.LIMIT:
        return [f"the timing rule gives {computed.minutes} minutes ({computed.words} words, {computed.code_cells} code "
                f"cells, exercises {computed.exercises}): more than {timing.LIMIT}; split the notebook"]
    return []


def rule_python_taught(src: Notebook, taught: set[str] | None = None) -> list[str]:
    """No exercise needs Python that notebook 00 or a demonstration before it has not taught."""
    nb, problems = src.nb, []
    if notebook_number(src.name) == "00":
        return []
    path = NOTEBOOKS_DIR / src.name
    for block, needs in zip(anatomy.exercise_blocks(nb), python_needs.exercise_needs(path, nb)):
        known = taught if taught is not None else python_needs.taught_before(NOTEBOOKS, path, block.heading, {path: nb})
        missing = sorted(set(needs.python) - known)
        if missing:
            problems.append(f"{where(nb, block.heading)}: exercise {block.id} needs {', '.join(missing)}, which neither "
                            "notebook 00 nor a cell before the exercise teaches: let a helper do it, show it "
                            "working first, or ask for a decision instead")
    return problems


def rule_links_work_in_lab(src: Notebook) -> list[str]:
    """Every link in the text points to a file inside notebooks/, the folder JupyterLab serves."""
    problems = []
    for index, cell in enumerate(src.nb.cells):
        if cell.cell_type != "markdown":
            continue
        for target in re.findall(r"\]\(([^)\s]+)\)", "\n".join(markdown_lines(cell.source))):
            if re.match(r"[a-z]+:", target) or target.startswith("#"):
                continue
            path = (NOTEBOOKS_DIR / target.split("#")[0]).resolve()
            if NOTEBOOKS_DIR.resolve() not in [path, *path.parents] or not path.exists():
                problems.append(f"{where(src.nb, index)}: the link {target!r} does not open inside JupyterLab "
                                "(it leaves notebooks/ or the file does not exist)")
    return problems


#: The rules of issue #13 that notebooks are being converted to, one at a time.
RULES_13 = [rule_cell_size, rule_solution_size, rule_exercise_kinds, rule_judgement_share, rule_not_copied,
            rule_time_header, rule_time_limit, rule_python_taught, rule_links_work_in_lab]

#: Notebooks that do not follow a rule of issue #13 yet, while their authors convert them
#: (issue #11). This list only shrinks: when your notebook follows a rule, remove it from that
#: rule's set (a test fails while an exempt notebook already complies). A new notebook is never
#: exempt.
EXEMPT: dict[str, set[str]] = {}


RULES = [rule_header, rule_navigation, rule_parameters, rule_setup, rule_kernel, rule_portable_sources,
         rule_execution_order, rule_clean_outputs, rule_canonical_file, rule_exercises,
         rule_registered_checks, rule_figures, rule_numbers_in_prose, rule_answers_not_reused, *RULES_13]


# --- the rules on the course's notebooks --------------------------------------------------------

@pytest.mark.parametrize("rule", RULES, ids=[r.__name__[5:] for r in RULES])
@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_notebook_follows_rule(path, rule):
    problems = rule(load(path))
    message = f"notebooks/{path.name}: {rule.__doc__.splitlines()[0]}\n  " + "\n  ".join(problems)
    if path.name in EXEMPT.get(rule.__name__, ()):
        assert problems, (f"notebooks/{path.name} now follows {rule.__name__}: remove it from "
                          f"EXEMPT[{rule.__name__!r}] in tests/test_notebook_structure.py")
        pytest.xfail(f"exempt while it is converted (EXEMPT): {message}")
    assert not problems, message


def test_the_exempt_list_names_real_notebooks_and_rules():
    names = {p.name for p in NOTEBOOKS}
    rules = {r.__name__ for r in RULES_13}
    assert set(EXEMPT) <= rules, f"EXEMPT names rules that are not rules of issue #13: {set(EXEMPT) - rules}"
    stale = {rule: sorted(exempt - names) for rule, exempt in EXEMPT.items() if exempt - names}
    assert not stale, f"EXEMPT names notebooks that do not exist (renamed or split?): {stale}; remove them"
    assert not any(notebook_number(n) == "00" for exempt in EXEMPT.values() for n in exempt)



def test_every_registered_check_belongs_to_a_notebook():
    numbers = {notebook_number(p) for p in NOTEBOOKS}
    orphans = [i for i in registered() if i.split(".")[0] not in numbers]
    assert not orphans, (f"checks registered for notebooks that do not exist: {orphans}; "
                         "rename them or add the notebook")


# --- each rule notices when it is broken ---------------------------------------------------------

SAMPLE_NAME = "07_sample.ipynb"
SAMPLE_NAVIGATION = "<!-- navigation -->\n[Course map](START_HERE.md)"
SAMPLE_KINDS = ["judgement", "judgement", "compute", "written"]
#: What the sample's exercises may use: what notebook 00 teaches of it.
SAMPLE_TAUGHT = {"variable (=)", "attribute (article.paragraphs)", "len()", "index [i]", "string", "number"}
SAMPLE_IDS = ["07.1", "07.2", "07.3", "07.4"]


def _stream(text):
    return new_output("stream", name="stdout", text=text)


def _result(text, count=None, answer=None):
    output = new_output("execute_result", data={"text/plain": text}, execution_count=count)
    if answer is not None:  # as helpers.exercises.Feedback records it
        output.metadata = {"course_check": {"exercise": text.split()[2].rstrip(":"), "status": "correct",
                                            "answer": answer}}
    return output


def sample() -> Notebook:
    """A small notebook that follows every rule (executed by hand: outputs written here)."""
    cells = [
        new_markdown_cell("# 07 · A sample\n\n**What you will learn**\n- to count paragraphs\n\n"
                          "**Time:** about 15 minutes\n\n**Prerequisites:** notebook 01"),
        new_markdown_cell(SAMPLE_NAVIGATION, metadata={"tags": ["navigation"]}),
        new_code_cell("ARTICLE = None  # None: the course article; or the path of another plain-text article",
                      metadata={"tags": ["parameters"]}),
        new_code_cell("from helpers import check, load_article, plots, setup_notebook\nimport matplotlib.pyplot as plt\n"
                      "setup_notebook()\narticle = load_article(ARTICLE)", metadata={"tags": ["setup"]}),
        new_markdown_cell("## 1 · Paragraphs\n\nThe article has this many paragraphs, printed in 2023 style:"),
        new_code_cell("print(len(article.paragraphs))", outputs=[_stream("14\n")]),
        new_code_cell('plots.bar_chart({"a": 1}, title="T", xlabel="x", ylabel="y")\nplt.show()',
                      outputs=[new_output("display_data", data={"image/png": "iVBORw0KGgo=", "text/plain": "<Figure>"})]),
    ]
    for k in range(1, 5):
        cells += [
            new_markdown_cell(f"### Exercise 7.{k} · Question {k}\n\nHow many? Store it in `answer_{k}`.",
                              metadata={"tags": [SAMPLE_KINDS[k - 1]]}),
            new_code_cell(f"### BEGIN SOLUTION\nanswer_{k} = len(article.paragraphs)\n### END SOLUTION"),
            new_code_cell(f'check("07.{k}", answer_{k}, article)',
                          outputs=[_result(f"✅ Exercise 07.{k}: Correct. Yes.", answer=14)]),
        ]
    cells += [new_markdown_cell("### BEGIN SOLUTION\nBecause “14” is the count.\n### END SOLUTION",
                                metadata={"tags": ["solution"]})]  # a written answer to exercise 7.4
    nb = new_notebook(cells=cells, metadata={"kernelspec": dict(KERNELSPEC)})
    for n, cell in enumerate(nb.cells):
        cell.id = f"c{n}"
    tidy(nb)
    minutes = timing.timing(SAMPLE_NAME, nb).minutes  # the header states what the rule computes
    nb.cells[0].source = nb.cells[0].source.replace("about 15 minutes", f"about {minutes} minutes")
    return Notebook(SAMPLE_NAME, nb, notebook_text(nb))


def run(rule, src: Notebook) -> list[str]:
    if rule is rule_navigation:
        return rule(src, expected=SAMPLE_NAVIGATION)
    if rule is rule_registered_checks:
        return rule(src, known=SAMPLE_IDS)
    if rule is rule_python_taught:
        return rule(src, taught=SAMPLE_TAUGHT)
    return rule(src)


def mutate(change) -> Notebook:
    src = sample()
    change(src.nb)
    src.text = notebook_text(src.nb)
    return src


def cell_with(nb, text: str):
    return next(c for c in nb.cells if text in c.source)


@pytest.mark.parametrize("rule", RULES, ids=[r.__name__[5:] for r in RULES])
def test_the_sample_follows_every_rule(rule):
    assert run(rule, sample()) == []


def _set(text, new):
    def change(nb):
        cell_with(nb, text).source = new
    return change


def _outputs(text, outputs):
    def change(nb):
        cell_with(nb, text).outputs = outputs
    return change


BREAKAGES = {
    "no H1": (rule_header, _set("# 07 · A sample", "## A sample\n\n**What you will learn**\n- x\n\n"
                                 "**Time:** about 15 minutes\n\n**Prerequisites:** none")),
    "time in hours": (rule_header, _set("# 07 · A sample", "# 07 · A sample\n\n**What you will learn**\n- x\n\n"
                                        "**Time:** about 1 hour\n\n**Prerequisites:** none")),
    "second H1": (rule_header, _set("## 1 · Paragraphs", "# Paragraphs\n\nThe article has this many paragraphs:")),
    "navigation edited by hand": (rule_navigation, _set("<!-- navigation -->", "[Next](08_x.ipynb)")),
    "navigation untagged": (rule_navigation, lambda nb: nb.cells[1].metadata.pop("tags")),
    "parameters changed": (rule_parameters, _set("ARTICLE = None", 'ARTICLE = "seeds/x.txt"')),
    "parameters untagged": (rule_parameters, lambda nb: nb.cells[2].metadata.pop("tags")),
    "setup without load_article(ARTICLE)": (rule_setup, _set("setup_notebook()", "from helpers import load_article\n"
                                                             "setup_notebook()\narticle = load_article()")),
    "another kernel": (rule_kernel, lambda nb: nb.metadata.kernelspec.update(name="python3.11")),
    "%pip": (rule_portable_sources, _set("print(len(", "%pip install pandas\nprint(len(article.paragraphs))")),
    "sys.path": (rule_portable_sources, _set("print(len(", "import sys; sys.path.append('..')")),
    "absolute path": (rule_portable_sources, _set("print(len(", "load_article('/home/me/a.txt')")),
    "windows path": (rule_portable_sources, _set("The article has", "Save it as C:\\Users\\me\\a.txt")),
    "cells run out of order": (rule_execution_order, lambda nb: setattr(cell_with(nb, "print(len("),
                                                                        "execution_count", 9)),
    "a cell never run": (rule_execution_order, lambda nb: setattr(cell_with(nb, "print(len("),
                                                                  "execution_count", None)),
    "empty code cell": (rule_execution_order, lambda nb: nb.cells.append(new_code_cell(""))),
    "stored error": (rule_clean_outputs, _outputs("print(len(", [new_output("error", ename="NameError",
                                                                            evalue="x", traceback=[])])),
    "stderr": (rule_clean_outputs, _outputs("print(len(", [new_output("stream", name="stderr", text="oops\n")])),
    "warning": (rule_clean_outputs, _outputs("print(len(", [_stream("a.py:3: FutureWarning: soon\n")])),
    "warning printed": (rule_clean_outputs, _outputs("print(len(", [_stream("Warning: no quotes\n")])),
    "memory address": (rule_clean_outputs, _outputs("print(len(", [_stream("<object at 0x7f3a2b1c9d40>\n")])),
    "machine path": (rule_clean_outputs, _outputs("print(len(", [_stream("/home/me/course/seeds\n")])),
    "chart repr": (rule_clean_outputs, _outputs("plots.bar_chart", [_result("<Axes: title={'center': 'T'}>")])),
    "timings in metadata": (rule_canonical_file, lambda nb: cell_with(nb, "print(len(").metadata.update(
        execution={"iopub.execute_input": "2024-01-01T00:00:00Z"})),
    "split streams": (rule_canonical_file, _outputs("print(len(", [_stream("1"), _stream("4\n")])),
    "three exercises": (rule_exercises, lambda nb: [nb.cells.remove(c) for c in list(nb.cells)
                                                    if "7.4" in c.source or "07.4" in c.source or "answer_4" in c.source
                                                    or "“14”" in c.source]),
    "exercise misnumbered": (rule_exercises, _set("### Exercise 7.2", "### Exercise 7.5 · Question\n\nHow many?")),
    "check of another exercise": (rule_exercises, _set('check("07.2"', 'check("07.3", answer_2, article)')),
    "no check after the solution": (rule_exercises, lambda nb: nb.cells.remove(cell_with(nb, 'check("07.3"'))),
    "solution fails its check": (rule_exercises, _outputs('check("07.1"', [_result("❌ Exercise 07.1: not yet.")])),
    "unclosed solution": (rule_exercises, _set("answer_1 = len", "### BEGIN SOLUTION\nanswer_1 = 14")),
    "question inside the solution": (rule_exercises, lambda nb: cell_with(nb, "### Exercise 7.3").metadata.update(
        tags=["solution"])),
    "solution outside an exercise": (rule_exercises, _set("print(len(", f"{BEGIN}\nx = 1\n{END}")),
    "unregistered check": (rule_registered_checks, _set('check("07.2"', 'check("07.9", answer_2, article)')),
    "registered check unused": (rule_registered_checks, _set('check("07.2"', "answer_2")),
    "chart without labels": (rule_figures, _set("plots.bar_chart", "fig, ax = plt.subplots()\nax.bar(['a'], [1])\n"
                                                 "ax.set_title('T')\nplt.show()")),
    "number typed into prose": (rule_numbers_in_prose, _set("## 1 · Paragraphs", "## 1 · Paragraphs\n\nThe article "
                                                            "has 15 paragraphs.")),
    "later cell uses an answer": (rule_answers_not_reused, lambda nb: nb.cells.append(
        new_code_cell("print(answer_1 + 1)"))),
    # issue #13
    "a long demonstration cell": (rule_cell_size, _set("print(len(", "\n".join(f"x{k} = {k}" for k in range(5))
                                                     + "\nprint(len(article.paragraphs))")),
    "a long set-up cell": (rule_cell_size, _set("setup_notebook()", "from helpers import check\n" * 10
                                                + "setup_notebook()\narticle = load_article(ARTICLE)")),
    "set-up cell untagged": (rule_cell_size, lambda nb: nb.cells[3].metadata.pop("tags")),
    "a long worked solution": (rule_solution_size, _set("answer_3 = len", "### BEGIN SOLUTION\nparagraphs = article.paragraphs\n"
                                                        "n = len(paragraphs)\nm = n\nanswer_3 = m\n### END SOLUTION")),
    "an empty worked solution": (rule_solution_size, _set("answer_3 = len", "### BEGIN SOLUTION\n# nothing\n### END SOLUTION")),
    "exercise without a kind": (rule_exercise_kinds, lambda nb: cell_with(nb, "### Exercise 7.1").metadata.pop("tags")),
    "exercise with two kinds": (rule_exercise_kinds, lambda nb: cell_with(nb, "### Exercise 7.1").metadata.update(
        tags=["judgement", "compute"])),
    "written exercise without a written answer": (rule_exercise_kinds, lambda nb: cell_with(
        nb, "### Exercise 7.3").metadata.update(tags=["written"])),
    "too few judgements": (rule_judgement_share, lambda nb: [cell_with(nb, f"### Exercise 7.{k}").metadata.update(
        tags=["compute"]) for k in (1, 2)]),
    "answer printed above the question": (rule_not_copied, lambda nb: _copyable(nb)),
    "check output without its answer": (rule_not_copied, lambda nb: cell_with(nb, 'check("07.2"').outputs[0].update(
        metadata={})),
    "header time not computed": (rule_time_header, _set("# 07 · A sample", "# 07 · A sample\n\n**What you will learn**\n"
                                                        "- x\n\n**Time:** about 15 minutes\n\n**Prerequisites:** none")),
    "over 90 minutes": (rule_time_limit, lambda nb: nb.cells.insert(5, new_markdown_cell("Read this. " * 7000))),
    "a comprehension in an exercise": (rule_python_taught, _set("answer_3 = len", "### BEGIN SOLUTION\n"
                                                                "answer_3 = len([p for p in article.paragraphs])\n### END SOLUTION")),
    "link above the served folder": (rule_links_work_in_lab, _set("<!-- navigation -->",
                                                                  "<!-- navigation -->\n[Course map](../README.md#course-map)")),
    "link to a missing file": (rule_links_work_in_lab, _set("## 1 · Paragraphs", "## 1 · Paragraphs\n\nSee "
                                                            "[the guide](99_missing.ipynb).")),
}


def _copyable(nb):
    """The review's example: "Most quoted paragraph: 6" printed, then "which paragraph is most quoted?"."""
    index = nb.cells.index(cell_with(nb, "### Exercise 7.1"))
    nb.cells.insert(index, new_code_cell('print(f"Most quoted paragraph: {6}")',
                                         outputs=[_stream("Most quoted paragraph: 6\n")]))
    cell_with(nb, "### Exercise 7.1").source = ("### Exercise 7.1 · The most quoted paragraph\n\n"
                                                "Which paragraph is quoted most? Store its number in `answer_1`.")
    cell_with(nb, 'check("07.1"').outputs = [_result("✅ Exercise 07.1: Correct. Yes.", answer=6)]


@pytest.mark.parametrize("breakage", BREAKAGES, ids=list(BREAKAGES))
def test_each_rule_notices_when_it_is_broken(breakage):
    rule, change = BREAKAGES[breakage]
    problems = run(rule, mutate(change))
    assert problems, f"{rule.__name__} did not notice: {breakage}"
    assert all(isinstance(p, str) and len(p) > 20 for p in problems)


def test_numbers_allowed_in_prose():
    text = ("In 2023, as notebook 03 and section 2 show (Exercise 1.2), the “23” injured and `len(x) == 4` "
            "appear in UTF-8 text from X-2; see [the map](05_x.ipynb). <!-- 99 -->\n1. first step\n"
            "Entman (1993, *Journal of Communication* 43(4), p. 52; pp. 51-58)")
    assert prose_numbers(text) == []
    assert prose_numbers("**Time:** about 45 minutes", header=True) == []
    assert prose_numbers("It has 14 paragraphs, 2,000 words and 45% quotes; 0.62 is high.") == \
        ["14", "2,000", "45", "0.62"]


def _with_printed(line, answer, question="Which paragraph is quoted most? Store its number in `answer_1`.",
                  html=None):
    """The sample with ``line`` printed before exercise 7.1, which asks ``question``; its check saw ``answer``."""
    def change(nb):
        index = nb.cells.index(cell_with(nb, "### Exercise 7.1"))
        data = {"text/plain": line}
        if html:
            data["text/html"] = html
        nb.cells.insert(index, new_code_cell("show()", outputs=[new_output("display_data", data=data)]))
        cell_with(nb, "### Exercise 7.1").source = f"### Exercise 7.1 · A question\n\n{question}"
        cell_with(nb, 'check("07.1"').outputs = [_result("✅ Exercise 07.1: Correct. Yes.", answer=answer)]
    return mutate(change)


def test_a_copied_answer_is_caught_in_its_forms():
    assert rule_not_copied(_with_printed("Most quoted paragraph: 6", 6))
    assert rule_not_copied(_with_printed("quoted share of the lede: 43%", 0.43,
                                         "What share of the lede is quoted? Store it in `share`."))
    assert rule_not_copied(_with_printed("Paragraphs quoted most: 3, 7", [3, 7],
                                         "Which paragraphs are quoted most? List their numbers."))
    assert rule_not_copied(_with_printed("The body has 2,000 words", 2000, "How many words has the body?"))


def test_a_number_in_a_table_or_on_an_unrelated_line_is_not_a_copy():
    # a table is evidence to read: finding the row is the exercise
    assert not rule_not_copied(_with_printed("paragraph  quotes\n6  9", 6, html="<table><tr><td>6</td></tr></table>"))
    assert not rule_not_copied(_with_printed("Events in the timeline: 6", 6))  # no word of the question
    assert not rule_not_copied(_with_printed("Most quoted paragraph: 16", 6))  # another number
    assert not rule_not_copied(_with_printed("Most quoted paragraph: 6", "six"))  # not a number: a text answer
    assert not rule_not_copied(_with_printed("Paragraphs quoted most: 3", [3, 7],
                                             "Which paragraphs are quoted most? List their numbers."))


def test_number_forms():
    assert number_forms(6) == ["6", "6"] and number_forms(1200) == ["1200", "1,200"]
    assert number_forms(0.43)[:3] == ["0.43", "0.43", "0.4"] and "43%" in number_forms(0.43)
    assert number_forms(True) == [] and number_forms("6") == []


def test_number_shown_in_outputs():
    assert shown("14", "14 paragraphs")
    assert shown("2,000", "2000 words")
    assert shown("45", "45%")
    assert not shown("45", "0.45")
    assert not shown("14", "140")
    assert not shown("0.6", "0.62")


# --- the tools that write notebooks -------------------------------------------------------------

def test_navigation_links_previous_course_map_and_next():
    names, heads = ["01_a.ipynb", "02_b.ipynb", "03_c.ipynb"], ["01 · A", "02 · B [draft]", "03 · C"]
    first, middle, last = (navigation_source(names, heads, k, "../README.md#course-map") for k in range(3))
    assert first.endswith("[Course map](../README.md#course-map) · [02 · B \\[draft\\] →](02_b.ipynb)")
    assert middle.endswith("[← 01 · A](01_a.ipynb) · [Course map](../README.md#course-map) · [03 · C →](03_c.ipynb)")
    assert last.endswith("[← 02 · B \\[draft\\]](02_b.ipynb) · [Course map](../README.md#course-map)")


def test_make_nav_rewrites_only_the_navigation_cell(tmp_path):
    from tools.navigation import update_navigation

    first, second = sample(), sample()
    second.nb.cells[0].source = second.nb.cells[0].source.replace("# 07 · A sample", "# 08 · Another")
    second.text = notebook_text(second.nb)
    paths = [tmp_path / "07_sample.ipynb", tmp_path / "08_another.ipynb"]
    for path, src in zip(paths, (first, second)):
        path.write_text(src.text, encoding="utf-8")
    assert update_navigation(paths) == paths
    after = read_notebook(paths[0])
    assert after.cells[1].source.endswith("· [08 · Another →](08_another.ipynb)")
    after.cells[1].source = first.nb.cells[1].source
    assert notebook_text(after) == first.text  # nothing else changed
    assert update_navigation(paths) == []  # in sync: a second run changes nothing


def test_tidy_makes_a_run_independent_of_timing_and_machine():
    src = sample()
    nb = copy.deepcopy(src.nb)
    cell = cell_with(nb, "print(len(")
    cell.outputs = [new_output("stream", name="stdout", text="1"), new_output("stream", name="stdout", text="4\n")]
    cell.metadata["execution"] = {"iopub.status.busy": "2024-01-01T00:00:00Z"}
    nb.metadata["language_info"] = {"name": "python", "version": "3.11.7"}
    for k, (_, code) in enumerate(code_cells(nb)):
        code.execution_count = 40 + k
    assert notebook_text(tidy(nb)) == src.text


@pytest.mark.kernel
def test_make_solutions_twice_gives_the_same_bytes(tmp_path, capsys):
    """Run a small notebook through `python -m tools.solutions` twice: the file is byte-identical."""
    from tools.solutions import main as solutions

    nb = new_notebook(cells=[
        new_markdown_cell("# 07 · Trial"),
        new_markdown_cell("<!-- navigation -->", metadata={"tags": ["navigation"]}),
        new_code_cell("from helpers import load_article, plots\nimport matplotlib.pyplot as plt\n"
                      "article = load_article()\nfor k in range(3):\n    print(k, article.paragraphs[k][:20])"),
        new_code_cell("{w: len(w) for w in sorted({str(w) for w in article.words[:8]})}"),
        new_code_cell('plots.bar_chart({"a": 1, "b": 2}, title="T", xlabel="x", ylabel="y")\nplt.show()'),
    ], metadata={"kernelspec": dict(KERNELSPEC)})
    path = tmp_path / "07_trial.ipynb"
    path.write_text(notebook_text(nb), encoding="utf-8")
    assert solutions([str(path)]) == 0
    first = path.read_bytes()
    assert solutions([str(path)]) == 0
    assert path.read_bytes() == first
    assert "07_trial.ipynb (unchanged)" in capsys.readouterr().out
    ran = read_notebook(path)
    assert [c.execution_count for c in ran.cells if c.cell_type == "code"] == [1, 2, 3]
    assert "image/png" in ran.cells[4].outputs[0].data
    assert "version" not in ran.metadata.language_info
    assert student_path(path).exists()  # the student edition follows, under its own name


# --- honest timings, the course maps, the start page, what each exercise needs ------------------

def test_the_timing_rule_adds_up():
    """A notebook of known parts: every part costs what AUTHORING.md says."""
    nb = new_notebook(cells=[
        new_markdown_cell("# 07 · T\n\n" + "word " * 300),  # 300 words and the title's two ("07", "T")
        new_markdown_cell("<!-- navigation -->\n[Course map](START_HERE.md)", metadata={"tags": ["navigation"]}),
        new_code_cell("x = 1"),
        new_code_cell("table", outputs=[new_output("display_data", data={"text/html": "<table></table>",
                                                                         "text/plain": "t"})]),
        new_markdown_cell("### Exercise 7.1 · J", metadata={"tags": ["judgement"]}),
        new_code_cell("### BEGIN SOLUTION\nanswer = 'a'\n### END SOLUTION"),
        new_code_cell('check("07.1", answer, article)'),
        new_markdown_cell("### Exercise 7.2 · W", metadata={"tags": ["written"]}),
        new_markdown_cell("### BEGIN SOLUTION\n" + "secret " * 500 + "\n### END SOLUTION", metadata={"tags": ["solution"]}),
        new_markdown_cell("### Exercise 7.3 · C"),  # untagged: counted as compute
    ])
    result = timing.timing("07_t.ipynb", nb)
    # the three headings have four words each ("Exercise", "7", "1", "J"); navigation and the solution do not count
    assert (result.words, result.code_cells, result.tables_and_charts) == (300 + 2 + 3 * 4, 2, 1)
    assert result.exercises == {"judgement": 1, "compute": 0, "written": 1} and result.untagged == 1
    expected = (314 / timing.WORDS_PER_MINUTE + 2 * timing.CODE_CELL_MINUTES + timing.OUTPUT_MINUTES
                + timing.EXERCISE_MINUTES["judgement"] + timing.EXERCISE_MINUTES["written"]
                + timing.EXERCISE_MINUTES["compute"])
    assert result.exact == pytest.approx(expected)
    assert result.minutes % timing.ROUND_TO == 0 and abs(result.minutes - expected) <= timing.ROUND_TO / 2


def test_the_timing_rule_is_stated_in_authoring():
    text = (NOTEBOOKS_DIR.parent / "AUTHORING.md").read_text(encoding="utf-8")
    section = text[text.index("## Honest timings"):]
    for stated in (f"{timing.WORDS_PER_MINUTE} words a minute", f"{timing.CODE_CELL_MINUTES} minute",
                   *(f"{kind}: {minutes} minutes" for kind, minutes in timing.EXERCISE_MINUTES.items()),
                   f"nearest {timing.ROUND_TO} minutes", f"{timing.LIMIT} minutes"):
        assert stated in section, f"AUTHORING.md, 'Honest timings', must state {stated!r} (tools/timing.py uses it)"


def test_the_course_maps_show_the_computed_times():
    """README.md and notebooks/START_HERE.md list every notebook with the minutes the rule gives."""
    stale = [relative(path) for path, text in timing.expected_files(timing.all_timings()).items()
             if path.read_text(encoding="utf-8") != text]
    assert not stale, f"{', '.join(stale)}: the course map is out of date: run `make timing`"


def test_header_rewrite_changes_only_the_time(tmp_path):
    path = tmp_path / SAMPLE_NAME
    src = sample()
    path.write_text(src.text, encoding="utf-8")
    assert timing.set_header_minutes(path, 85)
    after = read_notebook(path)
    assert timing.header_minutes(after) == 85
    after.cells[0].source = src.nb.cells[0].source
    assert notebook_text(after) == src.text
    assert not timing.set_header_minutes(path, 85)


def _links(text: str) -> list[str]:
    return [t for t in re.findall(r"\]\(([^)\s]+)\)", text) if not re.match(r"[a-z]+:", t) and not t.startswith("#")]


def test_every_link_of_the_start_page_opens_inside_jupyterlab():
    start = NOTEBOOKS_DIR / "START_HERE.md"
    links = _links(start.read_text(encoding="utf-8"))
    assert any("00_" in link and "_exercises.ipynb" in link for link in links), "the start page must link notebook 00"
    for link in links:
        target = (start.parent / link.split("#")[0]).resolve()
        assert NOTEBOOKS_DIR.resolve() in target.parents and target.exists(), f"START_HERE.md: {link} does not open in Lab"
    for path in NOTEBOOKS:  # every notebook is on the map, in its student edition
        assert f"({student_path(Path(path.name)).as_posix()})" in start.read_text(encoding="utf-8"), path.name


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_every_link_of_the_student_edition_opens_inside_jupyterlab(path):
    student = student_path(path)
    for cell in read_notebook(student).cells:
        for link in _links(cell.source) if cell.cell_type == "markdown" else []:
            target = (student.parent / link.split("#")[0]).resolve()
            assert NOTEBOOKS_DIR.resolve() in target.parents and target.exists(), f"{student.name}: {link}"


def test_the_student_edition_is_told_apart_from_the_solution():
    for path in NOTEBOOKS:
        student = student_path(path)
        assert student.name != path.name and student.name.endswith("_exercises.ipynb")
        assert student.parent == NOTEBOOKS_DIR / "exercises"


@pytest.mark.parametrize("code, needs", [
    ("n = len(article.paragraphs)", {"variable (=)", "len()", "attribute (article.paragraphs)"}),
    ("x = article.sentences[1:3]", {"variable (=)", "slice [a:b]", "attribute (article.paragraphs)", "number"}),
    ('kinds = ["word", "sentence"]', {"variable (=)", "list [...]", "string"}),
    ("s = [w for w in words if len(w) > 3]", {"variable (=)", "comprehension", "len()", "comparison (== != < > <= >=)",
                                              "number"}),
    ('t = table.sort_values("words", ascending=False)', {"variable (=)", "method .sort_values()", "string",
                                                         "keyword argument (name=...)", "attribute (article.paragraphs)"}),
    ("share = quoted_share(article) * 100", {"variable (=)", "helper quoted_share()", "arithmetic (+ - * /)", "number"}),
    ('d = {"a": (1, 2)}', {"variable (=)", "dict {key: value}", "tuple (a, b)", "string", "number"}),
])
def test_what_a_solution_needs(code, needs):
    assert python_needs.features(code, helpers={"quoted_share"}) == needs


def test_notebook_00_teaches_the_python_of_the_conventions():
    taught = python_needs.shown_features(read_notebook(NOTEBOOKS_DIR / "00_basics.ipynb"), everything=True)
    for feature in ("variable (=)", "string", "list [...]", "len()", "index [i]", "slice [a:b]", "for loop", "if",
                    "in", "f-string", "arithmetic (+ - * /)", "comparison (== != < > <= >=)", "method .sort_values()"):
        assert feature in taught, f"notebook 00 must teach {feature}"


def test_authoring_lists_what_each_exercise_needs():
    text = python_needs.AUTHORING.read_text(encoding="utf-8")
    assert python_needs.authoring_text() == text, "AUTHORING.md's list of what each exercise needs is out of date: run `make needs`"
    for exercise_id in registered():
        if exercise_id.split(".")[0] in {notebook_number(p) for p in NOTEBOOKS}:
            assert f"| {exercise_id} |" in text, f"AUTHORING.md does not list exercise {exercise_id}: run `make needs`"


def test_learning_outcomes_are_the_headers_bullets_whole(tmp_path):
    src = sample()
    src.nb.cells[0].source = ("# 07 · A sample\n\n**What you will learn**\n- to count paragraphs, and to see\n"
                              "  why the unit matters;\n- to read a table.\n\n**Time:** about 15 minutes")
    path = tmp_path / SAMPLE_NAME
    path.write_text(notebook_text(src.nb), encoding="utf-8")
    assert timing.learning_outcomes(path) == ["to count paragraphs, and to see why the unit matters", "to read a table"]


def test_cell_ids_are_unique_across_the_course():
    """make grade recognises a handed-in notebook by its cell ids, whatever its file name: no two notebooks share one."""
    seen: dict[str, str] = {}
    clashes = []
    for path in NOTEBOOKS:
        for cell in read_notebook(path).cells:
            if cell.get("id") in seen and seen[cell.get("id")] != path.name:
                clashes.append(f"{cell.get('id')!r} in {seen[cell.get('id')]} and {path.name}")
            seen.setdefault(cell.get("id"), path.name)
    assert not clashes, "cell ids shared by two notebooks (give one notebook's cells new ids): " + "; ".join(clashes[:5])
