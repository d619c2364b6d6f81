# The verbs a teacher uses.  `make help` lists them.
#   make lab        set up (first time only) and open the course in JupyterLab
#   make test       set up (first time only) and run every test and notebook
#   make student    regenerate the student edition from the solution notebooks
#   make solutions  re-run every solution notebook in place, in a fresh kernel
#   make course ARTICLE=path/to/article.txt   run the course on another article
#   make html       render the solved course as a static website in build/html
#   make bench      print the speed benchmarks (not part of make test)
#   make evaluate   measure the source extractor on the real-news benchmark in ../shared
#   make grade SUBMISSIONS=folder/   grade the students' notebooks: gradebook, feedback, class summary
#   make compare [ARTICLES=folder/]   compare articles side by side (notebook 06) into build/compare/

PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
STAMP   = $(VENV)/.installed

.PHONY: help setup lab test student solutions nav course html bench evaluate grade compare clean

help:
	@sed -n '2,11p' Makefile | sed 's/^# *//'

# Create the virtual environment once.
$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Install (again only when requirements.txt or pyproject.toml changed), then
# warm matplotlib's font cache so no notebook prints "building the font cache".
$(STAMP): requirements.txt pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(BIN)/python -c "import matplotlib.pyplot, helpers"
	@touch $@

setup: $(STAMP)

lab: $(STAMP)
	$(BIN)/jupyter lab --notebook-dir=notebooks $(if $(filter 0,$(shell id -u)),--allow-root)

test: $(STAMP)
	$(BIN)/python -m pytest

student: $(STAMP)
	$(BIN)/python -m tools.student $(if $(FORCE),--force)

solutions: $(STAMP)
	$(BIN)/python -m tools.solutions

nav: $(STAMP)
	$(BIN)/python -m tools.navigation

course: $(STAMP)
	$(BIN)/python -m tools.course "$(ARTICLE)"

html: $(STAMP)
	$(BIN)/python -m tools.html

# Speed figures: readability timings, articles per second for the whole analysis, and the ratio of
# helpers.reading's time on two sizes of text (about 2: time grows in proportion to the text).
bench: $(STAMP)
	$(BIN)/python tests/bench_readability.py
	$(BIN)/python tests/bench_corpus.py
	$(BIN)/python tests/bench_reading.py
	$(BIN)/python -m tools.grading.bench

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

clean:
	rm -rf build
