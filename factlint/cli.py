"""The ``factlint`` command line: check (the default), rules, explain, test-rules, sources, schema."""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Iterable

import click

from . import __version__
from .finding import FAIL_ON_LEVELS, SEVERITIES
from .reporters import FORMATS, NEEDS_INVENTORIES, NEEDS_TEXTS

# Each command imports what it uses inside its function: ``factlint --version``, ``--help``
# and a command that needs no rules do not pay for importing the parsers and the rule kinds.

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
#: The cyclic garbage collector's thresholds for ``check`` (the default is 700, 10, 10): a
#: young-generation pass every 100,000 allocations instead of 700, older ones rarely.
_GC_THRESHOLDS = (100_000, 50, 50)

EXIT_CODES = """\b
Exit status:
  0  no finding at or above --fail-on (default: error; warnings are shown
     but do not fail)
  1  findings at or above --fail-on
  2  a usage, configuration, rule-file, baseline, git or input error
     (a file could not be read, a fix could not be written, or a draft
     ran past --work-budget)"""


class DefaultGroup(click.Group):
    """A group whose default command is ``check``: ``factlint draft.md`` = ``factlint check draft.md``."""

    def parse_args(self, ctx, args):
        if not args or (args[0] not in self.commands and args[0] not in ("--help", "-h", "--version")):
            if args and not args[0].startswith("-") and not os.path.lexists(args[0]):
                import difflib

                close = difflib.get_close_matches(args[0], self.commands, n=1, cutoff=0.75)
                if close:  # `factlint rule`: a mistyped command, not a missing draft
                    _fail(f"{args[0]}: no such file or directory, nor a command; did you mean 'factlint {close[0]}'?")
                    sys.exit(EXIT_ERROR)
            args = ["check", *args]
        return super().parse_args(ctx, args)

    def format_usage(self, ctx, formatter):
        formatter.write_usage("factlint", "[OPTIONS] PATH... | COMMAND [ARGS]...")


@click.group(cls=DefaultGroup, context_settings={"help_option_names": ["-h", "--help"]}, epilog=EXIT_CODES)
@click.version_option(__version__, "--version", prog_name="factlint")
def main() -> None:
    """Lint news drafts for vague sourcing, unattributed claims, loaded framing,
    copy-editing slips and readability.

    \b
    Examples:
      factlint draft.md                  check one draft (same as: factlint check draft.md)
      factlint stories/                  check every .md/.markdown/.txt file under a folder
      factlint --format json draft.md    machine-readable findings
      factlint --select sourcing,attribution draft.md
      cat draft.txt | factlint - --stdin-filename draft.txt
      factlint --fix draft.md            apply safe fixes (--diff: only show them)
      factlint --format sarif stories/   for CI (also: github, junit, grouped)
      factlint config stories/a.md       the configuration that applies to a file
      factlint rules                     list the rules
      factlint explain sourcing/vague-reports
    """


def _split(values: tuple[str, ...]) -> list[str]:
    out: list[str] = []
    for value in values:
        out.extend(v.strip() for v in value.split(",") if v.strip())
    return out


def _fail(message: str) -> None:
    from .reporters.text import printable  # a file name may hold an escape sequence

    click.echo(f"factlint: error: {printable(message)}", err=True)


def _write_output_file(path: str, data: bytes) -> None:
    """Write --output-file atomically, or exit 2 naming it."""
    from .fixes import FixError, write_output

    try:
        write_output(path, data)
    except FixError as exc:
        _fail(f"{path}: {exc}")
        sys.exit(EXIT_ERROR)


def _load_all(rules_dirs, no_builtin):
    """Every rule of the packs, or exit 2 with every problem listed."""
    from .ruleset import RuleLoadError, load_rules

    try:
        return load_rules(rules_dirs, builtin=not no_builtin)
    except RuleLoadError as exc:
        for problem in exc.problems:
            _fail(str(problem))
        sys.exit(EXIT_ERROR)


def _use_color(choice: str) -> bool:
    if choice == "always":
        return True
    if choice == "never" or os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return sys.stdout is not None and sys.stdout.isatty()


@main.command(epilog=EXIT_CODES)
@click.argument("paths", nargs=-1, type=click.Path(readable=False))
@click.option(
    "--format",
    "output_format",
    type=click.Choice(FORMATS),
    default="text",
    show_default=True,
    help="Output format: text, json, grouped (by file and rule), sarif, "
    "github (Actions annotations), junit, html (one self-contained annotated page).",
)
@click.option(
    "--select",
    multiple=True,
    metavar="RULES",
    help="Only these rules: ids, families or globs, comma-separated (sourcing,framing/loaded-said,editing/*). "
    "Replaces the configuration's `select`.",
)
@click.option("--extend-select", multiple=True, metavar="RULES", help="Add these rules to the selection.")
@click.option("--ignore", multiple=True, metavar="RULES", help="Skip these rules (same forms as --select).")
@click.option(
    "--severity",
    type=click.Choice(SEVERITIES),
    default=None,
    help="Show findings of at least this severity [default: info, or the configuration's min-severity].",
)
@click.option(
    "--fail-on",
    type=click.Choice(FAIL_ON_LEVELS),
    default=None,
    help="Exit 1 when a shown finding is at least this severe; `never`: findings never fail "
    "[default: error, or the configuration's].",
)
@click.option(
    "--rules",
    "rules_dirs",
    multiple=True,
    type=click.Path(readable=False),
    metavar="DIR",
    help="Add a rule pack (a folder of YAML rule files, or one file). Repeatable.",
)
@click.option("--no-builtin", is_flag=True, help="Do not load the built-in rule packs.")
@click.option(
    "--no-installed-packs",
    is_flag=True,
    help="Do not load rule packs installed with pip (entry points in factlint.packs); "
    "also FACTLINT_NO_INSTALLED_PACKS=1.",
)
@click.option(
    "--config",
    "config_file",
    type=click.Path(readable=False),
    metavar="FILE",
    help="Use this configuration file for every path (no discovery).",
)
@click.option("--isolated", is_flag=True, help="Ignore all configuration files.")
@click.option(
    "--stdin-filename",
    metavar="NAME",
    help="With '-': the name to report, whose extension picks the format (.md = Markdown).",
)
@click.option(
    "--extensions",
    default=".md,.markdown,.txt",
    show_default=True,
    metavar="EXTS",
    help="File extensions to lint when walking folders.",
)
@click.option(
    "--encoding-errors",
    type=click.Choice(["strict", "replace"]),
    default="strict",
    show_default=True,
    help="strict: report undecodable files; replace: lint them with U+FFFD.",
)
@click.option("--show-source", is_flag=True, help="Print the source line and a caret under each finding.")
@click.option(
    "--color",
    type=click.Choice(["auto", "always", "never"]),
    default="auto",
    show_default=True,
    help="Colour output (auto: only on a terminal; NO_COLOR is respected).",
)
@click.option("--statistics", is_flag=True, help="Print how many findings each rule has, instead of the findings.")
@click.option(
    "--output-file",
    "-o",
    type=click.Path(readable=False),
    metavar="FILE",
    help="Write the report to FILE instead of standard output.",
)
@click.option(
    "--report-unused-suppressions",
    is_flag=True,
    help="Report suppression comments that silence nothing (rule factlint/unused-suppression).",
)
@click.option(
    "--baseline",
    "baseline_file",
    type=click.Path(readable=False),
    metavar="FILE",
    help="Report only findings that are not in this baseline.",
)
@click.option(
    "--write-baseline",
    type=click.Path(readable=False),
    metavar="FILE",
    help="Record every finding in FILE (a baseline) and exit 0.",
)
@click.option(
    "--diff-base", metavar="REF", help="Report only findings on lines added or changed since this git revision."
)
@click.option("--fix", is_flag=True, help="Apply safe fixes to the files (stdin: print the fixed text).")
@click.option("--unsafe-fixes", is_flag=True, help="With --fix or --diff: apply unsafe fixes too.")
@click.option(
    "--diff",
    "show_diff",
    is_flag=True,
    help="Print the fixes as a unified diff; write nothing. Exit 1 if there is anything to fix.",
)
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=0),
    default=None,
    metavar="N",
    help="Lint files in N worker processes [default: the CPUs no other process is busy on; "
    "1: in this process]. Small runs (under 256 KB) are always linted in this process.",
)
@click.option("--no-cache", is_flag=True, help="Neither read nor write the cache.")
@click.option(
    "--cache-dir",
    type=click.Path(file_okay=False),
    metavar="DIR",
    help="Keep the cache here [default: $FACTLINT_CACHE_DIR, else .factlint_cache in the project "
    "root (where the configuration file is), else in the current folder].",
)
@click.option(
    "--work-budget",
    type=click.IntRange(min=0),
    default=None,
    metavar="N",
    help="Stop linting a draft (exit status 2, one line naming it) once its passes have read N "
    "characters per character of the draft [default: 2000; 0: no limit]. Bounds hostile or "
    "pathological drafts; the same draft is stopped on every machine.",
)
def check(
    paths,
    output_format,
    select,
    extend_select,
    ignore,
    severity,
    fail_on,
    rules_dirs,
    no_builtin,
    no_installed_packs,
    config_file,
    isolated,
    stdin_filename,
    extensions,
    encoding_errors,
    show_source,
    color,
    statistics,
    output_file,
    report_unused_suppressions,
    baseline_file,
    write_baseline,
    diff_base,
    fix,
    unsafe_fixes,
    show_diff,
    jobs,
    no_cache,
    cache_dir,
    work_budget,
):
    """Check drafts: files, folders, or '-' for standard input.

    Prints one line per finding, `path:line:col: severity rule message`, sorted by
    path and position, then a summary. Settings come from the closest .factlint.yaml
    (or [tool.factlint] in pyproject.toml); options given here win.
    """
    from .document.budget import DEFAULT_PER_CHAR
    from .reporters import Report, get_chunks
    from .runner import CheckOptions, SetupError, run_check
    from .selection import Cli

    # A run builds and keeps many objects (the document model, then the findings) and makes
    # hardly any reference cycles: at the default thresholds the cyclic garbage collector
    # spends about a tenth of a long file's CPU time walking them (docs/performance.md)
    gc.set_threshold(*_GC_THRESHOLDS)
    if not paths:
        _fail("no PATH given; try 'factlint draft.md', 'factlint stories/' or 'factlint -' for stdin")
        sys.exit(EXIT_ERROR)
    if unsafe_fixes and not (fix or show_diff):
        _fail("--unsafe-fixes works with --fix or --diff")
        sys.exit(EXIT_ERROR)
    if statistics and output_format not in ("text", "grouped", "json"):
        _fail(f"--statistics prints a table (or JSON with --format json); it has no {output_format} form")
        sys.exit(EXIT_ERROR)
    if not _split((extensions,)):
        _fail("--extensions: no extension given (for example --extensions .md,.txt)")
        sys.exit(EXIT_ERROR)
    cli = Cli(
        select=tuple(_split(select)) or None,
        extend_select=tuple(_split(extend_select)),
        ignore=tuple(_split(ignore)),
        rules=tuple(rules_dirs),
        no_builtin=no_builtin,
        no_installed_packs=no_installed_packs,
        fail_on=fail_on,
        min_severity=severity,
    )
    options = CheckOptions(
        paths=list(paths),
        stdin_filename=stdin_filename,
        extensions=tuple(_split((extensions,))),
        encoding_errors=encoding_errors,
        keep_texts=show_source or output_format in NEEDS_TEXTS or (fix and "-" in paths),
        keep_inventories=output_format in NEEDS_INVENTORIES and not statistics,
        config=config_file,
        isolated=isolated,
        cli=cli,
        report_unused_suppressions=report_unused_suppressions,
        baseline=None if write_baseline else baseline_file,
        diff_base=diff_base,
        fix=fix and not show_diff,
        unsafe_fixes=unsafe_fixes,
        diff=show_diff,
        fingerprints=bool(write_baseline or baseline_file or output_format == "sarif"),
        jobs=jobs or _default_jobs(),
        auto_jobs=not jobs,
        cache=not no_cache,
        cache_dir=cache_dir,
        work_budget=DEFAULT_PER_CHAR if work_budget is None else work_budget,
    )
    stdin = sys.stdin.buffer if "-" in paths and sys.stdin is not None else None
    try:
        result = run_check(options, stdin=stdin)
    except SetupError as exc:
        for problem in getattr(exc, "problems", None) or [exc]:
            _fail(str(problem))
        sys.exit(EXIT_ERROR)
    for problem in result.problems:
        _fail(problem)
    for warning in result.warnings:
        from .reporters.text import printable

        click.echo(f"factlint: warning: {printable(warning)}", err=True)
    if result.files and not result.rules:
        click.echo(
            "factlint: warning: no rule is enabled for these files, so nothing was checked "
            "(see --no-builtin, --select/--ignore and the configuration's rules: "
            "'factlint config PATH' shows them)",
            err=True,
        )
    status = result.exit_status()
    if write_baseline:
        from .baseline import write_baseline as write
        from .fixes import FixError

        try:
            count = write(write_baseline, result.baseline_candidates)
        except FixError as exc:
            _fail(f"{write_baseline}: {exc}")
            sys.exit(EXIT_ERROR)
        files = len({f.path for f in result.baseline_candidates})
        click.echo(f"factlint: wrote a baseline of {count} finding(s) in {files} file(s) to {write_baseline}", err=True)
        sys.exit(EXIT_ERROR if result.input_errors else EXIT_OK)
    if show_diff:
        diff = "".join(result.diffs)
        if output_file:
            _write_output_file(output_file, diff.encode("utf-8", "surrogateescape"))
        else:
            _emit(diff, diff.encode("utf-8", "surrogateescape"))
        sys.exit(EXIT_ERROR if result.input_errors else EXIT_FINDINGS if result.diffs else EXIT_OK)
    report = Report(
        result.findings,
        files=result.files,
        errors=result.input_errors,
        ruleset=result.ruleset,
        color=_use_color(color) and not output_file,
        show_source=show_source,
        texts=result.texts,
        inventories=result.inventories,
        paths=result.paths,
        rules=result.rules,
        problems=result.problems,
    )
    if statistics:
        from .reporters import statistics as stats

        pieces: Iterable[str] = (stats.render_json(report) if output_format == "json" else stats.render(report),)
    else:
        # written as it is made: a report of many findings is never held as one string
        pieces = get_chunks(output_format)(report)
    if result.fixed_stdin is not None:
        # the fixed draft goes to stdout, in the encoding it came in; the report to stderr (or --output-file)
        from .fixes import encode

        source = result.sources.get(stdin_filename or "-")
        data = encode(result.fixed_stdin, source.encoding, source.bom) if source is not None else None
        _emit(result.fixed_stdin, data)
    if output_file:
        _write_output_file(output_file, (piece.encode("utf-8", "backslashreplace") for piece in pieces))
    elif result.fixed_stdin is not None:
        click.echo("".join(pieces), err=True, nl=False)
    else:
        for_programs = output_format in DATA_FORMATS and (not statistics or output_format == "json")
        _emit_pieces(pieces, for_programs)
    if fix and result.fixed:
        click.echo(f"factlint: fixed {result.fixed} finding(s) in {result.fixed_files} file(s)", err=True)
    sys.exit(status)


def _default_jobs() -> int:
    from .parallel import default_jobs

    return default_jobs()


#: Formats read by programs: always UTF-8, whatever the terminal's encoding.
DATA_FORMATS = frozenset({"json", "sarif", "junit", "html", "github"})


def _emit(text: str, data: bytes | None = None) -> None:
    """Write to standard output: ``data`` as these exact bytes (reports for programs, a
    fixed draft), else ``text`` for people, in the terminal's encoding (see :func:`run`).

    A reader that went away (``factlint ... | head``) is not an error: the rest of the
    output is dropped and the exit status is the one the run would have had. A failed
    write (a full disk) is an error (exit 2). With standard output closed, nothing is
    written."""
    _write_stdout((text,), None if data is None else (data,))


def _emit_pieces(pieces: Iterable[str], for_programs: bool) -> None:
    """A report as its reporter makes it, piece by piece (never joined into one string):
    UTF-8 bytes for programs (as :func:`_emit_data`), else text (as :func:`_emit`)."""
    data = (piece.encode("utf-8", "backslashreplace") for piece in pieces) if for_programs else None
    _write_stdout(pieces, data)


def _write_stdout(texts: Iterable[str], data: Iterable[bytes] | None) -> None:
    """:func:`_emit` for a text, or its bytes, in pieces (only one of the two is read)."""
    out = sys.stdout
    if out is None:
        return
    try:
        buffer = getattr(out, "buffer", None) if data is not None else None
        if buffer is not None:
            out.flush()
            for piece in data:  # type: ignore[union-attr]
                buffer.write(piece)
            buffer.flush()
        else:
            for text in texts:
                out.write(text)
            out.flush()
    except BrokenPipeError:
        _discard_stdout()
    except OSError as exc:
        _discard_stdout()
        _fail(f"cannot write to standard output: {(exc.strerror or str(exc)).lower()}")
        sys.exit(EXIT_ERROR)


def _emit_data(text: str) -> None:
    """Output meant for programs (JSON, YAML, Markdown docs): UTF-8 bytes."""
    _emit(text, text.encode("utf-8", "backslashreplace"))


def _discard_stdout() -> None:
    """Point standard output at the null device, so nothing more (not even the flush at
    exit) fails on it."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):  # not a real file (tests): nothing to protect
        pass


@main.command("rules")
@click.option(
    "--rules",
    "rules_dirs",
    multiple=True,
    type=click.Path(readable=False),
    metavar="DIR",
    help="Add a rule pack. Repeatable.",
)
@click.option("--no-builtin", is_flag=True, help="Do not load the built-in rule packs.")
@click.option("--select", multiple=True, metavar="RULES", help="Only these rules.")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json", "markdown"]),
    default="text",
    show_default=True,
    help="text: a table; json: a list; markdown: docs/rules.md.",
)
def rules_command(rules_dirs, no_builtin, select, output_format):
    """List the rules: id, severity and why it matters ([off] = only when selected by id)."""
    import json

    from .ruledocs import rules_markdown, rules_table, sorted_rules
    from .ruleset import matches

    ruleset = _load_all(rules_dirs, no_builtin)
    patterns = _split(select)
    for pattern in patterns:
        if pattern not in ("ALL", "*") and not any(matches(r, pattern) for r in ruleset.rules):
            _fail(f"--select: '{pattern}' matches no rule (see 'factlint rules')")
            sys.exit(EXIT_ERROR)
    if patterns:
        ruleset.rules = [r for r in ruleset.rules if any(matches(r, p) for p in patterns)]
    if output_format == "markdown":
        _emit_data(rules_markdown(ruleset))
    elif output_format == "json":
        _emit_data(
            json.dumps(
                [
                    {
                        "id": r.id,
                        "category": r.category,
                        "severity": r.severity,
                        "kind": r.kind,
                        "enabled": r.enabled,
                        "pack": r.pack,
                        "scope": list(r.scope.names),
                        "why": r.why,
                        "link": r.link,
                        "message": r.message,
                    }
                    for r in sorted_rules(ruleset)
                ],
                indent=2,
                ensure_ascii=False,
            )
            + "\n"
        )
    else:
        _emit(rules_table(ruleset))


@main.command()
@click.argument("rule_id")
@click.option(
    "--rules",
    "rules_dirs",
    multiple=True,
    type=click.Path(readable=False),
    metavar="DIR",
    help="Add a rule pack. Repeatable.",
)
@click.option("--no-builtin", is_flag=True, help="Do not load the built-in rule packs.")
def explain(rule_id, rules_dirs, no_builtin):
    """Print a rule's documentation: why it matters, its message, and its examples."""
    import difflib

    from .ruledocs import explain as render

    ruleset = _load_all(rules_dirs, no_builtin)  # rules that are off by default too
    rule = ruleset.get(rule_id)
    if rule is None:
        ids = [r.id for r in ruleset.rules]
        close = difflib.get_close_matches(rule_id, ids, n=3)
        hint = f"; did you mean {', '.join(close)}?" if close else "; see 'factlint rules'"
        _fail(f"no rule '{rule_id}'{hint}")
        sys.exit(EXIT_ERROR)
    _emit(render(rule))


@main.command("test-rules")
@click.argument("paths", nargs=-1, type=click.Path(readable=False))
@click.option(
    "--no-builtin", is_flag=True, help="Test only the packs given as PATHs (built-in lexicons stay available)."
)
def test_rules(paths, no_builtin):
    """Run every rule's examples: each `flag` example must produce a finding of its
    rule (exactly the pinned words, for a `{text, match}` example), each `pass` example
    none; `todo` and `todo-pass` examples (known misses, known false alarms) are reported
    and fail only once fixed. Exit 0: all pass; 1: an example failed; 2: bad rule file. With PATHs, test those packs (with the built-in
    rules loaded too unless --no-builtin); without, test the built-in packs."""
    from .ruleset import RuleLoadError, load_rules
    from .selftest import check_examples

    if no_builtin and not paths:
        _fail("test-rules --no-builtin tests only the packs given as PATHs, and none was given")
        sys.exit(EXIT_ERROR)
    try:
        ruleset = load_rules(paths, builtin=True)
    except RuleLoadError as exc:
        for problem in exc.problems:
            _fail(str(problem))
        sys.exit(EXIT_ERROR)
    if paths and no_builtin:
        from .paths import builtin_rules_dir

        builtin = str(builtin_rules_dir())
        ruleset.rules = [r for r in ruleset.rules if not _within(r.source, builtin)]
    report = check_examples(ruleset)
    for failure in report.failures:
        click.echo(str(failure))
    for todo in report.todos:
        click.echo(f"todo: {todo}")
    rules = f"{len(ruleset.rules)} rule{'' if len(ruleset.rules) == 1 else 's'}"
    examples = f"{report.count} example{'' if report.count == 1 else 's'}"
    todos = f"; {len(report.todos)} todo" if report.todos else ""
    if report.failures:
        click.echo(f"{len(report.failures)} of {examples} failed ({rules}{todos}).")
        sys.exit(EXIT_FINDINGS)
    click.echo(f"All {examples} of {rules} passed{' (' + todos[2:] + ')' if todos else ''}.")


def _within(source: str, folder: str) -> bool:
    from pathlib import Path

    try:
        Path(source).resolve().relative_to(Path(folder).resolve())
        return True
    except ValueError:
        return False


@main.command("sources")
@click.argument("paths", nargs=-1, type=click.Path())
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="text: a table and a summary; json: the contract in docs/sources.md.",
)
@click.option("--stdin-filename", metavar="NAME", help="With '-': the name to report (.md = Markdown).")
@click.option(
    "--encoding-errors",
    type=click.Choice(["strict", "replace"]),
    default="strict",
    show_default=True,
    help="strict: report undecodable files; replace: read them with U+FFFD.",
)
def sources_command(paths, output_format, stdin_filename, encoding_errors):
    """List who says so in each draft: every attribution (source, kind, cue, quote, reason
    for anonymity) in reading order, then a summary. Exit 2 if a file cannot be read."""
    from .sources import render_json, render_text, run_sources

    if not paths:
        _fail("no PATH given; try 'factlint sources draft.md'")
        sys.exit(EXIT_ERROR)
    result = run_sources(
        paths,
        stdin=sys.stdin.buffer if "-" in paths else None,
        stdin_filename=stdin_filename,
        encoding_errors=encoding_errors,
    )
    for problem in result.problems:
        _fail(problem)
    _emit((render_json if output_format == "json" else render_text)(result.documents))
    sys.exit(EXIT_ERROR if result.problems else EXIT_OK)


@main.command()
@click.option("--config", "for_config", is_flag=True, help="The schema of .factlint.yaml instead.")
def schema(for_config):
    """Print the JSON Schema of rule files (also in docs/rules.schema.json)."""
    if for_config:
        import json

        from .config import json_schema as config_schema

        _emit_data(json.dumps(config_schema(), indent=2, ensure_ascii=False) + "\n")
        return
    from .ruleset import json_schema_text

    _emit_data(json_schema_text())


@main.command("lsp")
@click.option(
    "--rules",
    "rules_dirs",
    multiple=True,
    type=click.Path(readable=False),
    metavar="DIR",
    help="Add a rule pack. Repeatable.",
)
@click.option("--no-builtin", is_flag=True, help="Do not load the built-in rule packs.")
@click.option("--stdio", is_flag=True, help="Use stdin/stdout (the default and only transport).")
def lsp_command(rules_dirs, no_builtin, stdio):
    """Run the language server (LSP) over stdio, for editors. Needs: pip install 'factlint[lsp]'."""
    try:
        import pygls  # noqa: F401
    except ImportError:
        _fail("'factlint lsp' needs pygls: pip install 'factlint[lsp]'")
        sys.exit(EXIT_ERROR)
    from .lsp import serve

    serve(rules_dirs, builtin=not no_builtin)


@main.command("config")
@click.argument("path", required=False, default=".", type=click.Path(readable=False))
@click.option(
    "--config",
    "config_file",
    type=click.Path(readable=False),
    metavar="FILE",
    help="Show this configuration file's settings instead of the one discovered.",
)
@click.option("--isolated", is_flag=True, help="Ignore all configuration files (show the defaults).")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["yaml", "json"]),
    default="yaml",
    show_default=True,
    help="Output format.",
)
def config_command(path, config_file, isolated, output_format):
    """Print the effective configuration for PATH (a file or folder; default: here):
    which file it comes from, the settings after per-path overrides, and the active rules."""
    import json

    import yaml

    from .config import ConfigError
    from .selection import Resolver, describe

    try:
        data = describe(Resolver(config_path=config_file, isolated=isolated), path)
    except ConfigError as exc:
        for problem in exc.problems:
            _fail(str(problem))
        sys.exit(EXIT_ERROR)
    if output_format == "json":
        _emit_data(json.dumps(data, indent=2, ensure_ascii=False) + "\n")
    else:
        _emit_data(yaml.safe_dump(data, sort_keys=False, allow_unicode=True, default_flow_style=False))


class _Interrupted(BaseException):
    """SIGINT or SIGTERM: unwinds the stack (so ``finally`` blocks clean up) past every
    ``except Exception``, and past click, which would print 'Aborted!' and exit 1."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.status = 128 + signum


def _interrupt(signum, frame):
    raise _Interrupted(signum)


def run() -> None:
    """Console entry point: the CLI, with a last line of defence against tracebacks.

    Ctrl-C (SIGINT) exits 130 and SIGTERM 143, with one line and no traceback; a file
    being fixed at that moment is left as it was. Text for people is written in the
    terminal's encoding, with characters it cannot show escaped (``\\xe9``), so an
    ASCII or Latin-1 terminal never makes factlint fail."""
    import signal

    for name in ("SIGINT", "SIGTERM"):
        signum = getattr(signal, name, None)
        if signum is not None and signal.getsignal(signum) is not signal.SIG_IGN:
            signal.signal(signum, _interrupt)
    for stream in (sys.stdout, sys.stderr):
        if stream is not None and hasattr(stream, "reconfigure"):
            try:
                stream.reconfigure(errors="backslashreplace")
            except (ValueError, OSError):
                pass
    try:
        main(standalone_mode=True)
    except _Interrupted as stop:
        _quietly(lambda: click.echo("factlint: interrupted", err=True))
        sys.exit(stop.status)
    except KeyboardInterrupt:
        sys.exit(130)
    except SystemExit:
        # the process ends now: with every object it made frozen, the interpreter's last
        # collections at exit do not walk them all (tens of milliseconds). Only here, in the
        # console entry point: a program that calls the command in-process keeps its collector.
        gc.freeze()
        raise
    except Exception as exc:  # pragma: no cover - a bug; say so in one line
        if os.environ.get("FACTLINT_DEBUG"):
            raise
        _fail(
            f"internal error: {type(exc).__name__}: {exc} (set FACTLINT_DEBUG=1 for a traceback, and please report it)"
        )
        sys.exit(EXIT_ERROR)


def _quietly(action) -> None:
    try:
        action()
    except (OSError, ValueError):
        pass
