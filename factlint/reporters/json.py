"""``--format json``: the stable contract described in docs/json-output.md."""

from __future__ import annotations

import json

from . import Report

JSON_VERSION = 1


def render(report: Report) -> str:
    payload = {"version": JSON_VERSION, "findings": [f.to_dict() for f in report.findings]}
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
