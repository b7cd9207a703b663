"""Baselines: fingerprints that survive moved lines, counts per fingerprint."""
from __future__ import annotations

import json

from conftest import factlint, locations, write

ARCHIVE = """\
    # Ferry fares

    The minister reportedly wants higher fares.

    Councillor Mia Grant slammed the proposal on Monday.
    """


def test_write_then_check_against_the_baseline(tmp_path):
    write(tmp_path, "archive/2009/ferry.md", ARCHIVE)
    run = factlint("--write-baseline", ".factlint-baseline.json", "archive", cwd=tmp_path)
    assert run.code == 0
    assert run.out == ""
    assert "wrote a baseline of 2 finding(s) in 1 file(s)" in run.err
    data = json.loads((tmp_path / ".factlint-baseline.json").read_text(encoding="utf-8"))
    assert data["version"] == 1
    entries = data["files"]["archive/2009/ferry.md"]
    assert sorted((e["rule"], e["match"], e["count"]) for e in entries.values()) == [
        ("framing/loaded-said", "slammed", 1), ("sourcing/vague-reports", "reportedly", 1)]
    again = factlint("--baseline", ".factlint-baseline.json", "archive", cwd=tmp_path)
    assert locations(again.out) == []
    assert again.code == 0


def test_a_baseline_written_with_diff_records_the_file_as_it_is_not_as_fixed(tmp_path):
    path = write(tmp_path, "ferry.md", """\
        # Ferry fares

        The minister reportedly wants higher fares.It was the the third rise.
        """)
    before = path.read_bytes()
    run = factlint("--diff", "--write-baseline", "baseline.json", "ferry.md", cwd=tmp_path)
    assert run.code == 0 and path.read_bytes() == before
    entries = json.loads((tmp_path / "baseline.json").read_text(encoding="utf-8"))["files"]["ferry.md"]
    assert sorted((e["rule"], e["match"]) for e in entries.values()) == [
        ("editing/missing-space", "fares.It"), ("editing/repeated-word", "the the"),
        ("sourcing/vague-reports", "reportedly")]
    again = factlint("--baseline", "baseline.json", "ferry.md", cwd=tmp_path)
    assert locations(again.out) == [] and again.code == 0


def test_moved_lines_keep_matching_and_new_copy_is_reported(tmp_path):
    path = write(tmp_path, "ferry.md", ARCHIVE)
    factlint("--write-baseline", "baseline.json", "ferry.md", cwd=tmp_path)
    # a new paragraph on top moves everything down; the old findings are still known
    path.write_text(path.read_text(encoding="utf-8").replace(
        "# Ferry fares\n", "# Ferry fares\n\nFares have not risen since 2019.\n\nA second line of context.\n"),
        encoding="utf-8")
    assert locations(factlint("--baseline", "baseline.json", "ferry.md", cwd=tmp_path).out) == []
    # the same sentence twice: the baseline counts one, so the second is new
    path.write_text(path.read_text(encoding="utf-8") + "\nThe minister reportedly wants higher fares.\n",
                    encoding="utf-8")
    run = factlint("--baseline", "baseline.json", "ferry.md", cwd=tmp_path)
    assert locations(run.out) == [("ferry.md", 11, "sourcing/vague-reports")]
    assert run.code == 0  # a new warning is shown; only errors fail by default
    # an edited sentence is new copy, checked again
    path.write_text(ARCHIVE.replace("    ", "").replace("on Monday", "on Tuesday"), encoding="utf-8")
    run = factlint("--baseline", "baseline.json", "ferry.md", cwd=tmp_path)
    assert locations(run.out) == [("ferry.md", 5, "framing/loaded-said")]


def test_baseline_paths_are_relative_to_the_baseline_file(tmp_path):
    write(tmp_path, "site/stories/ferry.md", ARCHIVE)
    factlint("--write-baseline", "site/baseline.json", "site/stories", cwd=tmp_path)
    data = json.loads((tmp_path / "site/baseline.json").read_text(encoding="utf-8"))
    assert list(data["files"]) == ["stories/ferry.md"]
    # run from inside the site: same file, same baseline
    assert locations(factlint("--baseline", "baseline.json", "stories", cwd=tmp_path / "site").out) == []


def test_another_file_with_the_same_text_is_not_covered(tmp_path):
    write(tmp_path, "a.md", ARCHIVE)
    factlint("--write-baseline", "baseline.json", "a.md", cwd=tmp_path)
    write(tmp_path, "b.md", ARCHIVE)
    run = factlint("--baseline", "baseline.json", "a.md", "b.md", cwd=tmp_path)
    assert {p for p, _, _ in locations(run.out)} == {"b.md"}


def test_bad_baseline_is_a_usage_error(tmp_path):
    write(tmp_path, "a.md", ARCHIVE)
    (tmp_path / "baseline.json").write_text("{not json", encoding="utf-8")
    run = factlint("--baseline", "baseline.json", "a.md", cwd=tmp_path)
    assert run.code == 2 and "not a factlint baseline" in run.err and run.out == ""
    (tmp_path / "baseline.json").write_text('{"version": 7, "files": {}}', encoding="utf-8")
    assert factlint("--baseline", "baseline.json", "a.md", cwd=tmp_path).code == 2
    run = factlint("--baseline", "missing.json", "a.md", cwd=tmp_path)
    assert run.code == 2 and "baseline file not found" in run.err
