"""`make course ARTICLE=…` (tools/course.py): bad articles stop cleanly; good ones run every notebook.

Most tests run the tool on small notebooks written here in a temporary
folder, so they are quick and do not depend on the course's notebooks.  The
test marked ``slow`` runs the real course on the test articles in
``tests/articles/`` (``RUN_SLOW=1``, as in CI).

Issue #14's defects each have a test here: a pipe given as the article
(refused at once), stale outputs after a failure (cleared; the index marks the
failure), Ctrl-C (stops the whole run), a path that a shell would read as code
(``make course`` passes it through the environment), and two articles with the
same file name in different folders (never one folder).
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import nbformat
import pytest

from tools import course

ROOT = Path(__file__).resolve().parent.parent
KERNEL = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}
PARAMETERS = "ARTICLE = None  # None: the course article; or the path of another plain-text article"

#: What each bad file's one-line message must say.
EXPECTED = {
    "missing": "No article at",
    "empty": "is empty",
    "blank": "is empty",
    "latin1": "not UTF-8",
    "binary": "not a text file",
    "folder": "is a folder",
    "fifo": "named pipe (FIFO)",
    "utf16": "UTF-16: save it as UTF-8",
    "huge": "at most 10 MB",
}


@pytest.fixture()
def all_bad_articles(bad_articles, tmp_path) -> dict[str, Path]:
    """The shared bad files, and a pipe, a UTF-16 file and a file over the size limit."""
    files = dict(bad_articles)
    files["fifo"] = tmp_path / "pipe.txt"
    if hasattr(os, "mkfifo"):  # not on Windows
        os.mkfifo(files["fifo"])  # nothing ever writes to it: opening it to read would wait forever
    files["utf16"] = tmp_path / "windows.txt"
    files["utf16"].write_bytes("Headline\n\nThe mayor said “no”.".encode("utf-16"))
    files["huge"] = tmp_path / "huge.txt"
    with files["huge"].open("wb") as handle:
        handle.truncate(11_000_000)  # sparse: no disk space used
    return files


def write_notebook(folder: Path, name: str, *code: str, parameters: bool = True, heading: str | None = None) -> Path:
    """A notebook of the course's shape: header, parameters cell, then ``code`` cells."""
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = KERNEL
    number = name[:2]
    nb.cells.append(nbformat.v4.new_markdown_cell(heading or f"# {number} · Test {number}\n\n**Time:** about 10 minutes"))
    if parameters:
        cell = nbformat.v4.new_code_cell(PARAMETERS)
        cell.metadata["tags"] = ["parameters"]
        nb.cells.append(cell)
    nb.cells.extend(nbformat.v4.new_code_cell(source) for source in code)
    path = folder / name
    nbformat.write(nb, path)
    return path


def digest(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` with a hash of its bytes (to prove nothing changed)."""
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def outputs_text(path: Path) -> str:
    nb = nbformat.read(path, as_version=4)
    parts = []
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            parts.append(output.get("text", "") + output.get("evalue", ""))
            parts.extend(str(v) for v in output.get("data", {}).values())
    return "\n".join(parts)


# --- bad input -----------------------------------------------------------------------------------

@pytest.mark.parametrize("kind", sorted(EXPECTED))
def test_bad_article_stops_with_one_line_and_writes_nothing(kind, all_bad_articles, tmp_path, capsys):
    if not all_bad_articles[kind].exists() and kind != "missing":
        pytest.skip(f"no {kind} on this system")
    notebooks = tmp_path / "notebooks"
    notebooks.mkdir()
    write_notebook(notebooks, "01_test.ipynb", "print(ARTICLE)")
    out = tmp_path / "out"
    code = course.main([str(all_bad_articles[kind]), "--notebooks", str(notebooks), "--out", str(out)])
    err = capsys.readouterr().err
    assert code != 0
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("make course: ") and EXPECTED[kind] in lines[0]
    assert "Traceback" not in err
    assert not out.exists()


@pytest.mark.parametrize("argv", [[], [""], ["   "]])
def test_missing_article_variable_prints_the_usage(argv, capsys):
    assert course.main(argv) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("usage: make course ARTICLE=")


def test_bad_article_from_the_command_line_has_no_traceback(bad_articles):
    """The real command, in its own process: exit code 1, one line, no traceback."""
    result = subprocess.run([sys.executable, "-m", "tools.course", str(bad_articles["latin1"])],
                            cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert "latin1.txt is not UTF-8 text: byte 0xe8" in result.stderr


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes on this system")
def test_a_pipe_as_the_article_is_refused_at_once_from_the_command_line(tmp_path):
    """A FIFO nobody writes to: before the fix, reading it blocked forever (a hang guard ends the test then)."""
    pipe = tmp_path / "article.txt"
    os.mkfifo(pipe)
    result = subprocess.run([sys.executable, "-m", "tools.course", str(pipe), "--out", str(tmp_path / "out")],
                            cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 1 and "named pipe (FIFO)" in result.stderr and "Traceback" not in result.stderr


def test_an_unreadable_file_gives_one_clear_line(tmp_path, monkeypatch, capsys):
    """A file without read permission (simulated: the tests may run as root, who reads everything)."""
    article = tmp_path / "secret.txt"
    article.write_text("Headline\n\nBody text here.", encoding="utf-8")
    real_open = os.open

    def refuse(path, *args, **kwargs):
        if Path(path) == article:
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", refuse)
    assert course.main([str(article), "--out", str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "permission denied" in err[0] and "PermissionError" not in err[0]


def test_course_errors_are_the_course_s_own_errors():
    from helpers.errors import CourseError

    assert issubclass(course.CourseError, CourseError) and issubclass(course.UsageError, CourseError)


def test_a_bare_seed_name_is_found_in_seeds():
    from helpers.article import DEFAULT_SEED, SEEDS_DIR

    assert course.check_article(DEFAULT_SEED).path == (SEEDS_DIR / DEFAULT_SEED).resolve()


def test_two_articles_with_the_same_file_name_get_two_folders(tmp_path):
    from helpers import load_article

    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "report.txt").write_text(f"Headline {folder}\n\nThe body of {folder}.", encoding="utf-8")
    first, second = (load_article(tmp_path / f / "report.txt") for f in ("a", "b"))
    one, two = course.article_folder(first, tmp_path / "out"), course.article_folder(second, tmp_path / "out")
    assert one != two and one.name.startswith("report-") and two.name.startswith("report-")
    assert course.article_folder(load_article(tmp_path / "a" / "report.txt"), tmp_path / "out") == one  # stable
    from helpers.article import DEFAULT_SEED

    assert course.article_folder(load_article(), tmp_path).name == Path(DEFAULT_SEED).stem  # the course's own


# --- the injected parameters cell ------------------------------------------------------------------

def test_injected_cell_follows_the_parameters_cell_and_replaces_an_older_one(tmp_path):
    path = write_notebook(tmp_path, "01_test.ipynb", "print(ARTICLE)")
    nb = nbformat.read(path, as_version=4)
    course.inject_article(nb, Path("/data/first.txt"))
    course.inject_article(nb, Path("/data/second.txt"))
    tags = [c.metadata.get("tags", []) for c in nb.cells]
    assert tags.count(["injected-parameters"]) == 1
    where = tags.index(["parameters"])
    assert tags[where + 1] == ["injected-parameters"]
    assert nb.cells[where + 1].source.endswith('ARTICLE = r"/data/second.txt"')


@pytest.mark.parametrize("name", ['/tmp/say "hi".txt', "/tmp/a `b` $HOME $(x) é.txt", "/tmp/back\\slash.txt",
                                  "/tmp/new\nline.txt", "/tmp/trailing\\"])
def test_a_path_is_injected_as_exactly_that_path(tmp_path, name):
    path = write_notebook(tmp_path, "01_test.ipynb")
    nb = course.inject_article(nbformat.read(path, as_version=4), Path(name))
    namespace: dict = {}
    exec(nb.cells[2].source, namespace)
    assert namespace["ARTICLE"] == str(Path(name))


# --- running notebooks -----------------------------------------------------------------------------

@pytest.fixture(scope="module")
def course_run(tmp_path_factory, city_council_path):
    """One run over three notebooks: one that works, one that fails in cell 4, one without parameters."""
    base = tmp_path_factory.mktemp("course")
    notebooks = base / "notebooks"
    notebooks.mkdir()
    write_notebook(notebooks, "01_reading.ipynb",
                   "from helpers import find_quotes, highlight, load_article\narticle = load_article(ARTICLE)",
                   "print(article.name, article.is_seed, len(article.paragraphs))",
                   "highlight(article.text, find_quotes(article))")
    broken = write_notebook(notebooks, "02_broken.ipynb", "x = 1", "raise RuntimeError('boom')", "print('never')")
    stored = nbformat.read(broken, as_version=4)  # outputs stored by a run on another article
    stored.cells[-1].outputs = [nbformat.v4.new_output("stream", name="stdout", text="Stepanakert stale result\n")]
    stored.cells[-1].execution_count = 5
    nbformat.write(stored, broken)
    write_notebook(notebooks, "03_no_parameters.ipynb", "print('hello')", parameters=False)
    before = digest(notebooks)
    out = base / "out"
    stdout, stderr = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
        code = course.main([str(city_council_path), "--notebooks", str(notebooks), "--out", str(out)])
    result = subprocess.CompletedProcess([], code, stdout.getvalue(), stderr.getvalue())
    from helpers import load_article

    return {"result": result, "notebooks": notebooks, "before": before,
            "out": course.article_folder(load_article(city_council_path), out)}


@pytest.mark.kernel
def test_a_notebook_runs_on_the_injected_article(course_run):
    out = course_run["out"]
    assert "ok   01_reading.ipynb" in course_run["result"].stdout
    executed = nbformat.read(out / "01_reading.ipynb", as_version=4)
    injected = executed.cells[2]
    assert injected.metadata["tags"] == ["injected-parameters"]
    assert f'ARTICLE = r"{(ROOT / "tests/articles/city_council.txt").resolve()}"' in injected.source
    from helpers import load_article

    article = load_article(ROOT / "tests/articles/city_council.txt")
    assert f"city_council.txt False {len(article.paragraphs)}" in outputs_text(out / "01_reading.ipynb")


@pytest.mark.kernel
def test_the_html_pages_escape_the_article(course_run):
    page = (course_run["out"] / "01_reading.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "&lt;b&gt;Buses first&lt;/b&gt;" in page
    assert "<script>alert(1)" not in page and "<b>Buses first</b>" not in page


@pytest.mark.kernel
def test_a_failing_notebook_is_named_with_its_cell_and_the_exit_code_is_1(course_run):
    result = course_run["result"]
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    failures = [line for line in result.stderr.splitlines() if line.startswith("make course:")]
    assert any("02_broken.ipynb" in line and "cell 4" in line and "RuntimeError: boom" in line for line in failures)
    assert any("03_no_parameters.ipynb" in line and "parameters" in line for line in failures)
    # the notebook that failed is kept, executed up to the error, for the teacher to open
    assert "boom" in outputs_text(course_run["out"] / "02_broken.ipynb")


@pytest.mark.kernel
def test_notebooks_folder_is_untouched_and_an_index_lists_every_page(course_run):
    assert digest(course_run["notebooks"]) == course_run["before"]
    index = (course_run["out"] / "index.html").read_text(encoding="utf-8")
    for name in ("01_reading", "02_broken"):
        assert f'href="{name}.html"' in index
        assert (course_run["out"] / f"{name}.html").is_file()
    assert not (course_run["out"] / "03_no_parameters.ipynb").exists()  # it could not run at all


@pytest.mark.kernel
def test_stale_outputs_never_survive_a_failure_and_the_index_marks_it(course_run):
    """The cells after the failing one show nothing: not the outputs stored by another run."""
    for name in ("02_broken.ipynb", "02_broken.html"):
        assert "Stepanakert" not in (course_run["out"] / name).read_text(encoding="utf-8")
    executed = nbformat.read(course_run["out"] / "02_broken.ipynb", as_version=4)
    assert executed.cells[-1].outputs == [] and executed.cells[-1].execution_count is None
    assert "did not finish on this article" in executed.cells[0].source  # the page says so at the top
    rows = {line.split('href="')[1].split('"')[0] if 'href="' in line else line: line
            for line in (course_run["out"] / "index.html").read_text(encoding="utf-8").splitlines()
            if line.startswith("<tr><td")}
    assert "FAILED" in rows["02_broken.html"] and "cell 4" in rows["02_broken.html"]
    assert "FAILED" not in rows["01_reading.html"] and "ran" in rows["01_reading.html"]
    assert any("FAILED" in line and "parameters" in line for line in rows.values() if "03" in line)


@pytest.mark.kernel
def test_the_run_writes_into_its_own_output_folder(tmp_path, city_council_path):
    """The brief's writers, in a notebook run by make course, write into the run's folder, not build/."""
    notebooks = tmp_path / "notebooks"
    notebooks.mkdir()
    write_notebook(notebooks, "01_outputs.ipynb",
                   "from helpers import load_article\nfrom helpers.brief import output_folder, write_sides_template\n"
                   "article = load_article(ARTICLE)\nprint(output_folder())\nprint(write_sides_template(article))")
    before = sorted((ROOT / "build").glob("sides_*")) if (ROOT / "build").is_dir() else []
    from helpers import load_article

    folder = course.article_folder(load_article(city_council_path), (tmp_path / "out").resolve())
    folder.mkdir(parents=True)
    (folder / "brief_old.md").write_text("a brief of an earlier run", encoding="utf-8")
    (folder / "sides_filled_in.csv").write_text("source,side,type,note\n", encoding="utf-8")
    assert course.main([str(city_council_path), "--notebooks", str(notebooks), "--out", str(tmp_path / "out")]) == 0
    assert not (folder / "brief_old.md").exists()  # an earlier run's brief never passes for this one's
    assert (folder / "sides_filled_in.csv").exists()  # what the teacher filled in is kept
    printed = outputs_text(folder / "01_outputs.ipynb").splitlines()
    assert printed[0] == str(folder)
    assert Path(printed[1]).parent == folder and Path(printed[1]).is_file()
    assert (sorted((ROOT / "build").glob("sides_*")) if (ROOT / "build").is_dir() else []) == before


@pytest.mark.kernel
def test_ctrl_c_stops_the_whole_run(tmp_path, city_council_path):
    """SIGINT during a cell: exit 130 at once, said in one line (not an assertion failure), no next notebook."""
    notebooks = tmp_path / "notebooks"
    notebooks.mkdir()
    started = tmp_path / "started"
    write_notebook(notebooks, "01_slow.ipynb",
                   f"import pathlib, time\npathlib.Path({str(started)!r}).write_text('x')\ntime.sleep(120)")
    write_notebook(notebooks, "02_next.ipynb", f"import pathlib\npathlib.Path({str(tmp_path / 'next')!r}).write_text('x')")
    process = subprocess.Popen([sys.executable, "-m", "tools.course", str(city_council_path), "--notebooks",
                                str(notebooks), "--out", str(tmp_path / "out")], cwd=ROOT, text=True,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 120
        while not started.exists() and time.monotonic() < deadline and process.poll() is None:
            time.sleep(0.2)
        assert started.exists(), "the first notebook never started"
        process.send_signal(signal.SIGINT)  # what Ctrl-C sends
        out, err = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == 130, err
    assert "interrupted" in err and "AssertionError" not in err and "Traceback" not in err
    assert not (tmp_path / "next").exists(), "a notebook ran after Ctrl-C"
    index = next((tmp_path / "out").glob("*/index.html")).read_text(encoding="utf-8")
    assert index.count("not run") >= 2


@pytest.mark.parametrize("form", ["command line", "environment"])
def test_make_course_passes_the_path_to_no_shell(tmp_path, form):
    """A file name with a backtick, $, quotes, spaces and non-ASCII letters is only a name: nothing runs."""
    if shutil.which("make") is None:
        pytest.skip("make is not installed")
    name = f"pwned-{os.getpid()}-{tmp_path.name}"  # a command in the name would create it where make runs
    marker = ROOT / name
    folder = tmp_path / "Zoë's “files” $HOME"
    folder.mkdir()
    article = folder / f'a `touch {name}` $(touch {name}) "q" $$ é.txt'
    article.write_bytes("Le ministère a déclaré « non ».".encode("latin-1"))  # refused: the run stops at once
    env = {k: v for k, v in os.environ.items() if k not in ("ARTICLE", "MAKEFLAGS", "MAKELEVEL")}
    command = ["make", "--no-print-directory", "-s", "course"]
    if form == "command line":
        command.append(f"ARTICLE={article}")
    else:
        env["ARTICLE"] = str(article)
    try:
        result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
        assert not marker.exists(), "a command in the file name ran"
    finally:
        marker.unlink(missing_ok=True)
    assert result.returncode != 0
    assert f"cannot use ARTICLE={article}: " in result.stderr and "not UTF-8" in result.stderr, result.stderr


@pytest.mark.kernel
def test_all_notebooks_running_gives_exit_code_0(tmp_path, city_council_path, capsys):
    notebooks = tmp_path / "notebooks"
    notebooks.mkdir()
    write_notebook(notebooks, "01_only.ipynb", "print(ARTICLE.endswith('city_council.txt'))")
    assert course.main([str(city_council_path), "--notebooks", str(notebooks), "--out", str(tmp_path / "out")]) == 0
    from helpers import load_article

    folder = course.article_folder(load_article(city_council_path), tmp_path / "out")
    assert "True" in outputs_text(folder / "01_only.ipynb")
    assert "All 1 notebooks ran" in capsys.readouterr().out


# --- the real course on another article -------------------------------------------------------------

@pytest.mark.slow
@pytest.mark.kernel
@pytest.mark.parametrize("name", ["city_council", "weather_no_quotes"])
def test_the_whole_course_runs_on_a_test_article(name, tmp_path):
    """city_council: straight quotes, an anonymous source, <b>, <script>, &.  weather_no_quotes: no quotation at all."""
    sources = course.solution_notebooks()
    if not sources:
        pytest.skip("no solution notebooks yet")
    article = ROOT / "tests" / "articles" / f"{name}.txt"
    result = subprocess.run([sys.executable, "-m", "tools.course", str(article), "--out", str(tmp_path)],
                            cwd=ROOT, capture_output=True, text=True, timeout=1800)
    assert result.returncode == 0, result.stderr
    from helpers import load_article

    folder = course.article_folder(load_article(article), tmp_path)
    assert sorted(p.name for p in folder.glob("brief_*")) == [f"brief_{folder.name}.html", f"brief_{folder.name}.md"]
    for source in sources:
        executed = nbformat.read(folder / source.name, as_version=4)
        errors = [o for c in executed.cells for o in c.get("outputs", [])
                  if (o.get("output_type") == "error" and "raises-exception" not in c.metadata.get("tags", []))
                  or o.get("name") == "stderr"]  # an error a cell is tagged to show (notebook 00) is the lesson
        assert not errors, f"{source.name} on {name}: {errors[0]}"
        page = (folder / source.with_suffix(".html").name).read_text(encoding="utf-8")
        assert "<script>alert(1)" not in page


# --- one listing, one root, one runner (issue #16) ------------------------------------------------

def test_the_tools_share_one_listing_one_root_and_one_runner(tmp_path):
    from tools import notebooks, solutions

    assert course.solution_notebooks is notebooks.solution_notebooks and course.ROOT == notebooks.ROOT
    assert not hasattr(course, "run_notebook")  # the runner is tools.solutions.execute
    assert "execute(" in Path(course.__file__).read_text(encoding="utf-8") and solutions.execute
    for name in ("01_reading.ipynb", "02_framing.ipynb", "01_reading-Copy1.ipynb", "1_short.ipynb", "03_Upper.ipynb"):
        write_notebook(tmp_path, name)
    (tmp_path / "04_folder.ipynb").mkdir()
    assert [p.name for p in notebooks.solution_notebooks(tmp_path)] == ["01_reading.ipynb", "02_framing.ipynb"]


def test_notebook_info_reads_the_header_cell(tmp_path):
    from tools.notebooks import notebook_info, title_of

    nb = nbformat.read(write_notebook(tmp_path, "05_x.ipynb", heading="```\n# not this\n```\n# 05 · Readability\n\n"
                                      "**Time:** about 45 minutes"), as_version=4)
    assert notebook_info(nb) == {"heading": "05 · Readability", "number": "05", "title": "Readability", "minutes": 45}
    assert title_of(nb) == "05 · Readability"
    assert notebook_info(nbformat.v4.new_notebook())["title"] is None
