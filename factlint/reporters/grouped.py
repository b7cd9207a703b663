"""``--format grouped``: findings grouped by file, then by rule -- for reading a long report.

stories/harbour.md
  sourcing/vague-reports (2 warnings)
    3:14  Vague sourcing: 'reportedly'. Name the outlet or the source.
    9:1   Vague sourcing: 'According to multiple reports'. Name the outlet or the source.
"""

from __future__ import annotations

from collections import Counter

from . import Report
from .text import _style, printable, summary


def render(report: Report) -> str:
    out: list[str] = []
    files: dict[str, dict[str, list]] = {}
    for f in report.findings:
        files.setdefault(f.path, {}).setdefault(f.rule, []).append(f)
    for path, rules in files.items():
        out.append(_style(printable(path), report.color, bold=True, underline=True))
        for rule_id in sorted(rules, key=lambda r: (-len(rules[r]), r)):
            found = rules[rule_id]
            counts = Counter(f.severity for f in found)
            parts = ", ".join(
                f"{n} {s}" + ("s" if n != 1 and s != "info" else "")
                for s, n in sorted(counts.items(), key=lambda kv: -("info", "warning", "error").index(kv[0]))
            )
            out.append("  " + _style(rule_id, report.color, fg="cyan") + f" ({parts})")
            width = max(len(f"{f.line}:{f.column}") for f in found)
            for f in found:
                where = f"{f.line}:{f.column}"
                out.append(f"    {where:<{width}}  {printable(f.message)}")
        out.append("")
    out.append(summary(report))
    return "\n".join(out) + "\n"
