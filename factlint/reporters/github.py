"""``--format github``: GitHub Actions workflow commands, one annotation per finding.

    ::warning file=draft.md,line=3,col=1,endLine=3,endColumn=11,title=sourcing/vague-reports::Vague …

Severity error -> ``::error``, warning -> ``::warning``, info -> ``::notice``. Values
are escaped as the Actions runner expects: in the message ``%``, CR and LF become
``%25``, ``%0D`` and ``%0A``; in properties ``:`` and ``,`` also become ``%3A`` and ``%2C``.
"""

from __future__ import annotations

from collections.abc import Iterator

from . import Report

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render(report: Report) -> str:
    return "".join(chunks(report))


def chunks(report: Report) -> Iterator[str]:
    """The annotations as :func:`render` gives them, one at a time."""
    for f in report.findings:
        props = [
            f"file={escape_property(f.path)}",
            f"line={f.line}",
            f"col={f.column}",
            f"endLine={f.end_line}",
            f"endColumn={f.end_column}",
            f"title={escape_property(f.rule)}",
        ]
        yield f"::{COMMANDS[f.severity]} {','.join(props)}::{escape_data(f.message)}\n"
