"""Parse a text once into a :class:`Document`: blocks, prose, sentences, quotes, links."""
from __future__ import annotations

from .attribution import find_attributions
from .formats import MARKDOWN_SUFFIXES, format_for_path  # noqa: F401 - re-exported
from .lines import LineIndex
from .model import PROSE_KINDS, Block, Document, Link, Quote, Sentence
from .prose import ProseBuilder
from .quotes import find_quotes, is_scare_quote
from .sentences import split_sentences


def parse_plaintext(text: str, lines: LineIndex):
    """:func:`.plaintext.parse_plaintext`, imported on first use (a Markdown run never needs it)."""
    from .plaintext import parse_plaintext as parse_text

    return parse_text(text, lines)


def parse(text: str, path: str = "<text>", fmt: str | None = None, phrases=None) -> Document:
    """``phrases``: the phrase index of the rule set that will lint the document (optional),
    so that the attribution finder reads the rules' scan instead of scanning on its own."""
    fmt = fmt or format_for_path(path)
    lines = LineIndex(text)
    read = text  # what the parsers and the prose read: for Markdown, templating masked (same length)
    if fmt == "markdown":
        from .markdown import parse_markdown  # markdown-it is imported only for Markdown
        from .templating import mask

        read = mask(text, path)
        parsed = parse_markdown(read, lines)
    else:
        parsed = parse_plaintext(text, lines)
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

    doc = Document(path=path, text=text, format=fmt, prose=prose, pmap=pmap, blocks=blocks,
                   front_matter_source=parsed.front_matter, comments=parsed.comments)
    doc._lines = lines
    if phrases is not None:
        doc._cache["phrase-index"] = phrases

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
        for s, e, glued in split_sentences(prose, block.pstart, block.pend,
                                           links_by_block.get(block.index, ())):
            doc.sentences.append(Sentence(s, e, block.index, glued))
        block.last_sentence = len(doc.sentences)

    _add_quotes(doc)
    _assign_speakers(doc)
    return doc


def _prose_end(pmap, a: int, b: int) -> int:
    start = pmap.to_prose(a)
    end = pmap.to_prose(b)
    return max(end, start)


def _add_quotes(doc: Document) -> None:
    prose = doc.prose
    prose_blocks = [b for b in doc.blocks if b.pend > b.pstart]
    for i, block in enumerate(prose_blocks):
        for q in find_quotes(prose, block.pstart, block.pend):
            opening = 2 if prose.startswith("''", q.start) else 1  # ''typed'' quotation marks
            closing = (2 if prose.startswith("''", q.end - 2) else 1) if q.closed else 0
            quote = Quote(q.start, q.end, q.start + opening, q.end - closing, block.index, closed=q.closed)
            if not q.closed and i + 1 < len(prose_blocks):
                nxt = prose_blocks[i + 1]
                quote.continued = prose[nxt.pstart:nxt.pstart + 1] in ("“", '"', "«") \
                    and nxt.kind == block.kind
            quote.direct = not is_scare_quote(prose, q)
            doc.quotes.append(quote)


def _assign_speakers(doc: Document) -> None:
    """A quotation's speaker is the source of an attribution in the sentence it closes in."""
    if not doc.quotes:
        return
    by_sentence: dict[int, list] = {}
    for att in find_attributions(doc, nested=True):
        if att.source is not None:
            by_sentence.setdefault(att.sentence, []).append(att)
    for quote in doc.quotes:
        candidates = []
        for p in (quote.end - 1, quote.start):
            idx = doc.sentence_index_at(p)
            candidates.extend(by_sentence.get(idx, ()))
        # an attribution whose source is inside the quotation is the speaker's own reference
        candidates = [a for a in candidates if not (quote.start <= a.source[0] < quote.end)]
        if not candidates:
            continue
        best = min(candidates, key=lambda a: min(abs(a.cue[0] - quote.end), abs(a.cue[1] - quote.start)))
        quote.speaker = best.source
        quote.direct = True
        best.quote = "direct"
        best.content = (quote.inner_start, quote.inner_end)
    doc._quote_spans = None  # direct flags changed
