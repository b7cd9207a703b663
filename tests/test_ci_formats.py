"""Output for CI: SARIF 2.1.0 (validated against the official schema), GitHub annotations,
JUnit XML, the grouped format and --statistics."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest
from conftest import factlint, write

from factlint.reporters.github import escape_data, escape_property

SCHEMA = json.loads((Path(__file__).parent / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))

STORY = """\
    # Ferry fares

    The minister reportedly wants higher fares, and the the board agreed.

    Councillor Mia Grant slammed the proposal on Monday.
    """
LINE3 = "The minister reportedly wants higher fares, and the the board agreed."
VAGUE_COL = LINE3.index("reportedly") + 1  # columns are 1-based
DOUBLE_COL = LINE3.index("the the") + 1
CLEAN = """\
    # Ferry fares

    The minister wants higher fares, the transport office said on Monday.
    """


@pytest.fixture
def desk(tmp_path):
    write(tmp_path, "news/ferry.md", STORY)
    write(tmp_path, "news/clean.md", CLEAN)
    return tmp_path


def sarif_of(desk, *args):
    run = factlint("--format", "sarif", *args, "news", cwd=desk)
    return run, json.loads(run.out)


def test_sarif_validates_against_the_official_schema(desk):
    run, log = sarif_of(desk)
    jsonschema.Draft4Validator.check_schema(SCHEMA)
    errors = sorted(jsonschema.Draft4Validator(SCHEMA).iter_errors(log), key=str)
    assert errors == []
    assert run.code == 1
    assert log["version"] == "2.1.0"


def test_sarif_results_and_rules(desk):
    _, log = sarif_of(desk)
    sarif_run = log["runs"][0]
    rules = sarif_run["tool"]["driver"]["rules"]
    ids = [r["id"] for r in rules]
    assert "sourcing/vague-reports" in ids and "readability/long-sentence" in ids  # every rule that ran
    vague = rules[ids.index("sourcing/vague-reports")]
    assert vague["helpUri"].startswith("https://")
    assert vague["help"]["text"] and "Flagged:" in vague["help"]["markdown"]
    assert vague["defaultConfiguration"]["level"] == "warning"
    results = sarif_run["results"]
    by_rule = {r["ruleId"]: r for r in results}
    assert set(by_rule) == {"sourcing/vague-reports", "editing/repeated-word", "framing/loaded-said"}
    for result in results:
        assert ids[result["ruleIndex"]] == result["ruleId"]
    vague_result = by_rule["sourcing/vague-reports"]
    location = vague_result["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {"uri": "news/ferry.md", "uriBaseId": "%SRCROOT%"}
    assert location["region"]["startLine"] == 3 and location["region"]["startColumn"] == VAGUE_COL
    assert location["region"]["snippet"]["text"] == "reportedly"
    assert vague_result["level"] == "warning"
    assert vague_result["partialFingerprints"]["factlint/v1"]
    doubled = by_rule["editing/repeated-word"]
    replacement = doubled["fixes"][0]["artifactChanges"][0]["replacements"][0]
    assert replacement["insertedContent"]["text"] == "the"
    text = (desk / "news/ferry.md").read_text(encoding="utf-8")
    start = replacement["deletedRegion"]["charOffset"]
    assert text[start : start + replacement["deletedRegion"]["charLength"]] == "the the"
    assert sarif_run["columnKind"] == "unicodeCodePoints"
    assert sarif_run["invocations"][0]["executionSuccessful"] is True


def test_sarif_with_unused_suppressions_and_unreadable_file_still_validates(desk):
    write(desk, "news/quiet.md", "# Fares\n\n<!-- factlint-disable-next-line framing -->\nAll calm.\n")
    (desk / "news/broken.md").write_bytes(b"# Fares\n\n\xff\xfe caf\xe9\n")
    run, log = sarif_of(desk, "--report-unused-suppressions")
    assert run.code == 2
    assert list(jsonschema.Draft4Validator(SCHEMA).iter_errors(log)) == []
    sarif_run = log["runs"][0]
    assert "factlint/unused-suppression" in [r["id"] for r in sarif_run["tool"]["driver"]["rules"]]
    invocation = sarif_run["invocations"][0]
    assert invocation["executionSuccessful"] is False
    assert "broken.md" in invocation["toolExecutionNotifications"][0]["message"]["text"]


def test_sarif_output_file(desk):
    run = factlint("--format", "sarif", "--output-file", "factlint.sarif", "news", cwd=desk)
    assert run.out == "" and run.code == 1
    log = json.loads((desk / "factlint.sarif").read_text(encoding="utf-8"))
    assert list(jsonschema.Draft4Validator(SCHEMA).iter_errors(log)) == []


def test_github_annotations(desk):
    run = factlint("--format", "github", "news", cwd=desk)
    lines = run.out.splitlines()
    assert lines[0] == (
        f"::warning file=news/ferry.md,line=3,col={VAGUE_COL},endLine=3,"
        f"endColumn={VAGUE_COL + len('reportedly')},title=sourcing/vague-reports::"
        "Vague sourcing: 'reportedly'. Name the outlet or the source."
    )
    assert lines[1].startswith("::error file=news/ferry.md,line=3,col=")
    assert len(lines) == 3 and run.code == 1


def test_github_escaping():
    assert escape_data("50% of\r\nfares") == "50%25 of%0D%0Afares"
    assert escape_property("desk: a,b.md") == "desk%3A a%2Cb.md"


def test_github_annotation_for_an_awkward_path(tmp_path):
    write(tmp_path, "odd, name: 100%.md", "# Fares\n\nThe minister reportedly agreed.\n")
    run = factlint("--format", "github", "--severity", "warning", "odd, name: 100%.md", cwd=tmp_path)
    assert run.out.startswith("::warning file=odd%2C name%3A 100%25.md,line=3,col=14,")


def test_info_findings_are_notices(tmp_path):
    write(tmp_path, "a.md", "# Fares\n\nThe minister reportedly agreed.\n")
    write(tmp_path, ".factlint.yaml", "severity: {sourcing: info}\n")
    assert factlint("--format", "github", "a.md", cwd=tmp_path).out.startswith("::notice file=a.md,")


def test_junit(desk):
    run = factlint("--format", "junit", "news", cwd=desk)
    root = ET.fromstring(run.out)
    assert root.tag == "testsuites"
    suites = {s.get("name"): s for s in root.findall("testsuite")}
    assert set(suites) == {"news/clean.md", "news/ferry.md"}
    clean = suites["news/clean.md"]
    assert clean.get("failures") == "0" and len(clean.findall("testcase")) == 1
    assert clean.find("testcase/failure") is None
    ferry = suites["news/ferry.md"]
    failures = ferry.findall("testcase/failure")
    assert [f.get("type") for f in failures] == ["warning", "error", "warning"]
    assert ferry.findall("testcase")[0].get("name") == f"sourcing/vague-reports at 3:{VAGUE_COL}"
    assert root.get("tests") == "4" and root.get("failures") == "3"


def test_grouped(desk):
    run = factlint("--format", "grouped", "news", cwd=desk)
    assert run.out.splitlines() == [
        "news/ferry.md",
        "  editing/repeated-word (1 error)",
        f"    3:{DOUBLE_COL}  'the the': the word is doubled. Delete one.",
        "  framing/loaded-said (1 warning)",
        "    5:22  'slammed' editorialises; write 'criticized' (or 'said') and let the quote carry the tone.",
        "  sourcing/vague-reports (1 warning)",
        f"    3:{VAGUE_COL}  Vague sourcing: 'reportedly'. Name the outlet or the source.",
        "",
        "Found 3 findings (1 error, 2 warnings) in 2 files.",
    ]


def test_statistics(desk):
    write(desk, "news/more.md", "# Fares\n\nThe mayor reportedly agreed.\n")
    run = factlint("--statistics", "news", cwd=desk)
    assert run.out.splitlines() == [
        "2  sourcing/vague-reports  warning",
        "1  editing/repeated-word   error",
        "1  framing/loaded-said     warning",
        "4  total",
    ]
    assert run.code == 1
    as_json = json.loads(factlint("--statistics", "--format", "json", "news", cwd=desk).out)
    assert as_json[0] == {"rule": "sourcing/vague-reports", "count": 2, "severity": "warning"}


def test_statistics_in_a_format_meant_for_a_program_is_a_usage_error(desk):
    # a SARIF or JUnit consumer would otherwise be handed the plain-text table
    for fmt in ("sarif", "junit", "github", "html"):
        run = factlint("--statistics", "--format", fmt, "news", cwd=desk)
        assert (run.code, run.out) == (2, "")
        assert (
            run.err
            == f"factlint: error: --statistics prints a table (or JSON with --format json); it has no {fmt} form\n"
        )
