"""docs/rule-authoring.md: its example pack is valid, and every example in it passes."""

import re
from pathlib import Path

from click.testing import CliRunner

from factlint.cli import main
from factlint.ruleset import load_rules
from factlint.selftest import run_examples

GUIDE = Path(__file__).resolve().parents[1] / "docs" / "rule-authoring.md"
BLOCK = re.compile(r"```yaml\n(# house/(\S+\.yaml)\n.*?)```", re.DOTALL)


def write_pack(folder: Path) -> list[str]:
    names = []
    for body, name in BLOCK.findall(GUIDE.read_text(encoding="utf-8")):
        (folder / name).write_text(body, encoding="utf-8")
        names.append(name)
    return names


def test_the_guide_contains_a_pack_with_every_kind(tmp_path):
    names = write_pack(tmp_path)
    assert len(names) >= 4
    kinds = {rule.kind for rule in load_rules([tmp_path], builtin=False).rules}
    assert kinds == {"phrase", "substitute", "sentence", "repetition", "consistency", "metric", "structure"}


def test_every_example_in_the_guide_passes(tmp_path):
    write_pack(tmp_path)
    ruleset = load_rules([tmp_path])
    ruleset.rules = [r for r in ruleset.rules if r.category == "house"]
    count, failures = run_examples(ruleset)
    assert count > 0
    assert not failures, "\n".join(str(f) for f in failures)


def test_test_rules_command_on_the_guides_pack(tmp_path):
    write_pack(tmp_path)
    result = CliRunner().invoke(main, ["test-rules", "--no-builtin", str(tmp_path)])
    assert result.exit_code == 0, result.output
