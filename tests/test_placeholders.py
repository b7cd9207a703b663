"""Placeholders as reporters type them (issue 17, item 4): "£TKm", "$TKbn", "the TKth
century", "in the TKs" are placeholders; "[...]" marking a cut inside a quotation is not."""
from __future__ import annotations

import pytest

from factlint import lint_text, load_rules

RULES = load_rules(select=["editing/placeholder", "editing/placeholder-cut"])


def placeholders(text: str) -> list[tuple[str, str]]:
    return [(f.rule, f.match) for f in lint_text(text, "d.md", RULES)]


@pytest.mark.parametrize("text, match", [
    ("The deal is worth £TKm to the club.", "TKm"),
    ("The deal is worth $TKbn to the club.", "TKbn"),
    ("The church dates from the TKth century.", "TKth"),
    ("The pier was built in the TKs by the council.", "TKs"),
    ("Revenue rose to $TK million in the quarter.", "TK"),
])
def test_a_placeholder_glued_to_a_unit_or_an_ending_is_still_a_placeholder(text, match):
    assert placeholders(text) == [("editing/placeholder", match)]


@pytest.mark.parametrize("text", [
    "The champion won by TKO in the third round.",
    "Coach Tkachenko named his squad on Monday.",
    "She shops at TKmaxx and TKsports on Saturdays.",
])
def test_words_that_start_with_tk_are_not_placeholders(text):
    assert placeholders(text) == []


def test_a_cut_inside_a_quotation_is_not_a_placeholder_but_one_in_the_copy_is():
    quoted = '"We will fight this [...] and we will win," the mayor said on Monday.'
    assert placeholders(quoted) == []
    assert placeholders("The council voted [...] on Monday.") == [("editing/placeholder-cut", "[...]")]
    assert placeholders("The council voted […] on Monday.") == [("editing/placeholder-cut", "[…]")]
