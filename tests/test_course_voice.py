"""The course's own voice stays neutral.

Every markdown cell of every notebook (solutions in ``notebooks/`` and the
student edition in ``notebooks/exercises/``), the README, AUTHORING.md and
every page of ``docs/`` are scanned for the contested terms of the conflict,
**both sides' preferred words**: the entries of
``helpers/data/contested_terms.json`` marked ``course_voice_test`` (the same
list the narrator-voice test uses, plus "trigger" and "pretext", which adopt
one side's causal account).  Armenian-side words ("Stepanakert", "Artsakh",
"Shushi", "blockade", "Lachin corridor", ...) are caught exactly as
Azerbaijani-side ones ("separatist", "terrorist", "Khankendi", "Shusha",
"checkpoint", "Lachin road", ...); word forms included, so "anti-terrorist"
and "separatists" count.

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
from helpers.framing import COURSE_VOICE_TERMS, find_term, load_contested_entries

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb")) + sorted((ROOT / "notebooks" / "exercises").glob("*.ipynb"))
PAGES = [p for p in [ROOT / "README.md", ROOT / "AUTHORING.md", ROOT / "seeds" / "README.md"] if p.is_file()] + sorted(
    (ROOT / "docs").rglob("*.md"))
#: The course's own voice is checked against every term marked course_voice_test.
TERMS = COURSE_VOICE_TERMS

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
    return bool(bare) and any(find_term(bare, term) == [(0, len(bare))] for term in TERMS)


def mask_allowed(markdown: str) -> str:
    """The markdown with every place a contested term may stand blanked out."""
    text = markdown
    for pattern in (_FENCE, _INLINE_CODE):
        for match in list(pattern.finditer(text)):
            text = _blank(text, match.start(), match.end())
    offset = 0
    for line in text.split("\n"):  # a table row's quotations close within the row
        if line.lstrip().startswith("|"):
            for quote in find_quotes(line):
                if not quote.unbalanced:
                    text = _blank(text, offset + quote.start, offset + quote.end)
        offset += len(line) + 1
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
    spans = sorted(((s, e) for term in TERMS for s, e in find_term(masked, term)), key=lambda p: (p[0] - p[1], p[0]))
    kept: list[tuple[int, int]] = []
    for start, end in spans:  # overlapping terms: the longest counts ("anti-terrorist operation", not "terrorist")
        if not any(start < e and s < end for s, e in kept):
            kept.append((start, end))
    problems = []
    for start, end in kept:
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
    ("It was an anti-terrorist operation.", ["anti-terrorist operation"]),
    ("The anti-terrorist raid began.", ["terrorist"]),
    ("The **separatist** leaders met.", ["separatist"]),  # bold is emphasis, not a studied term
    ("| Karabakh | the separatist region |", ["separatist"]),  # a table cell with more than the term
    ("- the occupied territories", ["occupied"]),  # a list item with more than the term
    ("He said “no” and the liberation of the town followed.", ["liberation"]),
    ("An unclosed “quotation about genocide\n\nends nowhere.", ["genocide"]),
    ("`code` and then the ethnic cleansing claim", ["ethnic cleansing"]),
])
def test_the_course_speaking_in_its_own_voice_is_caught(markdown, words):
    assert [found for _, found, _ in voice_problems(markdown)] == words


@pytest.mark.parametrize("markdown, words", [
    ("Shelling hit Stepanakert on Tuesday.", ["Stepanakert"]),         # Armenian-side name
    ("Shelling hit Khankendi on Tuesday.", ["Khankendi"]),             # Azerbaijani-side name
    ("The blockade caused shortages.", ["blockade"]),                  # the 02 §4 slip
    ("Traffic stopped at the checkpoint.", ["checkpoint"]),
    ("The authorities of Artsakh met.", ["Artsakh"]),
    ("The mine blast was the trigger of the operation.", ["trigger"]),
    ("The mine blast was a pretext.", ["pretext"]),
    ("Aid came through the Lachin corridor.", ["Lachin corridor"]),
    ("Aid came along the Lachin road.", ["Lachin road"]),
    ("The town of Shusha fell.", ["Shusha"]),
])
def test_both_sides_words_are_caught(markdown, words):
    assert [found for _, found, _ in voice_problems(markdown)] == words


@pytest.mark.parametrize("markdown", [
    "The city that Armenian sources call *Stepanakert* and Azerbaijani sources *Khankendi*.",
    "What the narrator calls a “blockade”, Azerbaijan's government a “checkpoint”.",
    "Nagorno-Karabakh, internationally recognised as part of Azerbaijan, run by its de facto authorities.",
    "The event Baku gives as its reason for the military operation.",
])
def test_neutral_descriptions_pass(markdown):
    assert voice_problems(markdown) == []


def test_the_voice_list_covers_both_sides_and_the_narrator_test_list():
    entries = load_contested_entries()
    sides = {e["preferred_by"] for e in entries if e["course_voice_test"]}
    assert {"Armenian sources", "Azerbaijani sources"} <= sides
    narrator = {e["term"] for e in entries if e["narrator_test"]}
    assert narrator <= set(TERMS)  # the course avoids every word the narrator test flags


def test_problems_name_the_line():
    markdown = "# Title\n\nA neutral line.\nThe separatist side answered."
    assert voice_problems(markdown) == [(4, "separatist", "The separatist side answered.")]


# ------------------------------------------------------------ the notebooks

def test_there_are_notebooks_to_scan():
    assert NOTEBOOKS, "no notebook found in notebooks/"
    assert any(p.name == "README.md" for p in PAGES)


@pytest.mark.parametrize("path", PAGES, ids=[str(p.relative_to(ROOT)) for p in PAGES])
def test_pages_keep_contested_terms_in_quotation_marks(path):
    text = path.read_text(encoding="utf-8")
    failures = [f"{path.relative_to(ROOT)} line {line_number}: “{words}” in the course's own voice: {line}"
                for line_number, words, line in voice_problems(text)]
    assert not failures, (
        "Contested terms must stand in quotation marks, in code, or as the term studied "
        "(italicised, or alone in a table cell or list item):\n" + "\n".join(failures))


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
