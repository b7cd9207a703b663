"""Hits and findings: what a rule or a check finds (:class:`Hit`, in the document's
coordinates) and what factlint reports (:class:`Finding`, with lines, columns and a
message). Plain, picklable objects; this module imports nothing of factlint, so rule
kinds, checks, the engine and the reporters all stand on it."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

SEVERITIES = ("info", "warning", "error")
SEVERITY_RANK = {name: rank for rank, name in enumerate(SEVERITIES)}
#: ``--fail-on`` / ``fail-on``: exit 1 when a shown finding is at least this severe; ``never``
#: reports everything and always exits 0 for findings. The default blocks on errors only, as
#: Vale does: warnings are shown and counted but do not fail a commit or a CI job.
FAIL_ON_LEVELS = SEVERITIES + ("never",)
FAIL_ON_RANK = {**SEVERITY_RANK, "never": len(SEVERITIES)}
DEFAULT_FAIL_ON = "error"


@dataclass(slots=True)
class Hit:
    """A match found by a rule, in prose offsets unless ``raw`` is set."""

    start: int
    end: int
    suggestions: tuple[str, ...] = ()
    values: dict[str, Any] | None = None  # extra message placeholders
    fix: str | None = None  # replacement for the matched span
    fix_safe: bool = False
    raw: bool = False  # offsets are raw-text offsets, and the rule applied its scope itself
    message: str | None = None  # a message template that replaces the rule's for this hit


@dataclass(slots=True, frozen=True)
class Fix:
    """Replace ``text[offset:end_offset]`` with ``replacement``; ``safe`` fixes apply with --fix."""

    offset: int
    end_offset: int
    replacement: str
    safe: bool = False


@dataclass(slots=True)
class Finding:
    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    offset: int
    end_offset: int
    rule: str
    category: str
    severity: str
    message: str
    match: str
    suggestions: list[str] = field(default_factory=list)
    fix: Fix | None = None
    #: set by the check pipeline: rule + match + sentence, for baselines and SARIF
    fingerprint: str = ""

    def to_dict(self) -> dict:
        """The JSON contract (docs/json-output.md): exactly these keys, in this order."""
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "offset": self.offset,
            "end_offset": self.end_offset,
            "rule": self.rule,
            "category": self.category,
            "severity": self.severity,
            "message": self.message,
            "match": self.match,
            "suggestions": list(self.suggestions),
        }

    @property
    def sort_key(self) -> tuple:
        return (self.path, self.offset, self.end_offset, self.rule)
