"""Findings to LSP diagnostics and code actions (lsprotocol types)."""

from __future__ import annotations

from lsprotocol import types as lsp

from ..finding import Finding
from .positions import PositionMap

SOURCE = "factlint"
SEVERITY = {
    "error": lsp.DiagnosticSeverity.Error,
    "warning": lsp.DiagnosticSeverity.Warning,
    "info": lsp.DiagnosticSeverity.Information,
}
_MARKUP = set("*_`[]<>\\|#\r\n")


def to_range(positions: PositionMap, start: int, end: int) -> lsp.Range:
    return lsp.Range(start=lsp.Position(*positions.position(start)), end=lsp.Position(*positions.position(end)))


def diagnostic(f: Finding, positions: PositionMap, links: dict[str, str]) -> lsp.Diagnostic:
    link = links.get(f.rule)
    return lsp.Diagnostic(
        range=to_range(positions, f.offset, f.end_offset),
        severity=SEVERITY.get(f.severity, lsp.DiagnosticSeverity.Information),
        code=f.rule,
        code_description=lsp.CodeDescription(href=link) if link else None,
        source=SOURCE,
        message=f.message,
        data={
            "rule": f.rule,
            "family": f.category,
            "severity": f.severity,
            "suggestions": list(f.suggestions),
            "fix": {"replacement": f.fix.replacement, "safe": f.fix.safe} if f.fix else None,
        },
    )


def rule_links(ruleset) -> dict[str, str]:
    return {r.id: r.link for r in getattr(ruleset, "rules", ()) if getattr(r, "link", None)}


def overlapping(findings: list[Finding], start: int, end: int) -> list[Finding]:
    """Findings whose span touches [start, end] (a bare cursor inside or at an edge counts)."""
    return [f for f in findings if f.offset <= end and f.end_offset >= start]


def code_actions(
    uri: str, findings: list[Finding], positions: PositionMap, links: dict[str, str]
) -> list[lsp.CodeAction]:
    """A quick fix for each finding's fix (preferred when safe), and one per other suggestion.

    A suggestion replaces the matched text only where that text is plain (no Markdown
    markup, no line break), since the match may span markup the prose view hid; a rule's
    own fix is already limited to such spans by the engine."""
    actions: list[lsp.CodeAction] = []
    for f in findings:
        diag = diagnostic(f, positions, links)
        offered: set[str] = set()
        if f.fix is not None:
            fix = f.fix
            title = f"Replace '{f.match}' with '{fix.replacement}'" if fix.replacement else f"Delete '{f.match}'"
            actions.append(
                _action(
                    uri,
                    title + ("" if fix.safe else " (check the meaning)"),
                    diag,
                    to_range(positions, fix.offset, fix.end_offset),
                    fix.replacement,
                    preferred=fix.safe,
                )
            )
            offered.add(fix.replacement)
        if not _MARKUP.intersection(f.match):
            for suggestion in f.suggestions:
                if suggestion in offered or suggestion == f.match:
                    continue
                offered.add(suggestion)
                actions.append(
                    _action(
                        uri, f"Replace '{f.match}' with '{suggestion}'", diag, diag.range, suggestion, preferred=False
                    )
                )
    return actions


def _action(uri: str, title: str, diag: lsp.Diagnostic, where: lsp.Range, text: str, preferred: bool) -> lsp.CodeAction:
    return lsp.CodeAction(
        title=title,
        kind=lsp.CodeActionKind.QuickFix,
        diagnostics=[diag],
        is_preferred=preferred or None,
        edit=lsp.WorkspaceEdit(changes={uri: [lsp.TextEdit(range=where, new_text=text)]}),
    )
