"""Step 2: the speaker of each reporting verb, sentence by sentence.

* **Normal order.**  The noun phrase just before the verb: "Armenian separatist
  authorities announced", "the ministry stressed", "Russia, regional power and
  guarantor ..., called on" (an apposition between commas is read over), "The
  head of EU diplomacy, Josep Borrell, also “condemned”" (the title in apposition
  is kept).
* **Inverted order.**  When the verb follows a quotation or a comma and has no
  subject, the noun phrase after it: "lamented on X (ex-Twitter) Gegham
  Stepanyan", "announced in a press release the Azerbaijani Ministry of Defense",
  "said one of them, Joan Miller, a retired teacher".
* **Several speakers in one sentence** share it at "while", "whereas", "but" or
  ";" (:func:`clause_floor`); a second verb of the same subject ("welcomed the
  increase but said") makes no second attribution.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .channels import channel_at
from .lexicon import (
    ASKED, FOR_ONES_PART, LEX, MAX_TOKENS, QUOTE_MARKS, TIME_FILLER, TIME_NOUNS, WEEKDAYS, WINDOW, verb_lemma,
)
from .mentions import Mention, describe, full, is_title_phrase, parse_mention, segment
from .tokens import Context, Tok, join
from .verbs import Verb

__all__ = ["Draft", "attributions_in_sentence", "after_connective"]


@dataclass
class Draft:
    """An attribution being built."""

    mention: Mention
    verb: Verb
    sentence: object  # the Span of the sentence
    clause: tuple[int, int]  # speaker (or title) ... verb, then extended over channel and apposition
    title: str | None = None
    gender_hint: str | None = None
    channel: str | None = None
    leading: bool = False  # the speaker and verb come before the statement ("X said that ...")
    floor: int = 0  # where the clause may begin (after a quotation or "while")
    kind: str = "indirect"
    quotes: list[int] = field(default_factory=list)
    source: str = ""
    #: Set by step 3: the part of the sentence that is this attribution's, the statement's pieces
    #: around the clause, and a participle that continues it (", saying ...").
    share: tuple[int, int] = (0, 0)
    content: tuple[tuple[int, int], ...] = ()
    participle: Verb | None = None


def attributions_in_sentence(ctx: Context, sentence, verbs: list[Verb]) -> list[Draft]:
    drafts: list[Draft] = []
    for verb in verbs:
        if verb.participle:
            continue  # "saying", "urging": the statement before goes on
        floor = _clause_floor(ctx, sentence, verb, drafts)
        if floor is None:
            continue
        draft = None
        if verb.text.lower().split()[0] != "according":
            draft = _speaker_before(ctx, sentence, floor, verb)
        if draft is None:
            draft = _speaker_after(ctx, sentence, floor, verb)
        if draft is not None and verb.bare and not _plural(draft.mention):
            draft = None  # "the mayor's Sunday tweet": a bare form after a singular phrase is a noun
        elif draft is not None and _third_person(verb) and draft.mention.kind == "group" \
                and draft.mention.start < verb.start:
            draft = None  # "noted both remarks": a plural subject takes no "-s" form, so this is a noun
        if draft is not None:
            draft.floor = floor
            draft.leading = _is_leading(ctx, floor if drafts else sentence.start, draft)
            drafts.append(draft)
    if not drafts:
        draft = _subject_led(ctx, sentence, verbs)
        if draft is not None:
            draft.floor = sentence.start
            draft.leading = True
            drafts.append(draft)
    return drafts


def _subject_led(ctx: Context, sentence, verbs: list[Verb]) -> Draft | None:
    """An attribution whose verb has no subject of its own: the subject of the sentence speaks.

    * a participle after a clause that reports no speech: "The spokeswoman shot back on Tuesday,
      saying ...", "He was quoted as saying ...";
    * a second verb: "He shook his head and said no";
    * no verb at all, a colon before the quotation: "The mayor ended her speech with this: “...”".
    """
    text = ctx.text
    toks = ctx.tokens(sentence.start, sentence.end)
    verb = None
    for v in verbs:
        before = [t for t in toks if t.end <= v.start and t.quote is None]
        if before and (v.participle and (before[-1].text == "," or before[-1].low == "as")
                       or not v.participle and before[-1].low in {"and", "but"}):
            verb = Verb(v.text, v.start, v.end, False)
            break
    if verb is None:
        colon = next((t for k, t in enumerate(toks[1:], 1) if t.quote is not None and toks[k - 1].text == ":"
                      and t.start > sentence.start), None)
        if colon is None:
            return None
        mark = next(t for t in reversed(toks) if t.end <= colon.start and t.text == ":")
        verb = Verb("", mark.start, mark.start, False)
    start = after_connective(text, sentence.start, verb.start)
    phrase = [t for t in ctx.tokens(start, verb.start) if t.quote is None]
    mention, used = parse_mention(phrase, sentence.start)
    if mention is None or mention.kind == "one" or used >= len(phrase) or not phrase[used].is_word:
        return None  # the sentence must open with its subject, then a verb: "The mayor ended ...", "She was quoted"
    if mention.kind == "pronoun" and mention.toks[0].low not in {"he", "she", "they", "it"}:
        return None
    return Draft(mention, verb, sentence, (mention.toks[0].start, mention.end), title=mention.title)


def _third_person(verb: Verb) -> bool:
    """ "says", "remarks", "reports": the present of a single subject ("he says"), never of "they"."""
    form = verb.text.lower()
    return " " not in form and form.endswith("s") and form != verb_lemma(form) and not form.endswith("ss")


def _plural(mention: Mention) -> bool:
    """Can this mention be the subject of a bare verb form ("officials explain", "they say", "the Greens argue")?"""
    head = mention.toks[-1]
    if mention.kind == "pronoun":
        return head.low in {"they", "we", "i", "you"}
    return mention.plural or (head.low.endswith("s") and not head.is_possessive and not head.low.endswith("ss"))


def after_connective(text: str, start: int, end: int) -> int:
    """Where the statement may begin: after "Furthermore,", "For its part,", "Asked whether ...,"."""
    found = LEX.connective.match(text, start, end) or ASKED.match(text, start, end)
    return found.end() if found else start


def _is_leading(ctx: Context, start: int, draft: Draft) -> bool:
    """Does the clause (speaker, verb) come before the statement, as in "X said that ..." or "According to X, ..."?"""
    content_start = after_connective(ctx.text, start, draft.clause[0])
    return not ctx.words_outside_quotes(content_start, draft.clause[0]) and \
        not ctx.quotes_between(content_start, draft.clause[0])


def _clause_floor(ctx: Context, sentence, verb: Verb, drafts: list[Draft]) -> int | None:
    """Where the clause of ``verb`` may begin; None when it starts no new attribution."""
    floor = sentence.start
    if drafts:
        previous = drafts[-1]
        between = [t for t in ctx.tokens(previous.verb.end, verb.start) if t.quote is None]
        coordinator = [t for t in between if t.low in LEX.coordinators]
        if coordinator:
            floor = coordinator[-1].end  # "..., while supermarkets say"
        else:
            words = [t for t in between if t.is_word and t.low not in LEX.fillers]
            if not words or words[-1].low in {"and", "but"}:
                return None  # "welcomed the increase but said": the same speaker goes on
            if previous.leading:
                return None  # "According to X, farmers have reported ...": a report inside a report
            floor = previous.verb.end
    for k in ctx.quotes_between(floor, verb.start):  # start after a quotation that closes before the verb
        if ctx.outer[k][1] <= verb.start:
            floor = max(floor, ctx.outer[k][1])
    return floor


def _strip_fillers(toks: list[Tok]) -> list[Tok]:
    """Drop "had earlier", "then", ", however," and "on Tuesday" between a speaker and the verb."""
    toks = list(toks)
    while toks:
        if toks[-1].low in LEX.fillers:
            toks.pop()
        elif len(toks) >= 2 and toks[-2].low in {"on", "last", "this"} and (
                toks[-1].low in WEEKDAYS or toks[-1].low in TIME_NOUNS):
            del toks[-2:]
        elif len(toks) >= 3 and toks[-1].text == "," and toks[-2].low in LEX.fillers and toks[-3].text == ",":
            del toks[-2:]
        else:
            break
    return toks


def _split_commas(toks: list[Tok]) -> list[list[Tok]]:
    out: list[list[Tok]] = [[]]
    for tok in toks:
        if tok.text == ",":
            out.append([])
        else:
            out[-1].append(tok)
    return out


def _speaker_before(ctx: Context, sentence, floor: int, verb: Verb) -> Draft | None:
    """Normal order: "Armenian separatist authorities announced", "Russia, regional power ..., called on"."""
    toks = [t for t in ctx.tokens(floor, verb.start) if t.text not in QUOTE_MARKS][-MAX_TOKENS:]
    toks = _strip_fillers(toks)
    if not toks or toks[-1].low in {"and", "but", "or", "who", "which", "that"}:
        return None
    s0 = sentence.start
    segments = _split_commas(toks)
    mention = title_phrase = None
    last = segments[-1]
    if last:  # the longest phrase that ends at the verb: "... by Azerbaijani forces, | Armenian separatist authorities"
        for i in range(max(0, len(last) - 12), len(last)):
            mention = full(last[i:], s0)
            if mention is not None:
                break
        relative = next((j for j, t in enumerate(last) if t.low in {"who", "which"}), 0)
        if mention is None and relative:  # "An official who asked not to be named said"
            mention = full(last[:relative], s0)
        if mention is not None and mention.kind == "name" and len(segments) >= 2:
            before = full(segments[-2], s0)
            title_phrase = before if is_title_phrase(before) else None
    elif len(segments) >= 2:  # the phrase before the verb ends with a comma: an apposition
        mention = full(segments[-2], s0)
        earlier = full(segments[-3], s0) if len(segments) >= 3 else None
        if mention is not None and mention.kind == "name" and is_title_phrase(earlier):
            title_phrase = earlier  # "The head of EU diplomacy, Josep Borrell, also “condemned”"
        elif is_title_phrase(mention) and earlier is not None and earlier.kind == "name":
            mention, title_phrase = earlier, mention  # "Josep Borrell, head of EU diplomacy, said"
        elif is_title_phrase(mention) and len(segments) >= 4 and _is_age(segments[-3]):
            earlier = full(segments[-4], s0)  # "Tom Lee, 56, a retired teacher, says"
            if earlier is not None and earlier.kind == "name":
                mention, title_phrase = earlier, mention
        elif mention is None and len(segments) >= 3:
            # "Jonas Berg, who milks 80 cows near Eskby, said", "At home, Brooks, who has a phone, said":
            # the subject stands before the relative clause.
            for k in range(len(segments) - 2, -1, -1):
                first, used = parse_mention(segments[k], s0)
                rest = segments[k][used:]
                relative = (rest or segments[k + 1][:1] or [None])[0]
                if first is not None and (relative is not None and relative.low in {"who", "which", "whose"}
                                          or (k == 0 and not rest)):
                    mention = first
                    title_phrase = next((m for m in (full(seg, s0) for seg in segments[k + 1:-1])
                                         if is_title_phrase(m)), None)
                    break
    if mention is None and _after_quotation(ctx, floor):
        mention = describe(toks)  # "“...,” the tall, soft-spoken printer said."
    if mention is not None and mention.kind == "name" and len(last) > len(mention.toks) + 1:
        mention = _coordinated(last, mention, s0)  # "Ana Ruiz and Tom Lee said"
    if mention is None or mention.kind == "one":
        return None
    title = join(title_phrase.toks) if title_phrase is not None else mention.title
    clause_start = min(m.toks[0].start for m in (title_phrase, mention) if m is not None)
    return Draft(mention, verb, sentence, (clause_start, verb.end), title=title)


def _is_age(toks: list[Tok]) -> bool:
    """ "56" in "Tom Lee, 56, said": an age in apposition."""
    return len(toks) == 1 and toks[0].text.isdigit()


def _after_quotation(ctx: Context, position: int) -> bool:
    """Does a quotation close just before ``position``?"""
    text = ctx.text
    i = position
    while i > 0 and text[i - 1].isspace():
        i -= 1
    return i > 0 and text[i - 1] in QUOTE_MARKS


def _coordinated(toks: list[Tok], mention: Mention, sentence_start: int) -> Mention:
    """Two names joined by "and": "the café's owners Ana Ruiz and Tom Lee said" -- one plural speaker."""
    k = len(toks) - len(mention.toks)
    if k >= 2 and toks[k - 1].low == "and":
        for i in range(max(0, k - 6), k - 1):
            other = full(toks[i:k - 1], sentence_start)
            if other is not None and other.kind == "name":
                start = other.name_from
                return Mention(toks[i:], "name", name_from=start, title=other.title, plural=True)
    return mention


def _speaker_after(ctx: Context, sentence, floor: int, verb: Verb) -> Draft | None:
    """Inverted order: "lamented on X (ex-Twitter) Gegham Stepanyan", "According to her"."""
    text = ctx.text
    before = [t for t in ctx.tokens(floor, verb.start) if t.text not in QUOTE_MARKS]
    according = verb.text.lower().split()[0] == "according"
    if before and not according and before[-1].text != ",":
        return None  # words before the verb but no subject: not an inverted attribution
    position, limit = verb.end, min(sentence.end, verb.end + WINDOW)
    gender = channel = None
    while True:  # skip "for his part", "on X (ex-Twitter)", "in a press release", "then"
        rest = text[position:limit]
        part = FOR_ONES_PART.match(rest)
        if part:
            gender = {"his": "male", "her": "female"}.get(part.group(1).lower(), gender)
            position += part.end()
            continue
        found = channel_at(rest)
        if found:
            position, channel = position + found[0], found[1]
            continue
        filler = TIME_FILLER.match(rest)
        if filler:
            position += filler.end()
            continue
        break
    toks = ctx.tokens(position, limit)[:MAX_TOKENS]
    mention, used = parse_mention(toks, sentence.start)
    if mention is None and not according and (_after_quotation(ctx, floor) or before and before[-1].text == ","):
        # "“...,” says the bearded publisher, noting ..."
        described = describe(segment(toks))
        if described is not None:
            mention, used = described, len(described.toks)
    if mention is None or (mention.kind == "pronoun" and not according
                           and mention.toks[0].low in {"him", "her", "them"}):
        return None
    title = mention.title
    after = toks[used:]
    if after and after[0].text == ",":  # appositions: "one of them, Joan Miller, a retired teacher"
        apposition = segment(after[1:])
        other = full(apposition, sentence.start) if apposition else None
        if other is not None and other.kind == "name" and (mention.kind == "one" or is_title_phrase(mention)):
            title = None if mention.kind == "one" else join(mention.toks)
            mention = other
            after = after[1 + len(apposition):]
            if after and after[0].text == ",":
                third = full(segment(after[1:]), sentence.start)
                if is_title_phrase(third):
                    title = join(third.toks)
        elif mention.kind == "name" and is_title_phrase(other):
            title = join(other.toks)  # "Gegham Stepanyan, the rights defender of the separatist region"
    if mention.kind == "one":
        return None
    if not according:  # the phrase must end the clause: "said Mayor Ana Ruiz." -- not "warned Baku that ..."
        nxt = after[0] if after else None
        if nxt is not None and nxt.is_word and nxt.low not in {"on", "in", "who", "after", "before", "during"} \
                and not channel_at(text[nxt.start:nxt.start + WINDOW]):
            return None
    draft = Draft(mention, verb, sentence, (verb.start, mention.end), title=title, gender_hint=gender,
                   channel=channel)
    return draft


