"""``--format html``: the page's structure, read with an HTML parser (the browser tests are in
tests/browser/). The page is a contract for other tools too: each finding is a ``<mark>``
(or, where findings cross, several pieces) with ``data-finding``, ``data-rule``,
``data-family`` and ``data-severity`` around exactly its match."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from factlint.cli import main
from factlint.reporters import FORMATS, NEEDS_TEXTS, get_reporter
from factlint.reporters.highlight import Span, highlight

PACK = str(Path(__file__).parent / "fixtures" / "report_pack")

STORM = (
    "Storm notes\n\nToday people are saying the storm ravaged the very old pier 🌊 and "
    "sources say the damage was catastrophic.\n"
)


VOID = {"meta", "input", "br", "img", "hr", "link", "wbr", "col", "source"}


class PageReader(HTMLParser):
    """Collects, per finding number, the text inside its marks (in document order), each
    mark's attributes, each draft's text, and the elements that could run code."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[str] = []  # tags of open elements
        self.marks: list[dict] = []  # attributes of every mark, in order
        self.text_of: dict[int, str] = {}
        self.active: list[int | None] = []  # finding number of each open mark
        self.drafts: dict[str, str] = {}
        self.draft_path: str | None = None
        self.draft_depth = 0
        self.scripts: list[dict] = []
        self.script_text: list[str] = []
        self.styles: list[str] = []
        self.tags: list[str] = []
        self.draft_tags: list[str] = []  # elements inside a draft other than marks: none
        self.meta: list[dict] = []
        self._in: str | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.append(tag)
        if self.draft_path is not None and tag != "mark":
            self.draft_tags.append(tag)
        if tag == "meta":
            self.meta.append(a)
        if tag in VOID:
            return
        self.open.append(tag)
        if tag == "mark":
            self.marks.append(a)
            n = int(a["data-finding"]) if "data-finding" in a else None
            self.active.append(n)
            if n is not None:
                self.text_of.setdefault(n, "")
        if tag == "div" and "draft" in a.get("class", "").split():
            self.draft_path = a["data-path"]
            self.drafts[self.draft_path] = ""
            self.draft_depth = len(self.open)
        if tag in ("script", "style"):
            self._in = tag
            if tag == "script":
                self.scripts.append(a)
            self.script_text.append("") if tag == "script" else self.styles.append("")

    def handle_endtag(self, tag):
        assert self.open and self.open[-1] == tag, f"</{tag}> closes <{self.open[-1] if self.open else None}>"
        if tag == "div" and self.draft_path is not None and len(self.open) == self.draft_depth:
            self.draft_path = None
        self.open.pop()
        if tag == "mark":
            self.active.pop()
        if tag in ("script", "style"):
            self._in = None

    def handle_data(self, data):
        if self._in == "script":
            self.script_text[-1] += data
        elif self._in == "style":
            self.styles[-1] += data
        if self.draft_path is not None:
            self.drafts[self.draft_path] += data
        for n in self.active:
            if n is not None:
                self.text_of[n] += data


def read_page(page: str) -> PageReader:
    reader = PageReader()
    reader.feed(page)
    reader.close()
    assert reader.open == [], "every element is closed"
    return reader


def run_cli(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.output


def report_and_json(*paths: str, extra: tuple[str, ...] = ("--no-builtin", "--rules", PACK)):
    _, page = run_cli("--format", "html", *extra, *paths)
    _, out = run_cli("--format", "json", *extra, *paths)
    return page, json.loads(out)["findings"]


def write(tmp_path: Path, name: str, text: str, newline: str = "\n") -> str:
    path = tmp_path / name
    path.write_bytes(text.replace("\n", newline).encode("utf-8"))
    return str(path)


# --- the highlighting algorithm -------------------------------------------------------------


def marked_texts(text: str, spans: list[tuple[int, int]]) -> tuple[str, dict[int, str], list[dict]]:
    def open_tag(key: int, part: int) -> str:
        return f'<mark data-finding="{key}" data-part="{part}">'

    page = (
        '<div class="draft" data-path="t">'
        + highlight(text, [Span(s, e, k) for k, (s, e) in enumerate(spans)], open_tag)
        + "</div>"
    )
    reader = read_page(page)
    return reader.drafts["t"], reader.text_of, reader.marks


def test_nested_spans_are_nested_marks_each_around_its_match():
    text = "Today people are saying the storm ravaged the pier."
    outer = (text.index("people"), text.index(" the pier"))
    inner = (text.index("ravaged"), text.index(" the pier"))
    shown, texts, marks = marked_texts(text, [inner, outer])
    assert shown == text
    assert texts == {0: "ravaged", 1: "people are saying the storm ravaged"}
    assert [m["data-part"] for m in marks] == ["0", "0"], "nesting needs no split"


def test_crossing_spans_split_the_later_one_and_keep_every_character():
    text = "people are saying the storm"
    first = (0, text.index(" the"))  # people are saying
    second = (text.index("saying"), len(text))  # saying the storm
    shown, texts, marks = marked_texts(text, [first, second])
    assert shown == text
    assert texts == {0: "people are saying", 1: "saying the storm"}
    assert [(m["data-finding"], m["data-part"]) for m in marks] == [("0", "0"), ("1", "0"), ("1", "1")]


def test_empty_and_adjacent_spans():
    text = "one two"
    shown, texts, _ = marked_texts(text, [(0, 3), (3, 3), (3, 7)])
    assert shown == text
    assert texts == {0: "one", 1: "", 2: " two"}


def test_text_is_escaped_and_carriage_returns_survive_parsing():
    text = '<b>bold</b> & "quotes"\r\nline two'
    html = highlight(text, [Span(0, 3, 0)], lambda k, p: "<mark>")
    assert "<b>" not in html and "&lt;b&gt;" in html and "&#13;" in html
    shown, _, _ = marked_texts(text, [(0, 3)])
    assert shown == text


@settings(max_examples=200, deadline=None)
@given(
    st.text(alphabet="ab <&\r\n🌊é", max_size=30).flatmap(
        lambda t: st.tuples(
            st.just(t), st.lists(st.tuples(st.integers(0, len(t)), st.integers(0, len(t))).map(sorted), max_size=8)
        )
    )
)
def test_any_spans_give_well_formed_marks_around_exactly_their_text(case):
    text, spans = case
    shown, texts, _ = marked_texts(text, [tuple(s) for s in spans])
    assert shown == text
    assert texts == {k: text[s:e] for k, (s, e) in enumerate(spans)}


# --- the page -------------------------------------------------------------------------------


def test_html_is_a_registered_format_that_keeps_texts():
    assert "html" in FORMATS and "html" in NEEDS_TEXTS
    assert get_reporter("html") is not None
    code, out = run_cli("check", "--help")
    assert "html" in out


def test_every_finding_is_marked_on_its_match_with_its_rule_family_and_severity(tmp_path):
    md = write(tmp_path, "storm.md", "# Storm notes\n\n" + STORM.split("\n\n", 1)[1])
    txt = write(tmp_path, "storm.txt", STORM, newline="\r\n")
    page, findings = report_and_json(md, txt)
    reader = read_page(page)
    assert len(findings) >= 12
    ordered = sorted(findings, key=lambda f: (f["path"], f["offset"], f["end_offset"], f["rule"]))
    first_piece = {int(m["data-finding"]): m for m in reader.marks if "id" in m}
    assert sorted(reader.text_of) == list(range(len(ordered)))
    for n, f in enumerate(ordered):
        assert reader.text_of[n] == f["match"], f
        mark = first_piece[n]
        assert mark["id"] == f"finding-{n}"
        assert (mark["data-rule"], mark["data-family"], mark["data-severity"]) == (
            f["rule"],
            f["category"],
            f["severity"],
        )
        pieces = [m for m in reader.marks if m["data-finding"] == str(n)]
        assert all(m["data-rule"] == f["rule"] for m in pieces)
    # the crossing pair is split, the rest are single marks
    split = {m["data-rule"] for m in reader.marks if "data-part" in m}
    assert split == {"editing/storm-cliche"}
    # the page shows each draft exactly, CR LF included
    assert reader.drafts[md] == Path(md).read_text(encoding="utf-8")
    assert reader.drafts[txt] == Path(txt).read_bytes().decode("utf-8")


def test_draft_html_and_script_are_shown_as_text_and_cannot_run(tmp_path):
    hostile = (
        'Notes <script>window.pwned = 1</script> and <img src=x onerror="pwned=2">\n\n'
        "Sources say the pier <b>ravaged</b> by </script><!-- the storm.\n"
    )
    path = write(tmp_path, "hostile.txt", hostile)
    page, findings = report_and_json(path)
    reader = read_page(page)
    assert reader.drafts[path] == hostile
    assert "img" not in reader.tags and reader.draft_tags == []
    assert [s.get("type") for s in reader.scripts] == ["application/json", None]
    assert "pwned" not in reader.script_text[1]
    data = json.loads(reader.script_text[0])
    assert "<" not in reader.script_text[0] and "&" not in reader.script_text[0]
    assert [f["message"] for f in data["findings"]] == [f["message"] for f in findings]
    assert {reader.text_of[n] for n in reader.text_of} == {f["match"] for f in findings}


def test_content_security_policy_allows_exactly_the_inline_style_and_script():
    page, _ = report_and_json(str(Path(__file__).parent.parent / "examples"), extra=())
    reader = read_page(page)
    csp = next(m["content"] for m in reader.meta if m.get("http-equiv") == "Content-Security-Policy")

    def digest(text):
        return "sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()

    assert f"'{digest(reader.script_text[1])}'" in csp
    assert f"'{digest(reader.styles[0])}'" in csp
    assert "default-src 'none'" in csp and "unsafe-inline" not in csp
    # self-contained: nothing is loaded from elsewhere
    assert not re.search(r"<(link|iframe|img|object|embed)\b", page)
    assert not re.search(r"\b(src|href)=\"(https?:)?//", page)


def test_several_files_give_one_page_with_a_table_of_contents_and_family_summary(tmp_path):
    a = write(tmp_path, "a.txt", "The storm battered the pier.\n")
    b = write(tmp_path, "b.md", "Sources say the pier is very old.\n")
    clean = write(tmp_path, "c.txt", "The pier reopened on Monday.\n")
    page, findings = report_and_json(str(tmp_path))
    reader = read_page(page)
    toc = page.split('<nav class="toc"', 1)[1].split("</nav>", 1)[0]
    for k, path in enumerate(sorted([a, b, clean])):
        assert f'href="#file-{k}">{path}</a>' in toc
        assert f'<section class="file" id="file-{k}"' in page
    assert set(reader.drafts) == {a, b, clean}
    summary = page.split('<table class="summary"', 1)[1].split("</table>", 1)[0]
    rows = re.findall(r'<tr data-family="([a-z-]+)">(.*?)</tr>', summary)
    totals = {fam: int(re.search(r'class="num total">(\d+)<', row).group(1)) for fam, row in rows}
    expected: dict[str, int] = {}
    for f in findings:
        expected[f["category"]] = expected.get(f["category"], 0) + 1
    assert totals == expected
    assert all(f'data-filter-family="{fam}"' in summary for fam in expected)


def test_rule_documentation_travels_with_the_page(tmp_path):
    path = write(tmp_path, "a.txt", "The storm battered the pier.\n")
    page, findings = report_and_json(path)
    data = json.loads(read_page(page).script_text[0])
    doc = data["rules"]["framing/storm-verbs"]
    assert doc["link"] == "https://example.org/factlint-fixture/storm-verbs"
    assert doc["why"].startswith("Weather verbs")
    (only,) = data["findings"]
    assert only["fix"] == {"replacement": "hit", "safe": True} and only["suggestions"] == ["hit"]


@pytest.mark.parametrize("text", ["", "Nothing to flag here.\n"])
def test_a_page_without_findings(tmp_path, text):
    path = write(tmp_path, "quiet.txt", text)
    page, findings = report_and_json(path)
    reader = read_page(page)
    assert findings == [] and reader.marks == []
    assert reader.drafts[path] == text
    assert "0 findings in 1 file" in page


# --- the source inventory beside the draft ----------------------------------------------------


class SourcesReader(HTMLParser):
    """The rows of each file's source panel: [line, source, kind, cue, how, reason?]."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.summaries: list[str] = []
        self.rows: list[list[str]] = []
        self.depth = 0  # > 0 inside <details class="sources">
        self.in_summary = False
        self.in_body = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "details" and a.get("class") == "sources":
            self.depth = 1
            self.summaries.append("")
        elif self.depth:
            self.in_summary |= tag == "summary"
            self.in_body |= tag == "tbody"
            if self.in_body and tag == "tr":
                self.rows.append([])
            if self.in_body and tag in ("td", "span"):
                self.rows[-1].append("")

    def handle_endtag(self, tag):
        if tag == "summary":
            self.in_summary = False
        if tag == "tbody":
            self.in_body = False
        if tag == "details":
            self.depth = 0

    def handle_data(self, data):
        if self.in_summary:
            self.summaries[-1] += data
        elif self.in_body and self.rows and self.rows[-1]:
            self.rows[-1][-1] += data


SOURCED = (
    "Council pulls bridge plan\n\n"
    "The council shelved the bridge plan on Monday, Mayor Ana Ruiz said. "
    "Critics say the delay will cost millions. The AT&T unit said it would appeal.\n\n"
    "Two council staff members said the vote was close. They spoke on condition of anonymity "
    "because they were not authorised to discuss it.\n"
)


def test_the_source_inventory_is_shown_beside_the_draft(tmp_path):
    path = write(tmp_path, "bridge.txt", SOURCED)
    _, page = run_cli("--format", "html", path)
    _, listed = run_cli("sources", "--format", "json", path)
    inventory = json.loads(listed)["documents"][0]
    reader = SourcesReader()
    reader.feed(page)
    # the summary counts every attribution `factlint sources` lists, and the named share
    count = len(inventory["attributions"])
    share = round(100 * inventory["summary"]["named_share"])
    assert reader.summaries == [f"Sources: {count} attributions; {share}% named"]
    # one row per attribution, in reading order: line, source, kind, cue, claim type, reason
    expected = [
        [str(a["line"]), a["source"]["text"] if a["source"] else "—", a["kind"], a["cue"]["text"], a["quote"]]
        + (["why unnamed: " + a["reason"]["text"]] if a["reason"] else [])
        for a in inventory["attributions"]
    ]
    assert reader.rows == expected
    kinds = [row[2] for row in reader.rows]
    assert "named-person" in kinds and "vague" in kinds and "anonymous" in kinds
    anonymous = next(row for row in reader.rows if row[2] == "anonymous")
    assert anonymous[1] == "Two council staff members" and anonymous[-1].startswith("why unnamed: because")
    # the draft's words are escaped in the panel as in the draft
    assert ["The AT&T unit", "named-organisation"] == next(row[1:3] for row in reader.rows if "AT&T" in row[1])
    assert "The AT&amp;T unit" in page.split('<details class="sources"', 1)[1]


def test_a_draft_without_attributions_has_no_source_panel(tmp_path):
    path = write(tmp_path, "note.txt", "Bridge notes\n\nThe bridge opens in May.\n")
    _, page = run_cli("--format", "html", path)
    assert '<details class="sources"' not in page
