"""``--format html``: one self-contained page with each draft and its findings marked in place.

The page needs no network: its CSS and JavaScript are inline (``html_assets/``), and a
Content-Security-Policy allows only those two blocks (by hash), so nothing from a draft can
run even if it slipped through escaping. Every finding is a ``<mark>`` (or, where findings
cross, several pieces; see ``highlight.py``) carrying ``data-finding``, ``data-rule``,
``data-family`` and ``data-severity``; its first piece has ``id="finding-N"``. The findings'
details and the rules' documentation travel as JSON in ``<script type="application/json"
id="factlint-data">``, with ``<``, ``>`` and ``&`` escaped.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
from collections import Counter
from dataclasses import dataclass, field
from importlib import resources

from .. import __version__
from ..finding import SEVERITIES, Finding
from ..inventory import kinds_line, summary_notes
from . import Report
from .highlight import Span, highlight

#: Built-in families keep their colour from report to report; others take the next ones.
KNOWN_FAMILIES = ("sourcing", "attribution", "framing", "editing", "readability")
PALETTE_SIZE = 10
SEVERITY_ORDER = tuple(reversed(SEVERITIES))  # error, warning, info


@dataclass
class FileView:
    path: str
    text: str | None
    inventory: dict | None = None  # the `factlint sources` document of this file
    findings: list[tuple[int, Finding]] = field(default_factory=list)  # (number, finding)


def render(report: Report) -> str:
    files = _files(report)
    numbered = [(n, f) for view in files for n, f in view.findings]
    families = _families(f for _, f in numbered)
    css = _asset("report.css")
    js = _asset("report.js")
    data = _page_data(files, report)
    title = "factlint report — " + (files[0].path if len(files) == 1 else f"{len(files)} files")
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f'<meta http-equiv="Content-Security-Policy" content="{_csp(css, js)}">',
        f"<title>{_e(title)}</title>",
        f"<style>{css}</style>",
        "</head>",
        "<body>",
        _header(report, files, numbered, families),
        _toc(files, families) if len(files) > 1 else "",
        "<main>",
        *(_file_section(k, view, families) for k, view in enumerate(files)),
        "</main>",
        '<div id="detail" class="detail" role="dialog" aria-live="polite" hidden></div>',
        f'<script type="application/json" id="factlint-data">{_json_for_script(data)}</script>',
        f"<script>{js}</script>",
        "</body>",
        "</html>",
    ]
    return "\n".join(p for p in parts if p) + "\n"


# --- data -------------------------------------------------------------------------------


def _files(report: Report) -> list[FileView]:
    views: dict[str, FileView] = {
        path: FileView(path, text, report.inventories.get(path)) for path, text in report.texts.items()
    }
    for f in report.findings:
        views.setdefault(f.path, FileView(f.path, None))
    ordered = [views[p] for p in sorted(views)]
    by_path: dict[str, list[Finding]] = {}
    for f in report.findings:
        by_path.setdefault(f.path, []).append(f)
    n = 0
    for view in ordered:
        for f in sorted(by_path.get(view.path, ()), key=lambda f: f.sort_key):
            view.findings.append((n, f))
            n += 1
    return ordered


def _families(findings) -> dict[str, int]:
    """family -> palette slot: the built-in families first, then others by name."""
    present = {f.category for f in findings}
    slots = {name: i for i, name in enumerate(KNOWN_FAMILIES)}
    extra = sorted(present - set(KNOWN_FAMILIES))
    for i, name in enumerate(extra):
        slots[name] = (len(KNOWN_FAMILIES) + i) % PALETTE_SIZE
    order = [f for f in KNOWN_FAMILIES if f in present] + extra
    return {name: slots[name] for name in order}


def _page_data(files: list[FileView], report: Report) -> dict:
    findings = []
    rules: dict[str, dict] = {}
    for k, view in enumerate(files):
        for _, f in view.findings:
            findings.append(
                {
                    "file": k,
                    "rule": f.rule,
                    "family": f.category,
                    "severity": f.severity,
                    "message": f.message,
                    "suggestions": list(f.suggestions),
                    "fix": ({"replacement": f.fix.replacement, "safe": f.fix.safe} if f.fix else None),
                    "line": f.line,
                    "column": f.column,
                    "endLine": f.end_line,
                    "endColumn": f.end_column,
                }
            )
            if f.rule not in rules:
                rules[f.rule] = _rule_doc(report.ruleset, f.rule)
    return {"version": __version__, "files": [v.path for v in files], "findings": findings, "rules": rules}


def _rule_doc(ruleset, rule_id: str) -> dict:
    rule = ruleset.get(rule_id) if ruleset is not None and hasattr(ruleset, "get") else None
    if rule is None:
        return {}
    return {"why": " ".join(rule.why.split()), "link": rule.link, "description": (rule.description or "").strip()}


def _json_for_script(data: dict) -> str:
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return (
        text.replace("&", "\\u0026")
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def _asset(name: str) -> str:
    return resources.files("factlint.reporters").joinpath("html_assets").joinpath(name).read_text(encoding="utf-8")


def _csp(css: str, js: str) -> str:
    def digest(text: str) -> str:
        return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"

    return (
        f"default-src 'none'; style-src {digest(css)}; script-src {digest(js)}; "
        "img-src data:; base-uri 'none'; form-action 'none'"
    )


# --- markup -----------------------------------------------------------------------------


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def _plural(n: int, word: str) -> str:
    if word == "info":
        return f"{n} info"
    return f"{n} {word}" + ("" if n == 1 else "s")


def _severity_summary(findings) -> str:
    counts = Counter(f.severity for f in findings)
    return ", ".join(_plural(counts[s], s) for s in SEVERITY_ORDER if counts[s])


def _header(report: Report, files, numbered, families: dict[str, int]) -> str:
    findings = [f for _, f in numbered]
    total = len(findings)
    nfiles = _plural(len(files), "file")
    lede = f"{_plural(total, 'finding')} in {nfiles}" + (f" ({_severity_summary(findings)})" if total else "")
    if report.errors:
        lede += f"; {_plural(report.errors, 'file')} could not be read"
    out = ['<header class="page-head">', f'<h1>factlint report</h1><p class="lede">{_e(lede)}</p>']
    if total:
        out.append(_summary_table(findings, families))
        sev = Counter(f.severity for f in findings)
        out.append('<div class="controls"><fieldset class="severity-filter"><legend>Severity</legend>')
        for s in SEVERITY_ORDER:
            out.append(
                f'<label class="sev-toggle sev-{s}"><input type="checkbox" checked '
                f'data-filter-severity="{s}"{"" if sev[s] else " disabled"}>'
                f' <span class="sev-badge sev-{s}">{s}</span> <span class="count">{sev[s]}</span></label>'
            )
        out.append(
            "</fieldset>"
            f'<p class="showing" aria-live="polite">Showing <b id="shown-count">{total}</b> of {total}</p>'
            '<p class="keys"><kbd>j</kbd>/<kbd>n</kbd> next · <kbd>k</kbd>/<kbd>p</kbd> previous · '
            "<kbd>Esc</kbd> close · click a highlight for details</p></div>"
        )
        out.append(
            "<noscript><p>Filters and keyboard navigation need JavaScript; "
            "the highlights and the lists work without it.</p></noscript>"
        )
    out.append("</header>")
    return "\n".join(out)


def _summary_table(findings: list[Finding], families: dict[str, int]) -> str:
    counts = Counter((f.category, f.severity) for f in findings)
    rows = [
        '<table class="summary"><caption>Findings by family</caption>',
        '<thead><tr><th scope="col">Show</th><th scope="col">Family</th>'
        + "".join(f'<th scope="col" class="num">{s}</th>' for s in SEVERITY_ORDER)
        + '<th scope="col" class="num">total</th></tr></thead><tbody>',
    ]
    for family, slot in families.items():
        total = sum(counts[(family, s)] for s in SEVERITY_ORDER)
        cells = "".join(f'<td class="num">{counts[(family, s)] or ""}</td>' for s in SEVERITY_ORDER)
        rows.append(
            f'<tr data-family="{_e(family)}"><td><input type="checkbox" checked '
            f'data-filter-family="{_e(family)}" aria-label="show {_e(family)}"></td>'
            f'<th scope="row"><span class="swatch fam-{slot}"></span>{_e(family)}</th>'
            f'{cells}<td class="num total">{total}</td></tr>'
        )
    rows.append("</tbody></table>")
    return "".join(rows)


def _toc(files: list[FileView], families: dict[str, int]) -> str:
    items = []
    for k, view in enumerate(files):
        n = len(view.findings)
        dots = "".join(
            f'<span class="swatch fam-{families[fam]}" title="{_e(fam)}: {c}"></span>'
            for fam, c in Counter(f.category for _, f in view.findings).most_common()
        )
        items.append(
            f'<li><a href="#file-{k}">{_e(view.path)}</a> '
            f'<span class="count">{_plural(n, "finding")}</span> {dots}</li>'
        )
    return '<nav class="toc" aria-label="Files"><h2>Files</h2><ol>' + "".join(items) + "</ol></nav>"


def _file_section(k: int, view: FileView, families: dict[str, int]) -> str:
    findings = [f for _, f in view.findings]
    counts = _severity_summary(findings) if findings else "no findings"
    head = f'<header class="file-head"><h2>{_e(view.path)}</h2><p class="file-counts">{_e(counts)}</p></header>'
    body = []
    if view.text is not None:
        body.append(f'<div class="draft" data-path="{_e(view.path)}">{_marked(view, families)}</div>')
    side = ([_finding_list(view, families)] if view.findings else []) + (
        [_sources_panel(view.inventory)] if view.inventory and view.inventory["attributions"] else []
    )
    if side:
        body.append('<div class="side">' + "".join(side) + "</div>")
    cls = "file-body" + ("" if side else " clean") + ("" if view.text is not None else " no-text")
    return (
        f'<section class="file" id="file-{k}" data-file="{k}">{head}<div class="{cls}">{"".join(body)}</div></section>'
    )


def _marked(view: FileView, families: dict[str, int]) -> str:
    by_number = dict(view.findings)

    def open_tag(n: int, part: int) -> str:
        f = by_number[n]
        ident = f' id="finding-{n}"' if part == 0 else f' data-part="{part}"'
        cont = " cont" if part else ""
        return (
            f'<mark{ident} class="fam-{families[f.category]} sev-{f.severity}{cont}" '
            f'data-finding="{n}" data-rule="{_e(f.rule)}" data-family="{_e(f.category)}" '
            f'data-severity="{_e(f.severity)}" title="{_e(f.rule + ": " + f.message)}" tabindex="-1">'
        )

    spans = [Span(f.offset, f.end_offset, n) for n, f in view.findings]
    return highlight(view.text or "", spans, open_tag)


def _finding_list(view: FileView, families: dict[str, int]) -> str:
    items = []
    for n, f in view.findings:
        items.append(
            f'<li data-finding="{n}" data-family="{_e(f.category)}" data-severity="{_e(f.severity)}">'
            f'<a href="#finding-{n}"><span class="where">{f.line}:{f.column}</span> '
            f'<span class="sev-badge sev-{f.severity}">{f.severity}</span> '
            f'<span class="rule"><span class="swatch fam-{families[f.category]}"></span>{_e(f.rule)}</span>'
            f'<span class="msg">{_e(f.message)}</span></a></li>'
        )
    return '<aside class="findings" aria-label="Findings in this file"><ol>' + "".join(items) + "</ol></aside>"


def _sources_panel(inventory: dict) -> str:
    """The draft's source inventory (``factlint sources``): who says so, in reading order,
    and the standards editor's summary."""
    s = inventory["summary"]
    kinds = kinds_line(s)
    share = "" if s["named_share"] is None else f"; {round(100 * s['named_share'])}% named"
    rows = []
    for att in inventory["attributions"]:
        source = " ".join(att["source"]["text"].split()) if att["source"] else "—"
        cue = " ".join(att["cue"]["text"].split())
        reason = " ".join(att["reason"]["text"].split()) if att["reason"] else ""
        rows.append(
            f'<tr data-kind="{_e(att["kind"])}"><td class="num">{att["line"]}</td>'
            f'<td class="who">{_e(source)}<br><span class="kind kind-{_e(att["kind"])}">'
            f"{_e(att['kind'])}</span></td>"
            f'<td>{_e(cue)}<br><span class="how">{_e(att["quote"])}</span>'
            + (f'<br><span class="reason">why unnamed: {_e(reason)}</span>' if reason else "")
            + "</td></tr>"
        )
    notes = [_e(note[:1].upper() + note[1:]) for note in summary_notes(s)]
    return (
        '<details class="sources" open><summary>Sources: '
        f"{_e(_plural(s['attributions'], 'attribution'))}{_e(share)}</summary>"
        f'<p class="kinds">{_e(kinds)}</p>'
        '<table><thead><tr><th scope="col" class="num">line</th><th scope="col">source</th>'
        '<th scope="col">cue</th></tr></thead><tbody>'
        + "".join(rows)
        + "</tbody></table>"
        + "".join(f'<p class="note">{n}</p>' for n in notes)
        + "</details>"
    )
