"""The JSON output contract (docs/json-output.md), on LF, CRLF, BOM and non-ASCII text."""

import json

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from factlint.cli import main
from factlint.reporters.json import indented_items

KEYS = [
    "path",
    "line",
    "column",
    "end_line",
    "end_column",
    "offset",
    "end_offset",
    "rule",
    "category",
    "severity",
    "message",
    "match",
    "suggestions",
]

DRAFT = (
    "# Harbour bridge\n\nThe mayor reportedly resigned. According to multiple\nreports the the council"
    " met.Critics slammed it — “a disaster”, said Zoë Müller 🚧.\n"
)


def run_json(tmp_path, data: bytes, name: str = "draft.md"):
    path = tmp_path / name
    path.write_bytes(data)
    result = CliRunner().invoke(main, ["--format", "json", str(path)])
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.stdout), data


def decoded(data: bytes) -> str:
    return data.decode("utf-8-sig")


def position(text: str, offset: int) -> tuple[int, int]:
    """Reference implementation of line/column: \\n, \\r\\n and \\r end a line."""
    line, col = 1, 1
    i = 0
    while i < offset:
        c = text[i]
        if c == "\r" and i + 1 < len(text) and text[i + 1] == "\n":
            if i + 1 == offset:  # offset points at the \n of a CRLF: still on this line
                return line, col + 1
            i += 2
            line, col = line + 1, 1
            continue
        if c in "\r\n":
            line, col = line + 1, 1
        else:
            col += 1
        i += 1
    return line, col


@pytest.mark.parametrize("variant", ["lf", "crlf", "bom", "bom-crlf"])
def test_every_finding_agrees_with_the_text(tmp_path, variant):
    text = DRAFT.replace("\n", "\r\n") if "crlf" in variant else DRAFT
    data = ("\ufeff" if "bom" in variant else "").encode() + text.encode("utf-8")
    payload, _ = run_json(tmp_path, data)
    assert payload["version"] == 1
    findings = payload["findings"]
    assert {f["rule"] for f in findings} >= {
        "sourcing/vague-reports",
        "editing/repeated-word",
        "editing/missing-space",
        "framing/loaded-said",
    }
    for f in findings:
        assert list(f) == KEYS
        assert text[f["offset"] : f["end_offset"]] == f["match"]
        assert (f["line"], f["column"]) == position(text, f["offset"])
        assert (f["end_line"], f["end_column"]) == position(text, f["end_offset"])
        assert f["path"].endswith("draft.md")
        assert isinstance(f["suggestions"], list)
    assert findings == sorted(findings, key=lambda f: (f["path"], f["offset"], f["end_offset"], f["rule"]))


def test_a_match_across_a_crlf_line_break(tmp_path):
    payload, _ = run_json(tmp_path, DRAFT.replace("\n", "\r\n").encode())
    vague = [f for f in payload["findings"] if f["match"].startswith("According")][0]
    assert vague["match"] == "According to multiple\r\nreports"
    assert (vague["line"], vague["end_line"], vague["end_column"]) == (3, 4, 8)


def test_columns_count_characters_not_bytes(tmp_path):
    payload, _ = run_json(tmp_path, "Zoë Müller 🚧 slammed the plan.\n".encode(), "d.txt")
    [finding] = [f for f in payload["findings"] if f["rule"] == "framing/loaded-said"]
    assert (finding["column"], finding["offset"], finding["match"]) == (14, 13, "slammed")


def test_no_findings_is_an_empty_list_and_exit_0(tmp_path):
    path = tmp_path / "clean.md"
    path.write_text("The council met on Monday, the clerk said.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["--format", "json", str(path)])
    assert (result.exit_code, json.loads(result.stdout)) == (0, {"version": 1, "findings": []})


_SCALARS = st.one_of(st.none(), st.booleans(), st.integers(), st.text(), st.floats(allow_nan=True, allow_infinity=True))
_VALUES = st.recursive(
    _SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.tuples(inner, inner),
        st.dictionaries(st.one_of(st.text(), st.integers()), inner, max_size=4),
    ),
    max_leaves=20,
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_VALUES, min_size=1, max_size=4), st.integers(min_value=0, max_value=3))
def test_indented_items_are_what_json_dumps_writes_inside_the_whole_document(items, depth):
    """The items written one at a time (plain ones without json's Python encoder) join
    into the bytes of the whole array encoded at once, at any depth."""
    whole = json.dumps(items, ensure_ascii=False, indent=2)
    pad = " " * (2 * depth)
    expected = pad + whole[1:-2].strip("\n").replace("\n", "\n" + pad) + "\n"
    assert "".join(indented_items(iter(items), depth)) == expected
