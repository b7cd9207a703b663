"""Speed benchmark: start-up, throughput, many small files, memory, --jobs scaling, proselint.

    python bench/speed.py                 # everything, default sizes
    python bench/speed.py --quick         # smaller inputs, for a quick look
    python bench/speed.py --json out.json

Input is real wire copy from ../shared/corpora/reuters-bodies.jsonl when present (the
project never copies it), otherwise text generated from the drafts in examples/. Every
measurement is whole-process wall time of the installed `factlint` command (what a
pre-commit hook or a CI job pays), except the in-process breakdown, which times each
stage (read, parse, lint) with the library. Results and the machine go in
docs/performance.md.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpora" / "reuters-bodies.jsonl"


def factlint_cmd() -> list[str]:
    exe = shutil.which("factlint", path=str(Path(sys.executable).parent)) or shutil.which("factlint")
    return [exe] if exe else [sys.executable, "-m", "factlint"]


def timed(cmd: list[str], repeat: int = 1, cwd: Path | None = None) -> tuple[float, float]:
    """(median wall seconds, peak RSS in MB of the slowest child) over ``repeat`` runs."""
    times = []
    peak = 0.0
    for _ in range(repeat):
        before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        start = time.perf_counter()
        proc = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=cwd)
        times.append(time.perf_counter() - start)
        if proc.returncode not in (0, 1):
            raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode}): {proc.stderr.decode()[:500]}")
        after = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        peak = max(peak, after / 1024, before / 1024)
    return statistics.median(times), peak


def corpus_stories(limit_bytes: int) -> list[str]:
    """Stories of real wire copy (or generated drafts) totalling about ``limit_bytes``."""
    stories: list[str] = []
    total = 0
    if CORPUS.exists():
        with open(CORPUS, encoding="utf-8") as fh:
            for line in fh:
                rec = json.loads(line)
                story = f"{rec['title'].title()}\n\n{rec['body']}\n"
                stories.append(story)
                total += len(story.encode())
                if total >= limit_bytes:
                    return stories
    examples = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples").glob("*.*"))
                if p.suffix in (".md", ".txt")]
    i = 0
    while total < limit_bytes:
        story = examples[i % len(examples)]
        stories.append(story)
        total += len(story.encode())
        i += 1
    return stories


def write_big_file(folder: Path, megabytes: float, name: str) -> tuple[Path, int]:
    stories = corpus_stories(int(megabytes * 1e6))
    text = "\n".join(stories)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path, len(text.split())


def write_small_files(folder: Path, count: int) -> int:
    stories = corpus_stories(count * 700)
    total = 0
    for i in range(count):
        story = stories[i % len(stories)]
        sub = folder / f"{i // 1000:02d}"
        sub.mkdir(exist_ok=True)
        (sub / f"story-{i:05d}.txt").write_text(story, encoding="utf-8")
        total += len(story.encode())
    return total


def in_process_breakdown(path: Path) -> dict[str, float]:
    """Seconds per stage for one file, with the library (rules compiled beforehand)."""
    from factlint import load_rules
    from factlint.document import parse
    from factlint.engine import lint_document
    from factlint.reading import read_source

    rules = load_rules()
    t0 = time.perf_counter()
    source = read_source(str(path))
    t1 = time.perf_counter()
    doc = parse(source.text, str(path))
    t2 = time.perf_counter()
    lint_document(doc, rules)
    t3 = time.perf_counter()
    per_rule: dict[str, float] = {}
    from factlint.kinds.base import RunContext

    run = RunContext(doc, rules.index)
    for rule in rules.rules:
        s = time.perf_counter()
        list(rule.check(doc, run))
        per_rule[rule.kind] = per_rule.get(rule.kind, 0.0) + time.perf_counter() - s
    return {"read": t1 - t0, "parse": t2 - t1, "lint": t3 - t2,
            **{f"kind:{k}": v for k, v in sorted(per_rule.items(), key=lambda kv: -kv[1])}}


def proselint_cmd() -> list[str] | None:
    exe = shutil.which("proselint", path=str(Path(sys.executable).parent)) or shutil.which("proselint")
    return [exe] if exe else None


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="small inputs (about a minute)")
    ap.add_argument("--json", help="write the results to this file")
    ap.add_argument("--jobs", default="1,2", help="job counts for the scaling run (default 1,2)")
    ap.add_argument("--linearity", action="store_true", help="also time a 5 MB and a 50 MB file")
    args = ap.parse_args()

    cmd = factlint_cmd()
    results: dict[str, object] = {
        "machine": f"{platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}, "
                   f"{platform.system()} {platform.release()}",
        "corpus": "reuters-bodies.jsonl" if CORPUS.exists() else "generated from examples/",
    }
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        one_page = ROOT / "examples" / "harbour-bridge.md"
        results["startup_version_s"], _ = timed(cmd + ["--version"], repeat=5)
        results["one_page_draft_s"], results["one_page_peak_mb"] = timed(cmd + ["--no-cache", str(one_page)]
                                                                          if _supports(cmd, "--no-cache")
                                                                          else cmd + [str(one_page)], repeat=5)

        size_mb = 1.0 if args.quick else 5.0
        big, words = write_big_file(tmp, size_mb, "big.txt")
        mb = big.stat().st_size / 1e6
        base = cmd + (["--no-cache"] if _supports(cmd, "--no-cache") else [])
        jobs1 = ["--jobs", "1"] if _supports(cmd, "--jobs") else []
        seconds, peak = timed(base + jobs1 + ["--format", "json", str(big)])
        results["throughput"] = {"file_mb": round(mb, 2), "words": words, "seconds": round(seconds, 2),
                                 "mb_per_s": round(mb / seconds, 2), "words_per_s": round(words / seconds),
                                 "peak_mb": round(peak, 1)}
        results["breakdown_s"] = {k: round(v, 3) for k, v in in_process_breakdown(big).items()}

        count = 1000 if args.quick else 10_000
        small = tmp / "small"
        small.mkdir()
        total = write_small_files(small, count)
        seconds, peak = timed(base + jobs1 + ["--format", "json", str(small)])
        results["small_files"] = {"files": count, "mb": round(total / 1e6, 2), "seconds": round(seconds, 2),
                                  "files_per_s": round(count / seconds), "peak_mb": round(peak, 1)}
        if _supports(cmd, "--jobs"):
            scaling = {}
            for n in args.jobs.split(","):
                s, _ = timed(base + ["--jobs", n, "--format", "json", str(small)])
                scaling[n] = round(s, 2)
            results["jobs_scaling_s"] = scaling
        if _supports(cmd, "--no-cache"):
            cache = tmp / "cache"
            first, _ = timed(cmd + ["--cache-dir", str(cache), "--format", "json", str(small)])
            second, _ = timed(cmd + ["--cache-dir", str(cache), "--format", "json", str(small)])
            results["cache"] = {"first_s": round(first, 2), "second_s": round(second, 2),
                                "ratio": round(second / first, 3)}

        prose = proselint_cmd()
        if prose:
            sample, _ = write_big_file(tmp, 1.0, "sample.txt")
            p_s, _ = timed(prose + [str(sample)])
            f_s, _ = timed(base + jobs1 + [str(sample)])
            results["proselint"] = {"mb": round(sample.stat().st_size / 1e6, 2), "proselint_s": round(p_s, 2),
                                    "factlint_s": round(f_s, 2), "speedup": round(p_s / f_s, 1)}
        else:
            results["proselint"] = "not installed (pip install proselint to compare)"

        if args.linearity:
            lin = {}
            for size in (5, 50):
                path, _ = write_big_file(tmp, size, f"lin{size}.txt")
                s, peak = timed(base + jobs1 + ["--format", "json", str(path)])
                lin[f"{size}MB"] = {"seconds": round(s, 2), "peak_mb": round(peak, 1)}
            results["linearity"] = lin

    print(json.dumps(results, indent=2))
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


def _supports(cmd: list[str], option: str) -> bool:
    out = subprocess.run(cmd + ["check", "--help"], capture_output=True, text=True).stdout
    return option in out


if __name__ == "__main__":
    main()
