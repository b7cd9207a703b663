"""A body paragraph that stops without closing punctuation.

Headlines, deks, headings, tables and list items need no full stop, so they are skipped. So
are a paragraph that ends in a link (a reference line), ALL-CAPS data copy, and a
paragraph whose unfinished last sentence is a note ("NOTE: ..."), a parenthetical slug
("(See page 4)"), a sign-off ("REUTER") or a row of figures ("Net 4.7 mln vs 8.3
mln"): in results and data copy such rows are written without punctuation on
purpose. What remains is prose that simply stops -- usually a sentence cut in editing.
"""

from __future__ import annotations

import regex

from ..finding import Hit
from ..schema import Field, Num
from ._text import has_words

_ENDS_WELL = regex.compile(r"[.!?…:;][\"”’'»)\]*_]*$")
_LAST_WORD = regex.compile(r"\S+$")
_TOKEN = regex.compile(r"\S+")
_FIGURE = regex.compile(r"\d")
_NOTE = regex.compile(r"(?<!\w)(?i:notes?)\b\s*(?:[-:–—]|continued)")
#: a sign-off after the last sentence on the same line: "... the merger. REUTER"
_SIGN_OFF = regex.compile(r"[-–—\s]*\p{Lu}{2,}\W*")
#: a parenthetical slug or note after the last sentence: "(See page 4)", "(NRKI 1821)"
_PARENTHETICAL = regex.compile(r"[(\[][^()\[\]]*[)\]]\W*")
_VERSUS = regex.compile(r"\d\S*\s+(?:\S+\s+){0,3}vs\.?\s+(?:\S+\s+){0,2}\S*\d")


class MissingEndPunctuation:
    NAME = "missing-end-punctuation"
    DESCRIPTION = "A body paragraph that stops without a full stop, question mark or other closing punctuation."
    OPTIONS = {
        "min-words": Field(Num(minimum=1, integer=True), description="Ignore paragraphs shorter than this (default 6).")
    }
    MESSAGE_KEYS = ("match",)

    def run(self, doc, options, scope):
        min_words = int(options.get("min-words", 6))
        prose = doc.prose
        link_ends = None  # where links end, gathered once (one pass over every link per paragraph is quadratic)
        for block in doc.prose_blocks:
            if not scope.block_ok(block) or block.kind in ("headline", "dek", "heading", "table", "list"):
                continue
            text = prose[block.pstart : block.pend]
            if ends_well(text) or not has_words(text, min_words):
                continue
            if link_ends is None:
                link_ends = {link.end for link in doc.links}
            if block.pend in link_ends:
                continue  # ends with a bare URL: a reference line
            sentences = doc.block_sentences(block)
            last = prose[sentences[-1].start : sentences[-1].end] if sentences else text
            if (
                _NOTE.search(last)
                or _is_figures(last)
                or _SIGN_OFF.fullmatch(last)
                or _PARENTHETICAL.fullmatch(last)
                or _mostly_capitals(text)
            ):
                continue
            m = _LAST_WORD.search(text)
            if m:
                yield Hit(block.pstart + m.start(), block.pend)


_CLOSERS = "\"”’'»)]*_"


def ends_well(text: str) -> bool:
    """``bool(_ENDS_WELL.search(text))`` without trying every full stop of the paragraph:
    closing punctuation, then only closers, at the end (or before a final line break)."""
    for body in (text, text[:-1] if text.endswith("\n") else ""):
        stripped = body.rstrip(_CLOSERS)
        if stripped and stripped[-1] in ".!?…:;":
            return True
    return False


def _mostly_capitals(text: str) -> bool:
    """ALL-CAPS copy (agate, data lines) is telegraphic by design."""
    letters = capitals = 0  # counted, not listed: a list of a long paragraph's letters is 8 bytes a letter
    for c in text:
        if c.isalpha():
            letters += 1
            capitals += c.isupper()
    return letters >= 20 and capitals >= 0.8 * letters


def _is_figures(sentence: str) -> bool:
    """A data row rather than prose: several figures, or a "this vs that" comparison."""
    tokens = _TOKEN.findall(sentence)
    figures = sum(1 for t in tokens if _FIGURE.search(t))
    return bool(_VERSUS.search(sentence)) or figures >= 2 and figures >= 0.25 * len(tokens)
