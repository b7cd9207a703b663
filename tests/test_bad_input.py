"""Bad input never produces a traceback: one clear line naming the file, and the documented
exit status (docs/errors.md). The real command runs in a subprocess wherever the terminal,
pipes, signals or file permissions matter.
"""
from __future__ import annotations

import fcntl
import os
import shutil
import signal
import struct
import subprocess
import sys
import tempfile
import termios
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from factlint import runner
from factlint.cli import main

ROOT = Path(__file__).resolve().parents[1]
NIGHTLY = os.environ.get("FACTLINT_NIGHTLY") == "1"
VAGUE = "The minister reportedly resigned.\n"


def factlint(*args, stdin=subprocess.DEVNULL, shell_prefix="", env=None, cwd=ROOT):
    """Run the real command through bash (for redirections such as closing a descriptor)."""
    cmd = " ".join([shell_prefix, sys.executable, "-m", "factlint", *map(_quote, args)])
    proc = subprocess.run(["bash", "-c", cmd], capture_output=True, text=True, cwd=cwd, stdin=stdin,
                          env={**os.environ, **(env or {})})
    assert "Traceback" not in proc.stderr, proc.stderr
    return proc.returncode, proc.stdout, proc.stderr


def _quote(arg) -> str:
    import shlex

    return shlex.quote(str(arg))


def run_bytes(args, env=None, cwd=ROOT, input=b""):
    """Run the real command; stdout as bytes (to check encodings)."""
    proc = subprocess.run([sys.executable, "-m", "factlint", *map(str, args)], capture_output=True, cwd=cwd,
                          input=input, env={**os.environ, **(env or {})})
    err = proc.stderr.decode("utf-8", "replace")
    assert "Traceback" not in err, err
    return proc.returncode, proc.stdout, err


# -- paths ---------------------------------------------------------------------------
def test_a_missing_path_is_named_and_the_other_files_are_still_linted(tmp_path):
    (tmp_path / "a.md").write_text(VAGUE, encoding="utf-8")
    code, out, err = factlint("nope.md", "a.md", cwd=tmp_path)
    assert code == 2
    assert err == "factlint: error: nope.md: no such file or directory\n"
    assert out.startswith("a.md:1:14: warning sourcing/vague-reports")


def test_a_folder_without_matching_files(tmp_path):
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    code, out, err = factlint("notes", cwd=tmp_path)
    assert (code, err) == (2, "factlint: error: notes: no files with extensions .md, .markdown, .txt in this folder\n")


def test_symlink_loops_and_broken_links_are_named(tmp_path):
    (tmp_path / "loop-a.md").symlink_to("loop-b.md")
    (tmp_path / "loop-b.md").symlink_to("loop-a.md")
    (tmp_path / "gone.md").symlink_to("deleted.md")
    code, _, err = factlint("loop-a.md", "gone.md", cwd=tmp_path)
    assert code == 2
    assert err.splitlines() == [
        "factlint: error: loop-a.md: symbolic link loop",
        "factlint: error: gone.md: broken symbolic link (its target does not exist)",
    ]
    # inside a folder: the loop is reported, the real draft is linted
    stories = tmp_path / "stories"
    stories.mkdir()
    (stories / "real.md").write_text(VAGUE, encoding="utf-8")
    (stories / "self.md").symlink_to("self.md")
    (stories / "again").symlink_to(stories)  # a folder loop is walked once
    code, out, err = factlint("stories", cwd=tmp_path)
    assert code == 2
    assert err == "factlint: error: stories/self.md: symbolic link loop\n"
    assert [line.split(":")[0] for line in out.splitlines()[:-1]] == ["stories/real.md"]


def test_a_file_name_that_is_not_utf8(tmp_path):
    name = os.fsdecode(b"caf\xe9.md")  # Latin-1 bytes on disk: a surrogate escape in Python
    (tmp_path / name).write_text(VAGUE, encoding="utf-8")
    code, out, err = run_bytes(["."], cwd=tmp_path)
    assert (code, err) == (0, "")
    assert out.decode("utf-8").startswith("caf\\udce9.md:1:14: warning sourcing/vague-reports")
    code, out, err = run_bytes(["--format", "json", "."], cwd=tmp_path)
    import json

    assert code == 0 and json.loads(out)["findings"][0]["path"] == "caf\udce9.md"


def test_fifo_and_device_paths_are_refused_not_read(tmp_path):
    os.mkfifo(tmp_path / "pipe.md")
    code, _, err = factlint(tmp_path / "pipe.md", "/dev/null")
    assert code == 2
    assert err.splitlines() == [
        f"factlint: error: {tmp_path / 'pipe.md'}: not a regular file (a pipe, socket or device); skipped",
        "factlint: error: /dev/null: not a regular file (a pipe, socket or device); skipped",
    ]


def test_a_file_that_turns_into_a_fifo_after_it_was_found_does_not_hang_the_run(tmp_path, monkeypatch):
    story = tmp_path / "story.md"
    story.write_text(VAGUE, encoding="utf-8")
    real_read = runner.read_source

    def swap_then_read(path, errors="strict"):
        os.remove(path)
        os.mkfifo(path)  # no writer: a blocking open would wait for ever
        return real_read(path, errors)

    monkeypatch.setattr(runner, "read_source", swap_then_read)
    result = CliRunner().invoke(main, [str(story)])
    assert result.exit_code == 2
    assert result.stderr == f"factlint: error: {story}: not a regular file (a pipe, socket or device); skipped\n"


def test_a_file_that_vanishes_mid_run_is_reported_and_the_run_goes_on(tmp_path, monkeypatch):
    for name in ("a.md", "b.md"):
        (tmp_path / name).write_text(VAGUE, encoding="utf-8")
    real_read = runner.read_source

    def read_after_deleting_b(path, errors="strict"):
        if path.endswith("b.md"):
            os.remove(path)
        return real_read(path, errors)

    monkeypatch.setattr(runner, "read_source", read_after_deleting_b)
    result = CliRunner().invoke(main, [str(tmp_path)])
    assert result.exit_code == 2
    assert result.stderr == f"factlint: error: {tmp_path / 'b.md'}: no such file or directory\n"
    assert "a.md:1:14: warning sourcing/vague-reports" in result.stdout


# -- permissions (CI runs as root: the command runs as 'nobody' through setpriv) -----
@pytest.fixture
def shared_tmp():
    """A folder anyone may enter (pytest's own tmp folders are private to root)."""
    folder = Path(tempfile.mkdtemp(prefix="factlint-perm-"))
    os.chmod(folder, 0o755)
    yield folder
    for path in folder.rglob("*"):
        if path.is_dir() and not path.is_symlink():
            os.chmod(path, 0o755)
    shutil.rmtree(folder)


def unprivileged() -> list[str]:
    """A command prefix that drops root's power to read every file, or [] when not root."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("running as root without setpriv: cannot test permission errors")
    prefix = [setpriv, "--reuid=65534", "--regid=65534", "--clear-groups"]
    probe = subprocess.run(prefix + [sys.executable, "-c", "import factlint.cli"], capture_output=True)
    if probe.returncode != 0:
        pytest.skip("the user 'nobody' cannot import factlint from this checkout")
    return prefix


def run_unprivileged(args, cwd):
    proc = subprocess.run(unprivileged() + [sys.executable, "-m", "factlint", *map(str, args)],
                          capture_output=True, text=True, cwd=cwd, env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"})
    assert "Traceback" not in proc.stderr, proc.stderr
    return proc.returncode, proc.stdout, proc.stderr


def test_permission_denied_is_reported_and_the_others_are_linted(shared_tmp):
    (shared_tmp / "secret.md").write_text(VAGUE, encoding="utf-8")
    os.chmod(shared_tmp / "secret.md", 0o000)
    (shared_tmp / "open.md").write_text(VAGUE, encoding="utf-8")
    os.chmod(shared_tmp / "open.md", 0o644)
    code, out, err = run_unprivileged(["secret.md", "open.md"], cwd=shared_tmp)
    assert code == 2
    assert err == "factlint: error: secret.md: permission denied\n"
    assert out.startswith("open.md:1:14: warning sourcing/vague-reports")


def test_a_folder_that_cannot_be_listed_is_reported_not_skipped(shared_tmp):
    stories = shared_tmp / "stories"
    (stories / "locked").mkdir(parents=True)
    (stories / "a.md").write_text(VAGUE, encoding="utf-8")
    (stories / "locked" / "b.md").write_text(VAGUE, encoding="utf-8")
    os.chmod(stories / "a.md", 0o644)
    os.chmod(stories, 0o755)
    os.chmod(stories / "locked", 0o700)  # root's: 'nobody' may not look inside
    code, out, err = run_unprivileged(["stories"], cwd=shared_tmp)
    assert code == 2
    assert err == "factlint: error: stories/locked: cannot list this folder: permission denied\n"
    assert out.startswith("stories/a.md:1:14: warning sourcing/vague-reports")


def test_output_file_in_a_folder_that_cannot_be_written(shared_tmp):
    (shared_tmp / "story.md").write_text(VAGUE, encoding="utf-8")
    os.chmod(shared_tmp / "story.md", 0o644)
    (shared_tmp / "reports").mkdir(mode=0o755)  # root's
    code, out, err = run_unprivileged(["--output-file", "reports/out.json", "--format", "json", "story.md"],
                                      cwd=shared_tmp)
    assert (code, out) == (2, "")
    assert err == "factlint: error: reports/out.json: cannot write: permission denied\n"
    assert os.listdir(shared_tmp / "reports") == []


# -- contents ------------------------------------------------------------------------
def test_empty_file_has_no_findings(tmp_path):
    (tmp_path / "empty.md").write_bytes(b"")
    assert factlint(tmp_path / "empty.md")[:2] == (0, "No findings in 1 file.\n")


def test_a_binary_file_is_skipped_with_one_line(tmp_path):
    (tmp_path / "scan.md").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (tmp_path / "a.md").write_text(VAGUE, encoding="utf-8")
    code, out, err = factlint("scan.md", "a.md", cwd=tmp_path)
    assert code == 2
    assert err == "factlint: error: scan.md: binary file (it contains NUL bytes); skipped\n"
    assert "a.md:1:14" in out


def test_invalid_utf8_names_the_byte_and_replace_lints_the_rest(tmp_path):
    (tmp_path / "bad.md").write_bytes(b"Caf\xe9 owners reportedly left.\n")
    code, out, err = factlint("bad.md", cwd=tmp_path)
    assert (code, out) == (2, "No findings in 0 files.\n")
    assert err == ("factlint: error: bad.md: not valid UTF-8 at byte 3 "
                   "(use --encoding-errors replace to lint it anyway)\n")
    code, out, err = factlint("--encoding-errors", "replace", "bad.md", cwd=tmp_path)
    assert (code, err) == (0, "")
    assert out.startswith("bad.md:1:13: warning sourcing/vague-reports")


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_with_a_bom_are_decoded(tmp_path, encoding):
    boms = {"utf-16-be": "\ufeff"}
    (tmp_path / "d.txt").write_bytes((boms.get(encoding, "") + "Café owners reportedly left.\n").encode(encoding))
    code, out, err = factlint("d.txt", cwd=tmp_path)
    assert (code, err) == (0, "")
    assert out.startswith("d.txt:1:13: warning sourcing/vague-reports")


@pytest.mark.slow  # minutes-class: left out of the quick loop (pytest -m "not slow")
def test_a_ten_megabyte_single_line_is_linted(tmp_path):
    path = tmp_path / "one-line.txt"
    path.write_text("The plan was reportedly fine, a council aide said. " * 210_000, encoding="utf-8")
    code, out, err = factlint(path, "--select", "sourcing/vague-reports", "--format", "json")
    assert err == ""
    assert code == 0 and out.count('"rule": "sourcing/vague-reports"') == 210_000


@pytest.mark.slow  # minutes-class: left out of the quick loop (pytest -m "not slow")
def test_a_large_draft_is_linted_whole(tmp_path):
    """100 MB in the nightly mode (FACTLINT_NIGHTLY=1; minutes, several GB of memory); a
    few MB in CI, which exercise the same paths: many blocks, line counting to the end,
    and regex time limits that grow with the text (no rule may be cut off)."""
    size = (100 if NIGHTLY else 3) * 1024 * 1024
    path = tmp_path / "archive.md"
    count = 0
    with open(path, "w", encoding="utf-8") as fh:
        fh.write("# Harbour archive\n\nThe minister reportedly resigned.\n\n")
        while fh.tell() < size:  # every paragraph different: a repeated one is a finding of its own
            fh.write("".join(f"The harbour board met on Monday and ferry number {n} was discussed at length; "
                             f"the chair said ferry {n} would start its spring service in May.\n\n"
                             for n in range(count, count + 1000)))
            count += 1000
        fh.write("The ferry reportedly sank.\n")
    last_line = 5 + 2 * count
    code, out, err = factlint(path, "--format", "json")
    assert err == ""
    import json

    found = [(f["rule"], f["line"]) for f in json.loads(out)["findings"]]
    assert code == 0
    assert found == [("sourcing/vague-reports", 3), ("sourcing/vague-reports", last_line)]


def test_the_regex_time_limit_grows_with_the_text():
    from factlint.kinds.base import regex_time_limit

    one_mb, hundred_mb = regex_time_limit(1_000_000), regex_time_limit(100_000_000)
    assert regex_time_limit(0) > 0
    assert hundred_mb > 50 * one_mb > 0


# -- standard input ------------------------------------------------------------------
def test_closed_stdin_and_empty_stdin():
    code, _, err = factlint("-", shell_prefix="exec 0<&-;")
    assert (code, err) == (2, "factlint: error: -: standard input is closed\n")
    assert factlint("-")[:2] == (0, "No findings in 1 file.\n")


def test_stdin_cut_off_in_the_middle_of_a_character():
    code, _, err = run_bytes(["-", "--stdin-filename", "wire.md"], input="Reportedly, the café".encode()[:-1])
    assert code == 2
    # 'Reportedly, the caf' is 19 bytes; the first byte of 'é' is all that arrived
    assert err == "factlint: error: wire.md: not valid UTF-8 at byte 19 (use --encoding-errors replace to lint it anyway)\n"


# -- standard output -----------------------------------------------------------------
def big_draft(folder: Path) -> Path:
    path = folder / "big.md"
    path.write_text(("The minister reportedly resigned and the the board met. " * 20 + "\n\n") * 400,
                    encoding="utf-8")
    return path


@pytest.mark.parametrize("args", [[], ["--format", "json"], ["--format", "sarif"], ["--diff"],
                                  ["--show-source", "--format", "grouped"]])
def test_a_closed_pipe_is_not_an_error_and_keeps_the_exit_status(tmp_path, args):
    big = big_draft(tmp_path)
    shell = f"{sys.executable} -m factlint {' '.join(args)} {big} | head -c 10 >/dev/null; exit ${{PIPESTATUS[0]}}"
    proc = subprocess.run(["bash", "-c", shell], capture_output=True, text=True, cwd=tmp_path)
    assert proc.stderr == "" and proc.returncode == 1  # findings (or fixes to show): 1, as if read


def test_rules_listing_into_a_closed_pipe():
    shell = f"{sys.executable} -m factlint rules | head -1 >/dev/null; exit ${{PIPESTATUS[0]}}"
    proc = subprocess.run(["bash", "-c", shell], capture_output=True, text=True, cwd=ROOT)
    assert (proc.returncode, proc.stderr) == (0, "")


def test_closed_stdout_and_a_full_disk(tmp_path):
    (tmp_path / "a.md").write_text(VAGUE, encoding="utf-8")
    code, _, err = factlint("a.md", shell_prefix="exec 1>&-;", cwd=tmp_path)
    assert (code, err) == (0, "")
    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full")
    code, _, err = factlint("a.md", shell_prefix="exec 1>/dev/full;", cwd=tmp_path)
    assert code == 2 and err == "factlint: error: cannot write to standard output: no space left on device\n"


@pytest.mark.parametrize("env", [{"PYTHONIOENCODING": "ascii"}, {"PYTHONIOENCODING": "latin-1"},
                                 {"LANG": "C", "LC_ALL": "C", "PYTHONUTF8": "0", "PYTHONIOENCODING": ""}])
def test_a_terminal_that_is_not_utf8_never_crashes(tmp_path, env):
    (tmp_path / "café.md").write_text("Le café café était “plein”, reportedly — 12% of €.\n", encoding="utf-8")
    code, out, err = run_bytes(["--show-source", "café.md"], env=env, cwd=tmp_path)
    assert code == 1 and err == ""
    text = out.decode(env.get("PYTHONIOENCODING") or "utf-8")
    assert "editing/repeated-word" in text and "sourcing/vague-reports" in text
    # reports for programs are UTF-8 whatever the terminal
    code, out, err = run_bytes(["--format", "json", "café.md"], env=env, cwd=tmp_path)
    import json

    assert code == 1 and json.loads(out.decode("utf-8"))["findings"][0]["match"] == "café café"


def test_a_fixed_draft_on_stdout_keeps_its_own_encoding(tmp_path):
    draft = "\ufeffThe the café.\r\n".encode("utf-16-le")
    code, out, err = run_bytes(["--fix", "-", "--stdin-filename", "wire.txt"], input=draft,
                               env={"PYTHONIOENCODING": "ascii"})
    assert out == "\ufeffThe café.\r\n".encode("utf-16-le")
    assert "fixed 1 finding" in err


def test_output_file_that_is_a_folder_or_in_a_missing_folder(tmp_path):
    (tmp_path / "a.md").write_text(VAGUE, encoding="utf-8")
    (tmp_path / "reports").mkdir()
    code, out, err = factlint("-o", "reports/none/x.json", "a.md", cwd=tmp_path)
    assert (code, out) == (2, "")
    assert err == "factlint: error: reports/none/x.json: cannot write: no such file or directory\n"
    code, out, err = factlint("-o", "reports", "a.md", cwd=tmp_path)
    assert (code, out, err) == (2, "", "factlint: error: reports: cannot write: a folder; it is never replaced\n")
    code, _, err = factlint("--baseline", "reports", "a.md", cwd=tmp_path)
    assert (code, err) == (2, "factlint: error: reports: is a directory, not a baseline file\n")


def test_output_file_that_is_a_pipe_or_a_device_is_written_into_never_replaced(tmp_path):
    (tmp_path / "a.md").write_text(VAGUE, encoding="utf-8")
    os.mkfifo(tmp_path / "report.pipe")
    reader = subprocess.Popen(["cat", str(tmp_path / "report.pipe")], stdout=subprocess.PIPE, text=True)
    code, out, err = factlint("-o", "report.pipe", "a.md", cwd=tmp_path)
    received = reader.communicate(timeout=60)[0]
    assert (code, out, err) == (0, "", "")
    assert received.startswith("a.md:1:14: warning sourcing/vague-reports")
    assert (tmp_path / "report.pipe").is_fifo()
    if os.geteuid() == 0:  # a device node of our own (never the system's /dev/null)
        os.mknod(tmp_path / "null", 0o666 | 0o020000, os.makedev(1, 3))
        assert factlint("-o", "null", "a.md", cwd=tmp_path) == (0, "", "")
        assert factlint("--write-baseline", "null", "a.md", cwd=tmp_path)[0] == 0
        assert (tmp_path / "null").is_char_device()


# -- signals -------------------------------------------------------------------------
def wait_until_stdin_is_read(proc, timeout=60.0):
    """Block until the child has read everything written to its stdin (so it is running
    factlint's own code, waiting for more)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        unread = struct.unpack("i", fcntl.ioctl(proc.stdin.fileno(), termios.FIONREAD, b"\0\0\0\0"))[0]
        if unread == 0:
            return
        time.sleep(0.02)
    raise AssertionError("factlint never read its input")


@pytest.mark.parametrize("signum, status", [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_ctrl_c_and_sigterm_exit_quietly(signum, status):
    proc = subprocess.Popen([sys.executable, "-m", "factlint", "-"], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    proc.stdin.write(b"The minister reportedly ")
    proc.stdin.flush()
    wait_until_stdin_is_read(proc)
    proc.send_signal(signum)
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == status
    assert (out, err) == (b"", b"factlint: interrupted\n")


# -- configuration, baselines, git ---------------------------------------------------
@pytest.mark.parametrize("name, text, message", [
    (".factlint.yaml", "select: [sourcing\n", ".factlint.yaml:2: invalid YAML: "),
    (".factlint.yaml", "ignore: [framing]\n\x00\n", ".factlint.yaml:2: invalid YAML: unacceptable character #x0000"),
    (".factlint.yaml", "ignore: " + "[" * 3000 + "]" * 3000 + "\n", ".factlint.yaml:1: invalid YAML: "),
    (".factlint.yaml", "ignore: !!python/object/apply:os.system ['touch pwned']\n",
     ".factlint.yaml:1: invalid YAML: could not determine a constructor for the tag"),
    (".factlint.yaml", "lexicons:\n  vague-sources: ['@vague-sources']\n",
     ".factlint.yaml:2: lexicons.vague-sources[0]: a lexicon lists words and cannot include another lexicon"),
    ("pyproject.toml", "[tool.factlint]\nignore = [\"framing\"\n", "pyproject.toml:2: invalid TOML: "),
    ("pyproject.toml", "[tool.factlint]\nignore = " + "[" * 3000 + "]" * 3000 + "\n",
     "pyproject.toml:1: invalid TOML: nested too deeply"),
])
def test_a_broken_configuration_is_one_line_per_problem(tmp_path, name, text, message):
    (tmp_path / name).write_text(text, encoding="utf-8")
    (tmp_path / "a.md").write_text(VAGUE, encoding="utf-8")
    code, out, err = factlint("a.md", cwd=tmp_path)
    assert (code, out) == (2, "")
    assert err.startswith("factlint: error: " + message) and err.count("\n") == 1, err
    assert not (tmp_path / "pwned").exists()


def test_a_configuration_that_is_not_utf8(tmp_path):
    (tmp_path / ".factlint.yaml").write_bytes(b"ignore: [fr\xe9ming]\n")
    (tmp_path / "a.md").write_text(VAGUE, encoding="utf-8")
    code, out, err = factlint("a.md", cwd=tmp_path)
    assert (code, out) == (2, "")
    assert err == "factlint: error: .factlint.yaml: cannot read configuration file: not valid UTF-8 at byte 11\n"


def test_a_folder_given_as_the_configuration_file(tmp_path):
    (tmp_path / "settings").mkdir()
    (tmp_path / "a.md").write_text(VAGUE, encoding="utf-8")
    code, out, err = factlint("--config", "settings", "a.md", cwd=tmp_path)
    assert (code, out) == (2, "")
    assert err == "factlint: error: settings: a folder, not a configuration file\n"


@pytest.mark.parametrize("content, message", [
    (b"{not json", "baseline.json:1: not a factlint baseline (invalid JSON: "),
    (b"[]", "baseline.json: not a factlint baseline (version 1 with 'files' expected)"),
    (b'{"version": true, "files": {}}', "baseline.json: not a factlint baseline"),
    (b'{"version": 1, "tool": "othertool", "files": {}}', "baseline.json: not a factlint baseline"),
    (b'{"version": 2, "tool": "factlint", "files": {}}', "baseline.json: baseline version 2 is not supported"),
    (b'{"version": 1, "files": {"a.md": {"3f1c": {"count": -1}}}}',
     "baseline.json: files.a.md.3f1c: count must be a positive integer"),
    ('{"version": 1, "files": {}}'.encode("utf-16"), "baseline.json: not a factlint baseline (not UTF-8 text"),
    (b'{"version": 1, "files": ' + b"[" * 100_000 + b"]" * 100_000 + b"}",
     "baseline.json: not a factlint baseline (nested too deeply)"),
])
def test_a_corrupt_or_foreign_baseline(tmp_path, content, message):
    (tmp_path / "baseline.json").write_bytes(content)
    (tmp_path / "a.md").write_text(VAGUE, encoding="utf-8")
    code, out, err = factlint("--baseline", "baseline.json", "a.md", cwd=tmp_path)
    assert (code, out) == (2, "")
    assert err.startswith("factlint: error: " + message) and err.count("\n") == 1, err


def test_a_sarif_report_is_not_a_baseline(tmp_path):
    (tmp_path / "a.md").write_text(VAGUE, encoding="utf-8")
    factlint("--format", "sarif", "-o", "report.sarif", "a.md", cwd=tmp_path)
    code, out, err = factlint("--baseline", "report.sarif", "a.md", cwd=tmp_path)
    assert (code, out) == (2, "")
    assert err == "factlint: error: report.sarif: not a factlint baseline (version 1 with 'files' expected)\n"


def test_diff_base_outside_a_git_repository(tmp_path):
    (tmp_path / "a.md").write_text(VAGUE, encoding="utf-8")
    code, out, err = factlint("--diff-base", "main", "a.md", cwd=tmp_path,
                              env={"GIT_CEILING_DIRECTORIES": str(tmp_path.parent)})
    assert (code, out) == (2, "")
    assert err.startswith(f"factlint: error: --diff-base: {tmp_path} is not inside a git repository (")
    assert err.count("\n") == 1
