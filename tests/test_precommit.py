"""The pre-commit hook, run by the real pre-commit in temporary git repositories.

pre-commit installs factlint from a git repository into an environment of its own (pip,
from the package index). The repository used is a snapshot of this working tree, so the
test sees uncommitted work too, exactly as `pre-commit try-repo` would.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import REPO, readme_snippet, write

GIT = ["git", "-c", "user.email=desk@example.org", "-c", "user.name=Desk", "-c", "commit.gpgsign=false",
       "-c", "init.defaultBranch=main"]
NETWORK_TROUBLE = ("NewConnectionError", "Temporary failure in name resolution", "Network is unreachable",
                   "No matching distribution found for hatchling")

BAD_DRAFT = """\
    # Ferry fares

    The transport minister reportedly wants higher fares.
    """
GOOD_DRAFT = """\
    # Ferry fares

    The transport minister wants higher fares, her office said on Monday.
    """


def git(cwd, *args: str) -> str:
    return subprocess.run([*GIT, *args], cwd=cwd, check=True, capture_output=True, text=True).stdout


def tracked_files(repo: Path) -> list[str]:
    out = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=repo,
                         check=True, capture_output=True, text=True).stdout
    return sorted({p for p in out.split("\0") if p and (repo / p).is_file()})


def skip_unless_a_git_checkout() -> None:
    """These tests read the repository's tracked files; an unpacked archive has none."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    inside = subprocess.run(["git", "rev-parse", "--is-inside-work-tree"], cwd=REPO, capture_output=True, text=True)
    if inside.returncode != 0:
        pytest.skip(f"{REPO} is not a git checkout (an unpacked archive): no tracked files to test the hook with")


@pytest.fixture(scope="module")
def env(tmp_path_factory):
    """(snapshot of this repository, environment for pre-commit with its own cache)."""
    skip_unless_a_git_checkout()
    base = tmp_path_factory.mktemp("precommit")
    snapshot = base / "factlint"
    for rel in tracked_files(REPO):
        if rel.startswith(("bench/", "tests/")):
            continue  # not needed to install the package
        target = snapshot / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(REPO / rel, target)
    git(snapshot, "init", "-q")
    git(snapshot, "add", "-A")
    git(snapshot, "commit", "-q", "-m", "snapshot")
    environ = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "PRE_COMMIT"))}
    environ["PRE_COMMIT_HOME"] = str(base / "cache")
    environ["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    environ["NO_COLOR"] = "1"
    return snapshot, environ


def pre_commit(cwd, environ, *args: str) -> subprocess.CompletedProcess:
    proc = subprocess.run([sys.executable, "-m", "pre_commit", *args, "--color", "never"], cwd=cwd, env=environ,
                          capture_output=True, text=True, timeout=900)
    _skip_if_offline(proc)
    return proc


def _skip_if_offline(proc) -> None:
    """Skip (not fail) when pre-commit could not reach a package index to install factlint."""
    output = proc.stdout + proc.stderr
    if proc.returncode != 0 and any(marker in output for marker in NETWORK_TROUBLE):
        pytest.skip("pre-commit could not install factlint's environment: no package index reachable")


def project(tmp_path: Path, draft_text: str) -> Path:
    repo = tmp_path / "newsroom"
    repo.mkdir()
    git(repo, "init", "-q")
    write(repo, "stories/ferry.md", draft_text)
    git(repo, "add", "stories/ferry.md")
    return repo


@pytest.mark.slow  # minutes-class: left out of the quick loop (pytest -m "not slow")
def test_try_repo_blocks_a_sourcing_warning_on_a_strict_desk_and_passes_a_clean_one(env, tmp_path):
    snapshot, environ = env
    repo = project(tmp_path, BAD_DRAFT)
    # warnings fail only where the desk asks for it (the default gate is errors only)
    write(repo, ".factlint.yaml", "fail-on: warning\n")
    proc = pre_commit(repo, environ, "try-repo", str(snapshot), "factlint")
    output = proc.stdout + proc.stderr
    assert proc.returncode == 1, output
    col = "The transport minister reportedly".index("reportedly") + 1
    assert f"stories/ferry.md:3:{col}: warning sourcing/vague-reports Vague sourcing: 'reportedly'." in output
    assert "Failed" in output

    (repo / "stories/ferry.md").write_text(GOOD_DRAFT.replace("    ", ""), encoding="utf-8")
    git(repo, "add", "stories/ferry.md")
    proc = pre_commit(repo, environ, "try-repo", str(snapshot), "factlint")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "Passed" in proc.stdout


@pytest.mark.slow  # minutes-class: left out of the quick loop (pytest -m "not slow")
def test_readme_snippet_installed_as_a_hook_stops_the_commit(env, tmp_path):
    snapshot, environ = env
    repo = project(tmp_path, BAD_DRAFT)
    config = yaml.safe_load(readme_snippet("pre-commit"))
    config["repos"][0]["repo"] = str(snapshot)
    config["repos"][0]["rev"] = git(snapshot, "rev-parse", "HEAD").strip()
    (repo / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")
    git(repo, "add", ".pre-commit-config.yaml")
    pre_commit(repo, environ, "install")

    proc = subprocess.run([*GIT, "commit", "-m", "ferry fares"], cwd=repo, env=environ, capture_output=True,
                          text=True, timeout=900)
    _skip_if_offline(proc)
    output = proc.stdout + proc.stderr
    assert proc.returncode != 0, output
    assert "stories/ferry.md:3:" in output and "sourcing/vague-reports" in output
    assert subprocess.run(["git", "rev-parse", "--verify", "-q", "HEAD"], cwd=repo,
                          capture_output=True).returncode != 0  # nothing was committed

    (repo / "stories/ferry.md").write_text(GOOD_DRAFT.replace("    ", ""), encoding="utf-8")
    git(repo, "add", "stories/ferry.md")
    proc = subprocess.run([*GIT, "commit", "-q", "-m", "ferry fares"], cwd=repo, env=environ,
                          capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert git(repo, "log", "--format=%s").strip() == "ferry fares"


def test_hook_manifest_and_this_repositorys_config_are_valid(env):
    _, environ = env
    for command, path in (("validate-manifest", ".pre-commit-hooks.yaml"),
                          ("validate-config", ".pre-commit-config.yaml")):
        proc = subprocess.run([sys.executable, "-m", "pre_commit", command, str(REPO / path)], env=environ,
                              capture_output=True, text=True)
        assert proc.returncode == 0, proc.stdout + proc.stderr
    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hooks[0]["id"] == "factlint"
    assert hooks[0]["types_or"] == ["markdown", "plain-text"]


def test_this_repositorys_own_factlint_hook_passes_on_its_docs():
    """The local `factlint-docs` hook of .pre-commit-config.yaml, run as pre-commit would."""
    import re
    import shlex

    from conftest import factlint

    skip_unless_a_git_checkout()
    config = yaml.safe_load((REPO / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    hook = next(h for repo in config["repos"] if repo["repo"] == "local"
                for h in repo["hooks"] if h["id"] == "factlint-docs")
    files = [p for p in tracked_files(REPO) if re.search(hook["files"], p)]
    assert "README.md" in files and "docs/configuration.md" in files
    args = shlex.split(hook["entry"])[1:]
    run = factlint(*args, *files, cwd=REPO)
    assert run.code == 0, run.out
