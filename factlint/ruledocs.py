"""Documentation generated from the rules themselves: ``factlint explain`` and docs/rules.md."""
from __future__ import annotations

import re

from .kinds.base import Rule
from .ruleset import RuleSet

FAMILY_ORDER = ("sourcing", "attribution", "framing", "editing", "readability")


def first_sentence(text: str) -> str:
    """The text up to the first full stop, question or exclamation mark that ends a sentence:
    one followed by a space and neither a digit nor a lower-case letter ("et al. 2016", "e.g. the")."""
    text = " ".join(text.split())
    end = re.search(r"[.?!](?= [^\da-z])", text)
    return text[:end.end()] if end else text


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
        "",
        "Why it matters",
        _indent(rule.why),
    ]
    if rule.description:
        lines += ["", "What it does", _indent(rule.description)]
    lines += ["", "Message", _indent(rule.message)]
    if rule.suggest:
        lines += ["", "Suggestions", _indent(", ".join(rule.suggest))]
    lines += ["", "Flags (each example must produce a finding)"]
    lines += [_bullet("✗", ex) for ex in rule.examples.get("flag", [])]
    lines += ["", "Passes (near misses that must not)"]
    lines += [_bullet("✓", ex) for ex in rule.examples.get("pass", [])]
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
        out.append(f"{r.id:<{width}}  {r.severity:<7}  {first_sentence(r.why)}{state}")
    return "\n".join(out) + "\n"


def rules_markdown(ruleset: RuleSet) -> str:
    """docs/rules.md: every built-in rule, grouped by family."""
    rules = sorted_rules(ruleset)
    out = ["# Built-in rules", "",
           "Generated from `rules/*.yaml` by `factlint rules --format markdown`; do not edit by hand "
           "(a test checks that it is up to date).", ""]
    family = None
    for r in rules:
        if r.category != family:
            family = r.category
            count = sum(1 for x in rules if x.category == family)
            out += [f"## {family} ({count} rules)", ""]
        out += [f"### `{r.id}`", "",
                f"*{r.severity}* · kind `{r.kind}` · scope `{', '.join(r.scope.names)}`"
                + ("" if r.enabled else " · **off by default**") + f" · source: <{r.link}>", "",
                r.why.strip(), ""]
        if r.description:
            out += [r.description.strip(), ""]
        out += [f"Message: {r.message.strip()}", "", "Flags:", ""]
        out += [_md_example(ex) for ex in r.examples.get("flag", [])]
        out += ["", "Passes:", ""]
        out += [_md_example(ex) for ex in r.examples.get("pass", [])]
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


def _md_example(text: str) -> str:
    text = text.strip("\n")
    if "\n" in text:
        return "```markdown\n" + text + "\n```"
    return f"- {text}"
