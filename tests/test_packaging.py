"""The built wheel carries the rules: install it in a fresh venv and lint with the built-in packs."""
import os
import subprocess
import sys
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow  # minutes-class: left out of the quick loop (pytest -m "not slow")
@pytest.mark.skipif(os.environ.get("FACTLINT_SKIP_WHEEL_TEST") == "1", reason="FACTLINT_SKIP_WHEEL_TEST=1")
def test_wheel_installs_and_lints_with_builtin_rules(tmp_path):
    dist = tmp_path / "dist"
    subprocess.run([sys.executable, "-m", "build", "--wheel", "--outdir", str(dist), str(ROOT)],
                   check=True, capture_output=True)
    [wheel] = dist.glob("factlint-*.whl")
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    py = env_dir / "bin" / "python"
    subprocess.run([str(py), "-m", "pip", "install", "--quiet", str(wheel)], check=True, capture_output=True)
    draft = tmp_path / "draft.md"
    draft.write_text("# Budget\n\nThe minister reportedly resigned.\n", encoding="utf-8")  # a warning: exit 0
    proc = subprocess.run([str(env_dir / "bin" / "factlint"), str(draft)], capture_output=True, text=True,
                          cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert f"{draft}:3:14: warning sourcing/vague-reports" in proc.stdout
    listing = subprocess.run([str(py), "-c", "import factlint.paths as p; print(p.builtin_rules_dir())"],
                             capture_output=True, text=True, cwd=tmp_path).stdout.strip()
    assert listing.endswith("factlint/_builtin_rules") and "site-packages" in listing
