"""``factlint sources``: the inventory and its JSON contract (docs/sources.md).

Like the findings contract: every span's text equals the decoded file's text between its
offsets, whatever the newlines, a BOM or the characters.
"""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from conftest import draft

from factlint.cli import main
from factlint.sources import inventory_text, render_text

ATTRIBUTION_KEYS = ["kind", "source", "cue", "content", "line", "quote", "reason"]
SPAN_KEYS = ["text", "offset", "end_offset"]

DRAFT = draft("""
    Harbour tolls to rise

    Tolls at the harbour will rise by a fifth in April, according to the port authority.

    Senior officials have privately acknowledged that the rise could hurt small ferry firms.
    Two officials, who spoke on condition of anonymity because they were not authorised to
    discuss the budget, said a second rise was planned.

    “We cannot keep the ferries running at these prices,” said Maria Lopez, who runs a ferry
    company. She added that she would appeal.

    The rise reportedly follows a dispute over dredging costs.

    The harbour opened in 1860.
""")


def run_json(tmp_path, name: str, data: bytes) -> dict:
    path = tmp_path / name
    path.write_bytes(data)
    result = CliRunner().invoke(main, ["sources", "--format", "json", str(path)])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def spans_of(attribution: dict) -> list[dict]:
    return [attribution[k] for k in ("source", "cue", "content", "reason") if attribution[k] is not None]


def test_the_documented_shape(tmp_path):
    payload = run_json(tmp_path, "draft.txt", DRAFT.encode())
    assert list(payload) == ["version", "documents"] and payload["version"] == 1
    (document,) = payload["documents"]
    assert list(document) == ["path", "attributions", "summary"]
    for att in document["attributions"]:
        assert list(att) == ATTRIBUTION_KEYS
        assert att["kind"] in ("named-person", "named-organisation", "anonymous", "vague", "unsourced")
        assert att["quote"] in ("direct", "paraphrase", "report")
        for span in spans_of(att):
            assert list(span) == SPAN_KEYS


def test_the_inventory_of_a_draft():
    inv = inventory_text(DRAFT, "draft.txt")
    rows = [
        (
            a["line"],
            a["kind"],
            a["source"]["text"] if a["source"] else None,
            a["cue"]["text"],
            a["quote"],
            a["reason"] is not None,
        )
        for a in inv["attributions"]
    ]
    assert rows == [
        (3, "named-organisation", "the port authority", "according to", "paraphrase", False),
        (5, "vague", "Senior officials", "have privately acknowledged", "paraphrase", False),
        (
            7,
            "anonymous",
            "Two officials, who spoke on condition of anonymity because they were not "
            "authorised to\ndiscuss the budget",
            "said",
            "paraphrase",
            True,
        ),
        (9, "named-person", "Maria Lopez", "said", "direct", False),
        (10, "named-person", "She", "added", "paraphrase", False),
        (12, "unsourced", None, "reportedly", "report", False),
    ]
    summary = inv["summary"]
    assert summary["by_kind"] == {
        "named-person": 2,
        "named-organisation": 1,
        "anonymous": 1,
        "vague": 1,
        "unsourced": 1,
    }
    assert summary["named_share"] == 0.5
    assert summary["most_quoted"][0] == {"source": "Maria Lopez", "kind": "named-person", "count": 2}
    assert summary["paragraphs_without_source"] == [{"line": 12, "end_line": 12}, {"line": 14, "end_line": 14}]
    assert summary["anonymous_without_reason"] == []
    assert summary["unresolved_pronouns"] == []


def test_anonymous_sources_without_a_reason_and_unresolved_pronouns_are_listed():
    inv = inventory_text("Three ministry officials said the contract was signed.\n\nThey later denied it.\n", "x.txt")
    summary = inv["summary"]
    assert [(a["line"], a["text"]) for a in summary["anonymous_without_reason"]] == [
        (1, "Three ministry officials")
    ]  # "They" refers to them: listed once
    assert summary["unresolved_pronouns"] == []
    inv = inventory_text("He denied it.\n", "x.txt")
    assert [(a["line"], a["text"]) for a in inv["summary"]["unresolved_pronouns"]] == [(1, "He")]


def test_an_anonymous_group_acting_in_public_needs_no_reason_for_anonymity():
    inv = inventory_text(
        "Union members approved the contract on Friday.\n\nTwo union officials said the vote was close.\n", "x.txt"
    )
    listed = [(a["kind"], a["source"]["text"], a["cue"]["text"]) for a in inv["attributions"]]
    assert ("anonymous", "Union members", "approved") in listed  # in the inventory
    assert [a["text"] for a in inv["summary"]["anonymous_without_reason"]] == ["Two union officials"]


@pytest.mark.parametrize(
    "name, data",
    [
        ("lf.txt", DRAFT.encode("utf-8")),
        ("crlf.txt", DRAFT.replace("\n", "\r\n").encode("utf-8")),
        ("bom.txt", b"\xef\xbb\xbf" + DRAFT.encode("utf-8")),
        (
            "accents.md",
            draft("""
        # Péage du port

        Les tarifs augmenteront, a déclaré l’autorité — selon Zoë Ångström, “c’est injuste,” said Zoë Ångström.

        Officials in Tromsø said the ferry would stop. Σύμφωνα με, officials said.
    """)
            .replace("\n", "\r\n")
            .encode("utf-8"),
        ),
    ],
)
def test_offsets_agree_with_the_text(tmp_path, name, data):
    payload = run_json(tmp_path, name, data)
    text = data.decode("utf-8-sig")
    (document,) = payload["documents"]
    assert document["attributions"], "the draft has attributions to check"
    for att in document["attributions"]:
        for span in spans_of(att):
            assert text[span["offset"] : span["end_offset"]] == span["text"]
        line = text.count("\n", 0, att["cue"]["offset"]) + 1
        assert att["line"] == line
    for entry in document["summary"]["anonymous_without_reason"] + document["summary"]["unresolved_pronouns"]:
        assert text[entry["offset"] : entry["end_offset"]] == entry["text"]


def test_text_output_and_exit_status(tmp_path):
    path = tmp_path / "draft.txt"
    path.write_text(DRAFT, encoding="utf-8")
    result = CliRunner().invoke(main, ["sources", str(path)])
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0] == str(path)
    assert any("vague" in line and "Senior officials" in line for line in lines)
    assert any(line.strip().startswith("6 attributions:") for line in lines)
    missing = CliRunner().invoke(main, ["sources", str(tmp_path / "absent.txt")])
    assert missing.exit_code == 2
    assert missing.stdout == ""  # nothing was read: the error alone, not an empty line


def test_a_headline_is_listed_but_not_counted_among_the_sources_quoted_most():
    inv = inventory_text(
        "---\ntitle: Council approves new harbour budget\n---\n\n"
        "# Council approves new harbour budget\n\n"
        "The council approved the budget, Mayor Ana Ruiz said.\n",
        "story.md",
    )
    assert [a["line"] for a in inv["attributions"] if a["source"]["text"] == "Council"] == [2, 5]
    assert [(m["source"], m["count"]) for m in inv["summary"]["most_quoted"]] == [
        ("The council", 1),
        ("Mayor Ana Ruiz", 1),
    ]


def test_an_unsourced_report_a_source_stands_behind_is_listed_with_that_source():
    text = (
        "It is thought the orchard was sold in May, the parish council said.\n\n"
        "The orchard was reportedly sold in May, and Ilse Marken said she would buy another.\n"
    )
    inv = inventory_text(text, "x.txt")
    kinds = [(a["kind"], a["cue"]["text"]) for a in inv["attributions"]]
    assert ("unsourced", "It is thought") in kinds and ("unsourced", "reportedly") in kinds  # still listed
    within = inv["summary"]["reports_within"]
    assert [(a["line"], a["text"], a["source"]["text"], a["kind"]) for a in within] == [
        (1, "It is thought", "the parish council", "named-organisation")
    ]
    assert text[within[0]["offset"] : within[0]["end_offset"]] == "It is thought"
    assert "unsourced cues a source stands behind: line 1 'It is thought' (the parish council)" in render_text([inv])
