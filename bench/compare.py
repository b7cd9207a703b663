"""Do two factlint installations give the same findings? (For performance work.)

    python bench/compare.py --base "env PYTHONPATH=/tmp/main-export python -m factlint"
    python bench/compare.py --base ... --stories 600 --markdown 300 --big 1

Writes the inputs into a temporary folder -- the drafts in examples/, ``--stories`` Reuters
stories as .txt files, ``--markdown`` of them as Markdown with markup added (a headline,
emphasis, links, a list, a blockquote) and, with ``--big``, one plain-text and one
Markdown file of that many MB --
then runs both commands with ``--format json --no-cache``, once with the default rules and
once with ``--select ALL``, and compares the JSON byte for byte. Exit status 1 on any
difference (the first differing finding is shown).

The corpus is read from ../shared/corpora/reuters-bodies.jsonl beside the checkout (or
$FACTLINT_BENCH_CORPUS); without it only examples/ is compared. No corpus text is ever
written into the repository.
"""

from __future__ import annotations

import argparse
import json
import shlex
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
from speed import CORPUS  # noqa: E402  (the same corpus lookup as the speed benchmark)


def _stories(limit: int) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    if not CORPUS.exists() or limit <= 0:
        return found
    with open(CORPUS, encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if i % 7:  # spread over the corpus
                continue
            rec = json.loads(line)
            found.append((rec["title"], rec["body"]))
            if len(found) >= limit:
                break
    return found


def _markdown(title: str, body: str, i: int) -> str:
    """The story as a Markdown draft, with some of every kind of markup."""
    paras = [p.strip() for p in body.split("\n    ") if p.strip()]
    out = [f"# {title.title()}", ""]
    for j, para in enumerate(paras):
        words = para.split()
        if j % 4 == 1 and len(words) > 6:
            words[2] = f"*{words[2]}*"
            words[5] = f"[{words[5]}](https://example.com/{i}/{j})"
        if j % 5 == 2:
            out.append("> " + " ".join(words))
        elif j % 6 == 3:
            out.append("- " + " ".join(words[: len(words) // 2]))
            out.append("- " + " ".join(words[len(words) // 2 :]))
        elif j % 7 == 4:
            out.append(f"## {' '.join(words[:4])}")
            out.append("")
            out.append(" ".join(words))
        else:
            out.append(" ".join(words))
        out.append("")
    return "\n".join(out)


def write_inputs(folder: Path, stories: int, markdown: int, big_mb: float) -> None:
    for p in sorted((ROOT / "examples").glob("*")):
        if p.suffix in (".md", ".txt"):
            shutil.copy(p, folder / p.name)
    found = _stories(max(stories, markdown))
    for i, (title, body) in enumerate(found[:stories]):
        (folder / f"story-{i:04d}.txt").write_text(f"{title}\n\n{body}\n", encoding="utf-8")
    for i, (title, body) in enumerate(found[:markdown]):
        (folder / f"story-{i:04d}.md").write_text(_markdown(title, body, i), encoding="utf-8")
    if big_mb and found:
        parts, size, k = [], 0, 0
        while size < big_mb * 1e6:
            title, body = found[k % len(found)]
            parts.append(f"{title.title()}\n\n{body}\n")
            size += len(parts[-1])
            k += 1
        (folder / "big.txt").write_text("\n".join(parts), encoding="utf-8")
        parts, size, k = [], 0, 0
        while size < big_mb * 1e6:  # and as one Markdown file
            title, body = found[k % len(found)]
            parts.append(_markdown(title, body, k))
            size += len(parts[-1])
            k += 1
        (folder / "big.md").write_text("\n\n".join(parts), encoding="utf-8")


def run(cmd: list[str], folder: Path, extra: list[str]) -> bytes:
    proc = subprocess.run(
        cmd + ["check", "--format", "json", "--no-cache", "--isolated", *extra, "."], cwd=folder, capture_output=True
    )
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode}): {proc.stderr.decode()[:2000]}")
    return proc.stdout


def first_difference(a: bytes, b: bytes) -> str:
    try:
        fa, fb = json.loads(a)["findings"], json.loads(b)["findings"]
    except (ValueError, KeyError, TypeError):
        return "(not the JSON report)"
    for i, (x, y) in enumerate(zip(fa, fb)):
        if x != y:
            return f"finding {i}: base {json.dumps(x)} | this {json.dumps(y)}"
    return f"{len(fa)} findings vs {len(fb)}; the rest of the report differs"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--base", required=True, help="the command of the installation to compare with")
    ap.add_argument(
        "--this",
        default=f"{shlex.quote(sys.executable)} -m factlint",
        help="the command to check (default: this Python's factlint)",
    )
    ap.add_argument("--stories", type=int, default=400)
    ap.add_argument("--markdown", type=int, default=200)
    ap.add_argument("--big", type=float, default=0.0, help="also one plain-text and one Markdown file of this many MB")
    args = ap.parse_args()
    if not CORPUS.exists():
        print(f"corpus not found ({CORPUS}): comparing examples/ only", file=sys.stderr)
    base, this = shlex.split(args.base), shlex.split(args.this)
    failed = False
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        write_inputs(folder, args.stories, args.markdown, args.big)
        count = len(list(folder.iterdir()))
        for label, extra in (("default rules", []), ("--select ALL", ["--select", "ALL"])):
            a, b = run(base, folder, extra), run(this, folder, extra)
            same = a == b
            failed |= not same
            findings = a.count(b'"rule":')
            print(
                f"{label}: {count} files, {len(a)} bytes of JSON, ~{findings} findings: "
                f"{'identical' if same else 'DIFFERENT: ' + first_difference(a, b)}"
            )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
