"""The ``check`` pipeline, apart from the command line: paths in, findings and problems out.

    paths -> discover -> read/decode -> parse -> lint (engine) -> filter -> CheckResult
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import BinaryIO

from .document import parse
from .engine import lint_document
from .finding import SEVERITY_RANK, Finding
from .reading import DEFAULT_EXTENSIONS, ReadError, Source, decode, discover, read_source
from .ruleset import RuleSet

STDIN = "-"


@dataclass
class CheckOptions:
    paths: list[str]
    severity: str = "info"  # minimum severity shown
    stdin_filename: str | None = None
    extensions: tuple[str, ...] = DEFAULT_EXTENSIONS
    encoding_errors: str = "strict"
    keep_texts: bool = False  # keep each file's text (for source lines, fixes, reports)


@dataclass
class CheckResult:
    findings: list[Finding] = field(default_factory=list)
    files: int = 0
    problems: list[str] = field(default_factory=list)  # one line each: unreadable files, rule failures
    input_errors: int = 0  # files that could not be read: exit status 2
    texts: dict[str, str] = field(default_factory=dict)
    sources: dict[str, Source] = field(default_factory=dict)

    def exit_status(self, fail_on: str) -> int:
        if self.input_errors:
            return 2
        rank = SEVERITY_RANK[fail_on]
        return 1 if any(SEVERITY_RANK[f.severity] >= rank for f in self.findings) else 0


def iter_inputs(options: CheckOptions):
    """Paths to read (in order), with ReadErrors for what cannot be found."""
    for path in options.paths:
        if path == STDIN:
            yield STDIN
        else:
            yield from discover([path], options.extensions)


def read_input(item: str, options: CheckOptions, stdin: BinaryIO | None) -> tuple[Source, str]:
    """(decoded source, the path whose extension picks the format)."""
    if item == STDIN:
        name = options.stdin_filename or STDIN
        if stdin is None:
            raise ReadError(name, "standard input is closed")
        try:
            data = stdin.read()
        except OSError as exc:
            raise ReadError(name, f"cannot read standard input: {exc.strerror or exc}") from None
        return decode(data, name, options.encoding_errors), options.stdin_filename or "stdin.txt"
    return read_source(item, options.encoding_errors), item


def run_check(options: CheckOptions, ruleset: RuleSet, stdin: BinaryIO | None = None) -> CheckResult:
    result = CheckResult()
    min_rank = SEVERITY_RANK[options.severity]
    for item in iter_inputs(options):
        if isinstance(item, ReadError):
            result.problems.append(str(item))
            result.input_errors += 1
            continue
        try:
            source, format_path = read_input(item, options, stdin)
        except ReadError as exc:
            result.problems.append(str(exc))
            result.input_errors += 1
            continue
        result.files += 1
        doc = parse(source.text, format_path)
        doc.path = source.path
        outcome = lint_document(doc, ruleset)
        for error in outcome.errors:
            result.problems.append(f"{error.path}: rule {error.rule}: {error.message}")
        result.findings.extend(f for f in outcome.findings if SEVERITY_RANK[f.severity] >= min_rank)
        if options.keep_texts:
            result.texts[source.path] = source.text
            result.sources[source.path] = source
    result.findings.sort(key=lambda f: f.sort_key)
    return result
