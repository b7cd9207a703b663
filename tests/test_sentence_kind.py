"""The ``sentence`` kind's attribution filters, ``report: attribution`` and ``window-breaks``,
as a newsroom's own pack would use them."""

from __future__ import annotations

import textwrap

import pytest
from conftest import findings_of, positions

from factlint import load_rules
from factlint.ruleset import RuleLoadError

PACK = textwrap.dedent("""
    rules:
      - id: house/unnamed-officials
        kind: sentence
        category: house
        severity: warning
        when:
          attribution:
            kind: [vague, anonymous]
            head: [officials, official]
            reason: false
            reference: false
        report: attribution
        message: "Which officials? '{match}'"
        why: "House rule."
        link: "https://example.org/house"
        examples:
          flag: ["Officials said the road would close."]
          pass: ["Ana Ruiz, the city engineer, said the road would close."]

      - id: house/claim-without-source
        kind: sentence
        category: house
        severity: info
        when:
          words: [record]
        unless:
          attribution: any
        window: paragraph
        window-breaks: [meanwhile]
        message: "Whose record? '{match}'"
        why: "House rule."
        link: "https://example.org/house"
        examples:
          flag: ["Sales hit a record."]
          pass: ["Sales hit a record, the company said."]
""")


@pytest.fixture(scope="module")
def house(tmp_path_factory):
    folder = tmp_path_factory.mktemp("pack")
    (folder / "house.yaml").write_text(PACK, encoding="utf-8")
    return load_rules([str(folder)], builtin=False)


def test_an_attribution_filter_reports_each_matching_source(house):
    text = (
        "Officials said the road would close. Two officials, who were not authorised to speak, "
        "said it would reopen. They added that buses would run. Critics said it was a mistake."
    )
    found = findings_of(text, "draft.txt", rule="house/unnamed-officials", rules=house)
    assert positions(found) == [(1, 1, "Officials said")]


def test_a_window_does_not_reach_across_a_new_thread(house):
    text = "The company said sales were strong. Meanwhile, exports hit a record.\n\nExports hit a record.\n"
    found = findings_of(text, "draft.txt", rule="house/claim-without-source", rules=house)
    assert [(f.line, f.match) for f in found] == [(1, "record"), (3, "record")]


def test_a_mistyped_filter_is_a_load_error(tmp_path):
    (tmp_path / "bad.yaml").write_text(PACK.replace("kind: [vague, anonymous]", "kind: [vauge]"), encoding="utf-8")
    with pytest.raises(RuleLoadError) as error:
        load_rules([str(tmp_path)], builtin=False)
    assert "attribution" in str(error.value.problems[0])
