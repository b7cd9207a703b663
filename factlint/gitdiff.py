"""``--diff-base REF``: which lines changed since a git revision.

``git diff -U0 REF`` (working tree against REF, renames followed) gives the hunks; the
new-side line ranges of each hunk are the lines added or changed. A file that git does
not track (new, not yet added) counts as entirely new; a tracked file that the diff
does not mention has no changed line. The repository is found from the linted paths
(:func:`changed_lines_of_paths`), so the working directory does not matter.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field

_HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@")


class GitDiffError(Exception):
    pass


def _git(args: list[str], cwd: str) -> str:
    import subprocess  # only --diff-base runs git: not paid by every start

    try:
        proc = subprocess.run(
            ["git", "-c", "core.quotepath=false", *args],
            cwd=cwd,
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="surrogateescape",
        )
    except FileNotFoundError:
        raise GitDiffError("--diff-base needs git, which is not installed") from None
    if proc.returncode != 0:
        message = (proc.stderr.strip().splitlines() or ["git failed"])[-1]
        raise GitDiffError(f"git {args[0]}: {message}")
    return proc.stdout


def _unquote(path: str) -> str:
    """Undo git's C-style quoting of unusual path names."""
    if not (path.startswith('"') and path.endswith('"')):
        return path
    raw = path[1:-1].encode("latin-1", "backslashreplace").decode("unicode_escape")
    return raw.encode("latin-1", "surrogateescape").decode("utf-8", "surrogateescape")


def parse_diff(text: str) -> dict[str, set[int]]:
    """New-side changed lines per path (relative to the repository root) from ``git diff -U0``."""
    changed: dict[str, set[int]] = {}
    current: set[int] | None = None
    for line in text.splitlines():
        if line.startswith("+++ "):
            target = line[4:].rstrip("\t")
            if target == "/dev/null":
                current = None
                continue
            target = _unquote(target)
            if target.startswith("b/"):
                target = target[2:]
            current = changed.setdefault(target, set())
            continue
        m = _HUNK.match(line)
        if m and current is not None:
            start = int(m.group(1))
            count = int(m.group(2)) if m.group(2) is not None else 1
            current.update(range(start, start + count))
    return changed


@dataclass
class ChangedLines:
    root: str
    changed: dict[str, set[int]] = field(default_factory=dict)  # root-relative path -> lines
    tracked: set[str] = field(default_factory=set)

    def lines_for(self, path: str) -> set[int] | None:
        """Changed lines of ``path``; None means every line (the file is new to git)."""
        rel = os.path.relpath(os.path.realpath(path), self.root).replace(os.sep, "/")
        if rel in self.changed:
            return self.changed[rel]
        if rel.startswith("..") or rel not in self.tracked:
            return None
        return set()

    def keeps(self, path: str, line: int, end_line: int) -> bool:
        lines = self.lines_for(path)
        if lines is None:
            return True
        return any(n in lines for n in range(line, max(line, end_line) + 1))


@dataclass
class RepoChanges:
    """Changed lines in every repository the linted paths live in (usually one)."""

    repos: list[ChangedLines]

    def _repo_of(self, path: str) -> ChangedLines | None:
        real = os.path.realpath(path)
        inside = [r for r in self.repos if (real + os.sep).startswith(r.root.rstrip(os.sep) + os.sep)]
        return max(inside, key=lambda r: len(r.root)) if inside else None

    def lines_for(self, path: str) -> set[int] | None:
        repo = self._repo_of(path)
        return None if repo is None else repo.lines_for(path)

    def keeps(self, path: str, line: int, end_line: int) -> bool:
        repo = self._repo_of(path)
        return True if repo is None else repo.keeps(path, line, end_line)


def changed_lines_of_paths(ref: str, paths: list[str]) -> RepoChanges:
    """The changes since ``ref`` of the repositories holding ``paths`` -- found from the
    paths themselves, not the working directory (``factlint --diff-base main ../site``
    works from anywhere). Only standard input: the working directory's repository."""
    folders: list[str] = []
    for path in paths:
        if path == "-":
            continue
        real = os.path.realpath(path)
        folder = real if os.path.isdir(real) else os.path.dirname(real)
        if os.path.isdir(folder) and folder not in folders:
            folders.append(folder)
    if not folders:
        folders = [os.getcwd()]
    repos: list[ChangedLines] = []
    for folder in folders:
        if any((folder + os.sep).startswith(r.root.rstrip(os.sep) + os.sep) for r in repos):
            continue  # the repository is already read (one git call per repository, not per folder)
        repos.append(changed_lines(ref, folder))
    return RepoChanges(repos)


def changed_lines(ref: str, cwd: str | None = None) -> ChangedLines:
    cwd = cwd or os.getcwd()
    try:
        root = _git(["rev-parse", "--show-toplevel"], cwd).strip()
    except GitDiffError as exc:
        if "not a git repository" in str(exc):
            raise GitDiffError(f"--diff-base: {cwd} is not inside a git repository ({exc})") from None
        raise
    try:
        _git(["rev-parse", "--verify", "--quiet", "--end-of-options", f"{ref}^{{commit}}"], root)
    except GitDiffError:
        raise GitDiffError(f"--diff-base: '{ref}' is not a commit in {root}") from None
    diff = _git(["diff", "--no-color", "--no-ext-diff", "--no-textconv", "--find-renames", "-U0", ref, "--"], root)
    tracked = _git(["ls-files", "-z"], root)
    return ChangedLines(os.path.realpath(root), parse_diff(diff), {p for p in tracked.split("\0") if p})
