"""Who says so: attributions in the prose, found once per document.

An attribution is a *cue* ("said", "according to", "reportedly"), usually with a
*source* (who says it) and a *content* (what is said). One pass finds them:

1. one Aho-Corasick scan of the prose finds every cue of the finder's lexicons
   (``reporting-verbs``, ``sourceless-cues``, ``passive-cues`` in ``rules/lexicons.yaml``),
   plus one pattern for transcript labels ("TAPPER: ...");
2. each cue is checked in its sentence: a verb needs a source next to it
   (:mod:`.sourcephrase` walks to it: "senior officials have privately acknowledged",
   "…, said the minister", "according to X"); "reportedly", "is said to", "it is believed"
   and agentless passives ("is described as", "has been criticised") stand alone;
3. the source is classified (:mod:`.sourcekind`): named person or organisation,
   anonymous (described), vague, or none at all (unsourced). A verb of saying whose
   speaker the walk cannot place ("… and announced", "All but two said") is still an
   attribution, listed as unsourced; a noun of stance ("criticism of", "questions
   about") is one of the inventory-only form "nominal";
4. pronouns and "who" resolve to the last compatible source in the paragraph or the one
   before; a vague group named in a neighbouring sentence ("MPs said … the Public Accounts
   Committee found") counts as identified; a reason for anonymity is looked for in the
   sentence and the next one.

Cues inside a direct quotation are the speaker's words, not the reporter's attribution,
and are skipped. The sourcing rules, the attribution rules (the ``sentence`` kind's
``attribution`` condition) and ``factlint sources`` all read this one list.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field, fields
from functools import lru_cache
from operator import attrgetter

import regex

from ..phrases import PhraseIndex, scan_document
from .lazypattern import LazyPattern
from .lexicons import (
    builtin_lexicons,
    fold,
    EVIDENCE_NOUNS,
    EVIDENCE_VERBS,
    GENERIC_SOURCE_HEADS,
    ACTION_VERBS,
    ORGANISATION_WORDS,
    PASSIVE_CUES,
    REPORTING_VERBS,
    SOURCELESS_CUES,
    NOMINAL_CUES,
    STANCE_ADJECTIVES,
    STANCE_NOUNS,
    STANCE_VERBS,
)
from .sourcekind import ANONYMITY, ANONYMITY_REASON, QUANTITY_HEADS as _QUANTITY_HEADS, SourceClass, classify, \
    head_word, split_head
from .sourcephrase import (
    CLOSING_MARKS,
    OPENING_MARKS,
    DETERMINERS,
    MEDIUM_NOUNS,
    NUMBER_WORDS,
    TIME_MODIFIERS,
    TIME_NOUNS,
    Tok,
    apposition_after,
    is_np_word,
    is_pronoun,
    phrase_after,
    phrase_before,
    previous_comma,
    skip_back,
    tokenize,
)

_TOK_START = attrgetter("start")

KINDS = ("named-person", "named-organisation", "anonymous", "vague", "unsourced")
#: How an attribution is made: a reporting verb ("said"), a verb of stance or intent
#: ("wants", "opposes"), a public act ("declined to comment", "thanked"), what a group of
#: unnamed sources is doing ("experts have discounted", "officials are reviewing"), "according to", a sourceless report ("reportedly", "it is
#: believed"), a passive ("is described as"), a transcript or headline label ("TAPPER:").
#: Two forms are for the inventory only (no rule flags them, and they stand behind no
#: claim): "question", the reporter's question ("Asked about the plan, she said …", "he
#: was asked whether …"), and "impression", how things look with nobody saying so ("the
#: senator seemed to blame …", "it appears that …"); and "nominal", a noun of saying or
#: stance with no possessive ("criticism of the plan", "questions about his health",
#: "claims that …"), whose holder is often not named at all; and "participle", a verb of
#: saying or stance in -ing whose speaker the finder could not place ("…, stressing the
#: island's sovereignty", "an advert touting cheaper fares"): someone in the sentence says
#: it, but the clause it hangs off is not theirs to vouch for.
FORMS = ("verb", "stance", "action", "predicate", "according", "report", "passive", "label", "question",
         "impression", "nominal", "participle")
#: The forms in which a source tells the reporter something (the ones whose anonymity
#: wants a reason: ``sourcing/anonymous-no-reason``, ``factlint sources``' summary) --
#: not a public act ("union members approved"), a passive, a question or an impression.
INFORMING_FORMS = frozenset({"verb", "stance", "predicate", "according", "label"})


@dataclass(slots=True)
class Attribution:
    """One attribution; every span is in prose offsets (``Document.to_raw`` maps it)."""

    cue: tuple[int, int]
    source: tuple[int, int] | None
    kind: str
    sentence: int
    content: tuple[int, int] | None = None
    quote: str = "paraphrase"  # direct | paraphrase | report
    reason: tuple[int, int] | None = None
    pronoun: bool = False  # the source is a pronoun, "who" or "the officials": a reference
    form: str = "verb"
    head: str = ""  # the source's head word, lower case
    refers_to: tuple[int, int] | None = None  # what a pronoun or group reference resolves to
    resolved: bool = True  # False for a pronoun with no source to refer to
    #: For an attribution with no source ("reportedly", "it is believed"): the attribution
    #: with a source in whose content its cue lies, in the same sentence ("It is believed
    #: the minister resigned, police said": the police stand behind the belief), else None.
    within: Attribution | None = field(default=None, repr=False, compare=False)

    @property
    def has_source(self) -> bool:
        return self.kind != "unsourced"

    @property
    def is_specific(self) -> bool:
        """A source a reader can identify or weigh (named, office, or resolved pronoun)."""
        return self.kind in ("named-person", "named-organisation")


def find_attributions(doc, nested: bool = False) -> list[Attribution]:
    """The document's attributions in the reporter's voice, in reading order (computed once,
    then cached). With ``nested``, also those inside direct quotations ("He told me ‘never
    again’", the aide said): the quoted speaker's own attributions, which tell who speaks
    in a quotation nested in another but are not the reporter's sourcing."""
    cached = doc._cache.get("attributions")
    direct = _direct_quotes(doc)
    if cached is not None and doc._cache.get("attributions_direct") != direct \
            and _same_routing(doc, doc._cache["attributions_routed"]):
        # a short quotation has since become direct, but none of the finder's attributions
        # starts inside it: a second run would route every attribution as the first did
        # and so find exactly the same (the quotations decide nothing else in the finder)
        doc._cache["attributions_direct"] = direct
        doc._cache.pop("attributions_decided", None)  # the quotations are settled: free it
    if cached is None or doc._cache.get("attributions_direct") != direct:
        # (again) when a short quotation has since been given a speaker and so become
        # direct: "“We said no,” he said." -- its words are then the speaker's, not the
        # reporter's, and the attribution after it is no longer nested in them
        finder = _Finder(doc)
        # a second run redoes only the sentences whose routing changed (see ``_Finder.rerun``)
        before = doc._cache.pop("attributions_decided", None)
        cached = doc._cache["attributions"] = finder.run() if before is None else finder.rerun(*before)
        doc._cache["nested_attributions"] = finder.nested
        doc._cache["attributions_routed"] = finder.routed
        if before is None:  # kept for a second run, which the quotations settle (then freed)
            doc._cache["attributions_decided"] = (finder.candidates, finder.decided, finder._lower_words)
        if "attributions_direct" in doc._cache:
            _keep_speakers(doc, cached + finder.nested)
        doc._cache["attributions_direct"] = direct
        doc._cache.pop("attributions_by_sentence", None)
    if nested:
        return sorted(cached + doc._cache["nested_attributions"], key=lambda a: a.cue[0])
    return cached


#: An attribution's fields, for a copy of it as the cue scan made it.
_FIELDS = attrgetter(*(f.name for f in fields(Attribution) if f.init))


def _copy(att: Attribution) -> Attribution:
    return Attribution(*_FIELDS(att))


def _direct_quotes(doc) -> int:
    """How many of the document's quotations are direct (speaker assignment only ever
    turns a quotation direct, so the count tells whether any changed)."""
    return sum(1 for q in doc.quotes if q.direct)


def _same_routing(doc, routed: list[tuple[int, bool]]) -> bool:
    """Would every attribution the finder made go to the same list (the reporter's, or
    nested in a direct quotation) under the document's quotations as they are now?"""
    probe = _Finder(doc)
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
            best.quote = "direct"
            best.content = (quote.inner_start, quote.inner_end)


def has_anonymity_reason(prose: str, start: int, end: int) -> bool:
    return ANONYMITY_REASON.search(prose, start, end) is not None


def mentions_anonymity(prose: str, start: int, end: int):
    return ANONYMITY.search(prose, start, end)


# -- the cue index ----------------------------------------------------------------------

class _CueIndex:
    """The cue phrases in one index, with the id of each group. A plain class with slots:
    as a frozen dataclass its generated methods cost about 2 ms at every import."""

    __slots__ = ("index", "verb", "report", "passive", "poll", "attitude", "nominal", "group", "impression",
                 "stance_noun")

    def __init__(self, index: PhraseIndex, verb: int, report: int, passive: int, poll: int, attitude: int,
                 nominal: int, group: int, impression: int, stance_noun: int) -> None:
        self.index, self.verb, self.report, self.passive, self.poll = index, verb, report, passive, poll
        self.attitude, self.nominal, self.group, self.impression = attitude, nominal, group, impression
        self.stance_noun = stance_noun


@lru_cache(maxsize=1)
def _cue_index() -> _CueIndex:
    index = PhraseIndex()
    cues = register_cues(index)
    index.freeze()
    return cues


def register_cues(index: PhraseIndex) -> _CueIndex:
    """The cue lists, registered in ``index`` (the finder's own, or a rule set's: then the
    finder reads the rules' one scan of a document parsed with it, ``build.parse``'s
    ``phrases``); the caller freezes it."""
    impression = index.register(sorted(IMPRESSION_VERBS))
    verb = index.register(sorted(REPORTING_VERBS | STANCE_VERBS | ACTION_VERBS))
    report = index.register(sorted(SOURCELESS_CUES))
    passive = index.register(list(PASSIVE_CUES))
    poll = index.register(["poll", "polls", "survey", "surveys", "polling"])
    attitude = index.register(sorted(STANCE_ADJECTIVES))
    nominal = index.register(sorted(NOMINAL_CUES))
    group = index.register(sorted(GENERIC_SOURCE_HEADS))
    stance_noun = index.register(sorted(STANCE_NOUNS))
    return _CueIndex(index, verb, report, passive, poll, attitude, nominal, group, impression, stance_noun)


#: "in" before a poll: "in the latest polls", "in a CBS News/ORC poll last week".
_IN_POLL = LazyPattern(r"\b([Ii]n)\s+(?:(?:the|a|an|our|their|its|this|that|these)\s+)?[^\s.,;:!?]+(?:\s+[^\s.,;:!?]+){0,4}\s*\Z")
#: A speaker's label: "TAPPER: …" in a transcript, "Trump: My plans aren't set" in a headline.
#: Up to four capitalised words at the start of a paragraph or sentence, then a colon.
_LABEL = LazyPattern(
    r"(?:(?<=\A)|(?<=\n\n)|(?<=[.?!][\"”’']?\s))"
    r"(\p{Lu}[\p{L}.'’-]*(?:\s(?:\p{Lu}[\p{L}.'’-]*|of|on|the|de|van|von)){0,4}):(?=\s)")
#: A title line's label may hold more than names: "Clinton camp: …", "Former AG Jane Roe at
#: the convention: …" (checked by the same label rules: at most eight words, a source).
_TITLE_LABEL = LazyPattern(r"\A(\p{Lu}[^\n:.?!“”\"]{0,60}?):(?=\s)")
#: Labels that introduce something other than a speaker.
_NOT_SPEAKERS = frozenset("note update editor's editors correction clarification source sources photo "
                          "video watch read related disclosure warning summary background context analysis "
                          "opinion exclusive breaking live latest contributing q a question answer example examples see also "
                          "key points what why how when where who "
                          # an editor's placeholder or query is no speaker: "TK: 300 people died"
                          "tk tktk tbc tba tbd xx xxx fixme todo check verify confirm query".split())
_BE = frozenset("is are was were be been being am 's 're get gets got getting".split())
_INVERTING = frozenset(
    "said says say added adds asked asks wrote writes told tweeted explained explains noted notes "
    "replied recalled argued argues warned warns acknowledged stated insisted insists declared "
    "continued concluded countered suggested observed remarked quipped joked conceded predicted "
    "cautioned responded".split())
#: Before a noun these make a cue word a noun: "his claims", "the reports", "of reports".
_NOUN_BEFORE = DETERMINERS | frozenset("of in for on with from by at about amid despite over "
                                       "after before to new recent such".split())
#: "by saying", "after adding": a participle whose subject is the main clause's.
_PARTICIPLE_PREPS = frozenset("by after before while when in without".split())
_NOUN_FORMS = frozenset("reports claims fears hopes views notes estimates shows calls stresses doubts "
                        "promises praises counters concerns states report claim fear hope view note "
                        "estimate show call stress doubt promise praise counter blame support state "
                        "comment tweet tweets question questions regard".split())
#: What may follow a verb that is also a noun: "states that", "claims the", "shows Smith".
_COMPLEMENT_WORDS = frozenset("that the a an his her their its this these those it he she they we i "
                              "him them us me himself herself themselves itself "
                              "to : “ \" ' ‘ no whether if why how what both all more less most some many "
                              "few several only nearly almost about".split())
#: Blocks that title the story rather than report it (also read by ``factlint sources``).
TITLE_BLOCKS = frozenset({"headline", "heading", "dek"})
#: After these a capitalised word may open a clause: "… unnoticed: According to polls, …"
_CLAUSE_OPENERS = frozenset({":", "—", "–", "“", '"', "(", "'", "‘"})
#: Group heads that a named body in a neighbouring sentence identifies.
_MEMBER_HEADS = frozenset("mps mp lawmakers legislators members senators councillors councilors "
                          "researchers scientists judges".split())
_BODY_HEADS = frozenset("committee commission council panel parliament congress senate assembly court "
                        "university institute study report survey board caucus".split())
_SINGULAR_PRONOUNS = frozenset("he she he's she's he'd she'd he'll she'll".split())
_PLURAL_PRONOUNS = frozenset("they we they're they've we've they'd we'd they'll we'll".split())


class _Finder:
    def __init__(self, doc) -> None:
        self.doc = doc
        self.prose = doc.prose
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

    def rerun(self, candidates: dict[int, list[tuple[int, int, str]]],
              decided: list[tuple[int, int, Attribution, bool]], lower_words: dict[str, bool]) -> list[Attribution]:
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

    def _quoted_candidates(self, candidates: list[tuple[int, int, str]],
                           firsts: list[tuple[int, int]]) -> dict[int, list[tuple[int, int, str]]]:
        """The candidates of each sentence that a quotation overlaps, kept for ``rerun``:
        only there can a change of the quotations move an attribution to the other list."""
        starts = [s.start for s in self.doc.sentences]
        touched: set[int] = set()
        for q in self.doc.quotes:
            touched.update(range(max(0, bisect_right(starts, q.inner_start) - 1), bisect_left(starts, q.inner_end)))
        kept = {}
        for k, (si, n) in enumerate(firsts):
            if si in touched:
                kept[si] = candidates[n:firsts[k + 1][1] if k + 1 < len(firsts) else len(candidates)]
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

    def _candidates(self) -> list[tuple[int, int, str]]:
        shared = self.doc._cache.get("phrase-index")  # a rule set's index that holds the cue lists
        if getattr(shared, "cues", None) is not None:
            idx = shared.cues
            hits = scan_document(self.doc, shared)[0]
        else:
            idx = _cue_index()
            hits = idx.index.scan(self.prose)
        candidates = [(s, e, "report") for s, e in hits.get(idx.report, ())]
        candidates += [(s, e, "passive") for s, e in hits.get(idx.passive, ())]
        candidates += [(s, e, "verb") for s, e in hits.get(idx.verb, ())]
        candidates += [(m.end(1), m.end(), "label") for m in _LABEL.finditer(self.prose)]
        candidates += [(m.end(1), m.end(), "label") for m in _TITLE_LABEL.finditer(self.prose)]
        candidates += self._in_polls(hits.get(idx.poll, ()))
        prose = self.prose
        # cheap checks on the characters around a hit before any sentence is tokenized
        candidates += [(s, e, "attitude") for s, e in hits.get(idx.attitude, ())
                       if _LINK_BEFORE.search(prose, max(0, s - 40), s)]
        candidates += [(s, e, "nominal") for s, e in hits.get(idx.nominal, ())
                       if s > 2 and prose[s - 1] == " " and prose[s - 3:s - 1] in ("'s", "’s", "s'", "s’")]
        candidates += [(s, e, "group") for s, e in hits.get(idx.group, ())
                       if _VERB_AFTER.match(prose, e, min(len(prose), e + 80))]
        candidates += [(s, e, "impression") for s, e in hits.get(idx.impression, ())]
        # the noun alone is the cue: "criticism" of "criticism of the plan"
        candidates += [(s, _word_end(prose, s, e), "stance-noun") for s, e in hits.get(idx.stance_noun, ())]
        candidates.sort(key=lambda c: (c[0], -c[1]))
        return candidates

    def _quoted(self, p: int) -> bool:
        """Inside a closed (or continued) direct quotation? An unclosed one is more often a
        slip than a quotation running to the end of the paragraph."""
        if self._quote_spans is None:
            spans = sorted((q.inner_start, q.inner_end) for q in self.doc.quotes
                           if q.direct and (q.closed or q.continued))
            self._quote_spans = spans
            self._quote_starts = [a for a, _ in spans]
        i = bisect_right(self._quote_starts, p) - 1
        while i >= 0:
            a, b = self._quote_spans[i]
            if a <= p < b:
                return True
            if b <= p and i > 0 and self._quote_spans[i - 1][1] <= p:
                return False
            i -= 1
        return False

    def _in_polls(self, polls) -> list[tuple[int, int, str]]:
        """"Clinton led by 10 points in a CBS News poll": "in" is the cue, the poll the source."""
        out = []
        prose = self.prose
        for start, end in polls:
            window = prose[max(0, start - 60):start]
            m = _IN_POLL.search(window)
            if m:
                cue = start - len(window) + m.start(1)
                out.append((cue, cue + 2, "poll"))
        return out

    def _toks(self, si: int) -> list[Tok]:
        """The tokens of sentence ``si``; cues come in reading order, so each sentence is
        tokenized once and only the current sentence's tokens are kept (a long document does
        not pile up token objects)."""
        if self._tok_sentence != si:
            s = self.doc.sentences[si]
            self._tok_list = tokenize(self.prose, s.start, s.end)
            self._tok_sentence = si
        return self._tok_list

    def _attribution(self, si: int, start: int, end: int, form: str) -> Attribution | None:
        toks = self._toks(si)
        ci = bisect_left(toks, start, key=_TOK_START)  # no list of starts: a few key calls
        cj = bisect_left(toks, end, key=_TOK_START) - 1
        if ci >= len(toks) or toks[ci].start != start or cj < ci or toks[cj].end != end:
            return None  # a cue inside a longer word ("tweet-id")
        if form == "report":
            return self._report(si, toks, ci, cj)
        if form == "passive":
            return self._passive(si, toks, ci, cj) or self._verb_at_same_place(si, toks, ci)
        if form == "label":
            return self._label(si, toks, ci)
        if form == "poll":
            return self._poll(si, toks, ci)
        if form == "attitude":
            return self._attitude(si, toks, ci)
        if form == "nominal":
            return self._nominal(si, toks, ci)
        if form == "group":
            return self._group_predicate(si, toks, ci)
        if form == "impression":
            return self._impression(si, toks, ci)
        if form == "stance-noun":
            return self._stance_noun(si, toks, ci)
        return self._verb(si, toks, ci, cj)

    def _verb_at_same_place(self, si: int, toks: list[Tok], ci: int) -> Attribution | None:
        """A passive phrase that reads as active ("what she described as"): try the verb."""
        if toks[ci].low in REPORTING_VERBS:
            return self._verb(si, toks, ci, ci)
        nxt = toks[ci + 1] if ci + 1 < len(toks) else None
        if toks[ci].low.endswith("ed") and nxt is not None and (
                nxt.low in DETERMINERS or is_pronoun(nxt) or nxt.capitalised or nxt.low.isdigit() or nxt.text in OPENING_MARKS):
            # with an object it is active: "the board deemed the plan unsafe", "she dubbed him “…”"
            # ("emails now deemed secret" is no one deeming)
            return self._verb(si, toks, ci, ci)
        return None

    # -- cue forms --------------------------------------------------------------------
    def _report(self, si: int, toks: list[Tok], ci: int, cj: int) -> Attribution:
        s = self.doc.sentences[si]
        content = self._after(toks, cj, s) if ci == 0 else (s.start, _trim_end(self.prose, s.start, s.end))
        return Attribution((toks[ci].start, toks[cj].end), None, "unsourced", si, content, "report",
                           form="report")

    def _passive(self, si: int, toks: list[Tok], ci: int, cj: int) -> Attribution | None:
        k = ci - 1
        while k >= 0 and (toks[k].low.endswith("ly") and len(toks[k].low) > 4 or toks[k].low in ("also", "long", "often")):
            k -= 1
        before = toks[k] if k >= 0 else None
        as_phrase = toks[cj].low == "as"
        if before is None or before.text in (",", "—", "–"):
            if not as_phrase:
                return None  # ", believed South American origin": no passive of saying
            # "The plan, described as ...", "Described as ..."
        elif before.low in _BE:
            if before.low in ("be", "being") and k > 0 and toks[k - 1].low in _MODAL_LEAD:
                return None  # "seeks to be seen as", "will be viewed as": a hope or forecast, no attribution
        elif cj + 1 < len(toks) and toks[cj + 1].low == "by" and not is_pronoun(before):
            pass  # "the $36.5 billion estimated by Forbes": a reduced passive with its agent
        elif as_phrase and is_np_word(before) and not before.capitalised:
            span = phrase_before(toks, k, 0)  # "a plan described as ...", not "which the union described as"
            if span is not None and span[0] > 0 and toks[span[0] - 1].low in ("which", "what", "that", "whom"):
                return None
        else:
            return None
        s = self.doc.sentences[si]
        cue = (toks[ci].start, toks[cj].end)
        agent = self._agent(toks, cj + 1)
        if agent is not None:
            return self._sourced(si, toks, cue, agent, self._after(toks, cj, s), form="passive")
        if before is not None and before.low in _BE and k - 1 >= 0 and toks[k - 1].low in ("it",):
            cue = (toks[k - 1].start, cue[1])  # "it is understood"
        return Attribution(cue, None, "unsourced", si, self._after(toks, cj, s), "report", form="passive")

    def _impression(self, si: int, toks: list[Tok], ci: int) -> Attribution | None:
        """"The senator seemed to blame the governor", "it appears that …": how things look,
        with no source saying so (an attitude, "voters seem skeptical", has its own cue)."""
        j = ci + 1
        while j < len(toks) and _is_adverb_tok(toks[j]):
            j += 1
        nxt = toks[j] if j < len(toks) else None
        if nxt is None or not nxt.is_word or nxt.capitalised or nxt.low in STANCE_ADJECTIVES:
            return None
        if nxt.low not in ("to", "that", "as", "like", "set", "poised", "likely", "unlikely", "certain", "ready") \
                and (nxt.low in DETERMINERS or nxt.low in _IMPRESSION_STOPS or nxt.low[:1].isdigit()):
            return None  # "appeared on television", "appeared in court", "appears the …"
        if nxt.low == "as" and (j + 1 >= len(toks) or toks[j + 1].low not in ("if", "though")):
            return None  # "appeared as his guest" (a role), not "seemed as if …"
        if any(t.low in _BARE_CAUSATIVES for t in toks[max(0, ci - 4):ci - 1]):
            return None  # "to make him appear weak": someone's aim, not the reporter's impression
        start = ci
        while start > 0 and (toks[start - 1].low in _AUX_VERBS or toks[start - 1].low in ("also", "not", "never")):
            start -= 1  # "has seemed", "did not appear"
        s = self.doc.sentences[si]
        return Attribution((toks[start].start, toks[ci].end), None, "unsourced", si, self._after(toks, ci, s),
                           "report", form="impression")

    def _questioned(self) -> None:
        """"Asked about the plan, the minister said …": the question goes to the source
        that answers it in the same sentence."""
        for n, att in enumerate(self.found):
            if att.form != "question" or att.source is not None:
                continue
            for other in self.found[n + 1:]:
                if other.sentence != att.sentence:
                    break
                if other.source is not None and other.kind:
                    att.source, att.kind, att.head = other.source, other.kind, other.head
                    att.pronoun, att.refers_to, att.resolved = other.pronoun, other.refers_to, other.resolved
                    break

    def _agent(self, toks: list[Tok], i: int) -> tuple[int, int] | None:
        """"… by the minister": the agent of a passive, within a few words."""
        for j in range(i, min(len(toks), i + 8)):
            t = toks[j]
            if t.low == "by":
                span = phrase_after(toks, j + 1, len(toks))
                if span is None and j + 1 < len(toks) and toks[j + 1].low in _QUANTIFIERS:
                    return (j + 1, j + 1)  # "criticised by many as …"
                return span
            if not t.is_word and t.text not in ("-",):
                return None
        return None

    def _group_predicate(self, si: int, toks: list[Tok], hi: int) -> Attribution | None:
        """"Nuclear proliferation experts have similarly discounted …", "Some party officials
        are looking for …": a generic group as the subject of a verb that is not a reporting
        verb still attributes a view or an act to people the reader cannot identify."""
        n = len(toks)
        j = hi + 1
        if j < n and (toks[j].low in ("familiar", "close", "in", "at", "from", "inside", "within", "on")
                      or toks[j].low == "to" and j + 1 < n and toks[j + 1].capitalised):  # "aides to Mr. Sanders"
            after = phrase_after(toks, j + 1, n)
            if after is None or toks[j].low in ("familiar", "close") and after is None:
                return None
            j = after[1] + 1
        k = j
        auxiliaries = 0
        while k < n and (toks[k].low in _AUX_VERBS or toks[k].low in ("not", "also", "still", "now")
                         or _is_adverb_tok(toks[k])):
            auxiliaries += toks[k].low in _AUX_VERBS
            k += 1
        if k >= n:
            return None
        verb = toks[k]
        if not verb.is_word or verb.capitalised or verb.low in _STOP_PREDICATE or verb.low[:1].isdigit():
            return None  # "officials are the …", "everyone is from …": no verb
        if verb.low in REPORTING_VERBS or verb.low in STANCE_VERBS or verb.low in ACTION_VERBS \
                or verb.low in STANCE_ADJECTIVES:
            return None  # the verb has its own cue
        last_aux = toks[k - 1].low if auxiliaries else ""
        if last_aux in _BE or last_aux in ("been",):
            if not verb.low.endswith("ing"):
                return None  # "three people were killed": a passive or a copula, nobody's view
        elif last_aux in ("have", "has", "had"):
            if not verb.low.endswith("ed"):
                return None
        elif last_aux:
            pass  # "will select", "may end": a modal and a base form
        elif not (verb.low.endswith("ed") and len(verb.low) > 4):
            return None
        elif k + 1 < n and toks[k + 1].low == "by":
            return None  # "economists polled by the agency expect …": a participle describing them
        span = phrase_before(toks, hi, 0)
        if span is None:
            return None
        before = toks[span[0] - 1] if span[0] > 0 else None
        if before is not None and before.text not in (",", ";", "—", "–", "(") and before.low not in _CLAUSE_JOINERS \
                and before.low not in ("that", "while", "because", "although", "though", "when", "as", "if"):
            return None  # the group is not the subject of a clause ("the number of officials has …")
        if any(t.low[:1].isdigit() or t.low in NUMBER_WORDS for t in toks[span[0]:span[1] + 1]):
            return None  # "367,000 people voted": a count of people, not a source
        s = self.doc.sentences[si]
        att = self._sourced(si, toks, (toks[j].start, verb.end), span, self._after(toks, k, s), form="predicate")
        if att is not None and att.head not in _PREDICATE_HEADS:
            return None
        return att

    @staticmethod
    def _agentful(toks: list[Tok], k: int) -> bool:
        return any(t.low == "by" for t in toks[k + 1:k + 4])

    def _nominal(self, si: int, toks: list[Tok], ci: int) -> Attribution | None:
        """"Clinton's claim that …", "the ministry's estimate": the possessive is the source."""
        if ci == 0 or not (toks[ci - 1].low.endswith("'s") or toks[ci - 1].low.endswith("s'")):
            return None
        span = phrase_before(toks, ci - 1, 0, links=False)
        if span is None:
            return None
        s = self.doc.sentences[si]
        return self._sourced(si, toks, (toks[ci].start, toks[ci].end), span, self._after(toks, ci, s))

    def _stance_noun(self, si: int, toks: list[Tok], ci: int) -> Attribution | None:
        """"Criticism of the plan grew", "amid questions about his health", "claims that
        the vote was rigged": a noun of saying or stance. The source is a possessive before
        it ("Clinton's claim that", as a nominal cue) or an agent after it ("criticism from
        unions"); often there is none. For the inventory: no rule reads this form."""
        prev = toks[ci - 1] if ci > 0 else None
        if prev is not None and (prev.low.endswith("'s") or prev.low.endswith("s'")):
            return self._nominal(si, toks, ci)
        s = self.doc.sentences[si]
        cue = (toks[ci].start, toks[ci].end)
        content = self._after(toks, ci, s)
        if prev is not None and prev.low in _POSSESSIVE_PRONOUNS:
            # "her criticism of the plan": the possessive refers back like "she"
            return Attribution(cue, (prev.start, prev.end), "named-person", si, content, "paraphrase", pronoun=True,
                               form="nominal", head=_POSSESSIVE_PRONOUNS[prev.low])
        if ci + 1 < len(toks) and toks[ci + 1].low in ("from", "by"):
            agent = phrase_after(toks, ci + 2, len(toks))
            if agent is not None:
                att = self._sourced(si, toks, cue, agent, content, form="nominal")
                if att is not None:
                    return att
        return Attribution(cue, None, "unsourced", si, content, "paraphrase", form="nominal")

    def _attitude(self, si: int, toks: list[Tok], ci: int) -> Attribution | None:
        """"Voters are skeptical of free trade": an attitude attributed to the subject."""
        k = ci - 1
        while k >= 0 and (_is_adverb_tok(toks[k]) or toks[k].low in ("not", "also", "still", "more", "less",
                                                                    "very", "so", "too", "increasingly")):
            k -= 1
        if k < 0 or toks[k].low not in _ATTITUDE_LINKS:
            return None
        cue_start = k
        k = skip_back(toks, k - 1, 0)
        source = self._source_before(toks, k)
        if source is None or toks[source[0]].low in ("it", "this", "that", "there"):
            return None
        s = self.doc.sentences[si]
        return self._sourced(si, toks, (toks[cue_start].start, toks[ci].end), source, self._after(toks, ci, s),
                             form="stance")

    def _poll(self, si: int, toks: list[Tok], ci: int) -> Attribution | None:
        end = ci + 1
        while end < len(toks) and toks[end].low not in ("poll", "polls", "survey", "surveys", "polling"):
            end += 1
        if end >= len(toks):
            return None
        if ci > 0 and toks[end].low != "poll" and toks[end].low != "survey" and toks[ci - 1].text not in _CLAUSE_OPENERS:
            return None  # "leads in the polls", "slipped in national surveys": a standing, no poll cited
        if end + 1 < len(toks) and toks[end + 1].low == "data":
            end += 1
        s = self.doc.sentences[si]
        content = self._before(toks, ci, s) if ci > 1 else self._after(toks, end, s)
        return self._sourced(si, toks, (toks[ci].start, toks[ci].end), (ci + 1, end), content, form="according")

    def _label(self, si: int, toks: list[Tok], ci: int) -> Attribution | None:
        j = 0  # the label opens the sentence (see _LABEL)
        if ci < 1 or ci > 8 or any(t.low in _NOT_SPEAKERS for t in toks[:ci]):
            return None
        s = self.doc.sentences[si]
        att = self._sourced(si, toks, (toks[ci].start, toks[ci].end), (j, ci - 1), self._after(toks, ci, s),
                            form="label")
        if att is not None and att.kind == "named-organisation" and all(t.text.isupper() for t in toks[:ci] if t.is_word) \
                and att.head not in ORGANISATION_WORDS:
            att.kind = "named-person"  # "TAPPER:" in a transcript
        return att

    def _verb(self, si: int, toks: list[Tok], ci: int, cj: int) -> Attribution | None:
        first = toks[ci]
        words = [t.low for t in toks[ci:cj + 1]]
        phrase = " ".join(words)
        s = self.doc.sentences[si]
        if first.capitalised and ci > 0 and self.doc.blocks[s.block].kind not in TITLE_BLOCKS \
                and toks[ci - 1].text not in _CLAUSE_OPENERS and not _title_case(toks):
            return None
        cue = (first.start, toks[cj].end)
        vform = "verb" if phrase in REPORTING_VERBS else "stance" if phrase in STANCE_VERBS else "action"
        if phrase == "according to":
            return self._according(si, toks, ci, cj)
        prev = toks[ci - 1] if ci > 0 else None
        participle = words[0].endswith("ing")
        if prev is not None:
            if participle and (_after_comma(toks, ci) or prev.low in _PARTICIPLE_PREPS):
                return self._participle(si, toks, ci, cj, vform)
            if prev.low in ("most", "more", "less", "least") and words[-1].endswith("ing"):
                return None  # "his most promising paths": an adjective
            if prev.low == "to" and ci >= 2 and vform != "action":
                aspect = self._aspect_to(si, toks, ci, cj, vform)  # "continued to insist"
                if aspect is not None:
                    return aspect
            if prev.low == "to" and ci >= 3:
                return self._caused_to(si, toks, ci, cj, vform)  # "led some to speculate"
            if (prev.low in _NOUN_BEFORE and not (prev.low in _QUANTIFIERS and self._quantified_verb(toks, ci, cj))) \
                    or (prev.low.endswith("'s") and not _has_or_is(prev)):
                return None  # "the said agreement", "his claims"; but "many say", "many fear that", "he's said"
        elif participle:
            nxt = toks[cj + 1] if cj + 1 < len(toks) else None
            if cj == ci and vform == "verb" and nxt is not None and nxt.is_word and nxt.low not in ("to", "by", "for") \
                    and not first.text.isupper():
                # "Noting that the quay had closed, the mayor said …": the participle opening the
                # sentence reports what the main clause's subject says
                return Attribution(cue, None, "unsourced", si, self._after(toks, cj, s), "paraphrase",
                                   form="participle")
            return None
        nxt = toks[cj + 1] if cj + 1 < len(toks) else None
        if participle and (nxt is None or nxt.text in ".!?;:" or nxt.low in ("for", "by")):
            # "Storm warning", "Flood warning for the valley", "(Reporting by Jane Roe)": a noun,
            # not someone warning or reporting
            return None
        if phrase == "asked" and nxt is not None and (
                nxt.low in _QUESTION_WORDS or nxt.text in (",", ":") or nxt.low in ("by", "a", "an")
                or nxt.low == "to" and not self._request(toks, cj)):
            # "asked whether", "when asked by a reporter", "was asked a question", "was
            # asked, “…?”", "was asked to name one": the reporter's (or someone's) question
            question = self._question(si, toks, ci, cj)
            if question is not None:
                return question
        if phrase in ("put it", "puts it") and nxt is not None and nxt.text not in (",", ":", ".", "—", "–", ";"):
            return None  # "as one aide put it, …"; not "he put it on the table"
        if words[0] in _CLAUSE_VERBS and not (nxt is not None and (nxt.low in _CLAUSE_STARTS or is_pronoun(nxt))):
            return None  # "he knew the area", "she felt ill"; but "he knew that …", "they feel it is …"
        if words[0] in ("see", "sees", "saw") and not any(t.low == "as" for t in toks[cj + 1:cj + 8]):
            return None  # only "see X as Y" reports a view; "she saw the film" does not
        if phrase in ("continued", "continues") and nxt is not None and nxt.is_word:
            return None  # "he continued to lead"; only "…,” he continued." reports speech
        if phrase in ("declined", "declines", "refused", "refuses") and (nxt is None or nxt.low != "to"):
            return None
        if phrase in ("asked", "asks") and nxt is not None and nxt.low in ("not", "to") and self._request(toks, cj):
            return None  # "who asked not to be named": a request, not something said
        if words[0] in ("call", "calls", "called", "calling") and nxt is not None and nxt.low in _PARTICLES:
            return None  # "called off", "called in"
        if phrase in _NOUN_FORMS and not _complement(nxt) and not (vform == "stance" and _gerund(nxt)) and not (
                (nxt is None or nxt.text in ".!?;") and any(t.text == "," for t in toks[max(0, ci - 5):ci])) \
                and not (phrase in EVIDENCE_VERBS and self._evidence_before(toks, ci)) \
                and not self._headline_verb(toks, ci, s):
            # "key states ahead", "reports of fraud"; but "…, figures show.", "X slams A, praises
            # B", "figures released this week show …" (evidence earlier in the clause)
            return None
        if prev is not None and (prev.low.isdigit() or prev.low in NUMBER_WORDS) and nxt is not None \
                and words[-1].endswith("ed") and is_np_word(nxt) and not nxt.capitalised:
            return None  # "20 pledged delegates": a participle used as an adjective
        k = ci - 1
        while k >= 0 and (toks[k].low.endswith("ly") and len(toks[k].low) > 4):
            k -= 1
        if k >= 0 and toks[k].low in _BE and not participle:
            agent = self._agent(toks, cj + 1)  # "was criticised by the minister"
            if agent is None:
                if vform == "verb" and cj == ci and words[0].endswith("ed") and words[0] not in _NO_FALLBACK:
                    # "the result was announced on Friday": a report with no one named; listed as
                    # unsourced (form verb: the passives the sourcing rules query are their own list)
                    return Attribution(cue, None, "unsourced", si, self._after(toks, cj, s), "paraphrase", form="verb")
                return None
            # "was approved by union members": an act with its agent, not a view passed on
            return self._sourced(si, toks, cue, agent, self._after(toks, cj, s),
                                 form="action" if vform == "action" else "passive")
        k = skip_back(toks, ci - 1, 0)
        if k >= 0 and toks[k].low in ("and", "but") and k > 0 and (toks[k - 1].is_word or toks[k - 1].text == ","):
            return self._participle(si, toks, ci, cj, vform) \
                or self._speech_without_source(si, toks, ci, cj, s)  # "… put off deciding but said …"
        source = self._source_before(toks, k)
        if source is not None and not self._agrees(toks, source, k, ci, cj, words[0]) \
                and not (source[0] > 0 and toks[source[0] - 1].low in _BARE_CAUSATIVES and _verb_form(words[0]) == "base"):
            source = None  # but "made many think", "let critics say"
        if source is not None and words[0] == "called" and _names_something(toks, source, nxt):
            source = None
        if source is not None and vform != "verb" and _large_count(toks[source[0]:source[1] + 1]):
            return None  # "34,000 people supported Trump": a count of voters, not a source
        if source is not None:
            if source[1] < ci - 1 and all(toks[x].low in _AUX_VERBS or toks[x].low in ("also", "not", "never")
                                          or _is_adverb_tok(toks[x]) for x in range(source[1] + 1, ci)):
                cue = (toks[source[1] + 1].start, cue[1])  # "has said", "also said", "has repeatedly said"
            content = self._after(toks, cj, s)
            if source[0] > 0 and (toks[source[0] - 1].text == "," or toks[source[0] - 1].text in CLOSING_MARKS) \
                    and _circumstance_only(toks, cj + 1, addressee=words[0] in _TELLING):
                # "…, the minister said.", "…, she said on Tuesday.", "…, he told reporters."
                content = self._before(toks, source[0], s)
            return self._sourced(si, toks, cue, source, content, form=vform) \
                or self._speech_without_source(si, toks, ci, cj, s)
        if phrase in _INVERTING and (prev is None or prev.text in (",", "—", "–", "'") or prev.text in CLOSING_MARKS):
            after = phrase_after(toks, cj + 1, len(toks))
            if after is not None and not toks[after[0]].low in ("that", "it", "this"):
                end = apposition_after(toks, after[1], len(toks))
                return self._sourced(si, toks, cue, (after[0], end), self._before(toks, ci, s)) \
                    or self._speech_without_source(si, toks, ci, cj, s)
        return self._speech_without_source(si, toks, ci, cj, s)

    def _speech_without_source(self, si: int, toks: list[Tok], ci: int, cj: int, s) -> Attribution | None:
        """"…, and said it was another step", "Gov. Jane Doe (D-Vt.), said": a finite verb of
        saying is an attribution even where the walk finds no speaker it can classify (a
        subject far back, an unusual name). Listed as unsourced; no sourcing rule reads the
        form ``verb`` with no source, and the attribution rules count it as attributed."""
        low = toks[ci].low
        if not (cj > ci or low in _SPEECH_FINITE or low.endswith("ed") and low in REPORTING_VERBS
                and low not in _NO_FALLBACK or low.endswith("ing") and low in REPORTING_VERBS
                or low in EVIDENCE_VERBS and self._evidence_before(toks, ci)
                or self._headline_verb(toks, ci, s)):
            return None  # a phrase ("called for", "referred to", "spoke about") is a verb, not a noun
        prev = toks[ci - 1] if ci > 0 else None
        nxt = toks[cj + 1] if cj + 1 < len(toks) else None
        if prev is not None and prev.low in ("that", "this", "having", "all", "when", "if", "to", "be", "been") \
                or nxt is not None and (nxt.low in ("to", "of") and (low in _SPEECH_FINITE or not _infinitive_after(toks, cj + 1))
                                        or nxt.text == "," and toks[ci].low == "say"):
            return None  # "That said, …", "all said and done", "is said to", "said of", "to, say, five"
        return Attribution((toks[ci].start, toks[cj].end), None, "unsourced", si, self._after(toks, cj, s),
                           "paraphrase", form="participle" if low.endswith("ing") else "verb")

    def _headline_verb(self, toks: list[Tok], ci: int, s) -> bool:
        """"Senator slams the plan, praises the mayor": in a headline a verb of saying or
        stance in -s after a comma is a second verb of the same subject (headlines drop "and")."""
        low = toks[ci].low
        return ci > 1 and toks[ci - 1].text == "," and low.endswith("s") and (low in REPORTING_VERBS or low in STANCE_VERBS) \
            and (self.doc.blocks[s.block].kind in TITLE_BLOCKS or self._first_line(s))

    def _first_line(self, s) -> bool:
        """The document's first block is one sentence: in plain text, a title line."""
        sentences = self.doc.sentences
        return s is sentences[0] and s.block == 0 and (len(sentences) == 1 or sentences[1].block != 0)

    @staticmethod
    def _evidence_before(toks: list[Tok], ci: int) -> bool:
        """"A national poll released Sunday by two networks shows …", "polls in the state he
        calls home show …": a noun of evidence not far before "show" or "find", in the same
        clause, is what shows it, even where the walk back cannot reach it."""
        for k in range(ci - 1, max(-1, ci - 16), -1):
            if toks[k].text in (";", ":") or toks[k].text in _CLAUSE_OPENERS:
                return False
            if toks[k].low in EVIDENCE_NOUNS:
                return True
        return False

    def _question(self, si: int, toks: list[Tok], ci: int, cj: int) -> Attribution | None:
        """"Asked about the plan, she said …", "When asked whether …", "the minister was asked
        about …": the reporter's question, attributed to whoever was asked."""
        s = self.doc.sentences[si]
        cue = (toks[ci].start, toks[cj].end)
        lead = [t.low for t in toks[:ci]]
        if len(lead) > 1 and lead[-1] in ("when", "once"):
            # "…,” she said when asked about the vote": the question put to the speaker mid-sentence
            return Attribution(cue, None, "unsourced", si, self._after(toks, cj, s), "paraphrase", form="question")
        if not lead or lead in (["when"], ["if"], ["once"], ["after"], ["but"], ["and"]) or lead[-1] in (",", "—", "–"):
            if lead and lead[-1] not in (",", "—", "–", "when", "if", "once", "after", "but", "and"):
                return None
            return Attribution(cue, None, "unsourced", si, self._after(toks, cj, s), "paraphrase", form="question")
        k = ci - 1
        while k >= 0 and _is_adverb_tok(toks[k]):
            k -= 1
        if k < 1 or toks[k].low not in ("was", "were", "is", "are", "been", "being"):
            return None
        k -= 1
        while k >= 0 and (toks[k].low in _AUX_VERBS or toks[k].low in ("also", "not", "never")):
            k -= 1
        source = self._source_before(toks, k)
        if source is None or toks[source[0]].low in ("it", "this", "that", "there"):
            return None
        return self._sourced(si, toks, (toks[source[1] + 1].start, cue[1]), source, self._after(toks, cj, s),
                             form="question")

    @staticmethod
    def _quantified_verb(toks: list[Tok], ci: int, cj: int) -> bool:
        """After "many", "some", "others": a verb ("many say", "some fear that"), or a noun
        ("many claims", "some hope of")? A word that is also a noun is a verb when it takes a
        clause or an object, in the plural quantifiers' agreement ("many fear the …")."""
        phrase = " ".join(t.low for t in toks[ci:cj + 1])
        if phrase not in _NOUN_FORMS:
            return True
        nxt = toks[cj + 1] if cj + 1 < len(toks) else None
        if nxt is None or nxt.low in ("of", "for", "in", "on", "about", "and", "or", "to") or not _complement(nxt):
            return False
        return not phrase.endswith("s") or toks[ci - 1].low in ("some", "another", "each")

    def _caused_to(self, si: int, toks: list[Tok], ci: int, cj: int, form: str) -> Attribution | None:
        """"The ruling led some to speculate that …", "leaving many to wonder whether …": a
        causative verb, a group and "to" before a verb of saying or thinking; the group is
        the source."""
        k = ci - 2
        if toks[k].low in _RAISING:
            return self._raised(si, toks, ci, cj, form)
        span = (k, k) if toks[k].low in _QUANTIFIERS or is_pronoun(toks[k]) else phrase_before(toks, k, 0, links=False)
        if span is not None:
            causative = next((x for x in range(span[0], span[1]) if toks[x].low in _CAUSATIVES), None)
            if causative is not None:
                span = (causative + 1, span[1])  # "prompted critics": the participle is the verb
        if span is None or span[0] == 0 or toks[span[0] - 1].low not in _CAUSATIVES:
            return None
        s = self.doc.sentences[si]
        return self._sourced(si, toks, (toks[ci - 1].start, toks[cj].end), span, self._after(toks, cj, s), form=form)

    def _aspect_to(self, si: int, toks: list[Tok], ci: int, cj: int, form: str) -> Attribution | None:
        """"He went on to criticize …", "she has continued to insist", "critics began to
        argue": a verb of beginning or going on, "to" and a verb of saying; the subject of
        the first verb is the source and the cue runs from it to the verb of saying."""
        a = ci - 2
        if a >= 1 and toks[a].low == "on" and toks[a - 1].low in ("went", "goes", "go", "going", "gone"):
            a -= 1
        if toks[a].low not in _ASPECTUAL:
            return None
        k = a - 1
        while k >= 0 and (toks[k].low in _AUX_VERBS or toks[k].low in ("also", "not", "never", "then")
                          or _is_adverb_tok(toks[k])):
            k -= 1
        source = self._source_before(toks, skip_back(toks, k, 0))
        if source is None or toks[source[0]].low in ("it", "this", "that", "there"):
            return None
        s = self.doc.sentences[si]
        return self._sourced(si, toks, (toks[source[1] + 1].start, toks[cj].end), source, self._after(toks, cj, s),
                             form=form)

    def _raised(self, si: int, toks: list[Tok], ci: int, cj: int, form: str) -> Attribution | None:
        """"Voters were more likely to say …", "officials are quick to point out …": the
        subject of "be likely/quick/eager/willing" is the one who says it."""
        k = ci - 3
        while k >= 0 and (toks[k].low in ("more", "less", "most", "least", "as", "very", "so", "too", "not", "also")
                          or _is_adverb_tok(toks[k])):
            k -= 1
        if k < 1 or toks[k].low not in _BE:
            return None
        k = skip_back(toks, k - 1, 0)
        source = self._source_before(toks, k)
        if source is None or toks[source[0]].low in ("it", "this", "that", "there"):
            return None
        s = self.doc.sentences[si]
        return self._sourced(si, toks, (toks[source[1] + 1].start, toks[cj].end), source, self._after(toks, cj, s),
                             form=form)

    @staticmethod
    def _request(toks: list[Tok], cj: int) -> bool:
        words = [t.low for t in toks[cj + 1:cj + 5]]
        return words[:3] == ["not", "to", "be"] or words[:2] == ["to", "be"] or words[:2] == ["that", "his"]

    def _agrees(self, toks: list[Tok], source: tuple[int, int], k: int, ci: int, cj: int, verb: str) -> bool:
        """Does the verb agree with its subject? "a caucus state like Iowa" is a noun phrase,
        not "caucus" stating something; "he found the keys" reports no finding."""
        subject = toks[source[0]:source[1] + 1]
        head = head_word(split_head(subject)[0]) or subject[-1].low
        if verb in _EVIDENCE_ONLY and cj == ci and not any(t.low in EVIDENCE_NOUNS for t in subject):
            return False  # "a poll put his support at 5 percent"; not "he put it there"
        if verb in EVIDENCE_VERBS:
            after = toks[cj + 1].low if cj + 1 < len(toks) else ""
            that = any(t.low == "that" for t in toks[cj + 1:cj + 5])  # "found in 2014 that"
            if not that and not after[:1].isdigit() and not any(t.low in EVIDENCE_NOUNS for t in subject):
                return False  # "he found the keys"; but "a poll found 40%", "an average of polls shows"
        if any(toks[x].low in _AUX_VERBS for x in range(k + 1, ci)):
            return True  # "will say", "did not say": the auxiliary carries the agreement
        if head in _QUANTITY_HEADS or head[:1].isdigit() or head in NUMBER_WORDS or head == "%":
            return True  # "9 percent say", "a majority says", "one in five say": either number agrees
        plural = _plural(head, subject)
        comma = max((x for x, t in enumerate(subject) if t.text == ","), default=None)
        if comma is not None and comma + 1 < len(subject) and subject[comma + 1].low in ("a", "an", "the") \
                and subject[-1].is_word:
            # "Harbour Holdings, a ferry company, says": the apposition agrees too
            plural = plural and _plural(subject[-1].low, subject[-1:])
        form = _verb_form(verb)
        if form == "base":
            return plural or head in ("who", "which", "that")
        if form == "s":
            return not plural or subject[-1].capitalised
        return True

    def _according(self, si: int, toks: list[Tok], ci: int, cj: int) -> Attribution | None:
        src = phrase_after(toks, cj + 1, len(toks))
        if src is None:
            return None
        s = self.doc.sentences[si]
        if ci <= 1:
            content = self._after(toks, src[1], s)
        else:
            content = self._before(toks, ci, s)
        att = self._sourced(si, toks, (toks[ci].start, toks[cj].end), src, content, form="according")
        if att is None:  # "according to a newly uncovered email": a document the text describes
            i, j = src
            att = Attribution((toks[ci].start, toks[cj].end), (toks[i].start, toks[j].end), "named-organisation",
                              si, content, form="according", head=toks[j].low)
        return att

    def _participle(self, si: int, toks: list[Tok], ci: int, cj: int, form: str = "verb") -> Attribution | None:
        """", saying …", "by adding …": the subject is the main clause's."""
        s = self.doc.sentences[si]
        cue = (toks[ci].start, toks[cj].end)
        for att in reversed(self.found):
            if att.sentence != si:
                break
            if att.source is not None and att.cue[0] < cue[0]:
                copy = Attribution(cue, att.source, att.kind, si, self._after(toks, cj, s), "paraphrase",
                                   pronoun=att.pronoun, form=form, head=att.head,
                                   refers_to=att.refers_to, resolved=att.resolved)
                return copy
        subject = self._sentence_subject(toks, ci)
        att = self._sourced(si, toks, cue, subject, self._after(toks, cj, s), form=form) if subject else None
        if att is None and (_after_comma(toks, ci) and (toks[ci].low in _SPEECH_PARTICIPLES or cj > ci or form != "action")
                            or ci > 0 and toks[ci - 1].low in _PARTICIPLE_PREPS):
            # "…, saying the city embodied …", "…, slamming the plan", "by warning that …": the
            # subject is too far back to find (or no name the finder classifies); still a report
            speech = _after_comma(toks, ci) and toks[ci].low in _SPEECH_PARTICIPLES and cj == ci
            return Attribution(cue, None, "unsourced", si, self._after(toks, cj, s), "paraphrase",
                               form="verb" if speech else "participle")
        return att

    def _sentence_subject(self, toks: list[Tok], limit: int) -> tuple[int, int] | None:
        i = 0
        comma = next((x for x in range(min(limit, 12)) if toks[x].text == ","), None)
        if comma is not None and toks[0].low in ("a", "an", "as", "after", "in", "on", "at", "despite", "with") \
                and comma + 1 < limit:
            i = comma + 1  # "A vocal critic of free trade, Mr. Trump has …", "On Monday, the minister …"
        if i < limit and not (toks[i].capitalised or toks[i].low in DETERMINERS):
            return None
        if is_pronoun(toks[i]):
            return (i, i)
        span = phrase_after(toks, i, limit, subject=True)
        if span is None:
            return None
        # the subject is followed by its verb, not by a comma or a preposition
        nxt = toks[span[1] + 1] if span[1] + 1 < limit else None
        if nxt is None or not nxt.is_word:
            return None
        return span

    # -- the source before the verb ---------------------------------------------------------
    def _source_before(self, toks: list[Tok], k: int) -> tuple[int, int] | None:
        if k < 0:
            return None
        t = toks[k]
        if is_pronoun(t) or t.low in ("who", "who's", "which", "some", "many", "several", "most", "few",
                                      "others", "both", "all", "another", "one", "neither", "none", "each",
                                      "everyone", "anyone", "someone", "somebody", "everybody"):
            return (k, k)
        if t.text == ",":
            return self._subject_before_asides(toks, k)
        if t.text in ("—", "–", "-", "--") and k > 2:
            # "Insiders in two states — Nevada and Iowa — said": the subject before the dashes
            opening = next((x for x in range(k - 2, max(0, k - 30), -1) if toks[x].text == t.text), None)
            if opening is not None and opening > 0:
                return self._source_before(toks, opening - 1)
            return None
        if t.low in ("them", "us") and k >= 2 and toks[k - 1].low == "of" and toks[k - 2].low in _QUANTIFIERS:
            return (k - 2, k)  # "most of them said"
        span = phrase_before(toks, k, 0)
        if span is not None:
            return self._behind_relative(toks, span) or self._before_place_list(toks, span) or span
        if t.text == ")":
            j = k - 1
            while j >= 0 and k - j < 8 and toks[j].text != "(":
                j -= 1
            if j > 0 and toks[j].text == "(":
                return self._source_before(toks, j - 1)  # "Sen. Jane Doe (D-Vt.) said"
        return None

    @staticmethod
    def _before_place_list(toks: list[Tok], span: tuple[int, int]) -> tuple[int, int] | None:
        """"Most voters in Alabama, Georgia and Virginia said": the list of names ends a
        description of the subject before it, not the subject."""
        if not any(toks[x].low == "and" for x in range(span[0], span[1])) or not toks[span[0]].capitalised:
            return None
        j = span[0] - 1
        while j > 1 and toks[j].text == "," and toks[j - 1].capitalised:
            j -= 1
            while j > 0 and toks[j - 1].capitalised and toks[j - 1].is_word:
                j -= 1
            j -= 1
        if j < 1 or toks[j].low not in ("in", "from", "of", "across", "at") or toks[j + 1].text == ",":
            return None
        head = phrase_before(toks, j - 1, 0)
        return (head[0], span[1]) if head is not None else None

    @staticmethod
    def _behind_relative(toks: list[Tok], span: tuple[int, int]) -> tuple[int, int] | None:
        """"the groups who wrote to her on Thursday say": the subject is before "who"."""
        j = span[0] - 1
        while j > 0 and span[0] - j <= 10 and toks[j].is_word and toks[j].low not in ("who", "and", "but"):
            j -= 1
        if j <= 0 or toks[j].low != "who":
            return None
        head = phrase_before(toks, j - 1, 0, links=False)
        return (head[0], span[1]) if head is not None else None

    def _subject_before_asides(self, toks: list[Tok], k: int) -> tuple[int, int] | None:
        """"Smith, the minister, said"; "Grassley, facing a challenge in Iowa, a swing state,
        said": walk back over comma-delimited asides to the subject before them."""
        commas = []
        end = k
        while True:
            c = previous_comma(toks, end, 0)
            if c is None or c == 0 or not _aside(toks[c + 1:end]):
                break
            commas.append(c)
            end = c
        for c in reversed(commas):  # the farthest first: the subject opens the clause
            head_end = skip_back(toks, c - 1, 0)
            if head_end < 0:
                continue
            if is_pronoun(toks[head_end]):
                head = (head_end, head_end)
            else:
                head = phrase_before(toks, head_end, 0)
            if head is None:
                continue
            before = toks[head[0] - 1] if head[0] > 0 else None
            if before is not None and before.text not in (",", ";", "—", "–") and before.text not in CLOSING_MARKS \
                    and before.low not in _CLAUSE_JOINERS:
                continue
            inner = toks[c + 1:k]
            if _parenthesis(inner):
                return head
            return (head[0], k - 1)
        return None

    # -- building ---------------------------------------------------------------------------
    def _sourced(self, si: int, toks: list[Tok], cue: tuple[int, int], span: tuple[int, int],
                 content: tuple[int, int] | None, form: str = "verb") -> Attribution | None:
        i, j = span
        if i > 0 and toks[i - 1].low in ("if", "whether", "unless") and toks[i].start < cue[0]:
            return None  # "if Ukraine rejects the plan": a hypothesis, not an attribution
        source = (toks[i].start, toks[j].end)
        first = toks[i]
        if i == j and (is_pronoun(first) or first.low in ("who", "who's", "which")):
            head = "who" if first.low == "who's" else first.low
            att = Attribution(cue, source, "named-person", si, content, "paraphrase", pronoun=True,
                              form=form, head=head)
            if head in ("who", "which"):
                self._relative(att, toks, i)
            return att
        cls = classify(toks[i:j + 1], self._common_noun if i == 0 else _never)
        if cls is None:
            return None
        return Attribution(cue, source, cls.kind, si, content, "paraphrase", form=form, head=cls.head,
                           pronoun=cls.back_reference)

    def _relative(self, att: Attribution, toks: list[Tok], i: int) -> None:
        """"Smith, who has said …": "who" is the source as written; it refers to Smith."""
        k = i - 1
        if k >= 0 and toks[k].text == ",":
            k -= 1
        span = phrase_before(toks, k, 0, links=False) if k >= 0 else None
        if span is None:
            att.resolved = False
            return
        cls = classify(toks[span[0]:span[1] + 1], self._common_noun if span[0] == 0 else _never)
        if cls is None:
            att.kind = ""  # "the talks, which …": no speaker to refer to (dropped after resolution)
            return
        att.kind, att.head = cls.kind, cls.head
        att.refers_to = (toks[span[0]].start, toks[span[1]].end)

    def _common_noun(self, low: str) -> bool:
        """Is this sentence-initial capitalised word an ordinary noun? It is when the draft
        also writes it in lower case somewhere ("Protesters …" / "… the protesters")."""
        known = self._lower_words.get(low)
        if known is None:
            if len(self.prose) > _WORD_SET_FROM and _ALNUM_RUN.fullmatch(low):
                # a long draft: one set of its words, not a scan per word (a short one is
                # searched directly: the same answer, see ``_occurs_as_word``)
                if self._whole_words is None:
                    self._whole_words = _whole_words(self.prose)
                known = low in self._whole_words
            elif len(self.prose) > _WORD_SET_FROM and low[:1].isalnum() and not _HAS_SPACE.search(low) \
                    and (self._run_starts is not None or self._scans_left <= 0):
                # "o'brien", "u.s.": only where its first run starts and is followed by
                # punctuation (one scan per word of a long draft would be quadratic in it;
                # the first few words are searched directly, below, as long as the scans
                # would cost less than building the index)
                if self._run_starts is None:
                    self._run_starts = _punctuated_run_starts(self.prose)
                known = _occurs_at(self.prose, low, self._run_starts)
            else:
                if len(self.prose) > _WORD_SET_FROM:
                    self._scans_left -= 1
                known = _occurs_as_word(self.prose, low)
            self._lower_words[low] = known
        return known

    def _after(self, toks: list[Tok], j: int, s) -> tuple[int, int] | None:
        i = j + 1
        while i < len(toks) and toks[i].low in ("that", ",", ":", "—", "–"):
            i += 1
        if i >= len(toks):
            return None
        end = _trim_end(self.prose, toks[i].start, s.end)
        return (toks[i].start, end) if end > toks[i].start else None

    def _before(self, toks: list[Tok], i: int, s) -> tuple[int, int] | None:
        k = i - 1
        while k >= 0 and not toks[k].is_word and toks[k].text not in CLOSING_MARKS:
            k -= 1
        if k < 0:
            return None
        return (s.start, toks[k].end)

    def _unnest(self) -> None:
        """"Officials said they believed …": the second attribution sits in the content of
        the first, which carries the sourcing; it is kept with the nested ones."""
        kept: list[Attribution] = []
        for att in self.found:
            outer = None
            for b in reversed(kept):  # only this sentence's earlier attributions
                if b.sentence != att.sentence:
                    break
                if b.content is not None and b.content[0] <= att.cue[0] < b.content[1]:
                    outer = b
                    break
            if outer is not None and att.source is not None and att.pronoun and att.source != outer.source \
                    and att.source[0] >= outer.content[0] \
                    and not _CLAUSE_BREAK.search(self.prose, outer.cue[1], att.source[0]) \
                    and not _CLAUSE_OPENING.search(self.prose, max(0, att.source[0] - 12), att.source[0]):
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
                best = None
                for b in atts:
                    if b is att or b.source is None or b.content is None or b.kind == "unsourced":
                        continue
                    if b.content[0] <= att.cue[0] and att.cue[1] <= b.content[1] \
                            and (best is None or b.content[1] - b.content[0] < best.content[1] - best.content[0]):
                        best = b
                att.within = best

    def _sentence_adverb(self, att: Attribution) -> bool:
        """"The senator slammed the plan, reportedly.": a report cue set off at the end of
        the sentence hedges all of it, the attribution too; it is the reporter's."""
        s = self.doc.sentences[att.sentence]
        before = self.prose[max(s.start, att.cue[0] - 2):att.cue[0]]
        after = self.prose[att.cue[1]:s.end].strip()
        return before.rstrip().endswith(",") and all(c in ".!?…”’\"')" for c in after)

    # -- resolution -------------------------------------------------------------------------
    def _resolve(self) -> None:
        """Pronouns and back-references take the kind of the source they refer to; a vague
        group identified by a named body next to it is identified."""
        doc = self.doc
        order = {b.index: n for n, b in enumerate(doc.prose_blocks)}
        history: list[Attribution] = []
        for att in self.found:
            if att.source is None:
                continue
            block = order.get(doc.sentences[att.sentence].block, -1)
            if att.pronoun and att.refers_to is None:
                target = self._antecedent(att, history, block, order)
                if target is not None:
                    att.kind, att.head = target.kind, target.head
                    att.refers_to = target.refers_to or target.source
                elif not self._is_pronoun_head(att):
                    att.pronoun = False  # "the officials" with nothing before: a vague mention
                elif att.head == "it" and self._cue_word(att) in _IT_SAID:
                    # "Exports rose, it said.": an organisation the story named without
                    # giving it an attribution ("The bank released its report on Monday")
                    att.resolved = False
                    att.kind = "named-organisation"
                elif att.head in ("it", "it's", "you"):
                    att.kind = ""  # "it can maintain", "more than you think": nobody to refer to
                else:
                    att.resolved = False
                    att.kind = _UNRESOLVED_KIND.get(att.head.split("'")[0], "named-person")
            elif not att.pronoun:
                history.append(att)
        by_sentence: dict[int, list[Attribution]] = {}
        for att in self.found:
            by_sentence.setdefault(att.sentence, []).append(att)
        for att in self.found:
            if att.kind == "vague" and not att.pronoun and att.head in _MEMBER_HEADS:
                body = self._identifying_body(att, by_sentence)
                if body is not None:
                    att.kind, att.refers_to = "named-organisation", body.source

    def _cue_word(self, att: Attribution) -> str:
        return fold(self.prose[att.cue[0]:att.cue[1]])

    @staticmethod
    def _is_pronoun_head(att: Attribution) -> bool:
        return (att.head in _SINGULAR_PRONOUNS or att.head in _PLURAL_PRONOUNS or att.head in _UNRESOLVED_KIND
                or att.head in ("both", "each", "neither"))

    def _antecedent(self, att: Attribution, history: list[Attribution], block: int, order) -> Attribution | None:
        doc = self.doc
        for n, prev in enumerate(reversed(history)):
            pblock = order.get(doc.sentences[prev.sentence].block, -1)
            if pblock < block - 1 or n >= _ANTECEDENT_LOOKBACK:
                return None
            if self._compatible(att.head, prev):
                return prev
        return None

    @staticmethod
    def _compatible(head: str, prev: Attribution) -> bool:
        plural = prev.head.endswith("s") and not prev.head.endswith("ss")
        if head in _SINGULAR_PRONOUNS:
            return prev.kind == "named-person" or (prev.kind in ("anonymous", "vague") and not plural)
        if head in _PLURAL_PRONOUNS or head in ("both", "each", "neither"):
            return prev.kind == "named-organisation" or (prev.kind in ("anonymous", "vague") and plural)
        if head in ("it", "it's"):
            return prev.kind == "named-organisation" and not plural
        if head in ("i", "i'm", "i've", "you"):
            return False
        return prev.head == head and prev.kind in ("anonymous", "vague")  # "the officials"

    def _identifying_body(self, att: Attribution, by_sentence: dict[int, list[Attribution]]) -> Attribution | None:
        doc = self.doc
        block = doc.sentences[att.sentence].block
        for si in (att.sentence - 1, att.sentence, att.sentence + 1):
            for other in by_sentence.get(si, ()):
                if other is att or other.kind != "named-organisation" or other.pronoun or other.source is None:
                    continue
                if doc.sentences[si].block == block and other.head in _BODY_HEADS:
                    return other
        return None

    def _reasons(self) -> None:
        doc = self.doc
        cache: dict[int, tuple[int, int] | None] = {}

        def reason_in(si: int):
            if si not in cache:
                s = doc.sentences[si]
                m = ANONYMITY_REASON.search(self.prose, s.start, s.end)
                cache[si] = (m.start(), m.end()) if m else None
            return cache[si]

        own_source = {a.sentence for a in self.found if a.source is not None and not a.pronoun
                      and a.kind in ("anonymous", "vague")}
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


#: Finite verbs of saying that attribute even when no speaker is found next to them.
_SPEECH_FINITE = frozenset("said says say told tells wrote writes".split())
#: Verbs of saying after which "it" with nobody to refer to is still an organisation
#: speaking ("…, it said", "it added"), not "it" of "it can maintain".
_IT_SAID = frozenset("said says told tells wrote writes added adds noted notes stated states announced announces "
                     "reported reports estimated estimates forecast forecasts predicted predicts warned warns "
                     "confirmed confirms".split())
#: Past forms of reporting verbs that are as often adjectives or reports of evidence
#: ("the expected result", "an estimated 300", "he placed it").
_NO_FALLBACK = frozenset("expected estimated projected placed pegged calculated showed alleged believed "
                         "feared worried concerned questioned signaled signalled pledged suspected recommended".split())
#: Participles that report speech after a comma: "…, saying the city embodied …".
_SPEECH_PARTICIPLES = frozenset("saying adding arguing noting citing claiming telling writing explaining insisting "
                                "suggesting asserting".split())
#: Verbs of beginning and going on before "to" and a verb of saying ("went on to say").
_ASPECTUAL = frozenset("continued continues continue continuing began begins begin beginning started starts start "
                       "went goes go going gone".split())
#: Verbs of knowing and feeling report a view only with a clause: "she knew (that) it
#: was over", not "she knew the area".
_CLAUSE_VERBS = frozenset("know knows knew thought feel feels felt learned learnt realize realizes realized "
                          "realise realises realised understand understands".split())
_CLAUSE_STARTS = frozenset("that what how whether if why who when where which : “ \" , —".split())
#: What follows "asked" when it reports the reporter's question: "asked about", "asked whether".
_QUESTION_WORDS = frozenset("about whether if what how why who when where which during at on".split())
#: After "appear": a place, an occasion or a company, not an impression.
_IMPRESSION_STOPS = frozenset("on in at before with alongside onstage for from during outside inside near "
                              "together opposite behind by via and or but, is".split())
#: "seem", "appear" (every form): how things look, with nobody saying so.
IMPRESSION_VERBS = frozenset(fold(w) for w in builtin_lexicons()["impression-verbs"])
#: "be likely to say", "be quick to point out": adjectives that raise the sayer to subject.
_RAISING = frozenset("likely unlikely quick eager willing inclined reluctant ready apt prone keen loath "
                     "loth hesitant careful".split())
#: Causatives with a bare infinitive: "made anyone think", "let critics say".
_BARE_CAUSATIVES = frozenset("make makes made making let lets letting".split())
#: Verbs that report a figure only with evidence as their subject: "a poll put his support
#: at 5 percent", "the survey pegged turnout at 60 percent".
_EVIDENCE_ONLY = frozenset("put puts pegged pegs placed places".split())
#: Verbs that make someone do something: "led some to question", "leaving many to wonder".
_CAUSATIVES = frozenset("led leads leading lead leave leaves leaving left prompted prompts prompting prompt "
                        "caused causes causing cause forced forces forcing force drove drives driving "
                        "inspired inspires inspiring encouraged encourages encouraging".split())
#: How many earlier sources a pronoun looks back over (within two paragraphs anyway).
_ANTECEDENT_LOOKBACK = 40
_AUX_VERBS = frozenset(
    "has have had will would could can may might must shall should did does do is are was were "
    "hasn't haven't hadn't won't wouldn't couldn't can't cannot didn't doesn't don't isn't aren't "
    "wasn't weren't shouldn't".split())
_IRREGULAR_PAST = frozenset("said told wrote thought felt found forecast knew sought learnt understood saw went spoke "
                             "took gave made put shot swore tore laid came paid brought had sent".split())
_PLURAL_WORDS = frozenset("people police media data staff personnel public men women children folks "
                          "i we you they some many others several most few both all".split())


_PARENTHESIS_OPENERS = frozenset("of in on at for as by from with according like unlike however though "
                                  "too also perhaps meanwhile moreover indeed".split())


#: Groups whose doings a reader would want named: the people who inform stories (not
#: "voters turned out", "people flocked", "others slipped into foreclosure").
_PREDICATE_HEADS = frozenset("officials official sources source aides aide advisers adviser advisors insiders "
                             "insider diplomats diplomat experts expert analysts analyst critics observers "
                             "strategists operatives allies supporters opponents lawmakers economists "
                             "authorities staffers".split())
_STOP_PREDICATE = frozenset("not on in at from of for to by with as about into over under a an the this that "
                            "these those such so very more less most also still just now".split())
#: Pre-checks (one regex call per hit): a linking verb before an attitude adjective; an
#: auxiliary or a past tense after a group ("officials have …", "experts warned").
_LINK_BEFORE = LazyPattern(r"\b(?:is|are|was|were|be|been|being|remains?|remained|grew|grown|grows?|appears?|"
                             r"appeared|seems?|seemed|feels?|felt|became|become)\b[\w\s’'-]{0,30}\Z", regex.IGNORECASE)
_VERB_AFTER = LazyPattern(r"(?:\s+(?:in|at|from|inside|within|on|familiar|close|to)\b[^.,;:!?]{0,60}?)?"
                            r"(?:\s+(?:not|also|still|now|\w+ly))*\s+(?:\w+ed|has|have|had|will|would|could|can|may|"
                            r"might|must|should|shall|did|do|does|is|are|was|were|'ve|’ve)\b", regex.IGNORECASE)
#: Before "be"/"being", words that make a passive hypothetical: "to be seen as", "risk being".
_MODAL_LEAD = frozenset("to will would could can may might should must risk risks avoid avoided of about "
                        "on from without".split())
#: Verbs that link a source to its attitude: "are skeptical", "remain wary", "grew angry".
_ATTITUDE_LINKS = frozenset("is are was were be been remain remains remained grew grow grown appear appears "
                            "appeared seem seems seemed feel feels felt become became".split())
#: Between two attributions, a new clause rather than a nested report: "…, but he said …"
_CLAUSE_BREAK = LazyPattern(r",\s+(?:but|and|while|yet)\b|\bbut\b|;|\s[—–]\s")
#: Before a pronoun source, the start of a clause of the reporter's own: "…, he said,",
#: "because she said", "as they said", "which he said would …" (not "that he said": the
#: content of the outer report).
_CLAUSE_OPENING = LazyPattern(r"(?:,|\b(?:when|because|as|which|and|though|although|while|since|whom|where))\s+\Z",
                                regex.IGNORECASE)
_PARTICLES = frozenset("off in up back out upon".split())
_QUANTIFIERS = frozenset("some many several most few both all another each others none neither".split())
_CLAUSE_JOINERS = frozenset("and but so yet or meanwhile however still then also".split())


#: Verbs whose object is the person told, not what is said: "…, she told reporters."
_TELLING = frozenset("told tells tell assured assures informed informs reminded reminds".split())
#: Words of a time or a medium after a verb of saying: "on Tuesday", "in a statement".
_CIRCUMSTANCE = (TIME_NOUNS | TIME_MODIFIERS | MEDIUM_NOUNS | DETERMINERS
                 | frozenset("a an his her their its our news press via through here there again too also "
                             "recently".split()))


def _circumstance_only(toks: list[Tok], i: int, addressee: bool = False) -> bool:
    """Is there nothing after token ``i`` but a time or a medium ("on Tuesday", "in a
    statement", "last week") and the closing punctuation? With ``addressee`` the person
    told may come first ("told reporters", "told the council on Friday")."""
    n = len(toks)
    if addressee and i < n and toks[i].is_word:
        np = phrase_after(toks, i, n)
        if np is not None:
            i = np[1] + 1
    for t in toks[i:]:
        if t.is_word:
            if t.low not in _CIRCUMSTANCE and not t.low.isdigit():
                return False
        elif t.text not in (".", "!", "?", "…") and t.text not in CLOSING_MARKS:
            return False
    return True


def _after_comma(toks: list[Tok], i: int) -> bool:
    """Does a comma or a dash come just before token ``i``, or a comma and a closing
    quotation mark ("… values,” saying …": the comma inside the quotation)?"""
    if i < 1:
        return False
    prev = toks[i - 1].text
    return prev in (",", "—", "–") or (prev in ("”", '"', "’") and i >= 2 and toks[i - 2].text == ",")


def _aside(inner: list[Tok]) -> bool:
    """A comma-delimited aside after a subject: an apposition ("the minister", "Jane Doe"),
    a relative clause ("who …", "where …"), a participle ("facing …") or a parenthesis."""
    if not inner:
        return False
    first = inner[0]
    return (first.low in ("who", "whose", "which", "where", "whom") or first.low in DETERMINERS
            or first.capitalised or first.low.isdigit() or first.low in NUMBER_WORDS or _parenthesis(inner))


def _large_count(subject: list[Tok]) -> bool:
    """A subject counted in hundreds or more ("34,000 people", "1,200 delegates")."""
    for t in subject:
        digits = t.low.replace(",", "")
        if digits.isdigit() and int(digits) >= 100:
            return True
    return any(t.low in ("hundreds", "thousands", "millions", "hundred", "thousand", "million") for t in subject)


def _word_end(prose: str, start: int, end: int) -> int:
    """The end of the first word of the phrase ``prose[start:end]``."""
    i = start
    while i < end and not prose[i].isspace():
        i += 1
    return i


#: A possessive before a noun of stance and the pronoun it stands for ("their doubts").
_POSSESSIVE_PRONOUNS = {"his": "he", "her": "she", "their": "they", "its": "it", "our": "we", "my": "i"}


def _has_or_is(t: Tok) -> bool:
    """"he's", "who's": a pronoun with "has" or "is", not a possessive ("Trump's")."""
    return t.low in _CONTRACTED_SUBJECTS


#: Subjects whose "'s" is "has" or "is": "he's said", "she's describing", "who's argued".
_CONTRACTED_SUBJECTS = frozenset("he's she's who's".split())


def _is_adverb_tok(t: Tok) -> bool:
    return len(t.low) > 4 and t.low.endswith("ly") and not t.capitalised


def _names_something(toks: list[Tok], source: tuple[int, int], nxt: Tok | None) -> bool:
    """"a group called Occupy": "called" gives a name, nobody calls anything."""
    first = toks[source[0]]
    if nxt is None or not (nxt.capitalised or nxt.text in ("“", '"', "'", "‘")):
        return False
    return first.low in ("a", "an") or (source[0] == source[1] and not first.capitalised and not is_pronoun(first))


def _title_case(toks: list[Tok]) -> bool:
    """A headline set in Title Case inside a paragraph block ("Some Say It Proves …")."""
    words = [t for t in toks if t.is_word and len(t.text) > 3]
    return len(words) >= 3 and sum(t.capitalised for t in words) >= 0.8 * len(words)


def _gerund(t: Tok | None) -> bool:
    """"support reforming", "favor raising": a stance verb with a gerund as its object."""
    return t is not None and len(t.low) > 5 and t.low.endswith("ing") and not t.capitalised


def _infinitive_after(toks: list[Tok], i: int) -> bool:
    """"to" at ``i`` before what reads as a verb ("promised to deliver"), not before a noun
    phrase ("added to the doubts", "apologized to Carson", "adding to deficits") or "be"."""
    if i + 1 >= len(toks) or toks[i].low != "to":
        return False
    v = toks[i + 1]
    return v.is_word and not v.capitalised and v.low not in DETERMINERS and not is_pronoun(v) \
        and v.low != "be" and not v.low.endswith("s")


def _complement(t: Tok | None) -> bool:
    return t is not None and (t.low in _COMPLEMENT_WORDS or t.capitalised or t.low[:1].isdigit()
                              or t.low in NUMBER_WORDS)


def _parenthesis(inner: list[Tok]) -> bool:
    """", of course,", ", in fact,", ", speaking on condition of anonymity …,": an aside
    between a subject and its verb, not a description of the subject."""
    first = inner[0]
    if first.capitalised:
        return False
    if first.low in _PARENTHESIS_OPENERS and len(inner) <= 4:
        return True
    return len(first.low) > 4 and (first.low.endswith("ing") or first.low.endswith("ed"))


def _verb_form(verb: str) -> str:
    """"base" (say), "s" (says), or "other" (said, saying): only the first two agree."""
    if verb.endswith("ing") or verb.endswith("ed") or verb in _IRREGULAR_PAST:
        return "other"
    if verb.endswith("s") and not verb.endswith("ss"):
        return "s"
    return "base"


def _plural(head: str, subject: list[Tok]) -> bool:
    if head in _PLURAL_WORDS or any(t.low in ("and", "&") for t in subject):
        return True
    return head.endswith("s") and not head.endswith(("ss", "sis")) and head not in ("us", "news", "this", "its", "his")


_UNRESOLVED_KIND = {"he": "named-person", "she": "named-person", "i": "named-person", "we": "named-person",
                    "it": "named-organisation", "they": "vague", "you": "vague", "both": "vague", "each": "vague",
                    "neither": "vague"}


#: A maximal run of ``str.isalnum`` characters: the standard library's ``\w`` is exactly
#: ``isalnum()`` or "_" (the ``regex`` module's Unicode tables differ from Python's).
_ALNUM_RUN = re.compile(r"[^\W_]+")


#: From this length of prose on, ``_common_noun`` builds the set of the prose's words
#: rather than searching it once per word.
_WORD_SET_FROM = 20_000
#: How many characters ``_common_noun`` may scan with ``_occurs_as_word`` for words with
#: punctuation in a long draft before it builds the index of punctuated runs instead
#: (the index costs about as much as a hundred scans of the whole prose).
_SCAN_BUDGET = 32_000_000
#: Every ASCII character that is not a letter or digit, as a space.
_NOT_ALNUM_ASCII = str.maketrans({chr(i): " " for i in range(128) if not chr(i).isalnum()})


def _whole_words(text: str) -> frozenset[str]:
    """``frozenset(_ALNUM_RUN.findall(text))``; for ASCII text, the words between the spaces
    that every other character becomes (a third of the time)."""
    if text.isascii():
        return frozenset(text.translate(_NOT_ALNUM_ASCII).split())
    return frozenset(_ALNUM_RUN.findall(text))


def _occurs_as_word(text: str, word: str) -> bool:
    """``word`` occurs in ``text`` exactly so (case-sensitive) as a whole word. For a word
    of ``str.isalnum`` characters this is ``word in set(_ALNUM_RUN.findall(text))``: its
    neighbours are not alphanumeric exactly when it is a maximal run."""
    i = text.find(word)
    n = len(word)
    while i >= 0:
        before = text[i - 1] if i > 0 else " "
        after = text[i + n] if i + n < len(text) else " "
        if not before.isalnum() and not after.isalnum():
            return True
        i = text.find(word, i + 1)
    return False


#: A maximal run of letters and digits followed by a character that is neither one nor a
#: space: where a word such as "o'brien" or "u.s." can start.
_PUNCTUATED_RUN = re.compile(r"(?<![^\W_])[^\W_]++(?=[^\w\s]|_)")  # possessive: a shorter run never matches
_HAS_SPACE = re.compile(r"\s")


def _punctuated_run_starts(text: str) -> dict[str, list[int]]:
    starts: dict[str, list[int]] = {}
    for m in _PUNCTUATED_RUN.finditer(text):
        starts.setdefault(m.group(), []).append(m.start())
    return starts


def _occurs_at(text: str, word: str, run_starts: dict[str, list[int]]) -> bool:
    """``_occurs_as_word(text, word)`` for a word without spaces that starts with a letter or
    digit and is not all letters and digits, looked up in ``run_starts`` (from ``_punctuated_run_starts``):
    an occurrence starts where a maximal run equal to the word's first run starts, and the
    character after that run is the word's next one, punctuation."""
    first = _ALNUM_RUN.match(word).group()
    n = len(word)
    for i in run_starts.get(first, ()):
        if text.startswith(word, i) and (i + n == len(text) or not text[i + n].isalnum()):
            return True
    return False


def _never(_: str) -> bool:
    return False


def _trim_end(prose: str, start: int, end: int) -> int:
    while end > start and prose[end - 1] in " .!?;:,":
        end -= 1
    return end
