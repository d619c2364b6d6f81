"""What Python each exercise needs, read from the worked solutions themselves.

::

    python -m tools.python_needs            # or: make needs -- print the list
    python -m tools.python_needs --write    # write it into AUTHORING.md (between its markers)

For every exercise of every solution notebook this reads the code of the worked
solution and names what a student must know to write it: ``variable (=)``,
``string``, ``list [...]``, ``index [i]``, ``len()``, ``for loop``, ``f-string``,
a method such as ``.lower()``, a function of the course's helpers, ... .

**Taught** is

* the language notebook 00 teaches: every construct its cells use (variables,
  strings, lists, indexing and slices, ``len``, ``for`` and ``if``, ``in``,
  arithmetic, f-strings, reading a table);
* and vocabulary shown working before the exercise asks for it: a method
  (``.sort_values()``), a built-in function (``max()``) or a keyword argument
  that a code cell outside the exercises, in an earlier notebook or earlier in
  the same notebook, uses.

A new construct of the language (a comprehension, a ``dict``, ``lambda``, set
operations, ...) is taught in notebook 00 or not at all.  The structure test fails
when an exercise needs something not taught (``rule_python_taught``).
"""

from __future__ import annotations

import argparse
import ast
import builtins
import sys
from dataclasses import dataclass, field
from pathlib import Path

from .anatomy import exercise_blocks, exercise_cells, is_solution, solution_code
from .notebooks import ROOT, notebook_number, read_notebook, relative, solution_notebooks
from .student import python_source

__all__ = ["features", "Needs", "exercise_needs", "is_vocabulary", "shown_features", "taught_before", "needs_table",
           "authoring_text", "main"]

AUTHORING = ROOT / "AUTHORING.md"
BEGIN = "<!-- python needs: written by `make needs`, do not edit by hand -->"
END = "<!-- end of the python needs -->"
#: Names a notebook imports from the course's package (``from helpers import ...``), found in its code.
BUILTINS = set(dir(builtins))
ARITHMETIC = "arithmetic (+ - * /)"
COMPARISON = "comparison (== != < > <= >=)"
_OPERATORS = {ast.Add: ARITHMETIC, ast.Sub: ARITHMETIC, ast.Mult: ARITHMETIC, ast.Div: ARITHMETIC,
              ast.FloorDiv: "operator //", ast.Mod: "operator %", ast.Pow: "operator **",
              ast.BitAnd: "operator & (sets, tables)", ast.BitOr: "operator | (sets, tables)",
              ast.BitXor: "operator ^", ast.MatMult: "operator @"}
_COMPARE = {ast.Eq: COMPARISON, ast.NotEq: COMPARISON, ast.Lt: COMPARISON, ast.LtE: COMPARISON,
            ast.Gt: COMPARISON, ast.GtE: COMPARISON, ast.Is: "is / is not", ast.IsNot: "is / is not",
            ast.In: "in", ast.NotIn: "not in"}


class _Features(ast.NodeVisitor):
    def __init__(self, helpers: set[str]):
        self.helpers = helpers
        self.found: set[str] = set()

    def generic_visit(self, node):
        kind = type(node)
        name = {
            ast.Assign: "variable (=)", ast.AugAssign: "+= (update)", ast.For: "for loop", ast.If: "if",
            ast.IfExp: "if … else (expression)", ast.While: "while loop", ast.JoinedStr: "f-string",
            ast.List: "list [...]", ast.Tuple: "tuple (a, b)", ast.Dict: "dict {key: value}", ast.Set: "set {...}",
            ast.ListComp: "comprehension", ast.SetComp: "comprehension", ast.DictComp: "comprehension",
            ast.GeneratorExp: "comprehension", ast.Lambda: "lambda", ast.FunctionDef: "def (a function)",
            ast.BoolOp: "and / or", ast.Try: "try / except", ast.With: "with", ast.Starred: "* (unpacking)",
        }.get(kind)
        if name:
            self.found.add(name)
        if isinstance(node, ast.Constant):
            if isinstance(node.value, str):
                self.found.add("string")
            elif isinstance(node.value, (int, float)) and not isinstance(node.value, bool):
                self.found.add("number")
        elif isinstance(node, ast.BinOp):
            self.found.add(_OPERATORS.get(type(node.op), "operator ?"))
        elif isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
            self.found.add("not")
        elif isinstance(node, ast.Compare):
            self.found |= {_COMPARE.get(type(op), "comparison ?") for op in node.ops}
        elif isinstance(node, ast.Subscript):
            self.found.add("slice [a:b]" if isinstance(node.slice, ast.Slice) else "index [i]")
        elif isinstance(node, ast.keyword) and node.arg:
            self.found.add("keyword argument (name=...)")
        elif isinstance(node, ast.Call):
            function = node.func
            if isinstance(function, ast.Name):
                if function.id in self.helpers:
                    self.found.add(f"helper {function.id}()")
                elif function.id in BUILTINS:
                    self.found.add(f"{function.id}()")
                else:
                    self.found.add("calling a function of your own")
            elif isinstance(function, ast.Attribute):
                owner = function.value
                if isinstance(owner, ast.Name) and owner.id in self.helpers:
                    self.found.add(f"helper {owner.id}.{function.attr}()")
                else:
                    self.found.add(f"method .{function.attr}()")
        elif isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Load):
            self.found.add("attribute (article.paragraphs)")
        super().generic_visit(node)


def features(code: str, helpers: set[str] = frozenset()) -> set[str]:
    """What Python ``code`` uses (see the module's docstring); ``helpers``: names imported from the course."""
    try:
        tree = ast.parse(python_source(code))
    except SyntaxError:
        return {"(not valid Python)"}
    visitor = _Features(set(helpers))
    visitor.visit(tree)
    # attribute access that is a method call or a helper module is already named
    return visitor.found


def helper_names(nb) -> set[str]:
    """The names a notebook imports from the course's package (``from helpers import a, b``)."""
    names = set()
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        try:
            tree = ast.parse(python_source(cell.source))
        except SyntaxError:
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] == "helpers":
                names |= {alias.asname or alias.name for alias in node.names}
            elif isinstance(node, ast.Import):
                names |= {(alias.asname or alias.name).split(".")[0] for alias in node.names
                          if alias.name.split(".")[0] == "helpers"}
    return names


@dataclass
class Needs:
    """What one exercise's worked solution needs: ``python`` (the language), ``helpers`` (the course's calls)."""

    notebook: str
    exercise: str
    kind: str | None
    python: list[str] = field(default_factory=list)
    helpers: list[str] = field(default_factory=list)
    written: bool = False  # the answer is written text, no code


def exercise_needs(path: Path, nb=None) -> list[Needs]:
    """The needs of every exercise of one notebook, in order."""
    nb = read_notebook(path) if nb is None else nb
    helpers = helper_names(nb)
    result = []
    for block in exercise_blocks(nb):
        found, code_seen = set(), False
        for index in block.cells:
            cell = nb.cells[index]
            if cell.cell_type == "code" and is_solution(cell):
                inside, _ = solution_code(cell)
                found |= features("\n".join(inside), helpers)
                code_seen = True
        python = sorted(f for f in found if not f.startswith("helper "))
        helper_calls = sorted(f[len("helper "):] for f in found if f.startswith("helper "))
        result.append(Needs(Path(path).name, block.id, block.kind, python, helper_calls, written=not code_seen))
    return result


def is_vocabulary(feature: str) -> bool:
    """A method, a built-in function or a keyword argument: what a demonstration can teach by itself."""
    return feature.startswith("method ") or feature.endswith("()") or feature.startswith("keyword argument")


def shown_features(nb, upto: int | None = None, everything: bool = False) -> set[str]:
    """What the code cells of ``nb`` before cell ``upto`` show: outside exercises, or all cells with ``everything``."""
    helpers = helper_names(nb)
    skip = set() if everything else exercise_cells(nb)
    found = set()
    for index, cell in enumerate(nb.cells[:upto]):
        if cell.cell_type == "code" and index not in skip:
            found |= features(cell.source, helpers)
    return {f for f in found if not f.startswith("helper ")}


def taught_before(paths: list[Path], path: Path, heading: int, notebooks: dict | None = None) -> set[str]:
    """What a student has seen by exercise heading ``heading`` of ``path``: notebook 00 whole, then the
    demonstration cells of every earlier notebook and of this one up to the exercise."""
    notebooks = notebooks or {}

    def nb_of(p):
        return notebooks.get(p) or read_notebook(p)

    def seen(p, upto=None):
        if notebook_number(p) == "00":
            return shown_features(nb_of(p), upto=upto, everything=True)
        return {f for f in shown_features(nb_of(p), upto=upto) if is_vocabulary(f)}

    taught = set()
    for earlier in paths:
        if earlier == path:
            break
        taught |= seen(earlier)
    return taught | seen(path, heading)


def needs_table(paths: list[Path] | None = None) -> str:
    """The Markdown list of what each exercise needs (the part of AUTHORING.md between the markers)."""
    paths = solution_notebooks() if paths is None else list(paths)
    lines = ["| exercise | kind | Python it needs | course helpers it calls |", "|---|---|---|---|"]
    for path in paths:
        for needs in exercise_needs(path):
            python = "written answer" if needs.written else ", ".join(f"`{f}`" if f[0] in ".[" else f
                                                                          for f in needs.python) or "—"
            helpers = ", ".join(f"`{h}`" for h in needs.helpers) or "—"
            lines.append(f"| {needs.exercise} | {needs.kind or 'untagged'} | {python} | {helpers} |")
    return "\n".join(lines)


def authoring_text(paths: list[Path] | None = None) -> str:
    """AUTHORING.md with its list of needs rewritten."""
    text = AUTHORING.read_text(encoding="utf-8")
    if BEGIN not in text or END not in text:
        raise SystemExit(f"AUTHORING.md lacks the markers {BEGIN!r} and {END!r}")
    before, rest = text.split(BEGIN, 1)
    _, after = rest.split(END, 1)
    return f"{before}{BEGIN}\n{needs_table(paths)}\n{END}{after}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.python_needs", description=__doc__.split("\n")[0])
    parser.add_argument("--write", action="store_true", help="write the list into AUTHORING.md")
    args = parser.parse_args(argv)
    print(needs_table())
    if args.write:
        from helpers.files import write_text

        text = authoring_text()
        if text != AUTHORING.read_text(encoding="utf-8"):
            write_text(AUTHORING, text, newline="\n")
            print(f"wrote {relative(AUTHORING)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
