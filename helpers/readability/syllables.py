"""Syllables as the formulas' authors counted them: as the word is said.

Flesch, Kincaid, Gunning and McLaughlin counted syllables by ear.  The course
does the same in three steps (:func:`word_syllables`):

1. **The CMU Pronouncing Dictionary** says how a word is pronounced.  When it
   lists two pronunciations, the one with fewer syllables counts ("every" is
   *ev-ry*, two).
2. **Figures are read as words**: 2020 is "twenty twenty" (four syllables),
   4,500 is "four thousand five hundred", 23% is "twenty-three percent"
   (:func:`figure_words`).  Initials are read letter by letter: "UN" is two
   syllables, "OSCE" four.  A hyphenated word is counted part by part:
   "large-scale" is two syllables, "de-escalation" five.
3. **Words the dictionary does not know** (many names) get a rule-based count,
   :func:`rule_syllables`: first it tries to see a known word inside
   ("deescalation" = de + escalation), then it counts the groups of vowels,
   with the rules an English reader applies to foreign names: *-ian* is two
   syllables (Pa-shi-ni-an), a *y* before a vowel is a consonant
   (Ste-pan-yan), a silent final *e* in English words.

textstat counts differently (see :mod:`helpers.readability.textstat_rules`):
it takes the dictionary's first pronunciation, glues "large-scale" into
"largescale", and asks hyphenation patterns (pyphen) for any word the
dictionary lacks, which gives "Pashinian" two syllables.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from .dictionary import cmu

__all__ = ["word_syllables", "part_syllables", "rule_syllables", "figure_words", "letter_syllables",
           "dictionary_syllables", "is_figure", "SOURCES"]

#: Where a syllable count comes from (the ``source`` :func:`part_syllables` reports).
SOURCES = ("dictionary", "figure", "letters", "rules")

_VOWELS = set("aeiou")
_FIGURE = re.compile(r"(\d+(?:[.,]\d+)*)(st|nd|rd|th|s)?(%)?", re.IGNORECASE)
_INITIALISM = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]\.?")
_HYPHENS = re.compile(r"[-‐‑]")
_BRITISH_IS = re.compile(r"is(e|ed|es|ing|ation|ations|er|ers)$")
_BRITISH_ISATION = re.compile(r"isation(s?)$")
_BRITISH_OUR = re.compile(r"our(s?)$")
_NOT_A_TO_Z = re.compile(r"[^a-z]")
_SIBILANT = re.compile(r"(s|x|z|ch|sh|ce|ge|se|ze)$")

_ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
         "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_SCALES = [(10 ** 12, "trillion"), (10 ** 9, "billion"), (10 ** 6, "million"), (1000, "thousand")]
_ORDINALS = {"one": "first", "two": "second", "three": "third", "five": "fifth", "eight": "eighth",
             "nine": "ninth", "twelve": "twelfth"}
#: Letters said in more or fewer than one syllable ("W" is double-u).
_LETTER_SYLLABLES = {"w": 3}

#: Prefixes that stand before a word the dictionary knows ("de-escalation" written "deescalation").
_PREFIXES = {
    "counter": 2, "anti": 2, "inter": 2, "intra": 2, "over": 2, "under": 2, "super": 2, "hyper": 2,
    "micro": 2, "macro": 2, "multi": 2, "semi": 2, "cyber": 2, "ethno": 2, "geo": 2, "tele": 2, "mega": 2,
    "post": 1, "pre": 1, "pro": 1, "non": 1, "self": 1, "sub": 1, "mis": 1, "dis": 1, "out": 1,
    "de": 1, "re": 1, "un": 1, "ex": 1, "co": 1,
}
#: Endings added to a word the dictionary knows, with the syllables they add.
_SUFFIXES = [
    ("isations", 3), ("izations", 3), ("isation", 3), ("ization", 3), ("ations", 2), ("ation", 2),
    ("isms", 2), ("ism", 2), ("ists", 1), ("ist", 1), ("ness", 1), ("ments", 1), ("ment", 1), ("less", 1),
    ("ship", 1), ("ings", 1), ("ing", 1), ("ers", 1), ("er", 1), ("ly", 1), ("ful", 1),
]


def is_figure(part: str) -> bool:
    """True for a figure: 2020, 4,500, 1.5, 23%, 20th, 1990s."""
    return bool(_FIGURE.fullmatch(part))


def _number_words(n: int) -> list[str]:
    if n < 20:
        return [_ONES[n]]
    if n < 100:
        tens, ones = divmod(n, 10)
        return [_TENS[tens]] + ([_ONES[ones]] if ones else [])
    if n < 1000:
        hundreds, rest = divmod(n, 100)
        return [_ONES[hundreds], "hundred"] + (_number_words(rest) if rest else [])
    for scale, name in _SCALES:
        if n >= scale:
            high, rest = divmod(n, scale)
            return _number_words(high) + [name] + (_number_words(rest) if rest else [])
    raise AssertionError(n)  # pragma: no cover


def _year_words(n: int) -> list[str]:
    """A year read aloud: 1948 "nineteen forty-eight", 2020 "twenty twenty", 2005 "two thousand five"."""
    high, low = divmod(n, 100)
    if 2000 <= n <= 2009:
        return _number_words(n)
    if low == 0:
        return _number_words(high) + ["hundred"]
    return _number_words(high) + (["oh"] if low < 10 else []) + _number_words(low)


def _ordinal(words: list[str]) -> list[str]:
    last = words[-1]
    if last in _ORDINALS:
        last = _ORDINALS[last]
    elif last.endswith("y"):
        last = last[:-1] + "ieth"
    else:
        last += "th"
    return words[:-1] + [last]


def figure_words(figure: str) -> list[str]:
    """A figure as it is read aloud, as a list of words (``[]`` if it is not a figure).

    >>> figure_words("2020"), figure_words("4,500"), figure_words("23%")
    (['twenty', 'twenty'], ['four', 'thousand', 'five', 'hundred'], ['twenty', 'three', 'percent'])
    """
    match = _FIGURE.fullmatch(figure)
    if not match:
        return []
    number, ending, percent = match.group(1), (match.group(2) or "").lower(), match.group(3)
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+", number):  # 4,500: a thousands separator
        number = number.replace(",", "")
    whole, _, decimals = number.replace(",", ".").partition(".")
    if not decimals and "." in number.replace(",", "."):  # "1.2.3": read each group
        decimals = ""
    whole = whole.lstrip("0") or "0"
    n = int(whole)
    if not decimals and len(whole) == 4 and 1100 <= n <= 2099 and "," not in match.group(1) and not percent:
        words = _year_words(n)
    else:
        words = _number_words(n)
    if decimals:
        words += ["point"] + [_ONES[int(d)] for d in decimals if d.isdigit()]
    if ending in ("st", "nd", "rd", "th"):
        words = _ordinal(words)
    elif ending == "s":  # the 1990s: "nineteen nineties"
        words = words[:-1] + [words[-1][:-1] + "ies" if words[-1].endswith("y") else words[-1] + "s"]
    if percent:
        words.append("percent")
    return words


def letter_syllables(letters: str) -> int:
    """Syllables of initials read letter by letter: "UN" 2, "OSCE" 4, "WHO" (letters) 5."""
    return sum(_LETTER_SYLLABLES.get(ch, 1) for ch in letters.lower() if ch.isalpha())


@functools.lru_cache(maxsize=4096)
def dictionary_syllables(word: str) -> int | None:
    """The fewest syllables the CMU dictionary gives ``word`` (lower case), or None if it is not there.

    British spellings are looked up in their American form too ("recognised" as "recognized").
    """
    counts = cmu().syllables(word)
    if not counts:
        american = _americanise(word)
        counts = cmu().syllables(american) if american != word else []
    return min(counts) if counts else None


def _americanise(word: str) -> str:
    word = _BRITISH_IS.sub(r"iz\1", word)
    word = _BRITISH_ISATION.sub(r"ization\1", word)
    return _BRITISH_OUR.sub(r"or\1", word) if len(word) > 5 else word


def _plain_letters(word: str) -> str:
    """Letters without their accents: "séjourné" -> "sejourne"."""
    return unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode("ascii")


def _is_vowel(word: str, i: int) -> bool:
    ch = word[i]
    if ch in _VOWELS:
        return True
    if ch != "y":
        return False
    # y is a consonant at the start of a word and before a vowel (Yerevan, Stepanyan, Aliyev)
    return i > 0 and not (i + 1 < len(word) and word[i + 1] in _VOWELS)


def _hiatus(word: str, i: int) -> bool:
    """True when the vowels at i and i+1 are said in two syllables (Pashin-i-an, Le-o, Kore-a)."""
    pair = word[i:i + 2]
    before = word[i - 1] if i > 0 else ""
    at_end = i + 2 == len(word)
    if pair == "ia":
        return before not in ("t", "c", "g")  # -tia, -cia, -gia: one syllable (Georgia)
    if pair == "io":
        return before not in ("t", "s", "c", "x", "g")  # -tion, -sion: one syllable
    if pair in ("ua", "uo", "ue"):
        return before not in ("q", "g") and not (pair == "ue" and at_end)
    if pair == "ea":
        return at_end  # Korea, Crimea
    if pair == "ie":
        return i + 2 < len(word) and word[i + 2] == "v"  # Slavic -iev: Dmitri-ev
    return pair in ("eo", "iu", "oa")


def _vowel_group_syllables(word: str, name: bool) -> int:
    positions = [i for i in range(len(word)) if _is_vowel(word, i)]
    if not positions:
        return 1 if word else 0
    count = 0
    previous = None
    for i in positions:
        if previous is None or i != previous + 1:
            count += 1
        elif _hiatus(word, previous):
            count += 1
        previous = i
    if name:
        return max(count, 1)
    # English endings, for words that are not names
    last = len(word) - 1
    if word.endswith("e") and count > 1 and last - 1 >= 0 and not _is_vowel(word, last - 1):
        if not (word.endswith("le") and len(word) > 2 and not _is_vowel(word, last - 2)):
            count -= 1  # a silent final e (but "-ble", "-tle" keep it)
    elif word.endswith("ed") and count > 1 and word[-3:-2] not in ("t", "d") and not _is_vowel(word, last - 2):
        count -= 1  # "-ed" is silent except after t and d
    elif word.endswith("es") and count > 1 and not _is_vowel(word, last - 2) and not re.search(
            r"(s|x|z|ch|sh|c|g)es$", word):
        count -= 1  # "-es" is silent except after s, x, z, ch, sh, c, g
    if word.endswith("sm"):
        count += 1  # -ism: "is-m"
    return max(count, 1)


@functools.lru_cache(maxsize=4096)
def rule_syllables(word: str, name: bool = False) -> int:
    """A rule-based syllable count for a word the CMU dictionary does not know.

    ``word`` is one word without hyphens; ``name`` is True for a capitalised word
    (a name: its final *e* and *-es* are said, as in most names from other
    languages).  First a known word is looked for inside it (a prefix and a
    known word, two known words, or a known word and an ending); otherwise the
    groups of vowels are counted, splitting the pairs an English reader says in
    two syllables (*-ian*, *-io*, *eo*, *-ea* at the end).  A name is not taken
    apart into known words ("Kocharyan" is not "Koch" + "aryan").

    >>> rule_syllables("pashinian", name=True), rule_syllables("stepanyan", name=True)
    (4, 3)
    >>> rule_syllables("deescalation")
    5
    """
    word = _NOT_A_TO_Z.sub("", _plain_letters(word.lower()))
    if not word:
        return 0
    known = None if name else _known_inside(word)
    if known is not None:
        return known
    return _vowel_group_syllables(word, name)


def _known_inside(word: str) -> int | None:
    for prefix, syllables in sorted(_PREFIXES.items(), key=lambda item: -len(item[0])):
        rest = word[len(prefix):]
        if word.startswith(prefix) and len(rest) >= 4:
            found = dictionary_syllables(rest)
            if found is not None:
                return syllables + found
    for cut in range(len(word) - 4, 3, -1):  # two known words of 4 letters or more: "highprecision"
        left, right = dictionary_syllables(word[:cut]), dictionary_syllables(word[cut:])
        if left is not None and right is not None:
            return left + right
    for suffix, syllables in _SUFFIXES:
        stem = word[: -len(suffix)]
        if word.endswith(suffix) and len(stem) >= 4:
            for candidate in (stem, stem + "e", stem[:-1] + "y" if stem.endswith("i") else None):
                found = dictionary_syllables(candidate) if candidate else None
                if found is not None:
                    return syllables + found
    return None


def part_syllables(part: str) -> tuple[int, str]:
    """(syllables, source) of one part of a word (no hyphens): see the module docstring.

    ``source`` is "dictionary", "figure", "letters" (initials) or "rules".
    """
    if not part:
        return 0, "rules"
    if is_figure(part):
        return sum(_word_in_dictionary(w) for w in figure_words(part)), "figure"
    if _INITIALISM.fullmatch(part):
        return letter_syllables(part), "letters"
    plain = part.replace("’", "'")
    lower = plain.lower()
    if not lower.isascii():
        lower = _plain_letters(lower)
    capitalised = plain[:1].isupper()
    if plain.isupper() and 2 <= len(plain) <= 5 and plain.isalpha():
        spelled = letter_syllables(plain)
        counts = cmu().syllables(lower)
        if not counts or spelled in counts:
            return spelled, "letters"  # UN, EU, OSCE: said letter by letter
        return min(counts), "dictionary"  # NATO: said as a word
    found = dictionary_syllables(lower)
    if found is not None:
        return found, "dictionary"
    if lower.endswith(("'s", "s'")):  # a possessive the dictionary lacks: Pashinian's
        base = lower[:-2] if lower.endswith("'s") else lower[:-1]
        syllables, source = part_syllables(plain[: len(base)])
        if lower.endswith("'s") and _SIBILANT.search(base):
            syllables += 1
        return syllables, source
    return rule_syllables(lower, name=capitalised), "rules"


@functools.lru_cache(maxsize=256)
def _word_in_dictionary(word: str) -> int:
    found = dictionary_syllables(word)
    return found if found is not None else rule_syllables(word)


@functools.lru_cache(maxsize=16384)
def word_syllables(word: str) -> tuple[int, str]:
    """(syllables, source) of a word as the formulas' authors counted: see the module docstring.

    A hyphenated word is counted part by part; its source is "dictionary" only
    when every part was found there.

    >>> word_syllables("Pashinian"), word_syllables("large-scale"), word_syllables("2020")
    ((4, 'rules'), (2, 'dictionary'), (4, 'figure'))
    """
    parts = [p for p in _HYPHENS.split(word) if p]
    if len(parts) <= 1:
        return part_syllables(word)
    total, sources = 0, []
    for part in parts:
        syllables, source = part_syllables(part)
        total += syllables
        sources.append(source)
    kinds = set(sources)
    return total, (sources[0] if len(kinds) == 1 else "rules" if "rules" in kinds else "dictionary")
