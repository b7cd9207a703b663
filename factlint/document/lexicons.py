"""The attribution finder's word lists, read from the built-in ``lexicons.yaml``.

They are the same named lexicons that rules reference with ``@name``: one list, used by
the document model and the rules alike.
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


def _set(name: str) -> frozenset[str]:
    return frozenset(w.lower() for w in builtin_lexicons()[name])


REPORTING_VERBS = _set("reporting-verbs") - {"according to"}
SOURCELESS_CUES = _set("sourceless-cues")
AUXILIARIES = _set("auxiliaries")
GENERIC_SOURCE_HEADS = _set("generic-source-heads")
GROUP_QUALIFIERS_NOT_NAMING = _set("group-qualifiers-not-naming")
OFFICE_NOUNS = _set("office-nouns")
PRONOUN_SOURCES = _set("pronoun-sources")
NP_BOUNDARY_WORDS = _set("np-boundary-words")
