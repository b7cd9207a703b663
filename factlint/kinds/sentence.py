"""``sentence``: flag a sentence that matches ``when`` unless ``unless`` holds nearby.

This is the shape of "a claim with no attribution" and "an anonymous source with no
reason given". ``when`` tests are all required; ``unless`` tests suppress the finding
if any holds in the sentence or within ``window`` sentences of it in the same block
(``window: paragraph`` means the whole block, cut short by ``window-breaks``: a sentence
opening with "Meanwhile" starts a new thread that earlier sources do not stand behind).

The ``attribution`` test reads the document's one attribution finder
(:mod:`factlint.document.attribution`): a kind name ("vague"), or a filter on the
attribution's kind, form, source head word, cue, reason for anonymity and whether the
source is only a reference back ("she", "the officials"). With ``report: attribution``
each matching attribution is reported, from its source to its cue.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from ..document.attribution import FORMS, KINDS, Attribution
from ..document.claims import CLAIM_TYPES, Claim
from ..document.lexicons import fold
from ..document.sourcekind import ANONYMITY_REASON
from ..finding import Hit
from ..schema import AnyOf, Bool, Field, ListOf, Num, Obj, Str
from .base import EXCEPTIONS_FIELD, TERM_FIELDS, CompileError, Rule, Terms, compile_exceptions, in_range

#: Kind names and the groups of kinds a rule may test.
ATTRIBUTION_GROUPS: dict[str, frozenset[str]] = {
    "any": frozenset(KINDS),
    "sourced": frozenset(KINDS) - {"unsourced"},
    "specific": frozenset({"named-person", "named-organisation"}),
    "unnamed": frozenset({"anonymous", "vague", "unsourced"}),
    **{kind: frozenset({kind}) for kind in KINDS},
}
ATTRIBUTION_TESTS = tuple(ATTRIBUTION_GROUPS)

_WORDS = ListOf(Str(), min_items=1, allow_single=True)
ATTRIBUTION_FILTER = Obj(
    fields={
        "kind": Field(
            ListOf(Str(enum=ATTRIBUTION_TESTS), min_items=1, allow_single=True),
            description="Kinds (or groups: any, sourced, specific, unnamed) to match.",
        ),
        "form": Field(
            ListOf(Str(enum=FORMS), min_items=1, allow_single=True),
            description="How the attribution is made: verb, according, report "
            "('reportedly', 'it is believed'), passive ('is described as'), label.",
        ),
        "head": Field(
            _WORDS,
            description="Only sources whose head word is one of these "
            "('@lexicon' allowed); attributions with no source pass.",
        ),
        "except-head": Field(_WORDS, description="Not sources whose head word is one of these."),
        "cue": Field(_WORDS, description="Only cues that read as one of these phrases."),
        "except-cue": Field(_WORDS, description="Not cues that read as one of these phrases."),
        "except-verb": Field(
            _WORDS,
            description="Not cues that end in one of these phrases, whatever auxiliaries and adverbs "
            "come before it ('decided to' excepts 'have decided to' and 'finally decided to').",
        ),
        "reason": Field(
            Bool(),
            description="A reason for anonymity is (true) or is not (false) given in the sentence or the next one.",
        ),
        "reference": Field(
            Bool(),
            description="The source is (true) or is not (false) only a reference "
            "back: a pronoun, 'who', 'the officials'.",
        ),
        "within": Field(
            ListOf(Str(enum=ATTRIBUTION_TESTS), min_items=1, allow_single=True),
            description="Only attributions with no source whose cue lies in the content of an "
            "attribution of these kinds in the same sentence ('It is believed …, "
            "police said': 'It is believed' is within a named-organisation).",
        ),
        "except-within": Field(
            ListOf(Str(enum=ATTRIBUTION_TESTS), min_items=1, allow_single=True),
            description="Not attributions whose cue lies in the content of an "
            "attribution of these kinds in the same sentence.",
        ),
        "message": Field(
            Str(),
            description="With `report: attribution`, the message for the "
            "attributions this filter matches (first filter that "
            "matches wins), instead of the rule's.",
        ),
    },
    description="A filter on the attributions of a sentence; all keys given must hold.",
)

CLAIM_FILTER = Obj(
    fields={
        "type": Field(
            ListOf(Str(enum=CLAIM_TYPES), min_items=1, allow_single=True),
            description="Claim types: figure, record, cause, state-of-mind, contested.",
        ),
        "sourced": Field(
            Bool(),
            description="Someone stands (true) or nobody stands (false) behind "
            "the claim: in its sentence, the two before it, a link, a poll.",
        ),
    },
    description="A filter on the check-worthy claims of a sentence (factlint/document/claims.py).",
)

CONDITION = Obj(
    fields={
        **TERM_FIELDS,
        "link": Field(Bool(), description="The sentence contains a link."),
        "quote": Field(Bool(), description="The sentence contains a direct quotation."),
        "attribution": Field(
            AnyOf(
                Str(enum=ATTRIBUTION_TESTS),
                ATTRIBUTION_FILTER,
                ListOf(ATTRIBUTION_FILTER, min_items=1),
                expected="a kind (any, sourced, specific, unnamed, named-person, named-organisation, "
                "anonymous, vague, unsourced), a filter mapping, or a list of filters",
            ),
            description="The sentence carries an attribution of this kind (sourced: a source, even a "
            "vague one; specific: a named person, organisation or office), or one that "
            "matches a filter (any of a list).",
        ),
        "anonymity-reason": Field(Bool(), description="The sentence gives a reason for anonymity."),
        "claim": Field(
            CLAIM_FILTER,
            description="The sentence makes a check-worthy claim that matches "
            "the filter (with `report: claim`, each is reported).",
        ),
    },
    description="Tests on a sentence; in `when` all must hold, in `unless` any one suppresses.",
)


class _AttributionFilter:
    """One compiled attribution filter."""

    def __init__(self, ctx, spec, rule_id: str) -> None:
        if isinstance(spec, str):
            spec = {"kind": spec}
        self.kinds = _kinds(spec.get("kind", "any"))
        self.within = _kinds(spec["within"]) if "within" in spec else None
        self.except_within = _kinds(spec["except-within"]) if "except-within" in spec else None
        forms = spec.get("form")
        self.forms = frozenset([forms] if isinstance(forms, str) else forms) if forms else None
        self.heads = self._words(ctx, spec, "head")
        self.except_heads = self._words(ctx, spec, "except-head")
        self.cues = self._words(ctx, spec, "cue")
        self.except_cues = self._words(ctx, spec, "except-cue")
        self.except_verbs = self._words(ctx, spec, "except-verb")
        self.reason = spec.get("reason")
        self.reference = spec.get("reference")
        self.message: str | None = spec.get("message")

    @staticmethod
    def _words(ctx, spec, key: str) -> frozenset[str] | None:
        if key not in spec:
            return None
        words = spec[key]
        words = [words] if isinstance(words, str) else words
        return frozenset(" ".join(fold(w).split()) for w in ctx.expand_words(words, spec, key))

    def matches(self, att: Attribution, prose: str) -> bool:
        if att.kind not in self.kinds or (self.forms is not None and att.form not in self.forms):
            return False
        if att.source is not None:
            if self.heads is not None and att.head not in self.heads:
                return False
            if self.except_heads is not None and att.head in self.except_heads:
                return False
        if self.cues is not None or self.except_cues is not None or self.except_verbs is not None:
            cue = " ".join(fold(prose[att.cue[0] : att.cue[1]]).split())
            if self.cues is not None and cue not in self.cues:
                return False
            if self.except_cues is not None and cue in self.except_cues:
                return False
            if self.except_verbs is not None and _ends_in(cue, self.except_verbs):
                return False
        if self.reason is not None and (att.reason is not None) != self.reason:
            return False
        if self.reference is not None and att.pronoun != self.reference:
            return False
        if self.within is not None and (att.within is None or att.within.kind not in self.within):
            return False
        if self.except_within is not None and att.within is not None and att.within.kind in self.except_within:
            return False
        return True


def _ends_in(cue: str, phrases: frozenset[str]) -> bool:
    """Does the cue end in one of the phrases, at a word boundary?"""
    words = cue.split(" ")
    return any(" ".join(words[i:]) in phrases for i in range(len(words)))


def _kinds(value) -> frozenset[str]:
    """The kinds named by a kind or group, or a list of them."""
    return frozenset().union(*(ATTRIBUTION_GROUPS[k] for k in ([value] if isinstance(value, str) else value)))


class _Condition:
    def __init__(self, ctx, spec: dict, rule_id: str) -> None:
        self.terms = Terms(ctx, spec, rule_id) if ("words" in spec or "patterns" in spec) else None
        self.link = spec.get("link")
        self.quote = spec.get("quote")
        attribution = spec.get("attribution")
        if attribution is None:
            self.filters = None
        else:
            items = attribution if isinstance(attribution, list) else [attribution]
            self.filters = [_AttributionFilter(ctx, item, rule_id) for item in items]
        self.reason = spec.get("anonymity-reason")
        claim = spec.get("claim")
        if claim is None:
            self.claim_types = None
        else:
            types = claim.get("type", list(CLAIM_TYPES))
            self.claim_types = frozenset([types] if isinstance(types, str) else types)
        self.claim_sourced = claim.get("sourced") if claim is not None else None

    def claims(self, doc, run, index: int) -> list[Claim]:
        """The sentence's claims that match this condition's claim filter."""
        assert self.claim_types is not None  # called only for a condition with a claim filter
        return [
            c
            for c in _claims_by_sentence(doc, run).get(index, ())
            if c.type in self.claim_types and (self.claim_sourced is None or c.sourced == self.claim_sourced)
        ]

    def term_hits(self, doc, run):
        return self.terms.find(doc, run) if self.terms else None

    def attributions(self, doc, run, index: int) -> list[Attribution]:
        """The sentence's attributions that match this condition's filters."""
        return [a for a, _ in self.matching(doc, run, index)]

    def matching(self, doc, run, index: int) -> list[tuple[Attribution, _AttributionFilter]]:
        """The sentence's attributions that match, each with the first filter it matches."""
        assert self.filters is not None  # called only for a condition with attribution filters
        prose = doc.prose
        found = []
        for a in _by_sentence(doc, run).get(index, ()):
            first = next((f for f in self.filters if f.matches(a, prose)), None)
            if first is not None:
                found.append((a, first))
        return found

    def holds(self, doc, run, index: int, want: bool) -> bool:
        """Does the condition hold for sentence ``index``? For ``when`` (want=True) every
        test must hold; for ``unless`` (want=False) any one test is enough."""
        s = doc.sentences[index]
        results = []
        if self.terms is not None:
            results.append(bool(in_range(self.terms.find(doc, run), s.start, s.end)))
        if self.link is not None:
            with_links = _sentences_with(doc, run, "links")
            if with_links is None:
                has = any(s.start <= link.start < s.end for link in doc.links)
            else:
                has = index in with_links
            results.append(has == self.link)
        if self.quote is not None:
            with_quotes = _sentences_with(doc, run, "quotes")
            if with_quotes is None:
                has = any(q.direct and q.start < s.end and s.start < q.end for q in doc.quotes)
            else:
                has = index in with_quotes
            results.append(has == self.quote)
        if self.filters is not None:
            results.append(bool(self.attributions(doc, run, index)))
        if self.reason is not None:
            results.append(bool(ANONYMITY_REASON.search(doc.prose, s.start, s.end)) == self.reason)
        if self.claim_types is not None:
            results.append(bool(self.claims(doc, run, index)))
        if not results:
            return want
        return all(results) if want else any(results)


def _sentences_with(doc, run, what: str) -> set[int] | None:
    """Indexes of the sentences that contain a link's start (``what="links"``) or overlap a
    direct quotation (``"quotes"``), found once per document by bisection instead of
    testing every link and quotation for every sentence; None if the sentences are not in
    order without overlaps (then the caller tests them one by one)."""
    return run.memo("sentences-with-" + what, lambda: _find_sentences_with(doc, what))


def _find_sentences_with(doc, what: str) -> set[int] | None:
    sentences = doc.sentences
    starts = [s.start for s in sentences]
    ends = [s.end for s in sentences]
    ordered = all(a < b for a, b in zip(starts, ends)) and all(b <= a for a, b in zip(starts[1:], ends))
    found: set[int] | None = None
    if ordered:
        found = set()
        if what == "links":
            for link in doc.links:
                i = bisect_right(starts, link.start) - 1
                if i >= 0 and link.start < ends[i]:
                    found.add(i)
        else:
            for q in doc.quotes:
                if not q.direct:
                    continue
                # every sentence with s.end > q.start and s.start < q.end
                found.update(range(bisect_right(ends, q.start), bisect_left(starts, q.end)))
    return found


def _by_sentence(doc, run) -> dict[int, list[Attribution]]:
    """The document's attributions (in the reporter's voice) by sentence index."""
    return run.memo("attributions-by-sentence", lambda: _group_by_sentence(doc.attributions))


def _group_by_sentence(atts: list[Attribution]) -> dict[int, list[Attribution]]:
    by_sentence: dict[int, list[Attribution]] = {}
    for att in atts:
        by_sentence.setdefault(att.sentence, []).append(att)
    return by_sentence


def _claims_by_sentence(doc, run) -> dict[int, list[Claim]]:
    def group() -> dict[int, list[Claim]]:
        by_sentence: dict[int, list[Claim]] = {}
        for claim in doc.claims:
            by_sentence.setdefault(claim.sentence, []).append(claim)
        return by_sentence

    return run.memo("claims-by-sentence", group)


def attribution_span(att: Attribution) -> tuple[int, int]:
    """From the source to the cue ("senior officials have acknowledged"), or the cue alone."""
    if att.source is None:
        return att.cue
    return (min(att.source[0], att.cue[0]), max(att.source[1], att.cue[1]))


class SentenceRule(Rule):
    kind = "sentence"
    SCOPES_ITSELF = True
    DESCRIPTION = "Flag sentences that match `when` unless `unless` holds in the sentence or its window."
    FIELDS = {
        "when": Field(CONDITION, required=True),
        "unless": Field(CONDITION),
        "window": Field(
            AnyOf(Num(minimum=0, integer=True), Str(enum=("paragraph",)), expected="a whole number or 'paragraph'"),
            description="Sentences before and after (in the same block) where `unless` "
            "is also tested: a number, or 'paragraph' (default 0).",
        ),
        "window-breaks": Field(
            ListOf(Str(), min_items=1),
            description="Words that, opening a sentence, start a new thread: the "
            "window does not reach across such a sentence ('Meanwhile').",
        ),
        "report": Field(
            Str(enum=("each", "first", "sentence", "attribution", "claim", "first-claim")),
            description="Report each match of `when` (default), only the first per "
            "sentence, the whole sentence, each matching attribution "
            "of `when` (from its source to its cue), each matching claim of "
            "`when`, or the first matching claim of each sentence.",
        ),
        "exceptions": EXCEPTIONS_FIELD,
    }

    def compile(self, spec, ctx):
        self.when = _Condition(ctx, spec["when"], self.id)
        self.unless = _Condition(ctx, spec["unless"], self.id) if "unless" in spec else None
        self._check_filter_messages(spec)
        window = str(spec.get("window", "0"))
        self.window = None if window == "paragraph" else int(window)
        self.breaks = tuple(" ".join(fold(w).split()) for w in spec.get("window-breaks", ()))
        self.report = spec.get("report", "each")
        self.exceptions = compile_exceptions(spec)

    def check(self, doc, run):
        if self.report == "attribution" and self.when.filters is not None:
            yield from self._check_attributions(doc, run)
            return
        if self.report in ("claim", "first-claim") and self.when.claim_types is not None:
            yield from self._check_claims(doc, run)
            return
        anchors = self.when.term_hits(doc, run)
        if anchors is not None:
            anchors = self.keep_after_exceptions(doc, anchors, self.exceptions)
            anchors = [a for a in anchors if self.scope.accepts(doc, a[0], a[1])]
            candidates = sorted({doc.sentence_index_at(a[0]) for a in anchors} - {-1})
        else:
            candidates = [i for i, s in enumerate(doc.sentences) if self.scope.block_ok(doc.blocks[s.block])]
        for index in candidates:
            if not self.when.holds(doc, run, index, want=True):
                continue
            if self.unless is not None and self._suppressed(doc, run, index):
                continue
            s = doc.sentences[index]
            if anchors is None or self.report in ("sentence", "attribution"):
                yield Hit(s.start, s.end, suggestions=self.suggest)
                continue
            mine = in_range(anchors, s.start, s.end)
            for start, end in mine[:1] if self.report == "first" else mine:
                yield Hit(start, end, suggestions=self.suggest)

    def _check_filter_messages(self, spec) -> None:
        """A filter's own message: only where each attribution is reported, and with the
        placeholders of any message."""
        for cond_key in ("when", "unless"):
            filters = spec.get(cond_key, {}).get("attribution")
            items = filters if isinstance(filters, list) else [filters]
            for item in items:
                if not isinstance(item, dict) or "message" not in item:
                    continue
                line = item.key_line("message") if hasattr(item, "key_line") else 1
                if cond_key == "unless" or spec.get("report") != "attribution":
                    raise CompileError(
                        line, "message", "a filter's message is used only in `when` with `report: attribution`"
                    )
                self.check_template(item["message"], line, "message")

    def _check_attributions(self, doc, run):
        """``report: attribution``: each attribution of a sentence that passes `when`."""
        for index in sorted(_by_sentence(doc, run)):
            if not self.scope.block_ok(doc.blocks[doc.sentences[index].block]):
                continue
            matching = self.when.matching(doc, run, index)
            if not matching or not self.when.holds(doc, run, index, want=True):
                continue
            if self.unless is not None and self._suppressed(doc, run, index):
                continue
            spans, sources, messages = [], set(), {}
            for att, matched in matching:
                if att.source is not None and att.source in sources:
                    continue  # "Diplomats expressed … and argued": one source, reported once
                sources.add(att.source)
                span = attribution_span(att)
                spans.append(span)
                messages.setdefault(span, matched.message)
            spans = [sp for sp in spans if self.scope.accepts(doc, sp[0], sp[1])]
            for start, end in self.keep_after_exceptions(doc, spans, self.exceptions):
                yield Hit(start, end, suggestions=self.suggest, message=messages.get((start, end)))

    def _check_claims(self, doc, run):
        """``report: claim``: each matching claim of a sentence that passes `when` (with
        ``first-claim``, the first of each sentence)."""
        for index in sorted(_claims_by_sentence(doc, run)):
            if not self.scope.block_ok(doc.blocks[doc.sentences[index].block]):
                continue
            claims = self.when.claims(doc, run, index)
            if not claims or not self.when.holds(doc, run, index, want=True):
                continue
            if self.unless is not None and self._suppressed(doc, run, index):
                continue
            spans = [(c.start, c.end) for c in claims if self.scope.accepts(doc, c.start, c.end)]
            spans = self.keep_after_exceptions(doc, spans, self.exceptions)
            for start, end in spans[:1] if self.report == "first-claim" else spans:
                yield Hit(start, end, suggestions=self.suggest)

    def _suppressed(self, doc, run, index: int) -> bool:
        block = doc.blocks[doc.sentences[index].block]
        if self.window is None:
            lo, hi = block.first_sentence, block.last_sentence - 1
        else:
            lo = max(block.first_sentence, index - self.window)
            hi = min(block.last_sentence - 1, index + self.window)
        if self.breaks:
            lo, hi = self._cut_at_breaks(doc, index, lo, hi)
        return any(self.unless.holds(doc, run, j, want=False) for j in range(lo, hi + 1))

    def _cut_at_breaks(self, doc, index: int, lo: int, hi: int) -> tuple[int, int]:
        start = index
        while start > lo and not self._opens_thread(doc, start):
            start -= 1
        end = index
        while end < hi and not self._opens_thread(doc, end + 1):
            end += 1
        return start, end

    def _opens_thread(self, doc, index: int) -> bool:
        s = doc.sentences[index]
        head = " ".join(fold(doc.prose[s.start : s.start + 40]).split())
        return any(head.startswith(b) and (len(head) == len(b) or not head[len(b)].isalnum()) for b in self.breaks)
