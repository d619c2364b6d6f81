"""Benchmark: how many articles per second the analysis runs on, on one core.

    .venv/bin/python tests/bench_corpus.py [--articles 400] [--profile]

1. **The whole analysis.**  Generates variants of the course article (sentences
   shuffled inside each paragraph, words swapped for synonyms, numbers changed),
   so no cache can answer for a text it has seen.  After one warm-up call on the
   seed (the dictionaries load once), it times, per article: ``load_article``,
   ``find_quotes`` (as ``article.quotes``, computed once and shared),
   ``find_attributions``, ``label_uses`` of the contested terms and
   ``readability_scores``, and prints the articles per second (target: 200) with
   the time of each step.
2. **Quote attribution on real news.**  ``load_article`` + ``quote_records`` on the
   benchmark's dev texts (``../shared/benchmarks/ggt/dev.jsonl``, when it is there;
   else on the variants), in CPU time (``time.process_time``), best of three runs:
   articles per CPU-second (target: 150) and the ratio to the Gender Gap Tracker's
   speed on the same texts (about 4 articles per CPU-second, spaCy with its small
   English model).
3. **Long articles.**  The course article repeated to 2 MB: CPU seconds per MB, and
   the ratio to the per-MB time of seed-sized articles (about 1 when the reading is
   linear in the length of the text).

``--profile`` adds the functions where the time goes (cProfile).

Not a test (pytest does not collect it): speed depends on the machine, so every
figure is printed, never asserted; ratios are taken in one run.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import random
import re
import sys
import time
import warnings
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET = 200  # articles per second
RECORDS_TARGET = 150  # articles per CPU-second for load_article + quote_records
GGT_SPEED = 4.0  # articles per CPU-second: the Gender Gap Tracker on the same texts (benchmark README)
BENCHMARK = ROOT.parent / "shared" / "benchmarks" / "ggt" / "dev.jsonl"

#: Words swapped in the variants (both directions).
SYNONYMS = {
    "said": "stated", "warned": "cautioned", "announced": "declared", "launched": "started",
    "civilians": "residents", "forces": "troops", "capital": "main city", "urgently": "quickly",
    "operation": "offensive", "region": "area", "situation": "state of affairs", "called": "appealed",
}


def variants(seed: str, count: int, rng_seed: int = 2023) -> list[str]:
    """``count`` different articles made from ``seed``."""
    from helpers import load_article, split_sentences

    article = load_article(text=seed)
    rng = random.Random(rng_seed)
    swap = {**SYNONYMS, **{v: k for k, v in SYNONYMS.items()}}
    pattern = re.compile(r"\b(" + "|".join(map(re.escape, swap)) + r")\b")
    out = []
    for _ in range(count):
        paragraphs = []
        for paragraph in article.paragraphs:
            sentences = [str(s) for s in split_sentences(paragraph)]
            rng.shuffle(sentences)
            text = " ".join(sentences)
            text = pattern.sub(lambda m: swap[m.group(0)] if rng.random() < 0.5 else m.group(0), text)
            text = re.sub(r"\d+", lambda m: str(int(m.group(0)) + rng.randint(0, 9)), text)
            paragraphs.append(text)
        rng.shuffle(paragraphs)
        title = str(article.title) if article.title else "Untitled"
        out.append("\n\n".join([title, *paragraphs]))
    return out


def steps():
    """The analysis steps, in order, as (name, function of (article, state))."""
    from helpers import load_article
    from helpers.framing import CONTESTED_TERMS, label_uses
    from helpers.readability import readability_scores
    from helpers.sources import find_attributions

    return [
        ("load_article", lambda state: state.update(article=load_article(text=state["text"]))),
        # article.quotes is find_quotes(article.text), computed once and shared by the later steps
        ("find_quotes (article.quotes)", lambda state: state["article"].quotes),
        ("find_attributions", lambda state: state.update(attributions=find_attributions(state["article"]))),
        ("label_uses", lambda state: label_uses(state["article"], CONTESTED_TERMS, state["attributions"])),
        ("readability_scores", lambda state: readability_scores(state["article"])),
    ]


def run(texts: list[str]) -> dict[str, float]:
    """Run every step on every text; return the seconds spent in each step."""
    spent: dict[str, float] = defaultdict(float)
    plan = steps()
    for text in texts:
        state = {"text": text}
        for name, step in plan:
            started = time.perf_counter()
            step(state)
            spent[name] += time.perf_counter() - started
    return spent


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=400, help="how many generated articles to time")
    parser.add_argument("--profile", action="store_true", help="show where the time goes (cProfile)")
    args = parser.parse_args(argv)
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})  # one core
    warnings.simplefilter("ignore")  # readability warnings are not what is measured
    sys.path.insert(0, str(ROOT))
    from helpers.article import DEFAULT_SEED, SEEDS_DIR

    seed = (SEEDS_DIR / DEFAULT_SEED).read_text(encoding="utf-8")
    texts = variants(seed, args.articles)
    assert len(set(texts)) == len(texts), "variants repeat"
    run([seed])  # warm-up: dictionaries and patterns load once
    started = time.perf_counter()
    spent = run(texts)
    total = time.perf_counter() - started
    rate = len(texts) / total
    print(f"{len(texts)} articles ({sum(map(len, texts)) // len(texts)} characters each on average), one core")
    for name, seconds in spent.items():
        print(f"  {name:<30} {1000 * seconds / len(texts):7.2f} ms per article  ({100 * seconds / total:4.1f} %)")
    print(f"{rate:.0f} articles per second (target {TARGET}): {'met' if rate >= TARGET else 'NOT met'}")
    quote_attribution(texts)
    long_articles(seed)
    if args.profile:
        profiler = cProfile.Profile()
        profiler.enable()
        run(texts[: max(1, len(texts) // 4)])
        profiler.disable()
        pstats.Stats(profiler).sort_stats("tottime").print_stats(15)
    return 0


def benchmark_texts(fallback: list[str]) -> tuple[list[str], str]:
    """The benchmark's dev texts (with the headline load_article expects), or the generated variants."""
    import json

    if BENCHMARK.is_file():
        with open(BENCHMARK, encoding="utf-8") as handle:
            rows = [json.loads(line) for line in handle if line.strip()]
        return [f"Article {row['id']}\n\n{row['text']}" for row in rows], f"{len(rows)} real news articles (GGT dev half)"
    return fallback, f"{len(fallback)} variants of the course article (no benchmark in ../shared)"


def quote_attribution(variants: list[str]) -> None:
    from helpers import load_article, quote_records

    texts, what = benchmark_texts(variants)
    for text in texts[:5]:
        quote_records(load_article(text=text))  # warm-up
    best = float("inf")
    for _ in range(3):
        started = time.process_time()
        for text in texts:
            quote_records(load_article(text=text))
        best = min(best, time.process_time() - started)
    rate = len(texts) / best
    print(f"\nquote attribution (load_article + quote_records) on {what}, CPU time, best of 3:")
    print(f"  {rate:.0f} articles per CPU-second (target {RECORDS_TARGET}): "
          f"{'met' if rate >= RECORDS_TARGET else 'NOT met'}; {rate / GGT_SPEED:.0f}x the Gender Gap Tracker "
          f"(about {GGT_SPEED:.0f} articles per CPU-second)")


def long_articles(seed: str) -> None:
    from helpers import find_attributions, load_article

    body = "\n\n".join(load_article(text=seed).paragraphs)
    long_text = "Headline\n\n" + "\n\n".join([body] * (2_000_000 // len(body) + 1))
    started = time.process_time()
    for _ in range(20):
        find_attributions(load_article(text=seed))
    small = (time.process_time() - started) / (20 * len(seed))
    started = time.process_time()
    find_attributions(load_article(text=long_text))
    large = (time.process_time() - started) / len(long_text)
    print(f"\nlong articles: {len(long_text) / 1e6:.1f} MB read in {large * len(long_text):.1f} CPU-seconds "
          f"({large * 1e6:.2f} s per MB); per MB, {large / small:.2f}x a seed-sized article (1 = linear)")


if __name__ == "__main__":
    sys.exit(main())
