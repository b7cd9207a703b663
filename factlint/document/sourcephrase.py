"""Noun phrases next to a reporting cue: who is the source?

The attribution finder has found a cue ("said", "according to"); this module finds the
phrase that names the speaker, without a parser: news prose puts the source in a few
places, and a short walk over the words around the cue finds it.

* Before the cue (the usual order), walking back over auxiliaries and adverbs
  ("senior officials have privately acknowledged"), time phrases ("Trump on Tuesday
  said") and a parenthesis or apposition between commas ("Smith, the minister, said").
* After the cue: "according to X", the inverted "…, said the minister", a passive's
  "by X".

A phrase is a run of determiners, modifiers and nouns, with prepositional tails that
describe the head ("officials at the ministry", "people familiar with the talks"). The
walk stops at punctuation, conjunctions and verbs it knows. Everything here works on
:class:`Tok` lists of one sentence, built with one precompiled pattern.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicons import AUXILIARIES, NP_BOUNDARY_WORDS, PRONOUN_SOURCES, REPORTING_VERBS, fold

#: Titles written with a full stop: "Mr." is one word of a name, not a sentence end.
TITLES = frozenset(
    "mr mrs ms mx dr gov sen rep gen lt col maj capt sgt adm prof rev st jr sr pres atty "
    "supt insp det cmdr hon messrs mme gens reps sens amb cpl pvt brig fr sec".split()
)
#: One token: "U.S.", an initial ("George W. Bush"), a word with inner apostrophes, dots, hyphens or digit commas
#: ("Trump’s", "e-mail", "3.5", "35,000"), or one other character. The standard ``re``
#: module is used: this pattern runs over every sentence with a cue in it.
TOKEN = re.compile(r"(?:[A-Z]\.){2,}|[A-Z]\.(?=\s+[A-Z])|\w+(?:(?:[’'.&-]|(?<=\d),(?=\d))\w+)*|\S")


@dataclass(slots=True)
class Tok:
    start: int
    end: int
    text: str
    low: str  # lower case, apostrophes folded

    @property
    def is_word(self) -> bool:
        return self.text[0].isalnum()

    @property
    def capitalised(self) -> bool:
        return self.text[0].isupper()


_SPAN = re.Match.span


def tokenize(prose: str, start: int, end: int) -> list[Tok]:
    """The tokens of ``prose[start:end]``; lower-casing is done once for the whole span
    (as :func:`.lexicons.fold` does it: two ``replace`` calls cost a fraction of one
    ``translate`` with a table)."""
    low = fold(prose[start:end])
    if len(low) != end - start:  # a character whose lower case is longer ("İ"): fold word by word
        return [Tok(m.start(), m.end(), m.group(), fold(m.group())) for m in TOKEN.finditer(prose, start, end)]
    return [Tok(a, b, prose[a:b], low[a - start : b - start]) for a, b in map(_SPAN, TOKEN.finditer(prose, start, end))]


DETERMINERS = frozenset(
    "the a an this these those his her their its our my your some many several few both all "
    "each every other another no any most more such certain various multiple numerous".split()
)
POSSESSIVES = frozenset("his her their its our my your".split())
NUMBER_WORDS = frozenset(
    "one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty "
    "fifty dozen dozens hundred hundreds thousand thousands million millions half".split()
)
#: Prepositions that tie a description to the head noun, walking back from the verb.
LINK_PREPS = frozenset("of at for from in with on within inside across around among near".split())
#: "close to", "loyal to": the only places where "to" continues a source phrase.
_TO_ADJECTIVES = frozenset("close closest loyal allied near next privy".split())
#: Roles held "to" someone: "aides to the mayor", "an adviser to the minister", "the envoy
#: to the talks" -- the role, not the person after "to", is the source.
_TO_ROLES = frozenset(
    "aide aides adviser advisers advisor advisors counsel counsellor counsellors counselor "
    "counselors consultant consultants assistant assistants envoy envoys ambassador "
    "ambassadors".split()
)
_PRONOUN_CONTRACTIONS = frozenset(
    f"{p}'{c}" for p in ("he", "she", "they", "we", "i", "it", "you") for c in ("s", "ve", "d", "ll", "re", "m")
)
RELATIVES = frozenset({"who", "which"})
OPENING_MARKS = frozenset("“\"‘«(['")
CLOSING_MARKS = frozenset("”\"’»)]'")
TIME_NOUNS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday today yesterday tonight morning "
    "afternoon evening night week weekend weeks month months year years day days spring summer "
    "autumn fall winter january february march april may june july august september october "
    "november december jan feb mar apr jun jul aug sep sept oct nov dec ago".split()
)
TIME_MODIFIERS = frozenset(
    "on last this next earlier later late early in at during the past each every both same that".split()
)
#: "in a statement", "on Twitter", "at a rally": where a source said it, between subject and verb.
MEDIUM_NOUNS = frozenset(
    "statement interview tweet tweets speech letter post rally conference briefing email e-mail "
    "memo note op-ed column hearing debate appearance message video podcast broadcast radio "
    "television tv twitter facebook instagram website blog event address remarks".split()
)
_MEDIUM_PREPS = frozenset("in on at during via through".split())

#: Words that cannot be part of a source phrase: conjunctions, auxiliaries, speech verbs.
_STOP = (
    NP_BOUNDARY_WORDS
    | AUXILIARIES
    | PRONOUN_SOURCES
    | RELATIVES
    | _PRONOUN_CONTRACTIONS
    | frozenset(w for w in REPORTING_VERBS if " " not in w and (w.endswith("ed") or w.endswith("ing")))
    | frozenset("said says told tells wrote writes thought according".split())
)
MAX_PHRASE = 12
#: Past participles that do describe a named person: "retired Gen. Jane Doe".
_NAME_MODIFIERS = frozenset(
    "retired embattled elected acclaimed celebrated disgraced indicted ousted jailed "
    "beleaguered unnamed renowned respected detained exiled".split()
)


def is_np_word(t: Tok) -> bool:
    """A word that can sit inside a source phrase: a noun, a name, a modifier, a number.
    A capitalised auxiliary is a name ("Will Doyle", "May")."""
    if not t.is_word or t.low in DETERMINERS:
        return False
    return t.low not in _STOP or (t.capitalised and t.low in AUXILIARIES)


def is_pronoun(t: Tok) -> bool:
    return t.low in PRONOUN_SOURCES or t.low in _PRONOUN_CONTRACTIONS


def _is_adverb(t: Tok) -> bool:
    return len(t.low) > 4 and t.low.endswith("ly") and not t.capitalised


def skip_back(toks: list[Tok], k: int, lo: int) -> int:
    """From ``k`` walk back over what sits between a source and its verb: auxiliaries,
    adverbs, time phrases ("on Tuesday", "last week") and the medium ("in a statement")."""
    while k >= lo:
        t = toks[k]
        if t.low in AUXILIARIES or _is_adverb(t) or (t.low in ("here", "there") and k > lo and is_np_word(toks[k - 1])):
            k -= 1
            continue
        j = _time_phrase_start(toks, k, lo)
        if j is None:
            j = _medium_phrase_start(toks, k, lo)
        if j is None or j > k:
            break
        k = j - 1
    return k


def _time_phrase_start(toks: list[Tok], k: int, lo: int) -> int | None:
    if toks[k].low not in TIME_NOUNS and not (toks[k].low.isdigit() and k > lo and toks[k - 1].low in TIME_NOUNS):
        return None
    j = k
    while j - 1 >= lo and (
        toks[j - 1].low in TIME_NOUNS or toks[j - 1].low in TIME_MODIFIERS or toks[j - 1].low.isdigit()
    ):
        j -= 1
    # "the company last week said": a time phrase needs a word before it to be a subject
    return j if j - 1 >= lo else None


def _medium_phrase_start(toks: list[Tok], k: int, lo: int) -> int | None:
    if toks[k].low not in MEDIUM_NOUNS:
        return None
    j = k
    while j - 1 >= lo and toks[j - 1].is_word and toks[j - 1].low not in _MEDIUM_PREPS and k - j < 4:
        j -= 1
    if j - 1 >= lo and toks[j - 1].low in _MEDIUM_PREPS and j - 2 >= lo:
        return j - 1
    return None


#: The signs before a sum of money ("$8.04", "£2 million").
_CURRENCY_SIGNS = frozenset("$£€¥")


def phrase_before(toks: list[Tok], k: int, lo: int, links: bool = True) -> tuple[int, int] | None:
    """The noun phrase ending at token ``k`` (indices, inclusive), or None. Without
    ``links`` the phrase stops at a preposition (the antecedent of "who")."""
    if k < lo:
        return None
    if toks[k].text == "%" and k - 1 >= lo and toks[k - 1].low[:1].isdigit():
        k -= 1  # "42% say": the figure heads the phrase
    if not is_np_word(toks[k]):
        return None
    j = k
    while j - 1 >= lo and k - j < MAX_PHRASE:
        p = toks[j - 1]
        if is_np_word(p):
            if p.low[:1].isdigit() and j - 2 >= lo and toks[j - 2].text in _CURRENCY_SIGNS:
                break  # "the $8.04 analysts had expected": a sum, not a count of analysts
            if toks[j].capitalised and not p.capitalised and p.low.endswith("ed") and p.low not in _NAME_MODIFIERS:
                break  # "The delay angered Tom Reid": a verb before its object, not a modifier
            j -= 1
            continue
        if p.text == "." and j - 2 >= lo and toks[j - 2].low in TITLES:
            j -= 2  # "Mr. Smith"
            continue
        if (
            p.text == "/"
            and j - 2 >= lo
            and toks[j - 2].is_word
            and toks[j - 2].end == p.start
            and toks[j].start == p.end
        ):
            j -= 2  # "a USA TODAY/Suffolk University poll"
            continue
        if p.text == "%" and j - 2 >= lo and toks[j - 2].low[:1].isdigit():
            j -= 2  # "42% say"
            continue
        if p.text in ("'", "’") and j - 2 >= lo and toks[j - 2].low.endswith("s") and is_np_word(toks[j - 2]):
            j -= 2  # "the farmers' union"
            continue
        if p.low in DETERMINERS:
            j -= 1
            # a determiner opens the phrase, unless a preposition ties it to a head before
            if links and j - 2 >= lo and _links(toks, j - 1) and is_np_word(toks[j - 2]):
                j -= 1
                continue
            if (
                links
                and j - 2 >= lo
                and toks[j - 1].low in ("in", "of", "at", "on", "among")
                and toks[j - 2].low in _QUANTIFIER_HEADS
            ):
                j -= 2  # "many in the party", "some of the delegates"
                break
            if j - 2 >= lo and toks[j - 1].low == "and" and toks[j - 2].capitalised and is_np_word(toks[j - 2]):
                j -= 1  # "President Jane Doe and her government"
                continue
            break
        if links and _links(toks, j - 1) and j - 2 >= lo and is_np_word(toks[j - 2]):
            j -= 1
            continue
        if p.low in ("and", "&") and j - 2 >= lo and _coordinated(toks[j - 2], toks[j]):
            j -= 1
            continue
        break
    return (j, k)


def _links(toks: list[Tok], i: int) -> bool:
    """Does token ``i`` tie a description to a head before it? Prepositions ("officials at the
    ministry"), "close to", and participles ("locals watching the front line")."""
    t = toks[i]
    low = t.low
    if low in LINK_PREPS or (
        low == "to" and i > 0 and (toks[i - 1].low in _TO_ADJECTIVES or toks[i - 1].low in _TO_ROLES)
    ):
        return True
    if low == "by":
        # "a poll by the institute", "an analysis by"; "economists polled by the agency"
        return i > 0 and (toks[i - 1].low in _AUTHORED or toks[i - 1].low in CONSULTED)
    return low.endswith("ing") and len(low) > 5 and not t.capitalised and low not in _STOP


#: Quantifiers that head a source before "in"/"of": "many in the party", "most of the aides".
_QUANTIFIER_HEADS = frozenset("some many most several few others all both each one none".split())
#: Nouns for groups that can follow a capitalised modifier in a subject ("Black voters").
_GROUP_NOUNS = frozenset(
    "voters officials lawmakers supporters opponents critics activists leaders members "
    "delegates donors aides advisers analysts experts strategists insiders diplomats "
    "residents people".split()
)
#: Participles that describe people as sources: "economists polled by the agency",
#: "voters surveyed by the institute", "analysts interviewed by the paper".
CONSULTED = frozenset("polled surveyed interviewed questioned consulted contacted quoted".split())
#: Documents whose author follows "by": "the poll by the institute showed".
_AUTHORED = frozenset(
    "poll polls survey surveys study studies report reports analysis analyses research "
    "review audit investigation estimate estimates projection projections".split()
)


def _coordinated(left: Tok, right: Tok) -> bool:
    """ "Smith and Jones", "media reports and party sources": both sides name speakers."""
    if left.capitalised and right.capitalised:
        return True
    return left.low.endswith("s") and right.low.endswith("s") and is_np_word(left) and is_np_word(right)


def phrase_after(toks: list[Tok], i: int, hi: int, subject: bool = False) -> tuple[int, int] | None:
    """The noun phrase starting at token ``i`` (e.g. after "according to" or an inverted
    "said"), or None. Time and medium phrases ("on Tuesday", "in a statement") end it.
    As a ``subject`` (a sentence's first phrase) it also ends at an adverb or at a word that
    reads as its verb ("Journalist Jorge Ramos corrected …")."""
    if i >= hi:
        return None
    if is_pronoun(toks[i]):
        return (i, i)
    j = i
    while j < hi and j - i < MAX_PHRASE:
        t = toks[j]
        if t.low in DETERMINERS or t.low in NUMBER_WORDS:
            if j > i and not (
                toks[j - 1].low in DETERMINERS
                or toks[j - 1].low in NUMBER_WORDS
                or toks[j - 1].low in LINK_PREPS
                or toks[j - 1].low == "by"
            ):
                break  # "multiple reports the council met": a new phrase starts
            j += 1
            continue
        if t.text in OPENING_MARKS and t.text not in "([" and j > i:
            close = next((x for x in range(j + 1, min(hi, j + MAX_PHRASE)) if toks[x].text in CLOSING_MARKS), None)
            if close is None:
                break
            j = close + 1  # according to the "Medicare for all" document
            continue
        if t.low in TITLES and j + 1 < hi and toks[j + 1].text == ".":
            j += 2  # "Gov. Smith"
            continue
        if is_np_word(t):
            if (
                subject
                and j > i
                and not t.capitalised
                and t.low not in _GROUP_NOUNS
                and (
                    _is_adverb(t)
                    or (t.low.endswith(("ed", "s")) and (toks[j - 1].capitalised or toks[j - 1].low.endswith("s")))
                )
            ):
                break  # "Journalist Jorge Ramos corrected"; but "Black voters", "Senate officials"
            if t.low in TIME_NOUNS and j > i and toks[j - 1].low in LINK_PREPS | TIME_MODIFIERS:
                j -= 1  # "said Smith on Tuesday": drop "on"
                break
            j += 1
            continue
        if (
            t.low in ("and", "or")
            and j > i
            and j + 2 < hi
            and toks[j - 1].capitalised
            and is_np_word(toks[j + 1])
            and not toks[j + 1].capitalised
            and is_np_word(toks[j + 2])
        ):
            j += 1  # "according to Democratic and independent analysts"
            continue
        if (
            (t.low in LINK_PREPS or t.low == "by" or _links(toks, j))
            and j > i
            and j + 1 < hi
            and (toks[j + 1].is_word and toks[j + 1].low not in TIME_NOUNS and toks[j + 1].low not in _STOP)
        ):
            if t.low in _MEDIUM_PREPS and _starts_medium(toks, j + 1, hi):
                break
            j += 1
            continue
        break
    while j > i and (toks[j - 1].low in DETERMINERS or toks[j - 1].low in LINK_PREPS or toks[j - 1].low == "by"):
        j -= 1
    if j == i:
        return None
    return (i, j - 1)


def _starts_medium(toks: list[Tok], i: int, hi: int) -> bool:
    for j in range(i, min(hi, i + 4)):
        if toks[j].low in MEDIUM_NOUNS:
            return True
        if not toks[j].is_word:
            return False
    return False


_APPOSITION_OPENERS = frozenset({"a", "an", "the"}) | POSSESSIVES


def apposition_after(toks: list[Tok], k: int, hi: int) -> int:
    """Extend a name ending at ``k`` with an apposition: "Jane Doe, a professor at X" -> the
    last token index of the apposition (``k`` when there is none)."""
    if k + 2 >= hi or toks[k + 1].text != "," or toks[k + 2].low not in _APPOSITION_OPENERS:
        return k
    j = k + 2
    while j + 1 < hi and toks[j + 1].text not in (",", ";", ".", "—", "–", ":", "”", '"') and j - k < MAX_PHRASE:
        j += 1
    return j


def previous_comma(toks: list[Tok], k: int, lo: int, limit: int = 30) -> int | None:
    """The comma that opens the parenthesis closed by the comma at ``k``, if any."""
    j = k - 1
    while j >= lo and k - j <= limit:
        text = toks[j].text
        if text == ",":
            return j
        if text == ")":
            opening = next((x for x in range(j - 1, max(lo - 1, j - 8), -1) if toks[x].text == "("), None)
            if opening is not None:
                j = opening - 1  # "conducted with Shaw & Company (R), shows": skip the brackets
                continue
        if text in ("'", "’") and j > 0 and toks[j - 1].end == toks[j].start and toks[j - 1].low.endswith("s"):
            pass  # "the Ferry Operators' Association": a possessive, not a quotation mark
        elif text in OPENING_MARKS or text in CLOSING_MARKS or text in (";", ":", "—", "–"):
            return None
        j -= 1
    return None
