"""What an identified source is reported as saying, as spans, and span layers for lookups.

:func:`attributed_spans`: the contents of the attributions to an identified source -- a
named person, organisation or office -- made with a verb of saying or "according to", in
direct *or* indirect speech ("Feinberg said she meant to show that he is essentially a
fascist", "which he said had a terrible record"). The cue itself ("slammed", "insisted") is
the reporter's word and stays outside. A rule with the scope ``outside-attributed`` skips
these spans, as one with ``outside-name`` skips names (:mod:`.names`).

:class:`SpanLayer`: sorted, merged spans with a bisecting "is this span inside one?".
"""

from __future__ import annotations

from bisect import bisect_right

from .lexicons import REPORTING_VERBS, fold

#: Attributions whose content is the source's words, not the reporter's.
_IDENTIFIED = frozenset({"named-person", "named-organisation"})


def attributed_spans(prose: str, attributions) -> list[tuple[int, int]]:
    """The contents of the attributions to identified sources made by saying."""
    found = []
    for att in attributions:
        if att.kind not in _IDENTIFIED or att.content is None:
            continue
        cue = " ".join(fold(prose[att.cue[0] : att.cue[1]]).split())
        if att.form == "according" or (att.form == "verb" and cue in REPORTING_VERBS):
            found.append(att.content)
    return found


class SpanLayer:
    """Spans merged into disjoint runs, for "does this span lie inside one?"."""

    __slots__ = ("starts", "ends")

    def __init__(self, spans) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        for a, b in sorted((s[0], s[1]) for s in spans):
            if self.starts and a <= self.ends[-1]:
                self.ends[-1] = max(self.ends[-1], b)
            else:
                self.starts.append(a)
                self.ends.append(b)

    def covers(self, start: int, end: int) -> bool:
        i = bisect_right(self.starts, start) - 1
        return i >= 0 and end <= self.ends[i]
