"""``consistency``: one spelling per document (Vale's "consistency").

Each group lists variants of one thing: ``[Zelensky, Zelenskyy, Zelenskiy]``,
``[U.S., US]``, or two aligned lexicons ``["@british-spellings", "@american-spellings"]``
(then a variant is any word of its lexicon, and the n-th word of one lexicon is the
n-th of the other). When a document uses more than one variant of a group, every use
of a variant other than the dominant one (most uses; on a tie, the first used) is
reported, with the dominant spelling as the suggestion.

``exceptions`` (regular expressions, as in ``phrase``) remove uses that are not the
name at all -- "US$" is a currency, "chicken Kiev" a dish -- before anything is counted,
so an exception never makes a spelling look dominant.
"""

from __future__ import annotations

from ..finding import Hit
from ..phrases import normalise_phrase
from ..schema import Field, ListOf, Str
from .base import EXCEPTIONS_FIELD, TERM_FIELDS, Rule, compile_exceptions, preserve_case


class ConsistencyRule(Rule):
    kind = "consistency"
    SCOPES_ITSELF = True
    DESCRIPTION = "Report spellings that differ from the one the document mostly uses."
    MESSAGE_KEYS = ("match", "suggestion", "other", "count")
    FIELDS = {
        "groups": Field(
            ListOf(ListOf(Str(), min_items=2), min_items=1),
            required=True,
            description="Groups of variant spellings; '@name' makes a lexicon one variant.",
        ),
        "case-sensitive": TERM_FIELDS["case-sensitive"],
        "exceptions": EXCEPTIONS_FIELD,
    }

    def compile(self, spec, ctx):
        cs = bool(spec.get("case-sensitive", False))
        self.case_sensitive = cs
        self.exceptions = compile_exceptions(spec)
        self.groups = []
        for group in spec["groups"]:
            variants = []
            for variant in group:
                words = ctx.expand_words([variant], spec, "groups")
                normal = [normalise_phrase(w, cs) for w in words]
                variants.append((variant, ctx.index.register(words, cs), normal))
            self.groups.append(variants)

    def check(self, doc, run):
        for variants in self.groups:
            found = [run.phrase_hits(key) for _, key, _ in variants]
            if sum(1 for hits in found if hits) < 2:
                continue  # scope and exceptions only remove uses: one variant at most
            uses = []
            for hits in found:
                hits = [h for h in hits if self.scope.accepts(doc, h[0], h[1])]
                hits = self.keep_after_exceptions(doc, hits, self.exceptions)
                uses.append(hits)
            present = [i for i, hits in enumerate(uses) if hits]
            if len(present) < 2:
                continue
            dominant = max(present, key=lambda i: (len(uses[i]), -uses[i][0][0]))
            first_dominant = doc.prose[uses[dominant][0][0] : uses[dominant][0][1]]
            for i in present:
                if i == dominant:
                    continue
                for start, end in uses[i]:
                    matched = doc.prose[start:end]
                    suggestion = self._counterpart(variants, i, dominant, matched) or first_dominant
                    yield Hit(
                        start,
                        end,
                        suggestions=(suggestion,),
                        values={"other": first_dominant, "count": len(uses[dominant])},
                    )

    def _counterpart(self, variants, i, dominant, matched) -> str | None:
        normal_i, normal_d = variants[i][2], variants[dominant][2]
        if len(normal_i) > 1 and len(normal_i) == len(normal_d):
            try:
                index = normal_i.index(normalise_phrase(matched, self.case_sensitive))
            except ValueError:
                return None
            return preserve_case(matched, normal_d[index])
        return None
