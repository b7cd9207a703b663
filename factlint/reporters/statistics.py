"""``--statistics``: how many findings of each rule, most frequent first (like ruff)."""

from __future__ import annotations

import json
from collections import Counter

from . import Report


def counts(report: Report) -> list[dict]:
    by_rule = Counter(f.rule for f in report.findings)
    severity = {f.rule: f.severity for f in report.findings}
    return [
        {"rule": rule, "count": n, "severity": severity[rule]}
        for rule, n in sorted(by_rule.items(), key=lambda kv: (-kv[1], kv[0]))
    ]


def render(report: Report) -> str:
    rows = counts(report)
    if not rows:
        return "No findings.\n"
    width = max(len(str(r["count"])) for r in rows)
    rule_width = max(len(r["rule"]) for r in rows)
    lines = [f"{r['count']:>{width}}  {r['rule']:<{rule_width}}  {r['severity']}" for r in rows]
    total = sum(r["count"] for r in rows)
    lines.append(f"{total:>{width}}  total")
    return "\n".join(lines) + "\n"


def render_json(report: Report) -> str:
    return json.dumps(counts(report), indent=2) + "\n"
