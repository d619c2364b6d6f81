"""make student-pack: the course to hand out holds the student editions, helpers and articles, and no solution."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile

import nbformat
import pytest

from tools.notebooks import read_notebook, solution_notebooks, student_path
from tools.student import BEGIN, END, SOLUTION_TAG, solution_regions
from tools.student_pack import FOLDER, build_pack, pack_files, problems

NOTEBOOKS = solution_notebooks()


@pytest.fixture(scope="module")
def pack(tmp_path_factory):
    """The pack, built into a temporary folder, and its files unpacked beside it."""
    folder = tmp_path_factory.mktemp("pack")
    path = build_pack(folder / "student-pack.zip")
    with zipfile.ZipFile(path) as archive:
        archive.extractall(folder / "unpacked")
        names = archive.namelist()
    return {"zip": path, "names": names, "root": folder / "unpacked" / FOLDER}


def _secret_lines(solution) -> set[str]:
    """Lines of a solution notebook's worked answers that appear nowhere else in it (at least 12 characters)."""
    inside, outside = set(), set()
    for cell in solution.cells:
        lines = cell.source.splitlines()
        if SOLUTION_TAG in cell.metadata.get("tags", []) and not solution_regions(lines):
            inside |= {line.strip() for line in lines}
            continue
        position = 0
        for begin, end in solution_regions(lines):
            outside |= {line.strip() for line in lines[position:begin]}
            inside |= {line.strip() for line in lines[begin + 1:end]}
            position = end + 1
        outside |= {line.strip() for line in lines[position:]}
    return {line for line in inside - outside if len(line) >= 12 and not line.endswith("= ...")}


def test_the_pack_holds_the_student_editions_helpers_seeds_and_requirements(pack):
    names = {n.split("/", 1)[1] for n in pack["names"]}
    assert all(n.startswith(f"{FOLDER}/") for n in pack["names"])
    for path in NOTEBOOKS:
        assert f"notebooks/exercises/{student_path(path).name}" in names
    for needed in ("helpers/__init__.py", "helpers/exercises/__init__.py", "helpers/data/reporting_verbs.csv",
                   "seeds/karabakh_2023-09-19.txt", "requirements.txt", "pyproject.toml", "README.md",
                   "notebooks/START_HERE.md", "lab/overrides.json"):
        assert needed in names, f"the pack lacks {needed}"
    assert not any("__pycache__" in n or n.endswith(".pyc") for n in names)


def test_the_pack_holds_no_solution(pack):
    notebooks = [n for n in pack["names"] if n.endswith(".ipynb")]
    assert len(notebooks) == len(NOTEBOOKS)
    assert all("/notebooks/exercises/" in n and n.endswith("_exercises.ipynb") for n in notebooks), notebooks
    secrets = set().union(*(_secret_lines(read_notebook(p)) for p in NOTEBOOKS))
    with zipfile.ZipFile(pack["zip"]) as archive:
        for name in pack["names"]:
            data = archive.read(name)
            assert BEGIN.encode() not in data and END.encode() not in data, f"{name}: a solution marker"
            if not name.endswith(".ipynb"):
                continue
            nb = nbformat.reads(data.decode("utf-8"), as_version=4)
            for index, cell in enumerate(nb.cells, start=1):
                assert SOLUTION_TAG not in cell.metadata.get("tags", []), f"{name}, cell {index} is tagged solution"
                assert not cell.get("outputs") and cell.get("execution_count") is None, f"{name}, cell {index}"
                leaked = [line for line in cell.source.splitlines() if line.strip() in secrets]
                assert not leaked, f"{name}, cell {index}: solution text {leaked[0]!r}"
            assert "Your teacher has the worked solutions" in nb.cells[0].source


def test_the_start_page_of_the_pack_links_only_what_is_in_it(pack):
    start = (pack["root"] / "notebooks" / "START_HERE.md").read_text(encoding="utf-8")
    assert "worked solutions" not in start and "_exercises.ipynb" in start
    for path in NOTEBOOKS:
        assert f"({path.name})" not in start
    import re

    for link in re.findall(r"\]\(([^)\s#]+)", start):
        assert (pack["root"] / "notebooks" / link).is_file(), link


def test_the_pack_is_checked_before_it_is_written():
    files = pack_files()
    assert problems(files) == []
    leaky = dict(files)
    leaky["notebooks/01_reading.ipynb"] = files[next(n for n in files if n.endswith(".ipynb"))]
    leaky["notes.md"] = f"{BEGIN}\nthe answer\n{END}\n".encode()
    found = problems(leaky)
    assert any("01_reading.ipynb: not a student edition" in p for p in found)
    assert any("notes.md: contains a solution marker" in p for p in found)


def test_a_failed_build_leaves_no_zip(tmp_path, monkeypatch):
    import tools.student_pack as student_pack

    monkeypatch.setattr(student_pack, "problems", lambda files: ["a solution"])
    with pytest.raises(ValueError, match="solution"):
        build_pack(tmp_path / "pack.zip")
    assert list(tmp_path.iterdir()) == []


def test_the_same_notebooks_give_the_same_zip(tmp_path):
    first, second = build_pack(tmp_path / "a.zip"), build_pack(tmp_path / "b.zip")
    assert first.read_bytes() == second.read_bytes()


def test_the_pack_imports_on_its_own(pack, tmp_path):
    """The pack's helpers, not the repository's, load the article and check an answer."""
    code = ("import helpers, pathlib; a = helpers.load_article(); "
            "print(pathlib.Path(helpers.__file__).parent.parent.name, len(a.paragraphs), "
            "helpers.check('00.2', a.paragraphs[1], a).status)")
    env = {**os.environ, "PYTHONPATH": str(pack["root"])}
    result = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env=env, capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stderr
    folder, paragraphs, status = result.stdout.split()
    assert folder == FOLDER and int(paragraphs) > 1 and status == "correct"


@pytest.mark.kernel
def test_the_packs_notebook_00_runs_unanswered(pack, monkeypatch):
    """In a kernel that imports the pack's helpers, notebook 00 runs and every check says "Not answered yet"."""
    from tools.solutions import execute

    monkeypatch.setenv("PYTHONPATH", str(pack["root"]))
    path = pack["root"] / "notebooks" / "exercises" / student_path(NOTEBOOKS[0]).name
    nb = execute(read_notebook(path), path.parent)
    errors = [(c.source, o.ename) for c in nb.cells for o in c.get("outputs", []) if o.output_type == "error"
              and "raises-exception" not in c.metadata.get("tags", [])]
    assert not errors, errors
    verdicts = [o.data["text/plain"] for c in nb.cells if c.cell_type == "code" and c.source.startswith("check(")
                for o in c.outputs if o.output_type == "execute_result"]
    assert verdicts and all("Not answered yet" in v for v in verdicts)


@pytest.mark.slow
def test_the_pack_builds_as_a_package(pack, tmp_path):
    """pip builds the pack's helpers as a wheel, with its word lists and data (as `pip install -r
    requirements.txt` does; it fetches the build backend named in pyproject.toml, so it runs with RUN_SLOW=1)."""
    result = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "--disable-pip-version-check",
                             "--wheel-dir", str(tmp_path), str(pack["root"])], capture_output=True, text=True,
                            timeout=600)
    assert result.returncode == 0, result.stderr
    wheel = next(tmp_path.glob("*.whl"))
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
    assert "helpers/__init__.py" in names and "helpers/data/reporting_verbs.csv" in names
