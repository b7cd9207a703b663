"""Every draft in bounded work (issue 18, item 3): a draft whose passes read more than
``--work-budget`` characters per character is stopped with one line naming it and exit
status 2, the other files are linted as usual, and the same draft is stopped at the same
pass in one process, in ``--jobs`` workers and through the library. The shapes that were
quadratic are linear now, so they stay within the default budget."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from conftest import doc_of, factlint

from factlint import lint_text
from factlint.document import budget
from factlint.document.budget import BudgetExceeded
from factlint.kinds.metric import _quoted_share

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "harbour-bridge.md"
#: 3,000 opening marks that never close: each runs to the end of the paragraph, and the
#: scare-quote check reads up to 4 KB of each, far more than 100 characters per character
FLOOD = "\u201c" * 3000 + "x\n"
STOPPED = (
    "factlint: error: {path}: work budget exceeded in quotations (more than 100 characters read "
    "per character of the draft); not linted (--work-budget sets the limit)"
)


@pytest.fixture
def planted(tmp_path):
    (tmp_path / "flood.md").write_text(FLOOD, encoding="utf-8")
    shutil.copy(EXAMPLE, tmp_path / "story.md")
    return tmp_path


def _json_findings(out: str) -> list[tuple[str, int, str]]:
    return [(Path(f["path"]).name, f["offset"], f["rule"]) for f in json.loads(out)["findings"]]


def test_a_draft_past_its_budget_is_one_line_and_exit_2_and_the_others_are_linted(planted):
    alone = factlint("--no-cache", "--format", "json", "story.md", cwd=planted)
    run = factlint("--no-cache", "--format", "json", "--work-budget", "100", "flood.md", "story.md", cwd=planted)
    assert run.code == 2
    assert run.err.splitlines() == [STOPPED.format(path="flood.md")]
    assert "Traceback" not in run.err
    # the story is linted as if alone; the flood reports nothing (it was not linted)
    assert _json_findings(run.out) == _json_findings(alone.out) != []


def test_the_default_budget_lets_the_same_draft_through(planted):
    run = factlint("--no-cache", "--format", "json", "flood.md", cwd=planted)
    assert run.code == 1 and run.err == ""
    assert {rule for _, _, rule in _json_findings(run.out)} == {"editing/unbalanced"}


def test_budget_zero_means_no_limit(planted):
    run = factlint("--no-cache", "--work-budget", "0", "flood.md", cwd=planted)
    assert run.code == 1 and run.err == ""


def test_the_same_draft_stops_at_the_same_pass_in_workers(planted, monkeypatch):
    from factlint import parallel

    monkeypatch.setattr(parallel, "PARALLEL_MIN_BYTES", 0)  # fork workers even for small files
    run = factlint("--no-cache", "--jobs", "2", "--work-budget", "100", "flood.md", "story.md", cwd=planted)
    assert run.code == 2
    assert run.err.splitlines() == [STOPPED.format(path="flood.md")]


def test_a_negative_budget_is_a_usage_error(planted):
    run = factlint("--work-budget", "-1", "story.md", cwd=planted)
    assert run.code == 2
    assert "Invalid value for '--work-budget'" in run.err


def test_the_library_raises_budget_exceeded_naming_the_pass():
    with pytest.raises(BudgetExceeded) as caught:
        lint_text(FLOOD, "flood.md", work_budget=100)
    assert caught.value.where == "quotations"
    assert lint_text(FLOOD, "flood.md") == lint_text(FLOOD, "flood.md", work_budget=budget.DEFAULT_PER_CHAR)


def test_ordinary_drafts_read_far_less_than_the_default():
    """The examples read each character well under a tenth of the default budget."""
    for path in sorted((ROOT / "examples").glob("*.md")):
        text = path.read_text(encoding="utf-8")
        with budget.work_budget(len(text), budget.DEFAULT_PER_CHAR // 10):
            lint_text(text, path.name)  # raises BudgetExceeded past a tenth of the default


def test_unclosed_quotes_one_a_sentence_stay_within_the_default_budget():
    # each unclosed mark runs to the end of the paragraph: blanking every open quotation in
    # every sentence charged 50 per quotation per sentence (quadratic), 7 times the budget
    text = "\u201cThe mayor spoke. " * 5000 + "\n"
    findings = lint_text(text, "draft.md", work_budget=budget.DEFAULT_PER_CHAR)
    assert len([f for f in findings if f.rule == "editing/unbalanced"]) == 5000


def _quoted_share_by_sum(doc) -> dict[int, int]:
    """The definition: per sentence, the characters inside each direct quotation, summed."""
    spans = [(q.inner_start, q.inner_end) for q in doc.quotes if q.direct]
    return {s.start: sum(max(0, min(b, s.end) - max(a, s.start)) for a, b in spans) for s in doc.sentences}


@pytest.mark.parametrize(
    "text",
    [
        "\u201cThe mayor spoke. " * 40,
        "He said \u201cit was “great” and fine.\u201d Then he left. “Yes,” she said. “No.",
        "“A. “B. ‘c’ d.” E. “F.”\n\n“G. “H.",
        "No quotation here. None at all.",
    ],
)
def test_the_quoted_share_sweep_is_the_sum_over_quotations(text):
    doc = doc_of(text)
    assert _quoted_share(doc) == _quoted_share_by_sum(doc)


def test_nesting_past_the_markdown_parser_is_refused_not_hidden(tmp_path):
    # markdown-it skips what is nested past its limit without a word: ten list markers
    # on a line hid the whole rest of the draft, so the vague sourcing below went unseen
    (tmp_path / "deep.md").write_text("- " * 10 + "x\n\nThe minister reportedly resigned.\n", encoding="utf-8")
    (tmp_path / "quotes.md").write_text("> " * 20 + "x\n\nThe end.\n", encoding="utf-8")
    (tmp_path / "nine.md").write_text("- " * 9 + "x\n\nThe minister reportedly resigned.\n", encoding="utf-8")
    run = factlint("--no-cache", "deep.md", "quotes.md", "nine.md", cwd=tmp_path)
    assert run.code == 2
    assert run.err.splitlines() == [
        f"factlint: error: {name}: line 1: nested deeper than the Markdown parser reads (10 lists or "
        "20 blockquotes); not linted"
        for name in ("deep.md", "quotes.md")
    ]
    assert run.out.splitlines()[0].startswith("nine.md:3:14: warning sourcing/vague-reports")
