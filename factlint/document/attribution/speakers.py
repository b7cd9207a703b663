"""Who speaks: the source phrase before a verb (walking back over asides, relative
clauses and place lists), the attribution built from a source span (classified by
:mod:`..sourcekind`; "who" refers to the noun before it), whether a capitalised word is
an ordinary noun, what a cue's content is, and the resolution of pronouns and
back-references to their antecedents. Also the quotations' speakers: the attribution
that gives a quotation its speaker makes it direct."""

from __future__ import annotations

from ..lazypattern import LazyPattern
from ..lexicons import fold
from ..sourcekind import classify, without_possessive
from ..sourcephrase import CLOSING_MARKS, Tok, is_pronoun, phrase_before, previous_comma, skip_back
from .record import Attribution
from .state import FinderState
from .tokens import _aside, _never, _parenthesis, _trim_end, tokenize
from .wordindex import (
    _ALNUM_RUN,
    _HAS_SPACE,
    _WORD_SET_FROM,
    _occurs_as_word,
    _occurs_at,
    _punctuated_run_starts,
    _whole_words,
)
from .words import BODY_HEADS, CLAUSE_JOINERS, IT_SAID, MEMBER_HEADS, PLURAL_PRONOUNS, QUANTIFIERS, SINGULAR_PRONOUNS

#: The kind of a pronoun source with nothing to refer to.
UNRESOLVED_KIND = {
    "he": "named-person",
    "she": "named-person",
    "i": "named-person",
    "we": "named-person",
    "it": "named-organisation",
    "they": "vague",
    "you": "vague",
    "both": "vague",
    "each": "vague",
    "neither": "vague",
}

#: How many earlier sources a pronoun looks back over (within two paragraphs anyway): far
#: enough for a long quotation-heavy passage, short of a scan of the whole story.
ANTECEDENT_LOOKBACK = 40


class Speakers(FinderState):
    """Source walking, building and resolution for :class:`.passes.Finder`."""

    # -- the source before the verb ---------------------------------------------------------
    def _source_before(self, toks: list[Tok], k: int) -> tuple[int, int] | None:
        if k < 0:
            return None
        t = toks[k]
        if t.low == "most" and (
            (k > 0 and toks[k - 1].low in ("the", "at"))
            or (k + 1 < len(toks) and toks[k + 1].low.endswith("ly") and toks[k + 1].is_word)
        ):
            return None  # "won the most pledged delegates", "most strongly opposed": a degree, no one
        if is_pronoun(t) or t.low in (
            "who",
            "who's",
            "which",
            "some",
            "many",
            "several",
            "most",
            "few",
            "others",
            "both",
            "all",
            "another",
            "one",
            "neither",
            "none",
            "each",
            "everyone",
            "anyone",
            "someone",
            "somebody",
            "everybody",
        ):
            return (k, k)
        if t.text == ",":
            return self._subject_before_asides(toks, k)
        if t.text in ("—", "–", "-", "--") and k > 2:
            # "Insiders in two states — Nevada and Iowa — said": the subject before the dashes
            opening = next((x for x in range(k - 2, max(0, k - 30), -1) if toks[x].text == t.text), None)
            if opening is not None and opening > 0:
                return self._source_before(toks, opening - 1)
            return None
        if t.low in ("them", "us") and k >= 2 and toks[k - 1].low == "of" and toks[k - 2].low in QUANTIFIERS:
            return (k - 2, k)  # "most of them said"
        span = phrase_before(toks, k, 0)
        if span is not None:
            return self._behind_relative(toks, span) or self._before_place_list(toks, span) or span
        if t.text == ")":
            j = k - 1
            while j >= 0 and k - j < 8 and toks[j].text != "(":
                j -= 1
            if j > 0 and toks[j].text == "(":
                return self._source_before(toks, j - 1)  # "Sen. Jane Doe (D-Vt.) said"
        return None

    @staticmethod
    def _before_place_list(toks: list[Tok], span: tuple[int, int]) -> tuple[int, int] | None:
        """ "Most voters in Alabama, Georgia and Virginia said": the list of names ends a
        description of the subject before it, not the subject."""
        if not any(toks[x].low == "and" for x in range(span[0], span[1])) or not toks[span[0]].capitalised:
            return None
        j = span[0] - 1
        while j > 1 and toks[j].text == "," and toks[j - 1].capitalised:
            j -= 1
            while j > 0 and toks[j - 1].capitalised and toks[j - 1].is_word:
                j -= 1
            j -= 1
        if j < 1 or toks[j].low not in ("in", "from", "of", "across", "at") or toks[j + 1].text == ",":
            return None
        head = phrase_before(toks, j - 1, 0)
        return (head[0], span[1]) if head is not None else None

    @staticmethod
    def _behind_relative(toks: list[Tok], span: tuple[int, int]) -> tuple[int, int] | None:
        """ "the groups who wrote to her on Thursday say": the subject is before "who"."""
        j = span[0] - 1
        while j > 0 and span[0] - j <= 10 and toks[j].is_word and toks[j].low not in ("who", "and", "but"):
            j -= 1
        if j <= 0 or toks[j].low != "who":
            return None
        head = phrase_before(toks, j - 1, 0, links=False)
        return (head[0], span[1]) if head is not None else None

    def _subject_before_asides(self, toks: list[Tok], k: int) -> tuple[int, int] | None:
        """ "Smith, the minister, said"; "Grassley, facing a challenge in Iowa, a swing state,
        said": walk back over comma-delimited asides to the subject before them."""
        commas: list[int] = []
        end = k
        while True:
            c = previous_comma(toks, end, 0)
            if c is None or c == 0 or not _aside(toks[c + 1 : end]):
                break
            commas.append(c)
            end = c
        for c in reversed(commas):  # the farthest first: the subject opens the clause
            head_end = skip_back(toks, c - 1, 0)
            if head_end < 0:
                continue
            head: tuple[int, int] | None = (
                (head_end, head_end) if is_pronoun(toks[head_end]) else phrase_before(toks, head_end, 0)
            )
            if head is None:
                continue
            before = toks[head[0] - 1] if head[0] > 0 else None
            if (
                before is not None
                and before.text not in (",", ";", "—", "–")
                and before.text not in CLOSING_MARKS
                and before.low not in CLAUSE_JOINERS
            ):
                continue
            inner = toks[c + 1 : k]
            if _parenthesis(inner):
                return head
            return (head[0], k - 1)
        return None

    # -- building ---------------------------------------------------------------------------
    def _sourced(
        self,
        si: int,
        toks: list[Tok],
        cue: tuple[int, int],
        span: tuple[int, int],
        content: tuple[int, int] | None,
        form: str = "verb",
    ) -> Attribution | None:
        i, j = span
        if i > 0 and toks[i - 1].low in ("if", "whether", "unless") and toks[i].start < cue[0]:
            return None  # "if Ukraine rejects the plan": a hypothesis, not an attribution
        source = (toks[i].start, toks[j].end)
        first = toks[i]
        if i == j and (is_pronoun(first) or first.low in ("who", "who's", "which")):
            head = "who" if first.low == "who's" else first.low
            att = Attribution(
                cue, source, "named-person", si, content, "paraphrase", pronoun=True, form=form, head=head
            )
            if head in ("who", "which"):
                self._relative(att, toks, i)
            return att
        cls = classify(toks[i : j + 1], self._common_noun if i == 0 else _never)
        if cls is None:
            return None
        return Attribution(
            cue, source, cls.kind, si, content, "paraphrase", form=form, head=cls.head, pronoun=cls.back_reference
        )

    def _relative(self, att: Attribution, toks: list[Tok], i: int) -> None:
        """ "Smith, who has said …": "who" is the source as written; it refers to Smith."""
        k = i - 1
        if k >= 0 and toks[k].text == ",":
            k -= 1
        span = phrase_before(toks, k, 0, links=False) if k >= 0 else None
        if span is None:
            att.resolved = False
            return
        cls = classify(toks[span[0] : span[1] + 1], self._common_noun if span[0] == 0 else _never)
        if cls is None:
            att.kind = ""  # "the talks, which …": no speaker to refer to (dropped after resolution)
            return
        att.kind, att.head = cls.kind, cls.head
        att.refers_to = (toks[span[0]].start, toks[span[1]].end)

    def _common_noun(self, low: str) -> bool:
        """Is this sentence-initial capitalised word an ordinary noun? It is when the draft
        also writes it in lower case somewhere ("Protesters …" / "… the protesters")."""
        known = self._lower_words.get(low)
        if known is None:
            if len(self.prose) > _WORD_SET_FROM and _ALNUM_RUN.fullmatch(low):
                # a long draft: one set of its words, not a scan per word (a short one is
                # searched directly: the same answer, see ``_occurs_as_word``)
                if self._whole_words is None:
                    self._whole_words = _whole_words(self.prose)
                known = low in self._whole_words
            elif (
                len(self.prose) > _WORD_SET_FROM
                and low[:1].isalnum()
                and not _HAS_SPACE.search(low)
                and (self._run_starts is not None or self._scans_left <= 0)
            ):
                # "o'brien", "u.s.": only where its first run starts and is followed by
                # punctuation (one scan per word of a long draft would be quadratic in it;
                # the first few words are searched directly, below, as long as the scans
                # would cost less than building the index)
                if self._run_starts is None:
                    self._run_starts = _punctuated_run_starts(self.prose)
                known = _occurs_at(self.prose, low, self._run_starts)
            else:
                if len(self.prose) > _WORD_SET_FROM:
                    self._scans_left -= 1
                known = _occurs_as_word(self.prose, low)
            self._lower_words[low] = known
        return known

    def _after(self, toks: list[Tok], j: int, s) -> tuple[int, int] | None:
        i = j + 1
        while i < len(toks) and toks[i].low in ("that", ",", ":", "—", "–"):
            i += 1
        if i >= len(toks):
            return None
        stop = s.end
        for k in range(i + 1, len(toks) - 1):
            if toks[k].text == ";" or toks[k].text == "," and toks[k + 1].low == "but":
                # "spoke of unity, but the council is divided": the clause after is the reporter's
                stop = toks[k].start
                break
        end = _trim_end(self.prose, toks[i].start, stop)
        return (toks[i].start, end) if end > toks[i].start else None

    def _before(self, toks: list[Tok], i: int, s) -> tuple[int, int] | None:
        k = i - 1
        while k >= 0 and not toks[k].is_word and toks[k].text not in CLOSING_MARKS:
            k -= 1
        if k < 0:
            return None
        return (s.start, toks[k].end)

    # -- resolution -------------------------------------------------------------------------
    def _resolve(self) -> None:
        """Pronouns and back-references take the kind of the source they refer to; a vague
        group identified by a named body next to it is identified."""
        doc = self.doc
        order = {b.index: n for n, b in enumerate(doc.prose_blocks)}
        history: list[Attribution] = []
        for att in self.found:
            if att.source is None:
                continue
            block = order.get(doc.sentences[att.sentence].block, -1)
            if att.pronoun and att.refers_to is None:
                target = self._antecedent(att, history, block, order)
                if target is not None:
                    att.kind, att.head = target.kind, target.head
                    att.refers_to = target.refers_to or target.source
                elif not self._is_pronoun_head(att):
                    att.pronoun = False  # "the officials" with nothing before: a vague mention
                elif att.head == "it" and self._cue_word(att) in IT_SAID:
                    # "Exports rose, it said.": an organisation the story named without
                    # giving it an attribution ("The bank released its report on Monday")
                    att.resolved = False
                    att.kind = "named-organisation"
                elif att.head in ("it", "it's", "you"):
                    att.kind = ""  # "it can maintain", "more than you think": nobody to refer to
                else:
                    att.resolved = False
                    att.kind = UNRESOLVED_KIND.get(att.head.split("'")[0], "named-person")
            elif not att.pronoun:
                history.append(att)
        by_sentence: dict[int, list[Attribution]] = {}
        for att in self.found:
            by_sentence.setdefault(att.sentence, []).append(att)
        for att in self.found:
            if att.kind == "vague" and not att.pronoun and att.head in MEMBER_HEADS:
                body = self._identifying_body(att, by_sentence)
                if body is not None:
                    att.kind, att.refers_to = "named-organisation", body.source
        self._camps()

    def _camps(self) -> None:
        """ "Cruz's allies", "Mr. Sanders's aides", "a top adviser to President Obama",
        "Obama officials": a group described as a named person's people speaks for that
        person's camp, an organisation the reader can identify (on editor-dev neither editor
        marked one of 16 such sentences). The person must be one the story names as a
        person: a named speaker of its own, or a name after a title ("Sen. Cruz")."""
        candidates = [
            a
            for a in self.found
            if a.kind in ("anonymous", "vague") and a.source is not None and not a.pronoun and a.head in _CAMP_HEADS
        ]
        if not candidates:
            return
        titled = [(m.group().split()[0].rstrip(".").lower(), m.group(1)) for m in _TITLED_NAME.finditer(self.prose)]
        persons = self._person_names(titled)
        if not persons:
            return
        # the offices the story gives a named person as a title ("Sen. Ana Lind": "senator"),
        # by which it may refer to them again ("aides to the senator")
        offices = frozenset(_OFFICE_OF_TITLE[title] for title, _ in titled if title in _OFFICE_OF_TITLE)
        for att in candidates:
            assert att.source is not None  # (the candidates all have one)
            toks = tokenize(self.prose, att.source[0], att.source[1])
            if _names_a_camp(toks, persons) or _serves_the_office(toks, offices):
                att.kind = "named-organisation"

    def _person_names(self, titled: list[tuple[str, str]]) -> frozenset[str]:
        """The surnames of the people the story names: its named speakers' last words and
        the names after a personal title (``titled``: each title and the name after it)."""
        names = {
            _bare(self.prose[a.source[0] : a.source[1]].split()[-1])
            for a in self.found
            if a.kind == "named-person" and a.source is not None and not a.pronoun
        }
        names.update(_bare(name) for _, name in titled)
        return frozenset(n for n in names if n)

    def _cue_word(self, att: Attribution) -> str:
        return fold(self.prose[att.cue[0] : att.cue[1]])

    @staticmethod
    def _is_pronoun_head(att: Attribution) -> bool:
        return (
            att.head in SINGULAR_PRONOUNS
            or att.head in PLURAL_PRONOUNS
            or att.head in UNRESOLVED_KIND
            or att.head in ("both", "each", "neither")
        )

    def _antecedent(self, att: Attribution, history: list[Attribution], block: int, order) -> Attribution | None:
        doc = self.doc
        for n, prev in enumerate(reversed(history)):
            pblock = order.get(doc.sentences[prev.sentence].block, -1)
            if pblock < block - 1 or n >= ANTECEDENT_LOOKBACK:
                return None
            if self._compatible(att.head, prev):
                return prev
        return None

    @staticmethod
    def _compatible(head: str, prev: Attribution) -> bool:
        plural = prev.head.endswith("s") and not prev.head.endswith("ss")
        if head in SINGULAR_PRONOUNS:
            return prev.kind == "named-person" or (prev.kind in ("anonymous", "vague") and not plural)
        if head in PLURAL_PRONOUNS or head in ("both", "each", "neither"):
            return prev.kind == "named-organisation" or (prev.kind in ("anonymous", "vague") and plural)
        if head in ("it", "it's"):
            return prev.kind == "named-organisation" and not plural
        if head in ("i", "i'm", "i've", "you"):
            return False
        return prev.head == head and prev.kind in ("anonymous", "vague")  # "the officials"

    def _identifying_body(self, att: Attribution, by_sentence: dict[int, list[Attribution]]) -> Attribution | None:
        doc = self.doc
        block = doc.sentences[att.sentence].block
        for si in (att.sentence - 1, att.sentence, att.sentence + 1):
            for other in by_sentence.get(si, ()):
                if other is att or other.kind != "named-organisation" or other.pronoun or other.source is None:
                    continue
                if doc.sentences[si].block == block and other.head in BODY_HEADS:
                    return other
        return None


#: Personal titles before a name ("Sen. Ted Cruz", "Mr. Sanders", "President Obama").
_PERSONAL_TITLES = (
    "Mr", "Mrs", "Ms", "Dr", "Sen", "Rep", "Gov", "Senator", "Governor", "President", "Congressman",
    "Congresswoman", "Secretary",
)  # fmt: skip
#: A name after a personal title; the name is group 1.
_TITLED_NAME = LazyPattern(
    rf"\b(?:{'|'.join(_PERSONAL_TITLES)})\.?"
    r"\s+(?:\p{Lu}[\p{L}.'’-]*\s+){0,2}?(\p{Lu}[\p{L}'’-]+)(?![\p{L}'’-]*\s+\p{Lu})"
)
#: The words that make a group some person's people: "allies of", "aides to", "adviser for".
_CAMP_LINKS = frozenset({"to", "for", "of", "close"})
#: The groups that speak for a person: their staff, not their supporters or critics.
_CAMP_HEADS = frozenset(
    "aide aides adviser advisers advisor advisors ally allies official officials staff staffer staffers "
    "associate associates confidant confidants lieutenant lieutenants surrogate surrogates loyalist "
    "loyalists operative operatives strategist strategists lawyer lawyers attorney attorneys "
    "spokesman spokeswoman spokesperson campaign camp team".split()
)
#: The titles as tokens read them: "sen", "sen.".
_TITLES = frozenset(t.lower() + dot for t in _PERSONAL_TITLES for dot in ("", "."))
_LETTER = LazyPattern(r"[^\W\d_]")


def _bare(word: str) -> str:
    """A name as a surname, lower case, without a possessive: "Sanders's" -> "sanders"."""
    return without_possessive(fold(word).strip(".,;:"))


#: A personal title and the office it names, as a story refers back to its holder.
_OFFICE_OF_TITLE = {
    "sen": "senator", "senator": "senator", "gov": "governor", "governor": "governor",
    "president": "president", "congressman": "congressman", "congresswoman": "congresswoman",
    "secretary": "secretary",
}  # fmt: skip


def _serves_the_office(toks: list[Tok], offices: frozenset[str]) -> bool:
    """ "aides to the senator", "an adviser to the governor": a camp of the named person the
    story gave that title ("Sen. Ana Lind")."""
    words = [t.low for t in toks if t.is_word]
    return any(
        w in offices and n >= 2 and words[n - 1] == "the" and words[n - 2] in _CAMP_LINKS for n, w in enumerate(words)
    )


def _names_a_camp(toks: list[Tok], persons: frozenset[str]) -> bool:
    """Does this source phrase describe its group by a named person: a possessive ("Cruz's
    allies", "Mr. Sanders's aides"), a name before the head ("Obama officials") or "to"/"for"/
    "of" a name ("an adviser to President Obama")?"""
    words = [t for t in toks if t.is_word]
    for n, t in enumerate(words):
        if not t.capitalised:
            continue
        name = _bare(t.text)
        if name not in persons:
            continue
        possessive = t.low.endswith(("'s", "s'"))
        before_head = n == len(words) - 2  # "Obama officials"
        linked = n > 0 and (words[n - 1].low in _CAMP_LINKS or words[n - 1].low in _TITLES)
        if possessive or before_head or linked:
            return True
    return False


def assign_speakers(doc, atts: list[Attribution]) -> None:
    """A quotation's speaker is the source of an attribution (of ``atts``, in reading
    order) in the sentence it closes in: the quotation is then direct, and the attribution
    carries it as its content."""
    by_sentence: dict[int, list] = {}
    for att in atts:
        if att.source is not None:
            by_sentence.setdefault(att.sentence, []).append(att)
    for quote in doc.quotes:
        candidates: list[Attribution] = []
        for p in (quote.end - 1, quote.start):
            idx = doc.sentence_index_at(p)
            candidates.extend(by_sentence.get(idx, ()))
        # an attribution whose source is inside the quotation is the speaker's own reference
        # (every attribution in by_sentence has a source)
        candidates = [a for a in candidates if a.source is not None and not (quote.start <= a.source[0] < quote.end)]
        if not candidates:
            continue
        best = min(candidates, key=lambda a: min(abs(a.cue[0] - quote.end), abs(a.cue[1] - quote.start)))
        quote.speaker = best.source
        quote.direct = True
        carry_quote(best, quote, doc.prose)
    doc._quote_spans = None  # direct flags changed


def carry_quote(att: Attribution, quote, prose: str) -> None:
    """``att`` carries ``quote``, its speaker's words: the quotation becomes its content,
    unless the content already holds it within the reporter's paraphrase (see
    :func:`_holds_quote`)."""
    att.quote = "direct"
    if not _holds_quote(att.content, quote, prose):
        att.content = (quote.inner_start, quote.inner_end)


def _holds_quote(content: tuple[int, int] | None, quote, prose: str) -> bool:
    """Does what the source is reported as saying already hold the quotation and words of
    the reporter's paraphrase besides ("said that Donnelly sponsored the “Open Borders
    Bill.”")? Then the quotation is part of it, and the content stays the whole paraphrase."""
    if content is None or not (content[0] <= quote.start and quote.end <= content[1] + 1):
        return False
    return _LETTER.search(prose, content[0], quote.start) is not None or (
        _LETTER.search(prose, quote.end, content[1]) is not None
    )
