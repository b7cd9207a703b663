"""The attribution finder's word lists, read from the built-in ``lexicons.yaml``.

They are the same named lexicons that rules reference with ``@name``: one list, used by
the document model and the rules alike. Words are compared lower-cased, with typographic
apostrophes folded to ``'``; multi-word entries become tuples of words.
"""
from __future__ import annotations

from functools import lru_cache

import yaml

from ..paths import builtin_rules_dir


@lru_cache(maxsize=1)
def builtin_lexicons() -> dict[str, tuple[str, ...]]:
    path = builtin_rules_dir() / "lexicons.yaml"
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    with open(path, encoding="utf-8") as fh:
        data = yaml.load(fh, Loader=loader)  # noqa: S506 - a safe loader
    return {name: tuple(str(w) for w in words) for name, words in data["lexicons"].items()}


def fold(word: str) -> str:
    """Lower case with typographic apostrophes folded: how the finder compares words."""
    return word.lower().replace("’", "'").replace("‘", "'")


def _set(name: str) -> frozenset[str]:
    return frozenset(fold(w) for w in builtin_lexicons()[name])


def _phrases(name: str) -> tuple[str, ...]:
    return tuple(fold(w) for w in builtin_lexicons()[name])


REPORTING_VERBS = _set("reporting-verbs")
STANCE_VERBS = _set("stance-verbs")
ACTION_VERBS = _set("action-verbs")
STANCE_ADJECTIVES = _set("stance-adjectives")
NOMINAL_CUES = _set("nominal-cues")
SOURCELESS_CUES = _set("sourceless-cues")
PASSIVE_CUES = _phrases("passive-cues")
EVIDENCE_VERBS = _set("evidence-verbs")
EVIDENCE_NOUNS = _set("evidence-nouns")
AUXILIARIES = _set("auxiliaries")
GENERIC_SOURCE_HEADS = _set("generic-source-heads")
GROUP_QUALIFIERS_NOT_NAMING = _set("group-qualifiers-not-naming")
OFFICE_NOUNS = _set("office-nouns")
ORGANISATION_WORDS = _set("organisation-words")
PRONOUN_SOURCES = _set("pronoun-sources")
NP_BOUNDARY_WORDS = _set("np-boundary-words")
