"""``factlint test-rules``: every rule's examples are its tests.

A ``flag`` example must produce at least one finding of its rule -- and, when it pins its
words (``{text, match}``), exactly those findings: the rule's findings, in document order,
must report the ``match`` texts given. A ``pass`` example must produce none. ``todo``
examples are known misses and ``todo-pass`` examples known false alarms: they are reported
as todo, never as failures, until one is fixed -- then it fails, so that it is moved to
``flag`` or ``pass`` (like a strict expected failure). Examples are Markdown drafts. The
whole rule set lints each example once (rules are independent, so other rules cannot
change a rule's findings).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .document import parse
from .engine import lint_document
from .ruleset import RuleSet

#: The example lists, in the order they are run and reported.
EXAMPLE_KINDS = ("flag", "pass", "todo", "todo-pass")


@dataclass
class ExampleFailure:
    rule: str
    source: str
    line: int
    kind: str  # "flag", "pass", "todo" or "todo-pass"
    number: int
    text: str
    detail: str

    def __str__(self) -> str:
        excerpt = " ".join(self.text.split())
        if len(excerpt) > 100:
            excerpt = excerpt[:97] + "..."
        return f"{self.source}:{self.line}: {self.rule}: {self.kind} example {self.number} {self.detail}: {excerpt!r}"


@dataclass
class ExampleReport:
    """What ``test-rules`` found: examples run (todos too), failures, open todos."""

    count: int = 0
    failures: list[ExampleFailure] = field(default_factory=list)
    todos: list[ExampleFailure] = field(default_factory=list)


def run_examples(ruleset: RuleSet) -> tuple[int, list[ExampleFailure]]:
    """(number of examples run, failures)."""
    report = check_examples(ruleset)
    return report.count, report.failures


def _spans(findings) -> str:
    return ", ".join(f"{f.line}:{f.column} {f.match!r}" for f in findings)


def check_examples(ruleset: RuleSet) -> ExampleReport:
    """Run every rule's examples (see the module docstring)."""
    report = ExampleReport()
    cache: dict[str, list] = {}
    for rule in ruleset.rules:
        for kind in EXAMPLE_KINDS:
            texts = rule.examples.get(kind, ())
            pins = rule.example_pins.get(kind, [None] * len(texts))
            for i, (text, pin) in enumerate(zip(texts, pins), 1):
                if text not in cache:
                    cache[text] = lint_document(parse(text, "example.md", phrases=ruleset.index), ruleset).findings
                mine = [f for f in cache[text] if f.rule == rule.id]
                line = rule.example_lines.get(kind, [rule.line] * i)[i - 1] if rule.example_lines else rule.line

                report.count += 1

                def note(detail: str, into: list[ExampleFailure]) -> None:
                    into.append(ExampleFailure(rule.id, rule.source, line, kind, i, text, detail))  # noqa: B023

                if kind == "flag":
                    problem = _flag_problem(mine, pin)
                    if problem:
                        note(problem, report.failures)
                elif kind == "pass":
                    if mine:
                        note(f"was flagged at {_spans(mine[:3])}", report.failures)
                elif kind == "todo":
                    if problem := _flag_problem(mine, pin):
                        note(f"is a known miss ({problem})", report.todos)
                    else:
                        note(f"is now flagged at {_spans(mine[:3])}; move it to flag", report.failures)
                elif mine:  # todo-pass
                    note(f"is still flagged at {_spans(mine[:3])} (known false alarm)", report.todos)
                else:
                    note("is no longer flagged; move it to pass", report.failures)
    return report


def _flag_problem(mine: list, pin: tuple[str, ...] | None) -> str:
    """Why a flag example fails (empty: it passes)."""
    if pin is None:
        return "" if mine else "produced no finding"
    found = tuple(f.match for f in mine)
    if found == pin:
        return ""
    expected = ", ".join(repr(m) for m in pin)
    return f"expected {expected}, found {_spans(mine) if mine else 'no finding'}"
