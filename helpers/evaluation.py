"""How good is the source extractor?  Its output against a hand annotation.

A tool that counts sources is a **second reader**, not a verdict.  This module
measures how often it agrees with a careful human reader on the articles of
``helpers/data/annotations/`` (the rules are in the README there)::

    from helpers.evaluation import evaluation_table, error_table
    evaluation_table()        # precision, recall, F1 and resolution accuracy per article
    error_table("seed")       # what the extractor missed, added or resolved wrongly

Definitions:

* an annotated attribution and a found one **match** when they are in the same
  paragraph, their speaker spans overlap, and their sources are equal after
  :func:`normalise_source`;
* **precision** = matched / found (how much of what the tool finds is right),
  **recall** = matched / annotated (how much of what is there the tool finds),
  **F1** = their harmonic mean;
* **resolution accuracy** = among the annotated rows whose speaker is not the
  source itself ("he", "the ministry", "Ruiz") and whose speaker the tool
  found, the share resolved to the right source.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from .article import Article, load_article
from .attribution_patterns import DATA_DIR
from .sources import Attribution, find_attributions

__all__ = [
    "ANNOTATIONS_DIR", "annotated_articles", "load_annotation", "read_annotation", "load_annotated_article",
    "locate_speakers",
    "normalise_source", "Evaluation", "evaluate", "evaluation_table", "error_table",
    "BENCHMARK_RESULTS", "benchmark_results",
]

#: The figures measured on real news by ``make evaluate`` (figures only: the benchmark's texts are not here).
BENCHMARK_RESULTS = DATA_DIR / "evaluation" / "ggt_dev.json"
#: The folder with the hand annotations (one CSV per article, and the three short articles).
ANNOTATIONS_DIR = DATA_DIR / "annotations"
_COLUMNS = ["paragraph", "speaker", "occurrence", "source", "mention", "verb", "kind", "channel", "note"]
_LEADING = re.compile(r"^(?:the|a|an|some|several|many)\s+")


def annotated_articles() -> list[str]:
    """Names of the annotated articles: "seed" (the course article) first, then the others."""
    names = sorted(p.stem for p in ANNOTATIONS_DIR.glob("*.csv"))
    return sorted(names, key=lambda n: (n != "seed", n))


def load_annotation(name: str) -> pd.DataFrame:
    """The hand annotation of one article (one row per attribution), as a DataFrame."""
    path = ANNOTATIONS_DIR / f"{name}.csv"
    if not path.exists():
        raise FileNotFoundError(f"no annotation {path.name}; annotated articles: {', '.join(annotated_articles())}")
    return read_annotation(path)


def read_annotation(path: Path | str) -> pd.DataFrame:
    """Read an annotation file (the columns of ``helpers/data/annotations/README.md``) from any folder."""
    path = Path(path)
    table = pd.read_csv(path, dtype=str, keep_default_na=False)
    missing = [c for c in _COLUMNS if c not in table.columns]
    if missing:
        raise ValueError(f"{path.name} lacks the column(s) {', '.join(missing)}")
    table["paragraph"] = table["paragraph"].astype(int)
    table["occurrence"] = [int(v) if v else 1 for v in table["occurrence"]]
    return table[_COLUMNS]


def load_annotated_article(name: str) -> Article:
    """The article an annotation belongs to ("seed" is the course article)."""
    if name == "seed":
        return load_article()
    return load_article(ANNOTATIONS_DIR / f"{name}.txt")


def locate_speakers(article: Article, gold: pd.DataFrame) -> list[tuple[int, int]]:
    """The (start, end) of each annotated speaker: its ``occurrence``-th whole-word match in its paragraph."""
    spans = []
    for row in gold.itertuples():
        paragraph = article.paragraphs[row.paragraph]
        pattern = re.compile(r"(?<!\w)%s(?!\w)" % re.escape(row.speaker))
        matches = list(pattern.finditer(article.text, paragraph.start, paragraph.end))
        if len(matches) < row.occurrence:
            raise ValueError(f"annotation error: {row.speaker!r} does not occur {row.occurrence} time(s) "
                             f"in paragraph {row.paragraph}")
        found = matches[row.occurrence - 1]
        spans.append((found.start(), found.end()))
    return spans


def normalise_source(source: str) -> str:
    """Lower case, ’ read as ', a leading "the", "a", "an", "some", "several" or "many" dropped, spaces collapsed."""
    text = " ".join(str(source).replace("’", "'").lower().split())
    return _LEADING.sub("", text)


@dataclass
class Evaluation:
    """The extractor's agreement with the hand annotation on one article."""

    article: str
    annotated: int
    found: int
    matched: int
    resolution_total: int
    resolution_correct: int
    kind_agree: int
    verb_agree: int
    channel_agree: int
    errors: list[dict] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.matched / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.annotated if self.annotated else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def resolution_accuracy(self) -> float:
        return self.resolution_correct / self.resolution_total if self.resolution_total else 1.0

    def row(self) -> dict:
        """One row of :func:`evaluation_table`."""
        share = (lambda k: k / self.matched if self.matched else 1.0)
        return {
            "article": self.article, "annotated": self.annotated, "found": self.found, "matched": self.matched,
            "precision": round(self.precision, 3), "recall": round(self.recall, 3), "F1": round(self.f1, 3),
            "resolutions": self.resolution_total, "resolved right": self.resolution_correct,
            "resolution accuracy": round(self.resolution_accuracy, 3), "kind agrees": round(share(self.kind_agree), 3),
            "verb agrees": round(share(self.verb_agree), 3), "channel agrees": round(share(self.channel_agree), 3),
        }


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def evaluate(article: Article, gold: pd.DataFrame, found: list[Attribution] | None = None,
             name: str | None = None) -> Evaluation:
    """Compare ``found`` (by default :func:`find_attributions` of ``article``) with the annotation ``gold``."""
    found = find_attributions(article) if found is None else list(found)
    spans = locate_speakers(article, gold)
    used: set[int] = set()
    matched = kind = verb = channel = 0
    resolution_total = resolution_correct = 0
    errors = []
    for row, span in zip(gold.itertuples(), spans):
        same_place = [k for k, a in enumerate(found)
                      if a.paragraph == row.paragraph and _overlap((a.start, a.end), span)]
        hit = next((k for k in same_place if k not in used
                    and normalise_source(found[k].source) == normalise_source(row.source)), None)
        if normalise_source(row.speaker) != normalise_source(row.source) and same_place:
            resolution_total += 1
            resolution_correct += hit is not None
        if hit is not None:
            used.add(hit)
            a = found[hit]
            matched += 1
            kind += a.kind == row.kind
            verb += a.verb.lower() == row.verb.lower()
            channel += (a.channel or "") == row.channel
            continue
        wrong = next((k for k in same_place if k not in used), None)
        if wrong is not None:
            used.add(wrong)
            errors.append(_error("wrong source", row, found[wrong], article))
        else:
            errors.append(_error("missed", row, None, article))
    for k, a in enumerate(found):
        if k not in used:
            errors.append(_error("extra", None, a, article))
    return Evaluation(name or article.name, len(gold), len(found), matched, resolution_total, resolution_correct,
                      kind, verb, channel, errors)


def _error(what: str, row, found: Attribution | None, article: Article) -> dict:
    paragraph = row.paragraph if row is not None else found.paragraph
    sentence = found.sentence if found is not None else _sentence_of(article, row)
    return {
        "error": what, "paragraph": paragraph,
        "annotated speaker": row.speaker if row is not None else "",
        "annotated source": row.source if row is not None else "",
        "found speaker": found.speaker if found is not None else "",
        "found source": found.source if found is not None else "",
        "sentence": sentence,
    }


def _sentence_of(article: Article, row) -> str:
    paragraph = article.paragraphs[row.paragraph]
    offset = article.text.find(row.speaker, paragraph.start, paragraph.end)
    for sentence in article.sentences_in(row.paragraph):
        if sentence.start <= offset < sentence.end:
            return str(sentence)
    return str(paragraph)


def evaluation_table(names: list[str] | None = None) -> pd.DataFrame:
    """One row per annotated article: counts, precision, recall, F1, resolution accuracy, agreements."""
    rows = [evaluate(load_annotated_article(n), load_annotation(n), name=n).row()
            for n in (names or annotated_articles())]
    return pd.DataFrame(rows).set_index("article")


def error_table(name: str) -> pd.DataFrame:
    """The disagreements between the extractor and the annotation of one article."""
    result = evaluate(load_annotated_article(name), load_annotation(name), name=name)
    columns = ["error", "paragraph", "annotated speaker", "annotated source", "found speaker", "found source",
               "sentence"]
    table = pd.DataFrame(result.errors, columns=columns)
    table.index = range(1, len(table) + 1)
    return table


def benchmark_results(path: Path | str = BENCHMARK_RESULTS) -> pd.DataFrame:
    """The extractor's figures on real, human-annotated news, beside the published figures of GGT.

    One row per system and overlap threshold: precision, recall, F1, speaker and
    verb match, pronoun speakers resolved.  The figures come from
    ``helpers/data/evaluation/ggt_dev.json``, written by ``make evaluate`` on the
    dev half of the Gender Gap Tracker's evaluation set (49 Canadian news
    articles); the articles themselves are not part of the course.
    """
    import json

    data = json.loads(Path(path).read_text(encoding="utf-8"))
    rows = []
    for result in data["results"]:
        rows.append({"system": "this course", "set": f"GGT dev half ({result['articles']} articles)",
                     "threshold": result["threshold"], "quotations": result["gold"],
                     "precision": result["precision"], "recall": result["recall"], "f1": result["f1"],
                     "speaker match": result["speaker_match"], "verb match": result["verb_match"],
                     "pronouns resolved": result.get("reference_pronoun")})
    ggt = data["published_ggt"]
    rows.append({"system": "Gender Gap Tracker (published)", "set": "GGT whole set (98 articles)",
                 "threshold": ggt["threshold"], "quotations": None, "precision": ggt["precision"],
                 "recall": ggt["recall"], "f1": ggt["f1"], "speaker match": ggt["speaker_match"],
                 "verb match": ggt["verb_match"], "pronouns resolved": None})
    return pd.DataFrame(rows).set_index(["system", "threshold"])
