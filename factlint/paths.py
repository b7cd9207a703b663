"""Where factlint's own data lives, in a source checkout and in an installed wheel."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def builtin_rules_dir() -> Path:
    """The built-in rule packs: inside the wheel, or ``rules/`` beside the package."""
    bundled = _PACKAGE / "_builtin_rules"
    if bundled.is_dir():
        return bundled
    return _PACKAGE.parent / "rules"


def shown_path(path: Path) -> str:
    """A file's path for messages: relative to the working directory when it is below it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)
