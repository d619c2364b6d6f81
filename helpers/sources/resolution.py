"""Step 4: resolving names, pronouns and descriptions to their sources.

Pronouns ("he", "she", "they", "her") and descriptions ("the ministry", "the
union") are resolved to the nearest compatible source named before -- in the
same paragraph or the one before it.  A short name ("Ruiz") is the full name
given earlier ("Mayor Ana Ruiz").  Metonyms ("Baku", "Paris", "Kremlin") stay
sources of their own.

The gender of a person comes only from what the text says ("he said" bound to
the name, "for her part"); first names are never used to guess it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicon import DETERMINERS, LEX, NAME_CONNECTORS, PLACE_PREPOSITIONS
from .mentions import parse_mention
from .speakers import Draft
from .tokens import Context, join, noun

__all__ = ["People", "resolve"]


@dataclass
class Entity:
    name: str
    start: int
    paragraph: int
    person: bool
    plural: bool
    spoke: bool  # it is the source of an attribution
    title: str | None = None


class People:
    """The named people of the article, with the gender the text gives them."""

    def __init__(self):
        self.title: dict[str, str | None] = {}
        self.gender: dict[str, str] = {}
        self.paragraph: dict[str, int] = {}
        self.count: dict[str, int] = {}
        self.by_last_word: dict[str, str] = {}

    def add(self, name: str, paragraph: int, title: str | None = None) -> None:
        if name not in self.paragraph:
            self.paragraph[name] = paragraph
            self.count[name] = 0
            self.title[name] = None
            if len(name.split()) > 1:
                self.by_last_word.setdefault(name.split()[-1], name)
        if title and not self.title[name]:
            self.title[name] = title

    def alias(self, word: str) -> str | None:
        """The full name of a person mentioned earlier by a short form ("Ruiz" -> "Ana Ruiz")."""
        return self.by_last_word.get(word)


def _narrative_names(ctx: Context) -> list[Entity]:
    """Capitalised names outside quotation marks (people and institutions), in reading order."""
    entities = []
    for sentence in ctx.article.sentences:
        toks = [t for t in ctx.tokens(sentence.start, sentence.end) if t.quote is None]
        i = 0
        while i < len(toks):
            tok = toks[i]
            if not (tok.is_cap and tok.is_word) and tok.low not in LEX.title_abbr:
                i += 1
                continue
            nxt = toks[i + 1] if i + 1 < len(toks) else None
            if tok.low not in LEX.title_abbr and noun(tok.text) not in LEX.institution and not (
                    nxt is not None and (nxt.is_cap and nxt.is_word or nxt.low in NAME_CONNECTORS)):
                i += 1  # a single capitalised word ("Baku", "Tensions") names no person and no institution
                continue
            start = i - 1 if i > 0 and toks[i - 1].low in DETERMINERS else i
            mention, used = parse_mention(toks[start:start + 25], sentence.start)
            if mention is None or mention.kind in {"pronoun", "one"}:
                i += 1
                continue
            if mention.kind == "name":
                words = mention.toks[mention.name_from:]
                words = words[:next((k + 1 for k, t in enumerate(words) if t.is_possessive), len(words))]
                name = re.sub(r"[’']s?$", "", join(words))
                prep = toks[start - 1].low if start > 0 else ""
                person = mention.person and (mention.title is not None or prep not in PLACE_PREPOSITIONS)
                entities.append(Entity(name, words[0].start, sentence.paragraph, person, mention.plural, False,
                                        mention.title))
            else:  # "Nikol Pashinian’s spokesperson": the possessive names a person
                names = [k for k, t in enumerate(mention.toks) if t.is_cap and t.is_possessive]
                if names:
                    j = end = names[0]
                    while j > 0 and mention.toks[j - 1].is_cap:
                        j -= 1
                    words = mention.toks[j:end + 1]
                    if len(words) >= 2:
                        entities.append(Entity(re.sub(r"[’']s?$", "", join(words)), words[0].start,
                                                sentence.paragraph, True, False, False))
            i = start + max(used, 1)
    return entities


def resolve(ctx: Context, drafts: list[Draft]) -> People:
    """Set ``draft.source`` for every draft, in reading order; return the people and their gender."""
    names = _narrative_names(ctx)
    people = People()
    for entity in names:
        if entity.person:
            people.add(entity.name, entity.paragraph, entity.title)
    events = sorted([(e.start, 0, n, e) for n, e in enumerate(names)] +
                    [(d.mention.start, 1, n, d) for n, d in enumerate(drafts)], key=lambda item: item[:3])
    seen: list[Entity] = []
    by_word: dict[str, Entity] = {}  # the latest name with this word in it (for "the ministry")
    by_title: dict[str, Entity] = {}  # the latest person with this title (for "the prime minister")
    sentence_index = {s.start: k for k, s in enumerate(ctx.article.sentences)}

    def remember(entity: Entity) -> None:
        seen.append(entity)
        for word in entity.name.split():
            by_word[noun(word)] = entity
        if entity.person and entity.title:
            words = entity.title.lower().split()
            for k in range(len(words)):
                by_title[" ".join(words[k:])] = entity

    for offset, is_draft, _, item in events:
        if not is_draft:
            remember(item)
            continue
        draft: Draft = item
        mention = draft.mention
        paragraph = draft.sentence.paragraph
        words = ctx.text[mention.start:mention.end]
        person, plural = mention.person, mention.plural
        if mention.kind == "name":
            source = words
            if " " not in words and people.alias(words):
                source, person = people.alias(words), True
            if person:
                people.add(source, paragraph, draft.title)
        elif mention.kind == "pronoun":
            pronoun = mention.toks[0].low
            target = _antecedent(seen, pronoun, paragraph, people)
            if target is None:
                source = f"{words} (unresolved)"
            else:
                source, person, plural = target.name, target.person, target.plural
                gender = LEX.pronouns.get(pronoun, (None, None))[1]
                if person and gender in {"male", "female"}:
                    people.gender.setdefault(source, gender)
        elif mention.resolvable:
            described = by_title.get(join(mention.toks[1:]).lower())
            if described is not None and described.paragraph >= paragraph - 1:
                source, person = described.name, True  # "the mayor" -> Mayor Ana Ruiz
            else:
                head = noun(mention.toks[-1].text)
                source = _description_antecedent(ctx, by_word, head, draft, sentence_index) or _without_the(words)
        else:
            source = _without_the(words)
        if draft.gender_hint and person:
            people.gender.setdefault(source, draft.gender_hint)
        if person and source in people.count:
            people.count[source] += 1
        draft.source = source
        remember(Entity(source, offset, paragraph, person, plural, True, draft.title))
    return people


def _without_the(words: str) -> str:
    return re.sub(r"^(?:the|The)\s+", "", words)


def _antecedent(seen: list[Entity], pronoun: str, paragraph: int, people: People) -> Entity | None:
    """The nearest earlier entity a pronoun can stand for, in this paragraph or the one before.

    "he"/"she": the nearest person whose gender does not contradict the pronoun;
    if no person is named there, the nearest singular source (the seed's "He also
    said" is the ministry: French *il*).  "they": the nearest plural source.
    "it": the nearest singular source that is not a person.
    """
    number, gender = LEX.pronouns.get(pronoun, ("singular", None))
    window = []
    for entity in reversed(seen[-200:]):
        if entity.paragraph < paragraph - 1:
            break
        window.append(entity)
    if number == "plural":
        return next((e for e in window if e.plural and e.spoke), None)
    if gender in {"male", "female"}:
        for e in window:
            if e.person and people.gender.get(e.name, gender) == gender:
                return e
    return next((e for e in window if e.spoke and not e.person and not e.plural), None)


def _description_antecedent(ctx: Context, by_word: dict[str, Entity], head: str, draft: Draft,
                            sentence_index: dict[int, int]) -> str | None:
    """ "the ministry": the latest name with "ministry" in it if it is in the same paragraph; else a
    name that opens the next sentence (an apposition cut off by a full stop); else the latest before."""
    latest = by_word.get(head)
    paragraph = draft.sentence.paragraph
    if latest is not None and latest.paragraph == paragraph:
        return latest.name
    sentences = ctx.article.sentences
    k = sentence_index.get(draft.sentence.start)
    if k is not None and k + 1 < len(sentences) and sentences[k + 1].paragraph == paragraph:
        nxt = sentences[k + 1]
        toks = ctx.tokens(nxt.start, nxt.end)[:25]
        mention, used = parse_mention(toks, nxt.start)
        if mention is not None and mention.kind == "name" and used < len(toks) and toks[used].text == ",":
            name = ctx.text[mention.start:mention.end]
            if head in {noun(w) for w in name.split()}:
                return name
    return latest.name if latest is not None else None

