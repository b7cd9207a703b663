from __future__ import annotations

import regex

from ..kinds.base import Hit

_WORD_BEFORE = regex.compile(r"[\p{L}\p{N}’'”\")]+$")
_WORD_AFTER = regex.compile(r"[\p{L}\p{N}’']+")


class MissingSpace:
    NAME = "missing-space"
    DESCRIPTION = "Two sentences run together with no space after the punctuation: 'plan?It's'."
    OPTIONS = {}
    MESSAGE_KEYS = ("match", "suggestion")

    def run(self, doc, options, scope):
        prose = doc.prose
        for s in doc.sentences:
            if not s.glued or not scope.block_ok(doc.blocks[s.block]):
                continue
            punct = s.start - 1
            before = _WORD_BEFORE.search(prose, max(0, punct - 40), punct)
            after = _WORD_AFTER.match(prose, s.start)
            start = before.start() if before else punct
            end = after.end() if after else s.start + 1
            fixed = prose[start:s.start] + " " + prose[s.start:end]
            yield Hit(start, end, suggestions=(fixed,), fix=fixed, fix_safe=True)
