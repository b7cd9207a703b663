"""The composite GitHub Action in ``action.yml``: its steps' scripts, run with bash in a git
repository with a pull request's history, annotate the changed lines, gate on ``fail-on``
and write a valid SARIF file.

The runner is imitated, not mocked away: each step's ``${{ … }}`` expressions are replaced
with the values a pull-request run would give them, its ``env`` is set, ``GITHUB_PATH``
is a file whose lines are put on ``PATH`` for the next steps, as the runner does. One thing
is stood in for: ``python3`` in the install step. A real install would fetch factlint's
dependencies from PyPI, and tests do not use the network; the stand-in records the pip
command and links the test venv's own ``factlint`` (the code under test) into the venv's
``bin``, so the later steps run the real factlint found through ``GITHUB_PATH``.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
import yaml
from conftest import REPO, write

SCHEMA = json.loads((Path(__file__).parent / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
ACTION = yaml.safe_load((REPO / "action.yml").read_text(encoding="utf-8"))
GIT = ["git", "-c", "user.email=desk@example.org", "-c", "user.name=Desk", "-c", "commit.gpgsign=false"]
EXPRESSION = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")

OLD_STORY = "# Fares\n\nThe minister reportedly wants higher fares.\n"
NEW_STORY = "# Fares\n\nThe the board agreed, its chair said.\n"


def git(*args: str, cwd: Path) -> str:
    return subprocess.run([*GIT, *args], cwd=cwd, check=True, capture_output=True, text=True).stdout.strip()


@pytest.fixture
def pull_request(tmp_path):
    """A content repository: ``main`` with an old story, a branch that adds a draft and
    touches nothing on the old story's lines. Returns (repository, base sha)."""
    repo = tmp_path / "site"
    repo.mkdir()
    git("init", "-q", "-b", "main", cwd=repo)
    write(repo, "stories/old.md", OLD_STORY)
    git("add", ".", cwd=repo)
    git("commit", "-q", "-m", "old story", cwd=repo)
    base = git("rev-parse", "HEAD", cwd=repo)
    git("checkout", "-q", "-b", "draft", cwd=repo)
    write(repo, "stories/new.md", NEW_STORY)
    git("add", ".", cwd=repo)
    git("commit", "-q", "-m", "new draft", cwd=repo)
    return repo, base


def fake_python(bin_dir: Path, log: Path) -> None:
    """``python3`` for the install step: ``python3 -m venv DIR`` makes DIR/bin with a pip that
    logs its arguments and the test venv's factlint."""
    real_factlint = Path(sys.executable).parent / "factlint"
    script = bin_dir / "python3"
    script.write_text(
        "#!/bin/bash\n"
        'set -e\n[ "$1 $2" = "-m venv" ] || exit 9\n'
        'mkdir -p "$3/bin"\n'
        f'printf \'#!/bin/bash\\necho pip "$@" >> {log}\\n\' > "$3/bin/pip"\n'
        'chmod +x "$3/bin/pip"\n'
        f'ln -s {real_factlint} "$3/bin/factlint"\n',
        encoding="utf-8",
    )
    script.chmod(0o755)


def run_action(repo: Path, tmp_path: Path, inputs: dict[str, str], event: dict) -> list[subprocess.CompletedProcess]:
    """Run the action's steps as the runner would, stopping at the first failing step."""
    temp = tmp_path / "runner-temp"
    temp.mkdir(exist_ok=True)
    fake_bin = tmp_path / "fake-bin"
    fake_bin.mkdir(exist_ok=True)
    fake_python(fake_bin, tmp_path / "pip.log")
    github_path = tmp_path / "github-path"
    github_path.write_text("", encoding="utf-8")
    given = {name: spec.get("default", "") for name, spec in ACTION["inputs"].items()}
    given.update(inputs)
    contexts = {
        "github.action_path": str(REPO),
        "github.event.pull_request.base.sha": event.get("base_sha", ""),
        "runner.temp": str(temp),
    }

    def value(expression: str) -> str:
        if expression.startswith("inputs."):
            return EXPRESSION.sub(lambda m: value(m.group(1)), str(given[expression[len("inputs.") :]]))
        assert expression in contexts, f"action.yml uses an expression the test does not know: {expression}"
        return contexts[expression]

    def substitute(text: str) -> str:
        return EXPRESSION.sub(lambda m: value(m.group(1)), text)

    results = []
    for step in ACTION["runs"]["steps"]:
        condition = step.get("if")
        if condition is not None:
            m = re.fullmatch(r"inputs\.([\w-]+) != ''", condition)
            assert m, f"the test cannot evaluate the condition {condition!r}"
            if value("inputs." + m.group(1)) == "":
                continue
        assert step["shell"] == "bash"
        added = [line for line in github_path.read_text(encoding="utf-8").splitlines() if line]
        env = {
            "PATH": os.pathsep.join([*reversed(added), str(fake_bin), "/usr/bin", "/bin"]),
            "HOME": str(tmp_path),
            "GITHUB_PATH": str(github_path),
            "GITHUB_ACTION_PATH": str(REPO),
            "FACTLINT_CACHE_DIR": str(tmp_path / "cache"),
        }
        env.update({name: substitute(str(text)) for name, text in step.get("env", {}).items()})
        # the runner runs `bash --noprofile --norc -eo pipefail {0}`
        done = subprocess.run(
            ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", substitute(step["run"])],
            cwd=repo,
            env=env,
            capture_output=True,
            text=True,
        )
        results.append(done)
        if done.returncode != 0:
            break
    return results


def test_a_pull_request_is_annotated_on_its_changed_lines_and_gated(pull_request, tmp_path):
    repo, base = pull_request
    install, sarif, gate = run_action(
        repo, tmp_path, {"paths": "stories", "sarif": "factlint.sarif"}, {"base_sha": base}
    )
    assert install.returncode == 0 and sarif.returncode == 0
    assert (tmp_path / "pip.log").read_text(encoding="utf-8").split() == ["pip", "install", "--quiet", str(REPO)]
    # the old story's warning is not on a changed line: only the new draft's error annotates
    assert gate.stdout.splitlines() == [
        "::error file=stories/new.md,line=3,col=1,endLine=3,endColumn=8,title=editing/repeated-word::"
        "'The the': the word is doubled. Delete one."
    ]
    assert gate.returncode == 1
    log = json.loads((repo / "factlint.sarif").read_text(encoding="utf-8"))
    assert list(jsonschema.Draft4Validator(SCHEMA).iter_errors(log)) == []
    found = {
        (r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"], r["ruleId"])
        for r in log["runs"][0]["results"]
    }
    assert found == {("stories/old.md", "sourcing/vague-reports"), ("stories/new.md", "editing/repeated-word")}


def test_fail_on_never_reports_without_failing_and_no_sarif_is_written_unasked(pull_request, tmp_path):
    repo, base = pull_request
    results = run_action(repo, tmp_path, {"paths": "stories", "fail-on": "never"}, {"base_sha": base})
    assert len(results) == 2  # install, annotate: the SARIF step is skipped
    assert results[-1].returncode == 0 and "title=editing/repeated-word" in results[-1].stdout
    assert not (repo / "factlint.sarif").exists()


def test_on_a_push_there_is_no_base_and_every_line_is_checked(pull_request, tmp_path):
    repo, _ = pull_request
    *_, gate = run_action(repo, tmp_path, {"paths": "stories/old.md stories/new.md", "fail-on": "warning"}, {})
    titles = re.findall(r"title=([\w/-]+)", gate.stdout)
    assert sorted(titles) == ["editing/repeated-word", "sourcing/vague-reports"]
    assert gate.returncode == 1


def test_a_configuration_file_is_passed_to_both_runs(pull_request, tmp_path):
    repo, base = pull_request
    write(repo, "desk.yaml", "ignore: [editing]\n")
    *_, sarif, gate = run_action(
        repo, tmp_path, {"paths": "stories", "config": "desk.yaml", "sarif": "out.sarif"}, {"base_sha": base}
    )
    assert gate.returncode == 0 and gate.stdout == ""
    rules = {r["ruleId"] for r in json.loads((repo / "out.sarif").read_text(encoding="utf-8"))["runs"][0]["results"]}
    assert rules == {"sourcing/vague-reports"}
