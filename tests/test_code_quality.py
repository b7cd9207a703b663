"""The project's own code passes the linters a contributor runs (CONTRIBUTING.md): ruff's checks
and format, and mypy over factlint/ -- configured in pyproject.toml, run here so that CI (the
README's test command) runs them too."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def _tool(name: str) -> str:
    found = BIN / name
    if found.exists():
        return str(found)
    other = shutil.which(name)
    if other is None:
        pytest.skip(f"{name} is not installed (pip install -e '.[test]')")
    return other


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(args, cwd=ROOT, capture_output=True, text=True)


def test_ruff_finds_nothing():
    proc = _run(_tool("ruff"), "check", "factlint", "tests", "bench")
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-1000:]


def test_the_code_is_formatted_as_ruff_formats_it():
    proc = _run(_tool("ruff"), "format", "--check", "factlint", "tests", "bench")
    assert proc.returncode == 0, proc.stdout[-3000:] + "\nrun: ruff format factlint tests bench"


@pytest.mark.slow
def test_mypy_passes_on_factlint():
    proc = _run(_tool("mypy"))
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-1000:]
