"""--fix never loses a word: a process killed while writing, a failed fsync or rename, a
file changed under us or a special file never leaves a damaged draft or a stray
temporary file. (What is fixed, and encodings, BOMs, newlines and modes: test_fixes.py.)
"""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import factlint

from factlint import fixes
from factlint.fixes import FixError, atomic_write, digest

DRAFT = "# Ferry fares\n\nThe board met on Monday and the the members voted.\n\nFares rise in May.\n"
FIXED = DRAFT.replace("the the", "the")


@pytest.fixture(autouse=True)
def cache_elsewhere(tmp_path_factory, monkeypatch):
    """Where factlint keeps a cache, keep it out of the folders whose every file is checked
    here (the variable is ignored where there is no cache); child processes inherit it."""
    monkeypatch.setenv("FACTLINT_CACHE_DIR", str(tmp_path_factory.mktemp("factlint-cache")))


linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="unnamed temporary files are Linux's")

# Runs the real command, but pauses inside the write -- right after the new bytes are
# written and fsynced, before the rename -- and tells the test so through a marker file.
PAUSING_FACTLINT = """
import os, signal, sys, time
# as from a terminal: a test run in the background of a shell inherits Ctrl-C ignored
# (which factlint, like any well-behaved tool, then leaves ignored)
signal.signal(signal.SIGINT, signal.SIG_DFL)
marker, named = sys.argv[1], sys.argv[2] == "named"
if named and hasattr(os, "O_TMPFILE"):
    del os.O_TMPFILE  # take the portable path: a named temporary file
real_fsync = os.fsync
def fsync_then_wait(fd):
    real_fsync(fd)
    open(marker, "w").close()
    time.sleep(600)
os.fsync = fsync_then_wait
sys.argv = ["factlint"] + sys.argv[3:]
from factlint.cli import run
run()
"""


def start_paused_fix(tmp_path: Path, named: bool = False):
    folder = tmp_path / "desk"
    folder.mkdir()
    story = folder / "story.md"
    story.write_text(DRAFT, encoding="utf-8")
    os.chmod(story, 0o640)
    marker = tmp_path / "writing"
    proc = subprocess.Popen(
        [sys.executable, "-c", PAUSING_FACTLINT, str(marker), "named" if named else "unnamed", "--fix", "story.md"],
        cwd=folder,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 120
    while not marker.exists():
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()
            raise AssertionError(f"factlint never reached the write: {proc.communicate()}")
        time.sleep(0.02)
    return proc, folder, story


@linux_only
def test_killed_while_writing_the_original_is_intact_and_nothing_is_left(tmp_path):
    proc, folder, story = start_paused_fix(tmp_path)
    proc.send_signal(signal.SIGKILL)
    proc.communicate(timeout=60)
    assert proc.returncode == -signal.SIGKILL
    assert story.read_text(encoding="utf-8") == DRAFT
    assert os.listdir(folder) == ["story.md"]  # the new bytes were in a file with no name


@pytest.mark.parametrize("named", [False, True], ids=["unnamed-temporary", "named-temporary"])
@pytest.mark.parametrize("signum, status", [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_interrupted_while_writing_the_original_is_intact_and_nothing_is_left(tmp_path, named, signum, status):
    proc, folder, story = start_paused_fix(tmp_path, named=named)
    proc.send_signal(signum)
    out, err = proc.communicate(timeout=60)
    assert (proc.returncode, err) == (status, "factlint: interrupted\n")
    assert story.read_text(encoding="utf-8") == DRAFT
    assert os.listdir(folder) == ["story.md"]


def test_the_fix_completes_once_the_write_is_allowed_to(tmp_path):
    """The same pausing wrapper, let go: the draft is fixed (the wrapper itself is sound)."""
    story = tmp_path / "story.md"
    story.write_text(DRAFT, encoding="utf-8")
    wrapper = PAUSING_FACTLINT.replace("time.sleep(600)", "pass")
    proc = subprocess.run(
        [sys.executable, "-c", wrapper, str(tmp_path / "m"), "unnamed", "--fix", "story.md"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0, proc.stderr
    assert story.read_text(encoding="utf-8") == FIXED
    assert sorted(os.listdir(tmp_path)) == ["m", "story.md"]


# -- failures simulated inside the process ----------------------------------------------
@pytest.fixture(params=["unnamed", "named"])
def temporary_kind(request, monkeypatch):
    if request.param == "named" and hasattr(os, "O_TMPFILE"):
        monkeypatch.delattr(os, "O_TMPFILE")
    elif request.param == "unnamed" and not hasattr(os, "O_TMPFILE"):
        pytest.skip("no O_TMPFILE here")
    monkeypatch.setattr(fixes, "_UNNAMED_OK", {})
    return request.param


@pytest.mark.parametrize("broken", ["fsync", "replace", "write"])
def test_a_failed_write_leaves_the_original_and_no_temporary_file(tmp_path, monkeypatch, temporary_kind, broken):
    story = tmp_path / "story.md"
    story.write_text(DRAFT, encoding="utf-8")

    def fail(*args, **kwargs):
        raise OSError(errno.EIO, "Input/output error")

    if broken == "write":
        monkeypatch.setattr(fixes, "_fill", fail)
    else:
        monkeypatch.setattr(os, broken, fail)
    with pytest.raises(FixError, match="cannot write: input/output error"):
        atomic_write(str(story), FIXED.encode(), expected_digest=digest(DRAFT.encode()))
    assert story.read_text(encoding="utf-8") == DRAFT
    assert os.listdir(tmp_path) == ["story.md"]


def test_a_full_disk_through_the_command_line(tmp_path, monkeypatch):
    story = tmp_path / "story.md"
    story.write_text(DRAFT, encoding="utf-8")

    def no_space(fh, data, mode, owner):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(fixes, "_fill", no_space)
    run = factlint("--fix", "story.md", cwd=tmp_path)
    assert run.code == 2
    assert run.err == "factlint: error: story.md: cannot write: no space left on device\n"
    assert "editing/repeated-word" in run.out  # not fixed, so still reported
    assert story.read_text(encoding="utf-8") == DRAFT
    assert os.listdir(tmp_path) == ["story.md"]


@linux_only
def test_when_the_unnamed_file_cannot_be_linked_a_named_one_is_used(tmp_path, monkeypatch):
    monkeypatch.setattr(fixes, "_UNNAMED_OK", {})

    def no_link(*args, **kwargs):
        raise OSError(errno.EXDEV, "Invalid cross-device link")

    monkeypatch.setattr(fixes, "_link_unnamed", no_link)
    story = tmp_path / "story.md"
    story.write_text(DRAFT, encoding="utf-8")
    atomic_write(str(story), FIXED.encode(), expected_digest=digest(DRAFT.encode()))
    assert story.read_text(encoding="utf-8") == FIXED
    assert os.listdir(tmp_path) == ["story.md"]


def test_a_file_changed_while_factlint_worked_is_not_fixed(tmp_path, monkeypatch):
    story = tmp_path / "story.md"
    story.write_text(DRAFT, encoding="utf-8")
    late = DRAFT + "\nA late paragraph, saved by another editor.\n"
    real_write = fixes._write_temporary

    def another_editor_saves_meanwhile(*args, **kwargs):
        story.write_text(late, encoding="utf-8")
        return real_write(*args, **kwargs)

    monkeypatch.setattr(fixes, "_write_temporary", another_editor_saves_meanwhile)
    run = factlint("--fix", "story.md", cwd=tmp_path)
    assert run.code == 2
    assert run.err == "factlint: error: story.md: changed since it was read; not fixed (run factlint again)\n"
    assert story.read_text(encoding="utf-8") == late
    assert os.listdir(tmp_path) == ["story.md"]


@pytest.mark.skipif(os.geteuid() != 0, reason="changing a file's owner needs root")
def test_owner_and_mode_are_kept(tmp_path):
    story = tmp_path / "story.md"
    story.write_text(DRAFT, encoding="utf-8")
    os.chown(story, 4321, 4321)
    os.chmod(story, 0o604)
    run = factlint("--fix", "story.md", cwd=tmp_path)
    assert run.code == 0, run.err
    st = os.stat(story)
    assert (st.st_uid, st.st_gid, st.st_mode & 0o7777) == (4321, 4321, 0o604)
    assert story.read_text(encoding="utf-8") == FIXED


def test_only_regular_files_are_ever_replaced(tmp_path):
    os.mkfifo(tmp_path / "pipe.md")
    with pytest.raises(FixError, match=r"not a regular file \(a pipe, socket or device\); it is never replaced"):
        atomic_write(str(tmp_path / "pipe.md"), b"x")
    (tmp_path / "folder.md").mkdir()
    with pytest.raises(FixError, match="a folder; it is never replaced"):
        atomic_write(str(tmp_path / "folder.md"), b"x")
    assert (tmp_path / "pipe.md").is_fifo() and (tmp_path / "folder.md").is_dir()


def test_a_new_file_gets_the_usual_permissions(tmp_path):
    old = os.umask(0o027)
    try:
        atomic_write(str(tmp_path / "baseline.json"), b"{}\n")
    finally:
        os.umask(old)
    assert (os.stat(tmp_path / "baseline.json").st_mode & 0o777) == 0o640
    assert os.listdir(tmp_path) == ["baseline.json"]
