"""The prose view of a document: what a reader reads, with markup removed.

Parsers hand over, for every prose block, the raw spans that a reader sees (link text
but not the link target, words but not emphasis markers). The builder concatenates them
into one string, collapsing every run of whitespace (line wraps, CRLF, indentation,
gaps left by removed markup) into a single space, and separating blocks by a blank
line. A :class:`ProseMap` remembers where each piece came from, so any span found in
the prose maps back to the raw text exactly.
"""

from __future__ import annotations

from bisect import bisect_right

import regex

# What is copied as it is: words (anything but whitespace) joined by single spaces. Any
# other whitespace -- a run of two or more, a line break, a tab -- is rewritten as one space.
_WORD_RUN = regex.compile(r"\S+(?: \S+)*")
_ANY_SPACE = regex.compile(r"\s")

BLOCK_SEPARATOR = "\n\n"


class ProseMap:
    """Piecewise-linear map between prose offsets and raw offsets."""

    __slots__ = ("pstarts", "rstarts", "lengths")

    def __init__(self) -> None:
        self.pstarts: list[int] = []
        self.rstarts: list[int] = []
        self.lengths: list[int] = []

    def add(self, pstart: int, rstart: int, length: int) -> None:
        if (
            self.lengths
            and self.pstarts[-1] + self.lengths[-1] == pstart
            and self.rstarts[-1] + self.lengths[-1] == rstart
        ):
            self.lengths[-1] += length  # contiguous: extend the last segment
            return
        self.pstarts.append(pstart)
        self.rstarts.append(rstart)
        self.lengths.append(length)

    def to_raw_start(self, p: int) -> int:
        i = bisect_right(self.pstarts, p) - 1
        if i < 0:
            return self.rstarts[0] if self.rstarts else 0
        return self.rstarts[i] + min(p - self.pstarts[i], self.lengths[i])

    def to_raw_end(self, p: int) -> int:
        """Raw offset just after the prose character ``p - 1`` (an exclusive end)."""
        if p <= 0:
            return self.to_raw_start(0)
        i = bisect_right(self.pstarts, p - 1) - 1
        if i < 0:
            return self.rstarts[0] if self.rstarts else 0
        return self.rstarts[i] + min(p - self.pstarts[i], self.lengths[i])

    def to_raw(self, start: int, end: int) -> tuple[int, int]:
        if end <= start:
            raw = self.to_raw_start(start)
            return raw, raw
        return self.to_raw_start(start), self.to_raw_end(end)

    def to_prose(self, r: int) -> int:
        """Prose offset of raw offset ``r`` (or of the next kept character)."""
        i = bisect_right(self.rstarts, r) - 1
        if i < 0:
            return self.pstarts[0] if self.pstarts else 0
        return self.pstarts[i] + min(r - self.rstarts[i], self.lengths[i])


class ProseBuilder:
    """Accumulates the pieces of each block into the document's prose string."""

    def __init__(self, raw: str) -> None:
        self.raw = raw
        self.parts: list[str] = []
        self.length = 0
        self.map = ProseMap()
        self._fresh = True  # no text yet in the current block
        self._pending_space = False
        self._last_end = -1  # raw end of the previous piece of this block

    def begin_block(self) -> int:
        if self.length:
            self._emit_text(BLOCK_SEPARATOR, None)
        self._fresh = True
        self._pending_space = False
        self._last_end = -1
        return self.length

    def end_block(self) -> int:
        self._pending_space = False
        return self.length

    def add(self, rstart: int, rend: int) -> None:
        """Append the raw span [rstart, rend) to the current block.

        Skipped raw text between two pieces (a line break, removed markup) reads as a
        space when it contains whitespace, and as nothing otherwise ("**bold**ly").
        """
        raw = self.raw
        last_end = self._last_end
        if 0 <= last_end < rstart:
            gap = raw[last_end:rstart]
            if gap.isspace() or _ANY_SPACE.search(gap):
                self._pending_space = True
        self._last_end = rend
        # Each maximal run of words joined by single spaces is copied as it is (one map
        # segment); any other whitespace before, between or after runs becomes one space.
        pending = self._pending_space
        fresh = self._fresh
        parts = self.parts
        pmap = self.map
        length = self.length
        pos = rstart
        for m in _WORD_RUN.finditer(raw, rstart, rend):
            s, e = m.span()
            if s > pos:
                pending = True
            if pending and not fresh:
                parts.append(" ")
                length += 1
            pending = fresh = False
            # ProseMap.add, inlined: extend the last segment when contiguous
            lengths = pmap.lengths
            n = e - s
            if lengths and pmap.pstarts[-1] + lengths[-1] == length and pmap.rstarts[-1] + lengths[-1] == s:
                lengths[-1] += n
            else:
                pmap.pstarts.append(length)
                pmap.rstarts.append(s)
                lengths.append(n)
            parts.append(m.group())
            length += n
            pos = e
        if pos < rend:
            pending = True
        self._pending_space = pending
        self._fresh = fresh
        self.length = length

    def _emit_text(self, text: str, rstart: int | None) -> None:
        if rstart is not None:
            self.map.add(self.length, rstart, len(text))
        self.parts.append(text)
        self.length += len(text)

    def text(self) -> str:
        return "".join(self.parts)
