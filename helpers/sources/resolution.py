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
    sentence: int = -1  # index in article.sentences
    subject: bool = False  # the first phrase of its sentence ("Mayor Ana Ruiz opened the meeting")
    maybe_person: bool = False  # a one-word name that speaks ("Ruiz said"): a person, or a place or a body
    single: bool = False  # a lone capitalised word, kept only to be read as a short name ("Ruiz")


@dataclass
class _Link:
    """What a pronoun last stood for: the chain "Ana Ruiz ... She cited ... she said"."""

    entity: Entity
    sentence: int
    paragraph: int
    at: int


class People:
    """The named people of the article, with the gender the text gives them.

    ``gender`` comes from the text only: a pronoun resolved to the person ("he said"),
    "for his part", "Mr."/"Ms.", a title such as "spokeswoman".  First names are never
    used to guess it.  ``evidence``: the names the text shows to be people (a title, a
    pronoun, a short form used later: "Ruiz" for "Ana Ruiz").
    """

    def __init__(self):
        self.title: dict[str, str | None] = {}
        self.gender: dict[str, str] = {}
        self.paragraph: dict[str, int] = {}
        self.count: dict[str, int] = {}
        self.by_last_word: dict[str, str] = {}
        self.by_first_word: dict[str, str] = {}
        self.evidence: set[str] = set()

    def add(self, name: str, paragraph: int, title: str | None = None) -> None:
        if name not in self.paragraph:
            self.paragraph[name] = paragraph
            self.count[name] = 0
            self.title[name] = None
            if len(name.split()) > 1:
                self.by_last_word.setdefault(name.split()[-1], name)
                self.by_first_word.setdefault(name.split()[0], name)
        if title and not self.title[name]:
            self.title[name] = title
            self.evidence.add(name)
            gender = _TITLE_GENDER.get(title.lower().rstrip(".").split()[-1]) if title.split() else None
            if gender:
                self.gender.setdefault(name, gender)

    def alias(self, word: str) -> str | None:
        """The full name of a person mentioned earlier by a short form: "Ruiz" -> "Ana Ruiz" (the last word;
        else the first, as for names written family name first: "Kim" -> "Kim Jiwon")."""
        return self.by_last_word.get(word)


#: Titles that state a gender ("Mr.", "Ms.", "spokeswoman"): the text's own words, not a guess from a name.
_TITLE_GENDER = {"mr": "male", "mrs": "female", "ms": "female", "miss": "female", "sir": "male",
                 "spokeswoman": "female", "spokesman": "male", "congresswoman": "female", "congressman": "male",
                 "businesswoman": "female", "businessman": "male", "chairwoman": "female",
                 "mother": "female", "father": "male", "wife": "female", "husband": "male", "son": "male",
                 "daughter": "female", "sister": "female", "brother": "male", "aunt": "female", "uncle": "male",
                 "grandmother": "female", "grandfather": "male", "widow": "female", "widower": "male",
                 "dad": "male", "mom": "female", "mum": "female"}
def _narrative_names(ctx: Context) -> list[Entity]:
    """Capitalised names outside quotation marks (people and institutions), in reading order."""
    entities = []
    captions = ctx.captions
    abbreviations = LEX.title_abbr
    for index, sentence in enumerate(ctx.article.sentences):
        if sentence.paragraph in captions:
            continue
        toks = [t for t in ctx.tokens(sentence.start, sentence.end) if t.quote is None]
        starts = [k for k, t in enumerate(toks) if t.is_cap and t.is_word or t.low in abbreviations]
        i = c = 0
        first = True
        while True:
            while c < len(starts) and starts[c] < i:
                c += 1
            if c == len(starts):
                break
            i = starts[c]  # a name starts with a capital or an abbreviated title
            tok = toks[i]
            nxt = toks[i + 1] if i + 1 < len(toks) else None
            if i == 0 and nxt is not None and noun(nxt.text) in LEX.group:  # "Opposition senators are ...": a "they"
                mention, used = parse_mention(toks[:25], sentence.start)
                if mention is not None and mention.kind == "group":
                    entities.append(Entity(join(mention.toks), mention.start, sentence.paragraph, False, True,
                                           False, None, index, True))
                    first = False
                    i = max(used, 1)
                    continue
            if tok.low not in LEX.title_abbr and noun(tok.text) not in LEX.institution and not (
                    nxt is not None and (nxt.is_cap and nxt.is_word or nxt.low in NAME_CONNECTORS)):
                if i > 0 or not nxt or nxt.is_cap or not nxt.is_word or nxt.low not in DETERMINERS:
                    # a single capitalised word ("Baku", "Tensions", "Ruiz") ...
                    entities.append(Entity(re.sub(r"[’']s?$", "", tok.text), tok.start, sentence.paragraph,
                                           False, False, False, None, index, first and i == 0, single=True))
                i += 1
                continue
            start = i - 1 if i > 0 and toks[i - 1].low in DETERMINERS else i
            mention, used = parse_mention(toks[start:start + 25], sentence.start)
            if mention is None or mention.kind in {"pronoun", "one"}:
                i += 1
                continue
            prep = toks[start - 1].low if start > 0 else ""
            subject = first and prep not in PLACE_PREPOSITIONS
            first = False
            if mention.kind == "name":
                words = mention.toks[mention.name_from:]
                words = words[:next((k + 1 for k, t in enumerate(words) if t.is_possessive), len(words))]
                name = re.sub(r"[’']s?$", "", join(words))
                person = mention.person and (mention.title is not None or prep not in PLACE_PREPOSITIONS)
                entities.append(Entity(name, words[0].start, sentence.paragraph, person, mention.plural, False,
                                       mention.title, index, subject))
            else:  # "Nikol Pashinian’s spokesperson": the possessive names a person
                names = [k for k, t in enumerate(mention.toks) if t.is_cap and t.is_possessive]
                if names:
                    j = end = names[0]
                    while j > 0 and mention.toks[j - 1].is_cap:
                        j -= 1
                    words = mention.toks[j:end + 1]
                    if len(words) >= 2:
                        entities.append(Entity(re.sub(r"[’']s?$", "", join(words)), words[0].start,
                                               sentence.paragraph, True, False, False, None, index, False))
                elif mention.kind == "group" and subject:  # "Opposition senators want ...": a "they"
                    entities.append(Entity(_without_the(join(mention.toks)), mention.start, sentence.paragraph,
                                           False, True, False, None, index, True))
            i = start + max(used, 1)
    return entities


#: Pronouns that carry a chain of reference on (possessives too: "Her message now is simple").
_CHAIN_PRONOUNS = {"he", "she", "they", "her", "his", "him"}


def _pronoun_events(ctx: Context, drafts: list[Draft]) -> list[tuple[int, int, str]]:
    """Pronouns outside quotation marks that are not a speaker: "She cited ...", "he began to cry",
    "Her message is simple".

    Each continues a chain of reference (what "she" stands for now), as (offset, sentence, pronoun)."""
    speakers = {d.mention.start for d in drafts}
    out = []
    captions = ctx.captions
    for index, sentence in enumerate(ctx.article.sentences):
        if sentence.paragraph in captions:
            continue
        for tok in ctx.tokens(sentence.start, sentence.end):
            if tok.quote is None and tok.low in _CHAIN_PRONOUNS and tok.start not in speakers:
                out.append((tok.start, index, tok.low))
    return out


def resolve(ctx: Context, drafts: list[Draft]) -> People:
    """Set ``draft.source`` for every draft, in reading order; return the people and their gender."""
    names = _narrative_names(ctx)
    people = People()
    sentence_index = {s.start: k for k, s in enumerate(ctx.article.sentences)}
    events = sorted([(e.start, 0, n, e) for n, e in enumerate(names)] +
                    [(d.mention.start, 1, n, d) for n, d in enumerate(drafts)] +
                    [(at, 2, k, pronoun) for at, k, pronoun in _pronoun_events(ctx, drafts)],
                    key=lambda item: item[:3])
    seen: list[Entity] = []
    by_word: dict[str, Entity] = {}  # the latest name with this word in it (for "the ministry")
    by_title: dict[str, Entity] = {}  # the latest person with this title (for "the prime minister")
    chains: dict[str, _Link] = {}

    def remember(entity: Entity) -> None:
        seen.append(entity)
        for word in entity.name.split():
            by_word[noun(word)] = entity
        if entity.person and entity.title:
            words = entity.title.lower().split()
            for k in range(len(words)):
                by_title[" ".join(words[k:])] = entity

    def link(pronoun: str, target: Entity, sentence: int, paragraph: int, at: int) -> None:
        gender = LEX.pronouns.get(pronoun, (None, None))[1]
        if target.maybe_person and gender in {"male", "female"}:
            target.person = True  # the text calls it "he" or "she"
            people.add(target.name, target.paragraph, target.title)
        if target.person and gender in {"male", "female"}:
            people.gender.setdefault(target.name, gender)
            people.evidence.add(target.name)
        chains[_chain_key(pronoun)] = _Link(target, sentence, paragraph, at)

    for offset, kind, order, item in events:
        if kind == 0:  # a name in the narrative
            entity = item
            if entity.single:
                full = people.alias(entity.name)
                if full is None:
                    continue  # a lone capitalised word that is no short name: "Baku", "Tensions"
                people.evidence.add(full)
                entity = Entity(full, entity.start, entity.paragraph, True, False, False, people.title.get(full),
                                entity.sentence, entity.subject)
            elif entity.person:
                people.add(entity.name, entity.paragraph, entity.title)
            remember(entity)
            continue
        if kind == 2:  # "She cited the tours": the chain of "she" goes on (``order`` is the sentence)
            paragraph = ctx.article.sentences[order].paragraph
            target = _antecedent(seen, item, paragraph, order, offset, people, chains)
            if target is not None:
                link(item, target, order, paragraph, offset)
            continue
        draft: Draft = item
        mention = draft.mention
        paragraph = draft.sentence.paragraph
        k = sentence_index.get(draft.sentence.start, -1)
        words = ctx.text[mention.start:mention.end]
        person, plural = mention.person, mention.plural
        maybe = False
        if mention.kind == "name":
            source = words
            if " " not in words and people.alias(words):
                source, person = people.alias(words), True
                people.evidence.add(source)
            elif " " not in words and not plural and noun(words) not in LEX.not_person:
                maybe = True  # "Ruiz said": a person if a "he" or a "she" later stands for it
            if person:
                people.add(source, paragraph, draft.title)
        elif mention.kind == "pronoun":
            pronoun = mention.toks[0].low
            target = _antecedent(seen, pronoun, paragraph, k, offset, people, chains)
            if target is None:
                source = f"{words} (unresolved)"
            else:
                source, person, plural = target.name, target.person, target.plural
                link(pronoun, target, k, paragraph, offset)
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
        remember(Entity(source, offset, paragraph, person, plural, True, draft.title, k, True, maybe))
    return people


def _without_the(words: str) -> str:
    return re.sub(r"^(?:the|The)\s+", "", words)


def _chain_key(pronoun: str) -> str:
    number, gender = LEX.pronouns.get(pronoun, ("singular", None))
    return "plural" if number == "plural" else str(gender)


def _antecedent(seen: list[Entity], pronoun: str, paragraph: int, sentence: int, at: int, people: People,
                chains: dict[str, _Link]) -> Entity | None:
    """The entity a pronoun stands for, found in this order:

    1. the chain: what the same pronoun stood for in this sentence or the last few (in this
       paragraph or the one before), unless another compatible source has spoken since;
    2. "he"/"she": the latest compatible person who spoke (within four paragraphs), then the
       latest compatible person the text shows to be one (a title, a short name, a pronoun),
       then any compatible person named in this paragraph or the one before; when only an
       institution spoke last in this paragraph and no person is named there, that institution
       (the seed's "He also said" is the ministry: French *il*);
    3. "they": the latest plural source (within three paragraphs), then a plural subject
       ("Opposition senators want ...") of this paragraph or the one before;
    4. "it": the latest singular source that is not a person.

    A person is compatible when the text has given them no other gender.
    """
    number, gender = LEX.pronouns.get(pronoun, ("singular", None))
    gendered = gender in {"male", "female"}

    def compatible(e: Entity) -> bool:
        if number == "plural":
            return e.plural
        if gendered:
            return (e.person or e.maybe_person) and people.gender.get(e.name, gender) == gender
        return not e.person and not e.plural

    window = []
    for entity in reversed(seen[-300:]):
        if entity.paragraph < paragraph - 6:
            break
        window.append(entity)
    chain = chains.get(_chain_key(pronoun))
    if chain is not None and chain.sentence >= sentence - 3 and chain.paragraph >= paragraph - 1 \
            and compatible(chain.entity):
        rival = next((e for e in window if e.start > chain.at and e.spoke and compatible(e)
                      and e.name != chain.entity.name), None)
        if rival is None:
            return chain.entity
    near = [e for e in window if e.paragraph >= paragraph - 1]
    if number == "plural":
        return next((e for e in window if e.paragraph >= paragraph - 3 and e.plural and e.spoke), None) or \
            next((e for e in near if e.plural and e.subject), None)
    if gendered:
        institution = next((e for e in near if e.spoke and not e.person and not e.plural
                            and e.paragraph == paragraph), None)
        if institution is not None and not any(e.person and e.start > institution.start for e in near) \
                and not any(e.person for e in near if e.paragraph == paragraph):
            return institution  # "announced the Ministry of Defense. He also said ..."
        speaker = next((e for e in window if e.spoke and compatible(e)), None)
        newer = next((e for e in near if compatible(e) and (e.subject or e.title)
                      and (speaker is None or e.start > speaker.start)), None)
        return newer or speaker or \
            next((e for e in window if e.name in people.evidence and compatible(e)), None) or \
            next((e for e in near if compatible(e)), None) or \
            next((e for e in near if e.spoke and not e.person and not e.plural), None)
    return next((e for e in window if e.paragraph >= paragraph - 2 and e.spoke and compatible(e)), None)


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

