"""Small text helpers shared by the checks."""
from __future__ import annotations

import unicodedata

import regex

_PUNCT_EDGES = regex.compile(r"^[\p{P}\s]+|[\p{P}\s]+$")


def normalised(text: str) -> str:
    """Lower case, NFKC, straight apostrophes, single spaces, no punctuation at the edges."""
    text = unicodedata.normalize("NFKC", text).replace("’", "'").lower()
    return _PUNCT_EDGES.sub("", " ".join(text.split()))
