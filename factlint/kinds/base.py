"""What every rule kind shares: common keys, scopes, hits, word/pattern matching."""
from __future__ import annotations

import string
import unicodedata
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
    message: str | None = None  # a message template that replaces the rule's for this hit


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
        self.stem_keys = [None if (plan := compiled_stems(p)) is None else StartPlan.register(plan, ctx.index)
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


#: No memo yet (a memo may be None).
_MISSING = object()


class RunContext:
    """Per-document state shared by all rules: the one phrase scan, rule kinds' memos, errors."""

    def __init__(self, doc, index: PhraseIndex) -> None:
        self.doc = doc
        self.index = index
        self._phrases: dict[int, list[tuple[int, int]]] | None = None
        self._patterns: dict[int, list[tuple[int, int]]] = {}
        self._stems: dict[int, list[int]] | None | bool = False  # False: not scanned yet
        self._terms: dict[int, list[tuple[int, int]]] = {}  # Terms.find, by id(terms)
        self.errors: list[tuple[str, str]] = []  # (rule id, message)
        #: what rule kinds work out once per document and share between rules (the metric
        #: kind's units and counts, the sentence kind's sentences with links or quotations
        #: and attributions by sentence), by a key of the kind's own: see :meth:`memo`
        self.memos: dict = {}

    def memo(self, key, build):
        """``build()``, once per document for ``key`` (a rule kind's memo: the document itself
        is finished by ``parse`` and never written into)."""
        found = self.memos.get(key, _MISSING)
        if found is _MISSING:
            found = self.memos[key] = build()
        return found

    def _scan(self) -> None:
        """The one phrase-index pass: phrases and stems."""
        from ..phrases import scan_document

        self._phrases, self._stems = scan_document(self.doc, self.index)

    def phrase_hits(self, key: int) -> list[tuple[int, int]]:
        if self._phrases is None:
            self._scan()
        return self._phrases.get(key, [])

    def stem_starts(self, key: int) -> list[int] | None:
        """Where the stems registered under ``key`` occur in the prose (None: unknown)."""
        if self._stems is False:
            self._scan()
        if self._stems is None:
            return None
        return self._stems.get(key, [])

    def pattern_hits(self, pattern, rule_id: str, plan: "StartPlan | None" = None) -> list[tuple[int, int]]:
        """Non-empty matches of ``pattern.finditer`` over the prose. With ``plan`` (where the
        pattern can start, :func:`pattern_stems`), the pattern is tried only there -- the
        same matches, when those places are rare enough to be worth it."""
        cached = self._patterns.get(id(pattern))
        if cached is not None:
            return cached
        prose = self.doc.prose
        limit = regex_time_limit(len(prose))
        starts = plan.starts(self, len(prose) // STEM_DENSITY_LIMIT) if plan is not None else None
        try:
            if starts is not None:
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
        self.check_template(self.message, _line(spec, "message"), "message")
        self.compile(spec, ctx)

    def check_template(self, template: str, line: int, key: str) -> None:
        """Raise CompileError (at ``line``, ``key``) unless ``template`` is a message
        template with only this kind's placeholders."""
        try:
            keys = message_keys(template)
        except TemplateError as exc:
            raise CompileError(line, key, str(exc)) from None
        except ValueError as exc:  # an unbalanced brace
            raise CompileError(line, key,
                               f"not a valid message template: {exc} (write {{{{ and }}}} for literal braces)") from None
        unknown = keys - set(self.MESSAGE_KEYS)
        if unknown:
            raise CompileError(line, key, f"unknown placeholder {{{sorted(unknown)[0]}}}; this kind offers "
                               + ", ".join("{" + k + "}" for k in self.MESSAGE_KEYS))

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
                       suggestions: tuple[str, ...], template: str | None = None) -> str:
        fields = {"match": match, "suggestion": suggestions[0] if suggestions else ""}
        if values:
            fields.update(values)
        return render_message(self.message if template is None else template, fields)

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
#
# A pattern is read into a small syntax tree (only the constructs below; anything else
# means "no fast path"), and each top-level alternative is walked from its start to its
# first *anchor*: a run of literal characters (or small sets of them) that every match of
# the alternative contains. The characters a match can hold before its anchor (the
# *prefix*: ``\w+s\s+`` before "caused", ``\d[\d,.]*\s*`` before "%") are collected as
# character classes. Then a match can only start at an occurrence of the anchor, or -- with
# a prefix -- anywhere in the run of prefix characters that ends there.

class _Unsupported(Exception):
    """A construct the analysis does not read: the pattern gets no fast path."""


_ESC_ZERO_WIDTH = set("bBAZ")
_ESC_CLASSES = set("wWsSdD")
_GROUP_FLAGS = set("ims-")  # scoped flags that change neither what a literal is nor where
_MAX_ANCHORS = 16           # anchor strings per run ("first[- ]ever": 2)
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
    text = source[i:j + 1]
    chars: list[str] | None = []
    k = i + 1
    while k < j:
        c = source[k]
        if c == "\\":
            e = source[k + 1] if k + 1 < j else ""
            if e.isascii() and not e.isalnum() and e:
                chars.append(e)
                k += 2
                continue
            chars = None
            break
        if c == "-" and k not in (i + 1, j - 1):
            chars = None  # a range
            break
        chars.append(c)
        k += 1
    return ["set", 1, 1, (text, tuple(dict.fromkeys(chars)) if chars else None)], j + 1


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
    elif source.startswith("(?P<", i) or (source.startswith("(?<", i) and source[i + 3:i + 4].isalpha()):
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
    return (unicodedata.category(c)[0] in "PS" and c.lower() == c and c.upper() == c
            and c.casefold() == c)


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
                for taken in seq[k:k + used]:
                    prefix = prefix | _classes(taken)
                k += used
                continue
            if kind == "group":
                again = [["group", 0, None, payload]] if hi != 1 else []
                ways = []
                for alt in payload:
                    ways.extend(_walk(alt + again + seq[k + 1:], prefix, anchors, depth, budget))
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
    by_stems: dict[tuple[str, ...], frozenset | None] = {}
    for prefix, stems in by_prefix.items():
        key = tuple(sorted(stems))
        by_stems[key] = by_stems.get(key, frozenset()) | prefix
    return tuple(sorted(((stems, "|".join(sorted(prefix)) if prefix else None)
                         for stems, prefix in by_stems.items()),
                        key=lambda sp: (sp[1] is not None, sp[1] or "", sp[0])))


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

    def starts(self, run: "RunContext", limit: int) -> list[int] | None:
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
    def expand(run: "RunContext", parts, limit: int) -> list[int] | None:
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
