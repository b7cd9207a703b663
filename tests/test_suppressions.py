"""Suppression comments in Markdown and plain text, and --report-unused-suppressions."""

from __future__ import annotations

import pytest
from conftest import factlint, locations, write

from factlint.document import parse


def lint(tmp_path, text: str, name: str = "story.md", *args: str):
    write(tmp_path, name, text)
    run = factlint(*args, name, cwd=tmp_path)
    return [(line, rule) for _, line, rule in locations(run.out)]


TWO_SLIPS = """\
    # Ferry fares

    {comment}
    The minister reportedly slammed the plan.

    The mayor reportedly slammed it too.
    """


@pytest.mark.parametrize(
    "comment, expected",
    [
        (
            "<!-- factlint-disable-next-line sourcing/vague-reports -->",
            [(4, "framing/loaded-said"), (6, "sourcing/vague-reports"), (6, "framing/loaded-said")],
        ),
        (
            "<!-- factlint-disable-next-line sourcing -->",
            [(4, "framing/loaded-said"), (6, "sourcing/vague-reports"), (6, "framing/loaded-said")],
        ),
        (
            "<!-- factlint-disable-next-line framing/*, sourcing/vague-reports -->",
            [(6, "sourcing/vague-reports"), (6, "framing/loaded-said")],
        ),
        ("<!-- factlint-disable-next-line -->", [(6, "sourcing/vague-reports"), (6, "framing/loaded-said")]),
        (
            "<!-- factlint-disable-next-line framing -- Grant's own word, quoted in the sidebar -->",
            [(4, "sourcing/vague-reports"), (6, "sourcing/vague-reports"), (6, "framing/loaded-said")],
        ),
    ],
)
def test_disable_next_line(tmp_path, comment, expected):
    assert lint(tmp_path, TWO_SLIPS.format(comment=comment)) == expected


def test_without_comment_both_lines_are_reported(tmp_path):
    assert len(lint(tmp_path, TWO_SLIPS.format(comment=""))) == 4


def test_disable_enable_range(tmp_path):
    text = """\
        # Ferry fares

        <!-- factlint-disable framing -->

        The minister slammed the plan. The council reportedly agreed.

        The mayor slammed it too.

        <!-- factlint-enable framing -->

        The harbour master slammed it last.
        """
    assert lint(tmp_path, text) == [(5, "sourcing/vague-reports"), (11, "framing/loaded-said")]


def test_disable_without_enable_runs_to_the_end_and_enable_of_a_family_ends_a_rule(tmp_path):
    text = """\
        # Ferry fares

        The minister slammed the plan.
        <!-- factlint-disable framing/loaded-said -->
        The mayor slammed it too.
        <!-- factlint-enable framing -->
        The harbour master slammed it last.
        <!-- factlint-disable -->
        Critics reportedly slammed it.
        """
    assert lint(tmp_path, text) == [(3, "framing/loaded-said"), (7, "framing/loaded-said")]


def test_disable_file(tmp_path):
    text = """\
        <!-- factlint-disable-file sourcing -->
        # Ferry fares

        The minister reportedly slammed the plan.
        """
    assert lint(tmp_path, text) == [(4, "framing/loaded-said")]
    assert lint(tmp_path, text.replace(" sourcing", "")) == []


def test_disable_line_inline(tmp_path):
    text = """\
        # Ferry fares

        The minister slammed the plan. <!-- factlint-disable-line framing/loaded-said -->
        The mayor slammed it too.
        """
    assert lint(tmp_path, text) == [(4, "framing/loaded-said")]


def test_a_suppression_inside_code_is_not_a_suppression(tmp_path):
    text = """\
        # Ferry fares

        ```
        <!-- factlint-disable-file -->
        ```

        The minister slammed the plan.
        """
    assert lint(tmp_path, text) == [(7, "framing/loaded-said")]


PLAIN = """\
    Ferry fares rise

    <!-- factlint-disable-next-line sourcing -- named in the sidebar -->
    The minister reportedly slammed the plan.

    The mayor reportedly slammed it too.
    """


def test_plain_text_uses_the_same_comment_on_a_line_of_its_own(tmp_path):
    assert lint(tmp_path, PLAIN, "wire.txt") == [
        (4, "framing/loaded-said"),
        (6, "sourcing/vague-reports"),
        (6, "framing/loaded-said"),
    ]


def test_plain_text_comment_line_is_not_prose():
    doc = parse(draft_text := PLAIN.replace("    ", ""), "wire.txt")
    comment_line = draft_text.splitlines()[2]
    assert doc.comments == [(draft_text.index(comment_line), draft_text.index(comment_line) + len(comment_line))]
    assert "factlint" not in doc.prose
    assert doc.headline is not None and doc.block_text(doc.headline) == "Ferry fares rise"
    # the comment separates paragraphs like a blank line
    first_line = parse("Ferry fares\n\nOne line.\n<!-- factlint-disable-next-line -->\nTwo line.\n", "w.txt")
    assert [b.kind for b in first_line.prose_blocks] == ["headline", "paragraph", "paragraph"]


def test_plain_text_trailing_disable_line_silences_its_line_and_is_not_prose(tmp_path):
    text = (
        "Ferry fares rise\n\n"
        "The minister reportedly slammed the plan. <!-- factlint-disable-line sourcing -- named below -->\n"
        "The mayor reportedly slammed it too.\n"
    )
    assert lint(tmp_path, text, "wire.txt") == [
        (3, "framing/loaded-said"),
        (4, "sourcing/vague-reports"),
        (4, "framing/loaded-said"),
    ]
    doc = parse(text, "wire.txt")
    start = text.index("<!--")
    assert doc.comments == [(start - 1, text.index("-->") + 3)]  # the space before it goes with it
    assert "factlint" not in doc.prose and "named below" not in doc.prose


def test_plain_text_trailing_suppression_that_silences_nothing_is_reported(tmp_path):
    write(
        tmp_path,
        "wire.txt",
        "Ferry fares rise\n\nThe minister wants higher fares. <!-- factlint-disable-line sourcing -->\n",
    )
    run = factlint("--isolated", "--report-unused-suppressions", "wire.txt", cwd=tmp_path)
    assert locations(run.out) == [("wire.txt", 3, "factlint/unused-suppression")]


def test_plain_text_disable_file_as_first_line(tmp_path):
    text = "<!-- factlint-disable-file framing -->\nFerry fares rise\n\nThe minister reportedly slammed the plan.\n"
    assert lint(tmp_path, text, "wire.txt") == [(4, "sourcing/vague-reports")]


def test_unused_suppressions_are_reported_on_request(tmp_path):
    text = """\
        # Ferry fares

        <!-- factlint-disable-next-line sourcing, framing -->
        The minister slammed the plan.

        <!-- factlint-disable-next-line editing/repeated-word -->
        The mayor agreed.

        <!-- factlint-disable-next-line readability -->
        The ferry runs at noon.
        """
    # without the option: silent
    assert lint(tmp_path, text) == []
    write(tmp_path, "story.md", text)
    run = factlint("--report-unused-suppressions", "story.md", cwd=tmp_path)
    found = [(line, rule) for _, line, rule in locations(run.out)]
    # 'sourcing' silenced nothing on line 4; the repeated-word one silenced nothing at all.
    # readability/long-sentence is an info rule that is active, so line 9 is unused too.
    assert found == [
        (3, "factlint/unused-suppression"),
        (6, "factlint/unused-suppression"),
        (9, "factlint/unused-suppression"),
    ]
    assert "for 'sourcing' silenced nothing" in run.out
    assert "for 'framing'" not in run.out
    assert run.code == 0  # unused suppressions are warnings: shown, not failing by default


def test_unused_suppression_of_a_rule_that_is_not_running_is_not_reported(tmp_path):
    text = """\
        # Ferry fares

        <!-- factlint-disable-next-line framing -->
        The minister agreed.
        """
    write(tmp_path, "story.md", text)
    run = factlint("--report-unused-suppressions", "--ignore", "framing", "story.md", cwd=tmp_path)
    assert locations(run.out) == []
    assert run.code == 0


def test_a_suppression_naming_no_rule_is_reported_as_a_typo_with_the_nearest_id(tmp_path):
    text = """\
        # Ferry fares

        <!-- factlint-disable-next-line sourcing/vauge-reports -->
        The minister reportedly approved the plan.

        <!-- factlint-disable-next-line style -->
        The mayor agreed.
        """
    write(tmp_path, "story.md", text)
    run = factlint("--report-unused-suppressions", "story.md", cwd=tmp_path)
    found = [(line, rule) for _, line, rule in locations(run.out)]
    # the typo silences nothing: the finding it meant to silence is still there
    assert found == [
        (3, "factlint/unused-suppression"),
        (4, "sourcing/vague-reports"),
        (6, "factlint/unused-suppression"),
    ]
    assert (
        "Unknown rule 'sourcing/vauge-reports' in factlint-disable-next-line: no rule has "
        "this id or family; did you mean 'sourcing/vague-reports'?"
    ) in run.out
    assert (
        "Unknown rule 'style' in factlint-disable-next-line: no rule has this id or family; "
        "see `factlint rules`." in run.out
    )


def test_a_suppression_naming_a_rule_that_is_off_by_default_is_not_a_typo(tmp_path):
    # an opt-in rule (editing/double-space is off by default) exists even when it is not
    # running: its suppression is kept quietly
    text = """\
        # Ferry fares

        <!-- factlint-disable-next-line editing/double-space -->
        The mayor agreed.
        """
    write(tmp_path, "story.md", text)
    run = factlint("--report-unused-suppressions", "story.md", cwd=tmp_path)
    assert locations(run.out) == []
    assert run.code == 0
