"""Offsets to line and column, computed once per text at the edge of the pipeline."""

from __future__ import annotations

from bisect import bisect_right
from itertools import accumulate

import regex

_NEWLINE = regex.compile(r"\r\n|\r|\n")
_PLUS_ONE = (1).__add__


class LineIndex:
    """Maps 0-based character offsets to 1-based (line, column) pairs.

    Line breaks are ``\\n``, ``\\r\\n`` and a lone ``\\r``; a CRLF pair counts as two
    characters of the line it ends, so columns agree with offsets in the raw text.
    """

    __slots__ = ("starts",)

    def __init__(self, text: str) -> None:
        if "\r" in text:
            self.starts = [0]
            self.starts.extend(m.end() for m in _NEWLINE.finditer(text))
        else:  # only "\n": each line starts one character after the end of the one before
            self.starts = list(accumulate(map(_PLUS_ONE, map(len, text.split("\n")[:-1])), initial=0))

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
