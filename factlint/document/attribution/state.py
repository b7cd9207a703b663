"""What every part of one finder run shares: the state :class:`.passes.Finder` sets up, and
the steps each part calls in another (declared here for the type checker only).

The finder is one class made of the classes of its seams (:mod:`.cues`, :mod:`.forms`,
:mod:`.verbs`, :mod:`.speakers`); each of them derives from :class:`FinderState`, so that
what one part reads of another is written down once.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..sourcephrase import Tok
    from .record import Attribution


class FinderState:
    """The state of one run (set by ``Finder.__init__``)."""

    doc: Any
    prose: str
    cues: Any  # the run's .cues.CueIndex (cues.py builds on this module)
    hits: dict[int, list[tuple[int, int]]]
    found: list[Attribution]
    nested: list[Attribution]
    routed: list[tuple[int, bool]]
    candidates: dict[int, list[tuple[int, int, str]]]
    decided: list[tuple[int, int, Attribution, bool]]
    _tok_sentence: int
    _tok_list: list[Tok]
    _lower_words: dict[str, bool]
    _whole_words: frozenset[str] | None
    _run_starts: dict[str, list[int]] | None
    _scans_left: int
    _quote_spans: list[tuple[int, int]] | None
    _quote_starts: list[int]

    if TYPE_CHECKING:  # the steps one part calls in another

        def _verb(self, si: int, toks: list[Tok], ci: int, cj: int) -> Attribution | None: ...
        def _verb_at_same_place(self, si: int, toks: list[Tok], ci: int) -> Attribution | None: ...
        def _according(self, si: int, toks: list[Tok], ci: int, cj: int) -> Attribution | None: ...
        def _report(self, si: int, toks: list[Tok], ci: int, cj: int) -> Attribution: ...
        def _passive(self, si: int, toks: list[Tok], ci: int, cj: int) -> Attribution | None: ...
        def _consensus(self, si: int, toks: list[Tok], ci: int, cj: int) -> Attribution | None: ...
        def _impression(self, si: int, toks: list[Tok], ci: int) -> Attribution | None: ...
        def _group_predicate(self, si: int, toks: list[Tok], hi: int) -> Attribution | None: ...
        def _nominal(self, si: int, toks: list[Tok], ci: int) -> Attribution | None: ...
        def _stance_noun(self, si: int, toks: list[Tok], ci: int) -> Attribution | None: ...
        def _attitude(self, si: int, toks: list[Tok], ci: int) -> Attribution | None: ...
        def _poll(self, si: int, toks: list[Tok], ci: int) -> Attribution | None: ...
        def _label(self, si: int, toks: list[Tok], ci: int) -> Attribution | None: ...
        def _agent(self, toks: list[Tok], i: int) -> tuple[int, int] | None: ...
        def _after(self, toks: list[Tok], j: int, s: Any) -> tuple[int, int] | None: ...
        def _before(self, toks: list[Tok], i: int, s: Any) -> tuple[int, int] | None: ...
        def _source_before(self, toks: list[Tok], k: int) -> tuple[int, int] | None: ...
        def _sourced(
            self,
            si: int,
            toks: list[Tok],
            cue: tuple[int, int],
            span: tuple[int, int],
            content: tuple[int, int] | None,
            form: str = "verb",
        ) -> Attribution | None: ...
