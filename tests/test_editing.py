"""Editing rules: given a draft, these findings (line, column, match)."""

from conftest import draft, findings_of, positions


def editing(text: str, path: str = "draft.md"):
    return [(f.rule, f.line, f.match) for f in findings_of(text, path, "editing")]


def test_plain_text_headline_repeated_as_the_first_line():
    text = "Council approves budget\n\nCouncil approves budget\nThe council approved the budget on Monday.\n"
    assert editing(text, "story.txt") == [("editing/duplicate-headline", 3, "Council approves budget")]


def test_front_matter_title_repeated_as_h1_is_the_layout_two_identical_headings_are_not():
    text = draft("""
        ---
        title: Council approves budget
        ---
        # Council approves budget

        The council met.

        ## Reaction

        The mayor spoke.

        ## Reaction

        The opposition did not.
        """)
    assert editing(text) == [("editing/duplicate-headline", 12, "Reaction")]


def test_doubled_words_but_not_grammatical_doubles_or_names():
    assert editing("The the council met on on Monday.\n") == [
        ("editing/repeated-word", 1, "The the"),
        ("editing/repeated-word", 1, "on on"),
    ]
    assert editing("The council that had had enough said that that was final. Duran Duran played.\n") == []


def test_doubled_word_across_a_line_wrap():
    assert editing("The council met on\non Monday.\n", "story.txt") == [("editing/repeated-word", 1, "on\non")]


def test_missing_space_after_sentence_punctuation():
    text = "Who is behind the plan?US envoys lead the talks. Shares of Acme Inc.The offer closes.\n"
    found = findings_of(text, rule="editing/missing-space")
    assert positions(found) == [(1, 19, "plan?US"), (1, 65, "Inc.The")]
    assert [f.fix.replacement for f in found] == ["plan? US", "Inc. The"]
    assert all(f.fix.safe for f in found)


def test_missing_space_after_a_dotted_abbreviation_or_a_number():
    text = (
        "The ferry left at 5 p.m.It sank an hour later. Growth was 3.5.The rest fell. "
        "Aid from the U.S.The plan failed. Fares rose in 2024.Then they fell. The home side won 3-2.Fans cheered.\n"
    )
    found = findings_of(text, rule="editing/missing-space")
    assert [f.match for f in found] == ["p.m.It", "3.5.The", "U.S.The", "2024.Then", "3-2.Fans"]
    assert [f.fix.replacement for f in found] == ["p.m. It", "3.5. The", "U.S. The", "2024. Then", "3-2. Fans"]


def test_no_missing_space_in_a_numbered_line_a_file_name_or_an_address():
    text = draft("""
        1.Introduction of the new fares.

        Read report.v2.Final.pdf or example.com.Today, mail press@example.org or see 10.5.Beta.html.
        The U.S.A. team won 3.5 points to 2. Version 2.0 ships.
        """)
    assert editing(text) == []


def test_no_missing_space_in_abbreviations_decimals_urls_or_ellipses():
    text = "The U.S.A. grew 3.5 percent, e.g. in services. See www.example.com/News.Today. Wait...And see.\n"
    assert editing(text) == []


def test_placeholders_and_editor_notes():
    text = "Revenue rose to $TK million [CHECK]. Turnout was XX percent. FIXME add quote.\n"
    assert [m for _, _, m in editing(text)] == ["TK", "[CHECK]", "XX", "FIXME"]


def test_placeholder_traps():
    assert editing("The champion won by TKO. Coach Tkachenko watched Super Bowl XX. The XX chromosome.\n") == []


def test_unbalanced_quotation_mark_and_bracket():
    assert editing("The mayor said “we will not back down on Monday.\n") == [("editing/unbalanced", 1, "“")]
    assert editing("The council (which met on Monday voted.\n") == [("editing/unbalanced", 1, "(")]


def test_a_quotation_continued_in_the_next_paragraph_is_not_unbalanced():
    text = draft("""
        “We will not back down,” the mayor said. “The budget is fair.

        “And we will defend it,” she added.
        """)
    assert editing(text) == []


SENTENCE_A_LINE = (
    "Ferry calls soar\n\n"
    # (one line longer than a hard wrap: the copy is unwrapped, a line a paragraph)
    "“When the strike began on the first Monday of the month, our phones rang all day and all night, "
    "and they have not stopped ringing since,” said union chief Ana Ruiz, who has led the dockers since 2019.\n"
    "“In the last two months, our numbers have doubled.\n"
    "It has never been this busy.\n"
    "We now get 1,400 calls a month.” But the port says trade is steady.\n"
)


def test_a_quotation_runs_on_across_the_lines_of_plain_text_set_a_sentence_a_line():
    assert editing(SENTENCE_A_LINE, "story.txt") == []
    # what runs on is quoted: the figure is Ruiz's, not the reporter's
    assert findings_of(SENTENCE_A_LINE, "story.txt", "attribution") == []
    # a blank line is a paragraph break: the quotation was left open, and the mark closes nothing
    broken = SENTENCE_A_LINE.replace("doubled.\n", "doubled.\n\n")
    assert editing(broken, "story.txt") == [("editing/unbalanced", 4, "“"), ("editing/unbalanced", 7, "”")]
    # an inch mark on a line in between is no closing mark
    tall = SENTENCE_A_LINE.replace("It has never been this busy.", "Our new clerk is 6’2” and never sits down.")
    assert editing(tall, "story.txt") == []
    # an opening mark first on the next line: the quotation was left open
    reopened = SENTENCE_A_LINE.replace("We now get", "“We now get")
    assert ("editing/unbalanced", 4, "“") in editing(reopened, "story.txt")


def test_in_markdown_a_line_break_is_no_paragraph_break_and_a_blank_line_is():
    text = "“In the last two months, our numbers have doubled.\n\nWe now get 1,400 calls a month.”\n"
    assert editing(text, "story.md") == [("editing/unbalanced", 1, "“"), ("editing/unbalanced", 3, "”")]


def test_an_inch_mark_after_feet_is_no_quotation_mark():
    assert editing("“He is taller than me; he is like 6’2”,” the senator said.\n") == []
    assert editing("The rower is 6'4\" and the cox 5'2\".\n", "story.txt") == []
    # a closing mark after a plain number still closes the quotation
    assert editing("“The vote was 5-2,” she said.\n") == []


def test_a_straight_quote_between_letters_is_an_apostrophe():
    assert editing('Indonesia"s farm sector will grow by 1.0 pct this year.\n', "wire.txt") == []


def test_paragraph_without_closing_punctuation():
    assert editing("The council approved the budget on Monday after a long debate\n") == [
        ("editing/missing-end-punctuation", 1, "debate")
    ]
    assert editing("- fees rise in May\n- routes are cut next year\n") == []


def test_a_dek_needs_no_closing_punctuation():
    text = draft("""
        ---
        title: Bridge tolls to rise
        dek: Drivers will pay more from March as the agency repays its loans
        ---

        Tolls on the harbour bridge will rise in March, the transport agency said.
        """)
    assert editing(text) == []


def test_repeated_paragraph_and_repeated_sentence():
    text = draft("""
        The council approved the budget on Monday after a long debate.

        The council approved the budget on Monday after a long debate.
        """)
    assert editing(text) == [("editing/repeated-paragraph", 3, text.splitlines()[2])]


def test_consistency_one_spelling_per_story():
    text = "President Zelensky met envoys in Kyiv. Zelenskyy said the talks were useful. Zelensky left.\n"
    assert editing(text) == [("editing/name-spelling", 1, "Zelenskyy")]
    assert editing("The loan is worth US$2 billion. U.S. envoys signed it.\n") == []
    assert editing("The mayor sent an email. Her e-mail leaked, and a second email followed.\n") == [
        ("editing/term-spelling", 1, "e-mail")
    ]


def test_us_in_a_headline_and_us_in_the_body_are_both_right():
    assert editing("# US envoys meet\n\nU.S. envoys met on Monday.\n") == []


def test_mixed_british_and_american_spelling():
    text = "The council will organise a vote and defend the centre. The color scheme changed.\n"
    found = findings_of(text, rule="editing/mixed-spelling")
    assert positions(found) == [(1, 61, "color")]
    assert found[0].suggestions == ["colour"]


def test_proper_names_do_not_count_as_spellings():
    assert editing("The council will organise a vote at the Kennedy Center and the World Health Organization.\n") == []


def test_broken_markdown_links():
    text = "Read [the report]() and [the memo] (https://example.org/memo) or [](https://example.org).\n"
    assert [m for _, _, m in editing(text)] == [
        "the report",
        "[the memo] (https://example.org/memo)",
        "[](https://example.org)",
    ]
    assert editing("Read [the report](https://example.org/report).\n") == []


def test_double_spaces_only_when_selected():
    from factlint import load_rules

    text = "The council  met on Monday.  It voted.\n"
    assert editing(text) == []
    rules = load_rules(select=["editing/double-space"])
    assert positions(findings_of(text, rules=rules)) == [(1, 12, "  ")]


def test_a_bare_section_mark_is_an_editor_note_in_markdown_and_in_plain_text():
    text = "The council met on Monday.\n\n###\n\nThe vote is next week.\n"
    assert editing(text, "story.md") == [("editing/empty-heading", 3, "###")]
    assert editing(text, "story.txt") == [("editing/placeholder", 3, "###")]


def test_a_row_label_recurring_in_another_table_is_no_repeated_paragraph():
    text = draft("""
        | measure | before | after |
        |---|---|---|
        | findings per thousand words in the wire copy sample | 4.8 | 6.7 |

        Later, a second round:

        | measure | before | after |
        |---|---|---|
        | findings per thousand words in the wire copy sample | 6.7 | 7.4 |
        """)
    assert findings_of(text, "notes.md", rule="editing/repeated-paragraph") == []
