"""Templating in Markdown is markup, not prose: Hugo shortcodes, Liquid tags and MDX.

A content repository's drafts hold more than Markdown: Hugo's ``{{< figure … >}}`` and
``{{% note %}} … {{% /note %}}``, Jekyll's Liquid ``{% include … %}`` and
``{{ site.url }}``, MDX's ``import``/``export`` lines and ``{expressions}``. They are
never sentences. :func:`mask` returns the text with every such region replaced by spaces
(line breaks kept), the same length as the text, so the Markdown parser and the prose
view read the masked copy while every offset still points into the raw text exactly.

* A tag alone (``{{< figure >}}``, ``{% include %}``, ``{{ x }}``) is masked; the inner
  content of a paired shortcode (``{{% note %}}The budget …{{% /note %}}``) stays prose.
* A code-like pair -- ``highlight``, ``code``, ``raw``, ``comment`` (Liquid or Hugo) --
  is masked with everything inside it: code is never linted or fixed.
* In ``.mdx`` files, ``import``/``export`` statements (to the next blank line) and lines
  that are a ``{…}`` expression are masked; JSX elements are HTML to markdown-it already.

:func:`caption_values` finds the words a reader does see in a tag: the quoted value of a
``caption=`` or ``title=`` parameter of a shortcode or Liquid tag
(``{{< figure src="x.jpg" caption="Crowds gathered" >}}``). The document builder makes
each one a caption block of its own where the tag stands outside any other block.
"""

from __future__ import annotations

import regex

#: a code-like pair, tag to closing tag, inner text included
_CODE_PAIRS = regex.compile(
    r"\{%-?\s*(?P<l>highlight|raw|comment)\b.*?%\}.*?\{%-?\s*end(?P=l)\s*-?%\}"
    r"|\{\{<\s*(?P<h>highlight|code|raw|comment)\b.*?>\}\}.*?\{\{<\s*/(?P=h)\s*>\}\}"
    r"|\{\{%\s*(?P<p>highlight|code|raw|comment)\b.*?%\}\}.*?\{\{%\s*/(?P=p)\s*%\}\}",
    regex.DOTALL | regex.IGNORECASE,
)
#: one tag: a Hugo shortcode, a Liquid tag or a Liquid output
_TAGS = regex.compile(r"\{\{<.*?>\}\}|\{\{%.*?%\}\}|\{%.*?%\}|\{\{.*?\}\}", regex.DOTALL)
_MDX_STATEMENT = regex.compile(r"^(?:import|export)\b.*?(?=\n[ \t]*\n|\Z)", regex.MULTILINE | regex.DOTALL)
_MDX_EXPRESSION = regex.compile(r"^[ \t]*\{.*\}[ \t]*$", regex.MULTILINE)
#: one tag that takes parameters (not a Liquid output ``{{ x }}``)
_PARAMETER_TAGS = regex.compile(r"\{\{<.*?>\}\}|\{\{%.*?%\}\}|\{%.*?%\}", regex.DOTALL)
#: a caption-like parameter and its quoted value (group ``v``)
_CAPTION_PARAMETER = regex.compile(
    r"""(?<![\w-])(?:caption|title)\s*=\s*(?:"(?P<v>(?:[^"\\]|\\.)*)"|'(?P<v>(?:[^'\\]|\\.)*)'|`(?P<v>[^`]*)`)""",
    regex.IGNORECASE,
)
_ANY = regex.compile(r"\{[{%]|^(?:import|export)\b|^[ \t]*\{", regex.MULTILINE)


def mask(text: str, path: str = "") -> str:
    """``text`` with its templating replaced by spaces (same length, same line breaks)."""
    if not _ANY.search(text):
        return text
    spans: list[tuple[int, int]] = []
    taken = bytearray(len(text))

    def add(start: int, end: int) -> None:
        spans.append((start, end))
        taken[start:end] = b"\x01" * (end - start)

    for m in _CODE_PAIRS.finditer(text):
        add(m.start(), m.end())
    if path.lower().endswith(".mdx"):
        for pattern in (_MDX_STATEMENT, _MDX_EXPRESSION):
            for m in pattern.finditer(text):
                if not taken[m.start()]:
                    add(m.start(), m.end())
    for m in _TAGS.finditer(text):
        if not any(taken[m.start() : m.end()]):
            add(m.start(), m.end())
    return blank(text, spans)


def caption_values(text: str) -> list[tuple[int, int, int, int]]:
    """``(tag start, tag end, value start, value end)`` of every non-empty ``caption=`` or
    ``title=`` value in a shortcode or Liquid tag outside code-like pairs (raw offsets)."""
    if "{{" not in text and "{%" not in text:
        return []
    code = [(m.start(), m.end()) for m in _CODE_PAIRS.finditer(text)]
    found = []
    for tag in _PARAMETER_TAGS.finditer(text):
        if any(a <= tag.start() < b for a, b in code):
            continue
        for m in _CAPTION_PARAMETER.finditer(text, tag.start(), tag.end()):
            start, end = m.span("v")
            if text[start:end].strip():
                found.append((tag.start(), tag.end(), start, end))
    return found


def blank(text: str, spans) -> str:
    """``text`` with each span's characters but line breaks made spaces."""
    if not spans:
        return text
    out = list(text)
    for start, end in spans:
        for i in range(start, end):
            if out[i] not in "\r\n":
                out[i] = " "
    return "".join(out)
