"""Past one machine: the rules and the library's lint functions pickle, so an archive can
be mapped with Dask (docs/scale.md). Skipped when the `dask` extra is not installed."""

from __future__ import annotations

import json

import pytest
from conftest import draft, factlint, write

db = pytest.importorskip("dask.bag")

STORY = """\
    # Council weighs new ferry fares

    The transport minister reportedly wants higher fares, officials said.

    Councillor Mia Grant slammed the proposal on Monday. The the vote is on Friday.
    <!-- factlint-disable-next-line framing -->
    Critics blasted the plan.
    """
WIRE = """\
    Harbour board meets

    According to multiple reports the board will meet.It has not said when.
    """


def archive(root):
    for i in range(9):
        write(root, f"2024/{i:02d}.md", STORY.replace("Friday", f"day {i}"))
        write(root, f"2025/{i:02d}.txt", WIRE.replace("when", f"when ({i})"))
    (root / "2025" / "bom.txt").write_bytes(b"\xef\xbb\xbf" + draft(WIRE).encode("utf-8"))
    return sorted(str(p.relative_to(root)) for p in root.rglob("*.*"))


def lint_one(path, rules):
    from factlint import lint_file

    return [f.to_dict() for f in lint_file(path, rules)]


def test_dask_bag_on_the_local_process_scheduler_gives_the_clis_findings(tmp_path, monkeypatch):
    from factlint import load_rules

    paths = archive(tmp_path)
    monkeypatch.chdir(tmp_path)
    cli = json.loads(factlint("--isolated", "--no-cache", "--format", "json", ".", cwd=tmp_path).out)["findings"]
    assert {f["rule"] for f in cli} >= {"sourcing/vague-reports", "editing/repeated-word", "editing/missing-space"}
    rules = load_rules()
    # as docs/scale.md shows: paths in, JSON lines out, one file per partition
    bag = db.from_sequence(paths, npartitions=4).map(lint_one, rules).flatten().map(json.dumps)
    bag.to_textfiles(str(tmp_path / "out" / "*.jsonl"), scheduler="processes", num_workers=2)
    found = [
        json.loads(line)
        for p in sorted((tmp_path / "out").glob("*.jsonl"))
        for line in p.read_text(encoding="utf-8").splitlines()
    ]
    assert sorted(found, key=lambda f: (f["path"], f["offset"], f["end_offset"], f["rule"])) == cli
