"""``--format sarif``: SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.

Every rule that ran is listed under ``runs[0].tool.driver.rules`` with its help text and
``helpUri``; each result carries its region (lines and columns in Unicode code points,
``columnKind: unicodeCodePoints``), the matched text as a snippet, a partial fingerprint
(the baseline's: rule + match + sentence, so code scanning follows a moved paragraph),
and, for fixable findings, the fix.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

from .. import __version__
from ..suppressions import UNUSED_INFO, UNUSED_RULE
from . import Report
from .json import indented_items

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
INFORMATION_URI = "https://github.com/factlint/factlint"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
SRCROOT = "%SRCROOT%"


def _artifact(path: str) -> dict:
    if os.path.isabs(path):
        return {"uri": Path(path).as_uri()}
    return {"uri": quote(path.replace(os.sep, "/"), safe="/"), "uriBaseId": SRCROOT}


def _descriptor(rule_id: str, rule) -> dict:
    if rule is None:
        info = (
            UNUSED_INFO
            if rule_id == UNUSED_RULE
            else {
                "id": rule_id,
                "why": rule_id,
                "link": INFORMATION_URI,
                "severity": "warning",
                "category": rule_id.split("/")[0],
            }
        )
        why, link, severity, category = info["why"], info["link"], info["severity"], info["category"]
        description, examples = "", {}
    else:
        why, link, severity, category = rule.why, rule.link, rule.severity, rule.category
        description, examples = rule.description, rule.examples
    short = " ".join(why.split())
    first = short.split(". ")[0].rstrip(".") + "."
    markdown = [short]
    if description:
        markdown += ["", description.strip()]
    if examples.get("flag"):
        markdown += ["", "Flagged:", ""] + [f"- {' '.join(e.split())}" for e in examples["flag"]]
    if examples.get("pass"):
        markdown += ["", "Not flagged:", ""] + [f"- {' '.join(e.split())}" for e in examples["pass"]]
    markdown += ["", f"Source: <{link}>"]
    return {
        "id": rule_id,
        "shortDescription": {"text": first},
        "fullDescription": {"text": short},
        "help": {"text": f"{short} See {link}", "markdown": "\n".join(markdown)},
        "helpUri": link,
        "defaultConfiguration": {"level": LEVELS[severity]},
        "properties": {"category": category, "tags": [category, "editorial"]},
    }


def _result(f, index: dict[str, int]) -> dict:
    """One finding as a SARIF result."""
    region: dict[str, Any] = {
        "startLine": f.line,
        "startColumn": f.column,
        "endLine": f.end_line,
        "endColumn": f.end_column,
        "charOffset": f.offset,
        "charLength": f.end_offset - f.offset,
    }
    if f.match:
        region["snippet"] = {"text": f.match}
    result: dict[str, Any] = {
        "ruleId": f.rule,
        "ruleIndex": index[f.rule],
        "level": LEVELS[f.severity],
        "message": {"text": f.message},
        "locations": [{"physicalLocation": {"artifactLocation": _artifact(f.path), "region": region}}],
    }
    if f.fingerprint:
        result["partialFingerprints"] = {"factlint/v1": f.fingerprint}
    if f.fix is not None:
        result["fixes"] = [
            {
                "description": {
                    "text": f"Replace with '{f.fix.replacement}'"
                    + ("" if f.fix.safe else " (unsafe: needs --unsafe-fixes)")
                },
                "artifactChanges": [
                    {
                        "artifactLocation": _artifact(f.path),
                        "replacements": [
                            {
                                "deletedRegion": {
                                    "charOffset": f.fix.offset,
                                    "charLength": f.fix.end_offset - f.fix.offset,
                                },
                                "insertedContent": {"text": f.fix.replacement},
                            }
                        ],
                    }
                ],
            }
        ]
    if f.suggestions:
        result["properties"] = {"suggestions": list(f.suggestions)}
    return result


def build(report: Report) -> dict:
    """The whole SARIF log as one object (:func:`chunks` writes the same, a result at a time)."""
    log = _log(report)
    index = _rule_index(log)
    log["runs"][0]["results"] = [_result(f, index) for f in report.findings]
    return log


def _log(report: Report) -> dict:
    """The SARIF log with every part but the results (an empty list)."""
    ids = sorted(set(report.rules) | {f.rule for f in report.findings})
    if not report.rules and report.ruleset is not None:
        ids = sorted(set(ids) | {r.id for r in report.ruleset.rules})
    invocation: dict[str, Any] = {"executionSuccessful": not report.errors}
    if report.problems:
        invocation["toolExecutionNotifications"] = [
            {"level": "error", "message": {"text": problem}} for problem in report.problems
        ]
    run = {
        "tool": {
            "driver": {
                "name": "factlint",
                "version": __version__,
                "semanticVersion": __version__,
                "informationUri": INFORMATION_URI,
                "rules": [_descriptor(rule_id, report.rule_info(rule_id)) for rule_id in ids],
            }
        },
        "invocations": [invocation],
        "originalUriBaseIds": {SRCROOT: {"uri": Path(os.getcwd()).as_uri().rstrip("/") + "/"}},
        "columnKind": "unicodeCodePoints",
        "results": [],
    }
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


def _rule_index(log: dict) -> dict[str, int]:
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    return {rule["id"]: i for i, rule in enumerate(rules)}


def render(report: Report) -> str:
    return "".join(chunks(report))


#: how ``json.dumps`` writes the run's empty results (the run's last member: only closing
#: brackets follow it)
_EMPTY_RESULTS = '"results": []'


def chunks(report: Report) -> Iterator[str]:
    """The log as ``json.dumps(build(report), indent=2)`` writes it, a result at a time:
    the results are the last member of the run, so the log without them is written up to
    its empty ``"results": []`` and each result goes between its brackets."""
    log = _log(report)
    index = _rule_index(log)
    head = json.dumps(log, indent=2, ensure_ascii=False)
    if not report.findings:
        yield head + "\n"
        return
    cut = head.rindex(_EMPTY_RESULTS) + len(_EMPTY_RESULTS) - 1
    yield head[:cut] + "\n"
    yield from indented_items((_result(f, index) for f in report.findings), 3)
    yield " " * 6 + head[cut:] + "\n"
