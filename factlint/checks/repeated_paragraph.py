from __future__ import annotations

import regex

from ..kinds.base import Hit
from ..schema import Bool, Field, Num
from ._text import normalised

_WORD = regex.compile(r"\w+")


class RepeatedParagraph:
    NAME = "repeated-paragraph"
    DESCRIPTION = "A paragraph (or, with sentences: true, a sentence) that appears twice."
    OPTIONS = {
        "min-words": Field(Num(minimum=1, integer=True), description="Ignore shorter text (default 8)."),
        "sentences": Field(Bool(), description="Also report a repeated sentence (default false)."),
    }
    MESSAGE_KEYS = ("match", "line")

    def run(self, doc, options, scope):
        min_words = int(options.get("min-words", 8))
        seen: dict[str, int] = {}
        reported_blocks: set[int] = set()
        for block in doc.prose_blocks:
            if not scope.block_ok(block) or block.kind in ("headline", "heading"):
                continue
            text = doc.block_text(block)
            if len(_WORD.findall(text)) < min_words:
                continue
            key = normalised(text)
            if key in seen:
                reported_blocks.add(block.index)
                yield Hit(block.pstart, block.pend, values={"line": seen[key]})
            else:
                seen[key] = doc.lines.position(block.start)[0]
        if not options.get("sentences", False):
            return
        seen_sentences: dict[str, int] = {}
        for s in doc.sentences:
            block = doc.blocks[s.block]
            if not scope.block_ok(block) or block.kind in ("headline", "heading"):
                continue
            text = doc.prose[s.start:s.end]
            if len(_WORD.findall(text)) < min_words:
                continue
            key = normalised(text)
            if key in seen_sentences and block.index not in reported_blocks:
                yield Hit(s.start, s.end, values={"line": seen_sentences[key]})
            else:
                seen_sentences.setdefault(key, doc.lines.position(doc.to_raw(s.start, s.end)[0])[0])
