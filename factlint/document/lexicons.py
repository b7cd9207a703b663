"""The attribution finder's word lists, read from the built-in ``lexicons.yaml``.

They are the same named lexicons that rules reference with ``@name``: one list, used by
the document model and the rules alike. Words are compared lower-cased, with typographic
apostrophes folded to ``'``; multi-word entries become tuples of words.
"""

from __future__ import annotations

import hashlib
import json
import os
from functools import lru_cache

from ..paths import builtin_rules_dir


@lru_cache(maxsize=1)
def builtin_lexicons() -> dict[str, tuple[str, ...]]:
    """The ``lexicons`` of the built-in ``lexicons.yaml``. Every process needs them at
    import, so a JSON copy is kept in the per-user cache folder, named by the file's
    SHA-256: reading it costs far less than importing PyYAML and parsing the file."""
    path = builtin_rules_dir() / "lexicons.yaml"
    raw = path.read_bytes()
    copy = _copy_path(raw)
    found = _read_copy(copy) if copy else None
    if found is not None:
        return found
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    data = yaml.load(raw.decode("utf-8"), Loader=loader)  # noqa: S506 - a safe loader
    lexicons = {name: tuple(str(w) for w in words) for name, words in data["lexicons"].items()}
    if copy:
        _write_copy(copy, lexicons)
    return lexicons


def _copy_path(raw: bytes) -> str | None:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    if not os.path.isabs(base):
        return None
    digest = hashlib.sha256(b"lexicons-json-1\0" + raw).hexdigest()[:32]
    return os.path.join(base, "factlint", f"lexicons-{digest}.json")


def _read_copy(path: str) -> dict[str, tuple[str, ...]] | None:
    """The copy's lexicons, or None if it is missing or not a mapping of word lists."""
    try:
        with open(path, encoding="utf-8") as fh:
            data = json.load(fh)
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or not all(
        isinstance(words, list) and all(isinstance(w, str) for w in words) for words in data.values()
    ):
        return None
    return {str(name): tuple(words) for name, words in data.items()}


def _write_copy(path: str, lexicons: dict[str, tuple[str, ...]]) -> None:
    try:
        os.makedirs(os.path.dirname(path), mode=0o700, exist_ok=True)
        tmp = f"{path}.{os.getpid()}.tmp"
        with open(tmp, "w", encoding="utf-8") as fh:
            json.dump({name: list(words) for name, words in lexicons.items()}, fh, ensure_ascii=False)
        os.replace(tmp, path)
    except OSError:
        pass  # no cache folder: parse the file again next time


def fold(word: str) -> str:
    """Lower case with typographic apostrophes folded: how the finder compares words."""
    low = word.lower()
    if low.isascii():  # (most words: no apostrophe to fold)
        return low
    return low.replace("’", "'").replace("‘", "'")


def word_set(name: str) -> frozenset[str]:
    """The built-in lexicon ``name``, folded (see :func:`fold`)."""
    return frozenset(fold(w) for w in builtin_lexicons()[name])


def _phrases(name: str) -> tuple[str, ...]:
    return tuple(fold(w) for w in builtin_lexicons()[name])


REPORTING_VERBS = word_set("reporting-verbs")
STANCE_VERBS = word_set("stance-verbs")
ACTION_VERBS = word_set("action-verbs")
STANCE_ADJECTIVES = word_set("stance-adjectives")
NOMINAL_CUES = word_set("nominal-cues")
STANCE_NOUNS = _phrases("stance-nouns")
SOURCELESS_CUES = word_set("sourceless-cues")
PASSIVE_CUES = _phrases("passive-cues")
EVIDENCE_VERBS = word_set("evidence-verbs")
EVIDENCE_NOUNS = word_set("evidence-nouns")
AUXILIARIES = word_set("auxiliaries")
GENERIC_SOURCE_HEADS = word_set("generic-source-heads")
GROUP_QUALIFIERS_NOT_NAMING = word_set("group-qualifiers-not-naming")
THING_SOURCE_MODIFIERS = word_set("thing-source-modifiers")
OFFICE_NOUNS = word_set("office-nouns")
ORGANISATION_WORDS = word_set("organisation-words")
COUNTRY_NAMES = word_set("country-names")
PRONOUN_SOURCES = word_set("pronoun-sources")
NP_BOUNDARY_WORDS = word_set("np-boundary-words")
