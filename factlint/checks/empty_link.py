"""Markdown links that are broken on the page: no address, no text, or not a link at all.

Only Markdown drafts are checked: in plain text, brackets and parentheses are just
punctuation. Three shapes are reported:

* a link with an empty target, ``[the report]()`` or ``[the report](<>)``;
* a link with no text, ``[](https://...)``: the reader sees nothing to click;
* link syntax that did not become a link because of a space, ``[the report] (https://...)``,
  or a missing parenthesis, ``[the report](https://example.org``: the reader sees the
  brackets and the address.
"""

from __future__ import annotations

import regex

from ..finding import Hit
from ..schema import Field

_SPACED = regex.compile(r"\[[^\[\]\n]{1,200}\][ \t]+\((?:https?://|www\.|mailto:|/|#)[^()\s]*\)")
_EMPTY_TEXT = regex.compile(r"(?<!!)\[\s*\]\([^()\s]*\)")
_UNCLOSED = regex.compile(r"\[[^\[\]\n]{1,200}\]\((?:https?://|www\.|mailto:)[^()\s]*(?=\s|$)")


class EmptyLink:
    NAME = "empty-link"
    DESCRIPTION = (
        "A Markdown link with an empty address or no text, or link syntax broken by a space or a missing parenthesis."
    )
    OPTIONS: dict[str, Field] = {}
    MESSAGE_KEYS = ("match", "problem")

    def run(self, doc, options, scope):
        if doc.format != "markdown":
            return
        text = doc.text
        for link in doc.links:
            block = doc.block_at(link.start) if link.end > link.start else doc.block_at(max(link.start - 1, 0))
            if block is not None and not scope.block_ok(block):
                continue
            if link.end > link.start and not link.url.strip("<> "):
                yield Hit(link.start, link.end, values={"problem": "the link has no address"})
            elif link.end <= link.start:
                # the link text is empty, so the link has no prose of its own: find its
                # syntax in the raw text just after the prose that precedes it
                after = doc.pmap.to_raw_end(link.start) if link.start > 0 else 0
                m = _EMPTY_TEXT.search(text, after, block.end if block is not None else len(text))
                if m:
                    yield Hit(m.start(), m.end(), raw=True, values={"problem": "the link has no text"})
        prose = doc.prose
        for pattern, problem in (
            (_SPACED, "a space between ] and ( breaks the link"),
            (_UNCLOSED, "the address is not closed with )"),
        ):
            for m in pattern.finditer(prose):
                block = doc.block_at(m.start())
                if block is not None and scope.block_ok(block):
                    yield Hit(m.start(), m.end(), values={"problem": problem})
