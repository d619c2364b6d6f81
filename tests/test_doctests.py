"""The examples in the docstrings of ``helpers/`` and ``tools/`` run, and show what they say.

A docstring example (``>>> find_quotes(...)`` followed by its output) is
documentation a reader trusts; here each module that has one runs them all
(doctest, with ``...`` allowed in an output and spaces compared loosely).
"""

from __future__ import annotations

import doctest
import importlib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def modules_with_examples() -> list[str]:
    """Modules of helpers/ and tools/ whose source has a ``>>>`` line (found without importing them)."""
    names = []
    for folder in ("helpers", "tools"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            if any(line.lstrip().startswith(">>>") for line in path.read_text(encoding="utf-8").splitlines()):
                parts = path.relative_to(ROOT).with_suffix("").parts
                names.append(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return names


@pytest.mark.parametrize("name", modules_with_examples())
def test_docstring_examples(name):
    module = importlib.import_module(name)
    tests = [t for t in doctest.DocTestFinder().find(module) if t.examples]
    assert tests, f"{name} has '>>>' lines but no docstring example doctest can find"
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    report: list[str] = []
    for test in tests:
        runner.run(test, out=report.append)
    result = runner.summarize(verbose=False)
    assert result.failed == 0, "".join(report)
    assert result.attempted >= 1


def test_the_examples_are_found():
    assert len(modules_with_examples()) >= 6  # quotes, text, files, datafiles, framing, sources, tools.student, ...
