"""``--format text``: one line per finding, ``path:line:col: severity rule message``, like ruff."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

import click

from . import Report

_SEVERITY_COLOURS = {"error": "red", "warning": "yellow", "info": "blue"}

#: Control characters from a draft or a file name are shown, never sent to the terminal
#: (an escape sequence could rewrite the screen or a CI log; a line break could start a
#: fake line): C0 as their Unicode "control pictures" (one character each, so carets stay
#: aligned), DEL as U+2421, C1 as U+FFFD. Tabs stay.
_CONTROLS = {
    **{c: 0x2400 + c for c in range(0x20) if c != 0x09},
    0x7F: 0x2421,
    **{c: 0xFFFD for c in range(0x80, 0xA0)},
}


def printable(text: str) -> str:
    return text.translate(_CONTROLS)


def render(report: Report) -> str:
    return "".join(chunks(report))


def chunks(report: Report) -> Iterator[str]:
    """The report as :func:`render` gives it, a finding (and its source lines) at a time."""
    lines_of: dict[str, list[str]] = {}  # path -> its lines, split once (--show-source)
    for f in report.findings:
        out = [_line(f, report.color)]
        if report.show_source and f.path in report.texts:
            lines = lines_of.get(f.path)
            if lines is None:
                lines_of.clear()  # the findings come a file at a time: keep one file's lines
                lines = lines_of[f.path] = report.texts[f.path].splitlines()
            out.extend(_source(lines, f))
        yield "".join(line + "\n" for line in out)
    yield summary(report) + "\n"


def _style(text: str, color: bool, **kw) -> str:
    return click.style(text, **kw) if color else text


def _line(f, color: bool) -> str:
    where = _style(f"{printable(f.path)}:{f.line}:{f.column}:", color, bold=True)
    severity = _style(f.severity, color, fg=_SEVERITY_COLOURS.get(f.severity), bold=True)
    rule = _style(f.rule, color, fg="cyan")
    return f"{where} {severity} {rule} {printable(f.message)}"


def _source(lines: list[str], f) -> list[str]:
    if f.line - 1 >= len(lines):
        return []
    src = printable(lines[f.line - 1].expandtabs(1))
    width = (f.end_column - f.column) if f.end_line == f.line else len(src) - f.column + 1
    return [f"    {src}", "    " + " " * (f.column - 1) + "^" * max(1, width)]


def summary(report: Report) -> str:
    n = len(report.findings)
    files = f"{report.files} file" + ("" if report.files == 1 else "s")
    if n == 0:
        return f"No findings in {files}."
    counts = Counter(f.severity for f in report.findings)
    parts = [
        f"{counts[s]} {s}" + ("s" if counts[s] != 1 and s != "info" else "")
        for s in ("error", "warning", "info")
        if counts[s]
    ]
    noun = "finding" if n == 1 else "findings"
    return f"Found {n} {noun} ({', '.join(parts)}) in {files}."
