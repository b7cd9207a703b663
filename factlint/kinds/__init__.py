"""Rule kinds: each compiles one YAML rule into a checker. See docs/rule-authoring.md.

``KINDS`` maps each kind's name (the ``kind:`` key of a rule) to its rule class; what
every kind shares is in :mod:`.base`."""

from __future__ import annotations

from .consistency import ConsistencyRule
from .metric import MetricRule
from .phrase import PhraseRule
from .repetition import RepetitionRule
from .sentence import SentenceRule
from .structure import StructureRule
from .substitute import SubstituteRule

KINDS = {
    cls.kind: cls
    for cls in (PhraseRule, SubstituteRule, SentenceRule, RepetitionRule, ConsistencyRule, MetricRule, StructureRule)
}

__all__ = [
    "KINDS",
    "ConsistencyRule",
    "MetricRule",
    "PhraseRule",
    "RepetitionRule",
    "SentenceRule",
    "StructureRule",
    "SubstituteRule",
]
