"""A content site of N Markdown posts, and whether the default ``--jobs`` beats ``--jobs 1`` on it.

    python bench/site.py build OUT --files 200            # write the site (text written here, seeded)
    python bench/site.py compare --files 200 --runs 7     # --jobs 1 against the default, interleaved
    python bench/site.py sweep --runs 5                   # the same for sites of 10 to 400 posts

The posts are a Hugo/Jekyll-like folder (``content/<section>/<slug>.md`` with YAML front
matter) of sentences this script assembles from its own word lists -- no corpus, so it
runs anywhere. Sizes vary like a news site's: mostly 2-6 KB, a few long reads of 10-20 KB
(about 4 KB a post on average, 0.8 MB for 200 posts).

``compare`` runs the two commands in turn, A B A B ..., after one warm-up each, as whole
processes with ``--no-cache`` (a cold run: what CI pays on a fresh clone), and prints the
median wall time of each, the spread (min-max), and the median of the per-pair ratios,
which holds when a shared machine's speed drifts. The threshold in factlint/parallel.py
(PARALLEL_MIN_BYTES) and docs/scale.md quote these figures.
"""

from __future__ import annotations

import argparse
import random
import shlex
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SECTIONS = ("news", "politics", "business", "opinion", "sport", "culture")
NAMES = ("Mia Grant", "Tomas Okafor", "Lena Varga", "Ravi Menon", "Ada Lindqvist", "Jon Abara", "Sofia Reyes")
ROLES = ("the transport minister", "a council spokesperson", "the harbour master", "the union's secretary")
PLACES = ("the harbour", "the old town", "the northern ring road", "the ferry terminal", "the east bank")
SUBJECTS = ("ferry fares", "the new tram line", "school meals", "the bridge repairs", "parking permits")
VERBS = ("said", "told reporters", "wrote in a statement", "said on Monday", "said at a briefing")
FILLER = (
    "The plan would take effect in {month} if the council approves it.",
    "{n} residents signed a petition against {subject} last year.",
    "Officials said the budget for {subject} had grown by {n} per cent since {year}.",
    "The proposal reportedly has the support of most of the governing coalition.",
    "{name} slammed the decision as short-sighted.",
    "Critics argue that {subject} will cost more than the council admits.",
    "The figures were published in the council's annual report, which runs to {n} pages.",
    "Work on {place} is expected to finish by the end of {year}.",
    "It is believed that the contract will be signed next week.",
    "The committee meets again on Thursday to discuss {subject}.",
    "{name}, who chairs the committee, said the vote was close.",
    "Local businesses near {place} say trade fell by a third during the works.",
)
MONTHS = ("January", "March", "May", "September", "November")


def _sentence(rng: random.Random) -> str:
    if rng.random() < 0.25:
        quote = rng.choice(
            (
                "We have listened to every objection",
                "Nobody asked the people who use the service every day",
                "This is the cheapest option on the table",
                "The numbers simply do not add up",
            )
        )
        return f'"{quote}," {rng.choice(NAMES)} {rng.choice(VERBS)}.'
    return rng.choice(FILLER).format(
        month=rng.choice(MONTHS),
        n=rng.randint(3, 900),
        subject=rng.choice(SUBJECTS),
        year=rng.randint(2015, 2026),
        name=rng.choice(NAMES),
        place=rng.choice(PLACES),
    )


def _post(rng: random.Random, index: int) -> tuple[str, str]:
    subject = rng.choice(SUBJECTS)
    title = f"{subject.capitalize()}: {rng.choice(ROLES)} answers critics"
    target = rng.choice((2000, 3000, 4000, 5000, 6000)) if rng.random() < 0.93 else rng.randint(10000, 20000)
    paragraphs: list[str] = []
    size = 0
    while size < target:
        paragraph = " ".join(_sentence(rng) for _ in range(rng.randint(1, 3)))
        paragraphs.append(paragraph)
        size += len(paragraph) + 2
    front = (
        f'---\ntitle: "{title}"\ndate: 2026-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}\n'
        f'author: {rng.choice(NAMES)}\ndescription: "{_sentence(rng)}"\n---\n\n'
    )
    body = f"# {title}\n\n" + "\n\n".join(paragraphs[:3])
    if len(paragraphs) > 3:
        body += "\n\n## What happens next\n\n" + "\n\n".join(paragraphs[3:])
    return f"{rng.choice(SECTIONS)}/post-{index:04d}.md", front + body + "\n"


def build(out: Path, files: int, seed: int = 17) -> int:
    """Write ``files`` posts under ``out/content``; the total size in bytes."""
    rng = random.Random(seed)
    total = 0
    for i in range(files):
        rel, text = _post(rng, i)
        path = out / "content" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        total += len(text.encode())
    return total


def _run(cmd: list[str], cwd: Path) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - start


def compare(site: Path, factlint: list[str], runs: int) -> dict:
    serial = [*factlint, "--no-cache", "--jobs", "1", "content"]
    default = [*factlint, "--no-cache", "content"]
    _run(serial, site), _run(default, site)  # warm-up: .pyc files, the compiled-rules cache, the page cache
    a: list[float] = []
    b: list[float] = []
    for _ in range(runs):
        a.append(_run(serial, site))
        b.append(_run(default, site))
    ratios = [y / x for x, y in zip(a, b)]
    return {
        "jobs1": (statistics.median(a), min(a), max(a)),
        "default": (statistics.median(b), min(b), max(b)),
        "ratio": (statistics.median(ratios), min(ratios), max(ratios)),
    }


def _show(files: int, size: int, r: dict) -> str:
    j, d, q = r["jobs1"], r["default"], r["ratio"]
    return (
        f"{files:4d} files {size / 1e3:7.0f} KB | --jobs 1 {j[0]:.2f} s ({j[1]:.2f}-{j[2]:.2f}) | "
        f"default {d[0]:.2f} s ({d[1]:.2f}-{d[2]:.2f}) | default/jobs1 {q[0]:.2f} ({q[1]:.2f}-{q[2]:.2f})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build")
    b.add_argument("out", type=Path)
    b.add_argument("--files", type=int, default=200)
    for name in ("compare", "sweep"):
        p = sub.add_parser(name)
        p.add_argument("--files", type=int, default=200)
        p.add_argument("--runs", type=int, default=5)
        p.add_argument("--factlint", default=f"{shlex.quote(sys.executable)} -m factlint")
    args = parser.parse_args()
    if args.command == "build":
        size = build(args.out, args.files)
        print(f"{args.files} posts, {size / 1e3:.0f} KB in {args.out / 'content'}")
        return
    factlint = shlex.split(args.factlint)
    counts = [args.files] if args.command == "compare" else [10, 25, 50, 100, 200, 400]
    for files in counts:
        with tempfile.TemporaryDirectory() as tmp:
            site = Path(tmp)
            size = build(site, files)
            print(_show(files, size, compare(site, factlint, args.runs)), flush=True)


if __name__ == "__main__":
    main()
