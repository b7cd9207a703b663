"""A small declarative schema for rule files: strict validation and JSON Schema from one spec.

Each rule kind declares its keys with these types; :func:`validate` checks a YAML value
(from :mod:`factlint.yamlload`, so lines are known) and :meth:`Type.json_schema` turns
the same declaration into the published JSON Schema (``docs/rules.schema.json``), so the
validator and the editor's autocompletion can never disagree.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import regex

from .regexlimits import regex_size_problem
from .yamlload import LineDict, LineList


@dataclass
class Problem:
    line: int
    key: str
    message: str


class Type:
    description = ""

    def check(self, value: Any, key: str, line: int, problems: list[Problem]) -> None:
        raise NotImplementedError

    def json_schema(self) -> dict:
        raise NotImplementedError


def _type_name(value: Any) -> str:
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    if value is None:
        return "empty"
    return type(value).__name__


class Str(Type):
    def __init__(
        self,
        pattern: str | None = None,
        enum: tuple[str, ...] | None = None,
        regex_syntax: bool = False,
        description: str = "",
        hint: str = "",
        regex_flags: int = regex.V0,
    ) -> None:
        self.pattern = pattern
        self.enum = enum
        self.regex_syntax = regex_syntax
        #: the flags a value is compiled with to check it: those it will be used with, when
        #: known, so that the use finds it compiled (the regex module keeps what it compiled)
        self.regex_flags = regex_flags
        self.description = description
        self.hint = hint

    def check(self, value, key, line, problems):
        if not isinstance(value, str):
            problems.append(Problem(line, key, f"must be a string, not {_type_name(value)}"))
            return
        if self.enum is not None and value not in self.enum:
            close = _close_matches(value, self.enum, n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else ""
            problems.append(Problem(line, key, f"'{value}' is not one of: {', '.join(self.enum)}{hint}"))
        if self.pattern is not None and not regex.fullmatch(self.pattern, value):
            problems.append(Problem(line, key, f"'{value}' is not valid{': ' + self.hint if self.hint else ''}"))
        if self.regex_syntax:
            too_big = regex_size_problem(value)  # before compiling: a{10000000} takes 4 GB
            if too_big:
                shown = value if len(value) <= 60 else value[:57] + "..."
                problems.append(Problem(line, key, f"regular expression {shown!r} {too_big}"))
                return
            try:
                regex.compile(value, self.regex_flags)
            except regex.error as exc:
                problems.append(Problem(line, key, f"regular expression {value!r} does not compile: {exc}"))

    def json_schema(self):
        schema: dict[str, Any] = {"type": "string"}
        if self.enum is not None:
            schema["enum"] = list(self.enum)
        if self.pattern is not None:
            schema["pattern"] = "^(?:" + self.pattern + ")$"
        if self.description:
            schema["description"] = self.description
        return schema


class Num(Type):
    def __init__(self, minimum: float | None = None, integer: bool = False, description: str = "") -> None:
        self.minimum = minimum
        self.integer = integer
        self.description = description

    def check(self, value, key, line, problems):
        ok = isinstance(value, int) if self.integer else isinstance(value, (int, float))
        if isinstance(value, bool) or not ok:
            what = "an integer" if self.integer else "a number"
            problems.append(Problem(line, key, f"must be {what}, not {_type_name(value)}"))
            return
        if self.minimum is not None and value < self.minimum:
            problems.append(Problem(line, key, f"must be at least {self.minimum}"))

    def json_schema(self):
        schema: dict[str, Any] = {"type": "integer" if self.integer else "number"}
        if self.minimum is not None:
            schema["minimum"] = self.minimum
        if self.description:
            schema["description"] = self.description
        return schema


class Bool(Type):
    def __init__(self, description: str = "") -> None:
        self.description = description

    def check(self, value, key, line, problems):
        if not isinstance(value, bool):
            problems.append(Problem(line, key, f"must be true or false, not {_type_name(value)}"))

    def json_schema(self):
        schema = {"type": "boolean"}
        if self.description:
            schema["description"] = self.description
        return schema


class ListOf(Type):
    def __init__(self, item: Type, min_items: int = 0, description: str = "", allow_single: bool = False) -> None:
        self.item = item
        self.min_items = min_items
        self.description = description
        self.allow_single = allow_single  # a single item may stand for a one-item list

    def check(self, value, key, line, problems):
        if self.allow_single and not isinstance(value, list):
            self.item.check(value, key, line, problems)
            return
        if not isinstance(value, list):
            problems.append(Problem(line, key, f"must be a list, not {_type_name(value)}"))
            return
        if len(value) < self.min_items:
            problems.append(Problem(line, key, f"needs at least {self.min_items} item(s)"))
        for i, item in enumerate(value):
            item_line = value.item_line(i) if isinstance(value, LineList) else line
            self.item.check(item, f"{key}[{i}]", item_line, problems)

    def json_schema(self):
        schema: dict[str, Any] = {"type": "array", "items": self.item.json_schema()}
        if self.min_items:
            schema["minItems"] = self.min_items
        if self.allow_single:
            schema = {"anyOf": [self.item.json_schema(), schema]}
        if self.description:
            schema["description"] = self.description
        return schema


class AnyOf(Type):
    """A value that fits one of several types (e.g. a number or the word 'paragraph')."""

    def __init__(self, *types: Type, description: str = "", expected: str = "") -> None:
        self.types = types
        self.description = description
        self.expected = expected

    def check(self, value, key, line, problems):
        for t in self.types:
            trial: list[Problem] = []
            t.check(value, key, line, trial)
            if not trial:
                return
        shaped = [t for t in self.types if _shape_fits(t, value)]
        if len(shaped) == 1:  # a mapping where a string or a mapping may stand: say what is wrong inside it
            shaped[0].check(value, key, line, problems)
            return
        problems.append(Problem(line, key, f"must be {self.expected}"))

    def json_schema(self):
        schema: dict[str, Any] = {"anyOf": [t.json_schema() for t in self.types]}
        if self.description:
            schema["description"] = self.description
        return schema


def _shape_fits(t: Type, value: Any) -> bool:
    """Whether ``value`` has the shape of ``t`` (a mapping for Obj, a string for Str, ...)."""
    if isinstance(t, Obj):
        return isinstance(value, dict)
    if isinstance(t, Str):
        return isinstance(value, str)
    if isinstance(t, ListOf):
        return isinstance(value, list)
    return False


@dataclass
class Field:
    type: Type
    required: bool = False
    description: str = ""


@dataclass
class Obj(Type):
    fields: dict[str, Field] = field(default_factory=dict)
    description: str = ""
    #: extra keys allowed (e.g. a mapping of words to suggestions): their value type
    values: Type | None = None
    at_least_one_of: tuple[str, ...] = ()

    def check(self, value, key, line, problems):
        if not isinstance(value, dict):
            problems.append(Problem(line, key, f"must be a mapping, not {_type_name(value)}"))
            return
        lines = value if isinstance(value, LineDict) else None
        prefix = f"{key}." if key else ""
        for k, v in value.items():
            k_line = lines.key_line(k) if lines is not None else line
            spec = self.fields.get(k) if isinstance(k, str) else None
            if spec is None:
                if self.values is not None:
                    self.values.check(v, f"{prefix}{k}", k_line, problems)
                    continue
                close = _close_matches(str(k), list(self.fields), n=1)
                hint = f" (did you mean '{close[0]}'?)" if close else ""
                problems.append(Problem(k_line, f"{prefix}{k}", f"unknown key{hint}"))
                continue
            spec.type.check(v, f"{prefix}{k}", k_line, problems)
        start = lines.line if lines is not None else line
        for k, spec in self.fields.items():
            if spec.required and k not in value:
                problems.append(Problem(start, f"{prefix}{k}", "is required"))
        if self.at_least_one_of and not any(k in value for k in self.at_least_one_of):
            problems.append(Problem(start, key or "rule", "needs at least one of: " + ", ".join(self.at_least_one_of)))

    def json_schema(self):
        schema: dict[str, Any] = {
            "type": "object",
            "properties": {k: _with_description(f.type.json_schema(), f.description) for k, f in self.fields.items()},
        }
        required = [k for k, f in self.fields.items() if f.required]
        if required:
            schema["required"] = required
        if self.values is not None:
            schema["additionalProperties"] = self.values.json_schema()
        else:
            schema["additionalProperties"] = False
        if self.at_least_one_of:
            schema["anyOf"] = [{"required": [k]} for k in self.at_least_one_of]
        if self.description:
            schema["description"] = self.description
        return schema


def _with_description(schema: dict, description: str) -> dict:
    if description and "description" not in schema:
        schema = dict(schema, description=description)
    return schema


def validate(spec: Type, value: Any, line: int = 1, key: str = "") -> list[Problem]:
    problems: list[Problem] = []
    spec.check(value, key, line, problems)
    return problems


def _close_matches(word: str, possibilities: list[str], n: int = 1) -> list[str]:
    """difflib's "did you mean", imported only when a value is wrong."""
    import difflib

    return difflib.get_close_matches(word, possibilities, n=n)
