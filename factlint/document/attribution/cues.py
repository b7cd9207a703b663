"""The cue scan: the finder's cue lists in one phrase index (its own, or a rule set's),
the patterns for labels and polls, and the candidates of a document in reading order,
each sent to the method of its form (:mod:`.forms`, :mod:`.verbs`)."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from functools import lru_cache

import regex

from ...phrases import PhraseIndex
from ..lazypattern import LazyPattern
from ..lexicons import (
    ACTION_VERBS,
    GENERIC_SOURCE_HEADS,
    NOMINAL_CUES,
    PASSIVE_CUES,
    REPORTING_VERBS,
    SOURCELESS_CUES,
    STANCE_ADJECTIVES,
    STANCE_NOUNS,
    STANCE_VERBS,
)
from .record import Attribution
from .state import FinderState
from .tokens import _TOK_START, Tok, _word_end, tokenize
from .words import CONSENSUS_CUES, IMPRESSION_VERBS, POLL_NOUNS

#: How far before an attitude adjective a linking verb is looked for ("are deeply skeptical"),
#: in characters: a few adverbs' worth.
LINK_BEFORE_WINDOW = 40
#: How far after a generic group its verb is looked for ("officials in the ministry have"),
#: in characters: a short place or qualifier and the auxiliary.
VERB_AFTER_WINDOW = 80
#: How far before "poll" or "survey" its "in" is looked for ("in a CBS News/ORC poll"), in
#: characters: a determiner and up to five words of the poll's name.
POLL_WINDOW = 60


class CueIndex:
    """The cue phrases in one index, with the id of each group. A plain class with slots:
    as a frozen dataclass its generated methods cost about 2 ms at every import."""

    __slots__ = (
        "index",
        "verb",
        "report",
        "passive",
        "poll",
        "attitude",
        "nominal",
        "group",
        "impression",
        "stance_noun",
        "consensus",
    )

    def __init__(
        self,
        index: PhraseIndex,
        verb: int,
        report: int,
        passive: int,
        poll: int,
        attitude: int,
        nominal: int,
        group: int,
        impression: int,
        stance_noun: int,
        consensus: int,
    ) -> None:
        self.index, self.verb, self.report, self.passive, self.poll = index, verb, report, passive, poll
        self.attitude, self.nominal, self.group, self.impression = attitude, nominal, group, impression
        self.stance_noun, self.consensus = stance_noun, consensus


@lru_cache(maxsize=1)
def default_cue_index() -> CueIndex:
    """The finder's own index of the cue lists, for a document parsed without a rule set."""
    index = PhraseIndex()
    cues = register_cues(index)
    index.freeze()
    return cues


def register_cues(index: PhraseIndex) -> CueIndex:
    """The cue lists, registered in ``index`` (the finder's own, or a rule set's: then the
    finder reads the rules' one scan of a document parsed with it: ``build.parse``'s
    ``phrases``, whose ``cues`` this is); the caller freezes it."""
    impression = index.register(sorted(IMPRESSION_VERBS))
    verb = index.register(sorted(REPORTING_VERBS | STANCE_VERBS | ACTION_VERBS))
    report = index.register(sorted(SOURCELESS_CUES))
    passive = index.register(list(PASSIVE_CUES))
    poll = index.register(list(POLL_NOUNS))
    attitude = index.register(sorted(STANCE_ADJECTIVES))
    nominal = index.register(sorted(NOMINAL_CUES))
    group = index.register(sorted(GENERIC_SOURCE_HEADS))
    stance_noun = index.register(sorted(STANCE_NOUNS))
    consensus = index.register(list(CONSENSUS_CUES))
    return CueIndex(index, verb, report, passive, poll, attitude, nominal, group, impression, stance_noun, consensus)


#: "in" before a poll: "in the latest polls", "in a CBS News/ORC poll last week".
_IN_POLL = LazyPattern(
    r"\b([Ii]n)\s+(?:(?:the|a|an|our|their|its|this|that|these)\s+)?[^\s.,;:!?]+(?:\s+[^\s.,;:!?]+){0,4}\s*\Z"
)
#: A speaker's label: "TAPPER: …" in a transcript, "Trump: My plans aren't set" in a headline.
#: Up to four capitalised words at the start of a paragraph or sentence, then a colon.
_LABEL = LazyPattern(
    r"(?:(?<=\A)|(?<=\n\n)|(?<=[.?!][\"”’']?\s))"
    r"(\p{Lu}[\p{L}.'’-]*(?:\s(?:\p{Lu}[\p{L}.'’-]*|of|on|the|de|van|von)){0,4}):(?=\s)"
)
#: A title line's label may hold more than names: "Clinton camp: …", "Former AG Jane Roe at
#: the convention: …" (checked by the same label rules: at most eight words, a source).
_TITLE_LABEL = LazyPattern(r"\A(\p{Lu}[^\n:.?!“”\"]{0,60}?):(?=\s)")

#: Pre-checks (one regex call per hit): a linking verb before an attitude adjective; an
#: auxiliary or a past tense after a group ("officials have …", "experts warned").
_LINK_BEFORE = LazyPattern(
    r"\b(?:is|are|was|were|be|been|being|remains?|remained|grew|grown|grows?|appears?|"
    r"appeared|seems?|seemed|feels?|felt|became|become)\b[\w\s’'-]{0,30}\Z",
    regex.IGNORECASE,
)
_VERB_AFTER = LazyPattern(
    r"(?:\s+(?:in|at|from|inside|within|on|familiar|close|to)\b[^.,;:!?]{0,60}?)?"
    r"(?:\s+(?:not|also|still|now|\w+ly))*\s+(?:\w+ed|has|have|had|will|would|could|can|may|"
    r"might|must|should|shall|did|do|does|is|are|was|were|'ve|’ve)\b",
    regex.IGNORECASE,
)


class CueScan(FinderState):
    """The finder's cue scan (a part of :class:`.passes.Finder`): the candidates of a
    document, the tokens of the current sentence, and the dispatch of a cue to its form."""

    def _candidates(self) -> list[tuple[int, int, str]]:
        """Every cue candidate ``(start, end, form)`` of the document, in reading order
        (the longer first at one start), from the phrase hits of ``self.cues``."""
        idx, hits = self.cues, self.hits
        candidates = [(s, e, "report") for s, e in hits.get(idx.report, ())]
        candidates += [(s, e, "passive") for s, e in hits.get(idx.passive, ())]
        candidates += [(s, e, "verb") for s, e in hits.get(idx.verb, ())]
        candidates += [(s, e, "consensus") for s, e in hits.get(idx.consensus, ())]
        candidates += [(m.end(1), m.end(), "label") for m in _LABEL.finditer(self.prose)]
        candidates += [(m.end(1), m.end(), "label") for m in _TITLE_LABEL.finditer(self.prose)]
        candidates += self._in_polls(hits.get(idx.poll, ()))
        prose = self.prose
        # cheap checks on the characters around a hit before any sentence is tokenized
        candidates += [
            (s, e, "attitude")
            for s, e in hits.get(idx.attitude, ())
            if _LINK_BEFORE.search(prose, max(0, s - LINK_BEFORE_WINDOW), s)
        ]
        candidates += [
            (s, e, "nominal")
            for s, e in hits.get(idx.nominal, ())
            if s > 2 and prose[s - 1] == " " and prose[s - 3 : s - 1] in ("'s", "’s", "s'", "s’")
        ]
        candidates += [
            (s, e, "group")
            for s, e in hits.get(idx.group, ())
            if _VERB_AFTER.match(prose, e, min(len(prose), e + VERB_AFTER_WINDOW))
        ]
        candidates += [(s, e, "impression") for s, e in hits.get(idx.impression, ())]
        # the noun alone is the cue: "criticism" of "criticism of the plan"
        candidates += [(s, _word_end(prose, s, e), "stance-noun") for s, e in hits.get(idx.stance_noun, ())]
        candidates.sort(key=lambda c: (c[0], -c[1]))
        return candidates

    def _quoted(self, p: int) -> bool:
        """Inside a closed (or continued) direct quotation? An unclosed one is more often a
        slip than a quotation running to the end of the paragraph."""
        if self._quote_spans is None:
            spans = sorted(
                (q.inner_start, q.inner_end) for q in self.doc.quotes if q.direct and (q.closed or q.continued)
            )
            self._quote_spans = spans
            self._quote_starts = [a for a, _ in spans]
        i = bisect_right(self._quote_starts, p) - 1
        while i >= 0:
            a, b = self._quote_spans[i]
            if a <= p < b:
                return True
            if b <= p and i > 0 and self._quote_spans[i - 1][1] <= p:
                return False
            i -= 1
        return False

    def _in_polls(self, polls) -> list[tuple[int, int, str]]:
        """ "Clinton led by 10 points in a CBS News poll": "in" is the cue, the poll the source."""
        out = []
        prose = self.prose
        for start, _end in polls:
            window = prose[max(0, start - POLL_WINDOW) : start]
            m = _IN_POLL.search(window)
            if m:
                cue = start - len(window) + m.start(1)
                out.append((cue, cue + 2, "poll"))
        return out

    def _toks(self, si: int) -> list[Tok]:
        """The tokens of sentence ``si``; cues come in reading order, so each sentence is
        tokenized once and only the current sentence's tokens are kept (a long document does
        not pile up token objects)."""
        if self._tok_sentence != si:
            s = self.doc.sentences[si]
            self._tok_list = tokenize(self.prose, s.start, s.end)
            self._tok_sentence = si
        return self._tok_list

    def _attribution(self, si: int, start: int, end: int, form: str) -> Attribution | None:
        toks = self._toks(si)
        ci = bisect_left(toks, start, key=_TOK_START)  # no list of starts: a few key calls
        cj = bisect_left(toks, end, key=_TOK_START) - 1
        if ci >= len(toks) or toks[ci].start != start or cj < ci or toks[cj].end != end:
            return None  # a cue inside a longer word ("tweet-id")
        if form == "report":
            return self._report(si, toks, ci, cj)
        if form == "passive":
            return self._passive(si, toks, ci, cj) or self._verb_at_same_place(si, toks, ci)
        if form == "label":
            return self._label(si, toks, ci)
        if form == "poll":
            return self._poll(si, toks, ci)
        if form == "attitude":
            return self._attitude(si, toks, ci)
        if form == "nominal":
            return self._nominal(si, toks, ci)
        if form == "group":
            return self._group_predicate(si, toks, ci)
        if form == "impression":
            return self._impression(si, toks, ci)
        if form == "consensus":
            return self._consensus(si, toks, ci, cj)
        if form == "stance-noun":
            return self._stance_noun(si, toks, ci)
        return self._verb(si, toks, ci, cj)
