"""--diff-base: only lines added or changed since a revision, in a real git repository."""

from __future__ import annotations

import subprocess

import pytest
from conftest import factlint, locations, write

from factlint.gitdiff import parse_diff


def git(cwd, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True).stdout


@pytest.fixture
def repo(tmp_path):
    git(tmp_path, "init", "-q", "-b", "main")
    git(tmp_path, "config", "user.email", "desk@example.org")
    git(tmp_path, "config", "user.name", "Desk")
    git(tmp_path, "config", "commit.gpgsign", "false")
    return tmp_path


OLD = """\
    # Ferry fares

    The minister reportedly wants higher fares.

    The harbour board meets on Friday.
    """


def test_only_changed_lines_are_reported(repo):
    path = write(repo, "stories/ferry.md", OLD)
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "old copy")
    text = path.read_text(encoding="utf-8")
    text = text.replace(
        "The harbour board meets on Friday.",
        "The harbour board reportedly meets on Friday.\n\nCouncillor Grant slammed the plan.",
    )
    path.write_text(text, encoding="utf-8")
    everything = factlint("stories", cwd=repo)
    assert [line for _, line, _ in locations(everything.out)] == [3, 5, 7]
    run = factlint("--diff-base", "HEAD", "stories", cwd=repo)
    assert locations(run.out) == [
        ("stories/ferry.md", 5, "sourcing/vague-reports"),
        ("stories/ferry.md", 7, "framing/loaded-said"),
    ]
    # staged changes count as well (working tree against the revision)
    git(repo, "add", ".")
    assert len(locations(factlint("--diff-base", "HEAD", "stories", cwd=repo).out)) == 2
    # after committing, nothing changed since HEAD, but everything since the first commit
    git(repo, "commit", "-q", "-m", "new copy")
    assert locations(factlint("--diff-base", "HEAD", "stories", cwd=repo).out) == []
    assert len(locations(factlint("--diff-base", "HEAD~1", "stories", cwd=repo).out)) == 2


def test_untracked_files_are_all_new_and_subfolder_runs_work(repo):
    write(repo, "README.md", "# Desk\n")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "start")
    write(repo, "stories/new.md", OLD)
    run = factlint("--diff-base", "HEAD", ".", cwd=repo / "stories")
    assert locations(run.out) == [("new.md", 3, "sourcing/vague-reports")]


def test_the_repository_is_found_from_the_linted_paths_not_the_working_directory(repo, tmp_path_factory):
    path = write(repo, "stories/ferry.md", OLD)
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "old copy")
    path.write_text(path.read_text(encoding="utf-8") + "\nCouncillor Grant slammed the plan.\n", encoding="utf-8")
    elsewhere = tmp_path_factory.mktemp("elsewhere")  # not inside any git repository
    for named in (path, repo / "stories", repo):
        run = factlint("--diff-base", "HEAD", named, cwd=elsewhere)
        assert run.code == 0 and run.err == ""
        assert [(line, rule) for _, line, rule in locations(run.out)] == [(7, "framing/loaded-said")]


def test_moved_file_keeps_only_its_changes(repo):
    write(repo, "drafts/ferry.md", OLD)
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "draft")
    git(repo, "mv", "drafts/ferry.md", "ferry.md")
    assert locations(factlint("--diff-base", "HEAD", "ferry.md", cwd=repo).out) == []


def test_bad_revision_and_no_repository_are_errors(repo, tmp_path_factory):
    write(repo, "a.md", OLD)
    run = factlint("--diff-base", "no-such-branch", "a.md", cwd=repo)
    assert run.code == 2 and "'no-such-branch' is not a commit" in run.err
    outside = tmp_path_factory.mktemp("not-a-repo")
    write(outside, "a.md", OLD)
    run = factlint("--diff-base", "HEAD", "a.md", cwd=outside)
    assert run.code == 2 and "git rev-parse" in run.err and "Traceback" not in run.err


def test_parse_diff_hunks():
    diff = (
        "diff --git a/stories/a.md b/stories/a.md\n"
        "--- a/stories/a.md\n"
        "+++ b/stories/a.md\n"
        "@@ -3 +3,2 @@ heading\n"
        "-old\n"
        "+new\n"
        "+newer\n"
        "@@ -10,2 +11,0 @@\n"
        "-gone\n"
        "-gone too\n"
        "@@ -20 +19 @@\n"
        "-x\n"
        "+y\n"
        "diff --git a/old.md b/old.md\n"
        "--- a/old.md\n"
        "+++ /dev/null\n"
        "@@ -1 +0,0 @@\n"
        "-bye\n"
        'diff --git a/"caf\\303\\251.md" b/"caf\\303\\251.md"\n'
        "--- /dev/null\n"
        '+++ "b/caf\\303\\251.md"\n'
        "@@ -0,0 +1 @@\n"
        "+hello\n"
    )
    assert parse_diff(diff) == {"stories/a.md": {3, 4, 19}, "café.md": {1}}
