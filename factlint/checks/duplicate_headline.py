"""The headline repeated in the body, or two identical headings.

A site's layout prints the front-matter ``title`` itself, and many drafts also open with
the same ``# Heading`` (Jekyll's and Hugo's starter posts do): that first level-one
heading right after the front matter is the normal layout, not a duplicate. A second
copy after it, or a body line repeating the headline, still is.
"""

from __future__ import annotations

from ..finding import Hit
from ..schema import Bool, Field
from ._text import _ASCII_EDGE, normalised


class DuplicateHeadline:
    NAME = "duplicate-headline"
    DESCRIPTION = (
        "The headline repeated as the first line of the body (a front-matter title repeated by "
        "the body's first H1 is the normal layout), or (with headings: true) two identical headings."
    )
    OPTIONS = {"headings": Field(Bool(), description="Also report a heading identical to an earlier one.")}
    MESSAGE_KEYS = ("match", "line")

    def run(self, doc, options, scope):
        seen: dict[str, int] = {}
        headline = doc.headline
        if headline is not None and headline.pend > headline.pstart:
            seen[normalised(doc.block_text(headline))] = doc.lines.position(headline.start)[0]
        check_headings = options.get("headings", True)
        layout_h1 = _layout_heading(doc, headline)
        for block in doc.prose_blocks:
            if block is headline or block is layout_h1 or not scope.block_ok(block):
                continue
            sentences = doc.block_sentences(block)
            if not sentences:
                continue
            first = sentences[0]
            text = doc.prose[first.start : first.end]
            if block.kind != "heading" and _cannot_be_seen(text, seen):
                continue  # (most blocks of a story: no need to normalise them)
            key = normalised(text)
            if not key:
                continue
            if key in seen and (
                block.kind != "heading"
                or check_headings
                or (headline is not None and key == normalised(doc.block_text(headline)))
            ):
                yield Hit(first.start, first.end, values={"line": seen[key]})
            elif block.kind == "heading":
                seen.setdefault(key, doc.lines.position(block.start)[0])


def _cannot_be_seen(text: str, seen: dict[str, int]) -> bool:
    """Is it certain, without normalising it, that ``normalised(text)`` is none of ``seen``?
    For ASCII text the normalised form starts with the text's first character that is no
    space or punctuation, in lower case; a key with another first character cannot match."""
    if not text.isascii():
        return False
    first = text.lstrip(_ASCII_EDGE)[:1].lower()
    return not any(key.startswith(first) for key in seen) if first else False


def _layout_heading(doc, headline):
    """The body's first block when the headline comes from the front matter and that block
    is a level-one heading with the same words (the site's layout, not a slip), else None."""
    if headline is None:
        return None
    fm = next((b for b in doc.blocks if b.kind == "front-matter"), None)
    if fm is None or not fm.start <= headline.start < fm.end:
        return None
    first = next((b for b in doc.prose_blocks if b.kind not in ("headline", "dek")), None)
    if first is None or first.kind != "heading" or first.level != 1:
        return None
    return first if normalised(doc.block_text(first)) == normalised(doc.block_text(headline)) else None
