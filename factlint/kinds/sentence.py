"""``sentence``: flag a sentence that matches ``when`` unless ``unless`` holds nearby.

This is the shape of "a claim with no attribution" and "an anonymous source with no
reason given". ``when`` tests are all required; ``unless`` tests suppress the finding
if any holds in the sentence or within ``window`` sentences of it in the same block
(``window: paragraph`` means the whole block).
"""
from __future__ import annotations

from ..document.attribution import find_attributions
from ..schema import AnyOf, Bool, Field, Num, Obj, Str
from .base import EXCEPTIONS_FIELD, TERM_FIELDS, Hit, Rule, Terms, compile_exceptions, in_range

ATTRIBUTION_TESTS = ("any", "sourced", "specific", "vague", "anonymous", "unsourced")

CONDITION = Obj(
    fields={
        **TERM_FIELDS,
        "link": Field(Bool(), description="The sentence contains a link."),
        "quote": Field(Bool(), description="The sentence contains a direct quotation."),
        "attribution": Field(Str(enum=ATTRIBUTION_TESTS),
                             description="The sentence carries an attribution: any (even 'reportedly'), "
                                         "sourced (a source, even a vague one), specific (a named person, "
                                         "organisation or office), vague, anonymous, unsourced."),
        "anonymity-reason": Field(Bool(), description="The sentence gives a reason for anonymity."),
    },
    description="Tests on a sentence; in `when` all must hold, in `unless` any one suppresses.",
)


class _Condition:
    def __init__(self, ctx, spec: dict, rule_id: str) -> None:
        self.terms = Terms(ctx, spec, rule_id) if ("words" in spec or "patterns" in spec) else None
        self.link = spec.get("link")
        self.quote = spec.get("quote")
        self.attribution = spec.get("attribution")
        self.reason = spec.get("anonymity-reason")

    def term_hits(self, doc, run):
        return self.terms.find(doc, run) if self.terms else None

    def holds(self, doc, run, index: int, want: bool) -> bool:
        """Does the condition hold for sentence ``index``? For ``when`` (want=True) every
        test must hold; for ``unless`` (want=False) any one test is enough."""
        s = doc.sentences[index]
        results = []
        if self.terms is not None:
            results.append(bool(in_range(self.terms.find(doc, run), s.start, s.end)))
        if self.link is not None:
            has = any(s.start <= link.start < s.end for link in doc.links)
            results.append(has == self.link)
        if self.quote is not None:
            has = any(q.direct and q.start < s.end and s.start < q.end for q in doc.quotes)
            results.append(has == self.quote)
        if self.attribution is not None:
            results.append(_has_attribution(doc, index, self.attribution))
        if self.reason is not None:
            from ..document.sourcekind import ANONYMITY_REASON as _ANONYMITY_REASON

            results.append(bool(_ANONYMITY_REASON.search(doc.prose, s.start, s.end)) == self.reason)
        if not results:
            return want
        return all(results) if want else any(results)


def _has_attribution(doc, index: int, test: str) -> bool:
    by_sentence = doc._cache.get("attributions_by_sentence")
    if by_sentence is None:
        by_sentence = {}
        for att in find_attributions(doc):
            by_sentence.setdefault(att.sentence, []).append(att)
        doc._cache["attributions_by_sentence"] = by_sentence
    atts = by_sentence.get(index, ())
    if test == "any":
        return bool(atts)
    if test == "sourced":
        return any(a.has_source for a in atts)
    if test == "specific":
        return any(a.is_specific for a in atts)
    return any(a.kind == test for a in atts)


class SentenceRule(Rule):
    kind = "sentence"
    SCOPES_ITSELF = True
    DESCRIPTION = "Flag sentences that match `when` unless `unless` holds in the sentence or its window."
    FIELDS = {
        "when": Field(CONDITION, required=True),
        "unless": Field(CONDITION),
        "window": Field(AnyOf(Num(minimum=0, integer=True), Str(enum=("paragraph",)),
                              expected="a whole number or 'paragraph'"),
                        description="Sentences before and after (in the same block) where `unless` "
                                    "is also tested: a number, or 'paragraph' (default 0)."),
        "report": Field(Str(enum=("each", "first", "sentence")),
                        description="Report each match of `when` (default), only the first per "
                                    "sentence, or the whole sentence."),
        "exceptions": EXCEPTIONS_FIELD,
    }

    def compile(self, spec, ctx):
        self.when = _Condition(ctx, spec["when"], self.id)
        self.unless = _Condition(ctx, spec["unless"], self.id) if "unless" in spec else None
        window = str(spec.get("window", "0"))
        self.window = None if window == "paragraph" else int(window)
        self.report = spec.get("report", "each")
        self.exceptions = compile_exceptions(spec)

    def check(self, doc, run):
        anchors = self.when.term_hits(doc, run)
        if anchors is not None:
            anchors = self.keep_after_exceptions(doc, anchors, self.exceptions)
            anchors = [a for a in anchors if self.scope.accepts(doc, a[0], a[1])]
            candidates = sorted({doc.sentence_index_at(a[0]) for a in anchors} - {-1})
        else:
            candidates = [i for i, s in enumerate(doc.sentences)
                          if self.scope.block_ok(doc.blocks[s.block])]
        for index in candidates:
            if not self.when.holds(doc, run, index, want=True):
                continue
            if self.unless is not None and self._suppressed(doc, run, index):
                continue
            s = doc.sentences[index]
            if anchors is None or self.report == "sentence":
                yield Hit(s.start, s.end, suggestions=self.suggest)
                continue
            mine = in_range(anchors, s.start, s.end)
            for start, end in (mine[:1] if self.report == "first" else mine):
                yield Hit(start, end, suggestions=self.suggest)

    def _suppressed(self, doc, run, index: int) -> bool:
        block = doc.blocks[doc.sentences[index].block]
        if self.window is None:
            lo, hi = block.first_sentence, block.last_sentence - 1
        else:
            lo = max(block.first_sentence, index - self.window)
            hi = min(block.last_sentence - 1, index + self.window)
        return any(self.unless.holds(doc, run, j, want=False) for j in range(lo, hi + 1))
