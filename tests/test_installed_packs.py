"""Rule packs installed with pip: found through the ``factlint.packs`` entry point, named in
``factlint rules``, selectable by pack name, broken ones reported in one line, and off on
request.

A real pip builds and installs a tiny pack from a folder this test writes -- offline
(``--no-index --no-build-isolation``), into a temporary ``--target`` folder rather than the
shared test venv (so no other test ever sees it and nothing needs cleaning up). The pack
brings its own twenty-line PEP 517 backend (``backend-path``), because the test venv has
no wheel-building backend and the test may not download one; a published pack uses
hatchling or setuptools (docs/rule-authoring.md)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import factlint, locations, write

from factlint.packs import installed_packs

BACKEND = '''\
"""A PEP 517 backend that zips the package folder and its metadata into a wheel."""
import base64, hashlib, pathlib, zipfile

NAME, VERSION = "factlint_tinypack", "0.1"


def build_wheel(wheel_directory, config_settings=None, metadata_directory=None):
    here = pathlib.Path(__file__).parent
    info = f"{NAME}-{VERSION}.dist-info"
    files = {
        f"{info}/METADATA": f"Metadata-Version: 2.1\\nName: {NAME}\\nVersion: {VERSION}\\n",
        f"{info}/WHEEL": "Wheel-Version: 1.0\\nGenerator: tiny\\nRoot-Is-Purelib: true\\nTag: py3-none-any\\n",
        f"{info}/entry_points.txt": (here / "entry_points.txt").read_text(),
    }
    for path in sorted((here / "tinypack").rglob("*")):
        if path.is_file():
            files[path.relative_to(here).as_posix()] = path.read_text()
    record = []
    for name, text in files.items():
        digest = base64.urlsafe_b64encode(hashlib.sha256(text.encode()).digest()).rstrip(b"=").decode()
        record.append(f"{name},sha256={digest},{len(text.encode())}")
    record.append(f"{info}/RECORD,,")
    files[f"{info}/RECORD"] = "\\n".join(record) + "\\n"
    wheel = f"{NAME}-{VERSION}-py3-none-any.whl"
    with zipfile.ZipFile(pathlib.Path(wheel_directory) / wheel, "w") as archive:
        for name, text in files.items():
            archive.writestr(name, text)
    return wheel
'''

PYPROJECT = """\
[build-system]
requires = []
build-backend = "tinybackend"
backend-path = ["."]

[project]
name = "factlint-tinypack"
version = "0.1"
"""

RULES = """\
rules:
  - id: house/banned-hopefully
    kind: phrase
    category: house
    severity: warning
    words: [hopefully]
    message: "House style: avoid '{match}'."
    why: The desk does not let the reporter hope in the copy.
    link: https://example.org/house-style
    examples:
      flag: ["Hopefully the ferry runs on time."]
      pass: ["The ferry should run on time."]
"""

STORY = """\
    # Ferry timetable

    Hopefully the ferry runs on time.

    The minister reportedly wants higher fares.
    """


def _build_and_install(tmp_path: Path, entry_points: str, rules: str = RULES) -> Path:
    source = tmp_path / "tinypack-src"
    (source / "tinypack").mkdir(parents=True)
    (source / "tinypack" / "__init__.py").write_text("raise RuntimeError('a pack is never imported')\n")
    (source / "tinypack" / "house.yaml").write_text(rules)
    (source / "tinybackend.py").write_text(BACKEND)
    (source / "pyproject.toml").write_text(PYPROJECT)
    (source / "entry_points.txt").write_text(entry_points)
    target = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "-q",
            "--no-index",
            "--no-build-isolation",
            "--target",
            target,
            source,
        ],
        check=True,
        capture_output=True,
    )
    return target


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    """The tiny pack, built and installed by pip, on sys.path for this module's tests."""
    target = _build_and_install(tmp_path_factory.mktemp("pack"), "[factlint.packs]\ntiny = tinypack\n")
    sys.path.insert(0, str(target))
    yield target
    sys.path.remove(str(target))


def test_pip_installed_the_pack_with_its_entry_point(installed):
    info = installed / "factlint_tinypack-0.1.dist-info"
    assert (info / "entry_points.txt").read_text() == "[factlint.packs]\ntiny = tinypack\n"
    [pack] = [p for p in installed_packs() if p.name == "tiny"]
    assert pack.folder == installed / "tinypack" and pack.problem == ""


def test_an_installed_pack_is_found_without_rules_and_its_code_never_runs(installed, tmp_path):
    write(tmp_path, "story.md", STORY)
    run = factlint("--isolated", "--no-cache", "story.md", cwd=tmp_path)
    assert locations(run.out) == [("story.md", 3, "house/banned-hopefully"), ("story.md", 5, "sourcing/vague-reports")]
    assert "tinypack" not in sys.modules  # its __init__ raises: it was never imported


def test_factlint_rules_names_the_pack_of_each_rule(installed):
    run = factlint("rules", "--select", "house")
    assert run.out.splitlines() == [
        "house/banned-hopefully  warning  The desk does not let the reporter hope in the copy. [pack: tiny]"
    ]
    listed = {r["id"]: r["pack"] for r in json.loads(factlint("rules", "--format", "json").out)}
    assert listed["house/banned-hopefully"] == "tiny"
    assert listed["sourcing/vague-reports"] == "builtin"


def test_select_and_ignore_by_pack_name(installed, tmp_path):
    write(tmp_path, "story.md", STORY)
    only = factlint("--isolated", "--no-cache", "--select", "tiny", "story.md", cwd=tmp_path)
    assert locations(only.out) == [("story.md", 3, "house/banned-hopefully")]
    without = factlint("--isolated", "--no-cache", "--ignore", "tiny", "story.md", cwd=tmp_path)
    assert locations(without.out) == [("story.md", 5, "sourcing/vague-reports")]
    write(tmp_path, "desk/.factlint.yaml", "select: [builtin]\n")
    write(tmp_path, "desk/story.md", STORY)
    assert locations(factlint("--no-cache", "story.md", cwd=tmp_path / "desk").out) == [
        ("story.md", 5, "sourcing/vague-reports")
    ]


def test_installed_packs_can_be_turned_off(installed, tmp_path, monkeypatch):
    write(tmp_path, "story.md", STORY)
    expected = [("story.md", 5, "sourcing/vague-reports")]
    assert locations(factlint("--isolated", "--no-cache", "--no-installed-packs", "story.md", cwd=tmp_path).out) == (
        expected
    )
    write(tmp_path, "desk/.factlint.yaml", "installed-packs: false\n")
    write(tmp_path, "desk/story.md", STORY)
    assert locations(factlint("--no-cache", "story.md", cwd=tmp_path / "desk").out) == expected
    monkeypatch.setenv("FACTLINT_NO_INSTALLED_PACKS", "1")
    assert locations(factlint("--isolated", "--no-cache", "story.md", cwd=tmp_path).out) == expected
    assert "house/" not in factlint("rules").out


def _with_fake_distribution(tmp_path: Path, entry_points: str, files: dict[str, str]) -> Path:
    """A site folder as pip leaves it, written directly (quick: no pip) for the broken cases."""
    site = tmp_path / "site"
    info = site / "broken_pack-1.0.dist-info"
    info.mkdir(parents=True)
    (info / "entry_points.txt").write_text(entry_points)
    for name, text in files.items():
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_text(text)
    return site


@pytest.mark.parametrize(
    "entry_points, files, message",
    [
        (
            "[factlint.packs]\nbroken = missing_pack\n",
            {},
            "installed rule pack 'broken': package 'missing_pack' not found (is the distribution installed whole?)",
        ),
        (
            "[factlint.packs]\nbroken = broken_pack:rules\n",
            {},
            "installed rule pack 'broken': entry point value 'broken_pack:rules' must name a package"
            " (like 'factlint_house'), not an object",
        ),
        (
            "[factlint.packs]\nbroken = broken_pack\n",
            {"broken_pack/house.yaml": "rules:\n  - id: house/x\n    kind: nonsense\n"},
            "(installed rule pack 'broken')",
        ),
    ],
)
def test_a_broken_pack_is_one_line_naming_the_pack(tmp_path, monkeypatch, entry_points, files, message):
    site = _with_fake_distribution(tmp_path, entry_points, files)
    monkeypatch.syspath_prepend(str(site))
    write(tmp_path, "story.md", STORY)
    run = factlint("--isolated", "--no-cache", "story.md", cwd=tmp_path)
    assert run.code == 2 and "Traceback" not in run.err
    lines = run.err.strip().splitlines()
    assert lines and all(message in line and line.startswith("factlint: error: ") for line in lines)


def test_without_the_entry_point_group_nothing_is_found(tmp_path, monkeypatch):
    site = _with_fake_distribution(tmp_path, "[console_scripts]\nbroken = broken_pack:main\n", {})
    assert [p for p in installed_packs([str(site)])] == []
