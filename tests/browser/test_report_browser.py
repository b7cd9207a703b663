"""The HTML report in a real browser (headless Chromium): every finding highlighted on its
words, the filters, keyboard navigation, hostile drafts, and a long draft."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from factlint.cli import main

PACK = str(Path(__file__).resolve().parents[1] / "fixtures" / "report_pack")
FIXTURE_ARGS = ("--no-builtin", "--rules", PACK)

STORM_MD = """\
# Storm notes

Today people are saying the storm ravaged the very old pier 🌊 and sources say the
damage was catastrophic.

The harbour office said the storm battered two boats; it gave no figure for the cost.
"""
STORM_TXT = "Pier update\r\n\r\nSources say the pier reopens on Friday. It is very busy.\r\n"

# Reads, per finding number, the text of its marks in document order (nested marks: the
# outer mark's text includes the inner one's; split marks: the pieces joined), with the
# attributes and whether each piece is visibly highlighted.
COLLECT = """() => {
  const out = {};
  for (const m of document.querySelectorAll('mark[data-finding]')) {
    const n = m.dataset.finding;
    const style = getComputedStyle(m);
    const rect = m.getBoundingClientRect();
    const e = out[n] || (out[n] = {text: '', rule: m.dataset.rule, family: m.dataset.family,
                                   severity: m.dataset.severity, pieces: 0, shaded: 0, sized: 0, off: 0});
    e.text += m.textContent;
    e.pieces += 1;
    if (style.backgroundColor !== 'rgba(0, 0, 0, 0)' && style.backgroundColor !== 'transparent') e.shaded += 1;
    if (rect.width > 0 && rect.height > 0) e.sized += 1;
    if (m.classList.contains('off')) e.off += 1;
  }
  return out;
}"""

LIST_STATE = """() => Array.from(document.querySelectorAll('.findings li[data-finding]'))
  .map(li => ({n: li.dataset.finding, family: li.dataset.family, severity: li.dataset.severity,
               shown: li.offsetParent !== null}))"""


def cli(*args: str) -> str:
    return CliRunner().invoke(main, list(args), catch_exceptions=False).output


def build(tmp_path: Path, files: dict[str, bytes], args=FIXTURE_ARGS) -> tuple[Path, list[dict]]:
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    paths = [str(tmp_path / name) for name in files]
    report = tmp_path / "report.html"
    report.write_text(cli("--format", "html", *args, *paths), encoding="utf-8")
    findings = json.loads(cli("--format", "json", *args, *paths))["findings"]
    findings.sort(key=lambda f: (f["path"], f["offset"], f["end_offset"], f["rule"]))
    return report, findings


def storm_report(tmp_path):
    return build(tmp_path, {"storm.md": STORM_MD.encode(), "update.txt": STORM_TXT.encode()})


def test_every_finding_is_highlighted_on_its_words(tmp_path, open_report, screenshot):
    report, findings = storm_report(tmp_path)
    page = open_report(report)
    marks = page.evaluate(COLLECT)
    assert len(findings) >= 10
    assert sorted(map(int, marks)) == list(range(len(findings)))
    for n, f in enumerate(findings):
        m = marks[str(n)]
        assert m["text"] == f["match"], (n, f["rule"])
        assert (m["rule"], m["family"], m["severity"]) == (f["rule"], f["category"], f["severity"])
        assert m["shaded"] == m["pieces"] == m["sized"], f"finding {n} is not visibly highlighted"
    assert max(m["pieces"] for m in marks.values()) > 1, "the crossing pair is drawn in pieces"
    drafts = page.evaluate("() => Array.from(document.querySelectorAll('.draft'), d => d.textContent)")
    assert drafts == [STORM_MD, STORM_TXT]  # the page shows each file exactly, CR LF and emoji included
    screenshot(page, "page", full_page=True)


def test_family_and_severity_filters(tmp_path, open_report, screenshot):
    report, findings = storm_report(tmp_path)
    page = open_report(report)

    def state():
        marks = page.evaluate(COLLECT)
        items = page.evaluate(LIST_STATE)
        shown = int(page.inner_text("#shown-count"))
        return marks, items, shown

    page.uncheck("input[data-filter-family='framing']")
    marks, items, shown = state()
    hidden = {str(n) for n, f in enumerate(findings) if f["category"] == "framing"}
    assert hidden and len(hidden) < len(findings)
    for n, m in marks.items():
        if n in hidden:
            assert m["off"] == m["pieces"] and m["shaded"] == 0, n
        else:
            assert m["off"] == 0 and m["shaded"] == m["pieces"], n
    assert {i["n"] for i in items if not i["shown"]} == hidden
    assert shown == len(findings) - len(hidden)
    screenshot(page, "framing-hidden")

    page.uncheck("input[data-filter-severity='info']")
    marks, items, shown = state()
    hidden |= {str(n) for n, f in enumerate(findings) if f["severity"] == "info"}
    assert {n for n, m in marks.items() if m["off"]} == hidden
    assert {i["n"] for i in items if not i["shown"]} == hidden
    assert shown == len(findings) - len(hidden)

    page.check("input[data-filter-family='framing']")
    page.check("input[data-filter-severity='info']")
    marks, items, shown = state()
    assert not any(m["off"] for m in marks.values()) and all(i["shown"] for i in items)
    assert shown == len(findings)


def test_keyboard_navigation_and_details(tmp_path, open_report, screenshot):
    report, findings = storm_report(tmp_path)
    page = open_report(report)
    current = "() => Array.from(document.querySelectorAll('mark.current'), m => m.dataset.finding)"

    def detail_text():
        assert page.is_visible("#detail")
        return page.inner_text("#detail")

    page.keyboard.press("j")
    assert set(page.evaluate(current)) == {"0"}
    text = detail_text()
    assert findings[0]["message"] in text and findings[0]["rule"] in text
    page.keyboard.press("n")
    assert set(page.evaluate(current)) == {"1"}
    page.keyboard.press("k")
    assert set(page.evaluate(current)) == {"0"}
    page.keyboard.press("p")  # wraps round to the last finding
    assert set(page.evaluate(current)) == {str(len(findings) - 1)}
    page.keyboard.press("Escape")
    assert not page.is_visible("#detail") and page.evaluate(current) == []

    # navigation skips what the filters hide
    family = findings[1]["category"]
    page.uncheck(f"input[data-filter-family='{family}']")
    page.keyboard.press("j")
    page.keyboard.press("j")
    expected = [n for n, f in enumerate(findings) if f["category"] != family][1]
    assert set(page.evaluate(current)) == {str(expected)}
    page.check(f"input[data-filter-family='{family}']")

    # click a highlight: message, suggestion, fix, why and the rule's link
    n = next(i for i, f in enumerate(findings) if f["rule"] == "framing/storm-verbs")
    page.click(f"#finding-{n}")
    text = detail_text()
    assert findings[n]["message"] in text
    assert "Weather verbs that dramatise" in text and findings[n]["suggestions"][0] in text
    link = page.get_attribute("#detail a", "href")
    assert link == "https://example.org/factlint-fixture/storm-verbs"
    screenshot(page, "detail")

    # the list beside the draft selects too
    page.click(f".findings li[data-finding='{len(findings) - 1}'] a")
    assert set(page.evaluate(current)) == {str(len(findings) - 1)}


def test_html_in_a_draft_shows_as_text_and_never_runs(tmp_path, open_report, screenshot):
    hostile = (
        "Sources say <script>window.pwned = 1</script> the pier "
        '<img src="x" onerror="window.pwned = 2"> is <b>very</b> old.\n\n'
        "</script><script>window.pwned = 3</script><!-- The storm battered it. -->\n"
    )
    report, findings = build(tmp_path, {"hostile.txt": hostile.encode()})
    page = open_report(report)
    assert page.evaluate("() => window.pwned") is None
    assert page.evaluate("() => document.scripts.length") == 2
    assert page.evaluate("() => document.querySelectorAll('img, .draft *:not(mark)').length") == 0
    assert page.evaluate("() => document.querySelector('.draft').textContent") == hostile
    marks = page.evaluate(COLLECT)
    assert [marks[str(n)]["text"] for n in range(len(findings))] == [f["match"] for f in findings]
    assert {f["rule"] for f in findings} >= {"sourcing/hearsay", "editing/intensifier", "framing/storm-verbs"}
    screenshot(page, "hostile")


SENTENCES = [
    "The harbour board met on Tuesday to review the repair schedule for the north pier.",
    "Today people are saying the storm ravaged the ferry terminal and the fish market.",
    "Engineers from the county surveyed the pilings and logged every crack they found.",
    "Sources say the insurer will cover part of the cost, though no figure was given.",
    "The ferry company moved its morning sailings to the south quay for the week.",
    "Residents described the night as very loud, with waves reaching the sea wall.",
    "The mayor's office published a very detailed map of the closed streets.",
    "One shop owner said the flooding was catastrophic for the small traders nearby.",
    "Volunteers handed out sandbags from the fire station until late in the evening.",
    "The storm battered the breakwater, and a crane barge is due to arrive on Monday.",
]


def long_draft(words: int = 5000) -> str:
    paragraphs, count, i = [], 0, 0
    while count < words:
        paragraph = " ".join(SENTENCES[(i + k) % len(SENTENCES)] for k in range(4))
        paragraphs.append(paragraph)
        count += len(paragraph.split())
        i += 3
    return "# Harbour storm: a week of repairs\n\n" + "\n\n".join(paragraphs) + "\n"


def test_a_5000_word_draft_with_hundreds_of_findings(tmp_path, open_report, screenshot):
    text = long_draft()
    report, findings = build(tmp_path, {"long.md": text.encode()})
    assert len(text.split()) >= 5000 and len(findings) >= 300
    page = open_report(report)
    timing = page.evaluate("() => performance.now()")
    marks = page.evaluate(COLLECT)
    assert len(marks) == len(findings)
    assert all(marks[str(n)]["text"] == f["match"] for n, f in enumerate(findings))
    page.keyboard.press("k")  # straight to the last finding, at the bottom of the page
    assert page.evaluate("() => document.querySelector('mark.current').dataset.finding") == str(len(findings) - 1)
    assert page.is_visible("#detail")
    assert page.evaluate(
        "() => { const r = document.querySelector('mark.current').getBoundingClientRect();"
        " return r.top >= 0 && r.bottom <= innerHeight; }"
    )
    page.uncheck("input[data-filter-family='sourcing']")
    remaining = sum(1 for f in findings if f["category"] != "sourcing")
    assert int(page.inner_text("#shown-count")) == remaining
    screenshot(page, "long")
    print(f"5,000-word report: {len(findings)} findings, page ready after {timing:.0f} ms")
