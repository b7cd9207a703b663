"""Plain text to blocks: blank-line (or first-line-indent) paragraphs and a few heuristics.

- A paragraph ends at a blank line, and a new one starts at an indented line that
  follows an unindented one (wire copy indents the first line of each paragraph).
- The headline is the first line when it stands alone, or when it reads like a title
  (Title Case or ALL CAPS, no closing punctuation) and the next line starts a sentence.
- A heading is a short line on its own that does not end like a sentence, with something
  after it to head (the last line of the text is a paragraph).
- A title-like first line glued on top of a paragraph is split off as a heading; the
  rest of a block that follows the headline that way is the dek.
- Lines starting with ``-``, ``*``, ``•`` or ``1.`` are list items.
- Wire copy (a paragraph's first line indented, the rest not) starts a paragraph at
  every indented line, so one-line paragraphs stay apart; a short ALL-CAPS line after
  a finished sentence (the "REUTER" sign-off) is a paragraph of its own.
- Lines laid out in columns (runs of spaces between figures) are a table, split from
  the prose around them, so the prose checks (sentence length, closing punctuation,
  double spaces) do not read a table of figures as a sentence.
- Unwrapped text (some line longer than any hard wrap, as scraped or pasted copy is: one
  line a paragraph, no blank lines between them) starts a paragraph after every line that
  ends a sentence or before one that starts a sentence, so a story of thirty lines is thirty
  paragraphs, not one.
- A line holding only a factlint comment (``<!-- factlint-disable-next-line … -->``) is a
  comment, not prose: it separates paragraphs like a blank line. A factlint comment at the
  end of a line of prose (``… higher fares. <!-- factlint-disable-line sourcing -->``) is a
  comment too, cut from the line's prose, as in Markdown.
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
#: ... or at the end of a line of prose
_TRAILING_DIRECTIVE = regex.compile(r"[ \t]*<!--\s*factlint-(?:(?!-->).)*-->[ \t]*$")
_HEADING_MAX_WORDS = 14
_COLUMN_GAP = regex.compile(r"\S(?: {2,}|\t+)(?=\S)")
_WIDE_GAP = regex.compile(r"\S(?: {5,}|\t+)(?=\S)")
_CELL_GAP = regex.compile(r" {2,}|\t+")
#: A table's cell is a label or a figure: a run of more words between two gaps is prose.
_CELL_MAX_WORDS = 12
#: A sign-off or slug line: one to three ALL-CAPS words ("REUTER", "MORE", "-- AP"), or
#: one word of any case as the last line of the text ("reuter", "more").
_SIGN_OFF = regex.compile(r"[ \t]*(?:-+[ \t]*)?\p{Lu}[\p{Lu}.&'-]*(?:[ \t]+\p{Lu}[\p{Lu}.&'-]*){0,2}[ \t]*")
_LAST_WORD_LINE = regex.compile(r"[ \t]*(?:-+[ \t]*)?\p{L}+[ \t]*")
_ENDS_SENTENCE = regex.compile(r"[.!?…][\"”’')\]]*\s*$")
_HAS_DIGIT = regex.compile(r"\d")
_DIGIT_RUN = regex.compile(r"\d+")
#: A line that ends with a dotted abbreviation ("... DISPUTE WITH U.S.") has not ended a sentence.
_DOTTED_END = regex.compile(r"(?<![\p{L}.])(?:\p{L}\.){2,}\s*$")
_HEADLINE_MAX_WORDS = 25
#: Hard-wrapped copy (wire, e-mail, a typewriter's 72 columns) never has a longer line;
#: a text that does is unwrapped, and its line breaks are paragraph breaks.
_WRAP_MAX_CHARS = 160
_TITLE_MAX_CHARS = 300  # longer lines are never titles: don't even count their words


def parse_plaintext(text: str, lines: LineIndex) -> Parsed:
    spans = line_spans(text, lines.starts)
    parsed = Parsed(blocks=[])
    trailing: dict[int, int] = {}  # line start -> where its trailing factlint comment starts
    if "factlint-" in text:
        for start, end in spans:
            if _DIRECTIVE_LINE.fullmatch(text, start, end):
                parsed.blocks.append(RawBlock("comment", start, end))
                parsed.comments.append((start, end))
            elif "factlint-" in text[start:end]:
                m = _TRAILING_DIRECTIVE.search(text, start, end)
                if m:
                    trailing[start] = m.start()
                    parsed.comments.append((m.start(), m.end()))
        if trailing:  # the rest of the parse sees each such line without its comment
            spans = [(start, trailing.get(start, end)) for start, end in spans]
    wire = _first_line_indent_style(text, spans)
    unwrapped = not wire and any(end - start > _WRAP_MAX_CHARS for start, end in spans)
    columns = {start: _is_column_row_fast(text[start:end]) for start, end in spans}
    groups = _group_lines(text, spans, wire, columns, unwrapped)
    urls = "://" in text or "www." in text
    headline_text: str | None = None
    for gi, group in enumerate(groups):
        kind = "list" if _BULLET.match(text[group[0][0] : group[0][1]]) else "paragraph"
        first = text[group[0][0] : group[0][1]].strip()
        if kind == "paragraph" and gi > 0 and _is_table(text, group, columns):
            parsed.blocks.append(_block(text, "table", group, urls))
            continue
        if gi == 0 and kind == "paragraph":
            if len(group) == 1 and _could_be_headline(first, standalone=len(groups) > 1):
                parsed.blocks.append(_block(text, "headline", group, urls))
                headline_text = _normal(first)
                continue
            if len(group) > 1 and _is_title_like(first) and _starts_sentence(text, group[1]):
                parsed.blocks.append(_block(text, "headline", group[:1], urls))
                headline_text = _normal(first)
                parsed.blocks.append(_block(text, "paragraph", group[1:], urls))
                continue
        if kind == "paragraph" and len(group) == 1 and gi < len(groups) - 1 and _is_heading(first):
            # (the last line of the text heads nothing: it is a paragraph, perhaps unfinished)
            parsed.blocks.append(_block(text, "heading", group, urls))
            continue
        if (
            kind == "paragraph"
            and unwrapped
            and len(parsed.blocks) >= 2
            and headline_text
            and [b.kind for b in parsed.blocks[-2:]] == ["headline", "heading"]
            and _normal(text[parsed.blocks[-1].start : parsed.blocks[-1].end].strip()) == headline_text
        ):
            # unwrapped copy split the repeated title from the dek under it (see below)
            parsed.blocks.append(_block(text, "dek", group, urls))
            continue
        # a heading glued on top of a paragraph -- but in wire copy a paragraph's short
        # first line ("Yugoslavia and the United Arab") is just where the dateline was
        if (
            kind == "paragraph"
            and len(group) > 1
            and (
                (headline_text and _normal(first) == headline_text)
                or (not wire and _is_title_like(first) and _starts_sentence(text, group[1]))
            )
        ):
            follows_headline = bool(parsed.blocks) and parsed.blocks[-1].kind == "headline"
            parsed.blocks.append(_block(text, "heading", group[:1], urls))
            parsed.blocks.append(_block(text, "dek" if follows_headline else "paragraph", group[1:], urls))
            continue
        parsed.blocks.append(_block(text, kind, group, urls))
    return parsed


def _is_indented(line: str) -> bool:
    return line[:1] in (" ", "\t") and len(line) - len(line.lstrip()) >= 2 or line[:1] == "\t"


def _is_column_row(line: str) -> bool:
    """Laid out in columns: two or more runs of spaces between words, or one wide run, and
    no cell longer than a table's (scraped prose keeps stray double spaces: "and  said")."""
    body = line.strip()
    if not (len(_COLUMN_GAP.findall(body)) >= 2 or _WIDE_GAP.search(body)):
        return False
    return all(len(cell.split()) <= _CELL_MAX_WORDS for cell in _CELL_GAP.split(body))


def _is_column_row_fast(line: str) -> bool:
    """:func:`_is_column_row`, without the regexes for a line that has no run of two
    spaces and no tab between its first and last characters (most prose)."""
    body = line.strip()
    if "  " not in body and "\t" not in body:
        return False  # both gap patterns need two spaces or a tab
    return _is_column_row(body)


def _is_figure_row(line: str) -> bool:
    """A row of a results table: several figures, few words, no closing punctuation."""
    tokens = line.split()
    figures = sum(1 for t in tokens if _HAS_DIGIT.search(t))
    return (
        _is_column_row(line)
        or len(tokens) >= 2
        and figures >= 2
        and figures / len(tokens) >= 0.3
        and not _ENDS_SENTENCE.search(line)
    )


def _is_figure_row_fast(line: str, column_row: bool) -> bool:
    """:func:`_is_figure_row`, given the line's :func:`_is_column_row`: a line without a
    digit has no figures, and the digits are looked for per token only when there is one."""
    if column_row:
        return True
    if not _HAS_DIGIT.search(line):
        return False
    tokens = line.split()
    if len(tokens) < 2:
        return False
    # a token with a digit holds a run of digits of its own: too few runs, too few figures
    runs = len(_DIGIT_RUN.findall(line))
    if runs < 2 or runs / len(tokens) < 0.3:
        return False
    figures = sum(1 for t in tokens if _HAS_DIGIT.search(t))
    return figures >= 2 and figures / len(tokens) >= 0.3 and not _ENDS_SENTENCE.search(line)


def _is_sign_off(line: str) -> bool:
    """``_SIGN_OFF.fullmatch(line)``; an ASCII line with a lower-case letter (or no letter)
    cannot be one -- the pattern allows only capitals, spaces and ``-.&'``."""
    if line.isascii() and not line.isupper():
        return False
    return bool(_SIGN_OFF.fullmatch(line))


def _first_line_indent_style(text: str, spans: list[tuple[int, int]]) -> bool:
    """Wire copy: some indented line is followed by an unindented line of the same paragraph."""
    for (s1, e1), (s2, e2) in zip(spans, spans[1:]):
        first, second = text[s1:e1], text[s2:e2]
        if (
            _is_indented(first)
            and second.strip()
            and not _is_indented(second)
            and not _BULLET.match(first)
            and not _BULLET.match(second)
        ):
            return True
    return False


def _group_lines(
    text: str, spans: list[tuple[int, int]], wire: bool, columns: dict[int, bool] | None = None, unwrapped: bool = False
) -> list[list[tuple[int, int]]]:
    """Lines into paragraphs. ``columns``: each line's :func:`_is_column_row`, by start;
    ``unwrapped``: a line that ends a sentence ends its paragraph."""
    if columns is None:
        columns = {start: _is_column_row(text[start:end]) for start, end in spans}
    groups: list[list[tuple[int, int]]] = []
    current: list[tuple[int, int]] = []
    prev_line = ""
    prev_sign_off = False
    prev_indented = prev_column = False
    last = next((i for i in range(len(spans) - 1, -1, -1) if text[spans[i][0] : spans[i][1]].strip()), -1)
    for i, (start, end) in enumerate(spans):
        line = text[start:end]
        if not line.strip() or ("factlint-" in line and _DIRECTIVE_LINE.fullmatch(line)):
            if current:
                groups.append(current)
                current = []
            prev_line, prev_sign_off = "", False
            prev_indented = prev_column = False  # what _is_indented, _is_column_row say of ""
            continue
        indented = _is_indented(line)
        column = columns[start]
        # a sign-off line: the text's last line, or an ALL-CAPS line after a finished sentence
        capitals = _is_sign_off(line)
        sign_off = (
            i == last
            and (capitals or bool(_LAST_WORD_LINE.fullmatch(line)))
            or capitals
            and bool(_ENDS_SENTENCE.search(prev_line))
        )
        breaks = (
            indented
            and (wire or not prev_indented)  # a paragraph's first line
            or bool(_BULLET.match(line))  # a list item
            or sign_off
            or prev_sign_off  # "REUTER" stands alone
            or column != prev_column  # prose meets a table
            # unwrapped copy: one line, one paragraph -- after a finished sentence, or
            # before a line that starts one (a title above its story)
            or unwrapped
            and bool(prev_line)
            and (bool(_ENDS_SENTENCE.search(prev_line)) or _starts_sentence(text, (start, end)))
        )
        if current and breaks:
            groups.append(current)
            current = []
        current.append((start, end))
        prev_line, prev_sign_off = line, sign_off
        prev_indented, prev_column = indented, column
    if current:
        groups.append(current)
    return groups


def _is_table(text: str, group: list[tuple[int, int]], columns: dict[int, bool] | None = None) -> bool:
    """Most lines in columns, or (two lines or more) most are figure rows. ``columns``:
    each line's :func:`_is_column_row`, by start."""
    if columns is None:
        columns = {a: _is_column_row(text[a:b]) for a, b in group}
    flags = [columns[a] for a, _ in group]
    n = len(group)
    if sum(flags) >= max(1, 0.6 * n):
        return True
    if n < 2:
        return False
    # at least 0.6 * n figure rows: stop as soon as the lines left cannot make it
    need = 0.6 * n
    possible = n
    for (a, b), flag in zip(group, flags):
        if not _is_figure_row_fast(text[a:b], flag):
            possible -= 1
            if possible < need:
                return False
    return True


def _block(text: str, kind: str, group: list[tuple[int, int]], urls: bool = True) -> RawBlock:
    block = RawBlock(kind, group[0][0], group[-1][1])
    for i, (start, end) in enumerate(group):
        line = text[start:end]
        lead = len(line) - len(line.lstrip())
        if i == 0 and kind == "list":
            m = _BULLET.match(line)
            lead = m.end() if m else lead
        block.pieces.append((start + lead, end))
        if not urls:  # every bare URL has "://" or "www." in it
            continue
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
    end = line.rstrip()[-1:]
    if end == "." and standalone and not _DOTTED_END.search(line):
        # a headline with a full stop (scraped and archived copy adds one) is in Title Case;
        # a first sentence standing alone ("The council met on Monday.") is a paragraph
        return _is_title_like(line.rstrip()[:-1])
    if end in ".,;:" and not _DOTTED_END.search(line):
        return False
    return standalone or _is_title_like(line)


def _is_heading(line: str) -> bool:
    if len(line) > _TITLE_MAX_CHARS:
        return False
    end = line.rstrip()[-1:]
    if end in ".,;:!\"”'’)":  # (before the words are counted: most lines end so)
        return False
    words = _words(line)
    if not words or len(words) > _HEADING_MAX_WORDS:
        return False
    if end == "?":
        return _is_title_like(line)
    return line[:1].isupper() or line[:1].isdigit()


def _starts_sentence(text: str, span: tuple[int, int]) -> bool:
    line = text[span[0] : span[1]].lstrip()
    return bool(line) and (line[0].isupper() or line[0] in "\"“‘'(" or line[0].isdigit())
