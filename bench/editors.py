"""Editors' judgement: factlint against the sentences two standards editors marked.

    python bench/editors.py                 # the family table per half and per source
    python bench/editors.py --rules         # and every rule's precision
    python bench/editors.py --write         # also write factlint/scorecard.json

The corpus is ``editor-dev`` (``../shared/corpora/editor-dev`` beside the checkout, or
``--corpus PATH``): articles, numbered sentences and two editors' marks, by
``shared/editor-guideline.md``. When it is absent the script prints one line and exits 0.
Nothing from it is written into the repository: ``--write`` stores numbers and rule ids only.

The family table is the corpus's own ``score.py`` (the team's definitions: gold = sentences
both editors marked, a finding is right when either marked its sentence), run on one lint of
the articles for each half (``a``: the 1st, 3rd, 5th ... article in name order; ``b``: the
others) and for each source (polnear, ptc, reuters). A rule's precision uses the same
definition of "right": a finding of family F is right when it overlaps a sentence that either
editor marked F. Half a is for tuning, half b for confirming: a change that helps one half only
is fitted to those articles, not to editors.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpora" / "editor-dev"
SCORECARD = ROOT / "factlint" / "scorecard.json"
FAMILIES = ("sourcing", "attribution", "framing")
SOURCES = ("polnear", "ptc", "reuters")


def _jsonl(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _marks(path: Path) -> dict[tuple[str, int], set[str]]:
    out: dict[tuple[str, int], set[str]] = {}
    for r in _jsonl(path):
        out.setdefault((r["article"], int(r["sid"])), set()).update(x.lower() for x in r["labels"])
    return out


def lint(corpus: Path, select_all: bool) -> dict:
    """factlint's JSON findings on the corpus articles, from this checkout's code."""
    cmd = [sys.executable, "-m", "factlint", "--format", "json", "--no-cache"]
    if select_all:  # "ALL" and, by id, the rules that are off by default
        listed = subprocess.run(
            [sys.executable, "-m", "factlint", "rules", "--format", "json"], capture_output=True, text=True, cwd=ROOT
        )
        off = [r["id"] for r in json.loads(listed.stdout) if not r["enabled"]]
        cmd += ["--select", ",".join(["ALL", *off])]
    proc = subprocess.run(
        [*cmd, str(corpus / "articles")],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    if proc.returncode not in (0, 1):
        sys.exit(f"factlint exited {proc.returncode}: {proc.stderr[-500:]}")
    return json.loads(proc.stdout)


def family_table(corpus: Path, findings_file: Path, extra: list[str]) -> str:
    """The corpus's score.py on saved findings: its table lines, without the header."""
    proc = subprocess.run(
        [sys.executable, str(corpus / "score.py"), "--json", str(findings_file), *extra], capture_output=True, text=True
    )
    if proc.returncode:
        sys.exit(f"score.py failed: {proc.stderr[-500:]}")
    return proc.stdout


def rule_precision(corpus: Path, data: dict) -> dict[str, dict[str, list[int]]]:
    """Per rule and half: [findings, right]."""
    sentences: dict[str, list[dict]] = {}
    for r in _jsonl(corpus / "sentences.jsonl"):
        sentences.setdefault(r["article"], []).append(r)
    names = sorted(sentences)
    half = {n: "ab"[i % 2] for i, n in enumerate(names)}
    a, b = _marks(corpus / "annotator-A.jsonl"), _marks(corpus / "annotator-B.jsonl")
    out: dict[str, dict[str, list[int]]] = {}
    for f in data["findings"]:
        name = os.path.basename(f["path"])[:-4]
        family = f["category"]
        if family not in FAMILIES or name not in half:
            continue
        start, end = f["offset"], max(f["end_offset"], f["offset"] + 1)
        sids = [s["sid"] for s in sentences[name] if s["start"] < end and start < s["end"]]
        right = any(family in a.get((name, s), ()) or family in b.get((name, s), ()) for s in sids)
        cell = out.setdefault(f["rule"], {"a": [0, 0], "b": [0, 0]})[half[name]]
        cell[0] += 1
        cell[1] += right
    return out


def _p(n: int, k: int) -> str:
    return f"{k / n:.2f}" if n else "  - "


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--rules", action="store_true", help="also print every rule's precision")
    ap.add_argument("--write", action="store_true", help="write factlint/scorecard.json")
    args = ap.parse_args(argv)
    if not (args.corpus / "score.py").exists():
        print(f"editor-dev corpus not found at {args.corpus}; nothing to measure")
        return 0
    default = lint(args.corpus, select_all=False)
    with tempfile.TemporaryDirectory() as tmp:
        saved = Path(tmp) / "findings.json"
        saved.write_text(json.dumps(default), encoding="utf-8")
        for label, extra in [
            ("all", []),
            ("half a", ["--half", "a"]),
            ("half b", ["--half", "b"]),
            *[(src, ["--articles", f"{src}-*"]) for src in SOURCES],
        ]:
            table = family_table(args.corpus, saved, extra).strip().splitlines()
            print(f"## {label}: {table[0]}")
            print("\n".join(table[1:]))
            print()
    if not (args.rules or args.write):
        return 0
    every = lint(args.corpus, select_all=True)  # off-by-default rules get a scorecard too
    scores = rule_precision(args.corpus, every)
    print(f"{'rule':45} {'findings':>8} {'right':>5} {'P':>5}   {'P a':>5} {'P b':>5}")
    for rule, halves in sorted(scores.items(), key=lambda kv: -sum(c[0] for c in kv[1].values())):
        n = sum(c[0] for c in halves.values())
        k = sum(c[1] for c in halves.values())
        print(f"{rule:45} {n:8} {k:5} {_p(n, k):>5}   {_p(*halves['a']):>5} {_p(*halves['b']):>5}")
    if args.write:
        card = {
            "corpus": "editor-dev",
            "measured": datetime.date.today().isoformat(),
            "definition": "a finding is right when either editor marked a sentence it overlaps "
            "with the finding's family; findings of --select ALL",
            "rules": {
                rule: {
                    "findings": sum(c[0] for c in h.values()),
                    "right": sum(c[1] for c in h.values()),
                    "a": h["a"],
                    "b": h["b"],
                }
                for rule, h in sorted(scores.items())
            },
        }
        SCORECARD.write_text(json.dumps(card, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {SCORECARD.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
