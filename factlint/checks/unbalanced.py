from __future__ import annotations

import re

from ..document.quotes import is_inch_mark
from ..finding import Hit
from ..schema import Bool, Field

_CLOSERS = {")": "(", "]": "["}
_CLOSING_MARK = re.compile("[”»]")
_BRACKET = re.compile(r"[()\[\]]")


class Unbalanced:
    NAME = "unbalanced"
    DESCRIPTION = (
        "A quotation mark opened and never closed in its paragraph (unless the next paragraph "
        "continues the quotation, or, in plain text set a line a paragraph, a later line closes it), "
        "a closing mark with no opening one, or (with brackets: true) an unmatched parenthesis or bracket."
    )
    OPTIONS = {"brackets": Field(Bool(), description="Also check ( ) and [ ] (default true).")}
    MESSAGE_KEYS = ("match", "mark")

    def run(self, doc, options, scope):
        prose = doc.prose
        closing_marks: set[int] = set()
        for q in doc.quotes:
            if q.closed:
                closing_marks.add(q.end - 1)
            block = doc.blocks[q.block]
            if not q.closed and not q.continued and scope.block_ok(block):
                yield Hit(q.start, q.start + 1, values={"mark": prose[q.start]})
        for block in doc.prose_blocks:
            if not scope.block_ok(block):
                continue
            for m in _CLOSING_MARK.finditer(prose, block.pstart, block.pend):
                i = m.start()
                if i not in closing_marks and not is_inch_mark(prose, i, block.pstart):
                    yield Hit(i, i + 1, values={"mark": m.group()})
            if options.get("brackets", True):
                yield from _brackets(prose, block.pstart, block.pend)


def _brackets(prose: str, start: int, end: int):
    stack: list[int] = []
    for m in _BRACKET.finditer(prose, start, end):
        i = m.start()
        c = m.group()
        if c in "([":
            stack.append(i)
        elif c in ")]":
            if stack and prose[stack[-1]] == _CLOSERS[c]:
                stack.pop()
            elif (
                c == ")"
                and i > start
                and (prose[i - 1].isdigit() or prose[i - 1].isalpha())
                and (i - start < 3 or prose[i - 2] in " \n")
            ):
                continue  # a list enumerator: "a)" or "1)"
            else:
                yield Hit(i, i + 1, values={"mark": c})
    for i in stack:
        yield Hit(i, i + 1, values={"mark": prose[i]})
