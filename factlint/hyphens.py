"""Pyphen's hyphenation points of an English word, counted without Pyphen's start-up.

textstat counts the syllables of a word CMUdict lacks as Pyphen's hyphenation points plus
one (``Pyphen(lang="en_US")``, at least two letters before a point and two after). Pyphen
parses all 11,000 patterns of its ``hyph_en_US.dic`` when it is made (about 60 ms, and its
import lists every dictionary it has), and tries every substring of a word up to the longest
pattern. Here the same file is read into a table of pattern strings by their letters, each
pattern is parsed as Pyphen parses it the first time a word needs it, and the substrings
tried from a position stop as soon as no pattern starts with them. A file this reader does
not expect (another encoding, Pyphen's nonstandard ``/`` alternatives, ``^^`` escapes) is
left to Pyphen itself. The tests compare the counts with Pyphen's for every CMUdict word.
"""

from __future__ import annotations

import os
import re
from typing import Any

#: Pyphen's reading of a pattern: (digit or '', letter or '') pairs
_PARSE = re.compile(r"(\d?)(\D?)").findall
_DIGIT = re.compile(r"\d")
_NONZERO_ASCII = re.compile(r"[1-9]")
#: the lines Pyphen skips (after stripping them)
_IGNORED = ("%", "#", "LEFTHYPHENMIN", "RIGHTHYPHENMIN", "COMPOUNDLEFTHYPHENMIN", "COMPOUNDRIGHTHYPHENMIN")
#: Pyphen's defaults, which textstat keeps: letters before the first point and after the last
LEFT = RIGHT = 2


class Hyphenation:
    """The points Pyphen finds in a word, from the patterns of one dictionary file."""

    def __init__(self, raw: dict[str, str]) -> None:
        #: every prefix of a pattern's letters -> None, or for the letters of a pattern its
        #: line (the last line with them, as in Pyphen), parsed into (start, values) on first use
        self._table: dict[str, Any] = {key[:i]: None for key in raw for i in range(1, len(key))}
        self._table.update(raw)

    def points(self, word: str) -> int:
        """``len(Pyphen(lang="en_US").positions(word))``."""
        pointed = f".{word.lower()}."
        n = len(pointed)
        references = [0] * (n + 1)
        table = self._table
        for i in range(n - 1):
            for j in range(i + 1, n + 1):
                found = table.get(pointed[i:j], _NO_PATTERN)
                if found is None:
                    continue  # the start of a pattern, not one
                if found is _NO_PATTERN:
                    break  # no pattern starts with it, nor with anything longer from here
                if type(found) is str:
                    found = table[pointed[i:j]] = _entry(found)
                offset, values = found
                for k, value in enumerate(values, i + offset):
                    if k <= n and value > references[k]:
                        references[k] = value
        right = len(word) - RIGHT
        return sum(1 for i in range(1, n + 1) if references[i] % 2 and LEFT <= i - 1 <= right)


_NO_PATTERN = object()


def _entry(pattern: str) -> tuple[int, tuple[int, ...]]:
    """``HyphDict``'s reading of one pattern line: values with the zeros at both ends cut."""
    values = tuple(int(i or "0") for i, _ in _PARSE(pattern))
    start, end = 0, len(values)
    while not values[start]:
        start += 1
    while not values[end - 1]:
        end -= 1
    return start, values[start:end]


def read_patterns(data: bytes) -> dict[str, str] | None:
    """The pattern lines of a ``hyph_*.dic`` file by their letters, keeping what ``HyphDict``
    keeps (a line with a value above zero; of two with the same letters, the later); None
    for a file that is not plain UTF-8 patterns."""
    first, _, rest = data.partition(b"\n")
    if first.strip().upper() != b"UTF-8":
        return None
    try:
        text = rest.decode("utf-8")
    except UnicodeDecodeError:
        return None
    if "/" in text or "^^" in text or "\r" in text:
        # nonstandard alternatives, escaped characters, line breaks Pyphen reads as its text
        # mode does: Pyphen's own reading
        return None
    raw: dict[str, str] = {}
    for line in text.split("\n"):
        line = line.strip()
        if not line or line.startswith(_IGNORED):
            continue
        if line.isascii():
            if _NONZERO_ASCII.search(line) is None:
                continue
        elif not any(int(i or "0") for i, _ in _PARSE(line)):
            continue
        raw[_DIGIT.sub("", line)] = line
    return raw


def english() -> Hyphenation | None:
    """The counts for Pyphen's ``en_US`` dictionary, or None when it cannot be read here."""
    from importlib.util import find_spec

    spec = find_spec("pyphen")
    if spec is None or not spec.origin:
        return None
    path = os.path.join(os.path.dirname(spec.origin), "dictionaries", "hyph_en_US.dic")
    try:
        with open(path, "rb") as fh:
            raw = read_patterns(fh.read())
    except OSError:
        return None
    return Hyphenation(raw) if raw else None
