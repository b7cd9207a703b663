"""Offsets to line and column, computed once per text at the edge of the pipeline."""
from __future__ import annotations

from bisect import bisect_right

import regex

_NEWLINE = regex.compile(r"\r\n|\r|\n")


class LineIndex:
    """Maps 0-based character offsets to 1-based (line, column) pairs.

    Line breaks are ``\\n``, ``\\r\\n`` and a lone ``\\r``; a CRLF pair counts as two
    characters of the line it ends, so columns agree with offsets in the raw text.
    """

    __slots__ = ("starts",)

    def __init__(self, text: str) -> None:
        self.starts = [0]
        self.starts.extend(m.end() for m in _NEWLINE.finditer(text))

    def position(self, offset: int) -> tuple[int, int]:
        """Line and column (both 1-based) of the character at ``offset``."""
        index = bisect_right(self.starts, offset) - 1
        return index + 1, offset - self.starts[index] + 1

    def line_start(self, line: int) -> int:
        """Offset of the first character of 1-based ``line``."""
        return self.starts[line - 1]

    @property
    def count(self) -> int:
        return len(self.starts)
