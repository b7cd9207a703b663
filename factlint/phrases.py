"""One Aho-Corasick pass finds every listed word of every rule.

Rules register their word lists at compile time and get a key back; the index builds
one automaton for case-insensitive lists and one for case-sensitive ones. Per document
the prose is scanned once, and each key gets its hits: whole words only, and where two
phrases of the same list overlap, the longest wins ("according to multiple reports"
over "multiple reports"). A long list costs nothing extra per character, unlike one
giant regular-expression alternation.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

import ahocorasick

APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'"})


def plain_apostrophes(text: str) -> str:
    """``text.translate(APOSTROPHES)``: three ``replace`` calls, a small fraction of a
    ``translate`` with a table over text that is not ASCII."""
    if text.isascii():
        return text
    return text.replace("’", "'").replace("‘", "'").replace("ʼ", "'")


def normalise_phrase(phrase: str, case_sensitive: bool) -> str:
    phrase = " ".join(phrase.translate(APOSTROPHES).split())
    return phrase if case_sensitive else _fold(phrase)


def with_hyphenated(phrases: list[str]) -> list[str]:
    """The phrases and, for each of several words, its hyphenated compound: "hard left" also
    finds "hard-left", "witch hunt" "witch-hunt" (the same words, written as one adjective or
    noun). Only this way round: a listed compound's words apart can be another sense ("a
    must-see show" is hype, "you must see it" is not)."""
    listed = set(phrases)
    compounds = {"-".join(words) for p in phrases if len(words := p.split()) > 1}
    return phrases + sorted(compounds - listed)


def _fold(text: str) -> str:
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    # a few characters (such as "İ") lower-case to two; keep offsets aligned
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def _is_word_char(c: str) -> bool:
    return c.isalnum() or c == "_"


#: The only characters that the ``regex`` module (V0, IGNORECASE) matches with an ASCII
#: letter other than its two cases: "İ" with "i", the Kelvin sign with "k", "ſ" with "s".
#: A prose holding one of them gets no stem scan (tests/test_fast_paths.py checks the list).
CASELESS_SPECIALS = "\u0130\u212a\u017f"


def scan_document(doc, index: "PhraseIndex"):
    """``index.scan_all(doc.prose)``: the scan ``parse`` made with this index if it made one
    (the attribution finder read it), else a new one."""
    shared = getattr(doc, "phrase_scan", None)  # (anything with a ``prose`` will do)
    if shared is not None and shared[0] is index:
        return shared[1]
    return index.scan_all(doc.prose)


class PhraseIndex:
    def __init__(self) -> None:
        self._lists: list[tuple[list[str], bool]] = []
        self._stem_lists: list[tuple[str, ...]] = []
        self._automaton: ahocorasick.Automaton | None = None
        self.frozen = False
        #: the attribution finder's cue lists (a ``document.attribution.CueIndex``), when
        #: registered here too: a rule set's index holds them, so that the finder and the
        #: rules share one scan (``parse`` makes it, ``scan_document`` reads it)
        self.cues: Any = None  # a CueIndex or None (document/ builds on this module: no import of it here)

    def register(self, phrases: list[str], case_sensitive: bool = False) -> int:
        if self.frozen:
            raise RuntimeError("the phrase index is frozen")
        self._lists.append(([normalise_phrase(p, case_sensitive) for p in phrases if p.strip()], case_sensitive))
        return len(self._lists) - 1

    def register_stems(self, stems: Iterable[str]) -> int:
        """Literal strings to find anywhere in the prose (not only as whole words), ignoring
        case: where a regular expression can start (see ``regexstart.pattern_stems``)."""
        if self.frozen:
            raise RuntimeError("the phrase index is frozen")
        self._stem_lists.append(tuple(sorted({s.lower() for s in stems if s})))
        return len(self._stem_lists) - 1

    def freeze(self) -> None:
        """One automaton for everything, over the case-folded prose with plain apostrophes:
        the case-insensitive phrases as they are, the case-sensitive ones folded (a hit is
        then checked against the prose with its case) and the stems (with plain apostrophes:
        a stem with a curly one is found wherever the prose has any apostrophe there, a
        superset). One pass per document instead of one per kind of entry."""
        table: dict[str, tuple[set[int], dict[str, set[int]], set[int]]] = {}

        def entry(word: str):
            found = table.get(word)
            if found is None:
                found = table[word] = (set(), {}, set())
            return found

        for key, (phrases, cs) in enumerate(self._lists):
            for phrase in phrases:
                if cs:
                    entry(_fold(phrase))[1].setdefault(phrase, set()).add(key)
                else:
                    entry(phrase)[0].add(key)
        for key, words in enumerate(self._stem_lists):
            for word in words:
                entry(_fold(word.translate(APOSTROPHES)))[2].add(key)
        self._automaton = None
        if table:
            automaton = ahocorasick.Automaton()
            for word, (ci, by_case, stems) in table.items():
                automaton.add_word(
                    word,
                    (
                        len(word),
                        tuple(sorted(ci)) or None,
                        _is_word_char(word[0]),
                        _is_word_char(word[-1]),
                        tuple(
                            (phrase, tuple(sorted(keys)), _is_word_char(phrase[0]), _is_word_char(phrase[-1]))
                            for phrase, keys in sorted(by_case.items())
                        )
                        or None,
                        tuple(sorted(stems)) or None,
                    ),
                )
            automaton.make_automaton()
            self._automaton = automaton
        self.frozen = True

    def scan_stems(self, prose: str) -> dict[int, list[int]] | None:
        """Every offset where a registered stem occurs (overlaps too), sorted, per key; None
        when the prose holds a character the case-folded scan could miss."""
        return self.scan_all(prose)[1]

    def scan(self, prose: str) -> dict[int, list[tuple[int, int]]]:
        """Hits per key: sorted, whole-word, longest-first, non-overlapping within a key."""
        return self.scan_all(prose)[0]

    def scan_all(self, prose: str) -> tuple[dict[int, list[tuple[int, int]]], dict[int, list[int]] | None]:
        """:meth:`scan` and :meth:`scan_stems` from one pass of the automaton."""
        hits: defaultdict[int, list[tuple[int, int]]] = defaultdict(list)
        starts: defaultdict[int, list[int]] = defaultdict(list)
        automaton = self._automaton
        stems_ok = prose.isascii() or not any(c in prose for c in CASELESS_SPECIALS)
        if automaton is not None:
            plain = plain_apostrophes(prose)  # the text case-sensitive phrases read
            text = _fold(plain)
            n = len(text)
            for last, (length, ci, word_start, word_end, cs, stems) in automaton.iter(text):
                start = last - length + 1
                if stems is not None:
                    for key in stems:
                        starts[key].append(start)
                if ci is not None:
                    # a whole word: no word character (_is_word_char, inlined) just outside it
                    if word_start and start > 0:
                        c = text[start - 1]
                        if c.isalnum() or c == "_":
                            ci = None
                    if ci is not None and word_end and last + 1 < n:
                        c = text[last + 1]
                        if c.isalnum() or c == "_":
                            ci = None
                    if ci is not None:
                        span = (start, last + 1)
                        for key in ci:
                            hits[key].append(span)
                if cs is not None:
                    for phrase, keys, word_start, word_end in cs:
                        if not plain.startswith(phrase, start):
                            continue
                        if word_start and start > 0 and _is_word_char(plain[start - 1]):
                            continue
                        if word_end and last + 1 < n and _is_word_char(plain[last + 1]):
                            continue
                        for key in keys:
                            hits[key].append((start, last + 1))
        found_hits: dict[int, list[tuple[int, int]]] = {}
        for key, spans in hits.items():
            spans.sort(key=lambda s: (s[0], -s[1]))
            kept: list[tuple[int, int]] = []
            for span in spans:
                if kept and span[0] < kept[-1][1]:
                    continue
                kept.append(span)
            found_hits[key] = kept
        if not stems_ok:
            return found_hits, None
        return found_hits, {key: sorted(set(found)) for key, found in starts.items()}
