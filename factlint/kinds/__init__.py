"""Rule kinds: each compiles one YAML rule into a checker. See docs/rule-authoring.md.

``KINDS`` (kind name -> rule class) imports the kind modules on first use, so that a
module that needs only ``kinds.base`` -- every check in ``factlint.checks`` does -- can be
imported first without going round the circle structure -> checks -> kinds.base."""
from __future__ import annotations

from importlib import import_module

_MODULES = {
    "PhraseRule": "phrase", "SubstituteRule": "substitute", "SentenceRule": "sentence",
    "RepetitionRule": "repetition", "ConsistencyRule": "consistency", "MetricRule": "metric",
    "StructureRule": "structure",
}

__all__ = ["KINDS"]


def __getattr__(name: str):
    if name == "KINDS":
        kinds = {cls.kind: cls for cls in (__getattr__(n) for n in _MODULES)}
        globals()["KINDS"] = kinds
        return kinds
    if name in _MODULES:
        cls = getattr(import_module(f".{_MODULES[name]}", __name__), name)
        globals()[name] = cls
        return cls
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
