"""The library interface: load rules once, lint many texts.

from factlint import load_rules, lint_text
rules = load_rules()
for finding in lint_text(draft, path="draft.md", rules=rules):
    print(finding.line, finding.rule, finding.message)
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from .document import parse
from .document.budget import work_budget as budget
from .engine import DocumentResult, lint_document
from .finding import Finding
from .reading import ReadError, discover, read_source
from .ruleset import RuleSet
from .ruleset import load_rules as _load_rules


def load_rules(
    paths: Iterable[str] = (), builtin: bool = True, *, select: Iterable[str] = (), ignore: Iterable[str] = ()
) -> RuleSet:
    """Compile the built-in rule packs and any packs at ``paths``; raises RuleLoadError."""
    paths = tuple(str(p) for p in paths)
    if paths:  # files may change between calls: load them afresh
        return _load_rules(paths, builtin).selected(select, ignore)
    return _cached_rules(builtin, tuple(select), tuple(ignore))


@lru_cache(maxsize=8)
def _cached_rules(builtin: bool, select: tuple[str, ...], ignore: tuple[str, ...]) -> RuleSet:
    return _all_rules(builtin).selected(select, ignore)


@lru_cache(maxsize=2)
def _all_rules(builtin: bool) -> RuleSet:
    return _load_rules((), builtin)


def lint_text(
    text: str,
    path: str = "<text>",
    rules: RuleSet | None = None,
    fmt: str | None = None,
    *,
    work_budget: int | None = None,
) -> list[Finding]:
    """Findings for ``text``; ``path`` names it and picks the format (``.md`` is Markdown).
    ``work_budget``: as ``--work-budget`` (characters read per character of the text; None
    or 0, the default here: no limit); past it, raises
    :class:`factlint.document.budget.BudgetExceeded`."""
    return lint_text_result(text, path, rules, fmt, work_budget=work_budget).findings


def lint_text_result(
    text: str,
    path: str = "<text>",
    rules: RuleSet | None = None,
    fmt: str | None = None,
    *,
    work_budget: int | None = None,
) -> DocumentResult:
    rules = rules if rules is not None else load_rules()
    with budget(len(text), work_budget):
        return lint_document(parse(text, path, fmt, phrases=rules.index), rules)


def lint_file(path: str, rules: RuleSet | None = None, *, work_budget: int | None = None) -> list[Finding]:
    """Findings for one file, read as the command line reads it (byte-order marks, UTF-16)
    and with its suppression comments applied: with the built-in configuration, exactly
    what ``factlint --format json`` reports for it. A plain function of picklable
    arguments, for map-style runners: multiprocessing, Dask, Spark (docs/scale.md).
    Raises ReadError for a file that cannot be read or decoded, and BudgetExceeded past a
    ``work_budget`` (as in :func:`lint_text`)."""
    from . import suppressions

    rules = rules if rules is not None else load_rules()
    source = read_source(path)
    with budget(len(source.text), work_budget):
        doc = parse(source.text, path, phrases=rules.index)
        findings, _ = suppressions.apply(doc, lint_document(doc, rules).findings)
    return findings


def lint_paths(
    paths: Iterable[str], rules: RuleSet | None = None, errors: list[ReadError] | None = None
) -> list[Finding]:
    """Findings for files and folders. Unreadable files raise ReadError, or are appended to
    ``errors`` when a list is given (then linting goes on)."""
    rules = rules if rules is not None else load_rules()
    findings: list[Finding] = []
    for item in discover(paths):
        try:
            if isinstance(item, ReadError):
                raise item
            source = read_source(item)
        except ReadError as exc:
            if errors is None:
                raise
            errors.append(exc)
            continue
        findings.extend(lint_text(source.text, item, rules))
    return findings
