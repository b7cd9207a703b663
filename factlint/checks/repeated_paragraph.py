"""Text pasted twice: a repeated paragraph, a repeated sentence, or a run of lines
repeated right after itself.

The line check catches what the paragraph check cannot see when the copy lands inside
the same block -- a hard-wrapped wire paragraph pasted below itself with no blank line
or indent between, or a row of a results table doubled. Only runs of at least
``min-words`` words count, so a table's repeated "nil" rows are not reported.
"""

from __future__ import annotations

from bisect import bisect_right

import regex

from ..finding import Hit
from ..schema import Bool, Field, Num
from ._text import _ASCII_EDGE, has_words, normalised

_WORD = regex.compile(r"\w+")
#: Blocks that are no paragraph: titles, and table cells (a row's label may well recur in the
#: next table; a doubled row is the line check's).
_NOT_PARAGRAPHS = frozenset({"headline", "heading", "table"})
#: The longest run of lines compared with the run right after it.
MAX_RUN_LINES = 40


class RepeatedParagraph:
    NAME = "repeated-paragraph"
    DESCRIPTION = (
        "A paragraph (or, with sentences: true, a sentence) that appears twice, or a run of "
        "lines repeated right after itself."
    )
    OPTIONS = {
        "min-words": Field(Num(minimum=1, integer=True), description="Ignore shorter text (default 8)."),
        "sentences": Field(Bool(), description="Also report a repeated sentence (default false)."),
        "lines": Field(Bool(), description="Also report a run of lines repeated right after itself (default true)."),
    }
    MESSAGE_KEYS = ("match", "line")

    def run(self, doc, options, scope):
        min_words = int(options.get("min-words", 8))
        reported_lines: set[int] = set()
        key_of = _normaliser()
        for hit in self._paragraphs(doc, scope, min_words, options.get("sentences", False), key_of):
            first, last = _lines_of(doc, *doc.to_raw(hit.start, hit.end))
            reported_lines.update(range(first, last + 1))
            yield hit
        if options.get("lines", True):
            for hit in _repeated_lines(doc, scope, min_words, key_of):
                first, last = _lines_of(doc, hit.start, hit.end)
                if not reported_lines.intersection(range(first, last + 1)):
                    reported_lines.update(range(first, last + 1))
                    yield hit

    def _paragraphs(self, doc, scope, min_words: int, sentences: bool, key_of=normalised):
        seen = _FirstWithWords(min_words, lambda block: doc.lines.position(block.start)[0])
        reported_blocks: set[int] = set()
        excerpt = front_matter_deks(doc)  # Jekyll's excerpt is the first paragraph by design
        for block in doc.prose_blocks:
            if not scope.block_ok(block) or block.kind in _NOT_PARAGRAPHS or block.index in excerpt:
                continue
            text = doc.block_text(block)
            line = seen.repeats(key_of(text), text, block)
            if line is not None:
                reported_blocks.add(block.index)
                yield Hit(block.pstart, block.pend, values={"line": line})
        if not sentences:
            return
        seen_sentences = _FirstWithWords(min_words, lambda s: doc.lines.position(doc.to_raw(s.start, s.end)[0])[0])
        ok = [
            scope.block_ok(block) and block.kind not in _NOT_PARAGRAPHS and block.index not in excerpt
            for block in doc.blocks
        ]
        prose = doc.prose
        for s in doc.sentences:
            if not ok[s.block]:
                continue
            text = prose[s.start : s.end]
            line = seen_sentences.repeats(key_of(text), text, s)
            if line is not None and s.block not in reported_blocks:
                yield Hit(s.start, s.end, values={"line": line})


def _normaliser():
    """:func:`normalised`, remembered for the texts met before in one document: a paragraph
    of one sentence, that sentence and its line are often the same string (each line of a
    plain-text wire story is a paragraph), and the three passes read each of them."""
    memo: dict[str, str] = {}

    def key_of(text: str) -> str:
        key = memo.get(text)
        if key is None:
            key = memo[text] = normalised(text)
        return key

    return key_of


def front_matter_deks(doc) -> set[int]:
    """Indexes of dek blocks read from the front matter (``excerpt``, ``description``,
    ``summary``…): a body paragraph repeating one is the site's convention, not a paste."""
    spans = [(b.start, b.end) for b in doc.blocks if b.kind == "front-matter"]
    return {b.index for b in doc.blocks if b.kind == "dek" and any(a <= b.start < e for a, e in spans)}


class _FirstWithWords:
    """Texts by key: which one repeats an earlier text of at least ``min_words`` words
    (the first such text of a key is the original, remembered by its line). Counting a
    text's words is put off until another text has the same key -- most never do."""

    __slots__ = ("min_words", "line_of", "first", "waiting")

    def __init__(self, min_words: int, line_of) -> None:
        self.min_words = min_words
        self.line_of = line_of
        self.first: dict[str, int] = {}  # key -> line of its original
        self.waiting: dict[str, list] = {}  # key -> earlier (text, item), words not counted yet

    def repeats(self, key: str, text: str, item) -> int | None:
        """The original's line if ``text`` (with enough words) repeats it; else None, and
        ``text`` may be the original of later ones. Texts come in document order."""
        line = self.first.get(key)
        if line is not None:
            return line if has_words(text, self.min_words) else None
        waiting = self.waiting.get(key)
        if waiting is None:
            self.waiting[key] = [(text, item)]
            return None
        if not has_words(text, self.min_words):
            return None
        del self.waiting[key]
        for earlier, earlier_item in waiting:
            if has_words(earlier, self.min_words):
                line = self.first[key] = self.line_of(earlier_item)
                return line
        self.first[key] = self.line_of(item)
        return None


def _lines_of(doc, start: int, end: int) -> tuple[int, int]:
    return doc.lines.position(start)[0], doc.lines.position(max(start, end - 1))[0]


def _repeated_lines(doc, scope, min_words: int, key_of=normalised):
    """Raw hits on runs of lines (inside prose blocks in scope) equal to the run just above."""
    text, starts = doc.text, doc.lines.starts
    n = len(starts)
    ends = starts[1:] + [len(text)]
    if text.isascii():  # normalised(), ASCII case, with the whole text lower-cased at once
        low = text.lower()
        keys = [" ".join(low[a:b].split()).strip(_ASCII_EDGE) for a, b in zip(starts, ends)]
    else:
        # (a line's break changes nothing in its key: the paragraph on that line has the same one)
        keys = [key_of(text[a:b].rstrip("\n")) for a, b in zip(starts, ends)]
    blocks = sorted(doc.prose_blocks, key=lambda b: b.start)
    in_prose = _prose_lines(blocks, scope, starts, ends)
    # the next line with the same key: a run of k lines can repeat only where line i + k
    # reads like line i, so those are the only lengths worth comparing
    following = [n] * n
    last_seen: dict[str, int] = {}
    for j in range(n - 1, -1, -1):
        following[j] = last_seen.get(keys[j], n)
        last_seen[keys[j]] = j
    i = 0
    while i < n:
        found = False
        if keys[i] and in_prose[i]:
            longest = min(MAX_RUN_LINES, (n - i) // 2)
            j = following[i]
            while j - i <= longest:
                k = j - i
                j = following[j]
                if keys[i : i + k] != keys[i + k : i + 2 * k] or not all(in_prose[i : i + 2 * k]):
                    continue
                if sum(len(_WORD.findall(key)) for key in keys[i : i + k]) < min_words:
                    continue
                first = i + k
                start = (
                    starts[first]
                    + len(text[starts[first] : ends[first]])
                    - len(text[starts[first] : ends[first]].lstrip())
                )
                end = ends[first + k - 1]
                while end > start and text[end - 1] in "\r\n \t":
                    end -= 1
                yield Hit(start, end, raw=True, values={"line": i + 1})
                i += 2 * k
                found = True
                break
        if not found:
            i += 1


def _prose_lines(blocks, scope, starts: list[int], ends: list[int]) -> list[bool]:
    """:func:`_prose_line` of every line, with each block's answer worked out once."""
    block_starts = [b.start for b in blocks]
    block_ends = [b.end for b in blocks]
    ok = [scope.block_ok(b) and b.kind != "headline" for b in blocks]
    out = []
    for start, end in zip(starts, ends):
        i = bisect_right(block_starts, max(start, end - 1)) - 1
        found = False
        while i >= 0 and block_ends[i] > start:
            if block_starts[i] < end:
                found = ok[i]
                break
            i -= 1
        out.append(found)
    return out


def _prose_line(blocks, block_starts: list[int], scope, start: int, end: int) -> bool:
    """Does the raw line lie in a prose block that the rule reads (not code, not the headline)?

    Headings count: a heading-like first line of a paragraph pasted twice is still a paste."""
    i = bisect_right(block_starts, max(start, end - 1)) - 1
    while i >= 0 and blocks[i].end > start:
        block = blocks[i]
        if block.start < end:
            return scope.block_ok(block) and block.kind != "headline"
        i -= 1
    return False
