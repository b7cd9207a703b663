"""Bad input never produces a traceback: one clear line naming the file, and exit status 2."""
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from factlint import runner
from factlint.cli import main

ROOT = Path(__file__).resolve().parents[1]


def factlint(*args, stdin=subprocess.DEVNULL, shell_prefix=""):
    """Run the real command in a subprocess (stdin and pipes behave as in a terminal)."""
    cmd = " ".join([shell_prefix, sys.executable, "-m", "factlint", *map(str, args)])
    proc = subprocess.run(["bash", "-c", cmd], capture_output=True, text=True, cwd=ROOT, stdin=stdin)
    assert "Traceback" not in proc.stderr, proc.stderr
    return proc.returncode, proc.stdout, proc.stderr


def test_empty_file_has_no_findings(tmp_path):
    (tmp_path / "empty.md").write_bytes(b"")
    assert factlint(tmp_path / "empty.md")[:2] == (0, "No findings in 1 file.\n")


def test_fifo_and_device_paths_are_refused_not_read(tmp_path):
    os.mkfifo(tmp_path / "pipe.md")
    code, _, err = factlint(tmp_path / "pipe.md", "/dev/null")
    assert code == 2
    assert err.splitlines() == [
        f"factlint: error: {tmp_path / 'pipe.md'}: not a regular file (a pipe, socket or device); skipped",
        "factlint: error: /dev/null: not a regular file (a pipe, socket or device); skipped",
    ]


def test_closed_stdin_and_empty_stdin():
    code, _, err = factlint("-", shell_prefix="exec 0<&-;")
    assert (code, err) == (2, "factlint: error: -: standard input is closed\n")
    assert factlint("-")[:2] == (0, "No findings in 1 file.\n")


def test_permission_denied_is_reported(tmp_path, monkeypatch):
    path = tmp_path / "secret.md"
    path.write_text("x", encoding="utf-8")
    real_open = open

    def refusing_open(file, *args, **kwargs):
        if str(file) == str(path):
            raise PermissionError(13, "Permission denied")
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr("builtins.open", refusing_open)
    result = CliRunner().invoke(main, [str(path)])
    assert result.exit_code == 2 and result.stderr == f"factlint: error: {path}: permission denied\n"


def test_a_file_that_vanishes_mid_run_is_reported_and_the_run_goes_on(tmp_path, monkeypatch):
    for name in ("a.md", "b.md"):
        (tmp_path / name).write_text("The minister reportedly resigned.\n", encoding="utf-8")
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


def test_a_ten_megabyte_single_line_is_linted(tmp_path):
    path = tmp_path / "one-line.txt"
    path.write_text("The plan was reportedly fine, the council said. " * 210_000, encoding="utf-8")
    code, out, _ = factlint(path, "--select", "sourcing/vague-reports", "--format", "json")
    assert code == 1 and out.count('"rule": "sourcing/vague-reports"') == 210_000


@pytest.mark.parametrize("name, data, message", [
    ("bad.txt", b"ok \xc3\x28 text", "not valid UTF-8 at byte 3"),
    ("utf16.txt", "The minister reportedly resigned.\n".encode("utf-16"), None),  # with a BOM
])
def test_encodings(tmp_path, name, data, message):
    (tmp_path / name).write_bytes(data)
    code, out, err = factlint(tmp_path / name)
    if message:
        assert code == 2 and message in err
    else:
        assert code == 1 and f"{tmp_path / name}:1:14: warning sourcing/vague-reports" in out
