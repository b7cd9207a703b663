"""Parse a text once into a finished :class:`Document`: blocks, prose, sentences, quotes (with
their speakers), links, attributions, names and fixed terms, what identified sources are
reported as saying, and the claims in the reporter's voice. Nothing writes into a document
after this."""

from __future__ import annotations

from .attribution import TITLE_BLOCKS, attribute, default_cue_index
from .budget import charge
from .claims import find_claims
from .formats import MARKDOWN_SUFFIXES, format_for_path  # noqa: F401 - re-exported
from .lines import LineIndex
from .model import PROSE_KINDS, Block, Document, Link, Quote, Sentence
from .names import find_names
from .prose import ProseBuilder
from .quotes import find_quotes, first_double_mark, is_scare_quote
from .sentences import split_sentences
from .spans import SpanLayer, attributed_spans


def parse_plaintext(text: str, lines: LineIndex):
    """:func:`.plaintext.parse_plaintext`, imported on first use (a Markdown run never needs it)."""
    from .plaintext import parse_plaintext as parse_text

    return parse_text(text, lines)


def parse(
    text: str,
    path: str = "<text>",
    fmt: str | None = None,
    phrases=None,
    name: str | None = None,
    ignore_patterns: tuple[tuple[str, ...], tuple[str, ...]] = ((), ()),
) -> Document:
    """The finished document: structure, prose, sentences, quotations with their speakers,
    and attributions (``doc.attributions``). ``phrases``: the phrase index of the rule set
    that will lint the document (optional); when it holds the finder's cue lists (its
    ``cues``), the finder and the rules share its one scan (``doc.phrase_scan``). ``name``: the
    path the document is reported under when it differs from the one that says its format
    (``--stdin-filename``, a file read under another name); default ``path``.
    ``ignore_patterns``: the configuration's ``(block, inline)`` patterns (:mod:`.ignores`)."""
    fmt = fmt or format_for_path(path)
    lines = LineIndex(text)
    read = text  # what the parsers and the prose read: for Markdown, templating masked (same length)
    if fmt == "markdown":
        from .markdown import parse_markdown  # markdown-it is imported only for Markdown
        from .templating import mask

        read = _ignoring(mask(text, path), ignore_patterns)
        parsed = parse_markdown(read, lines)
        read = _add_template_captions(parsed, text, read)
    else:
        read = _ignoring(text, ignore_patterns)
        parsed = parse_plaintext(read, lines)
    charge(len(text), "the document structure")
    raw_blocks = sorted(parsed.blocks, key=lambda b: (b.start, -b.end))

    builder = ProseBuilder(read)
    blocks: list[Block] = []
    for raw in raw_blocks:
        block = Block(raw.kind, raw.start, raw.end, level=raw.level, index=len(blocks))
        if raw.kind in PROSE_KINDS and raw.pieces:
            block.pstart = builder.begin_block()
            for a, b in raw.pieces:
                builder.add(a, b)
            block.pend = builder.end_block()
        else:
            block.pstart = block.pend = builder.length
        blocks.append(block)
    prose = builder.text()
    pmap = builder.map
    charge(len(text), "the prose")

    doc = Document(
        path=name or path,
        text=text,
        format=fmt,
        prose=prose,
        pmap=pmap,
        blocks=blocks,
        front_matter_source=parsed.front_matter,
        comments=parsed.comments,
    )
    doc._lines = lines

    links_by_block: dict[int, list[tuple[int, int]]] = {}
    for block, raw in zip(blocks, raw_blocks):
        for a, b, url in raw.links:
            link = Link(pmap.to_prose(a), _prose_end(pmap, a, b), url)
            doc.links.append(link)
            links_by_block.setdefault(block.index, []).append((link.start, link.end))

    for block in blocks:
        if block.pend <= block.pstart:
            block.first_sentence = block.last_sentence = len(doc.sentences)
            continue
        block.first_sentence = len(doc.sentences)
        charge(block.pend - block.pstart, "sentences")
        for s, e, glued in split_sentences(prose, block.pstart, block.pend, links_by_block.get(block.index, ())):
            doc.sentences.append(Sentence(s, e, block.index, glued))
        block.last_sentence = len(doc.sentences)

    _add_quotes(doc)
    charge(len(prose), "quotations")
    if phrases is not None and phrases.cues is not None:
        # one scan of the rule set's index, which holds the cue lists too: the finder reads
        # its cue hits now, the rules the rest when they lint the document
        doc.phrase_scan = (phrases, phrases.scan_all(prose))
        cues, hits = phrases.cues, doc.phrase_scan[1][0]
    else:
        cues = default_cue_index()
        hits = cues.index.scan(prose)
    charge(len(prose), "the phrase scan")
    attribute(doc, cues, hits)  # the attributions, then the quotations' speakers
    charge(len(prose), "attributions")
    titles = [(b.pstart, b.pend) for b in doc.prose_blocks if b.kind in TITLE_BLOCKS]
    doc.names = find_names(prose, doc.attributions, titles)
    charge(len(prose), "names")
    doc.attributed = attributed_spans(prose, doc.attributions)
    doc._name_layer = SpanLayer(doc.names)
    doc._attributed_layer = SpanLayer(doc.attributed)
    doc.claims = find_claims(doc, doc.attributions)
    charge(len(prose), "claims")
    return doc


def _add_template_captions(parsed, text: str, read: str) -> str:
    """A caption block for each ``caption=``/``title=`` value of a shortcode or Liquid tag
    that stands outside every other block (a tag inside a paragraph, a list, code or front
    matter stays markup: its words would interleave with the block's). Returns ``read``
    with those values unmasked again, for the prose to read."""
    from .rawblock import RawBlock
    from .templating import caption_values

    found = caption_values(text)
    if not found:
        return read
    taken = sorted((b.start, b.end) for b in parsed.blocks)
    for tag_start, tag_end, start, end in found:
        if any(a < tag_end and tag_start < b for a, b in taken):
            continue
        block = RawBlock("caption", start, end)
        block.pieces.append((start, end))
        parsed.blocks.append(block)
        read = read[:start] + text[start:end] + read[end:]
    return read


def _ignoring(text: str, patterns: tuple[tuple[str, ...], tuple[str, ...]]) -> str:
    """``text`` with what the configuration's ignore patterns match blanked (same length)."""
    if not (patterns[0] or patterns[1]):
        return text
    from .ignores import ignored_spans
    from .templating import blank

    return blank(text, ignored_spans(text, *patterns))


def _prose_end(pmap, a: int, b: int) -> int:
    start = pmap.to_prose(a)
    end = pmap.to_prose(b)
    return max(end, start)


def _add_quotes(doc: Document) -> None:
    prose = doc.prose
    prose_blocks = [b for b in doc.blocks if b.pend > b.pstart]
    open_quote: Quote | None = None  # a quotation left open at the end of its block
    between: list[Block] = []  # the lines after it with no quotation mark
    for i, block in enumerate(prose_blocks):
        found = find_quotes(prose, block.pstart, block.pend)
        if open_quote is not None and _line_after(doc, prose_blocks[i - 1], block):
            mark = first_double_mark(prose, block.pstart, found[0].start if found else block.pend)
            if mark is None and not found and len(between) < RUN_ON_LINES:
                between.append(block)  # the quotation runs on through this line
                continue
            if mark is not None and mark[1]:
                _run_on(doc, open_quote, between, block, mark[0])  # it closes here
        open_quote, between = None, []
        for q in found:
            opening = 2 if prose.startswith("''", q.start) else 1  # ''typed'' quotation marks
            closing = (2 if prose.startswith("''", q.end - 2) else 1) if q.closed else 0
            quote = Quote(q.start, q.end, q.start + opening, q.end - closing, block.index, closed=q.closed)
            if not q.closed and i + 1 < len(prose_blocks):
                nxt = prose_blocks[i + 1]
                quote.continued = prose[nxt.pstart : nxt.pstart + 1] in ("“", '"', "«") and nxt.kind == block.kind
            charge(1 + min(q.end - q.start, 4096) // 8, "quotations")  # up to 4 KB read by a regex
            quote.direct = not is_scare_quote(prose, q)
            doc.quotes.append(quote)
            if not q.closed:
                open_quote = quote


#: How many lines with no quotation mark a quotation may run on through.
RUN_ON_LINES = 12


def _line_after(doc: Document, before: Block, block: Block) -> bool:
    """Is ``block`` the next line of plain text after ``before``, of the same kind? Copy set
    one sentence (or one paragraph) a line runs a quotation on across line breaks; a blank
    line is a paragraph break, where a quotation left open is a slip unless the next
    paragraph reopens it (``continued``)."""
    return doc.format == "text" and block.kind == before.kind and doc.text.count("\n", before.end, block.start) <= 1


def _run_on(doc: Document, opened: Quote, between: list[Block], block: Block, close: int) -> None:
    """A quotation opened in one line of plain text and closed in a later one ("“In the last
    months our numbers doubled.⏎We get 1,400 calls a month.” …"): the open part continues,
    the lines between are quoted whole, and the closing line is quoted up to its mark."""
    opened.continued = True
    for line in between:
        doc.quotes.append(
            Quote(
                line.pstart,
                line.pend,
                line.pstart,
                line.pend,
                line.index,
                closed=False,
                continued=True,
                direct=opened.direct,
            )
        )
    doc.quotes.append(Quote(block.pstart, close + 1, block.pstart, close, block.index, direct=opened.direct))
