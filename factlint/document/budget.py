"""A per-document work budget: every draft ends, however it is shaped.

Parsing and linting a draft is a sequence of passes, each reading the text (or a part of
it: a block, a sentence, the rest of a paragraph) once. Each pass *charges* what it reads,
in characters, to the budget of the document being linted; a document may read each of
its characters ``per_char`` times (a draft shorter than ``MIN_LENGTH`` characters counts
as that long, for the fixed costs of a pass).
A draft whose shape makes some pass read far more than that (a pass that rescans the
rest of a paragraph for every quotation mark, say) is stopped at the next charge with
:class:`BudgetExceeded`, naming the pass, instead of running for minutes or hours.

The budget counts characters read, not seconds: the same draft is stopped (or not) at the
same place on every machine, in one process or in ``--jobs`` workers, and in the language
server. Ordinary drafts read each character a few hundred times in all (about 50 rules
and a dozen parsing passes); the default allows ``DEFAULT_PER_CHAR`` (see
docs/security.md for the figures it was chosen from). ``per_char = 0`` turns it off.

Regular-expression searches inside a rule are bounded by their own time limit
(:mod:`factlint.kinds.base`); this budget bounds the Python passes around them.
"""

from __future__ import annotations

from contextlib import contextmanager
from contextvars import ContextVar

#: Characters a pass may read per character of the document, summed over all passes.
DEFAULT_PER_CHAR = 2_000
#: What one step of a loop written in Python is charged, in characters: about what a
#: compiled regular expression reads in the same time.
STEP = 50
#: A shorter draft's budget is that of a draft this long (each pass has some fixed costs).
MIN_LENGTH = 1_000


class DocumentRefused(Exception):
    """A draft that is not linted, for a reason its ``str`` says in one line."""


class TooDeeplyNested(DocumentRefused):
    """Markdown nested past the parser's limit: markdown-it skips such content silently
    (a line of ten list markers hid the whole rest of a draft), so it is refused instead."""

    def __init__(self, line: int, limit: int) -> None:
        super().__init__(line, limit)
        self.line = line
        self.limit = limit

    def __str__(self) -> str:
        return (
            f"line {self.line}: nested deeper than the Markdown parser reads ({self.limit // 2} lists or "
            f"{self.limit} blockquotes); not linted"
        )


class BudgetExceeded(DocumentRefused):
    """A document read more characters than its budget allows; ``where`` names the pass."""

    def __init__(self, where: str, per_char: int) -> None:
        super().__init__(where, per_char)
        self.where = where
        self.per_char = per_char

    def __str__(self) -> str:
        return (
            f"work budget exceeded in {self.where} (more than {self.per_char:,} characters read per character "
            "of the draft); not linted (--work-budget sets the limit)"
        )


class WorkBudget:
    """What one document may still read."""

    __slots__ = ("left", "per_char")

    def __init__(self, length: int, per_char: int) -> None:
        self.per_char = per_char
        self.left = per_char * max(length, MIN_LENGTH)

    def charge(self, chars: int, where: str) -> None:
        self.left -= chars
        if self.left < 0:
            raise BudgetExceeded(where, self.per_char)


_current: ContextVar[WorkBudget | None] = ContextVar("factlint_work_budget", default=None)


def charge(chars: int, where: str) -> None:
    """Charge ``chars`` characters read by the pass ``where`` to the current document's
    budget (nothing when no budget is set). Raises BudgetExceeded past it."""
    budget = _current.get()
    if budget is not None:
        budget.charge(chars, where)


@contextmanager
def work_budget(length: int, per_char: int | None = DEFAULT_PER_CHAR):
    """Run the block under a budget for a document of ``length`` characters (``per_char``
    0 or None: no budget)."""
    token = _current.set(WorkBudget(length, per_char) if per_char else None)
    try:
        yield
    finally:
        _current.reset(token)
