"""The library interface: load rules once, lint many texts; everything pickles."""

import pickle

from factlint import Finding, lint_paths, lint_text, load_rules
from factlint.reading import ReadError


def test_lint_text_returns_plain_findings():
    [finding] = lint_text("The minister reportedly resigned.\n", path="d.txt")
    assert isinstance(finding, Finding)
    assert (finding.rule, finding.line, finding.column, finding.match) == (
        "sourcing/vague-reports",
        1,
        14,
        "reportedly",
    )


def test_rules_are_compiled_once_and_reused():
    assert load_rules() is load_rules()


def test_rules_select_and_ignore():
    ids = {r.id for r in load_rules(select=["editing"]).rules}
    assert ids and all(i.startswith("editing/") for i in ids)
    assert "editing/repeated-word" not in {r.id for r in load_rules(ignore=["editing/repeated-word"]).rules}


def test_rules_and_findings_pickle_for_worker_processes():
    rules = pickle.loads(pickle.dumps(load_rules()))
    findings = lint_text("The the minister reportedly resigned.\n", "d.txt", rules)
    assert [f.rule for f in findings] == ["editing/repeated-word", "sourcing/vague-reports"]
    assert pickle.loads(pickle.dumps(findings)) == findings


def test_lint_paths_collects_read_errors_when_asked(tmp_path):
    (tmp_path / "a.md").write_text("The minister reportedly resigned.\n", encoding="utf-8")
    errors: list[ReadError] = []
    findings = lint_paths([str(tmp_path), str(tmp_path / "missing.md")], errors=errors)
    assert [f.path for f in findings] == [str(tmp_path / "a.md")]
    assert [e.message for e in errors] == ["no such file or directory"]
