"""Does the draft write this word exactly so, as a whole word? (For a capitalised word at a
sentence start: it is an ordinary noun when the draft also writes it in lower case.) A
short draft is searched directly; a long one gets one set of its words or one index of
its punctuated runs, so that the question stays linear in the draft."""
from __future__ import annotations

import re

#: A maximal run of ``str.isalnum`` characters: the standard library's ``\w`` is exactly
#: ``isalnum()`` or "_" (the ``regex`` module's Unicode tables differ from Python's).
_ALNUM_RUN = re.compile(r"[^\W_]+")


#: From this length of prose on, ``_common_noun`` builds the set of the prose's words
#: rather than searching it once per word.
_WORD_SET_FROM = 20_000
#: How many characters ``_common_noun`` may scan with ``_occurs_as_word`` for words with
#: punctuation in a long draft before it builds the index of punctuated runs instead
#: (the index costs about as much as a hundred scans of the whole prose).
_SCAN_BUDGET = 32_000_000
#: Every ASCII character that is not a letter or digit, as a space.
_NOT_ALNUM_ASCII = str.maketrans({chr(i): " " for i in range(128) if not chr(i).isalnum()})


def _whole_words(text: str) -> frozenset[str]:
    """``frozenset(_ALNUM_RUN.findall(text))``; for ASCII text, the words between the spaces
    that every other character becomes (a third of the time)."""
    if text.isascii():
        return frozenset(text.translate(_NOT_ALNUM_ASCII).split())
    return frozenset(_ALNUM_RUN.findall(text))


def _occurs_as_word(text: str, word: str) -> bool:
    """``word`` occurs in ``text`` exactly so (case-sensitive) as a whole word. For a word
    of ``str.isalnum`` characters this is ``word in set(_ALNUM_RUN.findall(text))``: its
    neighbours are not alphanumeric exactly when it is a maximal run."""
    i = text.find(word)
    n = len(word)
    while i >= 0:
        before = text[i - 1] if i > 0 else " "
        after = text[i + n] if i + n < len(text) else " "
        if not before.isalnum() and not after.isalnum():
            return True
        i = text.find(word, i + 1)
    return False


#: A maximal run of letters and digits followed by a character that is neither one nor a
#: space: where a word such as "o'brien" or "u.s." can start.
_PUNCTUATED_RUN = re.compile(r"(?<![^\W_])[^\W_]++(?=[^\w\s]|_)")  # possessive: a shorter run never matches
_HAS_SPACE = re.compile(r"\s")


def _punctuated_run_starts(text: str) -> dict[str, list[int]]:
    starts: dict[str, list[int]] = {}
    for m in _PUNCTUATED_RUN.finditer(text):
        starts.setdefault(m.group(), []).append(m.start())
    return starts


def _occurs_at(text: str, word: str, run_starts: dict[str, list[int]]) -> bool:
    """``_occurs_as_word(text, word)`` for a word without spaces that starts with a letter or
    digit and is not all letters and digits, looked up in ``run_starts`` (from ``_punctuated_run_starts``):
    an occurrence starts where a maximal run equal to the word's first run starts, and the
    character after that run is the word's next one, punctuation."""
    first = _ALNUM_RUN.match(word).group()
    n = len(word)
    for i in run_starts.get(first, ()):
        if text.startswith(word, i) and (i + n == len(text) or not text[i + n].isalnum()):
            return True
    return False

