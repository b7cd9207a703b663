"""Plain text to blocks: blank-line (or first-line-indent) paragraphs and a few heuristics.

- A paragraph ends at a blank line, and a new one starts at an indented line that
  follows an unindented one (wire copy indents the first line of each paragraph).
- The headline is the first line when it stands alone, or when it reads like a title
  (Title Case or ALL CAPS, no closing punctuation) and the next line starts a sentence.
- A heading is a short line on its own that does not end like a sentence.
- A title-like first line glued on top of a paragraph is split off as a heading; the
  rest of a block that follows the headline that way is the dek.
- Lines starting with ``-``, ``*``, ``•`` or ``1.`` are list items.
- A line holding only a factlint comment (``<!-- factlint-disable-next-line … -->``) is a
  comment, not prose: it separates paragraphs like a blank line.
"""
from __future__ import annotations

import unicodedata

import regex

from .inline import _BARE_URL, _URL_TRAILING
from .lines import LineIndex
from .rawblock import Parsed, RawBlock, line_spans

_BULLET = regex.compile(r"[ \t]*(?:[-*•‣◦]|\d{1,3}[.)])[ \t]+")
_WORD = regex.compile(r"[\p{L}\p{N}][\p{L}\p{N}’'.&-]*")
_MINOR_WORDS = frozenset(
    "a an the and or nor but of in on at to for by with from as vs via into onto over "
    "per than up out off is are be its it's".split()
)
#: a suppression comment on a line of its own (see factlint.suppressions)
_DIRECTIVE_LINE = regex.compile(r"[ \t]*<!--\s*factlint-.*?-->[ \t]*")
_HEADING_MAX_WORDS = 14
_HEADLINE_MAX_WORDS = 25
_TITLE_MAX_CHARS = 300  # longer lines are never titles: don't even count their words


def parse_plaintext(text: str, lines: LineIndex) -> Parsed:
    spans = line_spans(text, lines.starts)
    parsed = Parsed(blocks=[])
    if "factlint-" in text:
        for start, end in spans:
            if _DIRECTIVE_LINE.fullmatch(text, start, end):
                parsed.blocks.append(RawBlock("comment", start, end))
                parsed.comments.append((start, end))
    groups = _group_lines(text, spans)
    headline_text: str | None = None
    for gi, group in enumerate(groups):
        kind = "list" if _BULLET.match(text[group[0][0]:group[0][1]]) else "paragraph"
        first = text[group[0][0]:group[0][1]].strip()
        if gi == 0 and kind == "paragraph":
            if len(group) == 1 and _could_be_headline(first, standalone=len(groups) > 1):
                parsed.blocks.append(_block(text, "headline", group))
                headline_text = _normal(first)
                continue
            if len(group) > 1 and _is_title_like(first) and _starts_sentence(text, group[1]):
                parsed.blocks.append(_block(text, "headline", group[:1]))
                headline_text = _normal(first)
                parsed.blocks.append(_block(text, "paragraph", group[1:]))
                continue
        if kind == "paragraph" and len(group) == 1 and _is_heading(first):
            parsed.blocks.append(_block(text, "heading", group))
            continue
        if kind == "paragraph" and len(group) > 1 and (
                (headline_text and _normal(first) == headline_text)
                or (_is_title_like(first) and _starts_sentence(text, group[1]))):
            follows_headline = bool(parsed.blocks) and parsed.blocks[-1].kind == "headline"
            parsed.blocks.append(_block(text, "heading", group[:1]))
            parsed.blocks.append(_block(text, "dek" if follows_headline else "paragraph", group[1:]))
            continue
        parsed.blocks.append(_block(text, kind, group))
    return parsed


def _group_lines(text: str, spans: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    groups: list[list[tuple[int, int]]] = []
    current: list[tuple[int, int]] = []
    prev_indented = False
    for start, end in spans:
        line = text[start:end]
        if not line.strip() or ("factlint-" in line and _DIRECTIVE_LINE.fullmatch(line)):
            if current:
                groups.append(current)
                current = []
            prev_indented = False
            continue
        indented = line[:1] in (" ", "\t") and len(line) - len(line.lstrip()) >= 2 or line[:1] == "\t"
        starts_item = bool(_BULLET.match(line))
        if current and ((indented and not prev_indented) or starts_item):
            groups.append(current)
            current = []
        current.append((start, end))
        prev_indented = indented
    if current:
        groups.append(current)
    return groups


def _block(text: str, kind: str, group: list[tuple[int, int]]) -> RawBlock:
    block = RawBlock(kind, group[0][0], group[-1][1])
    for i, (start, end) in enumerate(group):
        line = text[start:end]
        lead = len(line) - len(line.lstrip())
        if i == 0 and kind == "list":
            m = _BULLET.match(line)
            lead = m.end() if m else lead
        block.pieces.append((start + lead, end))
        for m in _BARE_URL.finditer(line, lead):
            url = m.group().rstrip(_URL_TRAILING)
            block.links.append((start + m.start(), start + m.start() + len(url), url))
    return block


def _normal(line: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", line).replace("’", "'").lower().split())


def _words(line: str) -> list[str]:
    return _WORD.findall(line)


def _is_title_like(line: str) -> bool:
    """Title Case or ALL CAPS, and no sentence punctuation at the end."""
    if len(line) > _TITLE_MAX_CHARS:
        return False
    words = _words(line)
    if len(words) < 2 or len(words) > _HEADLINE_MAX_WORDS or line.rstrip()[-1:] in ".,;:":
        return False
    letters = [c for c in line if c.isalpha()]
    if letters and all(c.isupper() for c in letters):
        return True
    major = [w for w in words if w.lower() not in _MINOR_WORDS]
    if not major:
        return False
    capitalised = sum(1 for w in major if w[0].isupper() or w[0].isdigit())
    return capitalised / len(major) >= 0.75 and words[0][0].isupper()


def _could_be_headline(line: str, standalone: bool) -> bool:
    if len(line) > _TITLE_MAX_CHARS:
        return False
    words = _words(line)
    if not words or len(words) > _HEADLINE_MAX_WORDS:
        return False
    if line.rstrip()[-1:] in ".,;:":
        return False
    return standalone or _is_title_like(line)


def _is_heading(line: str) -> bool:
    if len(line) > _TITLE_MAX_CHARS:
        return False
    words = _words(line)
    if not words or len(words) > _HEADING_MAX_WORDS:
        return False
    end = line.rstrip()[-1:]
    if end in ".,;:!\"”'’)":
        return False
    if end == "?":
        return _is_title_like(line)
    return line[:1].isupper() or line[:1].isdigit()


def _starts_sentence(text: str, span: tuple[int, int]) -> bool:
    line = text[span[0]:span[1]].lstrip()
    return bool(line) and (line[0].isupper() or line[0] in "\"“‘'(" or line[0].isdigit())
