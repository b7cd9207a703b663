"""Documentation generated from the rules themselves: ``factlint explain`` and docs/rules.md."""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

from .kinds.base import Rule
from .ruleset import BUILTIN_PACK, RuleSet

FAMILY_ORDER = ("sourcing", "attribution", "framing", "editing", "readability")
#: Each rule's precision on editors' judgement, written by ``bench/editors.py --write``.
SCORECARD = Path(__file__).with_name("scorecard.json")
#: A rule right less often than this, on at least SCORECARD_MIN_FINDINGS findings, is not a
#: warning by default (tests/test_scorecard.py holds the built-in rules to it).
SCORECARD_MIN_PRECISION = 0.5
SCORECARD_MIN_FINDINGS = 5


@lru_cache(maxsize=1)
def scorecard() -> dict:
    """``{rule id: {"findings", "right", "a": [n, right], "b": [n, right]}}``; empty without the file."""
    try:
        return json.loads(SCORECARD.read_text(encoding="utf-8")).get("rules", {})
    except (OSError, ValueError):
        return {}


def editors_line(rule: Rule) -> str | None:
    """What editors made of the rule's findings on editor-dev, in one line (None for the
    families editors do not mark: editing, readability, and users' own rules)."""
    if rule.category not in ("sourcing", "attribution", "framing"):
        return None
    card = scorecard().get(rule.id)
    if not card or not card["findings"]:
        return "no finding on the editors' articles (editor-dev) to judge it by"
    n, k = card["findings"], card["right"]
    halves = ", ".join(f"half {h} {c[1] / c[0]:.2f}" for h, c in (("a", card["a"]), ("b", card["b"])) if c[0])
    return f"precision {k / n:.2f} on editor-dev ({k} of {n} findings right by two editors; {halves})"


def first_sentence(text: str) -> str:
    """The text up to the first full stop, question or exclamation mark that ends a sentence:
    one followed by a space and neither a digit nor a lower-case letter ("et al. 2016", "e.g. the")."""
    text = " ".join(text.split())
    end = re.search(r"[.?!](?= [^\da-z])", text)
    return text[: end.end()] if end else text


def explain(rule: Rule) -> str:
    scope = ", ".join(rule.scope.names)
    lines = [
        f"{rule.id}",
        "",
        f"  family:    {rule.category}",
        f"  severity:  {rule.severity}" + ("" if rule.enabled else " (off by default; --select it by id)"),
        f"  kind:      {rule.kind}",
        f"  scope:     {scope}",
        f"  defined:   {rule.source}:{rule.line}",
        f"  source:    {rule.link}",
    ]
    editors = editors_line(rule)
    if editors:
        lines.append(f"  editors:   {editors}")
    lines += [
        "",
        "Why it matters",
        _indent(rule.why),
    ]
    if rule.description:
        lines += ["", "What it does", _indent(rule.description)]
    lines += ["", "Message", _indent(rule.message)]
    if rule.suggest:
        lines += ["", "Suggestions", _indent(", ".join(rule.suggest))]
    lines += ["", "Flags (each example must produce a finding; [the words] it must report)"]
    lines += [_bullet("✗", ex) for ex in marked_examples(rule, "flag", "[", "]")]
    lines += ["", "Passes (near misses that must not)"]
    lines += [_bullet("✓", ex) for ex in rule.examples.get("pass", [])]
    if rule.examples.get("todo"):
        lines += ["", "Known misses (todo: should be flagged, are not yet)"]
        lines += [_bullet("…", ex) for ex in marked_examples(rule, "todo", "[", "]")]
    if rule.examples.get("todo-pass"):
        lines += ["", "Known false alarms (todo: flagged, should not be)"]
        lines += [_bullet("…", ex) for ex in rule.examples.get("todo-pass", [])]
    return "\n".join(lines) + "\n"


def _indent(text: str) -> str:
    return "\n".join("  " + line for line in text.strip().splitlines())


def _bullet(mark: str, text: str) -> str:
    body = text.rstrip("\n").splitlines() or [""]
    return "\n".join((f"  {mark} " if i == 0 else "    ") + line for i, line in enumerate(body))


def sorted_rules(ruleset: RuleSet) -> list[Rule]:
    def key(rule: Rule):
        family = FAMILY_ORDER.index(rule.category) if rule.category in FAMILY_ORDER else len(FAMILY_ORDER)
        return (family, rule.category, rule.id)

    return sorted(ruleset.rules, key=key)


def rules_table(ruleset: RuleSet) -> str:
    rules = sorted_rules(ruleset)
    if not rules:
        return "No rules.\n"
    width = max(len(r.id) for r in rules)
    out = []
    for r in rules:
        state = "" if r.enabled else " [off]"
        pack = f" [pack: {r.pack}]" if r.pack and r.pack != BUILTIN_PACK else ""
        out.append(f"{r.id:<{width}}  {r.severity:<7}  {first_sentence(r.why)}{state}{pack}")
    return "\n".join(out) + "\n"


def rules_markdown(ruleset: RuleSet) -> str:
    """docs/rules.md: every built-in rule, grouped by family."""
    rules = sorted_rules(ruleset)
    out = [
        "# Built-in rules",
        "",
        "Generated from `rules/*.yaml` by `factlint rules --format markdown`; do not edit by hand "
        "(a test checks that it is up to date).",
        "",
    ]
    family = None
    for r in rules:
        if r.category != family:
            family = r.category
            count = sum(1 for x in rules if x.category == family)
            out += [f"## {family} ({count} rules)", ""]
        out += [
            f"### `{r.id}`",
            "",
            f"*{r.severity}* · kind `{r.kind}` · scope `{', '.join(r.scope.names)}`"
            + ("" if r.enabled else " · **off by default**")
            + f" · source: <{r.link}>",
            "",
            r.why.strip(),
            "",
        ]
        editors = editors_line(r)
        if editors:
            out += [f"Editors' judgement: {editors}.", ""]
        if r.description:
            out += [r.description.strip(), ""]
        out += [f"Message: {r.message.strip()}", "", "Flags (the words it must report in bold):", ""]
        out += [_md_example(ex) for ex in marked_examples(r, "flag", "**", "**")]
        out += ["", "Passes:", ""]
        out += [_md_example(ex) for ex in r.examples.get("pass", [])]
        if r.examples.get("todo"):
            out += ["", "Known misses (todo):", ""]
            out += [_md_example(ex) for ex in marked_examples(r, "todo", "**", "**")]
        if r.examples.get("todo-pass"):
            out += ["", "Known false alarms (todo):", ""]
            out += [_md_example(ex) for ex in r.examples.get("todo-pass", [])]
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


def marked_examples(rule: Rule, kind: str, left: str, right: str) -> list[str]:
    """A rule's ``kind`` examples with each pinned span wrapped in ``left`` and ``right``
    (the pins in order, each found after the one before). A draft of several lines, or a
    pin that is blank or not found (a metric's whole-draft finding, a double space), is
    left as written and followed by a line naming what it must report."""
    out = []
    pins = rule.example_pins.get(kind, [])
    for i, text in enumerate(rule.examples.get(kind, [])):
        pin = pins[i] if i < len(pins) else None
        marked, at = text, 0
        for words in pin or ():
            found = marked.find(words, at) if words.strip() and "\n" not in text.strip("\n") else -1
            if found < 0:
                marked = ""
                break
            marked = marked[:found] + left + words + right + marked[found + len(words) :]
            at = found + len(left) + len(words) + len(right)
        if marked:
            out.append(marked)
        else:
            spans = ", ".join(_shown(w) for w in pin or ())
            out.append(text.rstrip("\n") + "\n" + f"{_REPORTS}{spans}")
    return out


#: The line after an example whose pinned span cannot be marked in place.
_REPORTS = "must report: "


def _shown(words: str) -> str:
    if not words:
        return "the whole draft"
    short = " ".join(words.split())
    if len(short) > 60:
        short = short[:57] + "..."
    return repr(short) if words.strip() else repr(words)


def _md_example(text: str) -> str:
    text = text.strip("\n")
    head, sep, reports = text.rpartition("\n" + _REPORTS)
    if sep:  # a pinned span shown after the draft
        return _md_example(head) + f"\n\n  ({_REPORTS}{reports})"
    if "\n" in text:
        return "```markdown\n" + text + "\n```"
    return f"- {text}"
