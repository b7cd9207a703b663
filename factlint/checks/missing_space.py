"""Two sentences run together with no space after the punctuation: "plan?It's".

The sentence splitter marks a sentence ``glued`` when it starts right after sentence
punctuation with no space; decimals ("3.5"), dotted abbreviations ("U.S.A"), "e.g.X"
and URLs are never split, so they are never reported. The splitter does not end a
sentence after an abbreviation, so "Inc.The" and "Mr.Smith" -- a missing space all the
same -- are found here directly: a known abbreviation, a full stop, and a capitalised
word with no space in between.
"""
from __future__ import annotations

import regex

from ..document.sentences import ABBREVIATIONS
from ..kinds.base import Hit

_WORD_BEFORE = regex.compile(r"[\p{L}\p{N}’'”\")]+$")
_WORD_AFTER = regex.compile(r"[\p{L}\p{N}’']+")
_ABBREVIATION_GLUED = regex.compile(r"(?<![\p{L}\p{N}.@/])(\p{L}{2,})\.(\p{Lu}\p{Ll}+)(?![\p{L}\p{N}]*[./@])")
#: every match of _ABBREVIATION_GLUED holds one of these
_DOT_CAPITAL = regex.compile(r"\.\p{Lu}")


def abbreviations_glued(prose: str):
    """``_ABBREVIATION_GLUED.finditer(prose)``, searched only in the runs of characters
    between spaces and line breaks that hold a full stop before a capital. A match has
    neither inside it; its lookbehind still sees the text before the run, and its lookahead
    stops at the space or line break that ends the run, as it would in the whole text."""
    done = -1
    for dot in _DOT_CAPITAL.finditer(prose):
        if dot.start() < done:
            continue
        at = dot.start()
        space = prose.rfind(" ", 0, at)
        start = max(space, prose.rfind("\n", space + 1, at)) + 1
        space = prose.find(" ", at)
        space = len(prose) if space < 0 else space
        newline = prose.find("\n", at, space)
        done = space if newline < 0 else newline
        yield from _ABBREVIATION_GLUED.finditer(prose, start, done)


class MissingSpace:
    NAME = "missing-space"
    DESCRIPTION = "Two sentences run together with no space after the punctuation: 'plan?It's'."
    OPTIONS = {}
    MESSAGE_KEYS = ("match", "suggestion")

    def run(self, doc, options, scope):
        prose = doc.prose
        for s in doc.sentences:
            if not s.glued or not scope.block_ok(doc.blocks[s.block]) or doc.blocks[s.block].kind == "table":
                continue
            punct = s.start - 1
            before = _WORD_BEFORE.search(prose, max(0, punct - 40), punct)
            after = _WORD_AFTER.match(prose, s.start)
            start = before.start() if before else punct
            end = after.end() if after else s.start + 1
            yield _hit(prose, start, s.start, end)
        for m in abbreviations_glued(prose):
            if m.group(1).lower() not in ABBREVIATIONS:
                continue
            if any(link.start <= m.start() < link.end for link in doc.links):
                continue
            block = doc.block_at(m.start())
            if block is not None and scope.block_ok(block) and block.kind != "table":
                yield _hit(prose, m.start(), m.start(2), m.end())


def _hit(prose: str, start: int, gap: int, end: int) -> Hit:
    fixed = prose[start:gap] + " " + prose[gap:end]
    return Hit(start, end, suggestions=(fixed,), fix=fixed, fix_safe=True)
