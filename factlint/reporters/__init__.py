"""Reporters turn findings into output; each is small and separate."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..finding import Finding

if TYPE_CHECKING:  # annotations only: a reporter never loads rules
    from ..kinds.base import Rule
    from ..ruleset import RuleSet


@dataclass
class Report:
    """Everything a reporter may need about one run."""

    findings: list[Finding]
    files: int = 0
    errors: int = 0
    ruleset: RuleSet | None = None
    color: bool = False
    show_source: bool = False
    texts: dict[str, str] = field(default_factory=dict)  # path -> text, for source lines
    inventories: dict[str, dict] = field(default_factory=dict)  # path -> source inventory (`factlint sources`)
    paths: list[str] = field(default_factory=list)  # every file linted (JUnit lists clean ones too)
    rules: dict[str, Rule] = field(default_factory=dict)  # rule id -> rule, every rule that ran
    problems: list[str] = field(default_factory=list)  # unreadable files and other errors

    def rule_info(self, rule_id: str):
        """The rule behind an id: from the run, else from the rule set (None if unknown)."""
        rule = self.rules.get(rule_id)
        if rule is None and self.ruleset is not None:
            rule = self.ruleset.get(rule_id)
        return rule


def get_reporter(name: str):
    from importlib import import_module

    return import_module(f".{_MODULES[name]}", __name__).render


def get_chunks(name: str) -> Callable[[Report], Iterator[str]]:
    """The reporter as pieces of its output: ``chunks(report)`` where the module writes a
    finding at a time (a report of many findings is never one string), else its whole
    output as one piece. Either way the pieces join into ``render(report)``."""
    from importlib import import_module

    module = import_module(f".{_MODULES[name]}", __name__)
    chunks = getattr(module, "chunks", None)
    if chunks is not None:
        return chunks
    render = module.render
    return lambda report: iter((render(report),))


#: format name -> reporter module (each has ``render(report) -> str``; those that can
#: write a finding at a time also ``chunks(report)``, yielding pieces of the same text)
_MODULES = {
    "text": "text",
    "json": "json",
    "grouped": "grouped",
    "sarif": "sarif",
    "github": "github",
    "junit": "junit",
    "html": "html",
}
FORMATS = tuple(_MODULES)
#: Formats that show each file's text, so the runner must keep it (CheckOptions.keep_texts).
NEEDS_TEXTS = ("html",)
#: Formats that show each file's source inventory (CheckOptions.keep_inventories).
NEEDS_INVENTORIES = ("html",)
