"""``factlint lsp``: a Language Server Protocol server over stdio (pygls, the ``lsp`` extra).

    positions.py  character offsets <-> LSP positions (UTF-16 by default, or negotiated)
    rules.py      a document's settings, found as on the command line, compiled once
    convert.py    findings -> diagnostics and code actions
    server.py     the pygls server: open/change/save/close, code actions
    frames.py     reads the editor's frames; a bad Content-Length is dropped, not wedging

Only ``server.py`` imports pygls, and only ``factlint lsp`` imports it.
"""

from __future__ import annotations


def serve(rules_dirs=(), builtin: bool = True) -> None:
    """Run the server on stdin/stdout until the client exits."""
    import sys
    from typing import BinaryIO, cast

    from .frames import FrameReader
    from .rules import EditorSettings
    from .server import build_server

    # FrameReader reads like the binary stream it wraps (read, readline): all pygls asks of stdin
    stdin = cast(BinaryIO, FrameReader(sys.stdin.buffer))
    build_server(EditorSettings(rules_dirs, builtin)).start_io(stdin=stdin)
