"""Rule packs are data from people we may not trust (a pull request can add one): a broken
or hostile pack is reported, never obeyed. YAML constructs no objects and runs no code;
a catastrophic regular expression is stopped by its time limit, reported by rule id and
skipped, and the run goes on; message templates cannot reach into objects or build huge
strings; an enormous pack is just a big pack.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from conftest import factlint, locations

from factlint.kinds import base

COMMON = """\
    category: house
    severity: warning
    why: "A test rule."
    link: "https://example.org/house-style"
    examples: {flag: ["It reportedly rained."], pass: ["It rained."]}"""


def pack(folder: Path, rules: str, lexicons: str = "", name: str = "pack.yaml") -> Path:
    """Write a rule file; each rule's `__COMMON__` line becomes the keys every rule needs."""
    common = textwrap.dedent(COMMON).strip("\n").replace("\n", "\n  ")
    body = textwrap.dedent(rules).strip("\n").replace("__COMMON__", common)
    text = (
        (textwrap.dedent(lexicons).strip("\n") + "\n" if lexicons else "")
        + "rules:\n"
        + textwrap.indent(body, "  ")
        + "\n"
    )
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


FAST = """
- id: house/vague
  kind: phrase
  words: [reportedly]
  message: "Vague: {match}."
  __COMMON__
"""


@pytest.fixture
def quick_limits(monkeypatch):
    """A base time limit short enough for a test suite (the default is seconds); the
    allowance per MB stays the default, so a legitimate pattern on a long draft is safe."""
    monkeypatch.setattr(base, "REGEX_TIMEOUT", 0.2)


def check(tmp_path, rules: str, draft: str, *args, name: str = "draft.md"):
    pack(tmp_path, rules)
    (tmp_path / name).write_text(draft, encoding="utf-8")
    return factlint("--no-builtin", "--rules", "pack.yaml", name, *args, cwd=tmp_path)


def skipped_rules(err: str) -> list[str]:
    """Rule ids named in 'rule X: pattern ... took longer than ...; rule skipped' lines."""
    return [
        line.split(": rule ")[1].split(":")[0]
        for line in err.splitlines()
        if "took longer than" in line and "rule skipped for this file" in line
    ]


# -- catastrophic patterns -----------------------------------------------------------
SLOW_RUN = "a" * 40_000 + "!"


def test_a_catastrophic_pattern_through_the_real_command_with_the_default_limit(tmp_path):
    pack(
        tmp_path,
        FAST
        + """
- id: house/slow
  kind: phrase
  patterns: ['(a+)+$']
  message: "Slow: {match}."
  __COMMON__
""",
    )
    (tmp_path / "draft.md").write_text(f"The mayor reportedly left.\n\n{SLOW_RUN}\n", encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "factlint", "--no-builtin", "--rules", "pack.yaml", "draft.md"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert proc.returncode == 0  # warnings only: they do not fail (not 2: the skipped rule is reported on stderr)
    assert "Traceback" not in proc.stderr
    [line] = proc.stderr.splitlines()
    assert line.startswith("factlint: error: draft.md: rule house/slow: pattern '(a+)+$' took longer than ")
    assert line.endswith(" s; rule skipped for this file")
    assert [r for _, _, r in locations(proc.stdout)] == ["house/vague"]


@pytest.mark.parametrize(
    "rule",
    [
        pytest.param(
            """
- id: house/slow
  kind: phrase
  words: [reportedly]
  exceptions: ['(a|aa)+$']
  message: "Slow: {match}."
  __COMMON__
""",
            id="phrase-exceptions",
        ),
        pytest.param(
            """
- id: house/slow
  kind: substitute
  swap: {reportedly: according to}
  exceptions: ['(a|aa)+$']
  message: "Slow: {match}."
  __COMMON__
""",
            id="substitute-exceptions",
        ),
        pytest.param(
            """
- id: house/slow
  kind: sentence
  when: {patterns: ['(a|aa)+$']}
  message: "Slow."
  __COMMON__
""",
            id="sentence-when",
        ),
        pytest.param(
            """
- id: house/slow
  kind: sentence
  when: {words: [reportedly]}
  unless: {patterns: ['(a|aa)+$']}
  message: "Slow."
  __COMMON__
""",
            id="sentence-unless",
        ),
        pytest.param(
            """
- id: house/slow
  kind: sentence
  when: {words: [reportedly]}
  exceptions: ['(a|aa)+$']
  message: "Slow."
  __COMMON__
""",
            id="sentence-exceptions",
        ),
    ],
)
def test_a_catastrophic_pattern_anywhere_in_a_rule_is_skipped_and_the_run_goes_on(tmp_path, quick_limits, rule):
    draft = f"The council reportedly met {'a' * 200}!\n\nThe mayor reportedly left.\n"
    run = check(tmp_path, FAST + rule, draft)
    assert skipped_rules(run.err) == ["house/slow"]
    assert run.err.startswith("factlint: error: draft.md: rule house/slow: pattern '(a|aa)+$' took longer than ")
    assert [(line, r) for _, line, r in locations(run.out)] == [(1, "house/vague"), (3, "house/vague")]
    assert run.code == 0  # warnings only, and a skipped rule is no input error


@pytest.mark.slow  # minutes-class: left out of the quick loop (pytest -m "not slow")
def test_a_catastrophic_pattern_on_a_large_draft_and_in_several_files(tmp_path, quick_limits):
    rules = (
        FAST
        + """
- id: house/slow
  kind: phrase
  patterns: ['(a+)+$']
  message: "Slow: {match}."
  __COMMON__
- id: house/ferry
  kind: phrase
  patterns: ['\\bferr(?:y|ies)\\b']
  message: "Ferry: {match}."
  __COMMON__
"""
    )
    pack(tmp_path, rules)
    paragraph = "The ferry left the harbour at dawn and the crew counted the passengers twice.\n\n"
    big = "The mayor reportedly left.\n\n" + paragraph * 25_000 + SLOW_RUN + "\n\nThe ferry reportedly sank.\n"
    (tmp_path / "big.md").write_text(big, encoding="utf-8")
    (tmp_path / "small.md").write_text("The ferry reportedly sank.\n\n" + SLOW_RUN + "\n", encoding="utf-8")
    run = factlint("--no-builtin", "--rules", "pack.yaml", "--format", "json", "big.md", "small.md", cwd=tmp_path)
    assert [line.split(": rule ")[0] for line in run.err.splitlines()] == [
        "factlint: error: big.md",
        "factlint: error: small.md",
    ]
    assert skipped_rules(run.err) == ["house/slow", "house/slow"]
    import json

    findings = json.loads(run.out)["findings"]
    last = big.count("\n")
    assert {(f["path"], f["rule"]) for f in findings} == {
        ("big.md", "house/vague"),
        ("big.md", "house/ferry"),
        ("small.md", "house/vague"),
        ("small.md", "house/ferry"),
    }
    assert sum(f["rule"] == "house/ferry" for f in findings) == 25_000 + 2
    assert ("big.md", last, "house/vague") in {(f["path"], f["line"], f["rule"]) for f in findings}


# -- YAML is data ----------------------------------------------------------------------
@pytest.mark.parametrize(
    "tagged",
    [
        "!!python/object/apply:os.system ['touch {marker}']",
        "!!python/object/new:subprocess.Popen [['touch', '{marker}']]",
        "!!python/name:os.system",
        "!!python/module:os",
        "!!python/object:argparse.Namespace {{x: 1}}",
        "!include /etc/passwd",
    ],
)
def test_yaml_tags_never_construct_objects_or_run_code(tmp_path, tagged):
    marker = tmp_path / "pwned"
    value = tagged.format(marker=marker)
    for text in (
        f"rules: {value}\n",
        f"lexicons:\n  vague: {value}\n",
        "rules:\n- id: house/x\n  kind: phrase\n  words: " + value + "\n",
    ):
        (tmp_path / "pack.yaml").write_text(text, encoding="utf-8")
        (tmp_path / "draft.md").write_text("It rained.\n", encoding="utf-8")
        run = factlint("--no-builtin", "--rules", "pack.yaml", "draft.md", cwd=tmp_path)
        assert run.code == 2 and run.out == ""
        assert (
            run.err.startswith("factlint: error: pack.yaml:")
            and "invalid YAML: could not determine a constructor" in run.err
        )
        assert not marker.exists()


def billion_laughs(indent: str = "  ") -> str:
    """Nine levels of nine aliases: 387 million strings if anything expanded them."""
    levels = ["a: &a [x, x, x, x, x, x, x, x, x]"]
    for n, name in enumerate("bcdefghi"):
        levels.append(f"{name}: &{name} [" + ", ".join(["*" + "abcdefghi"[n]] * 9) + "]")
    return "\n".join(indent + line for line in levels) + "\n"


@pytest.mark.parametrize(
    "name, text",
    [
        ("pack.yaml", "lexicons:\n" + billion_laughs() + "rules:\n- id: house/x\n  kind: phrase\n  words: *i\n"),
        (".factlint.yaml", "lexicons:\n" + billion_laughs() + "accept: *i\nignore: *i\n"),
    ],
)
def test_yaml_aliases_cannot_blow_up(tmp_path, name, text):
    (tmp_path / name).write_text(text, encoding="utf-8")
    (tmp_path / "draft.md").write_text("It rained.\n", encoding="utf-8")
    args = ("--no-builtin", "--rules", name) if name == "pack.yaml" else ()
    run = factlint(*args, "draft.md", cwd=tmp_path)
    assert run.code == 2 and run.out == ""
    errors = run.err.splitlines()
    assert all(line.startswith(f"factlint: error: {name}:") for line in errors)
    assert len(errors) < 100  # each bad value is reported once, never expanded


def test_broken_packs_are_reported_with_file_line_and_key(tmp_path):
    pack(
        tmp_path,
        FAST
        + """
- id: house/mystery
  kind: telepathy
  message: "x"
  __COMMON__
- id: house/bad-regex
  kind: phrase
  patterns: ['(unclosed']
  message: "x"
  __COMMON__
""",
    )
    (tmp_path / "broken.yaml").write_text("rules:\n  - id: [unclosed\n    kind: phrase\n", encoding="utf-8")
    (tmp_path / "draft.md").write_text("It reportedly rained.\n", encoding="utf-8")
    run = factlint("--no-builtin", "--rules", ".", "draft.md", cwd=tmp_path)
    assert run.code == 2 and run.out == ""
    errors = run.err.splitlines()
    assert len(errors) == 3
    assert errors[0].startswith("factlint: error: broken.yaml:3: invalid YAML: ")
    assert errors[1].startswith("factlint: error: pack.yaml:13: kind: rule 'house/mystery': unknown kind 'telepathy'")
    assert errors[2].startswith("factlint: error: pack.yaml:22: patterns[0]: ")


def test_a_lexicon_that_includes_a_lexicon_is_an_error_not_a_loop(tmp_path):
    pack(
        tmp_path,
        """
- id: house/loop
  kind: phrase
  words: ['@loop']
  message: "x"
  __COMMON__
""",
        lexicons="""
lexicons:
  loop: ['@loop', '@other', harbour]
  other: ['@loop']
""",
    )
    (tmp_path / "draft.md").write_text("The harbour.\n", encoding="utf-8")
    run = factlint("--no-builtin", "--rules", "pack.yaml", "draft.md", cwd=tmp_path)
    assert run.code == 2 and run.out == ""
    assert [line.split(": a lexicon")[0] for line in run.err.splitlines()] == [
        "factlint: error: pack.yaml:2: lexicons.loop[0]",
        "factlint: error: pack.yaml:2: lexicons.loop[1]",
        "factlint: error: pack.yaml:3: lexicons.other[0]",
    ]


def test_an_enormous_pack_is_just_a_big_pack(tmp_path):
    import random

    rng = random.Random(7)
    letters = "bcdfghjklmnpqrstvwz"
    words = sorted({"".join(rng.choice(letters) for _ in range(rng.randint(6, 11))) for _ in range(12_000)})[:10_000]
    lexicon = "lexicons:\n  nonsense:\n" + "".join(f"    - {w}\n" for w in words)
    pack(
        tmp_path,
        """
- id: house/nonsense
  kind: phrase
  words: ['@nonsense']
  message: "Nonsense: {match}."
  __COMMON__
- id: house/nonsense-patterns
  kind: phrase
  patterns: [PATTERNS]
  message: "Nonsense pattern: {match}."
  __COMMON__
""".replace("PATTERNS", ", ".join(f"'\\b{w}s\\b'" for w in words[:2_000])),
        lexicons=lexicon,
    )
    draft = f"# Notes\n\nThe first word was {words[0]}.\n\nThe last was {words[-1]}, and then {words[1]}s.\n"
    (tmp_path / "draft.md").write_text(draft, encoding="utf-8")
    run = factlint("--no-builtin", "--rules", "pack.yaml", "draft.md", cwd=tmp_path)
    assert run.err == ""
    assert [(line, rule) for _, line, rule in locations(run.out)] == [
        (3, "house/nonsense"),
        (5, "house/nonsense"),
        (5, "house/nonsense-patterns"),
    ]


# -- message templates -----------------------------------------------------------------
@pytest.mark.parametrize(
    "message, problem",
    [
        ("Found {match.__class__}.", "unknown placeholder {match.__class__}"),
        ("Found {match.__init__.__globals__}.", "unknown placeholder {match.__init__.__globals__}"),
        ("Found {0}.", "unknown placeholder {0}"),
        ("Found {}.", "unknown placeholder {}"),
        ("Found {match[0]}.", "unknown placeholder {match[0]}"),
        ("Found {match:>999999999}.", "placeholder {match:>999999999} takes no conversion or format; write {match}"),
        ("Found {match:{suggestion}}.", "placeholder {match:{suggestion}} takes no conversion or format"),
        ("Found {match!r}.", "placeholder {match!r} takes no conversion or format; write {match}"),
        ("Found { match.", "not a valid message template: "),
        ("Found } match.", "not a valid message template: "),
    ],
)
def test_message_templates_take_plain_placeholders_only(tmp_path, message, problem):
    (tmp_path / "draft.md").write_text("It reportedly rained.\n", encoding="utf-8")
    escaped = message.replace("'", "''")
    run = check(
        tmp_path,
        f"""
- id: house/tricky
  kind: phrase
  words: [reportedly]
  message: '{escaped}'
  __COMMON__
""",
        "It reportedly rained.\n",
    )
    assert run.code == 2 and run.out == ""
    [line] = run.err.splitlines()
    assert line.startswith("factlint: error: pack.yaml:5: message: rule 'house/tricky': ")
    assert problem in line


def test_a_match_that_looks_like_a_template_is_shown_as_written(tmp_path):
    run = check(
        tmp_path,
        """
- id: house/braces
  kind: phrase
  patterns: ['\\{[^{}]*\\}']
  message: "Stray {{braces}}: {match}."
  __COMMON__
""",
        "Type {0} or {match.__class__} or {suggestion:>99999999} here.\n",
        name="draft.txt",
    )
    assert run.err == ""
    messages = [line.split(" house/braces ")[1] for line in run.out.splitlines() if "house/braces" in line]
    assert messages == [
        "Stray {braces}: {0}.",
        "Stray {braces}: {match.__class__}.",
        "Stray {braces}: {suggestion:>99999999}.",
    ]


# -- issue 18 item 8: an error names the file, the line and the problem, never its content
@pytest.mark.parametrize("how", ["--rules", "rules:"])
def test_a_rule_file_linked_to_a_password_file_never_echoes_its_content(tmp_path, how):
    from conftest import factlint

    secret = tmp_path / "shadow"
    secret.write_text("root:$6$secretsalt$hashhash:19000:0:99999:7:::\ndaemon:*:19000:0:99999:7:::\n")
    (tmp_path / "pack").mkdir()
    (tmp_path / "pack" / "house.yaml").symlink_to(secret)
    (tmp_path / "a.md").write_text("Hi.\n")
    if how == "rules:":
        (tmp_path / ".factlint.yaml").write_text("rules: [pack]\n")
        run = factlint("--no-cache", "a.md", cwd=tmp_path)
    else:
        run = factlint("--no-cache", "--rules", "pack", "a.md", cwd=tmp_path)
    assert run.code == 2
    assert "secret" not in run.err and "daemon" not in run.err and "$6$" not in run.err
    assert run.err.startswith("factlint: error: ")
    assert "not a rule file" in run.err and len(run.err.splitlines()) == 1


@pytest.mark.parametrize(
    "pattern, problem",
    [
        ("a{10000000}", "repeats {10000000}: a count above 1,000 is refused"),
        ("a{1000000000}", "repeats {1000000000}: a count above 1,000 is refused"),
        ("rain(?:ed){,5000}", "repeats {,5000}: a count above 1,000 is refused"),
        ("(?:(?:a{100}){100}){100}", "nests or repeats counted repetitions to a weight above 100,000"),
        ("(?:a{1000}){1000}", "nests or repeats counted repetitions to a weight above 100,000"),
        ("r" * 10_001, "is 10,001 characters long; the limit is 10,000"),
    ],
)
def test_a_pattern_too_big_to_compile_is_refused_at_load_with_file_line_and_key(tmp_path, pattern, problem):
    """Issue 18 item 4: a{10000000} took 4 GB and 22 s to load; a{1000000000} ran out of memory."""
    pack(
        tmp_path,
        FAST
        + f"""
- id: house/huge
  kind: phrase
  patterns: ['{pattern}']
  exceptions: ['ok']
  message: "x"
  __COMMON__
""",
    )
    (tmp_path / "draft.md").write_text("It reportedly rained.\n", encoding="utf-8")
    run = factlint("--no-builtin", "--rules", "pack.yaml", "draft.md", cwd=tmp_path)
    assert run.code == 2 and run.out == ""
    [error] = run.err.splitlines()
    assert error.startswith("factlint: error: pack.yaml:14: patterns[0]: rule 'house/huge': regular expression ")
    assert problem in error
    assert len(error) < 300  # a 10,000-character pattern is not echoed whole


@pytest.mark.parametrize(
    "pattern",
    [
        "(?:a{100}){100}",
        r"\p{Lu}{2,5}",
        r"\p{L}{1000}",
        "[{]{3}",
        r"\{5000\}",
        "(?#{5000})x",
        "x{1000}",
    ],
)
def test_patterns_within_the_limits_still_load(tmp_path, pattern):
    pack(
        tmp_path,
        FAST
        + f"""
- id: house/fine
  kind: phrase
  patterns: ['{pattern}']
  message: "x"
  __COMMON__
""",
    )
    (tmp_path / "draft.md").write_text("It reportedly rained.\n", encoding="utf-8")
    run = factlint("--no-builtin", "--rules", "pack.yaml", "draft.md", cwd=tmp_path)
    assert run.err == "" and run.code in (0, 1)  # warnings fail the run only with --fail-on
    assert "draft.md:1:4: warning house/vague Vague: reportedly." in run.out
