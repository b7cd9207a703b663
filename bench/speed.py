"""Speed benchmark: start-up, throughput, many small files, memory, --jobs, cache, proselint.

    python bench/speed.py                  # everything at the issue's sizes (about 10 minutes)
    python bench/speed.py --quick          # smaller inputs, for a quick look
    python bench/speed.py --linearity      # also a 5 MB and a 50 MB file (several more minutes)
    python bench/speed.py --json out.json  # keep the numbers
    python bench/speed.py --factlint "python -m factlint"   # measure another installation

Input is real wire copy from ../shared/corpora/reuters-bodies.jsonl when present (the
project never copies it), otherwise text generated from the drafts in examples/. Every
measurement is the whole-process wall time of the `factlint` command (what a pre-commit
hook or a CI job pays), the median of a few runs, except the in-process breakdown, which
times each stage (read, parse: line index, parser, prose, sentences, quotations,
attributions; lint: the phrase scan and each rule kind) with the library and reports the
fastest of a few runs in CPU seconds. Peak memory is the largest resident set of the
process and its workers.

proselint (the comparison the issue asks for) is run when it is installed in the same
environment: `pip install proselint`.

Before timing, the package's .pyc files are compiled (an installed wheel has them; a
checkout run with PYTHONDONTWRITEBYTECODE would otherwise compile every module on every
start). Results and the machine go in docs/performance.md.
"""
from __future__ import annotations

import argparse
import collections
import inspect
import json
import os
import platform
import resource
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _corpus() -> Path:
    """$FACTLINT_BENCH_CORPUS, else shared/corpora/reuters-bodies.jsonl beside the checkout
    (or beside the folder of worktrees that holds it)."""
    if os.environ.get("FACTLINT_BENCH_CORPUS"):
        return Path(os.environ["FACTLINT_BENCH_CORPUS"])
    for folder in (ROOT.parent, ROOT.parent.parent):
        candidate = folder / "shared" / "corpora" / "reuters-bodies.jsonl"
        if candidate.exists():
            return candidate
    return ROOT.parent / "shared" / "corpora" / "reuters-bodies.jsonl"


CORPUS = _corpus()
ONE_PAGE = ROOT / "examples" / "harbour-bridge.md"


def factlint_cmd(given: str | None) -> list[str]:
    if given:
        return shlex.split(given)
    exe = shutil.which("factlint", path=str(Path(sys.executable).parent)) or shutil.which("factlint")
    return [exe] if exe else [sys.executable, "-m", "factlint"]


def timed(cmd: list[str], repeat: int = 1, cwd: Path | None = None, env: dict | None = None) -> tuple[float, float]:
    """(median wall seconds, peak RSS in MB of the process or any of its children) over ``repeat`` runs.

    Each run is measured in a fresh helper process, so that the peak is this command's."""
    times = []
    peak = 0.0
    probe = ("import resource, subprocess, sys, time; s = time.perf_counter(); "
             "p = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE); "
             "e = time.perf_counter() - s; "
             "print(e, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, p.returncode); "
             "sys.stderr.write(p.stderr.decode(errors='replace')[:500])")
    for _ in range(repeat):
        proc = subprocess.run([sys.executable, "-c", probe, *cmd], capture_output=True, text=True, cwd=cwd, env=env)
        elapsed, rss, code = proc.stdout.split()
        if int(code) not in (0, 1):
            raise SystemExit(f"{' '.join(cmd)} failed ({code}): {proc.stderr}")
        times.append(float(elapsed))
        peak = max(peak, int(rss) / 1024)
    return statistics.median(times), peak


def corpus_stories(limit_bytes: int) -> list[str]:
    """Stories of real wire copy (or generated drafts) totalling about ``limit_bytes``,
    cycling through the corpus when more is asked than it holds."""
    stories: list[str] = []
    total = 0
    source: list[str] = []
    if CORPUS.exists():
        with open(CORPUS, encoding="utf-8") as fh:
            for line in fh:
                rec = json.loads(line)
                source.append(f"{rec['title'].title()}\n\n{rec['body']}\n")
    else:
        source = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples").glob("*.*"))
                  if p.suffix in (".md", ".txt")]
    i = 0
    while total < limit_bytes:
        story = source[i % len(source)]
        stories.append(story)
        total += len(story.encode())
        i += 1
    return stories


def write_big_file(folder: Path, megabytes: float, name: str) -> tuple[Path, int]:
    text = "\n".join(corpus_stories(int(megabytes * 1e6)))
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path, len(text.split())


def write_small_files(folder: Path, count: int) -> tuple[int, int]:
    stories = corpus_stories(count * 2000)
    total = words = 0
    for i in range(count):
        story = stories[i % len(stories)]
        sub = folder / f"{i // 1000:02d}"
        sub.mkdir(exist_ok=True)
        (sub / f"story-{i:05d}.txt").write_text(story, encoding="utf-8")
        total += len(story.encode())
        words += len(story.split())
    return total, words


def in_process_breakdown(path: Path, runs: int = 3) -> dict[str, float]:
    """CPU seconds per stage for one file, with the library (rules compiled beforehand)."""
    import factlint.document.build as build
    import factlint.document.markdown as markdown
    from factlint import load_rules
    from factlint.engine import lint_document
    from factlint.kinds.base import RunContext
    from factlint.reading import read_source

    clock = time.process_time
    acc: collections.Counter = collections.Counter()

    def wrap(module, name, label):
        original = getattr(module, name)

        def timed_stage(*args, **kwargs):
            start = clock()
            try:
                return original(*args, **kwargs)
            finally:
                acc[label] += clock() - start

        setattr(module, name, timed_stage)
        return original

    stage = "attribute" if hasattr(build, "attribute") else "find_attributions"
    saved = [(build, "LineIndex", wrap(build, "LineIndex", "parse: line index")),
             (build, "parse_plaintext", wrap(build, "parse_plaintext", "parse: plain-text blocks")),
             (markdown, "parse_markdown", wrap(markdown, "parse_markdown", "parse: Markdown blocks")),
             (build, "split_sentences", wrap(build, "split_sentences", "parse: sentences")),
             (build, "find_quotes", wrap(build, "find_quotes", "parse: quotations")),
             # the finder's passes (older versions: ``find_attributions``, which also made the
             # rule set's phrase scan; now ``parse`` makes it before the finder runs)
             (build, stage, wrap(build, stage, "parse: attributions"))]
    rules = load_rules()
    # as the command line parses: with the rule set's phrase index, whose one scan the
    # attribution finder then shares (charged to "parse: attributions"; older versions
    # have no such parameter)
    shared = {"phrases": rules.index} if "phrases" in inspect.signature(build.parse).parameters else {}
    best: dict[str, float] = {}
    try:
        for _ in range(runs):
            acc.clear()
            start = clock()
            source = read_source(str(path))
            acc["read + decode"] = clock() - start
            start = clock()
            doc = build.parse(source.text, str(path), **shared)
            acc["parse (total)"] = clock() - start
            acc["parse: prose view and the rest"] = acc["parse (total)"] - sum(
                v for k, v in acc.items() if k.startswith("parse: "))
            start = clock()
            lint_document(doc, rules)
            acc["lint (total, engine)"] = clock() - start
            # each kind's share, on a fresh document (nothing computed yet by another rule;
            # what one rule builds for the document -- attributions by sentence, metric
            # units -- is charged to the first kind that asks)
            stages = dict(acc)
            doc = build.parse(source.text, str(path), **shared)
            acc.clear()
            acc.update(stages)  # the second parse is not counted
            run = RunContext(doc, rules.index)
            start = clock()
            run.phrase_hits(0)
            acc["lint: phrase scan (Aho-Corasick)"] = clock() - start
            for rule in rules.rules:
                start = clock()
                list(rule.check(doc, run))
                acc[f"lint: kind {rule.kind}"] += clock() - start
            for key, value in acc.items():
                best[key] = min(best.get(key, value), value)
    finally:
        for module, name, original in saved:
            setattr(module, name, original)
    mb = path.stat().st_size / 1e6
    return {k: round(v / mb, 3) for k, v in sorted(best.items(), key=lambda kv: -kv[1])}


def proselint_cmd() -> list[str] | None:
    exe = shutil.which("proselint", path=str(Path(sys.executable).parent)) or shutil.which("proselint")
    if not exe:
        return None
    usage = subprocess.run([exe, "--help"], capture_output=True, text=True).stdout
    return [exe, "check"] if "check" in usage else [exe]  # 0.16 has subcommands; older ones take paths


def supports(cmd: list[str], option: str) -> bool:
    out = subprocess.run(cmd + ["check", "--help"], capture_output=True, text=True).stdout
    return option in out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="small inputs (about two minutes)")
    ap.add_argument("--json", help="write the results to this file")
    ap.add_argument("--jobs", default=None, help="job counts for the scaling run (default 1,2,...,CPUs)")
    ap.add_argument("--linearity", action="store_true", help="also time a 5 MB and a 50 MB file")
    ap.add_argument("--factlint", help="the command to measure (default: factlint beside this Python)")
    ap.add_argument("--skip-proselint", action="store_true")
    args = ap.parse_args()

    cmd = factlint_cmd(args.factlint)
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "factlint")], stdout=subprocess.DEVNULL)
    cpus = os.cpu_count() or 1
    results: dict[str, object] = {
        "machine": f"{platform.machine()}, {cpus} CPUs, Python {platform.python_version()}, "
                   f"{platform.system()} {platform.release()}",
        "load_average_at_start": [round(x, 2) for x in os.getloadavg()],
        "corpus": "reuters-bodies.jsonl" if CORPUS.exists() else "generated from examples/",
        "command": " ".join(cmd),
    }
    has_jobs, has_cache = supports(cmd, "--jobs"), supports(cmd, "--no-cache")
    jobs1 = ["--jobs", "1"] if has_jobs else []
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        repeat = 3 if args.quick else 7

        # Caches: the rule and syllable caches are warmed once (as after any first run);
        # each measurement then gets its own copy without results, so that what is timed
        # is linting, not the result cache -- except where the result cache is the point.
        warm = tmp / "warm-cache"
        if has_cache:
            starter = tmp / "starter.txt"
            starter.write_text("\n".join(corpus_stories(20_000)), encoding="utf-8")
            timed(cmd + ["--cache-dir", str(warm), str(starter)], cwd=tmp)
        copies = iter(range(1_000_000))

        def linting() -> list[str]:
            """Options for a run that lints everything, with warm rule and syllable caches."""
            if not has_cache:
                return []
            folder = tmp / f"cache-{next(copies)}"
            shutil.copytree(warm, folder, ignore=shutil.ignore_patterns("results.sqlite3*"))
            return ["--cache-dir", str(folder)]

        # -- start-up ---------------------------------------------------------------------
        results["startup_version_s"] = round(timed(cmd + ["--version"], repeat=repeat)[0], 3)
        no_cache = ["--no-cache"] if has_cache else []
        cold, peak = timed(cmd + no_cache + [str(ONE_PAGE)], repeat=repeat, cwd=tmp)
        results["one_page_draft_s"] = {"no_cache_at_all": round(cold, 3), "peak_mb": round(peak, 1)}
        if has_cache:
            edited = tmp / "edited.md"
            text = ONE_PAGE.read_text(encoding="utf-8")
            runs = []
            for i in range(repeat):  # an edited draft: the rules come from the cache, the draft is linted
                edited.write_text(text + f"\nEdit {i}.\n", encoding="utf-8")
                runs.append(timed(cmd + linting() + [str(edited)], cwd=tmp)[0])
            results["one_page_draft_s"]["edited_draft_rules_cached"] = round(statistics.median(runs), 3)
            again = cmd + ["--cache-dir", str(warm), str(ONE_PAGE)]
            timed(again, cwd=tmp)
            results["one_page_draft_s"]["unchanged_draft_result_cached"] = round(timed(again, repeat=repeat,
                                                                                     cwd=tmp)[0], 3)

        # -- single-process throughput ------------------------------------------------------
        size_mb = 1.0 if args.quick else 5.0
        big, words = write_big_file(tmp, size_mb, "big.txt")
        mb = big.stat().st_size / 1e6
        seconds, peak = timed(cmd + linting() + jobs1 + ["--format", "json", str(big)])
        results["throughput_one_file"] = {"file_mb": round(mb, 2), "words": words, "seconds": round(seconds, 2),
                                          "mb_per_s": round(mb / seconds, 2), "words_per_s": round(words / seconds),
                                          "peak_mb": round(peak, 1)}
        results["breakdown_cpu_s_per_mb"] = in_process_breakdown(big)

        # -- many small files ---------------------------------------------------------------
        count = 1000 if args.quick else 10_000
        small = tmp / "small"
        small.mkdir()
        total, small_words = write_small_files(small, count)
        seconds, peak = timed(cmd + linting() + jobs1 + ["--format", "json", str(small)])
        results["small_files_one_process"] = {
            "files": count, "mb": round(total / 1e6, 2), "seconds": round(seconds, 2),
            "files_per_s": round(count / seconds), "mb_per_s": round(total / 1e6 / seconds, 2),
            "words_per_s": round(small_words / seconds), "peak_mb": round(peak, 1)}
        if has_jobs:
            counts = args.jobs.split(",") if args.jobs else sorted({"1", "2", str(cpus)}, key=int)
            scaling = {}
            for n in counts:
                s, p = timed(cmd + linting() + ["--jobs", n, "--format", "json", str(small)])
                scaling[n] = {"seconds": round(s, 2), "mb_per_s": round(total / 1e6 / s, 2), "peak_mb": round(p, 1)}
            results["jobs_scaling_small_files"] = scaling
        if has_cache:
            options = linting()
            first, _ = timed(cmd + options + ["--format", "json", str(small)])
            second, peak = timed(cmd + options + ["--format", "json", str(small)], repeat=3)
            # a fresh checkout: same contents, new files (the digest, not the file's times, finds them)
            copy = tmp / "small-copy"
            shutil.copytree(small, copy)
            moved, _ = timed(cmd + options + ["--format", "json", str(copy)])
            results["cache_small_files"] = {"first_s": round(first, 2), "second_s": round(second, 2),
                                            "ratio": round(second / first, 3), "peak_mb": round(peak, 1),
                                            "same_contents_new_files_s": round(moved, 2)}

        # -- proselint --------------------------------------------------------------------------
        prose = None if args.skip_proselint else proselint_cmd()
        if prose:
            sample, _ = write_big_file(tmp, 0.2 if args.quick else 0.5, "sample.txt")
            p_s, p_peak = timed(prose + [str(sample)])
            f_s, f_peak = timed(cmd + linting() + jobs1 + [str(sample)])
            version = subprocess.run([prose[0], "version" if len(prose) > 1 else "--version"],
                                     capture_output=True, text=True).stdout.strip()
            results["proselint"] = {"version": version, "mb": round(sample.stat().st_size / 1e6, 2),
                                    "proselint_s": round(p_s, 2), "factlint_s": round(f_s, 2),
                                    "factlint_speedup": round(p_s / f_s, 2),
                                    "proselint_peak_mb": round(p_peak, 1), "factlint_peak_mb": round(f_peak, 1)}
        else:
            results["proselint"] = "not installed (pip install proselint to compare)"

        # -- linearity ------------------------------------------------------------------------
        if args.linearity:
            lin = {}
            for size in (5, 50):
                path, _ = write_big_file(tmp, size, f"lin{size}.txt")
                s, peak = timed(cmd + linting() + jobs1 + ["--format", "json", str(path)])
                lin[f"{size}MB"] = {"seconds": round(s, 2), "mb_per_s": round(size / s, 2), "peak_mb": round(peak, 1)}
                path.unlink()
            lin["time_ratio_50_to_5"] = round(lin["50MB"]["seconds"] / lin["5MB"]["seconds"], 2)
            results["linearity"] = lin

    results["load_average_at_end"] = [round(x, 2) for x in os.getloadavg()]
    print(json.dumps(results, indent=2))
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
