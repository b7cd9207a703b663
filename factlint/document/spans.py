"""Two span layers a word rule can stay out of: names, and what a named source is reported as saying.

- :func:`in_name`: inside a name or fixed term (:mod:`.names`): scope ``outside-name``.
- :func:`in_attributed`: inside the content of an attribution to an identified source -- a
  named person, organisation or office -- made with a verb of saying or "according to", in
  direct *or* indirect speech ("Feinberg said she meant to show that he is essentially a
  fascist", "which he said had a terrible record"): scope ``outside-attributed``. The cue
  itself ("slammed", "insisted") is the reporter's word and stays outside.

Both are built once per document, on first use, from the attributions the document already
has; a lookup is a bisection.
"""
from __future__ import annotations

from bisect import bisect_right

from .attribution import find_attributions
from .lexicons import REPORTING_VERBS, fold
from .names import find_names

#: Attributions whose content is the source's words, not the reporter's.
_IDENTIFIED = frozenset({"named-person", "named-organisation"})


def _outer(spans: list[tuple[int, int]]) -> tuple[list[int], list[int]]:
    """Sorted, merged spans as (starts, ends)."""
    starts: list[int] = []
    ends: list[int] = []
    for a, b in sorted(spans):
        if starts and a <= ends[-1]:
            ends[-1] = max(ends[-1], b)
        else:
            starts.append(a)
            ends.append(b)
    return starts, ends


def _inside(layer: tuple[list[int], list[int]], start: int, end: int) -> bool:
    starts, ends = layer
    i = bisect_right(starts, start) - 1
    return i >= 0 and end <= ends[i]


def name_spans(doc) -> list[tuple[int, int, str]]:
    found = doc._cache.get("names")
    if found is None:
        found = doc._cache["names"] = find_names(doc.prose, find_attributions(doc))
    return found


def in_name(doc, start: int, end: int) -> bool:
    """The prose span lies inside a name or fixed term."""
    layer = doc._cache.get("names-layer")
    if layer is None:
        layer = doc._cache["names-layer"] = _outer([(a, b) for a, b, _ in name_spans(doc)])
    return _inside(layer, start, end)


def attributed_spans(doc) -> list[tuple[int, int]]:
    """The contents of the attributions to identified sources made by saying."""
    found = doc._cache.get("attributed")
    if found is None:
        prose = doc.prose
        found = []
        for att in find_attributions(doc):
            if att.kind not in _IDENTIFIED or att.content is None:
                continue
            cue = " ".join(fold(prose[att.cue[0]:att.cue[1]]).split())
            if att.form == "according" or (att.form == "verb" and cue in REPORTING_VERBS):
                found.append(att.content)
        doc._cache["attributed"] = found
    return found


def in_attributed(doc, start: int, end: int) -> bool:
    """The prose span lies inside what an identified source is reported as saying."""
    layer = doc._cache.get("attributed-layer")
    if layer is None:
        layer = doc._cache["attributed-layer"] = _outer(attributed_spans(doc))
    return _inside(layer, start, end)
