"""What kind of source is this? Named, anonymous, vague — and was anonymity explained?

The editor guideline draws the lines:

* **named**: a person or organisation the reader can identify — including an identified
  office ("the Foreign Ministry spokesman", "the minister") and a definite reference back
  to one ("the company");
* **anonymous**: unnamed but described — an organisation, a number or a vantage point
  says which ("three Pentagon officials", "people familiar with the talks", "a senior
  State Department official");
* **vague**: a group or role with nothing that says which ("officials", "US officials",
  "senior officials", "critics", "multiple reports", "some").

The head word (the last word before a preposition, a relative clause or a comma) and
its qualifiers decide. Capitalised words that do not say *which* ("US", "Western",
"Senior") do not name anyone.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from .lazypattern import LazyPattern
from .lexicons import (
    COUNTRY_NAMES,
    EVIDENCE_NOUNS,
    GENERIC_SOURCE_HEADS,
    GROUP_QUALIFIERS_NOT_NAMING,
    OFFICE_NOUNS,
    ORGANISATION_WORDS,
    THING_SOURCE_MODIFIERS,
)
from .sourcephrase import CONSULTED, DETERMINERS, NUMBER_WORDS, POSSESSIVES, Tok

#: Words after the head that start a description of it.
_CUT_WORDS = frozenset(
    "of at for from in with on to who whom whose which that familiar close closest inside within "
    "across around among near involved briefed based speaking knowledgeable aware working "
    "allied loyal aligned connected".split()
)
#: Descriptions that give a vantage point: "people familiar with the talks".
_VANTAGE = frozenset(
    "familiar close closest inside involved briefed knowledgeable aware attended present participated".split()
)
_PERSON_OFFICES = frozenset(
    "minister president premier spokesman spokeswoman spokesperson secretary chairman chairwoman "
    "chair governor mayor prosecutor judge ambassador envoy chancellor leader general head chief "
    "director executive ceo founder manager senator congressman congresswoman representative "
    "speaker".split()
)
#: After a past participle these start a description: "a poll released by", "research
#: conducted for", "a document filed on Thursday".
_AFTER_PARTICIPLE = frozenset("by for on in at from with jointly last this earlier".split())
_ARTICLES = frozenset({"a", "an", "one", "another"})
_DEFINITE = frozenset({"the", "this", "that", "these", "those"})
_QUANTIFIER_SOURCES = frozenset("some many several most few both all others one another neither none each".split())
QUANTITY_HEADS = frozenset(
    "percent per cent majority minority handful number third quarter half "
    "plurality share fraction couple lot dozen dozens".split()
)
_DOCUMENT_HEADS = frozenset("report reports study studies research data survey surveys poll polls accounts".split())
_ACRONYM = LazyPattern(r"^\p{Lu}{2,}s?$")


@dataclass(slots=True)
class SourceClass:
    kind: str  # named-person, named-organisation, anonymous, vague
    head: str  # the head word, lower case ("officials", "trump")
    back_reference: bool = False  # "the officials": refers to a source described earlier


def split_head(toks: list[Tok]) -> tuple[list[Tok], list[Tok]]:
    """(head chunk, description after it): "officials at the ministry" -> officials | at …"""
    for i, t in enumerate(toks):
        if i > 0 and (t.low in _CUT_WORDS or t.text in ",(—–" or _participle_after_head(toks, i)):
            return toks[:i], toks[i:]
    return toks, []


#: -ing words that describe a source rather than start a clause about it.
_ING_ADJECTIVES = frozenset(
    "leading ruling governing outgoing incoming visiting founding presiding sitting retiring "
    "opposing remaining dissenting prevailing".split()
)


def _participle_after_head(toks: list[Tok], i: int) -> bool:
    """ "people watching the race": an -ing word that takes an object starts a description;
    "exit polling data" keeps "polling" as a modifier."""
    t = toks[i]
    if (
        t.low.endswith("ed")
        and not t.capitalised
        and len(t.low) > 4
        and toks[i - 1].low not in DETERMINERS
        and (i + 1 == len(toks) or toks[i + 1].low in _AFTER_PARTICIPLE)
    ):
        return True  # "research conducted for the centre", "a report published (on Wednesday)"
    if not (t.low.endswith("ing") and not t.capitalised and len(t.low) > 5) or t.low in EVIDENCE_NOUNS:
        return False  # "the latest polling": a noun of evidence, the head
    if toks[i - 1].low in DETERMINERS or t.low in _ING_ADJECTIVES:
        return False  # "a leading Belgrade economist", "senior ruling party officials": an adjective
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    return nxt is None or nxt.low in DETERMINERS or nxt.low in _CUT_WORDS or nxt.capitalised


def _named_with_others(chunk: list[Tok], naming: list[Tok]) -> bool:
    """ "Sloane and other analysts", "Jane Roe and fellow economists": a name, then "and"
    and a group like the named one."""
    for i, t in enumerate(chunk[:-2]):
        if t.low == "and" and i > 0 and chunk[i - 1] in naming and chunk[i + 1].low in ("other", "fellow", "several"):
            return True
    return False


def head_word(chunk: list[Tok]) -> str:
    words = [t for t in chunk if t.is_word]
    if not words:
        return ""
    return without_possessive(words[-1].low)


def without_possessive(low: str) -> str:
    """A lower-case word without its possessive ending: "sanders's" -> "sanders",
    "officials'" -> "officials"."""
    if low.endswith("'s"):
        return low[:-2]
    if low.endswith("s'"):
        return low[:-1]
    return low


def classify(toks: list[Tok], common_noun) -> SourceClass | None:
    """Classify a source phrase. ``common_noun(word)`` says whether a capitalised word at
    the start of a sentence is an ordinary noun ("Protesters"), not a name."""
    if not toks:
        return None
    chunk, rest = split_head(toks)
    words = [t for t in chunk if t.is_word]
    if not words:
        return None
    head = head_word(chunk)
    first = words[0].low
    if len(words) == 1 and first in _QUANTIFIER_SOURCES and rest and rest[0].low == "of":
        # "some of his aides", "one of the officials": the group after "of" is the head
        if len(rest) == 2 and rest[1].low in ("them", "us"):
            return SourceClass("vague", first, back_reference=True)  # "most of them": the group just named
        inner = classify(rest[1:], common_noun)
        if inner is not None and inner.kind in ("vague",) and first in ("one", "two", "three"):
            return SourceClass("anonymous", inner.head)
        return inner
    if head in QUANTITY_HEADS or ((head.isdigit() or head in NUMBER_WORDS) and rest):
        # "six in 10 voters", "a handful of Democrats", "36 percent of Republicans": a share
        # of a group (a poll's respondents, usually), named by its quantity
        return SourceClass("vague", head)
    last = words[-1]
    if (
        last.capitalised
        and head in GROUP_QUALIFIERS_NOT_NAMING
        and head not in GENERIC_SOURCE_HEADS
        and head not in DETERMINERS
        and len(head) > 2
    ):
        # "Leading Democrats say", "Republicans": a party or a people, named as a whole
        return SourceClass("named-organisation", head)
    if (
        first in ("those", "these")
        and len(words) > 1
        and not words[1].capitalised
        and (words[1].low.endswith("ed") or words[1].low in ("who", "polled", "surveyed"))
    ):
        return SourceClass("vague", "those")  # "those surveyed say"
    naming = [t for i, t in enumerate(chunk) if _names(t, i == 0, common_noun)]
    described_by_name = any(_names(t, False, common_noun) for t in rest)
    vantage = any(t.low in _VANTAGE for t in rest)
    counted = any(t.low in NUMBER_WORDS or t.low.isdigit() for t in words[:-1])
    if (
        rest
        and rest[0].text == ","
        and len(rest) > 2
        and _names(rest[1], False, common_noun)
        and _names(rest[2], False, common_noun)
        and (head in GENERIC_SOURCE_HEADS or looks_like_person(head))
    ):
        # "two military analysts, Jane Roe and John Doe,": the apposition names them
        return SourceClass("named-person", rest[2].low)
    if head in ("source", "sources") and len(words) > 1 and words[-2].low in THING_SOURCE_MODIFIERS:
        return None  # "its power source could continue": a source of something, not of news
    if head in GENERIC_SOURCE_HEADS and _named_with_others(chunk, naming):
        # "Sloane and other analysts": a named person speaks, with others like them
        return SourceClass("named-person", naming[0].low)
    if head in GENERIC_SOURCE_HEADS:
        institution = any(
            (t.low in ORGANISATION_WORDS or t.low in OFFICE_NOUNS) and t.low not in GROUP_QUALIFIERS_NOT_NAMING
            for t in words[:-1] + rest
        )
        if head in _DOCUMENT_HEADS and (naming or described_by_name or institution):
            return SourceClass("named-organisation", head)  # "a Reuters report", "the committee report"
        if len(rest) > 2 and rest[0].low in CONSULTED and rest[1].low == "by" and (described_by_name or institution):
            # "economists polled by the agency": a survey whose author is named speaks for them
            return SourceClass("named-organisation", head)
        if naming or described_by_name or vantage or counted or institution:
            return SourceClass("anonymous", head)  # "Pentagon officials", "a company official"
        if first in POSSESSIVES and len(words) > 1:
            return SourceClass("anonymous", head)  # "his aides": described by whose they are
        if first in _DEFINITE and len(words) > 1:
            if head in _DOCUMENT_HEADS:
                return SourceClass("named-organisation", head)  # "the report": one the story names
            return SourceClass("vague", head, back_reference=True)
        return SourceClass("vague", head)
    if head in OFFICE_NOUNS:
        person = head in _PERSON_OFFICES
        if first in _ARTICLES and not (naming or described_by_name or len(words) > 2):
            return SourceClass("vague", head)  # "a spokesman said", "a poll found": which?
        # "the minister", "a spokesman for Mr. Clinton", "a Gallup poll": an identified office or document
        return SourceClass("named-person" if person else "named-organisation", head)
    if naming and first in _ARTICLES and not words[-1].capitalised and looks_like_person(head):
        # "a Tokyo dealer", "a leading Belgrade economist": a place or a firm describes one
        # person it does not name
        return SourceClass("anonymous", head)
    if naming:
        return SourceClass(_name_kind(chunk, naming, first), head)
    trailing = _trailing_name(toks, common_noun)
    if trailing:
        # "master of ceremonies Jane Doe", "former governor of Ohio John Roe": the name is the head
        return SourceClass("named-person", trailing)
    plural = head.endswith("s") and not head.endswith("ss")
    singular = head[:-3] + "y" if head.endswith("ies") else head[:-1] if plural else head
    institution = (
        head in ORGANISATION_WORDS
        or head in EVIDENCE_NOUNS
        or singular in ORGANISATION_WORDS
        or singular in OFFICE_NOUNS
    )
    if first in _DEFINITE | POSSESSIVES and len(words) > 1:
        if institution:
            return SourceClass("named-organisation", head)  # "the company", "his campaign", "the poll"
        if looks_like_person(head):
            if plural:
                return SourceClass("vague", head, back_reference=True)  # "the protesters"
            return SourceClass("named-person", head)  # "the speechwriter": one the story introduced
        return None  # "the war continues", "the leaked details suggest": no one speaks
    if len(words) == 1 and first in ("both", "each", "neither"):
        return SourceClass("vague", first, back_reference=True)  # "Both think …": the two just named
    if len(words) == 1 and first in _QUANTIFIER_SOURCES:
        return SourceClass("vague", first)
    if plural and (looks_like_person(head) or institution):
        return SourceClass("vague", head)  # "protesters", "some delegates", "polls"
    if len(words) == 1 and words[0].capitalised:
        return SourceClass("named-person", head)  # "Small said": a singular noun alone is a name
    if first in _ARTICLES and len(words) > 1:
        if looks_like_person(head):
            return SourceClass("anonymous", head)  # "a former speechwriter": unnamed, described
        if institution:
            return SourceClass("vague", head)  # "a poll", "a company"
    if rest and rest[0].low == "of" and len(rest) > 1:
        # "an average of recent polls", "a review of court records": the evidence after "of"
        inner = classify(rest[1:], common_noun)
        if inner is not None and inner.head in EVIDENCE_NOUNS:
            if inner.kind == "named-person":
                inner.kind = "named-organisation"  # "recent Post-ABC polls": a pollster's
            return inner
    return None


#: Endings of nouns for people and their roles: "speechwriter", "strategist", "resident".
_PERSON_ENDINGS = (
    "er",
    "ers",
    "or",
    "ors",
    "ist",
    "ists",
    "ian",
    "ians",
    "ant",
    "ants",
    "ent",
    "ents",
    "ee",
    "ees",
    "ive",
    "ives",
    "man",
    "men",
    "woman",
    "women",
    "ate",
    "ates",
    "ary",
    "aries",
)
_PERSON_NOUNS = frozenset(
    "people person persons folks crowd crowds family families friend friends colleague colleagues ally allies "
    "aide aides staff delegate delegates leader leaders group groups fan fans activist activists boy boys girl "
    "girls child children kid kids man men woman women mother mothers father fathers son sons daughter "
    "daughters wife husband brother sister parent parents couple teen teens guy guys veteran veterans "
    "americans republicans democrats conservatives liberals progressives independents latinos hispanics "
    "christians muslims jews evangelicals catholics candidate candidates nominee nominees".split()
)


def looks_like_person(head: str) -> bool:
    """A noun for a person or a group of people, by its ending or a short list."""
    return head in _PERSON_NOUNS or head.endswith(_PERSON_ENDINGS)


def _trailing_name(toks: list[Tok], common_noun) -> str:
    words = [t for t in toks if t.is_word]
    if len(words) < 3 or not words[-1].capitalised:
        return ""
    if not all(_names(t, False, common_noun) for t in words[-2:]):
        return ""
    return words[-1].low


def _names(t: Tok, sentence_initial: bool, common_noun) -> bool:
    """Does this word name someone? Capitalised, and not a word that only says where
    from or how senior ("US", "Western", "Senior"), nor a common noun that opens a sentence."""
    if not t.is_word or not t.capitalised:
        return False
    low = t.low[:-2] if t.low.endswith("'s") else t.low
    if low in GROUP_QUALIFIERS_NOT_NAMING or low in GENERIC_SOURCE_HEADS or low in DETERMINERS:
        return False
    if _is_demonym(t.text):
        return False
    if sentence_initial and common_noun(low):
        return False
    return True


def _is_demonym(word: str) -> bool:
    """Nationality and regional adjectives name no one: "Russian", "Iranian", "Japanese"."""
    return (
        len(word) > 4
        and word[0].isupper()
        and word[1:].islower()
        and word.endswith(("ian", "ean", "ese", "ish", "can", "ern"))
    )


def _name_kind(chunk: list[Tok], naming: list[Tok], first: str) -> str:
    lows = {t.low.rstrip(".") for t in chunk}
    if lows & ORGANISATION_WORDS or any(_ACRONYM.match(t.text) for t in naming):
        return "named-organisation"
    if first in _DEFINITE:
        return "named-organisation"  # "the Kremlin", "the Post"
    if " ".join(t.low for t in naming) in COUNTRY_NAMES:
        return "named-organisation"  # "Russia said", "South Korea warned": its government
    return "named-person"


# -- reasons for anonymity ------------------------------------------------------------

#: A stated reason for granting anonymity (AP, NYT policy: say why the source was not
#: named): not authorised to speak, private deliberations, fear of reprisal.
ANONYMITY_REASON = LazyPattern(
    r"\bnot\s+(?:been\s+)?(?:authori[sz]ed|allowed|permitted|cleared|empowered)\s+to\b"
    r"|\b(?:anonymity|anonymously|named|identified)\s+(?:in\s+order\s+)?to\s+"
    r"(?:discuss|describe|speak|talk|detail|share|reveal|disclose|relay|brief)\b"
    r"|\bto\s+discuss\s+(?:\w+\s+){0,4}?(?:private|internal|confidential|sensitive|closed-door|"
    r"classified|ongoing|unannounced|secret)\b"
    r"|\b(?:because|since|as)\b[^.;!?]{0,100}?\b(?:not\s+(?:been\s+)?(?:authori[sz]ed|allowed|"
    r"permitted|cleared)|private(?:ly)?|confidential|sensitiv\w*|fear\w*|reprisals?|retaliation|"
    r"retribution|not\s+(?:yet\s+)?(?:been\s+)?(?:made\s+)?public|unannounced|classified|"
    r"secret|internal)\b"
    r"|\bfor\s+fear\s+of\b",
    regex.IGNORECASE,
)
ANONYMITY = LazyPattern(
    r"\b(?:condition\s+of\s+anonymity|anonymously|declined\s+to\s+be\s+(?:named|identified)|"
    r"asked\s+not\s+to\s+be\s+(?:named|identified)|speaking\s+on\s+background|"
    r"requested\s+anonymity|not\s+to\s+be\s+(?:named|identified))\b",
    regex.IGNORECASE,
)
