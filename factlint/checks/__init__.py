"""Named document checks for the ``structure`` rule kind, one module each.

A check is a class with ``NAME``, ``DESCRIPTION``, ``OPTIONS`` (schema fields for the
rule's ``options:``), ``MESSAGE_KEYS`` and ``run(doc, options, scope)`` yielding hits.
"""

from __future__ import annotations

from .double_space import DoubleSpace
from .duplicate_headline import DuplicateHeadline
from .empty_heading import EmptyHeading
from .empty_link import EmptyLink
from .missing_end_punctuation import MissingEndPunctuation
from .missing_space import MissingSpace
from .repeated_paragraph import RepeatedParagraph
from .shouted_word import ShoutedWord
from .unbalanced import Unbalanced

CHECKS = {
    c.NAME: c
    for c in (
        DuplicateHeadline,
        RepeatedParagraph,
        Unbalanced,
        MissingSpace,
        MissingEndPunctuation,
        DoubleSpace,
        EmptyLink,
        EmptyHeading,
        ShoutedWord,
    )
}
