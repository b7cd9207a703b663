"""Markdown to blocks, through markdown-it-py (block structure) and :mod:`.inline`."""

from __future__ import annotations

from bisect import bisect_right

import regex
from markdown_it import MarkdownIt
from mdit_py_plugins.front_matter import front_matter_plugin

from .inline import mask_inline
from .lines import LineIndex
from .rawblock import Parsed, RawBlock, line_spans

try:  # the characters markdown-it's paragraph rule trims (markdown-it-py 3 and later)
    from markdown_it.common.utils import MD_TRIM_CHARS as _MD_TRIM
except ImportError:  # pragma: no cover - older markdown-it-py: JavaScript's String.trim set
    _MD_TRIM = " \t\n\v\f\r\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"

#: A line's block-container marks: blockquote ">", a list item's bullet or number ("1. ").
_CONTAINER_PREFIX = regex.compile(r"^[ \t>]*(?:(?:[-+*]|\d{1,9}[.)])(?=[ \t]|$))?")

_MD = MarkdownIt("commonmark", {"html": True}).use(front_matter_plugin).enable("table").enable("strikethrough")
#: The same parser without its inline pass (more than half of markdown-it's time): the
#: blocks, their lines and their inline content are the block parser's; only a paragraph's
#: inline tokens (``children``) are left empty, and they are read for one thing, whether a
#: paragraph is an image alone, which takes "![" -- so a text without "![" is parsed so.
_MD_BLOCKS = (
    MarkdownIt("commonmark", {"html": True})
    .use(front_matter_plugin)
    .enable("table")
    .enable("strikethrough")
    .disable(["inline", "text_join"])
)

#: Front-matter keys read as the headline and the dek (standfirst).
TITLE_KEYS = ("title", "headline")
DEK_KEYS = ("dek", "deck", "subtitle", "standfirst", "description", "summary", "excerpt")
_TOML_FENCE = regex.compile(r"\A\+\+\+[ \t]*\r?\n(.*?)\r?\n\+\+\+[ \t]*(?:\r?\n|\Z)", regex.DOTALL)
_JSON_FENCE = regex.compile(r"\A\{[ \t]*\r?\n.*?^\}[ \t]*(?:\r?\n|\Z)", regex.DOTALL | regex.MULTILINE)
_FM_FIELD = regex.compile(r"^([A-Za-z_][\w-]*)[ \t]*[:=][ \t]*(.*?)[ \t]*$", regex.MULTILINE)
_JSON_FIELD = regex.compile(r'^[ \t]*"([A-Za-z_][\w-]*)"[ \t]*:[ \t]*(.*?),?[ \t]*$', regex.MULTILINE)
_EMPHASIZED = regex.compile(r"\A(\*|_)(?!\1)[^*_].*[^*_](?<!\1)\1\Z", regex.DOTALL)


def parse_markdown(text: str, lines: LineIndex) -> Parsed:
    spans = line_spans(text, lines.starts)
    parsed = Parsed(blocks=[])
    toml = _TOML_FENCE.match(text)
    body_offset_lines = 0
    source = text
    json_fm = None if toml else _JSON_FENCE.match(text)
    if toml:  # Hugo-style TOML front matter: markdown-it does not know it
        _read_front_matter(parsed, text, toml.start(), toml.end(), toml.group(1), "toml")
        body_offset_lines = text.count("\n", 0, toml.end())
        source = "\n" * body_offset_lines + text[toml.end() :]
    elif json_fm:  # Hugo's JSON front matter: an object from the first line to a lone "}"
        _read_front_matter(parsed, text, json_fm.start(), json_fm.end(), json_fm.group(0).rstrip(), "json")
        body_offset_lines = text.count("\n", 0, json_fm.end())
        source = "\n" * body_offset_lines + text[json_fm.end() :]
    env: dict = {}
    tokens = (_MD if "![" in source else _MD_BLOCKS).parse(source, env)
    references = frozenset(k.lower() for k in env.get("references", {}))
    walker = _Walker(text, spans, references, parsed)
    walker.walk(tokens)
    _assign_headline(parsed, text)
    return parsed


def _read_front_matter(parsed: Parsed, text: str, start: int, end: int, content: str, syntax: str) -> None:
    parsed.blocks.append(RawBlock("front-matter", start, end))
    # kept as written: the document parses it only when something asks for its fields
    # (no rule does: the headline and dek are read below), so linting a draft with
    # front matter does not import PyYAML or tomllib (about 20 ms of start-up)
    parsed.front_matter = (syntax, content)
    inner_start = text.find(content, start) if content else -1
    if inner_start == -1:
        return
    title_done = dek_done = False
    for m in (_JSON_FIELD if syntax == "json" else _FM_FIELD).finditer(content):
        key = m.group(1).lower()
        value_start = inner_start + m.start(2)
        value = m.group(2)
        if value[:1] in "\"'" and len(value) >= 2 and value[-1] == value[0]:
            value_start += 1
            value = value[1:-1]
        if not value.strip() or value.strip() in ("|", ">", "|-", ">-"):
            continue
        kind = None
        if key in TITLE_KEYS and not title_done:
            kind, title_done = "headline", True
        elif key in DEK_KEYS and not dek_done:
            kind, dek_done = "dek", True
        if kind:
            end_ = value_start + len(value)
            parsed.blocks.append(RawBlock(kind, value_start, end_, pieces=_without_markup(text, value_start, end_)))


#: HTML tags, emphasis markers, code ticks and link syntax in a front-matter value
#: ("raised fares by <em>a tenth</em>", "a **long** night", "[the board](https://…)")
_VALUE_MARKUP = regex.compile(
    r"<[^<>\n]*>|\*\*|__|(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*])|(?<!\w)_(?=\S)"
    r"|(?<=\S)_(?!\w)|`|\]\([^()\s]*\)|\[(?=[^\]]*\]\()"
)


def _without_markup(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The raw pieces of ``text[start:end]`` between its markup: the words a reader sees."""
    pieces, at = [], start
    for m in _VALUE_MARKUP.finditer(text, start, end):
        if m.start() > at:
            pieces.append((at, m.start()))
        at = m.end()
    if at < end:
        pieces.append((at, end))
    return pieces or [(start, end)]


class _Walker:
    def __init__(self, text: str, spans: list[tuple[int, int]], references: frozenset[str], parsed: Parsed) -> None:
        self.text = text
        self.spans = spans
        self.references = references
        self.parsed = parsed
        self.containers: list[str] = []

    def raw_span(self, line_map: list[int] | None) -> tuple[int, int]:
        first, last = line_map or (0, 0)
        first = min(first, len(self.spans) - 1)
        last = max(min(last, len(self.spans)), first + 1)
        return self.spans[first][0], self.spans[last - 1][1]

    def walk(self, tokens) -> None:
        i = 0
        after_figure = False  # the previous block was an image on its own (captions follow)
        while i < len(tokens):
            tok = tokens[i]
            t = tok.type
            if t == "front_matter":
                start, end = self.raw_span(tok.map)
                _read_front_matter(self.parsed, self.text, start, end, tok.content, "yaml")
            elif t in ("blockquote_open", "list_item_open"):
                self.containers.append(t)
            elif t in ("blockquote_close", "list_item_close"):
                self.containers.pop()
            elif t == "heading_open":
                inline = tokens[i + 1]
                level = int(tok.tag[1:])
                self.add_inline_block("heading", level, tok.map, inline.content)
                i += 2
            elif t == "paragraph_open":
                inline = tokens[i + 1]
                content = inline.content
                kind, level = self.paragraph_kind()
                image_only = all(
                    c.type in ("image", "softbreak", "text") and (c.type != "text" or not c.content.strip())
                    for c in inline.children or []
                ) and bool(inline.children)
                if image_only:
                    start, end = self.raw_span(tok.map)
                    self.parsed.blocks.append(RawBlock("html", start, end))  # a figure: no prose
                else:
                    if after_figure and kind == "paragraph" and _EMPHASIZED.match(content):
                        kind = "caption"
                    self.add_inline_block(kind, level, tok.map, content)
                after_figure = image_only
                i += 3  # paragraph_open, inline, paragraph_close
                continue
            elif t in ("fence", "code_block"):
                start, end = self.raw_span(tok.map)
                self.parsed.blocks.append(RawBlock("code", start, end))
            elif t == "html_block":
                start, end = self.raw_span(tok.map)
                is_comment = tok.content.lstrip().startswith("<!--")
                self.parsed.blocks.append(RawBlock("comment" if is_comment else "html", start, end))
                if is_comment:
                    self.parsed.comments.append((start, end))
            elif t == "tr_open":
                self.add_table_row(tok.map)
            after_figure = False
            i += 1

    def paragraph_kind(self) -> tuple[str, int]:
        depth = len(self.containers)
        if "blockquote_open" in self.containers:
            return "blockquote", depth
        if "list_item_open" in self.containers:
            return "list", depth
        return "paragraph", 0

    def add_inline_block(self, kind: str, level: int, line_map, content: str) -> None:
        start, end = self.raw_span(line_map)
        first_line = line_map[0] if line_map else 0
        content_lines = content.split("\n")
        # ``content`` has one line per source line (setext underlines excluded), after
        # markdown-it's trim (``mdTrim``: JavaScript's whitespace, not Python's -- U+0085 and
        # U+001C-U+001F stay): leading lines of such whitespace only (U+3000, U+00A0, U+2028
        # ...: not blank to CommonMark, which knows only spaces and tabs) are gone from it, so
        # its first line is the first source line with a character it does not trim.
        last_line = line_map[1] if line_map else first_line + 1
        while first_line < min(last_line, len(self.spans)) - 1 and not _CONTAINER_PREFIX.sub(
            "", self.text[self.spans[first_line][0] : self.spans[first_line][1]], 1
        ).strip(_MD_TRIM):
            first_line += 1
        located: list[tuple[int, str]] = []
        for j, cline in enumerate(content_lines):
            line_no = first_line + j
            if line_no >= len(self.spans):
                break
            ls, le = self.spans[line_no]
            cline = cline.strip()
            located.append((self._locate(ls, le, cline), cline))
        joined = "\n".join(c for _, c in located)
        block = RawBlock(kind, start, end, level)
        self._add_masked(block, joined, located)
        self.parsed.blocks.append(block)

    def _locate(self, ls: int, le: int, cline: str) -> int:
        """Raw offset where the content ``cline`` starts in source line [ls, le)."""
        line = self.text[ls:le].rstrip()
        if cline and line.endswith(cline):
            return ls + len(line) - len(cline)
        idx = line.find(cline) if cline else -1
        if idx != -1:
            return ls + idx
        m = regex.match(r"[ \t>]*(?:[-+*]|\d{1,9}[.)])?[ \t]*#*[ \t]*", line)
        return ls + (m.end() if m else 0)

    def _add_masked(self, block: RawBlock, joined: str, located: list[tuple[int, str]]) -> None:
        result = mask_inline(joined, self.references)
        # content offsets -> raw offsets, line by line
        line_starts: list[int] = []
        pos = 0
        for _, cline in located:
            line_starts.append(pos)
            pos += len(cline) + 1

        def to_raw(c: int) -> int:
            j = _bisect(line_starts, c)
            return located[j][0] + (c - line_starts[j])

        for a, b in result.kept:
            j = _bisect(line_starts, a)
            while a < b:
                line_end = line_starts[j] + len(located[j][1])
                piece_end = min(b, line_end)
                if piece_end > a:
                    block.pieces.append((to_raw(a), to_raw(a) + (piece_end - a)))
                a = line_end + 1  # skip the "\n" separator
                j += 1
                if j >= len(located):
                    break
        for a, b, url in result.links:
            block.links.append((to_raw(a), to_raw(a) + (b - a), url))
        for a, b in result.comments:
            self.parsed.comments.append((to_raw(a), to_raw(a) + (b - a)))

    def add_table_row(self, line_map) -> None:
        if not line_map:
            return
        ls, le = self.spans[line_map[0]]
        line = self.text[ls:le]
        for a, b in _table_cells(line):
            cell = line[a:b]
            stripped = cell.strip()
            if not stripped or regex.fullmatch(r":?-+:?", stripped):
                continue
            offset = ls + a + (len(cell) - len(cell.lstrip()))
            block = RawBlock("table", offset, offset + len(stripped))
            self._add_masked(block, stripped, [(offset, stripped)])
            self.parsed.blocks.append(block)


def _bisect(starts: list[int], c: int) -> int:
    """The index of the last start at or before ``c`` (0 if none)."""
    return max(bisect_right(starts, c) - 1, 0)


def _table_cells(line: str) -> list[tuple[int, int]]:
    """Spans of the cells of a pipe-table row (pipes inside code spans or escaped don't count)."""
    cells = []
    start = 0
    in_code = False
    i = 0
    stripped = line.rstrip()
    lead = len(line) - len(line.lstrip())
    if stripped[lead : lead + 1] == "|":
        start = lead + 1
        i = start
    while i < len(stripped):
        c = stripped[i]
        if c == "\\":
            i += 2
            continue
        if c == "`":
            in_code = not in_code
        elif c == "|" and not in_code:
            cells.append((start, i))
            start = i + 1
        i += 1
    if start < len(stripped):
        cells.append((start, len(stripped)))
    return cells


def _assign_headline(parsed: Parsed, text: str) -> None:
    """The headline is the front matter's title, else the first H1 (or a first heading)."""
    blocks = parsed.blocks
    if any(b.kind == "headline" for b in blocks):
        return
    first_prose = next((b for b in blocks if b.kind not in ("front-matter", "comment", "html")), None)
    chosen = next((b for b in blocks if b.kind == "heading" and b.level == 1), None)
    if chosen is None and first_prose is not None and first_prose.kind == "heading":
        chosen = first_prose
    if chosen is None:
        return
    chosen.kind = "headline"
    # an emphasized paragraph right after the headline is its dek
    idx = blocks.index(chosen)
    if idx + 1 < len(blocks) and blocks[idx + 1].kind == "paragraph" and not any(b.kind == "dek" for b in blocks):
        nxt = blocks[idx + 1]
        if nxt.pieces and _EMPHASIZED.match(text[nxt.start : nxt.end].strip()):
            nxt.kind = "dek"
