"""The TOML parser, imported only when a TOML file is read (most runs read none)."""

from __future__ import annotations

import sys


def tomllib():
    """The standard library's tomllib, or tomli (its backport) on Python 3.10."""
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # Python 3.10
        import tomli as tomllib
    return tomllib
