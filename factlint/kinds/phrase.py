"""``phrase``: report every occurrence of listed words or patterns (Vale's "existence")."""

from __future__ import annotations

from ..finding import Hit
from .base import EXCEPTIONS_FIELD, TERM_FIELDS, Rule, Terms, compile_exceptions


class PhraseRule(Rule):
    kind = "phrase"
    DESCRIPTION = "Report each occurrence of the listed words or regular expressions."
    FIELDS = {**TERM_FIELDS, "exceptions": EXCEPTIONS_FIELD}
    AT_LEAST_ONE_OF = ("words", "patterns")

    def compile(self, spec, ctx):
        self.terms = Terms(ctx, spec, self.id)
        self.exceptions = compile_exceptions(spec)

    def check(self, doc, run):
        hits = self.keep_after_exceptions(doc, self.terms.find(doc, run), self.exceptions)
        for start, end in hits:
            yield Hit(start, end, suggestions=self.suggest)
