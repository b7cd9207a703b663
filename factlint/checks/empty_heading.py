"""A Markdown heading with no text: a bare ``###`` left as a section mark, or a heading
whose words were lost in editing.

In plain text a bare ``###`` is prose and the placeholder rule sees it; in Markdown the
parser turns it into an empty heading, which only the document structure shows.
"""

from __future__ import annotations

from ..finding import Hit
from ..schema import Field


class EmptyHeading:
    NAME = "empty-heading"
    DESCRIPTION = "A Markdown heading with no text (a bare '###')."
    OPTIONS: dict[str, Field] = {}
    MESSAGE_KEYS = ("match",)

    def run(self, doc, options, scope):
        if doc.format != "markdown":
            return
        for block in doc.blocks:
            if block.kind in ("heading", "headline") and block.pend <= block.pstart:
                if scope.kinds is None or block.kind in scope.kinds:
                    start, end = block.start, block.end
                    while end > start and doc.text[end - 1] in "\r\n \t":
                        end -= 1
                    yield Hit(start, end, raw=True)
