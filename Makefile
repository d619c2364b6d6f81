# The verbs a teacher uses.  `make help` lists them.
#   make lab        set up (first time only) and open the course in JupyterLab, on its start page
#   make test       set up (first time only) and run every test and notebook
#   make student    regenerate the student edition from the solution notebooks
#   make student-pack   build/student-pack.zip: the course to hand out, without solutions
#   make solutions  re-run every solution notebook in place, in a fresh kernel
#   make timing     how long each notebook takes (the rule in AUTHORING.md); updates the course maps
#   make needs      the Python each exercise needs, written into AUTHORING.md
#   make course ARTICLE=path/to/article.txt   run the course on another article
#   make html       render the solved course as a static website in build/html
#   make bench      print the speed benchmarks (not part of make test)
#   make evaluate   measure the source extractor on the real-news benchmark in ../shared
#   make grade SUBMISSIONS=folder/   grade the students' notebooks: gradebook, feedback, class summary
#   make compare [ARTICLES=folder/]   compare articles side by side (notebook 06) into build/compare/
#   make matrix     run the tests on each Python 3.11-3.13 found here (downloads packages)
#   make constraints  re-resolve and re-pin every package in constraints.txt (downloads)

PYTHON ?= python3
VENV   ?= .venv
# The article of `make course`, exactly as given (make would read $ in it as a variable) and passed
# to the tool in the environment, never pasted into a shell command: a backtick, $, a quote or a
# space in a file name stays part of the name.
override ARTICLE := $(value ARTICLE)
export ARTICLE
BIN     = $(VENV)/bin
# What students need (requirements.txt): JupyterLab, the kernel, the analysis packages.
STAMP   = $(VENV)/.installed-lab
# What the tests add (requirements-dev.txt): pytest, nbval, hypothesis, pytest-xdist, playwright.
DEV_STAMP = $(VENV)/.installed-test
PIP     = $(BIN)/python -m pip install --quiet --disable-pip-version-check

.PHONY: help setup lab test student student-pack solutions nav timing needs course html bench evaluate grade compare matrix constraints clean

help:
	@sed -n '2,16p' Makefile | sed 's/^# *//'

# Create the virtual environment once.
$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Install (again only when a requirements file, the constraints or pyproject.toml changed),
# every version pinned by constraints.txt; then warm matplotlib's font cache so no notebook
# prints "building the font cache".
$(STAMP): requirements.txt constraints.txt pyproject.toml | $(BIN)/python
	$(PIP) -r requirements.txt
	$(BIN)/python -c "import matplotlib.pyplot, helpers"
	@touch $@

# The developers' set includes the students' (requirements-dev.txt reads requirements.txt): one pip run.
$(DEV_STAMP): requirements.txt requirements-dev.txt constraints.txt pyproject.toml | $(BIN)/python
	$(PIP) -r requirements-dev.txt
	$(BIN)/python -c "import matplotlib.pyplot, helpers"
	@touch $(STAMP) $@

# A developer's environment: the students' packages and the test tools.
setup: $(DEV_STAMP)

# Students: only what the course needs (no test tools).
# JupyterLab serves notebooks/ and opens on its start page, with the course's settings (lab/overrides.json).
lab: $(STAMP)
	$(BIN)/jupyter lab notebooks --LabApp.app_settings_dir="$(CURDIR)/lab" \
		--LabApp.default_url=/lab/tree/START_HERE.md $(if $(filter 0,$(shell id -u)),--allow-root)

test: $(DEV_STAMP)
	$(BIN)/python -m pytest

student: $(STAMP)
	$(BIN)/python -m tools.student $(if $(FORCE),--force)

solutions: $(STAMP)
	$(BIN)/python -m tools.solutions

nav: $(STAMP)
	$(BIN)/python -m tools.navigation

# Times by the rule of AUTHORING.md, written into README.md and notebooks/START_HERE.md;
# `python -m tools.timing --headers notebooks/NN_x.ipynb` rewrites one notebook's **Time:** line.
timing: $(STAMP)
	$(BIN)/python -m tools.timing --write

needs: $(STAMP)
	$(BIN)/python -m tools.python_needs --write

# The student editions, helpers, articles and requirements in one zip, without solutions.
student-pack: $(STAMP)
	$(BIN)/python -m tools.student_pack

course: $(STAMP)
	$(BIN)/python -m tools.course

html: $(STAMP)
	$(BIN)/python -m tools.html

# Speed figures: what `import helpers` costs, readability timings, articles per second for the
# whole analysis, the ratio of helpers.reading's time on two sizes of text (about 2: time grows in
# proportion to the text), how long make html takes, and every helper's time on two sizes of
# article (the ratio test of tests/bench_scale.py; it exits 1 when a helper is not linear), and the
# same ratio test for the comparison of notebook 06 (tests/bench_compare.py: length and number of articles).
bench: $(DEV_STAMP)
	$(BIN)/python tests/bench_import.py
	$(BIN)/python tests/bench_readability.py
	$(BIN)/python tests/bench_corpus.py
	$(BIN)/python tests/bench_reading.py
	$(BIN)/python tests/bench_html.py
	$(BIN)/python -m tools.grading.bench
	$(BIN)/python tests/bench_scale.py
	$(BIN)/python tests/bench_compare.py

# Precision and recall on real news (the benchmark's texts stay in ../shared; only figures are kept).
evaluate: $(STAMP)
	$(BIN)/python -m tools.evaluate

# The folder is passed through the environment, never pasted into a shell command.
grade: export GRADE_SUBMISSIONS := $(value SUBMISSIONS)
grade: export GRADE_OUT := $(value OUT)
grade: $(STAMP)
	$(BIN)/python -m tools.grading

# Notebook 06 on a folder of articles (default: the course article and its variants). The value of
# ARTICLES is taken unexpanded ($(value ...)) and passed through the environment, never into a shell
# command, so a $ or a backtick in a folder name stays a character. CHECK=1: only say what would run.
compare: export COMPARE_ARTICLES := $(value ARTICLES)
compare: $(STAMP)
	$(BIN)/python -m tools.compare $(if $(CHECK),--check)

# The test suite on every Python 3.11, 3.12, 3.13 found (PATH or pyenv), each in its own
# environment in build/matrix/ with the pinned versions; needs the package index the first time.
matrix: $(DEV_STAMP)
	$(BIN)/python -m tools.matrix $(if $(VERSIONS),--versions $(VERSIONS))

# Resolve requirements*.txt afresh and pin the whole set in constraints.txt (needs the package index).
constraints: | $(BIN)/python
	$(BIN)/python -m tools.constraints

clean:
	rm -rf build
