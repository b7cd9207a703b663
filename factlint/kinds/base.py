"""What every rule kind shares: common keys, scopes, hits, word/pattern matching."""
from __future__ import annotations

import string
import time
from dataclasses import dataclass, field
from typing import Any, Iterable, Iterator

import regex

from ..finding import SEVERITIES
from ..phrases import PhraseIndex
from ..schema import Bool, Field, ListOf, Obj, Str
from ..yamlload import LineDict

#: Block scopes: which parts of the document a rule reads.
BLOCK_SCOPES = {
    "all": None,
    "headline": {"headline"},
    "dek": {"dek"},
    "heading": {"heading"},
    "body": {"paragraph", "list", "blockquote", "table"},
    "paragraph": {"paragraph"},
    "list": {"list"},
    "blockquote": {"blockquote"},
    "table": {"table"},
    "caption": {"caption"},
}
#: Quote scopes: whether words inside direct quotations count.
QUOTE_SCOPES = ("quote", "outside-quote")
SCOPE_NAMES = tuple(BLOCK_SCOPES) + QUOTE_SCOPES

#: Time limit (seconds) for one search of one rule's regular expression: REGEX_TIMEOUT,
#: plus REGEX_TIMEOUT_PER_MB for every million characters searched. A pattern that merely
#: has a long draft to read is never cut off (the built-in patterns read several MB a
#: second), while a catastrophic one -- ``(a+)+$`` on a long line -- is stopped within a
#: time proportional to the text. The rule is then reported by id and skipped for that file.
REGEX_TIMEOUT = 2.0
REGEX_TIMEOUT_PER_MB = 2.0


def regex_time_limit(chars: int) -> float:
    """The time limit for one regular-expression search over ``chars`` characters."""
    return REGEX_TIMEOUT + REGEX_TIMEOUT_PER_MB * max(0, chars) / 1_000_000

RULE_ID = r"[a-z0-9][a-z0-9-]*/[a-z0-9][a-z0-9-]*"


class CompileError(Exception):
    """A rule that validates but cannot be compiled (unknown lexicon, bad placeholder)."""

    def __init__(self, line: int, key: str, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.key = key
        self.message = message


class RuleTimeout(Exception):
    """A rule's regular expression ran past its time limit: the rule is skipped for the file."""

    @classmethod
    def of(cls, pattern, limit: float) -> "RuleTimeout":
        return cls(f"pattern {pattern.pattern!r} took longer than {limit:.3g} s; rule skipped for this file")


@dataclass(slots=True)
class Hit:
    """A match found by a rule, in prose offsets unless ``raw`` is set."""

    start: int
    end: int
    suggestions: tuple[str, ...] = ()
    values: dict[str, Any] | None = None  # extra message placeholders
    fix: str | None = None  # replacement for the matched span
    fix_safe: bool = False
    raw: bool = False  # offsets are raw-text offsets, and the rule applied its scope itself


class Scope:
    """A rule's scope: block kinds (OR) and, optionally, inside or outside quotations."""

    __slots__ = ("kinds", "quote", "names")

    def __init__(self, names: Iterable[str]) -> None:
        self.names = tuple(names)
        kinds: set[str] | None = set()
        self.quote: str | None = None
        for name in self.names:
            if name in QUOTE_SCOPES:
                self.quote = name
            elif BLOCK_SCOPES[name] is None:
                kinds = None
            elif kinds is not None:
                kinds |= BLOCK_SCOPES[name]
        if kinds is not None and not kinds:
            kinds = None  # only a quote scope: every block
        self.kinds = frozenset(kinds) if kinds is not None else None

    def block_ok(self, block) -> bool:
        return block is not None and block.is_prose and (self.kinds is None or block.kind in self.kinds)

    def accepts(self, doc, start: int, end: int) -> bool:
        if not self.block_ok(doc.block_at(start)):
            return False
        if self.quote is not None:
            inside = doc.in_quote(start, end)
            return inside if self.quote == "quote" else not inside
        return True


COMMON_FIELDS: dict[str, Field] = {
    "id": Field(Str(pattern=RULE_ID, hint="use 'family/name', lower case, e.g. 'sourcing/vague-reports'"),
                required=True, description="Stable rule id: family/name."),
    "kind": Field(Str(), required=True, description="The rule kind."),
    "category": Field(Str(pattern=r"[a-z][a-z0-9-]*"), required=True,
                      description="The family: sourcing, attribution, framing, editing, readability, or your own."),
    "severity": Field(Str(enum=SEVERITIES), required=True,
                      description="error: never publish; warning: fix before publishing; info: consider."),
    "scope": Field(ListOf(Str(enum=SCOPE_NAMES), min_items=1, allow_single=True),
                   description="Where the rule looks: block scopes (any of) and quote/outside-quote."),
    "message": Field(Str(), required=True,
                     description="What to tell the writer; placeholders such as {match} are filled in."),
    "why": Field(Str(), required=True, description="One or two sentences: why an editor cares."),
    "description": Field(Str(), description="Longer documentation (Markdown) for `factlint explain` and docs."),
    "link": Field(Str(pattern=r"https?://\S+", hint="an http(s) URL"), required=True,
                  description="Where the guidance comes from (style guide, standard)."),
    "examples": Field(Obj(fields={
        "flag": Field(ListOf(Str(), min_items=1), required=True,
                      description="Drafts (Markdown) in which the rule must report a finding."),
        "pass": Field(ListOf(Str(), min_items=1), required=True,
                      description="Near misses in which the rule must stay silent."),
    }), required=True, description="The rule's own tests, run by `factlint test-rules`."),
    "enabled": Field(Bool(), description="false: off unless selected explicitly (--select)."),
    "suggest": Field(ListOf(Str(), allow_single=True), description="Suggested replacements ({suggestion})."),
}

#: Keys that match words and patterns, shared by several kinds.
TERM_FIELDS: dict[str, Field] = {
    "words": Field(ListOf(Str(), min_items=1),
                   description="Literal words and phrases (whole words, case-insensitive); '@name' inserts a lexicon."),
    "patterns": Field(ListOf(Str(regex_syntax=True), min_items=1),
                      description="Regular expressions (Python `regex` module syntax)."),
    "case-sensitive": Field(Bool(), description="Match words and patterns case-sensitively (default false)."),
}


class Terms:
    """A compiled set of words (via the shared phrase index) and regular expressions."""

    __slots__ = ("key", "patterns", "stem_keys", "rule_id")

    def __init__(self, ctx: "CompileContext", spec: dict, rule_id: str) -> None:
        cs = bool(spec.get("case-sensitive", False))
        words = ctx.expand_words(spec.get("words", []), spec, "words")
        self.key = ctx.index.register(words, cs) if words else None
        self.patterns = [compile_pattern(p, cs) for p in spec.get("patterns", [])]
        self.stem_keys = [None if (stems := compiled_stems(p)) is None else ctx.index.register_stems(stems)
                          for p in self.patterns]
        self.rule_id = rule_id

    def __bool__(self) -> bool:
        return self.key is not None or bool(self.patterns)

    def find(self, doc, run: "RunContext") -> list[tuple[int, int]]:
        """Sorted hits of the words and patterns in the prose, found once per document
        (a sentence rule asks again for every sentence it tests); callers do not change the list."""
        found = run._terms.get(id(self))
        if found is not None:
            return found
        hits: list[tuple[int, int]] = []
        if self.key is not None:
            hits.extend(run.phrase_hits(self.key))
        for pattern, stem_key in zip(self.patterns, self.stem_keys):
            hits.extend(run.pattern_hits(pattern, self.rule_id, stem_key))
        if len(self.patterns) + (self.key is not None) > 1:
            hits.sort()  # in_range() bisects: hits from several patterns must be in order
        run._terms[id(self)] = hits
        return hits


def in_range(hits: list[tuple[int, int]], start: int, end: int) -> list[tuple[int, int]]:
    """The hits (sorted by start) that lie inside [start, end)."""
    from bisect import bisect_left

    i = bisect_left(hits, (start, -1))
    out = []
    while i < len(hits) and hits[i][0] < end:
        if hits[i][1] <= end:
            out.append(hits[i])
        i += 1
    return out


class CompileContext:
    """What compiling a rule may use: the lexicons and the shared phrase index."""

    def __init__(self, lexicons: dict[str, tuple[str, ...]], index: PhraseIndex) -> None:
        self.lexicons = lexicons
        self.index = index

    def expand_words(self, words: list[str], spec: dict, key: str) -> list[str]:
        out: list[str] = []
        for i, word in enumerate(words):
            if word.startswith("@"):
                name = word[1:]
                if name not in self.lexicons:
                    line = words.item_line(i) if hasattr(words, "item_line") else _line(spec, key)
                    known = ", ".join(sorted(self.lexicons)) or "none"
                    raise CompileError(line, f"{key}[{i}]", f"unknown lexicon '@{name}' (known: {known})")
                out.extend(self.lexicons[name])
            else:
                out.append(word)
        return out


class RunContext:
    """Per-document state shared by all rules: the one phrase scan, timeouts, errors."""

    def __init__(self, doc, index: PhraseIndex) -> None:
        self.doc = doc
        self.index = index
        self._phrases: dict[int, list[tuple[int, int]]] | None = None
        self._patterns: dict[int, list[tuple[int, int]]] = {}
        self._stems: dict[int, list[int]] | None | bool = False  # False: not scanned yet
        self._terms: dict[int, list[tuple[int, int]]] = {}  # Terms.find, by id(terms)
        self.errors: list[tuple[str, str]] = []  # (rule id, message)

    def phrase_hits(self, key: int) -> list[tuple[int, int]]:
        if self._phrases is None:
            self._phrases = self.index.scan(self.doc.prose)
        return self._phrases.get(key, [])

    def stem_starts(self, key: int) -> list[int] | None:
        """Where the stems registered under ``key`` occur in the prose (None: unknown)."""
        if self._stems is False:
            self._stems = self.index.scan_stems(self.doc.prose)
        if self._stems is None:
            return None
        return self._stems.get(key, [])

    def pattern_hits(self, pattern, rule_id: str, stem_key: int | None = None) -> list[tuple[int, int]]:
        """Non-empty matches of ``pattern.finditer`` over the prose. With ``stem_key`` (the
        pattern's stems, :func:`pattern_stems`), the pattern is tried only where one of its
        stems occurs -- the same matches, when stems are rare enough to be worth it."""
        cached = self._patterns.get(id(pattern))
        if cached is not None:
            return cached
        prose = self.doc.prose
        limit = regex_time_limit(len(prose))
        starts = self.stem_starts(stem_key) if stem_key is not None else None
        try:
            if starts is not None and len(starts) * STEM_DENSITY_LIMIT <= len(prose):
                hits = matches_at(pattern, prose, starts, limit)
            else:
                hits = [(m.start(), m.end()) for m in
                        pattern.finditer(prose, timeout=limit) if m.end() > m.start()]
        except TimeoutError:
            raise RuleTimeout.of(pattern, limit) from None
        self._patterns[id(pattern)] = hits
        return hits


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


def compiled_stems(pattern) -> tuple[str, ...] | None:
    """:func:`pattern_stems` of a compiled pattern, unless a flag makes them unsafe: full
    case folding ("ss" matches "ß"), reverse searching, or version 1 (nested sets)."""
    if pattern.flags & (regex.FULLCASE | regex.REVERSE | regex.VERSION1):
        return None
    return pattern_stems(pattern.pattern)


def _line(spec: dict, key: str) -> int:
    return spec.key_line(key) if isinstance(spec, LineDict) else 1


class TemplateError(ValueError):
    """A placeholder with a conversion or a format spec."""


def message_keys(message: str) -> set[str]:
    """The placeholders of a message template. Raises ValueError for a template that is
    not plain ``{name}`` placeholders and text (``{{`` and ``}}`` are literal braces)."""
    keys = set()
    for _, name, spec, conversion in string.Formatter().parse(message):
        if name is None:
            continue
        if spec or conversion:
            raise TemplateError(f"placeholder {{{name}{'!' + conversion if conversion else ''}"
                             f"{':' + spec if spec else ''}}} takes no conversion or format; write {{{name}}}")
        keys.add(name)
    return keys


def render_message(template: str, fields: dict[str, Any]) -> str:
    """Fill a validated template: each ``{name}`` becomes ``str(fields[name])`` (an unknown
    name is left as written). No attribute access, indexing, conversion or format spec is
    ever evaluated, so a message cannot reach into objects or build huge strings."""
    out = []
    try:
        parsed = list(string.Formatter().parse(template))
    except ValueError:
        return template
    for literal, name, _spec, _conversion in parsed:
        out.append(literal)
        if name is not None:
            value = fields.get(name)
            out.append("{" + name + "}" if value is None else str(value))
    return "".join(out)


class Rule:
    """A compiled rule. Subclasses set ``kind``, ``FIELDS``, ``MESSAGE_KEYS`` and ``check``."""

    kind = ""
    FIELDS: dict[str, Field] = {}
    MESSAGE_KEYS: tuple[str, ...] = ("match", "suggestion")
    AT_LEAST_ONE_OF: tuple[str, ...] = ()
    DEFAULT_SCOPE: tuple[str, ...] = ("all",)
    DESCRIPTION = ""
    #: False: the engine drops hits outside the rule's scope. True: the kind applies it.
    SCOPES_ITSELF = False

    def __init__(self, spec: dict, ctx: CompileContext, source: str = "") -> None:
        self.id: str = spec["id"]
        self.category: str = spec["category"]
        self.severity: str = spec["severity"]
        scope = spec.get("scope", list(self.DEFAULT_SCOPE))
        self.scope = Scope([scope] if isinstance(scope, str) else scope)
        self.message: str = spec["message"]
        self.why: str = spec["why"]
        self.link: str = spec["link"]
        examples = spec["examples"]
        self.examples: dict[str, list[str]] = {k: list(v) for k, v in examples.items()}
        self.example_lines: dict[str, list[int]] = {
            k: list(v.lines) for k, v in examples.items() if hasattr(v, "lines")}
        self.description: str = spec.get("description", "")
        self.enabled: bool = spec.get("enabled", True)
        suggest = spec.get("suggest", [])
        self.suggest: tuple[str, ...] = (suggest,) if isinstance(suggest, str) else tuple(suggest)
        self.source = source
        self.line = spec.line if isinstance(spec, LineDict) else 0
        self.spec = dict(spec)
        if not self.id.startswith(self.category + "/"):
            raise CompileError(_line(spec, "id"), "id",
                               f"id '{self.id}' must start with its category '{self.category}/'")
        try:
            keys = message_keys(self.message)
        except TemplateError as exc:
            raise CompileError(_line(spec, "message"), "message", str(exc)) from None
        except ValueError as exc:  # an unbalanced brace
            raise CompileError(_line(spec, "message"), "message",
                               f"not a valid message template: {exc} (write {{{{ and }}}} for literal braces)") from None
        unknown = keys - set(self.MESSAGE_KEYS)
        if unknown:
            raise CompileError(_line(spec, "message"), "message",
                               f"unknown placeholder {{{sorted(unknown)[0]}}}; this kind offers "
                               + ", ".join("{" + k + "}" for k in self.MESSAGE_KEYS))
        self.compile(spec, ctx)

    @classmethod
    def spec_type(cls) -> Obj:
        fields = dict(COMMON_FIELDS)
        fields["kind"] = Field(Str(enum=(cls.kind,)), required=True, description=cls.DESCRIPTION)
        fields.update(cls.FIELDS)
        return Obj(fields=fields, at_least_one_of=cls.AT_LEAST_ONE_OF, description=cls.DESCRIPTION)

    def compile(self, spec: dict, ctx: CompileContext) -> None:  # pragma: no cover - abstract
        pass

    def check(self, doc, run: RunContext) -> Iterator[Hit]:  # pragma: no cover - abstract
        raise NotImplementedError

    def format_message(self, match: str, values: dict[str, Any] | None,
                       suggestions: tuple[str, ...]) -> str:
        fields = {"match": match, "suggestion": suggestions[0] if suggestions else ""}
        if values:
            fields.update(values)
        return render_message(self.message, fields)

    # -- helpers for kinds -------------------------------------------------------------
    def keep_after_exceptions(self, doc, hits, exceptions) -> list[tuple[int, int]]:
        """Drop hits that an exception pattern covers within the same sentence."""
        if not exceptions:
            return hits
        kept = []
        for start, end in hits:
            idx = doc.sentence_index_at(start)
            if idx < 0:
                kept.append((start, end))
                continue
            s = doc.sentences[idx]
            if any(m.start() <= start and end <= m.end() or (m.start() < end and start < m.end())
                   for pattern in exceptions for m in _search(pattern, doc.prose, s.start, s.end)):
                continue
            kept.append((start, end))
        return kept


def _search(pattern, text: str, start: int, end: int):
    """``pattern.finditer(text, start, end)`` under the time limit (RuleTimeout past it)."""
    limit = regex_time_limit(end - start)
    try:
        yield from pattern.finditer(text, start, end, timeout=limit)
    except TimeoutError:
        raise RuleTimeout.of(pattern, limit) from None


def compile_pattern(pattern: str, case_sensitive: bool = False):
    """Compile a rule's regular expression. ``^`` and ``$`` match at the start and end of
    each block (blocks are separated by a blank line in the prose, and have no line breaks)."""
    flags = regex.V0 | regex.MULTILINE
    if not case_sensitive:
        flags |= regex.IGNORECASE
    return regex.compile(pattern, flags)


def compile_exceptions(spec: dict) -> list:
    return [compile_pattern(item, bool(spec.get("case-sensitive"))) for item in spec.get("exceptions", [])]


EXCEPTIONS_FIELD = Field(ListOf(Str(regex_syntax=True), min_items=1),
                         description="Regular expressions: a match they cover in the same sentence is not reported.")


def preserve_case(template: str, replacement: str) -> str:
    """Give ``replacement`` the capitalisation of ``template`` ("Slammed" -> "Criticized")."""
    if template.isupper() and len(template) > 1:
        return replacement.upper()
    if template[:1].isupper():
        return replacement[:1].upper() + replacement[1:]
    return replacement


# -- where a pattern can start ----------------------------------------------------------
_ZERO_WIDTH_GROUP = ("(?=", "(?!", "(?<=", "(?<!")
_QUANTIFIERS = "?*{"


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


def _split_top(source: str) -> list[str] | None:
    """``source`` split at its top-level ``|``; None if it is not simply balanced."""
    parts, depth, start = [], 0, 0
    for i, c in _metachars(source):
        if c == "[":
            return None
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth < 0:
                return None
        elif depth == 0:
            parts.append(source[start:i])
            start = i + 1
    if depth:
        return None
    parts.append(source[start:])
    return parts


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


def _leading_letters(alternative: str) -> str:
    """The run of plain ASCII letters an alternative must start with ("" if none): the
    letters up to the first other character, less the last one if a quantifier follows it."""
    i = 0
    while i < len(alternative) and alternative[i].isascii() and alternative[i].isalpha():
        i += 1
    if i < len(alternative) and alternative[i] in _QUANTIFIERS:
        i -= 1  # "fuell?ed": the second l is optional
    return alternative[:i]


def pattern_stems(source: str) -> tuple[str, ...] | None:
    """Literal stems (lower case) of which one occurs, case-insensitively, wherever the
    pattern matches, starting where the match starts -- or None when the pattern is not
    of that simple shape.

    The shape: each top-level alternative is zero-width assertions (``\\b``, lookarounds)
    followed by either plain letters ("caused") or a non-capturing group whose alternatives
    all begin with plain letters (``\\b(?:violat|breach|…)\\w*``), the group not optional."""
    parts = _split_top(source)
    if parts is None:
        return None
    stems: set[str] = set()
    for part in parts:
        i = 0
        while True:  # zero-width assertions
            if part.startswith("\\b", i):
                i += 2
            elif part.startswith(_ZERO_WIDTH_GROUP, i):
                end = _group_end(part, i)
                if end is None:
                    return None
                i = end
            else:
                break
        if part.startswith("(?:", i):
            end = _group_end(part, i)
            if end is None or part[end:end + 1] in tuple(_QUANTIFIERS):
                return None
            inner = _split_top(part[i + 3:end - 1])
            if inner is None:
                return None
            for alternative in inner:
                letters = _leading_letters(alternative)
                if not letters:
                    return None
                stems.add(letters.lower())
        else:
            letters = _leading_letters(part[i:])
            if not letters:
                return None
            stems.add(letters.lower())
    return tuple(sorted(stems))
