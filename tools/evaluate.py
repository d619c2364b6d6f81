"""Measure the source extractor on the quote-attribution benchmark: ``make evaluate``.

The benchmark (half of the Gender Gap Tracker's human-annotated evaluation set of
real news articles) lives outside the project, in ``../shared/benchmarks/ggt/``,
because its texts belong to their publishers.  This tool

1. runs the benchmark's own scorer (``score.py``) on ``dev.jsonl`` with this
   environment's Python, so that it scores ``helpers`` as installed here;
2. keeps only the **figures** (precision, recall, F1, speaker and verb match,
   pronoun speakers resolved; never a sentence of the benchmark) and writes them
   to ``helpers/data/evaluation/ggt_dev.json``, which notebook 04 shows;
3. prints the scorer's summary.

When the benchmark folder is not there it says so and exits 0 without changing
the committed figures.

    python -m tools.evaluate [--benchmark ../shared/benchmarks/ggt] [--no-write]
"""

from __future__ import annotations

import argparse
import datetime
import json
import subprocess
import sys
import tempfile
from pathlib import Path

import helpers
from helpers.files import write_text

from .notebooks import ROOT

BENCHMARK = ROOT.parent / "shared" / "benchmarks" / "ggt"
RESULTS = ROOT / "helpers" / "data" / "evaluation" / "ggt_dev.json"
#: The figures kept from each of the scorer's summaries (nothing else leaves the benchmark).
FIGURES = ("threshold", "articles", "gold", "pred", "tp", "fp", "fn", "precision", "recall", "f1",
           "speaker_match", "verb_match", "reference_pronoun", "reference_pronoun_n", "reference_all",
           "reference_all_n")
#: GGT's own published figures on the whole set (threshold 0.3), from the benchmark's README.
PUBLISHED_GGT = {"system": "Gender Gap Tracker v5.3, published (spaCy 2.1, large English model), whole set",
                 "threshold": 0.3, "precision": 0.846, "recall": 0.827, "f1": 0.837, "speaker_match": 0.860,
                 "verb_match": 0.918}


def run_scorer(benchmark: Path) -> dict:
    """Run ``score.py`` on ``dev.jsonl``; return its JSON summaries and the line it printed last."""
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "scores.json"
        done = subprocess.run([sys.executable, str(benchmark / "score.py"), str(benchmark / "dev.jsonl"),
                               "--json", str(out)], capture_output=True, text=True, cwd=ROOT)
        if done.returncode != 0:
            raise SystemExit(f"the scorer failed:\n{done.stderr.strip()}")
        scores = json.loads(out.read_text(encoding="utf-8"))
    return {"scores": scores, "printed": done.stdout}


def figures(scores: dict) -> dict:
    """The committed results: figures only, per threshold, with what they were measured on."""
    summaries = [{k: s[k] for k in FIGURES if k in s} for s in scores["summaries"]]
    return {
        "benchmark": "Gender Gap Tracker quote-attribution evaluation set, dev half "
                     "(49 Canadian news articles, annotated by people)",
        "about": "Figures only. The articles belong to their publishers and are not in this project.",
        # the scorer scores helpers.quote_records when the package has it (one record per quotation or
        # reported clause, GGT's own unit); else it maps find_attributions onto that unit
        "unit": "quote_records" if hasattr(helpers, "quote_records") else scores.get("unit", "attribution"),
        "measured": datetime.date.today().isoformat(),
        "results": summaries,
        "published_ggt": PUBLISHED_GGT,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.evaluate", description=__doc__.split("\n")[0])
    parser.add_argument("--benchmark", type=Path, default=BENCHMARK, help="the folder with dev.jsonl and score.py")
    parser.add_argument("--no-write", action="store_true", help="print the figures, do not update the results file")
    args = parser.parse_args(argv)
    if not ((args.benchmark / "dev.jsonl").is_file() and (args.benchmark / "score.py").is_file()):
        print(f"skipped: no benchmark at {args.benchmark} (dev.jsonl and score.py); "
              f"the committed figures in {RESULTS.relative_to(ROOT)} are unchanged.")
        return 0
    run = run_scorer(args.benchmark)
    print(run["printed"].rstrip())
    if not args.no_write:
        text = json.dumps(figures(run["scores"]), indent=1, ensure_ascii=False) + "\n"
        write_text(RESULTS, text, newline="\n")
        print(f"figures written to {RESULTS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
