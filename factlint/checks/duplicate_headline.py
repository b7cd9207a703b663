from __future__ import annotations

from ..finding import Hit
from ..schema import Bool, Field
from ._text import normalised


class DuplicateHeadline:
    NAME = "duplicate-headline"
    DESCRIPTION = ("The headline repeated as the first line of the body, a front-matter title repeated "
                   "as an H1, or (with headings: true) two identical headings.")
    OPTIONS = {"headings": Field(Bool(), description="Also report a heading identical to an earlier one.")}
    MESSAGE_KEYS = ("match", "line")

    def run(self, doc, options, scope):
        seen: dict[str, int] = {}
        headline = doc.headline
        if headline is not None and headline.pend > headline.pstart:
            seen[normalised(doc.block_text(headline))] = doc.lines.position(headline.start)[0]
        check_headings = options.get("headings", True)
        for block in doc.prose_blocks:
            if block is headline or not scope.block_ok(block):
                continue
            sentences = doc.block_sentences(block)
            if not sentences:
                continue
            first = sentences[0]
            key = normalised(doc.prose[first.start:first.end])
            if not key:
                continue
            if key in seen and (block.kind != "heading" or check_headings or
                                (headline is not None and key == normalised(doc.block_text(headline)))):
                yield Hit(first.start, first.end, values={"line": seen[key]})
            elif block.kind == "heading":
                seen.setdefault(key, doc.lines.position(block.start)[0])
