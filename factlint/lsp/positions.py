"""Character offsets (factlint's unit) to LSP positions and back.

LSP counts a line's characters in UTF-16 code units unless client and server agree on
``utf-8`` or ``utf-32`` (``general.positionEncodings``); an emoji is one character to
factlint, two UTF-16 units and four UTF-8 bytes. Line breaks are ``\\n``, ``\\r\\n`` and
``\\r``, as in LSP and in factlint's own line index.
"""

from __future__ import annotations

from ..document.lines import LineIndex

ENCODINGS = ("utf-16", "utf-8", "utf-32")


def units(text: str, encoding: str = "utf-16") -> int:
    """Length of ``text`` in the encoding's code units."""
    if encoding == "utf-32":
        return len(text)
    if encoding == "utf-8":
        return len(text.encode("utf-8", "surrogatepass"))
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)


class PositionMap:
    """Converts between offsets into one text and (line, character) in an encoding."""

    def __init__(self, text: str, encoding: str = "utf-16") -> None:
        self.text = text
        self.encoding = encoding if encoding in ENCODINGS else "utf-16"
        self.lines = LineIndex(text)

    def position(self, offset: int) -> tuple[int, int]:
        """0-based (line, character) of ``offset``."""
        offset = max(0, min(offset, len(self.text)))
        line, column = self.lines.position(offset)
        start = self.lines.line_start(line)
        return line - 1, units(self.text[start : start + column - 1], self.encoding)

    def offset(self, line: int, character: int) -> int:
        """The offset at an LSP position; past the end of a line means its end (LSP's rule)."""
        if line < 0:
            return 0
        if line >= self.lines.count:
            return len(self.text)
        start = self.lines.line_start(line + 1)
        end = self.lines.line_start(line + 2) if line + 1 < self.lines.count else len(self.text)
        while end > start and self.text[end - 1] in "\r\n":
            end -= 1
        used = 0
        for i in range(start, end):
            if used >= character:
                return i
            used += units(self.text[i], self.encoding)
        return end
