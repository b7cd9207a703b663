"""The built-in packs as a whole: generated docs are current, files follow the schema and the conventions.

(Examples and the schema file are checked in test_builtin_rules.py and test_rule_files.py.)"""

from pathlib import Path

import yaml

from factlint.ruledocs import rules_markdown
from factlint.ruleset import json_schema, load_rules

ROOT = Path(__file__).resolve().parents[1]


def test_docs_rules_md_is_up_to_date():
    committed = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert committed == rules_markdown(load_rules()), (
        "docs/rules.md is out of date with rules/*.yaml; regenerate it with:\n"
        "    factlint rules --format markdown > docs/rules.md"
    )


def test_every_builtin_rule_file_validates_against_the_published_schema():
    import jsonschema

    schema = json_schema()
    for path in sorted((ROOT / "rules").glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        jsonschema.validate(data, schema)  # raises with the path of the problem


def test_rule_files_point_editors_at_the_schema():
    for name in ("framing.yaml", "editing.yaml", "readability.yaml"):
        first = (ROOT / "rules" / name).read_text(encoding="utf-8").splitlines()[0]
        assert first == "# yaml-language-server: $schema=../docs/rules.schema.json"


def test_pack_lexicons_are_prefixed_with_their_family():
    for name in ("framing", "editing"):
        data = yaml.safe_load((ROOT / "rules" / f"{name}.yaml").read_text(encoding="utf-8"))
        assert all(lexicon.startswith(name + "-") for lexicon in data.get("lexicons", {}))


def test_aligned_spelling_lexicons_have_the_same_length():
    data = yaml.safe_load((ROOT / "rules" / "editing.yaml").read_text(encoding="utf-8"))
    lexicons = data["lexicons"]
    assert len(lexicons["editing-british"]) == len(lexicons["editing-american"])


def test_fixes_are_safe_only_for_space_and_doubled_word_repairs():
    from factlint import lint_text
    from factlint import load_rules as api_load_rules

    text = (
        "# Council  meets\n\nThe the council met on Monday.It voted. The senator slammed the plan.\n"
        "Border agents detained illegal immigrants.\n"
    )
    rules = api_load_rules(select=["ALL", "editing/double-space"])
    safe = {f.rule for f in lint_text(text, "draft.md", rules) if f.fix is not None and f.fix.safe}
    assert safe <= {"editing/missing-space", "editing/double-space", "editing/repeated-word"}
    assert safe == {"editing/missing-space", "editing/double-space", "editing/repeated-word"}
