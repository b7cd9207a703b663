"""Check-worthy claims in the reporter's voice, and whether anyone stands behind them.

A *claim* is a span of a sentence's own words (outside direct quotations) that asserts
something a fact-checker would check (editor-guideline.md, ATTRIBUTION; ClaimBuster and
Full Fact's claim types):

- ``figure``: money, a percentage or share, a casualty count ("killed 143"), a count of
  people or places ("Ten African nations", "about 200 Democrats"), a bare count after "of"
  ("a rally of 8,500");
- ``record``: a superlative or record ("the country's worst outbreak", "the Third World's
  sixth largest debtor", "the only Asian member", "in U.S. history");
- ``cause``: a causal claim ("the cuts led to", "are driving parents to", "has been hit by");
- ``state-of-mind``: what a group thinks or feels, stated as fact ("German voters are
  skittish", "investors tend to dislike");
- ``contested``: a contested characterisation stated as fact ("violates international law",
  "swore to falsehoods", "on the payroll of").

Who stands behind a claim is looked for in the sentence and its neighbours, not in a whole
paragraph (scraped copy can run thirty sentences to a paragraph): the claim lies in what an
attribution of its sentence reports (its content or its source, "the ministry said 40 homes
were lost"), or is an agentless passive's cue ("has been blamed for": a view passed on, the
sourcing rules' finding), or after the cue of an attribution with a source in its sentence; or one of the ``BEHIND_WINDOW`` sentences before it in the same block carries
an attribution with a source ("The governor said strikes hit the east. They killed dozens.");
or the sentence holds a link (a sentence that opens a new thread, "Meanwhile, …", is not
covered by the sources before it); or, for a percentage, the story has named its poll or survey
above it; or, for a figure, the story's first paragraph attributes it to a named source (a
single-source story -- a company's results, an agency's figures -- whose numbers are that
source's unless a paragraph opens a new thread); or, for a figure, it is part of what one of
the story's own named sources is described as doing ("The agency released 5,500 pages": the
guideline's trivial fact), unless it counts casualties or is a running total. A question asserts nothing, and headlines summarise the body: neither has claims.

Routine figures are not claims: a line of a market or results report ("rose 8.2 pct to 2.93
billion marks", "closed down 24.11 points") is the data of the release the story reports;
years, dates, ages, durations and numbered things ("the two candidates", "Article 33") are
not counts. The word lists an editor may extend are the ``claim-…`` lexicons of
``rules/lexicons.yaml``.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from itertools import accumulate

import regex

from ..phrases import PhraseIndex
from ..regexstart import StartPlan, compiled_stems, matches_at
from .budget import STEP, charge
from .lexicons import builtin_lexicons, fold

#: Claim types, in the order rules name them.
CLAIM_TYPES = ("figure", "record", "cause", "state-of-mind", "contested")
#: How many sentences before a claim (same block) may carry the attribution that stands
#: behind it: the sentence that introduces a source and the one after ("The agency said …
#: It added …") -- further back, editors no longer read the source as standing behind it.
BEHIND_WINDOW = 2
#: The attribution forms that stand behind a claim: not an impression ("it seems" is
#: nobody's), a stance noun ("criticism of") or a participle hung on someone else's clause.
BEHIND_FORMS = frozenset(
    {"verb", "stance", "action", "predicate", "according", "report", "passive", "label", "question"}
)
#: The forms in which a source says something: after such a cue, the rest of the sentence is
#: theirs ("voters are frustrated" is a group's predicate, not a source saying so).
SAYING_FORMS = frozenset({"verb", "according", "report", "label"})
#: Sources that are the writer (outside quotations, "I explained to the candidate …", "we
#: are told"): an opinion writer's own voice, which stands behind what it says in its own
#: sentence ("I pledged to create 700,000 jobs") but not behind the sentences after it, nor
#: makes a single-source story.
WRITER_SOURCES = frozenset({"i", "we", "me", "us"})
#: The block kinds whose sentences make claims (a headline or heading summarises the body).
CLAIM_BLOCKS = frozenset({"paragraph", "list", "blockquote", "dek"})


@dataclass(slots=True)
class Claim:
    """One check-worthy claim; spans in prose offsets."""

    sentence: int
    start: int
    end: int
    type: str
    #: What stands behind it: "content" (an attribution of its sentence reports it), "cue"
    #: (it is an agentless passive's cue: "has been blamed for"),
    #: "sentence" (after a source's saying cue in its sentence), "neighbour" (an attribution
    #: just before it), "link", "poll", "story" (a single-source story's figure), "actor"
    #: (what one of the story's named sources is described as doing); None: nobody.
    behind: str | None = None

    @property
    def sourced(self) -> bool:
        return self.behind is not None


def _words(name: str) -> list[str]:
    return sorted({fold(w) for w in builtin_lexicons()[name]}, key=lambda w: (-len(w), w))


def first_words(name: str) -> frozenset[str]:
    """The first word of every entry of a lexicon (lower case)."""
    return frozenset(w.split()[0] for w in _words(name))


def _alternation(name: str) -> str:
    """A lexicon as a regex alternation, longest first, spaces matching any whitespace and
    an apostrophe either apostrophe ("editor's note", "editor’s note")."""
    return "|".join(regex.escape(w).replace(r"\ ", r"\s+").replace("'", "['’]") for w in _words(name))


class _Patterns:
    """The claim patterns, compiled once on first use (a run without the attribution rules
    never pays for them)."""

    def __init__(self) -> None:
        numw = _alternation("claim-number-words")
        currency = r"(?:dlrs|dollars|euros|pounds|stg|sterling|yen|marks|francs|crowns|rupees|yuan|pesos|cents|cts)"
        scale = r"(?:thousand|million|billion|trillion|mln|bln|bn)"
        i = regex.I | regex.V0
        self.number = regex.compile(
            r"(?<![\w.,/$€£-])(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?![\w/]|[.,]\d|-\d)"
            rf"|\b(?:(?:{numw})(?:[- ](?:{numw}))?|dozens|scores|hundreds|thousands|millions|billions"
            r"|tens\s+of\s+thousands|(?:one|a)\s+(?:thousand|million|billion))\b",
            i,
        )
        self.money = regex.compile(
            rf"[$€£¥]\s?\d(?:[\d,.]*\d)?(?:\s?(?:{scale}|m)\b)?|\b\d[\d,.]*\s*(?:{scale}\s*)?{currency}\b"
            rf"|\b(?:tens|hundreds)\s+of\s+(?:thousands|millions|billions)\s+of\s+{currency}\b"
            rf"|\b(?:one|two|three|\d[\d.]*)\s+(?:billion|million|trillion)\s+(?:a|per)\s+year\b",
            i,
        )
        self.percent = regex.compile(
            r"\d[\d.,]*\s*(?:%|pct\b|per\s?cent\b|percent\b)|\b(?:two|three)[- ]thirds\b"
            r"|\b(?:a|the)\s+majority\s+of\b"
            # a share with a measure of it: "nearly half of the crop" ("half of the committee" is no figure)
            r"|\b(?:nearly|almost|more\s+than|over|about|roughly|around|fewer\s+than|less\s+than|at\s+least|some|"
            r"only|just)\s+(?:half|a\s+third|a\s+quarter|a\s+fifth|a\s+tenth|one[- ]third|one[- ]quarter)\s+of\b",
            i,
        )
        self.amount = regex.compile(
            r"\b(?:dozens|scores|hundreds|thousands|millions|billions|trillions)\s+(?:of|in)\b", i
        )
        # the count after a verb of casualty or arrest ("killed 143", "infected 2,000")
        self.casualty = regex.compile(
            r"(?<=\b(?:killed|killing|infected|injured|wounded|arrested|detained|displaced|evacuated|executed|"
            r"deported)\s+(?:at\s+least\s+|more\s+than\s+|nearly\s+|about\s+|some\s+|over\s+)?)"
            rf"(?:\d[\d,]*|{numw}|dozens|hundreds|thousands)\b",
            i,
        )
        # a line of a market or results report: a verb of movement and a figure right after it
        self.move = regex.compile(
            r"\b(?:rose|fell|closed|settled|gained|lost|climbed|dropped|increased|decreased|jumped|slipped|"
            r"reached|earned|totall?ed|widen(?:ed)?|narrow(?:ed)?|(?:was|were)\s+(?:up|down)|"
            r"(?:had|has|have)\s+been|will\s+(?:be|rise|fall|receive|bring\s+in)|receive|steadied|edged)\b"
            r"(?:\s+[\w$€£.,%-]+){0,4}?\s+(?:to\s+|at\s+|by\s+|of\s+|in\s+)?(?:around\s+|about\s+)?[$€£]?\d",
            i,
        )
        self.digits = regex.compile(r"\d[\d,.]*")
        self.move_word = regex.compile(
            r"\b(?:rose|fell|rise|fall|up|down|gained|lost|increase[ds]?|decrease[ds]?|"
            r"will\s+be|receive|against|compared\s+with|vs)\b",
            i,
        )
        self.compared = regex.compile(r"\b(?:to|from|against|compared\s+with|vs)\s+[$€£]?\d", i)
        superlatives = _alternation("claim-superlatives")
        self.record = regex.compile(
            # the superlative itself, after "the", a possessive or an ordinal ("the Third World's
            # sixth largest debtor", "its worst natural disaster")
            r"(?<=\b(?:the|its|their|his|her|[\p{L}.]+['’]s)\s+)"
            r"(?:(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)[- ])?"
            rf"(?:{superlatives})\b"
            # "the country's most costly storm"; "the most dramatic thing" is a judgement, not a record
            r"|(?<=\b(?:its|their|[\p{L}.]+['’]s)\s+)most\s+(?!of\b|wanted\b)[a-z]+\b"
            r"|\bthe\s+only\s+(?!way\b|thing\b|one\b|time\b|reason\b|person\b)(?:[\p{L}-]+\s+){0,2}?"
            r"(?:member|country|nation|state|company|woman|man|democrat|republican|candidate)\b"
            r"|\b(?:a|an)\s+record(?:-(?:breaking|setting|high|low))?(?=\s+(?!of\b|label\b|company\b|deal\b|store\b|"
            r"that\b|which\b|and\b|is\b|was\b|for\b|with\b)[$€£¥\d\p{L}])"
            rf"|\brecord(?:-breaking)?\s+(?:{_alternation('claim-record-nouns')})\b"
            r"|\bbroke\s+the\s+record\b|\brecord\s+(?:highs?|lows?|levels?)\b|\ball-time\s+(?:highs?|lows?)\b"
            r"|\bin\s+(?:[\p{L}.]+\s+){0,2}history\b|\bfor\s+the\s+first\s+time\s+(?:in|since|ever)\b"
            r"|\bfirst[- ]ever\b|\bin\s+\d+\s+years\b",
            i,
        )
        self.not_record = regex.compile(
            r"\b(?:best-selling|at\s+best|most\s+of|the\s+first\s+to|one\s+of\s+the\s+first|most\s+likely|"
            r"most\s+recent(?:ly)?|(?:the\s+)?most\s+important)\b",
            i,
        )
        self.cause = regex.compile(
            rf"\b(?:{_alternation('claim-cause-verbs')})\b"
            r"|(?<!\b(?:could|might|would)\s)\bcause\b"
            r"|\b(?:has|have)\s+(?:been\s+)?(?:badly\s+|hard\s+)?hit\b"
            # "was responsible for the leak" is a cause; "is responsible for sales" is a duty
            r"|\b(?:was|were|has\s+been|have\s+been|had\s+been)\s+(?:directly\s+|largely\s+|partly\s+)?"
            r"responsible\s+for\b(?!\s+\w+ing\b)|\b(?:is|are|was|were)\s+(?:directly\s+)?to\s+blame\s+for\b"
            r"|(?<!\bhelped\s)\bbecause\s+(?:of\s+)?(?:the|its|their|they|it|we)\b|\bsimply\s+because\b",
            i,
        )
        self.not_cause = regex.compile(r"\b(?:helped\s+by|caused\s+by|(?:could|might|would)\s+(?:still\s+)?cause)\b", i)
        # where the cause pattern can start (its stems: the verbs, "cause", "hit" ...), found
        # in a sentence by one pass of a phrase index of its own; a finditer tries the
        # pattern's lookbehinds at every position of the sentence, which costs 2.5x as much
        self.stems = PhraseIndex()
        self.cause_starts = _start_plan(self.cause, self.stems)
        self.stems.freeze()
        self.mind = regex.compile(
            r"\b(?:are|were|remain|remained|feel|felt|seem|seemed|grow|grew|growing|getting|become|became)\s+"
            r"(?:(?:increasingly|deeply|very|so|more|less|still|also|all|now|continually|already|"
            rf"more\s+and\s+more)\s+)*(?:{_alternation('claim-mind-adjectives')})\b"
            rf"|\b(?:{_alternation('claim-mind-verbs')})\b",
            i,
        )
        self.contested = regex.compile(
            r"\b(?:violat(?:es|ed|ing)\s+(?:\w+\s+){0,3}?(?:law|laws|constitution|rules|treaty|convention|"
            r"rights|sanctions|code|codes|ceasefire|truce|agreement|accords?|regulations|ban|embargo)|(?<!\billegal\s)illegally|broke\s+the\s+law|unlawful(?:ly)?|"
            r"under\s+investigation\s+for|(?:swore|swears)\s+to\s+(?:\w+\s+)?falsehoods|on\s+the\s+payroll\s+of|"
            r"the\s+lies\s+(?:he|she|they)|(?:does|do|did)\s+not\s+threaten|is\s+(?:\w+\s+)?divided\s+over|"
            r"is\s+(?:an?\s+)?(?:illegal|unlawful)\b)",
            i,
        )
        self.thread = regex.compile(rf"\s*(?:{_alternation('claim-thread-breaks')})\b", i)
        self.thread_first = first_words("claim-thread-breaks") | frozenset(
            w.rstrip(",") + "," for w in first_words("claim-thread-breaks")
        )
        self.poll = regex.compile(r"\b(?:poll|polls|survey|surveys|polling)\b", i)
        # a word that makes a clause of a short sentence: an auxiliary, a past or -ing form
        self.verbish = regex.compile(
            r"\b(?:is|are|was|were|be|been|am|has|have|had|do|does|did|will|would|can|could|may|might|"
            r"must|shall|should|(?!hundred\b)\p{L}+ed|\p{L}{3,}ing|\p{L}+n't)\b|['’](?:s|re|ve|ll|d)\b",
            i,
        )
        # the common irregular verbs' past and present forms ("investors lost 20.5 percent")
        self.irregular_verbs = frozenset(
            "lost lose loses won win wins rose rise rises fell fall falls got get gets made make makes took take "
            "takes gave give gives paid pay pays said say says told tell tells held hold holds led lead leads left "
            "leave leaves sold sell sells spent spend spends grew grow grows hit hits cut cuts put puts set sets "
            "saw see sees came come comes went go goes ran run runs became become becomes began begin begins "
            "brought bring brings bought buy buys built build builds drew draw draws drove drive drives felt "
            "feel feels found find finds fought fight fights kept keep keeps knew know knows meant mean means met "
            "meet meets sent send sends shot shoot shoots stood stand stands struck strike strikes thought think "
            "thinks wrote write writes owe owes owed die dies live lives remain remains need needs want wants "
            "hold stay stays top tops".split()
        )
        self.whether = regex.compile(r"\bwhether\b", i)
        self.word = regex.compile(r"\p{L}[\p{L}'’-]*")
        self.yearlike = regex.compile(r"(?:1[6-9]|20)\d\d")
        self.month = regex.compile(r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?", i)
        self.counted = frozenset(_words("claim-counted-nouns"))
        # a claim of each type needs one of these words (lower case): the cheap test first
        self.plain_word = regex.compile(r"[a-z][a-z'’-]*")
        self.has_digit = regex.compile(r"\d")

        self.currency_sign = regex.compile(r"[$€£¥]")
        self.money_words = frozenset(
            "dlrs dollars euros pounds stg sterling yen marks francs crowns rupees yuan pesos cents cts year".split()
        )
        self.percent_words = frozenset(
            "pct per percent thirds majority half third quarter fifth tenth two-thirds "
            "one-third one-quarter three-quarters".split()
        )
        self.casualty_words = frozenset(
            "killed killing infected injured wounded arrested detained displaced evacuated executed deported".split()
        )
        self.amount_words = frozenset("dozens scores hundreds thousands millions billions trillions".split())
        self.triggers = {
            "figure": first_words("claim-number-words")
            | frozenset(
                "one thousand million billion dozens scores hundreds thousands millions billions trillions tens "
                "half third quarter "
                "fifth tenth thirds quarters majority".split()
            ),
            "record": first_words("claim-superlatives")
            | frozenset("most only record history first first-ever all-time years".split()),
            "cause": first_words("claim-cause-verbs") | frozenset("cause hit responsible blame because".split()),
            "state-of-mind": first_words("claim-mind-adjectives") | first_words("claim-mind-verbs"),
            "contested": frozenset(
                "violates violated violating illegally illegal broke unlawful unlawfully "
                "under swore swears payroll lies not divided".split()
            ),
        }
        self.groups = frozenset(_words("claim-group-nouns"))
        self.view_holders = frozenset(_words("claim-view-holders"))
        self.not_record_nouns = frozenset(_words("claim-not-record-nouns"))
        self.not_counts_after = frozenset(_words("claim-not-counts-after"))


def _start_plan(pattern, index: PhraseIndex) -> StartPlan | None:
    """Where ``pattern`` can start, its stems registered in ``index`` (None: anywhere)."""
    stems = compiled_stems(pattern)
    return None if stems is None else StartPlan.register(stems, index)


class _SentenceStems:
    """Where the stems of the claim patterns' start plans occur in one sentence's own words:
    what :meth:`..regexstart.StartPlan.starts` reads (the phrase index's ``stem_starts`` for a
    document, here for a sentence)."""

    __slots__ = ("doc", "prose", "_starts")

    def __init__(self, index: PhraseIndex, text: str) -> None:
        self.doc = self  # (a plan reads ``doc.prose``)
        self.prose = text
        self._starts = index.scan_all(text)[1]

    def stem_starts(self, key: int) -> list[int] | None:
        return None if self._starts is None else self._starts.get(key, [])


#: No time limit for a claim pattern's match (matches_at asks for one): finditer has none.
_NO_LIMIT = 1e9


def _match_spans(pattern, plan: StartPlan | None, index: PhraseIndex, text: str) -> list[tuple[int, int]]:
    """The spans of ``pattern.finditer(text)`` (a claim pattern never matches empty), trying
    the pattern only where ``plan`` says a match can start: the same matches
    (:func:`..regexstart.matches_at`)."""
    starts = None if plan is None else plan.starts(_SentenceStems(index, text), len(text) + 1)
    if starts is None:
        return [m.span() for m in pattern.finditer(text)]
    return matches_at(pattern, text, starts, _NO_LIMIT)


_PATTERNS: _Patterns | None = None


def _patterns() -> _Patterns:
    global _PATTERNS
    if _PATTERNS is None:
        _PATTERNS = _Patterns()
    return _PATTERNS


def claims_in_words(own: str) -> list[tuple[int, int, str]]:
    """The claims of one sentence's own words (quotations blanked out): (start, end, type)
    in offsets of ``own``."""
    p = _patterns()
    # which patterns can match at all: most sentences hold no word any claim starts with
    words = frozenset(p.plain_word.findall(own.lower()))
    found: list[tuple[int, int, str]] = []
    if p.has_digit.search(own) or not words.isdisjoint(p.triggers["figure"]):
        figures = _figures(p, own, words)
        if (
            figures
            and len(_without_overlaps(figures)) < DATA_LINE_FIGURES
            and not _routine_data(p, own)
            and not _fragment(p, own, min(f[0] for f in figures))
        ):
            found += figures
    if not words.isdisjoint(p.triggers["record"]) and not p.not_record.search(own):
        found += [(m.start(), m.end(), "record") for m in p.record.finditer(own) if not _judged(p, own, m.end())]
    if not words.isdisjoint(p.triggers["cause"]) and not p.not_cause.search(own):
        found += [
            (a, b, "cause")
            for a, b in _match_spans(p.cause, p.cause_starts, p.stems, own)
            if not _cause_noun(p, own, a, b)
        ]
    if not words.isdisjoint(p.triggers["state-of-mind"]) and not words.isdisjoint(p.groups):
        for m in p.mind.finditer(own):
            subject = [fold(w) for w in p.word.findall(own, max(0, m.start() - 60), m.start())][-4:]
            if any(w in p.groups for w in subject) and not any(w in p.view_holders for w in subject):
                found.append((m.start(), m.end(), "state-of-mind"))
    if not words.isdisjoint(p.triggers["contested"]):
        found += [(m.start(), m.end(), "contested") for m in p.contested.finditer(own)]
    if found and "whether" in words:
        # "is looking into whether the deal illegally ...": a question put, not a claim made
        asked = p.whether.search(own)
        if asked is not None:
            found = [c for c in found if c[0] < asked.start()]
    return _without_overlaps(found)


#: A sentence of at most this many words with no verb is a fragment ("$50 million." "5 women."),
#: the answer to the sentence before it or a line of a tally, not a claim of its own.
FRAGMENT_WORDS = 6


#: The words a fragment may open with before its figure ("Right around 3.79 billion miles.").
FRAGMENT_OPENERS = frozenset(
    "right around about nearly almost just only some over more less than roughly exactly precisely "
    "another a an the and or but at least".split()
)


def _fragment(p: _Patterns, own: str, figure_start: int) -> bool:
    """``own`` is a verbless fragment that opens with its figure ("$50 million.", "5 women.",
    "Right around 3.79 billion miles."; not "Sanders raises $33M")."""
    words = own.split()
    return (
        len(words) <= FRAGMENT_WORDS
        and FRAGMENT_OPENERS.issuperset(w.lower().strip(",") for w in own[:figure_start].split())
        and not p.verbish.search(own)
        and p.irregular_verbs.isdisjoint(w.lower().strip(".,;:!?") for w in words)
    )


def _judged(p: _Patterns, own: str, end: int) -> bool:
    """The superlative ending at ``end`` judges what it modifies ("the biggest challenge"),
    from ``claim-not-record-nouns``: no record."""
    after = p.word.findall(own, end, end + 24)
    return bool(after) and fold(after[0]) in p.not_record_nouns


#: Words before "cause(s)" that make it the noun ("focused on causes", "the cause of
#: conservatism", "a just cause"), and words after it that do ("cause for celebration").
_CAUSE_NOUN_BEFORE = frozenset(
    "the a an its their his her our my your this on of for about many various "
    "good just noble worthy lost common root main probable leading underlying real true social "
    "political charitable favourite favorite pet progressive conservative liberal".split()
)
_CAUSE_NOUN_AFTER = frozenset("of for célèbre celebre".split())


def _cause_noun(p: _Patterns, own: str, start: int, end: int) -> bool:
    """A match of "cause"/"causes" (``own[start:end]``) that is the noun, not the verb."""
    if own[start:end].lower() not in ("cause", "causes"):
        return False
    before = p.word.findall(own, max(0, start - 30), start)
    after = p.word.findall(own, end, end + 20)
    return (bool(before) and before[-1].lower() in _CAUSE_NOUN_BEFORE) or (
        bool(after) and after[0].lower() in _CAUSE_NOUN_AFTER
    )


def _without_overlaps(found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """One claim for words two patterns found ("killed dozens" and "dozens of"): of claims
    of one type that overlap, the first and longest."""
    kept: list[tuple[int, int, str]] = []
    last_end: dict[str, int] = {}
    for start, end, kind in sorted(found, key=lambda c: (c[0], -c[1])):
        if start < last_end.get(kind, -1):
            continue
        kept.append((start, end, kind))
        last_end[kind] = end
    return kept


def _figures(p: _Patterns, own: str, words: frozenset[str] = frozenset()) -> list[tuple[int, int, str]]:
    """``words``: the sentence's lower-case words, which say which patterns can match."""
    out: list[tuple[int, int, str]] = []
    for rx, needs in (
        (p.money, p.money_words),
        (p.percent, p.percent_words),
        (p.casualty, p.casualty_words),
        (p.amount, p.amount_words),
    ):
        if (
            rx is p.money
            and p.currency_sign.search(own)
            or not words.isdisjoint(needs)
            or rx is p.percent
            and "%" in own
        ):
            out += [(m.start(), m.end(), "figure") for m in rx.finditer(own)]
    for m in p.number.finditer(own):
        token = m.group()
        if p.yearlike.fullmatch(token):
            continue
        before = own[max(0, m.start() - 30) : m.start()].split()
        prev = fold(before[-1].strip('("“')) if before else ""
        if p.month.fullmatch(prev) or prev in p.not_counts_after:
            continue  # "Feb. 28", "the two candidates", "Article 33"
        after = [fold(w) for w in p.word.findall(own, m.end(), m.end() + 40)][:3]
        if "old" in after:
            continue  # an age
        noun = next((w for w in after if w in p.counted), None)
        if noun is not None or (
            prev in ("of", "about", "some", "nearly", "roughly", "around", "than")
            and token[0].isdigit()
            and not after[:1] == ["years"]
        ):
            out.append((m.start(), m.end(), "figure"))
    return out


def _routine_data(p: _Patterns, own: str) -> bool:
    """A data line of a market or results report: two figures or more, and a verb of
    movement right before one ("rose 8.2 pct to 2.93 billion marks") or a comparison ("will be
    175.92 billion dlrs against 160.33 billion"). One figure that moved ("fares rose 12.5%")
    is a claim."""
    if len(p.digits.findall(own)) < 2:
        return False
    return bool(p.move.search(own)) or (
        len(p.money.findall(own)) + len(p.percent.findall(own)) >= 2
        and bool(p.compared.search(own))
        and bool(p.move_word.search(own))
    )


def find_claims(doc, attributions) -> list[Claim]:
    """The document's claims, each with what stands behind it. ``attributions``: the
    document's attributions in the reporter's voice."""
    prose = doc.prose
    p = _patterns()
    by_sentence: dict[int, list] = {}
    for att in attributions:
        if att.form in BEHIND_FORMS:
            by_sentence.setdefault(att.sentence, []).append(att)
    with_links = {doc.sentence_index_at(link.start) for link in doc.links}
    direct = sorted((q for q in doc.quotes if q.direct), key=lambda q: q.start)
    # the furthest end so far: every quotation before the first index past a sentence's start
    # has ended before it (nested quotations included)
    ends = list(accumulate((q.end for q in direct), max))
    claims: list[Claim] = []
    poll_named = False
    # the attributions (by id) that stand behind nothing after their sentence: the writer's
    # own ("I explained …"), and those whose cue is itself a claim (added as they are met)
    mute = {id(att) for att in attributions if _is_writer(prose, att)}
    story_source = _lede_names_a_source(doc, by_sentence, mute)
    actors = _named_sources(attributions, mute, prose)
    for i, s in enumerate(doc.sentences):
        block = doc.blocks[s.block]
        charge(s.end - s.start, "claims")
        text = prose[s.start : s.end]
        lower = text.lower()
        found_poll = ("poll" in lower or "survey" in lower) and bool(p.poll.search(text))
        if block.kind not in CLAIM_BLOCKS or text.rstrip().endswith("?"):
            poll_named = poll_named or found_poll
            continue
        first = bisect_right(ends, s.start)  # the first quotation that ends after the sentence starts
        own = _own_words(text, s.start, direct, first)
        # "Meanwhile, …" starts a new thread: the sources before it do not stand behind it
        thread = not p.thread_first.isdisjoint(lower[:16].replace("’", "'").split()[:2]) and bool(p.thread.match(text))
        for a, b, kind in claims_in_words(own):
            claim = Claim(i, s.start + a, s.start + b, kind)
            # "member states are concerned": a claim, and no source for the sentences after it
            mute.update(id(att) for att in by_sentence.get(i, ()) if _is_cue_of(att, claim))
            share = kind == "figure" and bool(p.percent.match(own, a))
            claim.behind = _behind(claim, prose, block, by_sentence, with_links, poll_named and share, thread, mute)
            if claim.behind is None and story_source and kind == "figure" and not thread:
                claim.behind = "story"
            if claim.behind is None and kind == "figure" and actors and _actors_own_act(p, own, a, actors):
                claim.behind = "actor"
            claims.append(claim)
        poll_named = poll_named or found_poll
    return claims


#: A sentence with this many figures is a line of data (a results table, a budget written out
#: as prose), the release's numbers, not a claim each: editors circle the figure that stands out.
DATA_LINE_FIGURES = 3


def _lede_names_a_source(doc, by_sentence, writers: set[int]) -> bool:
    """The story's first paragraph (its lede) attributes what it reports to a named source:
    a single-source story (a company's results, an agency's figures), whose figures are that
    source's unless a paragraph opens a new thread."""
    poll = _patterns().poll
    for block in doc.blocks:
        if block.kind == "paragraph" and block.last_sentence > block.first_sentence:
            return any(
                att.kind in ("named-person", "named-organisation")
                # a poll's figures are its own, not the story's ("stands at 53% in the latest poll")
                and not poll.search(doc.prose, att.source[0], att.source[1])
                and id(att) not in writers
                for i in range(block.first_sentence, block.last_sentence)
                for att in by_sentence.get(i, ())
                if att.source is not None
            )
    return False


def _own_words(text: str, offset: int, direct, first: int) -> str:
    """The sentence with its direct quotations blanked out (same length, same offsets);
    ``direct[first:]`` are the quotations that end after the sentence starts. Linear in the
    sentence and its quotations: overlapping quotations are blanked once (a flood of unclosed
    marks opens thousands that run to the same end)."""
    end = offset + len(text)
    pieces: list[str] = []
    done = offset  # blanked or kept up to here
    for i in range(first, len(direct)):
        q = direct[i]
        if q.start >= end or done >= end:
            break  # (past the sentence, or all of it blanked: nothing left to blank)
        charge(STEP, "claims")
        a, b = max(q.start, done), min(q.end, end)
        if a < b:
            pieces.append(text[done - offset : a - offset])
            pieces.append(" " * (b - a))
            done = b
    if not pieces:
        return text
    pieces.append(text[done - offset :])
    return "".join(pieces)


#: A capitalised word of a named source ("Harbour", "Board" of "a Harbour Board report"): the
#: story may name the source by it as well as by the phrase's head ("report").
_NAME_WORD = regex.compile(r"\b\p{Lu}[\p{L}'’-]+")
#: Capitalised words of a source phrase that name nobody (a sentence's first word, a title).
_NOT_ACTOR_NAMES = frozenset("the a an mr mrs ms dr sen rep gov president senator governor he she it they".split())


def _named_sources(attributions, writers: set[int], prose: str) -> frozenset[str]:
    """The words that name the story's named sources, not the writer's: their head words
    ("agency", "clinton", "forbes") and the capitalised words of their phrases ("harbour",
    "board" of "a Harbour Board report")."""
    named = [
        att
        for att in attributions
        if att.is_specific and att.head and att.source is not None and id(att) not in writers
    ]
    heads = {att.head for att in named}
    names = {fold(w) for att in named for w in _NAME_WORD.findall(prose[att.source[0] : att.source[1]])}
    return frozenset(heads | (names - _NOT_ACTOR_NAMES))


#: The words that end the clause a figure's actor must be in (an actor before them did
#: something else: "Clinton, who trails, said 40 percent …" is the content's business);
#: after "and" the actor may be someone else ("both Giuliani and Bolton have received …").
_CLAUSE_BREAK = regex.compile(
    r"[,;:()\u2013\u2014]|\b(?:and|but|which|who|that|while|because|after|before|as)\b", regex.I
)


#: A figure that is no single act: deaths, or a running total ("has loaned Indonesia 10.7
#: billion dlrs over the past 20 years" is a statistic a source must stand behind).
_NOT_AN_ACT = regex.compile(r"\b(?:died|dead|deaths|over\s+the\s+(?:past|last)|since|so\s+far|to\s+date|in\s+total)\b")


#: How far into its clause the actor of a figure may stand ("The Sanders campaign spent").
ACTOR_WORDS = 3


def _actors_own_act(p: "_Patterns", own: str, at: int, actors: frozenset[str]) -> bool:
    """The figure at ``at`` is part of what one of the story's named sources is described as
    doing, in its clause ("The agency released 5,500 more pages", "Sanders named five people
    to the committee"): the guideline's trivial fact, not a claim needing a source. A count
    of casualties is never trivial ("the army killed 14")."""
    before = own[:at]
    breaks = [m.end() for m in _CLAUSE_BREAK.finditer(before)]
    clause = before[breaks[-1] if breaks else 0 :]
    # the actor is the clause's subject: among its first words ("The agency released",
    # "Mr. Sanders also named"; not "gains under Obama have gone to the top 1 percent")
    all_words = [fold(w) for w in p.word.findall(clause)]
    words = all_words[:ACTOR_WORDS]
    if not words or actors.isdisjoint(words):
        return False
    # the actor's own verb, in the past: what it did ("released", "spent", "named"), not a
    # judgement of it ("Merkel deserves credit for taking in one million migrants")
    at_actor = max(i for i, w in enumerate(words) if w in actors)
    after = all_words[at_actor + 1 :]
    at_verb = next((i for i, w in enumerate(after) if w not in _AUX_AND_ADVERBS), len(after))
    verb = after[at_verb] if at_verb < len(after) else ""
    ongoing = verb.endswith("ing") and at_verb > 0 and after[at_verb - 1] in _PROGRESSIVE_AUX
    if not (verb.endswith("ed") or verb in _PAST_FORMS or verb == "of" or ongoing):
        return False  # ("of": the source's own description, "The poll of 1,000 likely voters")
    lower = own.lower()
    return not any(w in lower for w in p.casualty_words) and not _NOT_AN_ACT.search(lower)


#: Words between an actor and its verb ("The agency has also released", "The Red Cross has
#: been training").
_AUX_AND_ADVERBS = frozenset(
    "has have had was were is are been also then first later recently again just already still only "
    "quickly formally officially".split()
)
#: The auxiliaries of an act in progress ("has been training hundreds of volunteers", "is
#: sending 40 engineers"): what the source is doing, as much its own act as a past one.
_PROGRESSIVE_AUX = frozenset("is are was were been".split())
#: Irregular past forms of the verbs of doing that figures follow ("spent $2 million").
_PAST_FORMS = frozenset(
    "spent paid sold sent gave took made won lost put set cut hit led held bought brought drew grew "
    "left got ran wrote withdrew began became met kept lent sought struck threw bid".split()
)


#: The marks that open and close an aside (dashes: a bracket inside what a source says is
#: more often its data, "according to the poll, … (Sanders leads by 29 points …)").
_ASIDE_MARKS = {"\u2013": "\u2013", "\u2014": "\u2014"}


def _in_aside(prose: str, span: tuple[int, int], at: int) -> bool:
    """``at`` lies in a dash aside inside ``span``, what a source is reported as
    saying: the writer's gloss ("told the members of the group – which has killed dozens of
    Americans – that …", "pledged to ban all Muslims — 1.6 billion people — from …")."""
    text = prose[span[0] : at]
    for opening, closing in _ASIDE_MARKS.items():
        k = text.rfind(opening)
        if k >= 0 and closing not in text[k + 1 :] and closing in prose[at : span[1]]:
            return True
    return False


def _is_writer(prose: str, att) -> bool:
    """The attribution's source is the writer ("I", "we")."""
    return att.source is not None and prose[att.source[0] : att.source[1]].lower() in WRITER_SOURCES


def _is_cue_of(att, claim: Claim) -> bool:
    """The claim's words are the attribution's cue ("are concerned", "has been blamed for")."""
    return att.cue[0] < claim.end and claim.start < att.cue[1]


def _behind(
    claim: Claim,
    prose: str,
    block,
    by_sentence,
    with_links,
    share_of_a_poll: bool,
    opens_thread: bool,
    mute: set[int],
) -> str | None:
    """What stands behind a claim (see the module's docstring), or None."""
    for att in by_sentence.get(claim.sentence, ()):
        if _is_cue_of(att, claim):
            if att.form == "passive":
                # "the festival has been blamed for the outbreak": a view passed on by nobody
                # named, sourcing's finding (agentless passive), not a cause stated as fact
                return "cue"
            continue  # "they resent that …": the claim is the cue, which vouches for nothing
        for span in (att.content, att.source):
            if span is not None and span[0] <= claim.start < span[1] and not _in_aside(prose, span, claim.start):
                return "content"
        # after a source's cue in its sentence, the claim is what the source says even where
        # the finder's content stops short ("Tom Cole said Thursday his biggest worry …")
        if (
            att.source is not None
            and att.form in SAYING_FORMS
            and (att.content is None or att.cue[0] < claim.start)
            and not _in_aside(prose, (att.cue[1], block.pend), claim.start)
        ):
            return "sentence"
    if not opens_thread:
        for j in range(claim.sentence - 1, max(block.first_sentence, claim.sentence - BEHIND_WINDOW) - 1, -1):
            if any(att.source is not None and id(att) not in mute for att in by_sentence.get(j, ())):
                return "neighbour"
    if claim.sentence in with_links:
        return "link"
    if share_of_a_poll:
        return "poll"  # a share in a story that has named its poll: the poll's figure
    return None
