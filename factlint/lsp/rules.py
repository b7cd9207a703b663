"""The rule set for a document, compiled once per workspace and reused for every keystroke.

The loader is a function ``(workspace folder or None) -> RuleSet``. Today it loads the
built-in packs plus ``--rules`` folders; when configuration discovery lands
(``factlint/config.py``), pass a loader that reads the workspace's configuration, e.g.
``WorkspaceRules(lambda root: config.ruleset_for(root))``: nothing else changes.
"""
from __future__ import annotations

from pathlib import Path
from typing import Callable, Iterable

from ..ruleset import RuleSet

Loader = Callable[[Path | None], RuleSet]


class WorkspaceRules:
    def __init__(self, loader: Loader) -> None:
        self.loader = loader
        self.folders: list[Path] = []
        self._given: tuple = ()
        self._cache: dict[Path | None, RuleSet] = {}

    @classmethod
    def from_options(cls, rules_dirs: Iterable[str] = (), builtin: bool = True) -> "WorkspaceRules":
        from ..ruleset import load_rules

        dirs = tuple(rules_dirs)
        return cls(lambda root: load_rules(dirs, builtin=builtin))

    def set_folders(self, folders: Iterable[Path]) -> None:
        """The workspace folders (innermost first when nested); compiled rules are kept."""
        given = tuple(folders)
        if given != self._given:
            self._given = given
            self.folders = sorted({Path(f).resolve() for f in given}, key=lambda p: len(p.parts), reverse=True)

    def folder_of(self, path: str | None) -> Path | None:
        """The innermost workspace folder holding ``path`` (None: outside every folder)."""
        if path:
            resolved = Path(path).resolve()
            for folder in self.folders:
                if resolved == folder or folder in resolved.parents:
                    return folder
        return None

    def for_document(self, path: str | None) -> RuleSet:
        """Compiled rules for the document at ``path`` (RuleLoadError if they do not load)."""
        folder = self.folder_of(path)
        if folder not in self._cache:
            self._cache[folder] = self.loader(folder)
        return self._cache[folder]

    def forget(self) -> None:
        """Drop compiled rules (after the configuration or a rule pack changed)."""
        self._cache.clear()

    @property
    def compiled(self) -> int:
        return len(self._cache)
