"""``--format junit``: JUnit XML, for CI systems that show test reports (GitLab, Jenkins).

One ``<testsuite>`` per file linted; one failing ``<testcase>`` per finding (its
``type`` is the severity), or one passing test case for a clean file.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

import regex

from . import Report

# characters XML 1.0 cannot carry, even escaped
_ILLEGAL = regex.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _clean(text: str) -> str:
    return _ILLEGAL.sub("\ufffd", text)


def render(report: Report) -> str:
    by_path: dict[str, list] = {path: [] for path in report.paths}
    for f in report.findings:
        by_path.setdefault(f.path, []).append(f)
    root = ET.Element("testsuites", name="factlint", tests="0", failures="0", errors="0")
    total = failures = 0
    for path, findings in by_path.items():
        suite = ET.SubElement(
            root,
            "testsuite",
            name=_clean(path),
            tests=str(max(1, len(findings))),
            failures=str(len(findings)),
            errors="0",
            skipped="0",
        )
        if not findings:
            ET.SubElement(suite, "testcase", name="factlint", classname=_clean(path), file=_clean(path))
        for f in findings:
            case = ET.SubElement(
                suite,
                "testcase",
                name=_clean(f"{f.rule} at {f.line}:{f.column}"),
                classname=_clean(path),
                file=_clean(path),
                line=str(f.line),
            )
            failure = ET.SubElement(case, "failure", message=_clean(f.message), type=f.severity)
            failure.text = _clean(f"{f.path}:{f.line}:{f.column}: {f.severity} {f.rule} {f.message}\nmatch: {f.match}")
        total += max(1, len(findings))
        failures += len(findings)
    root.set("tests", str(total))
    root.set("failures", str(failures))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
