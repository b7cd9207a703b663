"""``substitute``: a word and what to write instead (Vale's "substitution"), optionally fixable."""

from __future__ import annotations

from ..finding import Hit
from ..phrases import normalise_phrase
from ..schema import Bool, Field, ListOf, Obj, Str
from .base import EXCEPTIONS_FIELD, Rule, compile_exceptions, preserve_case


class SubstituteRule(Rule):
    kind = "substitute"
    DESCRIPTION = "Report listed words and suggest a replacement for each; a fix can apply it."
    FIELDS = {
        "swap": Field(
            Obj(values=ListOf(Str(), min_items=1, allow_single=True)),
            required=True,
            description="Mapping of word or phrase -> replacement (or list of replacements).",
        ),
        "fix": Field(
            Str(enum=("none", "safe", "unsafe")),
            description="Whether --fix may apply the first replacement: safe (with --fix), "
            "unsafe (only with --unsafe-fixes) or none (default).",
        ),
        "case-sensitive": Field(Bool(), description="Match case-sensitively (default false)."),
        "exceptions": EXCEPTIONS_FIELD,
    }

    def compile(self, spec, ctx):
        self.case_sensitive = bool(spec.get("case-sensitive", False))
        self.replacements: dict[str, tuple[str, ...]] = {}
        for bad, good in spec["swap"].items():
            goods = (good,) if isinstance(good, str) else tuple(good)
            self.replacements[normalise_phrase(str(bad), self.case_sensitive)] = goods
        self.key = ctx.index.register([str(k) for k in spec["swap"]], self.case_sensitive)
        self.fix_mode = spec.get("fix", "none")
        self.exceptions = compile_exceptions(spec)

    def check(self, doc, run):
        hits = self.keep_after_exceptions(doc, run.phrase_hits(self.key), self.exceptions)
        for start, end in hits:
            matched = doc.prose[start:end]
            goods = self.replacements.get(normalise_phrase(matched, self.case_sensitive), ())
            suggestions = tuple(preserve_case(matched, g) for g in goods) or self.suggest
            fix = suggestions[0] if suggestions and self.fix_mode != "none" else None
            yield Hit(start, end, suggestions=suggestions, fix=fix, fix_safe=self.fix_mode == "safe")
