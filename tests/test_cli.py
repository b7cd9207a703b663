"""The command line as a user meets it: given these files and options, this output and exit status."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from factlint.cli import main

ROOT = Path(__file__).resolve().parents[1]
VAGUE = "The minister reportedly resigned on Friday.\n"
CLEAN = "The minister resigned on Friday, the ministry said.\n"


def run(*args, input=None):
    result = CliRunner().invoke(main, list(args), input=input)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def drafts(tmp_path):
    (tmp_path / "vague.md").write_text(VAGUE, encoding="utf-8")
    (tmp_path / "clean.md").write_text(CLEAN, encoding="utf-8")
    return tmp_path


def test_text_output_is_ruff_like_and_sorted_with_a_summary(drafts):
    code, out, err = run(str(drafts / "vague.md"), str(drafts / "clean.md"))
    assert code == 0 and err == ""  # a warning is shown and counted; only errors fail by default
    assert out.splitlines() == [
        f"{drafts / 'vague.md'}:1:14: warning sourcing/vague-reports "
        "Vague sourcing: 'reportedly'. Name the outlet or the source.",
        "Found 1 finding (1 warning) in 2 files.",
    ]


def test_check_is_the_default_command(drafts):
    assert run("check", str(drafts / "vague.md"))[:2] == run(str(drafts / "vague.md"))[:2]


def test_a_folder_is_walked_recursively_skipping_hidden_and_vcs_folders(tmp_path):
    for rel in ("a/story.md", "a/b/notes.txt", ".git/x.md", ".hidden/y.md", "a/image.png", "a/.draft.md"):
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(VAGUE, encoding="utf-8")
    code, out, _ = run("--format", "json", str(tmp_path))
    paths = [Path(f["path"]).relative_to(tmp_path).as_posix() for f in json.loads(out)["findings"]]
    assert (code, paths) == (0, ["a/b/notes.txt", "a/story.md"])


def test_stdin_with_a_filename_for_format_and_reporting():
    code, out, _ = run("-", "--stdin-filename", "draft.md", input="# Title\n\n" + VAGUE)
    assert code == 0 and out.startswith("draft.md:3:14: warning sourcing/vague-reports")
    code, out, _ = run("-", input=VAGUE)
    assert out.startswith("-:1:14: warning")


def test_a_mistyped_command_is_not_taken_for_a_missing_draft(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    code, out, err = run("rule")
    assert code == 2 and out == ""
    assert err == "factlint: error: rule: no such file or directory, nor a command; did you mean 'factlint rules'?\n"
    # a draft that happens to have such a name is linted as ever
    (tmp_path / "rule").write_text(VAGUE, encoding="utf-8")
    code, out, err = run("rule")
    assert code == 0 and "sourcing/vague-reports" in out


def test_select_ignore_by_family_id_and_glob(drafts):
    path = drafts / "mixed.md"
    path.write_text("The senator slammed the the plan, reportedly.\n", encoding="utf-8")

    def rules(*opts):
        return [f["rule"] for f in json.loads(run("--format", "json", *opts, str(path))[1])["findings"]]

    assert rules() == ["framing/loaded-said", "editing/repeated-word", "sourcing/vague-reports"]
    assert rules("--select", "sourcing") == ["sourcing/vague-reports"]
    assert rules("--select", "framing/*,editing/repeated-word") == ["framing/loaded-said", "editing/repeated-word"]
    assert rules("--ignore", "framing", "--ignore", "editing/*") == ["sourcing/vague-reports"]


def test_an_unknown_select_pattern_is_a_usage_error(drafts):
    code, out, err = run("--select", "sorcing", str(drafts / "vague.md"))
    assert code == 2 and "'sorcing' matches no rule" in err


def test_an_unknown_pattern_error_names_the_option_it_came_from(drafts):
    for option in ("--select", "--extend-select", "--ignore"):
        code, out, err = run(option, "sorcing", str(drafts / "vague.md"))
        assert code == 2
        assert err.strip() == f"factlint: error: {option}: 'sorcing' matches no rule (see 'factlint rules')"


def test_by_default_only_errors_fail_warnings_are_shown_and_counted(drafts):
    path = drafts / "slip.md"
    path.write_text("The the council met. " + VAGUE, encoding="utf-8")
    code, out, _ = run(str(drafts / "vague.md"))
    assert code == 0 and out.splitlines()[-1] == "Found 1 finding (1 warning) in 1 file."
    assert run("--fail-on", "warning", str(drafts / "vague.md"))[0] == 1  # a strict desk
    code, out, _ = run(str(path))
    assert code == 1 and out.splitlines()[-1] == "Found 2 findings (1 error, 1 warning) in 1 file."


def test_severity_filters_what_is_shown_and_fail_on_decides_the_exit(drafts):
    path = drafts / "slip.md"
    path.write_text("The the council met. " + VAGUE, encoding="utf-8")
    code, out, _ = run("--severity", "error", str(path))
    assert code == 1 and "editing/repeated-word" in out and "sourcing" not in out
    assert run("--fail-on", "error", str(drafts / "vague.md"))[0] == 0
    assert run("--fail-on", "info", str(drafts / "vague.md"))[0] == 1
    assert run("--fail-on", "never", str(path))[0] == 0  # the error is shown, nothing fails
    assert run(str(drafts / "clean.md"))[0] == 0


def test_an_unreadable_file_is_named_on_stderr_the_others_are_linted_and_the_exit_is_2(drafts):
    (drafts / "binary.md").write_bytes(b"\x89PNG\x00\x00\x01")
    (drafts / "latin1.txt").write_bytes("Caf\xe9 reportedly closed.\n".encode("latin-1"))
    code, out, err = run(
        str(drafts / "missing.md"), str(drafts / "binary.md"), str(drafts / "latin1.txt"), str(drafts / "vague.md")
    )
    assert code == 2
    assert err.splitlines() == [
        f"factlint: error: {drafts / 'missing.md'}: no such file or directory",
        f"factlint: error: {drafts / 'binary.md'}: binary file (it contains NUL bytes); skipped",
        f"factlint: error: {drafts / 'latin1.txt'}: not valid UTF-8 at byte 3 "
        "(use --encoding-errors replace to lint it anyway)",
    ]
    assert "vague.md:1:14" in out


def test_encoding_errors_replace_lints_an_undecodable_file(drafts):
    (drafts / "latin1.txt").write_bytes("Caf\xe9 reportedly closed.\n".encode("latin-1"))
    code, out, err = run("--encoding-errors", "replace", str(drafts / "latin1.txt"))
    assert code == 0 and "latin1.txt:1:6: warning sourcing/vague-reports" in out and err == ""


def test_a_folder_without_drafts_and_no_paths_at_all_are_errors(tmp_path):
    (tmp_path / "empty").mkdir()
    code, _, err = run(str(tmp_path / "empty"))
    assert code == 2 and "no files with extensions .md, .markdown, .txt in this folder" in err
    code, _, err = run()
    assert code == 2 and "no PATH given" in err


def test_user_rule_pack_and_no_builtin(tmp_path):
    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "house.yaml").write_text(
        "rules:\n  - id: house/very\n    kind: phrase\n    category: house\n    severity: error\n"
        '    words: [very]\n    message: "Cut \'{match}\'."\n    why: "Filler."\n'
        '    link: "https://example.org"\n    examples: {flag: ["very late"], pass: ["late"]}\n',
        encoding="utf-8",
    )
    (tmp_path / "d.md").write_text("It was very late and the minister reportedly left.\n", encoding="utf-8")
    code, out, _ = run("--rules", str(pack), "--no-builtin", str(tmp_path / "d.md"))
    assert code == 1 and [line.split()[2] for line in out.splitlines()[:-1]] == ["house/very"]
    code, out, _ = run("--rules", str(pack), str(tmp_path / "d.md"))
    assert [line.split()[2] for line in out.splitlines()[:-1]] == ["house/very", "sourcing/vague-reports"]


def test_show_source_prints_the_line_and_a_caret(drafts):
    _, out, _ = run("--show-source", str(drafts / "vague.md"))
    assert out.splitlines()[1:3] == ["    " + VAGUE.rstrip(), "    " + " " * 13 + "^" * 10]


def test_colour_only_when_asked_or_on_a_terminal(drafts):
    assert "\x1b[" not in run(str(drafts / "vague.md"))[1]
    assert "\x1b[" in run("--color", "always", str(drafts / "vague.md"))[1]


def test_rules_lists_every_rule_and_explain_documents_one():
    code, out, _ = run("rules")
    assert code == 0 and any(line.startswith("sourcing/vague-reports") for line in out.splitlines())
    code, out, _ = run("explain", "sourcing/vague-reports")
    assert code == 0
    assert "Why it matters" in out and "✗ The minister [reportedly] resigned on Friday." in out
    code, _, err = run("explain", "sourcing/vague")
    assert code == 2 and "did you mean sourcing/vague-reports" in err


def test_rules_select_lists_the_matching_rules_and_rejects_a_pattern_that_matches_none():
    code, out, _ = run("rules", "--select", "editing/repeated-*")
    assert code == 0 and [line.split()[0] for line in out.splitlines()] == [
        "editing/repeated-paragraph",
        "editing/repeated-word",
    ]
    code, out, err = run("rules", "--select", "sorcing")
    assert (code, out) == (2, "")
    assert err == "factlint: error: --select: 'sorcing' matches no rule (see 'factlint rules')\n"


def test_test_rules_no_builtin_without_a_pack_is_a_usage_error():
    # it used to test the built-in packs, the very ones --no-builtin leaves out
    code, out, err = run("test-rules", "--no-builtin")
    assert (code, out) == (2, "")
    assert err == "factlint: error: test-rules --no-builtin tests only the packs given as PATHs, and none was given\n"


def test_an_empty_extensions_list_is_a_usage_error(drafts):
    code, out, err = run("--extensions", " , ", str(drafts))
    assert (code, out) == (2, "")
    assert err == "factlint: error: --extensions: no extension given (for example --extensions .md,.txt)\n"


def test_explain_documents_a_rule_that_is_off_by_default():
    code, out, err = run("explain", "editing/double-space")
    assert code == 0 and err == ""
    assert "severity:  info (off by default; --select it by id)" in out


def test_rules_table_shows_the_first_sentence_of_why_whole():
    from factlint.ruledocs import first_sentence

    assert (
        first_sentence("Hooks promise more (Chakraborty et al. 2016). Second.")
        == "Hooks promise more (Chakraborty et al. 2016)."
    )
    assert first_sentence("Why? Because, e.g. the reader. Then more.") == "Why?"
    assert first_sentence('"Insisted" casts doubt. "Said" does not.') == '"Insisted" casts doubt.'
    line = next(line for line in run("rules")[1].splitlines() if line.startswith("framing/clickbait-headline"))
    assert line.endswith("(Chakraborty et al. 2016; Potthast et al. 2016).")


def test_test_rules_passes_on_the_builtin_packs_and_reports_a_failing_example(tmp_path):
    code, out, _ = run("test-rules")
    assert code == 0 and out.splitlines()[-1].startswith("All ") and "examples of" in out
    (tmp_path / "bad.yaml").write_text(
        "rules:\n  - id: house/very\n    kind: phrase\n    category: house\n    severity: error\n"
        '    words: [very]\n    message: "x"\n    why: "x"\n    link: "https://example.org"\n'
        '    examples:\n      flag: ["It was late."]\n      pass: ["It was very late."]\n',
        encoding="utf-8",
    )
    code, out, _ = run("test-rules", "--no-builtin", str(tmp_path / "bad.yaml"))
    assert code == 1
    assert out.splitlines() == [
        f"{tmp_path / 'bad.yaml'}:11: house/very: flag example 1 produced no finding: 'It was late.'",
        f"{tmp_path / 'bad.yaml'}:12: house/very: pass example 1 was flagged at 1:8 'very': 'It was very late.'",
        "2 of 2 examples failed (1 rule).",
    ]


PINNED_PACK = (
    "rules:\n  - id: house/very\n    kind: phrase\n    category: house\n    severity: error\n"
    '    words: [very, extremely]\n    message: "x"\n    why: "x"\n    link: "https://example.org"\n'
    "    examples:\n"
    "      flag:\n"
    '        - text: "It was very, very late."\n'
    "          match: [very, very]\n"
    '        - text: "It was extremely late."\n'
    "          match: {pin}\n"
    '      pass: ["It was late."]\n'
    '      todo: ["{todo}"]\n'
    '      todo-pass: ["{todo_pass}"]\n'
)


def _pinned_pack(tmp_path, pin="extremely", todo="It was awfully late.", todo_pass="Very well."):
    path = tmp_path / "pinned.yaml"
    path.write_text(PINNED_PACK.format(pin=pin, todo=todo, todo_pass=todo_pass), encoding="utf-8")
    return path


def test_test_rules_passes_correct_pins_and_reports_open_todos(tmp_path):
    path = _pinned_pack(tmp_path)
    code, out, _ = run("test-rules", "--no-builtin", str(path))
    assert code == 0
    assert out.splitlines() == [
        f"todo: {path}:17: house/very: todo example 1 is a known miss (produced no finding): 'It was awfully late.'",
        f"todo: {path}:18: house/very: todo-pass example 1 is still flagged at 1:1 'Very' (known false alarm): "
        "'Very well.'",
        "All 5 examples of 1 rule passed (2 todo).",
    ]


def test_test_rules_fails_on_a_wrong_pin_naming_the_expected_and_found_spans(tmp_path):
    path = _pinned_pack(tmp_path, pin='"extremely late"')
    code, out, _ = run("test-rules", "--no-builtin", str(path))
    assert code == 1
    assert out.splitlines()[0] == (
        f"{path}:14: house/very: flag example 2 expected 'extremely late', found 1:8 'extremely': 'It was extremely late.'"
    )
    assert out.splitlines()[-1] == "1 of 5 examples failed (1 rule; 2 todo)."


def test_test_rules_fails_once_a_todo_is_fixed_so_it_is_promoted(tmp_path):
    path = _pinned_pack(tmp_path, todo="It was very late.", todo_pass="It was late.")
    code, out, _ = run("test-rules", "--no-builtin", str(path))
    assert code == 1
    assert out.splitlines() == [
        f"{path}:17: house/very: todo example 1 is now flagged at 1:8 'very'; move it to flag: 'It was very late.'",
        f"{path}:18: house/very: todo-pass example 1 is no longer flagged; move it to pass: 'It was late.'",
        "2 of 5 examples failed (1 rule).",
    ]


def test_a_pinned_example_is_strictly_decoded(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text(
        PINNED_PACK.format(pin="extremely", todo="x", todo_pass="y").replace(
            "          match: [very, very]\n", "          matches: [very, very]\n"
        ),
        encoding="utf-8",
    )
    code, _, err = run("test-rules", "--no-builtin", str(path))
    assert code == 2
    assert err.splitlines() == [
        f"factlint: error: {path}:13: examples.flag[0].matches: rule 'house/very': unknown key (did you mean 'match'?)",
        f"factlint: error: {path}:12: examples.flag[0].match: rule 'house/very': is required",
    ]


def test_help_teaches_and_version_prints():
    code, out, _ = run("--help")
    assert code == 0 and "factlint draft.md" in out and "Exit status:" in out
    code, out, _ = run("check", "--help")
    assert code == 0 and "--select" in out and "--fail-on" in out
    assert run("--version")[1].startswith("factlint, version ")


def test_rule_ids_in_help_examples_are_real_rules():
    import re

    from factlint import load_rules

    ids = {rule.id for rule in load_rules().rules}
    for command in ([], ["check"], ["rules"], ["explain"], ["config"]):
        out = re.sub(r"-\n\s*", "-", run(*command, "--help")[1])  # click wraps lines at hyphens
        for example in re.findall(r"\b(?:sourcing|attribution|framing|editing|readability)/[a-z][a-z-]*[a-z]\b", out):
            assert example in ids, f"factlint {' '.join(command)} --help names {example}, which is not a rule"


def test_python_dash_m_and_a_closed_pipe_print_no_traceback(drafts):
    proc = subprocess.run(
        [sys.executable, "-m", "factlint", str(drafts / "vague.md")], capture_output=True, text=True, cwd=ROOT
    )
    assert proc.returncode == 0 and "sourcing/vague-reports" in proc.stdout
    big = drafts / "big.md"
    big.write_text(VAGUE * 5000, encoding="utf-8")
    shell = f"{sys.executable} -m factlint {big} | head -1"
    proc = subprocess.run(
        ["bash", "-c", shell], capture_output=True, text=True, cwd=ROOT, env={**os.environ, "PYTHONUNBUFFERED": "1"}
    )
    assert proc.stdout.count("\n") == 1 and "Traceback" not in proc.stderr


def test_a_run_with_no_rule_enabled_says_so_on_stderr(drafts):
    code, out, err = run("--no-builtin", str(drafts / "vague.md"))
    assert code == 0 and out == "No findings in 1 file.\n"
    assert err.startswith("factlint: warning: no rule is enabled for these files, so nothing was checked")
    code, out, err = run("--select", "sourcing", str(drafts / "vague.md"))
    assert code == 0 and out.startswith(str(drafts / "vague.md")) and err == ""  # rules ran: no warning


def test_a_path_named_twice_is_linted_once(drafts):
    code, out, _ = run(str(drafts / "vague.md"), str(drafts / "vague.md"), str(drafts))
    assert code == 0 and out.splitlines()[-1] == "Found 1 finding (1 warning) in 2 files."
    code, out, _ = run("-", "-", input=VAGUE)
    assert out.splitlines()[-1] == "Found 1 finding (1 warning) in 1 file."
