"""Installed rule packs: distributions that declare an entry point in ``factlint.packs``.

A pack on PyPI (or a private index) is a Python distribution holding YAML rule files in
a package folder, and one line of metadata naming that folder::

    [project.entry-points."factlint.packs"]
    house = "factlint_house"          # pack name = package (dotted names allowed)

The entry point's value is a package name (no ``:attr``); the pack is every rule file in
that package's folder, found on ``sys.path`` the way Python would find the package. The
package is never imported: factlint only reads YAML from it, so a pack runs no code.

Discovery reads ``entry_points.txt`` of each ``*.dist-info``/``*.egg-info`` folder on
``sys.path`` directly (a few milliseconds) instead of :mod:`importlib.metadata`, whose
import alone costs 100-200 ms on a loaded machine -- paid at every start otherwise.

``FACTLINT_NO_INSTALLED_PACKS=1`` in the environment (or ``installed-packs: false`` in a
configuration file, or ``--no-installed-packs``) turns discovery off, for an environment
whose installed packages are not trusted to choose rules (see docs/security.md).
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

GROUP = "factlint.packs"
DISABLE_ENV = "FACTLINT_NO_INSTALLED_PACKS"


@dataclass(frozen=True)
class InstalledPack:
    name: str  # the entry point's name: what `select`/`ignore` and `factlint rules` call it
    value: str  # the package it names
    folder: Path | None  # None: the package was not found (``problem`` says why)
    problem: str = ""


def disabled_by_environment() -> bool:
    return os.environ.get(DISABLE_ENV, "").strip().lower() not in ("", "0", "false", "no")


def _entry_points_section(text: str) -> list[tuple[str, str]]:
    """(name, value) of the ``[factlint.packs]`` section of an entry_points.txt."""
    out: list[tuple[str, str]] = []
    inside = False
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith(("#", ";")):
            continue
        if line.startswith("[") and line.endswith("]"):
            inside = line[1:-1].strip() == GROUP
            continue
        if inside and "=" in line:
            name, value = line.split("=", 1)
            out.append((name.strip(), value.strip()))
    return out


def _package_folder(value: str, search: list[str]) -> Path | None:
    parts = value.split(".")
    for entry in search:
        folder = Path(entry or ".").joinpath(*parts)
        if folder.is_dir():
            return folder
    return None


def installed_packs(search: list[str] | None = None) -> list[InstalledPack]:
    """Every pack declared by a distribution on ``search`` (default ``sys.path``), by name;
    the first declaration of a name wins, as Python's own import order would have it."""
    search = list(sys.path if search is None else search)
    found: dict[str, InstalledPack] = {}
    for entry in search:
        try:
            listing = os.scandir(entry or ".")
        except OSError:
            continue
        with listing:
            metadata = sorted(e.path for e in listing if e.name.endswith((".dist-info", ".egg-info")))
        for folder in metadata:
            try:
                with open(os.path.join(folder, "entry_points.txt"), encoding="utf-8") as handle:
                    text = handle.read()
            except (OSError, UnicodeDecodeError):
                continue
            if GROUP not in text:
                continue
            for name, value in _entry_points_section(text):
                if name in found:
                    continue
                found[name] = _resolve(name, value, search)
    return [found[name] for name in sorted(found)]


def _resolve(name: str, value: str, search: list[str]) -> InstalledPack:
    if ":" in value or not value or not all(part.isidentifier() for part in value.split(".")):
        return InstalledPack(
            name, value, None, f"entry point value '{value}' must name a package (like 'factlint_house'), not an object"
        )
    folder = _package_folder(value, search)
    if folder is None:
        return InstalledPack(name, value, None, f"package '{value}' not found (is the distribution installed whole?)")
    return InstalledPack(name, value, folder)
