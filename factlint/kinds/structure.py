"""``structure``: a named document check written in Python, parameterised from YAML."""

from __future__ import annotations

from ..checks import CHECKS
from ..schema import Field, Obj, Str, validate
from .base import CompileError, Rule, _line


class StructureRule(Rule):
    kind = "structure"
    SCOPES_ITSELF = True
    DESCRIPTION = "Run a named document check: " + ", ".join(sorted(CHECKS)) + "."
    FIELDS = {
        "check": Field(Str(enum=tuple(sorted(CHECKS))), required=True, description="Which check."),
        "options": Field(
            Obj(values=None, fields={k: v for c in CHECKS.values() for k, v in c.OPTIONS.items()}),
            description="Options of the check (see docs/rule-authoring.md).",
        ),
    }
    MESSAGE_KEYS = ("match", "suggestion", "line", "mark", "problem")

    def compile(self, spec, ctx):
        self.check_impl = CHECKS[spec["check"]]()
        self.options = dict(spec.get("options", {}))
        allowed = self.check_impl.OPTIONS
        for key in self.options:
            if key not in allowed:
                raise CompileError(
                    _line(spec, "options"),
                    f"options.{key}",
                    f"check '{spec['check']}' has no option '{key}'"
                    + (f" (it has: {', '.join(allowed)})" if allowed else " (it takes none)"),
                )
        problems = validate(Obj(fields=allowed), self.options, _line(spec, "options"), "options")
        if problems:
            p = problems[0]
            raise CompileError(p.line, p.key, p.message)

    def check(self, doc, run):
        for hit in self.check_impl.run(doc, self.options, self.scope):
            if hit.raw or self.scope.quote is None or self.scope.accepts(doc, hit.start, hit.end):
                yield hit
