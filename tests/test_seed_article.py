"""The motivating draft (shared/seed/article.txt): every framing, editing and readability
problem an editor would circle, on its line and in its family -- and nothing else from
these families. Sourcing and attribution findings are specified in their own tests."""

from pathlib import Path

import pytest
from conftest import findings_of


def _find_seed() -> Path | None:
    for parent in Path(__file__).resolve().parents:
        candidate = parent / "shared" / "seed" / "article.txt"
        if candidate.exists():
            return candidate
    return None


SEED = _find_seed()
FAMILIES = ("framing", "editing", "readability")

EXPECTED = {
    (1, "framing/clickbait-headline", "What’s Really Going On"),  # "Really"
    (1, "framing/clickbait-headline", "Secret"),
    (3, "editing/duplicate-headline", "What’s Really Going On Behind the White House’s Secret Peace Plan for Ukraine"),
    (4, "framing/clickbait-headline", "what happens next"),
    (6, "framing/clickbait-teaser", "more than you think"),
    (8, "framing/hyperbole", "seismic"),
    (8, "framing/clickbait-teaser", "The twist?"),
    (12, "readability/long-sentence", None),
    (40, "framing/loaded-attribution", "insisted"),
    (40, "framing/loaded-language", "surrender"),
    (58, "framing/editorial-aside", "questions arise"),
    (66, "framing/loaded-language", "surrender"),
    (70, "framing/editorial-aside", "The world will be watching"),
    (74, "editing/missing-space", "plan?It’s"),
    (74, "editing/missing-end-punctuation", "Ukraine"),
    (76, "editing/missing-space", "plan?US"),
    (76, "editing/missing-end-punctuation", "negotiations"),
    (78, "editing/missing-space", "make?The"),
    (78, "editing/missing-end-punctuation", "partnerships"),
    (80, "editing/missing-space", "plan?No"),
    (80, "editing/missing-end-punctuation", "considered"),
    (82, "editing/missing-space", "plan?The"),
    (82, "editing/us-spelling", "U.S."),
    (82, "editing/missing-end-punctuation", "systems"),
}


@pytest.fixture(scope="module")
def seed_findings():
    if SEED is None:
        pytest.skip("the seed article (shared/seed/article.txt) is not beside the project")
    return [f for f in findings_of(SEED.read_text(encoding="utf-8"), "article.txt") if f.category in FAMILIES]


def test_every_circled_problem_is_reported_on_its_line(seed_findings):
    found = {(f.line, f.rule, f.match if rule_has_match(f.rule) else None) for f in seed_findings}
    missing = EXPECTED - found
    assert not missing, f"not reported: {sorted(missing)}"


def test_little_else_is_reported(seed_findings):
    found = {(f.line, f.rule, f.match if rule_has_match(f.rule) else None) for f in seed_findings}
    extra = found - EXPECTED
    assert not extra, f"unexpected: {sorted(extra)}"


def test_the_repeated_headline_is_not_reported_twice_as_clickbait(seed_findings):
    assert [f.rule for f in seed_findings if f.line == 3] == ["editing/duplicate-headline"]


def rule_has_match(rule: str) -> bool:
    return not rule.startswith("readability/")
