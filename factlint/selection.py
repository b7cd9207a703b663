"""Which rules run on each file, and how: from the settings to a rule set.

The settings of a file are its configuration file's (:mod:`factlint.config`: the file
that discovery finds, or ``--config``, or none with ``--isolated``), then the per-path
entries that match it, then the command line (:class:`Cli`). :class:`Resolver` turns
them into the file's :class:`Effective` settings: the rule packs compiled once per
distinct set of packs and lexicons (:func:`factlint.ruleset.load_rules`), then selected
and re-tuned by :func:`apply_overrides` (``select``, ``extend-select``, ``ignore``,
``severity``, ``thresholds``), with the house terms each rule accepts. A pattern that
names no rule is a configuration error. :func:`describe` shows the result
(``factlint config``).
"""

from __future__ import annotations

import copy
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from .config import (
    _DEFAULT,
    ConfigError,
    ConfigFile,
    ConfigProblem,
    Overrides,
    _folder_of,
    find_config_file,
    load_config_file,
)
from .finding import DEFAULT_FAIL_ON, Finding
from .paths import shown_path
from .phrases import normalise_phrase
from .ruleset import RuleLoadError, RuleSet, load_rules, matches, pattern_is_known


@dataclass(frozen=True)
class Cli:
    """What the command line says (None: not given)."""

    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    rules: tuple[str, ...] = ()
    no_builtin: bool = False
    no_installed_packs: bool = False
    fail_on: str | None = None
    min_severity: str | None = None

    def overrides(self) -> Overrides:
        return Overrides(select=self.select, extend_select=self.extend_select, ignore=self.ignore)


@dataclass
class Effective:
    """The settings for one file: its rules and how to filter and judge its findings."""

    config: ConfigFile
    overrides: Overrides
    ruleset: RuleSet
    fail_on: str
    min_severity: str
    accepted: dict[str, frozenset[str]]  # rule id -> normalised accepted terms
    #: (id, family) of every rule loaded, selected or not: a suppression comment naming
    #: none of them names a rule that does not exist (a typo)
    known: tuple[tuple[str, str], ...] | None = None

    def accepts(self, finding: Finding) -> bool:
        terms = self.accepted.get(finding.rule)
        if not terms:
            return False
        return normalise_phrase(finding.match, False) in terms


class Resolver:
    """Maps each linted path to its :class:`Effective` settings.

    Configuration files are read once each; rules are compiled once per distinct set of
    packs and lexicons, and the selected, re-tuned rule set is built once per distinct
    configuration -- never per file.
    """

    def __init__(
        self, cli: Cli = Cli(), config_path: str | None = None, isolated: bool = False, rules_cache: str | None = None
    ) -> None:
        self.cli = cli
        self.isolated = isolated
        self.rules_cache = rules_cache  # a folder for compiled rule sets (see ruleset.load_rules)
        self.forced = load_config_file(config_path) if config_path else None
        self._files: dict[Path, ConfigFile] = {}
        self._dirs: dict[Path, ConfigFile] = {}
        self._compiled: dict[tuple, RuleSet] = {}
        self._effective: dict[tuple, Effective] = {}
        self.loads = 0  # how many times rule packs were compiled

    # configuration files
    def config_for(self, path: str | None) -> ConfigFile:
        if self.forced is not None:
            return self.forced
        if self.isolated:
            return _DEFAULT
        folder = _folder_of(path) if path and path != "-" else Path.cwd().resolve()
        cached = self._dirs.get(folder)
        if cached is not None:
            return cached
        found = find_config_file(folder)
        if found is None:
            config = _DEFAULT
        else:
            known = self._files.get(found)
            if known is None:
                known = self._files[found] = load_config_file(found)
            config = known
        self._dirs[folder] = config
        return config

    # rules
    def _compile(self, config: ConfigFile) -> RuleSet:
        builtin = config.builtin and not self.cli.no_builtin
        installed = config.installed_packs and not self.cli.no_installed_packs
        packs = tuple(dict.fromkeys(config.rules + tuple(os.path.abspath(r) for r in self.cli.rules)))
        key = (packs, builtin, installed, config.lexicons)
        ruleset = self._compiled.get(key)
        if ruleset is None:
            self.loads += 1
            try:
                ruleset = load_rules(
                    packs,
                    builtin=builtin,
                    lexicons=dict(config.lexicons),
                    cache_dir=self.rules_cache,
                    installed=installed,
                )
            except RuleLoadError as exc:
                where = f" (rule packs of {config.label})" if config.path and config.rules else ""
                raise ConfigError(
                    [ConfigProblem(p.path, p.line, p.key, p.message + where) for p in exc.problems]
                ) from None
            self._compiled[key] = ruleset
        return ruleset

    def effective(self, path: str | None) -> Effective:
        config = self.config_for(path)
        overrides = config.overrides_for(path).then(self.cli.overrides())
        key = (config, overrides)
        found = self._effective.get(key)
        if found is None:
            base = self._compile(config)
            _check_patterns(config, overrides, base, self.cli)
            ruleset = apply_overrides(base, overrides)
            found = Effective(
                config=config,
                overrides=overrides,
                ruleset=ruleset,
                fail_on=self.cli.fail_on or config.fail_on or DEFAULT_FAIL_ON,
                min_severity=self.cli.min_severity or config.min_severity or "info",
                accepted=_accepted(ruleset, overrides),
                known=tuple((r.id, r.category) for r in base.rules),
            )
            self._effective[key] = found
        return found

    def excluded(self, path: str) -> bool:
        return self.config_for(path).excluded(path)


def apply_overrides(base: RuleSet, overrides: Overrides) -> RuleSet:
    """The rules of ``base`` picked and re-tuned by ``overrides`` (rules are copied, not changed)."""
    select = overrides.select or ()
    off = tuple(p for p, level in overrides.severity if level == "off")
    ignore = overrides.ignore + off
    picked = {r.id for r in base.selected(select, ()).rules}
    extend = overrides.extend_select
    for rule in base.rules:
        if any(matches(rule, p) for p in extend) and (rule.enabled or rule.id in extend):
            picked.add(rule.id)
    rules = []
    thresholds: dict[str, dict[str, float]] = {}
    for rule_id, items in overrides.thresholds:
        thresholds.setdefault(rule_id, {}).update(dict(items))
    for rule in base.rules:
        if rule.id not in picked or any(matches(rule, p) for p in ignore):
            continue
        level = _severity_for(rule, overrides.severity)
        limits = thresholds.get(rule.id)
        if (level and level != rule.severity) or limits:
            rule = copy.copy(rule)
            if level:
                rule.severity = level
            for key, value in (limits or {}).items():
                setattr(rule, key.replace("-", "_"), value)
        rules.append(rule)
    return RuleSet(rules, base.index, base.lexicons, base.files, base.digest)


def _severity_for(rule, items: Iterable[tuple[str, str]]) -> str | None:
    exact = general = None
    for pattern, level in items:
        if level == "off":
            continue
        if pattern == rule.id:
            exact = level
        elif matches(rule, pattern):
            general = level
    return exact or general


def _accepted(ruleset, overrides: Overrides) -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = {}
    for pattern, terms in overrides.accept:
        normal = {normalise_phrase(t, False) for t in terms}
        for rule in ruleset.rules:
            if pattern == "*" or matches(rule, pattern):
                out.setdefault(rule.id, set()).update(normal)
    return {k: frozenset(v) for k, v in out.items()}


def _check_patterns(config: ConfigFile, overrides: Overrides, base, cli: Cli) -> None:
    """Every pattern must name a rule; every threshold a metric rule."""
    problems: list[ConfigProblem] = []
    label = config.label or "command line"

    def check(patterns, *keys):
        for pattern in patterns:
            if pattern in ("ALL", "*") or pattern_is_known(pattern, base.rules):
                continue
            if config.path is None or not keys:
                problems.append(ConfigProblem("factlint", 0, "", f"'{pattern}' matches no rule (see 'factlint rules')"))
            else:
                problems.append(
                    ConfigProblem(
                        label,
                        config.line_of(*keys),
                        ".".join(str(k) for k in keys),
                        f"'{pattern}' matches no rule (see 'factlint rules')",
                    )
                )

    for scope_keys, ov in _override_sources(config):
        check(ov.select or (), *scope_keys, "select")
        check(ov.extend_select, *scope_keys, "extend-select")
        check(ov.ignore, *scope_keys, "ignore")
        for pattern, _ in ov.severity:
            check((pattern,), *scope_keys, "severity", pattern)
        for pattern, _ in ov.accept:
            if pattern != "*":
                check((pattern,), *scope_keys, "accept", pattern)
        for rule_id, _ in ov.thresholds:
            rule = base.get(rule_id)
            keys = (*scope_keys, "thresholds", rule_id)
            if rule is None:
                problems.append(
                    ConfigProblem(
                        label, config.line_of(*keys), ".".join(keys), f"no rule '{rule_id}' (see 'factlint rules')"
                    )
                )
            elif rule.kind != "metric":
                problems.append(
                    ConfigProblem(
                        label,
                        config.line_of(*keys),
                        ".".join(keys),
                        f"'{rule_id}' is a {rule.kind} rule; thresholds apply to metric rules",
                    )
                )
    for option, patterns in (
        ("--select", cli.select or ()),
        ("--extend-select", cli.extend_select),
        ("--ignore", cli.ignore),
    ):
        for pattern in patterns:
            if pattern not in ("ALL", "*") and not pattern_is_known(pattern, base.rules):
                problems.append(ConfigProblem(option, 0, "", f"'{pattern}' matches no rule (see 'factlint rules')"))
    if problems:
        unique = list({str(p): p for p in problems}.values())
        raise ConfigError(unique)


def _override_sources(config: ConfigFile):
    yield (), config.overrides
    for pattern, ov in config.per_path:
        yield ("per-path", pattern), ov


def describe(resolver: Resolver, path: str) -> dict:
    """The effective configuration for ``path`` as plain data."""
    eff = resolver.effective(path)
    config = eff.config
    ov = eff.overrides
    matched = config.per_path_matches(path) if config.path else []
    return {
        "path": path,
        "config-file": shown_path(Path(config.path)) if config.path else None,
        "select": list(ov.select) if ov.select is not None else None,
        "extend-select": list(ov.extend_select),
        "ignore": list(ov.ignore),
        "severity": {p: level for p, level in ov.severity},
        "fail-on": eff.fail_on,
        "min-severity": eff.min_severity,
        "exclude": list(config.exclude),
        "excluded": config.excluded(path) if path not in (".", "-") else False,
        "rules": [shown_path(Path(r)) for r in config.rules] + list(resolver.cli.rules),
        "builtin": config.builtin and not resolver.cli.no_builtin,
        "installed-packs": config.installed_packs and not resolver.cli.no_installed_packs,
        "lexicons": {name: list(words) for name, words in config.lexicons},
        "accept": {pattern: list(terms) for pattern, terms in ov.accept},
        "thresholds": {rule_id: dict(items) for rule_id, items in ov.thresholds},
        "ignore-patterns": {"block": list(ov.ignore_block), "inline": list(ov.ignore_inline)},
        "per-path-matched": matched,
        "active-rules": {r.id: r.severity for r in sorted(eff.ruleset.rules, key=lambda r: r.id)},
    }


__all__ = ["Cli", "Effective", "Resolver", "apply_overrides", "describe"]
