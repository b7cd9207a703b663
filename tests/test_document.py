"""The document model: given a draft, these blocks, quotations and links."""

from pathlib import Path

import pytest
from conftest import doc_of, draft

SEED = Path(__file__).resolve().parents[2] / "shared" / "seed" / "article.txt"


def kinds(doc) -> list[tuple[str, int, str]]:
    """(kind, line, first words) of each block."""
    out = []
    for b in doc.blocks:
        text = doc.block_text(b) if b.is_prose else doc.text[b.start : b.end]
        out.append((b.kind, doc.lines.position(b.start)[0], " ".join(text.split()[:3])))
    return out


# -- plain text -------------------------------------------------------------------------


def test_plain_text_headline_headings_and_paragraphs():
    doc = doc_of(
        draft("""
        Port strike enters second week

        Dockworkers stayed off the job on Monday.

        What Happens Next

        Talks resume on Friday, the union said.
        """),
        "story.txt",
    )
    assert kinds(doc) == [
        ("headline", 1, "Port strike enters"),
        ("paragraph", 3, "Dockworkers stayed off"),
        ("heading", 5, "What Happens Next"),
        ("paragraph", 7, "Talks resume on"),
    ]


def test_plain_text_last_line_heads_nothing_so_it_is_a_paragraph():
    text = (
        "Ferry fares rise\n\nThe ferry company raised fares on Monday, the council said.\n\n"
        "Fares and timetables\n\nThe new fares start in June.\n\nPassengers will pay more from June\n"
    )
    assert kinds(doc_of(text, "story.txt")) == [
        ("headline", 1, "Ferry fares rise"),
        ("paragraph", 3, "The ferry company"),
        ("heading", 5, "Fares and timetables"),
        ("paragraph", 7, "The new fares"),
        ("paragraph", 9, "Passengers will pay"),
    ]


def test_plain_text_first_sentence_is_not_a_headline():
    doc = doc_of("The council met on Monday.\n\nIt voted.\n", "story.txt")
    assert [b.kind for b in doc.blocks] == ["paragraph", "paragraph"]


def test_plain_text_title_case_headline_with_a_full_stop_is_a_headline():
    # archived and scraped copy ends its headline with a full stop
    doc = doc_of("Harbour Board Votes To Close The Quay.\n\nThe board met on Monday. It voted.\n", "story.txt")
    assert [b.kind for b in doc.blocks] == ["headline", "paragraph"]


def test_plain_text_repeated_headline_with_dek_below_it():
    doc = doc_of(
        draft("""
        Secret Plan Leaks

        Secret Plan Leaks
        A draft shows the council will cut bus routes.

        The council has not commented.
        """),
        "story.txt",
    )
    assert kinds(doc) == [
        ("headline", 1, "Secret Plan Leaks"),
        ("heading", 3, "Secret Plan Leaks"),
        ("dek", 4, "A draft shows"),
        ("paragraph", 6, "The council has"),
    ]


def test_plain_text_wire_copy_with_indented_paragraphs():
    doc = doc_of(
        "Shipping agents said on Monday that\nthe port was closed.\n    The union said it\nwould strike.\n", "wire.txt"
    )
    assert [(b.kind, doc.block_text(b)) for b in doc.blocks] == [
        ("paragraph", "Shipping agents said on Monday that the port was closed."),
        ("paragraph", "The union said it would strike."),
    ]


def test_plain_text_list_items():
    doc = doc_of("Key points:\n\n- Fares rise in May.\n- Routes are cut.\n", "x.txt")
    assert [(b.kind, doc.block_text(b)) for b in doc.blocks][-2:] == [
        ("list", "Fares rise in May."),
        ("list", "Routes are cut."),
    ]


@pytest.mark.skipif(not SEED.exists(), reason="the seed article is not beside the project")
def test_the_seed_article_structure():
    doc = doc_of(SEED.read_text(encoding="utf-8"), "article.txt")
    headings = [(doc.lines.position(b.start)[0], doc.block_text(b)) for b in doc.blocks if b.kind == "heading"]
    assert doc.headline is not None and doc.lines.position(doc.headline.start)[0] == 1
    assert (10, "What Is Happening") in headings
    assert (72, "FAQ - About the Leaked Ukraine Peace Plan") in headings
    assert [b.kind for b in doc.blocks if doc.lines.position(b.start)[0] == 4] == ["dek"]


# -- Markdown ---------------------------------------------------------------------------

MARKDOWN = draft("""
    ---
    title: "Bridge repairs to cost more"
    description: The city's estimate has nearly doubled.
    ---

    # Bridge repairs to cost more

    Repairs will cost **$48 million**, the [city said](https://example.org/city).

    > “We will look at every option,” the mayor said.

    - Fares rise in May.
    - Routes are cut.

    | Year | Cost |
    |------|------|
    | 2025 | high |

    ```python
    print("reportedly")  # code is not prose
    ```

    <!-- factlint: note for editors -->
    """)


def test_markdown_blocks():
    doc = doc_of(MARKDOWN, "story.md")
    assert kinds(doc) == [
        ("front-matter", 1, '--- title: "Bridge'),
        ("headline", 2, "Bridge repairs to"),
        ("dek", 3, "The city's estimate"),
        ("heading", 6, "Bridge repairs to"),
        ("paragraph", 8, "Repairs will cost"),
        ("blockquote", 10, "“We will look"),
        ("list", 12, "Fares rise in"),
        ("list", 13, "Routes are cut."),
        ("table", 15, "Year"),
        ("table", 15, "Cost"),
        ("table", 17, "2025"),
        ("table", 17, "high"),
        ("code", 19, '```python print("reportedly") #'),
        ("comment", 23, "<!-- factlint: note"),
    ]
    assert doc.front_matter["title"] == "Bridge repairs to cost more"


def test_front_matter_is_parsed_only_when_asked_for():
    """Linting a draft with front matter does not import a YAML or TOML parser (start-up
    time): the document keeps the front matter as written and parses it on first use."""
    import subprocess
    import sys

    script = (
        "import sys\n"
        "from factlint.document import parse\n"
        "yaml_doc = parse('---\\ntitle: Rates rise\\ntags: [a, b]\\n---\\n\\nText.\\n', 'a.md')\n"
        "toml_doc = parse('+++\\ntitle = \"Rates rise\"\\n+++\\n\\nText.\\n', 'b.md')\n"
        "assert 'yaml' not in sys.modules and 'tomllib' not in sys.modules, 'parser imported early'\n"
        "assert yaml_doc.front_matter == {'title': 'Rates rise', 'tags': ['a', 'b']}, yaml_doc.front_matter\n"
        "assert toml_doc.front_matter == {'title': 'Rates rise'}, toml_doc.front_matter\n"
        "assert yaml_doc.headline is not None and toml_doc.headline is not None\n"
    )
    subprocess.run([sys.executable, "-c", script], check=True)


def test_broken_or_non_mapping_front_matter_reads_as_no_fields():
    assert doc_of("---\ntitle: [unclosed\n---\n\nText.\n", "a.md").front_matter == {}
    assert doc_of("---\n- a list\n---\n\nText.\n", "a.md").front_matter == {}
    assert doc_of("+++\ntitle = \n+++\n\nText.\n", "a.md").front_matter == {}
    assert doc_of("No front matter.\n", "a.md").front_matter == {}


def test_markdown_markup_is_not_prose_but_spans_map_back_exactly():
    doc = doc_of(MARKDOWN, "story.md")
    para = next(b for b in doc.blocks if b.kind == "paragraph")
    assert doc.block_text(para) == "Repairs will cost $48 million, the city said."
    start = doc.prose.index("the city said")
    raw_start, raw_end = doc.to_raw(start, start + len("the city said"))
    assert doc.text[raw_start:raw_end] == "the [city said"


def test_markdown_links_are_recorded_with_their_targets():
    doc = doc_of(MARKDOWN, "story.md")
    assert [(doc.prose[link.start : link.end], link.url) for link in doc.links] == [
        ("city said", "https://example.org/city")
    ]


def test_markdown_code_spans_and_html_are_hidden_but_unmatched_brackets_stay():
    doc = doc_of("Call `reportedly()` <b>now</b> [CHECK] and *then* stop.\n", "x.md")
    assert doc.block_text(doc.blocks[0]) == "Call now [CHECK] and then stop."


def test_markdown_without_front_matter_takes_the_first_h1_as_headline():
    doc = doc_of("Intro line.\n\n# Main title\n\nBody text here.\n", "x.md")
    assert [b.kind for b in doc.blocks] == ["paragraph", "headline", "paragraph"]


def test_markdown_emphasised_paragraph_after_the_headline_is_the_dek():
    doc = doc_of("# Title\n\n*A short standfirst.*\n\nBody.\n", "x.md")
    assert [b.kind for b in doc.blocks] == ["headline", "dek", "paragraph"]


def test_toml_front_matter_title_is_the_headline():
    doc = doc_of('+++\ntitle = "Hugo story"\n+++\n\nBody text.\n', "x.md")
    assert [(b.kind, doc.block_text(b)) for b in doc.blocks if b.is_prose] == [
        ("headline", "Hugo story"),
        ("paragraph", "Body text."),
    ]


# -- quotations -------------------------------------------------------------------------


def quotes(text: str, path: str = "x.txt"):
    doc = doc_of(text, path)
    return [
        (doc.prose[q.start : q.end], q.closed, q.direct, doc.prose[q.speaker[0] : q.speaker[1]] if q.speaker else None)
        for q in doc.quotes
    ]


def test_direct_quotation_with_its_speaker():
    assert quotes("“We will not give up an inch,” President Ana Ruiz said on Monday.\n") == [
        ("“We will not give up an inch,”", True, True, "President Ana Ruiz")
    ]


def test_speaker_before_the_quotation():
    assert quotes("The mayor said: “Every option is open.”\n") == [("“Every option is open.”", True, True, "The mayor")]


def test_short_unattributed_quotation_is_a_scare_quote_not_a_direct_quote():
    assert quotes("The “peace plan” was leaked.\n") == [("“peace plan”", True, False, None)]


def test_straight_quotes_and_nested_single_quotes():
    found = quotes('"He told me ‘never again’ and left," the aide said.\n')
    assert found == [
        ('"He told me ‘never again’ and left,"', True, True, "the aide"),
        ("‘never again’", True, True, "He"),
    ]  # quoted inside the quotation


def test_a_curly_quotation_closed_by_a_straight_mark_is_closed_and_has_its_speaker():
    """A mixed pair is a typing slip: the quotation ends at the straight mark, and the
    "said" after it is the reporter's, not swallowed by a quotation left open."""
    assert quotes('“The orchard stays with the family," Ilse Marken said on Monday.\n') == [
        ('“The orchard stays with the family,"', True, True, "Ilse Marken")
    ]
    assert quotes('"The orchard stays with the family,” Ilse Marken said on Monday.\n') == [
        ('"The orchard stays with the family,”', True, True, "Ilse Marken")
    ]
    # a straight mark opening a word inside a curly quotation still nests
    assert quotes('“She said "never" twice,” the keeper said.\n')[0][:2] == ('“She said "never" twice,”', True)


def test_apostrophes_are_not_quotation_marks():
    assert quotes("Ukraine’s army isn’t ready for the ’90s-style war.\n") == []


def test_unclosed_quotation_and_multi_paragraph_quotation():
    doc = doc_of("“We will fight on.\n\n“And we will win,” she said.\n", "x.txt")
    first = doc.quotes[0]
    assert (first.closed, first.continued) == (False, True)
    doc = doc_of("“We will fight on.\n\nThe crowd cheered.\n", "x.txt")
    assert (doc.quotes[0].closed, doc.quotes[0].continued) == (False, False)


def test_words_inside_a_direct_quotation_are_known_to_be_quoted():
    doc = doc_of("“Officials said it was over,” the minister said. Officials said more.\n", "x.txt")
    first = doc.prose.index("Officials")
    second = doc.prose.index("Officials", first + 1)
    assert doc.in_quote(first, first + 9) is True
    assert doc.in_quote(second, second + 9) is False
