"""Who says so: attributions in the prose, found once per document.

An attribution is a *cue* ("said", "according to", "reportedly"), usually with a
*source* (who says it) and a *content* (what is said). The finder works on sentences:

* "according to X" takes the noun phrase after it as the source;
* a reporting verb takes the noun phrase before it (skipping auxiliaries and adverbs:
  "senior officials have privately acknowledged") or, inverted, after it ("…, said the
  minister");
* "reportedly", "is said to", "it is believed" are attributions without a source.

Each source is classified by its head word and qualifiers: a named person or
organisation, an identified office ("the Foreign Ministry spokesman"), an unnamed but
described source ("a senior White House official": anonymous), or a generic group with
nothing that says which ("officials", "critics", "US officials", "multiple reports":
vague). The sourcing rules, the attribution rules and ``factlint sources`` share this
one finder.
"""
from __future__ import annotations

from dataclasses import dataclass

import regex

from .lexicons import (
    AUXILIARIES,
    GENERIC_SOURCE_HEADS,
    GROUP_QUALIFIERS_NOT_NAMING,
    OFFICE_NOUNS,
    PRONOUN_SOURCES,
    REPORTING_VERBS,
    SOURCELESS_CUES,
    NP_BOUNDARY_WORDS,
)

KINDS = ("named-person", "named-organisation", "anonymous", "vague", "unsourced")


@dataclass(slots=True)
class Attribution:
    cue: tuple[int, int]
    source: tuple[int, int] | None
    kind: str
    sentence: int
    content: tuple[int, int] | None = None
    quote: str = "paraphrase"  # direct | paraphrase | report
    reason: tuple[int, int] | None = None
    pronoun: bool = False

    @property
    def has_source(self) -> bool:
        return self.kind != "unsourced"

    @property
    def is_specific(self) -> bool:
        """A source a reader can identify or weigh (named, office, or resolved pronoun)."""
        return self.kind in ("named-person", "named-organisation")


def _alternation(words) -> str:
    return "|".join(regex.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


_CUE = regex.compile(
    r"(?<![\w’'-])(?:(?P<according>according\s+to)|(?P<sourceless>" + _alternation(SOURCELESS_CUES)
    + r")|(?P<verb>" + _alternation(REPORTING_VERBS) + r"))(?![\w’'-])",
    regex.IGNORECASE,
)
_TOKEN = regex.compile(r"[\p{L}\p{N}][\p{L}\p{N}’'.&-]*|[^\s\p{L}\p{N}]")
_ANONYMITY_REASON = regex.compile(
    r"\b(?:because|since|as)\b[^.]{0,80}\b(?:not\s+authori[sz]ed|not\s+allowed|not\s+permitted|"
    r"fear|private|confidential|sensitiv)|\bnot\s+authori[sz]ed\s+to\b|\bto\s+discuss\b|"
    r"\bfor\s+fear\s+of\b|\bnot\s+(?:allowed|permitted)\s+to\s+(?:speak|talk|comment)\b|"
    r"\bbecause\s+(?:he|she|they)\s+(?:was|were|is|are)\s+not\b",
    regex.IGNORECASE,
)
_ANONYMITY = regex.compile(r"\b(?:condition\s+of\s+anonymity|anonymously|declined\s+to\s+be\s+"
                           r"(?:named|identified)|asked\s+not\s+to\s+be\s+(?:named|identified)|"
                           r"speaking\s+on\s+background)\b", regex.IGNORECASE)


def find_attributions(doc) -> list[Attribution]:
    cached = doc._cache.get("attributions")
    if cached is not None:
        return cached
    prose = doc.prose
    found: list[Attribution] = []
    for index, sentence in enumerate(doc.sentences):
        for m in _CUE.finditer(prose, sentence.start, sentence.end):
            att = _attribution(doc, prose, index, sentence, m)
            if att is not None:
                found.append(att)
    doc._cache["attributions"] = found
    return found


def _attribution(doc, prose: str, index: int, sentence, m) -> Attribution | None:
    cue = (m.start(), m.end())
    if m.group("sourceless"):
        return Attribution(cue, None, "unsourced", index, (m.end(), sentence.end), "report")
    if m.group("according"):
        source = _noun_phrase_after(prose, m.end(), sentence.end, stop_at_verbs=False)
        if source is None:
            return None
        content = (sentence.start, m.start()) if m.start() > sentence.start + 2 else (source[1], sentence.end)
        return _classified(doc, prose, cue, source, index, sentence, content)
    # a reporting verb: subject before it, or inverted after it
    source = _noun_phrase_before(prose, m.start(), sentence.start)
    content = (m.end(), sentence.end)
    if source is None and m.group("verb").lower() in _INVERTING_VERBS:
        source = _inverted_subject(prose, m.end(), sentence.end)
        content = (sentence.start, m.start())
    if source is None:
        return None
    return _classified(doc, prose, cue, source, index, sentence, content)


def _classified(doc, prose, cue, source, index, sentence, content) -> Attribution | None:
    text = prose[source[0]:source[1]]
    kind, pronoun = classify_source(text, at_sentence_start=source[0] == sentence.start)
    if kind is None:
        return None
    att = Attribution(cue, source, kind, index, content, "paraphrase", pronoun=pronoun)
    if kind in ("anonymous", "vague"):
        att.reason = _reason(doc, prose, index)
    return att


def _reason(doc, prose: str, index: int) -> tuple[int, int] | None:
    sentences = doc.sentences
    block = sentences[index].block
    for j in (index, index + 1):
        if j < len(sentences) and sentences[j].block == block:
            s = sentences[j]
            m = _ANONYMITY_REASON.search(prose, s.start, s.end)
            if m:
                return (m.start(), m.end())
    return None


def mentions_anonymity(prose: str, start: int, end: int):
    return _ANONYMITY.search(prose, start, end)


def _tokens(prose: str, start: int, end: int) -> list[tuple[int, int, str]]:
    return [(t.start(), t.end(), t.group()) for t in _TOKEN.finditer(prose, start, end)]


def _noun_phrase_before(prose: str, cue_start: int, limit: int) -> tuple[int, int] | None:
    tokens = _tokens(prose, max(limit, cue_start - 160), cue_start)
    i = len(tokens) - 1
    while i >= 0 and (tokens[i][2].lower() in AUXILIARIES or _is_adverb(tokens[i][2])):
        i -= 1
    end = i
    while i >= 0:
        word = tokens[i][2]
        lower = word.lower()
        if not (word[0].isalnum()) or lower in NP_BOUNDARY_WORDS:
            break
        if lower in AUXILIARIES and i != end:
            break
        i -= 1
        if end - i >= 9:
            break
    if i == end:
        return None
    start_tok = tokens[i + 1]
    end_tok = tokens[end]
    return (start_tok[0], end_tok[1])


def _inverted_subject(prose: str, cue_end: int, limit: int) -> tuple[int, int] | None:
    tokens = _tokens(prose, cue_end, min(limit, cue_end + 160))
    if not tokens or not tokens[0][2][0].isalnum():
        return None
    if tokens[0][2].lower() in NP_BOUNDARY_WORDS or tokens[0][2].lower() in ("this", "it", "there"):
        return None
    return _take_phrase(tokens)


def _noun_phrase_after(prose: str, start: int, limit: int,
                       stop_at_verbs: bool = True) -> tuple[int, int] | None:
    tokens = _tokens(prose, start, min(limit, start + 200))
    if not tokens or not tokens[0][2][0].isalnum():
        return None
    return _take_phrase(tokens, stop_at_verbs)


def _take_phrase(tokens, stop_at_verbs: bool = True) -> tuple[int, int] | None:
    j = 0
    while j < len(tokens) and j < 10:
        word = tokens[j][2]
        if not word[0].isalnum() or (j > 0 and word.lower() in NP_BOUNDARY_WORDS):
            break
        if j > 0 and (word.lower() in AUXILIARIES or (stop_at_verbs and word.lower() in REPORTING_VERBS)):
            break
        j += 1
    if j == 0:
        return None
    return (tokens[0][0], tokens[j - 1][1])


def _is_adverb(word: str) -> bool:
    return len(word) > 4 and word.lower().endswith("ly") and word[0].islower()


_HEAD_CUT = regex.compile(r"\b(?:of|who|whom|familiar|close|in|at|from|with|that|on|for|inside|"
                          r"within|across|around|among|involved|briefed|aware)\b|[,(]", regex.IGNORECASE)
_CAPITALISED = regex.compile(r"\b\p{Lu}[\p{L}’'.&-]*")


def classify_source(text: str, at_sentence_start: bool = False) -> tuple[str | None, bool]:
    """(kind, is_pronoun) for a source phrase; kind None when it is not a source at all."""
    words = text.split()
    if not words:
        return None, False
    lower = [w.lower().strip(".,’'") for w in words]
    if lower[0] in _NOT_SOURCES:
        return None, False
    if len(words) == 1 and lower[0] in PRONOUN_SOURCES:
        return "named-person", True
    cut = _HEAD_CUT.search(text)
    head_part = text[:cut.start()] if cut and cut.start() > 0 else text
    head_words = head_part.split()
    head = head_words[-1].lower().strip(".,’'") if head_words else lower[-1]
    if head.endswith("’s") or head.endswith("'s"):
        head = head[:-2]
    capitalised = [w for i, w in enumerate(head_part.split())
                   if w[:1].isupper() and not (i == 0 and at_sentence_start and w.lower() in _SENTENCE_START_FUNCTION)]
    naming = [w for w in capitalised if w.strip(".,’'").lower() not in GROUP_QUALIFIERS_NOT_NAMING
              and w.lower().strip(".,’'") not in GENERIC_SOURCE_HEADS]
    qualifier_rest = text[cut.start():] if cut and cut.start() > 0 else ""
    qualified_by_name = bool(_CAPITALISED.search(qualifier_rest)) if qualifier_rest else False
    if head in GENERIC_SOURCE_HEADS:
        if naming or qualified_by_name or _has_count(lower):
            return "anonymous", False
        return "vague", False
    if head in OFFICE_NOUNS:
        if lower[0] in ("a", "an", "one", "some", "another"):
            return ("anonymous" if naming or qualified_by_name else "vague"), False
        return "named-organisation" if not naming else "named-person", False
    if naming:
        person = len(naming) >= 2 and all(w[:1].isupper() for w in head_part.split()[-2:])
        return ("named-person" if person else "named-organisation"), False
    if lower[0] in ("the", "this", "that") and len(words) <= 4:
        return "named-organisation", False  # "the company", "the ministry": refers back to a name
    return None, False


#: Verbs that may come before their subject: "…, said the minister."
_INVERTING_VERBS = frozenset({"said", "says", "added", "adds", "asked", "asks", "wrote", "writes",
                              "told", "tweeted", "explained", "noted", "replied", "continued",
                              "insisted", "argued", "warned", "acknowledged", "stated"})
_NOT_SOURCES = frozenset({"this", "that", "these", "those", "it", "there", "which", "what"})

_SENTENCE_START_FUNCTION = frozenset({"the", "a", "an", "but", "and", "some", "many", "several",
                                      "two", "three", "senior", "other", "most", "critics", "officials"})
_COUNT_WORDS = frozenset({"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                          "dozen", "both"})


def _has_count(lower: list[str]) -> bool:
    return any(w in _COUNT_WORDS or w.isdigit() for w in lower)
