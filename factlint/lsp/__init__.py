"""``factlint lsp``: a Language Server Protocol server over stdio (pygls, the ``lsp`` extra).

    positions.py  character offsets <-> LSP positions (UTF-16 by default, or negotiated)
    rules.py      the rule set for a document: compiled once per workspace
    convert.py    findings -> diagnostics and code actions
    server.py     the pygls server: open/change/save/close, code actions

Only ``server.py`` imports pygls, and only ``factlint lsp`` imports it.
"""
from __future__ import annotations


def serve(rules_dirs=(), builtin: bool = True) -> None:
    """Run the server on stdin/stdout until the client exits."""
    from .rules import WorkspaceRules
    from .server import build_server

    build_server(WorkspaceRules.from_options(rules_dirs, builtin)).start_io()
