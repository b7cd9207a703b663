"""``--format json``: the stable contract described in docs/json-output.md.

The report is written a finding at a time (:func:`chunks`): a quote flood has hundreds of
thousands of findings, and ``json.dumps`` of the whole list held every piece of the
indented text at once (about 7 bytes of heap per byte of output) before joining them.
Each finding is encoded as ``json.dumps(..., indent=2)`` encodes it and indented to its
depth, so the bytes are exactly those of the whole payload encoded at once.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

from . import Report

JSON_VERSION = 1


def render(report: Report) -> str:
    return "".join(chunks(report))


def chunks(report: Report) -> Iterator[str]:
    """The report as :func:`render` gives it, in pieces (one a finding)."""
    if not report.findings:
        yield json.dumps({"version": JSON_VERSION, "findings": []}, indent=2) + "\n"
        return
    yield f'{{\n  "version": {JSON_VERSION},\n  "findings": [\n'
    yield from indented_items((f.to_dict() for f in report.findings), 1)
    yield "  ]\n}\n"


def indented_items(items, depth: int) -> Iterator[str]:
    """The items of a non-empty JSON array at nesting ``depth`` (the array's own), each
    as ``json.dumps(indent=2)`` writes it inside the whole document: indented by
    ``2 * (depth + 1)`` spaces, a comma after every item but the last, one a line. A
    string in JSON never holds a raw line break, so indenting each line is exact. An
    item made of plain values only is written by :func:`_plain` (``json.dumps`` with an
    indent runs the encoder written in Python); any other by ``json``'s encoder."""
    encode = json.JSONEncoder(ensure_ascii=False, indent=2).encode
    pad = " " * (2 * (depth + 1))
    newline = "\n" + pad
    previous = None
    for item in items:
        if previous is not None:
            yield previous + ",\n"
        try:
            previous = pad + _plain(item, pad)
        except _NotPlain:
            previous = pad + encode(item).replace("\n", newline)
    if previous is not None:
        yield previous + "\n"


class _NotPlain(Exception):
    """A value :func:`_plain` leaves to ``json``'s encoder."""


_STRING = json.encoder.encode_basestring  # what ensure_ascii=False writes a string with


def _plain(value, pad: str) -> str:
    """``value`` as ``json.dumps(value, ensure_ascii=False, indent=2)`` writes it, each
    line after the first indented by ``pad`` more: for a value made of dicts with string
    keys, lists, strings, integers, booleans and None (exactly those types; anything
    else, a float or a subclass, raises :class:`_NotPlain`)."""
    kind = type(value)
    if kind is str:
        return _STRING(value)
    if kind is int:
        return int.__repr__(value)
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    inner = pad + "  "
    if kind is dict:
        if not value:
            return "{}"
        parts = []
        for key, item in value.items():
            if type(key) is not str:
                raise _NotPlain
            kind = type(item)
            if kind is str:
                parts.append(f"{_STRING(key)}: {_STRING(item)}")
            elif kind is int:
                parts.append(f"{_STRING(key)}: {int.__repr__(item)}")
            else:
                parts.append(f"{_STRING(key)}: {_plain(item, inner)}")
        return "{\n" + inner + (",\n" + inner).join(parts) + "\n" + pad + "}"
    if kind is list:
        if not value:
            return "[]"
        return "[\n" + inner + (",\n" + inner).join([_plain(item, inner) for item in value]) + "\n" + pad + "]"
    raise _NotPlain
