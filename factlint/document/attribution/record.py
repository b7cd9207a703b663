"""The attribution record: what the finder says about one cue, and the names of its kinds and forms."""
from __future__ import annotations

from dataclasses import dataclass, field, fields
from operator import attrgetter

from ..sourcekind import ANONYMITY, ANONYMITY_REASON

KINDS = ("named-person", "named-organisation", "anonymous", "vague", "unsourced")
#: How an attribution is made: a reporting verb ("said"), a verb of stance or intent
#: ("wants", "opposes"), a public act ("declined to comment", "thanked"), what a group of
#: unnamed sources is doing ("experts have discounted", "officials are reviewing"), "according to", a sourceless report ("reportedly", "it is
#: believed"), a passive ("is described as"), a transcript or headline label ("TAPPER:").
#: Two forms are for the inventory only (no rule flags them, and they stand behind no
#: claim): "question", the reporter's question ("Asked about the plan, she said …", "he
#: was asked whether …"), and "impression", how things look with nobody saying so ("the
#: senator seemed to blame …", "it appears that …"); and "nominal", a noun of saying or
#: stance with no possessive ("criticism of the plan", "questions about his health",
#: "claims that …"), whose holder is often not named at all; and "participle", a verb of
#: saying or stance in -ing whose speaker the finder could not place ("…, stressing the
#: island's sovereignty", "an advert touting cheaper fares"): someone in the sentence says
#: it, but the clause it hangs off is not theirs to vouch for.
FORMS = ("verb", "stance", "action", "predicate", "according", "report", "passive", "label", "question",
         "impression", "nominal", "participle")
#: The forms in which a source tells the reporter something (the ones whose anonymity
#: wants a reason: ``sourcing/anonymous-no-reason``, ``factlint sources``' summary) --
#: not a public act ("union members approved"), a passive, a question or an impression.
INFORMING_FORMS = frozenset({"verb", "stance", "predicate", "according", "label"})


@dataclass(slots=True)
class Attribution:
    """One attribution; every span is in prose offsets (``Document.to_raw`` maps it)."""

    cue: tuple[int, int]
    source: tuple[int, int] | None
    kind: str
    sentence: int
    content: tuple[int, int] | None = None
    quote: str = "paraphrase"  # direct | paraphrase | report
    reason: tuple[int, int] | None = None
    pronoun: bool = False  # the source is a pronoun, "who" or "the officials": a reference
    form: str = "verb"
    head: str = ""  # the source's head word, lower case
    refers_to: tuple[int, int] | None = None  # what a pronoun or group reference resolves to
    resolved: bool = True  # False for a pronoun with no source to refer to
    #: For an attribution with no source ("reportedly", "it is believed"): the attribution
    #: with a source in whose content its cue lies, in the same sentence ("It is believed
    #: the minister resigned, police said": the police stand behind the belief), else None.
    within: Attribution | None = field(default=None, repr=False, compare=False)

    @property
    def has_source(self) -> bool:
        return self.kind != "unsourced"

    @property
    def is_specific(self) -> bool:
        """A source a reader can identify or weigh (named, office, or resolved pronoun)."""
        return self.kind in ("named-person", "named-organisation")


#: An attribution's fields, for a copy of it as the cue scan made it.
_FIELDS = attrgetter(*(f.name for f in fields(Attribution) if f.init))


def _copy(att: Attribution) -> Attribution:
    return Attribution(*_FIELDS(att))


def has_anonymity_reason(prose: str, start: int, end: int) -> bool:
    return ANONYMITY_REASON.search(prose, start, end) is not None


def mentions_anonymity(prose: str, start: int, end: int):
    return ANONYMITY.search(prose, start, end)


#: Blocks that title the story rather than report it (also read by ``factlint sources``).
TITLE_BLOCKS = frozenset({"headline", "heading", "dek"})
