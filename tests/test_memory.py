"""Memory as documented (docs/security.md, "Known gaps"): reports are written a finding at
a time, byte for byte as the whole payload encoded at once; a flood of one mistake shares
its strings; the grade counts read a long text in pieces; and the heap a draft needs to be
linted and reported stays within a bound per input character.

The bounds are heap peaks measured in this process with ``tracemalloc`` (deterministic
for a given Python, unlike the resident set): each is about twice what the draft needs
now and well under what it needed before (in brackets), so a regression to building the
report as one string, or to keeping a rule's hits beside its findings, fails them.
"""

from __future__ import annotations

import io
import json
import sys
import tracemalloc
from pathlib import Path

import pytest

from factlint import lint_text, load_rules, syllables
from factlint.finding import Finding, Fix
from factlint.reporters import Report, get_chunks, get_reporter
from factlint.reporters import github as github_reporter
from factlint.reporters import json as json_reporter
from factlint.reporters import sarif as sarif_reporter
from factlint.reporters import text as text_reporter

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
import adversarial  # noqa: E402  (bench/: the shapes the docs' table measures)

#: a draft with a little of everything a reporter must escape or nest
DRAFT = (
    "# Harbour bridge\n\nThe mayor reportedly resigned. “Unclosed, the aide said.\n\n"
    'Tab\there and a \x1b[31m escape, the "the the" and Zoë Müller 🚧 reportedly said.\n'
)


def _findings(text: str = DRAFT, path: str = "draft.md") -> list[Finding]:
    return lint_text(text, path=path, rules=load_rules(select=["ALL"]))


def _with_extras(findings: list[Finding]) -> list[Finding]:
    """The findings, one given suggestions, a fix and a fingerprint (SARIF nests them)."""
    first = findings[0]
    first.suggestions = ["one", "two “three”"]
    first.fix = Fix(first.offset, first.end_offset, "new\ttext", safe=False)
    first.fingerprint = "abc123"
    return findings


def test_json_report_is_the_whole_payload_encoded_at_once():
    findings = _with_extras(_findings())
    report = Report(findings=findings, files=1)
    whole = {"version": json_reporter.JSON_VERSION, "findings": [f.to_dict() for f in findings]}
    assert json_reporter.render(report) == json.dumps(whole, ensure_ascii=False, indent=2) + "\n"


def test_json_report_without_findings():
    assert json_reporter.render(Report(findings=[])) == '{\n  "version": 1,\n  "findings": []\n}\n'


def test_json_report_comes_a_finding_at_a_time():
    findings = _findings()
    pieces = list(get_chunks("json")(Report(findings=findings)))
    # the head, one piece per finding, the tail: never one string of the whole report
    assert len(pieces) == len(findings) + 2
    assert [json.loads(piece.rstrip().rstrip(",")) for piece in pieces[1:-1]] == [f.to_dict() for f in findings]


@pytest.mark.parametrize("with_findings", [True, False])
def test_sarif_log_is_the_whole_log_encoded_at_once(with_findings):
    findings = _with_extras(_findings()) if with_findings else []
    report = Report(findings=findings, files=1, problems=["gone.md: cannot read"], errors=1)
    pieces = list(sarif_reporter.chunks(report))
    assert "".join(pieces) == json.dumps(sarif_reporter.build(report), indent=2, ensure_ascii=False) + "\n"
    assert len(pieces) == (len(findings) + 2 if with_findings else 1)


@pytest.mark.parametrize("show_source", [True, False])
def test_text_report_pieces(show_source):
    findings = _findings() + _findings("The mayor reportedly quit.\n", path="other.md")
    report = Report(
        findings=findings,
        files=2,
        show_source=show_source,
        texts={"draft.md": DRAFT, "other.md": "The mayor reportedly quit.\n"},
    )
    pieces = list(text_reporter.chunks(report))
    assert len(pieces) == len(findings) + 1
    assert pieces[-1] == text_reporter.summary(report) + "\n"
    first = pieces[0].splitlines()
    assert len(first) == (3 if show_source else 1)
    if show_source:  # the finding's line of the draft, then carets under its match
        f = findings[0]
        assert first[1] == "    " + text_reporter.printable(DRAFT.splitlines()[f.line - 1].expandtabs(1))
        assert first[2] == "    " + " " * (f.column - 1) + "^" * (f.end_column - f.column)


def test_every_format_joins_its_pieces_into_its_render():
    report = Report(findings=_with_extras(_findings()), files=1, paths=["draft.md"])
    for name in ("text", "json", "grouped", "sarif", "github", "junit"):
        assert "".join(get_chunks(name)(report)) == get_reporter(name)(report), name
    assert len(list(github_reporter.chunks(report))) == len(report.findings)


def test_cli_writes_the_same_bytes_to_stdout_and_to_a_file(tmp_path):
    from click.testing import CliRunner

    from factlint.cli import main

    draft = tmp_path / "draft.md"
    draft.write_text(DRAFT, encoding="utf-8")
    for fmt in ("json", "sarif", "text", "github"):
        out = tmp_path / f"report.{fmt}"
        shown = CliRunner().invoke(main, ["--no-cache", "--select", "ALL", "--format", fmt, str(draft)])
        written = CliRunner().invoke(
            main, ["--no-cache", "--select", "ALL", "--format", fmt, "-o", str(out), str(draft)]
        )
        assert shown.exit_code == written.exit_code == 1, shown.output
        assert shown.stdout_bytes == out.read_bytes(), fmt


def test_a_flood_of_one_mistake_shares_its_strings():
    findings = _findings(adversarial.quote_flood(2_000), path="flood.md")
    unclosed = [f for f in findings if f.rule == "editing/unbalanced"]
    assert len(unclosed) > 800
    # "Unbalanced '“' …" and "“": one string object each, however many findings
    assert len({id(f.message) for f in unclosed}) == len({f.message for f in unclosed}) == 1
    assert len({id(f.match) for f in unclosed}) == len({f.match for f in unclosed}) == 1


def test_grade_counts_of_a_text_in_pieces_are_those_of_the_whole(monkeypatch):
    # apostrophes before and after white space, a final sigma, a long run without a break
    text = (
        "It's the mayor' s plan, o'clock ' tis. ΟΔΟΣ ΣΟΦΟΣ said so! Rock 'n' roll.\nNext line "
        + "x" * 40
        + " Hi. Two words. The council approved the budget on Tuesday, officials said. "
    ) * 5
    expected = (syllables.count_words(text), syllables.count_sentences(text), syllables.count_syllables(text))
    for piece in (1, 3, 7, 64):
        monkeypatch.setattr(syllables, "_PIECE", piece)
        assert "".join(syllables._pieces(text)) == text
        assert syllables.text_counts(text) == expected, piece


def _heap_peak_per_char(text: str) -> float:
    """Peak heap (bytes) per input character of linting ``text`` and writing its JSON report."""
    rules = load_rules()
    lint_text("The mayor said it was 24, officials said.\n", path="warm.md", rules=rules)  # lazy tables
    sink = io.StringIO()
    tracemalloc.start()
    try:
        findings = lint_text(text, path="draft.md", rules=rules)
        for piece in get_chunks("json")(Report(findings=findings, files=1)):
            sink.write(piece)
            sink.seek(0)
            sink.truncate()  # thrown away, as stdout would take it
        return tracemalloc.get_traced_memory()[1] / len(text)
    finally:
        tracemalloc.stop()


def test_heap_of_a_quote_flood_stays_bounded():
    # now about 390 bytes per character (one finding per two characters), 1,800 before
    assert _heap_peak_per_char(adversarial.quote_flood(20_000)) < 800


def test_heap_of_a_long_line_of_sentences_stays_bounded():
    # now about 70 bytes per character, 140 before
    assert _heap_peak_per_char(adversarial.one_line(60_000)) < 110
