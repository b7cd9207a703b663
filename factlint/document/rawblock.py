"""What a parser hands to the document builder: blocks with the raw pieces a reader reads."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True)
class RawBlock:
    kind: str
    start: int
    end: int
    level: int = 0
    pieces: list[tuple[int, int]] = field(default_factory=list)  # raw spans of prose
    links: list[tuple[int, int, str]] = field(default_factory=list)  # raw span, target


@dataclass(slots=True)
class Parsed:
    blocks: list[RawBlock]
    front_matter: tuple[str, str] | None = None  # (syntax: "yaml" or "toml", text as written)
    comments: list[tuple[int, int]] = field(default_factory=list)  # raw spans


_MINUS_ONE = (-1).__add__


def line_spans(text: str, starts: list[int]) -> list[tuple[int, int]]:
    """(start, end) of every line's content, line breaks excluded."""
    n = len(text)
    if "\r" not in text:  # every line but the last ends with one "\n", just before the next line starts
        return list(zip(starts, [*map(_MINUS_ONE, starts[1:]), n]))
    spans = []
    for i, start in enumerate(starts):
        end = starts[i + 1] if i + 1 < len(starts) else n
        while end > start and text[end - 1] in "\r\n":
            end -= 1
        spans.append((start, end))
    return spans
