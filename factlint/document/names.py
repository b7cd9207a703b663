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

A capitalised epithet before a name ("Crooked Hillary", "Sleepy Joe") is no name by itself:
only an organisation word, a ticker or the story's own use of it as a speaker makes it one.
"""
from __future__ import annotations

import regex

from .lexicons import builtin_lexicons, fold

#: A capitalised word (allowing inner capitals, apostrophes, hyphens and dots: "McDonald's",
#: "Coca-Cola", "U.S."), and the small words a name may hold between capitalised ones.
_CAP = r"(?:(?:\p{Lu}\.){2,}|\p{Lu}[\p{L}\p{N}'’&-]*)"
_LINK = r"(?:of|the|and|for|de|du|von|van|der|la|le|&)"
_RUN = regex.compile(rf"{_CAP}(?:[ \t]+(?:{_LINK}[ \t]+)?{_CAP})*")  # within a line of prose
_TICKER = regex.compile(r"\s*<[A-Z][A-Z0-9.]{0,6}>")


class _Lists:
    def __init__(self) -> None:
        lex = builtin_lexicons()
        self.suffixes = frozenset(fold(w) for w in lex["name-suffixes"])
        terms = sorted({fold(w) for w in lex["fixed-terms"]}, key=lambda w: (-len(w), w))
        alternation = "|".join(regex.escape(t).replace(r"\ ", r"\s+").replace("'", "['’]") for t in terms)
        self.terms = regex.compile(rf"(?<![\p{{L}}\p{{N}}])(?:{alternation})(?![\p{{L}}\p{{N}}])", regex.I)


_LISTS: _Lists | None = None


def _lists() -> _Lists:
    global _LISTS
    if _LISTS is None:
        _LISTS = _Lists()
    return _LISTS


def find_names(prose: str, attributions) -> list[tuple[int, int, str]]:
    """The names and fixed terms of the prose, as sorted (start, end, kind) spans.
    ``attributions``: the document's attributions (their named sources are names)."""
    lists = _lists()
    spans: list[tuple[int, int, str]] = []
    found_names: set[str] = set()
    for m in _RUN.finditer(prose):
        words = m.group().split()
        if len(words) < 2 and not _TICKER.match(prose, m.end()):
            continue
        last = fold(words[-1]).rstrip(".")
        if last in lists.suffixes or fold(words[-1]) in lists.suffixes or _TICKER.match(prose, m.end()):
            spans.append((m.start(), m.end(), "organisation"))
            found_names.add(_key(" ".join(words[:-1]) if last in lists.suffixes and len(words) > 1 else m.group()))
    for att in attributions:
        if att.source is None or att.kind not in ("named-person", "named-organisation") or att.pronoun:
            continue
        a, b = att.source
        m = _RUN.fullmatch(prose, a, b)
        if m is not None and len(m.group().split()) >= 2:
            spans.append((a, b, "source"))
            found_names.add(_key(m.group()))
    found_names.discard("")
    if found_names:
        again = regex.compile(
            r"(?<![\p{L}\p{N}])(?:" + "|".join(
                regex.escape(n).replace(r"\ ", r"\s+") for n in sorted(found_names, key=len, reverse=True))
            + r")(?![\p{L}\p{N}])", regex.I)
        spans += [(m.start(), m.end(), "name") for m in again.finditer(prose)]
    spans += [(m.start(), m.end(), "term") for m in lists.terms.finditer(prose)]
    return _merged(spans)


def _key(name: str) -> str:
    return " ".join(name.split())


def _merged(spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Sorted, with spans inside an earlier one dropped."""
    out: list[tuple[int, int, str]] = []
    for start, end, kind in sorted(spans, key=lambda s: (s[0], -s[1])):
        if out and end <= out[-1][1]:
            continue
        out.append((start, end, kind))
    return out
