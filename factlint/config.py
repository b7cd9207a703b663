"""Configuration: ``.factlint.yaml`` or ``[tool.factlint]`` in ``pyproject.toml``.

Discovery walks up from each linted file's folder; the closest configuration file wins
(files are not merged, as with ruff, unless one says ``extend:``). In one folder ``.factlint.yaml`` beats
``.factlint.yml`` beats a ``pyproject.toml`` with a ``[tool.factlint]`` table.
``--config FILE`` uses one file for every path; ``--isolated`` uses none.

Precedence, lowest first: the built-in defaults, the configuration file, its
``per-path`` entries that match the file (in order), then the command line
(``--select`` replaces ``select``; ``--extend-select`` and ``--ignore`` add).
``ignore`` always beats ``select``. Reference: docs/configuration.md.

Files are validated strictly with the same machinery as rule files
(:mod:`factlint.schema`): an unknown key or a bad value is a
``file:line: key: message`` error.

This module reads configuration files; which rules they select for each file, and how
(the ``Resolver``), is :mod:`factlint.selection`.
"""

from __future__ import annotations

import dataclasses
import functools
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import regex

from .finding import FAIL_ON_LEVELS, SEVERITIES
from .paths import shown_path
from .schema import Bool, Field, ListOf, Num, Obj, Problem, Str, Type, validate
from .tomlload import tomllib as load_tomllib
from .yamlload import LineDict, LineList, YamlError, load_yaml

CONFIG_NAMES = (".factlint.yaml", ".factlint.yml", "pyproject.toml")
LEVELS = SEVERITIES + ("off",)
THRESHOLD_KEYS = ("max", "min", "min-words")


# -- problems ------------------------------------------------------------------------
@dataclass
class ConfigProblem:
    path: str
    line: int
    key: str
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.key}: {self.message}" if self.key else f"{where}: {self.message}"


class ConfigError(Exception):
    def __init__(self, problems: list[ConfigProblem]) -> None:
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems


# -- the schema ----------------------------------------------------------------------
class Patterns(Type):
    """Rule patterns: a list, or one string with commas ("sourcing, framing/*")."""

    description = "Rule ids, families or globs, as with --select."

    def check(self, value, key, line, problems):
        if isinstance(value, str):
            return
        ListOf(Str(), allow_single=True).check(value, key, line, problems)

    def json_schema(self):
        return {
            "anyOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}],
            "description": self.description,
        }


class Accept(Type):
    """Accepted terms: a list (for every rule) or a mapping rule pattern -> list."""

    def check(self, value, key, line, problems):
        if isinstance(value, list):
            ListOf(Str()).check(value, key, line, problems)
        elif isinstance(value, dict):
            Obj(values=ListOf(Str())).check(value, key, line, problems)
        else:
            problems.append(
                Problem(line, key, "must be a list of terms, or a mapping of rule patterns to lists of terms")
            )

    def json_schema(self):
        terms = {"type": "array", "items": {"type": "string"}}
        return {"anyOf": [terms, {"type": "object", "additionalProperties": terms}]}


class Level(Type):
    """error, warning, info or off -- and YAML's unquoted ``off``/``no``/``false``, read as false."""

    def check(self, value, key, line, problems):
        if value is False:
            return
        Str(enum=LEVELS).check(value, key, line, problems)

    def json_schema(self):
        return {"anyOf": [{"type": "string", "enum": list(LEVELS)}, {"const": False}]}


def _level(value) -> str:
    return "off" if value is False else str(value)


_SEVERITY_MAP = Obj(values=Level(), description="Rule id, family or glob -> error, warning, info or off.")
_THRESHOLDS = Obj(
    values=Obj(
        fields={
            "max": Field(Num(), description="Report values above this."),
            "min": Field(Num(), description="Report values below this."),
            "min-words": Field(Num(minimum=0, integer=True), description="Skip shorter units."),
        }
    ),
    description="Metric rule id -> new limits.",
)

OVERRIDE_FIELDS = {
    "select": Field(Patterns(), description="Only these rules (replaces the file's `select`)."),
    "extend-select": Field(Patterns(), description="Add these rules."),
    "ignore": Field(Patterns(), description="Skip these rules."),
    "severity": Field(_SEVERITY_MAP, description="Severity per rule or family; `off` ignores it."),
    "accept": Field(Accept(), description="House terms: findings whose match is one of them are dropped."),
    "thresholds": Field(_THRESHOLDS, description="New max/min for metric (readability) rules."),
    "ignore-patterns": Field(
        Obj(
            fields={
                "block": Field(
                    ListOf(Str(regex_syntax=True)),
                    description="Regular expressions (multiline) whose matches' whole lines are not prose.",
                ),
                "inline": Field(
                    ListOf(Str(regex_syntax=True)),
                    description="Regular expressions whose matches inside prose are not read.",
                ),
            }
        ),
        description="Regions and spans that are not prose, as Vale's BlockIgnores/TokenIgnores.",
    ),
}

CONFIG_SPEC = Obj(
    fields={
        **OVERRIDE_FIELDS,
        "fail-on": Field(
            Str(enum=FAIL_ON_LEVELS),
            description="Exit 1 when a finding is at least this severe (default: error; never: findings never fail).",
        ),
        "min-severity": Field(Str(enum=SEVERITIES), description="Show findings of at least this severity."),
        "exclude": Field(ListOf(Str()), description="Globs (relative to this file) of paths not to lint."),
        "rules": Field(ListOf(Str(), allow_single=True), description="Extra rule packs, relative to this file."),
        "builtin": Field(Bool(), description="Load the built-in rule packs (default true)."),
        "installed-packs": Field(
            Bool(),
            description="Load rule packs installed with pip (entry points in factlint.packs; default true).",
        ),
        "extend": Field(
            Str(),
            description="Inherit this configuration file (relative to this file); this file's keys replace its keys.",
        ),
        "lexicons": Field(
            Obj(values=ListOf(Str(), min_items=1)),
            description="Extend a named lexicon (rules use it as @name) or define a new one.",
        ),
        "per-path": Field(
            Obj(values=Obj(fields=OVERRIDE_FIELDS)),
            description="Glob (relative to this file) -> overrides for matching files.",
        ),
    },
    description="factlint configuration (.factlint.yaml or [tool.factlint] in pyproject.toml).",
)


# -- globs ---------------------------------------------------------------------------
@functools.lru_cache(maxsize=512)
def _glob_regex(pattern: str):
    anchored = "/" in pattern.rstrip("/")
    if pattern.endswith("/"):
        pattern += "**"
    pattern = pattern.lstrip("/")
    out = []
    i = 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif pattern.startswith("**", i):
            out.append(".*")
            i += 2
        elif pattern[i] == "*":
            out.append("[^/]*")
            i += 1
        elif pattern[i] == "?":
            out.append("[^/]")
            i += 1
        elif pattern[i] == "[":
            j = pattern.find("]", i + 1)
            if j == -1:
                out.append(regex.escape("["))
                i += 1
            else:
                body = pattern[i + 1 : j]
                out.append("[" + ("^" + body[1:] if body.startswith("!") else body) + "]")
                i = j + 1
        else:
            out.append(regex.escape(pattern[i]))
            i += 1
    prefix = "" if anchored else "(?:.*/)?"
    return regex.compile(prefix + "".join(out))


def glob_matches(pattern: str, rel_path: str) -> bool:
    """gitignore-like: ``opinion/**`` is anchored at the config's folder, ``*.txt`` matches
    anywhere, and a pattern matching a folder matches everything inside it."""
    rx = _glob_regex(pattern)
    parts = rel_path.split("/")
    return any(rx.fullmatch("/".join(parts[:i])) for i in range(1, len(parts) + 1))


# -- one configuration file ----------------------------------------------------------
def _tuple(value) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    out: list[str] = []
    for item in value:
        out.extend(v.strip() for v in str(item).split(",") if v.strip())
    return tuple(out)


@dataclass(frozen=True)
class Overrides:
    """Settings that select and tune rules: a config file's top level, a per-path entry, or the CLI."""

    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: tuple[tuple[str, str], ...] = ()
    accept: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (rule pattern or "*", terms)
    thresholds: tuple[tuple[str, tuple[tuple[str, float], ...]], ...] = ()
    ignore_block: tuple[str, ...] = ()  # ignore-patterns.block
    ignore_inline: tuple[str, ...] = ()  # ignore-patterns.inline

    @property
    def ignore_patterns(self) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """``(block, inline)``, as :func:`factlint.document.parse` takes them."""
        return self.ignore_block, self.ignore_inline

    @classmethod
    def from_data(cls, data: dict) -> "Overrides":
        accept = data.get("accept")
        accept_items: tuple[tuple[str, tuple[str, ...]], ...]
        if isinstance(accept, list):
            accept_items = (("*", tuple(str(t) for t in accept)),)
        elif isinstance(accept, dict):
            accept_items = tuple((str(k), tuple(str(t) for t in v)) for k, v in accept.items())
        else:
            accept_items = ()
        ignores = data.get("ignore-patterns") or {}
        return cls(
            select=_tuple(data["select"]) if "select" in data else None,
            extend_select=_tuple(data.get("extend-select")),
            ignore=_tuple(data.get("ignore")),
            severity=tuple((str(k), _level(v)) for k, v in (data.get("severity") or {}).items()),
            accept=accept_items,
            thresholds=tuple(
                (str(k), tuple((str(a), b) for a, b in v.items())) for k, v in (data.get("thresholds") or {}).items()
            ),
            ignore_block=tuple(str(p) for p in ignores.get("block") or ()),
            ignore_inline=tuple(str(p) for p in ignores.get("inline") or ()),
        )

    def then(self, later: "Overrides") -> "Overrides":
        """These settings with ``later`` applied on top."""
        return Overrides(
            select=later.select if later.select is not None else self.select,
            extend_select=self.extend_select + later.extend_select,
            ignore=self.ignore + later.ignore,
            severity=self.severity + later.severity,
            accept=self.accept + later.accept,
            thresholds=self.thresholds + later.thresholds,
            ignore_block=self.ignore_block + later.ignore_block,
            ignore_inline=self.ignore_inline + later.ignore_inline,
        )


@dataclass(frozen=True)
class ConfigFile:
    """A loaded configuration file (or the empty default when ``path`` is None)."""

    path: str | None = None
    root: str = "."  # globs and packs are relative to this folder
    overrides: Overrides = Overrides()
    fail_on: str | None = None
    min_severity: str | None = None
    exclude: tuple[str, ...] = ()
    exclude_root: str | None = None  # where ``exclude`` came from, when inherited by ``extend``
    rules: tuple[str, ...] = ()  # absolute pack paths
    builtin: bool = True
    installed_packs: bool = True
    lexicons: tuple[tuple[str, tuple[str, ...]], ...] = ()
    per_path: tuple[tuple[str, Overrides], ...] = ()
    per_path_root: str | None = None  # where ``per-path`` came from, when inherited by ``extend``
    extends: tuple[str, ...] = ()  # the inherited files, closest first (absolute paths)
    data: Any = field(default=None, compare=False, hash=False, repr=False)  # the raw mapping, with lines
    label: str = field(default="", compare=False, hash=False)  # how the file is named in messages

    def rel(self, path: str, root: str | None = None) -> str:
        """``path`` relative to this configuration's folder (or ``root``), with '/' separators."""
        absolute = os.path.abspath(path)
        try:
            rel = os.path.relpath(absolute, root or self.root)
        except ValueError:  # another drive
            rel = absolute
        if rel.startswith(".."):
            rel = os.path.relpath(absolute) if not os.path.relpath(absolute).startswith("..") else absolute
        return rel.replace(os.sep, "/")

    def excluded(self, path: str) -> bool:
        rel = self.rel(path, self.exclude_root)
        return any(glob_matches(p, rel) for p in self.exclude)

    def per_path_matches(self, path: str) -> list[str]:
        """The ``per-path`` globs that match ``path``, in order."""
        rel = self.rel(path, self.per_path_root)
        return [pattern for pattern, _ in self.per_path if glob_matches(pattern, rel)]

    def overrides_for(self, path: str | None) -> Overrides:
        result = self.overrides
        if path is not None and self.per_path:
            rel = self.rel(path, self.per_path_root)
            for pattern, extra in self.per_path:
                if glob_matches(pattern, rel):
                    result = result.then(extra)
        return result

    def line_of(self, *keys) -> int:
        node = self.data
        line = getattr(node, "line", 0)
        for key in keys:
            if isinstance(node, LineDict) and key in node:
                line = node.key_line(key)
                node = node[key]
            elif isinstance(node, LineList) and isinstance(key, int) and key < len(node):
                line = node.item_line(key)
                node = node[key]
            else:
                break
        return line


def load_config_file(path: str | Path, _chain: tuple[str, ...] = ()) -> ConfigFile:
    """Read and validate one configuration file (and the files it ``extend``s); raise :class:`ConfigError`."""
    path = Path(path)
    shown = shown_path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise ConfigError([ConfigProblem(shown, 0, "", "configuration file not found")]) from None
    except IsADirectoryError:
        raise ConfigError([ConfigProblem(shown, 0, "", "a folder, not a configuration file")]) from None
    except PermissionError:
        raise ConfigError([ConfigProblem(shown, 0, "", "cannot read configuration file: permission denied")]) from None
    except UnicodeDecodeError as exc:
        raise ConfigError(
            [ConfigProblem(shown, 0, "", f"cannot read configuration file: not valid UTF-8 at byte {exc.start}")]
        ) from None
    except OSError as exc:
        raise ConfigError(
            [ConfigProblem(shown, 0, "", f"cannot read configuration file: {(exc.strerror or str(exc)).lower()}")]
        ) from None
    prefix = ""
    if path.name == "pyproject.toml" or path.suffix == ".toml":
        data, prefix = _load_toml(text, shown, path.name == "pyproject.toml")
    else:
        try:
            data = load_yaml(text)
        except YamlError as exc:
            raise ConfigError([ConfigProblem(shown, exc.line, "", exc.message)]) from None
        if data is None:
            data = _line_dict({}, 1)
    if not isinstance(data, dict):
        raise ConfigError(
            [ConfigProblem(shown, getattr(data, "line", 1), "", "the configuration must be a mapping of settings")]
        )
    problems = [
        ConfigProblem(shown, p.line, prefix + p.key, p.message)
        for p in validate(CONFIG_SPEC, data, getattr(data, "line", 1))
    ]
    lexicons = data.get("lexicons")
    if not problems and isinstance(lexicons, dict):
        from .ruleset import LEXICON_IN_LEXICON  # here: the rule kinds are not needed to read a file

        for name, words in lexicons.items():
            for i, word in enumerate(words):
                if word.startswith("@"):
                    line = words.item_line(i) if isinstance(words, LineList) else getattr(data, "line", 1)
                    problems.append(ConfigProblem(shown, line, f"{prefix}lexicons.{name}[{i}]", LEXICON_IN_LEXICON))
    if problems:
        raise ConfigError(problems)
    root = path.resolve().parent
    own = ConfigFile(
        path=str(path.resolve()),
        root=str(root),
        overrides=Overrides.from_data(data),
        fail_on=data.get("fail-on"),
        min_severity=data.get("min-severity"),
        exclude=tuple(str(p) for p in data.get("exclude", ())),
        rules=tuple(str((root / p).resolve()) for p in _listify(data.get("rules"))),
        builtin=data.get("builtin", True),
        installed_packs=data.get("installed-packs", True),
        lexicons=tuple((str(k), tuple(str(w) for w in v)) for k, v in (data.get("lexicons") or {}).items()),
        per_path=tuple((str(k), Overrides.from_data(v)) for k, v in (data.get("per-path") or {}).items()),
        data=data,
        label=shown,
    )
    if "extend" not in data:
        return own
    return _inherit(own, data, root / str(data["extend"]), _chain)


_OVERRIDE_ATTRS = {
    "select": "select",
    "extend-select": "extend_select",
    "ignore": "ignore",
    "severity": "severity",
    "accept": "accept",
    "thresholds": "thresholds",
}


def _inherit(own: ConfigFile, data: dict, parent_path: Path, chain: tuple[str, ...]) -> ConfigFile:
    """``own`` on top of the configuration it extends: each key ``own`` sets replaces the
    parent's whole value (lists are not concatenated, as with ruff); keys it does not set
    are inherited, and inherited globs stay relative to the file that wrote them."""
    assert own.path is not None
    chain = chain + (own.path,)
    line = own.line_of("extend")
    resolved = str(parent_path.resolve())
    if resolved in chain:
        names = " -> ".join(shown_path(Path(p)) for p in chain + (resolved,))
        raise ConfigError([ConfigProblem(own.label, line, "extend", f"configuration files extend each other: {names}")])
    if not parent_path.is_file():
        raise ConfigError([ConfigProblem(own.label, line, "extend", f"{data['extend']}: configuration file not found")])
    parent = load_config_file(parent_path, chain)
    overrides = dataclasses.replace(
        own.overrides,
        **{attr: getattr(parent.overrides, attr) for key, attr in _OVERRIDE_ATTRS.items() if key not in data},
    )
    inherited: dict[str, Any] = {
        "fail_on": parent.fail_on if "fail-on" not in data else own.fail_on,
        "min_severity": parent.min_severity if "min-severity" not in data else own.min_severity,
        "rules": parent.rules if "rules" not in data else own.rules,
        "builtin": parent.builtin if "builtin" not in data else own.builtin,
        "installed_packs": parent.installed_packs if "installed-packs" not in data else own.installed_packs,
        "lexicons": parent.lexicons if "lexicons" not in data else own.lexicons,
    }
    if "exclude" not in data:
        inherited["exclude"] = parent.exclude
        inherited["exclude_root"] = parent.exclude_root or parent.root
    if "per-path" not in data:
        inherited["per_path"] = parent.per_path
        inherited["per_path_root"] = parent.per_path_root or parent.root
    return dataclasses.replace(own, overrides=overrides, extends=(resolved,) + parent.extends, **inherited)


def _listify(value) -> list:
    if value is None:
        return []
    return [value] if isinstance(value, str) else list(value)


# -- TOML with line numbers ----------------------------------------------------------
@functools.lru_cache(maxsize=1)
def _toml_patterns():
    """(header, key, key part) patterns, compiled when a TOML file is first read."""
    return (
        regex.compile(r"^\s*(\[\[?)\s*([^\]]+?)\s*\]\]?\s*(?:#.*)?$"),
        regex.compile(
            r"""^\s*((?:"[^"]*"|'[^']*'|[A-Za-z0-9_-]+)(?:\s*\.\s*(?:"[^"]*"|'[^']*'|[A-Za-z0-9_-]+))*)\s*="""
        ),
        regex.compile(r"""\s*("([^"]*)"|'([^']*)'|([A-Za-z0-9_-]+))\s*(?:\.|$)"""),
    )


def _split_key(key: str) -> tuple[str, ...]:
    parts = []
    for m in _toml_patterns()[2].finditer(key):
        parts.append(m.group(2) if m.group(2) is not None else m.group(3) if m.group(3) is not None else m.group(4))
    return tuple(parts)


def _toml_lines(text: str) -> dict[tuple, int]:
    """Line of each key path (and each table header), found by reading the lines."""
    lines: dict[tuple, int] = {}
    table: tuple = ()
    arrays: dict[tuple, int] = {}
    for n, line in enumerate(text.splitlines(), 1):
        m = _toml_patterns()[0].match(line)
        if m and not _toml_patterns()[1].match(line):
            path: tuple = _split_key(m.group(2))
            if m.group(1) == "[[":
                index = arrays.get(path, -1) + 1
                arrays[path] = index
                lines.setdefault(path, n)
                path = path + (index,)
            table = path
            lines.setdefault(table, n)
            continue
        m = _toml_patterns()[1].match(line)
        if m:
            lines.setdefault(table + _split_key(m.group(1)), n)
    return lines


def _with_lines(value, path: tuple, lines: dict[tuple, int], default: int):
    line = lines.get(path, default)
    if isinstance(value, dict):
        mapping = _line_dict({}, line)
        for k, v in value.items():
            mapping[k] = _with_lines(v, path + (k,), lines, line)
            mapping.lines[k] = lines.get(path + (k,), line)
        return mapping
    if isinstance(value, list):
        items = LineList(_with_lines(v, path + (i,), lines, line) for i, v in enumerate(value))
        items.line = line
        items.lines = [lines.get(path + (i,), line) for i in range(len(value))]
        return items
    return value


def _line_dict(d: dict, line: int) -> LineDict:
    out = LineDict(d)
    out.line = line
    out.lines = {}
    return out


def _load_toml(text: str, shown: str, pyproject: bool):
    tomllib = load_tomllib()
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        m = regex.search(r"line (\d+)", str(exc))
        line = int(m.group(1)) if m else max(1, len(text.splitlines())) if "end of document" in str(exc) else 1
        raise ConfigError([ConfigProblem(shown, line, "", f"invalid TOML: {exc}")]) from None
    except (RecursionError, ValueError) as exc:  # nested too deeply; a number too long
        reason = "nested too deeply" if isinstance(exc, RecursionError) else str(exc)
        raise ConfigError([ConfigProblem(shown, 1, "", f"invalid TOML: {reason}")]) from None
    lines = _toml_lines(text)
    if pyproject:
        table = data.get("tool", {}).get("factlint")
        if table is None:
            return _line_dict({}, 1), "tool.factlint."
        return _with_lines(table, ("tool", "factlint"), lines, 1), "tool.factlint."
    return _with_lines(data, (), lines, 1), ""


def has_tool_table(path: Path) -> bool:
    """Does this pyproject.toml configure factlint? A broken one that mentions
    ``[tool.factlint`` counts, so that its error is reported rather than ignored, and so
    does one that cannot be read, or is not UTF-8 but mentions factlint: it is an error
    naming the file, as an unreadable ``.factlint.yaml`` is, never silently skipped."""
    try:
        raw = path.read_bytes()
    except OSError:
        return True  # cannot tell whether it configures factlint: reading it reports the problem
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return b"factlint" in raw
    if "factlint" not in text:  # no [tool.factlint] table: no need to parse it
        return False
    tomllib = load_tomllib()
    try:
        data = tomllib.loads(text)
    except (tomllib.TOMLDecodeError, RecursionError, ValueError):
        return "[tool.factlint" in text
    return isinstance(data.get("tool"), dict) and "factlint" in data["tool"]


# -- discovery -----------------------------------------------------------------------
def _folder_of(path: str) -> Path:
    """Where discovery starts for ``path``: the folder itself, or the folder of the file
    (a symlinked file's target's folder). A link that cannot be followed (a loop, a broken
    link) starts from the folder the link is in; reading it reports the problem."""
    try:
        if os.path.isdir(path):
            return Path(path).resolve()
        return Path(path).resolve().parent
    except (OSError, RuntimeError):  # RuntimeError: a symlink loop (Python < 3.13)
        return Path(os.path.abspath(path)).parent


def find_config_file(start: str | Path) -> Path | None:
    """The closest configuration file in ``start`` (a folder) or one of its parents."""
    folder = Path(start).resolve()
    for directory in (folder, *folder.parents):
        for name in CONFIG_NAMES:
            candidate = directory / name
            if not candidate.is_file():
                continue
            if name == "pyproject.toml" and not has_tool_table(candidate):
                continue
            return candidate
    return None


_DEFAULT = ConfigFile()  # no configuration file: the built-in defaults


def json_schema() -> dict:
    schema = CONFIG_SPEC.json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "factlint configuration"
    return schema


__all__ = [
    "CONFIG_SPEC",
    "ConfigError",
    "ConfigFile",
    "ConfigProblem",
    "Overrides",
    "find_config_file",
    "glob_matches",
    "json_schema",
    "load_config_file",
]
