"""The cache folder is untrusted input (issue 18, items 1 and 2): it may sit in a checkout,
where a pull request can plant anything. factlint never follows a link in it, never
writes a file it did not create, refuses a folder holding files it did not make (a
one-line warning, then the run goes on without a cache, same findings, same exit
status), never blocks on a read, and believes a cached result only when its tag was
made with this user's key.

Every run here is a real subprocess with its own home (so its own signing key); the
subprocess timeout is only a guard against a hang, never a measure of speed."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys

import pytest
from conftest import write

DIRTY = """\
    # Harbour fares

    The minister reportedly wants higher fares. The the vote is on Friday!
    """
CLEAN = """\
    # Harbour board

    The board meets on Friday, its chair, Ana Ruiz, said.
    """
TAG = "Signature: 8a477f597d28d172789f06886806bc55\n# This file is a cache directory tag created by factlint.\n"


def run(cwd, *args, home=None, timeout=120):
    home = str(home or (cwd.parent / "home"))
    env = {k: v for k, v in os.environ.items() if not k.startswith(("FACTLINT_", "XDG_"))}
    env.update(HOME=home, XDG_CACHE_HOME=os.path.join(home, ".cache"))
    return subprocess.run(
        [sys.executable, "-m", "factlint", *map(str, args)],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


@pytest.fixture
def project(tmp_path):
    root = tmp_path / "project"
    write(root, "dirty.md", DIRTY)
    write(root, "clean.md", CLEAN)
    return root


def finding_lines(out: str) -> list[str]:
    return [line for line in out.splitlines() if line.startswith(("dirty.md:", "clean.md:"))]


def test_a_planted_gitignore_link_is_never_written_through(project, tmp_path):
    victim = tmp_path / "victim.txt"
    victim.write_text("precious\n")
    cache = project / ".factlint_cache"
    cache.mkdir()
    (cache / "CACHEDIR.TAG").write_text(TAG)
    (cache / ".gitignore").symlink_to(victim)
    expected = run(project, "--no-cache", "dirty.md")
    got = run(project, "dirty.md")
    assert victim.read_text() == "precious\n"
    assert (cache / ".gitignore").is_symlink()
    assert got.returncode == expected.returncode == 1
    assert got.stdout == expected.stdout
    assert got.stderr.splitlines() == [
        "factlint: warning: .factlint_cache: cache folder holds files factlint did not make "
        "(.gitignore is not a regular file); running without a cache"
    ]
    assert sorted(os.listdir(cache)) == [".gitignore", "CACHEDIR.TAG"]


def test_a_dangling_cachedir_tag_link_creates_nothing_at_its_target(project, tmp_path):
    target = tmp_path / "created-by-factlint"
    cache = project / ".factlint_cache"
    cache.mkdir()
    (cache / "CACHEDIR.TAG").symlink_to(target)
    got = run(project, "dirty.md")
    assert not os.path.lexists(target)
    assert got.returncode == 1 and finding_lines(got.stdout)
    assert "cache folder holds files factlint did not make (CACHEDIR.TAG is not a regular file)" in got.stderr


def test_cache_dir_dot_never_replaces_the_projects_own_files(project):
    (project / ".gitignore").write_text("build/\n")
    got = run(project, "--cache-dir", ".", "dirty.md")
    assert (project / ".gitignore").read_text() == "build/\n"
    assert sorted(os.listdir(project)) == [".gitignore", "clean.md", "dirty.md"]
    assert got.returncode == 1 and finding_lines(got.stdout)
    assert got.stderr.splitlines() == [
        "factlint: warning: .: cache folder holds files factlint did not make (clean.md); running without a cache"
    ]


def test_a_cache_folder_that_is_a_link_is_refused(project, tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (project / ".factlint_cache").symlink_to(elsewhere)
    got = run(project, "dirty.md")
    assert os.listdir(elsewhere) == []
    assert "factlint: warning: .factlint_cache: cache folder is a symbolic link; running without a cache" in got.stderr


@pytest.mark.parametrize("plant", ["fifo", "stdin-link"])
def test_a_planted_rules_pickle_that_would_block_never_hangs_the_run(project, plant):
    first = run(project, "dirty.md")  # a genuine cache: learn the compiled rule set's file name
    cache = project / ".factlint_cache"
    [pickle_file] = [n for n in os.listdir(cache) if n.startswith("rules-")]
    os.remove(cache / pickle_file)
    if plant == "fifo":
        os.mkfifo(cache / pickle_file)
    else:
        os.symlink("/dev/stdin", cache / pickle_file)
    # a blocking read would wait for ever on the FIFO, or on the open pipe given as stdin
    proc = subprocess.Popen(
        [sys.executable, "-m", "factlint", "dirty.md"],
        cwd=project,
        env={
            **os.environ,
            "HOME": str(project.parent / "home"),
            "XDG_CACHE_HOME": str(project.parent / "home" / ".cache"),
        },
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        out, err = proc.communicate(timeout=120)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.communicate()
        pytest.fail("factlint blocked reading a planted rules cache")
    assert proc.returncode == first.returncode == 1
    assert out == first.stdout
    assert "running without a cache" in err


def test_the_rules_reader_never_follows_a_link_or_blocks(tmp_path):
    from factlint.ruleset import _read_cached

    os.mkfifo(tmp_path / "rules-fifo.pickle")
    os.symlink("/dev/stdin", tmp_path / "rules-stdin.pickle")
    assert _read_cached(tmp_path / "rules-fifo.pickle", "0" * 32) is None
    assert _read_cached(tmp_path / "rules-stdin.pickle", "0" * 32) is None


def test_a_new_or_empty_folder_becomes_a_cache_and_a_genuine_one_is_used_again(project):
    first = run(project, "--cache-dir", "fresh/cache", "dirty.md")
    names = sorted(os.listdir(project / "fresh" / "cache"))
    assert names[:3] == [".gitignore", "CACHEDIR.TAG", "results.sqlite3"]
    again = run(project, "--cache-dir", "fresh/cache", "dirty.md")
    assert again.stdout == first.stdout and again.stderr == first.stderr == ""


# -- item 2: a cached result is believed only with this user's tag -------------------------
def test_a_forged_empty_result_does_not_hide_findings(project):
    first = run(project, ".")
    assert first.returncode == 1 and finding_lines(first.stdout)
    with sqlite3.connect(project / ".factlint_cache" / "results.sqlite3") as db:
        assert db.execute("update results set value='[]'").rowcount >= 1
    second = run(project, ".")
    assert (second.returncode, second.stdout) == (1, first.stdout)


def test_a_forged_result_from_a_cache_built_under_another_home_is_a_miss(project, tmp_path):
    other = tmp_path / "other"
    write(other, "dirty.md", DIRTY)
    run(other, "dirty.md", home=tmp_path / "attacker")
    with sqlite3.connect(other / ".factlint_cache" / "results.sqlite3") as db:
        db.execute("update results set value='[]'")
    shutil.copytree(other / ".factlint_cache", project / ".factlint_cache")
    got = run(project, ".")
    assert got.returncode == 1
    assert got.stdout == run(project, "--no-cache", ".").stdout


def test_a_file_digest_swapped_for_a_clean_files_does_not_hide_findings(project):
    for name in ("dirty.md", "clean.md"):
        os.utime(project / name, (1e9, 1e9))  # old enough for the digest to be remembered
    import time

    time.sleep(2.1)  # and the change time too (RACY_SECONDS): not a measure of speed
    first = run(project, ".")
    with sqlite3.connect(project / ".factlint_cache" / "results.sqlite3") as db:
        rows = dict(db.execute("select path, digest from files"))
        clean = next(d for p, d in rows.items() if p.endswith(b"clean.md"))
        dirty = next(p for p in rows if p.endswith(b"dirty.md"))
        assert db.execute("update files set digest=? where path=?", (clean, dirty)).rowcount == 1
    second = run(project, ".")
    assert (second.returncode, second.stdout) == (1, first.stdout)


# -- item 3: bounded time (the timeout only guards against a hang; speed is in bench/)
def test_brackets_nested_forty_thousand_deep_do_not_hang(tmp_path):
    (tmp_path / "brackets.md").write_text("[" * 40_000 + "x" + "]" * 40_000 + "\n")
    got = run(tmp_path, "--no-cache", "brackets.md", timeout=120)  # quadratic: many minutes
    assert got.returncode in (0, 1) and got.stderr == ""


@pytest.mark.slow
@pytest.mark.parametrize(
    "flood",
    [
        "“" * 300_000 + '"x' * 200_000,  # unclosed marks: each read the rest of the block (38 minutes)
        "“" * 300_000 + "»" * 200_000,  # stray closing marks: each scanned the whole stack
        ' "' * 300_000 + "”" * 200_000,  # each ” asked whether any “ was open
    ],
)
def test_quotation_mark_floods_do_not_hang(tmp_path, flood):
    (tmp_path / "flood.md").write_text(flood + "\n")
    got = run(tmp_path, "--no-cache", "flood.md", timeout=300)  # a hang guard: it takes seconds now
    assert got.returncode in (0, 1) and got.stderr == ""
