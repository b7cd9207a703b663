"""The configuration's ``ignore-patterns``: regions and spans a desk declares not prose.

Like Vale's ``BlockIgnores`` and ``TokenIgnores``. A *block* pattern (compiled with
``MULTILINE``; add ``(?s)`` for ``.`` to cross lines) marks every line it touches as
non-prose: the whole lines from the match's first to its last are blanked. An *inline*
pattern blanks just its match inside prose. :func:`ignored_spans` returns those raw
spans; the parser reads the text with them blanked (same length, line breaks kept, as
:mod:`.templating` does), so every offset still points into the raw text.

The patterns are validated at load like rule patterns (size limits, compiling), and each
search has the rules' time limit: a pattern past it is dropped for that document, so its
text stays prose (linted, never silently skipped for good).
"""

from __future__ import annotations

import functools

import regex

#: seconds for one search, plus this per megabyte (as for rule patterns)
TIME_LIMIT = 2.0
TIME_LIMIT_PER_MB = 2.0


@functools.lru_cache(maxsize=256)
def _compiled(pattern: str, block: bool):
    return regex.compile(pattern, regex.V0 | (regex.MULTILINE if block else 0))


def ignored_spans(text: str, block: tuple[str, ...] = (), inline: tuple[str, ...] = ()) -> list[tuple[int, int]]:
    """Raw spans of ``text`` that the patterns mark as not prose."""
    limit = TIME_LIMIT + TIME_LIMIT_PER_MB * len(text) / 1_000_000
    spans: list[tuple[int, int]] = []
    for pattern in block:
        try:
            for m in _compiled(pattern, True).finditer(text, timeout=limit):
                if m.end() > m.start():
                    start = text.rfind("\n", 0, m.start()) + 1
                    end = text.find("\n", m.end() - 1 if text[m.end() - 1] == "\n" else m.end())
                    spans.append((start, len(text) if end == -1 else end))
        except TimeoutError:
            continue
    for pattern in inline:
        try:
            spans.extend((m.start(), m.end()) for m in _compiled(pattern, False).finditer(text, timeout=limit))
        except TimeoutError:
            continue
    return spans
