"""Two sentences run together with no space after the punctuation: "plan?It's".

The sentence splitter marks a sentence ``glued`` when it starts right after sentence
punctuation with no space; decimals ("3.5"), dotted abbreviations ("U.S.A"), "e.g.X"
and URLs are never split, so they are never reported. The splitter does not end a
sentence after an abbreviation, a dotted abbreviation or a number, so "Inc.The",
"Mr.Smith", "5 p.m.It", "the U.S.The" and "grew 3.5.The" -- a missing space all the
same -- are found here directly: a known abbreviation, a dotted one or a number in running
text, a full stop, and a capitalised word with no space in between. Web addresses, file
names and e-mail addresses ("example.com.The" is followed by nothing; "v2.Final.pdf",
"a.b@c") are left alone, as is a number opening its paragraph ("1.Introduction", a list).
A full stop before a product or domain suffix is part of a name, not two sentences:
"Backbone.js", "Node.Js", "ASP.Net", "Socket.IO", "Booking.Com" (``NAME_SUFFIXES``).
"""

from __future__ import annotations

import regex

from ..document.sentences import ABBREVIATIONS, in_spans, merge_spans
from ..finding import Hit
from ..schema import Field

_WORD_BEFORE = regex.compile(r"[\p{L}\p{N}’'”\")]+$")
_WORD_AFTER = regex.compile(r"[\p{L}\p{N}’']+")
_ABBREVIATION_GLUED = regex.compile(
    r"(?<![\p{L}\p{N}.@/])"
    r"(?:(?P<abbr>\p{L}{2,})"  # "Inc.The" (a known abbreviation: the caller checks)
    r"|(?P<dotted>(?:\p{L}\.){1,}\p{L})"  # "p.m.It", "U.S.The"
    r"|(?P<number>\p{N}(?:[\p{N},:-]|\.(?=\p{N}))*)"  # "3.5.The", "2020.The", "3-2.The"
    r")\.(?P<next>\p{Lu}\p{Ll}+)(?![\p{L}\p{N}]*[./@])"
)
_LETTER = regex.compile(r"\p{L}")
#: what follows the full stop in a product or a domain name ("Vue.Js", "Socket.IO", "Booking.Com")
NAME_SUFFIXES = frozenset(
    "js jsx ts io net com org gov edu ai app dev co uk tv fm me info biz py rb rs go "
    "css html php sh exe md txt pdf".split()
)
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
    OPTIONS: dict[str, Field] = {}
    MESSAGE_KEYS = ("match", "suggestion")

    def run(self, doc, options, scope):
        prose = doc.prose
        glued = set()  # offsets of the punctuation before a glued sentence
        for s in doc.sentences:
            if s.glued:
                glued.add(s.start - 1)
            if not s.glued or not scope.block_ok(doc.blocks[s.block]) or doc.blocks[s.block].kind == "table":
                continue
            punct = s.start - 1
            before = _WORD_BEFORE.search(prose, max(0, punct - 40), punct)
            after = _WORD_AFTER.match(prose, s.start)
            if prose[punct] == "." and after and after.group().lower() in NAME_SUFFIXES:
                continue  # a product or domain name: "Vue.Js", "Booking.Com"
            start = before.start() if before else punct
            end = after.end() if after else s.start + 1
            yield _hit(prose, start, s.start, end)
        in_links = None
        for m in abbreviations_glued(prose):
            abbr = m.group("abbr")
            if abbr is not None and abbr.lower() not in ABBREVIATIONS:
                continue
            if in_links is None:  # the links' union, by bisection: not every link per match
                in_links = merge_spans((link.start, link.end) for link in doc.links)
            if in_spans(in_links, m.start()):
                continue
            block = doc.block_at(m.start())
            if block is None or not scope.block_ok(block) or block.kind == "table":
                continue
            if m.group("number") is not None and not _LETTER.search(prose, block.pstart, m.start()):
                continue  # "1.Introduction": a numbered line, not two sentences
            if m.start("next") - 1 in glued:
                continue  # the splitter found it too
            yield _hit(prose, m.start(), m.start("next"), m.end())


def _hit(prose: str, start: int, gap: int, end: int) -> Hit:
    fixed = prose[start:gap] + " " + prose[gap:end]
    return Hit(start, end, suggestions=(fixed,), fix=fixed, fix_safe=True)
