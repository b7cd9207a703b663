"""What docs/security.md promises: factlint never goes over the network, and writes
nothing unless asked to (--fix, --output-file, --write-baseline).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

# Runs the real command with every network entry point of the standard library replaced
# by one that records the attempt and fails; local (AF_UNIX) sockets stay allowed.
OFFLINE_FACTLINT = """
import socket, sys
log = sys.argv[1]

def refuse(what):
    def blocked(*args, **kwargs):
        with open(log, "a", encoding="utf-8") as fh:
            fh.write(f"{what} {args[:2]!r}\\n")
        raise OSError(101, "Network is unreachable (blocked by the test)")
    return blocked

class LocalOnly(socket.socket):
    def __init__(self, family=-1, *args, **kwargs):
        if family != socket.AF_UNIX:
            refuse("socket")(family)
        super().__init__(family, *args, **kwargs)

socket.socket = LocalOnly
for name in ("create_connection", "getaddrinfo", "gethostbyname", "gethostbyname_ex", "gethostbyaddr",
             "create_server"):
    setattr(socket, name, refuse(name))
sys.argv = ["factlint"] + sys.argv[2:]
from factlint.cli import run
run()
"""

DRAFT = """\
# Harbour council approves the ferry budget

The council reportedly approved the budget on Monday, and the the vote was close.
Critics slammed the plan. Dozens of residents attended.

Officials, who spoke on condition of anonymity, said the service would start in May.
The extraordinarily complicated administrative reorganisation of the municipal transportation
authority's multi-jurisdictional responsibilities was, according to multiple reports, unprecedented.
"""


@pytest.fixture
def newsroom(tmp_path):
    """A draft, and an empty home and cache, so nothing downloaded earlier can help."""
    (tmp_path / "desk").mkdir()
    (tmp_path / "desk" / "story.md").write_text(DRAFT, encoding="utf-8")
    (tmp_path / "desk" / "clean.md").write_text("# Ferry\n\nThe ferry runs daily.\n", encoding="utf-8")
    for name in ("home", "cache", "tmp"):
        (tmp_path / name).mkdir()
    # the cache is the one thing written without asking: the result cache and the per-user
    # key that signs cached rule sets are sent outside the folders watched here
    (tmp_path.parent / f"{tmp_path.name}-result-cache").mkdir()
    (tmp_path.parent / f"{tmp_path.name}-user-cache").mkdir()
    env = {
        **os.environ,
        "HOME": str(tmp_path / "home"),
        "XDG_CACHE_HOME": str(tmp_path.parent / f"{tmp_path.name}-user-cache"),
        "TMPDIR": str(tmp_path / "tmp"),
        "PYTHONDONTWRITEBYTECODE": "1",
        "FACTLINT_CACHE_DIR": str(tmp_path.parent / f"{tmp_path.name}-result-cache"),
    }
    for name in ("NLTK_DATA", "http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY"):
        env.pop(name, None)
    return tmp_path, env


COMMANDS = [
    ["--select", "ALL", "story.md"],
    ["--select", "ALL", "--format", "html", "story.md"],
    ["--select", "ALL", "--format", "sarif", "story.md"],
    ["--select", "ALL", "--diff", "--unsafe-fixes", "story.md"],
    ["--statistics", "story.md"],
    ["rules"],
    ["explain", "readability/long-sentence"],
    ["config", "story.md"],
    ["schema"],
    ["test-rules"],
]


@pytest.mark.parametrize("args", COMMANDS, ids=lambda a: " ".join(a))
def test_nothing_goes_over_the_network(newsroom, args):
    tmp_path, env = newsroom
    log = tmp_path / "network.log"
    proc = subprocess.run(
        [sys.executable, "-c", OFFLINE_FACTLINT, str(log), *args],
        cwd=tmp_path / "desk",
        capture_output=True,
        text=True,
        env=env,
    )
    assert "Traceback" not in proc.stderr
    assert proc.returncode in (0, 1), proc.stderr
    assert not log.exists(), log.read_text(encoding="utf-8")


def test_the_network_block_itself_works(newsroom):
    """The wrapper really stops a connection (so the test above cannot pass by accident)."""
    tmp_path, env = newsroom
    log = tmp_path / "network.log"
    probe = OFFLINE_FACTLINT.replace(
        "from factlint.cli import run\nrun()",
        "import urllib.request\ntry:\n    urllib.request.urlopen('http://example.org')\nexcept OSError:\n    pass",
    )
    proc = subprocess.run([sys.executable, "-c", probe, str(log)], capture_output=True, text=True, env=env)
    assert proc.returncode == 0, proc.stderr
    assert log.read_text(encoding="utf-8").startswith("create_connection ")


def snapshot(*folders: Path) -> dict:
    """Every file and folder under ``folders``: (size, modification time)."""
    seen = {}
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            st = path.lstat()
            seen[str(path)] = (st.st_size, st.st_mtime_ns)
    return seen


@pytest.mark.parametrize(
    "args",
    COMMANDS + [["--fix", "--unsafe-fixes", "--select", "ALL", "clean.md"], ["--fix", "missing.md"]],
    ids=lambda a: " ".join(a),
)
def test_nothing_is_written_unless_asked(newsroom, args):
    tmp_path, env = newsroom
    before = snapshot(tmp_path)
    proc = subprocess.run(
        [sys.executable, "-m", "factlint", *args], cwd=tmp_path / "desk", capture_output=True, text=True, env=env
    )
    assert "Traceback" not in proc.stderr
    assert snapshot(tmp_path) == before


def test_control_characters_from_a_draft_or_a_file_name_never_reach_the_terminal(tmp_path):
    """An escape sequence could repaint a terminal or a CI log, a line break fake a line."""
    from conftest import factlint

    stories = tmp_path / "stories"
    stories.mkdir()
    (stories / "ok\x1b[2J\nx.md").write_text("The \x1b[31mminister\x1b[0m reportedly resigned.\x07\n", encoding="utf-8")
    for fmt in ("text", "grouped"):
        run = factlint("--show-source", "--format", fmt, "stories", "gone\x1b]0;owned\x07.md", cwd=tmp_path)
        assert run.code == 2
        for stream in (run.out, run.err):
            assert not any(ch in stream for ch in "\x1b\x07"), stream
        assert "ok␛[2J␊x.md" in run.out
        assert run.err == "factlint: error: gone␛]0;owned␇.md: no such file or directory\n"
    run = factlint("--show-source", "--select", "sourcing/vague-reports", "stories", cwd=tmp_path)
    source, caret = run.out.splitlines()[1:3]
    assert source == "    The ␛[31mminister␛[0m reportedly resigned.␇"
    assert caret.index("^") == source.index("reportedly") and caret.count("^") == len("reportedly")
