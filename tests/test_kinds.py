"""Each rule kind end to end: a small pack of our own, a draft, these findings."""

import re
import textwrap

import pytest
from conftest import draft

from factlint import lint_text, load_rules

COMMON = """
    category: house
    severity: warning
    why: "House style."
    link: "https://example.org/style"
"""


def pack(tmp_path, body: str):
    """Load a one-file pack whose rules share COMMON keys; examples are checked elsewhere."""
    common = draft(COMMON).strip()
    text = "rules:\n" + re.sub(
        r"^( *)__COMMON__", lambda m: textwrap.indent(common, m.group(1)), draft(body), flags=re.MULTILINE
    )
    (tmp_path / "pack.yaml").write_text(text, encoding="utf-8")
    return load_rules([tmp_path], builtin=False)


EX = 'examples: {flag: ["x"], pass: ["y"]}'


def lint(rules, text, path="draft.md"):
    return [(f.rule, f.line, f.column, f.match) for f in lint_text(text, path, rules)]


def test_phrase_words_are_whole_words_case_insensitive_across_line_wraps(tmp_path):
    rules = pack(
        tmp_path,
        f"""
          - id: house/vague
            kind: phrase
            __COMMON__
            words: ["according to multiple reports", reportedly]
            message: "Vague: {{match}}"
            {EX}
        """,
    )
    text = "Reportedly, talks failed.\nAccording to multiple\nreports, unreportedly so.\n"
    assert lint(rules, text) == [
        ("house/vague", 1, 1, "Reportedly"),
        ("house/vague", 2, 1, "According to multiple\nreports"),
    ]


def test_a_phrase_of_several_words_also_finds_its_hyphenated_compound(tmp_path):
    rules = pack(
        tmp_path,
        f"""
          - id: house/label
            kind: phrase
            __COMMON__
            words: ["hard left", must-see]
            message: "Label: {{match}}"
            {EX}
        """,
    )
    text = "They pursue a hard-Left agenda, a hard left turn, a must-see show.\nYou must see it.\n"
    assert lint(rules, text) == [
        ("house/label", 1, 15, "hard-Left"),
        ("house/label", 1, 35, "hard left"),
        ("house/label", 1, 53, "must-see"),
    ]  # a listed compound's words apart are not it: "you must see it" is no hype


def test_phrase_patterns_exceptions_and_lexicons(tmp_path):
    (tmp_path / "lex.yaml").write_text("lexicons:\n  hype: [seismic, staggering]\n", encoding="utf-8")
    rules = pack(
        tmp_path,
        f"""
          - id: house/hype
            kind: phrase
            __COMMON__
            words: ["@hype"]
            patterns: ['\\bmega-\\w+']
            exceptions: ['seismic (?:survey|data)']
            message: "Hype: {{match}}"
            {EX}
        """,
    )
    text = "A seismic shift and staggering mega-deals. The seismic survey found oil.\n"
    assert [m for *_, m in lint(rules, text)] == ["seismic", "staggering", "mega-deals"]


def test_scopes_outside_quote_and_headline(tmp_path):
    rules = pack(
        tmp_path,
        f"""
          - id: house/slammed
            kind: phrase
            __COMMON__
            scope: outside-quote
            words: [slammed]
            message: "{{match}}"
            {EX}
          - id: house/question-headline
            kind: phrase
            __COMMON__
            scope: headline
            patterns: ['\\?$']
            message: "Question in headline"
            {EX}
        """,
    )
    text = draft("""
        # Is the bridge safe?

        “They slammed the plan,” the mayor said. Critics slammed it too.

        Is it safe? Nobody knows.
        """)
    assert lint(rules, text) == [("house/question-headline", 1, 21, "?"), ("house/slammed", 3, 50, "slammed")]


def test_substitute_suggests_with_matching_case_and_offers_a_fix(tmp_path):
    rules = pack(
        tmp_path,
        f"""
          - id: house/said
            kind: substitute
            __COMMON__
            swap: {{slammed: criticized, blasted: [criticized, condemned]}}
            fix: safe
            message: "Write '{{suggestion}}' instead of '{{match}}'."
            {EX}
        """,
    )
    found = lint_text("Slammed by critics, he blasted back.\n", "d.txt", rules)
    assert [(f.match, f.message, f.suggestions, f.fix.replacement, f.fix.safe) for f in found] == [
        ("Slammed", "Write 'Criticized' instead of 'Slammed'.", ["Criticized"], "Criticized", True),
        ("blasted", "Write 'criticized' instead of 'blasted'.", ["criticized", "condemned"], "criticized", True),
    ]


def test_sentence_rule_when_unless_and_window(tmp_path):
    rules = pack(
        tmp_path,
        f"""
          - id: house/figure
            kind: sentence
            __COMMON__
            when: {{patterns: ['\\b\\d+ (?:people|deaths)\\b']}}
            unless: {{words: [said, according to], link: true}}
            window: 1
            message: "Who counted {{match}}?"
            {EX}
        """,
    )
    text = draft("""
        The storm killed 12 people. Roads were closed.

        The storm killed 40 people. Power failed. The agency said so.

        The storm killed 9 people, the agency said.

        See [the data](https://example.org): 30 deaths.
        """)
    assert lint(rules, text) == [("house/figure", 1, 18, "12 people"), ("house/figure", 3, 18, "40 people")]


def test_repetition_adjacent_and_count(tmp_path):
    rules = pack(
        tmp_path,
        f"""
          - id: house/doubled
            kind: repetition
            mode: adjacent
            allow: [had]
            safe-fix: [the]
            __COMMON__
            message: "Doubled: {{match}}"
            {EX}
          - id: house/hedges
            kind: repetition
            mode: count
            words: [may, could, might]
            min: 3
            unit: paragraph
            __COMMON__
            message: "{{count}} hedges ({{words}})"
            {EX}
        """,
    )
    text = "The the plan had had its day. It may fail, could stall and might collapse.\n"
    found = lint_text(text, "d.txt", rules)
    assert [(f.rule, f.match, f.message) for f in found] == [
        ("house/doubled", "The the", "Doubled: The the"),
        ("house/hedges", "might", "3 hedges (may, could, might)"),
    ]
    assert found[0].fix.replacement == "The" and found[0].fix.safe


def test_consistency_reports_the_minority_spelling(tmp_path):
    (tmp_path / "lex.yaml").write_text(
        "lexicons:\n  uk: [colour, organise]\n  us: [color, organize]\n", encoding="utf-8"
    )
    rules = pack(
        tmp_path,
        f"""
          - id: house/zelensky
            kind: consistency
            __COMMON__
            groups: [[Zelensky, Zelenskyy]]
            message: "'{{match}}' but '{{other}}' elsewhere"
            {EX}
          - id: house/spelling
            kind: consistency
            __COMMON__
            groups: [["@uk", "@us"]]
            message: "'{{match}}': use '{{suggestion}}'"
            {EX}
        """,
    )
    text = "Zelenskyy spoke. Zelensky left. Zelensky returned. The colour of the flag, organize it.\n"
    found = lint_text(text, "d.txt", rules)
    assert [(f.match, f.message) for f in found] == [
        ("Zelenskyy", "'Zelenskyy' but 'Zelensky' elsewhere"),
        ("organize", "'organize': use 'organise'"),
    ]


def test_metric_sentence_length_and_document_grade(tmp_path):
    rules = pack(
        tmp_path,
        f"""
          - id: house/long
            kind: metric
            metric: words
            unit: sentence
            max: 8
            __COMMON__
            message: "{{value}} words (max {{limit}})"
            {EX}
          - id: house/grade
            kind: metric
            metric: flesch-kincaid-grade
            unit: document
            max: 30
            __COMMON__
            message: "grade {{value}}"
            {EX}
        """,
    )
    text = "Short one. This sentence has rather more than eight words in it, surely.\n"
    found = lint_text(text, "d.txt", rules)
    assert [(f.rule, f.column, f.message) for f in found] == [("house/long", 12, "11 words (max 8)")]


def test_structure_checks_take_options(tmp_path):
    rules = pack(
        tmp_path,
        f"""
          - id: house/repeat
            kind: structure
            check: repeated-paragraph
            options: {{min-words: 3}}
            __COMMON__
            message: "Repeats line {{line}}"
            {EX}
        """,
    )
    text = "Fares rise in May.\n\nBuses stop at nine.\n\nFares rise in May.\n"
    assert [(f.line, f.message) for f in lint_text(text, "d.txt", rules)] == [(5, "Repeats line 1")]


def test_structure_check_rejects_an_option_it_does_not_have(tmp_path):
    from factlint.ruleset import RuleLoadError

    with pytest.raises(RuleLoadError, match="check 'missing-space' has no option 'brackets'"):
        pack(
            tmp_path,
            f"""
              - id: house/space
                kind: structure
                check: missing-space
                options: {{brackets: true}}
                __COMMON__
                message: "x"
                {EX}
            """,
        )


def test_a_catastrophic_regex_times_out_and_the_run_goes_on(tmp_path):
    from factlint.api import lint_text_result
    from factlint.kinds import base

    rules = pack(
        tmp_path,
        f"""
          - id: house/slow
            kind: phrase
            __COMMON__
            patterns: ['(a+)+$']
            message: "x"
            {EX}
          - id: house/fast
            kind: phrase
            __COMMON__
            words: [reportedly]
            message: "x"
            {EX}
        """,
    )
    old = base.REGEX_TIMEOUT
    base.REGEX_TIMEOUT = 0.2
    try:
        result = lint_text_result("reportedly " + "a" * 40000 + "!\n", "d.txt", rules)
    finally:
        base.REGEX_TIMEOUT = old
    assert [f.rule for f in result.findings] == ["house/fast"]
    assert [(e.rule, "longer than" in e.message) for e in result.errors] == [("house/slow", True)]
