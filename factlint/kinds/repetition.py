"""``repetition``: the same thing too often.

* ``mode: adjacent`` -- a word written twice in a row ("the the"), except the words in
  ``allow`` (grammatical doubles such as "had had", "that that") and capitalised doubles
  other than function words, which are names (Duran Duran, Walla Walla, Sirhan Sirhan);
  "The The council" is still a slip. Fix: keep one -- a safe fix only for the words in
  ``safe-fix`` (a doubling that can never be grammatical: "the the", "a a", "to to"); any
  other double ("how does remote work work", "call racism racism") is reported with the
  same fix marked unsafe, applied only with --unsafe-fixes. Without ``safe-fix`` every fix
  is unsafe.
* ``mode: count`` -- ``words``/``patterns`` matched at least ``min`` times within one
  ``unit`` (sentence, paragraph or document): stacked speculation, say. The finding is
  placed on the match that reaches ``min``.
"""

from __future__ import annotations

import re
import sys
import unicodedata

import regex

from ..finding import Hit
from ..schema import Field, ListOf, Num, Str
from .base import TERM_FIELDS, CompileError, Rule, Terms, _line

_DOUBLED = regex.compile(r"(?<![\p{L}\p{N}’'-])(\p{L}+(?:['’]\p{L}+)?) (\1)(?![\p{L}\p{N}’'-])", regex.IGNORECASE)
#: A looser pattern for the standard library's faster engine: it matches wherever
#: _DOUBLED does (letters are word characters; it forbids only letters and digits around
#: the pair, where _DOUBLED also forbids apostrophes and hyphens), and more. It finds
#: the few blocks worth running _DOUBLED on.
#: For ASCII prose, lower-cased with "_" made a space: there a word character is a letter
#: or a digit, so ``\b`` is _CANDIDATE's lookarounds, and the back-reference need not
#: ignore case -- a simpler pattern the engine tries faster (_CANDIDATE_ASCII).
if sys.version_info >= (3, 11):
    # Possessive runs (Python 3.11): a run of letters is followed by an apostrophe or the
    # space, neither of them a letter, so giving a letter back never lets a match succeed --
    # the same matches, without the engine trying every shorter run (half the search time).
    _CANDIDATE = re.compile(r"(?<![^\W_])([^\W\d_]++(?:['’][^\W\d_]+)?+) \1(?![^\W_])", re.IGNORECASE)
    _CANDIDATE_ASCII = re.compile(r"\b([a-z]++(?:'[a-z]+)?+) \1\b")
else:
    _CANDIDATE = re.compile(r"(?<![^\W_])([^\W\d_]+(?:['’][^\W\d_]+)?) \1(?![^\W_])", re.IGNORECASE)
    _CANDIDATE_ASCII = re.compile(r"\b([a-z]+(?:'[a-z]+)?) \1\b")
_UNDERSCORE = str.maketrans("_", " ")


def doubled_words(doc):
    """The matches of _DOUBLED in the prose, in order. A match never crosses a block
    (blocks are separated by a blank line), so only blocks with a candidate are searched."""
    prose = doc.prose
    if prose.isascii():
        candidates = _CANDIDATE_ASCII.finditer(prose.lower().translate(_UNDERSCORE))
    else:
        folded = _folded(prose)
        if folded is None:  # characters the standard library does not know: search everything
            yield from _DOUBLED.finditer(prose)
            return
        candidates = _CANDIDATE.finditer(folded)
    last = None
    for candidate in candidates:
        block = doc.block_at(candidate.start())
        if block is None or block is last:
            continue
        last = block
        yield from _DOUBLED.finditer(prose, block.pstart, block.pend)


def _folded(prose: str) -> str | None:
    """``prose`` with each letter replaced by one case form (same length), so that the
    standard library's case-insensitive back-reference equates every pair the ``regex``
    module's simple case folding does (σ/ς, s/ſ, k/K...). None if it holds a character
    unassigned in this Python's Unicode database (the ``regex`` module may know it)."""
    if prose.isascii():
        return prose
    table = {}
    for c in set(prose):
        if c.isascii():
            continue
        if unicodedata.category(c) == "Cn":
            return None
        folded = c.casefold()
        if len(folded) != 1:
            folded = c.lower()
        if len(folded) == 1 and folded != c:
            table[ord(c)] = folded
    return prose.translate(table) if table else prose


#: Words that are never names: "The The council" is a slip even though both are capitalised.
_FUNCTION_WORDS = frozenset(
    "the a an and or but of in on at to for by with from as is was are were be it its this that "
    "these those he she they we i you his her their our my your not".split()
)


class RepetitionRule(Rule):
    kind = "repetition"
    SCOPES_ITSELF = True
    DESCRIPTION = "A word doubled in a row, or listed words used too often in one sentence, paragraph or document."
    MESSAGE_KEYS = ("match", "suggestion", "count", "min", "unit", "words")
    FIELDS = {
        "mode": Field(
            Str(enum=("adjacent", "count")),
            required=True,
            description="adjacent: a word twice in a row; count: listed words too often in a unit.",
        ),
        "allow": Field(
            ListOf(Str(), min_items=1), description="adjacent mode: words that may be doubled ('had', 'that')."
        ),
        "safe-fix": Field(
            ListOf(Str(), min_items=1),
            description="adjacent mode: words whose doubling is never grammatical ('the', 'a', 'to'); "
            "only their fix is safe, every other doubled word's fix is unsafe.",
        ),
        **TERM_FIELDS,
        "min": Field(Num(minimum=2, integer=True), description="count mode: how many matches make a finding."),
        "unit": Field(
            Str(enum=("sentence", "paragraph", "document")),
            description="count mode: where matches are counted (default paragraph).",
        ),
    }

    def compile(self, spec, ctx):
        self.mode = spec["mode"]
        self.allow = frozenset(w.lower() for w in ctx.expand_words(spec.get("allow", []), spec, "allow"))
        self.safe_fix = frozenset(w.lower() for w in ctx.expand_words(spec.get("safe-fix", []), spec, "safe-fix"))
        self.terms = Terms(ctx, spec, self.id)
        self.min = int(spec.get("min", 3))
        self.unit = spec.get("unit", "paragraph")
        if self.mode == "count" and not self.terms:
            raise CompileError(_line(spec, "mode"), "mode", "count mode needs `words` or `patterns`")

    def check(self, doc, run):
        if self.mode == "adjacent":
            yield from self._adjacent(doc)
        else:
            yield from self._count(doc, run)

    def _adjacent(self, doc):
        for m in doubled_words(doc):
            if m.group(1).lower() in self.allow:
                continue
            if m.group(1)[:1].isupper() and m.group(2)[:1].isupper() and m.group(1).lower() not in _FUNCTION_WORDS:
                continue  # a name: Duran Duran, Walla Walla
            if doc.block_at(m.start()) is not doc.block_at(m.end() - 1):
                continue
            if not self.scope.accepts(doc, m.start(), m.end()):
                continue
            yield Hit(
                m.start(),
                m.end(),
                suggestions=(m.group(1),),
                fix=m.group(1),
                fix_safe=m.group(1).lower() in self.safe_fix,
            )

    def _count(self, doc, run):
        hits = [h for h in self.terms.find(doc, run) if self.scope.accepts(doc, h[0], h[1])]
        groups: dict[int, list[tuple[int, int]]] = {}
        for h in hits:
            if self.unit == "document":
                key = 0
            elif self.unit == "sentence":
                key = doc.sentence_index_at(h[0])
            else:
                block = doc.block_at(h[0])
                key = block.index if block else -1
            groups.setdefault(key, []).append(h)
        for key, group in groups.items():
            if key < 0 or len(group) < self.min:
                continue
            start, end = group[self.min - 1]
            words = ", ".join(dict.fromkeys(doc.prose[a:b].lower() for a, b in group))
            yield Hit(start, end, values={"count": len(group), "min": self.min, "unit": self.unit, "words": words})
