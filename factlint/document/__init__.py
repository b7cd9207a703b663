"""Reading a draft's structure: see :mod:`.model` for what a Document holds."""
from .build import format_for_path, parse
from .model import Block, Document, Link, Quote, Sentence

__all__ = ["parse", "format_for_path", "Document", "Block", "Sentence", "Quote", "Link"]
