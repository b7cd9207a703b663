"""The pygls server: lint a document when it is opened, changed or saved, publish the
findings as diagnostics, and answer code-action requests from the last lint."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from lsprotocol import types as lsp
from pygls.lsp.server import LanguageServer
from pygls.protocol import LanguageServerProtocol
from pygls.uris import to_fs_path

from .. import __version__
from ..config import ConfigError
from ..document import parse
from ..finding import Finding
from ..runner import lint_with_settings
from .convert import code_actions, diagnostic, overlapping, rule_links
from .positions import PositionMap
from .rules import EditorSettings

LANGUAGES = {"markdown": "markdown", "plaintext": "text", "text": "text"}
EXTENSIONS = {".md": "markdown", ".markdown": "markdown", ".txt": "text"}


@dataclass
class Linted:
    version: int | None
    findings: list[Finding]
    positions: PositionMap
    links: dict[str, str]


def document_format(uri: str, language_id: str | None) -> str | None:
    """'markdown', 'text', or None for a document factlint does not lint."""
    suffix = Path(uri.split("?", 1)[0]).suffix.lower()
    if suffix in EXTENSIONS:
        return EXTENSIONS[suffix]
    return LANGUAGES.get((language_id or "").lower())


class _Dropped:
    """What an unreadable message becomes: pygls ignores a message of an unknown version."""

    jsonrpc = "dropped"


def _leaf_messages(exc: BaseException) -> list[str]:
    inner = getattr(exc, "exceptions", None)  # an ExceptionGroup (cattrs)
    if inner:
        return [m for e in inner for m in _leaf_messages(e)]
    return [str(exc)]


class FactlintProtocol(LanguageServerProtocol):
    """pygls' protocol, answering every request: a request whose params do not fit the
    LSP types (a ``codeAction`` at line -1) gets an "invalid params" error response, and
    such a notification is dropped with one line on standard error -- pygls would log a
    traceback and send nothing, leaving the editor waiting."""

    def structure_message(self, data: dict):
        if "jsonrpc" not in data or "method" not in data or "error" in data:
            return super().structure_message(data)  # nested objects, responses
        method = data["method"]
        kind = self.get_message_type(method)
        if kind is None:
            return super().structure_message(data)
        try:
            return self._converter.structure(data, kind)
        except Exception as exc:  # cattrs' validation errors, or any other misfit
            reason = "; ".join(_leaf_messages(exc))[:500]
            if "id" in data and isinstance(data["id"], (int, str)):
                self._send_response(
                    data["id"],
                    error=lsp.ResponseError(
                        code=lsp.ErrorCodes.InvalidParams, message=f"invalid params for {method}: {reason}"
                    ),
                )
            else:
                print(
                    f"factlint lsp: dropped a {method} notification with invalid params: {reason}",
                    file=sys.stderr,
                    flush=True,
                )
            return _Dropped()


class FactlintServer(LanguageServer):
    def __init__(self, rules: EditorSettings) -> None:
        super().__init__("factlint", __version__, protocol_cls=FactlintProtocol)
        self.rules = rules
        self.linted: dict[str, Linted] = {}
        self.reported_errors: set[str] = set()

    def lint(self, uri: str) -> None:
        document = self.workspace.get_text_document(uri)
        fmt = document_format(uri, document.language_id)
        if fmt is None:
            return
        path = to_fs_path(uri) or uri
        try:
            settings = self.rules.for_document(path)
        except ConfigError as exc:
            # shown to the writer, not only logged: otherwise the draft just looks clean
            self._once(
                f"factlint: configuration or rules failed to load: {'; '.join(map(str, exc.problems))}", show=True
            )
            return
        ruleset = settings.ruleset
        text = document.source
        findings, errors = lint_with_settings(
            parse(text, path, fmt, phrases=ruleset.index, ignore_patterns=settings.overrides.ignore_patterns), settings
        )
        for error in errors:
            self._once(f"factlint: {path}: rule {error.rule}: {error.message}")
        positions = PositionMap(text, str(self.workspace.position_encoding or "utf-16"))
        links = rule_links(ruleset)
        self.linted[uri] = Linted(document.version, findings, positions, links)
        self.text_document_publish_diagnostics(
            lsp.PublishDiagnosticsParams(
                uri=uri, version=document.version, diagnostics=[diagnostic(f, positions, links) for f in findings]
            )
        )

    def _once(self, message: str, show: bool = False) -> None:
        """Log ``message`` (and with ``show``, pop it up in the editor) the first time only."""
        if message not in self.reported_errors:
            self.reported_errors.add(message)
            self.window_log_message(lsp.LogMessageParams(type=lsp.MessageType.Error, message=message))
            if show:
                self.window_show_message(lsp.ShowMessageParams(type=lsp.MessageType.Error, message=message))


def build_server(rules: EditorSettings) -> FactlintServer:
    server = FactlintServer(rules)

    @server.feature(lsp.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: FactlintServer, params: lsp.DidOpenTextDocumentParams) -> None:
        ls.lint(params.text_document.uri)

    @server.feature(lsp.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: FactlintServer, params: lsp.DidChangeTextDocumentParams) -> None:
        ls.lint(params.text_document.uri)

    @server.feature(lsp.TEXT_DOCUMENT_DID_SAVE, lsp.SaveOptions(include_text=False))
    def did_save(ls: FactlintServer, params: lsp.DidSaveTextDocumentParams) -> None:
        ls.lint(params.text_document.uri)

    @server.feature(lsp.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: FactlintServer, params: lsp.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        if ls.linted.pop(uri, None) is not None:
            ls.text_document_publish_diagnostics(lsp.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    @server.feature(
        lsp.TEXT_DOCUMENT_CODE_ACTION, lsp.CodeActionOptions(code_action_kinds=[lsp.CodeActionKind.QuickFix])
    )
    def code_action(ls: FactlintServer, params: lsp.CodeActionParams) -> list[lsp.CodeAction]:
        uri = params.text_document.uri
        linted = ls.linted.get(uri)
        if linted is None:
            return []
        r = params.range
        start = linted.positions.offset(r.start.line, r.start.character)
        end = linted.positions.offset(r.end.line, r.end.character)
        found = overlapping(linted.findings, start, end)
        only = params.context.only
        if only and not any(str(kind).startswith(lsp.CodeActionKind.QuickFix) for kind in only):
            return []
        return code_actions(uri, found, linted.positions, linted.links)

    @server.feature(lsp.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def watched_files(ls: FactlintServer, params: lsp.DidChangeWatchedFilesParams) -> None:
        # a rule pack or configuration file changed: compile again and re-lint open drafts
        ls.rules.forget()
        for uri in list(ls.linted):
            ls.lint(uri)

    return server
