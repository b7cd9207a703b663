"""The document model: what a draft is made of, with exact spans.

Two coordinate systems are in play. ``Document.text`` is the decoded file, exactly as
read (BOM removed, newlines untouched): findings are reported in it. ``Document.prose``
is the reader's text (see :mod:`factlint.document.prose`): sentences, quotations, links
and rule matches live in it, and :meth:`Document.to_raw` maps a prose span back.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any

from .lines import LineIndex
from ..tomlload import tomllib
from .prose import ProseMap


def parse_front_matter(source: tuple[str, str] | None) -> dict[str, Any]:
    """Front matter as written (``(syntax, text)``) to its fields; ``{}`` for none, for a
    broken one (it is not prose: not our job to lint it) and for one that is not a mapping."""
    if source is None:
        return {}
    syntax, content = source
    try:
        if syntax == "toml":
            data = tomllib().loads(content)
        elif syntax == "json":  # Hugo's JSON front matter
            import json

            data = json.loads(content)
        else:
            import yaml

            data = yaml.safe_load(content)
    except Exception:  # noqa: BLE001 - any parser error means "no usable front matter"
        return {}
    return data if isinstance(data, dict) else {}

#: Block kinds that hold prose (checked by rules) ...
PROSE_KINDS = frozenset(
    {"headline", "dek", "heading", "paragraph", "list", "blockquote", "table", "caption"}
)
#: ... and those that are known but never prose.
NON_PROSE_KINDS = frozenset({"code", "html", "comment", "front-matter"})


@dataclass(slots=True)
class Block:
    """A structural unit: its kind, raw span and (for prose) prose span."""

    kind: str
    start: int  # raw span
    end: int
    pstart: int = 0  # prose span; empty for non-prose blocks
    pend: int = 0
    level: int = 0  # heading level, list/blockquote depth
    index: int = 0  # position in Document.blocks
    first_sentence: int = 0  # Document.sentences[first_sentence:last_sentence]
    last_sentence: int = 0

    @property
    def is_prose(self) -> bool:
        return self.kind in PROSE_KINDS


@dataclass(slots=True)
class Sentence:
    start: int  # prose span
    end: int
    block: int  # index of its block
    glued: bool = False  # begins right after sentence punctuation with no space ("plan?It's")


@dataclass(slots=True)
class Quote:
    """A quotation: ``start``/``end`` include the marks, ``inner_*`` exclude them."""

    start: int
    end: int
    inner_start: int
    inner_end: int
    block: int
    closed: bool = True
    continued: bool = False  # an open quote that the next paragraph continues
    direct: bool = True  # False for scare quotes: a few words with nobody quoted
    speaker: tuple[int, int] | None = None  # prose span of who is quoted, when the text says it


@dataclass(slots=True)
class Link:
    start: int  # prose span of the link text (or of a bare URL)
    end: int
    url: str


@dataclass(slots=True)
class Document:
    path: str
    text: str
    format: str  # "markdown" or "text"
    prose: str
    pmap: ProseMap
    blocks: list[Block]
    sentences: list[Sentence] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    front_matter_source: tuple[str, str] | None = None  # ("yaml" or "toml", the text as written)
    comments: list[tuple[int, int]] = field(default_factory=list)  # raw spans of comments
    #: The attributions in the reporter's voice, in reading order, and those inside direct
    #: quotations (the quoted speaker's own): see :mod:`.attribution`, filled by ``parse``.
    attributions: list[Any] = field(default_factory=list)
    nested_attributions: list[Any] = field(default_factory=list)
    #: ``(index, index.scan_all(prose))`` of the rule set's phrase index the document was
    #: parsed with (the finder reads its cue hits; the rules read the rest), else None.
    phrase_scan: tuple[Any, Any] | None = None
    _lines: LineIndex | None = None
    _prose_blocks: list[Block] | None = None
    _pblock_starts: list[int] | None = None
    _sentence_starts: list[int] | None = None
    _quote_spans: list[tuple[int, int]] | None = None
    _quote_starts: list[int] | None = None
    _front_matter: dict[str, Any] | None = None

    @property
    def front_matter(self) -> dict[str, Any]:
        """The front matter's fields (``{}`` when there is none, or it is broken or not a
        mapping), parsed on first use."""
        if self._front_matter is None:
            self._front_matter = parse_front_matter(self.front_matter_source)
        return self._front_matter

    # -- structure ------------------------------------------------------------------
    @property
    def lines(self) -> LineIndex:
        if self._lines is None:
            self._lines = LineIndex(self.text)
        return self._lines

    @property
    def headline(self) -> Block | None:
        for block in self.blocks:
            if block.kind == "headline":
                return block
        return None

    @property
    def prose_blocks(self) -> list[Block]:
        if self._prose_blocks is None:
            self._prose_blocks = [b for b in self.blocks if b.kind in PROSE_KINDS]
            self._pblock_starts = [b.pstart for b in self._prose_blocks]
        return self._prose_blocks

    def block_at(self, p: int) -> Block | None:
        """The prose block containing prose offset ``p``."""
        blocks = self.prose_blocks
        i = bisect_right(self._pblock_starts, p) - 1  # type: ignore[arg-type]
        if i >= 0 and p < blocks[i].pend:
            return blocks[i]
        return None

    def sentence_index_at(self, p: int) -> int:
        """Index of the sentence containing prose offset ``p`` (-1 if none)."""
        if self._sentence_starts is None:
            self._sentence_starts = [s.start for s in self.sentences]
        i = bisect_right(self._sentence_starts, p) - 1
        if i >= 0 and p < self.sentences[i].end:
            return i
        return -1

    def block_text(self, block: Block) -> str:
        return self.prose[block.pstart:block.pend]

    def sentence_text(self, sentence: Sentence) -> str:
        return self.prose[sentence.start:sentence.end]

    def block_sentences(self, block: Block) -> list[Sentence]:
        return self.sentences[block.first_sentence:block.last_sentence]

    # -- quotations -----------------------------------------------------------------
    def _outer_quotes(self) -> None:
        spans: list[tuple[int, int]] = []
        for q in sorted(self.quotes, key=lambda q: (q.inner_start, -q.inner_end)):
            if not q.direct:
                continue
            if spans and q.inner_start < spans[-1][1]:
                continue  # nested inside the previous one
            spans.append((q.inner_start, q.inner_end))
        self._quote_spans = spans
        self._quote_starts = [s for s, _ in spans]

    def in_quote(self, start: int, end: int) -> bool:
        """True when the prose span lies inside a direct quotation."""
        if self._quote_spans is None:
            self._outer_quotes()
        i = bisect_right(self._quote_starts, start) - 1  # type: ignore[arg-type]
        return i >= 0 and end <= self._quote_spans[i][1]  # type: ignore[index]

    # -- coordinates ----------------------------------------------------------------
    def to_raw(self, start: int, end: int) -> tuple[int, int]:
        return self.pmap.to_raw(start, end)

    def to_prose(self, raw_offset: int) -> int:
        return self.pmap.to_prose(raw_offset)
