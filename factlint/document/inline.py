"""Markdown inline markup: which characters of a block a reader actually reads.

markdown-it gives block structure with line numbers but no character positions for
inline content, so this module finds the inline constructs itself and masks their
syntax: code spans (masked whole: code is not prose), images (masked whole), link and
autolink syntax (the link text stays, the target goes), raw HTML tags and comments,
backslash escapes, and emphasis or strike-through markers. Unmatched brackets such as
``[CHECK]`` are prose and stay visible, so the editing rules can see them.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

_CODE_RUN = regex.compile(r"`+")
_AUTOLINK = regex.compile(r"<((?:https?|ftp|mailto):[^\s<>]*|[\w.+-]+@[\w-]+(?:\.[\w-]+)+)>")
_HTML_COMMENT = regex.compile(r"<!--.*?-->", regex.DOTALL)
_HTML_TAG = regex.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
_ESCAPE = regex.compile(r"\\(?=[!-/:-@\[-`{-~])")
_EMPHASIS = regex.compile(
    r"(?<![\\\w*])\*{1,3}(?=\S)|(?<=\S)\*{1,3}(?![\w*])|"
    r"(?<![\w_\\])_{1,3}(?=\S)|(?<=\S)_{1,3}(?![\w_])|~~"
)
_BARE_URL = regex.compile(r"\b(?:https?://|www\.)[^\s<>\"“”]+")
_URL_TRAILING = ".,;:!?)]}'’\"”"


@dataclass(slots=True)
class InlineResult:
    kept: list[tuple[int, int]]  # content spans a reader reads
    links: list[tuple[int, int, str]]  # content span of link text, target
    comments: list[tuple[int, int]]  # content spans of HTML comments


def _find_closing_bracket(s: str, i: int) -> int:
    """Index of the ``]`` that closes the ``[`` at ``i``, or -1 (one bracket at a time: the
    reference that :func:`_closing_brackets` is tested against)."""
    depth = 0
    j = i
    n = len(s)
    while j < n:
        c = s[j]
        if c == "\\":
            j += 2
            continue
        if c == "[":
            depth += 1
        elif c == "]":
            depth -= 1
            if depth == 0:
                return j
        elif c == "\n" and j + 1 < n and s[j + 1] == "\n":
            return -1
        j += 1
    return -1


def _closing_brackets(s: str) -> dict[int, int]:
    """``_find_closing_bracket(s, i)`` for every ``[`` at ``i`` with a closing bracket, in
    one pass (the scan per bracket made ``'[' * 10000 + ']' * 10000`` quadratic).

    One scan from the start reads escapes as every scan from a ``[`` does (a scan from
    an escaped ``[`` joins it one character later), so with ``depth`` counting the
    brackets it reads, a ``[`` it reads at depth d is closed by the first ``]`` that
    brings the depth back to d, and an escaped one (counted by its own scan only) by the
    first that brings it to d - 1. A paragraph break closes nothing that is open."""
    closes: dict[int, int] = {}
    waiting: dict[int, list[int]] = {}  # depth -> brackets closed when the depth returns to it
    depth = 0
    j = 0
    n = len(s)
    while j < n:
        c = s[j]
        if c == "\\":
            if j + 1 < n and s[j + 1] == "[":
                waiting.setdefault(depth - 1, []).append(j + 1)  # an escaped [: its own scan counts it
            j += 2
            continue
        if c == "[":
            waiting.setdefault(depth, []).append(j)
            depth += 1
        elif c == "]":
            depth -= 1
            for start in waiting.pop(depth, ()):
                closes[start] = j
        elif c == "\n" and j + 1 < n and s[j + 1] == "\n":
            waiting.clear()
        j += 1
    return closes


def _strip_bounds(s: str, a: int, b: int) -> tuple[int, int]:
    """``(a', b')`` such that ``s[a':b'] == s[a:b].strip()`` (without copying ``s[a:b]``)."""
    while a < b and s[a].isspace():
        a += 1
    while b > a and s[b - 1].isspace():
        b -= 1
    return a, b


def _reference_key(s: str, a: int, b: int, longest: int) -> str | None:
    """``s[a:b].strip().lower()`` when it is at most ``longest`` characters (lowering never
    shortens a string, so a longer label names no reference), else None."""
    a, b = _strip_bounds(s, a, b)
    if b - a > longest:
        return None
    return s[a:b].lower()


def _find_destination_end(s: str, i: int) -> int:
    """``s[i] == '('``: index just past the matching ``)`` of a link destination, or -1."""
    depth = 0
    j = i
    n = len(s)
    in_title: str | None = None
    while j < n:
        c = s[j]
        if c == "\\":
            j += 2
            continue
        if in_title:
            if c == in_title:
                in_title = None
        elif c in "\"'" and j > i + 1 and s[j - 1].isspace():
            in_title = c
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                return j + 1
        elif c == "\n" and j + 1 < n and s[j + 1] == "\n":
            return -1
        j += 1
    return -1


def _link_target(s: str, open_end: int, stop: int) -> str:
    """The target written in ``s[open_end + 1 : stop]`` (a link destination's inside)."""
    inner = s[open_end + 1 : stop]
    inner = inner.strip()
    if inner.startswith("<"):
        return inner[1:].split(">", 1)[0]
    return inner.split()[0] if inner.split() else ""


def mask_inline(s: str, references: frozenset[str] = frozenset()) -> InlineResult:
    """Scan the inline content ``s`` of one block; see the module docstring."""
    if not _MARKUP_CHARS.search(s):
        # no character that any construct needs (most paragraphs): all of it is read
        return InlineResult([(0, len(s))] if s else [], [], [])
    return _mask_inline(s, references)


#: What every construct below needs at least one of: a backtick (code), "<" (HTML,
#: autolinks), "[" (links, images, references, footnotes), "://" or "www." (bare URLs),
#: a backslash (escapes), "*", "_" or "~" (emphasis, strike-through).
_MARKUP_CHARS = regex.compile(r"[`<\[\\*_~]|://|www\.")


def _mask_inline(s: str, references: frozenset[str]) -> InlineResult:
    n = len(s)
    mask = bytearray(n)  # 1 = markup, not read
    links: list[tuple[int, int, str]] = []
    comments: list[tuple[int, int]] = []

    def hide(a: int, b: int) -> None:
        mask[a:b] = b"\x01" * (b - a)

    # 1. code spans: a backtick run closed by a run of the same length
    pos = 0
    while True:
        m = _CODE_RUN.search(s, pos)
        if not m:
            break
        run = m.group()
        close = s.find(run, m.end())
        while close != -1 and (close + len(run) < n and s[close + len(run)] == "`" or s[close - 1] == "`"):
            close = s.find(run, close + 1)
        if close == -1:
            pos = m.end()
            continue
        hide(m.start(), close + len(run))
        pos = close + len(run)

    def free(a: int, b: int) -> bool:
        return not any(mask[a:b])

    # 2. HTML comments, autolinks, tags
    for m in _HTML_COMMENT.finditer(s):
        if free(m.start(), m.start() + 1):
            hide(m.start(), m.end())
            comments.append((m.start(), m.end()))
    for m in _AUTOLINK.finditer(s):
        if free(m.start(), m.end()):
            hide(m.start(), m.start() + 1)
            hide(m.end() - 1, m.end())
            links.append((m.start(1), m.end(1), m.group(1)))
    for m in _HTML_TAG.finditer(s):
        if free(m.start(), m.end()):
            hide(m.start(), m.end())

    # 3. images and links
    longest_reference = max(map(len, references), default=0)
    i = s.find("[")
    closes = _closing_brackets(s) if i != -1 else {}
    while i != -1:
        if mask[i]:
            i = s.find("[", i + 1)
            continue
        close = closes.get(i, -1)
        if close == -1:
            i = s.find("[", i + 1)
            continue
        image = i > 0 and s[i - 1] == "!" and not mask[i - 1]
        # the label is copied only when it could name a reference: a copy (and a lowered
        # one) per bracket made nested brackets quadratic
        label_key = _reference_key(s, i + 1, close, longest_reference)
        end = -1
        target = ""
        if close + 1 < n and s[close + 1] == "(":
            end = _find_destination_end(s, close + 1)
            if end != -1:
                target = _link_target(s, close + 1, end - 1)
        elif close + 1 < n and s[close + 1] == "[":
            ref_close = s.find("]", close + 2)
            if ref_close != -1:
                ref = s[close + 2 : ref_close].strip().lower() or label_key
                if ref in references:
                    end = ref_close + 1
                    target = "[" + ref + "]"
        elif s[i + 1] == "^" and _strip_bounds(s, i + 2, close)[0] < close:
            hide(i, close + 1)  # footnote reference
            i = s.find("[", close + 1)
            continue
        elif label_key in references:
            end = close + 1
            target = "[" + label_key + "]"
        if end == -1:
            i = s.find("[", i + 1)
            continue
        if image:
            hide(i - 1, end)
        else:
            hide(i, i + 1)
            hide(close, end)
            links.append((i + 1, close, target))
        i = s.find("[", close + 1 if not image else end)

    # 4. bare URLs stay readable, but are links (and keep their underscores and stars)
    # (a mask per kind of span, not a scan of the spans found so far per match: that
    # made many links with many URLs or emphasis markers quadratic)
    in_link = bytearray(n)
    for a, b, _ in links:
        in_link[a:b] = b"\x01" * (b - a)
    in_url = bytearray(n)
    for m in _BARE_URL.finditer(s):
        if mask[m.start()]:
            continue
        url = m.group().rstrip(_URL_TRAILING)
        if in_link[m.start()]:
            continue
        links.append((m.start(), m.start() + len(url), url))
        in_url[m.start() : m.start() + len(url)] = b"\x01" * len(url)

    # 5. escapes and emphasis markers
    for m in _ESCAPE.finditer(s):
        if not mask[m.start()]:
            hide(m.start(), m.end())
    for m in _EMPHASIS.finditer(s):
        if free(m.start(), m.end()) and not in_url[m.start()]:
            hide(m.start(), m.end())

    kept: list[tuple[int, int]] = []
    for hidden in regex.finditer(rb"\x00+", bytes(mask)):
        kept.append((hidden.start(), hidden.end()))
    return InlineResult(kept, links, comments)
