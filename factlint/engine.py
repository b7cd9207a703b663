"""Run compiled rules over a parsed document and turn their hits into findings."""

from __future__ import annotations

from dataclasses import dataclass, field

from .document import Document
from .document.budget import STEP, charge
from .finding import Finding, Fix, Hit
from .fixguard import fix_allowed
from .kinds.base import Rule, RuleTimeout, RunContext
from .ruleset import RuleSet


@dataclass
class RuleError:
    """A rule that failed on one document (a regex past its time limit): reported, skipped."""

    path: str
    rule: str
    message: str


@dataclass
class DocumentResult:
    findings: list[Finding] = field(default_factory=list)
    errors: list[RuleError] = field(default_factory=list)


def lint_document(doc: Document, ruleset: RuleSet) -> DocumentResult:
    run = RunContext(doc, ruleset.index)
    result = DocumentResult()
    #: rule id -> the raw spans it reported, each as one number (``offset * width + end``)
    seen_by_rule: dict[str, set[int]] = {}
    width = len(doc.text) + 1
    #: one copy of each message and matched text: a flood of one mistake ("“" unclosed
    #: 430,000 times) repeats the same two strings in every finding
    shared: dict[str, str] = {}
    prose_length = len(doc.prose)
    for rule in ruleset.rules:
        charge(prose_length, f"rule {rule.id}")
        try:
            hits = list(rule.check(doc, run))
        except RuleTimeout as exc:
            result.errors.append(RuleError(doc.path, rule.id, str(exc)))
            continue
        except TimeoutError:
            result.errors.append(RuleError(doc.path, rule.id, "a pattern took too long; rule skipped"))
            continue
        charge(STEP * len(hits), f"rule {rule.id}")
        seen = seen_by_rule.setdefault(rule.id, set())
        hits.reverse()  # taken from the end, so that each hit is freed once it is a finding
        while hits:
            hit = hits.pop()
            if not (hit.raw or rule.SCOPES_ITSELF or rule.scope.accepts(doc, hit.start, hit.end)):
                continue
            finding = to_finding(doc, rule, hit)
            key = finding.offset * width + finding.end_offset
            if key in seen:
                continue
            seen.add(key)
            finding.message = shared.setdefault(finding.message, finding.message)
            finding.match = shared.setdefault(finding.match, finding.match)
            result.findings.append(finding)
    result.findings.sort(key=lambda f: f.sort_key)
    return result


def _prose_span(doc: Document, hit: Hit) -> tuple[int, int]:
    if not hit.raw:
        return hit.start, hit.end
    return doc.to_prose(hit.start), doc.to_prose(hit.end)


def to_finding(doc: Document, rule: Rule, hit: Hit) -> Finding:
    if hit.raw:
        start, end = hit.start, hit.end
        prose_text = None
    else:
        start, end = doc.to_raw(hit.start, hit.end)
        prose_text = doc.prose[hit.start : hit.end]
    match = doc.text[start:end]
    line, column = doc.lines.position(start)
    end_line, end_column = doc.lines.position(end)
    message = rule.format_message(
        prose_text if prose_text is not None else match, hit.values, hit.suggestions, hit.message
    )
    fix = None
    suggestions = list(hit.suggestions)
    if (hit.fix is not None or suggestions) and not fix_allowed(doc, *_prose_span(doc, hit)):
        suggestions, hit_fix = [], None  # a quotation's words or a web address: reported, never rewritten
    else:
        hit_fix = hit.fix
    # a fix rewrites raw text: only when the raw span reads exactly like the prose that matched
    if hit_fix is not None and (prose_text is None or prose_text == match):
        fix = Fix(start, end, hit_fix, hit.fix_safe)
    return Finding(
        path=doc.path,
        line=line,
        column=column,
        end_line=end_line,
        end_column=end_column,
        offset=start,
        end_offset=end,
        rule=rule.id,
        category=rule.category,
        severity=rule.severity,
        message=message,
        match=match,
        suggestions=suggestions,
        fix=fix,
    )
