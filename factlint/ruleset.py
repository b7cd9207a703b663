"""Find rule packs, load and validate them strictly, compile every rule once.

A pack is a folder of YAML files (or one file). A file may hold ``rules:`` (a list of
rules) and ``lexicons:`` (named word lists, shared by every pack). Problems are
collected, not raised one by one, so a rule author sees all of them at once, each as
``file:line: key: message``.
"""

from __future__ import annotations

import fnmatch
import hashlib
import json
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import cast

from .kinds import KINDS
from .kinds.base import CompileContext, CompileError, Rule
from .paths import builtin_rules_dir, shown_path
from .phrases import PhraseIndex
from .schema import ListOf, Obj, Str, validate
from .yamlload import LineDict, LineList, YamlError, load_yaml

RULE_FILE_SUFFIXES = (".yaml", ".yml")
BUILTIN_PACK = "builtin"  # the pack name of the rules that ship with factlint
#: '@name' expands a lexicon in a rule's words; inside a lexicon it would be a loop waiting to happen
LEXICON_IN_LEXICON = "a lexicon lists words and cannot include another lexicon ('@...'); list the words"


@dataclass
class RuleProblem:
    path: str
    line: int
    key: str
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
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
    #: what the rules were compiled from (factlint's code, rule files, house lexicons), hashed;
    #: "" for a rule set built by hand. Part of the result cache's keys.
    digest: str = ""

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
        return RuleSet(rules, self.index, self.lexicons, self.files, self.digest)


def matches(rule: Rule, pattern: str) -> bool:
    """Whether a --select/--ignore pattern names the rule: an id, a family, a glob, or the
    name of the installed pack it comes from (``builtin`` for factlint's own)."""
    pattern = pattern.strip()
    if pattern in ("ALL", "*"):
        return True
    return (
        rule.id == pattern
        or rule.category == pattern
        or fnmatch.fnmatchcase(rule.id, pattern)
        or (rule.pack == pattern and "/" not in pattern)
    )


def pattern_is_known(pattern: str, rules: list[Rule]) -> bool:
    return any(matches(rule, pattern) for rule in rules)


def rule_files(path: Path) -> list[Path]:
    if path.is_dir():
        return sorted(
            p
            for p in path.rglob("*")
            if p.suffix in RULE_FILE_SUFFIXES
            and p.is_file()
            and not any(part.startswith(".") for part in p.relative_to(path).parts)
        )
    return [path]


def load_rules(
    paths: Iterable[str | Path] = (),
    builtin: bool = True,
    lexicons: dict[str, Iterable[str]] | None = None,
    cache_dir: str | None = None,
    installed: bool = True,
) -> RuleSet:
    """Load the built-in packs (unless ``builtin`` is false), the installed packs (entry
    points in ``factlint.packs``, unless ``installed`` is false or the environment turns
    them off: :mod:`factlint.packs`) and the packs at ``paths``.

    ``lexicons`` (a configuration's house lexicons) extend the named lexicons of the
    packs, or define new ones, before any rule is compiled.

    With ``cache_dir``, the compiled rule set is also kept there (a pickle keyed by the
    rule files' contents, the house lexicons, factlint's code, the Python version and
    the current folder, which rule sources are named relative to) and read back next
    time instead of parsing, validating and compiling the YAML again. A cache file
    that is damaged, foreign or stale is ignored, and one not signed with this user's
    private key (see :func:`_signing_key`) is never unpickled."""
    house = lexicons or {}
    files: list[Path] = []
    pack_of: dict[Path, str] = {}  # rule file -> the pack it belongs to
    problems: list[RuleProblem] = []
    if builtin:
        for found_file in rule_files(builtin_rules_dir()):
            files.append(found_file)
            pack_of[found_file] = BUILTIN_PACK
    if installed:
        from .packs import disabled_by_environment, installed_packs

        for pack in () if disabled_by_environment() else installed_packs():
            label = f"installed rule pack '{pack.name}'"
            if pack.folder is None:
                problems.append(RuleProblem(label, 0, "", pack.problem))
                continue
            found = rule_files(pack.folder)
            if not found:
                problems.append(RuleProblem(label, 0, "", f"no .yaml rule files in {pack.folder}"))
            for found_file in found:
                files.append(found_file)
                pack_of[found_file] = pack.name
    for p in paths:
        path = Path(p)
        if not path.exists():
            problems.append(RuleProblem(str(path), 0, "", "rule pack not found"))
            continue
        found = rule_files(path)
        if not found:
            problems.append(RuleProblem(str(path), 0, "", "no .yaml rule files in this folder"))
        for found_file in found:
            files.append(found_file)
            pack_of.setdefault(found_file, shown_path(path))

    texts: list[tuple[str, str | None, RuleProblem | None]] = []  # (shown path, text, read problem)
    pack_of_shown: dict[str, str] = {}
    for path in files:
        shown = shown_path(path)
        pack_of_shown[shown] = pack_of[path]
        try:
            texts.append((shown, path.read_text(encoding="utf-8-sig"), None))
        except (OSError, UnicodeDecodeError) as exc:
            texts.append((shown, None, RuleProblem(shown, 0, "", f"cannot read rule file: {exc}")))
    readable = not problems and all(text is not None for _, text, _ in texts)
    digest = _digest(texts, builtin, house, pack_of_shown) if readable else ""
    cache_file = _cache_file(cache_dir, digest) if cache_dir and digest else None
    if cache_file is not None:
        cached = _read_cached(cache_file, digest)
        if cached is not None:
            return cached

    documents: list[tuple[str, LineDict]] = []
    for shown, text, problem in texts:
        if problem is not None:
            problems.append(problem)
            continue
        assert text is not None  # a text is None only with a read problem
        try:
            data = load_yaml(text)
        except YamlError as exc:
            problems.append(RuleProblem(shown, exc.line, "", exc.message))
            continue
        if data is None:
            continue
        if not isinstance(data, dict):
            problems.append(RuleProblem(shown, 1, "", "a rule file must be a mapping with 'rules:' and/or 'lexicons:'"))
            continue
        data = cast(LineDict, data)  # the loader builds every mapping as a LineDict
        if data and "rules" not in data and "lexicons" not in data:
            # not a rule file at all (say, a link to /etc/shadow): name it, never echo its content
            problems.append(
                RuleProblem(
                    shown, 1, "", "not a rule file: a rule file must be a mapping with 'rules:' and/or 'lexicons:'"
                )
            )
            continue
        for key in data:
            if key not in ("rules", "lexicons"):
                problems.append(
                    RuleProblem(
                        shown, data.key_line(key), str(key), "unknown top-level key (expected 'rules' or 'lexicons')"
                    )
                )
        documents.append((shown, data))

    pack_lexicons: dict[str, tuple[str, ...]] = {}
    lexicon_origin: dict[str, str] = {}
    lexicon_spec = Obj(values=ListOf(Str(), min_items=1))
    for shown, data in documents:
        lex = data.get("lexicons")
        if lex is None:
            continue
        for issue in validate(lexicon_spec, lex, data.key_line("lexicons"), "lexicons"):
            problems.append(RuleProblem(shown, issue.line, issue.key, issue.message))
        if not isinstance(lex, dict):
            continue
        lex = cast(LineDict, lex)  # the loader builds every mapping as a LineDict
        for name, words in lex.items():
            if name in pack_lexicons:
                problems.append(
                    RuleProblem(
                        shown,
                        lex.key_line(name),
                        f"lexicons.{name}",
                        f"lexicon already defined in {lexicon_origin[name]}",
                    )
                )
                continue
            if isinstance(words, list):
                for i, word in enumerate(words):
                    if isinstance(word, str) and word.startswith("@"):
                        where = words.item_line(i) if hasattr(words, "item_line") else lex.key_line(name)
                        problems.append(RuleProblem(shown, where, f"lexicons.{name}[{i}]", LEXICON_IN_LEXICON))
                if all(isinstance(w, str) for w in words):  # else reported above; never str() a nested value
                    pack_lexicons[str(name)] = tuple(words)
                    lexicon_origin[str(name)] = f"{shown}:{lex.key_line(name)}"

    for name, words in house.items():
        pack_lexicons[name] = tuple(dict.fromkeys(pack_lexicons.get(name, ()) + tuple(str(w) for w in words)))

    index = PhraseIndex()
    ctx = CompileContext(pack_lexicons, index)
    rules: list[Rule] = []
    seen: dict[str, str] = {}
    for shown, data in documents:
        specs = data.get("rules")
        if specs is None:
            continue
        if not isinstance(specs, list):
            problems.append(RuleProblem(shown, data.key_line("rules"), "rules", "must be a list of rules"))
            continue
        specs = cast(LineList, specs)  # the loader builds every list as a LineList
        for i, spec in enumerate(specs):
            line = specs.item_line(i)
            rule = _compile_one(shown, line, spec, ctx, problems)
            if rule is None:
                continue
            rule.pack = pack_of_shown[shown]
            if rule.id in seen:
                problems.append(
                    RuleProblem(shown, rule.line, "id", f"duplicate rule id '{rule.id}' (also at {seen[rule.id]})")
                )
                continue
            seen[rule.id] = f"{shown}:{rule.line}"
            rules.append(rule)
    if problems:
        for problem in problems:
            if problem.path in pack_of_shown:
                problem.message = _in_pack(problem.message, pack_of_shown[problem.path])
        raise RuleLoadError(problems)
    from .document.attribution import register_cues

    index.cues = register_cues(index)  # one scan per document for the rules and the finder
    index.freeze()
    ruleset = RuleSet(rules, index, pack_lexicons, [str(f) for f in files], digest)
    if cache_file is not None:
        _write_cached(cache_file, digest, ruleset)
    return ruleset


# -- compiled rule sets on disk ------------------------------------------------------------
_MAGIC = b"factlint-rules\n"


def _in_pack(message: str, pack: str) -> str:
    """A problem's message, naming the installed pack the file came from (a path in
    site-packages says little about which distribution to fix)."""
    if pack == BUILTIN_PACK or "/" in pack or os.sep in pack or pack.startswith("."):
        return message  # the built-in packs and --rules paths are named by their files
    return f"{message} (installed rule pack '{pack}')"


def _digest(
    texts: list[tuple[str, str | None, RuleProblem | None]], builtin: bool, house: dict, packs: dict | None = None
) -> str:
    """A hash of what a rule set is compiled from: factlint's code, the rule files' contents
    (in order), which pack each comes from, whether the built-in packs are in, and the
    house lexicons."""
    from .cache import code_stamp

    h = hashlib.sha256(code_stamp().encode())
    h.update(b"builtin\n" if builtin else b"no-builtin\n")
    h.update(json.dumps(sorted((packs or {}).items())).encode())
    for _, text, _ in texts:
        data = (text or "").encode("utf-8", "surrogatepass")
        h.update(b"%d\n" % len(data))
        h.update(data)
    h.update(json.dumps(sorted((str(k), [str(w) for w in v]) for k, v in house.items())).encode())
    return h.hexdigest()[:32]


def _cache_file(cache_dir: str, digest: str) -> Path:
    import sys

    where = hashlib.sha256(f"{digest}\0{os.getcwd()}\0{sys.version}".encode()).hexdigest()[:24]
    return Path(cache_dir) / f"rules-{where}.pickle"


def _signing_key() -> bytes | None:
    """The per-user key that signs cached rule sets (see :mod:`factlint.signing`)."""
    from .signing import signing_key

    return signing_key()


def _signature(key: bytes, digest: str, payload: bytes) -> bytes:
    from .signing import tag

    return tag(key, b"rules", digest.encode(), payload).encode()


def _read_cached(path: Path, digest: str) -> RuleSet | None:
    """The rule set cached at ``path``, if this user's factlint wrote it for ``digest``.
    The file is read without following a link or blocking (a planted FIFO or a link to
    ``/dev/stdin`` is no file), and unpickled only when its signature checks."""
    import pickle

    from .safefile import read_regular
    from .signing import same

    key = _signing_key()
    if key is None:
        return None
    data = read_regular(str(path))
    if data is None:
        return None
    head = _MAGIC + digest.encode() + b"\n"
    if not data.startswith(head) or data[len(head) + 64 : len(head) + 65] != b"\n":
        return None  # not ours, or compiled from something else
    signature = data[len(head) : len(head) + 64]
    payload = data[len(head) + 65 :]
    if not same(signature, _signature(key, digest, payload)):
        return None  # not written by this user's factlint: never unpickle it
    try:
        ruleset = pickle.loads(payload)
    except Exception:  # from another version: compile instead
        return None
    if not isinstance(ruleset, RuleSet) or ruleset.digest != digest:
        return None
    return ruleset


def _write_cached(path: Path, digest: str, ruleset: RuleSet) -> None:
    import pickle

    from .cache import prepare_dir
    from .safefile import replace_with

    key = _signing_key()
    if key is None or not prepare_dir(str(path.parent)):
        return
    try:
        payload = pickle.dumps(ruleset, protocol=pickle.HIGHEST_PROTOCOL)
    except Exception:  # a cache that cannot be written is no cache; never an error
        return
    replace_with(
        str(path),
        _MAGIC + digest.encode() + b"\n" + _signature(key, digest, payload) + b"\n" + payload,
        prefix=".rules-",
    )


def _compile_one(shown: str, line: int, spec, ctx: CompileContext, problems: list[RuleProblem]) -> Rule | None:
    if not isinstance(spec, dict):
        problems.append(RuleProblem(shown, line, "rules", "each rule must be a mapping"))
        return None
    spec = cast(LineDict, spec)  # the loader builds every mapping as a LineDict
    label = f"rule '{spec.get('id')}'" if isinstance(spec.get("id"), str) else "rule"
    kind = spec.get("kind")
    if kind not in KINDS:
        known = ", ".join(KINDS)
        msg = f"missing 'kind' (one of: {known})" if kind is None else f"unknown kind '{kind}' (one of: {known})"
        problems.append(
            RuleProblem(shown, spec.key_line("kind") if kind is not None else line, "kind", f"{label}: {msg}")
        )
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
            "lexicons": {
                "type": "object",
                "additionalProperties": {"type": "array", "items": {"type": "string"}, "minItems": 1},
            },
        },
    }


def json_schema_text() -> str:
    return json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"
