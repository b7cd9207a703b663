"""Size limits a rule's regular expression must keep before it is compiled.

The ``regex`` module expands a counted repetition when it compiles a pattern:
``a{10000000}`` takes 4 GB and 22 s, ``a{1000000000}`` runs out of memory, and nested
counts multiply (``(?:a{1000}){1000}`` is 280 MB). A rule pack comes from a pull request
as easily as a draft does, so before compiling, :func:`regex_size_problem` refuses

- a pattern longer than :data:`MAX_PATTERN_CHARS` characters;
- a counted repetition (``{n}``, ``{n,}``, ``{n,m}``, ``{,m}``) with a count above
  :data:`MAX_REPEAT`;
- a pattern whose repetition weight -- each counted repetition's count times the weight
  of what it repeats (at least 1), summed over the pattern -- is above
  :data:`MAX_REPEAT_WEIGHT` (``(?:a{100}){100}`` weighs 10,100; ``(?:a{1000}){1000}``
  1,001,000).

The scan is a conservative reading of the syntax (escapes, character classes, groups,
comments): it never misses a count, and may refuse a ``{n}`` written inside a verbose-mode
comment. The built-in rules stay far below every limit (their longest pattern is 534
characters, their largest count 50).
"""

from __future__ import annotations

import regex

MAX_PATTERN_CHARS = 10_000
MAX_REPEAT = 1_000
MAX_REPEAT_WEIGHT = 100_000

_COUNT = regex.compile(r"\{(\d*)(?:(,)(\d*))?\}")
_BRACED_ESCAPES = frozenset("xuUNpPg")  # \x{...}, \p{...}, \N{...}: braces that are no count


def _number(digits: str) -> int:
    return int(digits) if len(digits) <= 9 else 10**9  # int() of 5,000 digits would raise


def regex_size_problem(pattern: str) -> str | None:
    """Why ``pattern`` is too big to compile, or None."""
    if len(pattern) > MAX_PATTERN_CHARS:
        return f"is {len(pattern):,} characters long; the limit is {MAX_PATTERN_CHARS:,}"
    # one frame per open group: [weight so far, weight of the last item]
    frames: list[list[int]] = [[0, 0]]
    i, n = 0, len(pattern)
    while i < n:
        c = pattern[i]
        frame = frames[-1]
        if c == "\\":
            if pattern[i + 1 : i + 2] in _BRACED_ESCAPES and pattern[i + 2 : i + 3] == "{":
                close = pattern.find("}", i + 3)
                i = n if close == -1 else close + 1
            else:
                i += 2
            frame[1] = 0
            continue
        if c == "[":
            j = i + 1
            if pattern[j : j + 1] == "^":
                j += 1
            if pattern[j : j + 1] == "]":
                j += 1
            while j < n and pattern[j] != "]":
                j += 2 if pattern[j] == "\\" else 1
            i = j + 1
            frame[1] = 0
            continue
        if c == "(":
            if pattern.startswith("(?#", i):
                close = pattern.find(")", i)
                i = n if close == -1 else close + 1
                continue
            frames.append([0, 0])
            i += 1
            continue
        if c == ")" and len(frames) > 1:
            inner = frames.pop()[0]
            parent = frames[-1]
            parent[0] += inner
            parent[1] = inner
            i += 1
            continue
        if c == "{":
            m = _COUNT.match(pattern, i)
            if m and (m.group(1) or m.group(3)):
                count = max(_number(m.group(1) or "0"), _number(m.group(3) or "0"))
                if count > MAX_REPEAT:
                    shown = m.group() if len(m.group()) <= 24 else m.group()[:20] + "...}"
                    return f"repeats {shown}: a count above {MAX_REPEAT:,} is refused"
                repeated = frame[1]
                weight = count * max(1, repeated)
                frame[0] += weight - repeated
                frame[1] = weight
                if frame[0] > MAX_REPEAT_WEIGHT or sum(f[0] for f in frames) > MAX_REPEAT_WEIGHT:
                    return (
                        f"nests or repeats counted repetitions to a weight above "
                        f"{MAX_REPEAT_WEIGHT:,} (each count times what it repeats)"
                    )
                i = m.end()
                continue
        if c not in "*+?":
            frame[1] = 0
        i += 1
    total = sum(f[0] for f in frames)
    if total > MAX_REPEAT_WEIGHT:
        return f"nests or repeats counted repetitions to a weight above {MAX_REPEAT_WEIGHT:,} (each count times what it repeats)"
    return None
