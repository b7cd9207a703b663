"""Specification of bench/quality.py, on small texts written for these tests.

Nothing here comes from the research corpora: every text, annotation and label below was
written by hand to pin down one definition.  The linter is always a fake (a few regexes),
so the tests run without the factlint engine.
"""

from __future__ import annotations

import importlib.util
import json
import random
import re
import subprocess
import sys
import types
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent
SCRIPT = REPO_ROOT / "bench" / "quality.py"


def _load_bench_module():
    spec = importlib.util.spec_from_file_location("bench_quality", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up here
    spec.loader.exec_module(module)
    return module


q = _load_bench_module()


def regex_linter(*rules: tuple[str, str, str]):
    """A fake linter: (rule, category, pattern) triples -> dict findings."""

    def lint(text: str):
        return [
            {"offset": m.start(), "end_offset": m.end(), "rule": rule, "category": cat}
            for rule, cat, pattern in rules
            for m in re.finditer(pattern, text)
        ]

    return lint


def hits(linter, text):
    return q.lint(linter, text)


# --------------------------------------------------------------------------------------
# Spans and findings
# --------------------------------------------------------------------------------------


class TestOverlap:
    def test_half_open_spans_touching_at_the_boundary_do_not_overlap(self):
        assert not q.overlaps(5, 10, (10, 12))
        assert not q.overlaps(12, 14, (10, 12))

    def test_one_shared_character_is_enough(self):
        assert q.overlaps(9, 10, (5, 10))
        assert q.overlaps(0, 100, (5, 10))

    def test_a_zero_length_finding_covers_the_character_at_its_offset(self):
        assert q.overlaps(10, 10, (10, 12))
        assert not q.overlaps(12, 12, (10, 12))


def test_findings_may_be_objects_or_dicts_and_lines_come_from_offsets():
    class Finding:
        offset, end_offset, line, rule, category = 6, 9, 99, "editing/x", "editing"

    text = "first\nsecond\nthird"
    normalised = q.normalise_findings(
        [Finding(), {"start": 13, "end": 18, "rule": "framing/y", "category": "framing"}], text
    )
    assert normalised == [q.Hit(6, 9, 2, "editing/x", "editing"), q.Hit(13, 18, 3, "framing/y", "framing")]


# --------------------------------------------------------------------------------------
# Vague sources
# --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "source, head",
    [
        ("officials", "officials"),
        ("Senior administration officials", "officials"),
        ("people familiar with the negotiations", "people"),
        ("a source close to the governor", "source"),
        ("officials in the mayor's office", "officials"),
        ("advisers to the senator", "advisers"),
        ("analysts at the bank", "analysts"),
        ("critics who asked not to be named", "critics"),
        ("Maria Lopez, a city official", "lopez"),
        ("Maria Lopez (D-Ore.)", "lopez"),
        ("the mayor's aides", "aides"),
        ("Dr. Chen.", "chen"),
        ("they", "they"),
        ("who", "who"),
        ("  ", None),
    ],
)
def test_head_word_is_the_last_word_before_the_first_cut_word_or_character(source, head):
    assert q.source_head_word(source) == head


@pytest.mark.parametrize(
    "source, vague",
    [
        (None, True),  # no Source at all
        ("officials", True),
        ("a senior official", True),
        ("many in the party", True),
        ("some", True),
        ("Voters in the district", True),
        ("people who attended the meeting", True),
        ("the mayor", False),
        ("Maria Lopez, a city official", False),  # named, then described
        ("the Department of Transport", False),
        ("a spokesperson for the council", False),  # on the record for a named body
        ("they", False),  # pronouns are not vague
        ("he", False),
        ("I", False),
        ("you", False),
    ],
)
def test_a_source_is_vague_when_missing_or_headed_by_a_generic_noun(source, vague):
    assert q.is_vague_source(source) is vague


def test_pronouns_are_not_in_the_generic_list():
    assert not {"they", "he", "she", "we", "i", "you", "it"} & q.GENERIC_SOURCE_HEADS


def test_generic_list_holds_singular_and_plural_forms():
    for singular, plural in [
        ("official", "officials"),
        ("source", "sources"),
        ("person", "people"),
        ("witness", "witnesses"),
        ("authority", "authorities"),
        ("advisor", "advisors"),
        ("american", "americans"),
    ]:
        assert {singular, plural} <= q.GENERIC_SOURCE_HEADS


# --------------------------------------------------------------------------------------
# A tiny PolNeAR-style corpus
# --------------------------------------------------------------------------------------

POLNEAR_TEXT = (
    "Officials said the plan would fail. Jane Roe said the budget is balanced,\n"
    "which is clearly true. The bridge reportedly collapsed. Critics, who declined "
    "to be named, argued otherwise.\n"
)


def _offsets(text: str, fragment: str, after: int = 0) -> tuple[int, int]:
    start = text.index(fragment, after)
    return start, start + len(fragment)


def _t(tid: int, label: str, *fragments: str, after: int = 0, text: str = POLNEAR_TEXT) -> str:
    """A BRAT text-bound line; several fragments make a discontinuous span."""
    spans = [_offsets(text, f, after) for f in fragments]
    offsets = ";".join(f"{s} {e}" for s, e in spans)
    return f"T{tid}\t{label} {offsets}\t{' '.join(fragments)}"


def _polnear_ann() -> str:
    said_2 = POLNEAR_TEXT.index("Jane Roe")
    return (
        "\n".join(
            [
                # A1: generic source "Officials"
                _t(1, "Source", "Officials"),
                _t(2, "Cue", "said"),
                _t(3, "Content", "the plan would fail"),
                _t(4, "Attribution", "said"),
                "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1",
                # A2: named source; its Content crosses a line break (written raw in the .ann)
                _t(5, "Source", "Jane Roe"),
                _t(6, "Cue", "said", after=said_2),
                _t(7, "Content", "the budget is balanced,\nwhich is clearly true"),
                _t(8, "Attribution", "said", after=said_2),
                "E2\tAttribution:T8 Source:T5 Cue:T6 Content:T7",
                # A3: no source; discontinuous Content
                _t(9, "Cue", "reportedly"),
                _t(10, "Content", "The bridge", "collapsed"),
                _t(11, "Attribution-no-source", "reportedly"),
                "E3\tAttribution-no-source:T11 Content:T10 Cue:T9",
                # A4: generic head after a comma-cut
                _t(12, "Source", "Critics, who declined to be named"),
                _t(13, "Cue", "argued"),
                _t(14, "Content", "otherwise"),
                _t(15, "Attribution", "argued"),
                "E4\tAttribution:T15 Content:T14 Cue:T13 Source:T12",
                # A5: its Source text does not match the text at those offsets -> skipped
                "T16\tSource 0 9\tOficials",
                _t(17, "Cue", "said"),
                _t(18, "Attribution", "said"),
                "E5\tAttribution:T18 Cue:T17 Source:T16",
                "#1\tAnnotatorNotes T16\ta note, not a span",
            ]
        )
        + "\n"
    )


@pytest.fixture
def polnear_dir(tmp_path):
    root = tmp_path / "corpora" / "polnear-train"
    (root / "text").mkdir(parents=True)
    (root / "attributions").mkdir()
    (root / "text" / "story-one.txt").write_text(POLNEAR_TEXT, encoding="utf-8")
    (root / "attributions" / "story-one_a1b2.ann").write_text(_polnear_ann(), encoding="utf-8")
    # a second annotator's file for the same text: alphabetically later, so ignored
    (root / "attributions" / "story-one_f9e8.ann").write_text(
        _t(1, "Cue", "argued")
        + "\n"
        + _t(2, "Attribution-no-source", "argued")
        + "\n"
        + "E1\tAttribution-no-source:T2 Cue:T1\n",
        encoding="utf-8",
    )
    return root


def test_one_annotation_file_per_text_the_alphabetically_first(polnear_dir):
    chosen = q.pick_annotation_files(polnear_dir / "text", polnear_dir / "attributions")
    assert {k: v.name for k, v in chosen.items()} == {"story-one": "story-one_a1b2.ann"}


def test_polnear_loading_checks_offsets_and_skips_bad_attributions(polnear_dir):
    docs, stats = q.load_polnear(polnear_dir)
    assert (stats.texts, stats.ann_files) == (1, 2)
    assert (stats.span_mismatches, stats.spans_checked) == (1, 18)
    assert (stats.attributions_skipped, stats.attributions) == (1, 5)
    attributions = docs[0].attributions
    assert [a.source_text for a in attributions] == ["Officials", "Jane Roe", None, "Critics, who declined to be named"]
    assert [a.vague for a in attributions] == [True, False, True, True]


def test_discontinuous_spans_keep_every_fragment(polnear_dir):
    docs, _ = q.load_polnear(polnear_dir)
    bridge = docs[0].attributions[2]
    assert [POLNEAR_TEXT[s:e] for s, e in bridge.content] == ["The bridge", "collapsed"]
    assert [POLNEAR_TEXT[s:e] for s, e in bridge.cue] == ["reportedly"]


POLNEAR_FAKE = regex_linter(
    ("sourcing/officials-said", "sourcing", r"Officials said"),  # catches A1 (generic)
    ("sourcing/reportedly", "sourcing", r"reportedly"),  # catches A3 (no source)
    ("sourcing/named-person", "sourcing", r"Jane Roe"),  # false alarm on a named source
    ("attribution/clearly", "attribution", r"clearly"),  # inside A2's content: misfire
    ("attribution/otherwise", "attribution", r"otherwise"),  # inside A4's: vague source, fine
    ("framing/plan", "framing", r"plan"),  # other families are ignored
)


def test_sourcing_recall_and_precision(polnear_dir):
    docs, _ = q.load_polnear(polnear_dir)
    result = q.score_sourcing(docs, [hits(POLNEAR_FAKE, d.text) for d in docs])
    m = result.metrics
    assert (m["recall"].num, m["recall"].den) == (2, 3)  # A1, A3 of A1, A3, A4
    assert (m["recall_generic_head"].num, m["recall_generic_head"].den) == (1, 2)  # A1 of A1, A4
    assert (m["recall_sourceless"].num, m["recall_sourceless"].den) == (1, 1)  # A3
    assert (m["precision"].num, m["precision"].den) == (2, 3)
    by_rule = result.breakdowns["precision_by_rule"]
    assert {r: (v.num, v.den) for r, v in by_rule.items()} == {
        "sourcing/named-person": (0, 1),
        "sourcing/officials-said": (1, 1),
        "sourcing/reportedly": (1, 1),
    }
    assert [e.note for e in result.examples["misses"]] == ["generic source: critics"]
    assert [e.note for e in result.examples["false alarms"]] == ["sourcing/named-person"]


def test_sourceless_misses_are_described_by_their_cue(polnear_dir):
    docs, _ = q.load_polnear(polnear_dir)
    result = q.score_sourcing(docs, [[]])
    assert [e.note for e in result.examples["misses"]] == [
        "generic source: officials",
        "no source, cue: reportedly",
        "generic source: critics",
    ]


def test_attribution_misfires_start_inside_content_with_a_named_source(polnear_dir):
    docs, _ = q.load_polnear(polnear_dir)
    result = q.score_attribution(docs, [hits(POLNEAR_FAKE, d.text) for d in docs])
    misfire = result.metrics["misfire_rate"]
    assert (misfire.num, misfire.den) == (1, 2)
    assert {r: (v.num, v.den) for r, v in result.breakdowns["misfires_by_rule"].items()} == {
        "attribution/clearly": (1, 1),
        "attribution/otherwise": (0, 1),
    }


def test_a_finding_that_starts_before_the_content_is_not_a_misfire():
    attribution = q.Attribution(source=((0, 4),), cue=((5, 9),), content=((10, 20),), source_text="Jane")
    doc = q.AnnotatedText("d", "x" * 30, [attribution])
    before = q.Hit(8, 15, 1, "attribution/a", "attribution")
    inside = q.Hit(10, 25, 1, "attribution/b", "attribution")
    result = q.score_attribution([doc], [[before, inside]])
    assert (result.metrics["misfire_rate"].num, result.metrics["misfire_rate"].den) == (1, 2)


# --------------------------------------------------------------------------------------
# PTC framing
# --------------------------------------------------------------------------------------

PTC_TEXT = "They are traitors and cowards. The economy grew again. Is it true?\n"


def _ptc_labels() -> str:
    rows = [
        ("Name_Calling,Labeling", "traitors"),
        ("Loaded_Language", "cowards"),
        ("Repetition", "economy grew"),
        ("Doubt", "Is it true?"),
    ]
    return "".join(f"42\t{tech}\t{s}\t{e}\n" for tech, frag in rows for s, e in [_offsets(PTC_TEXT, frag)])


def test_ptc_labels_parse_to_spans():
    spans = q.parse_ptc_labels(_ptc_labels())
    assert [(s.technique, PTC_TEXT[s.start : s.end]) for s in spans] == [
        ("Name_Calling,Labeling", "traitors"),
        ("Loaded_Language", "cowards"),
        ("Repetition", "economy grew"),
        ("Doubt", "Is it true?"),
    ]


def test_framing_precision_counts_any_technique_and_recall_only_four():
    article = q.PtcArticle("article42", PTC_TEXT, q.parse_ptc_labels(_ptc_labels()))
    fake = regex_linter(
        ("framing/insult", "framing", r"traitors"),
        ("framing/economy", "framing", r"economy"),  # a Repetition span: precise
        ("framing/again", "framing", r"again"),  # no span: false alarm
        ("framing/true", "framing", r"true"),
        ("sourcing/they", "sourcing", r"They"),
    )  # not framing: ignored
    result = q.score_framing([article], [hits(fake, PTC_TEXT)])
    precision, recall = result.metrics["precision"], result.metrics["recall"]
    assert (precision.num, precision.den) == (3, 4)
    assert (recall.num, recall.den) == (2, 3)  # traitors, Is it true? of those + cowards
    assert {t: (r.num, r.den) for t, r in result.breakdowns["recall_by_technique"].items()} == {
        "Doubt": (1, 1),
        "Loaded_Language": (0, 1),
        "Name_Calling,Labeling": (1, 1),
    }
    assert result.breakdowns["precision_by_rule"]["framing/again"].value == 0


# --------------------------------------------------------------------------------------
# Reuters noise
# --------------------------------------------------------------------------------------


def test_noise_is_findings_per_thousand_body_words_per_family():
    stories = [
        q.Story(1, "SHORT TITLE", "one two three four five\n"),
        q.Story(2, "ANOTHER", "six seven eight nine ten\n"),
    ]
    fake = regex_linter(
        ("editing/caps", "editing", r"TITLE"), ("framing/six", "framing", r"six"), ("editing/two", "editing", r"two")
    )
    result = q.score_noise(stories, [hits(fake, s.text) for s in stories])
    m = result.metrics
    assert (m["stories"], m["words"], m["findings"]) == (2, 10, 3)  # title words not counted
    assert m["total_per_1k_words"] == 300.0
    assert m["editing_per_1k_words"] == 200.0
    assert m["framing_per_1k_words"] == 100.0
    assert m["sourcing_per_1k_words"] == 0.0
    assert result.breakdowns["per_1k_words_by_rule"] == {
        "editing/caps": 100.0,
        "framing/six": 100.0,
        "editing/two": 100.0,
    }


def test_stories_are_linted_as_title_blank_line_body():
    assert q.Story(7, "TITLE", "Body.\n").text == "TITLE\n\nBody.\n"


def test_story_sample_is_seeded_and_keeps_corpus_order():
    stories = [q.Story(i, "T", "b") for i in range(50)]
    first = q.select_stories(stories, 10, seed=5)
    assert first == q.select_stories(stories, 10, seed=5)
    assert [s.newid for s in first] == sorted(s.newid for s in first)
    assert len(first) == 10
    assert q.select_stories(stories, None, seed=5) == stories


# --------------------------------------------------------------------------------------
# Slips
# --------------------------------------------------------------------------------------

TITLE = "STEEL OUTPUT RISES IN MAY"
BODY = (
    "Steel output rose 2.5 pct in May from April, the trade ministry\n"  # line 3
    "said. It said U.S. Steel and Mr. Smith expected more.\n"  # line 4
    "    Exports of sheet fell to 1,200 tonnes from 1,500 a year\n"  # line 5
    "earlier, the ministry said in its weekly report on trade.\n"  # line 6
    "    REUTER\n"  # line 7
)


def _lines(text: str) -> list[str]:
    return text.split("\n")


def _inject(kind: str, seed: int = 1) -> q.Slip:
    slip = q.INJECTORS[kind](TITLE, BODY, random.Random(seed))
    assert slip is not None and slip.kind == kind
    return slip


def _changed_lines(slip: q.Slip) -> list[int]:
    before, after = _lines(q.story_text(TITLE, BODY)), _lines(slip.text)
    assert len(before) == len(after)
    return [i + 1 for i, (a, b) in enumerate(zip(before, after)) if a != b]


def test_duplicated_headline_repeats_the_title_as_the_first_body_line():
    slip = _inject("duplicated-headline")
    assert slip.text == f"{TITLE}\n\n{TITLE}\n{BODY}"
    assert slip.line_pairs == ((1, 1), (3, 1))


def test_doubled_word_repeats_a_lowercase_word_on_its_line():
    for seed in range(20):
        slip = _inject("doubled-word", seed)
        [line] = _changed_lines(slip)
        assert slip.line_pairs == ((line, line),)
        new = _lines(slip.text)[line - 1]
        doubled = re.search(r"(?<!\S)([a-z]+) \1(?!\S)", new)
        assert doubled and doubled.group(1) not in {"had", "that"}
        undoubled = new[: doubled.start(1)] + new[doubled.end(1) + 1 :]
        assert undoubled == _lines(q.story_text(TITLE, BODY))[line - 1]


def test_missing_space_joins_two_sentences_but_never_after_an_abbreviation_or_decimal():
    for seed in range(20):
        slip = _inject("missing-space", seed)
        assert slip.line_pairs == ((4, 4),)
        assert _lines(slip.text)[3] == "said.It said U.S. Steel and Mr. Smith expected more."


def test_tk_placeholder_replaces_a_figure_or_follows_a_word():
    variants = set()
    for seed in range(20):
        slip = _inject("tk-placeholder", seed)
        [line] = _changed_lines(slip)
        assert slip.line_pairs == ((line, line),)
        old, new = _lines(q.story_text(TITLE, BODY))[line - 1], _lines(slip.text)[line - 1]
        assert re.search(r"\bTK\b", new) and "TK" not in old
        variants.add("inserted" if new.replace(" TK", "", 1) == old else "replaced")
    assert variants == {"inserted", "replaced"}


def test_duplicated_paragraph_pastes_a_whole_paragraph_twice_in_a_row():
    slip = _inject("duplicated-paragraph")
    original, modified = _lines(q.story_text(TITLE, BODY)), _lines(slip.text)
    # both paragraphs have two lines: the copy adds two lines
    assert len(modified) == len(original) + 2
    for mod_line, orig_line in slip.line_pairs:
        assert modified[mod_line - 1] == original[orig_line - 1]
    copies = [m for m, o in slip.line_pairs if m != o]
    assert len(copies) == 2
    first_copy = copies[0] - 1  # 0-based index of the copy's first line
    assert modified[first_copy - 2 : first_copy] == modified[first_copy : first_copy + 2]


def test_short_paragraphs_like_the_sign_off_are_never_duplicated():
    for seed in range(20):
        slip = _inject("duplicated-paragraph", seed)
        assert "REUTER\n    REUTER" not in slip.text


def test_unbalanced_quote_opens_a_word_in_a_paragraph_without_quotes():
    for seed in range(20):
        slip = _inject("unbalanced-quote", seed)
        [line] = _changed_lines(slip)
        assert slip.line_pairs == ((line, line),)
        assert slip.text.count('"') == 1
        assert re.search(r'(?<!\S)"[A-Za-z]', _lines(slip.text)[line - 1])


def test_a_story_offering_no_place_for_a_type_gets_none():
    assert q.inject_missing_space("T", "no sentence ends here\n", random.Random(0)) is None
    assert q.inject_duplicated_paragraph("T", "too short\n", random.Random(0)) is None


def test_slip_plan_is_deterministic_balanced_and_one_per_story():
    stories = [q.Story(i, TITLE, BODY) for i in range(12)]
    plan = q.plan_slips(stories, seed=q.DEFAULT_SEED)
    assert [s.newid for s, _ in plan] == list(range(12))
    assert sorted(slip.kind for _, slip in plan) == sorted(q.SLIP_TYPES * 2)
    assert plan == q.plan_slips(stories, seed=q.DEFAULT_SEED)
    other = q.plan_slips(stories, seed=7)
    assert [slip.text for _, slip in other] != [slip.text for _, slip in plan]


def test_slip_types_stay_balanced_when_a_story_has_no_place_for_one():
    no_sentence_break = q.Story(0, TITLE, "    Output rose 2.5 pct in May from April on higher demand\n    REUTER\n")
    stories = [no_sentence_break] + [q.Story(i, TITLE, BODY) for i in range(1, 6)]
    kinds = [slip.kind for _, slip in q.plan_slips(stories, seed=1)]
    assert sorted(kinds) == sorted(q.SLIP_TYPES)


def test_a_slip_is_detected_by_an_editing_rule_new_on_its_line():
    slip = q.Slip("doubled-word", "", ((5, 5),))
    already = [q.Hit(0, 1, 5, "editing/long-line", "editing")]
    assert q.new_editing_rules(slip, already, already) == set()
    found = already + [q.Hit(0, 1, 5, "editing/doubled-word", "editing")]
    assert q.new_editing_rules(slip, already, found) == {"editing/doubled-word"}
    elsewhere = already + [q.Hit(0, 1, 6, "editing/doubled-word", "editing")]
    assert q.new_editing_rules(slip, already, elsewhere) == set()
    not_editing = already + [q.Hit(0, 1, 5, "framing/x", "framing")]
    assert q.new_editing_rules(slip, already, not_editing) == set()


def test_an_inserted_copy_is_compared_with_the_line_it_copies():
    slip = q.Slip("duplicated-headline", "", ((1, 1), (3, 1)))
    title_rule = [q.Hit(0, 1, 1, "editing/all-caps", "editing")]
    copied = title_rule + [q.Hit(0, 1, 3, "editing/all-caps", "editing")]
    assert q.new_editing_rules(slip, title_rule, copied) == set()
    flagged = copied + [q.Hit(0, 1, 3, "editing/repeated-headline", "editing")]
    assert q.new_editing_rules(slip, title_rule, flagged) == {"editing/repeated-headline"}


def test_slip_recall_per_type():
    stories = [q.Story(i, TITLE, BODY) for i in range(6)]
    plan = q.plan_slips(stories, seed=3)
    fake = regex_linter(
        ("editing/doubled", "editing", r"(?<!\S)([a-z]+) \1(?!\S)"), ("editing/tk", "editing", r"\bTK\b")
    )
    original = [hits(fake, s.text) for s, _ in plan]
    modified = [hits(fake, slip.text) for _, slip in plan]
    result = q.score_slips(plan, original, modified)
    assert (result.metrics["recall"].num, result.metrics["recall"].den) == (2, 6)
    for kind in q.SLIP_TYPES:
        expected = 1 if kind in {"doubled-word", "tk-placeholder"} else 0
        assert result.metrics[f"recall_{kind}"].num == expected
        assert result.metrics[f"recall_{kind}"].den == 1


# --------------------------------------------------------------------------------------
# The regex baseline
# --------------------------------------------------------------------------------------


def test_regex_baseline_flags_the_obvious_phrases():
    text = "HEAD\n\nHEAD\nOfficials said the so-called deal was reportedly the the best.\n"
    found = {(f["rule"], text[f["offset"] : f["end_offset"]]) for f in q.regex_baseline_linter(text)}
    assert ("sourcing/bare-group-says", "Officials said") in found
    assert ("sourcing/reportedly", "reportedly") in found
    assert ("framing/so-called", "so-called") in found
    assert ("editing/doubled-word", "the the") in found
    assert ("editing/duplicated-headline", "HEAD") in found


# --------------------------------------------------------------------------------------
# The command line
# --------------------------------------------------------------------------------------


def test_missing_corpora_print_one_line_and_exit_zero(tmp_path, capsys):
    missing = tmp_path / "nowhere"
    assert q.main(["--corpora", str(missing)], linters={"fake": POLNEAR_FAKE}) == 0
    assert capsys.readouterr().out == f"corpora not found at {missing}; skipping\n"


def test_the_script_skips_cleanly_without_corpora_or_factlint(tmp_path):
    missing = tmp_path / "nowhere"
    run = subprocess.run(
        [sys.executable, str(SCRIPT), "--corpora", str(missing)], capture_output=True, text=True, cwd=tmp_path
    )
    assert run.returncode == 0
    assert run.stdout == f"corpora not found at {missing}; skipping\n"


class _FakeFinding:
    def __init__(self, offset, end_offset, rule, category):
        self.offset, self.end_offset, self.rule, self.category = offset, end_offset, rule, category
        self.line = self.column = 1
        self.severity, self.message, self.match = "warning", "", ""


def test_factlint_adapter_lints_plain_text_with_rules_loaded_once(monkeypatch):
    calls = {"load_rules": 0, "paths": []}
    engine = types.ModuleType("factlint")

    def load_rules():
        calls["load_rules"] += 1
        return "compiled rules"

    def lint_text(text, path, rules):
        calls["paths"].append(path)
        assert rules == "compiled rules"
        return [_FakeFinding(m.start(), m.end(), "sourcing/says", "sourcing") for m in re.finditer("says", text)]

    engine.load_rules, engine.lint_text = load_rules, lint_text
    monkeypatch.setitem(sys.modules, "factlint", engine)
    linter = q.factlint_linter()
    assert q.lint(linter, "A says.\nB says.") == [
        q.Hit(2, 6, 1, "sourcing/says", "sourcing"),
        q.Hit(10, 14, 2, "sourcing/says", "sourcing"),
    ]
    q.lint(linter, "again")
    assert calls["load_rules"] == 1
    assert all(path.endswith(".txt") for path in calls["paths"])


def test_an_engine_without_lint_text_is_reported_not_crashed(monkeypatch, corpora, capsys):
    monkeypatch.setitem(sys.modules, "factlint", types.ModuleType("factlint"))
    assert q.main(["--corpora", str(corpora)]) == 2
    assert "cannot import the factlint engine" in capsys.readouterr().out


def test_default_corpora_folder_is_beside_the_repository():
    assert q.DEFAULT_CORPORA == REPO_ROOT.parent / "shared" / "corpora"


@pytest.fixture
def corpora(polnear_dir):
    root = polnear_dir.parent
    (root / "ptc-train-articles").mkdir()
    (root / "ptc-train-labels").mkdir()
    (root / "ptc-train-articles" / "article42.txt").write_text(PTC_TEXT, encoding="utf-8")
    (root / "ptc-train-labels" / "article42.task2-TC.labels").write_text(_ptc_labels())
    rows = [{"newid": i, "title": TITLE, "body": BODY} for i in range(1, 7)]
    (root / "reuters-bodies.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))
    return root


def test_full_run_writes_every_number_to_json(corpora, tmp_path, capsys):
    out = tmp_path / "out" / "quality.json"
    status = q.main(["--corpora", str(corpora), "--json", str(out), "--sample", "1"], linters={"fake": POLNEAR_FAKE})
    assert status == 0
    printed = capsys.readouterr().out
    assert re.search(r"sourcing recall \(vague attributions caught\)\s+0\.667 \(2/3\)", printed)
    assert "examples for fake" in printed
    numbers = json.loads(out.read_text())
    fake = numbers["linters"]["fake"]
    assert fake["sourcing"]["metrics"]["precision"] == {"value": 2 / 3, "numerator": 2, "denominator": 3}
    assert fake["attribution"]["metrics"]["misfire_rate"]["numerator"] == 1
    assert fake["noise"]["metrics"]["stories"] == 6
    assert fake["slips"]["metrics"]["recall"]["denominator"] == 6
    assert numbers["corpora"]["polnear"]["span_mismatches"] == 1
    assert POLNEAR_TEXT[:20] not in out.read_text()  # numbers and rule ids only


def test_limit_restricts_the_reuters_stories(corpora, tmp_path):
    out = tmp_path / "q.json"
    q.main(
        ["--corpora", str(corpora), "--only", "noise", "--limit", "2", "--json", str(out)],
        linters={"fake": POLNEAR_FAKE},
    )
    fake = json.loads(out.read_text())["linters"]["fake"]
    assert list(fake) == ["noise"]
    assert fake["noise"]["metrics"]["stories"] == 2


def test_command_line_regex_baseline_runs_end_to_end(corpora, tmp_path):
    command = [sys.executable, str(SCRIPT), "--corpora", str(corpora), "--linter", "regex"]
    run = subprocess.run(command, capture_output=True, text=True, cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert "sourcing precision" in run.stdout and "slips recall" in run.stdout


def test_baseline_regex_adds_a_comparison_column(monkeypatch, corpora, tmp_path, capsys):
    engine = types.ModuleType("factlint")
    engine.load_rules = lambda: None
    engine.lint_text = lambda text, path, rules: []  # an engine that finds nothing
    monkeypatch.setitem(sys.modules, "factlint", engine)
    out = tmp_path / "q.json"
    assert q.main(["--corpora", str(corpora), "--baseline-regex", "--json", str(out)]) == 0
    printed = capsys.readouterr().out
    comparison = printed.split("== comparison ==")[1]
    assert re.search(r"sourcing precision\s+n/a \(0/0\)\s+\S+ \(\d+/\d+\)", comparison)
    assert set(json.loads(out.read_text())["linters"]) == {"factlint", "regex-baseline"}


def test_the_two_halves_split_polnear_by_file_name(polnear_dir):
    names = [f"story-{n}" for n in range(40)]
    a = {n for n in names if q.in_half(n, "a")}
    b = {n for n in names if q.in_half(n, "b")}
    assert a and b and not a & b and a | b == set(names)
    assert all(q.in_half(n, None) for n in names)
    half = "a" if q.in_half("story-one", "a") else "b"
    other = "b" if half == "a" else "a"
    assert len(q.load_polnear(polnear_dir, half)[0]) == 1
    assert q.load_polnear(polnear_dir, other)[0] == []
