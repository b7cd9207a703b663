from __future__ import annotations

import regex

from ..kinds.base import Hit
from ..schema import Field, Num

_ENDS_WELL = regex.compile(r"[.!?…:;][\"”’'»)\]*_]*$")
_LAST_WORD = regex.compile(r"\S+$")
_WORD = regex.compile(r"\w+")


class MissingEndPunctuation:
    NAME = "missing-end-punctuation"
    DESCRIPTION = "A body paragraph that stops without a full stop, question mark or other closing punctuation."
    OPTIONS = {"min-words": Field(Num(minimum=1, integer=True),
                                  description="Ignore paragraphs shorter than this (default 6).")}
    MESSAGE_KEYS = ("match",)

    def run(self, doc, options, scope):
        min_words = int(options.get("min-words", 6))
        prose = doc.prose
        for block in doc.prose_blocks:
            if not scope.block_ok(block) or block.kind in ("headline", "heading", "table"):
                continue
            text = prose[block.pstart:block.pend]
            if len(_WORD.findall(text)) < min_words or _ENDS_WELL.search(text):
                continue
            if any(link.end == block.pend for link in doc.links):
                continue  # ends with a bare URL: a reference line
            m = _LAST_WORD.search(text)
            if m:
                yield Hit(block.pstart + m.start(), block.pend)
