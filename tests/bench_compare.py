"""Benchmark: does the comparison of notebook 06 grow linearly, with the article's length and with the corpus?

    .venv/bin/python tests/bench_compare.py            # make bench
    .venv/bin/python tests/bench_compare.py --kb 100   # a larger first size

1. **Length.**  Each helper of the comparison (``helpers.compare``,
   ``helpers.variants``, ``helpers.provenance``) runs on two articles of the
   same kind, one four times the size of the other (the kinds of
   ``tests/bench_scale.py``: news, the same on one line, a hostile text), in
   this one process; the ratio of the two CPU times is printed: about 4 when the
   time grows linearly, about 16 when it is quadratic.
2. **Articles.**  The whole comparison (:func:`helpers.compare.compare`) of a
   corpus of 3 articles and of 12: about 4 when each article costs the same.

A ratio above :data:`bench_scale.LIMIT` is reported as NOT linear, and the script
exits with status 1.  CPU time, in one run: a busy machine moves both sizes alike.

Not a test (pytest does not collect it): ``make bench`` runs it.
"""

from __future__ import annotations

import argparse
import sys
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from bench_scale import FACTOR, LIMIT, cpu, texts  # noqa: E402  (the same sizes, kinds and clock)


def measures() -> dict:
    """name -> function of an Article."""
    from helpers.compare import article_rows, course_sides
    from helpers.provenance import mask_header, split_header
    from helpers.variants import attribute_headline, headline_gap, one_side_voices, switch_naming

    sides = course_sides()
    orders = {"side": list(dict.fromkeys(sides["side"])), "party": list(dict.fromkeys(sides["party"])),
              "type": list(dict.fromkeys(sides["type"]))}
    return {
        "compare.article_rows (every section)": lambda a: article_rows(a, "a", sides, orders),
        "variants.one_side_voices": lambda a: one_side_voices(a, side="Azerbaijan"),
        "variants.switch_naming": lambda a: switch_naming(a, direction="Armenian sources"),
        "variants.attribute_headline": attribute_headline,
        "variants.headline_gap": headline_gap,
        "provenance.split_header+mask_header": lambda a: mask_header(a.text, split_header(a.text)),
    }


def corpus_cpu(count: int, folder: Path) -> float:
    """CPU seconds of load_corpus + compare on ``count`` copies of the course article (best of two)."""
    from helpers.article import DEFAULT_SEED, SEEDS_DIR
    from helpers.compare import compare, load_corpus

    seed = (SEEDS_DIR / DEFAULT_SEED).read_text(encoding="utf-8")
    files = []
    for k in range(count):
        path = folder / f"{count}-{k:02d}.txt"
        path.write_text(seed.replace("Tuesday", f"Tuesday ({k})"), encoding="utf-8")
        files.append(str(path))
    best = None
    for _ in range(2):
        started = time.process_time()
        compare(load_corpus(files))
        took = time.process_time() - started
        best = took if best is None else min(best, took)
    return best


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kb", type=float, default=25, help="the smaller size, in kB (the larger is four times it)")
    parser.add_argument("--kinds", nargs="*", default=["news", "one line", "hostile"])
    args = parser.parse_args(argv)
    warnings.simplefilter("ignore")
    sys.path.insert(0, str(ROOT))
    import tempfile

    small_size = int(args.kb * 1000)
    small, large = texts(small_size), texts(small_size * FACTOR)
    slow = []
    print(f"CPU seconds on {small_size / 1e3:g} kB and {small_size * FACTOR / 1e3:g} kB "
          f"(ratio: about {FACTOR} when linear, limit {LIMIT:g})")
    for kind in args.kinds:
        print(f"\n{kind}:")
        for name, function in measures().items():
            first, second = cpu(function, small[kind]), cpu(function, large[kind])
            ratio = second / first if first > 0.002 else float("nan")
            flag = "" if not ratio > LIMIT else "   NOT linear"
            if flag:
                slow.append(f"{name} ({kind})")
            shown = f"{ratio:6.1f}" if ratio == ratio else "   (too quick to tell)"
            print(f"  {name:42} {first:8.3f} {second:8.3f} {shown}{flag}")
    with tempfile.TemporaryDirectory() as folder:
        few, many = corpus_cpu(3, Path(folder)), corpus_cpu(3 * FACTOR, Path(folder))
    ratio = many / few
    print(f"\nThe whole comparison, 3 articles and {3 * FACTOR}: {few:.3f} s and {many:.3f} s, ratio {ratio:.1f}"
          + ("   NOT linear" if ratio > LIMIT else ""))
    if ratio > LIMIT:
        slow.append("compare (articles)")
    if slow:
        print("\nNot linear: " + ", ".join(slow))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
