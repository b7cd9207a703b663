"""The finder's passes: one run over the cue candidates (``Finder.run``), the re-run of
only the sentences whose routing a quotation's new speaker changed (``Finder.rerun``), and
the passes over the whole list after the cue scan (attributions nested in another's
content, pronoun resolution, the reporter's questions, sourceless cues within a sourced
report, reasons for anonymity). :func:`attribute` does them all for a parsed document, in
order: attributions, then the quotations' speakers (which make short quotations direct),
then the attributions again where that changed where one belongs."""

from __future__ import annotations

from bisect import bisect_left, bisect_right

import regex

from ..lazypattern import LazyPattern
from ..sourcekind import ANONYMITY_REASON
from ..sourcephrase import Tok
from .cues import CueIndex, CueScan
from .forms import CueForms
from .record import Attribution, _copy
from .speakers import Speakers, assign_speakers, carry_quote
from .verbs import VerbForms
from .wordindex import _SCAN_BUDGET

#: Between two attributions, a new clause rather than a nested report: "…, but he said …"
_CLAUSE_BREAK = LazyPattern(r",\s+(?:but|and|while|yet)\b|\bbut\b|;|\s[—–]\s")
#: Before a pronoun source, the start of a clause of the reporter's own: "…, he said,",
#: "because she said", "as they said", "which he said would …" (not "that he said": the
#: content of the outer report).
_CLAUSE_OPENING = LazyPattern(
    r"(?:,|\b(?:when|because|as|which|and|though|although|while|since|whom|where))\s+\Z", regex.IGNORECASE
)


def attribute(doc, cues: CueIndex, hits: dict[int, list[tuple[int, int]]]) -> None:
    """Every pass of the finder over ``doc`` (parsed, its quotations found): sets
    ``doc.attributions`` (the reporter's, in reading order) and ``doc.nested_attributions``
    (those inside direct quotations), and gives the quotations their speakers."""
    finder = Finder(doc, cues, hits)
    doc.attributions = finder.run()
    doc.nested_attributions = finder.nested
    if not doc.quotes:
        return
    direct = _direct_quotes(doc)
    assign_speakers(doc, sorted(doc.attributions + finder.nested, key=_cue_start))
    if _direct_quotes(doc) == direct or _same_routing(doc, finder.routed, cues, hits):
        # no quotation turned direct, or none of the finder's attributions starts inside
        # one that did: a second run would route every attribution as the first did and
        # so find exactly the same (the quotations decide nothing else in the finder)
        return
    # a short quotation has been given a speaker and so become direct ("“We said no,” he
    # said."): its words are the speaker's, not the reporter's, and the attribution after
    # it is no longer nested in them. The second run redoes only the sentences whose
    # routing changed (see ``Finder.rerun``)
    again = Finder(doc, cues, hits)
    doc.attributions = again.rerun(finder.candidates, finder.decided, finder._lower_words)
    doc.nested_attributions = again.nested
    _keep_speakers(doc, doc.attributions + again.nested)


def find_attributions(doc, nested: bool = False) -> list[Attribution]:
    """The document's attributions in the reporter's voice, in reading order (found by
    ``parse``). With ``nested``, also those inside direct quotations ("He told me ‘never
    again’", the aide said): the quoted speaker's own attributions, which tell who speaks
    in a quotation nested in another but are not the reporter's sourcing."""
    if nested:
        return sorted(doc.attributions + doc.nested_attributions, key=_cue_start)
    return doc.attributions


def _cue_start(att: Attribution) -> int:
    return att.cue[0]


class Finder(CueScan, CueForms, VerbForms, Speakers):
    """One run of the finder over a document: the cue scan's candidates (:mod:`.cues`), each
    decided by its form (:mod:`.forms`, :mod:`.verbs`) with its speaker (:mod:`.speakers`),
    then the passes over the whole list (this module). ``cues`` is the index the cue lists
    are registered in and ``hits`` its phrase hits in the document's prose."""

    def __init__(self, doc, cues: CueIndex, hits: dict[int, list[tuple[int, int]]]) -> None:
        self.doc = doc
        self.prose = doc.prose
        self.cues = cues
        self.hits = hits
        self.found: list[Attribution] = []
        self.nested: list[Attribution] = []  # inside direct quotations
        self.routed: list[tuple[int, bool]] = []  # (cue start, inside a direct quotation?) of each one made
        self._tok_sentence = -1
        self._tok_list: list[Tok] = []
        self._lower_words: dict[str, bool] = {}
        self._whole_words: frozenset[str] | None = None  # every maximal run of letters and digits
        self._run_starts: dict[str, list[int]] | None = None  # runs followed by punctuation: where they start
        #: How many words of a long draft may still be searched one by one instead of
        #: building ``_run_starts``: a fixed number of characters' worth of scans in all
        self._scans_left = _SCAN_BUDGET // max(1, len(self.prose))
        self._quote_spans: list[tuple[int, int]] | None = None
        self._quote_starts: list[int] = []
        #: the cue candidates of the sentences a quotation overlaps, by sentence (for ``rerun``)
        self.candidates: dict[int, list[tuple[int, int, str]]] = {}
        #: (cue start, sentence, a copy of the attribution as made, inside a direct quotation?)
        #: of each one made, before the steps after the cue scan change it
        self.decided: list[tuple[int, int, Attribution, bool]] = []

    # -- driver ---------------------------------------------------------------------
    def run(self) -> list[Attribution]:
        candidates = self._candidates()
        covered = -1
        firsts: list[tuple[int, int]] = []  # (sentence, index of its first candidate)
        for n, (start, end, form) in enumerate(candidates):
            if start < covered:
                continue
            si = self.doc.sentence_index_at(start)
            if si < 0:
                continue
            if not firsts or firsts[-1][0] != si:
                firsts.append((si, n))
            if self._decide(si, start, form, end):
                covered = end
        self.candidates = self._quoted_candidates(candidates, firsts)
        return self._finish()

    def rerun(
        self,
        candidates: dict[int, list[tuple[int, int, str]]],
        decided: list[tuple[int, int, Attribution, bool]],
        lower_words: dict[str, bool],
    ) -> list[Attribution]:
        """What :meth:`run` gives after the document's quotations have changed, given an
        earlier run's ``candidates`` and ``decided``: a cue's attribution depends on the
        quotations only through where it goes (the reporter's list or the nested one), and
        on earlier attributions only through those of its own sentence in the reporter's
        list (``_participle``; ``covered`` never reaches past a sentence, whose cues lie
        within it). So a sentence none of whose attributions changes list makes the same
        ones again (copies of them are taken; a sentence that made none makes none), and
        only the others are redone; the steps after the cue scan (pronouns, reasons, ...)
        run on the whole list as in ``run``."""
        self._lower_words = lower_words  # what the draft writes in lower case has not changed
        changed = {si for start, si, _, quoted in decided if self._quoted(start) != quoted}
        if not changed <= candidates.keys():
            return self.run()  # a quotation has moved (nothing does that): no shortcut
        self.candidates = candidates
        by_sentence: dict[int, list[tuple[int, int, Attribution, bool]]] = {}
        for entry in decided:  # in reading order
            by_sentence.setdefault(entry[1], []).append(entry)
        sentence_index_at = self.doc.sentence_index_at
        for si, entries in by_sentence.items():
            if si not in changed:
                for entry in entries:
                    self.routed.append((entry[0], entry[3]))
                    (self.nested if entry[3] else self.found).append(_copy(entry[2]))
                    self.decided.append(entry)
                continue
            covered = -1
            for start, end, form in candidates[si]:
                if start < covered or sentence_index_at(start) != si:
                    continue
                if self._decide(si, start, form, end):
                    covered = end
        return self._finish()

    def _quoted_candidates(
        self, candidates: list[tuple[int, int, str]], firsts: list[tuple[int, int]]
    ) -> dict[int, list[tuple[int, int, str]]]:
        """The candidates of each sentence that a quotation overlaps, kept for ``rerun``:
        only there can a change of the quotations move an attribution to the other list."""
        starts = [s.start for s in self.doc.sentences]
        # the sentences each quotation overlaps, as ranges merged before they are counted
        # out: a flood of unclosed marks opens thousands that run to the same block end
        ranges = sorted(
            (max(0, bisect_right(starts, q.inner_start) - 1), bisect_left(starts, q.inner_end)) for q in self.doc.quotes
        )
        touched: set[int] = set()
        reach = 0  # sentences below this are counted already
        for a, b in ranges:
            a = max(a, reach)
            if a < b:
                touched.update(range(a, b))
                reach = b
        kept = {}
        for k, (si, n) in enumerate(firsts):
            if si in touched:
                kept[si] = candidates[n : firsts[k + 1][1] if k + 1 < len(firsts) else len(candidates)]
        return kept

    def _decide(self, si: int, start: int, form: str, end: int) -> bool:
        # NB for the cue methods below: what they decide may depend on earlier attributions
        # only through those of the same sentence (``rerun`` relies on it; its test in
        # tests/test_finder_fast_paths.py compares it with a whole run)
        att = self._attribution(si, start, end, form)
        if att is None:
            return False
        quoted = self._quoted(start)
        self.routed.append((start, quoted))
        self.decided.append((start, si, _copy(att), quoted))
        (self.nested if quoted else self.found).append(att)
        return True

    def _finish(self) -> list[Attribution]:
        self.found.sort(key=lambda a: a.cue[0])
        self._unnest()
        self._resolve()
        self._questioned()
        self.found = [a for a in self.found if a.kind]
        self._within()
        self._reasons()
        return self.found

    def _questioned(self) -> None:
        """ "Asked about the plan, the minister said …": the question goes to the source
        that answers it in the same sentence."""
        for n, att in enumerate(self.found):
            if att.form != "question" or att.source is not None:
                continue
            for other in self.found[n + 1 :]:
                if other.sentence != att.sentence:
                    break
                if other.source is not None and other.kind:
                    att.source, att.kind, att.head = other.source, other.kind, other.head
                    att.pronoun, att.refers_to, att.resolved = other.pronoun, other.refers_to, other.resolved
                    break

    def _unnest(self) -> None:
        """ "Officials said they believed …": the second attribution sits in the content of
        the first, which carries the sourcing; it is kept with the nested ones."""
        kept: list[Attribution] = []
        for att in self.found:
            outer: Attribution | None = None
            outer_start = 0  # where its content starts
            for b in reversed(kept):  # only this sentence's earlier attributions
                if b.sentence != att.sentence:
                    break
                if b.content is not None and b.content[0] <= att.cue[0] < b.content[1]:
                    outer, outer_start = b, b.content[0]
                    break
            if (
                outer is not None
                and att.source is not None
                and att.pronoun
                and att.source != outer.source
                and att.source[0] >= outer_start
                and not _CLAUSE_BREAK.search(self.prose, outer.cue[1], att.source[0])
                and not _CLAUSE_OPENING.search(self.prose, max(0, att.source[0] - 12), att.source[0])
            ):
                self.nested.append(att)
                continue
            kept.append(att)
        self.found = kept

    def _within(self) -> None:
        """An attribution with no source whose cue lies in the content of an attribution
        with a source in the same sentence is that source's report: "It is believed the
        minister resigned, police said", "Police said the minister reportedly resigned".
        Not "The minister reportedly resigned, and police said they were investigating":
        the police's content is only "they were investigating". The innermost such
        content wins."""
        by_sentence: dict[int, list[Attribution]] = {}
        for att in self.found:
            by_sentence.setdefault(att.sentence, []).append(att)
        for atts in by_sentence.values():
            if len(atts) < 2:
                continue
            for att in atts:
                if att.kind != "unsourced" or self._sentence_adverb(att):
                    continue
                best: Attribution | None = None
                best_size = 0  # the length of its content
                for b in atts:
                    if b is att or b.source is None or b.content is None or b.kind == "unsourced":
                        continue
                    if (
                        b.content[0] <= att.cue[0]
                        and att.cue[1] <= b.content[1]
                        and (best is None or b.content[1] - b.content[0] < best_size)
                    ):
                        best, best_size = b, b.content[1] - b.content[0]
                att.within = best

    def _sentence_adverb(self, att: Attribution) -> bool:
        """ "The senator slammed the plan, reportedly.": a report cue set off at the end of
        the sentence hedges all of it, the attribution too; it is the reporter's."""
        s = self.doc.sentences[att.sentence]
        before = self.prose[max(s.start, att.cue[0] - 2) : att.cue[0]]
        after = self.prose[att.cue[1] : s.end].strip()
        return before.rstrip().endswith(",") and all(c in ".!?…”’\"')" for c in after)

    def _reasons(self) -> None:
        doc = self.doc
        cache: dict[int, tuple[int, int] | None] = {}

        def reason_in(si: int):
            if si not in cache:
                s = doc.sentences[si]
                m = ANONYMITY_REASON.search(self.prose, s.start, s.end)
                cache[si] = (m.start(), m.end()) if m else None
            return cache[si]

        own_source = {
            a.sentence
            for a in self.found
            if a.source is not None and not a.pronoun and a.kind in ("anonymous", "vague")
        }
        for att in self.found:
            if att.kind not in ("anonymous", "vague") or att.source is None:
                continue
            block = doc.sentences[att.sentence].block
            for si in (att.sentence, att.sentence + 1):
                if si != att.sentence and si in own_source:
                    break  # the next sentence's reason belongs to the source it names
                if si < len(doc.sentences) and doc.sentences[si].block == block:
                    found = reason_in(si)
                    if found is not None:
                        att.reason = found
                        break


def _direct_quotes(doc) -> int:
    """How many of the document's quotations are direct (speaker assignment only ever
    turns a quotation direct, so the count tells whether any changed)."""
    return sum(1 for q in doc.quotes if q.direct)


def _same_routing(doc, routed: list[tuple[int, bool]], cues: CueIndex, hits) -> bool:
    """Would every attribution the finder made go to the same list (the reporter's, or
    nested in a direct quotation) under the document's quotations as they are now?"""
    probe = Finder(doc, cues, hits)
    return all(probe._quoted(p) == quoted for p, quoted in routed)


def _keep_speakers(doc, atts: list[Attribution]) -> None:
    """After a second run, the attribution that gives a quotation its speaker carries the
    quotation again (as the document build first marked it)."""
    by_source: dict[tuple[int, int], list[Attribution]] = {}
    for a in atts:  # grouped once: one pass per quotation over all of them is quadratic in a long file
        if a.source is not None:
            by_source.setdefault(a.source, []).append(a)
    for quote in doc.quotes:
        if quote.speaker is None:
            continue
        same = by_source.get(quote.speaker)
        if same:
            best = min(same, key=lambda a: min(abs(a.cue[0] - quote.end), abs(a.cue[1] - quote.start)))
            carry_quote(best, quote, doc.prose)
