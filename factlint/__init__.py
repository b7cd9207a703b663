"""factlint: an editorial fact-check and sourcing-quality linter for news drafts.

The public API is imported lazily, so ``factlint --version`` and the command line's
start-up do not pay for the parsers and rule engine until they are used.
"""

from __future__ import annotations

__version__ = "0.1.0"

_EXPORTS = {
    "lint_text": ("api", "lint_text"),
    "lint_file": ("api", "lint_file"),
    "lint_paths": ("api", "lint_paths"),
    "load_rules": ("api", "load_rules"),
    "Finding": ("finding", "Finding"),
    "Fix": ("finding", "Fix"),
    "ReadError": ("reading", "ReadError"),
    "RuleLoadError": ("ruleset", "RuleLoadError"),
    "RuleSet": ("ruleset", "RuleSet"),
}

__all__ = [*_EXPORTS, "__version__"]


def __getattr__(name: str):
    if name in _EXPORTS:
        from importlib import import_module

        module, attr = _EXPORTS[name]
        value = getattr(import_module(f".{module}", __name__), attr)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'factlint' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(__all__)
