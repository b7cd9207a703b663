"""Sentence boundaries in the prose of one block.

The prose has no line breaks inside a block (see :mod:`.prose`), so a hard-wrapped line
never ends a sentence. A boundary is sentence punctuation (``.``, ``!``, ``?``, ``…``),
optionally followed by closing quotes or brackets, and then either

* whitespace and something that can start a sentence (a capital, a digit, an opening
  quote or bracket) -- unless the word before the full stop is an abbreviation
  ("Dr.", "Jan.", "Gen."), an initial ("John F. Kennedy"), or a dotted abbreviation
  ("U.S.", "a.m.") that is not followed by a typical sentence opener; or
* no whitespace at all, between a lower-case letter (or digit or closing quote) and a
  capitalised word: "plan?It's". Those sentences are marked ``glued`` so the editing
  rules can report the missing space. Decimals ("3.5") and URLs are never split.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

import regex

_TERMINAL = regex.compile(r"(?:[.!?]+|…)[\"”’'»)\]]*")

#: Words that take a full stop but do not end a sentence (compared without the dot,
#: case-insensitively).
ABBREVIATIONS = frozenset(
    """mr mrs ms mx dr prof sen rep gov gen lt col maj capt cmdr adm sgt cpl pvt rev fr hon
    pres supt insp det st ave blvd rd mt ft jr sr messrs mme mlle
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
    vs v no nos vol vols fig figs ch sec art para pp approx est dept univ assn bros corp inc ltd co
    cf al ed eds op ca""".split()
)
#: "No." abbreviates "number" only before a figure.
_NUMBER_ABBREVIATIONS = frozenset({"no", "nos", "art", "sec", "fig", "figs", "ch", "vol", "vols", "pp", "para"})
#: After a dotted abbreviation such as "U.S." a sentence ends only if one of these follows.
SENTENCE_OPENERS = frozenset(
    """the a an it he she they we i you his her their its our this that these those there
    but and or so yet in on at as after before when while if although though since because
    however meanwhile still also then now mr mrs ms dr officials some many most one two""".split()
)
_NEXT_WORD = regex.compile(r"[\p{L}\p{N}]+")
_OPENERS = "\"“‘'(«["


def split_sentences(
    text: str, start: int, end: int, protected: Sequence[tuple[int, int]] = ()
) -> list[tuple[int, int, bool]]:
    """Sentences of ``text[start:end]`` as (start, end, glued) triples in text offsets.

    ``protected`` spans (links, URLs) never contain a boundary.
    """
    sentences: list[tuple[int, int, bool]] = []
    sent_start = _skip_space(text, start, end)
    glued = False
    pos = sent_start
    merged = merge_spans(protected) if protected else None
    while pos < end:
        m = _TERMINAL.search(text, pos, end)
        if not m:
            break
        pos = m.end()
        if merged is not None and in_spans(merged, m.start()):
            continue
        boundary, next_start, is_glued = _boundary(text, m, end)
        if boundary and next_start < end:
            sentences.append((sent_start, _trim_end(text, sent_start, m.end()), glued))
            sent_start, glued = next_start, is_glued
            pos = next_start
    if sent_start < end:
        sentences.append((sent_start, _trim_end(text, sent_start, end), glued))
    return [s for s in sentences if s[1] > s[0]]


def merge_spans(spans) -> tuple[list[int], list[int]]:
    """Half-open spans, in any order, as the sorted starts and ends of their union."""
    starts: list[int] = []
    ends: list[int] = []
    for a, b in sorted(sp for sp in spans if sp[1] > sp[0]):
        if ends and a <= ends[-1]:
            ends[-1] = max(ends[-1], b)
        else:
            starts.append(a)
            ends.append(b)
    return starts, ends


def in_spans(merged: tuple[list[int], list[int]], p: int) -> bool:
    """``any(a <= p < b for a, b in spans)``, by bisection in :func:`merge_spans`."""
    starts, ends = merged
    i = bisect_right(starts, p) - 1
    return i >= 0 and p < ends[i]


def _boundary(text: str, m, end: int) -> tuple[bool, int, bool]:
    after = m.end()
    if after >= end:
        return False, after, False
    punct = m.group()
    stop = punct[0]
    nxt = text[after]
    if nxt.isspace():
        j = _skip_space(text, after, end)
        if j >= end:
            return False, j, False
        c = text[j]
        if not (c.isupper() or c.isdigit() or c in _OPENERS):
            return False, j, False
        if stop == "." and punct.startswith(".") and not punct.startswith("..."):
            if _is_abbreviation(text, m.start(), j):
                return False, j, False
        return True, j, False
    # no space: "plan?It's" is two sentences run together; "3.5" and "U.S.A" are not,
    # and neither is an ellipsis written between words ("wages...And")
    if stop in ".?!" and nxt.isupper() and after + 1 < end and not punct.startswith(".."):
        before = text[m.start() - 1] if m.start() > 0 else ""
        if before.islower() or before in '”’")' or (before.isdigit() and stop != "."):
            if stop == "." and not _looks_like_word_before(text, m.start()):
                return False, after, False
            return True, after, True
    return False, after, False


def _looks_like_word_before(text: str, dot: int) -> bool:
    """A glued full stop splits only after a real word, not inside "e.g.X" or a domain."""
    word = _word_before(text, dot)
    return len(word) >= 2 and "." not in word and word.lower() not in ABBREVIATIONS


def _is_abbreviation(text: str, dot: int, next_start: int) -> bool:
    word = _word_before(text, dot)
    if not word:
        return False
    lower = word.lower()
    next_word = _NEXT_WORD.match(text, next_start, next_start + 30)
    following = next_word.group().lower() if next_word else ""
    if "." in word:  # U.S., a.m., e.g., Ph.D
        if lower in ("e.g", "i.e", "cf", "viz"):
            return True
        return following not in SENTENCE_OPENERS
    if len(word) == 1 and word.isupper():  # an initial: John F. Kennedy
        return True
    if lower in _NUMBER_ABBREVIATIONS:
        return text[next_start : next_start + 1].isdigit()
    return lower in ABBREVIATIONS


def _word_before(text: str, dot: int) -> str:
    """The word (letters, digits and inner dots, as in "U.S") that ends just before ``dot``."""
    i = dot
    limit = max(0, dot - 40)
    while i > limit and (
        text[i - 1].isalnum() or (text[i - 1] == "." and i - 1 > limit and text[i - 2].isalnum() and i < dot)
    ):
        i -= 1
    return text[i:dot]


def _skip_space(text: str, pos: int, end: int) -> int:
    while pos < end and text[pos].isspace():
        pos += 1
    return pos


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end
