"""The shape every solution notebook must have (AUTHORING.md, "Rules the tests enforce").

Each rule is a function that reads one notebook and returns a list of problems,
each saying where (cells are counted from 1, with the start of the cell) and
what to do.  The rules run on every ``notebooks/NN_topic.ipynb``; the tests at
the end break each rule on purpose in a small notebook built here and check
that the rule notices.
"""

from __future__ import annotations

import copy
import html
import re
from dataclasses import dataclass

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

from helpers import plots
from helpers.exercises import registered
from tools.navigation import navigation_source, titles
from tools.notebooks import (
    KERNELSPEC, markdown_lines, notebook_number, notebook_text, read_notebook, solution_notebooks,
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
    return navigation_source(names, titles(paths), names.index(name), "../README.md#course-map")


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
    """[(exercise id, heading cell index, [cell indexes up to the next heading])]."""
    blocks = []
    for index, cell in enumerate(nb.cells):
        if cell.cell_type == "markdown":
            for line in markdown_lines(cell.source):
                match = EXERCISE_HEADING.match(line)
                if match:
                    blocks.append([f"{int(match[1]):02d}.{match[2]}", index, []])
        if blocks and (cell.cell_type != "markdown" or blocks[-1][1] != index):
            blocks[-1][2].append(index)
    return blocks


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


RULES = [rule_header, rule_navigation, rule_parameters, rule_setup, rule_kernel, rule_portable_sources,
         rule_execution_order, rule_clean_outputs, rule_canonical_file, rule_exercises,
         rule_registered_checks, rule_figures, rule_numbers_in_prose, rule_answers_not_reused]


# --- the rules on the course's notebooks --------------------------------------------------------

@pytest.mark.parametrize("rule", RULES, ids=[r.__name__[5:] for r in RULES])
@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_notebook_follows_rule(path, rule):
    problems = rule(load(path))
    assert not problems, f"notebooks/{path.name}: {rule.__doc__.splitlines()[0]}\n  " + "\n  ".join(problems)


def test_every_registered_check_belongs_to_a_notebook():
    numbers = {notebook_number(p) for p in NOTEBOOKS}
    orphans = [i for i in registered() if i.split(".")[0] not in numbers]
    assert not orphans, (f"checks registered for notebooks that do not exist: {orphans}; "
                         "rename them or add the notebook")


# --- each rule notices when it is broken ---------------------------------------------------------

SAMPLE_NAME = "07_sample.ipynb"
SAMPLE_NAVIGATION = "<!-- navigation -->\n[Course map](../README.md#course-map)"
SAMPLE_IDS = ["07.1", "07.2", "07.3", "07.4"]


def _stream(text):
    return new_output("stream", name="stdout", text=text)


def _result(text, count=None):
    return new_output("execute_result", data={"text/plain": text}, execution_count=count)


def sample() -> Notebook:
    """A small notebook that follows every rule (executed by hand: outputs written here)."""
    cells = [
        new_markdown_cell("# 07 · A sample\n\n**What you will learn**\n- to count paragraphs\n\n"
                          "**Time:** about 15 minutes\n\n**Prerequisites:** notebook 01"),
        new_markdown_cell(SAMPLE_NAVIGATION, metadata={"tags": ["navigation"]}),
        new_code_cell("ARTICLE = None  # None: the course article; or the path of another plain-text article",
                      metadata={"tags": ["parameters"]}),
        new_code_cell("from helpers import check, load_article, plots, setup_notebook\nimport matplotlib.pyplot as plt\n"
                      "setup_notebook()\narticle = load_article(ARTICLE)"),
        new_markdown_cell("## 1 · Paragraphs\n\nThe article has this many paragraphs, printed in 2023 style:"),
        new_code_cell("print(len(article.paragraphs))", outputs=[_stream("14\n")]),
        new_code_cell('plots.bar_chart({"a": 1}, title="T", xlabel="x", ylabel="y")\nplt.show()',
                      outputs=[new_output("display_data", data={"image/png": "iVBORw0KGgo=", "text/plain": "<Figure>"})]),
    ]
    for k in range(1, 5):
        cells += [
            new_markdown_cell(f"### Exercise 7.{k} · Question {k}\n\nHow many? Store it in `answer_{k}`."),
            new_code_cell(f"### BEGIN SOLUTION\nanswer_{k} = len(article.paragraphs)\n### END SOLUTION"),
            new_code_cell(f'check("07.{k}", answer_{k}, article)',
                          outputs=[_result(f"✅ Exercise 07.{k}: Correct. Yes.")]),
        ]
    cells += [new_markdown_cell("### BEGIN SOLUTION\nBecause “14” is the count.\n### END SOLUTION",
                                metadata={"tags": ["solution"]})]  # a written answer to exercise 7.4
    nb = new_notebook(cells=cells, metadata={"kernelspec": dict(KERNELSPEC)})
    for n, cell in enumerate(nb.cells):
        cell.id = f"c{n}"
    tidy(nb)
    return Notebook(SAMPLE_NAME, nb, notebook_text(nb))


def run(rule, src: Notebook) -> list[str]:
    if rule is rule_navigation:
        return rule(src, expected=SAMPLE_NAVIGATION)
    if rule is rule_registered_checks:
        return rule(src, known=SAMPLE_IDS)
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
}


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
    assert (tmp_path / "exercises" / "07_trial.ipynb").exists()  # the student edition follows
