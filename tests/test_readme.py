"""The README's two set-up commands, and CI running exactly the test command."""
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def readme_commands() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    quick = text.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sh\n(.+?)\n```", quick)


def test_quick_start_has_exactly_two_commands_install_and_run_then_test():
    install_and_run, test = readme_commands()
    assert "pip install ." in install_and_run and "factlint examples/" in install_and_run
    assert "pip install -e '.[test]'" in test and "pytest" in test


def test_ci_runs_exactly_the_readme_test_command():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert readme_commands()[1] in ci.splitlines()


def test_linting_the_examples_reports_findings_on_purpose_and_the_readme_says_so():
    """`factlint examples/` (the quick start) exits 1: the example drafts hold errors on
    purpose, and warnings alone would not fail (the default gate is errors only)."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    quick = text.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    assert "on purpose" in quick and "exits\nwith status 1" in quick
    proc = subprocess.run([sys.executable, "-m", "factlint", "--isolated", "--no-cache", "examples/"],
                          capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 1 and proc.stderr == ""
    assert " error editing/" in proc.stdout and " warning sourcing/" in proc.stdout
    only_warnings = subprocess.run([sys.executable, "-m", "factlint", "--isolated", "--no-cache", "--severity",
                                    "warning", "--select", "sourcing", "examples/"],
                                   capture_output=True, text=True, cwd=ROOT)
    assert only_warnings.returncode == 0 and " warning sourcing/" in only_warnings.stdout
