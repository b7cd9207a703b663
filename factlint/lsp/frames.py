"""Reading LSP frames from the editor so that one bad frame cannot wedge the server.

pygls reads ``Content-Length: N`` headers itself and, given a header it cannot read
(``Content-Length: abc``), skips it and then reads every later frame glued to the bad
frame's body: the server answers nothing again, not even ``shutdown``. :class:`FrameReader`
sits between standard input and pygls: it reads each header block, and hands pygls only
well-formed frames (``Content-Length: N\\r\\n\\r\\n`` and N bytes of body). A header block
without a readable ``Content-Length`` is dropped with one line on standard error, and the
reader resynchronises on the next ``Content-Length:`` header, even when it is glued to the
end of the dropped body on the same line.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import BinaryIO

import regex

_HEADER = b"content-length:"
_LENGTH = regex.compile(rb"[ \t]*(\d{1,12})[ \t]*\r?\n?")


def _warn(message: str) -> None:
    print(f"factlint lsp: {message}", file=sys.stderr, flush=True)


class FrameReader:
    """A ``readline``/``read`` stream of well-formed frames over a raw byte stream."""

    def __init__(self, raw: BinaryIO, warn: Callable[[str], None] = _warn) -> None:
        self.raw = raw
        self.warn = warn
        self.buffer = b""
        self._resync = b""  # a header line found glued to a dropped frame's body

    def readline(self) -> bytes:
        if not self.buffer:
            self.buffer = self._next_frame()
        end = self.buffer.find(b"\n") + 1 or len(self.buffer)
        line, self.buffer = self.buffer[:end], self.buffer[end:]
        return line

    def read(self, n: int) -> bytes:
        if not self.buffer:
            self.buffer = self._next_frame()
        data, self.buffer = self.buffer[:n], self.buffer[n:]
        return data

    def _line(self) -> bytes:
        if self._resync:
            line, self._resync = self._resync, b""
            return line
        return self.raw.readline()

    def _next_frame(self) -> bytes:
        """The next well-formed frame, or ``b""`` at the end of the input."""
        while True:
            headers: list[bytes] = []
            while True:
                line = self._line()
                if not line:
                    return b""
                if not line.strip():
                    break
                headers.append(line)
            if not headers:
                continue  # a stray blank line between frames
            length = None
            for header in headers:
                if header[: len(_HEADER)].lower() == _HEADER:
                    m = _LENGTH.fullmatch(header, len(_HEADER))
                    length = int(m.group(1)) if m else None
            if length is None:
                self.warn("dropped a frame without a readable Content-Length header")
                self._skip_to_next_header()
                continue
            body = self.raw.read(length)
            if len(body) < length:
                return b""  # the input ended inside the body
            return b"Content-Length: %d\r\n\r\n" % length + body

    def _skip_to_next_header(self) -> None:
        """Drop input up to the next ``Content-Length:`` header (the dropped frame's body
        has no length we can trust, and the next frame may start on its last line)."""
        while True:
            line = self.raw.readline()
            if not line:
                return
            at = line.lower().find(_HEADER)
            if at != -1:
                self._resync = line[at:]
                return
