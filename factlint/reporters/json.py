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
    string in JSON never holds a raw line break, so indenting each line is exact."""
    encode = json.JSONEncoder(ensure_ascii=False, indent=2).encode
    pad = " " * (2 * (depth + 1))
    newline = "\n" + pad
    previous = None
    for item in items:
        if previous is not None:
            yield previous + ",\n"
        previous = pad + encode(item).replace("\n", newline)
    if previous is not None:
        yield previous + "\n"
