"""A word shouted in capitals in a title-case or sentence-case headline: "Plague Could
MUTATE", "Sues Officials For NOT Acting", "Blacklisted For Doing THIS".

Capitals that stress a word are the writer raising their voice, a clickbait device
(Chakraborty et al. 2016 list "capitalised words" among clickbait features; the AP
Stylebook: "do not use all-caps for emphasis"). An acronym is no shouting, so a capitalised
word counts only when it is an ordinary word: one of the rule's ``words`` ("not", "this",
"huge"), or a word the story itself writes in lower case and never in capitals. A headline
set all in capitals (wire copy: "POUND AND DOLLAR RISE") stresses nothing.
"""

from __future__ import annotations

import regex

from ..finding import Hit
from ..schema import Field, ListOf, Str

#: A word of letters (an apostrophe inside: "DON'T").
_WORD = regex.compile(r"\b\p{L}[\p{L}'’]*\b")
_TITLE_KINDS = frozenset({"headline", "dek"})


class ShoutedWord:
    NAME = "shouted-word"
    DESCRIPTION = (
        "A word in capitals in a headline or dek that is otherwise not in capitals, when it is an "
        "ordinary word (listed in `words`, or written in lower case elsewhere in the story and never "
        "in capitals there), not an acronym."
    )
    OPTIONS = {
        "words": Field(ListOf(Str()), description="Ordinary words that are shouting whenever they are set in capitals.")
    }
    MESSAGE_KEYS = ("match",)

    def run(self, doc, options, scope):
        listed = frozenset(w.lower() for w in options.get("words", ()))
        titles = [
            b for b in doc.prose_blocks if b.kind in _TITLE_KINDS and (scope.kinds is None or b.kind in scope.kinds)
        ]
        if not titles:
            return
        body_words: set[str] | None = None  # the words of the rest of the story, as written
        for block in titles:
            words = list(_WORD.finditer(doc.prose, block.pstart, block.pend))
            capitals = [m for m in words if len(m.group()) > 1 and m.group().isupper()]
            if not capitals or len(capitals) * 2 >= len(words):
                continue  # no capitals, or a headline set in capitals
            for m in capitals:
                word = m.group()
                if len(word) < 3 and word.lower() not in listed:
                    continue
                if word.lower() not in listed:
                    if body_words is None:
                        body_words = _words_outside(doc, titles)
                    if word.lower() not in body_words or word in body_words:
                        continue  # not written in lower case in the story, or an acronym it uses
                yield Hit(m.start(), m.end())


def _words_outside(doc, titles) -> set[str]:
    spans = sorted((b.pstart, b.pend) for b in titles)
    words: set[str] = set()
    pos = 0
    for start, end in [*spans, (len(doc.prose), len(doc.prose))]:
        words.update(m.group() for m in _WORD.finditer(doc.prose, pos, start))
        pos = max(pos, end)
    return words
