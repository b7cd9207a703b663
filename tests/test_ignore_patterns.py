"""``ignore-patterns`` in the configuration: block patterns take whole regions out of the
prose, inline patterns take spans out of a sentence; both are validated like rule patterns."""

from __future__ import annotations

import json

from conftest import factlint, write

from factlint.config import json_schema
from factlint.document import parse

DRAFT = """\
# Ferry fares

The minister reportedly wants higher fares.

::: output
The the board slammed it.
:::

The fare rises by $ref:fare-rise-2026 a year, and the the board agreed.
"""

CONFIG = """\
ignore-patterns:
  block: ['(?s)^::: output$.*?^:::$']
  inline: ['\\$ref:[\\w-]+']
"""


def found(root, *args):
    run = factlint("--format", "json", *args, ".", cwd=root)
    return run, sorted((f["line"], f["rule"]) for f in json.loads(run.out)["findings"])


def test_block_and_inline_patterns_are_not_prose(tmp_path):
    write(tmp_path, "draft.md", DRAFT)
    _, before = found(tmp_path)
    assert (6, "editing/repeated-word") in before and (6, "framing/loaded-said") in before
    write(tmp_path, ".factlint.yaml", CONFIG)
    _, after = found(tmp_path)
    # the fenced-off region is gone; the figure's reference is no figure; the rest is linted
    assert after == [(3, "sourcing/vague-reports"), (9, "editing/repeated-word")]


def test_offsets_stay_in_the_raw_text():
    text = "The fare rises by $ref:x a year, and the the board agreed.\n"
    doc = parse(text, "d.txt", ignore_patterns=((), (r"\$ref:\w+",)))
    (sentence,) = doc.sentences
    start, end = doc.to_raw(sentence.start, sentence.end)
    assert text[start:end].startswith("The fare rises by") and text[start:end].endswith("agreed.")
    assert "$ref" not in doc.prose


def test_a_block_pattern_takes_whole_lines(tmp_path):
    write(tmp_path, "draft.md", "# Fares\n\nKEEP OUT the the board slammed it.\n\nThe board agreed.\n")
    write(tmp_path, ".factlint.yaml", "ignore-patterns:\n  block: ['KEEP OUT']\n")
    _, after = found(tmp_path)
    assert after == []


def test_per_path_patterns_apply_to_matching_files_only(tmp_path):
    line = "# Fares\n\nThe the board agreed, its chair said.\n"
    write(tmp_path, "opinion/a.md", line)
    write(tmp_path, "news/a.md", line)
    write(tmp_path, ".factlint.yaml", "per-path:\n  'opinion/**':\n    ignore-patterns:\n      inline: ['The the']\n")
    run = factlint("--format", "json", ".", cwd=tmp_path)
    assert [f["path"] for f in json.loads(run.out)["findings"]] == ["news/a.md"]


def test_bad_patterns_are_one_line_errors(tmp_path):
    write(tmp_path, "draft.md", DRAFT)
    write(tmp_path, ".factlint.yaml", "ignore-patterns:\n  block: ['(unclosed']\n  inline: ['a{100000}']\n")
    run = factlint(".", cwd=tmp_path)
    assert run.code == 2
    lines = run.err.strip().splitlines()
    assert len(lines) == 2
    assert lines[0].startswith(
        "factlint: error: .factlint.yaml:2: ignore-patterns.block[0]: regular expression '(unclosed' does not compile"
    )
    assert lines[1].startswith(
        "factlint: error: .factlint.yaml:3: ignore-patterns.inline[0]: regular expression 'a{100000}' repeats"
    )


def test_wrong_types_and_unknown_keys_are_errors(tmp_path):
    write(tmp_path, "draft.md", DRAFT)
    write(tmp_path, ".factlint.yaml", "ignore-patterns:\n  blocks: ['x']\n  inline: 'x'\n")
    run = factlint(".", cwd=tmp_path)
    assert run.code == 2
    assert ".factlint.yaml:2: ignore-patterns.blocks" in run.err and "did you mean 'block'" in run.err
    assert ".factlint.yaml:3: ignore-patterns.inline: must be a list" in run.err


def test_the_configuration_schema_describes_the_key():
    spec = json_schema()["properties"]["ignore-patterns"]
    assert set(spec["properties"]) == {"block", "inline"}
