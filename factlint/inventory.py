"""The source inventory of a draft: who says so, and how.

Standards editors audit sourcing by hand: how many named sources, how many anonymous,
who is quoted most, which paragraphs stand on nobody. This module turns a parsed
document's attributions (the one finder in :mod:`factlint.document.attribution`, the same
the sourcing and attribution rules read) into that inventory, as plain data: the
``documents`` entries of ``factlint sources --format json`` (the stable contract in
``docs/sources.md``; the command is :mod:`factlint.sources`), which the HTML report also
shows.

Spans are reported like findings: raw offsets into the decoded text (BOM removed, CRLF
counted as two characters) with ``text[offset:end_offset] == span["text"]``.
"""

from __future__ import annotations

from collections import Counter
from typing import Any, overload

from .document import Document
from .document.attribution import INFORMING_FORMS, KINDS, TITLE_BLOCKS, Attribution, find_attributions

#: Block kinds whose paragraphs should rest on a source (headings and captions need not).
_BODY_KINDS = frozenset({"paragraph", "list", "blockquote"})
MOST_QUOTED = 5


@overload
def span(doc: Document, prose_span: tuple[int, int]) -> dict[str, Any]: ...


@overload
def span(doc: Document, prose_span: tuple[int, int] | None) -> dict[str, Any] | None: ...


def span(doc: Document, prose_span: tuple[int, int] | None) -> dict[str, Any] | None:
    """``{"text", "offset", "end_offset"}`` in raw coordinates, or None."""
    if prose_span is None:
        return None
    start, end = doc.to_raw(*prose_span)
    return {"text": doc.text[start:end], "offset": start, "end_offset": end}


def attribution_entry(doc: Document, att: Attribution) -> dict[str, Any]:
    """One attribution, exactly the documented keys in the documented order."""
    cue = span(doc, att.cue)
    return {
        "kind": att.kind,
        "source": span(doc, att.source),
        "cue": cue,
        "content": span(doc, att.content),
        "line": doc.lines.position(cue["offset"])[0],
        "quote": att.quote,
        "reason": span(doc, att.reason),
    }


def _source_key(doc: Document, att: Attribution) -> tuple[str, str] | None:
    """(grouping key, shown name) of an attribution's source: a pronoun counts for the
    source it refers to; a person is grouped by surname ("Witkoff" = "Steve Witkoff")."""
    target = att.refers_to if att.pronoun and att.refers_to is not None else att.source
    if target is None or (att.pronoun and not att.resolved):
        return None
    name = " ".join(doc.prose[target[0] : target[1]].split())
    words = name.split()
    if att.kind == "named-person" and words and words[-1][:1].isupper():
        surname = words[-1].lower()
        for suffix in ("'s", "’s"):
            surname = surname.removesuffix(suffix)
        return surname, name
    low = name.lower()
    for article in ("the ", "a ", "an "):
        if low.startswith(article):
            low = low[len(article) :]
    return low, name


def summary(doc: Document, atts: list[Attribution]) -> dict[str, Any]:
    by_kind = Counter(a.kind for a in atts)
    named = by_kind["named-person"] + by_kind["named-organisation"]
    counts: Counter[str] = Counter()
    shown: dict[str, str] = {}
    kinds: dict[str, str] = {}
    seen: set[tuple[str, int]] = set()
    for att in atts:
        if doc.blocks[doc.sentences[att.sentence].block].kind in TITLE_BLOCKS:
            continue  # a headline sums up the story: its subject is not a source quoted
        key = _source_key(doc, att)
        if key is None or (key[0], att.sentence) in seen:
            continue  # "Diplomats expressed … and argued": one sentence, one count
        seen.add((key[0], att.sentence))
        counts[key[0]] += 1
        if key[0] not in shown or len(key[1]) > len(shown[key[0]]):
            shown[key[0]] = key[1]
        kinds.setdefault(key[0], att.kind)
    order = {k: i for i, k in enumerate(counts)}  # ties: in order of first appearance
    most = [
        {"source": shown[k], "kind": kinds[k], "count": n}
        for k, n in sorted(counts.items(), key=lambda kv: (-kv[1], order[kv[0]]))[:MOST_QUOTED]
    ]
    return {
        "attributions": len(atts),
        "by_kind": {kind: by_kind[kind] for kind in KINDS},
        "named_share": round(named / len(atts), 3) if atts else None,
        "most_quoted": most,
        "paragraphs_without_source": _paragraphs_without_source(doc, atts),
        "anonymous_without_reason": [
            dict(span(doc, a.source), line=doc.lines.position(doc.to_raw(*a.source)[0])[0])
            for a in atts
            if a.kind == "anonymous" and a.reason is None and not a.pronoun and a.source and a.form in INFORMING_FORMS
        ],
        "unresolved_pronouns": [
            dict(span(doc, a.source), line=doc.lines.position(doc.to_raw(*a.source)[0])[0])
            for a in atts
            if a.pronoun and not a.resolved and a.source
        ],
        "reports_within": [
            dict(
                span(doc, a.cue),
                line=doc.lines.position(doc.to_raw(*a.cue)[0])[0],
                source=span(doc, a.within.source),
                kind=a.within.kind,
            )
            for a in atts
            if a.within is not None and a.within.source is not None
        ],
    }


def _paragraphs_without_source(doc: Document, atts: list[Attribution]) -> list[dict[str, int]]:
    """Body paragraphs in which nobody is named as saying anything: no attribution with a
    source, no quotation with a speaker, no link."""
    sourced_blocks = {doc.sentences[a.sentence].block for a in atts if a.has_source}
    sourced_blocks |= {q.block for q in doc.quotes if q.speaker is not None}
    linked = {block.index for block in (doc.block_at(link.start) for link in doc.links) if block is not None}
    out = []
    for block in doc.prose_blocks:
        if block.kind not in _BODY_KINDS or block.index in sourced_blocks or block.index in linked:
            continue
        if block.last_sentence <= block.first_sentence:
            continue
        start, end = doc.to_raw(block.pstart, block.pend)
        out.append({"line": doc.lines.position(start)[0], "end_line": doc.lines.position(max(start, end - 1))[0]})
    return out


def document_inventory(doc: Document) -> dict[str, Any]:
    """The inventory of one parsed document: its path, its attributions and their summary."""
    atts = find_attributions(doc)
    return {"path": doc.path, "attributions": [attribution_entry(doc, a) for a in atts], "summary": summary(doc, atts)}


def kinds_line(s: dict[str, Any]) -> str:
    """ "2 named-person, 1 vague": the kinds present in a summary, with their counts."""
    return ", ".join(f"{n} {k}" for k, n in s["by_kind"].items() if n)


def summary_notes(s: dict[str, Any]) -> list[str]:
    """The summary's findings for an editor, one line each (the text report and the HTML
    report both show them)."""
    out = []
    if s["most_quoted"]:
        out.append("most quoted: " + ", ".join(f"{m['source']} ({m['count']})" for m in s["most_quoted"]))
    if s["paragraphs_without_source"]:
        out.append(
            "paragraphs with no source: lines "
            + ", ".join(
                str(p["line"]) if p["line"] == p["end_line"] else f"{p['line']}-{p['end_line']}"
                for p in s["paragraphs_without_source"]
            )
        )
    if s["anonymous_without_reason"]:
        out.append(
            "anonymous, no reason given: "
            + ", ".join(f"line {a['line']} '{' '.join(a['text'].split())}'" for a in s["anonymous_without_reason"])
        )
    if s["unresolved_pronouns"]:
        out.append(
            "pronouns with no source to refer to: "
            + ", ".join(f"line {a['line']} '{a['text']}'" for a in s["unresolved_pronouns"])
        )
    if s.get("reports_within"):
        out.append(
            "unsourced cues a source stands behind: "
            + ", ".join(
                f"line {a['line']} '{' '.join(a['text'].split())}' ({' '.join(a['source']['text'].split())})"
                for a in s["reports_within"]
            )
        )
    return out
