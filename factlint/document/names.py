"""Names and fixed terms: spans of the prose that name something rather than judge it.

A framing word inside a name is part of the name: "Crazy Eddie Inc" is a retailer, "the
Defeat Crooked Hillary PAC" is a committee, "April Fools' Day" a date and "the Lib Dems" a
party. A word rule with the scope ``outside-name`` skips these spans. Found here:

- ``organisation``: a run of capitalised words that ends in an organisation word ("Inc",
  "PAC", "Party", "Committee" ... the ``name-suffixes`` lexicon) or is followed by a stock
  ticker ("Crazy Eddie <CRZY>");
- ``source``: a capitalised run that the attribution finder read as a named source ("Crazy
  Eddie said"): the story treats it as a name;
- every other place the text repeats a name found those two ways, in any case ("CRAZY
  EDDIE" in an all-capitals headline);
- ``term``: a fixed term of the ``fixed-terms`` lexicon -- holidays, parties, legal and
  historical terms ("Nazi Germany", "high treason", "white supremacist group") -- matched as
  whole words, in any case.
- ``mention``: a word the sentence talks about rather than uses ("Indoctrination means to
  teach …", "the word “regime”", "the term thug"): what it says of the word is no judgement.

A capitalised epithet before a name ("Crooked Hillary", "Sleepy Joe") is no name by itself:
only an organisation word, a ticker or the story's own use of it as a speaker makes it one.
"""

from __future__ import annotations

from array import array
from collections.abc import Sequence

import ahocorasick
import regex

from .lexicons import builtin_lexicons, fold

#: A capitalised word (allowing inner capitals, apostrophes, hyphens and dots: "McDonald's",
#: "Coca-Cola", "U.S."), and the small words a name may hold between capitalised ones.
_CAP = r"(?:(?:\p{Lu}\.){2,}|\p{Lu}[\p{L}\p{N}'’&-]*)"
_LINK = r"(?:of|the|and|for|de|du|von|van|der|la|le|&)"
_RUN = regex.compile(rf"{_CAP}(?:[ \t]+(?:{_LINK}[ \t]+)?{_CAP})*")  # within a line of prose
_WORD_IN_RUN = regex.compile(r"\S+")
_TICKER = regex.compile(r"\s*<[A-Z][A-Z0-9.]{0,6}>")


class _Lists:
    def __init__(self) -> None:
        lex = builtin_lexicons()
        self.suffixes = frozenset(fold(w) for w in lex["name-suffixes"])
        self.terms = sorted({" ".join(fold(w).split()) for w in lex["fixed-terms"]}, key=lambda w: (-len(w), w))
        self.term_automaton = _term_automaton(self.terms)


def _term_automaton(terms: list[str]) -> ahocorasick.Automaton | None:
    """The fixed terms in one automaton, each with its place in ``terms`` (None: no terms)."""
    if not terms:
        return None
    automaton = ahocorasick.Automaton()
    for i, term in enumerate(terms):
        automaton.add_word(term, (i, len(term)))
    automaton.make_automaton()
    return automaton


_LISTS: _Lists | None = None


def _lists() -> _Lists:
    global _LISTS
    if _LISTS is None:
        _LISTS = _Lists()
    return _LISTS


def find_names(prose: str, attributions, titles: Sequence[tuple[int, int]] = ()) -> list[tuple[int, int, str]]:
    """The names and fixed terms of the prose, as sorted (start, end, kind) spans.
    ``attributions``: the document's attributions (their named sources are names);
    ``titles``: the prose spans of headlines, decks and headings, whose capitals name nothing
    ("Conservative Icon Jo Bloggs Endorses Plan": a source there is a name only where the
    body repeats it)."""
    lists = _lists()
    spans: list[tuple[int, int, str]] = []
    found_names: set[str] = set()
    runs = array("q")  # every run's start and end, for _repeats (one search of the prose)
    for m in _RUN.finditer(prose):
        runs.extend(m.span())
        words = m.group().split()
        # (the ticker is looked for in a short slice: the regex module's match at a position
        # of a long string costs time in the string's length)
        ticker = "<" in prose[m.end() : m.end() + 3] and bool(_TICKER.match(prose[m.end() : m.end() + 12]))
        if len(words) < 2 and not ticker:
            continue
        last = fold(words[-1]).rstrip(".")
        if last in lists.suffixes or fold(words[-1]) in lists.suffixes or ticker:
            spans.append((m.start(), m.end(), "organisation"))
            found_names.add(_key(" ".join(words[:-1]) if last in lists.suffixes and len(words) > 1 else m.group()))
    for att in attributions:
        if att.source is None or att.kind not in ("named-person", "named-organisation") or att.pronoun:
            continue
        a, b = att.source
        if any(start <= a < end for start, end in titles):
            continue
        whole = _RUN.fullmatch(prose[a:b])
        if whole is not None and len(whole.group().split()) >= 2:
            spans.append((a, b, "source"))
            found_names.add(_key(whole.group()))
    found_names.discard("")
    if found_names:
        spans += _repeats(prose, found_names, runs)
    low = prose.lower()  # (one lower-case copy of the prose, for both)
    spans += _terms(prose, low, lists.term_automaton)
    spans += _mentions(prose, low)
    return _merged(spans)


#: A word mentioned, not used: a sentence's first word defined ("Indoctrination means to
#: teach …"), or the word after "the word", "the term", "the label" (quoted or not).
_DEFINING = regex.compile(r"\s+(?:means|meant|is\s+defined\s+as|refers\s+to)\b")
_FIRST_WORD = regex.compile(r"[“\"‘']?(\p{L}[\p{L}-]*)[”\"’']?\Z")
_NAMED_WORD = regex.compile(
    r"\bthe\s+(?:word|words|term|terms|phrase|label|epithet|slur|expression)\s+"
    r"(?:[“\"‘']([^”\"’'\n]{1,40})[”\"’']|(\p{L}[\p{L}-]*))",
    regex.I,
)


def _mentions(prose: str, low: str) -> list[tuple[int, int, str]]:
    """Words the prose mentions rather than uses (see the module's docstring); ``low``:
    ``prose.lower()``."""
    out: list[tuple[int, int, str]] = []
    # (each of _DEFINING's words holds one of these)
    if "means" in prose or "meant" in prose or "defined" in prose or "refers" in prose:
        for m in _DEFINING.finditer(prose):
            # the word before the verb, if it opens its sentence (or the prose, or a line)
            w = _FIRST_WORD.search(prose, max(0, m.start() - 42), m.start())
            if w is None:
                continue
            at = w.start()
            if at == 0 or prose[at - 1] == "\n" or (at >= 2 and prose[at - 1] == " " and prose[at - 2] in ".!?"):
                out.append((w.start(1), w.end(1), "mention"))
    if any(
        w in low
        for w in ("the word", "the term", "the phrase", "the label", "the epithet", "the slur", "the expression")
    ):
        for m in _NAMED_WORD.finditer(prose):
            g = 1 if m.group(1) is not None else 2
            out.append((m.start(g), m.end(g), "mention"))
    return out


def _terms(prose: str, lowered: str, automaton: ahocorasick.Automaton | None) -> list[tuple[int, int, str]]:
    """Whole-word occurrences of the fixed terms, in any case: the terms found in the folded
    prose (same length: lower() and the apostrophe fold keep offsets, and prose has single
    spaces), then a look at the characters on either side. ``lowered``: ``prose.lower()``;
    ``automaton``: :func:`_term_automaton`'s.

    One pass of the automaton finds what a ``find`` loop per term would (35 passes over the
    prose): every occurrence of each term, of which the loop skips those that begin inside
    the term's previous occurrence (it searches on from that one's end, whole word or not);
    the result is in the loop's order, term by term."""
    low = lowered.replace("’", "'")
    if len(low) != len(prose) or automaton is None:  # a few characters change length when lowered
        return []
    n = len(low)
    found: list[tuple[int, int, int]] = []  # (term's place, start, end)
    searched_to: dict[int, int] = {}  # term -> where its find loop would search from next
    for last, (term, length) in automaton.iter(low):
        at, end = last - length + 1, last + 1
        if at < searched_to.get(term, 0):
            continue
        searched_to[term] = end
        if not (at and low[at - 1].isalnum()) and not (end < n and low[end].isalnum()):
            found.append((term, at, end))
    found.sort()
    return [(at, end, "term") for _, at, end in found]


def _key(name: str) -> str:
    return " ".join(fold(name).split())


#: The most words a name found may have (a longer run is looked at in windows of this size).
_MAX_NAME_WORDS = 8


def _repeats(prose: str, keys: set[str], runs: Sequence[int]) -> list[tuple[int, int, str]]:
    """Every capitalised run (or all-capitals one) of the prose that repeats a name found: one
    pass over the runs (``runs``: the start and end of each match of ``_RUN``, in order), each
    window of up to ``_MAX_NAME_WORDS`` words looked up in a set."""
    longest = min(_MAX_NAME_WORDS, max(len(k.split()) for k in keys))
    firsts = {k.split()[0] for k in keys}
    out: list[tuple[int, int, str]] = []
    for r in range(0, len(runs), 2):
        base = runs[r]
        run = prose[base : runs[r + 1]]
        if firsts.isdisjoint(fold(run).split()):
            continue  # no word of it starts a name found
        words = [(base + w.start(), base + w.end()) for w in _WORD_IN_RUN.finditer(run)]
        i = 0
        while i < len(words):
            for j in range(min(len(words), i + longest), i, -1):
                if _key(prose[words[i][0] : words[j - 1][1]]) in keys:
                    out.append((words[i][0], words[j - 1][1], "name"))
                    i = j - 1
                    break
            i += 1
    return out


def _merged(spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Sorted, with spans inside an earlier one dropped."""
    out: list[tuple[int, int, str]] = []
    for start, end, kind in sorted(spans, key=lambda s: (s[0], -s[1])):
        if out and end <= out[-1][1]:
            continue
        out.append((start, end, kind))
    return out
