"""The course's own voice stays neutral.

Every markdown cell of every notebook (solutions in ``notebooks/`` and the
student edition in ``notebooks/exercises/``) is scanned for the contested
terms of the conflict (``helpers/data/contested_terms.json``: "terrorist",
"ethnic cleansing", "aggression", "separatist", "liberat…", "occupied",
"genocide", ...; word forms included, so "anti-terrorist" and "separatists"
count).

A contested term may appear only

1. **inside quotation marks** of any style (“…”, "…", «…», ‘…’), found by
   ``helpers.find_quotes`` (an unclosed quotation protects nothing);
2. **in code**: a fenced block (``` or ~~~) or an inline code span (`…`);
3. **as the term being studied**, which means either
   * *italicised* on its own: the term is inside ``*…*`` or ``_…_``
     (bold ``**…**`` does not count), or
   * an entry of a **list of terms**: a table cell or a list item whose whole
     text is the term (surrounding quotation marks, emphasis and final
     punctuation aside).

Anything else is the course speaking in its own voice, and fails with the
notebook, cell number, line number and the line itself.
"""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest

from helpers import find_quotes
from helpers.framing import CONTESTED_TERMS, find_term

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb")) + sorted((ROOT / "notebooks" / "exercises").glob("*.ipynb"))

_FENCE = re.compile(r"^(```|~~~)[^\n]*\n.*?^\1[ \t]*$", re.MULTILINE | re.DOTALL)
_INLINE_CODE = re.compile(r"(`+)(?!`)(.+?)(?<!`)\1(?!`)", re.DOTALL)
_ITALIC = re.compile(r"(?<![*\w])\*(?![*\s])([^*\n]+?)(?<![*\s])\*(?![*\w])"
                     r"|(?<![_\w])_(?![_\s])([^_\n]+?)(?<![_\s])_(?![_\w])")
_LIST_ITEM = re.compile(r"^[ \t]*(?:[-*+]|\d+[.)])[ \t]+(.*)$", re.MULTILINE)
_DECORATION = "\"“”«»„‘’'*_ \t.,;:!?"


def _blank(text: str, start: int, end: int) -> str:
    """Replace text[start:end] by spaces, keeping newlines (so line numbers stay right)."""
    return text[:start] + re.sub(r"[^\n]", " ", text[start:end]) + text[end:]


def _only_a_term(piece: str) -> bool:
    bare = piece.strip().strip(_DECORATION)
    return bool(bare) and any(find_term(bare, term) == [(0, len(bare))] for term in CONTESTED_TERMS)


def mask_allowed(markdown: str) -> str:
    """The markdown with every place a contested term may stand blanked out."""
    text = markdown
    for pattern in (_FENCE, _INLINE_CODE):
        for match in list(pattern.finditer(text)):
            text = _blank(text, match.start(), match.end())
    for quote in find_quotes(text):
        if not quote.unbalanced:
            text = _blank(text, quote.start, quote.end)
    for match in list(_ITALIC.finditer(text)):
        text = _blank(text, match.start(), match.end())
    lines = text.split("\n")
    for number, line in enumerate(lines):
        if line.lstrip().startswith("|"):
            cells = line.split("|")
            lines[number] = "|".join(" " * len(c) if _only_a_term(c) else c for c in cells)
        else:
            item = _LIST_ITEM.match(line)
            if item and _only_a_term(item.group(1)):
                lines[number] = " " * len(line)
    return "\n".join(lines)


def voice_problems(markdown: str) -> list[tuple[int, str, str]]:
    """``(line number from 1, words found, the line)`` for each contested term in the course's own voice."""
    masked = mask_allowed(markdown)
    problems = []
    for term in CONTESTED_TERMS:
        for start, end in find_term(masked, term):
            line_number = masked.count("\n", 0, start) + 1
            line = markdown.split("\n")[line_number - 1]
            problems.append((line_number, markdown[start:end], line.strip()))
    return sorted(problems)


# ------------------------------------------------------------ the rule itself

@pytest.mark.parametrize("markdown", [
    "Armenia's government calls it “ethnic cleansing”; Azerbaijan's calls it “anti-terrorist operations”.",
    'The reporter writes "separatist authorities" without quotation marks of its own.',
    "Who says «aggression»? And who says ‘genocide’?",
    "The word *separatist* is the term we study, and so is _occupied_.",
    "Run `narrator_uses(article, [\"separatist\"])` to find them.",
    "```python\nterms = ['terrorist', 'separatist']\n```\nThen read the table.",
    "| label | voice |\n|---|---|\n| separatist | narrator |\n| “ethnic cleansing” | Armenia |",
    "Terms to look for:\n- separatist\n- *liberation*.\n- genocide",
    "Separate the **voices**, then count: no contested word here (a war is a war).",
])
def test_allowed_uses(markdown):
    assert voice_problems(markdown) == []


@pytest.mark.parametrize("markdown, words", [
    ("Azerbaijan's aggression began on Tuesday.", ["aggression"]),
    ("The separatists lost the town.", ["separatists"]),
    ("It was an anti-terrorist operation.", ["terrorist"]),
    ("The **separatist** leaders met.", ["separatist"]),  # bold is emphasis, not a studied term
    ("| Karabakh | the separatist region |", ["separatist"]),  # a table cell with more than the term
    ("- the occupied territories", ["occupied"]),  # a list item with more than the term
    ("He said “no” and the liberation of the town followed.", ["liberation"]),
    ("An unclosed “quotation about genocide\n\nends nowhere.", ["genocide"]),
    ("`code` and then the ethnic cleansing claim", ["ethnic cleansing"]),
])
def test_the_course_speaking_in_its_own_voice_is_caught(markdown, words):
    assert [found for _, found, _ in voice_problems(markdown)] == words


def test_problems_name_the_line():
    markdown = "# Title\n\nA neutral line.\nThe separatist side answered."
    assert voice_problems(markdown) == [(4, "separatist", "The separatist side answered.")]


# ------------------------------------------------------------ the notebooks

def test_there_are_notebooks_to_scan():
    assert NOTEBOOKS, "no notebook found in notebooks/"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[str(p.relative_to(ROOT)) for p in NOTEBOOKS])
def test_markdown_keeps_contested_terms_in_quotation_marks(path):
    notebook = nbformat.read(path, as_version=4)
    failures = []
    for index, cell in enumerate(notebook.cells):
        if cell.cell_type != "markdown":
            continue
        for line_number, words, line in voice_problems(cell.source):
            failures.append(f"{path.relative_to(ROOT)} cell {index} line {line_number}: "
                            f"“{words}” in the course's own voice: {line}")
    assert not failures, (
        "Contested terms must stand in quotation marks, in code, or as the term studied "
        "(italicised, or alone in a table cell or list item):\n" + "\n".join(failures))
