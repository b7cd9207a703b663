"""Where a fix may never go: a quotation's words, a bare web address, code.

A rule proposes a fix; this module decides, from the document alone, whether the
proposal may be offered at all. A quotation is the speaker's wording (a doubled word in
it is theirs, or the transcript's, and the desk checks it against the recording, not a
linter); a web address and code are not prose. Code never reaches the prose view, so it
cannot be matched; quotations and bare addresses can, and a hit that overlaps one keeps
its finding but loses its fix and suggestions. Spans are prose offsets (``Document.prose``).
"""
from __future__ import annotations

from .document.model import Document


def fix_allowed(doc: Document, start: int, end: int) -> bool:
    """False when the prose span ``[start, end)`` overlaps a quotation (marks included)
    or a bare web address."""
    return not (_in_quotation(doc, start, end) or _on_bare_address(doc, start, end))


def _in_quotation(doc: Document, start: int, end: int) -> bool:
    end = max(end, start + 1)  # an empty span (an insertion) still sits somewhere
    return any(q.start < end and start < q.end for q in doc.quotes)


def _on_bare_address(doc: Document, start: int, end: int) -> bool:
    for link in doc.links:
        if link.start < max(end, start + 1) and start < link.end and doc.prose[link.start:link.end] == link.url:
            return True
    return False
