"""The settings for an open document, found as on the command line and compiled once.

Each document gets the configuration that ``factlint check`` would give the same path
(``.factlint.yaml`` or ``[tool.factlint]`` found by walking up from it, per-path
overrides, ``--rules`` packs); the :class:`~factlint.selection.Resolver` compiles rules once
per distinct configuration and keeps them for every keystroke.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..selection import Cli, Effective, Resolver


class EditorSettings:
    def __init__(self, rules_dirs: Iterable[str] = (), builtin: bool = True) -> None:
        self.cli = Cli(rules=tuple(rules_dirs), no_builtin=not builtin)
        self.resolver = Resolver(self.cli)

    def for_document(self, path: str | None) -> Effective:
        """Settings (rules, accepted terms, minimum severity) for the document at ``path``;
        raises ConfigError when the configuration or its rule packs do not load."""
        return self.resolver.effective(path)

    def forget(self) -> None:
        """Read configuration files and compile rules again (one of them changed)."""
        self.resolver = Resolver(self.cli)

    @property
    def compiled(self) -> int:
        """How many times rule packs were compiled since the last ``forget``."""
        return self.resolver.loads
