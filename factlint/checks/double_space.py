from __future__ import annotations

import regex

from ..kinds.base import Hit

_GAP = regex.compile(r"(?<=\S)[ \u00a0]{2,}(?=\S)")


class DoubleSpace:
    NAME = "double-space"
    DESCRIPTION = "Two or more spaces between words inside a line of prose."
    OPTIONS = {}
    MESSAGE_KEYS = ("match",)

    def run(self, doc, options, scope):
        text = doc.text
        for block in doc.prose_blocks:
            if not scope.block_ok(block) or block.kind == "table":
                continue
            # search the raw text of the block's prose pieces, line by line
            for m in _GAP.finditer(text, block.start, block.end):
                p = doc.to_prose(m.start())
                if p >= block.pend or doc.block_at(p) is not block:
                    continue
                yield Hit(m.start(), m.end(), suggestions=(" ",), fix=" ", fix_safe=True, raw=True)
