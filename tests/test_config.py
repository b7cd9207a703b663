"""Configuration: discovery, precedence, every key, strict errors, `factlint config`."""

from __future__ import annotations

import json
import os

import pytest
from conftest import factlint, locations, rules_of, write

from factlint.config import ConfigError, glob_matches, load_config_file
from factlint.selection import Resolver

STORY = """\
    # Council weighs new ferry fares

    The transport minister reportedly wants higher fares.

    Councillor Mia Grant slammed the proposal on Monday.
    """


def test_no_configuration_means_the_defaults(tmp_path):
    write(tmp_path, "story.md", STORY)
    run = factlint("story.md", cwd=tmp_path)
    assert rules_of(run.out) == ["sourcing/vague-reports", "framing/loaded-said"]
    assert run.code == 0  # two warnings: shown, but the default gate is errors only


def test_config_found_by_walking_up_from_the_file(tmp_path):
    write(tmp_path, ".factlint.yaml", "ignore: [framing]\n")
    write(tmp_path, "desk/metro/story.md", STORY)
    # run from elsewhere: discovery starts at the file, not the working directory
    elsewhere = tmp_path.parent
    run = factlint(tmp_path / "desk/metro/story.md", cwd=elsewhere)
    assert rules_of(run.out) == ["sourcing/vague-reports"]


def test_closest_configuration_wins_and_files_are_not_merged(tmp_path):
    write(tmp_path, ".factlint.yaml", "ignore: [framing]\n")
    write(tmp_path, "opinion/.factlint.yaml", "ignore: [sourcing]\n")
    write(tmp_path, "news/story.md", STORY)
    write(tmp_path, "opinion/column.md", STORY)
    run = factlint(".", cwd=tmp_path)
    assert locations(run.out) == [
        ("news/story.md", 3, "sourcing/vague-reports"),
        ("opinion/column.md", 5, "framing/loaded-said"),
    ]


def test_pyproject_tool_table(tmp_path):
    write(
        tmp_path,
        "pyproject.toml",
        """\
        [project]
        name = "newsroom"

        [tool.factlint]
        ignore = ["sourcing"]
        """,
    )
    write(tmp_path, "story.md", STORY)
    assert rules_of(factlint("story.md", cwd=tmp_path).out) == ["framing/loaded-said"]


def test_pyproject_without_tool_table_is_passed_over(tmp_path):
    write(tmp_path, ".factlint.yaml", "ignore: [framing]\n")
    write(tmp_path, "site/pyproject.toml", "[project]\nname = 'site'\n")
    write(tmp_path, "site/story.md", STORY)
    assert rules_of(factlint("site/story.md", cwd=tmp_path).out) == ["sourcing/vague-reports"]


def test_factlint_yaml_beats_pyproject_in_the_same_folder(tmp_path):
    write(tmp_path, "pyproject.toml", "[tool.factlint]\nignore = ['sourcing']\n")
    write(tmp_path, ".factlint.yaml", "ignore: [framing]\n")
    write(tmp_path, "story.md", STORY)
    assert rules_of(factlint("story.md", cwd=tmp_path).out) == ["sourcing/vague-reports"]


def test_config_option_and_isolated(tmp_path):
    write(tmp_path, ".factlint.yaml", "ignore: [framing]\n")
    write(tmp_path, "other.yaml", "ignore: [sourcing]\n")
    write(tmp_path, "story.md", STORY)
    assert rules_of(factlint("--config", "other.yaml", "story.md", cwd=tmp_path).out) == ["framing/loaded-said"]
    assert rules_of(factlint("--isolated", "story.md", cwd=tmp_path).out) == [
        "sourcing/vague-reports",
        "framing/loaded-said",
    ]


def test_command_line_select_replaces_and_ignore_adds(tmp_path):
    write(tmp_path, ".factlint.yaml", "select: [sourcing]\nignore: [editing]\n")
    write(tmp_path, "story.md", STORY)
    assert rules_of(factlint("story.md", cwd=tmp_path).out) == ["sourcing/vague-reports"]
    assert rules_of(factlint("--select", "framing", "story.md", cwd=tmp_path).out) == ["framing/loaded-said"]
    assert rules_of(factlint("--extend-select", "framing", "story.md", cwd=tmp_path).out) == [
        "sourcing/vague-reports",
        "framing/loaded-said",
    ]
    assert rules_of(factlint("--select", "ALL", "--ignore", "sourcing", "story.md", cwd=tmp_path).out) == [
        "framing/loaded-said"
    ]


def test_severity_overrides_exact_id_beats_family(tmp_path):
    write(
        tmp_path,
        ".factlint.yaml",
        """\
        severity:
          framing/loaded-said: info
          framing: error
          sourcing: error
        """,
    )
    write(tmp_path, "story.md", STORY)
    run = factlint("--format", "json", "story.md", cwd=tmp_path)
    severities = {f["rule"]: f["severity"] for f in json.loads(run.out)["findings"]}
    assert severities == {"sourcing/vague-reports": "error", "framing/loaded-said": "info"}


def test_severity_off_ignores_the_rule(tmp_path):
    write(tmp_path, ".factlint.yaml", "severity:\n  framing: 'off'\n")
    write(tmp_path, "story.md", STORY)
    assert rules_of(factlint("story.md", cwd=tmp_path).out) == ["sourcing/vague-reports"]


def test_fail_on_and_min_severity_from_config_command_line_wins(tmp_path):
    write(tmp_path, ".factlint.yaml", "fail-on: error\nmin-severity: warning\n")
    write(tmp_path, "story.md", STORY)
    assert factlint("story.md", cwd=tmp_path).code == 0  # two warnings, failing only on errors
    assert factlint("--fail-on", "warning", "story.md", cwd=tmp_path).code == 1
    write(tmp_path, ".factlint.yaml", "fail-on: warning\n")  # a strict desk
    assert factlint("story.md", cwd=tmp_path).code == 1
    write(tmp_path, ".factlint.yaml", "fail-on: never\n")  # report, never block
    assert factlint("--fail-on", "info", "story.md", cwd=tmp_path).code == 1
    run = factlint("story.md", cwd=tmp_path)
    assert run.code == 0 and len(rules_of(run.out)) == 2
    write(tmp_path, ".factlint.yaml", "min-severity: error\n")
    assert rules_of(factlint("story.md", cwd=tmp_path).out) == []
    assert len(rules_of(factlint("--severity", "info", "story.md", cwd=tmp_path).out)) == 2


def test_exclude_globs_relative_to_the_config(tmp_path):
    write(tmp_path, ".factlint.yaml", "exclude: ['archive/**', '*.txt']\n")
    write(tmp_path, "archive/2009/old.md", STORY)
    write(tmp_path, "news/wire.txt", STORY)
    write(tmp_path, "news/story.md", STORY)
    run = factlint(".", cwd=tmp_path)
    assert {p for p, _, _ in locations(run.out)} == {"news/story.md"}
    assert "in 1 file" in run.out
    # a file named on the command line is excluded too (pre-commit names files)
    assert "No findings in 0 files" in factlint("archive/2009/old.md", cwd=tmp_path).out


def test_per_path_overrides(tmp_path):
    write(
        tmp_path,
        ".factlint.yaml",
        """\
        per-path:
          "opinion/**":
            ignore: [framing]
          "**/wire-*.md":
            severity: {sourcing: error}
        """,
    )
    write(tmp_path, "opinion/column.md", STORY)
    write(tmp_path, "news/story.md", STORY)
    write(tmp_path, "news/wire-ferry.md", STORY)
    run = factlint("--format", "json", ".", cwd=tmp_path)
    found = {(f["path"], f["rule"], f["severity"]) for f in json.loads(run.out)["findings"]}
    assert found == {
        ("opinion/column.md", "sourcing/vague-reports", "warning"),
        ("news/story.md", "sourcing/vague-reports", "warning"),
        ("news/story.md", "framing/loaded-said", "warning"),
        ("news/wire-ferry.md", "sourcing/vague-reports", "error"),
        ("news/wire-ferry.md", "framing/loaded-said", "warning"),
    }


HOUSE_PACK = """\
    lexicons:
      house-banned:
        - jaw-dropping
    rules:
      - id: house/banned
        kind: phrase
        category: house
        severity: warning
        words: ["@house-banned"]
        message: "House style: avoid '{match}'."
        why: "The desk's style guide bans these words."
        link: "https://example.org/style"
        examples:
          flag: ["A jaw-dropping result."]
          pass: ["A surprising result."]
    """


def test_rule_packs_relative_to_the_config_and_lexicon_extension(tmp_path):
    write(
        tmp_path,
        "newsroom/.factlint.yaml",
        """\
        rules: [house-rules]
        lexicons:
          house-banned: [eye-watering]
        """,
    )
    write(tmp_path, "newsroom/house-rules/house.yaml", HOUSE_PACK)
    write(
        tmp_path,
        "newsroom/story.md",
        """\
        # Budget

        An eye-watering sum and a jaw-dropping delay.
        """,
    )
    run = factlint("newsroom/story.md", cwd=tmp_path)
    # (the built-in framing pack flags these words too; only the house rule is under test)
    assert [r for r in rules_of(run.out) if r.startswith("house/")] == ["house/banned", "house/banned"]
    assert "'eye-watering'" in run.out and "'jaw-dropping'" in run.out


def test_new_lexicon_defined_in_config_is_usable_by_packs(tmp_path):
    pack = HOUSE_PACK.replace("    lexicons:\n      house-banned:\n        - jaw-dropping\n", "")
    write(tmp_path, ".factlint.yaml", "rules: house.yaml\nlexicons:\n  house-banned: [mind-boggling]\n")
    write(tmp_path, "house.yaml", pack)
    write(tmp_path, "story.md", "# Budget\n\nA mind-boggling sum.\n")
    found = rules_of(factlint("story.md", cwd=tmp_path).out)
    assert [r for r in found if r.startswith("house/")] == ["house/banned"]


CONSISTENCY = """\
    # Talks

    US envoys met on Monday. The U.S. team left early. The U.S. embassy agreed.
    """


def test_accepted_house_terms_drop_findings(tmp_path):
    write(tmp_path, "story.md", CONSISTENCY)
    assert rules_of(factlint("story.md", cwd=tmp_path).out) == ["editing/us-spelling"]
    write(tmp_path, ".factlint.yaml", "accept: [US]\n")
    assert rules_of(factlint("story.md", cwd=tmp_path).out) == []
    # per rule: accepted for another rule only, so the finding stays
    write(tmp_path, ".factlint.yaml", "accept:\n  sourcing: [US]\n")
    assert rules_of(factlint("story.md", cwd=tmp_path).out) == ["editing/us-spelling"]
    write(tmp_path, ".factlint.yaml", "accept:\n  editing/us-spelling: [us]\n")
    assert rules_of(factlint("story.md", cwd=tmp_path).out) == []


LONGISH = """\
    # Ferries

    The council voted on Monday to raise ferry fares on the harbour route by a small amount next year.
    """


def test_thresholds_retune_a_metric_rule(tmp_path):
    write(tmp_path, "story.md", LONGISH)
    assert "readability/long-sentence" not in rules_of(factlint("story.md", cwd=tmp_path).out)
    write(tmp_path, ".factlint.yaml", "thresholds:\n  readability/long-sentence: {max: 12}\n")
    run = factlint("story.md", cwd=tmp_path)
    assert rules_of(run.out) == ["readability/long-sentence"]
    assert "at most 12" in run.out


@pytest.mark.parametrize(
    "text, line, key, message",
    [
        ("ignore: [framing]\nsellect: [sourcing]\n", 2, "sellect", "unknown key (did you mean 'select'?)"),
        ("fail-on: sometimes\n", 1, "fail-on", "'sometimes' is not one of: info, warning, error, never"),
        ("severity:\n  framing: loud\n", 2, "severity.framing", "'loud' is not one of"),
        ("per-path:\n  'opinion/**':\n    ignor: [framing]\n", 3, "per-path.opinion/**.ignor", "unknown key"),
        ("builtin: maybe\n", 1, "builtin", "must be true or false"),
        ("exclude: archive\n", 1, "exclude", "must be a list"),
        ("ignore: [framing/slamed]\n", 1, "ignore", "'framing/slamed' matches no rule"),
        (
            "thresholds:\n  sourcing/vague-reports: {max: 3}\n",
            2,
            "thresholds.sourcing/vague-reports",
            "thresholds apply to metric rules",
        ),
        (
            "thresholds:\n  readability/long-sentence: {maxx: 3}\n",
            2,
            "thresholds.readability/long-sentence.maxx",
            "unknown key",
        ),
        ("select: [sourcing\n", 2, "", "invalid YAML"),
    ],
)
def test_bad_configuration_is_an_error_naming_file_line_and_key(tmp_path, text, line, key, message):
    (tmp_path / ".factlint.yaml").write_text(text, encoding="utf-8")
    write(tmp_path, "story.md", STORY)
    run = factlint("story.md", cwd=tmp_path)
    assert run.code == 2
    assert run.out == ""
    prefix = f"factlint: error: .factlint.yaml:{line}: " + (f"{key}: " if key else "")
    assert any(line.startswith(prefix) and message in line for line in run.err.splitlines()), run.err
    assert "Traceback" not in run.err


def test_bad_pyproject_table_names_the_toml_line_and_key(tmp_path):
    write(
        tmp_path,
        "pyproject.toml",
        """\
        [project]
        name = "site"

        [tool.factlint]
        ignore = ["framing"]
        fail_on = "error"

        [tool.factlint.severity]
        sourcing = "urgent"
        """,
    )
    write(tmp_path, "story.md", STORY)
    run = factlint("story.md", cwd=tmp_path)
    assert run.code == 2
    errors = run.err.splitlines()
    assert any(
        e.startswith("factlint: error: pyproject.toml:6: tool.factlint.fail_on: unknown key (did you mean 'fail-on'?)")
        for e in errors
    ), run.err
    assert any(
        e.startswith("factlint: error: pyproject.toml:9: tool.factlint.severity.sourcing: 'urgent'") for e in errors
    ), run.err


def test_missing_config_file_and_broken_rule_pack(tmp_path):
    write(tmp_path, "story.md", STORY)
    run = factlint("--config", "nope.yaml", "story.md", cwd=tmp_path)
    assert run.code == 2 and "nope.yaml: configuration file not found" in run.err
    write(tmp_path, ".factlint.yaml", "rules: [missing-pack]\n")
    run = factlint("story.md", cwd=tmp_path)
    assert run.code == 2 and "rule pack not found" in run.err


def test_config_command_prints_the_effective_configuration(tmp_path):
    write(
        tmp_path,
        ".factlint.yaml",
        """\
        ignore: [readability]
        fail-on: error
        per-path:
          "opinion/**":
            ignore: [framing]
        """,
    )
    write(tmp_path, "opinion/column.md", STORY)
    run = factlint("config", "--format", "json", "opinion/column.md", cwd=tmp_path)
    assert run.code == 0
    data = json.loads(run.out)
    assert data["config-file"] == ".factlint.yaml"
    assert data["ignore"] == ["readability", "framing"]
    assert data["fail-on"] == "error"
    assert data["per-path-matched"] == ["opinion/**"]
    assert "sourcing/vague-reports" in data["active-rules"]
    assert not any(r.startswith(("framing/", "readability/")) for r in data["active-rules"])
    yaml_run = factlint("config", "opinion/column.md", cwd=tmp_path)
    assert "config-file: .factlint.yaml" in yaml_run.out


def test_config_command_reports_errors(tmp_path):
    write(tmp_path, ".factlint.yaml", "colour: red\n")
    run = factlint("config", cwd=tmp_path)
    assert run.code == 2 and ".factlint.yaml:1: colour: unknown key" in run.err


def test_rules_compiled_once_per_distinct_configuration(tmp_path):
    write(tmp_path, ".factlint.yaml", "per-path:\n  'opinion/**':\n    ignore: [framing]\n")
    write(tmp_path, "house/.factlint.yaml", "rules: [pack]\n")
    write(tmp_path, "house/pack/house.yaml", HOUSE_PACK)
    paths = [write(tmp_path, f"news/story{i}.md", STORY) for i in range(3)]
    column = write(tmp_path, "opinion/column.md", STORY)
    resolver = Resolver()
    first = resolver.effective(str(paths[0]))
    assert all(resolver.effective(str(p)).ruleset is first.ruleset for p in paths[1:])
    opinion = resolver.effective(str(column))
    assert opinion.ruleset is not first.ruleset  # a different configuration ...
    assert resolver.loads == 1  # ... from the same compiled packs
    house = resolver.effective(str(write(tmp_path, "house/a.md", STORY)))
    assert house.ruleset.get("house/banned") is not None
    assert resolver.loads == 2
    assert resolver.effective(str(write(tmp_path, "house/b.md", STORY))).ruleset is house.ruleset
    assert resolver.loads == 2


@pytest.mark.parametrize(
    "pattern, path, expected",
    [
        ("opinion/**", "opinion/column.md", True),
        ("opinion/**", "opinion/2024/column.md", True),
        ("opinion/**", "news/opinion/column.md", False),
        ("opinion/", "opinion/column.md", True),
        ("*.txt", "news/wire.txt", True),
        ("archive", "archive/2009/old.md", True),
        ("news/*.md", "news/a/b.md", False),
        ("**/draft-*.md", "a/b/draft-1.md", True),
    ],
)
def test_globs(pattern, path, expected):
    assert glob_matches(pattern, path) is expected


def test_empty_config_file_is_the_defaults(tmp_path):
    (tmp_path / ".factlint.yaml").write_text("# nothing yet\n", encoding="utf-8")
    config = load_config_file(tmp_path / ".factlint.yaml")
    assert config.overrides.select is None and config.exclude == ()


def test_config_that_is_not_a_mapping(tmp_path):
    (tmp_path / ".factlint.yaml").write_text("- sourcing\n", encoding="utf-8")
    with pytest.raises(ConfigError) as exc:
        load_config_file(tmp_path / ".factlint.yaml")
    assert "must be a mapping" in str(exc.value)


def test_unquoted_off_in_yaml_means_off(tmp_path):
    write(tmp_path, ".factlint.yaml", "severity:\n  framing: off\n")
    write(tmp_path, "story.md", STORY)
    assert rules_of(factlint("story.md", cwd=tmp_path).out) == ["sourcing/vague-reports"]


def test_broken_pyproject_with_a_factlint_table_is_reported_not_skipped(tmp_path):
    (tmp_path / "pyproject.toml").write_text("[tool.factlint\nignore = [\n", encoding="utf-8")
    write(tmp_path, "story.md", STORY)
    run = factlint("story.md", cwd=tmp_path)
    assert run.code == 2 and "pyproject.toml:1: invalid TOML" in run.err


def test_config_json_schema_accepts_the_readme_example_and_rejects_typos(tmp_path):
    import jsonschema
    import yaml
    from conftest import readme_snippet

    schema = json.loads(factlint("schema", "--config").out)
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    assert list(validator.iter_errors(yaml.safe_load(readme_snippet("config")))) == []
    assert list(validator.iter_errors({"sellect": ["sourcing"]}))


def test_unwritable_output_is_an_error_not_a_traceback(tmp_path):
    write(tmp_path, "story.md", STORY)
    run = factlint("--write-baseline", tmp_path / "missing" / "b.json", "story.md", cwd=tmp_path)
    assert run.code == 2 and "cannot write" in run.err
    run = factlint("--format", "sarif", "--output-file", tmp_path / "missing" / "x.sarif", "story.md", cwd=tmp_path)
    assert run.code == 2 and "cannot write" in run.err


# -- issue 18 item 7: a pyproject.toml is read as strictly as a .factlint.yaml
def test_a_pyproject_with_a_factlint_table_that_is_not_utf8_is_an_error(tmp_path):
    from conftest import factlint

    (tmp_path / "a.md").write_text("Hello.\n")
    (tmp_path / "pyproject.toml").write_bytes(b'[tool.factlint]\nselect = ["caf\xe9"]\n')
    run = factlint("--no-cache", "a.md", cwd=tmp_path)
    assert run.code == 2
    assert run.err == "factlint: error: pyproject.toml: cannot read configuration file: not valid UTF-8 at byte 30\n"


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads every file")
def test_an_unreadable_pyproject_is_an_error(tmp_path):
    from conftest import factlint

    (tmp_path / "a.md").write_text("Hello.\n")
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text("[tool.factlint]\n")
    pyproject.chmod(0)
    run = factlint("--no-cache", "a.md", cwd=tmp_path)
    assert run.code == 2 and run.err.startswith("factlint: error: pyproject.toml: cannot read")


# -- globs follow .gitignore rules -----------------------------------------------------
GITIGNORE_CASES = [
    ("opinion/", "content/opinion/x.md"),  # a trailing slash only: a folder at any depth
    ("opinion", "content/opinion/x.md"),  # no slash: any depth, file or folder
    ("opinion/**", "content/opinion/x.md"),  # a slash in the middle anchors at the config's folder
    ("opinion/**", "opinion/x.md"),
    ("/opinion", "opinion/x.md"),  # a leading slash anchors
    ("/opinion", "content/opinion/x.md"),
    ("**/opinion/**", "content/opinion/x.md"),  # the way to say "an opinion folder anywhere"
    ("*.txt", "a/b/wire.txt"),
    ("news/*.md", "news/a/b.md"),
    ("news/**/*.md", "news/a/b.md"),
    ("news/**/*.md", "news/b.md"),
    ("draft-?.md", "x/draft-1.md"),
    ("draft-[0-9].md", "x/draft-7.md"),
    ("draft-[!0-9].md", "x/draft-7.md"),
    ("x.md/", "x.md"),  # a trailing slash means a folder: never the file itself
]


@pytest.mark.parametrize("pattern, path", GITIGNORE_CASES)
def test_globs_agree_with_gitignore_as_pathspec_implements_it(pattern, path):
    pathspec = pytest.importorskip("pathspec")
    spec = pathspec.PathSpec.from_lines("gitignore", [pattern])
    assert glob_matches(pattern, path) is spec.match_file(path)


# -- extend: inherit a parent configuration --------------------------------------------
def test_extend_inherits_the_parent_and_the_childs_keys_replace(tmp_path):
    write(tmp_path, ".factlint.yaml", "ignore: [framing]\nexclude: ['archive/**']\nfail-on: warning\n")
    write(tmp_path, "desk/.factlint.yaml", "extend: ../.factlint.yaml\nfail-on: never\n")
    write(tmp_path, "desk/story.md", STORY)
    write(tmp_path, "archive/old.md", STORY)
    config = load_config_file(tmp_path / "desk/.factlint.yaml")
    assert config.overrides.ignore == ("framing",)  # inherited
    assert config.fail_on == "never"  # the child's key replaces the parent's
    # the parent's exclude glob stays relative to the parent's folder
    assert config.excluded(str(tmp_path / "archive/old.md"))
    assert not config.excluded(str(tmp_path / "desk/story.md"))
    run = factlint("story.md", cwd=tmp_path / "desk")
    assert rules_of(run.out) == ["sourcing/vague-reports"]
    assert run.code == 0


def test_extend_lists_are_replaced_not_concatenated(tmp_path):
    write(tmp_path, "base.yaml", "ignore: [framing]\n")
    write(tmp_path, ".factlint.yaml", "extend: base.yaml\nignore: [sourcing]\n")
    write(tmp_path, "story.md", STORY)
    assert load_config_file(tmp_path / ".factlint.yaml").overrides.ignore == ("sourcing",)
    assert rules_of(factlint("story.md", cwd=tmp_path).out) == ["framing/loaded-said"]


def test_extend_per_path_globs_stay_relative_to_the_file_that_wrote_them(tmp_path):
    write(tmp_path, "base.yaml", "per-path:\n  'opinion/**':\n    ignore: [framing]\n")
    write(tmp_path, "site/.factlint.yaml", "extend: ../base.yaml\n")
    write(tmp_path, "site/opinion/column.md", STORY)  # not under the base's opinion/
    write(tmp_path, "opinion/column.md", STORY)
    config = load_config_file(tmp_path / "site/.factlint.yaml")
    assert config.per_path_matches(str(tmp_path / "opinion/column.md")) == ["opinion/**"]
    assert config.per_path_matches(str(tmp_path / "site/opinion/column.md")) == []


def test_extend_chains_and_reports_a_cycle_in_one_line(tmp_path):
    write(tmp_path, "a.yaml", "extend: b.yaml\n")
    write(tmp_path, "b.yaml", "extend: a.yaml\nignore: [framing]\n")
    write(tmp_path, "story.md", STORY)
    run = factlint("--config", "a.yaml", "story.md", cwd=tmp_path)
    assert run.code == 2
    assert (
        run.err.strip()
        == "factlint: error: b.yaml:1: extend: configuration files extend each other: a.yaml -> b.yaml -> a.yaml"
    )


def test_extend_of_a_missing_file_is_a_one_line_error(tmp_path):
    write(tmp_path, ".factlint.yaml", "ignore: [framing]\nextend: ../nowhere/.factlint.yaml\n")
    write(tmp_path, "story.md", STORY)
    run = factlint("story.md", cwd=tmp_path)
    assert run.code == 2
    assert run.err.strip().splitlines() == [
        "factlint: error: .factlint.yaml:2: extend: ../nowhere/.factlint.yaml: configuration file not found"
    ]
