"""The built-in packs pass their own examples (a rule whose example fails cannot land)."""

from factlint import load_rules
from factlint.selftest import run_examples


def test_every_builtin_rule_passes_its_examples():
    count, failures = run_examples(load_rules(select=["ALL"]))
    assert count > 0
    assert failures == [], "\n".join(str(f) for f in failures)


def test_every_builtin_rule_is_documented_and_cites_a_source():
    for rule in load_rules(select=["ALL"]).rules:
        assert rule.why.strip() and rule.link.startswith("http"), rule.id
        assert rule.examples["flag"] and rule.examples["pass"], rule.id
