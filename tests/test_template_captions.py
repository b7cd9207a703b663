"""A shortcode's or Liquid tag's ``caption="…"`` and ``title="…"`` are the words a reader
sees under a figure: linted as caption blocks, at their place in the file, while the rest of
the tag stays markup."""

from __future__ import annotations

from conftest import factlint, locations, write

from factlint.document import parse

SITE_POST = """\
# Ferry fares

{{< figure src="/img/pier.jpg" alt="The pier" caption="Commuters slammed the plan on Monday." >}}

{% include figure.html image="x.jpg" title='The the harbour at dawn' %}

The board agreed on Monday, its chair said.
"""


def test_caption_values_are_caption_blocks_at_their_raw_offsets():
    doc = parse(SITE_POST, "post.md")
    captions = [b for b in doc.blocks if b.kind == "caption"]
    assert [SITE_POST[b.start : b.end] for b in captions] == [
        "Commuters slammed the plan on Monday.",
        "The the harbour at dawn",
    ]
    assert [doc.prose[b.pstart : b.pend] for b in captions] == [
        "Commuters slammed the plan on Monday.",
        "The the harbour at dawn",
    ]
    # the parameters' names, the image and the alt text are no prose
    assert "src" not in doc.prose and "pier.jpg" not in doc.prose and "The pier" not in doc.prose


def test_captions_are_linted_and_the_tag_is_not(tmp_path):
    write(tmp_path, "post.md", SITE_POST)
    run = factlint("--no-cache", "post.md", cwd=tmp_path)
    assert locations(run.out) == [("post.md", 3, "framing/loaded-said"), ("post.md", 5, "editing/repeated-word")]
    assert "post.md:3:66:" in run.out  # 'slammed' inside the caption's quotes


def test_a_fix_in_a_caption_leaves_the_tag_intact(tmp_path):
    path = write(tmp_path, "post.md", SITE_POST)
    factlint("--no-cache", "--fix", "post.md", cwd=tmp_path)
    assert path.read_text(encoding="utf-8") == SITE_POST.replace("'The the harbour", "'The harbour")


def test_a_tag_inside_another_block_or_code_stays_markup():
    text = (
        "# Fares\n\n"
        'The board agreed, its chair said. {{< figure caption="Inline slammed it" >}}\n\n'
        '```\n{{< figure caption="Code slammed it" >}}\n```\n\n'
        '{% highlight html %}\n{% include figure.html caption="Highlighted slammed it" %}\n{% endhighlight %}\n'
    )
    doc = parse(text, "post.md")
    assert [b.kind for b in doc.blocks if b.kind == "caption"] == []
    assert "slammed" not in doc.prose


def test_an_empty_caption_and_a_liquid_output_make_no_block():
    doc = parse('# Fares\n\n{{< figure src="x.jpg" caption="" >}}\n\n{{ page.title }}\n', "post.md")
    assert [b.kind for b in doc.blocks] == ["headline"]
