"""Every shell and Python block a user would copy from README.md and docs/*.md works as
written: each one runs here, in a scratch folder holding the drafts, folders and rule pack
the block names, or is in ``SKIP`` with the reason it cannot run in a test.

The blocks run against the factlint installed in the test venv, not in a fresh venv per
block: a fresh venv would install factlint's dependencies from PyPI (tests use no network)
and cost a minute a block. ``factlint …`` lines run in-process through the same Click
command the console script calls (``factlint.cli``), with their ``|`` and ``>`` done by the
test; a line that is not a factlint command fails the test until it is handled or skipped.
The Dask block runs as a saved script in a child process, which is exactly the case that
needs its ``if __name__ == "__main__":`` guard (Dask's process pool spawns workers that
import the script).
"""

from __future__ import annotations

import json
import re
import shlex
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from conftest import REPO, factlint, write

BLOCK = re.compile(r"^```(sh|python)\n(.*?)^```", re.MULTILINE | re.DOTALL)
DOCS = [REPO / "README.md", *sorted((REPO / "docs").glob("*.md"))]

#: (file, first line of the block that is not an import) -> why the block is not run here
SKIP = {
    ("README.md", "python3 -m venv .venv && .venv/bin/pip install . && .venv/bin/factlint examples/"): (
        "installs from PyPI into a fresh venv (network); `factlint examples/` itself runs in test_readme.py"
    ),
    ("README.md", "python3 -m venv .venv && .venv/bin/pip install -e '.[test]' && .venv/bin/python -m pytest"): (
        "installs from PyPI and runs this very test suite"
    ),
    ("testing.md", "python3 -m venv .venv && .venv/bin/pip install -e '.[test]' && .venv/bin/python -m pytest"): (
        "installs from PyPI and runs this very test suite"
    ),
    ("testing.md", "FACTLINT_NIGHTLY=1 .venv/bin/python -m pytest tests/test_properties.py tests/test_bad_input.py"): (
        "the nightly property run: minutes of this suite's own tests"
    ),
    ("README.md", "pip install 'factlint[lsp]'"): "installs from PyPI (network); the test extra already has pygls",
    ("scale.md", "pip install 'factlint[dask]'"): "installs from PyPI (network); the test extra already has dask",
    (
        "scale.md",
        'client = Client("tcp://scheduler.example.org:8786")   # or a LocalCluster, a Kubernetes or SLURM cluster',
    ): ("needs a Dask scheduler at a network address"),
    (
        "scale.md",
        "spark = SparkSession.builder.getOrCreate()",
    ): "needs pyspark and a Spark session (not in the test extra)",
    ("performance.md", "pip install proselint                      # optional: the comparison the issue asks for"): (
        "installs from PyPI and runs the ten-minute speed benchmark"
    ),
    ("quality.md", "python bench/quality.py                                  # every benchmark"): (
        "benchmarks over the research corpora in ../shared/corpora (absent on a clean clone; minutes)"
    ),
    ("quality.md", "python bench/quality.py --corpora ../shared/corpora --only framing,noise,slips --baseline-regex"): (
        "benchmarks over the research corpora in ../shared/corpora (absent on a clean clone)"
    ),
    (
        "quality.md",
        "python bench/quality.py --corpora ../shared/corpora --only sourcing,attribution,noise --baseline-regex",
    ): ("benchmarks over the research corpora in ../shared/corpora (absent on a clean clone)"),
    ("quality.md", "python bench/editors.py --rules"): "scores against the editor-dev corpus in ../shared/corpora",
}

DRAFT = "# Ferry fares\n\nThe minister reportedly wants higher fares, and the the board agreed.\n"


def blocks() -> list[tuple[str, str, str]]:
    """(file name, language, body) of every sh and python block of the docs."""
    found = []
    for path in DOCS:
        for m in BLOCK.finditer(path.read_text(encoding="utf-8")):
            found.append((path.name, m.group(1), m.group(2)))
    return found


def first_line(body: str) -> str:
    """What names a block: its first line that is not blank or an import."""
    lines = [line.rstrip() for line in body.splitlines() if line.strip()]
    return next((line for line in lines if not line.startswith(("import ", "from "))), lines[0])


def block(name: str, starting: str, nth: int = 0) -> str:
    """The body of the ``nth`` block of ``name`` whose first line starts with ``starting``."""
    return [b for n, _, b in blocks() if n == name and first_line(b).startswith(starting)][nth]


@pytest.fixture
def workspace(tmp_path):
    """A scratch folder with what the snippets name: draft.md, draft.txt, stories/, archive/,
    examples/ and the guide's house/ pack (also as my-pack/)."""
    write(tmp_path, "draft.md", DRAFT)
    write(tmp_path, "draft.txt", "Ferry fares\n\nThe minister reportedly wants higher fares.\n")
    write(tmp_path, "stories/draft.md", DRAFT)
    write(tmp_path, "archive/2009/ferry.md", DRAFT)
    write(tmp_path, "archive/2010/harbour.md", "# Harbour\n\nCouncillor Mia Grant slammed the plan on Monday.\n")
    shutil.copytree(REPO / "examples", tmp_path / "examples")
    guide = (REPO / "docs/rule-authoring.md").read_text(encoding="utf-8")
    for body, name in re.findall(r"```yaml\n(# house/(\S+\.yaml)\n.*?)```", guide, re.DOTALL):
        write(tmp_path, f"house/{name}", body)
    shutil.copytree(tmp_path / "house", tmp_path / "my-pack")
    return tmp_path


def run_shell_line(line: str, cwd: Path) -> None:
    """Run one ``[cat FILE |] factlint ARGS [> FILE]`` line and check it did its job: exit 0
    or 1 (findings), never 2 (a usage, configuration or input error)."""
    words = shlex.split(line, comments=True)
    if not words:
        return
    stdin = None
    if words[0] == "cat" and words[2] == "|":
        stdin = (cwd / words[1]).read_text(encoding="utf-8")
        words = words[3:]
    target = None
    if ">" in words:
        at = words.index(">")
        words, target = words[:at], words[at + 1]
    assert words[0] == "factlint", f"the snippet runner cannot run {line!r}: handle it or skip its block"
    run = factlint(*words[1:], cwd=cwd, stdin=stdin)
    assert run.code in (0, 1), f"{line!r} exited {run.code}: {run.err}"
    assert run.out.strip() or target is None and run.code == 0, f"{line!r} printed nothing"
    if target is not None:
        (cwd / target).write_text(run.out, encoding="utf-8")


def test_every_block_is_run_or_skipped_with_a_reason():
    keys = {(name, first_line(body)) for name, _, body in blocks()}
    assert set(SKIP) <= keys, f"skips of blocks that no longer exist: {set(SKIP) - keys}"
    run = keys - set(SKIP)
    assert run == set(RUN), f"blocks neither run nor skipped: {run - set(RUN)}"


#: (file, first line of the block) of the shell blocks run line by line
SHELL = [
    ("README.md", "factlint draft.md                      # one draft (same as: factlint check draft.md)"),
    ("README.md", "factlint draft.md"),
    ("README.md", "factlint --write-baseline .factlint-baseline.json archive/"),
    ("README.md", "factlint --format html examples/harbour-bridge.md > report.html   # then open it in a browser"),
    ("configuration.md", "factlint --write-baseline .factlint-baseline.json archive/"),
    ("rule-authoring.md", "factlint --rules house/ stories/"),
    ("rule-authoring.md", "factlint test-rules house/               # this pack, with the built-in packs loaded"),
    ("rule-authoring.md", "factlint --rules house --select house --format json archive/ > house-findings.json"),
    ("scale.md", "factlint --format json archive/ > findings.json          # every CPU, cache in .factlint_cache/"),
]
#: the Python blocks, each run by its own test below
PYTHON = [
    ("README.md", "rules = load_rules()                 # compiled once; reuse it"),
    ("rule-authoring.md", "def test_house_pack_examples():"),
    ("scale.md", "def lint(path, rules):"),
    ("scale.md", "counts = db.from_sequence(paths, npartitions=64).map(lint, rules).flatten() \\"),
]
RUN = SHELL + PYTHON


@pytest.mark.parametrize("key", SHELL, ids=[f"{n}:{line[:40]}" for n, line in SHELL])
def test_shell_block(key, workspace):
    name, line = key
    body = next(b for n, lang, b in blocks() if n == name and lang == "sh" and first_line(b) == line)
    for command in body.splitlines():
        run_shell_line(command, workspace.resolve())


def test_library_block_prints_the_findings(workspace, capsys, monkeypatch):
    monkeypatch.chdir(workspace)
    exec(compile(block("README.md", "rules = load_rules()"), "README.md", "exec"), {})
    printed = capsys.readouterr().out.splitlines()
    assert [line.split()[2] for line in printed] == ["sourcing/vague-reports", "editing/repeated-word"]


def test_rule_pack_pytest_block_passes_on_the_guides_pack(workspace, monkeypatch):
    monkeypatch.chdir(workspace)
    namespace: dict = {}
    exec(compile(block("rule-authoring.md", "def test_house_pack_examples"), "guide", "exec"), namespace)
    namespace["test_house_pack_examples"]()


def test_dask_blocks_run_as_a_saved_script(workspace):
    """The Dask example saved as a script, with the counting block inside its ``__main__``
    guard as the guide says, run on Dask's default (process) scheduler for bags."""
    script = block("scale.md", "def lint(path, rules)") + textwrap.indent(
        block("scale.md", "counts = db.from_sequence") + "print(json.dumps(counts))\n", "    "
    )
    (workspace / "lint_archive.py").write_text(script, encoding="utf-8")
    done = subprocess.run([sys.executable, "lint_archive.py"], cwd=workspace, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    lines = [
        json.loads(line)
        for part in sorted((workspace / "findings").glob("part-*.jsonl"))
        for line in part.read_text().splitlines()
    ]
    assert sorted((f["path"], f["rule"]) for f in lines) == [
        ("archive/2009/ferry.md", "editing/repeated-word"),
        ("archive/2009/ferry.md", "sourcing/vague-reports"),
        ("archive/2010/harbour.md", "framing/loaded-said"),
    ]
    assert dict(json.loads(done.stdout.splitlines()[-1])) == {
        "editing/repeated-word": 1,
        "sourcing/vague-reports": 1,
        "framing/loaded-said": 1,
    }
