"""The cue forms other than a verb of saying: a sourceless report ("reportedly"), a
passive ("is described as"), an impression ("seemed to"), a generic group's doings
("officials are reviewing"), a possessive noun ("Clinton's claim"), a noun of stance
("criticism of"), an attitude ("voters are skeptical"), a poll, a label ("TAPPER:") and
"according to". Each method takes the sentence's tokens and the cue's token span and
gives an :class:`.record.Attribution` or None."""

from __future__ import annotations

from ..lexicons import ACTION_VERBS, ORGANISATION_WORDS, REPORTING_VERBS, STANCE_ADJECTIVES, STANCE_VERBS
from ..sourcephrase import (
    DETERMINERS,
    NUMBER_WORDS,
    OPENING_MARKS,
    Tok,
    is_np_word,
    is_pronoun,
    phrase_after,
    phrase_before,
    skip_back,
)
from .record import Attribution
from .state import FinderState
from .tokens import _is_adverb_tok, _trim_end
from .words import (
    ATTITUDE_LINKS,
    AUX_VERBS,
    BARE_CAUSATIVES,
    BE,
    CLAUSE_JOINERS,
    CLAUSE_OPENERS,
    IMPRESSION_STOPS,
    MODAL_LEAD,
    NOT_SPEAKERS,
    POLL_NOUNS,
    PREDICATE_HEADS,
    QUANTIFIERS,
    STOP_PREDICATE,
)

#: How many tokens after a passive its agent ("by the minister") may come.
AGENT_WINDOW = 8
#: How many tokens a label before a colon may have ("Former AG Jane Roe at the convention:").
LABEL_MAX_TOKENS = 8
#: A possessive before a noun of stance and the pronoun it stands for ("their doubts").
POSSESSIVE_PRONOUNS = {"his": "he", "her": "she", "their": "they", "its": "it", "our": "we", "my": "i"}


#: The passive cues of a report that take an infinitive ("is said to", "thought to").
_REPORT_INFINITIVES = frozenset("said thought believed reported understood rumoured rumored".split())


#: Forecast participles that, after a noun and before an infinitive, are a reduced passive
#: ("the deficit, forecast to reach", "the number projected to swell"): "expected to" is
#: left out, as a person expecting to do something is active ("Analysts expected to see …").
_FORECASTS = frozenset("projected forecast estimated".split())


#: The cues that make a reduced report after a comma (", said to hold", ", forecast to reach").
_REDUCED_AFTER_COMMA = _REPORT_INFINITIVES | _FORECASTS
#: Whom something is said to (", said to me, …"): no infinitive follows.
_OBJECTS = frozenset("me him her us them you it one".split())


def _reduced_report(toks: list[Tok], cj: int, cues: frozenset[str]) -> bool:
    """ "The zone, said to hold gas reserves, …", "Said to be worth $2 billion, the firm …",
    "the number projected to swell": one of ``cues`` with its "is" left out, before the verb
    of what is reported."""
    if toks[cj].low != "to" or cj < 1 or toks[cj - 1].low not in cues or cj + 1 >= len(toks):
        return False
    verb = toks[cj + 1]
    return verb.is_word and not verb.capitalised and verb.low not in DETERMINERS and verb.low not in _OBJECTS


class CueForms(FinderState):
    """The cue forms of :class:`.passes.Finder` other than the verb's (:mod:`.verbs`)."""

    def _verb_at_same_place(self, si: int, toks: list[Tok], ci: int) -> Attribution | None:
        """A passive phrase that reads as active ("what she described as"): try the verb."""
        if toks[ci].low in REPORTING_VERBS:
            return self._verb(si, toks, ci, ci)
        nxt = toks[ci + 1] if ci + 1 < len(toks) else None
        if (
            toks[ci].low.endswith("ed")
            and nxt is not None
            and (
                nxt.low in DETERMINERS
                or is_pronoun(nxt)
                or nxt.capitalised
                or nxt.low.isdigit()
                or nxt.text in OPENING_MARKS
            )
        ):
            # with an object it is active: "the board deemed the plan unsafe", "she dubbed him “…”"
            # ("emails now deemed secret" is no one deeming)
            return self._verb(si, toks, ci, ci)
        return None

    # -- cue forms --------------------------------------------------------------------
    def _report(self, si: int, toks: list[Tok], ci: int, cj: int) -> Attribution:
        s = self.doc.sentences[si]
        content = self._after(toks, cj, s) if ci == 0 else (s.start, _trim_end(self.prose, s.start, s.end))
        return Attribution((toks[ci].start, toks[cj].end), None, "unsourced", si, content, "report", form="report")

    def _passive(self, si: int, toks: list[Tok], ci: int, cj: int) -> Attribution | None:
        k = ci - 1
        while k >= 0 and (
            toks[k].low.endswith("ly") and len(toks[k].low) > 4 or toks[k].low in ("also", "long", "often")
        ):
            k -= 1
        before = toks[k] if k >= 0 else None
        as_phrase = toks[cj].low == "as"
        if before is None or before.text in (",", "—", "–"):
            if not (as_phrase or _reduced_report(toks, cj, _REDUCED_AFTER_COMMA)):
                return None  # ", believed South American origin": no passive of saying
            # "The plan, described as ...", "Described as ...", "the zone, said to hold gas"
        elif before.low in BE:
            if before.low in ("be", "being") and k > 0 and toks[k - 1].low in MODAL_LEAD:
                return None  # "seeks to be seen as", "will be viewed as": a hope or forecast, no attribution
        elif cj + 1 < len(toks) and toks[cj + 1].low == "by" and not is_pronoun(before):
            pass  # "the $36.5 billion estimated by Forbes": a reduced passive with its agent
        elif is_np_word(before) and not is_pronoun(before) and _reduced_report(toks, cj, _FORECASTS):
            pass  # "the number of pensioners projected to swell to 65 million": projected by whom?
        elif as_phrase and is_np_word(before) and not before.capitalised:
            span = phrase_before(toks, k, 0)  # "a plan described as ...", not "which the union described as"
            if span is not None and span[0] > 0 and toks[span[0] - 1].low in ("which", "what", "that", "whom"):
                return None
        else:
            return None
        if toks[cj].low in _NAMING_PARTICIPLES and _a_name_follows(toks, cj + 1):
            return None  # "will be dubbed the “Defeat Crooked Hillary PAC”": a name given, no view
        s = self.doc.sentences[si]
        cue = (toks[ci].start, toks[cj].end)
        agent = self._agent(toks, cj + 1)
        if agent is not None:
            return self._sourced(si, toks, cue, agent, self._after(toks, cj, s), form="passive")
        if before is not None and before.low in BE and k - 1 >= 0 and toks[k - 1].low in ("it",):
            cue = (toks[k - 1].start, cue[1])  # "it is understood"
        return Attribution(cue, None, "unsourced", si, self._after(toks, cj, s), "report", form="passive")

    def _consensus(self, si: int, toks: list[Tok], ci: int, cj: int) -> Attribution | None:
        """ "his much-praised speech", "a broadly respected Republican", "as has been widely
        reported": a judgement said to be shared, with nobody named who shares it -- unless
        "by ..." follows ("widely praised by critics": those critics are the source)."""
        s = self.doc.sentences[si]
        cue = (toks[ci].start, toks[cj].end)
        agent = self._agent(toks, cj + 1)
        if agent is not None:
            return self._sourced(si, toks, cue, agent, self._after(toks, cj, s), form="passive")
        return Attribution(cue, None, "unsourced", si, self._after(toks, cj, s), "report", form="passive")

    def _impression(self, si: int, toks: list[Tok], ci: int) -> Attribution | None:
        """ "The senator seemed to blame the governor", "it appears that …": how things look,
        with no source saying so (an attitude, "voters seem skeptical", has its own cue)."""
        j = ci + 1
        while j < len(toks) and _is_adverb_tok(toks[j]):
            j += 1
        nxt = toks[j] if j < len(toks) else None
        if nxt is None or not nxt.is_word or nxt.capitalised or nxt.low in STANCE_ADJECTIVES:
            return None
        if nxt.low not in ("to", "that", "as", "like", "set", "poised", "likely", "unlikely", "certain", "ready") and (
            nxt.low in DETERMINERS or nxt.low in IMPRESSION_STOPS or nxt.low[:1].isdigit()
        ):
            return None  # "appeared on television", "appeared in court", "appears the …"
        if nxt.low == "as" and (j + 1 >= len(toks) or toks[j + 1].low not in ("if", "though")):
            return None  # "appeared as his guest" (a role), not "seemed as if …"
        if any(t.low in BARE_CAUSATIVES for t in toks[max(0, ci - 4) : ci - 1]):
            return None  # "to make him appear weak": someone's aim, not the reporter's impression
        start = ci
        while start > 0 and (toks[start - 1].low in AUX_VERBS or toks[start - 1].low in ("also", "not", "never")):
            start -= 1  # "has seemed", "did not appear"
        s = self.doc.sentences[si]
        return Attribution(
            (toks[start].start, toks[ci].end),
            None,
            "unsourced",
            si,
            self._after(toks, ci, s),
            "report",
            form="impression",
        )

    def _agent(self, toks: list[Tok], i: int) -> tuple[int, int] | None:
        """ "… by the minister": the agent of a passive, within a few words."""
        for j in range(i, min(len(toks), i + AGENT_WINDOW)):
            t = toks[j]
            if t.low == "by":
                span = phrase_after(toks, j + 1, len(toks))
                if span is None and j + 1 < len(toks) and toks[j + 1].low in QUANTIFIERS:
                    return (j + 1, j + 1)  # "criticised by many as …"
                return span
            if not t.is_word and t.text not in ("-",):
                return None
        return None

    def _group_predicate(self, si: int, toks: list[Tok], hi: int) -> Attribution | None:
        """ "Nuclear proliferation experts have similarly discounted …", "Some party officials
        are looking for …": a generic group as the subject of a verb that is not a reporting
        verb still attributes a view or an act to people the reader cannot identify."""
        n = len(toks)
        j = hi + 1
        if j < n and (
            toks[j].low in ("familiar", "close", "in", "at", "from", "inside", "within", "on")
            or toks[j].low == "to"
            and j + 1 < n
            and toks[j + 1].capitalised
        ):  # "aides to Mr. Sanders"
            after = phrase_after(toks, j + 1, n)
            if after is None or toks[j].low in ("familiar", "close") and after is None:
                return None
            j = after[1] + 1
        k = j
        auxiliaries = 0
        while k < n and (
            toks[k].low in AUX_VERBS or toks[k].low in ("not", "also", "still", "now") or _is_adverb_tok(toks[k])
        ):
            auxiliaries += toks[k].low in AUX_VERBS
            k += 1
        if k >= n:
            return None
        verb = toks[k]
        if not verb.is_word or verb.capitalised or verb.low in STOP_PREDICATE or verb.low[:1].isdigit():
            return None  # "officials are the …", "everyone is from …": no verb
        if (
            verb.low in REPORTING_VERBS
            or verb.low in STANCE_VERBS
            or verb.low in ACTION_VERBS
            or verb.low in STANCE_ADJECTIVES
        ):
            return None  # the verb has its own cue
        last_aux = toks[k - 1].low if auxiliaries else ""
        if last_aux in BE or last_aux in ("been",):
            if not verb.low.endswith("ing"):
                return None  # "three people were killed": a passive or a copula, nobody's view
        elif last_aux in ("have", "has", "had"):
            if not verb.low.endswith("ed"):
                return None
        elif last_aux:
            pass  # "will select", "may end": a modal and a base form
        elif not (verb.low.endswith("ed") and len(verb.low) > 4):
            return None
        elif k + 1 < n and toks[k + 1].low == "by":
            return None  # "economists polled by the agency expect …": a participle describing them
        span = phrase_before(toks, hi, 0)
        if span is None:
            return None
        before = toks[span[0] - 1] if span[0] > 0 else None
        if (
            before is not None
            and before.text not in (",", ";", "—", "–", "(")
            and before.low not in CLAUSE_JOINERS
            and before.low not in ("that", "while", "because", "although", "though", "when", "as", "if")
        ):
            return None  # the group is not the subject of a clause ("the number of officials has …")
        if any(t.low[:1].isdigit() or t.low in NUMBER_WORDS for t in toks[span[0] : span[1] + 1]):
            return None  # "367,000 people voted": a count of people, not a source
        s = self.doc.sentences[si]
        att = self._sourced(si, toks, (toks[j].start, verb.end), span, self._after(toks, k, s), form="predicate")
        if att is not None and att.head not in PREDICATE_HEADS:
            return None
        return att

    @staticmethod
    def _agentful(toks: list[Tok], k: int) -> bool:
        return any(t.low == "by" for t in toks[k + 1 : k + 4])

    def _nominal(self, si: int, toks: list[Tok], ci: int) -> Attribution | None:
        """ "Clinton's claim that …", "the ministry's estimate": the possessive is the source."""
        if ci == 0 or not (toks[ci - 1].low.endswith("'s") or toks[ci - 1].low.endswith("s'")):
            return None
        span = phrase_before(toks, ci - 1, 0, links=False)
        if span is None:
            return None
        s = self.doc.sentences[si]
        return self._sourced(si, toks, (toks[ci].start, toks[ci].end), span, self._after(toks, ci, s))

    def _stance_noun(self, si: int, toks: list[Tok], ci: int) -> Attribution | None:
        """ "Criticism of the plan grew", "amid questions about his health", "claims that
        the vote was rigged": a noun of saying or stance. The source is a possessive before
        it ("Clinton's claim that", as a nominal cue) or an agent after it ("criticism from
        unions"); often there is none. For the inventory: no rule reads this form."""
        prev = toks[ci - 1] if ci > 0 else None
        if prev is not None and (prev.low.endswith("'s") or prev.low.endswith("s'")):
            return self._nominal(si, toks, ci)
        s = self.doc.sentences[si]
        cue = (toks[ci].start, toks[ci].end)
        content = self._after(toks, ci, s)
        if prev is not None and prev.low in POSSESSIVE_PRONOUNS:
            # "her criticism of the plan": the possessive refers back like "she"
            return Attribution(
                cue,
                (prev.start, prev.end),
                "named-person",
                si,
                content,
                "paraphrase",
                pronoun=True,
                form="nominal",
                head=POSSESSIVE_PRONOUNS[prev.low],
            )
        if ci + 1 < len(toks) and toks[ci + 1].low in ("from", "by"):
            agent = phrase_after(toks, ci + 2, len(toks))
            if agent is not None:
                att = self._sourced(si, toks, cue, agent, content, form="nominal")
                if att is not None:
                    return att
        return Attribution(cue, None, "unsourced", si, content, "paraphrase", form="nominal")

    def _attitude(self, si: int, toks: list[Tok], ci: int) -> Attribution | None:
        """ "Voters are skeptical of free trade": an attitude attributed to the subject."""
        k = ci - 1
        while k >= 0 and (
            _is_adverb_tok(toks[k])
            or toks[k].low in ("not", "also", "still", "more", "less", "very", "so", "too", "increasingly")
        ):
            k -= 1
        if k < 0 or toks[k].low not in ATTITUDE_LINKS:
            return None
        cue_start = k
        k = skip_back(toks, k - 1, 0)
        source = self._source_before(toks, k)
        if source is None or toks[source[0]].low in ("it", "this", "that", "there"):
            return None
        s = self.doc.sentences[si]
        return self._sourced(
            si, toks, (toks[cue_start].start, toks[ci].end), source, self._after(toks, ci, s), form="stance"
        )

    def _poll(self, si: int, toks: list[Tok], ci: int) -> Attribution | None:
        """ "In a new poll by the Tidewater Institute, …", "took 40 percent in a poll released
        on Monday", "fares better in other recent polls": "in" is the cue, the poll the source."""
        end = ci + 1
        while end < len(toks) and toks[end].low not in POLL_NOUNS:
            end += 1
        if end >= len(toks):
            return None
        if (
            ci > 0
            and toks[end].low != "poll"
            and toks[end].low != "survey"
            and toks[ci - 1].text not in CLAUSE_OPENERS
            and not any(toks[x].low in _POLLS_QUALIFIED for x in range(ci + 1, end))
        ):
            # "leads in the polls", "ahead in polls": the race's standing, no poll cited; but
            # "fares better in other recent polls", "in statewide polls" cite polls nobody names
            # (editors circled both such sentences of editor-dev's half a)
            return None
        if end + 1 < len(toks) and toks[end + 1].low == "data":
            end += 1
        s = self.doc.sentences[si]
        content = self._before(toks, ci, s) if ci > 1 else self._after(toks, end, s)
        return self._sourced(si, toks, (toks[ci].start, toks[ci].end), (ci + 1, end), content, form="according")

    def _label(self, si: int, toks: list[Tok], ci: int) -> Attribution | None:
        j = 0  # the label opens the sentence (see _LABEL)
        if ci < 1 or ci > LABEL_MAX_TOKENS or any(t.low in NOT_SPEAKERS for t in toks[:ci]):
            return None
        s = self.doc.sentences[si]
        att = self._sourced(
            si, toks, (toks[ci].start, toks[ci].end), (j, ci - 1), self._after(toks, ci, s), form="label"
        )
        if (
            att is not None
            and att.kind == "named-organisation"
            and all(t.text.isupper() for t in toks[:ci] if t.is_word)
            and att.head not in ORGANISATION_WORDS
        ):
            att.kind = "named-person"  # "TAPPER:" in a transcript
        return att

    def _according(self, si: int, toks: list[Tok], ci: int, cj: int) -> Attribution | None:
        src = phrase_after(toks, cj + 1, len(toks))
        if src is None:
            return None
        s = self.doc.sentences[si]
        if ci <= 1:
            content = self._after(toks, src[1], s)
        else:
            content = self._before(toks, ci, s)
        att = self._sourced(si, toks, (toks[ci].start, toks[cj].end), src, content, form="according")
        if att is None:  # "according to a newly uncovered email": a document the text describes
            i, j = src
            att = Attribution(
                (toks[ci].start, toks[cj].end),
                (toks[i].start, toks[j].end),
                "named-organisation",
                si,
                content,
                form="according",
                head=toks[j].low,
            )
        return att


#: Words before a plural poll noun that make "in … polls" a citation ("in other recent polls",
#: "in statewide polls"), not the race's standing ("in the polls", "slipped in national
#: surveys").
_POLLS_QUALIFIED = frozenset("other recent statewide state several some many most new early latest".split())


#: Participles that give a name; followed by a name (capitalised, quoted or not) they name
#: a thing ("dubbed the “Defeat Crooked Hillary PAC”"), not judge it ("dubbed a traitor").
_NAMING_PARTICIPLES = frozenset("dubbed called named nicknamed titled entitled renamed".split())


def _a_name_follows(toks: list[Tok], k: int) -> bool:
    """A capitalised word (after "the" and an opening quotation mark) starts at ``k``."""
    while k < len(toks) and (toks[k].low == "the" or toks[k].text in OPENING_MARKS):
        k += 1
    return k < len(toks) and toks[k].is_word and toks[k].capitalised
