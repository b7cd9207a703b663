"""Rule files are validated strictly: each problem names the file, the line and the key."""

import pytest
from click.testing import CliRunner
from conftest import draft

from factlint.cli import main
from factlint.ruleset import RuleLoadError, load_rules

GOOD_RULE = draft("""
    rules:
      - id: house/no-very
        kind: phrase
        category: house
        severity: info
        words: [very]
        message: "Cut '{match}'."
        why: "It rarely adds anything."
        link: "https://example.org/style"
        examples:
          flag: ["It was very late."]
          pass: ["It was late."]
    """)


def problems(tmp_path, text: str) -> list[str]:
    (tmp_path / "pack.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(RuleLoadError) as info:
        load_rules([tmp_path], builtin=False)
    return [f"{p.line}: {p.key}: {p.message}" for p in info.value.problems]


def test_a_good_rule_file_loads(tmp_path):
    (tmp_path / "pack.yaml").write_text(GOOD_RULE, encoding="utf-8")
    assert [r.id for r in load_rules([tmp_path], builtin=False).rules] == ["house/no-very"]


def test_unknown_key_is_reported_with_its_line_and_a_hint(tmp_path):
    found = problems(tmp_path, GOOD_RULE.replace("    words: [very]", "    wrods: [very]"))
    assert found == [
        "6: wrods: rule 'house/no-very': unknown key (did you mean 'words'?)",
        "2: rule: rule 'house/no-very': needs at least one of: words, patterns",
    ]


def test_wrong_type(tmp_path):
    found = problems(tmp_path, GOOD_RULE.replace("severity: info", "severity: [info]"))
    assert found == ["5: severity: rule 'house/no-very': must be a string, not a list"]


def test_bad_severity_value_suggests_the_right_one(tmp_path):
    found = problems(tmp_path, GOOD_RULE.replace("severity: info", "severity: warn"))
    assert found == [
        "5: severity: rule 'house/no-very': 'warn' is not one of: info, warning, error (did you mean 'warning'?)"
    ]


def test_regex_that_does_not_compile(tmp_path):
    found = problems(tmp_path, GOOD_RULE.replace("    words: [very]", "    patterns: ['(very']"))
    assert len(found) == 1 and found[0].startswith(
        "6: patterns[0]: rule 'house/no-very': regular expression '(very' does not compile"
    )


def test_missing_examples(tmp_path):
    text = GOOD_RULE.split("    examples:")[0]
    assert problems(tmp_path, text) == ["2: examples: rule 'house/no-very': is required"]


def test_duplicate_id_names_both_places(tmp_path):
    second = GOOD_RULE.replace("rules:\n", "")
    found = problems(tmp_path, GOOD_RULE + second)
    assert len(found) == 1
    assert found[0].startswith("13: id: duplicate rule id 'house/no-very' (also at ")
    assert found[0].endswith("pack.yaml:2)")


def test_unknown_kind_lists_the_kinds(tmp_path):
    found = problems(tmp_path, GOOD_RULE.replace("kind: phrase", "kind: existence"))
    assert found == [
        "3: kind: rule 'house/no-very': unknown kind 'existence' (one of: phrase, substitute, "
        "sentence, repetition, consistency, metric, structure)"
    ]


def test_unknown_lexicon_and_unknown_placeholder(tmp_path):
    text = GOOD_RULE.replace("words: [very]", "words: ['@intensifiers']")
    assert problems(tmp_path, text)[0].startswith("6: words[0]: rule 'house/no-very': unknown lexicon '@intensifiers'")
    text = GOOD_RULE.replace("Cut '{match}'.", "Cut '{word}'.")
    assert problems(tmp_path, text) == [
        "7: message: rule 'house/no-very': unknown placeholder {word}; this kind offers {match}, {suggestion}"
    ]


def test_id_must_start_with_its_category(tmp_path):
    found = problems(tmp_path, GOOD_RULE.replace("category: house", "category: style"))
    assert found == ["2: id: rule 'house/no-very': id 'house/no-very' must start with its category 'style/'"]


def test_malformed_yaml_and_duplicate_keys(tmp_path):
    found = problems(tmp_path, "rules:\n  - id: [unclosed\n    kind: phrase\n")
    assert len(found) == 1 and found[0].startswith("3: : invalid YAML:")
    found = problems(tmp_path, GOOD_RULE.replace("    severity: info\n", "    severity: info\n    severity: error\n"))
    assert found == ["6: : duplicate key 'severity' (first on line 5)"]


def test_yaml_cannot_construct_objects(tmp_path):
    found = problems(tmp_path, "rules: !!python/object/apply:os.system ['echo pwned']\n")
    assert len(found) == 1 and "could not determine a constructor" in found[0]


def test_the_cli_reports_a_broken_rule_file_and_exits_2(tmp_path):
    (tmp_path / "pack.yaml").write_text(GOOD_RULE.replace("severity: info", "severity: loud"), encoding="utf-8")
    (tmp_path / "draft.md").write_text("It was very late.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["--rules", str(tmp_path / "pack.yaml"), str(tmp_path / "draft.md")])
    assert result.exit_code == 2
    assert "pack.yaml:5: severity: rule 'house/no-very': 'loud' is not one of: info, warning, error" in result.output


def test_the_published_json_schema_accepts_the_builtin_rules_and_rejects_bad_ones():
    import jsonschema
    import yaml

    from factlint.paths import builtin_rules_dir
    from factlint.ruleset import json_schema

    schema = json_schema()
    for path in sorted(builtin_rules_dir().glob("*.yaml")):
        jsonschema.validate(yaml.safe_load(path.read_text(encoding="utf-8")), schema)
    bad = yaml.safe_load(GOOD_RULE.replace("words: [very]", "wrods: [very]"))
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(bad, schema)


def test_docs_rules_schema_json_is_current():
    from pathlib import Path

    from factlint.ruleset import json_schema_text

    committed = Path(__file__).resolve().parents[1] / "docs" / "rules.schema.json"
    assert committed.read_text(encoding="utf-8") == json_schema_text(), (
        "docs/rules.schema.json is stale: run `factlint schema > docs/rules.schema.json`"
    )


ATTRIBUTION_RULE = draft("""
    rules:
      - id: house/unnamed
        kind: sentence
        category: house
        severity: info
        when:
          attribution:
            - kind: vague
            - kind: anonymous
              message: "Unnamed: '{match}'. Name one."
        report: attribution
        message: "Vague: '{match}'."
        why: "Readers weigh a source by who it is."
        link: "https://example.org/style"
        examples:
          flag: ["Critics say the fare is too high.", "Two harbour officials said the fare is too high."]
          pass: ["The mayor said the fare is too high."]
    """)


def test_an_attribution_filter_may_carry_its_own_message(tmp_path):
    """The message of the first filter that matches an attribution replaces the rule's."""
    (tmp_path / "pack.yaml").write_text(ATTRIBUTION_RULE, encoding="utf-8")
    rules = load_rules([tmp_path], builtin=False)
    from conftest import doc_of

    from factlint.engine import lint_document

    doc = doc_of("Critics say the fare is too high. Two harbour officials said it was fair.\n", "draft.txt")
    assert [f.message for f in lint_document(doc, rules).findings] == [
        "Vague: 'Critics say'.",
        "Unnamed: 'Two harbour officials said'. Name one.",
    ]


def test_a_filter_message_is_checked_and_only_allowed_where_attributions_are_reported(tmp_path):
    text = ATTRIBUTION_RULE.replace("Name one.", "Name {who}.")
    assert problems(tmp_path, text) == [
        "10: message: rule 'house/unnamed': unknown placeholder {who}; this kind offers {match}, {suggestion}"
    ]
    text = ATTRIBUTION_RULE.replace("    report: attribution\n", "")
    assert problems(tmp_path, text) == [
        "10: message: rule 'house/unnamed': a filter's message is used only in `when` with `report: attribution`"
    ]
