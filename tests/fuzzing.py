"""News-like texts made to break the helpers, for the fuzz test and the scale benchmark.

:func:`news_text` writes one article from a seed number: a headline, subheadings,
paragraphs of sentences built from the words a news report uses (officials,
reporting verbs, contested terms, figures, weekdays, abbreviations), with
quotations in every style the course knows -- “curly”, "straight",
« guillemets », „German“, ‘single’ inside double, quotations three deep, never
closed, continued over paragraphs, mixed pairs -- and, at random, the noise
that real copies carry and that a hostile file may add: unicode of every
script, combining marks, emoji, zero-width and bidirectional control
characters, lone surrogates, NUL characters, CR/LF mixes, a byte-order mark,
HTML tags and entities, website leftovers, separator lines, long runs of
punctuation and words without spaces.

The same seed always gives the same text; nothing here is taken from a real article.
"""

from __future__ import annotations

import random

__all__ = ["news_text", "nested_quotes", "NAMES", "VERBS", "QUOTE_STYLES", "NOISE"]

NAMES = [
    "the minister", "Foreign Minister Ana Ruiz", "Mr. Okafor", "Dr. Lindqvist", "the mayor", "a spokesperson",
    "the U.N. envoy", "J. Marlow", "an official who asked not to be named", "the council", "Prime Minister Tanaka",
    "the ministry", "residents", "the army", "witnesses", "Editor’s desk", "the prosecutor", "she", "he", "they",
    "President Kova", "the European Union", "the Red Cross", "a source close to the talks",
]
VERBS = ["said", "told reporters", "claimed", "insisted", "warned", "added", "denied", "stated", "argued",
         "announced", "according to", "wrote on X (ex-Twitter)", "lamented", "confirmed", "admitted"]
TERMS = ["separatist", "separatists", "terrorist", "aggression", "ethnic cleansing", "anti-terrorist",
         "occupied", "liberated", "blockade", "regime", "genocide", "ceasefire", "operation"]
WORDS = [
    "the", "a", "of", "in", "on", "and", "to", "for", "with", "after", "before", "during", "talks", "troops",
    "civilians", "city", "region", "border", "road", "aid", "convoy", "village", "report", "figures", "casualties",
    "evacuation", "water", "power", "hospital", "school", "statement", "negotiations", "week", "day", "night",
    "Monday", "Tuesday", "Friday", "Fridays", "Monday's", "September", "2023", "1994", "23", "1,200", "3.5",
    "two", "dozens", "hundreds", "ex-Twitter", "don't", "it's", "well-known", "e.g.", "i.e.", "etc.", "No.",
    "U.S.", "U.N.", "St.", "Gen.", "—", "–", "-", "…", "(…)", "[…]", "%", "&", "&amp;", "<b>", "</b>",
]
#: (opening, closing) pairs, including mixed ones left by translation software.
QUOTE_STYLES = [("“", "”"), ('"', '"'), ("« ", " »"), ("«\u00a0", "\u00a0»"), ("«", "»"), ("„", "“"),
                ("‘", "’"), ("‹", "›"), ("“", " »"), ("'", "'"), ("”", "“")]
#: Characters and strings that are not ordinary text.
NOISE = [
    "\u00a0", "\u202f", "\u2009", "\u200b", "\u200c", "\u200d", "\ufeff", "\u2028", "\u2029", "\u0085",
    "\u202e", "\u202d", "\u202a", "\u202b", "\u202c", "\u2066", "\u2067", "\u2068", "\u2069", "\u200e", "\u200f",
    "\u061c", "e\u0301", "\u0301", "\u0300\u0300\u0300", "🙂", "👩‍👩‍👧", "🇫🇷", "\U0001f600", "\ud800", "\udfff",
    "\ud83d", "\ude00", "\x00", "\x01", "\x07", "\x0b", "\x0c", "\x1b[31m", "\x7f", "\r", "\r\n", "\t", "\n",
    "\n\n", "\n \n", "Ω", "ß", "İ", "ǅ", "ﬁ", "Ⅻ", "²", "٣", "۴", "߂", "𝟘", "Ж", "ж", "Ѣ", "ქ", "ա", "Ա", "ש", "ب",
    "日本", "한국", "ไทย", "देवनागरी", "\u0e33", "\uffff", "\ufffd", "\U0010ffff", "<script>alert(1)</script>",
    "&lt;", "&#x202e;", "]]>", "`rm -rf`", "$(echo)", "%s%n", "{0}", "\\", "'\"", "……", "!!!!", "?!?!", "...",
]
LEFTOVERS = ["Source link", "Leave a Reply", "Read more: https://example.org/x", "Share this:", "Advertisement",
             "© 2023 Example News. All rights reserved.", "* * *", "---", "•", "Related posts"]


def _sentence(rng: random.Random, depth: int = 0) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(1, 14))]
    if rng.random() < 0.35:
        words.insert(rng.randrange(len(words) + 1), rng.choice(TERMS))
    text = " ".join(words)
    text = text[:1].upper() + text[1:]
    roll = rng.random()
    if roll < 0.45:  # a quotation with its speaker
        text = _quoted(rng, depth) + rng.choice([", ", " ", ": ", ",” "]) + rng.choice(VERBS) + " " + rng.choice(NAMES)
    elif roll < 0.6:
        text = f"{rng.choice(NAMES).capitalize()} {rng.choice(VERBS)} {rng.choice(['that ', ': ', ''])}{text}"
    elif roll < 0.7:
        text = f"{text}, {rng.choice(VERBS)} {rng.choice(NAMES)}"
    return text + rng.choice([".", ".", ".", "!", "?", "…", "", ".”", "?»", ". ", "!!!", "..."])


def _quoted(rng: random.Random, depth: int) -> str:
    opening, closing = rng.choice(QUOTE_STYLES)
    inner = " ".join(rng.choice(WORDS) for _ in range(rng.randint(0, 10)))
    if depth < 3 and rng.random() < 0.3:  # a quotation inside the quotation, up to three deep
        inner += " " + _quoted(rng, depth + 1)
    if rng.random() < 0.1:
        closing = ""  # never closed
    return f"{opening}{inner}{rng.choice(['', '.', ',', '?'])}{closing}"


def _noisy(rng: random.Random, text: str, amount: float) -> str:
    if amount <= 0 or not text:
        return text
    pieces = list(text)
    for _ in range(max(1, int(len(pieces) * amount))):
        pieces.insert(rng.randrange(len(pieces) + 1), rng.choice(NOISE))
    return "".join(pieces)


def news_text(seed: int, paragraphs: int | None = None) -> str:
    """One generated article (the same for the same ``seed``): mostly news-like, sometimes hostile."""
    rng = random.Random(seed)
    shape = rng.random()
    count = paragraphs if paragraphs is not None else rng.randint(0, 9)
    blocks = []
    if rng.random() < 0.9:
        blocks.append(_sentence(rng).rstrip(".") if rng.random() < 0.7 else rng.choice(NAMES).title())
    for index in range(count):
        if rng.random() < 0.12:
            blocks.append(rng.choice(["International reactions", "What happened next", "The talks", "Background"]))
        sentences = [_sentence(rng) for _ in range(rng.randint(1, 5))]
        if rng.random() < 0.05:  # a paragraph that opens with an ellipsis: a sentence without a word
            sentences.insert(0, rng.choice(["…", "...", "(…)", "—", "…!"]))
        paragraph = " ".join(sentences)
        if rng.random() < 0.1:  # a quotation that continues over two paragraphs
            paragraph = "“" + paragraph
        blocks.append(paragraph)
    if rng.random() < 0.3:
        blocks.insert(rng.randrange(len(blocks) + 1), rng.choice(LEFTOVERS))
    separator = rng.choice(["\n\n", "\n\n", "\n\n", "\n", "\r\n\r\n", "\n \n", "\n\n\n"])
    text = separator.join(blocks)
    if shape < 0.45:
        text = _noisy(rng, text, rng.choice([0.0005, 0.002, 0.01, 0.05]))
    elif shape < 0.5:
        text = _noisy(rng, "".join(rng.choice(NOISE) for _ in range(rng.randint(0, 40))), 0.1)
    elif shape < 0.55:  # long runs without spaces or of one mark
        text += " " + rng.choice(["!", ".", "“", "«", "-", "a", "’", " "]) * rng.randint(50, 3000)
    elif shape < 0.58:
        text = text.replace(" ", "")
    if rng.random() < 0.05:
        text = "\ufeff" + text
    return text


#: Balanced pairs for nesting: double and single marks of each typographic tradition.
NESTING = [[("“", "”"), ("‘", "’")], [("«\u00a0", "\u00a0»"), ("“", "”")], [("„", "“"), ("‚", "‘")],
           [('"', '"'), ("'", "'")], [("«", "»"), ("‹", "›")]]


def nested_quotes(seed: int) -> tuple[str, int]:
    """A paragraph with one quotation nested 1 to 4 deep, every mark closed: (text, number of quotations).

    The levels alternate double and single marks, as style guides ask: “one ‘two “three” two’ one”.
    """
    rng = random.Random(seed)
    pairs = rng.choice(NESTING)
    depth = rng.randint(1, 4)

    def level(k: int) -> str:
        opening, closing = pairs[k % 2]
        words = " ".join(rng.choice(WORDS[:40]) for _ in range(rng.randint(1, 4)))
        inner = f" {level(k + 1)} {rng.choice(WORDS[:40])}" if k + 1 < depth else ""
        return f"{opening}{words}{inner}{closing}"

    speaker = rng.choice(["the minister", "Ms. Ruiz", "a spokesperson"])
    return f"Headline here\n\nOn Monday {speaker} said {level(0)} before leaving.", depth
