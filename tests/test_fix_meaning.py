"""A safe fix never changes meaning (issue 17, item 3): given these drafts, exactly these
safe fixes -- a doubled word that cannot be grammatical, a missing space between two
sentences -- and none in a quotation, in code, a web address or a product name."""

from __future__ import annotations

import os
import re
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factlint import lint_text, load_rules
from factlint.document import parse
from factlint.fixes import applicable, apply_fixes, choose_fixes
from factlint.reading import discover, read_source

RULES = load_rules()
SITE = Path(__file__).parent / "fixtures" / "site"


def safe_fixes(text: str, path: str = "d.md") -> list[tuple[str, str]]:
    """(what a safe fix replaces, what it writes), in document order."""
    return [
        (text[f.fix.offset : f.fix.end_offset], f.fix.replacement)
        for f in lint_text(text, path, RULES)
        if f.fix is not None and f.fix.safe
    ]


def test_a_doubled_word_is_safe_to_fix_only_where_the_doubling_cannot_be_grammatical():
    text = "The the board met. It is a a plan to to go, and and nothing else.\n"
    assert safe_fixes(text) == [("The the", "The"), ("a a", "a"), ("to to", "to"), ("and and", "and")]


def test_a_doubling_that_can_be_grammatical_is_at_most_an_unsafe_suggestion():
    text = (
        "How does remote work work for the council? Activists call racism racism. "
        "She had had enough, and said that that was final.\n"
    )
    findings = [f for f in lint_text(text, "d.md", RULES) if f.rule == "editing/repeated-word"]
    assert [(f.match, f.fix.replacement, f.fix.safe) for f in findings] == [
        ("work work", "work", False),
        ("racism racism", "racism", False),
    ]  # "had had", "that that": nothing
    assert safe_fixes(text) == []


def test_no_fix_touches_a_quotation():
    text = '"We will not go go quietly," said Ana Ruiz. "The the fares are unfair.It is over," she added.\n'
    findings = [f for f in lint_text(text, "d.md", RULES) if f.category == "editing"]
    assert {f.match for f in findings} == {"go go", "The the", "unfair.It"}  # reported ...
    assert all(f.fix is None and f.suggestions == [] for f in findings)  # ... never rewritten


def test_product_and_domain_names_have_no_missing_space():
    text = (
        "The ticket system moved from Backbone.js to Node.js, Vue.Js and ASP.NET; it uses Socket.IO "
        "and Ext.JS, and sells through Booking.Com and Amazon.Com.\n"
    )
    assert [f.rule for f in lint_text(text, "d.md", RULES) if f.rule == "editing/missing-space"] == []
    assert safe_fixes("The board met on Monday.It voted.\n") == [("Monday.It", "Monday. It")]


def test_no_fix_touches_code_or_a_web_address():
    text = (
        "Run `the the fares.Update` to refresh, see [the notes](https://example.org/the%20the/Notes.Board) "
        "or https://example.org/Fares.May today.\n\n```\nthe the board.It met\n```\n"
    )
    assert safe_fixes(text) == []


# -- any draft ------------------------------------------------------------------------
PIECES = st.sampled_from(
    [
        "the the ",
        "The the ",
        "a a ",
        "to to ",
        "work work ",
        "had had ",
        "plan.It ",
        "June.The ",
        "Node.js ",
        '"',
        "“",
        "”",
        " said the mayor. ",
        "`",
        "`code.Here the the` ",
        "[link](https://example.org/a.B/the the) ",
        "https://example.org/X.Y ",
        "\n\n",
        "\n",
        " ",
        "Monday.",
        "It ",
        "{{< figure >}} ",
        "{% raw %}the the{% endraw %} ",
        "# ",
        "> ",
        "- ",
    ]
)
DRAFTS = st.lists(st.one_of(PIECES, st.text(alphabet='abcT .,\n"', max_size=6)), max_size=30).map("".join)
# a code span never crosses a blank line (CommonMark 6.1: a backtick run left open when the
# paragraph ends is literal text, and the words after it are prose); its backtick strings are
# whole runs ("``code`": the run of two has no closer, so there is no code span)
_CODE = re.compile(r"(?<!`)(`+)(?!`)(?:(?!\n[ \t]*\n).)*?(?<!`)\1(?!`)", re.DOTALL)
_LINK_TARGET = re.compile(r"\]\(([^)\s]*)\)")
_BARE_URL = re.compile(r"https?://\S+")


def protected_spans(text: str, path: str) -> list[tuple[int, int]]:
    """Raw spans no safe fix may touch: quotations (marks included), code spans, link
    targets and web addresses."""
    doc = parse(text, path)
    spans = [doc.to_raw(q.start, q.end) for q in doc.quotes]
    if path.endswith(".md"):
        spans += [m.span() for m in _CODE.finditer(text)] + [m.span(1) for m in _LINK_TARGET.finditer(text)]
    spans += [m.span() for m in _BARE_URL.finditer(text)]
    return spans


@settings(
    max_examples=int(os.environ.get("FACTLINT_FIX_MEANING_EXAMPLES", "200")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(DRAFTS, st.sampled_from(["d.md", "d.txt"]))
def test_safe_fixes_change_only_their_spans_and_leave_quotations_code_and_links_byte_identical(text, path):
    chosen = choose_fixes(text, applicable(lint_text(text, path, RULES), unsafe=False))
    fixed, _ = apply_fixes(text, chosen)
    # outside the fixed spans, the text is kept as it was, in order
    pieces, pos = [], 0
    for fix in chosen:
        pieces.append(text[pos : fix.offset])
        pos = fix.end_offset
    pieces.append(text[pos:])
    at = 0
    for fix, piece in zip(chosen + [None], pieces):
        assert fixed.startswith(piece, at)
        at += len(piece)
        if fix is not None:
            assert fixed.startswith(fix.replacement, at)
            at += len(fix.replacement)
    assert at == len(fixed)
    # and no fix overlaps a quotation, a code span, a link target or a web address
    for fix in chosen:
        for start, end in protected_spans(text, path):
            assert fix.end_offset <= start or end <= fix.offset, (text[start:end], fix)


# -- a realistic site -------------------------------------------------------------------
def _words(text: str) -> list[str]:
    """The words, a doubled word counted once (deleting one of "the the" changes no word)."""
    out: list[str] = []
    for w in re.findall(r"[\w’']+", text.lower()):
        if not out or out[-1] != w:
            out.append(w)
    return out


def test_every_safe_fix_on_a_realistic_site_and_none_changes_a_word():
    listed = []
    for path in discover([str(SITE)], (".md", ".markdown", ".txt")):
        text = read_source(path).text
        for f in lint_text(text, path, RULES):
            if f.fix is None or not f.fix.safe:
                continue
            rel = Path(path).relative_to(SITE).as_posix()
            listed.append((rel, f.line, f.rule, text[f.fix.offset : f.fix.end_offset], f.fix.replacement))
            fixed, _ = apply_fixes(text, [f.fix])
            assert _words(fixed) == _words(text), f
    assert sorted(listed) == sorted(
        [
            ("_posts/2026-05-01-ferry-fares.md", 12, "editing/repeated-word", "The the", "The"),
            ("_posts/2026-05-01-ferry-fares.md", 12, "editing/repeated-word", "a a", "a"),
            ("_posts/2026-05-01-ferry-fares.md", 12, "editing/repeated-word", "to to", "to"),
            ("content/posts/budget.md", 13, "editing/repeated-word", "to to", "to"),
            ("content/posts/schedule.md", 7, "editing/missing-space", "said.It", "said. It"),
            ("content/posts/schedule.md", 7, "editing/repeated-word", "the the", "the"),
            ("notes.txt", 3, "editing/missing-space", "June.The", "June. The"),
            ("notes.txt", 3, "editing/repeated-word", "the the", "the"),
        ]
    )
    # nothing in a quotation, code, a shortcode, Liquid or front matter is fixed: those
    # drafts hold "go go", "had had", "the the", "fares.Total", "budget.Sum" and "enough.It" too
