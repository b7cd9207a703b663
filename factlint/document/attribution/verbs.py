"""The verb of saying, stance or action: whether a cue word is a verb at all ("his
claims", "the said agreement"), whose verb it is (the subject before it, an inverted one
after it: "…, said the minister", the main clause's for a participle: "…, saying"), and
the constructions around it ("continued to insist", "led some to speculate", "was asked
whether", "be likely to say"). Each method gives an :class:`.record.Attribution` or None."""

from __future__ import annotations

from ..lexicons import EVIDENCE_NOUNS, EVIDENCE_VERBS, REPORTING_VERBS, STANCE_VERBS
from ..sourcekind import QUANTITY_HEADS as _QUANTITY_HEADS
from ..sourcekind import head_word, split_head
from ..sourcephrase import (
    CLOSING_MARKS,
    DETERMINERS,
    NUMBER_WORDS,
    Tok,
    apposition_after,
    is_np_word,
    is_pronoun,
    phrase_after,
    phrase_before,
    skip_back,
)
from .record import TITLE_BLOCKS, Attribution
from .state import FinderState
from .tokens import (
    _after_comma,
    _circumstance_only,
    _complement,
    _gerund,
    _has_or_is,
    _infinitive_after,
    _is_adverb_tok,
    _large_count,
    _names_something,
    _plural,
    _title_case,
    _verb_form,
)
from .words import (
    ASPECTUAL,
    AUX_VERBS,
    BARE_CAUSATIVES,
    BE,
    CAUSATIVES,
    CLAUSE_OPENERS,
    CLAUSE_STARTS,
    CLAUSE_VERBS,
    EVIDENCE_ONLY,
    INVERTING,
    NO_FALLBACK,
    NOUN_BEFORE,
    NOUN_FORMS,
    PARTICIPLE_PREPS,
    PARTICLES,
    QUANTIFIERS,
    QUESTION_WORDS,
    RAISING,
    SPEECH_FINITE,
    SPEECH_PARTICIPLES,
    TELLING,
)

#: How many tokens before "show" or "find" a noun of evidence may be ("A national poll
#: released Sunday by two networks shows"): a clause's worth.
EVIDENCE_WINDOW = 15


#: Prepositions before "not" and a gerund: "for not responding", "by not saying".
_GERUND_LEADS = frozenset("for by without of from about".split())


def _negated_gerund(toks: list[Tok], ci: int) -> bool:
    k = ci - 1
    while k >= 0 and _is_adverb_tok(toks[k]):
        k -= 1
    return k >= 1 and toks[k].low == "not" and toks[k - 1].low in _GERUND_LEADS


_AGREE = frozenset("agree agrees agreed agreeing".split())
#: After "agree": the terms of a deal, not a view ("agreed on a toll", "agreed to the plan");
#: "did not agree." with nothing after it is a deal not made.
_AGREED_ON = frozenset("on upon to with terms".split())
_REFLEXIVES = frozenset("himself herself itself themselves ourselves myself yourself yourselves oneself".split())


class VerbForms(FinderState):
    """The verb forms of :class:`.passes.Finder`."""

    def _verb(self, si: int, toks: list[Tok], ci: int, cj: int) -> Attribution | None:
        first = toks[ci]
        words = [t.low for t in toks[ci : cj + 1]]
        phrase = " ".join(words)
        s = self.doc.sentences[si]
        if (
            first.capitalised
            and ci > 0
            and self.doc.blocks[s.block].kind not in TITLE_BLOCKS
            and toks[ci - 1].text not in CLAUSE_OPENERS
            and not _title_case(toks)
        ):
            return None
        cue = (first.start, toks[cj].end)
        vform = "verb" if phrase in REPORTING_VERBS else "stance" if phrase in STANCE_VERBS else "action"
        if phrase == "according to":
            return self._according(si, toks, ci, cj)
        prev = toks[ci - 1] if ci > 0 else None
        participle = words[0].endswith("ing")
        if participle and _negated_gerund(toks, ci):
            return None  # "under fire for not (promptly) responding": a failure to speak, nothing said
        if prev is not None:
            if participle and (_after_comma(toks, ci) or prev.low in PARTICIPLE_PREPS):
                return self._participle(si, toks, ci, cj, vform)
            if prev.low in ("most", "more", "less", "least") and words[-1].endswith("ing"):
                return None  # "his most promising paths": an adjective
            if prev.low == "to" and ci >= 2 and vform != "action":
                aspect = self._aspect_to(si, toks, ci, cj, vform)  # "continued to insist"
                if aspect is not None:
                    return aspect
            if prev.low == "to" and ci >= 3:
                return self._caused_to(si, toks, ci, cj, vform)  # "led some to speculate"
            if (prev.low in NOUN_BEFORE and not (prev.low in QUANTIFIERS and self._quantified_verb(toks, ci, cj))) or (
                prev.low.endswith("'s") and not _has_or_is(prev)
            ):
                return None  # "the said agreement", "his claims"; but "many say", "many fear that", "he's said"
        elif participle:
            nxt = toks[cj + 1] if cj + 1 < len(toks) else None
            if (
                cj == ci
                and vform == "verb"
                and nxt is not None
                and nxt.is_word
                and nxt.low not in ("to", "by", "for")
                and not first.text.isupper()
            ):
                # "Noting that the quay had closed, the mayor said …": the participle opening the
                # sentence reports what the main clause's subject says
                return Attribution(
                    cue, None, "unsourced", si, self._after(toks, cj, s), "paraphrase", form="participle"
                )
            return None
        nxt = toks[cj + 1] if cj + 1 < len(toks) else None
        if participle and (nxt is None or nxt.text in ".!?;:" or nxt.low in ("for", "by")):
            # "Storm warning", "Flood warning for the valley", "(Reporting by Jane Roe)": a noun,
            # not someone warning or reporting
            return None
        if (
            phrase == "asked"
            and nxt is not None
            and (
                nxt.low in QUESTION_WORDS
                or nxt.text in (",", ":")
                or nxt.low in ("by", "a", "an")
                or nxt.low == "to"
                and not self._request(toks, cj)
            )
        ):
            # "asked whether", "when asked by a reporter", "was asked a question", "was
            # asked, “…?”", "was asked to name one": the reporter's (or someone's) question
            question = self._question(si, toks, ci, cj)
            if question is not None:
                return question
        if phrase in ("put it", "puts it") and nxt is not None and nxt.text not in (",", ":", ".", "—", "–", ";"):
            return None  # "as one aide put it, …"; not "he put it on the table"
        if words[0] in CLAUSE_VERBS and not (nxt is not None and (nxt.low in CLAUSE_STARTS or is_pronoun(nxt))):
            return None  # "he knew the area", "she felt ill"; but "he knew that …", "they feel it is …"
        if words[0] in ("see", "sees", "saw") and not any(t.low == "as" for t in toks[cj + 1 : cj + 8]):
            return None  # only "see X as Y" reports a view; "she saw the film" does not
        if words[0] in EVIDENCE_VERBS and nxt is not None and nxt.low in _REFLEXIVES:
            return None  # "officials who found themselves under fire": where they were, no finding
        if words[0] in _AGREE and (
            nxt is not None
            and nxt.low in _AGREED_ON
            or (nxt is None or not nxt.is_word)
            and any(t.low in ("not", "n't", "never") for t in toks[max(0, ci - 3) : ci])
        ):
            return None  # "agreed on a toll", "did not agree": a deal made or not, no view passed on
        if phrase in ("continued", "continues") and nxt is not None and nxt.is_word:
            return None  # "he continued to lead"; only "…,” he continued." reports speech
        if phrase in ("declined", "declines", "refused", "refuses") and (nxt is None or nxt.low != "to"):
            return None
        if phrase in ("asked", "asks") and nxt is not None and nxt.low in ("not", "to") and self._request(toks, cj):
            return None  # "who asked not to be named": a request, not something said
        if words[0] in ("call", "calls", "called", "calling") and nxt is not None and nxt.low in PARTICLES:
            return None  # "called off", "called in"
        if (
            phrase in NOUN_FORMS
            and not _complement(nxt)
            and not (vform == "stance" and _gerund(nxt))
            and not ((nxt is None or nxt.text in ".!?;") and any(t.text == "," for t in toks[max(0, ci - 5) : ci]))
            and not (phrase in EVIDENCE_VERBS and self._evidence_before(toks, ci))
            and not self._headline_verb(toks, ci, s)
        ):
            # "key states ahead", "reports of fraud"; but "…, figures show.", "X slams A, praises
            # B", "figures released this week show …" (evidence earlier in the clause)
            return None
        if (
            prev is not None
            and (prev.low.isdigit() or prev.low in NUMBER_WORDS)
            and nxt is not None
            and words[-1].endswith("ed")
            and is_np_word(nxt)
            and not nxt.capitalised
        ):
            return None  # "20 pledged delegates": a participle used as an adjective
        k = ci - 1
        while k >= 0 and (toks[k].low.endswith("ly") and len(toks[k].low) > 4):
            k -= 1
        if k >= 0 and toks[k].low in BE and not participle:
            agent = self._agent(toks, cj + 1)  # "was criticised by the minister"
            if agent is None:
                if vform == "verb" and cj == ci and words[0].endswith("ed") and words[0] not in NO_FALLBACK:
                    # "the result was announced on Friday": a report with no one named; listed as
                    # unsourced (form verb: the passives the sourcing rules query are their own list)
                    return Attribution(cue, None, "unsourced", si, self._after(toks, cj, s), "paraphrase", form="verb")
                return None
            # "was approved by union members": an act with its agent, not a view passed on
            return self._sourced(
                si, toks, cue, agent, self._after(toks, cj, s), form="action" if vform == "action" else "passive"
            )
        modal = _modal_before(toks, ci) if words[0] in _COGNITION else -1
        if modal > 0 and _unnamed(toks, modal - 1):
            return None  # "people cannot understand", "anyone can see": an ability, no view passed on
        k = skip_back(toks, ci - 1, 0)
        if k >= 0 and toks[k].low in ("and", "but") and k > 0 and (toks[k - 1].is_word or toks[k - 1].text == ","):
            return self._participle(si, toks, ci, cj, vform) or self._speech_without_source(
                si, toks, ci, cj, s
            )  # "… put off deciding but said …"
        source = self._source_before(toks, k)
        if (
            source is not None
            and not self._agrees(toks, source, k, ci, cj, words[0])
            and not (source[0] > 0 and toks[source[0] - 1].low in BARE_CAUSATIVES and _verb_form(words[0]) == "base")
        ):
            source = None  # but "made many think", "let critics say"
        if source is not None and words[0] == "called" and _names_something(toks, source, nxt):
            source = None
        if source is not None and vform != "verb" and _large_count(toks[source[0] : source[1] + 1]):
            return None  # "34,000 people supported Trump": a count of voters, not a source
        if source is not None:
            if source[1] < ci - 1 and all(
                toks[x].low in AUX_VERBS or toks[x].low in ("also", "not", "never") or _is_adverb_tok(toks[x])
                for x in range(source[1] + 1, ci)
            ):
                cue = (toks[source[1] + 1].start, cue[1])  # "has said", "also said", "has repeatedly said"
            content = self._after(toks, cj, s)
            if (
                source[0] > 0
                and (toks[source[0] - 1].text == "," or toks[source[0] - 1].text in CLOSING_MARKS)
                and _circumstance_only(toks, cj + 1, addressee=words[0] in TELLING)
            ):
                # "…, the minister said.", "…, she said on Tuesday.", "…, he told reporters."
                content = self._before(toks, source[0], s)
            return self._sourced(si, toks, cue, source, content, form=vform) or self._speech_without_source(
                si, toks, ci, cj, s
            )
        if phrase in INVERTING and (prev is None or prev.text in (",", "—", "–", "'") or prev.text in CLOSING_MARKS):
            after = phrase_after(toks, cj + 1, len(toks))
            if (
                after is not None
                and toks[after[0]].low not in ("that", "it", "this")
                and not _clause_subject(toks, apposition_after(toks, after[1], len(toks)) + 1)
            ):
                end = apposition_after(toks, after[1], len(toks))
                return self._sourced(
                    si, toks, cue, (after[0], end), self._before(toks, ci, s)
                ) or self._speech_without_source(si, toks, ci, cj, s)
        return self._speech_without_source(si, toks, ci, cj, s)

    def _speech_without_source(self, si: int, toks: list[Tok], ci: int, cj: int, s) -> Attribution | None:
        """ "…, and said it was another step", "Gov. Jane Doe (D-Vt.), said": a finite verb of
        saying is an attribution even where the walk finds no speaker it can classify (a
        subject far back, an unusual name). Listed as unsourced; no sourcing rule reads the
        form ``verb`` with no source, and the attribution rules count it as attributed."""
        low = toks[ci].low
        if not (
            cj > ci
            or low in SPEECH_FINITE
            or low.endswith("ed")
            and low in REPORTING_VERBS
            and low not in NO_FALLBACK
            or low.endswith("ing")
            and low in REPORTING_VERBS
            or low in EVIDENCE_VERBS
            and self._evidence_before(toks, ci)
            or self._headline_verb(toks, ci, s)
        ):
            return None  # a phrase ("called for", "referred to", "spoke about") is a verb, not a noun
        prev = toks[ci - 1] if ci > 0 else None
        nxt = toks[cj + 1] if cj + 1 < len(toks) else None
        if (
            prev is not None
            and prev.low in ("that", "this", "having", "all", "when", "if", "to", "be", "been")
            or nxt is not None
            and (
                nxt.low in ("to", "of")
                and (low in SPEECH_FINITE or not _infinitive_after(toks, cj + 1))
                or nxt.text == ","
                and toks[ci].low == "say"
            )
        ):
            return None  # "That said, …", "all said and done", "is said to", "said of", "to, say, five"
        return Attribution(
            (toks[ci].start, toks[cj].end),
            None,
            "unsourced",
            si,
            self._after(toks, cj, s),
            "paraphrase",
            form="participle" if low.endswith("ing") else "verb",
        )

    def _headline_verb(self, toks: list[Tok], ci: int, s) -> bool:
        """ "Senator slams the plan, praises the mayor": in a headline a verb of saying or
        stance in -s after a comma is a second verb of the same subject (headlines drop "and")."""
        low = toks[ci].low
        return (
            ci > 1
            and toks[ci - 1].text == ","
            and low.endswith("s")
            and (low in REPORTING_VERBS or low in STANCE_VERBS)
            and (self.doc.blocks[s.block].kind in TITLE_BLOCKS or self._first_line(s))
        )

    def _first_line(self, s) -> bool:
        """The document's first block is one sentence: in plain text, a title line."""
        sentences = self.doc.sentences
        return s is sentences[0] and s.block == 0 and (len(sentences) == 1 or sentences[1].block != 0)

    @staticmethod
    def _evidence_before(toks: list[Tok], ci: int) -> bool:
        """ "A national poll released Sunday by two networks shows …", "polls in the state he
        calls home show …": a noun of evidence not far before "show" or "find", in the same
        clause, is what shows it, even where the walk back cannot reach it."""
        for k in range(ci - 1, max(-1, ci - 1 - EVIDENCE_WINDOW), -1):
            if toks[k].text in (";", ":") or toks[k].text in CLAUSE_OPENERS:
                return False
            if toks[k].low in EVIDENCE_NOUNS:
                return True
        return False

    def _question(self, si: int, toks: list[Tok], ci: int, cj: int) -> Attribution | None:
        """ "Asked about the plan, she said …", "When asked whether …", "the minister was asked
        about …": the reporter's question, attributed to whoever was asked."""
        s = self.doc.sentences[si]
        cue = (toks[ci].start, toks[cj].end)
        lead = [t.low for t in toks[:ci]]
        if len(lead) > 1 and lead[-1] in ("when", "once"):
            # "…,” she said when asked about the vote": the question put to the speaker mid-sentence
            return Attribution(cue, None, "unsourced", si, self._after(toks, cj, s), "paraphrase", form="question")
        if not lead or lead in (["when"], ["if"], ["once"], ["after"], ["but"], ["and"]) or lead[-1] in (",", "—", "–"):
            if lead and lead[-1] not in (",", "—", "–", "when", "if", "once", "after", "but", "and"):
                return None
            return Attribution(cue, None, "unsourced", si, self._after(toks, cj, s), "paraphrase", form="question")
        k = ci - 1
        while k >= 0 and _is_adverb_tok(toks[k]):
            k -= 1
        if k < 1 or toks[k].low not in ("was", "were", "is", "are", "been", "being"):
            return None
        k -= 1
        while k >= 0 and (toks[k].low in AUX_VERBS or toks[k].low in ("also", "not", "never")):
            k -= 1
        source = self._source_before(toks, k)
        if source is None or toks[source[0]].low in ("it", "this", "that", "there"):
            return None
        return self._sourced(
            si, toks, (toks[source[1] + 1].start, cue[1]), source, self._after(toks, cj, s), form="question"
        )

    @staticmethod
    def _quantified_verb(toks: list[Tok], ci: int, cj: int) -> bool:
        """After "many", "some", "others": a verb ("many say", "some fear that"), or a noun
        ("many claims", "some hope of")? A word that is also a noun is a verb when it takes a
        clause or an object, in the plural quantifiers' agreement ("many fear the …")."""
        phrase = " ".join(t.low for t in toks[ci : cj + 1])
        if phrase not in NOUN_FORMS:
            return True
        nxt = toks[cj + 1] if cj + 1 < len(toks) else None
        if nxt is None or nxt.low in ("of", "for", "in", "on", "about", "and", "or", "to") or not _complement(nxt):
            return False
        return not phrase.endswith("s") or toks[ci - 1].low in ("some", "another", "each")

    def _caused_to(self, si: int, toks: list[Tok], ci: int, cj: int, form: str) -> Attribution | None:
        """ "The ruling led some to speculate that …", "leaving many to wonder whether …": a
        causative verb, a group and "to" before a verb of saying or thinking; the group is
        the source."""
        k = ci - 2
        if toks[k].low in RAISING:
            return self._raised(si, toks, ci, cj, form)
        span = (k, k) if toks[k].low in QUANTIFIERS or is_pronoun(toks[k]) else phrase_before(toks, k, 0, links=False)
        if span is not None:
            causative = next((x for x in range(span[0], span[1]) if toks[x].low in CAUSATIVES), None)
            if causative is not None:
                span = (causative + 1, span[1])  # "prompted critics": the participle is the verb
        if span is None or span[0] == 0 or toks[span[0] - 1].low not in CAUSATIVES:
            return None
        s = self.doc.sentences[si]
        return self._sourced(si, toks, (toks[ci - 1].start, toks[cj].end), span, self._after(toks, cj, s), form=form)

    def _aspect_to(self, si: int, toks: list[Tok], ci: int, cj: int, form: str) -> Attribution | None:
        """ "He went on to criticize …", "she has continued to insist", "critics began to
        argue": a verb of beginning or going on, "to" and a verb of saying; the subject of
        the first verb is the source and the cue runs from it to the verb of saying."""
        a = ci - 2
        if a >= 1 and toks[a].low == "on" and toks[a - 1].low in ("went", "goes", "go", "going", "gone"):
            a -= 1
        if toks[a].low not in ASPECTUAL:
            return None
        k = a - 1
        while k >= 0 and (
            toks[k].low in AUX_VERBS or toks[k].low in ("also", "not", "never", "then") or _is_adverb_tok(toks[k])
        ):
            k -= 1
        source = self._source_before(toks, skip_back(toks, k, 0))
        if source is None or toks[source[0]].low in ("it", "this", "that", "there"):
            return None
        s = self.doc.sentences[si]
        return self._sourced(
            si, toks, (toks[source[1] + 1].start, toks[cj].end), source, self._after(toks, cj, s), form=form
        )

    def _raised(self, si: int, toks: list[Tok], ci: int, cj: int, form: str) -> Attribution | None:
        """ "Voters were more likely to say …", "officials are quick to point out …": the
        subject of "be likely/quick/eager/willing" is the one who says it."""
        k = ci - 3
        while k >= 0 and (
            toks[k].low in ("more", "less", "most", "least", "as", "very", "so", "too", "not", "also")
            or _is_adverb_tok(toks[k])
        ):
            k -= 1
        if k < 1 or toks[k].low not in BE:
            return None
        k = skip_back(toks, k - 1, 0)
        source = self._source_before(toks, k)
        if source is None or toks[source[0]].low in ("it", "this", "that", "there"):
            return None
        s = self.doc.sentences[si]
        return self._sourced(
            si, toks, (toks[source[1] + 1].start, toks[cj].end), source, self._after(toks, cj, s), form=form
        )

    @staticmethod
    def _request(toks: list[Tok], cj: int) -> bool:
        words = [t.low for t in toks[cj + 1 : cj + 5]]
        return words[:3] == ["not", "to", "be"] or words[:2] == ["to", "be"] or words[:2] == ["that", "his"]

    def _agrees(self, toks: list[Tok], source: tuple[int, int], k: int, ci: int, cj: int, verb: str) -> bool:
        """Does the verb agree with its subject? "a caucus state like Iowa" is a noun phrase,
        not "caucus" stating something; "he found the keys" reports no finding."""
        subject = toks[source[0] : source[1] + 1]
        head = head_word(split_head(subject)[0]) or subject[-1].low
        if verb in EVIDENCE_ONLY and cj == ci and not any(t.low in EVIDENCE_NOUNS for t in subject):
            return False  # "a poll put his support at 5 percent"; not "he put it there"
        if verb in EVIDENCE_VERBS:
            after = toks[cj + 1].low if cj + 1 < len(toks) else ""
            that = any(t.low == "that" for t in toks[cj + 1 : cj + 5])  # "found in 2014 that"
            if not that and not after[:1].isdigit() and not any(t.low in EVIDENCE_NOUNS for t in subject):
                return False  # "he found the keys"; but "a poll found 40%", "an average of polls shows"
        if any(toks[x].low in AUX_VERBS for x in range(k + 1, ci)):
            return True  # "will say", "did not say": the auxiliary carries the agreement
        if head in _QUANTITY_HEADS or head[:1].isdigit() or head in NUMBER_WORDS or head == "%":
            return True  # "9 percent say", "a majority says", "one in five say": either number agrees
        plural = _plural(head, subject)
        comma = max((x for x, t in enumerate(subject) if t.text == ","), default=None)
        if (
            comma is not None
            and comma + 1 < len(subject)
            and subject[comma + 1].low in ("a", "an", "the")
            and subject[-1].is_word
        ):
            # "Harbour Holdings, a ferry company, says": the apposition agrees too
            plural = plural and _plural(subject[-1].low, subject[-1:])
        form = _verb_form(verb)
        if form == "base":
            return plural or head in ("who", "which", "that")
        if form == "s":
            return not plural or subject[-1].capitalised
        return True

    def _participle(self, si: int, toks: list[Tok], ci: int, cj: int, form: str = "verb") -> Attribution | None:
        """ ", saying …", "by adding …": the subject is the main clause's."""
        s = self.doc.sentences[si]
        cue = (toks[ci].start, toks[cj].end)
        for att in reversed(self.found):
            if att.sentence != si:
                break
            if att.source is not None and att.cue[0] < cue[0]:
                copy = Attribution(
                    cue,
                    att.source,
                    att.kind,
                    si,
                    self._after(toks, cj, s),
                    "paraphrase",
                    pronoun=att.pronoun,
                    form=form,
                    head=att.head,
                    refers_to=att.refers_to,
                    resolved=att.resolved,
                )
                return copy
        subject = self._sentence_subject(toks, ci)
        made = self._sourced(si, toks, cue, subject, self._after(toks, cj, s), form=form) if subject else None
        if made is None and (
            _after_comma(toks, ci)
            and (toks[ci].low in SPEECH_PARTICIPLES or cj > ci or form != "action")
            or ci > 0
            and toks[ci - 1].low in PARTICIPLE_PREPS
        ):
            # "…, saying the city embodied …", "…, slamming the plan", "by warning that …": the
            # subject is too far back to find (or no name the finder classifies); still a report
            speech = _after_comma(toks, ci) and toks[ci].low in SPEECH_PARTICIPLES and cj == ci
            return Attribution(
                cue,
                None,
                "unsourced",
                si,
                self._after(toks, cj, s),
                "paraphrase",
                form="verb" if speech else "participle",
            )
        return made

    def _sentence_subject(self, toks: list[Tok], limit: int) -> tuple[int, int] | None:
        i = 0
        comma = next((x for x in range(min(limit, 12)) if toks[x].text == ","), None)
        if (
            comma is not None
            and toks[0].low in ("a", "an", "as", "after", "in", "on", "at", "despite", "with")
            and comma + 1 < limit
        ):
            i = comma + 1  # "A vocal critic of free trade, Mr. Trump has …", "On Monday, the minister …"
        if i < limit and not (toks[i].capitalised or toks[i].low in DETERMINERS):
            return None
        if is_pronoun(toks[i]):
            return (i, i)
        span = phrase_after(toks, i, limit, subject=True)
        if span is None:
            return None
        # the subject is followed by its verb, not by a comma or a preposition
        nxt = toks[span[1] + 1] if span[1] + 1 < limit else None
        if nxt is None or not nxt.is_word:
            return None
        return span


def _clause_subject(toks: list[Tok], end: int) -> bool:
    """The token at ``end``, right after a noun phrase, is an auxiliary or a modal: the phrase is
    the subject of what is said ("…, said the former diplomat couldn't recall the dinner"), not
    an inverted speaker."""
    return end < len(toks) and toks[end].low in AUX_VERBS


#: Verbs of knowing and believing that a modal before them turns into an ability or a
#: possibility ("people cannot understand that …", "anyone can see that …"), not a view.
_COGNITION = frozenset(
    "understand realize realise believe think know see imagine accept grasp appreciate recognize recognise "
    "comprehend fathom".split()
)
_MODALS = frozenset(
    "can cannot can't could couldn't may might must mustn't should shouldn't would wouldn't will won't".split()
)


def _unnamed(toks: list[Tok], k: int) -> bool:
    """The word at ``k`` (the one before a modal) names no one: not capitalised, unless it
    opens the sentence ("People cannot …"), and not a person's pronoun ("Haleh Karimi can
    barely believe …", "she can barely believe …" report a disbelief)."""
    if toks[k].low in ("he", "she", "i", "we"):
        return False  # a person the story has named, or the writer
    return k == 0 or not toks[k].capitalised


def _modal_before(toks: list[Tok], ci: int) -> int:
    """The index of a modal before the verb at ``ci``, with at most adverbs (and "and")
    between; -1 when there is none."""
    k = ci - 1
    while k >= 0 and ci - k <= 5:
        low = toks[k].low
        if low in _MODALS:
            return k
        if not (
            low in ("not", "and", "also", "never", "ever", "even", "still", "really", "truly", "fully")
            or _is_adverb_tok(toks[k])
        ):
            return -1
        k -= 1
    return -1
