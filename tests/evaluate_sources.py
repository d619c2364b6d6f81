"""Evaluate the source extractor against the hand annotations and print the results.

    .venv/bin/python tests/evaluate_sources.py            # the table
    .venv/bin/python tests/evaluate_sources.py --errors   # and every disagreement

The annotations and their rules are in ``helpers/data/annotations/`` (the course
article and three short articles written for the course); this script adds
``tests/annotations/city_council.csv``, the annotation of the test article
``tests/articles/city_council.txt``, which was annotated before the extractor
was first run on it.  ``tests/test_source_evaluation.py`` imports
:func:`evaluate_all` and enforces the targets.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import pandas as pd

from helpers import load_article
from helpers.evaluation import annotated_articles, evaluate, load_annotated_article, load_annotation, read_annotation

ROOT = Path(__file__).resolve().parent.parent

#: Annotations that live with the tests: name -> (article file, annotation file).
TEST_ANNOTATIONS = {
    "city_council": (ROOT / "tests" / "articles" / "city_council.txt",
                     ROOT / "tests" / "annotations" / "city_council.csv"),
}


def evaluations() -> list:
    """One :class:`helpers.evaluation.Evaluation` per annotated article."""
    results = [evaluate(load_annotated_article(name), load_annotation(name), name=name)
               for name in annotated_articles()]
    for name, (text, annotation) in TEST_ANNOTATIONS.items():
        results.append(evaluate(load_article(text), read_annotation(annotation), name=name))
    return results


def evaluate_all() -> pd.DataFrame:
    """Precision, recall, F1 and resolution ("pronoun") accuracy per annotated article."""
    return pd.DataFrame([result.row() for result in evaluations()]).set_index("article")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", action="store_true", help="also print every disagreement")
    args = parser.parse_args(argv)
    results = evaluations()
    with pd.option_context("display.width", 160, "display.max_columns", 20):
        print(pd.DataFrame([r.row() for r in results]).set_index("article")[
            ["annotated", "found", "matched", "precision", "recall", "F1", "resolutions", "resolution accuracy"]])
        if args.errors:
            for result in results:
                for error in result.errors:
                    print(f"\n{result.article}, paragraph {error['paragraph']}: {error['error']}")
                    print(f"  annotated: {error['annotated speaker']!r} -> {error['annotated source']!r}")
                    print(f"  found:     {error['found speaker']!r} -> {error['found source']!r}")
                    print(f"  sentence:  {error['sentence']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
