"""Property-based tests: for any text, factlint never crashes and every finding agrees with the text.

CI runs a moderate number of examples; set FACTLINT_HYPOTHESIS_PROFILE=nightly for many more
(see docs/testing.md).
"""
import os

from hypothesis import HealthCheck, given, settings, strategies as st

from factlint import lint_text, load_rules
from factlint.document import parse

settings.register_profile("ci", max_examples=150, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("nightly", max_examples=5000, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("FACTLINT_HYPOTHESIS_PROFILE", "ci"))

RULES = load_rules(select=["ALL"])

# Pieces that exercise the parsers: Markdown syntax, quotation marks, abbreviations, newlines.
FRAGMENTS = st.sampled_from([
    "# ", "## ", "---\n", "title: x\n", "+++\n", "> ", "- ", "1. ", "* ", "**", "_", "`", "```\n", "~~",
    "[", "](", ")", "](https://example.org/a_b)", "<!-- ", " -->", "<b>", "</b>", "![alt](i.png)", "|", "\\",
    "“", "”", "‘", "’", '"', "'", "«", "»", "(", "[CHECK]", "TK", "U.S.", "Dr.", "3.5", "plan?It",
    "reportedly", "according to multiple reports", "the the", "slammed", "said", "officials said",
    "\n", "\r\n", "\r", "\n\n", "\t", "  ", " ", ".", "?", "!", "…", "\ufeff", "\u00a0", "İ", "ß", "🚧", "é",
    "dozens of civilians", "$48 million", "12%", "US", "Zelensky", "Zelenskyy",
])
TEXTS = st.one_of(
    st.lists(st.one_of(FRAGMENTS, st.text(max_size=8)), max_size=60).map("".join),
    st.text(max_size=300),
)


def reference_position(text: str, offset: int) -> tuple[int, int]:
    line_start, line = 0, 1
    i = 0
    while i < offset:
        if text[i] == "\r" and i + 1 < len(text) and text[i + 1] == "\n":
            if i + 1 >= offset:
                break
            i += 2
            line, line_start = line + 1, i
            continue
        if text[i] in "\r\n":
            line, line_start = line + 1, i + 1
        i += 1
    return line, offset - line_start + 1


def check_findings(text: str, path: str) -> list:
    findings = lint_text(text, path, RULES)
    for f in findings:
        assert 0 <= f.offset <= f.end_offset <= len(text)
        assert text[f.offset:f.end_offset] == f.match
        assert (f.line, f.column) == reference_position(text, f.offset)
        assert (f.end_line, f.end_column) == reference_position(text, f.end_offset)
        if f.fix is not None:
            assert f.offset <= f.fix.offset <= f.fix.end_offset <= f.end_offset
    return findings


@given(TEXTS)
def test_markdown_never_crashes_and_findings_agree_with_the_text(text):
    check_findings(text, "draft.md")


@given(TEXTS)
def test_plain_text_never_crashes_and_findings_agree_with_the_text(text):
    check_findings(text, "draft.txt")


@given(TEXTS, st.sampled_from(["d.md", "d.txt"]))
def test_the_document_model_maps_every_span_inside_the_text(text, path):
    doc = parse(text, path)
    n = len(text)
    for block in doc.blocks:
        assert 0 <= block.start <= block.end <= n
        assert block.pstart <= block.pend <= len(doc.prose)
    for s in doc.sentences:
        start, end = doc.to_raw(s.start, s.end)
        assert 0 <= start <= end <= n
        assert doc.prose[s.start:s.end].strip() == doc.prose[s.start:s.end]
    for q in doc.quotes:
        assert q.start < q.end <= len(doc.prose)


@given(TEXTS)
def test_the_same_input_gives_the_same_output(text):
    assert lint_text(text, "d.md", RULES) == lint_text(text, "d.md", RULES)
