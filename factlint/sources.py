"""``factlint sources``: the source inventory of every draft named, as JSON or as text.

Reads the paths as ``check`` does (folders walked, standard input as ``-``), parses each
draft and takes its inventory (:mod:`factlint.inventory`), then renders them all: JSON is
the stable contract in ``docs/sources.md``, text a table and a summary per draft.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, BinaryIO

from .document import parse
from .inventory import document_inventory, kinds_line, summary_notes
from .reading import ReadError
from .runner import CheckOptions, iter_inputs, read_input

SOURCES_VERSION = 1


def inventory_text(text: str, path: str = "<text>") -> dict[str, Any]:
    """The inventory of one text (the format follows ``path``: ``.md`` is Markdown)."""
    return document_inventory(parse(text, path))


@dataclass
class SourcesResult:
    documents: list[dict[str, Any]] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def run_sources(
    paths: Iterable[str],
    stdin: BinaryIO | None = None,
    stdin_filename: str | None = None,
    encoding_errors: str = "strict",
) -> SourcesResult:
    """Read every path (folders are walked as by ``check``) and take its inventory."""
    options = CheckOptions(paths=list(paths), stdin_filename=stdin_filename, encoding_errors=encoding_errors)
    result = SourcesResult()
    for item in iter_inputs(options):
        if isinstance(item, ReadError):
            result.problems.append(str(item))
            continue
        try:
            source, format_path = read_input(item, options, stdin)
        except ReadError as exc:
            result.problems.append(str(exc))
            continue
        doc = parse(source.text, format_path, name=source.path)
        result.documents.append(document_inventory(doc))
    return result


def render_json(documents: list[dict[str, Any]]) -> str:
    return json.dumps({"version": SOURCES_VERSION, "documents": documents}, ensure_ascii=False, indent=2) + "\n"


def render_text(documents: list[dict[str, Any]]) -> str:
    lines: list[str] = []
    for doc in documents:
        lines.append(doc["path"])
        for att in doc["attributions"]:
            source = att["source"]["text"] if att["source"] else "—"
            source = " ".join(source.split())
            if len(source) > 40:
                source = source[:37] + "..."
            cue = " ".join(att["cue"]["text"].split())
            reason = "  (reason given)" if att["reason"] else ""
            lines.append(f"  {att['line']:>5}  {att['kind']:<18} {source:<40}  {cue:<20} {att['quote']}{reason}")
        lines.extend(_summary_lines(doc["summary"]))
        lines.append("")
    return "\n".join(lines) + ("\n" if lines and lines[-1] else "")


def _summary_lines(s: dict[str, Any]) -> list[str]:
    kinds = kinds_line(s)
    share = "n/a" if s["named_share"] is None else f"{round(100 * s['named_share'])}%"
    out = [f"  {s['attributions']} attributions" + (f": {kinds}" if kinds else "") + f"; named sources: {share}"]
    return out + ["  " + note for note in summary_notes(s)]
