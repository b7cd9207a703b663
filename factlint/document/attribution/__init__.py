"""Who says so: attributions in the prose, found once per document (by ``parse``).

An attribution is a *cue* ("said", "according to", "reportedly"), usually with a
*source* (who says it) and a *content* (what is said). One pass finds them:

1. one Aho-Corasick scan of the prose finds every cue of the finder's lexicons
   (``reporting-verbs``, ``sourceless-cues``, ``passive-cues`` in ``rules/lexicons.yaml``),
   plus one pattern for transcript labels ("TAPPER: ...") -- :mod:`.cues`;
2. each cue is checked in its sentence: a verb needs a source next to it
   (:mod:`..sourcephrase` walks to it: "senior officials have privately acknowledged",
   "…, said the minister", "according to X"); "reportedly", "is said to", "it is believed"
   and agentless passives ("is described as", "has been criticised") stand alone --
   :mod:`.verbs` and :mod:`.forms`;
3. the source is classified (:mod:`..sourcekind`): named person or organisation,
   anonymous (described), vague, or none at all (unsourced). A verb of saying whose
   speaker the walk cannot place ("… and announced", "All but two said") is still an
   attribution, listed as unsourced; a noun of stance ("criticism of", "questions
   about") is one of the inventory-only form "nominal" -- :mod:`.speakers`;
4. pronouns and "who" resolve to the last compatible source in the paragraph or the one
   before; a vague group named in a neighbouring sentence ("MPs said … the Public Accounts
   Committee found") counts as identified; a reason for anonymity is looked for in the
   sentence and the next one -- :mod:`.speakers`, :mod:`.passes`.

Cues inside a direct quotation are the speaker's words, not the reporter's attribution,
and are kept apart (``Document.nested_attributions``). The sourcing rules, the attribution
rules (the ``sentence`` kind's ``attribution`` condition) and ``factlint sources`` all read
this one list, ``Document.attributions``.

The package: :mod:`.record` (the Attribution record), :mod:`.cues` (cue index and scan),
:mod:`.verbs` and :mod:`.forms` (the cue forms), :mod:`.speakers` (who speaks, pronouns,
quotations' speakers), :mod:`.passes` (the runs and the passes over the whole list),
:mod:`.tokens` (token predicates), :mod:`.wordindex` (does the draft write a word so),
:mod:`.words` (the grammar words, read from ``rules/lexicons.yaml``). A run is one
:class:`.passes.Finder`, whose parts are the classes of the modules of each seam.
"""
from .cues import CueIndex, default_cue_index, register_cues
from .passes import Finder, attribute, find_attributions
from .record import FORMS, INFORMING_FORMS, KINDS, TITLE_BLOCKS, Attribution, has_anonymity_reason, \
    mentions_anonymity
from .words import IMPRESSION_VERBS

__all__ = ["Attribution", "CueIndex", "FORMS", "Finder", "IMPRESSION_VERBS", "INFORMING_FORMS", "KINDS",
           "TITLE_BLOCKS", "attribute", "default_cue_index", "find_attributions", "has_anonymity_reason",
           "mentions_anonymity", "register_cues"]
