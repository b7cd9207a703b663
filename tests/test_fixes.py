"""--fix, --diff, --unsafe-fixes: what is fixed, how files are written, and what never is."""

from __future__ import annotations

import codecs
import os
import stat

import pytest
from conftest import factlint, locations

from factlint import lint_text
from factlint.finding import Fix
from factlint.fixes import FixError, apply_fixes, atomic_write, digest

SLIPS = (
    "# Ferry fares\n"
    "\n"
    "The board met on Monday and the the members voted. Fares rise in May.\n"
    "\n"
    "Councillor Mia Grant slammed the proposal.\n"
)
SAFE_FIXED = SLIPS.replace("the the", "the")
ALL_FIXED = SAFE_FIXED.replace("slammed", "criticized")


def put(tmp_path, name: str, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_lint_of_the_fixture_has_a_safe_and_an_unsafe_fix():
    fixes = {f.rule: f.fix.safe for f in lint_text(SLIPS, "story.md") if f.fix is not None}
    assert fixes == {"editing/repeated-word": True, "framing/loaded-said": False}


def test_fix_applies_safe_fixes_only(tmp_path):
    path = put(tmp_path, "story.md", SLIPS.encode())
    run = factlint("--fix", "story.md", cwd=tmp_path)
    fixed = path.read_text(encoding="utf-8")
    assert "the the" not in fixed and "slammed" in fixed
    assert fixed == SAFE_FIXED
    # what is left is reported; the fixed findings are gone
    assert [r for _, _, r in locations(run.out)] == ["framing/loaded-said"]
    assert "fixed" in run.err
    relinted = {f.rule for f in lint_text(fixed, "story.md")}
    assert "editing/repeated-word" not in relinted


def test_unsafe_fixes_opt_in(tmp_path):
    path = put(tmp_path, "story.md", SLIPS.encode())
    run = factlint("--fix", "--unsafe-fixes", "story.md", cwd=tmp_path)
    fixed = path.read_text(encoding="utf-8")
    assert "criticized the proposal" in fixed and "the the" not in fixed
    assert locations(run.out) == []
    assert run.code == 0


def test_fixing_twice_changes_nothing_the_second_time(tmp_path):
    path = put(tmp_path, "story.md", SLIPS.encode())
    factlint("--fix", "--unsafe-fixes", "story.md", cwd=tmp_path)
    once = path.read_bytes()
    run = factlint("--fix", "--unsafe-fixes", "story.md", cwd=tmp_path)
    assert path.read_bytes() == once
    assert "fixed" not in run.err


def test_overlapping_fixes_are_applied_over_several_passes(tmp_path):
    path = put(tmp_path, "story.md", b"# Fares\n\nThe board the the the members voted.\n")
    factlint("--fix", "story.md", cwd=tmp_path)
    assert path.read_text(encoding="utf-8") == "# Fares\n\nThe board the members voted.\n"


def test_apply_fixes_skips_overlaps():
    text = "abcdef"
    fixes = [Fix(0, 3, "X", True), Fix(2, 4, "Y", True), Fix(4, 6, "Z", True)]
    assert apply_fixes(text, fixes) == ("XdZ", 2)
    assert apply_fixes(text, [Fix(1, 1, "+", True), Fix(1, 1, "-", True)]) == ("a+bcdef", 1)
    assert apply_fixes(text, [Fix(0, 1, "a", True)]) == (text, 0)


def test_never_written_without_fix(tmp_path):
    path = put(tmp_path, "story.md", SLIPS.encode())
    before = (path.read_bytes(), os.stat(path).st_mtime_ns)
    factlint("story.md", cwd=tmp_path)
    run = factlint("--diff", "--unsafe-fixes", "story.md", cwd=tmp_path)
    assert (path.read_bytes(), os.stat(path).st_mtime_ns) == before
    assert run.code == 1
    assert run.out.startswith("--- a/story.md\n+++ b/story.md\n")
    assert "-Councillor Mia Grant slammed the proposal.\n+Councillor Mia Grant criticized the proposal.\n" in run.out
    # no temporary files left either (the cache folder of the first run is expected)
    assert sorted(os.listdir(tmp_path)) == [".factlint_cache", "story.md"]


def test_diff_with_nothing_to_fix_exits_0(tmp_path):
    put(tmp_path, "story.md", b"# Fares\n\nThe board met on Monday.\n")
    run = factlint("--diff", "story.md", cwd=tmp_path)
    assert run.out == "" and run.code == 0


def test_diff_goes_to_the_output_file_when_one_is_given(tmp_path):
    path = put(tmp_path, "story.md", SLIPS.encode())
    run = factlint("--diff", "--output-file", "fixes.diff", "story.md", cwd=tmp_path)
    assert run.code == 1 and run.out == ""
    diff = (tmp_path / "fixes.diff").read_text(encoding="utf-8")
    assert diff.startswith("--- a/story.md\n+++ b/story.md\n")
    assert "-The board met on Monday and the the members voted." in diff
    assert path.read_bytes() == SLIPS.encode()


@pytest.mark.parametrize(
    "encoding, bom, newline",
    [
        ("utf-8", False, "\r\n"),
        ("utf-8", True, "\n"),
        ("utf-16-le", True, "\r\n"),
        ("utf-16-be", True, "\n"),
    ],
)
def test_encoding_bom_and_newlines_are_kept(tmp_path, encoding, bom, newline):
    marks = {"utf-8": codecs.BOM_UTF8, "utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE}
    original = SLIPS.replace("\n", newline) + "Café prices — “steady”.\n".replace("\n", newline)
    data = (marks[encoding] if bom else b"") + original.encode(encoding)
    path = put(tmp_path, "story.md", data)
    factlint("--fix", "story.md", cwd=tmp_path)
    written = path.read_bytes()
    assert written.startswith(marks[encoding]) == bom
    text = written[len(marks[encoding]) if bom else 0 :].decode(encoding)
    assert text == original.replace("the the", "the")
    assert text.count(newline) == original.count(newline)
    if newline == "\n":
        assert "\r" not in text


def test_permissions_are_kept(tmp_path):
    path = put(tmp_path, "story.md", SLIPS.encode())
    os.chmod(path, 0o640)
    factlint("--fix", "story.md", cwd=tmp_path)
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o640
    assert "the the" not in path.read_text(encoding="utf-8")


def test_symlink_is_written_through(tmp_path):
    target = put(tmp_path, "real.md", SLIPS.encode())
    link = tmp_path / "link.md"
    link.symlink_to(target)
    factlint("--fix", "link.md", cwd=tmp_path)
    assert link.is_symlink()
    assert "the the" not in target.read_text(encoding="utf-8")


def test_refuses_to_replace_a_file_that_changed_since_it_was_read(tmp_path):
    path = put(tmp_path, "story.md", SLIPS.encode())
    read = path.read_bytes()
    path.write_bytes(read + b"\nA late paragraph from another editor.\n")  # someone saves meanwhile
    with pytest.raises(FixError, match="changed since it was read"):
        atomic_write(str(path), SAFE_FIXED.encode(), expected_digest=digest(read))
    assert path.read_bytes().endswith(b"another editor.\n")
    assert sorted(os.listdir(tmp_path)) == ["story.md"]


def test_a_file_that_does_not_round_trip_is_not_fixed(tmp_path):
    path = put(tmp_path, "story.md", SLIPS.encode() + b"Caf\xe9\n")
    run = factlint("--fix", "--encoding-errors", "replace", "story.md", cwd=tmp_path)
    assert path.read_bytes() == SLIPS.encode() + b"Caf\xe9\n"
    assert run.code == 2 and "not fixed" in run.err


def test_stdin_fix_prints_the_fixed_text(tmp_path):
    run = factlint("--fix", "-", "--stdin-filename", "story.md", cwd=tmp_path, stdin=SLIPS)
    assert run.out == SAFE_FIXED
    assert "framing/loaded-said" in run.err  # the report goes to stderr
    assert os.listdir(tmp_path) == []


def test_stdin_fix_with_an_output_file_writes_the_report_there(tmp_path):
    run = factlint(
        "--fix", "-", "--stdin-filename", "story.md", "--output-file", "report.txt", cwd=tmp_path, stdin=SLIPS
    )
    assert run.out == SAFE_FIXED
    assert "framing/loaded-said" in (tmp_path / "report.txt").read_text(encoding="utf-8")
    assert "framing/loaded-said" not in run.err


def test_stdin_fix_with_nothing_to_fix_echoes_the_text(tmp_path):
    text = "# Fares\n\nThe board met on Monday.\n"
    run = factlint("--fix", "-", "--stdin-filename", "story.md", cwd=tmp_path, stdin=text)
    assert run.out == text and run.code == 0


def test_unsafe_fixes_alone_is_a_usage_error(tmp_path):
    put(tmp_path, "story.md", SLIPS.encode())
    run = factlint("--unsafe-fixes", "story.md", cwd=tmp_path)
    assert run.code == 2 and "--unsafe-fixes works with --fix or --diff" in run.err


def test_suppressed_findings_are_not_fixed(tmp_path):
    text = "# Fares\n\n<!-- factlint-disable-next-line editing -->\nThe the board voted.\n"
    path = put(tmp_path, "story.md", text.encode())
    factlint("--fix", "story.md", cwd=tmp_path)
    assert path.read_text(encoding="utf-8") == text
