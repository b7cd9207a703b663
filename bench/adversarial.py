"""Adversarial drafts: time and peak memory per MB for shapes a hostile or clumsy draft can take.

    python bench/adversarial.py                     # every shape at 0.25 and 1 MB (a few minutes)
    python bench/adversarial.py --sizes 0.5 2       # other sizes (MB)
    python bench/adversarial.py --shapes brackets quote-flood
    python bench/adversarial.py --issue             # also the issue's own sizes: a 20 MB line, 200,000 lines
    python bench/adversarial.py --profile brackets --sizes 1   # cProfile of one shape, in this process
    python bench/adversarial.py --factlint "env PYTHONPATH=/tmp/other python -m factlint" --extra ""

Each shape is generated here (no corpus text) at each size, written to a temporary
folder and linted by the real command in a child process (``--no-cache --format json``
and ``--extra``, by default ``--work-budget 0`` so that no shape is cut short; output thrown away), so the figures are what a CI job pays: wall
time and the child's peak resident set (``ru_maxrss`` from ``os.wait4``). The table shows
seconds per MB and peak MB per input MB above the resident set of linting an empty file,
at each size: a shape whose s/MB grows with the size is superlinear. A run past
``--timeout`` seconds is killed and shown as such. The table goes in docs/security.md.
"""

from __future__ import annotations

import argparse
import os
import shlex
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

SHORT_LINE = "The mayor said it was 24.\n"
SENTENCE = "The council approved the budget on Tuesday, officials said. "


def _repeat(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def _blocks(block: str, size: int) -> str:
    """``block`` repeated as paragraphs (blank line between) up to ``size`` characters."""
    return _repeat(block + "\n\n", size)


def brackets(size: int) -> str:
    """'[' * 10000 + 'x' + ']' * 10000, repeated as paragraphs."""
    return _blocks("[" * 10_000 + "x" + "]" * 10_000, size)


def brackets_one(size: int) -> str:
    """One bracket nest as deep as the size allows."""
    half = size // 2
    return "[" * half + "x" + "]" * half + "\n"


def emphasis(size: int) -> str:
    """Runs of emphasis delimiters that never close: '*a _b **c __d ' over one paragraph."""
    return _repeat("*a _b **c __d ", size) + "\n"


def quote_flood(size: int) -> str:
    """Opening curly marks, then straight '"x' pairs (the issue's 300,000 + 200,000 shape)."""
    opening = size * 3 // 7
    return "\u201c" * opening + '"x' * ((size - opening) // 2) + "\n"


def quote_sentences(size: int) -> str:
    """Unclosed opening marks, one a sentence, in one paragraph (each runs to its end)."""
    return _repeat("\u201cThe mayor spoke. ", size) + "\n"


def lists(size: int) -> str:
    """10,000-level nested lists ('- - - ... x'), repeated."""
    return _blocks("- " * 10_000 + "x", size)


def blockquotes(size: int) -> str:
    """10,000-level nested blockquotes ('> > > ... x'), repeated."""
    return _blocks("> " * 10_000 + "x", size)


def one_line(size: int) -> str:
    """Ordinary sentences on a single line (the issue's 20 MB line)."""
    return _repeat(SENTENCE, size) + "\n"


def short_lines(size: int) -> str:
    """Many short lines in one paragraph (the issue's 200,000 lines, 4.9 MB)."""
    return _repeat(SHORT_LINE, size)


def no_punctuation(size: int) -> str:
    """One sentence that never ends: words, no punctuation, one line."""
    return _repeat("council budget officials Tuesday approved ", size) + "\n"


def headings(size: int) -> str:
    """A heading every other line."""
    return _repeat("## The council approved the budget\n\nIt did.\n\n", size)


def table(size: int) -> str:
    """One huge table."""
    head = "| who | said | when |\n|---|---|---|\n"
    return head + _repeat("| the mayor | it was great | on Tuesday |\n", size - len(head))


SHAPES: dict[str, Callable[[int], str]] = {
    "brackets": brackets,
    "brackets-one": brackets_one,
    "emphasis": emphasis,
    "quote-flood": quote_flood,
    "quote-sentences": quote_sentences,
    "lists": lists,
    "blockquotes": blockquotes,
    "one-line": one_line,
    "short-lines": short_lines,
    "no-punctuation": no_punctuation,
    "headings": headings,
    "table": table,
}

#: the issue's own inputs (--issue): a 20 MB single line, 200,000 short lines (4.9 MB)
ISSUE = {"one-line": 20.0, "short-lines": 200_000 * len(SHORT_LINE) / 1e6}


def run(cmd: list[str], path: Path, timeout: float, extra: list[str]) -> tuple[float, float, str]:
    """(wall seconds, peak RSS MB, status) of linting ``path`` in a child process."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        [*cmd, "--no-cache", "--format", "json", *extra, str(path)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    status = ""
    deadline = start + timeout
    while True:
        pid, code, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        if time.perf_counter() > deadline:
            os.killpg(proc.pid, signal.SIGKILL)
            pid, code, usage = os.wait4(proc.pid, 0)
            status = f"killed after {timeout:.0f} s"
            break
        time.sleep(0.02)
    wall = time.perf_counter() - start
    err = proc.stderr.read().decode(errors="replace").strip() if proc.stderr else ""
    if not status:
        rc = os.waitstatus_to_exitcode(code)
        status = f"exit {rc}" + (f": {err.splitlines()[-1][:80]}" if err and rc not in (0, 1) else "")
    return wall, usage.ru_maxrss / 1024, status


def profile(shape: str, size: int) -> None:
    import cProfile
    import pstats

    sys.path.insert(0, str(ROOT))
    from factlint import lint_text, load_rules

    rules = load_rules()
    text = SHAPES[shape](size)
    prof = cProfile.Profile()
    prof.enable()
    lint_text(text, path="adversarial.md", rules=rules)
    prof.disable()
    pstats.Stats(prof).sort_stats("cumulative").print_stats(30)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=float, nargs="+", default=[0.25, 1.0], help="input sizes in MB")
    ap.add_argument("--shapes", nargs="+", choices=sorted(SHAPES), default=list(SHAPES))
    ap.add_argument("--issue", action="store_true", help="also the issue's sizes: 20 MB line, 200,000 lines")
    ap.add_argument("--timeout", type=float, default=600.0, help="seconds before a run is killed")
    ap.add_argument("--factlint", default=f"{shlex.quote(sys.executable)} -m factlint")
    ap.add_argument("--extra", default="--work-budget 0", help="more options (default: no work budget)")
    ap.add_argument("--profile", choices=sorted(SHAPES), help="cProfile one shape in this process, then stop")
    args = ap.parse_args()
    if args.profile:
        profile(args.profile, int(args.sizes[0] * 1_000_000))
        return 0
    cmd = shlex.split(args.factlint)
    extra = shlex.split(args.extra)
    with tempfile.TemporaryDirectory() as folder:
        empty = Path(folder) / "small.md"
        empty.write_text("The mayor said it was great.\n")
        _, base_rss, _ = run(cmd, empty, args.timeout, extra)
        print(f"peak RSS of a one-line draft: {base_rss:.0f} MB\n")
        print("| shape | size | time | s/MB | peak RSS | extra MB per MB | status |")
        print("|---|---|---|---|---|---|---|")
        for shape in args.shapes:
            sizes = list(args.sizes) + ([ISSUE[shape]] if args.issue and shape in ISSUE else [])
            for mb in sizes:
                text = SHAPES[shape](int(mb * 1_000_000))
                path = Path(folder) / f"{shape}.md"
                path.write_text(text, encoding="utf-8")
                real_mb = len(text.encode("utf-8")) / 1e6
                del text
                wall, rss, status = run(cmd, path, args.timeout, extra)
                print(
                    f"| {shape} | {real_mb:.2f} MB | {wall:.1f} s | {wall / real_mb:.1f} | {rss:.0f} MB "
                    f"| {(rss - base_rss) / real_mb:.0f} | {status} |",
                    flush=True,
                )
                path.unlink()
    return 0


if __name__ == "__main__":
    sys.exit(main())
