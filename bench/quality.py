"""Quality benchmark for factlint: how well the rules agree with annotated news.

Run from the repository root::

    python bench/quality.py                   # real linter, default sizes
    python bench/quality.py --linter regex    # the plain regex-list baseline alone
    python bench/quality.py --baseline-regex --json bench/out/quality.json --sample 5

The corpora are research data (see ``shared/corpora/README.md``). They are read where they
lie (``../shared/corpora`` next to the repository, or ``--corpora PATH``) and nothing from
them is ever written into the repository: the ``--json`` file holds numbers and rule ids
only, and the text excerpts of ``--sample`` go to the terminal.  When the corpora are
absent the script prints one line and exits 0.

Conventions used everywhere
---------------------------
* Spans are half-open character offsets ``[start, end)`` into Python ``str`` text.  A
  finding *hits* a span when they share at least one character.  A zero-length finding
  is treated as covering the one character at its offset.
* Findings are normalised to :class:`Hit` (start, end, line, rule, category).  The line is
  recomputed from the offset (1-based, lines split on ``\\n``) so that the slip benchmark's
  line arithmetic never depends on the linter's own line counting.
* The linter is pluggable: any callable ``text -> iterable of findings`` where a finding
  is an object or dict with ``offset``/``end_offset`` (or ``start``/``end``), ``rule``
  and ``category``.  ``factlint_linter()`` wraps ``factlint.lint_text`` (imported lazily,
  all corpus texts linted as plain text, ``path="<corpus>.txt"``);
  ``regex_baseline_linter`` is a plain list of regexes for the obvious phrases, used as a
  comparison row and as a stand-in while the engine is being written.

Definitions (fixed by the product owner)
----------------------------------------
**Sourcing on PolNeAR.**  An attribution is the BRAT event ``E<n>`` tying a trigger
(``Attribution`` or ``Attribution-no-source``) to its Source, Cue and Content(s).  For
texts with several annotators' ``.ann`` files, the alphabetically first file is used.
Every text-bound span is checked against the text (the ``.ann`` span text must equal
``text[start:end]``, fragments of a discontinuous span joined by one space); attributions
using a mismatched span are skipped and counted.  An attribution is *vague* when it has
no Source, or when the head word of its Source (:func:`source_head_word`) is in
:data:`GENERIC_SOURCE_HEADS`.  A missing Cue falls back to the trigger span.

* recall = vague attributions with a ``sourcing`` finding overlapping their Source or
  Cue / vague attributions; also reported for the *generic-head* ones alone (vague but
  with a Source) and for the *sourceless* ones alone.
* precision = ``sourcing`` findings overlapping a vague attribution's Source or Cue /
  ``sourcing`` findings.

**Attribution misfires on PolNeAR.**  Share of ``attribution`` findings whose start offset
lies inside a Content span (``Content``, ``Content2``, ...) of an attribution with a
named Source (present and not vague; pronouns count as named).

**Framing on PTC.**  precision = ``framing`` findings overlapping any technique span (any
of the 14) / ``framing`` findings; recall = spans of Loaded_Language,
Name_Calling,Labeling, Exaggeration,Minimisation and Doubt overlapped by a ``framing``
finding / those spans.

**Noise on wire copy.**  Each Reuters story is linted as plain text laid out as
``title + "\\n\\n" + body`` (the same layout as the slips benchmark, where the title must
be present for a duplicated headline to be detectable).  Rate = findings per 1,000 words,
per family and in total, where words are the whitespace-separated tokens of the *body*
(as defined; the title line is linted but not counted as words).  By default a seeded
random sample of ``--limit`` stories is used; ``--full`` uses all of them.

**Slips on wire copy.**  Each sampled story receives exactly one injected slip (see
:data:`SLIP_TYPES`); types are assigned round-robin, skipping a type that a story offers
no place for, so the types stay balanced.  Positions are drawn from
``random.Random(f"{seed}:{newid}")``, so a story's slip does not depend on the sample.
Every slip records *line pairs* ``(line in modified text, corresponding line in the
original)``: the same line for in-line edits, and the copied line for inserted copies
(duplicated headline, paragraph pasted twice), whose both copies are slip lines.  A slip
is *detected* when, for some pair, the set of ``editing`` rule ids on the modified line
contains a rule id absent from the set on the corresponding original line.
"""

from __future__ import annotations

import argparse
import bisect
import json
import random
import re
import sys
import time
import zlib
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPORA = REPO_ROOT.parent / "shared" / "corpora"
DEFAULT_SEED = 20261125
DEFAULT_STORY_LIMIT = 2000
FAMILIES = ("sourcing", "attribution", "framing", "editing", "readability")
BENCHMARKS = ("sourcing", "attribution", "framing", "noise", "slips")

Span = tuple[int, int]

# --------------------------------------------------------------------------------------
# Findings, spans and linters
# --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Hit:
    """One linter finding, reduced to what the benchmark needs."""

    start: int
    end: int
    line: int
    rule: str
    category: str


def overlaps(start: int, end: int, span: Span) -> bool:
    """True when ``[start, end)`` and ``span`` share at least one character."""
    end = max(end, start + 1)
    return start < span[1] and span[0] < end


def hits_any(hit: Hit, spans: Iterable[Span]) -> bool:
    return any(overlaps(hit.start, hit.end, span) for span in spans)


def starts_inside(hit: Hit, spans: Iterable[Span]) -> bool:
    return any(span[0] <= hit.start < span[1] for span in spans)


class LineIndex:
    """Maps character offsets to 1-based line numbers."""

    def __init__(self, text: str) -> None:
        self._starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def line_of(self, offset: int) -> int:
        return bisect.bisect_right(self._starts, offset)

    def line_start(self, line: int) -> int:
        return self._starts[line - 1]


def _field(finding: Any, *names: str) -> Any:
    for name in names:
        if isinstance(finding, dict):
            if name in finding:
                return finding[name]
        elif hasattr(finding, name):
            return getattr(finding, name)
    raise KeyError(f"finding has none of {names}: {finding!r}")


def normalise_findings(raw: Iterable[Any], text: str) -> list[Hit]:
    """Turn findings (objects or dicts) into :class:`Hit` with lines computed from offsets."""
    index = LineIndex(text)
    hits = []
    for finding in raw:
        start = int(_field(finding, "offset", "start"))
        end = int(_field(finding, "end_offset", "end"))
        rule = str(_field(finding, "rule"))
        category = str(_field(finding, "category"))
        hits.append(Hit(start, end, index.line_of(start), rule, category))
    return hits


Linter = Callable[[str], Iterable[Any]]


def factlint_linter() -> Linter:
    """The real engine: rules compiled once, every text linted as plain text."""
    from factlint import lint_text, load_rules  # lazy: the module imports without factlint

    rules = load_rules()

    def lint(text: str) -> list[Any]:
        return lint_text(text, path="corpus.txt", rules=rules)

    return lint


# The plain regex list: the obvious phrases an editor would grep for.  Written for this
# benchmark (not taken from any corpus).  A named group ``hit`` narrows the finding.
BASELINE_PATTERNS: tuple[tuple[str, str, str], ...] = (
    (
        "sourcing/vague-reports",
        "sourcing",
        r"(?i)\baccording to (?:multiple |several |some |many |media |news |press |unconfirmed )?"
        r"reports\b",
    ),
    ("sourcing/reportedly", "sourcing", r"(?i)\b(?:reportedly|allegedly|purportedly)\b"),
    (
        "sourcing/bare-group-says",
        "sourcing",
        r"(?i)\b(?:sources|officials|critics|experts|analysts|observers|insiders|aides|people)"
        r" (?:say|says|said|believe|believed|told|warn|warned|claim|claimed|argue|argued|fear)\b",
    ),
    (
        "sourcing/sources-close-to",
        "sourcing",
        r"(?i)\b(?:sources?|people|officials?) (?:close to|familiar with|with knowledge of)\b",
    ),
    ("sourcing/some-say", "sourcing", r"(?i)\b(?:some|many|others) (?:say|said|believe|argue|claim)\b"),
    ("sourcing/it-is-said", "sourcing", r"(?i)\bit (?:is|was|has been) (?:said|reported|rumou?red|claimed|believed)\b"),
    (
        "attribution/it-is-clear",
        "attribution",
        r"(?i)\bit(?: is|'s|’s) (?:clear|obvious|undeniable|well known|widely known|no secret)"
        r" that\b",
    ),
    (
        "attribution/certainty-adverb",
        "attribution",
        r"(?i)\b(?:undoubtedly|unquestionably|without (?:a|any) doubt|everyone knows|of course)\b",
    ),
    (
        "attribution/studies-show",
        "attribution",
        r"(?i)\b(?:studies|research|science|data) (?:shows?|have shown|has shown|proves?)\b",
    ),
    ("framing/slammed", "framing", r"(?i)\b(?:slammed|slams|blasted|blasts|lashed out|ripped into|torched)\b"),
    ("framing/so-called", "framing", r"(?i)\bso-called\b"),
    (
        "framing/hype",
        "framing",
        r"(?i)\b(?:seismic|bombshell|firestorm|explosive|stunning|shocking|outrageous|disastrous"
        r"|catastrophic|draconian|hysteria|hysterical)\b",
    ),
    ("framing/labels", "framing", r"(?i)\b(?:radical|extremists?|thugs?|regime|cronies)\b"),
    ("editing/doubled-word", "editing", r"(?i)\b(?P<w>[a-z]+)\s+(?P=w)\b"),
    ("editing/tk", "editing", r"\bTK\b"),
    ("editing/missing-space", "editing", r"[a-z]{2}(?P<hit>[.?!][A-Z])[a-z]"),
    ("editing/lone-quote", "editing", r'(?m)^[^"\n]*(?P<hit>")[^"\n]*$'),
    ("editing/duplicated-headline", "editing", r"\A(?P<head>[^\n]+)\n\n(?P<hit>(?P=head))\n"),
    (
        "editing/duplicated-paragraph",
        "editing",
        r"(?m)^(?P<para>[ \t]*\S[^\n]{30,})\n(?:[^\n]*\n){0,15}?(?P<hit>(?P=para))$",
    ),
    (
        "readability/wordy",
        "readability",
        r"(?i)\b(?:in order to|due to the fact that|at this point in time|utili[sz]e)\b",
    ),
)
_COMPILED_BASELINE = tuple((rule, cat, re.compile(p)) for rule, cat, p in BASELINE_PATTERNS)


def regex_baseline_linter(text: str) -> list[dict[str, Any]]:
    """Lint ``text`` with :data:`BASELINE_PATTERNS`; findings are small dicts."""
    findings = []
    for rule, category, pattern in _COMPILED_BASELINE:
        for match in pattern.finditer(text):
            group = "hit" if "hit" in pattern.groupindex else 0
            findings.append(
                {"offset": match.start(group), "end_offset": match.end(group), "rule": rule, "category": category}
            )
    return findings


def lint(linter: Linter, text: str) -> list[Hit]:
    return normalise_findings(linter(text), text)


# --------------------------------------------------------------------------------------
# Ratios, examples and results
# --------------------------------------------------------------------------------------


@dataclass
class Ratio:
    num: int = 0
    den: int = 0

    @property
    def value(self) -> float | None:
        return self.num / self.den if self.den else None

    def add(self, success: bool) -> None:
        self.den += 1
        self.num += int(success)

    def __str__(self) -> str:
        value = "  n/a" if self.value is None else f"{self.value:.3f}"
        return f"{value} ({self.num}/{self.den})"

    def as_json(self) -> dict[str, Any]:
        return {"value": self.value, "numerator": self.num, "denominator": self.den}


@dataclass
class Example:
    """A span worth showing a rule author (printed with ``--sample``, never saved)."""

    doc: str
    text: str
    start: int
    end: int
    note: str


@dataclass
class BenchResult:
    """Headline metrics (``Ratio`` or number), per-rule breakdowns and examples."""

    name: str
    metrics: dict[str, Ratio | float | int] = field(default_factory=dict)
    breakdowns: dict[str, dict[str, Any]] = field(default_factory=dict)
    examples: dict[str, list[Example]] = field(default_factory=dict)

    def as_json(self) -> dict[str, Any]:
        metrics = {k: v.as_json() if isinstance(v, Ratio) else v for k, v in self.metrics.items()}
        breakdowns = {
            k: {rule: v.as_json() if isinstance(v, Ratio) else v for rule, v in table.items()}
            for k, table in self.breakdowns.items()
        }
        return {"metrics": metrics, "breakdowns": breakdowns}


def per_rule_ratios(outcomes: Iterable[tuple[str, bool]]) -> dict[str, Ratio]:
    """``(rule, success)`` pairs -> one Ratio per rule, sorted by rule id."""
    table: dict[str, Ratio] = defaultdict(Ratio)
    for rule, success in outcomes:
        table[rule].add(success)
    return dict(sorted(table.items()))


# --------------------------------------------------------------------------------------
# PolNeAR: BRAT parsing and vague sources
# --------------------------------------------------------------------------------------

# A Source is vague when its head word is one of these generic nouns: bare groups and
# roles that do not say who is speaking.  The list is the product owner's, lowercased,
# singular and plural forms written out.  Pronouns (he, she, they, we, I, you, it) are
# deliberately absent: a pronoun points back to a source the story has named, so it is
# not vague sourcing.  "spokesperson"/"spokesman" are absent too: a spokesperson speaks
# on the record for a named body.
GENERIC_SOURCE_HEADS = frozenset(
    {
        "official",
        "officials",
        "source",
        "sources",
        "report",
        "reports",
        "critic",
        "critics",
        "expert",
        "experts",
        "analyst",
        "analysts",
        "observer",
        "observers",
        "aide",
        "aides",
        "person",
        "persons",
        "people",
        "insider",
        "insiders",
        "diplomat",
        "diplomats",
        "authority",
        "authorities",
        "lawmaker",
        "lawmakers",
        "adviser",
        "advisers",
        "advisor",
        "advisors",
        "member",
        "members",
        "staffer",
        "staffers",
        "strategist",
        "strategists",
        "operative",
        "operatives",
        "supporter",
        "supporters",
        "opponent",
        "opponents",
        "activist",
        "activists",
        "resident",
        "residents",
        "witness",
        "witnesses",
        "economist",
        "economists",
        "scientist",
        "scientists",
        "researcher",
        "researchers",
        "commentator",
        "commentators",
        "pundit",
        "pundits",
        "voter",
        "voters",
        "american",
        "americans",
        # quantifiers standing alone as a source
        "some",
        "many",
        "others",
        "few",
        "several",
        "most",
        "everyone",
        "anyone",
        "someone",
        "somebody",
    }
)

# The head word of a Source is its last word before the first of these words ("officials
# familiar with the talks" -> "officials") ...  The product owner's list (of, who,
# familiar, close, in, at, from, with, that) extended with the other prepositions,
# relative pronouns and participles that follow a head noun in news prose.
HEAD_CUT_WORDS = frozenset(
    {
        "of",
        "who",
        "whom",
        "whose",
        "which",
        "that",
        "familiar",
        "close",
        "in",
        "at",
        "from",
        "with",
        "for",
        "on",
        "to",
        "under",
        "within",
        "inside",
        "among",
        "across",
        "around",
        "near",
        "outside",
        "knowledgeable",
        "involved",
        "briefed",
        "based",
        "speaking",
        "working",
        "allied",
        "loyal",
        "aligned",
        "connected",
    }
)
# ... or before the first of these characters ("Smith, a senior official" -> "Smith").
HEAD_CUT_CHARS = re.compile(r"[,(;:\[—–]|\s-{1,2}\s|--")
_EDGE_PUNCTUATION = re.compile(r"^\W+|\W+$")


def _bare_word(word: str) -> str:
    return _EDGE_PUNCTUATION.sub("", word.lower())


def source_head_word(source_text: str) -> str | None:
    """The last word of the Source before any cut word or character, lowercased and
    stripped of punctuation.  A Source that begins with a cut word keeps its last word.
    ``None`` when the span has no word at all."""
    words = HEAD_CUT_CHARS.split(source_text, maxsplit=1)[0].split()
    for i, word in enumerate(words):
        if i > 0 and _bare_word(word) in HEAD_CUT_WORDS:
            words = words[:i]
            break
    candidates = [_bare_word(w) for w in words] or [_bare_word(w) for w in source_text.split()]
    candidates = [w for w in candidates if w]
    return candidates[-1] if candidates else None


def is_vague_source(source_text: str | None) -> bool:
    """No Source at all, or a Source whose head word is a generic noun."""
    if source_text is None:
        return True
    return source_head_word(source_text) in GENERIC_SOURCE_HEADS


@dataclass(frozen=True)
class TextBound:
    tid: str
    label: str
    spans: tuple[Span, ...]
    text: str


@dataclass(frozen=True)
class Attribution:
    source: tuple[Span, ...]  # empty when the attribution has no Source
    cue: tuple[Span, ...]
    content: tuple[Span, ...]
    source_text: str | None

    @property
    def has_source(self) -> bool:
        return self.source_text is not None

    @property
    def vague(self) -> bool:
        return is_vague_source(self.source_text)


@dataclass
class AnnotatedText:
    name: str
    text: str
    attributions: list[Attribution]


@dataclass
class PolnearStats:
    texts: int = 0
    ann_files: int = 0
    spans_checked: int = 0
    span_mismatches: int = 0
    attributions: int = 0
    attributions_skipped: int = 0


def parse_offsets(field_text: str) -> tuple[Span, ...]:
    """``"3 9"`` or discontinuous ``"3 9;12 20"`` -> ((3, 9), (12, 20))."""
    spans = []
    for part in field_text.split(";"):
        start, end = part.split()
        spans.append((int(start), int(end)))
    return tuple(spans)


def parse_brat(ann: str) -> tuple[dict[str, TextBound], list[list[tuple[str, str]]]]:
    """Text-bound annotations by id and events as ``[(role, id), ...]`` (trigger first).

    A line that starts no annotation continues the span text of the previous ``T`` line
    (span texts containing a newline are written raw by some annotation tools)."""
    bounds: dict[str, TextBound] = {}
    events: list[list[tuple[str, str]]] = []
    last_tid = None
    for line in ann.rstrip("\n").split("\n"):
        if re.match(r"T\d+\t", line):
            tid, middle, text = (line.split("\t", 2) + [""])[:3]
            label, offsets = middle.split(" ", 1)
            bounds[tid] = TextBound(tid, label, parse_offsets(offsets), text)
            last_tid = tid
        elif re.match(r"E\d+\t", line):
            args = line.split("\t", 1)[1].split()
            events.append([tuple(arg.split(":", 1)) for arg in args if ":" in arg])
            last_tid = None
        elif re.match(r"[A-Z#*]\d*\t", line):
            last_tid = None
        elif last_tid is not None:
            tb = bounds[last_tid]
            bounds[last_tid] = TextBound(tb.tid, tb.label, tb.spans, tb.text + "\n" + line)
    return bounds, events


def span_text(text: str, spans: Sequence[Span]) -> str:
    return " ".join(text[start:end] for start, end in spans)


def span_matches(text: str, bound: TextBound) -> bool:
    if any(not 0 <= s <= e <= len(text) for s, e in bound.spans):
        return False
    return span_text(text, bound.spans) == bound.text


def _role_name(role: str) -> str:
    """``Content2`` -> ``Content``: numbered repeats of a role are the same role."""
    return role.rstrip("0123456789")


def build_attributions(
    text: str,
    bounds: dict[str, TextBound],
    events: list[list[tuple[str, str]]],
    stats: PolnearStats,
) -> list[Attribution]:
    """Attributions from events whose spans all match the text; the rest are counted."""
    valid = {}
    for tid, bound in bounds.items():
        stats.spans_checked += 1
        if span_matches(text, bound):
            valid[tid] = bound
        else:
            stats.span_mismatches += 1
    attributions = []
    for args in events:
        stats.attributions += 1
        if not args or any(tid not in valid for _, tid in args):
            stats.attributions_skipped += 1
            continue
        trigger = valid[args[0][1]]
        roles: dict[str, list[TextBound]] = defaultdict(list)
        for role, tid in args[1:]:
            roles[_role_name(role)].append(valid[tid])
        sources = roles.get("Source", [])
        cue = tuple(s for b in roles.get("Cue", []) for s in b.spans) or trigger.spans
        attributions.append(
            Attribution(
                source=tuple(s for b in sources for s in b.spans),
                cue=cue,
                content=tuple(s for b in roles.get("Content", []) for s in b.spans),
                source_text=" ".join(span_text(text, b.spans) for b in sources) if sources else None,
            )
        )
    return attributions


def pick_annotation_files(text_dir: Path, ann_dir: Path) -> dict[str, Path]:
    """One ``.ann`` per text stem: ``stem.ann`` or ``stem_<annotator>.ann``, the
    alphabetically first when several annotators exist."""
    stems = {p.stem for p in text_dir.glob("*.txt")}
    chosen: dict[str, Path] = {}
    for ann in sorted(ann_dir.glob("*.ann")):
        stem = ann.stem if ann.stem in stems else ann.stem.rsplit("_", 1)[0]
        if stem in stems and stem not in chosen:
            chosen[stem] = ann
    return chosen


def read_text(path: Path) -> str:
    with open(path, encoding="utf-8", newline="") as handle:
        return handle.read()


#: The two halves of PolNeAR for a development / check split: a text is in half "a" when
#: the CRC-32 of its file stem is even, in half "b" otherwise (stable across runs and
#: machines, independent of file order). Develop on one half, check the other moves alike.
HALVES = ("a", "b")


def in_half(name: str, half: str | None) -> bool:
    """Is the PolNeAR text ``name`` (file stem) in ``half`` ("a", "b", or ``None`` for all)?"""
    if half is None:
        return True
    return (zlib.crc32(name.encode("utf-8")) % 2 == 0) == (half == "a")


def load_polnear(root: Path, half: str | None = None) -> tuple[list[AnnotatedText], PolnearStats]:
    stats = PolnearStats()
    text_dir, ann_dir = root / "text", root / "attributions"
    stats.ann_files = sum(1 for _ in ann_dir.glob("*.ann"))
    docs = []
    for stem, ann_path in sorted(pick_annotation_files(text_dir, ann_dir).items()):
        if not in_half(stem, half):
            continue
        text = read_text(text_dir / f"{stem}.txt")
        bounds, events = parse_brat(read_text(ann_path))
        docs.append(AnnotatedText(stem, text, build_attributions(text, bounds, events, stats)))
        stats.texts += 1
    return docs, stats


# --------------------------------------------------------------------------------------
# PolNeAR metrics
# --------------------------------------------------------------------------------------


def describe_vague(text: str, attribution: Attribution) -> str:
    """``generic source: officials`` or ``no source, cue: reportedly`` (terminal only)."""
    if attribution.has_source:
        return f"generic source: {source_head_word(attribution.source_text or '')}"
    return f"no source, cue: {span_text(text, attribution.cue).lower()}"


def score_sourcing(docs: Sequence[AnnotatedText], findings: Sequence[list[Hit]]) -> BenchResult:
    result = BenchResult("sourcing")
    recall, recall_generic, recall_sourceless, precision = Ratio(), Ratio(), Ratio(), Ratio()
    caught_by: Counter[str] = Counter()
    outcomes = []
    misses, false_alarms = [], []
    for doc, hits in zip(docs, findings):
        sourcing = [h for h in hits if h.category == "sourcing"]
        vague = [a for a in doc.attributions if a.vague]
        for attribution in vague:
            catching = [h for h in sourcing if hits_any(h, attribution.source + attribution.cue)]
            recall.add(bool(catching))
            (recall_generic if attribution.has_source else recall_sourceless).add(bool(catching))
            caught_by.update({h.rule for h in catching})
            if not catching:
                spans = sorted(attribution.source + attribution.cue)
                misses.append(
                    Example(doc.name, doc.text, spans[0][0], spans[-1][1], describe_vague(doc.text, attribution))
                )
        vague_spans = [s for a in vague for s in a.source + a.cue]
        for hit in sourcing:
            good = hits_any(hit, vague_spans)
            precision.add(good)
            outcomes.append((hit.rule, good))
            if not good:
                false_alarms.append(Example(doc.name, doc.text, hit.start, hit.end, hit.rule))
    result.metrics.update(
        {
            "recall": recall,
            "recall_generic_head": recall_generic,
            "recall_sourceless": recall_sourceless,
            "precision": precision,
        }
    )
    result.breakdowns["precision_by_rule"] = per_rule_ratios(outcomes)
    result.breakdowns["vague_attributions_caught_by_rule"] = dict(caught_by.most_common())
    result.examples = {"misses": misses, "false alarms": false_alarms}
    return result


def score_attribution(docs: Sequence[AnnotatedText], findings: Sequence[list[Hit]]) -> BenchResult:
    result = BenchResult("attribution")
    misfire = Ratio()
    outcomes, examples = [], []
    for doc, hits in zip(docs, findings):
        named_content = [s for a in doc.attributions if not a.vague for s in a.content]
        for hit in (h for h in hits if h.category == "attribution"):
            bad = starts_inside(hit, named_content)
            misfire.add(bad)
            outcomes.append((hit.rule, bad))
            if bad:
                examples.append(Example(doc.name, doc.text, hit.start, hit.end, hit.rule))
    result.metrics["misfire_rate"] = misfire
    result.breakdowns["misfires_by_rule"] = per_rule_ratios(outcomes)
    result.examples = {"misfires (inside a named source's content)": examples}
    return result


# --------------------------------------------------------------------------------------
# PTC: propaganda technique spans
# --------------------------------------------------------------------------------------

FRAMING_RECALL_TECHNIQUES = frozenset(
    {"Loaded_Language", "Name_Calling,Labeling", "Exaggeration,Minimisation", "Doubt"}
)


@dataclass
class TechniqueSpan:
    technique: str
    start: int
    end: int


@dataclass
class PtcArticle:
    name: str
    text: str
    spans: list[TechniqueSpan]


def parse_ptc_labels(labels: str) -> list[TechniqueSpan]:
    """TAB-separated ``id technique start end`` lines."""
    spans = []
    for line in labels.splitlines():
        if line.strip():
            _, technique, start, end = line.split("\t")
            spans.append(TechniqueSpan(technique, int(start), int(end)))
    return spans


def load_ptc(articles_dir: Path, labels_dir: Path) -> list[PtcArticle]:
    articles = []
    for path in sorted(articles_dir.glob("article*.txt")):
        labels = labels_dir / f"{path.stem}.task2-TC.labels"
        spans = parse_ptc_labels(read_text(labels)) if labels.exists() else []
        articles.append(PtcArticle(path.stem, read_text(path), spans))
    return articles


def score_framing(articles: Sequence[PtcArticle], findings: Sequence[list[Hit]]) -> BenchResult:
    result = BenchResult("framing")
    precision, recall = Ratio(), Ratio()
    recall_by_technique: dict[str, Ratio] = defaultdict(Ratio)
    outcomes, misses, false_alarms = [], [], []
    for article, hits in zip(articles, findings):
        framing = [h for h in hits if h.category == "framing"]
        all_spans = [(s.start, s.end) for s in article.spans]
        for hit in framing:
            good = hits_any(hit, all_spans)
            precision.add(good)
            outcomes.append((hit.rule, good))
            if not good:
                false_alarms.append(Example(article.name, article.text, hit.start, hit.end, hit.rule))
        for span in article.spans:
            if span.technique in FRAMING_RECALL_TECHNIQUES:
                caught = any(overlaps(h.start, h.end, (span.start, span.end)) for h in framing)
                recall.add(caught)
                recall_by_technique[span.technique].add(caught)
                if not caught:
                    misses.append(Example(article.name, article.text, span.start, span.end, span.technique))
    result.metrics.update({"precision": precision, "recall": recall})
    result.breakdowns["precision_by_rule"] = per_rule_ratios(outcomes)
    result.breakdowns["recall_by_technique"] = dict(sorted(recall_by_technique.items()))
    result.examples = {"misses": misses, "false alarms": false_alarms}
    return result


# --------------------------------------------------------------------------------------
# Reuters: noise per 1,000 words
# --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Story:
    newid: int
    title: str
    body: str

    @cached_property
    def text(self) -> str:
        """The layout the linter sees: title line, blank line, body."""
        return story_text(self.title, self.body)

    @property
    def words(self) -> int:
        return len(self.body.split())


def story_text(title: str, body: str) -> str:
    return f"{title}\n\n{body}"


def load_reuters(path: Path) -> list[Story]:
    stories = []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                row = json.loads(line)
                stories.append(Story(int(row["newid"]), row.get("title") or "", row["body"]))
    return stories


def select_stories(stories: Sequence[Story], limit: int | None, seed: int) -> list[Story]:
    """All stories, or a seeded random sample of ``limit`` kept in corpus order."""
    if limit is None or limit >= len(stories):
        return list(stories)
    picked = random.Random(seed).sample(range(len(stories)), limit)
    return [stories[i] for i in sorted(picked)]


def per_thousand(count: int, words: int) -> float:
    return round(1000 * count / words, 4) if words else 0.0


def score_noise(stories: Sequence[Story], findings: Sequence[list[Hit]]) -> BenchResult:
    result = BenchResult("noise")
    words = sum(story.words for story in stories)
    by_family = Counter(h.category for hits in findings for h in hits)
    by_rule = Counter(h.rule for hits in findings for h in hits)
    result.metrics["stories"] = len(stories)
    result.metrics["words"] = words
    result.metrics["findings"] = sum(by_family.values())
    result.metrics["total_per_1k_words"] = per_thousand(sum(by_family.values()), words)
    for family in FAMILIES:
        result.metrics[f"{family}_per_1k_words"] = per_thousand(by_family[family], words)
    result.breakdowns["per_1k_words_by_rule"] = {rule: per_thousand(n, words) for rule, n in by_rule.most_common()}
    result.examples = {
        "findings on edited wire copy": [
            Example(str(story.newid), story.text, h.start, h.end, h.rule)
            for story, hits in zip(stories, findings)
            for h in hits
        ]
    }
    return result


# --------------------------------------------------------------------------------------
# Reuters: injected slips
# --------------------------------------------------------------------------------------

SLIP_TYPES = (
    "duplicated-headline",  # the title repeated as the first line of the body
    "doubled-word",  # "the the" inside a sentence
    "missing-space",  # "end. The" -> "end.The"
    "tk-placeholder",  # a figure replaced by "TK", or " TK" inserted after a word
    "duplicated-paragraph",  # one paragraph pasted twice in a row
    "unbalanced-quote",  # a lone '"' at the start of a word
)
TITLE_LINES = 2  # the title line and the blank line before the body
_DOUBLING_EXCLUDED = frozenset({"had", "that"})  # "had had", "that that" can be correct
# Words ending in a period that usually do not end a sentence.
_ABBREVIATIONS = frozenset(
    {
        "mr",
        "mrs",
        "ms",
        "dr",
        "st",
        "jr",
        "sr",
        "inc",
        "corp",
        "co",
        "ltd",
        "bros",
        "gov",
        "sen",
        "rep",
        "gen",
        "col",
        "lt",
        "sgt",
        "capt",
        "adm",
        "prof",
        "rev",
        "no",
        "vs",
        "etc",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "mln",
        "bln",
        "pct",
        "dlrs",
        "cts",
        "approx",
        "dept",
        "est",
        "fig",
        "av",
        "ave",
    }
)


@dataclass(frozen=True)
class Slip:
    kind: str
    text: str  # the whole modified story
    line_pairs: tuple[tuple[int, int], ...]  # (line in modified text, line in original)


def _body_line(body: str, offset: int) -> int:
    """1-based line of a body offset in the full story text."""
    return body.count("\n", 0, offset) + 1 + TITLE_LINES


def _same_line(body: str, offset: int) -> tuple[tuple[int, int], ...]:
    line = _body_line(body, offset)
    return ((line, line),)


def _edit(kind: str, title: str, body: str, start: int, end: int, new: str, at: int) -> Slip:
    """Replace ``body[start:end]`` by ``new``; the slip sits on the line of ``at``."""
    return Slip(kind, story_text(title, body[:start] + new + body[end:]), _same_line(body, at))


def inject_duplicated_headline(title: str, body: str, rng: random.Random) -> Slip | None:
    if not title.strip():
        return None
    copy_line = 1 + TITLE_LINES
    return Slip("duplicated-headline", story_text(title, f"{title}\n{body}"), ((1, 1), (copy_line, 1)))


def inject_doubled_word(title: str, body: str, rng: random.Random) -> Slip | None:
    candidates = [m for m in re.finditer(r"(?<!\S)([a-z]+)(?= +[^\s])", body) if m.group(1) not in _DOUBLING_EXCLUDED]
    if not candidates:
        return None
    m = rng.choice(candidates)
    return _edit("doubled-word", title, body, m.end(), m.end(), " " + m.group(1), m.start())


def inject_missing_space(title: str, body: str, rng: random.Random) -> Slip | None:
    candidates = []
    for m in re.finditer(r"(?<!\S)[\"'(]?([A-Za-z-]*[a-z]{2})[.?!]( +)(?=[A-Z][a-z])", body):
        if m.group(1).lower() not in _ABBREVIATIONS:
            candidates.append(m)
    if not candidates:
        return None
    m = rng.choice(candidates)
    return _edit("missing-space", title, body, m.start(2), m.end(2), "", m.start(2))


def inject_tk(title: str, body: str, rng: random.Random) -> Slip | None:
    figures = list(re.finditer(r"(?<![\w.,])\d+(?:[.,]\d+)*(?!\w)", body))
    words = list(re.finditer(r"(?<!\S)[a-z]{3,}(?= )", body))
    if figures and (not words or rng.random() < 0.5):
        m = rng.choice(figures)
        return _edit("tk-placeholder", title, body, m.start(), m.end(), "TK", m.start())
    if not words:
        return None
    m = rng.choice(words)
    return _edit("tk-placeholder", title, body, m.end(), m.end(), " TK", m.start())


def paragraph_starts(body: str) -> list[int]:
    """Offset 0 and every line start that is indented (Reuters' paragraph convention)."""
    return [0] + [m.start() + 1 for m in re.finditer(r"\n(?=[ \t]+\S)", body)]


def inject_duplicated_paragraph(title: str, body: str, rng: random.Random) -> Slip | None:
    starts = paragraph_starts(body) + [len(body)]
    paragraphs = [
        (s, e) for s, e in zip(starts, starts[1:]) if body[s:e].endswith("\n") and len(body[s:e].split()) >= 8
    ]
    if not paragraphs:
        return None
    start, end = rng.choice(paragraphs)
    first = _body_line(body, start)
    n_lines = body.count("\n", start, end)
    pairs = tuple((first + i, first + i) for i in range(n_lines)) + tuple(
        (first + n_lines + i, first + i) for i in range(n_lines)
    )
    doubled = body[:end] + body[start:end] + body[end:]
    return Slip("duplicated-paragraph", story_text(title, doubled), pairs)


def inject_unbalanced_quote(title: str, body: str, rng: random.Random) -> Slip | None:
    starts = paragraph_starts(body) + [len(body)]
    candidates = []
    for start, end in zip(starts, starts[1:]):
        if '"' not in body[start:end]:
            candidates += [start + m.start() for m in re.finditer(r"(?<!\S)[A-Za-z]{2,}", body[start:end])]
    if not candidates:
        return None
    at = rng.choice(candidates)
    return _edit("unbalanced-quote", title, body, at, at, '"', at)


INJECTORS: dict[str, Callable[[str, str, random.Random], Slip | None]] = {
    "duplicated-headline": inject_duplicated_headline,
    "doubled-word": inject_doubled_word,
    "missing-space": inject_missing_space,
    "tk-placeholder": inject_tk,
    "duplicated-paragraph": inject_duplicated_paragraph,
    "unbalanced-quote": inject_unbalanced_quote,
}


def story_rng(seed: int, story: Story) -> random.Random:
    return random.Random(f"{seed}:{story.newid}")


def plan_slips(stories: Sequence[Story], seed: int) -> list[tuple[Story, Slip]]:
    """One slip per story; the type is the next in round-robin order that the story
    offers a place for (a type with no place is tried again on the next story)."""
    used = Counter({kind: 0 for kind in SLIP_TYPES})
    planned = []
    for story in stories:
        rng = story_rng(seed, story)
        for kind in sorted(SLIP_TYPES, key=lambda k: (used[k], SLIP_TYPES.index(k))):
            slip = INJECTORS[kind](story.title, story.body, rng)
            if slip is not None:
                used[kind] += 1
                planned.append((story, slip))
                break
    return planned


def editing_rules_by_line(hits: Iterable[Hit]) -> dict[int, set[str]]:
    lines: dict[int, set[str]] = defaultdict(set)
    for hit in hits:
        if hit.category == "editing":
            lines[hit.line].add(hit.rule)
    return lines


def new_editing_rules(slip: Slip, original: Sequence[Hit], modified: Sequence[Hit]) -> set[str]:
    """Editing rule ids on a slip line that the corresponding original line lacks."""
    before, after = editing_rules_by_line(original), editing_rules_by_line(modified)
    return {
        rule
        for mod_line, orig_line in slip.line_pairs
        for rule in after.get(mod_line, set()) - before.get(orig_line, set())
    }


def score_slips(
    planned: Sequence[tuple[Story, Slip]], original: Sequence[list[Hit]], modified: Sequence[list[Hit]]
) -> BenchResult:
    result = BenchResult("slips")
    overall = Ratio()
    by_type: dict[str, Ratio] = {kind: Ratio() for kind in SLIP_TYPES}
    detected_by: Counter[str] = Counter()
    misses = []
    for (story, slip), before, after in zip(planned, original, modified):
        rules = new_editing_rules(slip, before, after)
        overall.add(bool(rules))
        by_type[slip.kind].add(bool(rules))
        detected_by.update(rules)
        if not rules:
            start = LineIndex(slip.text).line_start(slip.line_pairs[-1][0])
            end = slip.text.find("\n", start)
            misses.append(Example(str(story.newid), slip.text, start, len(slip.text) if end < 0 else end, slip.kind))
    result.metrics["recall"] = overall
    for kind, ratio in by_type.items():
        result.metrics[f"recall_{kind}"] = ratio
    result.breakdowns["detections_by_rule"] = dict(detected_by.most_common())
    result.examples = {"missed slips (line shown)": misses}
    return result


# --------------------------------------------------------------------------------------
# Running
# --------------------------------------------------------------------------------------


@dataclass
class Corpora:
    root: Path

    @property
    def polnear(self) -> Path:
        return self.root / "polnear-train"

    @property
    def ptc_articles(self) -> Path:
        return self.root / "ptc-train-articles"

    @property
    def ptc_labels(self) -> Path:
        return self.root / "ptc-train-labels"

    @property
    def reuters(self) -> Path:
        return self.root / "reuters-bodies.jsonl"


@dataclass
class LoadedData:
    polnear: list[AnnotatedText] | None = None
    polnear_stats: PolnearStats | None = None
    ptc: list[PtcArticle] | None = None
    stories: list[Story] | None = None
    slips: list[tuple[Story, Slip]] | None = None


def load_data(
    corpora: Corpora,
    benchmarks: Sequence[str],
    limit: int | None,
    seed: int,
    log: Callable[[str], None],
    half: str | None = None,
) -> LoadedData:
    data = LoadedData()
    if {"sourcing", "attribution"} & set(benchmarks):
        if corpora.polnear.is_dir():
            data.polnear, data.polnear_stats = load_polnear(corpora.polnear, half)
        else:
            log(f"PolNeAR not found at {corpora.polnear}; skipping sourcing and attribution")
    if "framing" in benchmarks:
        if corpora.ptc_articles.is_dir():
            data.ptc = load_ptc(corpora.ptc_articles, corpora.ptc_labels)
        else:
            log(f"PTC not found at {corpora.ptc_articles}; skipping framing")
    if {"noise", "slips"} & set(benchmarks):
        if corpora.reuters.is_file():
            data.stories = select_stories(load_reuters(corpora.reuters), limit, seed)
            if "slips" in benchmarks:
                data.slips = plan_slips(data.stories, seed)
        else:
            log(f"Reuters not found at {corpora.reuters}; skipping noise and slips")
    return data


def run_benchmarks(
    linter: Linter, data: LoadedData, benchmarks: Sequence[str], log: Callable[[str], None]
) -> dict[str, BenchResult]:
    results: dict[str, BenchResult] = {}

    def timed(label: str, texts: Sequence[str]) -> list[list[Hit]]:
        started = time.perf_counter()
        findings = [lint(linter, text) for text in texts]
        seconds = time.perf_counter() - started
        megabytes = sum(len(t) for t in texts) / 1e6
        log(f"  linted {label}: {len(texts)} texts, {megabytes:.1f} M chars, {seconds:.1f} s")
        return findings

    if data.polnear is not None and {"sourcing", "attribution"} & set(benchmarks):
        findings = timed("PolNeAR", [d.text for d in data.polnear])
        if "sourcing" in benchmarks:
            results["sourcing"] = score_sourcing(data.polnear, findings)
        if "attribution" in benchmarks:
            results["attribution"] = score_attribution(data.polnear, findings)
    if data.ptc is not None and "framing" in benchmarks:
        results["framing"] = score_framing(data.ptc, timed("PTC", [a.text for a in data.ptc]))
    if data.stories is not None and {"noise", "slips"} & set(benchmarks):
        original = timed("Reuters stories", [s.text for s in data.stories])
        if "noise" in benchmarks:
            results["noise"] = score_noise(data.stories, original)
        if "slips" in benchmarks and data.slips is not None:
            by_id = {story.newid: hits for story, hits in zip(data.stories, original)}
            modified = timed("Reuters stories with slips", [slip.text for _, slip in data.slips])
            results["slips"] = score_slips(data.slips, [by_id[story.newid] for story, _ in data.slips], modified)
    return results


# --------------------------------------------------------------------------------------
# Reporting
# --------------------------------------------------------------------------------------

HEADLINES = (
    ("sourcing", "recall", "sourcing recall (vague attributions caught)"),
    ("sourcing", "recall_generic_head", "  of which with a generic source"),
    ("sourcing", "recall_sourceless", "  of which without a source"),
    ("sourcing", "precision", "sourcing precision"),
    ("attribution", "misfire_rate", "attribution misfires (in named-source content)"),
    ("framing", "precision", "framing precision (any technique)"),
    ("framing", "recall", "framing recall (4 loaded-language techniques)"),
    ("noise", "total_per_1k_words", "noise: findings per 1,000 words"),
    *(("noise", f"{f}_per_1k_words", f"  {f}") for f in FAMILIES),
    ("slips", "recall", "slips recall"),
    *(("slips", f"recall_{kind}", f"  {kind}") for kind in SLIP_TYPES),
)


def format_metric(value: Any) -> str:
    return f"{value:.3f}" if isinstance(value, float) else str(value)


def headline_rows(results: dict[str, BenchResult]) -> list[tuple[str, str]]:
    return [(label, format_metric(results[bench].metrics[key])) for bench, key, label in HEADLINES if bench in results]


def print_report(name: str, results: dict[str, BenchResult], top: int, out: Callable[[str], None]) -> None:
    out(f"\n== {name} ==")
    for label, value in headline_rows(results):
        out(f"{label:<50} {value}")
    if "noise" in results:
        m = results["noise"].metrics
        label = "  (stories, body words, findings)"
        out(f"{label:<50} {m['stories']}, {m['words']}, {m['findings']}")
    for bench, result in results.items():
        for title, table in result.breakdowns.items():
            if not table:
                continue
            out(f"\n{bench}: {title.replace('_', ' ')}")
            for key, value in list(table.items())[:top]:
                out(f"  {key:<48} {format_metric(value)}")
            if len(table) > top:
                out(f"  ... {len(table) - top} more")


def print_comparison(all_results: dict[str, dict[str, BenchResult]], out: Callable[[str], None]) -> None:
    names = list(all_results)
    rows = {name: dict(headline_rows(results)) for name, results in all_results.items()}
    labels = [label for _, _, label in HEADLINES if any(label in r for r in rows.values())]
    out("\n== comparison ==")
    out(f"{'metric':<50} " + " ".join(f"{n:<22}" for n in names))
    for label in labels:
        out(f"{label:<50} " + " ".join(f"{rows[n].get(label, '-'):<22}" for n in names))


def excerpt(example: Example, width: int = 70) -> str:
    text = example.text
    before = text[max(0, example.start - width) : example.start]
    after = text[example.end : example.end + width]
    body = f"{before}[[{text[example.start : example.end]}]]{after}"
    return re.sub(r"\s+", " ", body).strip()


def print_samples(results: dict[str, BenchResult], n: int, seed: int, top: int, out: Callable[[str], None]) -> None:
    """``n`` random examples per list, after the most frequent notes (rule, technique,
    missed head word or cue) when they repeat."""
    rng = random.Random(seed)
    for bench, result in results.items():
        for title, examples in result.examples.items():
            if not examples:
                continue
            out(f"\n-- {bench}: {title} ({len(examples)}) --")
            notes = Counter(example.note for example in examples)
            if len(notes) < len(examples):
                out("  most frequent: " + "; ".join(f"{note} x{count}" for note, count in notes.most_common(top)))
            for example in rng.sample(examples, min(n, len(examples))):
                out(f"  [{example.note}] {example.doc}: {excerpt(example)}")


def results_json(
    all_results: dict[str, dict[str, BenchResult]], data: LoadedData, settings: dict[str, Any]
) -> dict[str, Any]:
    corpus = {}
    if data.polnear_stats is not None:
        corpus["polnear"] = vars(data.polnear_stats)
    if data.ptc is not None:
        corpus["ptc"] = {"articles": len(data.ptc), "spans": sum(len(a.spans) for a in data.ptc)}
    if data.stories is not None:
        corpus["reuters"] = {"stories": len(data.stories)}
    return {
        "settings": settings,
        "corpora": corpus,
        "linters": {
            name: {bench: r.as_json() for bench, r in results.items()} for name, results in all_results.items()
        },
    }


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--corpora", type=Path, default=DEFAULT_CORPORA, help="folder holding the corpora (default: ../shared/corpora)"
    )
    parser.add_argument(
        "--linter",
        choices=("factlint", "regex"),
        default="factlint",
        help="linter to measure: the factlint engine or the plain regex baseline",
    )
    parser.add_argument(
        "--baseline-regex", action="store_true", help="also measure the plain regex baseline and print a comparison"
    )
    parser.add_argument(
        "--only",
        type=lambda s: [b.strip() for b in s.split(",") if b.strip()],
        default=list(BENCHMARKS),
        help=f"comma-separated subset of: {','.join(BENCHMARKS)}",
    )
    parser.add_argument(
        "--limit",
        type=int,
        default=DEFAULT_STORY_LIMIT,
        help=f"Reuters stories for noise and slips (default {DEFAULT_STORY_LIMIT})",
    )
    parser.add_argument("--full", action="store_true", help="use every Reuters story")
    parser.add_argument(
        "--seed", type=int, default=DEFAULT_SEED, help=f"seed for the story sample and slips (default {DEFAULT_SEED})"
    )
    parser.add_argument("--json", type=Path, metavar="FILE", help="write every number to FILE")
    parser.add_argument(
        "--sample",
        type=int,
        default=0,
        metavar="N",
        help="print N example misses / false alarms per family (terminal only)",
    )
    parser.add_argument("--top", type=int, default=15, help="rows per breakdown table (default 15)")
    parser.add_argument(
        "--half",
        choices=HALVES,
        default=None,
        help="only one half of PolNeAR (a: CRC-32 of the file name even, b: odd), for a development / check split",
    )
    args = parser.parse_args(argv)
    unknown = set(args.only) - set(BENCHMARKS)
    if unknown:
        parser.error(f"unknown benchmark(s) in --only: {', '.join(sorted(unknown))}")
    return args


def make_linter(name: str) -> Linter:
    return regex_baseline_linter if name == "regex" else factlint_linter()


def main(argv: Sequence[str] | None = None, linters: dict[str, Linter] | None = None) -> int:
    """Run the benchmark.  ``linters`` (name -> linter) replaces the command-line choice,
    which is how the tests plug in a fake."""
    args = parse_args(argv)
    out = print
    log = lambda message: print(message, file=sys.stderr)  # noqa: E731
    if not args.corpora.is_dir():
        out(f"corpora not found at {args.corpora}; skipping")
        return 0
    if linters is None:
        try:
            linters = {args.linter: make_linter(args.linter)}
        except ImportError as error:
            out(f"cannot import the factlint engine ({error}); try --linter regex")
            return 2
        if args.baseline_regex and args.linter != "regex":
            linters["regex-baseline"] = regex_baseline_linter
    limit = None if args.full else args.limit
    data = load_data(Corpora(args.corpora), args.only, limit, args.seed, log, args.half)
    if data.polnear_stats is not None:
        s = data.polnear_stats
        log(
            f"PolNeAR: {s.texts} texts ({s.ann_files} .ann files, one used per text); "
            f"{s.span_mismatches}/{s.spans_checked} spans do not match the text; "
            f"{s.attributions_skipped}/{s.attributions} attributions skipped"
        )
    all_results = {}
    for name, linter in linters.items():
        log(f"running {name}")
        all_results[name] = run_benchmarks(linter, data, args.only, log)
        print_report(name, all_results[name], args.top, out)
    if len(all_results) > 1:
        print_comparison(all_results, out)
    if args.sample:
        for name, results in all_results.items():
            out(f"\n== examples for {name} (corpus excerpts: do not copy into the repository) ==")
            print_samples(results, args.sample, args.seed, args.top, out)
    if args.json:
        settings = {"seed": args.seed, "story_limit": limit, "benchmarks": args.only, "polnear_half": args.half}
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(results_json(all_results, data, settings), indent=2) + "\n")
        log(f"wrote {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
