"""Reporters turn findings into output; each is small and separate."""
from __future__ import annotations

from dataclasses import dataclass, field

from ..finding import Finding


@dataclass
class Report:
    """Everything a reporter may need about one run."""

    findings: list[Finding]
    files: int = 0
    errors: int = 0
    ruleset: object | None = None
    color: bool = False
    show_source: bool = False
    texts: dict[str, str] = field(default_factory=dict)  # path -> text, for source lines


def get_reporter(name: str):
    from . import html as html_reporter
    from . import json as json_reporter
    from . import text as text_reporter

    return {"text": text_reporter.render, "json": json_reporter.render, "html": html_reporter.render}[name]


FORMATS = ("text", "json", "html")
#: Formats that show each file's text, so the runner must keep it (CheckOptions.keep_texts).
NEEDS_TEXTS = ("html",)
