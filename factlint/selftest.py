"""``factlint test-rules``: every rule's examples are its tests.

A ``flag`` example must produce at least one finding of its rule; a ``pass`` example
must produce none. Examples are Markdown drafts. The whole rule set lints each example
once (rules are independent, so other rules cannot change a rule's findings).
"""

from __future__ import annotations

from dataclasses import dataclass

from .document import parse
from .engine import lint_document
from .ruleset import RuleSet


@dataclass
class ExampleFailure:
    rule: str
    source: str
    line: int
    kind: str  # "flag" or "pass"
    number: int
    text: str
    detail: str

    def __str__(self) -> str:
        excerpt = " ".join(self.text.split())
        if len(excerpt) > 100:
            excerpt = excerpt[:97] + "..."
        return f"{self.source}:{self.line}: {self.rule}: {self.kind} example {self.number} {self.detail}: {excerpt!r}"


def run_examples(ruleset: RuleSet) -> tuple[int, list[ExampleFailure]]:
    """(number of examples run, failures)."""
    failures: list[ExampleFailure] = []
    count = 0
    cache: dict[str, list] = {}
    for rule in ruleset.rules:
        for kind in ("flag", "pass"):
            for i, text in enumerate(rule.examples.get(kind, ()), 1):
                count += 1
                if text not in cache:
                    cache[text] = lint_document(parse(text, "example.md", phrases=ruleset.index), ruleset).findings
                mine = [f for f in cache[text] if f.rule == rule.id]
                line = rule.example_lines.get(kind, [rule.line] * i)[i - 1] if rule.example_lines else rule.line
                if kind == "flag" and not mine:
                    failures.append(ExampleFailure(rule.id, rule.source, line, kind, i, text, "produced no finding"))
                elif kind == "pass" and mine:
                    where = ", ".join(f"{f.line}:{f.column} {f.match!r}" for f in mine[:3])
                    failures.append(
                        ExampleFailure(rule.id, rule.source, line, kind, i, text, f"was flagged at {where}")
                    )
    return count, failures
