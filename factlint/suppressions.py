"""Suppression comments: silence a rule for a line, a range of lines or a whole file.

In Markdown (and HTML-ish drafts) they are HTML comments, which readers never see::

    <!-- factlint-disable-next-line sourcing/vague-reports -- the outlet is named in the sidebar -->
    <!-- factlint-disable-line framing -->          (at the end of the line it silences)
    <!-- factlint-disable framing/loaded-said -->   ... <!-- factlint-enable framing/loaded-said -->
    <!-- factlint-disable-file -->

In plain text the same comment is written on a line of its own, or (``disable-line``) at
the end of the line it silences; the plain-text parser treats it as a comment, not as
prose. RULE is a rule id, a family or a glob,
comma-separated, as with ``--select``; no RULE means every rule. Text after ``--`` is
the reason, for the next editor.

``disable`` without a matching ``enable`` runs to the end of the file. A suppression
that silences nothing is reported (rule ``factlint/unused-suppression``) with
``--report-unused-suppressions``.
"""

from __future__ import annotations

import fnmatch
from collections.abc import Iterable
from dataclasses import dataclass, field

import regex

from .finding import Finding

UNUSED_RULE = "factlint/unused-suppression"
UNUSED_INFO = {
    "id": UNUSED_RULE,
    "category": "factlint",
    "severity": "warning",
    "why": "A suppression comment that silences nothing hides future findings for no reason; delete it.",
    "link": "https://github.com/factlint/factlint/blob/main/README.md#suppressions",
}

_DIRECTIVE = regex.compile(
    r"<!--\s*factlint-(?P<verb>disable-next-line|disable-line|disable-file|disable|enable)\b"
    r"(?P<rest>.*?)-->",
    regex.DOTALL,
)


@dataclass
class Directive:
    verb: str
    patterns: tuple[str, ...]  # empty: every rule
    reason: str
    start: int  # raw span of the comment
    end: int
    line: int  # first line of the comment
    end_line: int  # its last line
    used: set[str] = field(default_factory=set)  # patterns that silenced something ("*" for all)


def parse_directives(doc) -> list[Directive]:
    out: list[Directive] = []
    for start, end in sorted(doc.comments):
        for m in _DIRECTIVE.finditer(doc.text, start, end):
            rest = m.group("rest")
            reason = ""
            if "--" in rest:
                rest, reason = rest.split("--", 1)
            patterns = tuple(p.strip() for p in regex.split(r"[,\s]+", rest) if p.strip())
            line = doc.lines.position(m.start())[0]
            end_line = doc.lines.position(max(m.end() - 1, m.start()))[0]
            out.append(Directive(m.group("verb"), patterns, reason.strip(), m.start(), m.end(), line, end_line))
    return out


def pattern_matches(pattern: str, rule: str, category: str) -> bool:
    """The rule-pattern language of --select: an id, a family or a glob."""
    return pattern in ("ALL", "*") or rule == pattern or category == pattern or fnmatch.fnmatchcase(rule, pattern)


def _hit(d: Directive, f: Finding) -> str | None:
    """The pattern of ``d`` that names ``f``'s rule ("*" when ``d`` names every rule)."""
    if not d.patterns:
        return "*"
    for p in d.patterns:
        if pattern_matches(p, f.rule, f.category):
            return p
    return None


@dataclass
class _Range:
    directive: Directive
    pattern: str  # one pattern of the disable, or "*"
    start: int  # raw offsets
    end: int


def _ranges(directives: list[Directive], text_length: int) -> list[_Range]:
    """disable ... enable ranges, one per pattern; an enable closes what it names."""
    open_ranges: list[_Range] = []
    closed: list[_Range] = []
    for d in directives:
        if d.verb == "disable":
            for p in d.patterns or ("*",):
                open_ranges.append(_Range(d, p, d.end, text_length))
        elif d.verb == "enable":
            still = []
            for r in open_ranges:
                if not d.patterns or any(_closes(q, r.pattern) for q in d.patterns):
                    r.end = d.start
                    closed.append(r)
                else:
                    still.append(r)
            open_ranges = still
    return closed + open_ranges


def _closes(enable: str, disabled: str) -> bool:
    """``enable X`` ends ``disable Y`` when X names Y or a family/glob that covers it;
    ``disable`` of every rule is ended only by a bare ``enable``."""
    if disabled == "*":
        return False
    return (
        enable in (disabled, "ALL", "*") or disabled.startswith(enable + "/") or fnmatch.fnmatchcase(disabled, enable)
    )


def apply(doc, findings: list[Finding]) -> tuple[list[Finding], list[Directive]]:
    """(findings not suppressed, the document's directives with their use recorded)."""
    directives = parse_directives(doc)
    if not directives:
        return findings, directives
    ranges = _ranges(directives, len(doc.text))
    kept: list[Finding] = []
    for f in findings:
        silenced = False
        for d in directives:
            if (
                d.verb == "disable-file"
                or (d.verb == "disable-next-line" and f.line == d.end_line + 1)
                or (d.verb == "disable-line" and d.line <= f.line <= d.end_line)
            ):
                p = _hit(d, f)
                if p is not None:
                    d.used.add(p)
                    silenced = True
        for r in ranges:
            if r.start <= f.offset < r.end and (r.pattern == "*" or pattern_matches(r.pattern, f.rule, f.category)):
                r.directive.used.add(r.pattern)
                silenced = True
        if not silenced:
            kept.append(f)
    return kept, directives


def unused_findings(
    doc, directives: list[Directive], active_rules, known: Iterable[tuple[str, str]] | None = None
) -> list[Finding]:
    """A finding for each pattern of each suppression that silenced nothing.

    A pattern naming only rules that are not active in this run (ignored or not
    selected) is not reported: it may well be needed when they are. A pattern naming no
    rule at all -- none of ``known``, the (id, family) of every rule loaded, and not
    factlint's own ``factlint/...`` -- is a typo, and is reported as such, with the
    nearest rule id when there is one."""
    active = [(r.id, r.category) for r in active_rules]
    known = list(known) if known is not None else None
    out: list[Finding] = []
    for d in directives:
        if d.verb == "enable":
            continue
        for p in d.patterns or ("*",):
            if p in d.used:
                continue
            message = f"Unused suppression: factlint-{d.verb} for {'every rule' if p == '*' else repr(p)} silenced nothing; delete it."
            if p != "*" and not any(pattern_matches(p, rid, cat) for rid, cat in active):
                if known is None or _names_a_rule(p, known):
                    continue
                message = f"Unknown rule {p!r} in factlint-{d.verb}: no rule has this id or family"
                close = _nearest(p, known)
                message += f"; did you mean {close!r}?" if close else "; see `factlint rules`."
            line, column = doc.lines.position(d.start)
            end_line, end_column = doc.lines.position(d.end)
            out.append(
                Finding(
                    path=doc.path,
                    line=line,
                    column=column,
                    end_line=end_line,
                    end_column=end_column,
                    offset=d.start,
                    end_offset=d.end,
                    rule=UNUSED_RULE,
                    category="factlint",
                    severity="warning",
                    message=message,
                    match=doc.text[d.start : d.end],
                )
            )
    return out


def _names_a_rule(pattern: str, known: list[tuple[str, str]]) -> bool:
    if pattern == "factlint" or pattern.startswith("factlint/"):  # factlint's own findings
        return True
    return any(pattern_matches(pattern, rid, cat) for rid, cat in known)


def _nearest(pattern: str, known: list[tuple[str, str]]) -> str | None:
    import difflib

    names = sorted({rid for rid, _ in known} | {cat for _, cat in known})
    close = difflib.get_close_matches(pattern, names, n=1, cutoff=0.75)
    return close[0] if close else None
