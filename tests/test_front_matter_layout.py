"""Front matter as sites use it (issue 17, item 2): the title repeated as the first
``# Heading`` is the layout, the excerpt is the dek with its markup stripped, and a body
paragraph repeating the excerpt (Jekyll's convention) is no repeated paragraph."""
from __future__ import annotations

from factlint import lint_text, load_rules
from factlint.document import parse

RULES = load_rules()
POST = """\
---
title: "Ferry fares rise in May"
excerpt: "The harbour board raised fares by <em>a tenth</em> on Monday, **its chair** said, in [a statement](https://example.org/a)."
---

# Ferry fares rise in May

The harbour board raised fares by a tenth on Monday, its chair said, in a statement.

The board meets again in June, the chair said.
"""


def editing(text: str) -> list[tuple[str, int]]:
    return [(f.rule, f.line) for f in lint_text(text, "post.md", RULES) if f.category == "editing"]


def test_a_site_post_with_title_heading_and_excerpt_is_clean():
    assert editing(POST) == []


def test_the_excerpt_is_the_dek_without_its_html_and_markdown():
    doc = parse(POST, "post.md")
    [dek] = [b for b in doc.blocks if b.kind == "dek"]
    assert doc.block_text(dek) == ("The harbour board raised fares by a tenth on Monday, its chair said, "
                                   "in a statement.")
    for key in ("description", "summary"):
        doc = parse(f"---\ntitle: Fares\n{key}: A _long_ night for the `council`.\n---\n\nText here.\n", "p.md")
        assert [doc.block_text(b) for b in doc.blocks if b.kind == "dek"] == ["A long night for the council."]


def test_a_second_copy_of_the_headline_is_still_a_duplicate():
    text = POST.replace("The board meets", "Ferry fares rise in May\n\nThe board meets")
    assert editing(text) == [("editing/duplicate-headline", 10)]
    # a body H1 that differs from the title is no layout copy, and a repeated H1 without front matter still counts
    assert editing("# Fares rise\n\n# Fares rise\n\nThe board met on Monday, its chair said.\n") == [
        ("editing/duplicate-headline", 3)]


def test_a_body_paragraph_repeated_twice_is_still_a_repeated_paragraph():
    para = "The harbour board raised fares by a tenth on Monday, its chair said, in a statement."
    text = POST + "\n" + para + "\n"
    assert ("editing/repeated-paragraph", 12) in editing(text)
