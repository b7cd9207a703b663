"""Quotation spans in the prose of one block.

Curly double quotes pair by nesting; straight double quotes pair by position and
context. A curly quotation closed by a straight mark in closing position (“No," she
said) or a straight one closed by a curly mark ("No,” she said) is closed too: a mixed
pair is a typing slip, not an open quotation that swallows the attribution after it.
Curly single quotes (‘…’) nest inside double ones or stand on their own, and a ’ inside
or after a word is an apostrophe. Straight single quotes are apostrophes far more often
than quotation marks in news copy and are ignored. A quotation left open at the end of a
block is ``closed=False``; if the next block opens with a quotation mark it is a
multi-paragraph quotation (``continued=True``) rather than a slip; in plain text set one
sentence or paragraph a line, a later line that closes it before opening anything ends it
(``build._run_on``: the quotation runs on across the line breaks). Two straight single
quotes typed for a double one (``''like this''``, common in archived wire copy) count as
a straight double quote.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass

import regex

_MARKS = regex.compile(r"''|[“”\"«»‘’]")
_WORD = regex.compile(r"\w+")
#: A quotation of this many words or fewer, with nobody quoted, is a scare quote or a
#: quoted term ("the so-called “peace plan”"), not the words of a speaker.
SCARE_QUOTE_MAX_WORDS = 3

_DOUBLE_PAIRS = {"“": "”", "«": "»"}
#: Feet before an inch mark: "6’2" of "6’2”", "5'11" of 5'11".
_FEET = regex.compile(r"\d[’'′]\d{1,2}$")


@dataclass(slots=True)
class QuoteSpan:
    start: int
    end: int
    closed: bool
    mark: str


def is_inch_mark(text: str, i: int, start: int = 0) -> bool:
    """Is the double mark at ``i`` an inch mark after feet ("6’2”", 5'11")? ``start``: where
    the text it may look back into begins."""
    return i > start and text[i - 1].isdigit() and _FEET.search(text, max(start, i - 4), i) is not None


def _closing_position(nxt: str) -> bool:
    """Does a straight mark followed by ``nxt`` stand where a quotation closes?"""
    return nxt.isspace() or nxt in ".,;:!?)]}—–-"


#: The double marks (and ``''`` typed for one): single marks are too often apostrophes.
_DOUBLE_MARKS = regex.compile(r"''|[“”\"«»]")


def first_double_mark(text: str, start: int, end: int) -> tuple[int, bool] | None:
    """The first double mark of ``text[start:end]`` that is no inch mark, and whether it
    closes a quotation (a curly closing mark, or a straight one in closing position): where a
    quotation opened before ``start`` may end. None: the text holds no such mark."""
    for m in _DOUBLE_MARKS.finditer(text, start, end):
        mark, i = m.group(), m.start()
        if mark in '”"' and is_inch_mark(text, i, start):
            continue
        return i, mark in "”»" or (mark == '"' and _closing_position(text[i + 1 : i + 2] or " "))
    return None


def find_quotes(text: str, start: int, end: int) -> list[QuoteSpan]:
    found: list[QuoteSpan] = []
    stack: list[tuple[str, int]] = []  # (closing mark expected, position of opening mark)
    # how many of each closing mark the stack expects: a mark nothing open can close is
    # known at once, without a scan of the stack (a flood of 300,000 “ then » was quadratic)
    expected: Counter[str] = Counter()
    for m in _MARKS.finditer(text, start, end):
        c = m.group()
        i = m.start()
        width = m.end() - i
        if c == "''":
            c = '"'
        prev = text[i - 1] if i > start else " "
        nxt = text[i + width] if i + width < end else " "
        if c in _DOUBLE_PAIRS:
            stack.append((_DOUBLE_PAIRS[c], i))
            expected[_DOUBLE_PAIRS[c]] += 1
        elif c in '”"' and is_inch_mark(text, i, start):
            continue  # an inch mark after feet: "he's like 6’2”", 5'11"
        elif c == "”" and stack and stack[-1][0] == '"' and not expected["”"]:
            _close(stack, expected, found, '"', i, text)  # "…”: a straight quotation closed by a curly mark
        elif c in "”»":
            _close(stack, expected, found, c, i, text)
        elif c == '"' and prev.isalnum() and nxt.isalnum():
            continue  # a mistyped apostrophe or an inch mark: Indonesia"s, 5"4
        elif c == '"':
            opening_context = prev.isspace() or prev in "([{—–-/:"
            closing_context = _closing_position(nxt) or i + width >= end
            if stack and stack[-1][0] == '"' and (closing_context or not opening_context):
                _close(stack, expected, found, '"', i, text, width)
            elif stack and stack[-1][0] == "”" and closing_context and not opening_context:
                _close(stack, expected, found, "”", i, text, width)  # “…": a curly quotation closed by a straight mark
            elif opening_context or not stack:
                stack.append(('"', i))
                expected['"'] += 1
        elif c == "‘":
            if nxt.isdigit() or prev.isalnum():  # ‘90s, or a mistyped apostrophe
                continue
            stack.append(("’", i))
            expected["’"] += 1
        elif c == "’":
            if stack and stack[-1][0] == "’" and not nxt.isalnum() and not prev.isspace():
                _close(stack, expected, found, "’", i, text)
            # otherwise an apostrophe: it’s, Ukraine’s, the ’90s
    for closing, i in stack:
        if closing == "’":
            continue  # an unpaired ‘ is too often a typo for an apostrophe to call it a quote
        found.append(QuoteSpan(i, end, False, text[i]))
    found.sort(key=lambda q: q.start)
    return found


def _close(
    stack: list[tuple[str, int]], expected: Counter, found: list[QuoteSpan], c: str, i: int, text: str, width: int = 1
) -> None:
    # close the innermost quotation this mark can close; drop unclosed single quotes inside it
    if not expected[c]:
        return  # a closing mark with nothing open: a stray closing quote (reported by the editing rules)
    # the scan stops at the quotation it closes, and everything it passes is dropped: each
    # opening mark is passed once, so the whole block is linear
    for depth in range(len(stack) - 1, -1, -1):
        if stack[depth][0] == c:
            opening = stack[depth][1]
            for closing, _ in stack[depth:]:
                expected[closing] -= 1
            del stack[depth:]
            found.append(QuoteSpan(opening, i + width, True, text[opening]))
            return


#: a quotation longer than this is measured with the word index of the whole text
_SHORT_INNER = 4096
_word_index: tuple[str, list[int], list[int]] | None = None  # (text, word starts, word ends)


def is_scare_quote(text: str, q: QuoteSpan) -> bool:
    """At most :data:`SCARE_QUOTE_MAX_WORDS` words (runs of ``\\w``) inside the marks.

    A short quotation is read directly, stopping at the word past the limit. A long one
    (an unclosed mark reads to the end of its block) is measured by bisecting the starts
    and ends of every word of ``text``, found once per text: reading the rest of the block
    for each of 300,000 unclosed marks was quadratic (a 1.3 MB flood ran for 38 minutes)."""
    a, b = q.start + 1, (q.end - 1 if q.closed else q.end)
    if b - a <= _SHORT_INNER:
        for count, _ in enumerate(_WORD.finditer(text, a, max(a, b)), 1):
            if count > SCARE_QUOTE_MAX_WORDS:
                return False
        return True
    global _word_index
    if _word_index is None or _word_index[0] is not text:
        starts, ends = [], []
        for m in _WORD.finditer(text):
            starts.append(m.start())
            ends.append(m.end())
        _word_index = (text, starts, ends)
    _, starts, ends = _word_index
    # the words of text[a:b] are the words of text that overlap [a, b), cut at its edges
    return bisect_left(starts, b) - bisect_right(ends, a) <= SCARE_QUOTE_MAX_WORDS
