"""How well factlint's attribution finder extracts sources and cues from real news.

Run from the repository root::

    python bench/sources.py                       # PolNeAR scores
    python bench/sources.py --speed 2000          # also: finder time per MB on Reuters bodies
    python bench/sources.py --sample 10           # print misses and false alarms (terminal only)
    python bench/sources.py --half a              # develop on half a of PolNeAR ...
    python bench/sources.py --half b              # ... and check on half b

``--half`` splits PolNeAR as ``bench/quality.py --half`` does: a text is in half "a" when
the CRC-32 of its file stem is even, in half "b" otherwise (``quality.in_half``). Read the
misses and false alarms of one half only; a change to the finder counts when it moves
both halves the same way.

The finder (``factlint.document.attribution.find_attributions``, the one used by the rules
and by ``factlint sources``) runs on every PolNeAR text, parsed as plain text. Its spans are
mapped back to raw offsets and compared with the BRAT Source and Cue spans, read by the
PolNeAR loader of ``bench/quality.py`` (one annotator's file per text, spans checked
against the text). Nothing from the corpus is written anywhere; the corpora are read
where they lie (``../shared/corpora`` or ``--corpora``) and the script exits 0 with one
line when they are absent.

Definitions
-----------
Spans are half-open character offsets. A gold span made of fragments counts as its
fragments for overlap and as ``(first start, last end)`` for exact matching.

* **Source, overlap**: precision = predicted source spans that share a character with a
  gold Source span / predicted source spans; recall = gold Source spans that share a
  character with a predicted source span / gold Source spans. Spans are de-duplicated per
  document (one source span may serve several cues).
* **Source, exact**: the same with span equality (after trimming spaces and the
  punctuation ``,;:`` at the edges of both).
* **Cue**, overlap and exact: the same for Cue spans (every attribution has one).
* **Named/vague split**: over gold attributions whose Cue a predicted cue overlaps, the
  gold class is *vague* when ``bench/quality.py`` calls it vague (no Source, or a generic
  head word) and *named* otherwise; the predicted class is *vague* for the kinds vague,
  anonymous and unsourced, *named* for named-person and named-organisation; a source that is
  a pronoun, "who" or a reference back ("the officials") counts as named, as in
  ``bench/quality.py`` (the finder itself gives it the kind of what it refers to). Reported:
  precision, recall and F1 of the vague class, and accuracy.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence

sys.path.insert(0, str(Path(__file__).resolve().parent))
import quality as q  # noqa: E402  (the PolNeAR loader and span helpers live there)

Span = tuple[int, int]
_EDGE = " \t\n,;:"


@dataclass
class Score:
    """Precision and recall of one span type: predicted and gold, matched each way."""

    predicted: int = 0
    predicted_matched: int = 0
    gold: int = 0
    gold_matched: int = 0

    @property
    def precision(self) -> float | None:
        return self.predicted_matched / self.predicted if self.predicted else None

    @property
    def recall(self) -> float | None:
        return self.gold_matched / self.gold if self.gold else None

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        if not p or not r:
            return None if p is None or r is None else 0.0
        return 2 * p * r / (p + r)

    def add(self, text: str, predicted: Sequence[Span], gold: Sequence[tuple[Span, ...]],
            exact: bool) -> tuple[list, list]:
        """Count one document; return (unmatched predicted, unmatched gold)."""
        false_alarms, misses = [], []
        if exact:
            gold_keys = {_trim_key(text, g) for g in gold}
            pred_keys = {_trim_key(text, (p,)) for p in predicted}
        self.predicted += len(predicted)
        self.gold += len(gold)
        for p in predicted:
            ok = _trim_key(text, (p,)) in gold_keys if exact else any(q.overlaps(p[0], p[1], f) for g in gold for f in g)
            self.predicted_matched += ok
            if not ok:
                false_alarms.append(p)
        for g in gold:
            ok = _trim_key(text, g) in pred_keys if exact else any(q.overlaps(p[0], p[1], f) for p in predicted for f in g)
            self.gold_matched += ok
            if not ok:
                misses.append(g)
        return false_alarms, misses

    def as_json(self) -> dict:
        return {"precision": self.precision, "recall": self.recall, "f1": self.f1,
                "predicted": self.predicted, "predicted_matched": self.predicted_matched,
                "gold": self.gold, "gold_matched": self.gold_matched}

    def __str__(self) -> str:
        def f(x):
            return "  n/a" if x is None else f"{x:.3f}"
        return (f"P {f(self.precision)} ({self.predicted_matched}/{self.predicted})  "
                f"R {f(self.recall)} ({self.gold_matched}/{self.gold})  F1 {f(self.f1)}")


def _trim_key(text: str, spans: tuple[Span, ...]) -> Span:
    start, end = spans[0][0], spans[-1][1]
    while start < end and text[start] in _EDGE:
        start += 1
    while end > start and text[end - 1] in _EDGE:
        end -= 1
    return (start, end)


@dataclass
class SplitScore:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0

    def add(self, gold_vague: bool, predicted_vague: bool) -> None:
        if gold_vague and predicted_vague:
            self.tp += 1
        elif predicted_vague:
            self.fp += 1
        elif gold_vague:
            self.fn += 1
        else:
            self.tn += 1

    def as_json(self) -> dict:
        total = self.tp + self.fp + self.fn + self.tn
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else None
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else None
        f1 = 2 * p * r / (p + r) if p and r else None
        return {"vague_precision": p, "vague_recall": r, "vague_f1": f1,
                "accuracy": (self.tp + self.tn) / total if total else None, "pairs": total}


@dataclass
class Result:
    source_overlap: Score = field(default_factory=Score)
    source_exact: Score = field(default_factory=Score)
    cue_overlap: Score = field(default_factory=Score)
    cue_exact: Score = field(default_factory=Score)
    split: SplitScore = field(default_factory=SplitScore)
    cue_words: Counter = field(default_factory=Counter)  # predicted cue text -> count
    cue_words_wrong: Counter = field(default_factory=Counter)
    examples: dict[str, list[q.Example]] = field(default_factory=dict)
    seconds: float = 0.0
    chars: int = 0


def predicted_spans(text: str):
    """(attributions, source spans, cue spans, kinds by cue) in raw offsets for one text."""
    from factlint.document import parse
    from factlint.document.attribution import find_attributions

    doc = parse(text, "corpus.txt")
    atts = find_attributions(doc)
    sources, cues = [], []
    for att in atts:
        cue = doc.to_raw(*att.cue)
        # as PolNeAR counts them, a pronoun or a reference back is named whatever it refers to
        cues.append((cue, "named-person" if getattr(att, "pronoun", False) else att.kind))
        if att.source is not None:
            sources.append(doc.to_raw(*att.source))
    return atts, sorted(set(sources)), cues


def score(docs: Sequence[q.AnnotatedText]) -> Result:
    result = Result()
    for key in ("source misses", "source false alarms", "cue misses", "cue false alarms", "split errors"):
        result.examples[key] = []
    started = time.perf_counter()
    for doc in docs:
        _, sources, cues = predicted_spans(doc.text)
        cue_spans = sorted({c for c, _ in cues})
        gold_sources = sorted({a.source for a in doc.attributions if a.source})
        gold_cues = sorted({a.cue for a in doc.attributions})
        fa, miss = result.source_overlap.add(doc.text, sources, gold_sources, exact=False)
        result.examples["source false alarms"] += [q.Example(doc.name, doc.text, s, e, "source") for s, e in fa]
        result.examples["source misses"] += [q.Example(doc.name, doc.text, g[0][0], g[-1][1], "source") for g in miss]
        result.source_exact.add(doc.text, sources, gold_sources, exact=True)
        fa, miss = result.cue_overlap.add(doc.text, cue_spans, gold_cues, exact=False)
        result.examples["cue false alarms"] += [
            q.Example(doc.name, doc.text, s, e, doc.text[s:e].lower()) for s, e in fa]
        result.examples["cue misses"] += [
            q.Example(doc.name, doc.text, g[0][0], g[-1][1], q.span_text(doc.text, g).lower()) for g in miss]
        result.cue_exact.add(doc.text, cue_spans, gold_cues, exact=True)
        wrong = {(s, e) for s, e in fa}
        for (s, e), _ in cues:
            word = doc.text[s:e].lower()
            result.cue_words[word] += 1
            if (s, e) in wrong:
                result.cue_words_wrong[word] += 1
        for att in doc.attributions:
            match = [kind for (s, e), kind in cues if any(q.overlaps(s, e, f) for f in att.cue)]
            if match:
                predicted_vague = match[0] in ("vague", "anonymous", "unsourced")
                result.split.add(att.vague, predicted_vague)
                if att.vague != predicted_vague:
                    spans = sorted(att.source + att.cue)
                    result.examples["split errors"].append(q.Example(
                        doc.name, doc.text, spans[0][0], spans[-1][1],
                        f"gold {'vague' if att.vague else 'named'}, predicted {match[0]}"))
    result.seconds = time.perf_counter() - started
    result.chars = sum(len(d.text) for d in docs)
    return result


def finder_speed(stories: Sequence[q.Story]) -> dict:
    """CPU seconds per MB of text (``time.process_time``, so other work on the machine does
    not count): parsing alone, and the finder alone on parsed documents."""
    from factlint.document import parse
    from factlint.document.attribution import Finder, default_cue_index

    texts = [s.text for s in stories]
    started = time.process_time()
    docs = [parse(t, "story.txt") for t in texts]
    parse_seconds = time.process_time() - started
    started = time.process_time()
    cues = default_cue_index()
    count = sum(len(Finder(doc, cues, cues.index.scan(doc.prose)).run()) for doc in docs)
    finder_seconds = time.process_time() - started
    megabytes = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    return {"stories": len(texts), "megabytes": round(megabytes, 3), "attributions": count,
            "parse_seconds_per_mb": round(parse_seconds / megabytes, 3),
            "finder_seconds_per_mb": round(finder_seconds / megabytes, 3)}


def report(result: Result, out, top: int) -> None:
    out(f"source overlap  {result.source_overlap}")
    out(f"source exact    {result.source_exact}")
    out(f"cue overlap     {result.cue_overlap}")
    out(f"cue exact       {result.cue_exact}")
    split = result.split.as_json()
    fmt = lambda x: "n/a" if x is None else f"{x:.3f}"  # noqa: E731
    out(f"named/vague     vague P {fmt(split['vague_precision'])}  R {fmt(split['vague_recall'])}  "
        f"F1 {fmt(split['vague_f1'])}  accuracy {fmt(split['accuracy'])} ({split['pairs']} matched attributions)")
    out(f"time            {result.seconds:.1f} s for {result.chars / 1e6:.1f} M chars (parse + finder)")
    out("\npredicted cues that match no gold cue (most frequent):")
    rows = sorted(result.cue_words_wrong.items(), key=lambda kv: -kv[1])[:top]
    for word, wrong in rows:
        out(f"  {word:<28} {wrong:5} of {result.cue_words[word]}")


def print_samples(result: Result, n: int, seed: int, top: int, out) -> None:
    rng = random.Random(seed)
    for title, examples in result.examples.items():
        if not examples:
            continue
        out(f"\n-- {title} ({len(examples)}) --")
        notes = Counter(e.note for e in examples)
        if len(notes) < len(examples):
            out("  most frequent: " + "; ".join(f"{k} x{v}" for k, v in notes.most_common(top)))
        for example in rng.sample(examples, min(n, len(examples))):
            out(f"  [{example.note}] {example.doc}: {q.excerpt(example)}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpora", type=Path, default=q.DEFAULT_CORPORA,
                        help="folder holding the corpora (default: ../shared/corpora)")
    parser.add_argument("--limit", type=int, default=None, help="only the first N PolNeAR texts")
    parser.add_argument("--speed", type=int, default=0, metavar="N",
                        help="also time the finder on N Reuters stories (seeded sample)")
    parser.add_argument("--sample", type=int, default=0, metavar="N",
                        help="print N misses and false alarms per list (terminal only)")
    parser.add_argument("--seed", type=int, default=q.DEFAULT_SEED)
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--json", type=Path, metavar="FILE", help="write the numbers to FILE")
    parser.add_argument("--half", choices=q.HALVES, default=None,
                        help="only one half of PolNeAR (as in bench/quality.py --half)")
    args = parser.parse_args(argv)
    out = print
    polnear = args.corpora / "polnear-train"
    if not polnear.is_dir():
        out(f"PolNeAR not found at {polnear}; skipping")
        return 0
    docs, stats = q.load_polnear(polnear, args.half)
    if args.limit:
        docs = docs[:args.limit]
    print(f"PolNeAR: {len(docs)} texts, {sum(len(d.attributions) for d in docs)} attributions "
          f"({stats.attributions_skipped} skipped for span mismatches)", file=sys.stderr)
    result = score(docs)
    report(result, out, args.top)
    numbers = {"source_overlap": result.source_overlap.as_json(), "source_exact": result.source_exact.as_json(),
               "cue_overlap": result.cue_overlap.as_json(), "cue_exact": result.cue_exact.as_json(),
               "named_vague": result.split.as_json(), "texts": len(docs), "half": args.half}
    if args.speed:
        reuters = args.corpora / "reuters-bodies.jsonl"
        if reuters.is_file():
            stories = q.select_stories(q.load_reuters(reuters), args.speed, args.seed)
            numbers["speed"] = finder_speed(stories)
            s = numbers["speed"]
            out(f"\nspeed on {s['stories']} Reuters stories ({s['megabytes']} MB): parse "
                f"{s['parse_seconds_per_mb']} s/MB, finder {s['finder_seconds_per_mb']} s/MB")
        else:
            out(f"Reuters not found at {reuters}; no speed measurement")
    if args.sample:
        out("\n== examples (corpus excerpts: do not copy into the repository) ==")
        print_samples(result, args.sample, args.seed, args.top, out)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(numbers, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
