"""What every rule kind shares: common keys, scopes, word/pattern matching, the compile and
run contexts, message templates and the regex time limit (a hit is :class:`factlint.finding.Hit`)."""

from __future__ import annotations

import string
from collections.abc import Iterable, Iterator
from typing import Any

import regex

from ..finding import SEVERITIES, Hit
from ..phrases import CASELESS_SPECIALS, PhraseIndex, plain_apostrophes, with_hyphenated
from ..regexstart import STEM_DENSITY_LIMIT, StartPlan, compiled_stems, matches_at
from ..schema import AnyOf, Bool, Field, ListOf, Obj, Str
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
#: Span scopes: words inside a name or fixed term ("Crazy Eddie Inc", "April Fools' Day"), or
#: inside what an identified source is reported as saying, directly or not, do not count.
SPAN_SCOPES = ("outside-name", "outside-attributed")
SCOPE_NAMES = tuple(BLOCK_SCOPES) + QUOTE_SCOPES + SPAN_SCOPES

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


class Scope:
    """A rule's scope: block kinds (OR) and, optionally, inside or outside quotations."""

    __slots__ = ("kinds", "quote", "names", "outside_name", "outside_attributed")

    def __init__(self, names: Iterable[str]) -> None:
        self.names = tuple(names)
        kinds: set[str] | None = set()
        self.quote: str | None = None
        self.outside_name = "outside-name" in self.names
        self.outside_attributed = "outside-attributed" in self.names
        for name in self.names:
            if name in SPAN_SCOPES:
                continue
            if name in QUOTE_SCOPES:
                self.quote = name
            elif (scope_kinds := BLOCK_SCOPES[name]) is None:
                kinds = None
            elif kinds is not None:
                kinds |= scope_kinds
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
            if inside != (self.quote == "quote"):
                return False
        if self.outside_name and doc.in_name(start, end):
            return False
        if self.outside_attributed and doc.in_attributed(start, end):
            return False
        return True


#: A flag (or todo) example: a draft, or a draft with the words each finding must report.
FLAG_EXAMPLE = AnyOf(
    Str(),
    Obj(
        fields={
            "text": Field(Str(), required=True, description="The draft (Markdown)."),
            "match": Field(
                ListOf(Str(), min_items=1, allow_single=True),
                required=True,
                description="The exact text each of the rule's findings reports ({match}), in order: "
                "one string for one finding, a list for several ('' for a finding of the whole draft, as a metric reports).",
            ),
        }
    ),
    expected="a string, or a mapping with 'text' and 'match'",
)

COMMON_FIELDS: dict[str, Field] = {
    "id": Field(
        Str(pattern=RULE_ID, hint="use 'family/name', lower case, e.g. 'sourcing/vague-reports'"),
        required=True,
        description="Stable rule id: family/name.",
    ),
    "kind": Field(Str(), required=True, description="The rule kind."),
    "category": Field(
        Str(pattern=r"[a-z][a-z0-9-]*"),
        required=True,
        description="The family: sourcing, attribution, framing, editing, readability, or your own.",
    ),
    "severity": Field(
        Str(enum=SEVERITIES),
        required=True,
        description="error: never publish; warning: fix before publishing; info: consider.",
    ),
    "scope": Field(
        ListOf(Str(enum=SCOPE_NAMES), min_items=1, allow_single=True),
        description="Where the rule looks: block scopes (any of) and quote/outside-quote.",
    ),
    "message": Field(
        Str(), required=True, description="What to tell the writer; placeholders such as {match} are filled in."
    ),
    "why": Field(Str(), required=True, description="One or two sentences: why an editor cares."),
    "description": Field(Str(), description="Longer documentation (Markdown) for `factlint explain` and docs."),
    "link": Field(
        Str(pattern=r"https?://\S+", hint="an http(s) URL"),
        required=True,
        description="Where the guidance comes from (style guide, standard).",
    ),
    "examples": Field(
        Obj(
            fields={
                "flag": Field(
                    ListOf(FLAG_EXAMPLE, min_items=1),
                    required=True,
                    description="Drafts (Markdown) in which the rule must report a finding; a mapping "
                    "{text, match} pins the exact words each finding must report, in order.",
                ),
                "pass": Field(
                    ListOf(Str(), min_items=1),
                    required=True,
                    description="Near misses in which the rule must stay silent.",
                ),
                "todo": Field(
                    ListOf(FLAG_EXAMPLE, min_items=1),
                    description="Known misses: drafts the rule should flag but does not yet. Reported as todo; "
                    "test-rules fails once one is flagged (move it to flag).",
                ),
                "todo-pass": Field(
                    ListOf(Str(), min_items=1),
                    description="Known false alarms: drafts the rule flags but should not. Reported as todo; "
                    "test-rules fails once one is left alone (move it to pass).",
                ),
            }
        ),
        required=True,
        description="The rule's own tests, run by `factlint test-rules`.",
    ),
    "enabled": Field(Bool(), description="false: off unless selected explicitly (--select)."),
    "suggest": Field(ListOf(Str(), allow_single=True), description="Suggested replacements ({suggestion})."),
}

#: The flags :func:`compile_pattern` gives a rule's pattern unless the rule is case-sensitive
#: (most are): a pattern is checked with them when its rule file is validated, so compiling
#: it for the rule takes the regex module's cached copy. Whether a pattern compiles, and the
#: error if not, do not depend on IGNORECASE or MULTILINE.
PATTERN_FLAGS = regex.V0 | regex.MULTILINE | regex.IGNORECASE

#: Keys that match words and patterns, shared by several kinds.
TERM_FIELDS: dict[str, Field] = {
    "words": Field(
        ListOf(Str(), min_items=1),
        description="Literal words and phrases (whole words, case-insensitive); '@name' inserts a lexicon.",
    ),
    "patterns": Field(
        ListOf(Str(regex_syntax=True, regex_flags=PATTERN_FLAGS), min_items=1),
        description="Regular expressions (Python `regex` module syntax).",
    ),
    "case-sensitive": Field(Bool(), description="Match words and patterns case-sensitively (default false)."),
}


class Terms:
    """A compiled set of words (via the shared phrase index) and regular expressions."""

    __slots__ = ("key", "patterns", "stem_keys", "rule_id")

    def __init__(self, ctx: "CompileContext", spec: dict, rule_id: str) -> None:
        cs = bool(spec.get("case-sensitive", False))
        words = ctx.expand_words(spec.get("words", []), spec, "words")
        self.key = ctx.index.register(with_hyphenated(words), cs) if words else None
        self.patterns = [compile_pattern(p, cs) for p in spec.get("patterns", [])]
        self.stem_keys = [
            None if (plan := compiled_stems(p)) is None else StartPlan.register(plan, ctx.index) for p in self.patterns
        ]
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
        assert self._phrases is not None  # _scan sets it
        return self._phrases.get(key, [])

    def stem_starts(self, key: int) -> list[int] | None:
        """Where the stems registered under ``key`` occur in the prose (None: unknown)."""
        if self._stems is False:
            self._scan()
        if self._stems is None:
            return None
        assert isinstance(self._stems, dict)  # scanned above: a dict or None
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
                hits = [(m.start(), m.end()) for m in pattern.finditer(prose, timeout=limit) if m.end() > m.start()]
        except TimeoutError:
            raise RuleTimeout.of(pattern, limit) from None
        self._patterns[id(pattern)] = hits
        return hits


def example_text(example: str | dict) -> str:
    """An example's draft: the string itself, or a pinned example's ``text``."""
    return example if isinstance(example, str) else example["text"]


def example_pin(example: str | dict) -> tuple[str, ...] | None:
    """The words a pinned example's findings must report, in order (None: not pinned)."""
    if isinstance(example, str):
        return None
    match = example["match"]
    return (match,) if isinstance(match, str) else tuple(match)


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
            raise TemplateError(
                f"placeholder {{{name}{'!' + conversion if conversion else ''}"
                f"{':' + spec if spec else ''}}} takes no conversion or format; write {{{name}}}"
            )
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
        #: every example's draft, by kind (flag, pass, todo, todo-pass)
        self.examples: dict[str, list[str]] = {k: [example_text(e) for e in v] for k, v in examples.items()}
        #: the words pinned for each example (None: any finding will do), parallel to ``examples``
        self.example_pins: dict[str, list[tuple[str, ...] | None]] = {
            k: [example_pin(e) for e in v] for k, v in examples.items()
        }
        self.example_lines: dict[str, list[int]] = {
            k: list(v.lines) for k, v in examples.items() if hasattr(v, "lines")
        }
        self.description: str = spec.get("description", "")
        self.enabled: bool = spec.get("enabled", True)
        suggest = spec.get("suggest", [])
        self.suggest: tuple[str, ...] = (suggest,) if isinstance(suggest, str) else tuple(suggest)
        self.source = source
        self.pack = ""  # the pack it comes from (set by the loader): "builtin", an installed pack's name, a path
        self.line = spec.line if isinstance(spec, LineDict) else 0
        self.spec = dict(spec)
        if not self.id.startswith(self.category + "/"):
            raise CompileError(
                _line(spec, "id"), "id", f"id '{self.id}' must start with its category '{self.category}/'"
            )
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
            raise CompileError(
                line, key, f"not a valid message template: {exc} (write {{{{ and }}}} for literal braces)"
            ) from None
        unknown = keys - set(self.MESSAGE_KEYS)
        if unknown:
            raise CompileError(
                line,
                key,
                f"unknown placeholder {{{sorted(unknown)[0]}}}; this kind offers "
                + ", ".join("{" + k + "}" for k in self.MESSAGE_KEYS),
            )

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

    def format_message(
        self, match: str, values: dict[str, Any] | None, suggestions: tuple[str, ...], template: str | None = None
    ) -> str:
        fields = {"match": match, "suggestion": suggestions[0] if suggestions else ""}
        if values:
            fields.update(values)
        return render_message(self.message if template is None else template, fields)

    # -- helpers for kinds -------------------------------------------------------------
    def keep_after_exceptions(self, doc, hits, exceptions) -> list[tuple[int, int]]:
        """Drop hits that an exception pattern covers within the same sentence."""
        if not exceptions:
            return hits
        # only the patterns that can match in the sentence (Exceptions.could_match), once a sentence
        narrow = getattr(exceptions, "could_match", None)
        tried: dict[int, list] = {}
        kept = []
        for start, end in hits:
            idx = doc.sentence_index_at(start)
            if idx < 0:
                kept.append((start, end))
                continue
            s = doc.sentences[idx]
            patterns = tried.get(idx)
            if patterns is None:
                patterns = tried[idx] = narrow(doc.prose, s.start, s.end) if narrow is not None else exceptions
            if any(
                m.start() <= start and end <= m.end() or (m.start() < end and start < m.end())
                for pattern in patterns
                for m in _search(pattern, doc.prose, s.start, s.end)
            ):
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
    flags = PATTERN_FLAGS if not case_sensitive else regex.V0 | regex.MULTILINE
    return regex.compile(pattern, flags)


def compile_exceptions(spec: dict) -> "Exceptions":
    return Exceptions(compile_pattern(item, bool(spec.get("case-sensitive"))) for item in spec.get("exceptions", []))


class Exceptions(list):
    """A rule's compiled exception patterns (a list of them), and which of them can match in
    a sentence (:meth:`could_match`): every match of a pattern holds one of its stems
    (:func:`factlint.regexstart.compiled_stems`: literal strings, found ignoring case), so a
    pattern none of whose stems is in the sentence is not searched there. A hit with an
    exception searches its sentence once per pattern; most sentences hold no stem of most."""

    _finder: Any = None  # (automaton of stems -> pattern indexes or None, indexes always tried)
    _asked = 0  # sentences asked about before the automaton was built
    #: the sentences asked about (in this process) for which every pattern is searched, before
    #: the stems are found: finding them costs about what searching 90 sentences does
    SEARCH_ALL_FIRST = 64

    def could_match(self, text: str, start: int, end: int) -> list:
        """The patterns that may match in ``text[start:end]``, in order (a pattern whose
        stems are unknown, or any that are not ASCII, is always among them)."""
        if self._finder is None:
            self._asked += 1
            if self._asked <= self.SEARCH_ALL_FIRST:
                return self  # a few sentences: searching them costs less than finding the stems
            self._finder = self._build()
        automaton, always = self._finder
        if automaton is None:
            return self
        part = text[start:end]
        if not part.isascii() and any(c in part for c in CASELESS_SPECIALS):
            return self  # a character matching an ASCII letter other than its two cases
        found = set(always)
        for _, indexes in automaton.iter(plain_apostrophes(part).lower()):
            found.update(indexes)
        if len(found) == len(self):
            return self
        return [pattern for i, pattern in enumerate(self) if i in found]

    def _build(self):
        import ahocorasick

        by_stem: dict[str, set[int]] = {}
        always = []
        for i, pattern in enumerate(self):
            plan = compiled_stems(pattern)
            variant = plan[0] if plan else ()  # each variant alone says where every match can be
            stems = {plain_apostrophes(stem).lower() for strings, _prefix in variant for stem in strings}
            if not stems or not all(stem and stem.isascii() for stem in stems):
                always.append(i)
                continue
            for stem in stems:
                by_stem.setdefault(stem, set()).add(i)
        if not by_stem:
            return None, tuple(always)
        automaton = ahocorasick.Automaton()
        for stem, indexes in by_stem.items():
            automaton.add_word(stem, tuple(sorted(indexes)))
        automaton.make_automaton()
        return automaton, tuple(always)

    def __reduce__(self):
        return (Exceptions, (list(self),))  # pickled without the automaton (built again on use)


EXCEPTIONS_FIELD = Field(
    ListOf(Str(regex_syntax=True, regex_flags=PATTERN_FLAGS), min_items=1),
    description="Regular expressions: a match they cover in the same sentence is not reported.",
)


def preserve_case(template: str, replacement: str) -> str:
    """Give ``replacement`` the capitalisation of ``template`` ("Slammed" -> "Criticized")."""
    if template.isupper() and len(template) > 1:
        return replacement.upper()
    if template[:1].isupper():
        return replacement[:1].upper() + replacement[1:]
    return replacement
