"""Small text helpers shared by the checks."""

from __future__ import annotations

import unicodedata

import regex

_PUNCT_EDGES = regex.compile(r"^[\p{P}\s]+|[\p{P}\s]+$")
_EDGE = regex.compile(r"[\p{P}\s]+")
_WORDS = regex.compile(r"\w+")
#: the ASCII characters _EDGE matches
_ASCII_EDGE = "".join(c for c in map(chr, range(128)) if _EDGE.fullmatch(c))


def normalised(text: str) -> str:
    """Lower case, NFKC, straight apostrophes, single spaces, no punctuation at the edges."""
    if text.isascii():  # NFKC and the apostrophe change nothing; str.strip does the edges
        return " ".join(text.lower().split()).strip(_ASCII_EDGE)
    text = " ".join(unicodedata.normalize("NFKC", text).replace("’", "'").lower().split())
    if text[:1].isalnum():
        if text[-1:].isalnum():
            return text  # letters and digits are neither punctuation nor space: nothing to trim
        if text[-1] in _ASCII_EDGE and text[-2:-1].isalnum():
            return text[:-1]  # one full stop (or the like) after a word: the usual sentence
    # what _PUNCT_EDGES.sub("", text) gives, without trying the end anchor at every position
    m = _EDGE.match(text)
    lead = m.end() if m else 0
    if lead == len(text):
        return ""
    m = _EDGE.match(text[::-1])
    return text[lead : len(text) - (m.end() if m else 0)]


def has_words(text: str, count: int) -> bool:
    """Does ``text`` hold at least ``count`` words (runs of word characters)? One search:
    ``count`` runs, each from a word start, with only non-word characters between them
    (possessive, so a text with fewer words costs one pass per word start)."""
    if count <= 0:
        return True
    pattern = _AT_LEAST.get(count)
    if pattern is None:
        pattern = _AT_LEAST[count] = regex.compile(r"(?<!\w)\w++" + r"\W++\w++" * (count - 1))
    return pattern.search(text) is not None


_AT_LEAST: dict[int, "regex.Pattern"] = {}
