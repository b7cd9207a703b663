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


def test_every_builtin_flag_example_pins_the_words_it_must_report():
    unpinned = [
        f"{rule.source}:{rule.example_lines['flag'][i]}: {rule.id}"
        for rule in load_rules(select=["ALL"]).rules
        for i, pin in enumerate(rule.example_pins["flag"])
        if pin is None
    ]
    assert unpinned == [], "pin these flag examples ({text, match}):\n" + "\n".join(unpinned)
