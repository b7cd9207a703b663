"""Two or more spaces between words inside a line of prose.

Two spaces after a full stop are a typewriter convention that much edited copy
(1980s wire copy among it) still follows on purpose, so by default only a gap in
mid-sentence is reported -- "the  council" is a slip, "budget.  It" a habit. Set
``after-sentence: true`` to report both. Tables and indentation are never reported:
there, runs of spaces are layout.
"""

from __future__ import annotations

import regex

from ..finding import Hit
from ..schema import Bool, Field

_GAP = regex.compile(r"(?<=\S)[ \u00a0]{2,}(?=\S)")
_SENTENCE_END = regex.compile(r"[.!?:;…][\"”’')\]]*$")


class DoubleSpace:
    NAME = "double-space"
    DESCRIPTION = "Two or more spaces between words inside a line of prose."
    OPTIONS = {"after-sentence": Field(Bool(), description="Also report two spaces after a full stop (default false).")}
    MESSAGE_KEYS = ("match",)

    def run(self, doc, options, scope):
        text = doc.text
        after_sentence = options.get("after-sentence", False)
        for block in doc.prose_blocks:
            if not scope.block_ok(block) or block.kind == "table":
                continue
            for m in _GAP.finditer(text, block.start, block.end):
                p = doc.to_prose(m.start())
                if p >= block.pend or doc.block_at(p) is not block:
                    continue
                if not after_sentence and _SENTENCE_END.search(text, max(block.start, m.start() - 4), m.start()):
                    continue
                yield Hit(m.start(), m.end(), suggestions=(" ",), fix=" ", fix_safe=True, raw=True)
