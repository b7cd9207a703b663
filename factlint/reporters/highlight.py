"""Escape a text and wrap spans of it in well-formed, possibly nested, ``<mark>`` elements.

Overlapping findings are the normal case (a doubled word inside a vague phrase, a loaded
verb inside a long sentence), so the rule is:

* spans that nest become nested marks: the longer span is the outer mark, and each
  finding is exactly one ``<mark>`` whose text is exactly its match;
* spans that cross (``[a b] c`` and ``b [c d]``) cannot nest in HTML, so the span that is
  open when another must close is **split**: it is closed and reopened, giving one mark
  per piece. Every piece carries the same finding number, so a finding's text is the
  concatenation, in document order, of the marks with its number;
* an empty span becomes an empty mark at its position.

Text is HTML-escaped; a carriage return becomes ``&#13;`` because an HTML parser turns a
literal CR LF into LF, and the page must keep the draft's text character for character.
"""

from __future__ import annotations

import html
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    key: int  # what the caller's tag function receives (the finding number)


def escape_text(text: str) -> str:
    return html.escape(text, quote=False).replace("\r", "&#13;")


def highlight(text: str, spans: list[Span], open_tag: Callable[[int, int], str]) -> str:
    """``text`` as HTML with each span marked. ``open_tag(key, part)`` returns the opening
    tag of a span's ``part``-th piece (0 for the first); every mark is closed with ``</mark>``."""
    size = len(text)
    spans = [Span(max(0, min(s.start, size)), max(0, min(s.end, size)), s.key) for s in spans]
    spans = [Span(s.start, max(s.start, s.end), s.key) for s in spans]
    starts: dict[int, list[Span]] = defaultdict(list)
    empties: dict[int, list[Span]] = defaultdict(list)
    bounds = {0, size}
    for s in spans:
        (empties if s.start == s.end else starts)[s.start].append(s)
        bounds.update((s.start, s.end))
    for group in starts.values():
        group.sort(key=lambda s: (-s.end, s.key))  # the longer span is the outer mark

    out: list[str] = []
    stack: list[Span] = []
    parts: dict[int, int] = {}
    pos = 0
    for point in sorted(bounds):
        out.append(escape_text(text[pos:point]))
        pos = point
        closing = sum(1 for s in stack if s.end == point)
        if closing:
            reopen: list[Span] = []
            while closing:
                top = stack.pop()
                out.append("</mark>")
                if top.end == point:
                    closing -= 1
                else:
                    reopen.append(top)
            for s in sorted(reopen, key=lambda s: (-s.end, s.key)):
                parts[s.key] = parts.get(s.key, 0) + 1
                out.append(open_tag(s.key, parts[s.key]))
                stack.append(s)
        for s in empties.get(point, ()):
            out.append(open_tag(s.key, 0) + "</mark>")
        for s in starts.get(point, ()):
            parts[s.key] = 0
            out.append(open_tag(s.key, 0))
            stack.append(s)
    out.append(escape_text(text[pos:]))
    return "".join(out)
