"""The ``check`` pipeline, apart from the command line: paths in, findings and problems out.

    paths -> discover -> configuration (per file) -> read/decode -> parse -> lint (engine)
          -> house terms -> suppressions -> changed lines -> baseline -> severity -> CheckResult

and, with ``fix``/``diff``: apply fixes, lint again, repeat (bounded), write atomically.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import BinaryIO

from . import suppressions
from .baseline import Baseline, BaselineError, fingerprint
from .config import Cli, ConfigError, Effective, Overrides, Resolver, _DEFAULT
from .document import parse
from .engine import lint_document
from .finding import SEVERITY_RANK, Finding
from .fixes import MAX_PASSES, FixError, applicable, apply_fixes, atomic_write, digest, encode, unified_diff
from .gitdiff import ChangedLines, GitDiffError, changed_lines
from .reading import DEFAULT_EXTENSIONS, ReadError, Source, decode, discover, read_source
from .ruleset import RuleSet

STDIN = "-"

#: errors that stop a run before any file is linted (exit status 2)
SetupError = (ConfigError, BaselineError, GitDiffError)


@dataclass
class CheckOptions:
    paths: list[str]
    severity: str | None = None  # minimum severity shown (None: the configuration's, else info)
    stdin_filename: str | None = None
    extensions: tuple[str, ...] = DEFAULT_EXTENSIONS
    encoding_errors: str = "strict"
    keep_texts: bool = False  # keep each file's text (for source lines, fixes, reports)
    config: str | None = None  # --config FILE: one configuration for every path
    isolated: bool = False  # --isolated: no configuration files
    cli: Cli = field(default_factory=Cli)  # rule selection and fail-on from the command line
    report_unused_suppressions: bool = False
    baseline: str | None = None  # report only findings not in this baseline
    diff_base: str | None = None  # report only findings on lines changed since this git revision
    fix: bool = False  # write fixes back (stdin: keep the fixed text in CheckResult.fixed_stdin)
    unsafe_fixes: bool = False
    diff: bool = False  # compute fixes and keep their unified diffs; write nothing
    fingerprints: bool = False  # set Finding.fingerprint (always with a baseline): for baselines, SARIF


@dataclass
class CheckResult:
    findings: list[Finding] = field(default_factory=list)
    files: int = 0
    problems: list[str] = field(default_factory=list)  # one line each: unreadable files, rule failures
    input_errors: int = 0  # files that could not be read (or fixed): exit status 2
    texts: dict[str, str] = field(default_factory=dict)
    sources: dict[str, Source] = field(default_factory=dict)
    paths: list[str] = field(default_factory=list)  # every file linted, in order
    rules: dict[str, object] = field(default_factory=dict)  # rule id -> rule, every rule that ran
    failing: int = 0  # findings at or above their file's fail-on
    fixed: int = 0  # fixes applied (or, with diff, that would be)
    fixed_files: int = 0
    diffs: list[str] = field(default_factory=list)
    fixed_stdin: str | None = None
    baseline_candidates: list[Finding] = field(default_factory=list)  # findings before --baseline

    @property
    def ruleset(self) -> RuleSet:
        """Every rule that ran (for reporters that describe rules)."""
        return RuleSet(list(self.rules.values()), None)  # type: ignore[arg-type]

    def exit_status(self, fail_on: str | None = None) -> int:
        if self.input_errors:
            return 2
        if fail_on is None:
            return 1 if self.failing else 0
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


class _Fixed:
    """A resolver for a rule set given by the caller: no configuration files."""

    def __init__(self, ruleset: RuleSet, options: CheckOptions) -> None:
        self.eff = Effective(config=_DEFAULT, overrides=Overrides(), ruleset=ruleset,
                             fail_on=options.cli.fail_on or "warning",
                             min_severity=options.severity or "info", accepted={})

    def effective(self, path):
        return self.eff

    def excluded(self, path):
        return False


def lint_with_settings(doc, eff: Effective, report_unused_suppressions: bool = False):
    """A document's findings under its settings: house terms accepted, suppression comments
    applied, and below ``min-severity`` dropped. Shared by ``check`` and the language server.
    Returns (findings, rule errors)."""
    outcome = lint_document(doc, eff.ruleset)
    findings = [f for f in outcome.findings if not eff.accepts(f)]
    findings, directives = suppressions.apply(doc, findings)
    if report_unused_suppressions and directives:
        findings = sorted(findings + suppressions.unused_findings(doc, directives, eff.ruleset.rules),
                          key=lambda f: f.sort_key)
    min_rank = SEVERITY_RANK[eff.min_severity]
    return [f for f in findings if SEVERITY_RANK[f.severity] >= min_rank], outcome.errors


class Pipeline:
    """Everything that turns one parsed document into the findings shown."""

    def __init__(self, options: CheckOptions, ruleset: RuleSet | None = None) -> None:
        self.options = options
        if ruleset is not None:
            self.resolver = _Fixed(ruleset, options)
        else:
            cli = options.cli
            if options.severity is not None and cli.min_severity is None:
                cli = Cli(**{**cli.__dict__, "min_severity": options.severity})
            self.resolver = Resolver(cli, options.config, options.isolated)
        self.baseline = Baseline.load(options.baseline) if options.baseline else None
        self.changes: ChangedLines | None = changed_lines(options.diff_base) if options.diff_base else None

    def lint(self, doc, eff: Effective, result: CheckResult) -> tuple[list[Finding], list[Finding]]:
        """(findings shown, findings before the baseline filter)."""
        findings, errors = lint_with_settings(doc, eff, self.options.report_unused_suppressions)
        result.problems.extend(f"{e.path}: rule {e.rule}: {e.message}" for e in errors)
        if self.options.fingerprints or self.baseline is not None:
            for f in findings:
                f.fingerprint = fingerprint(doc, f)
        if self.changes is not None and doc.path != STDIN:
            findings = [f for f in findings if self.changes.keeps(doc.path, f.line, f.end_line)]
        before_baseline = findings
        if self.baseline is not None:
            findings = self.baseline.new_findings(doc.path, findings)
        return findings, before_baseline


def run_check(options: CheckOptions, ruleset: RuleSet | None = None, stdin: BinaryIO | None = None) -> CheckResult:
    """Lint ``options.paths``. With ``ruleset``, use it for every file (no configuration
    files); without, each file gets the rules of its configuration.

    Raises ConfigError, BaselineError or GitDiffError (``SetupError``) before linting
    when the run cannot start."""
    pipeline = Pipeline(options, ruleset)
    resolver = pipeline.resolver
    result = CheckResult()
    for item in iter_inputs(options):
        if isinstance(item, ReadError):
            result.problems.append(str(item))
            result.input_errors += 1
            continue
        config_path = (options.stdin_filename or STDIN) if item == STDIN else item
        if item != STDIN and resolver.excluded(item):
            continue
        eff = resolver.effective(config_path if config_path != STDIN else None)
        try:
            source, format_path = read_input(item, options, stdin)
        except ReadError as exc:
            result.problems.append(str(exc))
            result.input_errors += 1
            continue
        result.files += 1
        result.paths.append(source.path)
        for rule in eff.ruleset.rules:
            result.rules.setdefault(rule.id, rule)
        text = source.text
        doc = parse(text, format_path)
        doc.path = source.path
        findings, before_baseline = pipeline.lint(doc, eff, result)
        if options.fix or options.diff:
            text, findings, before_baseline = _fix_loop(pipeline, eff, result, source, format_path,
                                                        item == STDIN, findings, before_baseline)
        result.findings.extend(findings)
        result.baseline_candidates.extend(before_baseline)
        fail_rank = SEVERITY_RANK[eff.fail_on]
        result.failing += sum(1 for f in findings if SEVERITY_RANK[f.severity] >= fail_rank)
        if options.keep_texts:
            result.texts[source.path] = text
            result.sources[source.path] = source
    result.findings.sort(key=lambda f: f.sort_key)
    return result


def _fix_loop(pipeline: Pipeline, eff: Effective, result: CheckResult, source: Source, format_path: str,
              is_stdin: bool, findings: list[Finding], before_baseline: list[Finding]):
    options = pipeline.options
    text = source.text
    applied = 0
    for _ in range(MAX_PASSES):
        new_text, count = apply_fixes(text, applicable(findings, options.unsafe_fixes))
        if count == 0:
            break
        applied += count
        text = new_text
        doc = parse(text, format_path)
        doc.path = source.path
        findings, before_baseline = pipeline.lint(doc, eff, result)
    if options.fix and is_stdin:
        result.fixed_stdin = text
    if text == source.text:
        return text, findings, before_baseline
    if options.diff:
        result.diffs.append(unified_diff(source.path, source.text, text))
    elif options.fix and not is_stdin:
        try:
            if digest(encode(source.text, source.encoding, source.bom)) != source.digest:
                raise FixError(f"not fixed: its bytes are not valid {source.encoding.upper()}, "
                               "so it cannot be written back unchanged around the fixes")
            atomic_write(source.path, encode(text, source.encoding, source.bom), expected_digest=source.digest)
        except FixError as exc:
            result.problems.append(f"{source.path}: {exc}")
            result.input_errors += 1
            return source.text, *_relint(pipeline, eff, result, source, format_path)
    result.fixed += applied
    result.fixed_files += 1
    return text, findings, before_baseline


def _relint(pipeline, eff, result, source, format_path):
    doc = parse(source.text, format_path)
    doc.path = source.path
    return pipeline.lint(doc, eff, result)
