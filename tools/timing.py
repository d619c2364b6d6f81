"""How long each notebook takes a student, computed from a stated rule.

::

    python -m tools.timing            # or: make timing -- the table, notebook by notebook
    python -m tools.timing --write    # also write the result into the course maps: README.md, the start
                                      # page (notebooks/START_HERE.md), the instructor guide's index
    python -m tools.timing --headers notebooks/01_reading.ipynb   # rewrite that notebook's **Time:** line
    python -m tools.timing --headers  # ... the **Time:** line of every notebook

**The rule** (AUTHORING.md, "Honest timings"), for a student new to Python:

* reading: every word of the notebook's text at :data:`WORDS_PER_MINUTE` (careful reading
  of new material, with the evidence beside it: slower than reading the news);
* every code cell outside the exercises: :data:`CODE_CELL_MINUTES` (read it, run it, read
  a short output), plus :data:`OUTPUT_MINUTES` more if it shows a table or a chart;
* every exercise, by its kind: :data:`EXERCISE_MINUTES` (read the question and the evidence,
  answer, run the check, read the feedback); an exercise without a kind counts as ``compute``;
* the total rounded to the nearest :data:`ROUND_TO` minutes.

A notebook longer than :data:`LIMIT` minutes is split (a test fails).
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from .anatomy import KINDS, exercise_blocks, is_check, is_solution
from .notebooks import (
    NOTEBOOKS_DIR, ROOT, has_tag, notebook_number, read_notebook, relative, solution_notebooks,
    student_path, title_of, write_notebook,
)
from .student import SOLUTION_TAG, stub_markdown

__all__ = [
    "WORDS_PER_MINUTE", "CODE_CELL_MINUTES", "OUTPUT_MINUTES", "EXERCISE_MINUTES", "ROUND_TO", "LIMIT",
    "Timing", "timing", "all_timings", "header_minutes", "set_header_minutes", "course_map_rows",
    "readme_map", "start_page_map", "learning_outcomes", "guide_map", "rewrite_between", "main",
]

WORDS_PER_MINUTE = 150
CODE_CELL_MINUTES = 1
OUTPUT_MINUTES = 1
EXERCISE_MINUTES = {"judgement": 5, "compute": 4, "written": 10}
ROUND_TO = 5
LIMIT = 90

TIME_LINE = re.compile(r"(\*\*Time:\*\*\s*about\s+)(\d+)(\s+minutes)")
WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")
START_PAGE = NOTEBOOKS_DIR / "START_HERE.md"
README = ROOT / "README.md"
GUIDE = ROOT / "docs" / "instructor" / "README.md"
MAP_BEGIN = "<!-- course map: written by `make timing`, do not edit by hand -->"
MAP_END = "<!-- end of the course map -->"


@dataclass
class Timing:
    """The parts of one notebook that take time, and the minutes the rule gives them."""

    name: str
    title: str
    words: int = 0
    code_cells: int = 0
    tables_and_charts: int = 0
    exercises: dict[str, int] = field(default_factory=lambda: dict.fromkeys(KINDS, 0))
    untagged: int = 0

    @property
    def exact(self) -> float:
        """Minutes before rounding."""
        return (self.words / WORDS_PER_MINUTE + self.code_cells * CODE_CELL_MINUTES
                + self.tables_and_charts * OUTPUT_MINUTES
                + sum(EXERCISE_MINUTES[kind] * n for kind, n in self.exercises.items())
                + EXERCISE_MINUTES["compute"] * self.untagged)

    @property
    def minutes(self) -> int:
        """The time the notebook's header and the course map show."""
        return max(ROUND_TO, int(self.exact / ROUND_TO + 0.5) * ROUND_TO)


def _prose(cell) -> str:
    """The text of a markdown cell a student reads (no navigation, no written solution, no comments)."""
    if has_tag(cell, "navigation") or has_tag(cell, SOLUTION_TAG):
        return ""
    text = stub_markdown(cell.source) if is_solution(cell) else cell.source
    text = re.sub(r"\]\([^)]*\)", "]", text)  # link targets are not read
    return re.sub(r"<!--.*?-->", " ", text, flags=re.DOTALL)


def _shows_table_or_chart(cell) -> bool:
    for output in cell.get("outputs", []):
        data = output.get("data", {})
        if any(key.startswith("image/") for key in data) or "<table" in str(data.get("text/html", "")):
            return True
    return False


def timing(path: Path, nb=None) -> Timing:
    """The timing of one solution notebook (its stored outputs tell which cells show tables and charts)."""
    nb = read_notebook(path) if nb is None else nb
    result = Timing(Path(path).name, title_of(nb, Path(path).stem))
    blocks = exercise_blocks(nb)
    in_exercise = {i for block in blocks for i in block.cells
                   if is_solution(nb.cells[i]) or is_check(nb.cells[i])}
    for block in blocks:
        if block.kind:
            result.exercises[block.kind] += 1
        else:
            result.untagged += 1
    for index, cell in enumerate(nb.cells):
        if cell.cell_type == "markdown":
            result.words += len(WORD.findall(_prose(cell)))
        elif cell.cell_type == "code" and index not in in_exercise and cell.source.strip():
            result.code_cells += 1
            result.tables_and_charts += _shows_table_or_chart(cell)
    return result


def all_timings(folder: Path | None = None) -> list[Timing]:
    """The timing of every solution notebook, in course order."""
    return [timing(path) for path in solution_notebooks(folder)]


def header_minutes(nb) -> int | None:
    """The minutes the notebook's header states (``**Time:** about N minutes``), or None."""
    match = TIME_LINE.search(nb.cells[0].source) if nb.cells and nb.cells[0].cell_type == "markdown" else None
    return int(match[2]) if match else None


def set_header_minutes(path: Path, minutes: int) -> bool:
    """Rewrite the ``**Time:**`` line of one notebook's header; True if the file changed."""
    nb = read_notebook(path)
    if header_minutes(nb) is None:
        return False
    nb.cells[0].source = TIME_LINE.sub(lambda m: f"{m[1]}{minutes}{m[3]}", nb.cells[0].source, count=1)
    return write_notebook(path, nb)


# --- the course map: README.md and notebooks/START_HERE.md --------------------------------------

def _short_title(title: str) -> str:
    """ "01 · Reading an article: ..." -> "Reading an article: ..." """
    return re.sub(r"^\d+\s*·\s*", "", title)


def _total(minutes: int) -> str:
    hours, rest = divmod(minutes, 60)
    return f"about {hours} h {rest:02d} min" if hours else f"about {rest} min"


def course_map_rows(timings: list[Timing]) -> list[tuple[str, str, str, int]]:
    """(number, title, file name, minutes) of every notebook."""
    return [(notebook_number(t.name), _short_title(t.title), t.name, t.minutes) for t in timings]


_README_ROW = re.compile(r"^\|\s*(\d\d)\s*\|[^|]*\|\s*([^|]*?)\s*\|\s*\d*\s*\|\s*$")


def readme_map(timings: list[Timing], current: str) -> str:
    """The README's course map for ``timings``; each topic is kept from the ``current`` README."""
    topics = {m[1]: m[2] for m in map(_README_ROW.match, current.splitlines()) if m}
    lines = ["| # | notebook | topic | minutes |", "|---|---|---|---|"]
    for number, title, name, minutes in course_map_rows(timings):
        student = student_path(Path("notebooks") / name).as_posix()
        lines.append(f"| {number} | [{title}](notebooks/{name}) ([exercises]({student})) "
                     f"| {topics.get(number, '')} | {minutes} |")
    lines.append("")
    lines.append(f"In all {_total(sum(t.minutes for t in timings))}, by the rule in "
                 "[AUTHORING.md](AUTHORING.md#honest-timings).")
    return "\n".join(lines)


def start_page_map(timings: list[Timing], solutions: bool = True) -> str:
    """The course map of the start page: each notebook's student edition (and its solved version)."""
    head = "| # | notebook: open this one | minutes |" + (" worked solutions |" if solutions else "")
    rule = "|---|---|---|" + ("---|" if solutions else "")
    lines = [head, rule]
    for number, title, name, minutes in course_map_rows(timings):
        student = student_path(Path(name)).as_posix()
        row = f"| {number} | [{title}]({student}) | {minutes} |"
        lines.append(row + (f" [{Path(name).stem}]({name}) |" if solutions else ""))
    lines.append("")
    lines.append(f"In all {_total(sum(t.minutes for t in timings))}.")
    return "\n".join(lines)


def learning_outcomes(path: Path) -> list[str]:
    """The bullets of a notebook's *What you will learn* ("to read a table ...")."""
    nb = read_notebook(path)
    header = nb.cells[0].source if nb.cells else ""
    part = header.split("What you will learn", 1)[-1].split("**Time:**", 1)[0]
    bullets: list[str] = []
    for line in part.splitlines():
        if line.strip().startswith(("- ", "* ")):
            bullets.append(line.strip()[2:].strip())
        elif line.strip() and bullets:  # a bullet that goes on over the next line
            bullets[-1] += " " + line.strip()
    return [" ".join(b.split()).rstrip(";.") for b in bullets]


def guide_map(timings: list[Timing]) -> str:
    """The instructor guide's table: each notebook's time, what students learn, and its instructor page."""
    lines = ["| # | notebook | minutes | students learn | instructor notes |", "|---|---|---|---|---|"]
    for number, title, name, minutes in course_map_rows(timings):
        outcomes = "; ".join(learning_outcomes(NOTEBOOKS_DIR / name)).replace("|", "\\|")
        pages = sorted(GUIDE.parent.glob(f"{number}_*.md"))
        notes = ", ".join(f"[{p.name}]({p.name})" for p in pages) or "to come"
        lines.append(f"| {number} | [{title}](../../notebooks/{name}) | {minutes} | {outcomes} | {notes} |")
    lines.append("")
    lines.append(f"In all {_total(sum(t.minutes for t in timings))} of student work by the course's timing rule.")
    return "\n".join(lines)


def rewrite_between(text: str, body: str) -> str:
    """``text`` with the part between :data:`MAP_BEGIN` and :data:`MAP_END` replaced by ``body``."""
    if MAP_BEGIN not in text or MAP_END not in text:
        raise ValueError(f"the markers {MAP_BEGIN!r} and {MAP_END!r} are missing")
    before, rest = text.split(MAP_BEGIN, 1)
    _, after = rest.split(MAP_END, 1)
    return f"{before}{MAP_BEGIN}\n{body}\n{MAP_END}{after}"


def expected_files(timings: list[Timing]) -> dict[Path, str]:
    """What README.md, notebooks/START_HERE.md and the instructor guide's index should hold, by path."""
    readme = README.read_text(encoding="utf-8")
    start = START_PAGE.read_text(encoding="utf-8")
    guide = GUIDE.read_text(encoding="utf-8")
    return {README: rewrite_between(readme, readme_map(timings, readme)),
            START_PAGE: rewrite_between(start, start_page_map(timings)),
            GUIDE: rewrite_between(guide, guide_map(timings))}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.timing", description=__doc__.split("\n")[0])
    parser.add_argument("--write", action="store_true",
                        help="write the times into README.md's course map and notebooks/START_HERE.md")
    parser.add_argument("--headers", action="store_true",
                        help="rewrite the **Time:** line of the notebooks named (default: of every notebook)")
    parser.add_argument("notebooks", nargs="*", type=Path, help="with --headers: the notebooks whose header to rewrite")
    args = parser.parse_args(argv)
    timings = all_timings()
    print(f"{'notebook':<28}{'words':>6}{'cells':>6}{'tables':>7}{'judg.':>6}{'comp.':>6}{'writ.':>6}"
          f"{'exact':>7}{'min':>5}{'header':>7}")
    for t in timings:
        stated = header_minutes(read_notebook(NOTEBOOKS_DIR / t.name))
        flag = "" if stated == t.minutes else "  <- header differs"
        print(f"{t.name:<28}{t.words:>6}{t.code_cells:>6}{t.tables_and_charts:>7}{t.exercises['judgement']:>6}"
              f"{t.exercises['compute'] + t.untagged:>6}{t.exercises['written']:>6}{t.exact:>7.1f}{t.minutes:>5}"
              f"{stated if stated is not None else '-':>7}{flag}")
    print(f"Rule: {WORDS_PER_MINUTE} words a minute; {CODE_CELL_MINUTES} min a code cell, {OUTPUT_MINUTES} more "
          f"with a table or chart; exercises {EXERCISE_MINUTES}; rounded to {ROUND_TO} min. Limit {LIMIT} min.")
    if args.write:
        from helpers.files import write_text

        for path, text in expected_files(timings).items():
            if path.read_text(encoding="utf-8") != text:
                write_text(path, text, newline="\n")
                print(f"wrote {relative(path)}")
    if args.headers:
        chosen = {Path(p).name for p in args.notebooks}
        for t in timings:
            if (not chosen or t.name in chosen) and set_header_minutes(NOTEBOOKS_DIR / t.name, t.minutes):
                print(f"header updated: notebooks/{t.name} (run `make student` for the student edition)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
