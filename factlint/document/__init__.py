"""Reading a draft's structure: see :mod:`.model` for what a Document holds.

``parse`` is imported on first use, so that importing the document model (as the rule
kinds do) does not import the parsers.
"""

from .formats import format_for_path
from .model import Block, Document, Link, Quote, Sentence

__all__ = ["parse", "format_for_path", "Document", "Block", "Sentence", "Quote", "Link"]


def __getattr__(name: str):
    if name == "parse":
        from .build import parse

        globals()["parse"] = parse
        return parse
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
