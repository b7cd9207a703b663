"""Each rule's scorecard: its precision on editors' judgement (editor-dev), kept beside the rules.

``factlint/scorecard.json`` is written by ``bench/editors.py --write`` from the articles two
standards editors marked; it holds numbers and rule ids only. A rule that editors find right less
than half the time is not a warning by default until it is fixed.
"""

from factlint.ruledocs import SCORECARD_MIN_FINDINGS, SCORECARD_MIN_PRECISION, editors_line, explain, scorecard
from factlint.ruleset import load_rules


def test_the_scorecard_names_only_builtin_rules_and_adds_up():
    ids = {r.id for r in load_rules().rules}
    card = scorecard()
    assert card, "factlint/scorecard.json is missing: python bench/editors.py --write"
    for rule, row in card.items():
        assert rule in ids, f"{rule} is not a built-in rule: regenerate with bench/editors.py --write"
        assert row["findings"] == row["a"][0] + row["b"][0]
        assert row["right"] == row["a"][1] + row["b"][1] <= row["findings"]


def test_a_rule_editors_find_wrong_more_often_than_right_is_not_a_warning_by_default():
    card = scorecard()
    noisy = []
    for rule in load_rules().rules:
        row = card.get(rule.id)
        if not row or row["findings"] < SCORECARD_MIN_FINDINGS:
            continue
        if row["right"] / row["findings"] < SCORECARD_MIN_PRECISION and rule.severity != "info":
            noisy.append(f"{rule.id} ({row['right']}/{row['findings']}) is {rule.severity}")
    assert not noisy, "under 0.5 on editor-dev, make these 'info' until fixed: " + "; ".join(noisy)


def test_explain_shows_what_editors_made_of_a_rule():
    rules = {r.id: r for r in load_rules().rules}
    row = scorecard()["framing/loaded-language"]
    text = explain(rules["framing/loaded-language"])
    assert f"({row['right']} of {row['findings']} findings right by two editors" in text
    # editing and readability are not what editors marked: no line at all
    assert editors_line(rules["editing/repeated-word"]) is None
