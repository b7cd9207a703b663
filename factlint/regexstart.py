r"""Where a regular expression can start: a fast path for rules' patterns.

A rule's pattern is searched over the whole prose of a draft. Most patterns can only start
at one of a few literal strings (``\bslammed\b`` at "slammed", ``\d[\d,.]*\s*%`` in the run of
digits before "%"), and those strings are found for every pattern at once by the phrase
index's single scan (:mod:`factlint.phrases`). This module reads a pattern's shape to find
such *stems* (:func:`pattern_stems`, :func:`compiled_stems`), registers them in the phrase
index (:class:`StartPlan`), and tries the pattern only there (:func:`matches_at`) -- the
same matches as ``finditer``, when the stems are rare enough to be worth it.

How the shape is read: a pattern is read into a small syntax tree (only the constructs
below; anything else means "no fast path"), and each top-level alternative is walked from
its start to its first *anchor*: a run of literal characters (or small sets of them) that
every match of the alternative contains. The characters a match can hold before its anchor
(the *prefix*: ``\w+s\s+`` before "caused", ``\d[\d,.]*\s*`` before "%") are collected as
character classes. Then a match can only start at an occurrence of the anchor, or -- with
a prefix -- anywhere in the run of prefix characters that ends there.

It knows nothing of rules: :class:`factlint.kinds.base.RunContext` uses it.
"""

from __future__ import annotations

import time
import unicodedata
from typing import Any, Protocol

import regex

from .phrases import PhraseIndex


class StemFinder(Protocol):
    """What a plan reads per document: the prose, and where the stems of a key occur
    (the phrase index's one scan; None: unknown)."""

    doc: Any

    def stem_starts(self, key: int) -> list[int] | None: ...


#: Try a pattern only at its stems when they are fewer than one per this many characters;
#: past that, one ``finditer`` is cheaper than a ``match`` call per stem.
STEM_DENSITY_LIMIT = 200


def matches_at(pattern, text: str, starts: list[int], limit: float) -> list[tuple[int, int]]:
    """What ``pattern.finditer(text)`` finds (non-empty matches), given every offset where
    a match can start, in order: the leftmost match at or after the end of the previous
    one is the first of these offsets where ``pattern.match`` succeeds (lookbehinds and
    ``\\b`` still see the text before the offset). Raises TimeoutError past ``limit`` seconds."""
    deadline = time.monotonic() + limit
    match = pattern.match
    hits: list[tuple[int, int]] = []
    pos = 0
    for start in starts:
        if start < pos:
            continue
        left = deadline - time.monotonic()
        if left <= 0:
            raise TimeoutError("regex timed out")
        m = match(text, start, timeout=left)
        if m is not None and m.end() > m.start():
            hits.append((m.start(), m.end()))
            pos = m.end()
    return hits


class _Unsupported(Exception):
    """A construct the analysis does not read: the pattern gets no fast path."""


_ESC_ZERO_WIDTH = set("bBAZ")
_ESC_CLASSES = set("wWsSdD")
_GROUP_FLAGS = set("ims-")  # scoped flags that change neither what a literal is nor where
_MAX_ANCHORS = 16  # anchor strings per run ("first[- ]ever": 2)
_MAX_WALK = 400


def _parse(source: str, i: int = 0) -> tuple[list, int]:
    """Alternatives (lists of items) from ``source[i]`` to an unmatched ``)`` or the end.
    An item is ``[kind, min, max, payload]``: kind "zw" (zero-width), "lit" (payload: the
    character), "set" (payload: (class text as written, its characters or None)), "group"
    (payload: its alternatives); max None is unbounded."""
    alts: list[list] = [[]]
    n = len(source)
    while i < n:
        c = source[i]
        if c == ")":
            break
        if c == "|":
            alts.append([])
            i += 1
            continue
        if c == "(":
            item, i = _parse_group(source, i)
        elif c == "[":
            item, i = _parse_set(source, i)
        elif c == "\\":
            item, i = _parse_escape(source, i)
        elif c in "^$":
            item, i = ["zw", 1, 1, None], i + 1
        elif c in ".*+?{}":
            raise _Unsupported(c)
        else:
            item, i = ["lit", 1, 1, c], i + 1
        if item is None:  # a global flag group
            continue
        i = _quantifier(source, i, item)
        alts[-1].append(item)
    return alts, i


def _quantifier(source: str, i: int, item: list) -> int:
    n = len(source)
    if i >= n or source[i] not in "?*+{":
        return i
    c = source[i]
    if c == "{":
        m = regex.match(r"\{(\d*)(,?)(\d*)\}", source[i:])
        if m is None or not (m.group(1) or m.group(3)):
            raise _Unsupported("{")
        lo = int(m.group(1) or 0)
        hi = lo if not m.group(2) else (int(m.group(3)) if m.group(3) else None)
        i += m.end()
    else:
        lo, hi = {"?": (0, 1), "*": (0, None), "+": (1, None)}[c]
        i += 1
    if i < n and source[i] in "?+":  # lazy or possessive: the same characters
        i += 1
    if i < n and source[i] in "?*+{":
        raise _Unsupported("quantifier")
    item[1], item[2] = lo, hi
    return i


def _parse_escape(source: str, i: int) -> tuple[list, int]:
    if i + 1 >= len(source):
        raise _Unsupported("\\")
    c = source[i + 1]
    if c in _ESC_ZERO_WIDTH:
        return ["zw", 1, 1, None], i + 2
    if c in _ESC_CLASSES:
        return ["set", 1, 1, ("\\" + c, None)], i + 2
    if c in "pP":
        m = regex.match(r"\\[pP]\{[A-Za-z_=&.\- ]+\}", source[i:])
        if m is None:
            raise _Unsupported("\\p")
        return ["set", 1, 1, (m.group(), None)], i + m.end()
    if c == "n":
        return ["lit", 1, 1, "\n"], i + 2
    if c == "t":
        return ["lit", 1, 1, "\t"], i + 2
    if c.isascii() and not c.isalnum():
        return ["lit", 1, 1, c], i + 2
    raise _Unsupported("\\" + c)  # back-references, \x.., \N{..}, \X, \K, \G, ...


def _parse_set(source: str, i: int) -> tuple[list, int]:
    """A character class, not negated, without nested sets; its characters when it only
    lists plain characters (no ranges, no class escapes)."""
    j = i + 1
    n = len(source)
    if j < n and source[j] == "^":
        raise _Unsupported("[^")
    if j < n and source[j] == "]":
        j += 1
    while j < n and source[j] != "]":
        if source[j] == "[":
            raise _Unsupported("[[")
        j += 2 if source[j] == "\\" else 1
    if j >= n:
        raise _Unsupported("[")
    text = source[i : j + 1]
    chars: list[str] = []
    literal = True  # only single characters (no class escape, no range)
    k = i + 1
    while k < j:
        c = source[k]
        if c == "\\":
            e = source[k + 1] if k + 1 < j else ""
            if e.isascii() and not e.isalnum() and e:
                chars.append(e)
                k += 2
                continue
            literal = False
            break
        if c == "-" and k not in (i + 1, j - 1):
            literal = False  # a range
            break
        chars.append(c)
        k += 1
    return ["set", 1, 1, (text, tuple(dict.fromkeys(chars)) if literal and chars else None)], j + 1


def _parse_group(source: str, i: int) -> tuple[list | None, int]:
    if not source.startswith("(?", i):
        alts, j = _parse(source, i + 1)  # a capturing group
    elif source.startswith(("(?=", "(?!", "(?<=", "(?<!"), i):
        end = _group_end(source, i)
        if end is None:
            raise _Unsupported("lookaround")
        return ["zw", 1, 1, None], end
    elif source.startswith("(?:", i):
        alts, j = _parse(source, i + 3)
    elif source.startswith("(?P<", i) or (source.startswith("(?<", i) and source[i + 3 : i + 4].isalpha()):
        close = source.find(">", i)
        if close < 0:
            raise _Unsupported("(?P<")
        alts, j = _parse(source, close + 1)
    else:
        m = regex.match(r"\(\?([a-zA-Z-]+)([:)])", source[i:])
        if m is None or not set(m.group(1)) <= _GROUP_FLAGS:
            raise _Unsupported("(?")
        if m.group(2) == ")":  # global flags: none that matters here
            return None, i + m.end()
        alts, j = _parse(source, i + m.end())
    if j >= len(source) or source[j] != ")":
        raise _Unsupported("(")
    return ["group", 1, 1, alts], j + 1


def _metachars(source: str, i: int = 0):
    """(index, character) of each ``(``, ``)`` and ``|`` from ``i`` on, outside escapes and
    character classes; an unterminated class ends the scan with ``(len(source), "[")``."""
    n = len(source)
    while i < n:
        c = source[i]
        if c == "\\":
            i += 2
            continue
        if c == "[":
            i += 1
            if i < n and source[i] == "^":
                i += 1
            if i < n and source[i] == "]":
                i += 1
            while i < n and source[i] != "]":
                i += 2 if source[i] == "\\" else 1
            if i >= n:
                yield n, "["
                return
        elif c in "()|":
            yield i, c
        i += 1


def _group_end(source: str, i: int) -> int | None:
    """The index just past the group that opens at ``source[i] == "("``."""
    depth = 0
    for j, c in _metachars(source, i):
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                return j + 1
        elif c == "[":
            return None
    return None


def _anchor_char(c: str) -> bool:
    """Can ``c`` be looked for in the case-folded prose as a stand-in for what a pattern
    matches with it? ASCII (the three non-ASCII characters that match an ASCII letter
    disable the scan, see CASELESS_SPECIALS), and caseless punctuation and symbols."""
    if c.isascii():
        return True
    return unicodedata.category(c)[0] in "PS" and c.lower() == c and c.upper() == c and c.casefold() == c


def _anchor_strings(seq: list, k: int) -> tuple[list[str], int] | None:
    """The strings (lower case) that the items from ``seq[k]`` on must start with, if they
    start with a literal run, and how many items the run takes."""
    strings = [""]
    used = 0
    for kind, lo, hi, payload in seq[k:]:
        if kind == "lit" and _anchor_char(payload):
            chars = (payload,)
        elif kind == "set" and payload[1] and all(_anchor_char(c) for c in payload[1]):
            chars = payload[1]
        else:
            break
        if lo == 0:
            break
        times = min(lo, 8) if len(chars) == 1 else 1  # "X{2,}": "xx"
        longer = list(dict.fromkeys(s + c.lower() * times for s in strings for c in chars))
        if len(longer) > _MAX_ANCHORS:
            break
        strings = longer
        used += 1
        if hi != times:
            break
    return (strings, used) if used else None


def _classes(item: list) -> set[str]:
    """Character classes (as pattern text) covering every character ``item`` can match."""
    kind, _, _, payload = item
    if kind == "lit":
        c = payload
        if c == "\n" or c == "\t":
            return {"\\n" if c == "\n" else "\\t"}
        return {"[" + (c if c.isalnum() or not c.isascii() else "\\" + c) + "]"}
    if kind == "set":
        return {payload[0]}
    if kind == "group":
        out: set[str] = set()
        for alt in payload:
            for sub in alt:
                out |= _classes(sub)
        return out
    return set()


#: An anchor: its strings and the character classes a match can hold before it.
_Anchor = tuple[tuple[str, ...], frozenset]


def _walk(seq: list, prefix: frozenset, anchors: tuple, depth: int, budget: list) -> list[tuple[_Anchor, ...]]:
    """Every way a match of ``seq`` goes, as the first ``depth`` anchors it passes (each
    with the classes of everything the match holds before it); raises _Unsupported when a
    match can avoid every anchor, or when there are too many ways."""
    budget[0] -= 1
    if budget[0] < 0:
        raise _Unsupported("too many ways")
    k = 0
    while k < len(seq):
        if len(anchors) >= depth:
            return [anchors]
        item = seq[k]
        kind, lo, hi, payload = item
        if kind == "zw":
            k += 1
            continue
        if lo >= 1:
            run = _anchor_strings(seq, k)
            if run is not None:
                strings, used = run
                anchors = anchors + ((tuple(strings), prefix),)
                for taken in seq[k : k + used]:
                    prefix = prefix | _classes(taken)
                k += used
                continue
            if kind == "group":
                again = [["group", 0, None, payload]] if hi != 1 else []
                ways = []
                for alt in payload:
                    ways.extend(_walk(alt + again + seq[k + 1 :], prefix, anchors, depth, budget))
                return ways
        prefix = prefix | _classes(item)
        k += 1
    if not anchors:
        raise _Unsupported("no anchor")
    return [anchors]


#: Anchors read per way through a pattern (the plan may use a later, rarer one).
_DEPTH = 4


def pattern_stems(source: str) -> tuple[tuple[tuple[tuple[str, ...], str | None], ...], ...] | None:
    """Where the pattern can start, as one or more *variants*, or None when the analysis
    cannot tell. A variant is ``((stems, prefix), ...)``: every match contains one of the
    ``stems`` (literal strings, lower case, found ignoring case) of one part; with
    ``prefix`` None it starts where that stem starts, else ``prefix`` is a pattern for one
    character (an alternation of classes) and the match starts inside the run of such
    characters that ends where the stem starts. Variants differ in which anchor of each
    way through the pattern they use (one for now: on each way, the rarest of its first
    few anchors by :func:`_rarity`).

    Read: literal characters and escaped punctuation, character classes that are not
    negated, ``\\w \\s \\d`` and their negations, ``\\p{..}``, quantifiers, groups
    (capturing, non-capturing, with the scoped flags i, m, s), lookarounds, ``\\b``,
    ``^``, ``$``. Anything else -- ``.``, back-references, atomic groups, ``(?x)`` -- gives None."""
    try:
        alts, end = _parse(source)
        if end != len(source):
            return None
    except (_Unsupported, IndexError):
        return None
    for depth in (_DEPTH, 1):
        try:
            budget = [_MAX_WALK]
            ways = [way for alt in alts for way in _walk(alt, frozenset(), (), depth, budget)]
        except _Unsupported:
            continue
        return (_variant(max(way, key=_rarity) for way in ways),)
    return None


def _rarity(anchor: _Anchor) -> int:
    """How rare an anchor's strings are likely to be in prose (the least of them): letters
    and digits count one, other characters (rarer in text) three, spaces nothing."""
    return min(sum(0 if c.isspace() else 1 if c.isalnum() else 3 for c in s) for s in anchor[0])


def _variant(anchors) -> tuple[tuple[tuple[str, ...], str | None], ...]:
    """One variant from the anchors chosen on each way: stems grouped by prefix, then the
    groups with the same stems merged (their prefixes joined)."""
    by_prefix: dict[frozenset, set[str]] = {}
    for strings, prefix in anchors:
        by_prefix.setdefault(prefix, set()).update(strings)
    by_stems: dict[tuple[str, ...], frozenset] = {}
    for prefix, stems in by_prefix.items():
        key = tuple(sorted(stems))
        by_stems[key] = by_stems.get(key, frozenset()) | prefix
    return tuple(
        sorted(
            ((stems, "|".join(sorted(prefix)) if prefix else None) for stems, prefix in by_stems.items()),
            key=lambda sp: (sp[1] is not None, sp[1] or "", sp[0]),
        )
    )


def compiled_stems(pattern):
    """:func:`pattern_stems` of a compiled pattern, unless a flag makes them unsafe: full
    case folding ("ss" matches "ß"), reverse searching, version 1 (nested sets), verbose."""
    if pattern.flags & (regex.FULLCASE | regex.REVERSE | regex.VERSION1 | regex.VERBOSE):
        return None
    return pattern_stems(pattern.pattern)


class StartPlan:
    """Where a compiled pattern can start, per document: for each variant of
    :func:`pattern_stems`, its parts as (key of the stems in the phrase index, reverse
    pattern that finds the prefix run before a stem, or None)."""

    __slots__ = ("variants",)

    #: A stem with a prefix is reckoned to cost this many tries (the run before it).
    PREFIX_COST = 8

    def __init__(self, variants: list[list[tuple[int, Any]]]) -> None:
        self.variants = variants

    @classmethod
    def register(cls, plan, index: PhraseIndex) -> "StartPlan":
        variants = []
        for variant in plan:
            parts = []
            for stems, prefix in variant:
                back = None
                if prefix is not None:
                    back = regex.compile("(?:" + prefix + ")*", regex.V0 | regex.IGNORECASE | regex.REVERSE)
                parts.append((index.register_stems(stems), back))
            variants.append(parts)
        return cls(variants)

    def starts(self, run: "StemFinder", limit: int) -> list[int] | None:
        """Every offset where a match can start, in order, by the variant whose stems are
        fewest; None when unknown or when there would be more than ``limit`` of them."""
        best = None
        for parts in self.variants:
            cost = 0
            for key, back in parts:
                stems = run.stem_starts(key)
                if stems is None:
                    return None
                cost += len(stems) * (1 if back is None else self.PREFIX_COST)
            if best is None or cost < best[0]:
                best = (cost, parts)
        if best is None or best[0] > limit * self.PREFIX_COST:
            return None
        return self.expand(run, best[1], limit)

    @staticmethod
    def expand(run: "StemFinder", parts, limit: int) -> list[int] | None:
        """The offsets one variant allows, in order (None: unknown, or more than ``limit``)."""
        prose = run.doc.prose
        found: list[int] = []
        for key, back in parts:
            stems = run.stem_starts(key)
            if stems is None:
                return None
            if back is None:
                found.extend(stems)
            else:
                match = back.match
                last = -1
                for q in stems:
                    r = match(prose, 0, q).start()
                    if r <= last:
                        r = last + 1
                    if r <= q:
                        found.extend(range(r, q + 1))
                        last = q
                    if len(found) > limit:
                        return None
            if len(found) > limit:
                return None
        if len(parts) > 1:
            found = sorted(set(found))
        return found
