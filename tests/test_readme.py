"""The README's two set-up commands, and CI running exactly the test command."""
import re
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
