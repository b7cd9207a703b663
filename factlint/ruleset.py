"""Find rule packs, load and validate them strictly, compile every rule once.

A pack is a folder of YAML files (or one file). A file may hold ``rules:`` (a list of
rules) and ``lexicons:`` (named word lists, shared by every pack). Problems are
collected, not raised one by one, so a rule author sees all of them at once, each as
``file:line: key: message``.
"""
from __future__ import annotations

import fnmatch
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from .kinds import KINDS
from .kinds.base import CompileContext, CompileError, Rule
from .paths import builtin_rules_dir, shown_path
from .phrases import PhraseIndex
from .schema import ListOf, Obj, Str, validate
from .yamlload import LineDict, YamlError, load_yaml

RULE_FILE_SUFFIXES = (".yaml", ".yml")

@dataclass
class RuleProblem:
    path: str
    line: int
    key: str
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}"
        return f"{where}: {self.key}: {self.message}" if self.key else f"{where}: {self.message}"


class RuleLoadError(Exception):
    def __init__(self, problems: list[RuleProblem]) -> None:
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems


@dataclass
class RuleSet:
    """Compiled rules and the shared phrase index. Picklable; reuse it across documents."""

    rules: list[Rule]
    index: PhraseIndex
    lexicons: dict[str, tuple[str, ...]] = field(default_factory=dict)
    files: list[str] = field(default_factory=list)

    def get(self, rule_id: str) -> Rule | None:
        for rule in self.rules:
            if rule.id == rule_id:
                return rule
        return None

    def selected(self, select: Iterable[str] = (), ignore: Iterable[str] = ()) -> "RuleSet":
        """The rules picked by ``select`` (default: those enabled) minus ``ignore``."""
        select, ignore = list(select), list(ignore)
        rules = []
        for rule in self.rules:
            if select:
                # a rule that is off by default runs only when selected by its exact id
                if not any(matches(rule, s) for s in select):
                    continue
                if not rule.enabled and rule.id not in select:
                    continue
            elif not rule.enabled:
                continue
            if any(matches(rule, i) for i in ignore):
                continue
            rules.append(rule)
        return RuleSet(rules, self.index, self.lexicons, self.files)


def matches(rule: Rule, pattern: str) -> bool:
    """Whether a --select/--ignore pattern names the rule: an id, a family, or a glob."""
    pattern = pattern.strip()
    if pattern in ("ALL", "*"):
        return True
    return (rule.id == pattern or rule.category == pattern
            or fnmatch.fnmatchcase(rule.id, pattern))


def pattern_is_known(pattern: str, rules: list[Rule]) -> bool:
    return any(matches(rule, pattern) for rule in rules)


def rule_files(path: Path) -> list[Path]:
    if path.is_dir():
        return sorted(p for p in path.rglob("*") if p.suffix in RULE_FILE_SUFFIXES and p.is_file()
                      and not any(part.startswith(".") for part in p.relative_to(path).parts))
    return [path]


def load_rules(paths: Iterable[str | Path] = (), builtin: bool = True,
               lexicons: dict[str, Iterable[str]] | None = None) -> RuleSet:
    """Load the built-in packs (unless ``builtin`` is false) and the packs at ``paths``.

    ``lexicons`` (a configuration's house lexicons) extend the named lexicons of the
    packs, or define new ones, before any rule is compiled."""
    house = lexicons or {}
    files: list[Path] = []
    problems: list[RuleProblem] = []
    if builtin:
        files.extend(rule_files(builtin_rules_dir()))
    for p in paths:
        path = Path(p)
        if not path.exists():
            problems.append(RuleProblem(str(path), 0, "", "rule pack not found"))
            continue
        found = rule_files(path)
        if not found:
            problems.append(RuleProblem(str(path), 0, "", "no .yaml rule files in this folder"))
        files.extend(found)

    documents: list[tuple[str, LineDict]] = []
    for path in files:
        shown = shown_path(path)
        try:
            text = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            problems.append(RuleProblem(shown, 0, "", f"cannot read rule file: {exc}"))
            continue
        try:
            data = load_yaml(text)
        except YamlError as exc:
            problems.append(RuleProblem(shown, exc.line, "", exc.message))
            continue
        if data is None:
            continue
        if not isinstance(data, dict):
            problems.append(RuleProblem(shown, 1, "", "a rule file must be a mapping with 'rules:' "
                                                      "and/or 'lexicons:'"))
            continue
        for key in data:
            if key not in ("rules", "lexicons"):
                problems.append(RuleProblem(shown, data.key_line(key), str(key),
                                            "unknown top-level key (expected 'rules' or 'lexicons')"))
        documents.append((shown, data))

    lexicons: dict[str, tuple[str, ...]] = {}
    lexicon_origin: dict[str, str] = {}
    lexicon_spec = Obj(values=ListOf(Str(), min_items=1))
    for shown, data in documents:
        lex = data.get("lexicons")
        if lex is None:
            continue
        for p in validate(lexicon_spec, lex, data.key_line("lexicons"), "lexicons"):
            problems.append(RuleProblem(shown, p.line, p.key, p.message))
        if not isinstance(lex, dict):
            continue
        for name, words in lex.items():
            if name in lexicons:
                problems.append(RuleProblem(shown, lex.key_line(name), f"lexicons.{name}",
                                            f"lexicon already defined in {lexicon_origin[name]}"))
                continue
            if isinstance(words, list):
                lexicons[str(name)] = tuple(str(w) for w in words)
                lexicon_origin[str(name)] = f"{shown}:{lex.key_line(name)}"

    for name, words in house.items():
        lexicons[name] = tuple(dict.fromkeys(lexicons.get(name, ()) + tuple(str(w) for w in words)))

    index = PhraseIndex()
    ctx = CompileContext(lexicons, index)
    rules: list[Rule] = []
    seen: dict[str, str] = {}
    for shown, data in documents:
        specs = data.get("rules")
        if specs is None:
            continue
        if not isinstance(specs, list):
            problems.append(RuleProblem(shown, data.key_line("rules"), "rules", "must be a list of rules"))
            continue
        for i, spec in enumerate(specs):
            line = specs.item_line(i)
            rule = _compile_one(shown, line, spec, ctx, problems)
            if rule is None:
                continue
            if rule.id in seen:
                problems.append(RuleProblem(shown, rule.line, "id",
                                            f"duplicate rule id '{rule.id}' (also at {seen[rule.id]})"))
                continue
            seen[rule.id] = f"{shown}:{rule.line}"
            rules.append(rule)
    if problems:
        raise RuleLoadError(problems)
    index.freeze()
    return RuleSet(rules, index, lexicons, [str(f) for f in files])


def _compile_one(shown: str, line: int, spec, ctx: CompileContext,
                 problems: list[RuleProblem]) -> Rule | None:
    if not isinstance(spec, dict):
        problems.append(RuleProblem(shown, line, "rules", "each rule must be a mapping"))
        return None
    label = f"rule '{spec.get('id')}'" if isinstance(spec.get("id"), str) else "rule"
    kind = spec.get("kind")
    if kind not in KINDS:
        known = ", ".join(KINDS)
        msg = f"missing 'kind' (one of: {known})" if kind is None else f"unknown kind '{kind}' (one of: {known})"
        problems.append(RuleProblem(shown, spec.key_line("kind") if kind is not None else line,
                                    "kind", f"{label}: {msg}"))
        return None
    cls = KINDS[kind]
    found = validate(cls.spec_type(), spec, line)
    if found:
        for p in found:
            problems.append(RuleProblem(shown, p.line, p.key, f"{label}: {p.message}"))
        return None
    try:
        return cls(spec, ctx, source=shown)
    except CompileError as exc:
        problems.append(RuleProblem(shown, exc.line, exc.key, f"{label}: {exc.message}"))
        return None


def json_schema() -> dict:
    """The JSON Schema of a rule file, generated from the kinds' declarations."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://github.com/factlint/factlint/blob/main/docs/rules.schema.json",
        "title": "factlint rule file",
        "description": "A factlint rule pack file: rules and/or named lexicons. See docs/rule-authoring.md.",
        "type": "object",
        "additionalProperties": False,
        "properties": {
            "rules": {"type": "array", "items": {"oneOf": [cls.spec_type().json_schema() for cls in KINDS.values()]}},
            "lexicons": {"type": "object", "additionalProperties": {
                "type": "array", "items": {"type": "string"}, "minItems": 1}},
        },
    }


def json_schema_text() -> str:
    return json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"
