"""Safe YAML loading that remembers line numbers and refuses duplicate keys.

Rule files are data: they are read with PyYAML's safe loader (no object construction,
no code), and every mapping and list remembers the line of each entry so validation
errors can say ``rules/sourcing.yaml:12``.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any


class YamlError(Exception):
    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


class LineDict(dict):
    """A mapping from a YAML file: ``line`` is where it starts, ``lines[key]`` each key's line."""

    __slots__ = ("line", "lines")
    line: int
    lines: dict[Any, int]

    def key_line(self, key: str) -> int:
        return self.lines.get(key, self.line)


class LineList(list):
    __slots__ = ("line", "lines")
    line: int
    lines: list[int]

    def item_line(self, index: int) -> int:
        return self.lines[index] if index < len(self.lines) else self.line


#: the tag of a plain string, and the node class of a scalar (set by :func:`_loader`)
_STR_TAG = "tag:yaml.org,2002:str"
_SCALAR: type = type(None)


def _construct(loader, node):
    """``loader.construct_object(node, deep=True)``; a string scalar -- most of a rule file
    -- is its value, as SafeConstructor gives it, without the constructor's bookkeeping."""
    if type(node) is _SCALAR and node.tag == _STR_TAG:
        return node.value
    return loader.construct_object(node, deep=True)


def _construct_mapping(loader, node):
    loader.flatten_mapping(node)
    result = LineDict()
    result.line = node.start_mark.line + 1
    result.lines = {}
    for key_node, value_node in node.value:
        key = _construct(loader, key_node)
        try:
            hash(key)
        except TypeError:
            raise YamlError(key_node.start_mark.line + 1, "a mapping key must be a plain value") from None
        if key in result:
            raise YamlError(key_node.start_mark.line + 1, f"duplicate key '{key}' (first on line {result.lines[key]})")
        result[key] = _construct(loader, value_node)
        result.lines[key] = key_node.start_mark.line + 1
    return result


def _construct_sequence(loader, node):
    result = LineList([_construct(loader, child) for child in node.value])
    result.line = node.start_mark.line + 1
    result.lines = [child.start_mark.line + 1 for child in node.value]
    return result


@lru_cache(maxsize=1)
def _loader() -> type:
    """The safe loader with line numbers, made on first use: PyYAML is imported only when
    a YAML file is read (a run whose rules come from the cache reads none)."""
    import yaml

    global _SCALAR
    _SCALAR = yaml.nodes.ScalarNode

    class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
        pass

    _Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
    _Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)
    return _Loader


def load_yaml(text: str) -> Any:
    """Parse ``text``; raise :class:`YamlError` with a line number on any problem."""
    import yaml

    try:
        return yaml.load(text, Loader=_loader())  # noqa: S506 - a safe loader subclass
    except YamlError:
        raise
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        problem = exc.problem or exc.context or "invalid YAML"
        raise YamlError(line, f"invalid YAML: {problem}") from None
    except yaml.reader.ReaderError as exc:  # a character YAML does not allow (a NUL, a control character)
        line = text.count("\n", 0, max(0, exc.position)) + 1 if isinstance(exc.position, int) else 1
        what = f"character #x{exc.character:04x}" if isinstance(exc.character, int) else "character"
        raise YamlError(line, f"invalid YAML: unacceptable {what}: {exc.reason}") from None
    except yaml.YAMLError as exc:
        raise YamlError(1, "invalid YAML: " + " ".join(str(exc).split())) from None
    except RecursionError:
        raise YamlError(1, "invalid YAML: nested too deeply") from None
