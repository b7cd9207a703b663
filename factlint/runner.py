"""The ``check`` pipeline, apart from the command line: paths in, findings and problems out.

    paths -> discover -> configuration (per file) -> read/decode -> parse -> lint (engine)
          -> house terms -> suppressions -> changed lines -> baseline -> severity -> CheckResult

and, with ``fix``/``diff``: apply fixes, lint again, repeat (bounded), write atomically.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import BinaryIO

from .baseline import Baseline, BaselineError, fingerprint
from .config import _DEFAULT, ConfigError, Overrides
from .document.budget import DEFAULT_PER_CHAR
from .finding import DEFAULT_FAIL_ON, FAIL_ON_RANK, SEVERITY_RANK, Finding
from .gitdiff import GitDiffError, RepoChanges, changed_lines_of_paths
from .inventory import document_inventory
from .parallel import run_tasks
from .reading import DEFAULT_EXTENSIONS, ReadError, Source, decode, discover, read_source
from .ruleset import RuleSet
from .selection import Cli, Effective, Resolver

# The parsers, the engine and the fixer are imported where they are used: a run that the
# cache answers entirely, or one without --fix, does not pay for importing them (and the
# cache and the syllable table, with sqlite3, only when a run reaches them).

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
    keep_inventories: bool = False  # keep each file's source inventory (the HTML report shows it)
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
    jobs: int = 1  # worker processes (1: lint in this process)
    auto_jobs: bool = False  # jobs is the default (the CPUs): use only those idle (factlint.parallel.auto_jobs)
    cache: bool = False  # read and write the result cache (never for stdin, --fix or --diff)
    cache_dir: str | None = None  # None: $FACTLINT_CACHE_DIR, else .factlint_cache in the project root
    work_budget: int = DEFAULT_PER_CHAR  # characters read per character of a draft (0: no limit)


@dataclass
class CheckResult:
    findings: list[Finding] = field(default_factory=list)
    files: int = 0
    problems: list[str] = field(default_factory=list)  # one line each: unreadable files, rule failures
    warnings: list[str] = field(default_factory=list)  # one line each: a cache folder refused
    input_errors: int = 0  # files that could not be read (or fixed): exit status 2
    texts: dict[str, str] = field(default_factory=dict)
    sources: dict[str, Source] = field(default_factory=dict)
    inventories: dict[str, dict] = field(default_factory=dict)  # path -> `factlint sources` document
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
        rank = FAIL_ON_RANK[fail_on]
        return 1 if any(SEVERITY_RANK[f.severity] >= rank for f in self.findings) else 0


def iter_inputs(options: CheckOptions):
    """Paths to read (in order, each once however often it is named), with ReadErrors for
    what cannot be found."""
    seen: set[str] = set()
    for path in options.paths:
        for item in [STDIN] if path == STDIN else discover([path], options.extensions):
            if isinstance(item, str):
                if item in seen:
                    continue
                seen.add(item)
            yield item


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
        self.eff = Effective(
            config=_DEFAULT,
            overrides=Overrides(),
            ruleset=ruleset,
            fail_on=options.cli.fail_on or DEFAULT_FAIL_ON,
            min_severity=options.severity or "info",
            accepted={},
        )

    def effective(self, path):
        return self.eff

    def excluded(self, path):
        return False


def lint_with_settings(doc, eff: Effective, report_unused_suppressions: bool = False):
    """A document's findings under its settings: house terms accepted, suppression comments
    applied, and below ``min-severity`` dropped. Shared by ``check`` and the language server.
    Returns (findings, rule errors)."""
    from . import suppressions
    from .engine import lint_document

    outcome = lint_document(doc, eff.ruleset)
    findings = [f for f in outcome.findings if not eff.accepts(f)]
    findings, directives = suppressions.apply(doc, findings)
    if report_unused_suppressions and directives:
        findings = sorted(
            findings + suppressions.unused_findings(doc, directives, eff.ruleset.rules, eff.known),
            key=lambda f: f.sort_key,
        )
    min_rank = SEVERITY_RANK[eff.min_severity]
    return [f for f in findings if SEVERITY_RANK[f.severity] >= min_rank], outcome.errors


class Pipeline:
    """Everything that turns one parsed document into the findings shown."""

    def __init__(self, options: CheckOptions, ruleset: RuleSet | None = None) -> None:
        self.options = options
        if ruleset is not None:
            self.resolver: _Fixed | Resolver = _Fixed(ruleset, options)
        else:
            cli = options.cli
            if options.severity is not None and cli.min_severity is None:
                cli = Cli(**{**cli.__dict__, "min_severity": options.severity})
            self.resolver = Resolver(cli, options.config, options.isolated)
        self.baseline = Baseline.load(options.baseline) if options.baseline else None
        self.changes: RepoChanges | None = None
        if options.diff_base:
            self.changes = changed_lines_of_paths(options.diff_base, list(options.paths))

    def core(self, doc, eff: Effective, result) -> tuple[list[Finding], list]:
        """A document's findings under its settings, with fingerprints when they are needed:
        what depends only on the file and its settings (and so may be cached).
        Rule errors go to ``result.problems``; (findings, errors)."""
        findings, errors = lint_with_settings(doc, eff, self.options.report_unused_suppressions)
        result.problems.extend(f"{e.path}: rule {e.rule}: {e.message}" for e in errors)
        if self.options.fingerprints or self.baseline is not None:
            for f in findings:
                f.fingerprint = fingerprint(doc, f)
        return findings, errors

    def post(self, path: str, findings: list[Finding]) -> tuple[list[Finding], list[Finding]]:
        """The filters that depend on more than the file (changed lines, the baseline):
        (findings shown, findings before the baseline filter)."""
        if self.changes is not None and path != STDIN:
            findings = [f for f in findings if self.changes.keeps(path, f.line, f.end_line)]
        before_baseline = findings
        if self.baseline is not None:
            findings = self.baseline.new_findings(path, findings)
        return findings, before_baseline

    def lint(self, doc, eff: Effective, result) -> tuple[list[Finding], list[Finding]]:
        """(findings shown, findings before the baseline filter)."""
        findings, _ = self.core(doc, eff, result)
        return self.post(doc.path, findings)


def run_check(options: CheckOptions, ruleset: RuleSet | None = None, stdin: BinaryIO | None = None) -> CheckResult:
    """Lint ``options.paths``. With ``ruleset``, use it for every file (no configuration
    files); without, each file gets the rules of its configuration.

    Files are linted in input order and the result is the same whatever ``options.jobs``
    is: with more than one job and enough input, the files that the cache does not
    answer are linted in worker processes (see :mod:`factlint.parallel`).

    Raises ConfigError, BaselineError or GitDiffError (``SetupError``) before linting
    when the run cannot start."""
    pipeline = Pipeline(options, ruleset)
    resolver = pipeline.resolver
    cache_warnings: list[str] = []
    cache = _open_cache(options, resolver, ruleset, cache_warnings)
    # 1. plan: what to read, with which settings (configuration files are read here, once)
    slots: list[FileResult | None] = []
    tasks: list[Task] = []
    effs: list[Effective] = []
    eff_ids: dict[int, int] = {}
    for item in iter_inputs(options):
        if isinstance(item, ReadError):
            slots.append(FileResult(problems=[str(item)], input_errors=1))
            continue
        config_path = (options.stdin_filename or STDIN) if item == STDIN else item
        if item != STDIN and resolver.excluded(item):
            continue
        eff = resolver.effective(config_path if config_path != STDIN else None)
        eff_id = eff_ids.get(id(eff))
        if eff_id is None:
            eff_id = eff_ids[id(eff)] = len(effs)
            effs.append(eff)
        tasks.append(Task(len(slots), item, eff_id))
        slots.append(None)
    # 2. the cache answers what it can
    settings = [_settings_key(cache, eff, options) for eff in effs]
    task_effs = {t.index: effs[t.eff_id] for t in tasks}
    if cache is not None and not options.keep_texts:
        tasks = _stat_hits(cache, tasks, settings, pipeline, slots)
    # 3. read the rest (the cache may still know their content), lint what it does not:
    #    here, or in worker processes
    from . import syllables

    state = WorkerState(pipeline, effs, settings, cache.folder if cache is not None else None, syllables._folder)
    file_tasks = [t for t in tasks if t.item != STDIN]
    for task in tasks:
        if task.item == STDIN:
            slots[task.index] = lint_file(state, task, stdin)
    for index, file_result in run_tasks(lint_file, state, file_tasks, options.jobs, options.auto_jobs):
        slots[index] = file_result
    # 4. put the results together in input order
    result = CheckResult(warnings=cache_warnings)
    for index, outcome in enumerate(slots):
        if outcome is None:
            continue
        _merge(result, outcome, task_effs.get(index), options)
        if cache is not None:
            if outcome.cache_entry is not None:
                cache.put(*outcome.cache_entry)
            if outcome.stat is not None and outcome.digest:
                cache.remember_digest(outcome.path, outcome.stat, outcome.digest)
    if cache is not None:
        from .cache import close_readers

        close_readers()
        cache.close()
    result.findings.sort(key=lambda f: f.sort_key)
    return result


def _merge(result: CheckResult, outcome: "FileResult", eff: Effective | None, options: CheckOptions) -> None:
    result.problems.extend(outcome.problems)
    result.input_errors += outcome.input_errors
    if outcome.linted:
        assert eff is not None  # every linted file's task has its settings
        result.files += 1
        result.paths.append(outcome.path)
        for rule in eff.ruleset.rules:
            result.rules.setdefault(rule.id, rule)
        result.findings.extend(outcome.findings)
        result.baseline_candidates.extend(outcome.before_baseline)
        fail_rank = FAIL_ON_RANK[eff.fail_on]
        result.failing += sum(1 for f in outcome.findings if SEVERITY_RANK[f.severity] >= fail_rank)
        if options.keep_texts and outcome.source is not None:
            assert outcome.text is not None  # kept together with the source
            result.texts[outcome.path] = outcome.text
            result.sources[outcome.path] = outcome.source
        if outcome.inventory is not None:
            result.inventories[outcome.path] = outcome.inventory
    result.fixed += outcome.fixed
    result.fixed_files += outcome.fixed_files
    result.diffs.extend(outcome.diffs)
    if outcome.fixed_stdin is not None:
        result.fixed_stdin = outcome.fixed_stdin


@dataclass
class Task:
    """One input to lint: its place in the output, the path (or '-'), its settings."""

    index: int
    item: str
    eff_id: int
    digest: str | None = None  # known from the cache's stat check or the parent's read
    stat: object | None = None  # os.stat_result taken before the cache lookup


@dataclass
class FileResult:
    """What linting one input gives; picklable, so a worker process can send it back."""

    path: str = ""
    linted: bool = False  # read and linted (counts as a file)
    findings: list[Finding] = field(default_factory=list)
    before_baseline: list[Finding] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    input_errors: int = 0
    fixed: int = 0
    fixed_files: int = 0
    diffs: list[str] = field(default_factory=list)
    fixed_stdin: str | None = None
    text: str | None = None  # kept only when the reporter needs it
    source: Source | None = None
    inventory: dict | None = None  # the source inventory, kept only when the reporter shows it
    cached: bool = False  # the findings came from the cache
    cache_entry: tuple[str, str] | None = None  # (key, payload) for the parent to store
    digest: str = ""
    stat: object | None = None


@dataclass
class WorkerState:
    """Everything linting a file needs besides the file: sent to (or inherited by) workers."""

    pipeline: "Pipeline"
    effs: list[Effective]
    settings: list[str | None]  # each eff's cache settings key (None: not cached)
    cache_folder: str | None = None  # where the result cache is (None: no cache)
    data_folder: str | None = None  # where compiled rules and the syllable table are kept

    def __getstate__(self):
        # a worker needs the options, the baseline, the changed lines and the settings --
        # not the resolver with every configuration file it read
        pipeline = Pipeline.__new__(Pipeline)
        pipeline.options = self.pipeline.options
        pipeline.baseline = self.pipeline.baseline
        pipeline.changes = self.pipeline.changes
        pipeline.resolver = None
        return {
            "pipeline": pipeline,
            "effs": self.effs,
            "settings": self.settings,
            "cache_folder": self.cache_folder,
            "data_folder": self.data_folder,
        }

    def __setstate__(self, state):
        self.__dict__.update(state)


def lint_file(state: WorkerState, task: Task, stdin: BinaryIO | None = None) -> FileResult:
    """Read and lint one input (in this process or a worker): from the cache when it has
    this content under these settings, else parse and lint."""
    pipeline = state.pipeline
    options = pipeline.options
    eff = state.effs[task.eff_id]
    out = FileResult()
    try:
        source, format_path = read_input(task.item, options, stdin)
    except ReadError as exc:
        out.problems.append(str(exc))
        out.input_errors += 1
        return out
    out.path = source.path
    out.linted = True
    if options.keep_texts:
        out.text = source.text
        out.source = source
    settings = state.settings[task.eff_id] if task.item != STDIN else None
    key = None
    if settings is not None and state.cache_folder is not None:
        from .cache import decode_findings, reader, result_key
        from .document.formats import format_for_path

        fmt = format_for_path(format_path)
        key = result_key(settings, source.digest, fmt)
        out.digest = source.digest
        out.stat = task.stat
        payload = reader(state.cache_folder).get(key)
        core = decode_findings(payload, source.path) if payload is not None else None
        if core is not None:
            out.cached = True
            out.findings, out.before_baseline = pipeline.post(source.path, core)
            if options.keep_inventories:
                out.inventory = _inventory(None, source.text, format_path, source.path)
            return out
    from .document.budget import DocumentRefused, work_budget

    try:
        with work_budget(len(source.text), options.work_budget):
            _lint_source(pipeline, eff, out, source, format_path, task, key)
    except DocumentRefused as exc:
        # a draft that would take unbounded time (or that the Markdown parser would
        # silently skip): one line, no findings, exit status 2
        # (what was found before the budget ran out is dropped, so nothing is half-reported)
        out.problems.append(f"{source.path}: {exc}")
        out.input_errors += 1
        out.linted = False
        out.findings, out.before_baseline, out.cache_entry, out.inventory = [], [], None, None
        out.diffs, out.fixed, out.fixed_files, out.fixed_stdin = [], 0, 0, None
    return out


def _lint_source(pipeline, eff: Effective, out: "FileResult", source: Source, format_path: str, task, key) -> None:
    """Parse and lint a source the cache did not answer, filling ``out`` (fixes, cache entry)."""
    from .document import parse

    options = pipeline.options
    text = source.text
    doc = parse(
        text, format_path, phrases=eff.ruleset.index, name=source.path, ignore_patterns=eff.overrides.ignore_patterns
    )
    core, errors = pipeline.core(doc, eff, out)
    findings, before_baseline = pipeline.post(doc.path, core)
    if options.fix or options.diff:
        fixed = _fix_loop(pipeline, eff, out, source, format_path, task.item == STDIN, findings, before_baseline)
        if not options.diff:  # --diff writes nothing: the file keeps the findings it has
            text, findings, before_baseline = fixed
        if options.keep_texts:
            out.text = text
    elif key is not None and not errors:
        from .cache import encode_findings

        out.cache_entry = (key, encode_findings(core))
    out.findings = findings
    out.before_baseline = before_baseline
    if options.keep_inventories:
        out.inventory = _inventory(doc if text is source.text else None, text, format_path, source.path)


def _inventory(doc, text: str, format_path: str, path: str) -> dict:
    """The source inventory of a draft (``factlint sources``): from the parsed document
    when there is one, else (the findings came from the cache, or fixes changed the
    text) from a fresh parse."""
    from .document import parse

    if doc is None:
        doc = parse(text, format_path, name=path)
    return document_inventory(doc)


def _settings_key(cache, eff: Effective, options: CheckOptions) -> str | None:
    if cache is None:
        return None
    from .cache import settings_key

    return settings_key(eff, options)


def _open_cache(options: CheckOptions, resolver, ruleset: RuleSet | None, warnings: list[str]):
    """The result cache for this run, or None (disabled, --fix/--diff, a given rule set,
    a folder that is not factlint's: a warning in ``warnings``). The same folder keeps
    compiled rule sets and the syllable table."""
    from . import syllables

    syllables.use_folder(None)
    if not options.cache or ruleset is not None:
        return None
    from .cache import ResultCache, default_cache_dir, folder_problem

    folder = options.cache_dir
    if folder is None:
        try:
            config = resolver.config_for(None)
            root = config.root if config.path else None
        except ConfigError:
            root = None
        folder = default_cache_dir(root)
    if all(p == STDIN for p in options.paths) and not os.path.isdir(folder):
        return None  # linting standard input never creates a cache folder
    problem = folder_problem(folder)
    if problem is not None:
        here = os.path.abspath(folder)
        shown = os.path.relpath(here) if (here + os.sep).startswith(os.getcwd() + os.sep) else folder
        warnings.append(f"{shown}: cache folder {problem}; running without a cache")
        return None
    resolver.rules_cache = folder
    syllables.use_folder(folder)
    if options.fix or options.diff:
        return None  # fixes are always computed afresh (the rule cache still helps)
    return ResultCache(folder)


def _stat_hits(cache, tasks: list[Task], settings: list[str | None], pipeline: "Pipeline", slots: list) -> list[Task]:
    """Answer from the cache, without reading them, the files whose size, times and inode
    are those recorded with a digest that has a result; return the tasks left."""
    from .cache import decode_findings, result_key
    from .document.formats import format_for_path

    left: list[Task] = []
    batch = 500
    for i in range(0, len(tasks), batch):
        chunk = tasks[i : i + batch]
        statted: list[Task] = []
        for task in chunk:
            if task.item == STDIN or settings[task.eff_id] is None:
                left.append(task)
                continue
            try:
                task.stat = os.stat(task.item)
            except OSError:
                left.append(task)  # the reader reports it
                continue
            statted.append(task)
        known = cache.known_digests([(t.item, t.stat) for t in statted])
        keyed: list[tuple[Task, str]] = []
        for task, digest in zip(statted, known):
            if digest is None:
                left.append(task)
                continue
            task.digest = digest
            task_settings = settings[task.eff_id]
            assert task_settings is not None  # tasks without cache settings were left above
            keyed.append((task, result_key(task_settings, digest, format_for_path(task.item))))
        payloads = cache.get_many([key for _, key in keyed])
        for task, key in keyed:
            payload = payloads.get(key)
            core = decode_findings(payload, task.item) if payload is not None else None
            if core is None:
                left.append(task)
                continue
            cache.hits += 1
            findings, before_baseline = pipeline.post(task.item, core)
            slots[task.index] = FileResult(
                path=task.item, linted=True, cached=True, findings=findings, before_baseline=before_baseline
            )
    left.sort(key=lambda t: t.index)
    return left


def _fix_loop(
    pipeline: Pipeline,
    eff: Effective,
    result: "FileResult",
    source: Source,
    format_path: str,
    is_stdin: bool,
    findings: list[Finding],
    before_baseline: list[Finding],
):
    from .document import parse
    from .document.budget import work_budget
    from .fixes import MAX_PASSES, FixError, applicable, apply_fixes, atomic_write, digest, encode, unified_diff

    options = pipeline.options
    text = source.text
    applied = 0
    for _ in range(MAX_PASSES):
        new_text, count = apply_fixes(text, applicable(findings, options.unsafe_fixes))
        if count == 0:
            break
        applied += count
        text = new_text
        with work_budget(len(text), options.work_budget):  # each fixed text is a new document
            doc = parse(
                text,
                format_path,
                phrases=eff.ruleset.index,
                name=source.path,
                ignore_patterns=eff.overrides.ignore_patterns,
            )
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
                raise FixError(
                    f"not fixed: its bytes are not valid {source.encoding.upper()}, "
                    "so it cannot be written back unchanged around the fixes"
                )
            atomic_write(source.path, encode(text, source.encoding, source.bom), expected_digest=source.digest)
        except FixError as exc:
            result.problems.append(f"{source.path}: {exc}")
            result.input_errors += 1
            return source.text, *_relint(pipeline, eff, result, source, format_path)
    result.fixed += applied
    result.fixed_files += 1
    return text, findings, before_baseline


def _relint(pipeline, eff, result, source, format_path):
    from .document import parse

    doc = parse(
        source.text,
        format_path,
        phrases=eff.ruleset.index,
        name=source.path,
        ignore_patterns=eff.overrides.ignore_patterns,
    )
    return pipeline.lint(doc, eff, result)
