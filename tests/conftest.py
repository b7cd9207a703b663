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


# -- running the command line -------------------------------------------------------

def fresh_finder(doc):
    """A new run of the attribution finder over a parsed document, with its own cue index
    (as ``parse`` without a rule set does it)."""
    from factlint.document.attribution import Finder, default_cue_index

    cues = default_cue_index()
    return Finder(doc, cues, cues.index.scan(doc.prose))


import contextlib
import os
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


@dataclass
class Run:
    code: int
    out: str
    err: str


@contextlib.contextmanager
def chdir(path):
    old = os.getcwd()
    os.chdir(path)
    try:
        yield
    finally:
        os.chdir(old)


def factlint(*args: str, cwd=None, stdin: str | bytes | None = None) -> Run:
    """Run the ``factlint`` command in-process (exceptions propagate: no traceback may escape)."""
    from click.testing import CliRunner

    from factlint.cli import main

    runner = CliRunner()
    with chdir(cwd or os.getcwd()):
        result = runner.invoke(main, [str(a) for a in args], input=stdin, catch_exceptions=False)
    return Run(result.exit_code, result.stdout, result.stderr)


def write(root: Path, relpath: str, text: str) -> Path:
    """Write ``text`` (dedented) to ``root/relpath``, creating folders; return the path."""
    path = Path(root) / relpath
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(draft(text), encoding="utf-8")
    return path


def rules_of(out: str) -> list[str]:
    """The rule of each finding line of text output (path:line:col: severity rule message)."""
    found = []
    for line in out.splitlines():
        parts = line.split(" ")
        if len(parts) >= 3 and parts[0].count(":") >= 3 and parts[1] in ("error", "warning", "info"):
            found.append(parts[2])
    return found


def locations(out: str) -> list[tuple[str, int, str]]:
    """(path, line, rule) of each finding line of text output."""
    found = []
    for line in out.splitlines():
        parts = line.split(" ")
        if len(parts) >= 3 and parts[0].count(":") >= 3 and parts[1] in ("error", "warning", "info"):
            path, line_no, _col, _ = parts[0].rsplit(":", 3)
            found.append((path, int(line_no), parts[2]))
    return found


def readme_snippet(name: str) -> str:
    """The fenced code block that follows ``<!-- snippet: NAME -->`` in README.md."""
    import re

    text = (REPO / "README.md").read_text(encoding="utf-8")
    m = re.search(r"<!-- snippet: " + re.escape(name) + r" -->\n```[^\n]*\n(.*?)\n```", text, re.DOTALL)
    assert m, f"README.md has no snippet {name!r}"
    return m.group(1) + "\n"


def snippet_commands(snippet: str) -> list[list[str]]:
    """The `factlint ...` command lines of a shell snippet, split into arguments."""
    import shlex

    return [shlex.split(line)[1:] for line in snippet.splitlines() if line.startswith("factlint ")]
