"""One Aho-Corasick pass finds every listed word of every rule.

Rules register their word lists at compile time and get a key back; the index builds
one automaton for case-insensitive lists and one for case-sensitive ones. Per document
the prose is scanned once, and each key gets its hits: whole words only, and where two
phrases of the same list overlap, the longest wins ("according to multiple reports"
over "multiple reports"). A long list costs nothing extra per character, unlike one
giant regular-expression alternation.
"""
from __future__ import annotations

from typing import Iterable

import ahocorasick

APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'"})


def normalise_phrase(phrase: str, case_sensitive: bool) -> str:
    phrase = " ".join(phrase.translate(APOSTROPHES).split())
    return phrase if case_sensitive else _fold(phrase)


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


class PhraseIndex:
    def __init__(self) -> None:
        self._lists: list[tuple[list[str], bool]] = []
        self._automata: dict[bool, ahocorasick.Automaton | None] = {}
        self._stem_lists: list[tuple[str, ...]] = []
        self._stems: ahocorasick.Automaton | None = None
        self.frozen = False

    def register(self, phrases: list[str], case_sensitive: bool = False) -> int:
        if self.frozen:
            raise RuntimeError("the phrase index is frozen")
        self._lists.append(([normalise_phrase(p, case_sensitive) for p in phrases if p.strip()],
                            case_sensitive))
        return len(self._lists) - 1

    def register_stems(self, stems: Iterable[str]) -> int:
        """Literal strings to find anywhere in the prose (not only as whole words), ignoring
        case: where a regular expression can start (see ``kinds.base.pattern_stems``)."""
        if self.frozen:
            raise RuntimeError("the phrase index is frozen")
        self._stem_lists.append(tuple(sorted({s.lower() for s in stems if s})))
        return len(self._stem_lists) - 1

    def freeze(self) -> None:
        stems: dict[str, list[int]] = {}
        for key, words in enumerate(self._stem_lists):
            for word in words:
                stems.setdefault(word, []).append(key)
        if stems:
            automaton = ahocorasick.Automaton()
            for word, keys in stems.items():
                automaton.add_word(word, (len(word), tuple(keys)))
            automaton.make_automaton()
            self._stems = automaton
        entries: dict[bool, dict[str, set[int]]] = {False: {}, True: {}}
        for key, (phrases, cs) in enumerate(self._lists):
            for phrase in phrases:
                entries[cs].setdefault(phrase, set()).add(key)
        for cs, table in entries.items():
            if not table:
                self._automata[cs] = None
                continue
            automaton = ahocorasick.Automaton()
            for phrase, keys in table.items():
                automaton.add_word(phrase, (len(phrase), tuple(sorted(keys)),
                                            _is_word_char(phrase[0]), _is_word_char(phrase[-1])))
            automaton.make_automaton()
            self._automata[cs] = automaton
        self.frozen = True

    def scan_stems(self, prose: str) -> dict[int, list[int]] | None:
        """Every offset where a registered stem occurs (overlaps too), sorted, per key; None
        when the prose holds a character the case-folded scan could miss."""
        if not prose.isascii() and any(c in prose for c in CASELESS_SPECIALS):
            return None
        starts: dict[int, set[int]] = {}
        automaton = getattr(self, "_stems", None)
        if automaton is not None:
            for last, (length, keys) in automaton.iter(_fold(prose)):
                for key in keys:
                    starts.setdefault(key, set()).add(last - length + 1)
        return {key: sorted(found) for key, found in starts.items()}

    def scan(self, prose: str) -> dict[int, list[tuple[int, int]]]:
        """Hits per key: sorted, whole-word, longest-first, non-overlapping within a key."""
        hits: dict[int, list[tuple[int, int]]] = {}
        for cs, automaton in self._automata.items():
            if automaton is None:
                continue
            text = prose.translate(APOSTROPHES)
            if not cs:
                text = _fold(text)
            n = len(text)
            for last, (length, keys, word_start, word_end) in automaton.iter(text):
                start = last - length + 1
                if word_start and start > 0 and _is_word_char(text[start - 1]):
                    continue
                if word_end and last + 1 < n and _is_word_char(text[last + 1]):
                    continue
                for key in keys:
                    hits.setdefault(key, []).append((start, last + 1))
        for key, spans in hits.items():
            spans.sort(key=lambda s: (s[0], -s[1]))
            kept: list[tuple[int, int]] = []
            for span in spans:
                if kept and span[0] < kept[-1][1]:
                    continue
                kept.append(span)
            hits[key] = kept
        return hits
