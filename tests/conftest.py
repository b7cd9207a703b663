"""Shared test helpers: lint a draft with the built-in rules and look at the findings."""
from __future__ import annotations

import textwrap

import pytest

from factlint import lint_text, load_rules
from factlint.document import parse


@pytest.fixture(scope="session")
def builtin_rules():
    return load_rules()


def draft(text: str) -> str:
    """Dedent a triple-quoted draft and drop the first newline."""
    return textwrap.dedent(text).lstrip("\n")


def findings_of(text: str, path: str = "draft.md", rule: str | None = None, rules=None):
    """Findings for ``text`` (optionally only one rule's or family's)."""
    found = lint_text(text, path, rules)
    if rule is not None:
        found = [f for f in found if f.rule == rule or f.category == rule]
    return found


def positions(findings) -> list[tuple[int, int, str]]:
    """(line, column, match) of each finding: the shape most tests assert on."""
    return [(f.line, f.column, f.match) for f in findings]


def doc_of(text: str, path: str = "draft.md"):
    return parse(text, path)
