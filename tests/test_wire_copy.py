"""Plain-text wire copy: hard wraps, indented paragraphs, sign-offs and tables of figures."""

from conftest import doc_of, draft, findings_of

WIRE = draft("""
    PORT STRIKE ENTERS SECOND WEEK

    Dockworkers at the northern port stayed off
    the job for an eighth day on Monday.
        The union said members would not return.
        Shipping agents said 40 vessels were waiting
    offshore.
        Results for the operator were:
        Shr 13 cts vs 22 cts
        Net 5,452,000 vs 9,789,000
        Sales 155.7 mln vs 135.1 mln
                      1986       1985     Change
     Cargo tonnes    41,200     39,800      3.5
     Vessels            812        790      2.8
     REUTER
    """)


def blocks(doc):
    return [(b.kind, doc.block_text(b)) for b in doc.blocks]


def test_every_indented_line_starts_a_paragraph_in_wire_copy():
    doc = doc_of(WIRE, "wire.txt")
    found = blocks(doc)
    assert ("paragraph", "The union said members would not return.") in found
    assert ("paragraph", "Shipping agents said 40 vessels were waiting offshore.") in found


def test_columns_of_figures_are_a_table_and_the_sign_off_stands_alone():
    doc = doc_of(WIRE, "wire.txt")
    kinds = [k for k, _ in blocks(doc)]
    assert "table" in kinds
    assert blocks(doc)[-1][1] == "REUTER"


def test_a_prose_paragraph_with_stray_double_spaces_is_no_table():
    # scraped copy keeps double spaces ("and  said"); a table's cells are a few words each
    text = (
        "Harbour fees\n\n"
        "The port board met on Monday and  agreed to raise the fees for every ferry that docks in the harbour overnight. "
        "About 40 skippers came to the meeting, which ran  late into the evening, and most of them left before the vote.\n"
    )
    doc = doc_of(text, "scraped.txt")
    assert [kind for kind, _ in blocks(doc)] == ["headline", "paragraph"]


def test_edited_wire_copy_has_no_editing_or_readability_findings():
    found = [f for f in findings_of(WIRE, "wire.txt") if f.category in ("editing", "readability")]
    assert found == []


def test_all_caps_headline_ending_in_a_dotted_abbreviation():
    doc = doc_of("TALKS STALL WITH U.S.\n\nTALKS STALL WITH U.S.\nThe talks stalled on Monday.\n", "wire.txt")
    assert doc.headline is not None
    found = findings_of(doc.text, "wire.txt", "editing/duplicate-headline")
    assert [f.line for f in found] == [3]


def test_a_paragraph_pasted_below_itself_without_a_break_is_found():
    text = draft("""
        TALKS STALL

        Yugoslavia and the United Arab
        Emirates have agreed to try to end the war, a minister said.
        Yugoslavia and the United Arab
        Emirates have agreed to try to end the war, a minister said.
            The talks will resume in May.
        """)
    found = findings_of(text, "wire.txt", "editing/repeated-paragraph")
    assert [(f.line, f.end_line) for f in found] == [(5, 6)]


def test_a_doubled_results_row_is_found_but_repeated_nil_rows_are_not():
    text = draft("""
        RESULTS

        Net profit rose, the company said.
            Shr profit eight cts vs profit four cts
            Shr profit eight cts vs profit four cts
            Reserve   nil   nil   n/a
            Reserve   nil   nil   n/a
        """)
    found = findings_of(text, "wire.txt", "editing/repeated-paragraph")
    assert [f.line for f in found] == [5]


# Scraped or pasted copy: one paragraph a line, no blank lines between them.
UNWRAPPED = (
    "Harbour fees rise again\n"
    "The port authority raised its mooring fees for the third time this year on Monday, and the"
    " ferry operators who use the northern quay say they will pass the cost on to passengers.\n"
    "Fares on the island route have already risen by 14% since the spring, when the operators"
    " blamed the price of fuel and the loss of two of the older boats to the breakers.\n"
    "The authority said the new fees would pay for dredging\n"
    "the channel, which silted up after the winter storms closed it for a week.\n"
)


def test_in_unwrapped_copy_every_line_that_ends_a_sentence_ends_a_paragraph():
    doc = doc_of(UNWRAPPED, "scraped.txt")
    found = blocks(doc)
    assert found[0] == ("headline", "Harbour fees rise again")
    assert [k for k, _ in found[1:]] == ["paragraph"] * 3
    assert found[2][1].startswith("Fares on the island route") and found[2][1].endswith("breakers.")
    # a line that stops mid-sentence still runs on into the next
    assert found[3][1] == (
        "The authority said the new fees would pay for dredging the channel, "
        "which silted up after the winter storms closed it for a week."
    )


def test_hard_wrapped_copy_keeps_its_lines_together():
    doc = doc_of(
        draft("""
        The port authority raised its mooring fees.
        Ferry operators say they will pass the cost
        on to passengers.
        """),
        "wrapped.txt",
    )
    assert [k for k, _ in blocks(doc)] == ["paragraph"]


CONFLICT_WIRE = draft("""
    Three border guards killed as truce frays

    NORTHPORT, June 3 - Three border guards were killed and seven wounded in fighting with
    separatists in the past 24 hours, a military spokesman said on Tuesday.

    Ana Lind, a spokeswoman for the self-proclaimed Northern Isles People's Republic, said
    government forces had fired first.

    The conflict has killed more than 6,000 people since April last year, according to the
    United Nations.

    The separatist-held coast, said to hold large gas reserves, borders the strait.

    Separatist leaders are thought unlikely to attend the talks.

    The bridge will be blasted if needed, a government commander told reporters.
    """)


def test_conflict_wire_copy_gets_its_two_vague_sources_and_nothing_else():
    """Casualty counts with their source, a state nobody recognises described as Reuters and
    the BBC describe one, and a bridge blasted in its literal sense are clean copy; what no
    source stands behind ("said to hold", "are thought unlikely") is circled."""
    found = [(f.rule, f.line, f.match) for f in findings_of(CONFLICT_WIRE, "wire.txt")]
    assert found == [
        ("sourcing/agentless-passive", 12, "said to"),
        ("sourcing/vague-reports", 14, "are thought unlikely"),
    ]
