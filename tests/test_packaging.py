"""The package installs anywhere, with the versions the course is tested with.

* The wheel built from ``pyproject.toml`` holds every module, the word lists and
  the course article, and, installed into a fresh virtual environment, gives a
  working ``helpers`` outside the repository (``pip install .`` builds the same
  wheel on the way, with the same backend and files).  The
  fresh environment sees this environment's packages through a ``.pth`` file
  (nothing is downloaded: ``--no-deps --no-index --no-build-isolation``).
* On every other supported Python found here (3.12, 3.13), the wheel installs
  and reads the article (marked slow, as CI runs it; the whole suite on each:
  ``make matrix``).
* ``requires-python``, the README and ``make matrix`` name the same versions.
* ``constraints.txt`` pins every package the requirement files pull in, the
  requirement files agree with it, this environment has exactly those
  versions, and the students' requirements leave out the test tools.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import sysconfig
import tomllib
import zipfile
from importlib import metadata
from pathlib import Path

import pytest
from packaging.requirements import Requirement

from tools import constraints, matrix

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
#: What the tests add to the students' environment (requirements-dev.txt).
TEST_TOOLS = {"pytest", "nbval", "hypothesis", "pytest-xdist", "playwright"}

#: Run by the installed package, in a folder outside the repository.
INSTALLED_CHECK = r"""
import hashlib, importlib, json, pkgutil, sys
import helpers
from helpers import load_article
article = load_article()
report = {"file": helpers.__file__, "title": str(article.title), "paragraphs": len(article.paragraphs),
          "is_seed": article.is_seed, "seeds": helpers.available_seeds(),
          "sha256": hashlib.sha256((helpers.article.SEEDS_DIR / helpers.article.DEFAULT_SEED).read_bytes()).hexdigest()}
if "--everything" in sys.argv:
    modules = sorted(m.name for m in pkgutil.walk_packages(helpers.__path__, "helpers."))
    for name in modules:
        importlib.import_module(name)
    report["modules"] = modules
    report["checks"] = helpers.exercises.registered()
    report["check"] = repr(helpers.check("01.1", ..., article))
    report["verbs"] = len(helpers.datafiles.read_csv("reporting_verbs.csv"))
print(json.dumps(report))
"""


def run(command: list, cwd: Path | None = None) -> str:
    done = subprocess.run([str(c) for c in command], cwd=cwd, capture_output=True, text=True)
    assert done.returncode == 0, f"{' '.join(map(str, command))} failed:\n{done.stdout}\n{done.stderr}"
    return done.stdout


def source_copy(target: Path) -> Path:
    """What a build reads, copied out of the repository (a build writes build/ and *.egg-info beside it)."""
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info", ".ipynb_checkpoints")
    for folder in ("helpers", "seeds"):
        shutil.copytree(ROOT / folder, target / folder, ignore=ignore)
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, target / name)
    return target


def fresh_venv(folder: Path, python: str = sys.executable, see_this_environment: bool = True) -> Path:
    """A new virtual environment without pip; optionally with this environment's packages on its path."""
    run([python, "-m", "venv", "--without-pip", folder])
    new_python = folder / "bin" / "python"
    if see_this_environment:
        site = Path(run([new_python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"]).strip())
        ours = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
        # A plain path in a .pth file is added to sys.path after the environment's own packages;
        # the .pth files found there (this project's editable install among them) are not run.
        (site / "course_environment.pth").write_text("\n".join(sorted(ours)) + "\n", encoding="utf-8")
    return new_python


def pip_into(python: Path, *args) -> str:
    """Run this environment's pip on another environment's interpreter, offline."""
    return run([sys.executable, "-m", "pip", "--python", python, "--disable-pip-version-check", "install",
                "--quiet", "--no-deps", "--no-index", *args])


def installed_check(python: Path, cwd: Path, *flags) -> dict:
    return json.loads(run([python, "-c", INSTALLED_CHECK, *flags], cwd=cwd).splitlines()[-1])


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    """The wheel built from a copy of the project's sources, offline."""
    source = source_copy(tmp_path_factory.mktemp("source"))
    out = tmp_path_factory.mktemp("dist")
    run([sys.executable, "-m", "pip", "wheel", "--quiet", "--disable-pip-version-check", "--no-deps",
         "--no-index", "--no-build-isolation", "--wheel-dir", out, source])
    (built,) = out.glob("*.whl")
    return built


def source_modules() -> list[str]:
    """Every module of helpers/ in the repository, as a dotted name."""
    names = []
    for path in sorted((ROOT / "helpers").rglob("*.py")):
        parts = path.relative_to(ROOT).with_suffix("").parts
        names.append(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return names


def test_the_wheel_holds_every_module_the_word_lists_and_the_article(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    for module in source_modules():
        path = module.replace(".", "/")
        assert f"{path}.py" in names or f"{path}/__init__.py" in names, f"{module} is missing from the wheel"
    data = {p.relative_to(ROOT).as_posix() for p in (ROOT / "helpers" / "data").rglob("*") if p.is_file()}
    assert data and data <= names
    for seed in (ROOT / "seeds").glob("*.txt"):
        assert zipfile.ZipFile(wheel).read(f"helpers/seeds/{seed.name}") == seed.read_bytes()  # the one copy, as is


def test_the_wheel_in_a_fresh_environment_gives_a_working_helpers_outside_the_repository(wheel, tmp_path):
    python = fresh_venv(tmp_path / "venv")
    pip_into(python, wheel)
    elsewhere = tmp_path / "somewhere_else"
    elsewhere.mkdir()
    report = installed_check(python, elsewhere, "--everything")
    assert Path(report["file"]).is_relative_to(tmp_path / "venv"), "helpers was not imported from the wheel"
    assert report["is_seed"] and report["seeds"] == ["karabakh_2023-09-19.txt"]
    assert report["title"].startswith("Karabakh: ") and report["paragraphs"] > 10
    assert report["modules"] == sorted(m for m in source_modules() if m != "helpers")
    from helpers.exercises import registered

    assert report["checks"] == registered() and "Not answered yet" in report["check"]  # every check is there
    assert report["verbs"] > 20


def test_in_the_repository_the_article_comes_from_seeds():
    from helpers.article import DEFAULT_SEED, SEEDS_DIR

    assert SEEDS_DIR == ROOT / "seeds" and (SEEDS_DIR / DEFAULT_SEED).is_file()


@pytest.mark.slow
@pytest.mark.parametrize("version", [v for v in matrix.VERSIONS if v != f"{sys.version_info[0]}.{sys.version_info[1]}"])
def test_the_wheel_installs_and_reads_the_article_on_every_supported_python(version, wheel, tmp_path):
    python = matrix.find_python(version)
    if python is None:
        pytest.skip(f"no Python {version} on this machine (make matrix runs the whole suite where there is)")
    venv = fresh_venv(tmp_path / "venv", str(python), see_this_environment=False)  # its own Python: no packages
    pip_into(venv, wheel)
    report = installed_check(venv, tmp_path)  # reading an article needs no third-party package
    assert report["is_seed"] and report["paragraphs"] > 10


# --- what the package says about itself ----------------------------------------------------------

def test_every_package_of_helpers_is_listed_in_pyproject():
    listed = set(PYPROJECT["tool"]["setuptools"]["packages"])
    found = {".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "helpers").rglob("__init__.py")}
    assert found | {"helpers.seeds"} == listed, (
        "pyproject.toml [tool.setuptools] packages must list every folder of helpers/ with an __init__.py: "
        f"missing {sorted(found - listed)}, no such package {sorted(listed - found - {'helpers.seeds'})}")
    assert PYPROJECT["tool"]["setuptools"]["package-dir"] == {"helpers.seeds": "seeds"}


def test_requires_python_the_readme_and_the_matrix_agree():
    assert PYPROJECT["project"]["requires-python"] == f">={matrix.VERSIONS[0]}"
    assert sys.version_info >= tuple(int(x) for x in matrix.VERSIONS[0].split("."))
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"Python {matrix.VERSIONS[0]} or newer" in readme
    assert "3.10" not in readme
    assert ", ".join(matrix.VERSIONS) in readme  # the versions make matrix tests


# --- pinned versions ------------------------------------------------------------------------------

def requirement_names(path: Path) -> set[str]:
    names = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#")[0].strip()
        if line and not line.startswith("-"):
            names.add(constraints.canonical(Requirement(line).name))
    return names


def closure(names: set[str]) -> set[str]:
    """Every installed distribution that ``names`` need, themselves included (extras left out)."""
    seen, todo = set(), list(names)
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        for spec in metadata.requires(name) or []:
            requirement = Requirement(spec)
            if requirement.marker is None or requirement.marker.evaluate({"extra": ""}):
                todo.append(constraints.canonical(requirement.name))
    return seen


def test_the_requirement_files_apply_the_constraints_and_agree_with_them():
    pins = constraints.read_pins()
    for path in constraints.REQUIREMENTS:
        text = path.read_text(encoding="utf-8")
        assert "-c constraints.txt" in text or "-r requirements.txt" in text
        for name, version in constraints.read_pins(path).items():
            assert pins.get(name) == version, f"{path.name} pins {name}=={version}, constraints.txt {pins.get(name)}"


def test_constraints_pin_everything_the_requirements_pull_in():
    pins = set(constraints.read_pins())
    needed = closure(requirement_names(ROOT / "requirements-dev.txt") | {constraints.PROJECT})
    assert needed - {constraints.PROJECT} - pins == set(), "not pinned: run make constraints"
    assert len(pins) > 100


def test_this_environment_has_the_pinned_versions():
    assert constraints.differences() == [], "this environment differs from constraints.txt: run make setup"


def test_students_install_no_test_tools():
    students = closure(requirement_names(ROOT / "requirements.txt") | {constraints.PROJECT})
    assert {"jupyterlab", "ipykernel", "pandas", "matplotlib", "textstat"} <= students
    assert students & TEST_TOOLS == set()
    assert TEST_TOOLS <= requirement_names(ROOT / "requirements-dev.txt")


def test_the_constraints_header_counts_the_pins():
    text = (ROOT / "constraints.txt").read_text(encoding="utf-8")
    assert re.search(rf"\({len(constraints.read_pins())} packages, resolved on Python {matrix.VERSIONS[0]}\.", text)


@pytest.mark.skipif(shutil.which("make") is None, reason="no make on this machine")
def test_make_lab_installs_the_students_requirements_only_and_make_test_both(tmp_path):
    def planned(target: str) -> str:  # what make would run in a new environment (-n: nothing runs)
        return run(["make", "-n", target, f"VENV={tmp_path / 'venv'}"], cwd=ROOT)

    lab, test = planned("lab"), planned("test")
    assert "-r requirements.txt" in lab and "requirements-dev.txt" not in lab and "jupyter lab" in lab
    assert "-r requirements-dev.txt" in test and "-m pytest" in test
