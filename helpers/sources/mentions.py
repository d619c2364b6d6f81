"""Noun phrases that can name a source: "Armenian separatist authorities", "the ministry",
"Russian diplomatic spokesperson Maria Zakharova", "an official", "one of them", "she".

:func:`parse_mention` reads a phrase at the start of a list of tokens and says
what kind of mention it is (a name, a pronoun, a description, an anonymous
source, a group); the other rules call it on the words before or after a
reporting verb.
"""

from __future__ import annotations

from .lexicon import DEFINITE, DETERMINERS, INDEFINITE, LEX, NAME_CONNECTORS, PREPOSITIONS, CLAUSE_END, QUOTE_MARKS
from .tokens import Tok, join, noun

__all__ = ["Mention", "parse_mention", "full", "segment", "is_title_phrase", "describe"]


def _is_head(tok: Tok) -> bool:
    """Can this word end a noun phrase that names a source?"""
    if tok.is_possessive and not tok.text.endswith(("s’", "s'")):
        return False
    if tok.is_cap and tok.low not in DETERMINERS:
        return True
    return noun(tok.text) in LEX.common_heads


class Mention:
    """A noun phrase that may name a source (``toks``), and what kind of phrase it is.

    ``kind`` is "name", "pronoun", "description", "anonymous", "group" or "one" (as in
    "one of them", which needs a name in apposition).  The speaker's words start at
    ``toks[name_from]``: after "the" for a name, after the title for "Mayor Ana Ruiz".
    """

    def __init__(self, toks, kind, name_from=0, title=None, person=False, plural=False, resolvable=False):
        self.toks, self.kind, self.name_from, self.title = toks, kind, name_from, title
        self.person, self.plural, self.resolvable = person, plural, resolvable

    @property
    def start(self) -> int:
        return self.toks[self.name_from].start

    @property
    def end(self) -> int:
        return self.toks[-1].end


def parse_mention(toks: list[Tok], sentence_start: int = -1) -> tuple[Mention | None, int]:
    """Read a noun phrase at the start of ``toks``; return it and the number of tokens it used.

    The phrase is ``[determiner] words... head [prepositional phrase]``, where the
    head is a capitalised name or a noun from the title, institution, group or
    anonymous lists.  A lone pronoun is a mention too.
    """
    n = len(toks)
    if not n or not toks[0].is_word:
        return None, 0
    first = toks[0]
    if first.low in LEX.pronoun_words and not (
            n > 1 and toks[1].is_word and first.low in {"her", "his", "its", "their"}):
        return Mention([first], "pronoun", plural=LEX.pronouns.get(first.low, ("singular",))[0] == "plural"), 1
    i = 0
    det = None
    if first.low in DETERMINERS:
        det, i = first, 1
        if first.low == "one" and n > 2 and toks[1].low == "of" and toks[2].low in {"them", "us", "those"}:
            return Mention(toks[:3], "one"), 3
    body_start = i
    if det is not None and det.low in _QUANTIFIERS and (n == 1 or not toks[1].is_word):
        return Mention([first], "group", plural=True), 1  # "Some suggested that ...", "Many say ..."
    while i < n:
        tok = toks[i]
        if tok.low in LEX.title_abbr or (tok.is_cap and tok.is_word and tok.low not in LEX.not_in_phrase
                                      and tok.low not in PREPOSITIONS):
            i += 1
            if tok.is_possessive and i < n and toks[i].is_cap:
                break  # "Nikol Pashinian’s Security Council": the name ends at the possessive
            continue
        if tok.low in NAME_CONNECTORS and i > body_start and toks[i - 1].is_cap and _cap_follows(toks, i + 1):
            i += 2 if toks[i + 1].low == "the" else 1  # "Ministry of Defense", "President of the European ..."
            continue
        if tok.is_word and not tok.is_cap and tok.low not in LEX.not_in_phrase and tok.low not in PREPOSITIONS \
                and not tok.text[0].isdigit() and tok.low not in _ARTICLES:
            i += 1
            continue
        break  # (an article inside the phrase starts another: "Ana Ruiz runs | the clinic")
    while i > body_start and not _is_head(toks[i - 1]):
        i -= 1  # "Nikol Pashinian’s" alone is not a speaker
    if i == body_start:
        return None, 0
    head = toks[i - 1]
    if i + 1 < n and _ADJECTIVE_PP.get(toks[i].low) == toks[i + 1].low:  # "sources close to the talks",
        i += 1  # "people familiar with the plan"
    if (not head.is_cap or noun(head.text) in LEX.common_heads) and i < n and toks[i].low in PREPOSITIONS | {"to"} \
            and (toks[i].low != "to" or toks[i - 1].low == "close"):
        i = _prepositional_phrase(toks, i)  # "Officials in Washington", "a spokesperson for the ... office"
    body = toks[body_start:_head_end(toks, body_start, i)]
    mention = _classify(toks[:i], det, body, sentence_start) if body else None
    return mention, (i if mention else 0)


_ARTICLES = {"the", "a", "an"}
#: Determiners that can stand alone for a group of people: "Some suggested", "Many say".
_QUANTIFIERS = {"some", "many", "several", "most", "few", "both", "all"}
#: Adjectives that take a phrase after a source's noun: "sources close to the talks", "familiar with".
_ADJECTIVE_PP = {"close": "to", "familiar": "with"}


def _head_end(toks: list[Tok], body_start: int, end: int) -> int:
    """End of the noun phrase before its prepositional phrase."""
    for k in range(body_start, end):
        if k + 1 < end and _ADJECTIVE_PP.get(toks[k].low) == toks[k + 1].low:
            return k
        if toks[k].low in PREPOSITIONS and not (toks[k].low in NAME_CONNECTORS and k > body_start
                                                  and toks[k - 1].is_cap and _cap_follows(toks, k + 1)):
            return k
    return end


def _cap_follows(toks: list[Tok], i: int) -> bool:
    if i < len(toks) and toks[i].low == "the":
        i += 1
    return i < len(toks) and toks[i].is_cap and toks[i].is_word


def _prepositional_phrase(toks: list[Tok], i: int) -> int:
    """Extend over "of the separatist region", "at one of the large chains": return the new end."""
    n = len(toks)
    end = i
    while i < n and (toks[i].low in PREPOSITIONS or toks[i].low == "to" and toks[i - 1].low == "close"):
        j = i + 1
        if j < n and toks[j].low in DETERMINERS:
            j += 1
        k = j
        while k < n and toks[k].is_word and (toks[k].is_cap or toks[k].low not in LEX.not_in_pp):
            k += 1
        if k == j and not (j > i + 1 and toks[j - 1].low == "one"):
            break
        end = i = k
    return end


def _classify(toks: list[Tok], det: Tok | None, body: list[Tok], sentence_start: int) -> Mention | None:
    """Name, description, anonymous source or group?  ``body`` is the phrase without determiner and PP."""
    head = body[-1]
    head_noun = noun(head.text)
    # A capital that only opens the sentence ("Officials said", "Shop owners say") is not a name.
    opening = body[0].start == sentence_start and noun(body[0].text) in LEX.opening_common
    caps = [t for t in body if t.is_cap and not (t is body[0] and opening)]
    if head.is_cap and not (head is body[0] and opening):
        return _name_mention(toks, body)
    if head_noun in LEX.document:  # "the statement said", "The RCMP statement read", "A memo from the board"
        return Mention(toks, "description")
    if head_noun == "sources":  # "sources close to the talks": unnamed by definition
        return Mention(toks, "anonymous", plural=True)
    if head_noun in LEX.group or (head_noun.endswith("s") and (head_noun[:-1] in LEX.anonymous
                                                                or head_noun[:-1] in LEX.title_words)):
        return Mention(toks, "group", plural=True)
    if head_noun in LEX.institution and caps:  # "Armenian separatist authorities", "Azerbaijani diplomacy"
        return Mention(toks, "name", name_from=1 if det is not None and det.low == "the" else 0,
                        plural=head_noun.endswith("s"))
    if det is None and head_noun in LEX.institution:  # "local authorities", "police"
        return Mention(toks, "description", plural=head_noun.endswith("s"))
    if det is None:
        possessive = [t for t in body[:-1] if t.is_possessive]
        det = possessive[0] if possessive else None  # "Nikol Pashinian’s spokesperson" works like "the ..."
    if det is not None and det.low in INDEFINITE and (head_noun in LEX.anonymous or head_noun in LEX.title_words):
        return Mention(toks, "anonymous")
    if det is not None and (det.low in DEFINITE or det.low == "other" or det.is_possessive):
        resolvable = det.low == "the" and (len(toks) == 2 or join(toks[1:]).lower() in LEX.title_phrases)
        return Mention(toks, "description", resolvable=resolvable, plural=head_noun in LEX.group)
    return None


def _name_mention(toks: list[Tok], body: list[Tok]) -> Mention:
    """A capitalised name, split from a title in front of it: "Armenian Prime Minister | Nikol Pashinian"."""
    offset = toks.index(body[0])
    split = None
    for k in range(len(body) - 1):
        word = noun(body[k].text)
        if (word in LEX.title_words or word in LEX.institution or body[k].low in LEX.title_abbr) and \
                all(t.is_cap and t.low not in NAME_CONNECTORS for t in body[k + 1:]):
            split = k
    if split is not None:
        title_toks = body[: split + 1]
        person = any(noun(t.text) in LEX.title_words or t.low in LEX.title_abbr for t in title_toks)
        return Mention(toks, "name", name_from=offset + split + 1, title=join(title_toks), person=person)
    person = 2 <= len(body) <= 4 and all(t.is_cap for t in body) and not any(
        noun(t.text) in LEX.not_person or t.text.isupper() for t in body)
    last = body[-1]
    plural = last.low.endswith("s") and not last.is_possessive and (
        noun(last.text) in LEX.institution or (offset > 0 and toks[offset - 1].low == "the"))
    return Mention(toks, "name", name_from=offset, person=person, plural=plural)  # plural: "the Liberals"


def is_title_phrase(mention: Mention | None) -> bool:
    """ "the rights defender of the separatist region", "Its chair", "a retired teacher" """
    return (mention is not None and mention.kind in {"description", "anonymous"}
            and any(noun(t.text) in LEX.title_words for t in mention.toks))


def full(toks: list[Tok], sentence_start: int) -> Mention | None:
    """The mention that uses all of ``toks``, or None."""
    mention, used = parse_mention(toks, sentence_start)
    return mention if mention is not None and used == len(toks) else None


def segment(toks: list[Tok]) -> list[Tok]:
    """The tokens up to the next comma, full stop or quotation mark."""
    out = []
    for tok in toks:
        if tok.text in CLAUSE_END or tok.text in QUOTE_MARKS:
            break
        out.append(tok)
    return out



#: Determiners that open a description of a person: "the bearded publisher", "my four-year-old".
_DESCRIPTION_DETERMINERS = {"the", "a", "an", "my", "his", "her", "their", "our", "its", "your"}


def describe(toks: list[Tok]) -> Mention | None:
    """Any short description next to a quotation and a reporting verb: "the bearded publisher", "the tall,
    bespectacled professor", "my two-year-old", "the 39-year-old founder of a small press".

    Next to a quotation and a verb of saying, such a phrase can only be the speaker, whatever its head
    noun, so no word list is needed: a determiner (or a possessive name) and at most eight words.
    """
    words = [t for t in toks if t.text != ","]
    if not words or len(words) > 9 or any(not t.is_word and t.text not in {"-", "’", "'"} for t in words):
        return None
    first = words[0]
    if first.low not in _DESCRIPTION_DETERMINERS and not (first.is_cap and first.is_possessive):
        return None
    if len(words) < 2 or words[-1].is_possessive or words[-1].low in LEX.not_in_phrase:
        return None
    return Mention(list(toks), "description")
