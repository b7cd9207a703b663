"""Templating is markup, not prose (issue 17, item 1): Hugo shortcodes, Liquid and MDX
are never linted as sentences, code-like pairs are never linted or fixed, and every
finding around them still points at the raw text exactly."""
from __future__ import annotations

from factlint import lint_text, load_rules
from factlint.document import parse
from factlint.document.templating import mask

RULES = load_rules()


def rules_and_matches(text: str, path: str = "post.md") -> list[tuple[str, str]]:
    return [(f.rule, f.match) for f in lint_text(text, path, RULES)]


def test_the_mask_keeps_length_and_line_breaks_and_blanks_only_templating():
    text = 'Read it on {{ site.url }}/fares.\n{% include a.html %}\n{{< figure src="x" >}}\n'
    masked = mask(text)
    assert len(masked) == len(text) and [i for i, c in enumerate(text) if c == "\n"] == \
        [i for i, c in enumerate(masked) if c == "\n"]
    assert masked.split("\n") == ["Read it on " + " " * 14 + "/fares.", " " * 20, " " * 22, ""]


def test_shortcodes_and_liquid_tags_are_not_sentences():
    text = ("# Ferry fares\n\nThe board raised fares on Monday, its chair said.\n\n"
            '{{< figure src="/img/ferry.jpg" caption="The morning ferry" >}}\n\n'
            '{% include figure.html src="/img/x.jpg" %}\n\n'
            "{{% note %}}\nThe fares take effect in May, the board said.\n{{% /note %}}\n")
    assert rules_and_matches(text) == []  # no missing end punctuation after '>}}' or '%}'
    doc = parse(text, "post.md")
    assert "The fares take effect in May" in doc.prose  # a paired shortcode's inner text is prose
    assert "figure" not in doc.prose and "include" not in doc.prose


def test_code_like_pairs_are_never_linted_or_fixed():
    text = ("# Fares\n\nThe board met, its chair said.\n\n"
            "{% highlight python %}\nfares = the the_rate\nprint(fares.Total)\n{% endhighlight %}\n\n"
            "{% raw %}{{ the the }}{% endraw %}\n\n"
            "{{< highlight go >}}\ntotal := the the budget.Sum()\n{{< /highlight >}}\n\n"
            "{{% code %}}\nthe the board.It\n{{% /code %}}\n")
    assert rules_and_matches(text) == []


def test_mdx_imports_exports_and_expressions_are_not_prose():
    text = ("import Chart from '../components/Chart'\nexport const meta = {title: 'x'}\n\n"
            "# Fares\n\nThe board raised fares, its chair said.\n\n<Chart data={fares} />\n\n{fares.total}\n")
    assert rules_and_matches(text, "post.mdx") == []
    assert parse(text, "post.mdx").headline.kind == "headline"


def test_findings_next_to_templating_point_at_the_raw_text():
    text = "# Fares\n\nRead it on {{ site.url }}/fares, the the board said.\n"
    [(rule, match)] = rules_and_matches(text)
    assert (rule, match) == ("editing/repeated-word", "the the")
    [f] = lint_text(text, "post.md", RULES)
    assert text[f.offset:f.end_offset] == "the the" and (f.line, f.column) == (3, 34)


def test_hugo_json_front_matter_is_front_matter_and_gives_the_headline():
    text = ('{\n  "title": "New timetable for the ferries",\n  "draft": false\n}\n\n'
            "Ferries will run every twenty minutes from June, the operator said.\n")
    doc = parse(text, "post.md")
    assert doc.front_matter == {"title": "New timetable for the ferries", "draft": False}
    assert doc.block_text(doc.headline) == "New timetable for the ferries"
    assert rules_and_matches(text) == []
